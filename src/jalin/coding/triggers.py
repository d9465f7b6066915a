"""Matching trigger patterns over a sentence's words.

Each word is analysed into the roots it may be built on by its language
pack's morphology (``jalin.lang.<code>.morph``); a pattern matches
a run of words whose analyses give its roots in order, with optional gaps
(``..``: up to three words; ``@``: up to six words that name an actor).
Where patterns overlap, the longest wins. A trigger whose first word sits
inside an actor name ("Organisasi Kerjasama Shanghai") is not a trigger, nor
one whose first word sits inside a blocker phrase of the lexicon
(``blockers.tsv``: "menahan imbang", "serangan balik", "press release").
The pack may then adjust the matches (English voice, light verbs and
complement government: :meth:`jalin.lang.base.LanguagePack.adjust_triggers`).

Two matchers give the same matches. :func:`match_triggers` walks one trie
of all the lexicon's patterns (:class:`PatternTrie`, built once per lexicon)
from each word that starts some pattern, so its cost does not grow with the
number of patterns; each distinct word is analysed once (memoised with the
trie keys it may take). :func:`match_triggers_reference` tries every pattern
starting with one of the word's keys, one after the other: the plain
statement of the rule, kept as the reference the fast one is tested against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lexicon import Lexicon, PatternItem, TriggerEntry, TriggerMatch  # noqa: F401  (TriggerMatch: re-exported)

if TYPE_CHECKING:
    from .view import SentenceView

MAX_GAP = 3
# an actor gap ("@": "wants X to", "called on X and Y to") spans at most this many words
MAX_ACTOR_GAP = 6


_ANALYSES: dict[tuple[str, int, str], tuple] = {}


def _analyses(pack: Any, word: str, roots: frozenset[str]):
    """Analyses of ``word`` against a lexicon's roots by ``pack`` (the lexicon's language pack),
    memoised per lexicon (bounded)."""
    key = (pack.code, id(roots), word)
    hit = _ANALYSES.get(key)
    if hit is None:
        hit = pack.analyse(word, roots)
        if len(_ANALYSES) > 200_000:
            _ANALYSES.clear()
        _ANALYSES[key] = hit
    return hit


def _item_form(item: PatternItem, word: str, analyses) -> str | None:
    """The matched form if ``item`` matches this word, else None."""
    if item.kind == "word":
        return "w" if word == item.value else None
    for a in analyses:
        if a.root != item.value:
            continue
        if item.pos == "v" and a.form not in ("va", "vp"):
            continue
        if item.pos == "n" and a.form != "n":
            continue
        if item.exclude and (a.suffix in item.exclude or any(x in a.prefix for x in item.exclude)):
            continue
        return a.form
    return None


def _match_at(entry: TriggerEntry, view: "SentenceView", analyses: list, i: int):
    """Match ``entry`` starting at token i; return (last index, first root form) or None."""
    words = view.lower
    n = len(words)

    def rec(k: int, pos: int, form: str | None):
        if k == len(entry.items):
            return pos - 1, form
        item = entry.items[k]
        if item.kind in ("gap", "actor"):
            nxt = entry.items[k + 1]
            actor = item.kind == "actor"
            for skip in range(int(actor), (MAX_ACTOR_GAP if actor else MAX_GAP) + 1):
                p = pos + skip
                if p >= n:
                    break
                if skip and view.is_boundary(p - 1):
                    break
                if actor and not any(view.in_mention(q) for q in range(pos, p)):
                    continue  # "@": the words skipped must name an actor
                f = _item_form(nxt, words[p], analyses[p])
                if f is not None:
                    r = rec(k + 2, p + 1, form or (f if nxt.kind == "root" else None))
                    if r:
                        return r
            return None
        if pos >= n:
            return None
        f = _item_form(item, words[pos], analyses[pos])
        if f is None:
            return None
        return rec(k + 1, pos + 1, form or (f if item.kind == "root" else None))

    return rec(0, i, None)


def _line(entry: TriggerEntry) -> int:
    where = entry.where.rpartition(":")[2]
    return int(where) if where.isdigit() else 0


def match_triggers_reference(view: "SentenceView", lex: Lexicon) -> list[TriggerMatch]:
    """The matches of every pattern tried one by one (the reference of :func:`match_triggers`)."""
    pack = lex.pack
    analyses = [_analyses(pack, w, lex.roots) for w in view.lower]
    found: list[TriggerMatch] = []
    for i, word in enumerate(view.lower):
        if view.in_mention(i) or not word[:1].isalpha():
            continue
        keys = {("word", word)} | {("root", a.root) for a in analyses[i]}
        for key in keys:
            for entry in lex.index.get(key, ()):
                r = _match_at(entry, view, analyses, i)
                if r is None:
                    continue
                last, form = r
                first = entry.items[0]
                if first.kind == "word" and first.pos:  # "=tiba:v di": a plain verb, as marked
                    form = "va" if first.pos == "v" else "n"
                elif form is None or first.kind == "word":
                    form = pack.surface_form(word)  # the first word's shape decides
                toks = view.tokens
                found.append(TriggerMatch(entry, i, last, form or "b", toks[i].start, toks[last].end,
                                          view.text_between(i, last)))
    # longest first; drop matches overlapping a better one
    # ties: the pattern naming the word itself ("fighting" over "fight"), then file order (deterministic)
    return _choose(view, lex, found)


def _choose(view: "SentenceView", lex: Lexicon, found: list[TriggerMatch]) -> list[TriggerMatch]:
    """The matches kept where they overlap, in sentence order, adjusted by the language's pack."""
    found.sort(key=lambda m: (-m.entry.length, -(m.last - m.first), m.first,
                              view.lower[m.first] != m.entry.items[0].value, _line(m.entry), m.entry.where))
    chosen: list[TriggerMatch] = []
    used: set[int] = set()
    for m in found:
        span = set(range(m.first, m.last + 1))
        heads = {m.first}
        if heads & used or (span & used and m.entry.length == 1):
            continue
        chosen.append(m)
        used |= span
    chosen.sort(key=lambda m: m.first)
    if lex.blockers:  # "menahan imbang", "serangan balik", "press release": no event
        chosen = [m for m in chosen if not _blocked(view.lower, m.first, lex.blockers)]
    return lex.pack.adjust_triggers(view, chosen, lex)  # English voice and complement government


def _blocked(words: list[str], i: int, blockers: tuple[tuple[str, ...], ...]) -> bool:
    """Does a blocker phrase of the lexicon cover token ``i``?"""
    for phrase in blockers:
        n = len(phrase)
        if words[i] not in phrase:
            continue
        for a in range(max(0, i - n + 1), i + 1):
            if tuple(words[a:a + n]) == phrase:
                return True
    return False


# ----------------------------------------------------------------------------- the pattern trie


class _Node:
    """A node of the pattern trie: the patterns ending here and the edges on.

    ``kids`` and ``gaps`` map a word's key (``("word", w)`` or ``("root", r)``)
    to the items it may match, each with the node after it; a ``gaps`` edge is
    a ``..`` gap followed by that item, an ``agaps`` edge an ``@`` gap (words
    that name an actor) followed by it.
    """

    __slots__ = ("ends", "kids", "gaps", "agaps")

    def __init__(self) -> None:
        self.ends: list[TriggerEntry] = []
        self.kids: dict[tuple[str, str], list[tuple[PatternItem, _Node]]] = {}
        self.gaps: dict[tuple[str, str], list[tuple[PatternItem, _Node]]] = {}
        self.agaps: dict[tuple[str, str], list[tuple[PatternItem, _Node]]] = {}  # "@" gaps

    def child(self, edges: dict, item: PatternItem) -> "_Node":
        pairs = edges.setdefault((item.kind, item.value), [])
        for it, node in pairs:
            if it == item:
                return node
        node = _Node()
        pairs.append((item, node))
        return node


class PatternTrie:
    """All of a lexicon's trigger patterns as one trie over their items, and the words seen."""

    MAX_WORDS = 200_000  # memoised words (bounded: cleared when full)

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.root = _Node()
        for entry in lex.entries:
            node, items, k = self.root, entry.items, 0
            while k < len(items):
                if items[k].kind in ("gap", "actor"):
                    if items[k + 1].kind in ("gap", "actor"):
                        break  # ".. ..": the item after a gap never matches a gap; no match
                    edges = node.gaps if items[k].kind == "gap" else node.agaps
                    node = node.child(edges, items[k + 1])
                    k += 2
                else:
                    node = node.child(node.kids, items[k])
                    k += 1
            else:
                node.ends.append(entry)
        self._words: dict[str, tuple] = {}

    def word(self, word: str) -> tuple:
        """``(analyses, keys, starts)`` of a word: its analyses against the lexicon's roots, the
        trie keys it may take, and whether some pattern starts with one of them."""
        got = self._words.get(word)
        if got is None:
            analyses = self.lex.pack.analyse(word, self.lex.roots)
            keys = (("word", word),) + tuple(dict.fromkeys(("root", a.root) for a in analyses))
            starts = any(k in self.root.kids for k in keys)
            if len(self._words) >= self.MAX_WORDS:
                self._words.clear()
            got = self._words[word] = (analyses, keys, starts)
        return got

    def matches(self, view: "SentenceView") -> list[TriggerMatch]:
        """Every pattern matched from every word (before overlaps are resolved)."""
        words = view.lower
        n = len(words)
        get, word_info = self._words.get, self.word
        info = [get(w) or word_info(w) for w in words]
        found: list[TriggerMatch] = []
        pack = self.lex.pack
        for i, word in enumerate(words):
            if not info[i][2] or view.in_mention(i) or not word[:1].isalpha():
                continue
            seen: dict[TriggerEntry, tuple[int, str | None]] = {}
            _walk(self.root, i, None, words, info, view, n, seen)
            toks = view.tokens
            for entry, (last, form) in seen.items():
                first = entry.items[0]
                if first.kind == "word" and first.pos:  # "=tiba:v di": a plain verb, as marked
                    form = "va" if first.pos == "v" else "n"
                elif form is None or first.kind == "word":
                    form = pack.surface_form(word)  # the first word's shape decides
                found.append(TriggerMatch(entry, i, last, form or "b", toks[i].start, toks[last].end,
                                          view.text_between(i, last)))
        return found


def _walk(node: _Node, pos: int, form: str | None, words: list[str], info: list[tuple],
          view: "SentenceView", n: int, seen: dict) -> None:
    """Depth first from ``node`` at token ``pos``: each pattern ending on the way is recorded
    the first time it is reached, which is the match :func:`_match_at` returns for it (the
    same order: items left to right, gaps shortest first)."""
    for entry in node.ends:
        if entry not in seen:
            seen[entry] = (pos - 1, form)
    if node.kids and pos < n:
        word, (analyses, keys, _) = words[pos], info[pos]
        for key in keys:
            for item, child in node.kids.get(key, ()):
                f = _item_form(item, word, analyses)
                if f is not None:
                    _walk(child, pos + 1, form or (f if item.kind == "root" else None),
                          words, info, view, n, seen)
    for edges, actor in ((node.gaps, False), (node.agaps, True)):
        if not edges:
            continue
        for skip in range(int(actor), (MAX_ACTOR_GAP if actor else MAX_GAP) + 1):
            p = pos + skip
            if p >= n:
                break
            if skip and view.is_boundary(p - 1):
                break
            if actor and not any(view.in_mention(q) for q in range(pos, p)):
                continue  # "@": the words skipped must name an actor
            word, (analyses, keys, _) = words[p], info[p]
            for key in keys:
                for item, child in edges.get(key, ()):
                    f = _item_form(item, word, analyses)
                    if f is not None:
                        _walk(child, p + 1, form or (f if item.kind == "root" else None),
                              words, info, view, n, seen)


def pattern_trie(lex: Lexicon) -> PatternTrie:
    """The lexicon's pattern trie (built on first use, then kept with the lexicon)."""
    return lex.derived("pattern_trie", PatternTrie)


def match_triggers(view: "SentenceView", lex: Lexicon) -> list[TriggerMatch]:
    """The trigger matches of a sentence: longest first where they overlap, in sentence order."""
    return _choose(view, lex, pattern_trie(lex).matches(view))
