"""The export contract: events (or mentions) as JSONL, CSV or Parquet.

JSONL has one event per line with exactly ``EVENT_KEYS`` (nested
``source``/``target``/``evidence`` objects); CSV and Parquet flatten them
(``source_code``, ``evidence_sentence``, ...). Negated events are stored
but left out unless asked for. README "Export format" documents this.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .errors import UsageError
from .store import Store
from .store.rows import jsonable

ACTOR_KEYS = ("code", "country", "org", "role", "name")
EVIDENCE_KEYS = ("sentence", "start", "end")
# where the event happened: null in JSONL when unknown, location_* columns in CSV/Parquet
LOCATION_KEYS = ("name", "country", "admin1", "lat", "lon", "precision", "source", "countries")

EVENT_KEYS = (
    "event_id", "doc_id", "date", "date_precision", "published", "source", "target",
    "cameo", "cameo_root", "plover", "goldstein", "quad_class", "modality", "negated",
    "evidence", "language", "date_source", "trigger", "coder", "location",
)
NESTED = {"source": ACTOR_KEYS, "target": ACTOR_KEYS, "evidence": EVIDENCE_KEYS,
          "location": LOCATION_KEYS}

MENTION_KEYS = (
    "doc_id", "sentence_idx", "start", "end", "text", "code", "country", "org", "role",
    "name", "actor_id", "kind",
)

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("events", "mentions")


def event_export(record: dict[str, Any]) -> dict[str, Any]:
    """A stored event record cut to the export contract (key order fixed)."""
    return {k: record[k] for k in EVENT_KEYS}


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """Nested objects become prefixed columns: source.code -> source_code.

    A null object of the contract (an event without location) gives null
    columns; a list (``location.countries``) is joined with ``|``."""
    flat: dict[str, Any] = {}
    for k, v in record.items():
        if v is None and k in NESTED:
            v = dict.fromkeys(NESTED[k])
        if isinstance(v, dict):
            for kk, vv in v.items():
                flat[f"{k}_{kk}"] = "|".join(vv) if isinstance(vv, list) else vv
        else:
            flat[k] = v
    return flat


def flat_event_columns() -> list[str]:
    cols: list[str] = []
    for k in EVENT_KEYS:
        cols += [f"{k}_{a}" for a in NESTED[k]] if k in NESTED else [k]
    return cols


def records(store: Store, table: str = "events", include_negated: bool = False,
            where: str | None = None) -> Iterator[dict[str, Any]]:
    """The records to export, nested (events) or flat (mentions); ``where``: events
    that happened in this state (ISO3)."""
    if table == "events":
        for rec in store.iter_events(include_negated=include_negated, where=where):
            yield event_export(rec)
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
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in recs:
        writer.writerow(jsonable(flatten(rec)))
        n += 1
    return n


def export(store: Store, fmt: str, fh: TextIO | None = None, out: Path | None = None,
           table: str = "events", include_negated: bool = False,
           where: str | None = None) -> int | None:
    """Write ``table`` in ``fmt`` to ``fh`` (jsonl/csv) or the file ``out`` (parquet).

    Returns the number of records written (None for parquet).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")
    if where and table != "events":
        raise UsageError("--where filters events, not mentions")
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet export needs an output file (-o FILE)")
        columns = flat_event_columns() if table == "events" else list(MENTION_KEYS)
        store.copy_parquet(out, table=table, include_negated=include_negated, columns=columns,
                           where=where)
        return None
    if fh is None:
        raise UsageError("no output stream")
    recs = records(store, table, include_negated, where)
    if fmt == "jsonl":
        return write_jsonl(recs, fh)
    columns = flat_event_columns() if table == "events" else list(MENTION_KEYS)
    return write_csv(recs, fh, columns)
