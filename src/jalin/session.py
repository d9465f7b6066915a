"""The Python API: ``jalin.code``, ``jalin.open``, ``jalin.ingest``.

``code`` returns exactly the records ``jalin export --format jsonl`` writes
(built by the same :func:`jalin.export.export_record` from the same rows the
store writes). ``open`` gives a read-only :class:`Session` over a store whose
tables come back as pandas (default), polars or Arrow tables with explicit
types: codes and dates are strings, partial dates stay partial, with their
precision in a column of their own.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import RejectedInput, UsageError
from .export.records import FLAT_EVENT_TYPES, export_record, flat_event_columns, flatten, outlet
from .lang import DEFAULT_LANGUAGE
from .models import Article, PartialDate, Rejection

__all__ = ["Session", "code", "ingest", "open"]

FRAME_FORMATS = ("pandas", "polars", "arrow", "records")

ARTICLE_TYPES: dict[str, str] = {
    "doc_id": "VARCHAR", "title": "VARCHAR", "url": "VARCHAR", "outlet": "VARCHAR",
    "published": "VARCHAR", "published_precision": "VARCHAR", "published_source": "VARCHAR",
    "language": "VARCHAR", "language_source": "VARCHAR", "origin": "VARCHAR",
    "ingested_at": "TIMESTAMP", "coder": "VARCHAR",
}
ACTOR_MENTION_TYPES: dict[str, str] = {
    "doc_id": "VARCHAR", "sentence_idx": "INTEGER", "start": "INTEGER", "end": "INTEGER",
    "text": "VARCHAR", "code": "VARCHAR", "country": "VARCHAR", "org": "VARCHAR",
    "role": "VARCHAR", "name": "VARCHAR", "actor_id": "VARCHAR", "kind": "VARCHAR",
}


# ---- code -------------------------------------------------------------------------


def _published(value: Any, what: str = "published") -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        from .ingest.readers import parse_published

        found = parse_published(value)
        if found is not None:
            return found
    raise UsageError(f"{what}: want 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', a date or a "
                     f"PartialDate, got {value!r}")


@lru_cache(maxsize=1)
def _pipeline():
    from .pipeline import Pipeline

    return Pipeline()


def _sort_key(row: dict[str, Any]) -> tuple:
    first = row.get("date_first")
    return (first is None, first or date.min, row["doc_id"], row["sentence_idx"], row["event_id"])


def code(text: str, language: str | None = DEFAULT_LANGUAGE, published: Any = None,
         title: str | None = None, url: str | None = None, doc_id: str | None = None,
         include_negated: bool = False) -> list[dict[str, Any]]:
    """Code one article's ``text``; return its events as export records.

    ``language`` is ``"id"``, ``"en"`` or None (detect); ``published`` is
    ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"``, a ``date`` or a
    :class:`~jalin.models.PartialDate` (relative dates such as "kemarin" are
    resolved against it). ``doc_id`` defaults to a hash of the text. An
    unusable text raises :class:`jalin.errors.RejectedInput` with the reason.
    """
    from .ingest.decode import normalise_text
    from .ingest.readers import normalise_language
    from .stories.link import link_events
    from .store.rows import result_rows
    from .store.schema import column_names

    if not isinstance(text, str):
        raise UsageError(f"text must be a string, got {type(text).__name__}")
    lang = normalise_language(language) if language is not None else None
    if language is not None and lang is None:
        raise UsageError(f"language: unknown language {language!r} (try 'id' or 'en')")
    text = normalise_text(text)
    doc = doc_id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    article = Article(doc_id=doc, text=text, title=title, published=_published(published),
                      url=url, language=lang, origin="jalin.code")
    result = _pipeline().process(article)
    if isinstance(result, Rejection):
        raise RejectedInput(result)
    story_ids = link_events(result.events, article.published)
    tables = result_rows(result, datetime.now(timezone.utc).replace(tzinfo=None), story_ids)
    names = column_names("events")
    rows = [dict(zip(names, r), title=title, url=url) for r in tables["events"]]
    rows = [r for r in rows if include_negated or not r["negated"]]
    return [export_record(r) for r in sorted(rows, key=_sort_key)]


# ---- ingest -----------------------------------------------------------------------


def ingest(paths: str | Path | Sequence[str | Path], db: str | Path = "jalin.duckdb",
           workers: int = 1, manifest: str | Path | None = None):
    """Code files/folders (and a manifest) into the store ``db``, as ``jalin ingest``.

    Returns the run's :class:`~jalin.runners.local.RunSummary` (``inputs``,
    ``articles``, ``events``, ``rejections`` by reason, ``exit_status``).
    """
    from .ingest.into_store import ingest_into

    return ingest_into(paths, db, workers=workers, manifest=manifest)


# ---- open: read-only tables ----------------------------------------------------------


def _frame(columns: list[str], types: dict[str, str], rows: Iterable[dict[str, Any]],
           fmt: str):
    """Rows as a pandas/polars DataFrame or an Arrow table with explicit types."""
    data: dict[str, list[Any]] = {c: [] for c in columns}
    for row in rows:
        for c in columns:
            data[c].append(row.get(c))
    if fmt == "pandas":
        pd = _need("pandas", "pandas")
        kinds = {"VARCHAR": "string", "INTEGER": "Int64", "DOUBLE": "Float64",
                 "BOOLEAN": "boolean", "TIMESTAMP": "datetime64[us]"}
        return pd.DataFrame({c: pd.Series(data[c], dtype=kinds[types[c]]) for c in columns})
    if fmt == "polars":
        pl = _need("polars", "polars")
        kinds = {"VARCHAR": pl.Utf8, "INTEGER": pl.Int64, "DOUBLE": pl.Float64,
                 "BOOLEAN": pl.Boolean, "TIMESTAMP": pl.Datetime("us")}
        return pl.DataFrame(data, schema={c: kinds[types[c]] for c in columns})
    pa = _need("pyarrow", "pyarrow")
    kinds = {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us")}
    return pa.table({c: pa.array(data[c], type=kinds[types[c]]) for c in columns})


def _need(module: str, package: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        how = "pip install 'jalin[pandas]'" if package == "pandas" else f"pip install {package}"
        raise UsageError(f"format={module!r} needs {package}, which is not installed: {how} "
                         "(or use format='records')") from None


def _check_format(fmt: str) -> str:
    if fmt not in FRAME_FORMATS:
        raise UsageError(f"format: {fmt!r} is not one of {', '.join(FRAME_FORMATS)}")
    return fmt


class Session:
    """A store opened read-only. Use as a context manager, or call ``close()``."""

    def __init__(self, db: str | Path = "jalin.duckdb"):
        from .store import Store

        self.path = Path(db)
        self._store = Store(self.path, read_only=True)

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def __repr__(self) -> str:
        return f"jalin.Session({str(self.path)!r})"

    def events(self, actor: str | None = None, since: Any = None, until: Any = None,
               root: str | None = None, quad: int | None = None, doc_id: str | None = None,
               include_negated: bool = False, limit: int | None = None,
               format: str = "pandas"):
        """Events as a table of the flat export columns (as CSV/Parquet have them).

        Filters as ``jalin events``: ``actor`` (either side), ``since``/``until``
        (dates overlapping the range), CAMEO ``root``, QuadClass ``quad``,
        ``doc_id``. ``format``: pandas, polars, arrow, or records (the nested
        export records, as ``jalin.code`` returns them).
        """
        from .store.event_rows import iter_event_rows

        fmt = _check_format(format)
        query = self._query(actor, since, until, root, quad, doc_id, include_negated, limit)
        recs = (export_record(r) for r in iter_event_rows(self._store, query))
        if fmt == "records":
            return list(recs)
        return _frame(flat_event_columns(), FLAT_EVENT_TYPES, (flatten(r) for r in recs), fmt)

    def articles(self, format: str = "pandas"):
        """Articles (without their text): doc_id, title, url, outlet, published and
        its precision and source, language, origin, ingest time, coder."""
        from .store.event_rows import iter_articles

        fmt = _check_format(format)
        stored = [c for c in ARTICLE_TYPES if c != "outlet"]
        rows = [dict(r, outlet=outlet(r.get("url"))) for r in iter_articles(self._store, stored)]
        if fmt == "records":
            return [{c: r.get(c) for c in ARTICLE_TYPES} for r in rows]
        return _frame(list(ARTICLE_TYPES), ARTICLE_TYPES, rows, fmt)

    def stories(self, actor: str | None = None, since: Any = None, until: Any = None,
                root: str | None = None, quad: int | None = None, doc_id: str | None = None,
                include_negated: bool = False, limit: int | None = None,
                format: str = "pandas"):
        """Stories: one row per real-world act, however many articles report it
        (``jalin export --table stories``), with its counts of mentions, articles
        and sources. The filters of :meth:`events`, on the story's own fields;
        ``doc_id`` keeps the stories one of whose reports is in that article."""
        from .export.story_records import FLAT_STORY_TYPES, flat_story_columns, story_record
        from .store.story_rows import iter_story_rows

        fmt = _check_format(format)
        query = self._query(actor, since, until, root, quad, doc_id, include_negated, limit)
        recs = (story_record(r) for r in iter_story_rows(self._store, query))
        if fmt == "records":
            return list(recs)
        return _frame(flat_story_columns(), FLAT_STORY_TYPES, (flatten(r) for r in recs), fmt)

    def mentions(self, actor: str | None = None, since: Any = None, until: Any = None,
                 root: str | None = None, quad: int | None = None, doc_id: str | None = None,
                 include_negated: bool = False, limit: int | None = None,
                 format: str = "pandas"):
        """Event mentions: every sentence stating an event, with its evidence,
        offsets, trigger, date and date source (``jalin export --table mentions``),
        for the events the filters of :meth:`events` select.

        Changed with stories: this returned actor mentions before; those are
        :meth:`actor_mentions` now (a ``FutureWarning`` says so once).
        """
        from .export.story_records import (
            FLAT_MENTION_TYPES, flat_mention_columns, mention_record,
        )
        from .store.story_rows import iter_mention_rows

        _mentions_note()
        fmt = _check_format(format)
        query = self._query(actor, since, until, root, quad, doc_id, include_negated, limit)
        recs = (mention_record(r) for r in iter_mention_rows(self._store, query))
        if fmt == "records":
            return list(recs)
        return _frame(flat_mention_columns(), FLAT_MENTION_TYPES, (flatten(r) for r in recs), fmt)

    def actor_mentions(self, doc_id: str | None = None, format: str = "pandas"):
        """Actor mentions: where each actor was found, and what it resolved to."""
        fmt = _check_format(format)
        rows = self._store.iter_mentions(doc_id=doc_id)
        if fmt == "records":
            return [{c: r.get(c) for c in ACTOR_MENTION_TYPES} for r in rows]
        return _frame(list(ACTOR_MENTION_TYPES), ACTOR_MENTION_TYPES, rows, fmt)

    @staticmethod
    def _query(actor, since, until, root, quad, doc_id, include_negated, limit):
        from .store.event_rows import EventQuery

        return EventQuery(actor=actor, since=_opt_date(since, "since"),
                          until=_opt_date(until, "until"), root=root, quad=quad,
                          doc_id=doc_id, include_negated=include_negated, limit=limit)


_NOTED: list[bool] = []


def _mentions_note() -> None:
    """Once per process: ``mentions`` means event mentions now."""
    if not _NOTED:
        import warnings

        _NOTED.append(True)
        warnings.warn("Session.mentions() returns event mentions (every sentence stating an "
                      "event) since stories came; actor mentions are Session.actor_mentions()",
                      FutureWarning, stacklevel=3)


def _opt_date(value: Any, what: str) -> PartialDate | None:
    return None if value is None else _published(value, what)


def open(db: str | Path = "jalin.duckdb") -> Session:  # noqa: A001 - jalin.open, by design
    """Open the store ``db`` read-only: ``jalin.open("jalin.duckdb").events()``."""
    return Session(db)
