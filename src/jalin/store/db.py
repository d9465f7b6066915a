"""The DuckDB store: the only module of jalin that talks to DuckDB.

Writes are buffered: ``write_result`` keeps results in memory and writes
them per batch (default 200 articles) in one transaction that first
deletes everything stored under those doc ids, so re-ingesting an article
replaces its rows instead of duplicating them. Rows go in as columnar
``unnest`` inserts (one statement per table per batch), which keeps store
time small next to coding time. Reads flush the buffer first.

What a write failure does depends on its kind:

* a row one article cannot have (e.g. an event id another article holds)
  fails that article alone: the batch is retried one article at a time and
  the failing one is stored as a ``store_error`` rejection;
* the disk, the file or DuckDB failing (I/O error, disk full, a read-only
  file system, an invalidated database) raises
  :class:`~jalin.errors.StoreWriteError`: what was committed before stays,
  the rest is rolled back by DuckDB, and the store is not used again in
  this process. Re-running the same ingest converges, since re-ingesting
  an article replaces it.

Rejections written in this session are never erased by a result of this
session (a ``duplicate_id`` rejection of a doc written in the same batch
as the doc's first copy stays): only rejections from earlier runs are
replaced. Strings that cannot be stored as UTF-8 (lone surrogates from a
JSON ``\\udfff`` or a file name in another encoding) are stored with
U+FFFD in their place.

DuckDB extensions are never loaded or installed on the fly (a SQLite file
passed as the store is an error, not a download).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import duckdb

from ..errors import OutputError, StoreError, StoreWriteError, UsageError
from ..models import ArticleResult, PartialDate, Rejection
from . import schema, story_store
from .rows import event_record, last_day, rejection_row, result_rows, safe_str
from .schema import DOC_TABLES, SCHEMA_VERSION, column_names, q

log = logging.getLogger(__name__)

DEFAULT_DB = "jalin.duckdb"


# No extension is ever fetched or loaded behind the user's back.
CONNECT_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

# DuckDB errors that say the disk, the file or DuckDB itself failed, not one row.
_FATAL_ERRORS = tuple(getattr(duckdb, name) for name in (
    "IOException", "FatalException", "InternalException", "OutOfMemoryException",
    "PermissionException") if hasattr(duckdb, name))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def is_fatal(exc: BaseException) -> bool:
    """A DuckDB error of the disk, the file or DuckDB (not of the rows written)."""
    if isinstance(exc, _FATAL_ERRORS):
        return True
    text = str(exc).lower()
    return "invalidated" in text or "no space left" in text or "read-only file system" in text


def _is_write_failure(exc: BaseException) -> bool:
    """An error of the disk or the file system (full, read-only, no permission)."""
    text = str(exc).lower()
    return any(x in text for x in ("no space left", "read-only file system", "permission denied",
                                   "could not write"))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."


def _open_error(path: Path, exc: BaseException) -> StoreError:
    text = _one_line(exc)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if head.startswith(b"SQLite format 3"):
        return StoreError(f"{path} is a SQLite database, not a jalin store (DuckDB file)")
    if "not a valid duckdb" in text.lower() or "unable to open" in text.lower() and head:
        return StoreError(f"{path} is not a jalin store (DuckDB file): {text}")
    return StoreError(f"cannot open store {path}: {text}")


def _insert_sql(table: str) -> str:
    # Untyped parameters convert faster than ``$1::T[]``; INSERT casts to the
    # column types (a value of the wrong type fails the batch, see ``flush``).
    cols = column_names(table)
    sel = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    return f"INSERT INTO {table} ({', '.join(q(c) for c in cols)}) SELECT {sel}"


class Store:
    """A DuckDB file holding articles, their sentences, mentions and events.

    Use as a context manager; ``close()`` flushes pending writes.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 batch_size: int = 200):
        self.path = Path(path)
        self.read_only = read_only
        self.batch_size = max(1, batch_size)
        self._pending: dict[str, ArticleResult] = {}
        self._pending_rejections: list[Rejection] = []
        # Articles whose rows could not be written (stored as rejections).
        self.failed: list[Rejection] = []
        # Time spent linking stories (benchmarks/stories.py reports it).
        self.story_seconds = 0.0
        self._broken: StoreWriteError | None = None  # set by a fatal write error
        self._con: duckdb.DuckDBPyConnection | None = None
        # The schema version of the file as it is read (older when opened read-only).
        self.stored_version = SCHEMA_VERSION
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run `jalin ingest` first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file")
        if not read_only and self.path.parent and not self.path.parent.exists():
            raise StoreError(f"directory does not exist: {self.path.parent}")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only,
                                       config=dict(CONNECT_CONFIG))
        except duckdb.Error as exc:
            if not read_only and _is_write_failure(exc):
                raise StoreWriteError(f"cannot write to store {self.path}: {_one_line(exc)}"
                                      ) from None
            raise _open_error(self.path, exc) from None
        # Rejections from before this moment may be replaced; later ones are this run's.
        self.session_start = _now()
        try:
            self._migrate()
        except duckdb.Error as exc:
            self._con.close()
            self._con = None
            raise _open_error(self.path, exc) from None

    # ---- lifecycle ---------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and close; after a fatal write error, just close (DuckDB rolls back)."""
        if self._con is None:
            return
        try:
            if self._broken is None:
                self.flush()
        finally:
            con, self._con = self._con, None
            try:
                con.close()
            except duckdb.Error as exc:  # an invalidated database may fail to close
                log.debug("closing %s: %s", self.path, exc)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self.path} is closed")
        return self._con

    def _migrate(self) -> None:
        con = self.con
        have = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        current = 0
        if have:
            current = con.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}; this jalin knows "
                f"up to {SCHEMA_VERSION}: upgrade jalin"
            )
        if current == SCHEMA_VERSION:
            return
        if self.read_only:
            if current >= 1:
                self._open_compat()  # read an older store as it is: no write needed
                self.stored_version = current
                return
            raise StoreError(
                f"store {self.path} has schema version {current}, needs {SCHEMA_VERSION}: "
                "open it once for writing (e.g. `jalin ingest`) to migrate"
            )
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER, applied_at TIMESTAMP)"
            )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for stmt in schema.MIGRATIONS[version]:
                    con.execute(stmt)
                if version == 3 and current >= 1:  # events and stories of an older store
                    story_store.backfill(con, self._insert)
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
            con.execute("COMMIT")
        except (duckdb.Error, ValueError) as exc:  # ValueError: a stored date the backfill rejects
            self._rollback()
            raise StoreError(f"cannot migrate store {self.path}: {_one_line(exc)}") from None

    def _open_compat(self) -> None:
        """An older store opened read-only: views over the file show every table with
        the current columns, those a later schema version added being NULL (events
        stored before event locations existed have none). The file is not changed."""
        old = self.con
        have = {t: {r[0] for r in old.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [t]).fetchall()}
            for t in schema.TABLES}
        old.close()
        self._con = None
        try:
            con = duckdb.connect(":memory:")
            target = str(self.path).replace("'", "''")
            con.execute(f"ATTACH '{target}' AS stored (READ_ONLY)")
            for table, cols in schema.TABLES.items():
                sel = ", ".join(q(c) if c in have[table] else f"CAST(NULL AS {t.split()[0]}) AS {q(c)}"
                                for c, t in cols)
                source = f"stored.main.{table}" if have[table] else "(SELECT 1) AS none WHERE false"
                con.execute(f"CREATE VIEW {table} AS SELECT {sel} FROM {source}")
            con.execute("CREATE VIEW schema_version AS SELECT * FROM stored.main.schema_version")
        except duckdb.Error as exc:
            raise StoreError(f"cannot read store {self.path}: {exc}") from exc
        self._con = con

    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    @property
    def has_stories(self) -> bool:
        """Whether the store holds stories and event mentions (schema version 3): a store
        written before, opened read-only, has its events only (one per mention)."""
        return self.stored_version >= schema.STORIES_VERSION

    def need_stories(self) -> None:
        """Raise a StoreError saying how to migrate, when the store has no stories yet."""
        if not self.has_stories:
            raise StoreError(
                f"store {self.path} was written before stories (schema version "
                f"{self.stored_version}): run `jalin ingest ... --db {self.path}` once to "
                "migrate it (any input, e.g. an article already stored: re-ingesting replaces "
                "it); its events are then merged and linked into stories")

    # ---- writes ------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        if self._broken is not None:
            raise self._broken

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error as exc:  # nothing to roll back, or the database is invalidated
            log.debug("rollback on %s: %s", self.path, exc)

    def _fail(self, exc: BaseException) -> StoreWriteError:
        """A fatal write error: remember it (the store is not written again) and return it."""
        if self._broken is None:
            self._broken = StoreWriteError(
                f"cannot write to store {self.path}: {_one_line(exc)} (what was stored before "
                "is kept; run the same ingest again once the cause is fixed)")
        return self._broken

    def write_result(self, result: ArticleResult) -> None:
        """Store one coded article, replacing whatever was stored under its doc_id."""
        self._check_writable()
        doc = result.cleaned.article.doc_id
        self._pending.pop(doc, None)  # a later result of the same doc wins
        self._pending[doc] = result
        if len(self._pending) >= self.batch_size:
            self.flush()

    def write_rejection(self, rej: Rejection) -> None:
        """Record an input that could not be coded (replaces earlier ones of that origin)."""
        self._check_writable()
        self._pending_rejections.append(rej)
        if len(self._pending_rejections) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write all buffered results and rejections.

        Raises StoreWriteError when the disk or the file fails (see the module doc).
        """
        if self._con is None or self.read_only:
            return
        if self._broken is not None:
            raise self._broken
        results = list(self._pending.values())
        rejections = self._pending_rejections
        self._pending = {}
        self._pending_rejections = []
        # Rejections first: a stored result then clears older rejections of its doc.
        if rejections:
            self._write_rejections(rejections)
        rejections = []
        if results:
            try:
                self._write_batch(results)
            except duckdb.Error as exc:
                if is_fatal(exc):
                    raise self._fail(exc) from None
                log.warning("batch write failed (%s); writing articles one by one", exc)
                for res in results:
                    try:
                        self._write_batch([res])
                    except duckdb.Error as one_exc:
                        if is_fatal(one_exc):
                            raise self._fail(one_exc) from None
                        art = res.cleaned.article
                        rej = Rejection(
                            origin=art.origin or art.doc_id,
                            reason="store_error",
                            detail=f"{type(one_exc).__name__}: {_one_line(one_exc)}",
                            doc_id=art.doc_id,
                        )
                        self.failed.append(rej)
                        rejections.append(rej)
        if rejections:
            self._write_rejections(rejections)

    def _write_batch(self, results: list[ArticleResult]) -> None:
        now = _now()
        docs = [safe_str(r.cleaned.article.doc_id) for r in results]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            # Only articles stored before have rows to replace (a fresh ingest skips
            # the deletes); rejections of these doc ids from earlier runs are obsolete
            # (this run's stay: a duplicate of a stored doc is still a rejection).
            stored = [r[0] for r in con.execute(
                "SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
                [docs]).fetchall()]
            touched = story_store.stories_of_docs(con, stored)  # stories losing reports
            if stored:
                for table in DOC_TABLES:
                    con.execute(
                        f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
                        [stored])
            con.execute(
                'DELETE FROM rejections WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) AND "at" < $2',
                [docs, self.session_start])
            # stories: copies and links of the batch's events (jalin.store.story_store)
            t0 = time.perf_counter()
            plan = story_store.assign(con, results)
            self.story_seconds += time.perf_counter() - t0
            tables: dict[str, list[tuple]] = {t: [] for t in DOC_TABLES}
            for res in results:
                doc = safe_str(res.cleaned.article.doc_id)
                rows = result_rows(res, now, plan.story_ids, plan.copies.get(doc))
                for table, part in rows.items():
                    tables[table].extend(part)
            for table in DOC_TABLES:
                self._insert(table, tables[table])
            t0 = time.perf_counter()
            story_store.refresh(con, plan.affected | touched)
            self.story_seconds += time.perf_counter() - t0
            con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _insert(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        columns = [list(col) for col in zip(*rows)]
        self.con.execute(_insert_sql(table), columns)

    def _write_rejections(self, rejections: list[Rejection]) -> None:
        """Store rejections; one that cannot be written never takes the others along."""
        try:
            self._write_rejection_rows(rejections)
        except duckdb.Error as exc:
            if is_fatal(exc):
                raise self._fail(exc) from None
            log.warning("rejection batch failed (%s); writing them one by one", exc)
            for rej in rejections:
                try:
                    self._write_rejection_rows([rej])
                except duckdb.Error as one_exc:
                    if is_fatal(one_exc):
                        raise self._fail(one_exc) from None
                    log.error("cannot store rejection of %r: %s", rej.origin, one_exc)

    def _write_rejection_rows(self, rejections: list[Rejection]) -> None:
        now = _now()
        rows = [rejection_row(r, now) for r in rejections]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            # A rejection replaces earlier runs' rejections of its origin, never this run's.
            con.execute(
                'DELETE FROM rejections WHERE origin IN (SELECT unnest($1::VARCHAR[])) AND "at" < $2',
                [[row[0] for row in rows if row[0]], self.session_start],
            )
            self._insert("rejections", rows)
            con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    # ---- queries -----------------------------------------------------------

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        self.flush()
        try:
            cur = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def _iter_rows(self, sql: str, params: list[Any], chunk: int = 2000
                   ) -> Iterator[dict[str, Any]]:
        self.flush()
        cur = self.con.cursor()
        try:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            while True:
                batch = cur.fetchmany(chunk)
                if not batch:
                    break
                for r in batch:
                    yield dict(zip(names, r))
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        finally:
            cur.close()

    def _event_where(self, actor: str | None, since: PartialDate | str | None,
                     until: PartialDate | str | None, root: str | None,
                     doc_id: str | None, include_negated: bool,
                     where: str | None = None) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if where:  # the state the event happened in (its location), e.g. KGZ
            conds.append(location_condition())
            params += [where.strip().upper()] * 2
        if actor:
            a = actor.strip().upper()
            parts = []
            for side in ("source", "target"):
                parts.append(
                    f"({side}_country = ? OR {side}_org = ? OR {side}_code = ? "
                    f"OR starts_with({side}_code, ?))"
                )
                params += [a, a, a, a]
            conds.append("(" + " OR ".join(parts) + ")")
        if since is not None:
            conds.append("date_last >= ?")
            params.append(_as_date(since, "since").first_day())
        if until is not None:
            conds.append("date_first <= ?")
            params.append(last_day(_as_date(until, "until")))
        if root:
            r = str(root).strip()
            if not r.isdigit() or not 1 <= int(r) <= 20:
                raise UsageError(f"CAMEO root must be 01..20, got {root!r}")
            conds.append("cameo_root = ?")
            params.append(r.zfill(2))
        if doc_id:
            conds.append("doc_id = ?")
            params.append(doc_id)
        if not include_negated:
            conds.append("NOT coalesce(negated, false)")
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        return where, params

    def events(self, actor: str | None = None, since: PartialDate | str | None = None,
               until: PartialDate | str | None = None, root: str | None = None,
               doc_id: str | None = None, limit: int | None = None,
               include_negated: bool = True, where: str | None = None) -> list[dict[str, Any]]:
        """Events as nested records (export shape), ordered by date then doc.

        ``actor`` matches a country, organisation or actor-code prefix on
        either side; ``since``/``until`` keep events whose date overlaps the
        range (undated events are then left out); ``root`` is a CAMEO root;
        ``where`` is the state the event happened in (``location.country``,
        or one of the states of a border area or strait).
        """
        return list(self.iter_events(actor, since, until, root, doc_id, limit, include_negated,
                                     where))

    def iter_events(self, actor: str | None = None, since: PartialDate | str | None = None,
                    until: PartialDate | str | None = None, root: str | None = None,
                    doc_id: str | None = None, limit: int | None = None,
                    include_negated: bool = True, where: str | None = None
                    ) -> Iterator[dict[str, Any]]:
        where, params = self._event_where(actor, since, until, root, doc_id, include_negated, where)
        sql = (f"SELECT * FROM events {where} "
               "ORDER BY date_first NULLS LAST, doc_id, sentence_idx, event_id")
        if limit is not None:
            if limit < 0:
                raise UsageError(f"limit must be >= 0, got {limit}")
            sql += f" LIMIT {int(limit)}"
        for row in self._iter_rows(sql, params):
            yield event_record(row)

    def article(self, doc_id: str) -> dict[str, Any] | None:
        """One article with its sentences, removed lines, mentions and events."""
        rows = self._rows("SELECT * FROM articles WHERE doc_id = ?", [doc_id])
        if not rows:
            return None
        art = rows[0]
        order = 'ORDER BY "start", "end"'
        art["sentences"] = self._rows(f"SELECT * FROM sentences WHERE doc_id = ? {order}",
                                      [doc_id])
        art["removed_lines"] = self._rows(
            f"SELECT * FROM removed_lines WHERE doc_id = ? {order}", [doc_id])
        art["mentions"] = self.mentions(doc_id=doc_id)
        art["events"] = self.events(doc_id=doc_id)
        return art

    def mentions(self, doc_id: str | None = None, limit: int | None = None
                 ) -> list[dict[str, Any]]:
        return list(self.iter_mentions(doc_id, limit))

    def iter_mentions(self, doc_id: str | None = None, limit: int | None = None
                      ) -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM mentions"
        params: list[Any] = []
        if doc_id:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        sql += ' ORDER BY doc_id, "start", "end"'
        if limit is not None:
            sql += f" LIMIT {max(0, int(limit))}"
        yield from self._iter_rows(sql, params)

    def doc_ids(self) -> list[str]:
        return [r["doc_id"] for r in self._rows("SELECT doc_id FROM articles ORDER BY doc_id")]

    def rejections(self) -> list[dict[str, Any]]:
        return self._rows('SELECT * FROM rejections ORDER BY "at", origin')

    def counts(self) -> dict[str, int]:
        """Row counts: articles, sentences, mentions, events (and negated), etc."""
        row = self._rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM sentences) AS sentences, "
            "(SELECT count(*) FROM mentions) AS mentions, "
            "(SELECT count(*) FROM events) AS events, "
            "(SELECT count(*) FROM events WHERE negated) AS negated_events, "
            "(SELECT count(*) FROM stories WHERE NOT negated) AS stories, "
            "(SELECT count(*) FROM event_mentions) AS event_mentions, "
            "(SELECT count(*) FROM removed_lines) AS removed_lines, "
            "(SELECT count(*) FROM rejections) AS rejections"
        )[0]
        return {k: int(v) for k, v in row.items()}

    def copy_parquet(self, out: str | Path, table: str = "events",
                     include_negated: bool = False, columns: list[str] | None = None,
                     where: str | None = None) -> None:
        """Write the events or mentions table (flat columns) as a Parquet file."""
        self.flush()
        if table not in ("events", "mentions"):
            raise UsageError(f"unknown table {table!r} (events or mentions)")
        known = column_names(table)
        if columns is None:
            columns = [c for c in known if c not in ("date_first", "date_last")]
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise UsageError(f"no such columns in {table}: {unknown}")
        cols = ", ".join(q(c) for c in columns)
        params: list[Any] = []
        if table == "events":
            conds = [] if include_negated else ["NOT coalesce(negated, false)"]
            if where:
                conds.append(location_condition())
                params += [where.strip().upper()] * 2
            cond = (" WHERE " + " AND ".join(conds)) if conds else ""
            sql = (f"SELECT {cols} FROM events{cond} "
                   "ORDER BY date_first NULLS LAST, doc_id, sentence_idx, event_id")
        else:
            sql = f'SELECT {cols} FROM mentions ORDER BY doc_id, "start", "end"'
        target = str(out).replace("'", "''")
        try:
            self.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
        except duckdb.Error as exc:
            raise OutputError(f"cannot write {out}: {_one_line(exc)}") from None


def location_condition() -> str:
    """SQL matching events that happened in one state (two ``?``: the ISO3 code twice)."""
    return ("(location_country = ? OR list_contains("
            "string_split(coalesce(location_countries, ''), '|'), ?))")


def _as_date(value: PartialDate | str, what: str) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse(str(value))
    except ValueError as exc:
        raise UsageError(f"{what}: {exc}") from exc
