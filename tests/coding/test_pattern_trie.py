"""The pattern trie finds the triggers the per-pattern reference finds.

Sentences are made up at random from the lexicon's own words (the forms its
patterns name, with affixes the morphology strips), function words and
punctuation, so that multi-word patterns, gaps and overlaps all occur."""

from __future__ import annotations

import random

import pytest

from jalin.coding.triggers import PatternTrie, match_triggers, match_triggers_reference, pattern_trie
from jalin.coding.view import SentenceView
from jalin.lang import get_pack
from jalin.models import Sentence
from jalin.nlp.tokens import tokenize

FILLERS = {
    "id": ["dan", "yang", "akan", "tidak", "dengan", "di", "ke", "pada", "itu", ",", ".", "kedua", "negara"],
    "en": ["and", "the", "will", "not", "with", "in", "to", "on", "that", ",", ".", "two", "countries"],
}
AFFIXES = {"id": [("", ""), ("me", "kan"), ("di", "i"), ("", "an"), ("ber", "")], "en": [("", ""), ("", "s"),
                                                                                         ("", "ed"), ("", "ing")]}


def _words(lex):
    out = []
    for e in lex.entries:
        for item in e.items:
            if item.kind in ("root", "word"):
                out.append(item.value)
    return sorted(set(out))


def _sentence(rng, words, lang):
    toks = []
    for _ in range(rng.randint(3, 22)):
        if rng.random() < 0.45:
            pre, suf = rng.choice(AFFIXES[lang])
            toks.append(pre + rng.choice(words) + suf)
        else:
            toks.append(rng.choice(FILLERS[lang]))
    return " ".join(toks)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_trie_matches_the_reference(lang):
    lex = get_pack(lang).lexicon()
    words = _words(lex)
    rng = random.Random(2026)
    found = 0
    for k in range(400):
        text = _sentence(rng, words, lang)
        s = Sentence("t", k, 0, len(text), text, 0)
        view = SentenceView.build(s, tokenize(text), [], [], lex)
        got, want = match_triggers(view, lex), match_triggers_reference(view, lex)
        assert got == want, text
        found += len(want)
    assert found > 200  # the sentences did hold triggers


def test_trie_is_built_once_per_lexicon():
    lex = get_pack("id").lexicon()
    assert pattern_trie(lex) is pattern_trie(lex)
    trie = PatternTrie(lex)
    # every pattern that can match ends somewhere in the trie
    ends, stack = 0, [trie.root]
    while stack:
        node = stack.pop()
        ends += len(node.ends)
        stack.extend(child for edges in (node.kids, node.gaps, node.agaps)
                     for pairs in edges.values() for _, child in pairs)
    assert ends == len(lex.entries)
