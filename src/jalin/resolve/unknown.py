"""Unknown names: capitalised names that take part in event sentences but
resolve to no actor, so a curator can extend ``data/actors/``.

    >>> from jalin.store import Store
    >>> with Store("jalin.duckdb", read_only=True) as st:     # doctest: +SKIP
    ...     for u in mine_unknown(st)[:10]:
    ...         print(u.name, u.count, u.trigger_sentences)

How it works, per stored sentence:

1. candidate names are runs of one to five capitalised words (name
   particles such as "bin", "al", "van", "de" and hyphens may join them);
   a run stops at any word the actor tables know as a role or grammar word
   ("Presiden", "Menteri", "Senin"), and at the stored actor mentions;
2. a capitalised word that the same store also shows in lower case
   ("Menurut", "Dalam") is a common word, not a name, and is dropped;
3. what the resolver resolves (with any case) is not unknown;
4. a sentence "has a trigger" when one of its words is analysed (by the
   coder's own morphology) into the first root or word of a trigger pattern
   of its language, or when events were coded from it.

Names are ranked by the number of trigger sentences they occur in, then by
their total count; each comes with example sentences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..lang import find_pack
from .actors_data import norm, tokenize

if TYPE_CHECKING:
    from ..lang.base import LanguagePack
    from ..store import Store
    from ..store.actor_queries import StoredSentence
    from .actors import ActorResolver

__all__ = ["UnknownName", "Example", "mine_unknown", "mine_sentences", "candidate_names"]

PARTICLES = frozenset({"bin", "binti", "ibn", "al", "el", "ad", "as", "ar", "van", "von",
                       "der", "den", "de", "da", "di", "du", "la", "le", "ul", "ur", "y"})
MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class Example:
    doc_id: str
    sentence_index: int
    sentence: str


@dataclass(frozen=True, slots=True)
class UnknownName:
    name: str
    count: int  # sentences in which the name occurs unresolved
    trigger_sentences: int  # of those, sentences with an event trigger
    event_sentences: int  # of those, sentences from which events were coded
    examples: tuple[Example, ...]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


def candidate_names(text: str, blocked: Iterable[tuple[int, int]], stop: frozenset[str]
                    ) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in ``text`` outside the ``blocked`` spans.

    ``stop`` holds normalised one-word role/grammar words that end a run.
    Returns (start, end, surface) with offsets into ``text``.
    """
    toks = tokenize(text)
    spans = sorted(blocked)
    out: list[tuple[int, int, str]] = []
    run: list[int] = []

    def inside(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in spans)

    def close() -> None:
        while run and not _is_cap(toks[run[-1]][2]):
            run.pop()  # a run never ends on a particle or hyphen
        if run:
            s, e = toks[run[0]][0], toks[run[-1]][1]
            words = sum(1 for k in run if _is_cap(toks[k][2]))
            if words <= MAX_WORDS:
                out.append((s, e, text[s:e]))
        run.clear()

    for k, (s, e, t) in enumerate(toks):
        if inside(s, e) or norm(t) in stop:
            close()
            continue
        if _is_cap(t) and (len(t) > 1 or t.isupper()):
            if run and "\n" in text[toks[run[-1]][1]:s]:
                close()
            run.append(k)
        elif run and (t == "-" or t.lower() in PARTICLES) and s - toks[run[-1]][1] <= 1:
            run.append(k)
        else:
            close()
    close()
    return out


class _TriggerProbe:
    """Does a sentence contain a word that may start a trigger pattern?"""

    def __init__(self, pack: LanguagePack):
        lex = pack.lexicon()
        self.pack = pack
        self.words = frozenset(v for (kind, v) in lex.index if kind == "word")
        self.roots = frozenset(v for (kind, v) in lex.index if kind == "root")

    def __call__(self, text: str) -> bool:
        for _, _, t in tokenize(text):
            w = t.lower()
            if not w.isalpha():
                continue
            if w in self.words or w in self.roots or self.pack.analyse(w, self.roots):
                return True
        return False


@lru_cache(maxsize=4)
def _probe(lang: str) -> _TriggerProbe | None:
    pack = find_pack(lang)
    if pack is None or not pack.coded:  # no trigger lexicon for this language
        return None
    return _TriggerProbe(pack)


def _stop_words(resolver: "ActorResolver") -> frozenset[str]:
    """Normalised one-word aliases of role and grammar words (kind 'word')."""
    out = set()
    for key, node in resolver.lex.trie.items():
        if key is None:
            continue
        for e in node.get(None, ()):
            if e.kind == "word":
                out.add(key)
    return frozenset(out)


def _known(resolver: "ActorResolver", key: str) -> bool:
    """Is the whole name an alias of the tables (also phrases that are no actor)?"""
    node = resolver.lex.trie
    for tok in key.split():
        node = node.get(tok)
        if node is None:
            return False
    return bool(node.get(None))


def mine_sentences(sentences: Iterable["StoredSentence"], resolver: "ActorResolver | None" = None,
                   min_count: int = 2, limit: int | None = 50, n_examples: int = 3
                   ) -> list[UnknownName]:
    """Rank unresolved capitalised names over ``sentences`` (see the module doc)."""
    from .actors import default_resolver

    resolver = resolver or default_resolver()
    stop = _stop_words(resolver)
    lower_forms: set[str] = set()
    inner_caps: set[str] = set()  # capitalised words seen after a sentence's first word
    found: list[tuple[str, "StoredSentence"]] = []
    for s in sentences:
        toks = tokenize(s.text)
        first = next((k for k, t in enumerate(toks) if t[2][:1].isalnum()), 0)
        for k, (_, _, t) in enumerate(toks):
            if t.islower():
                lower_forms.add(t)
            elif k > first and _is_cap(t):
                inner_caps.add(t)
        blocked = [(a - s.start, b - s.start) for a, b in s.mention_spans]
        for _, _, name in candidate_names(s.text, blocked, stop):
            found.append((name, s))

    counts: Counter[str] = Counter()
    triggers: Counter[str] = Counter()
    events: Counter[str] = Counter()
    examples: dict[str, list[Example]] = defaultdict(list)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[str, str, int]] = set()
    resolves: dict[str, bool] = {}
    for name, s in found:
        words = name.split()
        # drop leading common words ("Menurut Berik Uali" -> "Berik Uali")
        while words and words[0].lower() in lower_forms:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        key = " ".join(norm(t[2]) for t in tokenize(name))
        if len(words) == 1 and (len(name) < 3 or name.lower() in lower_forms
                                or name not in inner_caps):
            continue  # a common word, or a word only ever seen opening a sentence
        if key not in resolves:
            resolves[key] = (_known(resolver, key)
                             or resolver.resolve(name, s.language, None) is not None)
        if resolves[key]:
            continue
        if (key, s.doc_id, s.index) in seen:
            continue
        seen.add((key, s.doc_id, s.index))
        counts[key] += 1
        surfaces[key][name] += 1
        probe = _probe(s.language)
        if s.n_events or (probe is not None and probe(s.text)):
            triggers[key] += 1
        if s.n_events:
            events[key] += 1
        if len(examples[key]) < n_examples:
            examples[key].append(Example(s.doc_id, s.index, s.text))
    ranked = sorted((k for k, c in counts.items() if c >= min_count),
                    key=lambda k: (-triggers[k], -counts[k], k))
    if limit is not None:
        ranked = ranked[:limit]
    return [UnknownName(surfaces[k].most_common(1)[0][0], counts[k], triggers[k], events[k],
                        tuple(examples[k])) for k in ranked]


def mine_unknown(store: "Store", resolver: "ActorResolver | None" = None, min_count: int = 2,
                 limit: int | None = 50, n_examples: int = 3) -> list[UnknownName]:
    """Unknown names over every sentence of a store."""
    from ..store.actor_queries import iter_sentences

    return mine_sentences(iter_sentences(store), resolver, min_count, limit, n_examples)
