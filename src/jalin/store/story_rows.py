"""Story and event-mention rows for exports, the Python API and the GDELT tables.

The filters are those of ``jalin events`` (:class:`EventQuery`), read the
way an analyst expects for each table:

* **stories**: a story matches on its own fields (its actors, date, root,
  QuadClass, negation, location: those of its row, see
  :mod:`jalin.stories.summary`);
  ``doc_id`` keeps the stories one of whose reports is in that article;
* **mentions**: the mentions of the events that match.

Rows are flat dicts of the table's columns plus, for mentions, their
article's ``url``, ``title``, ``published``, ``ingested_at`` and the text's
length, and their event's ``story_id``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..errors import UsageError
from .event_rows import EventQuery

if TYPE_CHECKING:
    from .db import Store

_STORY_ORDER = " ORDER BY date_first NULLS LAST, first_seen NULLS LAST, story_id"


def story_where(store: "Store", query: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause of ``query`` over the ``stories`` table."""
    plain = EventQuery(actor=query.actor, since=query.since, until=query.until,
                       root=query.root, quad=query.quad,
                       include_negated=query.include_negated, located_in=query.located_in)
    where, params = plain.where(store)
    if query.doc_id:
        where += (" AND " if where else "WHERE ") + (
            "story_id IN (SELECT story_id FROM events WHERE doc_id = ?)")
        params.append(query.doc_id)
    return where, params


def _limit(query: EventQuery) -> str:
    if query.limit is None:
        return ""
    if query.limit < 0:
        raise UsageError(f"limit must be >= 0, got {query.limit}")
    return f" LIMIT {int(query.limit)}"


def iter_story_rows(store: "Store", query: EventQuery = EventQuery()) -> Iterator[dict[str, Any]]:
    """Story rows matching ``query``, by date; each with ``first_added``, when its
    first report was stored."""
    store.need_stories()
    where, params = story_where(store, query)
    sql = (
        "SELECT s.*, a.ingested_at AS first_added FROM "
        f"(SELECT * FROM stories {where}) s LEFT JOIN articles a ON a.doc_id = s.doc_id"
        f"{_STORY_ORDER}{_limit(query)}"
    )
    yield from store._iter_rows(sql, params)


def count_stories(store: "Store", query: EventQuery = EventQuery()) -> int:
    store.need_stories()
    where, params = story_where(store, query)
    return int(store._rows(f"SELECT count(*) AS n FROM stories {where}", params)[0]["n"])


def iter_mention_rows(store: "Store", query: EventQuery = EventQuery()
                      ) -> Iterator[dict[str, Any]]:
    """Event-mention rows of the events matching ``query``, by article and position."""
    store.need_stories()
    where, params = query.where(store)
    sql = (
        "SELECT m.*, e.story_id AS story_id, a.url AS url, a.title AS title, "
        "a.published AS published, a.ingested_at AS ingested_at, "
        "length(a.text) AS doc_length, st.ingested_at AS story_added "
        f"FROM (SELECT event_id, story_id FROM events {where}) e "
        "JOIN event_mentions m ON m.event_id = e.event_id "
        "LEFT JOIN articles a ON a.doc_id = m.doc_id "
        "LEFT JOIN stories s ON s.story_id = e.story_id "
        "LEFT JOIN articles st ON st.doc_id = s.doc_id "
        'ORDER BY m.doc_id, m.sentence_idx, m.trigger_start, m.mention_id'
        f"{_limit(query)}"
    )
    yield from store._iter_rows(sql, params)


def story_reports(store: "Store", story_id: str) -> list[dict[str, Any]]:
    """The reports (events, with their article's fields) of one story."""
    return store._rows(
        "SELECT e.*, a.title AS title, a.url AS url, a.ingested_at AS ingested_at "
        "FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id WHERE e.story_id = ? "
        "ORDER BY e.published NULLS LAST, e.doc_id, e.sentence_idx", [story_id])
