"""Run the pipeline over many inputs on one machine, writing to a Store.

No domain logic here: the runner feeds articles to ``Pipeline.process``
(built once per process; inherited by every worker when ``workers > 1``),
stores results and rejections, and counts. One article never stops the run:

* an exception while coding it becomes a stored ``internal_error`` rejection;
* coding it for longer than ``timeout`` seconds, a ``timeout`` rejection
  (:mod:`jalin.runners.watchdog`);
* with workers, its worker dying, a ``worker_died`` rejection; a new worker
  takes over (:mod:`jalin.runners.pool`).

``workers=None`` means one worker per CPU core this process may use. A pool
pays off only with more inputs than workers: a run of fewer than
``2 * workers`` inputs is coded in this process. Results come back in input
order and the store writes them in batches.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from typing import Callable, Iterable

from ..errors import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, ArticleTimeout
from ..models import Article, ArticleResult, Rejection
from ..store import Store
from .watchdog import DEFAULT_TIMEOUT, bounded
from .rejections import internal_error, timeout_rejection  # noqa: F401  (re-exported)

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
            return EXIT_ERROR
        return EXIT_PARTIAL if self.rejected else EXIT_OK


def process_safely(pipeline, article: Article, timeout: float | None = None
                   ) -> ArticleResult | Rejection:
    """``pipeline.process`` that turns any exception into a Rejection, and a run
    longer than ``timeout`` seconds (main thread only) into a ``timeout`` one.

    An article whose publication date is impossible (before 1800, more than a
    year ahead) is a ``bad_date`` rejection before it is coded: date arithmetic
    from such an anchor overflows (years 1 and 9999) in the resolvers."""
    from ..ingest.limits import check_published

    checked = check_published(article)
    if isinstance(checked, Rejection):
        return checked
    try:
        out = bounded(partial(pipeline.process, article), timeout, "coding")
    except Exception as exc:  # one article must never stop the run
        # the stored rejection says what happened; the traceback is for debugging
        log.debug("internal error on %s: %s", article.doc_id, exc, exc_info=True)
        return internal_error(article, exc)
    if isinstance(out, ArticleTimeout):
        log.debug("timeout on %s: %s", article.doc_id, out)
        return timeout_rejection(article, out)
    return out


# ---- worker processes ---------------------------------------------------------

def _code_in_worker(pipeline, timeout: float | None, article: Article) -> ArticleResult | Rejection:
    return process_safely(pipeline, article, timeout)


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
        progress: Progress | None = None, pipeline=None,
        timeout: float | None = DEFAULT_TIMEOUT) -> RunSummary:
    """Code every article of ``inputs`` into ``store``; store rejections as they come.

    ``workers``: processes coding at once (None: :func:`default_workers`).
    ``progress(item, outcome)`` is called once per input. ``pipeline`` may be
    given to reuse an already built Pipeline (the workers inherit it by fork).
    ``timeout``: seconds one article may take to code (None or 0: no limit).
    Raises StoreWriteError when the store cannot be written (disk full, ...).
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
            out = item if isinstance(item, Rejection) else process_safely(pipeline, item, timeout)
            tally.take(item, out)
    else:
        from .pool import WorkerPool, run_ordered

        pool = WorkerPool(workers, partial(_code_in_worker, pipeline, timeout), timeout)
        try:
            run_ordered(inputs, tally.take, pool, window=workers * 8)
        finally:
            pool.close()
    return tally.summary()
