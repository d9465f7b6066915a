"""Actor knowledge base: loading and validating the actor tables.

The tables live in ``src/jalin/data/actors/`` (or any directory passed to
:func:`load_tables`, which tests use for broken tables):

    countries.tsv   states (ISO alpha-3), names, variants, short forms, demonyms
    metonyms.tsv    capitals, seats of power and national institutions
    orgs.tsv        international organisations (code = acronym)
    groups.tsv      groups of states ("Barat" -> WST) and phrases that are never
                    actors but would otherwise be cut into one ("Asia Tengah")
    nonstate.tsv    named armed and radical groups with their home country and
                    the role they had over time (Taliban: REB, GOV since 2021-08-15)
    roles.tsv       role and grammar words (presiden -> GOV, pasukan -> MIL,
                    mantan -> former, untuk -> link, KBRI -> mission of IDN,
                    Kabupaten -> unit: the acronym after it is the unit's name)
    people*.tsv     office holders with tenure (one row per person and office),
                    one file per region plus people_orgs.tsv for international
                    organisations; ``source``/``note`` columns give provenance
                    and mark uncertain dates

:func:`load_tables` validates codes, dates and aliases (an alias may name two
people only if their tenures never overlap); ``strict=True`` (used by
:func:`jalin.resolve.actors.validate` and ``jalin lexicon check``) also
rejects two holders of a one-person office at the same time.

Every alias becomes a token sequence in a trie (:class:`Lexicon`). Matching is
on normalised tokens (accents stripped, case folded); each alias also carries
a case rule: ``exact`` (surface must match, e.g. "AS"), ``cap`` (first letter
upper case: proper names) or ``any`` (role words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..datafiles import Row, data_path, read_tsv, read_tsv_file
from ..errors import DataFileError
from ..models import PartialDate, pickle_by_position

# CAMEO role codes we allow in the tables (closed list).
ROLE_CODES = frozenset(
    "GOV MIL COP JUD LEG OPP REB CVL BUS MED ELI SPY EDU REL LAB HLH NGO IGO REF "
    "AGR CRM DEV ENV HRI INS SEP UAF MOD RAD".split()
)
# Grammar functions of words in roles.tsv.
FUNCTIONS = frozenset({"role", "former", "link", "amb_link", "block_next", "stop", "unit", "mission"})
KINDS = frozenset({"state", "capital", "metonym", "demonym", "org", "person", "role", "group"})
STATUSES = frozenset({"member", "observer", "other", "exception", "historical"})
CASES = frozenset({"exact", "cap", "any"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")

# People tables, one per region (same columns; a person may have rows in several).
PEOPLE_FILES = ("people.tsv", "people_americas.tsv", "people_europe.tsv", "people_asia.tsv",
                "people_mideast.tsv", "people_africa.tsv", "people_orgs.tsv")
FILES = ("countries.tsv", "metonyms.tsv", "orgs.tsv", "groups.tsv", "nonstate.tsv", "roles.tsv",
         *PEOPLE_FILES)
# Office codes of people.tsv (closed list, see its header).
OFFICES = frozenset(
    "HOS HOG VP FM DM SG SPOX SPY SPK SCC SCD SCS PGS SL HR PRES CHR DG PROS NSA CGS LDR MIN AMB"
    .split()
)
# Offices one person holds at a time: two holders overlapping by more than
# OVERLAP_DAYS are a data error unless a row's note says "shared" (co-premiers).
SINGLE_OFFICES = frozenset("HOS HOG FM DM SG SL HR PRES CHR".split())
OVERLAP_DAYS = 31

# ---------------------------------------------------------------- tokens

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")
_FOLD = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
})


@lru_cache(maxsize=65536)
def strip_accents(token: str) -> str:
    """Remove diacritics but keep case: 'Erdoğan' -> 'Erdogan', 'İ' -> 'I'."""
    t = token.translate(_FOLD)
    if t.isascii():
        return t
    d = unicodedata.normalize("NFKD", t)
    return "".join(c for c in d if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm(token: str) -> str:
    """Matching key of a token: accents stripped and case folded."""
    return strip_accents(token).casefold()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    add = out.append
    for m in TOKEN_RE.finditer(text):
        add((m.start(), m.end(), m.group()))
    return out


# ---------------------------------------------------------------- records


@pickle_by_position  # quick to load from the disk cache
@dataclass(frozen=True, slots=True)
class Tenure:
    """One office held by one person: [start, end) in days; end None = still in office."""

    person_id: str
    name: str
    office: str
    role: str
    country: str | None
    org: str | None
    start: date
    end: date | None
    source: str
    note: str = ""

    def overlap(self, lo: date, hi: date) -> int:
        """Days of [lo, hi) inside this tenure."""
        a = max(lo, self.start)
        b = min(hi, self.end) if self.end else hi
        return max(0, (b - a).days)


@pickle_by_position  # quick to load from the disk cache
@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias means. ``kind`` is an ActorMatch kind, or 'block'/'word'."""

    kind: str
    case: str
    surface: tuple[str, ...]  # accent-stripped, case kept (for the exact rule)
    source: str  # file:line
    country: str | None = None
    org: str | None = None
    role: str | None = None
    name: str | None = None
    code: str | None = None  # group code
    func: str = ""  # for kind 'word': role | former | link | amb_link | language | stop
    office: str | None = None
    lang: str = ""
    person_ids: tuple[str, ...] = ()
    # languages in which an org acronym collides with a domestic abbreviation:
    # there it names the org only next to one of the org's names (orgs.tsv ``context``)
    context: tuple[str, ...] = ()
    # a capital stands for its state only since this day (Juba: 2011-07-09)
    since: date | None = None

    def target(self) -> tuple:
        return (self.kind, self.country, self.org, self.role, self.name, self.code,
                self.func, self.office, self.person_ids)


@pickle_by_position  # quick to load from the disk cache
@dataclass(frozen=True, slots=True)
class GroupPeriod:
    """The role a non-state group has in [start, end) (None: open)."""

    start: date | None
    end: date | None
    role: str
    country: str | None
    name: str
    source: str

    def overlap(self, lo: date, hi: date) -> int:
        a = max(lo, self.start) if self.start else lo
        b = min(hi, self.end) if self.end else hi
        return max(0, (b - a).days)


@dataclass
class Lexicon:
    """Token trie of all aliases plus the people and office tables."""

    trie: dict = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)  # person_id -> rows
    by_office: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # iso3 -> English name
    orgs: dict[str, str] = field(default_factory=dict)  # code -> name
    # code -> normalised words of the organisation's names (not its acronyms)
    org_words: dict[str, set[str]] = field(default_factory=dict)
    # non-state armed groups: id -> [(start, end, role, country)] (role may change in time)
    groups: dict[str, list["GroupPeriod"]] = field(default_factory=dict)
    size: int = 0

    def add(self, alias: str, entry: Entry) -> None:
        node = self.trie
        for tok in tokenize(alias):
            node = node.setdefault(norm(tok[2]), {})
        node.setdefault(None, []).append(entry)
        self.size += 1

    def drop(self, alias: str) -> None:
        """Forget what ``alias`` means (a language overlay gives it another meaning)."""
        node = self.trie
        for tok in tokenize(alias):
            node = node.get(norm(tok[2]))
            if node is None:
                return
        self.size -= len(node.pop(None, ()))


# ---------------------------------------------------------------- reading


METONYM_COLUMNS = ("alias", "country", "kind")
ROLE_COLUMNS = ("alias", "function")
ALIAS_COLUMNS = ("alias", "kind", "code")
ALIAS_KINDS = frozenset({"state", "demonym", "org", "group"})


def _overlay_rows(overlay: str, filename: str, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of an overlay's table; an overlay holds only the tables it needs."""
    if not data_path(f"{overlay}/{filename}").is_file():
        return iter(())
    return read_tsv(f"{overlay}/{filename}", required)


def _alias_entry(row: Row, lex: Lexicon) -> Entry:
    """The entry of an overlay alias: another name of a state, demonym, organisation or group."""
    kind, code = row["kind"], row["code"]
    if kind not in ALIAS_KINDS:
        raise row.error(f"kind must be one of {sorted(ALIAS_KINDS)}, got {kind!r}")
    case = _check_case(row, row.get("case"))
    surface, src = _surface(row["alias"]), _where(row)
    if kind in ("state", "demonym"):
        return Entry(kind, case, surface, src, country=_check_country(row, code, lex.countries))
    if kind == "org":
        if code not in lex.orgs:
            raise row.error(f"unknown org {code!r} (not in orgs.tsv)")
        return Entry("org", case, surface, src, org=code, name=lex.orgs[code])
    if not _CODE.match(code):
        raise row.error(f"group code must be upper case: {code!r}")
    return Entry("group", case, surface, src, code=code, name=row.get("name") or None)


def _rows(directory: Path | None, filename: str, required: tuple[str, ...]) -> Iterator[Row]:
    if directory is None:
        return read_tsv(f"actors/{filename}", required)
    path = Path(directory) / filename
    if not path.is_file():
        raise DataFileError(str(path), None, "data file missing")
    return read_tsv_file(path, required)


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _where(row: Row) -> str:
    return f"{row.path}:{row.line}"


def _surface(alias: str) -> tuple[str, ...]:
    return tuple(strip_accents(t[2]) for t in tokenize(alias))


def _check_case(row: Row, value: str) -> str:
    case = value or "cap"
    if case not in CASES:
        raise row.error(f"case must be one of {sorted(CASES)}, got {case!r}")
    return case


def _check_role(row: Row, role: str, allow_empty: bool = False) -> str | None:
    if not role:
        if allow_empty:
            return None
        raise row.error("empty role code")
    if role not in ROLE_CODES:
        raise row.error(f"unknown role code {role!r} (allowed: {' '.join(sorted(ROLE_CODES))})")
    return role


def _check_country(row: Row, code: str, countries: dict[str, str]) -> str:
    if code not in countries:
        raise row.error(f"unknown country code {code!r} (not in countries.tsv)")
    return code


def _date(row: Row, value: str, *, end: bool) -> date:
    try:
        pd = PartialDate.parse(value)
    except ValueError as exc:
        raise row.error(str(exc)) from None
    if not end:
        return pd.first_day()
    return last_day_after(pd)


def last_day_after(pd: PartialDate) -> date:
    """The first day after the period ``pd`` covers (exclusive upper bound)."""
    if pd.day is not None:
        return date(pd.year, pd.month, pd.day)  # an end day is the successor's first day
    if pd.month is not None:
        return (date(pd.year, pd.month, 28) + timedelta(days=4)).replace(day=1)
    return date(pd.year + 1, 1, 1)


def when_interval(when: PartialDate | None) -> tuple[date, date]:
    """[lo, hi) days covered by ``when``; None means 'now' (open-ended tenures only)."""
    if when is None:
        return date(9000, 1, 1), date(9000, 1, 2)
    if isinstance(when, date):
        return when, when + timedelta(days=1)
    lo = when.first_day()
    if when.day is not None:
        return lo, lo + timedelta(days=1)
    return lo, last_day_after(when)


def load_tables(directory: Path | str | None = None, strict: bool = False,
                overlays: tuple[str, ...] = ()) -> Lexicon:
    """Read, validate and index every actor table (package data when ``directory`` is None).

    ``strict`` adds the slower consistency checks of :func:`check_office_overlaps`.
    ``overlays`` are package directories (``actors/ms``) of one language's own
    names, read after the tables: ``aliases.tsv`` (another name of an actor
    the tables know), ``metonyms.tsv`` and ``roles.tsv`` (same columns as
    the tables'). A language pack names them (``LanguagePack.actor_dirs``);
    an overlay alias that means something else in the tables takes the
    overlay's meaning ("Istana Negara" is Malaysia's palace in Malay text,
    Indonesia's in the tables).
    """
    d = Path(directory) if directory is not None else None
    lex = Lexicon()
    seen: dict[tuple[str, ...], list[tuple[Entry, str]]] = {}
    person_aliases: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    overlay_keys: set[tuple[str, ...]] = set()

    def add(alias: str, entry: Entry, row: Row, overlay: bool = False) -> None:
        key = tuple(norm(t[2]) for t in tokenize(alias))
        if not key:
            raise row.error(f"empty alias {alias!r}")
        prev = seen.setdefault(key, [])
        if overlay and key not in overlay_keys:
            overlay_keys.add(key)
            if any(other.target() != entry.target() for other, _ in prev):
                prev.clear()  # in this language the alias means what its overlay says
                lex.drop(alias)
        for other, _ in prev:
            if other.target() == entry.target():
                if other.case == entry.case and (
                        entry.case != "exact" or other.surface == entry.surface):
                    return  # the same alias listed twice for the same actor
                continue
            distinct_exact = (entry.case == other.case == "exact"
                              and entry.surface != other.surface)
            if not distinct_exact:
                raise row.error(
                    f"alias {alias!r} already means something else at {other.source}"
                )
        prev.append((entry, entry.source))
        lex.add(alias, entry)

    # countries
    for row in _rows(d, "countries.tsv", ("iso3", "name_en", "name_id", "status")):
        iso = row["iso3"]
        if not _ISO3.match(iso):
            raise row.error(f"country code must be 3 upper-case letters: {iso!r}")
        if iso in lex.countries:
            raise row.error(f"duplicate country code {iso}")
        status = row["status"]
        if status not in STATUSES:
            raise row.error(f"status must be one of {sorted(STATUSES)}")
        if iso.startswith("X") and status not in ("exception", "historical"):
            raise row.error(f"{iso}: user-assigned codes need status 'exception'")
        lex.countries[iso] = row["name_en"]
    for row in _rows(d, "countries.tsv", ("iso3", "name_en", "name_id", "status")):
        iso, src = row["iso3"], _where(row)
        names = [row["name_en"], row["name_id"], *_split(row.get("aliases"))]
        for alias in dict.fromkeys(names):
            add(alias, Entry("state", "cap", _surface(alias), src, country=iso), row)
        for alias in _split(row.get("exact")):
            add(alias, Entry("state", "exact", _surface(alias), src, country=iso), row)
        for alias in _split(row.get("demonyms")):
            add(alias, Entry("demonym", "cap", _surface(alias), src, country=iso), row)

    # capitals, seats of power, national institutions
    def metonym_row(row: Row, overlay: bool = False) -> None:
        kind = row["kind"]
        if kind not in ("capital", "metonym"):
            raise row.error("kind must be capital or metonym")
        iso = _check_country(row, row["country"], lex.countries)
        role = _check_role(row, row.get("role"), allow_empty=True)
        case = _check_case(row, row.get("case"))
        since = _date(row, row["since"], end=False) if row.get("since") else None
        for alias in _split(row["alias"]):
            add(alias, Entry(kind, case, _surface(alias), _where(row), country=iso, role=role,
                             since=since), row, overlay)

    for row in _rows(d, "metonyms.tsv", METONYM_COLUMNS):
        metonym_row(row)

    # organisations
    for row in _rows(d, "orgs.tsv", ("code", "name")):
        code = row["code"]
        if not _CODE.match(code):
            raise row.error(f"org code must be an upper-case acronym: {code!r}")
        lex.orgs.setdefault(code, row["name"])
        words = lex.org_words.setdefault(code, set())
        for alias in [row["name"], *_split(row.get("aliases"))]:
            words.update(norm(t[2]) for t in tokenize(alias) if t[2][:1].isupper())
            add(alias, Entry("org", "cap", _surface(alias), _where(row), org=code,
                             name=row["name"]), row)
        context = tuple(_split(row.get("context")))
        for alias in _split(row.get("exact")):
            add(alias, Entry("org", "exact", _surface(alias), _where(row), org=code,
                             name=row["name"], context=context), row)

    # groups of states and non-actor phrases
    for row in _rows(d, "groups.tsv", ("alias", "code")):
        code = row["code"]
        case = _check_case(row, row.get("case"))
        for alias in _split(row["alias"]):
            if code == "-":
                entry = Entry("block", case, _surface(alias), _where(row))
            else:
                if not _CODE.match(code):
                    raise row.error(f"group code must be upper case: {code!r}")
                entry = Entry("group", case, _surface(alias), _where(row), code=code,
                              name=row.get("name") or None)
            add(alias, entry, row)

    # non-state armed groups, with the role they have over time
    group_names: dict[str, str] = {}
    for row in _rows(d, "nonstate.tsv", ("group_id", "name", "role")):
        gid = row["group_id"]
        if not _CODE.match(gid):
            raise row.error(f"group_id must be an upper-case code: {gid!r}")
        if gid in lex.orgs or gid in lex.countries:
            raise row.error(f"group_id {gid!r} is already an org or country code")
        role = _check_role(row, row["role"])
        country = row.get("country") or None
        if country:
            _check_country(row, country, lex.countries)
        start = _date(row, row["start"], end=False) if row.get("start") else None
        end = _date(row, row["end"], end=True) if row.get("end") else None
        if start and end and end <= start:
            raise row.error(f"period ends ({row['end']}) before it starts ({row['start']})")
        periods = lex.groups.setdefault(gid, [])
        if periods and periods[0].country != country:
            raise row.error(f"{gid}: home country {country} differs from {periods[0].source}")
        for other in periods:
            if other.overlap(start or date.min, end or date.max) > 0:
                raise row.error(f"{gid}: periods overlap (see {other.source})")
        name = group_names.setdefault(gid, row["name"])
        periods.append(GroupPeriod(start, end, role, country, name, _where(row)))
        periods.sort(key=lambda g: g.start or date.min)
        home = periods[-1].country
        for alias in [row["name"], *_split(row.get("aliases"))]:
            add(alias, Entry("group", "cap", _surface(alias), _where(row), code=gid,
                             name=name, country=home), row)
        for alias in _split(row.get("exact")):
            add(alias, Entry("group", "exact", _surface(alias), _where(row), code=gid,
                             name=name, country=home), row)

    # role and grammar words
    def role_row(row: Row, overlay: bool = False) -> None:
        func = row["function"]
        if func not in FUNCTIONS:
            raise row.error(f"function must be one of {sorted(FUNCTIONS)}")
        role = _check_role(row, row.get("role"), allow_empty=True)
        dc = row.get("default_country")
        if dc:
            _check_country(row, dc, lex.countries)
        elif func == "mission":
            raise row.error("a mission (KBRI) needs default_country: the state it represents")
        case = _check_case(row, row.get("case") or "any")
        office = row.get("office")
        if office and office not in OFFICES and office != "DEP":
            raise row.error(f"unknown office {office!r} (allowed: DEP {' '.join(sorted(OFFICES))})")
        for alias in _split(row["alias"]):
            add(alias, Entry("word", case, _surface(alias), _where(row), role=role, func=func,
                             office=row.get("office") or None, country=dc or None,
                             lang=row.get("lang")), row, overlay)

    for row in _rows(d, "roles.tsv", ROLE_COLUMNS):
        role_row(row)

    # one language's own names (a pack's overlay directories)
    for overlay in overlays:
        for row in _overlay_rows(overlay, "aliases.tsv", ALIAS_COLUMNS):
            add(row["alias"], _alias_entry(row, lex), row, overlay=True)
        for row in _overlay_rows(overlay, "metonyms.tsv", METONYM_COLUMNS):
            metonym_row(row, overlay=True)
        for row in _overlay_rows(overlay, "roles.tsv", ROLE_COLUMNS):
            role_row(row, overlay=True)

    # people with tenure (several files, same columns)
    required = ("person_id", "name", "office", "role", "start")
    for filename in PEOPLE_FILES:
        for row in _rows(d, filename, required):
            _person_row(row, lex, person_aliases)

    # person aliases: one entry per alias listing every person it may denote
    for key, ids in person_aliases.items():
        pids = tuple(p for p, _ in ids)
        _check_person_overlap(key, pids, lex)
        first = lex.tenures[pids[0]][0]
        alias = ids[0][1]
        fake = Row(first.source.rsplit(":", 1)[0], int(first.source.rsplit(":", 1)[1]), {})
        add(alias, Entry("person", "cap", _surface(alias), first.source, person_ids=pids), fake)
    if strict:
        problems = check_office_overlaps(lex)
        if problems:
            raise problems[0]
    return lex


def _person_row(row: Row, lex: Lexicon, person_aliases: dict) -> None:
    """Validate one people row and index its tenure and aliases."""
    pid = row["person_id"]
    country, org = row.get("country"), row.get("org")
    if bool(country) == bool(org):
        raise row.error("give exactly one of country or org")
    if country:
        _check_country(row, country, lex.countries)
    if org and org not in lex.orgs and org not in lex.groups:
        raise row.error(f"unknown org {org!r} (not in orgs.tsv or nonstate.tsv)")
    office = row["office"]
    if office not in OFFICES:
        raise row.error(f"unknown office {office!r} (allowed: {' '.join(sorted(OFFICES))})")
    role = _check_role(row, row["role"])
    start = _date(row, row["start"], end=False)
    end = _date(row, row["end"], end=True) if row.get("end") else None
    if end is not None and end <= start:
        raise row.error(f"tenure ends ({row['end']}) before it starts ({row['start']})")
    rows = lex.tenures.setdefault(pid, [])
    if rows and rows[0].name != row["name"]:
        raise row.error(f"person {pid} has two names: {rows[0].name!r}, {row['name']!r}")
    t = Tenure(pid, row["name"], office, role, country or None, org or None,
               start, end, _where(row), row.get("note"))
    rows.append(t)
    lex.by_office.setdefault((office, country or org), []).append(t)
    for alias in _person_aliases([row["name"], *_split(row.get("aliases"))]):
        key = tuple(norm(t[2]) for t in tokenize(alias))
        if not key:
            raise row.error(f"empty alias {alias!r}")
        ids = person_aliases.setdefault(key, [])
        if pid not in (p for p, _ in ids):
            ids.append((pid, alias))


def _person_aliases(aliases: list[str]) -> list[str]:
    """Aliases plus their spaced variants: "Moon Jae-in" also as "Moon Jae in"."""
    out = list(aliases)
    for a in aliases:
        if "-" in a and not a.startswith("-"):
            out.append(" ".join(a.replace("-", " ").split()))
    return list(dict.fromkeys(out))


def check_office_overlaps(lex: Lexicon) -> list[DataFileError]:
    """Two holders of a one-person office (HOS, HOG, FM, DM, ...) at the same time.

    Overlaps up to ``OVERLAP_DAYS`` are tolerated (month-precision dates;
    hand-over days); rows whose note contains "shared" (co-premiers) or
    "acting" are exempt.
    """
    out: list[DataFileError] = []
    for (office, key), rows in sorted(lex.by_office.items()):
        if office not in SINGLE_OFFICES:
            continue
        rows = sorted(rows, key=lambda t: t.start)
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a.end is not None and b.start >= a.end:
                    continue
                if a.person_id == b.person_id:
                    continue
                if any(w in (t.note or "") for t in (a, b) for w in ("shared", "acting")):
                    continue
                days = a.overlap(b.start, b.end or date.max)
                if days > OVERLAP_DAYS:
                    path, line = b.source.rsplit(":", 1)
                    out.append(DataFileError(
                        path, int(line),
                        f"{office} of {key}: {b.name} overlaps {a.name} by {days} days "
                        f"(see {a.source}); mark co-holders with note 'shared'"))
    return out


def _check_person_overlap(key: tuple[str, ...], pids: tuple[str, ...], lex: Lexicon) -> None:
    """Two people sharing an alias must never hold office at the same time."""
    for i, a in enumerate(pids):
        for b in pids[i + 1:]:
            for ta in lex.tenures[a]:
                for tb in lex.tenures[b]:
                    hi_a = ta.end or date.max
                    hi_b = tb.end or date.max
                    if ta.start < hi_b and tb.start < hi_a:
                        path, line = tb.source.rsplit(":", 1)
                        raise DataFileError(
                            path, int(line),
                            f"alias {' '.join(key)!r} denotes both {a} and {b} "
                            f"in overlapping tenures (see {ta.source})",
                        )
