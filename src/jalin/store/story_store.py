"""Stories in the store: near-duplicates, incremental linking, story rows, the v3 backfill.

Called by :class:`jalin.store.Store` inside the transaction that writes a
batch of articles (``_write_batch``):

1. :func:`stories_of_docs` before the batch's old rows are deleted (a
   re-ingested article's stories must be recomputed);
2. :func:`assign` after the deletes: finds which new articles are copies of
   stored or earlier ones (``doc_sketches``), loads the candidate stories of
   the batch's events (``stories`` by actor pair, CAMEO root and a date
   window: nothing else of the store is read) and links every event
   (:class:`jalin.stories.link.Linker`), in batch order;
3. :func:`refresh` after the inserts: recomputes the rows of every story
   that gained or lost a report (:func:`jalin.stories.summary.summarise`)
   and drops the stories left without one.

The logic lives in :mod:`jalin.stories`; this module only reads and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Sequence

from ..models import (
    UNKNOWN_ACTOR, Actor, Article, ArticleResult, CleanedArticle, Event, Evidence, Location,
    PartialDate,
)
from ..stories import neardup
from ..stories.copies import match_original, report_from_row
from ..stories.link import Linker, Report, report_of, story_id_for, twins
from ..stories.merge import merge_article
from ..stories.summary import story_state, summarise
from .rows import last_day, result_rows, safe_str
from .schema import column_names, q

__all__ = ["Plan", "assign", "refresh", "stories_of_docs", "backfill"]

_WINDOW = timedelta(days=2)


@dataclass
class Plan:
    """What linking decided for one batch."""

    story_ids: dict[str, str] = field(default_factory=dict)  # event id -> story id
    copies: dict[str, tuple[str, float]] = field(default_factory=dict)  # doc -> (original, J)
    follow: dict[str, str] = field(default_factory=dict)  # doc -> the near-duplicate it follows
    affected: set[str] = field(default_factory=set)  # stories whose rows must be recomputed


def _fetch(con, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def stories_of_docs(con, docs: Sequence[str]) -> set[str]:
    """The stories of the stored events of ``docs``."""
    if not docs:
        return set()
    return {r[0] for r in con.execute(
        "SELECT DISTINCT story_id FROM events WHERE story_id IS NOT NULL "
        "AND doc_id IN (SELECT unnest($1::VARCHAR[]))", [list(docs)]).fetchall()}


# ---- near-duplicates ---------------------------------------------------------------

def find_copies(con, results: Sequence[ArticleResult]
                ) -> tuple[dict[str, tuple[str, float]], dict[str, str]]:
    """The batch's near-duplicates: ``(copies, follow)``.

    ``follow[doc]`` is the most similar stored article (else the most similar
    earlier article of the batch): the one whose events the article's events
    follow into their stories. ``copies[doc]`` is (original, estimated Jaccard):
    the first original of that near-duplicate (a copy of a copy is a copy of the
    first), unless that original is the article itself, re-ingested after its
    copies.
    """
    batch = [(safe_str(r.cleaned.article.doc_id), r.sketch) for r in results if r.sketch]
    if not batch:
        return {}, {}
    top = neardup.INDEX_SIZE
    docs = [d for d, sk in batch for _ in sk[:top]]
    hs = [h for _, sk in batch for h in sk[:top]]
    pairs = con.execute(
        "WITH b AS (SELECT unnest($1::VARCHAR[]) AS doc, unnest($2::BIGINT[]) AS h) "
        "SELECT b.doc, s.doc_id FROM b JOIN sketch_index s ON s.h = b.h "
        "GROUP BY 1, 2 HAVING count(*) >= $3",
        [docs, hs, neardup.CANDIDATE_MIN_SHARED]).fetchall()
    stored: dict[str, list[int]] = {}
    stored_copy_of: dict[str, str] = {}
    cands = sorted({c for _, c in pairs})
    if cands:
        stored = {doc: neardup.unpack(blob) for doc, blob in con.execute(
            "SELECT doc_id, sketch FROM doc_sketches WHERE doc_id IN "
            "(SELECT unnest($1::VARCHAR[]))", [cands]).fetchall()}
        stored_copy_of = dict(con.execute(
            "SELECT doc_id, copy_of FROM doc_copies WHERE doc_id IN "
            "(SELECT unnest($1::VARCHAR[]))", [cands]).fetchall())
    by_doc: dict[str, list[str]] = {}
    for doc, cand in pairs:
        by_doc.setdefault(doc, []).append(cand)
    copies: dict[str, tuple[str, float]] = {}
    follow: dict[str, str] = {}
    seen: dict[int, list[int]] = {}  # sketch value -> indices of earlier batch docs
    for i, (doc, sk) in enumerate(batch):
        best: tuple[float, int, str, str] | None = None  # (J, stored?, followed, original)
        near = set(by_doc.get(doc, ()))
        for cand in sorted(near):
            if stored_copy_of.get(cand) in near:
                continue  # a copy of another candidate: that one is compared
            sim = neardup.jaccard(sk, stored[cand])
            if sim >= neardup.COPY_THRESHOLD and (best is None or (sim, 1) > best[:2]):
                best = (sim, 1, cand, stored_copy_of.get(cand, cand))
        shared: dict[int, int] = {}
        for h in sk[:top]:
            for j in seen.get(h, ()):
                shared[j] = shared.get(j, 0) + 1
            seen.setdefault(h, []).append(i)
        for j, n in sorted(shared.items()):
            other = batch[j][0]
            if n < neardup.CANDIDATE_MIN_SHARED or other == doc or other in copies:
                continue  # (a copy of the batch: its original is compared)
            sim = neardup.jaccard(sk, batch[j][1])
            if sim >= neardup.COPY_THRESHOLD and (best is None or (sim, 0) > best[:2]):
                best = (sim, 0, other, copies[other][0] if other in copies else other)
        if best is not None:
            follow[doc] = best[2]
            if best[3] != doc:
                copies[doc] = (best[3], round(best[0], 4))
    return copies, follow


# ---- linking -----------------------------------------------------------------------

def _window(r: Report) -> tuple[date, date] | None:
    """The days a report's candidate stories may lie in (None: it can join none)."""
    if r.date is not None:
        return r.date.first_day() - _WINDOW, last_day(r.date) + _WINDOW
    if r.published is not None:
        return r.published - _WINDOW, r.published + _WINDOW
    return None


def load_candidates(con, reports: Iterable[Report]) -> list[dict[str, Any]]:
    """Stored stories some report of the batch may join (same pair, root, negation,
    and a date or first publication day near the report's)."""
    keys: dict[tuple, list[date]] = {}
    for r in reports:
        win = _window(r)
        if win is None:
            continue
        a, b = sorted((r.source, r.target))
        k = (a, b, r.root, bool(r.negated))
        lo, hi = keys.get(k, [win[0], win[1]])
        keys[k] = [min(lo, win[0]), max(hi, win[1])]
    if not keys:
        return []
    cols = list(zip(*[(*k, *v) for k, v in keys.items()]))
    return _fetch(con, """
        WITH k AS (SELECT unnest($1::VARCHAR[]) AS a, unnest($2::VARCHAR[]) AS b,
                          unnest($3::VARCHAR[]) AS root, unnest($4::BOOLEAN[]) AS neg,
                          unnest($5::DATE[]) AS lo, unnest($6::DATE[]) AS hi)
        SELECT DISTINCT s.* FROM stories s JOIN k
          ON s.pair_a = k.a AND s.pair_b = k.b AND s.cameo_root = k.root AND s.negated = k.neg
        WHERE (s.date_first IS NOT NULL AND s.date_last >= k.lo AND s.date_first <= k.hi)
           OR (s.date_first IS NULL AND s.first_published BETWEEN k.lo AND k.hi)
        ORDER BY s.story_id""", [list(c) for c in cols])


def _stored_ids(con, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return {r[0] for r in con.execute(
        "SELECT story_id FROM stories WHERE story_id IN (SELECT unnest($1::VARCHAR[]))",
        [ids]).fetchall()}


def _originals(con, docs: list[str]) -> dict[str, list[dict[str, Any]]]:
    if not docs:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    for row in _fetch(con, "SELECT * FROM events WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) "
                           "ORDER BY doc_id, sentence_idx, event_id", [docs]):
        out.setdefault(row["doc_id"], []).append(row)
    return out


def assign(con, results: Sequence[ArticleResult]) -> Plan:
    """Story ids for every event of ``results`` (in order), and the batch's copies."""
    copies, follow = find_copies(con, results)
    plan = Plan(copies=copies, follow=follow)
    # doc ids as stored (lone surrogates as U+FFFD, jalin.store.rows.safe_str)
    reports = {safe_str(r.cleaned.article.doc_id): [report_of(e, r.cleaned.article.published)
                                                    for e in r.events] for r in results}
    in_batch = set(reports)
    stored_originals = _originals(con, sorted(set(follow.values()) - in_batch))
    candidates = load_candidates(con, (rep for reps in reports.values() for rep in reps))
    orig_story_ids = sorted({row["story_id"] for rows in stored_originals.values()
                             for row in rows if row.get("story_id")})
    if orig_story_ids:
        candidates += _fetch(con, "SELECT * FROM stories WHERE story_id IN "
                                  "(SELECT unnest($1::VARCHAR[]))", [orig_story_ids])
    # the ids new stories would get, looked up at once (a salted one, rarely, on its own)
    first_ids = {story_id_for(rep.event_id) for reps in reports.values() for rep in reps}
    taken = _stored_ids(con, sorted(first_ids))

    def is_taken(sid: str) -> bool:
        return sid in taken if sid in first_ids else bool(_stored_ids(con, [sid]))

    linker = Linker(taken=is_taken)
    linker.add_all(story_state(row) for row in candidates)
    for res in results:
        doc = safe_str(res.cleaned.article.doc_id)
        original = follow.get(doc)
        if original in reports:
            originals = [(rep, plan.story_ids[rep.event_id]) for rep in reports[original]
                         if rep.event_id in plan.story_ids]
        else:
            originals = [(report_from_row(row), row["story_id"])
                         for row in stored_originals.get(original, []) if row.get("story_id")]
        pairs = twins(res.events)  # the other direction of one trigger: the same story
        for rep in reports[doc]:
            twin = pairs.get(rep.event_id)
            sid = plan.story_ids.get(twin) if twin else None
            if sid is None and originals:
                sid = match_original(rep, originals)
            plan.story_ids[rep.event_id] = linker.join(rep, sid) if sid else linker.link(rep)
    plan.affected = set(linker.created) | linker.joined
    return plan


# ---- story rows --------------------------------------------------------------------

def _has_column(con, table: str, column: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        [table, column]).fetchone()[0])


def refresh(con, story_ids: Iterable[str]) -> None:
    """Recompute the rows of ``story_ids`` from their reports; drop the empty ones."""
    ids = sorted({s for s in story_ids if s})
    if not ids:
        return
    place = "e.location_country" if _has_column(con, "events", "location_country") else "NULL"
    rows = _fetch(con, f"""
        WITH ev AS (SELECT * FROM events WHERE story_id IN (SELECT unnest($1::VARCHAR[]))),
        m AS (SELECT event_id, min(sentence_idx) AS first_sentence FROM event_mentions
              WHERE event_id IN (SELECT event_id FROM ev) GROUP BY event_id)
        SELECT e.*, a.url AS url, a.ingested_at AS ingested_at, c.copy_of AS copy_of,
               m.first_sentence AS first_sentence, {place} AS place
        FROM ev e LEFT JOIN articles a ON a.doc_id = e.doc_id
        LEFT JOIN doc_copies c ON c.doc_id = e.doc_id
        LEFT JOIN m ON m.event_id = e.event_id""", [ids])
    members: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        members.setdefault(r["story_id"], []).append(r)
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest($1::VARCHAR[]))", [ids])
    cols = column_names("stories")
    out = [summarise(sid, members[sid]) for sid in ids if sid in members]
    out = [r for r in out if r is not None]
    if not out:
        return
    sel = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    con.execute(f"INSERT INTO stories ({', '.join(q(c) for c in cols)}) SELECT {sel}",
                [[r[c] for r in out] for c in cols])


# ---- the v3 backfill ---------------------------------------------------------------

def _actor(row: dict[str, Any], side: str) -> Actor | None:
    code = row.get(f"{side}_code")
    if not code:
        return None
    return Actor(code=code, country=row.get(f"{side}_country"), org=row.get(f"{side}_org"),
                 role=row.get(f"{side}_role"), name=row.get(f"{side}_name"))


def location_from_row(row: dict[str, Any]) -> Location | None:
    """The ``location_*`` columns of a stored event row (None when it has none, or the
    store predates locations)."""
    name = row.get("location_name")
    if name is None or row.get("location_lat") is None or row.get("location_lon") is None:
        return None
    countries = row.get("location_countries")
    return Location(name=name, country=row.get("location_country"),
                    admin1=row.get("location_admin1"), lat=float(row["location_lat"]),
                    lon=float(row["location_lon"]), precision=row.get("location_precision") or "",
                    source=row.get("location_source") or "",
                    countries=tuple(countries.split("|")) if countries else ())


def event_from_row(row: dict[str, Any]) -> Event:
    """A stored event row as the coder's :class:`Event` (the backfill re-merges them):
    its location kept, an all-NULL source the unknown actor of an agentless event."""
    date_text = row.get("date")
    return Event(
        event_id=row["event_id"], doc_id=row["doc_id"], sentence_index=row["sentence_idx"],
        source=_actor(row, "source") or UNKNOWN_ACTOR, target=_actor(row, "target"),
        cameo=row["cameo"], cameo_root=row["cameo_root"], plover=row.get("plover") or "",
        goldstein=float(row.get("goldstein") or 0.0), quad_class=int(row.get("quad_class") or 0),
        evidence=Evidence(row.get("evidence_sentence") or "", row.get("evidence_start") or 0,
                          row.get("evidence_end") or 0),
        language=row.get("language") or "", date=PartialDate.parse(date_text) if date_text else None,
        date_source=row.get("date_source") or "none", modality=row.get("modality") or "asserted",
        negated=bool(row.get("negated")), trigger=row.get("trigger") or "",
        trigger_start=row.get("trigger_start") if row.get("trigger_start") is not None else -1,
        trigger_end=row.get("trigger_end") if row.get("trigger_end") is not None else -1,
        coder=row.get("coder") or "",
        location=location_from_row(row),
    )


def _kept(text: str, removed: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    spans, pos = [], 0
    for s, e in sorted(removed):
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        spans.append((pos, len(text)))
    return tuple(spans)


def _stored_result(art: dict[str, Any], rows: list[dict[str, Any]],
                   removed: list[tuple[int, int]]) -> ArticleResult:
    """A stored article as the pipeline's result: its events re-merged, its sketch made."""
    published = PartialDate.parse(art["published"]) if art.get("published") else None
    article = Article(doc_id=art["doc_id"], text=art.get("text") or "", title=art.get("title"),
                      published=published, url=art.get("url"), language=art.get("language"),
                      origin=art.get("origin") or "")
    cleaned = CleanedArticle(article=article, language=art.get("language") or "",
                             language_source=art.get("language_source") or "given",
                             kept=_kept(article.text, removed))
    merged = merge_article([event_from_row(r) for r in rows], (), article.title)
    return ArticleResult(cleaned=cleaned, sentences=(), mentions=(), events=merged.events,
                         event_mentions=merged.mentions,
                         sketch=neardup.sketch(neardup.kept_text(article.text, cleaned.kept)))


def backfill(con, write_rows, chunk: int = 200) -> int:
    """Give an older store (schema version 1 or 2) its events, mentions and stories
    (migration 3).

    Versions 1 and 2 stored one row per mention. Every article is re-merged and
    re-linked, in the order it was stored, as a new ingest would; its
    ``events`` rows are replaced by the merged events and the mentions go to
    ``event_mentions``. ``write_rows(table, rows)`` inserts rows. Returns the
    number of articles.
    """
    docs = [r[0] for r in con.execute(
        "SELECT doc_id FROM articles ORDER BY ingested_at, doc_id").fetchall()]
    tables = ("events", "event_mentions", "doc_sketches", "sketch_index", "doc_copies")
    for i in range(0, len(docs), chunk):
        part = docs[i:i + chunk]
        arts = {a["doc_id"]: a for a in _fetch(
            con, "SELECT * FROM articles WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [part])}
        events: dict[str, list[dict[str, Any]]] = {}
        for row in _fetch(con, "SELECT * FROM events WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) "
                               "ORDER BY doc_id, sentence_idx, event_id", [part]):
            events.setdefault(row["doc_id"], []).append(row)
        removed: dict[str, list[tuple[int, int]]] = {}
        for doc, s, e in con.execute(
                'SELECT doc_id, "start", "end" FROM removed_lines WHERE doc_id IN '
                "(SELECT unnest($1::VARCHAR[]))", [part]).fetchall():
            removed.setdefault(doc, []).append((s, e))
        results = [_stored_result(arts[d], events.get(d, []), removed.get(d, [])) for d in part]
        for table in tables:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
                        [part])
        plan = assign(con, results)
        for res in results:
            doc = res.cleaned.article.doc_id
            rows = result_rows(res, arts[doc].get("ingested_at"), plan.story_ids,
                               plan.copies.get(doc))
            for table in tables:
                write_rows(table, rows[table])
        refresh(con, plan.affected)
    return len(docs)
