"""Read-only queries over a jalin store, for the API and the dashboard.

Every function takes a DuckDB connection (or a :class:`jalin.store.Store`,
whose connection is used) and only reads. The web server gives each request
its own cursor (``connection(store).cursor()``), so queries from many threads
never share one cursor.

Actors are grouped by their *key*: country, else organisation, else code
(the same rule as :attr:`jalin.models.Actor.key`). An event's *day* is its
own date, else its article's publication date; partial dates count from the
first day they cover. Filters are validated here and raise
:class:`jalin.errors.UsageError` with a message a person can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..errors import DataFileError, StoreError, UsageError
from ..models import PartialDate
from .schema import STORIES_VERSION

__all__ = [
    "EventFilter",
    "EventPage",
    "Period",
    "connection",
    "parse_period",
    "parse_dyad",
    "summary",
    "events_page",
    "actors",
    "dyad_series",
    "network",
    "article_detail",
    "articles_page",
    "actor_labels",
]

MAX_LIMIT = 500
INTERVALS = ("day", "week", "month", "year")

_CODE_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")
_ROOT_RE = re.compile(r"^\d{2}$")
_CAMEO_RE = re.compile(r"^\d{2,4}$")

# SQL fragments. ``_day(col)`` turns a DATE or an ISO partial date string
# ("2020", "2020-11", "2020-11-12") into a DATE.
def _day(col: str) -> str:
    s = f"CAST({col} AS VARCHAR)"
    return (
        f"TRY_CAST(CASE length({s}) WHEN 4 THEN {s} || '-01-01' "
        f"WHEN 7 THEN {s} || '-01' ELSE left({s}, 10) END AS DATE)"
    )


def _key(side: str) -> str:
    return (
        f"coalesce(nullif({side}_country, ''), nullif({side}_org, ''), "
        f"nullif({side}_code, ''), '?')"
    )


SRC = _key("source")
TGT = _key("target")
# CASE (not coalesce) so the string fallbacks are only parsed where needed.
WHEN = (
    f"CASE WHEN date_first IS NOT NULL THEN date_first "
    f"ELSE coalesce({_day('date')}, {_day('published')}) END"
)

# What the relation views count: events that happened (negated ones are listed, not counted).
_REAL = "NOT coalesce(negated, false)"
# The events relation every query reads: raw columns plus derived keys/day.
_EV = f"(SELECT e.*, {SRC} AS source_key, {TGT} AS target_key, {WHEN} AS day FROM events e)"
# The stories relation (issue 11): one row per real-world act, the same derived columns;
# its day is its date, else the day its first report was published.
_ST = (
    f"(SELECT s.* EXCLUDE (source_key, target_key), {SRC} AS source_key, {TGT} AS target_key, "
    f"CASE WHEN date_first IS NOT NULL THEN date_first ELSE {_day('first_seen')} END AS day "
    "FROM stories s)"
)
#: What the network, the series and the actor list count: stories (each real-world act
#: once, however often reported; the default) or reports (every article's event).
COUNTS = ("stories", "reports")


def relation(count: str = "stories") -> str:
    """The relation to count: stories (default) or reports (events)."""
    if count not in COUNTS:
        raise UsageError(f"bad count {count!r}: stories or reports")
    return _ST if count == "stories" else _EV


def open_read_only(path) -> tuple[Any, Any]:
    """Open the store file read-only: ``(store or None, connection)``.

    Goes through :class:`jalin.store.Store`, so its schema-version check runs.
    """
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        raise StoreError(f"no store at {path}")
    from .db import Store

    store = Store(path, read_only=True)
    return store, connection(store)


def connection(store: Any):
    """The DuckDB connection of ``store`` (a Store, or already a connection)."""
    if hasattr(store, "execute") and hasattr(store, "cursor"):
        return store
    for name in ("con", "conn", "connection", "_con", "_conn", "db"):
        con = getattr(store, name, None)
        if con is not None and hasattr(con, "execute"):
            return con
    raise StoreError(f"cannot find a database connection on {type(store).__name__}")


def _exec(con, sql: str, params: list | tuple = ()):
    """Run one query; DuckDB errors become StoreError (503), never a 500."""
    import duckdb

    try:
        return con.execute(sql, list(params))
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {type(exc).__name__}: {exc}") from None


def _rows(con, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
    cur = _exec(con, sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, (_plain(v) for v in row))) for row in cur.fetchall()]


def _plain(v: Any) -> Any:
    """JSON-friendly values: dates as ISO strings, NaN as None."""
    if v is None or isinstance(v, (str, int, bool)):
        return v
    if isinstance(v, float):
        return None if v != v else v
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return str(v)


# --------------------------------------------------------------- parameters

@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of days; either end may be open."""

    start: date | None = None
    end: date | None = None

    def sql(self, col: str = "day") -> tuple[str, list]:
        parts, params = [], []
        if self.start is not None:
            parts.append(f"{col} >= ?")
            params.append(self.start)
        if self.end is not None:
            parts.append(f"{col} <= ?")
            params.append(self.end)
        return " AND ".join(parts), params


def _last_day(pd: PartialDate) -> date:
    if pd.day is not None:
        return pd.first_day()
    if pd.month is not None:
        nxt = date(pd.year + (pd.month == 12), pd.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(pd.year, 12, 31)


def parse_period(date_from: str | None = None, date_to: str | None = None) -> Period:
    """Parse ``YYYY[-MM[-DD]]`` bounds; ``date_to`` covers its whole month/year."""
    start = end = None
    try:
        if date_from:
            start = PartialDate.parse(date_from).first_day()
        if date_to:
            end = _last_day(PartialDate.parse(date_to))
    except ValueError as exc:
        raise UsageError(f"bad date: {exc}") from None
    if start and end and start > end:
        raise UsageError(f"date_from {date_from} is after date_to {date_to}")
    return Period(start, end)


def _actor_code(value: str, what: str) -> str:
    value = value.strip()
    if not _CODE_RE.match(value):
        raise UsageError(f"bad {what} {value!r}: use an actor key such as KAZ or CSTO")
    return value.upper()


def parse_dyad(value: str) -> tuple[str, str]:
    """``"KAZ-RUS"``, ``"KAZ,RUS"`` or ``"KAZ:RUS"`` -> ``("KAZ", "RUS")``."""
    parts = [p for p in re.split(r"[,:\-–/ ]+", value.strip()) if p]
    if len(parts) != 2:
        raise UsageError(f"bad dyad {value!r}: want two actor keys such as KAZ-RUS")
    return _actor_code(parts[0], "dyad actor"), _actor_code(parts[1], "dyad actor")


def _roots(value: str) -> tuple[str, ...]:
    roots = tuple(r.strip() for r in value.split(",") if r.strip())
    for r in roots:
        if not _ROOT_RE.match(r) or not 1 <= int(r) <= 20:
            raise UsageError(f"bad cameo_root {r!r}: want two digits 01..20 (comma-separated)")
    return roots


def _where_code(value: str) -> str:
    if not re.match(r"^[A-Za-z]{3}$", value):
        raise UsageError(f"bad where {value!r}: want a three-letter country code such as KGZ")
    return value.upper()


def _place_key(value: str) -> tuple[str, str]:
    """ "Bishkek|KGZ" (a map point: location name and country, which may be empty)."""
    name, sep, country = value.rpartition("|")
    if not sep or not name.strip() or len(value) > 200 or (country and not re.match(r"^[A-Z]{3}$", country)):
        raise UsageError(f"bad place {value!r}: want NAME|ISO3, e.g. Bishkek|KGZ")
    return name, country


def _contains(text: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching ``text`` literally anywhere."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list. Empty fields do not filter."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False  # dyad: only source=dyad[0], target=dyad[1]
    cameo_root: tuple[str, ...] = ()
    cameo: str | None = None  # code prefix
    plover: str | None = None
    quad_class: int | None = None
    period: Period = field(default_factory=Period)
    doc_id: str | None = None
    q: str | None = None  # text in the evidence sentence
    include_negated: bool = False
    located_in: str | None = None  # ISO3 of the state the event happened in (its location)
    place: tuple[str, str] | None = None  # (location name, country or "") of one map point

    @classmethod
    def parse(cls, **raw: Any) -> "EventFilter":
        """Build from loosely typed request parameters; raise UsageError."""
        def s(name: str) -> str | None:
            v = raw.get(name)
            return v.strip() if isinstance(v, str) and v.strip() else None

        cameo = s("cameo")
        if cameo and not _CAMEO_RE.match(cameo):
            raise UsageError(f"bad cameo {cameo!r}: want 2-4 digits")
        plover = s("plover")
        if plover and not re.match(r"^[A-Za-z_]{2,30}$", plover):
            raise UsageError(f"bad plover {plover!r}")
        qc = raw.get("quad_class")
        if qc is not None and qc not in (1, 2, 3, 4):
            raise UsageError(f"bad quad_class {qc!r}: want 1..4")
        q = s("q")
        if q and len(q) > 200:
            raise UsageError("q is too long (200 characters at most)")
        return cls(
            actor=_actor_code(s("actor"), "actor") if s("actor") else None,
            source=_actor_code(s("source"), "source") if s("source") else None,
            target=_actor_code(s("target"), "target") if s("target") else None,
            dyad=parse_dyad(s("dyad")) if s("dyad") else None,
            directed=bool(raw.get("directed")),
            cameo_root=_roots(s("cameo_root") or ""),
            cameo=cameo,
            plover=plover.upper() if plover else None,
            quad_class=qc,
            period=parse_period(s("date_from"), s("date_to")),
            doc_id=s("doc_id"),
            q=q,
            include_negated=raw.get("include_negated", False) is True,
            located_in=_where_code(s("where")) if s("where") else None,
            place=_place_key(s("place")) if s("place") else None,
        )

    def where(self) -> tuple[str, list]:
        parts: list[str] = []
        params: list = []
        if self.actor:
            parts.append("(source_key = ? OR target_key = ? OR source_code = ? OR target_code = ?)")
            params += [self.actor] * 4
        if self.source:
            parts.append("(source_key = ? OR source_code = ?)")
            params += [self.source] * 2
        if self.target:
            parts.append("(target_key = ? OR target_code = ?)")
            params += [self.target] * 2
        if self.dyad:
            a, b = self.dyad
            if self.directed:
                parts.append("(source_key = ? AND target_key = ?)")
                params += [a, b]
            else:
                parts.append("((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))")
                params += [a, b, b, a]
        if self.cameo_root:
            parts.append(f"cameo_root IN ({', '.join('?' * len(self.cameo_root))})")
            params += list(self.cameo_root)
        if self.cameo:
            parts.append("starts_with(cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            parts.append("upper(plover) = ?")
            params.append(self.plover)
        if self.quad_class is not None:
            parts.append("quad_class = ?")
            params.append(self.quad_class)
        span, sp = self.period.sql("day")
        if span:
            parts.append(span)
            params += sp
        if self.doc_id:
            parts.append("doc_id = ?")
            params.append(self.doc_id)
        if self.q:
            parts.append("evidence_sentence ILIKE ? ESCAPE '\\'")
            params.append(_contains(self.q))
        if not self.include_negated:
            parts.append("NOT coalesce(negated, false)")
        if self.located_in:  # event locations (jalin.resolve.places)
            parts.append("(location_country = ? OR list_contains("
                         "string_split(coalesce(location_countries, ''), '|'), ?))")
            params += [self.located_in, self.located_in]
        if self.place:
            parts.append("(location_name = ? AND coalesce(location_country, '') = ?)")
            params += list(self.place)
        return (" AND ".join(parts) or "TRUE"), params


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    limit: int
    offset: int
    events: tuple[dict[str, Any], ...]


# ------------------------------------------------------------------ queries

def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be 1..{MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise UsageError(f"offset must be >= 0, got {offset}")


_ORDERS = {
    "date": "day ASC NULLS LAST, doc_id, sentence_idx, event_id",
    "-date": "day DESC NULLS LAST, doc_id, sentence_idx, event_id",
    "goldstein": "goldstein ASC, day DESC NULLS LAST, event_id",
    "-goldstein": "goldstein DESC, day DESC NULLS LAST, event_id",
    "doc": "doc_id, sentence_idx, event_id",
}


def events_page(con, flt: EventFilter, limit: int = 50, offset: int = 0, order: str = "-date") -> EventPage:
    """One page of events matching ``flt``, with the total count."""
    _check_page(limit, offset)
    if order not in _ORDERS:
        raise UsageError(f"bad order {order!r}: one of {', '.join(_ORDERS)}")
    where, params = flt.where()
    total = _exec(con, f"SELECT count(*) FROM {_EV} WHERE {where}", params).fetchone()[0]
    # Two steps: sort narrow rows to find the page's ids, then read those rows whole.
    ids = [r[0] for r in _exec(
        con, f"SELECT event_id FROM {_EV} WHERE {where} ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?",
        params + [limit, offset],
    ).fetchall()]
    rows = _rows(
        con,
        f"SELECT ev.*, a.title AS title FROM (SELECT * FROM {_EV} WHERE list_contains(?::VARCHAR[], event_id)) ev "
        f"LEFT JOIN articles a USING (doc_id) ORDER BY {_ORDERS[order]}",
        [ids],
    ) if ids else []
    _name_codes(rows)
    return EventPage(total=int(total), limit=limit, offset=offset, events=tuple(rows))


def summary(con) -> dict[str, Any]:
    """Counts and the date span of the store (for the dashboard's defaults).

    ``stories_built`` is false for a store written before stories (schema version 3)
    and served read-only: it has no stories until it is opened once for writing.
    """
    n_art = _exec(con, "SELECT count(*) FROM articles").fetchone()[0]
    version = _exec(con, "SELECT max(version) FROM schema_version").fetchone()[0] or 0
    n_ev, first, last = _exec(con, f"SELECT count(*), min(day), max(day) FROM {_EV}").fetchone()
    n_rem = _exec(con, "SELECT count(*) FROM removed_lines").fetchone()[0]
    n_st = _exec(con, f"SELECT count(*) FROM stories WHERE {_REAL}").fetchone()[0]
    return {
        "articles": int(n_art),
        "events": int(n_ev),
        "stories": int(n_st),
        "stories_built": int(version) >= STORIES_VERSION,
        "removed_lines": int(n_rem),
        "first_day": _plain(first),
        "last_day": _plain(last),
    }


def actors(con, period: Period = Period(), limit: int = 200, count: str = "stories"
           ) -> list[dict[str, Any]]:
    """Actor keys with how often they are source and target (of stories, or of
    reports with ``count="reports"``), and mean Goldstein."""
    if not 1 <= limit <= 5000:
        raise UsageError(f"limit must be 1..5000, got {limit}")
    rel = relation(count)
    span, params = period.sql("day")
    where = span or "TRUE"
    rows = _rows(
        con,
        f"""
        WITH ev AS (SELECT * FROM {rel} WHERE {where} AND {_REAL}),
        sides AS (
            SELECT source_key AS key, 1 AS as_source, 0 AS as_target, goldstein FROM ev
            WHERE source_code IS NOT NULL  -- an unknown source (agentless passive) is no actor
            UNION ALL
            SELECT target_key, 0, 1, goldstein FROM ev
            WHERE target_key <> source_key AND target_code IS NOT NULL
        )
        SELECT key, sum(as_source)::INTEGER AS as_source, sum(as_target)::INTEGER AS as_target,
               count(*)::INTEGER AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM sides GROUP BY key ORDER BY events DESC, key LIMIT ?
        """,
        params + [limit],
    )
    labels = actor_labels()
    for r in rows:
        r["label"] = labels.get(r["key"], r["key"])
    return rows


def dyad_series(
    con, dyad: tuple[str, str], interval: str = "month", period: Period = Period(), directed: bool = False,
    count: str = "stories",
) -> dict[str, Any]:
    """Events and summed Goldstein per period for a dyad, split by QuadClass.

    Each point: ``period`` (first day), ``events``, ``goldstein`` (sum),
    ``mean_goldstein``, ``a_to_b``/``b_to_a`` counts, ``cooperation`` and
    ``conflict`` counts (QuadClass 1-2 / 3-4) and ``quad``: ``{"1": {"events",
    "goldstein"}, ...}``.
    """
    if interval not in INTERVALS:
        raise UsageError(f"bad interval {interval!r}: one of {', '.join(INTERVALS)}")
    rel = relation(count)
    a, b = dyad
    flt = EventFilter(dyad=dyad, directed=directed, period=period)
    where, params = flt.where()
    rows = _rows(
        con,
        f"""
        SELECT date_trunc('{interval}', day)::DATE AS period, quad_class,
               count(*)::INTEGER AS events, round(sum(goldstein), 2) AS goldstein,
               sum(CASE WHEN source_key = ? THEN 1 ELSE 0 END)::INTEGER AS a_to_b
        FROM {rel} WHERE {where} AND {_REAL} AND day IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2
        """,
        [a] + params,
    )
    undated = _exec(con, f"SELECT count(*) FROM {rel} WHERE {where} AND {_REAL} AND day IS NULL",
                    params).fetchone()[0]
    points: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = points.setdefault(r["period"], {
            "period": r["period"], "events": 0, "goldstein": 0.0, "a_to_b": 0, "b_to_a": 0,
            "cooperation": 0, "conflict": 0, "quad": {},
        })
        p["events"] += r["events"]
        p["goldstein"] = round(p["goldstein"] + (r["goldstein"] or 0.0), 2)
        p["a_to_b"] += r["a_to_b"]
        p["b_to_a"] += r["events"] - r["a_to_b"]
        qc = int(r["quad_class"] or 0)
        p["cooperation" if qc in (1, 2) else "conflict"] += r["events"] if qc else 0
        p["quad"][str(qc)] = {"events": r["events"], "goldstein": r["goldstein"]}
    series = list(points.values())
    for p in series:
        p["mean_goldstein"] = round(p["goldstein"] / p["events"], 2) if p["events"] else None
    labels = actor_labels()
    return {
        "a": a, "b": b, "a_label": labels.get(a, a), "b_label": labels.get(b, b),
        "interval": interval, "directed": directed, "count": count, "undated": int(undated),
        "total": sum(p["events"] for p in series) + int(undated), "series": series,
    }


def network(con, period: Period = Period(), min_events: int = 1, include_self: bool = False,
            count: str = "stories") -> dict[str, Any]:
    """Actors as nodes, undirected dyads as edges (count, mean Goldstein).

    ``events`` counts stories (each real-world act once), or reports with
    ``count="reports"``.
    """
    if not 1 <= min_events <= 100000:
        raise UsageError(f"min_events must be >= 1, got {min_events}")
    rel = relation(count)
    span, params = period.sql("day")
    # events with no target, or an unknown source (agentless passive), have no edge
    where = (span or "TRUE") + " AND target_code IS NOT NULL AND source_code IS NOT NULL"
    if not include_self:
        where += " AND source_key <> target_key"
    edges = _rows(
        con,
        f"""
        SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b,
               count(*)::INTEGER AS events, round(avg(goldstein), 2) AS mean_goldstein,
               round(sum(goldstein), 2) AS goldstein,
               sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END)::INTEGER AS cooperation,
               sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END)::INTEGER AS conflict,
               sum(CASE WHEN source_key = least(source_key, target_key) THEN 1 ELSE 0 END)::INTEGER AS a_to_b
        FROM {rel} WHERE {where} AND {_REAL}
        GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, a, b
        """,
        params + [min_events],
    )
    degree: dict[str, dict[str, Any]] = {}
    for e in edges:
        for k in (e["a"], e["b"]):
            n = degree.setdefault(k, {"id": k, "events": 0, "partners": 0})
            n["events"] += e["events"]
            n["partners"] += 1
    labels = actor_labels()
    nodes = sorted(degree.values(), key=lambda n: (-n["events"], n["id"]))
    for n in nodes:
        n["label"] = labels.get(n["id"], n["id"])
    return {"count": count, "nodes": nodes, "edges": edges}


def articles_page(con, limit: int = 50, offset: int = 0, q: str | None = None) -> dict[str, Any]:
    """Articles with their event and removed-line counts, newest first."""
    _check_page(limit, offset)
    where, params = "TRUE", []
    if q:
        where = "(a.title ILIKE ? ESCAPE '\\' OR a.doc_id ILIKE ? ESCAPE '\\')"
        params = [_contains(q), _contains(q)]
    total = _exec(con, f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    rows = _rows(
        con,
        f"""
        SELECT a.doc_id, a.title, a.url, CAST(a.published AS VARCHAR) AS published, a.language,
               (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id)::INTEGER AS events,
               (SELECT count(*) FROM removed_lines r WHERE r.doc_id = a.doc_id)::INTEGER AS removed
        FROM articles a WHERE {where}
        ORDER BY a.published DESC NULLS LAST, a.doc_id LIMIT ? OFFSET ?
        """,
        params + [limit, offset],
    )
    return {"total": int(total), "limit": limit, "offset": offset, "articles": rows}


def article_detail(con, doc_id: str) -> dict[str, Any] | None:
    """One article: text, sentences, removed lines, mentions and events; None if absent."""
    art = _rows(con, "SELECT * FROM articles WHERE doc_id = ?", [doc_id])
    if not art:
        return None
    order_sent = "idx" if _has_column(con, "sentences", "idx") else "1"
    return {
        "article": art[0],
        "sentences": _rows(con, f"SELECT * FROM sentences WHERE doc_id = ? ORDER BY {order_sent}", [doc_id]),
        "removed_lines": _rows(con, 'SELECT * FROM removed_lines WHERE doc_id = ? ORDER BY "start"', [doc_id]),
        "mentions": _rows(con, 'SELECT * FROM mentions WHERE doc_id = ? ORDER BY "start"', [doc_id]),
        "events": _name_codes(_rows(
            con,
            f"SELECT * FROM {_EV} WHERE doc_id = ? ORDER BY sentence_idx, evidence_start, event_id",
            [doc_id],
        )),
    }


def _name_codes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        r["cameo_name"] = cameo_name(str(r.get("cameo") or ""))
    return rows


def _has_column(con, table: str, column: str) -> bool:
    r = _exec(con, 
        "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        [table, column],
    ).fetchone()
    return bool(r and r[0])


# ------------------------------------------------------------------- labels

@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """CAMEO roots with names, PLOVER types and QuadClass labels (for filter menus)."""
    try:
        from ..coding.ontology import default_ontology

        onto = default_ontology()
    except (ImportError, DataFileError):
        return {"cameo_roots": [], "plover": [], "quad_classes": []}
    roots = [{"code": c.code, "name": c.name, "nama": c.nama, "quad_class": c.quad_class} for c in onto.roots()]
    plover = sorted({c.plover for c in onto if c.plover})
    quads = []
    for qc in (1, 2, 3, 4):
        q = next((onto.quad(c.code) for c in onto.roots() if c.quad_class == qc), None)
        quads.append({"quad_class": qc, "label": q.label if q else str(qc), "label_id": q.label_id if q else ""})
    return {"cameo_roots": roots, "plover": plover, "quad_classes": quads}


@lru_cache(maxsize=4096)
def cameo_name(code: str) -> str:
    """The CAMEO name of ``code`` ('' when unknown)."""
    try:
        from ..coding.ontology import default_ontology

        onto = default_ontology()
        return onto.get(code).name if onto.is_valid(code) else ""
    except (ImportError, DataFileError):
        return ""


@lru_cache(maxsize=1)
def actor_labels() -> dict[str, str]:
    """Human names for actor keys (countries, organisations) from the actor tables."""
    from ..datafiles import read_tsv

    labels: dict[str, str] = {}
    try:
        for row in read_tsv("actors/countries.tsv"):
            code = row.get("iso3")
            if code:
                labels[code] = row.get("name_en") or row.get("name_id") or code
        for row in read_tsv("actors/orgs.tsv"):
            code = row.get("code")
            if code:
                labels.setdefault(code, row.get("name") or code)
    except (DataFileError, KeyError):
        return labels
    return labels
