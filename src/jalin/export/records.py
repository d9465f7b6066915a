"""The export record: one event as JSONL writes it, and as ``jalin.code`` returns it.

One function, :func:`export_record`, builds it from a flat event row (the
``events`` columns plus the article's ``title`` and ``url``), both for the
store's exports and for ``jalin.code`` (whose rows come from the same
``result_rows`` the store writes), so the format exists once.

The contract (README "Export format", ``docs/event.schema.json``): the keys of
:data:`EVENT_KEYS` in that order; new keys are only ever appended at the end,
and a key never changes its meaning or type. ``location`` (issue 14) is where
the event happened; ``story_id`` (issue 11) is the event's story
(:mod:`jalin.export.story_records` builds the story and mention records).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..stories.sources import outlet
from ..store.rows import event_record

ACTOR_KEYS = ("code", "country", "org", "role", "name")
EVIDENCE_KEYS = ("sentence", "start", "end")
# where the event happened: null in JSONL when unknown, location_* columns in CSV/Parquet
LOCATION_KEYS = ("name", "country", "admin1", "lat", "lon", "precision", "source", "countries")

EVENT_KEYS = (
    "event_id", "doc_id", "date", "date_precision", "published", "source", "target",
    "cameo", "cameo_root", "plover", "goldstein", "quad_class", "modality", "negated",
    "evidence", "language", "date_source", "trigger", "coder",
    "url", "title", "outlet", "location", "story_id",
)
NESTED = {"source": ACTOR_KEYS, "target": ACTOR_KEYS, "evidence": EVIDENCE_KEYS,
          "location": LOCATION_KEYS}

#: Actor mentions (``--table actor_mentions``; ``--table mentions`` before stories).
ACTOR_MENTION_KEYS = (
    "doc_id", "sentence_idx", "start", "end", "text", "code", "country", "org", "role",
    "name", "actor_id", "kind",
)


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    from ..store.analytics import actor_labels

    return actor_labels()


def actor_name(actor: dict[str, Any]) -> str | None:
    """The actor's name: the person or organisation when known, else the name of
    its organisation code or state (``KGZ`` -> ``Kyrgyzstan``); None if none."""
    if actor.get("name"):
        return actor["name"]
    labels = _labels()
    for key in (actor.get("org"), actor.get("country"), actor.get("code")):
        if key and key in labels:
            return labels[key]
    return None


def country_name(code: str) -> str | None:
    """A state's English name from its ISO 3166-1 alpha-3 code (``KGZ`` -> ``Kyrgyzstan``)."""
    return _labels().get(code)


def named_actor(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor object of the export: its parts, and a name (null parts when absent)."""
    if not any(actor.get(k) for k in ACTOR_KEYS):
        return {k: None for k in ACTOR_KEYS}
    out = {k: actor.get(k) for k in ACTOR_KEYS}
    out["name"] = actor_name(actor)
    return out


def export_record(row: dict[str, Any]) -> dict[str, Any]:
    """A flat event row (``events`` columns + ``title``, ``url``) as the export record."""
    rec = event_record(row)
    rec["source"] = named_actor(rec["source"])
    rec["target"] = named_actor(rec["target"])
    rec["url"] = row.get("url")
    rec["title"] = row.get("title")
    rec["outlet"] = outlet(row.get("url"))
    return {k: rec.get(k) for k in EVENT_KEYS}


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


def flat_columns(keys: tuple[str, ...]) -> list[str]:
    """CSV/Parquet columns of a record with ``keys``, nested objects flattened, in order."""
    cols: list[str] = []
    for k in keys:
        cols += [f"{k}_{a}" for a in NESTED[k]] if k in NESTED else [k]
    return cols


def flat_event_columns() -> list[str]:
    """CSV/Parquet columns of the event record, in its key order."""
    return flat_columns(EVENT_KEYS)


#: DuckDB/Arrow type of each flat event column (Parquet, the Python API).
FLAT_EVENT_TYPES: dict[str, str] = {
    **{c: "VARCHAR" for c in flat_event_columns()},
    "goldstein": "DOUBLE",
    "quad_class": "INTEGER",
    "negated": "BOOLEAN",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "location_lat": "DOUBLE",
    "location_lon": "DOUBLE",
}
