"""The gazetteer: place names with their country, region and position.

Built once per process from the data files under ``data/places/``:

- ``geonames_cities.tsv``: 34,000 places of 15,000+ inhabitants (GeoNames);
- ``geonames_regions.tsv``: first-level regions with short aliases (GeoNames);
- ``country_points.tsv``: one point per state (Natural Earth centroids);
- ``places.tsv``: the team's table (exonyms, seas, straits, border areas,
  disputed regions). A name listed there has exactly that sense;
- ``stopnames.tsv``: GeoNames names that are also common words or given names;
- ``words.tsv``: the words around place names, per language;
- the English names of states come from ``actors/countries.tsv``.

A name is looked up by its *key*: its tokens with accents stripped and case
folded ("Ürümqi" and "URUMQI" share one key). :meth:`Gazetteer.senses`
returns every place a key may name; choosing one is
:mod:`jalin.resolve.places`'s job. Rows are validated on load: a bad row
raises :class:`jalin.errors.DataFileError` with its file and line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import Row, read_tsv
from ..errors import DataFileError
from ..lang import find_pack

__all__ = ["Place", "Senses", "Gazetteer", "default_gazetteer", "fold", "place_tokens", "KINDS"]

KINDS = ("city", "region", "sea", "strait", "border", "disputed", "country")
ROLES = ("at", "to", "near", "from", "city", "region", "region_after", "city_after", "border",
         "border_after", "pair", "date_word", "skip", "coord", "topic", "relative", "destination", "object", "copresence")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_FOLD = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
})


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A token's matching key: accents stripped, case folded, quotes and dashes unified."""
    t = token.translate(_FOLD)
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t.casefold()


def place_tokens(text: str) -> list[tuple[int, int, str]]:
    """Words and single punctuation marks with their offsets in ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def key_of(name: str) -> tuple[str, ...]:
    """The matching key of a name: its folded tokens."""
    if name.isascii() and name.replace(" ", "").isalpha():
        return tuple(name.lower().split())  # the common case, 30x faster
    return tuple(fold(t) for _, _, t in place_tokens(name))


@dataclass(frozen=True, slots=True)
class Place:
    """One place: a city, region, sea, strait, border area, disputed area or state."""

    name: str
    kind: str  # one of KINDS
    country: str | None  # the state it lies in; None: shared or international
    admin1: str | None
    lat: float
    lon: float
    countries: tuple[str, ...] = ()
    population: int = 0
    capital: bool = False
    origin: str = "geonames"  # geonames | team | country

    @property
    def precision(self) -> str:
        return "city" if self.kind == "city" else "country" if self.kind == "country" else "region"


@dataclass(frozen=True, slots=True)
class Senses:
    """What one key may name: the team's sense (authoritative) or GeoNames' candidates."""

    team: Place | None = None
    cities: tuple[Place, ...] = ()
    regions: tuple[Place, ...] = ()
    exact: str | None = None  # a team alias matched only in exactly this case ("DMZ")
    stop: bool = False  # a common word or given name (stopnames.tsv)


@dataclass
class Gazetteer:
    """Every place name known, by key, and the words around place names per language."""

    senses: dict[tuple[str, ...], Senses] = field(default_factory=dict)
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> English short name
    borders: dict[frozenset[str], Place] = field(default_factory=dict)
    words: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    max_len: int = 1
    # first token of a name -> the lengths (in tokens) of the names it starts, longest first
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _by_first: dict = field(default_factory=dict, repr=False)
    _by_last: dict = field(default_factory=dict, repr=False)

    # ---------------------------------------------------------------- lookups
    def lookup(self, key: tuple[str, ...]) -> Senses | None:
        return self.senses.get(key)

    def country_place(self, iso3: str, name: str | None = None) -> Place | None:
        """The state ``iso3`` as a country-precision place (None if it has no point)."""
        pt = self.country_points.get(iso3)
        if pt is None:
            return None
        return Place(name or iso3, "country", iso3, None, pt[0], pt[1], (iso3,), origin="country")

    def border(self, a: str, b: str) -> Place | None:
        return self.borders.get(frozenset((a, b)))

    def phrases(self, lang: str, role: str) -> tuple[tuple[str, ...], ...]:
        """Word sequences of ``role`` in ``lang`` (language-neutral ``*`` rows included); a
        language that builds on another (Malay on Indonesian) reads that one's rows too."""
        pack = find_pack(lang)
        langs = pack.date_languages if pack is not None and pack.date_languages else (lang,)
        out: tuple[tuple[str, ...], ...] = ()
        for code in (*langs, "*"):
            out += self.words.get(code, {}).get(role, ())
        return out

    def phrases_from(self, lang: str, role: str, first: str) -> tuple[tuple[str, ...], ...]:
        """The ``role`` phrases that begin with the word ``first``, longest first."""
        key = (lang, role)
        index = self._by_first.get(key)
        if index is None:
            index = {}
            for ph in self.phrases(lang, role):
                index.setdefault(ph[0], []).append(ph)
            index = self._by_first[key] = {k: tuple(v) for k, v in index.items()}
        return index.get(first, ())

    def phrases_to(self, lang: str, role: str, last: str) -> tuple[tuple[str, ...], ...]:
        """The ``role`` phrases that end with the word ``last``, longest first."""
        key = (lang, role)
        index = self._by_last.get(key)
        if index is None:
            index = {}
            for ph in self.phrases(lang, role):
                index.setdefault(ph[-1], []).append(ph)
            index = self._by_last[key] = {k: tuple(v) for k, v in index.items()}
        return index.get(last, ())

    def __len__(self) -> int:
        return len(self.senses)

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls) -> "Gazetteer":
        g = cls()
        cities: dict[tuple[str, ...], list[Place]] = {}
        regions: dict[tuple[str, ...], list[Place]] = {}
        by_country_name: dict[tuple[str, tuple[str, ...]], list[Place]] = {}
        for row in _fast_rows("places/geonames_cities.tsv", CITY_COLUMNS):
            p = Place(row["name"], "city", _iso3(row, "country"), row.get("admin1") or None,
                      *_latlon(row), (row["country"],), _int(row, "population"),
                      row.get("capital") == "1")
            k = key_of(p.name)
            cities.setdefault(k, []).append(p)
            by_country_name.setdefault((p.country, k), []).append(p)
        for row in read_tsv("places/geonames_regions.tsv", required=("name", "country", "lat", "lon")):
            p = Place(row["name"], "region", _iso3(row, "country"), row["name"], *_latlon(row),
                      (row["country"],))
            for name in filter(None, (row["name"], row.get("alias"))):
                regions.setdefault(key_of(name), []).append(p)
                by_country_name.setdefault((p.country, key_of(name)), []).append(p)
        for row in read_tsv("places/country_points.tsv", required=("country", "lat", "lon")):
            g.country_points[_iso3(row, "country")] = _latlon(row)
        # English names of states, for country-precision places (the actor table's names)
        for row in read_tsv("actors/countries.tsv", required=("iso3", "name_en")):
            g.country_names[row["iso3"]] = row["name_en"]
        stop = {key_of(r["name"]) for r in read_tsv("places/stopnames.tsv", required=("name",))}
        team: dict[tuple[str, ...], tuple[Place, str | None]] = {}
        for row in read_tsv("places/places.tsv", required=("alias", "kind")):
            place = _team_place(row, by_country_name)
            if place.kind == "border" and len(place.countries) == 2:
                g.borders.setdefault(frozenset(place.countries), place)
            for alias in (a.strip() for a in row["alias"].split("|") if a.strip()):
                k = key_of(alias)
                if k in team and team[k][0] != place:
                    raise row.error(f"alias {alias!r} already names {team[k][0].name!r}")
                exact = alias if alias.isupper() or any(c.isupper() for c in alias[1:3]) else None
                team[k] = (place, exact)
        for k in set(cities) | set(regions) | set(team) | stop:
            t = team.get(k)
            g.senses[k] = Senses(t[0] if t else None, tuple(cities.get(k, ())),
                                 tuple(regions.get(k, ())), t[1] if t else None, k in stop)
        g.max_len = max((len(k) for k in g.senses), default=1)
        starts: dict[str, set[int]] = {}
        for k in g.senses:
            starts.setdefault(k[0], set()).add(len(k))
        g.starts = {w: tuple(sorted(n, reverse=True)) for w, n in starts.items()}
        g.words = _load_words()
        return g


CITY_COLUMNS = ("name", "country", "admin1", "lat", "lon", "population", "capital")


class _FastRow(dict):
    """A row of a large generated table: a dict that reports errors as ``file:line``."""

    path = ""
    line = 0

    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return dict.get(self, key) or default

    def error(self, message: str) -> DataFileError:
        return DataFileError(self.path, self.line, message)


def _fast_rows(relative: str, columns: tuple[str, ...]):
    """Rows of a generated TSV with a fixed header (no per-cell stripping: it is machine-written)."""
    from ..datafiles import read_text

    name = f"jalin/data/{relative}"
    lines = read_text(relative).split("\n")
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line or line[0] == "#":
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise DataFileError(name, lineno, f"header must be {'/'.join(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns) or not cells[0]:
            raise DataFileError(name, lineno, f"{len(cells)} cells for {len(columns)} columns")
        row = _FastRow(zip(columns, cells))
        row.path, row.line = name, lineno
        yield row
    if not header_seen:
        raise DataFileError(name, None, "no header row")


def _iso3(row: Row, col: str) -> str:
    v = row[col]
    if not _ISO3.match(v):
        raise row.error(f"{col} must be an ISO 3166-1 alpha-3 code, got {v!r}")
    return v


def _latlon(row: Row) -> tuple[float, float]:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise row.error(f"lat/lon must be numbers, got {row['lat']!r}, {row['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.error(f"position out of range: {lat}, {lon}")
    return lat, lon


def _int(row: Row, col: str) -> int:
    v = row.get(col, "0")
    if not v.isdigit():
        raise row.error(f"{col} must be a whole number, got {v!r}")
    return int(v)


def _team_place(row: Row, by_country_name: dict) -> Place:
    kind = row["kind"]
    if kind not in KINDS or kind == "country":
        raise row.error(f"kind must be one of {', '.join(k for k in KINDS if k != 'country')}, got {kind!r}")
    country = _iso3(row, "country") if row.get("country") else None
    countries = tuple(c.strip() for c in row.get("countries").split("|") if c.strip()) \
        if row.get("countries") else ((country,) if country else ())
    for c in countries:
        if not _ISO3.match(c):
            raise row.error(f"countries: {c!r} is not an ISO 3166-1 alpha-3 code")
    name = row["alias"].split("|")[0].strip()
    admin1 = None
    if row.get("geonames"):
        if country is None:
            raise row.error("a geonames reference needs a country")
        found = by_country_name.get((country, key_of(row["geonames"])), [])
        if not found:
            raise row.error(f"no GeoNames place or region {row['geonames']!r} in {country}")
        ref = max(found, key=lambda p: p.population)
        name, lat, lon, admin1 = ref.name, ref.lat, ref.lon, ref.admin1
        if row.get("lat") or row.get("lon"):
            raise row.error("give either geonames or lat/lon, not both")
    elif row.get("lat") and row.get("lon"):
        lat, lon = _latlon(row)
    else:
        raise row.error("a place needs geonames or lat and lon")
    return Place(name, kind, country, admin1, lat, lon, countries, origin="team")


def _load_words() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for row in read_tsv("places/words.tsv", required=("lang", "role")):
        if row["role"] not in ROLES:
            raise row.error(f"role must be one of {', '.join(ROLES)}, got {row['role']!r}")
        words = [key_of(w) for w in row.get("words").split("|") if w.strip()]
        out.setdefault(row["lang"], {}).setdefault(row["role"], []).extend(words)
    # longest phrases first, so "di dekat" wins over "di"
    return {lang: {role: tuple(sorted(set(ws), key=lambda w: -len(w))) for role, ws in roles.items()}
            for lang, roles in out.items()}


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()


def validate() -> list[str]:
    """Load every place file; return problems as ``file:line: message`` lines."""
    try:
        Gazetteer.load()
    except DataFileError as exc:
        return [str(exc)]
    return []
