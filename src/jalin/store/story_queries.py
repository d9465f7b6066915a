"""Read-only story queries for the API and the dashboard (``/api/stories``).

Same conventions as :mod:`jalin.store.analytics`: every function takes a
DuckDB connection (or a cursor) and only reads; filters are an
:class:`~jalin.store.analytics.EventFilter`, applied to the story's own
fields (actors, day, codes, QuadClass), except ``doc_id`` (a report in that
article) and ``q`` (words in the evidence of any of its mentions).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import UsageError
from ..stories.sources import outlet
from .analytics import (
    EventFilter, EventPage, _check_page, _contains, _exec, _name_codes, _rows, relation,
)

__all__ = ["stories_page", "story_detail"]

_ORDERS = {
    "date": "day ASC NULLS LAST, story_id",
    "-date": "day DESC NULLS LAST, story_id",
    "goldstein": "goldstein ASC, day DESC NULLS LAST, story_id",
    "-goldstein": "goldstein DESC, day DESC NULLS LAST, story_id",
    "reports": "num_reports DESC, day DESC NULLS LAST, story_id",
    "doc": "doc_id, story_id",
}


def _where(flt: EventFilter) -> tuple[str, list]:
    where, params = replace(flt, doc_id=None, q=None).where()
    if flt.doc_id:
        where += " AND story_id IN (SELECT story_id FROM events WHERE doc_id = ?)"
        params.append(flt.doc_id)
    if flt.q:
        where += (" AND story_id IN (SELECT e.story_id FROM event_mentions m JOIN events e "
                  "ON e.event_id = m.event_id WHERE m.evidence_sentence ILIKE ? ESCAPE '\\')")
        params.append(_contains(flt.q))
    return where, params


def stories_page(con, flt: EventFilter, limit: int = 50, offset: int = 0,
                 order: str = "-date") -> EventPage:
    """One page of stories matching ``flt`` (``EventPage.events`` holds the stories)."""
    _check_page(limit, offset)
    if order not in _ORDERS:
        raise UsageError(f"bad order {order!r}: one of {', '.join(_ORDERS)}")
    rel = relation("stories")
    where, params = _where(flt)
    total = _exec(con, f"SELECT count(*) FROM {rel} WHERE {where}", params).fetchone()[0]
    rows = _rows(
        con,
        f"SELECT st.*, a.title AS title FROM (SELECT * FROM {rel} WHERE {where} "
        f"ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?) st "
        f"LEFT JOIN articles a ON a.doc_id = st.doc_id ORDER BY {_ORDERS[order]}",
        params + [limit, offset],
    )
    for r in rows:
        r["outlet"] = outlet(r.get("url"))
    _name_codes(rows)
    return EventPage(total=int(total), limit=limit, offset=offset, events=tuple(rows))


def story_detail(con, story_id: str) -> dict[str, Any] | None:
    """One story with every report (outlet, dates, title) and each report's mentions
    (evidence with trigger offsets); None when there is no such story."""
    rel = relation("stories")
    story = _rows(con, f"SELECT * FROM {rel} WHERE story_id = ?", [story_id])
    if not story:
        return None
    reports = _name_codes(_rows(
        con,
        f"SELECT e.*, a.title AS title, a.url AS url, a.language AS article_language, "
        f"c.copy_of AS copy_of FROM {relation('reports')} e "
        "LEFT JOIN articles a ON a.doc_id = e.doc_id "
        "LEFT JOIN doc_copies c ON c.doc_id = e.doc_id "
        "WHERE e.story_id = ? ORDER BY e.published NULLS LAST, e.doc_id, e.sentence_idx",
        [story_id],
    ))
    mentions = _rows(
        con,
        "SELECT m.* FROM event_mentions m JOIN events e ON e.event_id = m.event_id "
        "WHERE e.story_id = ? ORDER BY m.doc_id, m.sentence_idx, m.trigger_start",
        [story_id],
    )
    by_event: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_event.setdefault(m["event_id"], []).append(m)
    for r in reports:
        r["outlet"] = outlet(r.get("url"))
        r["mentions"] = by_event.get(r["event_id"], [])
    head = _name_codes(story)[0]
    head["outlet"] = outlet(head.get("url"))
    head["outlets"] = sorted({r["outlet"] for r in reports if r["outlet"]})
    return {"story": head, "reports": reports}
