"""The read API and the dashboard, served by ``jalin serve``.

A thin layer over :mod:`jalin.store.analytics`: every endpoint parses its
parameters, asks one analytics function and returns JSON. The store is
opened read-only; when its file is replaced (``jalin ingest`` into another
file, then a rename over the served one) the next request reopens it, so a
running server never reads a half-written store.

Errors: bad parameters -> 422 ``{"detail": message}`` (FastAPI's own type
checks and :class:`jalin.errors.UsageError`), unknown article -> 404, store
unreadable -> 503, anything else -> 500. The bodies of 503 and 500 are fixed
sentences: SQL, file paths and stack traces go to the server's log only.
An article's ``origin`` (the input file's path on the machine that ingested
it) is not served. Article ids may hold any character (``/``, newlines,
any script): ``/api/articles/{doc_id}`` takes them percent-encoded, and
``/api/article?id=...`` takes any id, even ``..``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Hashable, Iterator

from fastapi import FastAPI, Query, Request
from fastapi import Path as Path_
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.convertors import Convertor, register_url_convertor

from ..errors import StoreError, UsageError
from ..store import analytics as an
from ..store import map_queries as mq
from ..store import story_queries as sq

__all__ = ["create_app", "StoreHandle"]

log = logging.getLogger(__name__)

MAX_OFFSET = 10_000_000
STORE_UNAVAILABLE = "the store cannot be read right now"
INTERNAL_ERROR = "internal error"


class _AnyText(Convertor):
    """A path parameter that matches everything, newlines included (Starlette's
    ``path`` convertor stops at a newline, so such an id could not be fetched)."""

    regex = "[\\s\\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anytext", _AnyText())

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class StoreHandle:
    """A read-only connection to the store file, reopened when the file is swapped.

    Each request takes its own cursor through :meth:`cursor`. A swap is
    noticed by the file's inode/mtime; the old connection is closed once no
    request still uses it (DuckDB shares one database instance per path in a
    process, so it must be closed before the new file can be opened).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._cond = threading.Condition()
        self._store: Any = None
        self._con: Any = None
        self._stamp: tuple[int, int, int] | None = None
        self._active = 0
        self.generation = 0  # bumped whenever a (new) file is opened

    def _file_stamp(self) -> tuple[int, int, int]:
        try:
            st = os.stat(self.path)
        except OSError as exc:
            raise StoreError(f"cannot read store {self.path}: {exc.strerror}") from None
        return (st.st_dev, st.st_ino, st.st_mtime_ns)

    def _close(self) -> None:
        store, con = self._store, self._con
        self._store = self._con = None
        if store is not None:
            store.close()
        elif con is not None:
            con.close()

    def _acquire(self):
        with self._cond:
            while True:
                stamp = self._file_stamp()
                if self._con is not None and stamp == self._stamp:
                    break
                if self._con is not None and self._active:
                    self._cond.wait(timeout=1.0)  # let running queries on the old file finish
                    continue
                self._close()
                self._store, self._con = an.open_read_only(self.path)
                self._stamp = stamp
                self.generation += 1
                break
            self._active += 1
            try:
                return self._con.cursor()
            except BaseException:
                self._active -= 1
                raise

    def _release(self, cur) -> None:
        try:
            cur.close()
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """A cursor of its own for one request (safe across threads)."""
        cur = self._acquire()
        try:
            yield cur
        finally:
            self._release(cur)

    def close(self) -> None:
        with self._cond:
            self._close()


class ResultCache:
    """A small LRU of query results; keys carry the store generation, so a swap empties it."""

    def __init__(self, size: int = 512):
        self.size = size
        self._lock = threading.Lock()
        self._data: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


def _json(value: Any) -> Response:
    """JSON straight from plain values (analytics returns only JSON types): no re-encoding pass."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body.encode("utf-8"), media_type="application/json")


def _static_dir() -> Path:
    return Path(str(resources.files("jalin.api").joinpath("static")))


_COUNT_HELP = ("what to count: stories (each real-world act once, however often reported) "
               "or reports (every article's event)")

DB_ENV = "JALIN_SERVE_DB"
CACHE_ENV = "JALIN_SERVE_CACHE"


def app_from_env() -> FastAPI:
    """App factory for multi-process serving (uvicorn ``--workers``): the store path comes
    from ``JALIN_SERVE_DB``; each worker process opens the file read-only itself."""
    import os

    return create_app(os.environ[DB_ENV], int(os.environ.get(CACHE_ENV, "512")))


def create_app(db_path: Path | str, cache_size: int = 512) -> FastAPI:
    """The FastAPI application serving the API under ``/api`` and the dashboard at ``/``.

    ``cache_size`` query results are kept (per store file); 0 turns the cache off.
    """
    handle = StoreHandle(Path(db_path))

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        try:
            yield
        finally:
            handle.close()

    app = FastAPI(
        lifespan=lifespan,
        title="jalin",
        version="0.1.0",
        description="Read API over a jalin event store: events, stories, actors, dyads, networks, articles.",
        docs_url=None,  # the interactive docs pages load scripts from a CDN: schema only
        redoc_url=None,
    )
    app.state.store = handle

    @app.exception_handler(UsageError)
    async def _usage(_: Request, exc: UsageError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": STORE_UNAVAILABLE}, status_code=503)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    cache = ResultCache(cache_size)

    def run(fn, *args, **kwargs):
        """``fn(cursor, ...)`` on the store; results are cached until the file changes."""
        with handle.cursor() as cur:
            key = (handle.generation, fn.__name__, args, tuple(sorted(kwargs.items())))
            value = cache.get(key)
            if value is None:
                value = fn(cur, *args, **kwargs)
                cache.put(key, value)
            return value

    @app.get("/api/health", tags=["meta"])
    def health() -> Response:
        """Whether the store can be read."""
        return _json({"ok": True, **run(an.summary)})

    @app.get("/api/summary", tags=["meta"])
    def summary() -> Response:
        """Article, event and removed-line counts and the span of event days."""
        return _json(run(an.summary))

    @app.get("/api/meta", tags=["meta"])
    def meta() -> Response:
        """CAMEO roots, PLOVER types and QuadClasses for filter menus."""
        return _json(an.vocabulary())

    @app.get("/api/events", tags=["events"])
    def events(
        actor: str | None = Query(None, description="actor key on either side, e.g. KAZ"),
        source: str | None = Query(None, description="source actor key"),
        target: str | None = Query(None, description="target actor key"),
        dyad: str | None = Query(None, description="two actor keys, e.g. KAZ-RUS"),
        directed: bool = Query(False, description="dyad only in its given direction"),
        cameo_root: str | None = Query(None, description="CAMEO roots, e.g. 03 or 03,04"),
        cameo: str | None = Query(None, description="CAMEO code prefix, e.g. 042"),
        plover: str | None = Query(None, description="PLOVER type, e.g. CONSULT"),
        quad_class: int | None = Query(None, ge=1, le=4, description="1..4"),
        date_from: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
        date_to: str | None = Query(None, description="inclusive; YYYY-MM covers the month"),
        doc_id: str | None = Query(None, max_length=300),
        q: str | None = Query(None, max_length=200, description="text in the evidence sentence"),
        include_negated: bool = Query(False, description="also list negated events (never counted in the network or series)"),
        where: str | None = Query(None, description="events located in this state (ISO3), e.g. KGZ"),
        place: str | None = Query(None, max_length=200, description="one map point: NAME|ISO3, e.g. Bishkek|KGZ"),
        order: str = Query("-date", description="date, -date, goldstein, -goldstein, doc"),
        limit: int = Query(50, ge=1, le=an.MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Events matching every given filter, one page at a time, newest first."""
        flt = an.EventFilter.parse(
            actor=actor, source=source, target=target, dyad=dyad, directed=directed,
            cameo_root=cameo_root, cameo=cameo, plover=plover, quad_class=quad_class,
            date_from=date_from, date_to=date_to, doc_id=doc_id, q=q,
            include_negated=include_negated, where=where, place=place,
        )
        page = run(an.events_page, flt, limit=limit, offset=offset, order=order)
        return _json({"total": page.total, "limit": page.limit, "offset": page.offset, "events": page.events})

    @app.get("/api/map", tags=["events"])
    def map_points(
        actor: str | None = Query(None, description="actor key on either side, e.g. KAZ"),
        dyad: str | None = Query(None, description="two actor keys, e.g. KAZ-RUS"),
        cameo_root: str | None = Query(None, description="CAMEO roots, e.g. 18,19"),
        quad_class: int | None = Query(None, ge=1, le=4, description="1..4"),
        date_from: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
        date_to: str | None = Query(None, description="inclusive; YYYY-MM covers the month"),
        where: str | None = Query(None, description="events located in this state (ISO3)"),
        limit: int = Query(500, ge=1, le=mq.MAX_POINTS),
        count: str = Query("stories", description=_COUNT_HELP),
    ) -> Response:
        """Locations as map points: stories (or reports) per place, by QuadClass (see jalin.store.map_queries)."""
        flt = an.EventFilter.parse(actor=actor, dyad=dyad, cameo_root=cameo_root, quad_class=quad_class,
                                   date_from=date_from, date_to=date_to, where=where)
        return _json(run(mq.map_points, flt, limit=limit, count=count))

    @app.get("/api/actors", tags=["actors"])
    def actors(
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = Query(200, ge=1, le=5000),
        count: str = Query("stories", description=_COUNT_HELP),
    ) -> Response:
        """Actor keys with story (or report) counts as source and target."""
        period = an.parse_period(date_from, date_to)
        return _json({"actors": run(an.actors, period, limit=limit, count=count)})

    @app.get("/api/dyads/{dyad}/series", tags=["dyads"])
    def dyad_series(
        dyad: str,
        interval: str = Query("month", description="day, week, month or year"),
        date_from: str | None = None,
        date_to: str | None = None,
        directed: bool = False,
        count: str = Query("stories", description=_COUNT_HELP),
    ) -> Response:
        """Stories (or reports) and summed Goldstein per period for one dyad (e.g. KAZ-RUS), by QuadClass."""
        period = an.parse_period(date_from, date_to)
        return _json(run(an.dyad_series, an.parse_dyad(dyad), interval=interval, period=period,
                         directed=directed, count=count))

    @app.get("/api/network", tags=["dyads"])
    def network(
        date_from: str | None = None,
        date_to: str | None = None,
        min_events: int = Query(1, ge=1, le=100_000),
        include_self: bool = False,
        count: str = Query("stories", description=_COUNT_HELP),
    ) -> Response:
        """Actors (nodes) and the dyads between them (edges with story or report counts and mean Goldstein)."""
        period = an.parse_period(date_from, date_to)
        return _json(run(an.network, period, min_events=min_events, include_self=include_self,
                         count=count))

    # ---- stories (issue 11): one real-world act, all its reports ----------------------

    @app.get("/api/stories", tags=["stories"])
    def stories(
        actor: str | None = Query(None, description="actor key on either side, e.g. KAZ"),
        source: str | None = Query(None, description="source actor key"),
        target: str | None = Query(None, description="target actor key"),
        dyad: str | None = Query(None, description="two actor keys, e.g. KAZ-RUS"),
        directed: bool = Query(False, description="dyad only in its given direction"),
        cameo_root: str | None = Query(None, description="CAMEO roots, e.g. 03 or 03,04"),
        cameo: str | None = Query(None, description="CAMEO code prefix, e.g. 042"),
        plover: str | None = Query(None, description="PLOVER type, e.g. CONSULT"),
        quad_class: int | None = Query(None, ge=1, le=4, description="1..4"),
        date_from: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
        date_to: str | None = Query(None, description="inclusive; YYYY-MM covers the month"),
        doc_id: str | None = Query(None, max_length=300, description="a report in this article"),
        q: str | None = Query(None, max_length=200, description="text in the evidence of a mention"),
        include_negated: bool = Query(False, description="also list negated stories"),
        where: str | None = Query(None, description="stories located in this state (ISO3), e.g. KGZ"),
        place: str | None = Query(None, max_length=200, description="one map point: NAME|ISO3, e.g. Bishkek|KGZ"),
        order: str = Query("-date", description="date, -date, goldstein, -goldstein, reports, doc"),
        limit: int = Query(50, ge=1, le=an.MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Stories matching every given filter (on the story's own fields), newest first."""
        flt = an.EventFilter.parse(
            actor=actor, source=source, target=target, dyad=dyad, directed=directed,
            cameo_root=cameo_root, cameo=cameo, plover=plover, quad_class=quad_class,
            date_from=date_from, date_to=date_to, doc_id=doc_id, q=q,
            include_negated=include_negated, where=where, place=place,
        )
        page = run(sq.stories_page, flt, limit=limit, offset=offset, order=order)
        return _json({"total": page.total, "limit": page.limit, "offset": page.offset,
                      "stories": page.events})

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def story(story_id: str = Path_(..., max_length=40)) -> Response:
        """One story: its row and every report (outlet, dates, title) with its mentions."""
        detail = run(sq.story_detail, story_id)
        if detail is None:
            return JSONResponse({"detail": f"no story {story_id!r}"}, status_code=404)
        return _json(detail)

    @app.get("/api/articles", tags=["articles"])
    def articles(
        q: str | None = Query(None, max_length=200),
        limit: int = Query(50, ge=1, le=an.MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Articles with their event and removed-line counts."""
        return _json(run(an.articles_page, limit=limit, offset=offset, q=q))

    def article_response(doc_id: str) -> Response:
        detail = run(an.article_detail, doc_id)
        if detail is None:
            return JSONResponse({"detail": f"no article {doc_id!r}"}, status_code=404)
        article = {k: v for k, v in detail["article"].items() if k != "origin"}
        return _json({**detail, "article": article})

    @app.get("/api/article", tags=["articles"])
    def article_by_query(id: str = Query(..., max_length=1000, description="the doc id")) -> Response:
        """One article by ``?id=``: works for every id, even "..", which clients
        normalise away in a path."""
        return article_response(id)

    @app.get("/api/articles/{doc_id:anytext}", tags=["articles"])
    def article(doc_id: str) -> Response:
        """One article: full text, sentences, removed lines (with reasons), mentions and events."""
        return article_response(doc_id)

    static = _static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    return app
