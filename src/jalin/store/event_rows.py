"""Event rows for exports and the Python API: the filters of ``jalin events``,
with each event's article fields (title, URL, ingest time, paragraph).

Rows are flat dicts: the ``events`` columns plus ``title``, ``url``,
``ingested_at`` and ``paragraph``. :func:`jalin.export.export_record` turns
one into the export record. Parquet files are written here too, since this
package is the only one that talks to DuckDB.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import duckdb

from ..errors import OutputError, UsageError
from ..models import PartialDate
from .schema import q

if TYPE_CHECKING:
    from .db import Store

#: The article fields each event row carries besides the ``events`` columns.
ARTICLE_FIELDS = ("title", "url", "ingested_at", "paragraph")

_JOINED = (
    "SELECT e.*, a.title AS title, a.url AS url, a.ingested_at AS ingested_at, "
    "s.paragraph AS paragraph FROM events e "
    "LEFT JOIN articles a ON a.doc_id = e.doc_id "
    "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx"
)
_ORDER = " ORDER BY date_first NULLS LAST, doc_id, sentence_idx, event_id"


@dataclass(frozen=True)
class EventQuery:
    """Which events: the filters of ``jalin events`` / ``jalin export``.

    ``actor`` matches a country, organisation or actor-code prefix on either
    side; ``since``/``until`` keep events whose date overlaps the range
    (undated events are then left out); ``root`` is a CAMEO root (01..20),
    ``quad`` a QuadClass (1..4), ``located_in`` the ISO3 code of the country
    the event happened in (either side of a border area). Empty fields do not
    filter.
    """

    actor: str | None = None
    since: PartialDate | str | None = None
    until: PartialDate | str | None = None
    root: str | None = None
    quad: int | None = None
    doc_id: str | None = None
    include_negated: bool = False
    limit: int | None = None
    located_in: str | None = None  # ISO3 of the country the event happened in (--where)

    def where(self, store: "Store") -> tuple[str, list[Any]]:
        where, params = store._event_where(self.actor, self.since, self.until, self.root,
                                           self.doc_id, self.include_negated, self.located_in)
        if self.quad is not None:
            if isinstance(self.quad, bool) or self.quad not in (1, 2, 3, 4):
                raise UsageError(f"quad class must be 1..4, got {self.quad!r}")
            where += (" AND " if where else "WHERE ") + "quad_class = ?"
            params.append(int(self.quad))
        return where, params


def iter_event_rows(store: "Store", query: EventQuery = EventQuery()) -> Iterator[dict[str, Any]]:
    """Flat event rows (with their article fields) matching ``query``, by date."""
    where, params = query.where(store)
    sql = f"SELECT * FROM ({_JOINED}) {where}{_ORDER}"
    if query.limit is not None:
        if query.limit < 0:
            raise UsageError(f"limit must be >= 0, got {query.limit}")
        sql += f" LIMIT {int(query.limit)}"
    yield from store._iter_rows(sql, params)


def count_events(store: "Store", query: EventQuery = EventQuery()) -> int:
    """How many events match ``query`` (its limit ignored)."""
    where, params = query.where(store)
    return int(store._rows(f"SELECT count(*) AS n FROM events {where}", params)[0]["n"])


def iter_articles(store: "Store", columns: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Article rows (``columns`` of the articles table), by doc_id."""
    cols = ", ".join(q(c) for c in columns)
    yield from store._iter_rows(f"SELECT {cols} FROM articles ORDER BY doc_id", [])


def write_parquet(out: str | Path, columns: list[tuple[str, str]],
                  rows: Iterable[tuple]) -> int:
    """Write ``rows`` (tuples in the order of ``columns``: name, DuckDB type) to a
    Parquet file through an in-memory DuckDB table; return the row count."""
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE t (" + ", ".join(f"{q(n)} {t}" for n, t in columns) + ")")
        sel = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        n = 0
        batch: list[tuple] = []

        def flush() -> None:
            if batch:
                con.execute(f"INSERT INTO t SELECT {sel}", [list(c) for c in zip(*batch)])
                batch.clear()

        for row in rows:
            batch.append(row)
            n += 1
            if len(batch) >= 5000:
                flush()
        flush()
        target = str(out).replace("'", "''")
        con.execute(f"COPY t TO '{target}' (FORMAT parquet)")
        return n
    except duckdb.Error as exc:
        raise OutputError(f"cannot write {out}: {exc}") from exc
    finally:
        con.close()
