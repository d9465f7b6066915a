"""Run the pipeline over many inputs on one machine, writing to a Store.

No domain logic here: the runner feeds articles to ``Pipeline.process``
(built once per process; once per worker when ``workers > 1``), stores
results and rejections, and counts. An exception while coding one article
becomes a stored ``Rejection(reason="internal_error")`` and the run goes on.

``workers=None`` means one worker per CPU core this process may use. A pool
pays off only with more inputs than workers: a run of fewer than
``2 * workers`` inputs is coded in this process. Results come back in input
order and the store writes them in batches.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, OrderedDict, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable

from ..models import Article, ArticleResult, Rejection
from ..store import Store

log = logging.getLogger(__name__)

Progress = Callable[[Article | Rejection, ArticleResult | Rejection], None]


def default_workers() -> int:
    """One worker per CPU core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class RunSummary:
    """What one run did."""

    inputs: int = 0
    articles: int = 0  # coded and stored
    events: int = 0
    negated_events: int = 0
    removed_lines: int = 0
    rejections: dict[str, int] = field(default_factory=dict)  # reason -> count

    @property
    def rejected(self) -> int:
        return sum(self.rejections.values())

    @property
    def exit_status(self) -> int:
        """0 all stored; 3 some rejected, others stored; 1 nothing stored."""
        if self.articles == 0:
            return 1
        return 3 if self.rejected else 0


def internal_error(article: Article, exc: BaseException) -> Rejection:
    return Rejection(
        origin=article.origin or article.doc_id,
        reason="internal_error",
        detail=f"{type(exc).__name__}: {exc}",
        doc_id=article.doc_id,
    )


def process_safely(pipeline, article: Article) -> ArticleResult | Rejection:
    """``pipeline.process`` that turns any exception into a Rejection."""
    try:
        return pipeline.process(article)
    except Exception as exc:  # one article must never stop the run
        log.warning("internal error on %s: %s", article.doc_id, exc, exc_info=True)
        return internal_error(article, exc)


# ---- worker processes ---------------------------------------------------------

_WORKER_PIPELINE = None


def _init_worker() -> None:
    """Build the worker's Pipeline, unless it came with the fork from the parent."""
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        from ..pipeline import Pipeline

        _WORKER_PIPELINE = Pipeline()


def _work(article: Article) -> ArticleResult | Rejection:
    return process_safely(_WORKER_PIPELINE, article)


class _Tally:
    def __init__(self, store: Store, progress: Progress | None):
        self.store, self.progress = store, progress
        self.inputs = self.articles = self.events = self.negated = self.removed = 0
        self.reasons: Counter[str] = Counter()
        # Counts of the articles the store may still fail to write (its buffer).
        self.recent: OrderedDict[str, tuple[int, int, int]] = OrderedDict()

    def take(self, item: Article | Rejection, out: ArticleResult | Rejection) -> None:
        self.inputs += 1
        if isinstance(out, Rejection):
            self.store.write_rejection(out)
            self.reasons[out.reason] += 1
        else:
            counts = (sum(1 for e in out.events if not e.negated),
                      sum(1 for e in out.events if e.negated), len(out.cleaned.removed))
            self._forget(out.cleaned.article.doc_id)
            self.articles += 1
            self.events, self.negated, self.removed = (
                self.events + counts[0], self.negated + counts[1], self.removed + counts[2])
            self.recent[out.cleaned.article.doc_id] = counts
            while len(self.recent) > 2 * getattr(self.store, "batch_size", 200):
                self.recent.popitem(last=False)
            self.store.write_result(out)
            self._settle_failures()
        if self.progress is not None:
            self.progress(item, out)

    def _forget(self, doc_id: str) -> None:
        """Undo the counts of an article stored earlier in this run (now replaced)."""
        old = self.recent.pop(doc_id, None)
        if old is not None:
            self.articles -= 1
            self.events -= old[0]
            self.negated -= old[1]
            self.removed -= old[2]

    def _settle_failures(self) -> None:
        """Articles the store could not write were stored as rejections instead."""
        for rej in self.store.failed:
            if rej.doc_id in self.recent:
                self._forget(rej.doc_id)
            self.reasons[rej.reason] += 1
        self.store.failed.clear()

    def summary(self) -> RunSummary:
        self.store.flush()
        self._settle_failures()
        return RunSummary(self.inputs, self.articles, self.events, self.negated,
                          self.removed, dict(sorted(self.reasons.items())))


def run(inputs: Iterable[Article | Rejection], store: Store, workers: int | None = 1,
        progress: Progress | None = None, pipeline=None) -> RunSummary:
    """Code every article of ``inputs`` into ``store``; store rejections as they come.

    ``workers``: processes coding at once (None: :func:`default_workers`).
    ``progress(item, outcome)`` is called once per input. ``pipeline`` may be
    given to reuse an already built Pipeline (with ``workers > 1`` it reaches
    the workers by fork; where processes are spawned they build their own).
    """
    if workers is None:
        workers = default_workers()
    if workers > 1:  # a pool only for more inputs than it has workers
        inputs = iter(inputs)
        head = list(islice(inputs, 2 * workers))
        if len(head) < 2 * workers:
            workers = 1
        inputs = chain(head, inputs)
    tally = _Tally(store, progress)
    if pipeline is None:
        from ..pipeline import Pipeline

        # Built here even for a pool: a broken data file fails now, once, with
        # its own error; forked workers inherit the loaded tables.
        pipeline = Pipeline()
    if workers <= 1:
        for item in inputs:
            out = item if isinstance(item, Rejection) else process_safely(pipeline, item)
            tally.take(item, out)
    else:
        global _WORKER_PIPELINE
        previous, _WORKER_PIPELINE = _WORKER_PIPELINE, pipeline
        try:
            _run_pool(inputs, tally, workers)
        finally:
            _WORKER_PIPELINE = previous
    return tally.summary()


def _run_pool(inputs: Iterable[Article | Rejection], tally: _Tally, workers: int) -> None:
    window = workers * 8  # articles in flight: bounded memory, ordered output
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    pending: deque[tuple[Article | Rejection, Future | None]] = deque()
    breaks = 0  # pool breakdowns since the last article a worker finished

    def drain_one() -> None:
        nonlocal pool, breaks
        item, fut = pending.popleft()
        if fut is None:
            tally.take(item, item)
            return
        try:
            out = fut.result()
            breaks = 0
        except BrokenProcessPool as exc:
            breaks += 1
            if breaks > 2:  # workers cannot even start: a setup problem, not an input
                raise
            # A worker died (e.g. killed); this article is lost to it, the
            # others in flight are resubmitted to a fresh pool.
            out = internal_error(item, exc)
            pool.shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
            for i, (other, ofut) in enumerate(pending):
                if ofut is not None:
                    pending[i] = (other, pool.submit(_work, other))
        except Exception as exc:  # e.g. a result that cannot be pickled
            out = internal_error(item, exc)
        tally.take(item, out)

    try:
        for item in inputs:
            if isinstance(item, Rejection):
                pending.append((item, None))
            else:
                pending.append((item, pool.submit(_work, item)))
            while len(pending) >= window:
                drain_one()
        while pending:
            drain_one()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
