"""One pass over a sentence for every table that looks for phrases in it.

A sentence is cut into the actor tables' tokens (words and single
punctuation marks, accents stripped and case folded:
:func:`jalin.resolve.actors_data.tokenize` and ``norm``) and those tokens are
scanned once by a :class:`jalin.nlp.automaton.TokenAutomaton` holding every
table of :data:`TABLES`:

- ``actor``: every alias of the actor tables (aligned phrases; the value is
  what the alias may mean, as in the resolver's trie) -> the atoms of
  :meth:`jalin.resolve.actors.ActorResolver.find`;
- ``date``: the words each kind of date pattern needs (month and weekday
  names, relative phrases, unit words; loose phrases) -> :func:`jalin.resolve.dates.find_dates`
  runs only the patterns whose words occur.

A new table (a gazetteer of places, say) registers here: a :class:`Table`
with its name, whether its phrases are aligned or loose, a function giving
its phrases for an actor resolver and a language, and the data files they
come from (the disk cache's key); its hits are then ``scan.hits.of(name)``.

The automaton is built once per process for each actor resolver and
language (:func:`scanner_for`), and kept on disk keyed by the hash of the
data files and of the code that builds it (:mod:`jalin.cache`), so a new
process only unpickles it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..cache import cached
from ..nlp.automaton import Hits, TokenAutomaton
from .actors_data import TOKEN_RE, norm, tokenize
from .dates_lexicon import lexicon as date_lexicon
from .dates_lexicon import source_key as date_source_key

# the actor resolver (jalin.resolve.actors.ActorResolver, which imports this module):
# its ``lex.trie``, ``data_key``, ``scanners`` and ``for_language`` are what is used here
Resolver = Any

__all__ = ["Scan", "Scanner", "TABLES", "Table", "phrase_tokens", "scanner_for"]


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A phrase as the scanner sees it: its tokens, normalised."""
    return tuple(norm(t[2]) for t in tokenize(text))


class Scan:
    """One sentence's tokens (the actor tables' tokenisation) and what the tables found in them."""

    __slots__ = ("text", "toks", "norms", "hits")

    def __init__(self, text: str, toks: list[tuple[int, int, str]], norms: list[str], hits: Hits):
        self.text = text
        self.toks = toks  # (start, end, surface) in ``text``
        self.norms = norms  # matching keys of the tokens
        self.hits = hits


@dataclass(frozen=True)
class Table:
    """A table of phrases the scanner finds."""

    name: str
    loose: bool  # True: presence anywhere (a prefilter); False: whole tokens, with spans
    # (resolver, language) -> (phrase, value) pairs; a phrase is a text or a tuple of normalised tokens
    phrases: Callable[[Resolver, str], Iterable[tuple[str | tuple[str, ...], Any]]]
    # (resolver, language) -> a key naming the data the phrases come from; None: do not cache
    data_key: Callable[[Resolver, str], str | None]


# ----------------------------------------------------------------------------- tables


def _actor_phrases(resolver: Resolver, lang: str):
    """Every alias of the resolver's trie, with the entries it may mean."""
    stack: list[tuple[tuple[str, ...], dict]] = [((), resolver.lex.trie)]
    while stack:
        path, node = stack.pop()
        for tok, child in node.items():
            if tok is None:
                yield path, child
            else:
                stack.append((path + (tok,), child))


def _actor_key(resolver: Resolver, lang: str) -> str | None:
    return resolver.data_key


# classes of date words: the date patterns each needs (jalin.resolve.dates)
_DIR_ROLES = ("ago", "later", "after_ctx")  # "dua hari lalu", "two weeks later"


def _date_phrases(resolver: Resolver, lang: str):
    lex = date_lexicon(lang or "*")
    dirs = [w for role in _DIR_ROLES for w in lex.roles.get(role, ())]
    for cls, words in (("month", lex.months), ("weekday", lex.weekdays),
                       ("rel", lex.relative), ("unit", lex.units), ("dir", dirs)):
        for w in words:
            yield w, cls


def _date_key(resolver: Resolver, lang: str) -> str | None:
    return date_source_key(lang or "*")


TABLES: tuple[Table, ...] = (
    Table("actor", False, _actor_phrases, _actor_key),
    Table("date", True, _date_phrases, _date_key),
)


# ----------------------------------------------------------------------------- scanner


class Scanner:
    """The tables' phrases compiled into one automaton; :meth:`scan` a sentence at a time."""

    def __init__(self, automaton: TokenAutomaton):
        self.automaton = automaton

    @classmethod
    def build(cls, resolver: Resolver, lang: str, tables: tuple[Table, ...] = TABLES,
              backend: str | None = None) -> "Scanner":
        a = TokenAutomaton(backend)
        for table in tables:
            add = a.add_loose if table.loose else a.add
            for phrase, value in table.phrases(resolver, lang):
                toks = phrase_tokens(phrase) if isinstance(phrase, str) else phrase
                if toks:
                    add(table.name, toks, value)
        return cls(a.build())

    def scan(self, text: str) -> Scan:
        toks = tokenize(text)
        if text.isascii() and "`" not in text:
            # the same tokens, normalised in C: for ASCII, norm() is lower() (but for "`")
            norms = TOKEN_RE.findall(text.lower())
        else:
            norms = [norm(t[2]) for t in toks]
        return Scan(text, toks, norms, self.automaton.scan(norms))


# modules whose code decides what a built scanner holds
_CODE_MODULES = ("jalin.nlp.automaton", "jalin.resolve.scan", "jalin.resolve.actors_data",
                 "jalin.resolve.dates_lexicon", "jalin.models")


def scanner_for(resolver: Resolver, lang: str) -> Scanner:
    """The scanner of ``resolver``'s tables (itself: ``resolver.for_language(lang)`` first) for
    text in ``lang``; built once per process, from the disk cache when it holds one."""
    resolver = resolver.for_language(lang)
    got = resolver.scanners.get(lang)
    if got is None:
        keys = [t.data_key(resolver, lang) for t in TABLES]
        key = None if any(k is None for k in keys) else "|".join([lang, *keys])
        got = cached("scanner", key, lambda: Scanner.build(resolver, lang), code=_CODE_MODULES)
        resolver.scanners[lang] = got
    return got
