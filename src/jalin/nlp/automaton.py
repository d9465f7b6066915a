"""Many phrases found in one pass over a text's normalised tokens (Aho-Corasick).

Tables (actor aliases, date words, place names, ...) register their phrases
as tuples of normalised tokens, each with a value; :meth:`TokenAutomaton.scan`
then finds every registered phrase of every table in one pass, so its cost
depends on the length of the text and on what it holds, not on how many
phrases the tables know.

Two kinds of phrase:

- **aligned** phrases match whole tokens only: ``("presiden", "rusia")``
  matches the tokens ``presiden rusia`` and nothing inside ``presidenrusia``;
  a hit gives the token span ``[i, j)`` and the phrase's value;
- **loose** phrases match anywhere in the tokens joined by single spaces
  (also inside a token: ``januari`` in ``12januari``); a hit only says that
  the phrase occurs. They make cheap, conservative prefilters: "no month name
  anywhere, so no month pattern needs to run".

The automaton runs in C (``pyahocorasick``) over the tokens joined by single
spaces; without that package, or for a text whose tokens hold a space, the
same hits come from a pure-Python token trie (slower, same results). An
automaton pickles, so a built one can be cached on disk (:mod:`jalin.cache`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

try:  # the C automaton; jalin works without it, only slower
    import ahocorasick as _ac
except ImportError:  # pragma: no cover - exercised by forcing ``backend="python"``
    _ac = None

__all__ = ["Hits", "StringMatcher", "TokenAutomaton", "has_c_backend"]


def has_c_backend() -> bool:
    """Is the C automaton (``pyahocorasick``) installed?"""
    return _ac is not None


class Hits:
    """What one scan found: aligned spans and loose phrases, per table."""

    __slots__ = ("spans", "loose")

    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[int, int, Any]]] = {}  # table -> [(i, j, value)], sorted
        self.loose: dict[str, set] = {}  # table -> values of the loose phrases that occur

    def of(self, table: str) -> list[tuple[int, int, Any]]:
        """Aligned hits of ``table``: ``(first token, one past the last, value)``, sorted."""
        return self.spans.get(table, [])

    def present(self, table: str) -> set:
        """Values of ``table``'s loose phrases that occur in the text."""
        return self.loose.get(table, set())


class TokenAutomaton:
    """Phrases of several tables, matched in one pass over normalised tokens.

    Build with :meth:`add` (aligned) and :meth:`add_loose`, then :meth:`build`;
    a built automaton is read-only and may be shared and pickled.
    """

    def __init__(self, backend: str | None = None) -> None:
        """``backend``: ``"c"`` (pyahocorasick), ``"python"``, or None (C when installed)."""
        if backend not in (None, "c", "python"):
            raise ValueError(f"unknown automaton backend {backend!r}")
        if backend == "c" and _ac is None:
            raise ValueError("the C automaton needs the pyahocorasick package")
        self.backend = backend or ("c" if _ac is not None else "python")
        # key -> [(table, value), ...]; the key is the phrase's tokens joined by spaces,
        # with a space before and after when the phrase is aligned
        self._keys: dict[str, list[tuple[str, Any]]] = {}
        self._trie: dict = {}  # aligned phrases by token: the pure-Python path
        self._odd: dict = {}  # aligned phrases with a token holding a space (the C path cannot see them)
        self._loose: dict[str, list[tuple[str, Any]]] = {}
        self._ac = None
        self.built = False

    # ------------------------------------------------------------------ building
    def add(self, table: str, tokens: Sequence[str], value: Any) -> None:
        """Register an aligned phrase of ``table`` (a tuple of normalised tokens)."""
        tokens = tuple(tokens)
        if not tokens:
            return
        self._check_open()
        odd = any(" " in t for t in tokens)  # a token holding a space: only the trie finds it
        if not odd:
            self._keys.setdefault(" " + " ".join(tokens) + " ", []).append((table, value))
        for trie in (self._trie, self._odd) if odd else (self._trie,):
            node = trie
            for t in tokens:
                node = node.setdefault(t, {})
            node.setdefault(None, []).append((table, value))

    def add_loose(self, table: str, tokens: Sequence[str], value: Any) -> None:
        """Register a loose phrase of ``table``: it occurs when its tokens, joined by
        single spaces, stand anywhere in the scanned tokens joined the same way."""
        if any(" " in t for t in tokens):
            raise ValueError(f"a loose phrase's tokens hold no space: {tokens!r}")
        key = " ".join(t for t in tokens if t)
        if not key:
            return
        self._check_open()
        self._loose.setdefault(key, []).append((table, value))
        self._keys.setdefault(key, []).append((table, value))

    def add_all(self, table: str, phrases: Iterable[tuple[Sequence[str], Any]]) -> None:
        for tokens, value in phrases:
            self.add(table, tokens, value)

    def build(self) -> "TokenAutomaton":
        self._check_open()
        if self.backend == "c" and self._keys:
            a = _ac.Automaton(_ac.STORE_ANY, _ac.KEY_STRING)
            for key, values in self._keys.items():
                a.add_word(key, (key.count(" ") - 1 if key[0] == " " else -1, tuple(values)))
            a.make_automaton()
            self._ac = a
        self.built = True
        return self

    def _check_open(self) -> None:
        if self.built:
            raise RuntimeError("the automaton is built: no more phrases")

    def __len__(self) -> int:
        return len(self._keys)

    # ------------------------------------------------------------------ scanning
    def scan(self, tokens: Sequence[str]) -> Hits:
        """Every registered phrase in ``tokens`` (normalised as the phrases were)."""
        if not self.built:
            raise RuntimeError("build the automaton before scanning")
        hits = Hits()
        if not tokens or not self._keys:
            return hits
        text = " " + " ".join(tokens) + " "
        if self._ac is not None and text.count(" ") == len(tokens) + 1:
            self._scan_c(text, hits)
            if self._odd:
                _walk(self._odd, tokens, hits.spans)
        else:
            _walk(self._trie, tokens, hits.spans)
            for key, values in self._loose.items():
                if key in text:
                    for table, value in values:
                        hits.loose.setdefault(table, set()).add(value)
        for spans in hits.spans.values():
            spans.sort(key=_SPAN_ORDER)
        return hits

    def _scan_c(self, text: str, hits: Hits) -> None:
        spans, loose = hits.spans, hits.loose
        count = text.count
        for end, (n, values) in self._ac.iter(text):
            if n < 0:  # a loose phrase
                for table, value in values:
                    got = loose.get(table)
                    if got is None:
                        got = loose[table] = set()
                    got.add(value)
                continue
            j = count(" ", 0, end)  # the key ends with the space after token j - 1
            for table, value in values:
                got = spans.get(table)
                if got is None:
                    got = spans[table] = []
                got.append((j - n, j, value))


def _walk(trie: dict, tokens: Sequence[str], spans: dict) -> None:
    """Aligned hits by walking a token trie from every token (the pure-Python path)."""
    n = len(tokens)
    for i in range(n):
        node, j = trie, i
        while j < n:
            node = node.get(tokens[j])
            if node is None:
                break
            j += 1
            for table, value in node.get(None, ()):
                spans.setdefault(table, []).append((i, j, value))


_SPAN_ORDER = itemgetter(0, 1)  # hits by first token, then end (values are not compared)


class StringMatcher:
    """Every occurrence of some strings in a text, in one pass (character level).

    ``occurrences(text)`` lists ``(position, k)`` for the ``k``-th string, by
    ``k`` then position, overlapping occurrences included: what searching
    each string in turn with ``str.find`` gives, without a search per string.
    ``values[k]`` is the value given with the ``k``-th string.
    """

    def __init__(self, strings: Iterable[tuple[str, Any]], backend: str | None = None):
        pairs = [(s, v) for s, v in strings]
        self.strings = [s for s, _ in pairs]
        self.values = [v for _, v in pairs]
        self._ac = None
        if (backend or ("c" if _ac is not None else "python")) == "c" and any(self.strings):
            a = _ac.Automaton(_ac.STORE_ANY, _ac.KEY_STRING)
            ks: dict[str, list[int]] = {}
            for k, s in enumerate(self.strings):
                if s:
                    ks.setdefault(s, []).append(k)
            for s, kk in ks.items():
                a.add_word(s, (len(s), tuple(kk)))
            a.make_automaton()
            self._ac = a

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        if self._ac is None:
            return self._find_each(text)
        out = [(k, end - n + 1) for end, (n, kk) in self._ac.iter(text) for k in kk]
        out.sort()
        return [(pos, k) for k, pos in out]

    def present(self, text: str) -> set:
        """The values of the strings that occur in ``text``."""
        if self._ac is None:
            return {self.values[k] for k, s in enumerate(self.strings) if s and s in text}
        return {self.values[k] for _, (_, kk) in self._ac.iter(text) for k in kk}

    def _find_each(self, text: str) -> list[tuple[int, int]]:
        out = []
        for k, s in enumerate(self.strings):
            if not s:
                continue
            pos = text.find(s)
            while pos != -1:
                out.append((pos, k))
                pos = text.find(s, pos + 1)
        return out
