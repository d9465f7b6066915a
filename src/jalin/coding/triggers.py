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


def match_triggers(view: "SentenceView", lex: Lexicon) -> list[TriggerMatch]:
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
    found.sort(key=lambda m: (-m.entry.length, -(m.last - m.first), m.first,
                              view.lower[m.first] != m.entry.items[0].value, _line(m.entry)))
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
    return pack.adjust_triggers(view, chosen, lex)


def _blocked(words: list[str], i: int, blockers: tuple[tuple[str, ...], ...]) -> bool:
    """Does a blocker phrase of the lexicon cover token ``i``?"""
    for phrase in blockers:
        n = len(phrase)
        if words[i] not in phrase:
            continue
        for a in range(max(0, i - n + 1), i + 1):
            if tuple(words[a:a + n]) == phrase:
                return True
    return False  # English voice and complement government
