"""Sentence segmentation over the kept spans of a cleaned article.

Every :class:`~jalin.models.Sentence` satisfies
``article.text[s.start:s.end] == s.text`` (offsets into the original text);
sentence text is never rewritten, so a dateline prefix such as
"JAKARTA, KOMPAS.com -- " stays in the first sentence of a paragraph (see
:func:`jalin.clean.strip_dateline_prefix`).

Segments and paragraphs: kept spans are lines. In texts with blank-line
paragraphs, a paragraph is a blank-line separated block and hard-wrapped
lines of one block are joined; in one-paragraph-per-line texts every line is
a paragraph. Any text: a line whose successor starts lower-case is joined
with it (a sentence broken across lines).

Boundaries: ``.``, ``!``, ``?``, ``…`` (repeated or not), followed by any
closing quotes/brackets and white space. No split when the next word starts
lower-case (machine translation often leaves ". protes"), after a title-like
abbreviation from ``data/nlp/abbreviations.tsv`` ("Irjen.", "Dr.", "Jl."),
after a single capital initial ("J. Smith"), or after unknown dotted forms
("S.Sos."). Numbers ("1.388", "3.5", "$ 4,5") never hold a boundary because
no white space follows their period.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_tsv
from ..models import CleanedArticle, Sentence

_KINDS = ("title", "terminal")
_BOUNDARY_RE = re.compile(r"([.!?…]+)([”\"’'»)\]]*)(\s+)")
# Web text glues sentences: 'al-Jadeed."Mesir tidak ...', '11 September.Pada saat ...' (a word of
# two letters or more, the stop, maybe a quote, then a capitalised word: not "U.S.A", "Kompas.TV",
# "Rp16.350"); and a caption's closing bracket before the story's dateline: "...Forces)JAKARTA -".
_GLUED_RE = re.compile(r"(?<=[^\W_]{2})([.!?]+)([”\"’'»]*)(?=[“\"]?[A-Z][a-z])|"
                       r"(\))()(?=[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*(?:,\s*[A-Za-z][\w.]{1,30})?\s*[-–—])")
_OPENERS = "“\"‘'([«"
_TERMINAL_END = tuple(".!?…:;\"”’»)")
_DOTTED_RE = re.compile(r"^(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}$")
_INITIAL_RE = re.compile(r"^[A-Z]$")
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0\r\f\v]*\n")
_HAS_WORD_RE = re.compile(r"\w")
_WRAP_MIN_CHARS = 50


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """casefolded abbreviation (no final period) -> kind ("title"/"terminal")."""
    out: dict[str, str] = {}
    for row in read_tsv("nlp/abbreviations.tsv", required=("abbrev", "kind")):
        kind = row["kind"]
        if kind not in _KINDS:
            raise row.error(f"kind must be one of {_KINDS}, not {kind!r}")
        abbrev = row["abbrev"].rstrip(".")
        if not abbrev or " " in abbrev:
            raise row.error(f"bad abbreviation {row['abbrev']!r}")
        out[abbrev.casefold()] = kind
    return out


def _token_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (exclusive), without opening punctuation."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(_OPENERS)


def _first_letter_after(text: str, pos: int) -> str:
    """The first character after ``pos`` that is not an opening quote/bracket."""
    while pos < len(text) and text[pos] in _OPENERS:
        pos += 1
    return text[pos] if pos < len(text) else ""


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    nxt = _first_letter_after(text, m.end())
    if not nxt:
        return True
    if nxt.isalpha() and nxt.islower():
        return False
    if m.group(1) != ".":
        return True
    token = _token_before(text, m.start(1))
    if not token:
        return True
    kind = abbreviations().get(token.casefold())
    if kind == "title":
        return False
    if kind == "terminal":
        return True
    if _INITIAL_RE.match(token) or _DOTTED_RE.match(token):
        return False
    return True


def split_text(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, whitespace-trimmed, in order."""
    start, end = max(0, start), min(end, len(text))
    spans: list[tuple[int, int]] = []
    cuts = [(m.end(2), m.end()) for m in _BOUNDARY_RE.finditer(text, start, end) if _is_boundary(text, m)]
    for m in _GLUED_RE.finditer(text, start, end):
        punct = m.group(1) if m.group(1) is not None else m.group(3)
        if punct != ")" and abbreviations().get(_token_before(text, m.start(1)).casefold()) == "title":
            continue  # "Dr.Sutrisno": a title, not a stop
        cuts.append((m.end(), m.end()))
    cur = start
    for stop, nxt in sorted(set(cuts)):
        if stop < cur:
            continue
        spans.append((cur, stop))
        cur = nxt
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and _HAS_WORD_RE.search(text, s, e):
            out.append((s, e))
    return out


def _joins(text: str, prev: tuple[int, int], nxt: tuple[int, int], blank_paragraphs: bool) -> bool:
    """Does line ``nxt`` continue the sentence of line ``prev``?"""
    between = text[prev[1]:nxt[0]]
    if between.strip() or between.count("\n") != 1:
        return False
    first = _first_letter_after(text, nxt[0])
    if first.isalpha() and first.islower():
        return True
    line = text[prev[0]:prev[1]]
    return blank_paragraphs and len(line) >= _WRAP_MIN_CHARS and not line.endswith(_TERMINAL_END)


def segments(text: str, kept: tuple[tuple[int, int], ...]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the text runs to split, from the kept spans."""
    blank_paragraphs = bool(_BLANK_LINE_RE.search(text))
    out: list[tuple[int, int, int]] = []
    paragraph = -1
    prev: tuple[int, int] | None = None
    for span in sorted(kept):
        if prev is not None and _joins(text, prev, span, blank_paragraphs):
            s, _, p = out[-1]
            out[-1] = (s, span[1], p)
        else:
            same_line = prev is not None and "\n" not in text[prev[1]:span[0]]
            if prev is None or (not same_line and (
                    not blank_paragraphs or _BLANK_LINE_RE.search(text, prev[1], span[0]))):
                paragraph += 1
            out.append((span[0], span[1], paragraph))
        prev = span
    return out


def split_sentences(cleaned: CleanedArticle) -> tuple[Sentence, ...]:
    """Sentences of the kept text, with article offsets and paragraph numbers."""
    article = cleaned.article
    text = article.text
    out: list[Sentence] = []
    for seg_start, seg_end, paragraph in segments(text, cleaned.kept):
        for s, e in split_text(text, seg_start, seg_end):
            out.append(Sentence(article.doc_id, len(out), s, e, text[s:e], paragraph))
    return tuple(out)
