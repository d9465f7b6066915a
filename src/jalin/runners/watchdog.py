"""Time limits and process hygiene for runs over untrusted input.

* :func:`deadline` interrupts the Python code of one article that runs too
  long, by a ``SIGALRM`` timer raising :class:`~jalin.errors.ArticleTimeout`
  in the main thread (where the in-process runner and every pool worker code
  their articles). Code stuck inside a C extension is not interrupted by it:
  the pool's parent kills such a worker (:mod:`jalin.runners.pool`).
* :func:`die_with_parent` makes a worker process end when the process that
  started it dies, even by ``kill -9``: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``
  on Linux, and everywhere a thread that exits once the parent is gone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ..errors import ArticleTimeout

T = TypeVar("T")

DEFAULT_TIMEOUT = 20.0  # seconds for one article (reading it, then coding it)
REFIRE = 0.25  # seconds between repeated alarms once the time is up
_PR_SET_PDEATHSIG = 1


def can_interrupt() -> bool:
    """Whether :func:`deadline` works here (a POSIX main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None, what: str = "this article") -> Iterator[None]:
    """Raise ArticleTimeout in the body once ``seconds`` have passed.

    A no-op when ``seconds`` is None or 0, or outside the main thread. The
    timer can fire just after the body ends: call it through :func:`bounded`,
    which catches the exception wherever it surfaces.
    """
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return

    armed = [True]

    def on_alarm(signum: int, frame: object) -> None:
        if armed[0]:
            raise ArticleTimeout(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # fires again every REFIRE seconds: library code that catches every
    # Exception (and so the first ArticleTimeout) is interrupted again
    signal.setitimer(signal.ITIMER_REAL, seconds, REFIRE)
    try:
        yield
    finally:
        while True:  # an alarm landing here must not leave the timer armed
            try:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ArticleTimeout:
                continue


def bounded(fn: Callable[[], T], seconds: float | None, what: str = "this article"
            ) -> T | ArticleTimeout:
    """``fn()``, or the ArticleTimeout raised when it ran longer than ``seconds``."""
    try:
        with deadline(seconds, what):
            return fn()
    except ArticleTimeout as exc:
        return exc


def die_with_parent(parent_pid: int | None = None) -> None:
    """End this (worker) process when its parent dies; call first thing in the worker."""
    parent = parent_pid if parent_pid is not None else os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the thread below still does it, within a second
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="jalin-parent-watch", daemon=True).start()
