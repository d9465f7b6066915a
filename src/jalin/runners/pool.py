"""A pool of worker processes that always knows which article each worker holds.

Each worker codes one article at a time, sent over its own pipe, so when a
worker dies (killed, out of memory, a crash in a C extension) or overruns
its time the parent knows exactly which article it held: that article
becomes a rejection (``worker_died`` or ``timeout``), a fresh worker takes
the dead one's place and the run goes on. Outcomes come back in input order.

Workers are forked from the parent, so they inherit the parent's loaded
Pipeline, and die with the parent (:func:`jalin.runners.watchdog.die_with_parent`).
Within a worker the article's Python code is interrupted at ``timeout``
seconds (:func:`~jalin.runners.watchdog.deadline`); a worker still busy
``grace`` seconds later (stuck in C code) is killed by the parent.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import JalinError
from ..models import Article, ArticleResult, Rejection

log = logging.getLogger(__name__)

Outcome = ArticleResult | Rejection
Code = Callable[[Article], Outcome]  # codes one article in a worker (never raises)

# Consecutive worker deaths without one article coded in between that stop the run
# (every worker dying at once is the machine's or jalin's problem, not an input's).
MAX_DEATHS_PER_WORKER = 3


def grace_seconds(timeout: float) -> float:
    """How long after ``timeout`` the parent waits before killing a busy worker."""
    return max(2.0, 0.25 * timeout)


def worker_died(article: Article, exitcode: int | None) -> Rejection:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit status {exitcode}" if exitcode is not None else "lost"
    return Rejection(article.origin or article.doc_id, "worker_died",
                     f"the worker process coding it died ({how})", article.doc_id)


def timed_out(article: Article, seconds: float) -> Rejection:
    return Rejection(article.origin or article.doc_id, "timeout",
                     f"coding took longer than {seconds:g} s (the --timeout limit)", article.doc_id)


def _worker_main(conn: Connection, parent_pid: int, code: Code) -> None:
    from .watchdog import die_with_parent

    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, article = msg
        out = code(article)
        try:
            conn.send((seq, out))
        except (EOFError, OSError):
            return
        except Exception as exc:  # an outcome that cannot be pickled: that article's problem
            from .rejections import internal_error

            conn.send((seq, internal_error(article, exc)))


@dataclass
class _Job:
    seq: int
    article: Article
    started: float


class _Worker:
    def __init__(self, ctx: Any, code: Code):
        parent_end, child_end = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_end, os.getpid(), code),
                                daemon=True, name="jalin-worker")
        self.proc.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.job: _Job | None = None

    def give(self, seq: int, article: Article) -> None:
        self.job = _Job(seq, article, time.monotonic())
        self.conn.send((seq, article))

    def stop(self, kill: bool = False) -> None:
        if kill and self.proc.is_alive():
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``workers`` processes running ``code``; see the module doc."""

    def __init__(self, workers: int, code: Code, timeout: float | None = None):
        self._ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() \
            else mp.get_context()
        self._code = code
        self.timeout = timeout if timeout and timeout > 0 else None
        self.workers = [_Worker(self._ctx, code) for _ in range(max(1, workers))]
        self._deaths = 0  # since the last article a worker coded

    # ---- one round ------------------------------------------------------------

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.job is None]

    def busy(self) -> bool:
        return any(w.job is not None for w in self.workers)

    def give(self, worker: _Worker, seq: int, article: Article) -> None:
        try:
            worker.give(seq, article)
        except (OSError, ValueError):  # it died while idle: its next article is not its fault
            self._replace(worker)
            self.workers[-1].give(seq, article)

    def collect(self, max_wait: float = 1.0) -> list[tuple[int, Outcome]]:
        """Outcomes that are ready (waits up to ``max_wait`` s for the first one)."""
        busy = [w for w in self.workers if w.job is not None]
        if not busy:
            return []
        wait_for = max_wait
        if self.timeout:
            limit = self.timeout + grace_seconds(self.timeout)
            first_due = min(w.job.started for w in busy if w.job) + limit
            wait_for = max(0.01, min(max_wait, first_due - time.monotonic()))
        handles: list[Any] = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
        ready = set(wait(handles, timeout=wait_for))
        out: list[tuple[int, Outcome]] = []
        for w in busy:
            job = w.job
            assert job is not None
            if w.conn in ready or w.proc.sentinel in ready:
                got = self._receive(w)
                if got is not None:
                    out.append(got)
                    continue
                w.proc.join(timeout=1)
                out.append((job.seq, worker_died(job.article, w.proc.exitcode)))
                self._died(w)
            elif self.timeout and time.monotonic() - job.started > self.timeout + grace_seconds(self.timeout):
                log.info("worker %s stuck on %s: killed", w.proc.pid, job.article.doc_id)
                out.append((job.seq, timed_out(job.article, self.timeout)))
                self._replace(w, kill=True)
        return out

    def _receive(self, w: _Worker) -> tuple[int, Outcome] | None:
        job = w.job
        assert job is not None
        try:
            if not w.conn.poll():
                return None
            seq, outcome = w.conn.recv()
        except Exception:  # EOF or a message cut short by the worker's death
            return None
        w.job = None
        self._deaths = 0
        return seq, outcome

    def _died(self, w: _Worker) -> None:
        self._deaths += 1
        if self._deaths > MAX_DEATHS_PER_WORKER * len(self.workers):
            raise JalinError(f"worker processes keep dying ({self._deaths} in a row, last: "
                             f"exit status {w.proc.exitcode}); the machine may be out of memory")
        self._replace(w)

    def _replace(self, w: _Worker, kill: bool = False) -> None:
        self.workers.remove(w)
        w.job = None
        w.stop(kill=True if kill else not w.proc.is_alive())
        self.workers.append(_Worker(self._ctx, self._code))

    def close(self) -> None:
        for w in self.workers:
            w.stop(kill=w.job is not None)
        self.workers = []


def run_ordered(inputs: Iterable[Article | Rejection], take: Callable[[Any, Outcome], None],
                pool: WorkerPool, window: int) -> None:
    """Feed ``inputs`` to ``pool``; ``take(item, outcome)`` in input order.

    Rejections from the readers pass straight through; at most ``window``
    inputs are read ahead of the oldest one not yet taken.
    """
    pending: deque[tuple[int, Article | Rejection]] = deque()
    waiting: deque[tuple[int, Article]] = deque()
    done: dict[int, Outcome] = {}
    it = iter(inputs)
    seq = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            try:
                item = next(it)
            except StopIteration:
                exhausted = True
                break
            pending.append((seq, item))
            if isinstance(item, Rejection):
                done[seq] = item
            else:
                waiting.append((seq, item))
            seq += 1
        for worker in pool.idle():
            if not waiting:
                break
            pool.give(worker, *waiting.popleft())
        while pending and pending[0][0] in done:
            s, item = pending.popleft()
            take(item, done.pop(s))
        if exhausted and not pending:
            return
        if pool.busy() and (len(pending) >= window or exhausted or not pool.idle()):
            for s, outcome in pool.collect():
                done[s] = outcome
