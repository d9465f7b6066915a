"""The story record (``--table stories``) and the event-mention record (``--table mentions``).

In GDELT's words: a **story** is an event (one act, however often reported),
a jalin event is one article's report of it, and a **mention** is one
sentence of an article stating it. README "Data model" documents the keys;
like the event record's, keys are only ever appended, never changed.
"""

from __future__ import annotations

from typing import Any

from ..stories.sources import outlet
from ..store.rows import actor_cells, location_record
from .records import flat_columns, named_actor

__all__ = [
    "STORY_KEYS", "MENTION_KEYS", "FLAT_STORY_TYPES", "FLAT_MENTION_TYPES",
    "story_record", "mention_record", "flat_story_columns", "flat_mention_columns",
]

STORY_KEYS = (
    "story_id", "date", "date_precision", "source", "target", "cameo", "cameo_root",
    "plover", "goldstein", "quad_class", "num_mentions", "num_articles", "num_sources",
    "first_seen", "last_seen", "event_id", "doc_id", "evidence", "url", "outlet",
    "num_reports", "negated", "location",
)

#: Event mentions (``--table mentions``): every sentence stating an event.
MENTION_KEYS = (
    "mention_id", "event_id", "story_id", "doc_id", "sentence_index", "headline",
    "date", "date_precision", "date_source", "source", "target", "cameo", "cameo_root",
    "modality", "negated", "trigger", "trigger_start", "trigger_end", "evidence",
    "url", "outlet", "published",
)


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"sentence": row.get("evidence_sentence"), "start": row.get("evidence_start"),
            "end": row.get("evidence_end")}


def story_record(row: dict[str, Any]) -> dict[str, Any]:
    """A ``stories`` row as the export record."""
    rec = {k: row.get(k) for k in STORY_KEYS}
    rec["source"] = named_actor(actor_cells(row, "source"))
    rec["target"] = named_actor(actor_cells(row, "target"))
    rec["evidence"] = _evidence(row)
    rec["outlet"] = outlet(row.get("url"))
    rec["negated"] = bool(row.get("negated"))
    rec["location"] = location_record(row)
    return rec


def mention_record(row: dict[str, Any]) -> dict[str, Any]:
    """An ``event_mentions`` row (with its story and article fields) as the export record."""
    rec = {k: row.get(k) for k in MENTION_KEYS}
    rec["sentence_index"] = row.get("sentence_idx")
    rec["headline"] = bool(row.get("headline"))
    rec["negated"] = bool(row.get("negated"))
    rec["source"] = named_actor(actor_cells(row, "source"))
    rec["target"] = named_actor(actor_cells(row, "target"))
    rec["evidence"] = _evidence(row)
    rec["outlet"] = outlet(row.get("url"))
    return rec


def flat_story_columns() -> list[str]:
    return flat_columns(STORY_KEYS)


def flat_mention_columns() -> list[str]:
    return flat_columns(MENTION_KEYS)


_NUMBERS = {"goldstein": "DOUBLE", "quad_class": "INTEGER", "num_mentions": "INTEGER",
            "num_articles": "INTEGER", "num_sources": "INTEGER", "num_reports": "INTEGER",
            "sentence_index": "INTEGER", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
            "evidence_start": "INTEGER", "evidence_end": "INTEGER",
            "negated": "BOOLEAN", "headline": "BOOLEAN",
            "location_lat": "DOUBLE", "location_lon": "DOUBLE"}

FLAT_STORY_TYPES: dict[str, str] = {c: _NUMBERS.get(c, "VARCHAR") for c in flat_story_columns()}
FLAT_MENTION_TYPES: dict[str, str] = {
    c: _NUMBERS.get(c, "VARCHAR") for c in flat_mention_columns()}
