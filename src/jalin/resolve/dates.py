"""Time expressions: find them in a sentence and resolve them against an anchor.

Public functions (contract in docs/ARCHITECTURE.md):

* :func:`find_dates` -- every time expression in a piece of text, longest
  non-overlapping matches, each a :class:`DateMention` with the resolved
  :class:`PartialDate` (or ``None``) and a kind:

  ``absolute``  the text names the calendar date: "10 Januari 1997",
                "November 1998", "pada tahun 2016", "akhir 2017", and also
                day/month names whose year comes from the anchor
                ("12 November", "pada bulan Oktober", "akhir Oktober", "(8/1)").
  ``relative``  deictic: needs the anchor ("kemarin", "pekan lalu",
                "Selasa (11/1)", "Oktober lalu", "dua hari lalu"); vague ones
                ("baru-baru ini") have date None.
  ``range``     "27-28 November", "30 November - 2 Desember", "2020-2021":
                the date is the first day (or year).
  ``anaphoric`` "pada hari yang sama", "saat itu", "dua hari kemudian": date
                None, the coder takes it from context.

* :func:`find_dateline` -- the publication date from a dateline in the first
  lines of an article.

Precision is honest: a week shift gives a month, a month-precision anchor
never yields a day, a bare weekday needs a day-precision anchor. The
resolution rules are in :mod:`jalin.resolve.dates_calendar`; the words and
names in ``src/jalin/data/dates/``.
"""

from __future__ import annotations

import re
from typing import Callable

from ..models import DateMention, PartialDate
from . import dates_calendar as cal
from .dates_lexicon import Lexicon, lexicon

__all__ = ["find_dates", "find_dateline"]

_Span = tuple[int, int, str, PartialDate | None]  # start, end, kind, date
_CURRENCY_BEFORE = re.compile(r"(?:\$|Rp\.?|US\$|USD|IDR|€|£|No\.?|nomor|Nomor)\s*$")
_LAW_NUMBER_BEFORE = re.compile(r"(?i:no\.?|nomor|number)\s*\d+\s*$")  # "UU Nomor 11 Tahun 2020"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_DIGIT = re.compile(r"\d")
_DIGITS_NEEDED = frozenset({"dmy", "range", "range2", "year", "paren", "numeric", "iso", "mdy"})
_YEAR_NEEDED = frozenset({"year", "numeric", "iso"})  # a four-digit year 1800-2099
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# the classes of date words each pattern cannot match without (all of them): loose words a scan
# (jalin.resolve.scan's "date" table) found in the text; month and weekday names count only
# written as the patterns want them (Capitalised or UPPER), checked on the text itself
_WORDS_NEEDED = {"dmy": ("month",), "mdy": ("month",), "range": ("month",), "range2": ("month",),
                 "month": ("month",), "mrange": ("month",), "weekday": ("weekday",), "rel": ("rel",),
                 "ago": ("unit", "dir")}
_CASED = frozenset({"month", "weekday"})


def find_dates(text: str, anchor: PartialDate | None, lang: str, offset: int = 0,
               words: set[str] | None = None) -> list[DateMention]:
    """Every time expression in ``text``, sorted by start, non-overlapping (longest wins).

    Offsets are ``offset`` + position in ``text``. ``anchor`` is the
    publication date (any precision) or None; ``lang`` is an ISO 639-1 code
    whose pack (:mod:`jalin.lang`) names its date words; other codes use all
    known languages at once. ``words``: the classes of date words (``month``,
    ``weekday``, ``rel``, ``unit``, ``dir``) that occur in ``text`` in any
    case, when a scan (:mod:`jalin.resolve.scan`) has already looked: patterns
    needing a class that does not occur are not run (the same dates, sooner).
    """
    if not text:
        return []
    lex = lexicon(lang or "*")
    has_digit = _DIGIT.search(text) is not None
    has_year = has_digit and _YEAR.search(text) is not None
    if words is not None and words & _CASED:
        words = (words - _CASED) | lex.cased_names.present(text)
    found: list[_Span] = []
    for name, rx in lex.patterns:
        if not has_digit and name in _DIGITS_NEEDED:
            continue
        if words is not None:
            if not has_year and name in _YEAR_NEEDED or name == "paren" and "(" not in text:
                continue
            needed = _WORDS_NEEDED.get(name)
            if needed is not None and not all(w in words for w in needed):
                continue
        handler = _HANDLERS[name]
        for m in rx.finditer(text):
            span = handler(m, lex, anchor)
            if span is not None and span[1] > span[0]:
                found.append(span)
    chosen: list[_Span] = []
    for span in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    chosen.sort(key=lambda s: s[0])
    return [DateMention(offset + s, offset + e, text[s:e], d, k) for s, e, k, d in chosen]


# --------------------------------------------------------------------------- handlers


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and cal.full_date(2000, month, day) is not None  # 2000: leap


def _dmy(m, lex: Lexicon, anchor) -> _Span | None:
    mn = lex.month(m["m"])
    day, y = int(_digits(m["d"])), _g(m, "y")
    if mn is None or not _valid_day_month(day, mn.month):
        return None
    if y:
        d = cal.full_date(int(y), mn.month, day)
        return None if d is None else (m.start(), m.end(), "absolute", d)
    if _g(m, "yrel"):
        year = _year_rel(lex, m["yrel"], anchor)
        return m.start(), m.end(), "relative", None if year is None else cal.full_date(year, mn.month, day)
    return m.start(), m.end(), *_with_weekday(lex, _g(m, "wd"), day, mn.month, anchor)


def _year_rel(lex: Lexicon, phrase: str, anchor) -> int | None:
    """The year meant by "tahun lalu" / "this year" after a month, or None."""
    rp = lex.relative.get(" ".join(phrase.lower().split()))
    if anchor is None or rp is None or rp.unit != "year":
        return None
    return anchor.year + rp.shift


def _with_weekday(lex: Lexicon, token: str | None, day: int, month: int, anchor) -> tuple[str, PartialDate | None]:
    """Kind and date of a day and month without a year, maybe said with a weekday."""
    wd = lex.weekday(token) if token else None
    if wd is None:
        return "absolute", cal.day_month(day, month, anchor)
    return "relative", cal.day_month_weekday(day, month, wd, anchor)


def _mdy(m, lex: Lexicon, anchor) -> _Span | None:
    mn = lex.month(m["m"])
    day, y = int(_digits(m["d"])), _g(m, "y")
    if mn is None or not _valid_day_month(day, mn.month):
        return None
    if _g(m, "d2") and int(_digits(m["d2"])) <= day:
        return None
    if y:
        d = cal.full_date(int(y), mn.month, day)
        kind = "range" if _g(m, "d2") else "absolute"
        return None if d is None else (m.start(), m.end(), kind, d)
    kind, d = _with_weekday(lex, _g(m, "wd"), day, mn.month, anchor)
    return m.start(), m.end(), "range" if _g(m, "d2") else kind, d


def _range(m, lex: Lexicon, anchor) -> _Span | None:
    mn = lex.month(m["m"])
    d1, d2 = int(_digits(m["d"])), int(_digits(m["d2"]))
    if mn is None or d2 <= d1 or not _valid_day_month(d2, mn.month):
        return None
    y = _g(m, "y")
    d = cal.full_date(int(y), mn.month, d1) if y else cal.day_month(d1, mn.month, anchor)
    return m.start(), m.end(), "range", d


def _range2(m, lex: Lexicon, anchor) -> _Span | None:
    m1, m2 = lex.month(m["m"]), lex.month(m["m2"])
    d1, d2 = int(_digits(m["d"])), int(_digits(m["d2"]))
    if m1 is None or m2 is None or not _valid_day_month(d1, m1.month):
        return None
    if m2.month == m1.month or not _valid_day_month(d2, m2.month):
        return None
    y, y2 = _g(m, "y"), _g(m, "y2")
    if y:
        d = cal.full_date(int(y), m1.month, d1)
    elif y2:
        d = cal.full_date(int(y2) - (1 if m1.month > m2.month else 0), m1.month, d1)
    else:
        d = cal.day_month(d1, m1.month, anchor)
    return m.start(), m.end(), "range", d


def _month(m, lex: Lexicon, anchor) -> _Span | None:
    mn = lex.month(m["m"])
    if mn is None:
        return None
    y, pre, post = _g(m, "y"), _g(m, "pre"), _g(m, "post")
    if y:
        return m.start(), m.end(), "absolute", PartialDate(int(y), mn.month)
    if _g(m, "yrel"):
        year = _year_rel(lex, m["yrel"], anchor)
        return m.start(), m.end(), "relative", None if year is None else PartialDate(year, mn.month)
    if mn.abbr:
        return None
    if not mn.bare and not (_g(m, "prep") or _g(m, "part") or _g(m, "mw") or pre or post):
        return None
    roles = lex.role(pre) | lex.role(post)
    future = bool(roles & {"future_pre", "future_post"})
    kind = "relative" if (pre or post) else "absolute"
    return m.start(), m.end(), kind, cal.month_name(mn.month, anchor, future=future)


def _mrange(m, lex: Lexicon, anchor) -> _Span | None:
    m1, m2 = lex.month(m["m"]), lex.month(m["m2"])
    y, y2 = _g(m, "y"), _g(m, "y2")
    if m1 is None or m2 is None or m1.month == m2.month:
        return None
    if not (y or y2) and (m1.abbr or m2.abbr):
        return None
    if y:
        d = PartialDate(int(y), m1.month)
    elif y2:
        d = PartialDate(int(y2) - (1 if m1.month > m2.month else 0), m1.month)
    else:
        d = cal.month_name(m1.month, anchor)
    return m.start(), m.end(), "range", d


def _year(m, lex: Lexicon, anchor) -> _Span | None:
    prep, part, yw = _g(m, "prep"), _g(m, "part"), _g(m, "yw")
    before = m.string[: m.start()]
    y2 = _g(m, "y2")
    bare_range = y2 is not None and len(y2) == 4
    if not (yw or part or prep or bare_range):
        w = _WORD_BEFORE.search(before[-30:])
        if w is None or "year_intro" not in lex.role(w.group(1)):
            return None
    if _CURRENCY_BEFORE.search(before[-6:]) or lex.quantity_re.match(m.string, m.end()):
        return None
    if yw and _LAW_NUMBER_BEFORE.search(before[-20:]):
        return None
    y1 = int(m["y"])
    if y2:
        last = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if last <= y1:
            return None
        return m.start(), m.end(), "range", PartialDate(y1)
    return m.start(), m.end(), "absolute", PartialDate(y1)


def _paren(m, lex: Lexicon, anchor) -> _Span | None:
    day, month, y = int(_digits(m["d"])), int(m["mo"]), _g(m, "y")
    if not _valid_day_month(day, month):
        return None
    if y:
        year = int(y) if len(y) == 4 else cal.two_digit_year(int(y), anchor)
        d = cal.full_date(year, month, day)
        return None if d is None else (m.start(), m.end(), "absolute", d)
    return m.start(), m.end(), *_with_weekday(lex, _g(m, "wd") or _g(m, "wd2"), day, month, anchor)


def _numeric(m, lex: Lexicon, anchor) -> _Span | None:
    a, b, y = int(m["d"]), int(m["mo"]), int(m["y"])
    day, month = a, b
    if b > 12 or (lex.month_first and a <= 12):  # English writes 01/27/2022 month first
        day, month = b, a
    d = cal.full_date(y, month, day) if 1 <= month <= 12 else None
    return None if d is None else (m.start(), m.end(), "absolute", d)


def _iso(m, lex: Lexicon, anchor) -> _Span | None:
    d = cal.full_date(int(m["y"]), int(m["mo"]), int(m["d"])) if 1 <= int(m["mo"]) <= 12 else None
    return None if d is None else (m.start(), m.end(), "absolute", d)


def _weekday(m, lex: Lexicon, anchor) -> _Span | None:
    token = m["wd"]
    wd = lex.weekday(token)
    key = token.lower().rstrip(".")
    if wd is None or key in lex.weekday_abbrs:
        return None
    pre, post, dw = _g(m, "pre"), _g(m, "post"), _g(m, "dw")
    if post and not dw and key in lex.units:  # "Minggu lalu" = last week, not last Sunday
        return None
    roles = lex.role(pre) | lex.role(post)
    if "week_past" in roles or "week_next" in roles:
        d = cal.weekday(wd, anchor, "week", -1 if "week_past" in roles else 1)
    elif roles & {"past_pre", "past_post"}:
        d = cal.weekday(wd, anchor, "before")
    elif roles & {"future_pre", "future_post"}:
        d = cal.weekday(wd, anchor, "after")
    else:
        d = cal.weekday(wd, anchor)
    return m.start(), m.end(), "relative", d


def _rel(m, lex: Lexicon, anchor) -> _Span | None:
    phrase = " ".join(m["rel"].lower().split())
    rp = lex.relative.get(phrase)
    if rp is None:
        return None
    start = m.start()
    if _g(m, "part") and rp.unit not in ("week", "month", "year"):
        start = m.start("rel")  # "akhir kemarin": the part word is not ours
    first = phrase.split()[0]
    if first in lex.units and lex.count_before_re.search(m.string, 0, m.start("rel")):
        return None  # "dalam 15 tahun ini" is a duration
    if rp.kind == "anaphoric":
        return start, m.end(), "anaphoric", None
    if rp.kind == "vague" or rp.unit == "none":
        return start, m.end(), "relative", None
    return start, m.end(), "relative", cal.shift(anchor, rp.unit, rp.shift)


def _ago(m, lex: Lexicon, anchor) -> _Span | None:
    n, unit = m["n"], lex.units.get(" ".join(m["u"].lower().split()))
    roles = lex.role(m["dir"])
    if unit is None:
        return None
    if "after_ctx" in roles and not roles & {"ago", "later"}:
        return m.start(), m.end(), "anaphoric", None
    value = int(n) if n.isdigit() else lex.numbers.get(" ".join(n.lower().split()))
    if value is None:
        return m.start(), m.end(), "relative", None
    sign = -1 if "ago" in roles else 1
    return m.start(), m.end(), "relative", cal.shift(anchor, unit, sign * value)


_BEFORE_CTX = {"sebelumnya", "earlier", "before"}


def anaphor_shift(text: str, lang: str) -> tuple[str, int]:
    """How far an anaphoric expression lies from the date the text gave last, as (unit, n).

    "pada hari yang sama" -> ("day", 0); "keesokan harinya", "the next day" ->
    ("day", 1); "dua hari kemudian" -> ("day", 2); "seminggu sebelumnya" ->
    ("week", -1). Unknown or unit-less ones ("saat itu") -> ("none", 0): the same date.
    """
    lex = lexicon(lang or "*")
    for name, rx in lex.patterns:
        if name not in ("rel", "ago"):
            continue
        m = rx.search(text)
        if m is None:
            continue
        if name == "rel":
            rp = lex.relative.get(" ".join(m["rel"].lower().split()))
            if rp is not None and rp.kind == "anaphoric" and rp.unit != "none":
                return rp.unit, rp.shift
            continue
        unit = lex.units.get(" ".join(m["u"].lower().split()))
        n = m["n"]
        value = int(n) if n.isdigit() else lex.numbers.get(" ".join(n.lower().split()))
        if unit and value is not None and "after_ctx" in lex.role(m["dir"]):
            sign = -1 if m["dir"].lower() in _BEFORE_CTX else 1
            return unit, sign * value
    return "none", 0


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


_HANDLERS: dict[str, Callable[[re.Match[str], Lexicon, PartialDate | None], _Span | None]] = {
    "dmy": _dmy,
    "mdy": _mdy,
    "range": _range,
    "range2": _range2,
    "month": _month,
    "mrange": _mrange,
    "year": _year,
    "paren": _paren,
    "numeric": _numeric,
    "iso": _iso,
    "weekday": _weekday,
    "rel": _rel,
    "ago": _ago,
}


# --------------------------------------------------------------------------- datelines

_DATELINE_LINES = 15
_MIN_DATELINE_YEAR = 1990
# A dateline sits at the start of its line: only this much of a line is searched
# (a megabyte-long first line would otherwise be scanned whole).
_DATELINE_SCAN = 300


def _head_lines(text: str, count: int, width: int) -> list[tuple[str, int, str]]:
    """The first ``count`` lines of ``text`` as (first ``width`` characters, length
    of the rest, its first 200 characters), without splitting the whole text."""
    out: list[tuple[str, int, str]] = []
    pos = 0
    while len(out) < count and pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        head = text[pos:min(end, pos + width)]
        parts = head.splitlines() or [""]
        for i, part in enumerate(parts):  # other line breaks inside the head
            more = end - (pos + width) if i == len(parts) - 1 and end > pos + width else 0
            out.append((part, more, text[pos + width:pos + width + 200] if more else ""))
        pos = end + 1
    return out[:count]
_TIME_AFTER = re.compile(r"\s*[|,\-–•]?\s*(?:pukul\s+|at\s+)?\d{1,2}[:.]\d{2}(?!\d)", re.IGNORECASE)
_DATELINE_PREFIX = re.compile(
    r"^[\W\d_]*(?:(?:[A-Z][\w.'’-]*|(?i:diperbarui|dipublikasikan|diterbitkan|terbit|"
    r"published|updated|posted|last|on|tanggal|oleh|by))[\s,|:()\-–•]*){0,5}$"
)


def find_dateline(text: str) -> PartialDate | None:
    """The publication date from a dateline in the first ~15 lines, or None.

    Accepts a day-precision date with an explicit year that looks like a
    dateline: followed by a clock time ("| 09:20 WIB"), or preceded on its
    line only by a place, weekday or "Diperbarui"-like words, or alone on a
    short line. Dates inside running prose ("... pada 10 Januari 1997") and
    dates introduced by a preposition are ignored.
    """
    for line, beyond_len, beyond in _head_lines(text, _DATELINE_LINES, _DATELINE_SCAN):
        if not line.strip():
            continue
        for dm in find_dates(line, None, "*"):
            d = dm.date
            if d is None or d.day is None or dm.kind != "absolute" or d.year < _MIN_DATELINE_YEAR:
                continue
            if lexicon("*").role(dm.text.split()[0]) & {"prep", "year_intro"}:
                continue
            if _TIME_AFTER.match(line, dm.end):
                return d
            prefix, rest = line[: dm.start], line[dm.end :]
            rest_len = len(rest) + beyond_len
            if _DATELINE_PREFIX.match(prefix) and (len(prefix) + rest_len <= 60 or len(prefix) <= 40):
                words = len((rest + beyond[:200]).split(None, 3))
                if words <= 3 or rest.lstrip()[:1] in ("-", "–", "—", "|", ":", "/"):
                    return d
    return None
