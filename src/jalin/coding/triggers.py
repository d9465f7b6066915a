"""Matching trigger patterns over a sentence's words.

Each word is analysed into the roots it may be built on (Indonesian
morphology for ``id``, a small lemmatiser for ``en``); a pattern matches
a run of words whose analyses give its roots in order, with optional gaps.
Where patterns overlap, the longest wins. A trigger whose first word sits
inside an actor name ("Organisasi Kerjasama Shanghai") is not a trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import morph_en, morph_id
from .lexicon import Lexicon, PatternItem, TriggerEntry

if TYPE_CHECKING:
    from .view import SentenceView

MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    entry: TriggerEntry
    first: int  # token index of the first matched word
    last: int  # token index of the last matched word (inclusive)
    form: str  # va | vp | n | b: the form of the first root word
    start: int  # article offsets of the matched words
    end: int
    text: str

    @property
    def nominal(self) -> bool:
        return self.form == "n"

    @property
    def passive(self) -> bool:
        return self.form == "vp"


_ANALYSES: dict[tuple[str, int, str], tuple] = {}


def _analyses(lang: str, word: str, roots: frozenset[str]):
    """Analyses of ``word`` against a lexicon's roots, memoised per lexicon (bounded)."""
    key = (lang, id(roots), word)
    hit = _ANALYSES.get(key)
    if hit is None:
        hit = morph_en.analyse(word, roots) if lang == "en" else morph_id.analyse(word, roots)
        if len(_ANALYSES) > 200_000:
            _ANALYSES.clear()
        _ANALYSES[key] = hit
    return hit


def _surface_form(lang: str, word: str) -> str:
    if lang == "id":
        if word.startswith(("me", "ber")):
            return "va"
        if word.startswith("di"):
            return "vp"
        if word.startswith("pe") and word.endswith("an"):
            return "n"
    return "b"


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
        if item.kind == "gap":
            nxt = entry.items[k + 1]
            for skip in range(0, MAX_GAP + 1):
                p = pos + skip
                if p >= n:
                    break
                if skip and view.is_boundary(p - 1):
                    break
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
    analyses = [_analyses(lex.lang, w, lex.roots) for w in view.lower]
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
                    form = _surface_form(lex.lang, word)  # the first word's shape decides
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
    if lex.lang == "en":  # English voice and complement government (jalin.coding.lang_en)
        from .lang_en import adjust_triggers

        chosen = adjust_triggers(view, chosen, lex)
    return chosen
