"""Records <-> table rows: flattening pipeline results, nesting query rows.

No database access here: plain conversions, easy to test.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from ..stories.neardup import INDEX_SIZE, pack
from ..version import CODER_VERSION
from ..models import Actor, ArticleResult, Event, EventMention, Location, PartialDate, Rejection
from .schema import ACTOR_FIELDS


def safe_str(value: Any) -> Any:
    """A string DuckDB can store as UTF-8: each lone surrogate (from a JSON
    ``\\udfff`` or an undecodable file name) becomes U+FFFD, one character for
    one, so offsets into the text stay right. Other values are returned as is."""
    if not isinstance(value, str) or value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return value


def _safe_row(row: tuple) -> tuple:
    return tuple(safe_str(v) for v in row)


def iso(d: PartialDate | None) -> str | None:
    return d.iso() if d is not None else None


def precision(d: PartialDate | None) -> str | None:
    return d.precision.value if d is not None else None


def last_day(d: PartialDate) -> date:
    """The latest calendar day a partial date covers."""
    month = d.month or 12
    day = d.day or calendar.monthrange(d.year, month)[1]
    return date(d.year, month, day)


def _actor_cells(a: Actor | None) -> tuple[str | None, ...]:
    """An actor's columns; all NULL for no actor (no target) and for an unknown one
    (the source of an agentless passive, ``jalin.models.UNKNOWN_ACTOR``)."""
    return tuple((getattr(a, f) or None) if a is not None else None for f in ACTOR_FIELDS)


def _location_cells(loc: Location | None) -> tuple:
    if loc is None:
        return (None,) * 8
    return (loc.name, loc.country, loc.admin1, loc.lat, loc.lon, loc.precision, loc.source,
            "|".join(loc.countries) or None)


def unique_events(events: tuple[Event, ...]) -> list[Event]:
    """Events with distinct ids, first occurrence kept (ids are the key)."""
    seen: set[str] = set()
    out = []
    for ev in events:
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            out.append(ev)
    return out


def mentions_of_result(result: ArticleResult) -> list[EventMention]:
    """The article's event mentions; an event merged from nothing is its own mention."""
    if result.event_mentions:
        return list(result.event_mentions)
    return [EventMention(e.event_id, e) for e in unique_events(result.events)]


def result_rows(result: ArticleResult, now: datetime,
                story_ids: dict[str, str] | None = None,
                copy_of: tuple[str, float] | None = None) -> dict[str, list[tuple]]:
    """One article's rows for every per-document table.

    ``story_ids`` maps event ids to their stories (``jalin.store.story_store``);
    ``copy_of`` is (original doc id, similarity) when the article is a near-duplicate.
    """
    cleaned = result.cleaned
    art = cleaned.article
    doc = art.doc_id
    events = unique_events(result.events)
    mentions = mentions_of_result(result)
    per_event: dict[str, int] = {}
    for m in mentions:
        per_event[m.event_id] = per_event.get(m.event_id, 0) + 1
    story_ids = story_ids or {}
    coder = next((e.coder for e in events if e.coder), CODER_VERSION)
    published = iso(art.published)
    rows: dict[str, list[tuple]] = {
        "articles": [
            (
                doc, art.title, art.url, published, precision(art.published),
                art.published_source, cleaned.language, cleaned.language_source,
                art.origin, art.text, now, coder,
            )
        ],
        "removed_lines": [(doc, r.start, r.end, r.text, r.reason) for r in cleaned.removed],
        "sentences": [
            (doc, s.index, s.start, s.end, s.text, s.paragraph) for s in result.sentences
        ],
        "mentions": [
            (
                doc, m.sentence_index, m.start, m.end, m.text,
                *_actor_cells(m.actor), m.actor.actor_id, m.kind,
            )
            for m in result.mentions
        ],
        "events": [],
        "event_mentions": [_mention_row(doc, m) for m in mentions],
        "doc_sketches": [(doc, pack(result.sketch))] if result.sketch else [],
        "sketch_index": [(h, doc) for h in result.sketch[:INDEX_SIZE]],
        "doc_copies": [(doc, copy_of[0], float(copy_of[1]))] if copy_of else [],
    }
    for e in events:
        rows["events"].append(
            (
                e.event_id, doc, e.sentence_index, iso(e.date), precision(e.date),
                e.date.first_day() if e.date else None,
                last_day(e.date) if e.date else None,
                e.date_source, published,
                *_actor_cells(e.source), *_actor_cells(e.target),
                e.cameo, e.cameo_root, e.plover, float(e.goldstein), int(e.quad_class),
                e.modality, bool(e.negated), e.trigger, e.trigger_start, e.trigger_end,
                e.evidence.sentence, e.evidence.start, e.evidence.end,
                e.language, e.coder or coder,
                *_location_cells(e.location),
                story_ids.get(e.event_id), per_event.get(e.event_id, 1),
            )
        )
    return {table: [_safe_row(r) for r in table_rows] for table, table_rows in rows.items()}


def _mention_row(doc: str, m: EventMention) -> tuple:
    e = m.mention
    return (
        e.event_id, m.event_id, doc, e.sentence_index, bool(m.headline),
        iso(e.date), precision(e.date), e.date_source,
        *_actor_cells(e.source), *_actor_cells(e.target),
        e.cameo, e.cameo_root, e.modality, bool(e.negated),
        e.trigger, e.trigger_start, e.trigger_end,
        e.evidence.sentence, e.evidence.start, e.evidence.end,
    )


def rejection_row(rej: Rejection, now: datetime) -> tuple:
    return _safe_row((rej.origin, rej.doc_id, rej.reason, rej.detail, now))


# ---- query rows -> nested records (the export contract) -------------------

def actor_cells(row: dict[str, Any], side: str) -> dict[str, Any]:
    """The actor parts of a flat row's ``side`` (source or target) as a dict."""
    return {f: row.get(f"{side}_{f}") for f in ACTOR_FIELDS}


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A flat ``events`` row as the nested export record (plus provenance)."""
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "published": row["published"],
        "source": actor_cells(row, "source"),
        "target": actor_cells(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "plover": row["plover"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "modality": row["modality"],
        "negated": row["negated"],
        "evidence": {
            "sentence": row["evidence_sentence"],
            "start": row["evidence_start"],
            "end": row["evidence_end"],
        },
        "language": row["language"],
        "date_source": row["date_source"],
        "trigger": row["trigger"],
        "trigger_start": row["trigger_start"],
        "trigger_end": row["trigger_end"],
        "sentence_index": row["sentence_idx"],
        "coder": row["coder"],
        "location": location_record(row),
        "story_id": row.get("story_id"),
        "num_mentions": row.get("num_mentions"),
    }


def location_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The nested ``location`` of a flat events row (None when the event has none)."""
    if row.get("location_name") is None:
        return None
    countries = row.get("location_countries")
    return {
        "name": row["location_name"],
        "country": row.get("location_country"),
        "admin1": row.get("location_admin1"),
        "lat": row.get("location_lat"),
        "lon": row.get("location_lon"),
        "precision": row.get("location_precision"),
        "source": row.get("location_source"),
        "countries": countries.split("|") if countries else [],
    }


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """Timestamps and dates as ISO strings, everything else as is."""
    return {
        k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in row.items()
    }
