"""Language data and compiled patterns for :mod:`jalin.resolve.dates`.

Everything language-specific lives in ``src/jalin/data/dates/*.tsv``; this
module reads those tables once per language (cached) and turns them into a
handful of regular expressions. The same code path serves every language:
``lexicon(code)`` reads the rows its language pack names
(``LanguagePack.date_languages``, from the pack's ``date_dirs``: Malay reads
the Indonesian rows and its own), ``lexicon("*")`` every row of every pack
at once (datelines, unknown languages). Whether numeric dates are written
month first (01/27/2022) is the pack's ``month_first_numeric``.

Case policy: month and weekday names only count when capitalised (or all
caps) -- "may", "march" and "minggu" (week) are ordinary words -- while
function words ("pada", "lalu", "last") match in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_hash, data_path, read_tsv
from ..lang import find_pack, packs
from ..nlp.automaton import StringMatcher

# Roles a function word may have in words.tsv (see that file's header).
ROLES = frozenset(
    {
        "prep", "year_intro", "year_word", "month_word", "day_word",
        "part_start", "part_mid", "part_end",
        "past_post", "future_post", "this_post", "past_pre", "future_pre", "this_pre",
        "ago", "later", "after_ctx", "week_past", "week_next", "daypart", "range_sep", "year_rel", "quantity", "mdy",
    }
)
UNITS = frozenset({"day", "week", "month", "year"})
REL_KINDS = frozenset({"relative", "vague", "anaphoric"})


@dataclass(frozen=True, slots=True)
class MonthName:
    month: int
    abbr: bool
    bare: bool


@dataclass(frozen=True, slots=True)
class RelPhrase:
    unit: str  # day | week | month | year | none
    shift: int
    kind: str  # relative | vague | anaphoric


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables (keys lowercased) and compiled patterns for one language."""

    lang: str
    months: dict[str, MonthName]
    weekdays: dict[str, int]
    weekday_abbrs: frozenset[str]
    relative: dict[str, RelPhrase]
    numbers: dict[str, int | None]
    units: dict[str, str]
    roles: dict[str, frozenset[str]]  # role -> lowercased words
    mdy: bool
    month_first: bool  # numeric dates are month first (01/27/2022)
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    quantity_re: re.Pattern[str]
    count_before_re: re.Pattern[str]
    # month and weekday names as the patterns want them written (Capitalised, UPPER): which occur
    cased_names: StringMatcher

    def role(self, word: str | None) -> set[str]:
        """All roles of a (matched) function word."""
        if not word:
            return set()
        w = _norm(word)
        return {r for r, ws in self.roles.items() if w in ws}

    def month(self, token: str) -> MonthName | None:
        return self.months.get(_norm(token).rstrip("."))

    def weekday(self, token: str) -> int | None:
        return self.weekdays.get(_norm(token).rstrip("."))


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


ALL = "*"


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The cached lexicon of ``lang`` ("*" = all languages; a code no pack has dates for -> "*")."""
    if lang == ALL:
        return _load(ALL, None, _all_dirs(), False)
    pack = find_pack(lang)
    if pack is None or not pack.date_languages:
        return lexicon(ALL)
    return _load(lang, frozenset(pack.date_languages), pack.date_dirs, pack.month_first_numeric)


_FILES = ("months.tsv", "weekdays.tsv", "relative.tsv", "numbers.tsv", "units.tsv", "words.tsv")


@lru_cache(maxsize=None)
def source_key(lang: str) -> str:
    """A key naming what ``lexicon(lang)`` is built from: the rows it reads and their files' hash."""
    pack = find_pack(lang) if lang != ALL else None
    if pack is None or not pack.date_languages:
        langs, dirs, first = "*", _all_dirs(), False
    else:
        langs, dirs, first = ",".join(sorted(pack.date_languages)), pack.date_dirs, pack.month_first_numeric
    files = [f"{d}/{name}" for k, d in enumerate(dirs) for name in _FILES
             if not k or data_path(f"{d}/{name}").is_file()]
    return f"{langs}|{first}|{data_hash(*files)}"


def _all_dirs() -> tuple[str, ...]:
    return tuple(dict.fromkeys(d for p in packs() for d in p.date_dirs))


def _rows(dirs: tuple[str, ...], name: str, required: tuple[str, ...], langs: frozenset[str] | None):
    """Rows of ``name`` in every directory (an overlay directory may lack it) for ``langs`` (None: all)."""
    for k, d in enumerate(dirs):
        if k and not data_path(f"{d}/{name}").is_file():
            continue
        for r in read_tsv(f"{d}/{name}", required=required):
            if langs is None or r["lang"] in langs:
                yield r


def _load(lang: str, langs: frozenset[str] | None, dirs: tuple[str, ...], month_first: bool) -> Lexicon:
    months: dict[str, MonthName] = {}
    month_forms: list[tuple[str, bool]] = []
    for r in _rows(dirs, "months.tsv", ("lang", "name", "month", "form", "bare"), langs):
        if not r["month"].isdigit() or not 1 <= int(r["month"]) <= 12:
            raise r.error(f"month must be 1..12, got {r['month']!r}")
        if r["form"] not in ("full", "abbr") or r["bare"] not in ("yes", "no"):
            raise r.error("form must be full|abbr and bare yes|no")
        entry = MonthName(int(r["month"]), r["form"] == "abbr", r["bare"] == "yes")
        key = _norm(r["name"])
        old = months.get(key)
        if old is not None and old.month != entry.month:
            raise r.error(f"{r['name']!r} already names month {old.month}")
        if old is None or (entry.bare and not old.bare):
            months[key] = entry
        month_forms.append((r["name"], entry.abbr))

    weekdays: dict[str, int] = {}
    weekday_abbrs: set[str] = set()
    weekday_forms: list[tuple[str, bool]] = []
    for r in _rows(dirs, "weekdays.tsv", ("lang", "name", "weekday", "form"), langs):
        if r["weekday"] not in tuple("0123456") or r["form"] not in ("full", "abbr"):
            raise r.error("weekday must be 0..6 and form full|abbr")
        weekdays[_norm(r["name"])] = int(r["weekday"])
        if r["form"] == "abbr":
            weekday_abbrs.add(_norm(r["name"]))
        weekday_forms.append((r["name"], r["form"] == "abbr"))

    relative: dict[str, RelPhrase] = {}
    for r in _rows(dirs, "relative.tsv", ("lang", "phrase", "unit", "shift", "kind"), langs):
        if r["unit"] not in UNITS | {"none"} or r["kind"] not in REL_KINDS:
            raise r.error(f"bad unit {r['unit']!r} or kind {r['kind']!r}")
        try:
            shift = int(r["shift"])
        except ValueError:
            raise r.error(f"shift must be an integer, got {r['shift']!r}") from None
        relative[_norm(r["phrase"])] = RelPhrase(r["unit"], shift, r["kind"])

    numbers: dict[str, int | None] = {}
    for r in _rows(dirs, "numbers.tsv", ("lang", "word"), langs):
        v = r.get("value")
        if v and not v.isdigit():
            raise r.error(f"value must be a whole number or empty, got {v!r}")
        numbers[_norm(r["word"])] = int(v) if v else None

    units: dict[str, str] = {}
    for r in _rows(dirs, "units.tsv", ("lang", "word", "unit"), langs):
        if r["unit"] not in UNITS:
            raise r.error(f"unit must be one of {sorted(UNITS)}, got {r['unit']!r}")
        units[_norm(r["word"])] = r["unit"]

    roles: dict[str, set[str]] = {role: set() for role in ROLES}
    for r in _rows(dirs, "words.tsv", ("lang", "word", "role"), langs):
        if r["role"] not in ROLES:
            raise r.error(f"unknown role {r['role']!r}")
        roles[r["role"]].add(_norm(r["word"]))
    frozen_roles = {k: frozenset(v) for k, v in roles.items()}

    return Lexicon(
        lang=lang,
        months=months,
        weekdays=weekdays,
        weekday_abbrs=frozenset(weekday_abbrs),
        relative=relative,
        numbers=numbers,
        units=units,
        roles=frozen_roles,
        mdy=bool(frozen_roles["mdy"]),
        month_first=month_first,
        patterns=_build_patterns(frozen_roles, month_forms, weekday_forms, relative, numbers, units),
        quantity_re=re.compile(r"\s*(?i:" + _alt(frozen_roles["quantity"]) + r")(?!\w)"),
        count_before_re=re.compile(
            r"(?:(?<!\w)\d+|(?<!\w)(?i:" + _alt(numbers) + r"))\s*$"
        ),
        cased_names=StringMatcher([(f, "month") for n, _ in month_forms for f in (n, n.upper())]
                                  + [(f, "weekday") for n, _ in weekday_forms for f in (n, n.upper())]),
    )


# --------------------------------------------------------------------------- patterns


def _alt(words) -> str:
    """Alternation of literal phrases, longest first, spaces matching any run of spaces."""
    ws = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not ws:
        return r"(?!x)x"
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws)


def _cased(names) -> str:
    """Alternation of names that must be Capitalised or ALL CAPS."""
    forms: set[str] = set()
    for n in names:
        forms.add(n)
        forms.add(n.upper())
    return _alt(forms)


def _build_patterns(roles, month_forms, weekday_forms, relative, numbers, units):
    ci = lambda *rs: "(?i:" + _alt(set().union(*(roles[r] for r in rs))) + ")"  # noqa: E731
    full = _cased(n for n, abbr in month_forms if not abbr)
    abbr = _cased(n for n, abbr in month_forms if abbr)
    month = rf"(?:{full}|(?:{abbr})\.?)"
    wd_abbr = _cased(n for n, a in weekday_forms if a)
    wd = rf"(?:{_cased(n for n, a in weekday_forms if not a)}|(?:{wd_abbr})\.?)"
    day = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)(?![\d]|[.,]\d)"
    b, e = r"(?<![\w])", r"(?![\w])"
    prep = rf"(?:(?<!\w)(?P<prep>{ci('prep')})\s+)?"
    part = rf"(?:(?P<part>{ci('part_start', 'part_mid', 'part_end')})(?:\s+|-))?"
    dash = r"\s*[-–—]\s*"
    sep = rf"(?:{dash}|\s+(?:{ci('range_sep')})\s+)"
    strict_sep = _alt(roles["range_sep"] - {"dan", "and"})
    month_sep = rf"(?:{dash}|\s+(?i:{strict_sep})\s+)"
    yrel = rf"\s+(?P<yrel>{ci('year_rel')})"
    daypart = rf"(?:\s+(?P<daypart>{ci('daypart')}))?"
    wd_lead = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    mods_post = ci("week_past", "week_next", "past_post", "future_post", "this_post")
    mods_pre = ci("past_pre", "future_pre", "this_pre")

    pats = [
        # 12 November 2020, Sabtu, 08 Januari 2022, pada tanggal 5 Mei
        ("dmy", rf"{b}{prep}{wd_lead}(?:{ci('day_word')}\s+)?(?P<d>{day})\s*(?P<m>{month})"
                rf"(?:,?\s+(?P<y>{year})|{yrel})?{e}"),
        # 27-28 November 2022, dari 5 hingga 6 Mei
        ("range", rf"{b}{prep}(?P<d>{day}){sep}(?P<d2>{day})\s*(?P<m>{month})"
                  rf"(?:,?\s+(?P<y>{year}))?{e}"),
        # 30 November - 2 Desember 2022
        ("range2", rf"{b}{prep}(?P<d>{day})\s*(?P<m>{month})(?:\s+(?P<y>{year}))?{sep}"
                   rf"(?P<d2>{day})\s*(?P<m2>{month})(?:,?\s+(?P<y2>{year}))?{e}"),
        # pada akhir Oktober 2020, bulan Oktober lalu, last May, mid-October
        ("month", rf"{b}{prep}{part}(?:(?P<mw>{ci('month_word')})\s+)?"
                  rf"(?:(?P<pre>{mods_pre})\s+)?(?P<m>{month})"
                  rf"(?:,?\s+(?P<y>{year})|{yrel}|\s+(?P<post>{mods_post}))?{e}"),
        # Januari-Maret 2022, dari Oktober hingga Desember
        ("mrange", rf"{b}{prep}{part}(?P<m>{month})(?:\s+(?P<y>{year}))?{month_sep}"
                   rf"(?P<m2>{month})(?:,?\s+(?P<y2>{year}))?{e}"),
        # pada tahun 2016, sejak 2009, akhir 2017, 2020-2021, mid-2019
        ("year", rf"{b}{prep}{part}(?:(?P<yw>{ci('year_word')})\s+)?(?<!\d[-/.,])(?P<y>{year})"
                 rf"(?:\s*[-–/]\s*(?P<y2>{year}|\d\d(?!\d)))?(?!\w|-?an\b|[.,]\d|[-/]\d)"),
        # Selasa (11/1), (8/1/2022), Jakarta, Senin (10/1/2022) malam
        ("paren", rf"{prep}(?:(?<!\w)(?P<wd>{wd})\s*,?\s*)?\(\s*(?:(?P<wd2>{wd})\s*,?\s*)?"
                  rf"(?P<d>{day})\s*/\s*(?P<mo>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d\d))?\s*\){daypart}"),
        # 27/01/2022, 27.01.2022, 2022-01-27
        ("numeric", rf"{b}{wd_lead}(?<![\d/.])(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<mo>\d{{1,2}})(?P=s)"
                    rf"(?P<y>{year})(?![\d/])"),
        ("iso", rf"{b}(?P<y>{year})-(?P<mo>\d\d)-(?P<d>\d\d)(?![\d-])"),
        # pada hari Selasa, Selasa lalu, last Tuesday, Rabu pekan lalu, Kamis malam
        ("weekday", rf"{b}{prep}(?:(?P<dw>{ci('day_word')})\s+)?(?:(?P<pre>{mods_pre})\s+)?"
                    rf"(?P<wd>{wd})(?:\s+(?P<post>{mods_post}))?{daypart}{e}"),
        # kemarin, pekan lalu, awal bulan ini, earlier this month, pada hari yang sama
        ("rel", rf"{b}{prep}{part}(?P<rel>(?i:{_alt(relative)})){e}"),
        # dua hari lalu, 3 hari yang lalu, sebulan lalu, two weeks ago, dua hari lagi
        ("ago", rf"{b}(?P<n>\d{{1,3}}|(?i:{_alt(numbers)}))\s*(?P<u>(?i:{_alt(units)}))"
                rf"\s+(?P<dir>{ci('ago', 'later', 'after_ctx')}){e}"),
    ]
    if roles["mdy"]:
        # January 27, 2022; on Jan. 27; Nov. 27-28
        pats.append(
            ("mdy", rf"{b}{prep}{wd_lead}(?P<m>{month})\s+(?P<d>{day})"
                    rf"(?:{dash}(?P<d2>{day}))?(?:,?\s+(?P<y>{year}))?{e}")
        )
    return tuple((name, re.compile(rx)) for name, rx in pats)
