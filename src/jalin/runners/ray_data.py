"""Run the pipeline over many inputs with Ray Data (the optional ``ray`` extra).

The same contract as :mod:`jalin.runners.local`, spread over a Ray cluster
(or a local Ray instance): articles go into a Ray Dataset, are coded by
``map_batches`` over :class:`CodeBatch`, a callable class that builds one
``Pipeline`` per worker in ``__init__``, and come back as pickled outcomes.
Only the driver writes the DuckDB store (DuckDB has one writer), through the
same tally as the local runner. No domain logic here.

Failures, as in the local runner:

- an exception while coding one article becomes a stored
  ``Rejection(reason="internal_error")`` (caught in the worker);
- a worker that dies (segfault, OOM kill, lost node) fails its Ray Dataset;
  Ray does not retry it (a retry would redo the crash): the inputs that were
  in flight are coded one Ray task per article, so that only the article
  that kills its worker is stored as ``internal_error``, then the rest goes
  back to Ray Data;
- Ray failing again and again without coding anything (a broken node, Ray
  itself) stops the run with a :class:`~jalin.errors.JalinError`.

Ray is started with ``include_dashboard=False`` and usage statistics off
(nothing reaches the network) and shut down at the end when this runner
started it. ``address`` (or the ``RAY_ADDRESS`` environment variable)
joins an existing cluster, where jalin must be installed on every node.
Start-up costs seconds (7-9 s on 2 cores: Ray itself, then an actor pool
per chunk of ``chunk_size`` articles): on one machine the local process pool
is faster.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..errors import JalinError, UsageError
from ..models import Article, ArticleResult, Rejection
from ..store import Store
from .local import Progress, RunSummary, _Tally, internal_error, process_safely

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16  # articles per map_batches call
DEFAULT_CHUNK_SIZE = 10_000  # articles per Ray Dataset (bounds driver memory)
MAX_FAILURES = 3  # consecutive Ray failures with no article coded in between
RESCUE_BATCHES = 4  # after a Ray failure, batches per worker coded one task per article
TASK_RETRIES = 0  # a batch whose worker died is not retried by Ray: see _rescue
ACTOR_RESTARTS = 0  # nor is its worker restarted (a restart would just redo the crash)

class WorkerLost(RuntimeError):
    """A Ray worker died while coding an article (the detail of its internal_error)."""


_INSTALL_HINT = "the ray runner needs Ray: pip install 'jalin[ray]'"


def _import_ray() -> Any:
    """The ``ray`` module with Ray Data, usage statistics switched off first."""
    # Read by ray.init and inherited by the processes Ray starts: no phoning home.
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    try:
        import ray
        import ray.data  # the extra brings it: check now, not mid-run
    except ImportError as exc:
        raise UsageError(f"{_INSTALL_HINT} ({exc})") from None
    return ray


def check_available() -> None:
    """Raise UsageError unless Ray (with Ray Data) can be imported."""
    _import_ray()


# ---- worker side ------------------------------------------------------------------


def _dump(article: Article, outcome: ArticleResult | Rejection) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # an unpicklable result is that article's problem only
        return pickle.dumps(internal_error(article, exc), protocol=pickle.HIGHEST_PROTOCOL)


class CodeBatch:
    """Ray Data callable class: one Pipeline per worker, then batches of articles.

    Input rows hold ``article`` (a pickled Article); output rows ``outcome``
    (a pickled ArticleResult or Rejection), in the same order. A Pipeline
    that cannot be built on this worker turns every article it is given into
    an internal_error rejection instead of making Ray restart it forever.
    """

    def __init__(self, factory: Callable[[], Any] | None = None,
                 timeout: float | None = None) -> None:
        self.pipeline = None
        self.timeout = timeout
        self.setup_error: Exception | None = None
        try:
            if factory is None:
                from ..pipeline import Pipeline as factory

            self.pipeline = factory()
        except Exception as exc:  # reported per article, see the class docstring
            self.setup_error = exc

    def __call__(self, batch: Any) -> dict[str, list[bytes]]:
        outcomes = []
        for blob in batch.column("article").to_pylist():
            article = pickle.loads(blob)
            if self.pipeline is None:
                outcome = internal_error(article, self.setup_error or RuntimeError("no pipeline"))
            else:
                outcome = process_safely(self.pipeline, article, self.timeout)
            outcomes.append(_dump(article, outcome))
        return {"outcome": outcomes}


_TASK_PIPELINES: dict[str, Any] = {}  # per Ray worker process: pipelines by factory


def _code_one(blob: bytes, factory: Callable[[], Any] | None, timeout: float | None = None
              ) -> bytes:
    """Ray task: one pickled article -> its pickled outcome (the worker's Pipeline is reused)."""
    article = pickle.loads(blob)
    key = "" if factory is None else f"{factory.__module__}.{factory.__qualname__}"
    pipeline = _TASK_PIPELINES.get(key)
    if pipeline is None:
        built = CodeBatch(factory)
        if built.pipeline is None:
            error = built.setup_error or RuntimeError("no pipeline")
            return _dump(article, internal_error(article, error))
        pipeline = _TASK_PIPELINES[key] = built.pipeline
    return _dump(article, process_safely(pipeline, article, timeout))


# ---- driver side ------------------------------------------------------------------


def _load(article: Article, blob: Any) -> ArticleResult | Rejection:
    try:
        outcome = pickle.loads(blob)
    except Exception as exc:  # e.g. a worker running another jalin version
        return internal_error(article, exc)
    if not isinstance(outcome, (ArticleResult, Rejection)):
        return internal_error(article, TypeError(f"worker returned {type(outcome).__name__}"))
    return outcome


def _stream(ray: Any, articles: list[Article], batch_size: int, pool_size: int,
            factory: Callable[[], Any] | None, timeout: float | None = None
            ) -> Iterator[ArticleResult | Rejection]:
    """Outcomes of ``articles`` coded on Ray, in input order (one Ray Dataset)."""
    ds = ray.data.from_items(
        [{"article": pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)} for a in articles])
    batches = -(-len(articles) // batch_size)
    ds = _map_batches(ds, ray.data.ActorPoolStrategy(size=max(1, min(pool_size, batches))),
                      batch_size, factory, timeout)
    rows = ds.iter_rows()
    n = 0
    try:
        for row in rows:
            if n < len(articles):
                yield _load(articles[n], row["outcome"])
            n += 1
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # let Ray Data finish before Ray may be shut down
            close()
    for article in articles[n:]:  # Ray returned fewer rows than it was given
        yield internal_error(article, RuntimeError("no outcome from the Ray workers"))


def _map_batches(ds: Any, compute: Any, batch_size: int, factory: Callable[[], Any] | None,
                 timeout: float | None = None) -> Any:
    """``ds.map_batches`` over CodeBatch with bounded retries where Ray allows them."""
    common: dict[str, Any] = {"batch_size": batch_size, "batch_format": "pyarrow",
                              "compute": compute, "num_cpus": 1,
                              "fn_constructor_args": (factory, timeout)}
    # Ray Data retries a batch forever by default (a worker-killing article would
    # hang the run); these actor options are passed as extra remote args, which
    # newer Ray versions warn about and may drop.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        try:
            return ds.map_batches(CodeBatch, max_restarts=ACTOR_RESTARTS,
                                  max_task_retries=TASK_RETRIES, **common)
        except TypeError:  # a Ray without extra remote args: its own defaults
            return ds.map_batches(CodeBatch, **common)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""


def _chunks(inputs: Iterable[Article | Rejection], size: int
            ) -> Iterator[list[Article | Rejection]]:
    it = iter(inputs)
    while chunk := list(islice(it, size)):
        yield chunk


def _start(ray: Any, address: str | None, num_cpus: int | None) -> bool:
    """Start or join Ray; True when this call started it (and must shut it down)."""
    if ray.is_initialized():
        return False
    joining = address is not None or bool(os.environ.get("RAY_ADDRESS"))
    kwargs: dict[str, Any] = {}
    if not joining and num_cpus is not None:
        kwargs["num_cpus"] = num_cpus  # Ray refuses num_cpus when joining a cluster
    try:
        ray.init(address=address, include_dashboard=False, ignore_reinit_error=True,
                 log_to_driver=False, logging_level=logging.ERROR, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or os.environ.get("RAY_ADDRESS") or "local"
        raise UsageError(f"cannot start or join Ray ({where}): {_first_line(exc)}") from None
    return True


def run(inputs: Iterable[Article | Rejection], store: Store, *, address: str | None = None,
        num_cpus: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Progress | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
        pipeline_factory: Callable[[], Any] | None = None,
        timeout: float | None = None) -> RunSummary:
    """Code every article of ``inputs`` on Ray into ``store``; store rejections as they come.

    ``address``: a Ray cluster to join (None: ``RAY_ADDRESS`` or a new local
    instance); ``num_cpus`` caps a new local instance; ``batch_size`` articles
    per worker call; ``chunk_size`` articles per Ray Dataset.
    ``progress(item, outcome)`` is called once per input, as in the local runner.
    ``pipeline_factory`` builds each worker's pipeline (default ``Pipeline``);
    it is pickled to the workers, so it must be importable or defined locally.
    ``timeout``: seconds one article may take to code, where a Ray worker runs
    it in its main thread (None: no limit).
    """
    if batch_size < 1 or chunk_size < 1:
        raise UsageError("batch_size and chunk_size must be at least 1")
    ray = _import_ray()
    from ..pipeline import Pipeline

    # Built here first: a broken data file fails now, once, with its own error.
    (pipeline_factory or Pipeline)()
    tally = _Tally(store, progress)
    started = _start(ray, address, num_cpus)
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars)
    data_log = logging.getLogger("ray.data")
    saved_level = data_log.level
    try:
        ctx.execution_options.preserve_order = True  # outcomes in input order
        ctx.enable_progress_bars = False  # the CLI draws its own
        if data_log.getEffectiveLevel() < logging.ERROR:
            data_log.setLevel(logging.ERROR)  # no per-dataset chatter on the CLI's stderr
        pool_size = max(1, int(ray.cluster_resources().get("CPU", 1)))
        failures = 0  # Ray failures since Ray last coded an article
        for chunk in _chunks(inputs, chunk_size):
            pending = chunk
            while pending:
                done, coded, exc = _take_from_ray(ray, pending, tally, batch_size, pool_size,
                                                  pipeline_factory, timeout)
                if exc is None:
                    break
                failures = 0 if coded else failures + 1
                if failures > MAX_FAILURES:
                    raise JalinError(f"ray runner: workers keep failing: {type(exc).__name__}: "
                                     f"{_first_line(exc)}") from exc
                # A worker died (killed, segfault, lost node) and took its batch
                # along: the inputs in flight are coded one task each, so that
                # only an article that kills its worker is lost (internal_error).
                window = max(1, RESCUE_BATCHES * batch_size * pool_size)
                rest = pending[done:]
                log.warning("ray: workers failed (%s: %s); coding %d inputs one by one",
                            type(exc).__name__, _first_line(exc), min(window, len(rest)))
                if _rescue(ray, rest[:window], tally, pipeline_factory, timeout):
                    failures = 0
                pending = rest[window:]
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars = saved
        data_log.setLevel(saved_level)
        if started:
            ray.shutdown()
    return tally.summary()


def _take_from_ray(ray: Any, items: list[Article | Rejection], tally: _Tally, batch_size: int,
                   pool_size: int, factory: Callable[[], Any] | None, timeout: float | None = None
                   ) -> tuple[int, int, BaseException | None]:
    """Code ``items`` on Ray into ``tally``: (inputs taken, articles coded, Ray failure or None)."""
    articles = [x for x in items if isinstance(x, Article)]
    outcomes = (_stream(ray, articles, batch_size, pool_size, factory, timeout) if articles
                else iter(()))
    done = coded = 0
    try:
        for item in items:
            if isinstance(item, Rejection):
                tally.take(item, item)
            else:
                tally.take(item, next(outcomes))
                coded += 1
            done += 1
    except ray.exceptions.RayError as exc:
        return done, coded, exc
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    return done, coded, None


def _rescue(ray: Any, items: list[Article | Rejection], tally: _Tally,
            factory: Callable[[], Any] | None, timeout: float | None = None) -> int:
    """Code ``items`` one Ray task per article (no retries) into ``tally``; articles coded."""
    code_one = ray.remote(num_cpus=1, max_retries=0)(_code_one)
    refs = [code_one.remote(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL), factory, timeout)
            if isinstance(x, Article) else None for x in items]
    coded = 0
    for item, ref in zip(items, refs):
        if ref is None:
            tally.take(item, item)
            continue
        try:
            out = _load(item, ray.get(ref))
            coded += 1
        except ray.exceptions.RayError as exc:  # this article's worker died
            out = internal_error(item, WorkerLost(f"{type(exc).__name__}: {_first_line(exc)}"))
        tally.take(item, out)
    return coded
