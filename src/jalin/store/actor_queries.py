"""Read-only queries for actor curation (``jalin actors --unknown``).

Kept apart from :mod:`jalin.store.db`: these functions take an open
:class:`jalin.store.Store` and read its tables; they never write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

import duckdb

from ..errors import StoreError
from ..lang import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from .db import Store


@dataclass(frozen=True, slots=True)
class StoredSentence:
    """One stored sentence with the spans already resolved to actors."""

    doc_id: str
    index: int
    start: int  # article offset of the sentence
    text: str
    language: str
    published: str | None
    mention_spans: tuple[tuple[int, int], ...]  # article offsets
    n_events: int


_SQL = """
SELECT s.doc_id, s.idx, s."start", s.text, a.language, a.published,
       coalesce(m.spans, []) AS spans, coalesce(e.n, 0) AS n_events
FROM sentences s
JOIN articles a ON a.doc_id = s.doc_id
LEFT JOIN (
    SELECT doc_id, sentence_idx, list([m."start", m."end"]) AS spans
    FROM mentions m GROUP BY doc_id, sentence_idx
) m ON m.doc_id = s.doc_id AND m.sentence_idx = s.idx
LEFT JOIN (
    SELECT doc_id, sentence_idx, count(*) AS n
    FROM events GROUP BY doc_id, sentence_idx
) e ON e.doc_id = s.doc_id AND e.sentence_idx = s.idx
ORDER BY s.doc_id, s.idx
"""


def iter_sentences(store: "Store", chunk: int = 2000) -> Iterator[StoredSentence]:
    """Every stored sentence with its mention spans and number of events."""
    store.flush()
    cur = store.con.cursor()
    try:
        cur.execute(_SQL)
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                break
            for doc_id, idx, start, text, lang, published, spans, n in rows:
                yield StoredSentence(
                    doc_id, int(idx), int(start or 0), text or "", lang or DEFAULT_LANGUAGE, published,
                    tuple((int(a), int(b)) for a, b in spans), int(n))
    except duckdb.Error as exc:
        raise StoreError(f"query failed on {store.path}: {exc}") from exc
    finally:
        cur.close()
