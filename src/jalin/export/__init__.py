"""Exports: events, stories or mentions as JSONL, CSV, Parquet, GDELT 2.0 rows or PLOVER JSON.

JSONL has one event per line with exactly ``EVENT_KEYS`` (nested
``source``/``target``/``evidence`` objects; see :mod:`jalin.export.records`);
CSV and Parquet flatten them (``source_code``, ``evidence_sentence``, ...);
``gdelt`` writes the 61 columns of the GDELT 2.0 event table, one row per
story, or the 16 of its mentions table (:mod:`jalin.export.gdelt`), ``plover``
PLOVER JSON records (:mod:`jalin.export.plover`). Stories and event mentions
(:mod:`jalin.export.story_records`) have records of their own. Negated events
are stored but left out unless asked for. README "Export format" and
``docs/export-formats.md`` document this.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from ..errors import UsageError
from ..store import Store
from ..store.event_rows import EventQuery, iter_event_rows, write_parquet
from ..store.rows import jsonable
from ..store.story_rows import iter_mention_rows, iter_story_rows
from . import gdelt
from .plover import plover_record
from .records import (
    ACTOR_KEYS,
    country_name,
    ACTOR_MENTION_KEYS,
    EVENT_KEYS,
    EVIDENCE_KEYS,
    FLAT_EVENT_TYPES,
    LOCATION_KEYS,
    export_record,
    flat_event_columns,
    flatten,
)
from .story_records import (
    FLAT_MENTION_TYPES,
    FLAT_STORY_TYPES,
    MENTION_KEYS,
    STORY_KEYS,
    flat_mention_columns,
    flat_story_columns,
    mention_record,
    story_record,
)

__all__ = [
    "ACTOR_KEYS", "ACTOR_MENTION_KEYS", "EVENT_KEYS", "EVIDENCE_KEYS", "FORMATS",
    "LOCATION_KEYS", "MENTION_KEYS", "MENTIONS_NOTE", "STORY_KEYS", "TABLES", "EventQuery",
    "export", "export_record", "flat_event_columns", "flatten", "mention_record", "records",
    "story_record", "write_csv", "write_jsonl",
]

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = ("events", "stories", "mentions", "actor_mentions")
EVENTS_ONLY = ("plover",)
#: What ``--format gdelt`` writes for each table: GDELT 2.0's event table (one row
#: per story) or its mentions table.
GDELT_TABLES = ("events", "stories", "mentions")

#: Said once where ``--table mentions`` is asked for: its meaning changed with stories.
MENTIONS_NOTE = ("note: --table mentions now exports event mentions (every sentence "
                 "stating an event, as GDELT's mentions); actor mentions are "
                 "--table actor_mentions")

_ACTOR_MENTION_TYPES = {"sentence_idx": "INTEGER", "start": "INTEGER", "end": "INTEGER"}


def records(store: Store, table: str = "events", include_negated: bool = False,
            query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
    """The records to export: events, stories, event mentions (nested) or actor mentions (flat)."""
    q = query if query is not None else EventQuery(include_negated=include_negated)
    if table == "events":
        for row in iter_event_rows(store, q):
            yield export_record(row)
    elif table == "stories":
        for row in iter_story_rows(store, q):
            yield story_record(row)
    elif table == "mentions":
        for row in iter_mention_rows(store, q):
            yield mention_record(row)
    elif table == "actor_mentions":
        for rec in store.iter_mentions(doc_id=q.doc_id):
            yield {k: rec[k] for k in ACTOR_MENTION_KEYS}
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


def check_store(store: Store, fmt: str, table: str) -> None:
    """Fail before anything is written when ``table`` in ``fmt`` needs stories the store
    does not hold yet (an older store opened read-only: see :meth:`Store.need_stories`)."""
    if table in ("stories", "mentions") or (fmt == "gdelt" and table == "events"):
        store.need_stories()


def _write_gdelt(store: Store, table: str, query: EventQuery, fh: TextIO) -> int:
    """GDELT 2.0's event table (one row per story) or mentions table."""
    n = 0
    if table == "mentions":
        gdelt.write_header(fh, gdelt.MENTION_COLUMNS)
        for row in iter_mention_rows(store, query):
            gdelt.write_row(fh, gdelt.mention_row(row))
            n += 1
        return n
    gdelt.write_header(fh)
    for row in iter_story_rows(store, query):
        gdelt.write_row(fh, gdelt.gdelt_row(story_record(row), row, country_name))
        n += 1
    return n


def _columns(table: str) -> tuple[list[str], dict[str, str]]:
    """Flat columns of ``table`` and their DuckDB types."""
    if table == "events":
        return flat_event_columns(), FLAT_EVENT_TYPES
    if table == "stories":
        return flat_story_columns(), FLAT_STORY_TYPES
    if table == "mentions":
        return flat_mention_columns(), FLAT_MENTION_TYPES
    cols = list(ACTOR_MENTION_KEYS)
    return cols, {c: _ACTOR_MENTION_TYPES.get(c, "VARCHAR") for c in cols}


def _write_parquet(store: Store, out: Path, table: str, query: EventQuery) -> int:
    cols, types = _columns(table)
    rows = (tuple(flatten(r).get(c) for c in cols) for r in records(store, table, query=query))
    return write_parquet(out, [(c, types[c]) for c in cols], rows)


def export(store: Store, fmt: str, fh: TextIO | None = None, out: Path | None = None,
           table: str = "events", include_negated: bool = False,
           query: EventQuery | None = None) -> int:
    """Write ``table`` in ``fmt`` to ``fh`` (text formats) or the file ``out`` (parquet).

    ``table``: ``events`` (one article's report of an act), ``stories`` (one act,
    all its reports), ``mentions`` (every sentence stating an event) or
    ``actor_mentions``. ``query`` selects the events (filters and
    ``include_negated``; without it, every event, negated ones only with
    ``include_negated``); stories and mentions follow it (see
    :mod:`jalin.store.story_rows`). ``gdelt`` writes GDELT 2.0's event table,
    one row per story (for ``events`` and ``stories``), or its mentions table.
    Returns the number of records written.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")
    if fmt in EVENTS_ONLY and table != "events":
        raise UsageError(f"--format {fmt} exports events only, not {table}")
    if fmt == "gdelt" and table not in GDELT_TABLES:
        raise UsageError(f"--format gdelt exports events, stories or mentions, not {table}")
    q = query if query is not None else EventQuery(include_negated=include_negated)
    check_store(store, fmt, table)
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet export needs an output file (-o FILE)")
        return _write_parquet(store, Path(out), table, q)
    if fh is None:
        raise UsageError("no output stream")
    if fmt == "gdelt":
        return _write_gdelt(store, table, q, fh)
    recs = records(store, table, query=q)
    if fmt == "plover":
        return write_jsonl((plover_record(r) for r in recs), fh)
    if fmt == "jsonl":
        return write_jsonl(recs, fh)
    return write_csv(recs, fh, _columns(table)[0])
