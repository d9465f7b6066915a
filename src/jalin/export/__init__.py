"""Exports: events (or mentions) as JSONL, CSV, Parquet, GDELT 2.0 rows or PLOVER JSON.

JSONL has one event per line with exactly ``EVENT_KEYS`` (nested
``source``/``target``/``evidence`` objects; see :mod:`jalin.export.records`);
CSV and Parquet flatten them (``source_code``, ``evidence_sentence``, ...);
``gdelt`` writes the 61 columns of the GDELT 2.0 event table
(:mod:`jalin.export.gdelt`), ``plover`` PLOVER JSON records
(:mod:`jalin.export.plover`). Negated events are stored but left out unless
asked for. README "Export format" and ``docs/export-formats.md`` document this.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from ..errors import UsageError
from ..store import Store
from ..store.event_rows import EventQuery, iter_event_rows, write_parquet
from ..store.rows import jsonable
from . import gdelt
from .plover import plover_record
from .records import (
    ACTOR_KEYS,
    EVENT_KEYS,
    EVIDENCE_KEYS,
    FLAT_EVENT_TYPES,
    LOCATION_KEYS,
    MENTION_KEYS,
    export_record,
    flat_event_columns,
    flatten,
)

__all__ = [
    "ACTOR_KEYS", "EVENT_KEYS", "EVIDENCE_KEYS", "FORMATS", "LOCATION_KEYS", "MENTION_KEYS", "TABLES",
    "EventQuery", "export", "export_record", "flat_event_columns", "flatten", "records",
    "write_csv", "write_jsonl",
]

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = ("events", "mentions")
EVENTS_ONLY = ("gdelt", "plover")

_MENTION_TYPES = {"sentence_idx": "INTEGER", "start": "INTEGER", "end": "INTEGER"}


def records(store: Store, table: str = "events", include_negated: bool = False,
            query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
    """The records to export, nested (events) or flat (mentions)."""
    if table == "events":
        q = query if query is not None else EventQuery(include_negated=include_negated)
        for row in iter_event_rows(store, q):
            yield export_record(row)
    elif table == "mentions":
        for rec in store.iter_mentions():
            yield {k: rec[k] for k in MENTION_KEYS}
    else:
        raise UsageError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")


def write_jsonl(recs: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for rec in recs:
        fh.write(json.dumps(jsonable(rec), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(recs: Iterable[dict[str, Any]], fh: TextIO, columns: list[str]) -> int:
    """Flat rows; every text cell is quoted, numbers and booleans are not."""
    fh.write(",".join(columns) + "\n")
    n = 0
    for rec in recs:
        flat = jsonable(flatten(rec))
        fh.write(",".join(_csv_cell(flat.get(c)) for c in columns) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return '"' + str(value).replace('"', '""') + '"'


def _write_gdelt(store: Store, query: EventQuery, fh: TextIO) -> int:
    gdelt.write_header(fh)
    n = 0
    for row in iter_event_rows(store, query):
        gdelt.write_row(fh, gdelt.gdelt_row(export_record(row), row))
        n += 1
    return n


def _write_parquet(store: Store, out: Path, table: str, query: EventQuery) -> int:
    if table == "events":
        cols = flat_event_columns()
        rows = (tuple(flatten(r)[c] for c in cols) for r in records(store, "events", query=query))
        return write_parquet(out, [(c, FLAT_EVENT_TYPES[c]) for c in cols], rows)
    mcols = list(MENTION_KEYS)
    rows = (tuple(r[c] for c in mcols) for r in records(store, "mentions"))
    return write_parquet(out, [(c, _MENTION_TYPES.get(c, "VARCHAR")) for c in mcols], rows)


def export(store: Store, fmt: str, fh: TextIO | None = None, out: Path | None = None,
           table: str = "events", include_negated: bool = False,
           query: EventQuery | None = None) -> int:
    """Write ``table`` in ``fmt`` to ``fh`` (text formats) or the file ``out`` (parquet).

    ``query`` selects the events (filters and ``include_negated``; without it,
    every event, negated ones only with ``include_negated``). Returns the
    number of records written.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")
    if fmt in EVENTS_ONLY and table != "events":
        raise UsageError(f"--format {fmt} exports events only, not {table}")
    q = query if query is not None else EventQuery(include_negated=include_negated)
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet export needs an output file (-o FILE)")
        return _write_parquet(store, Path(out), table, q)
    if fh is None:
        raise UsageError("no output stream")
    if fmt == "gdelt":
        return _write_gdelt(store, q, fh)
    recs = records(store, table, query=q)
    if fmt == "plover":
        return write_jsonl((plover_record(r) for r in recs), fh)
    if fmt == "jsonl":
        return write_jsonl(recs, fh)
    columns = flat_event_columns() if table == "events" else list(MENTION_KEYS)
    return write_csv(recs, fh, columns)
