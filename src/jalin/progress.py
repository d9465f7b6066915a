"""Progress of ``jalin ingest``: how many inputs there are, and how far it got.

:func:`scan_inputs` counts the inputs before coding starts, cheaply: one per
text or HTML file, one per non-blank line of a JSONL file or manifest (a
pass over the bytes, no JSON parsing). A WARC archive's record count is not
known without reading it, so with one the total is unknown (None). The scan
also notes HTML pages and WARC archives: they need the ``html`` extra, and
:func:`check_extras` says so in one line before anything is stored.

:class:`IngestProgress` shows a bar with the total and the time left on a
terminal; when stderr is not a terminal, plain lines instead (at each tenth
done or every 15 s, at most one per 2 s, and a last one). Without a total
both show counts only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, TextIO

from rich.console import Console

from .errors import UsageError
from .models import Rejection

PLAIN_EVERY_SECONDS = 15.0  # a line at least this often
PLAIN_MIN_SECONDS = 2.0  # and at a new tenth of the total, if this long since the last


def _nonblank_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


@dataclass
class InputScan:
    """What ``jalin ingest`` is about to read: how many inputs (None: unknown),
    and the first HTML page and WARC archive among them (they need the html extra)."""

    total: int | None = 0
    html: Path | None = None
    warc: Path | None = None


def scan_inputs(paths: Iterable[Path], manifest: Path | None = None) -> InputScan:
    """Count the inputs ``jalin ingest`` will read and note HTML/WARC files."""
    from .ingest.html import HTML_SUFFIXES
    from .ingest.readers import JSONL_SUFFIXES, _iter_folder
    from .ingest.warc import is_warc

    scan = InputScan()
    count: int | None = 0
    try:
        for path in paths:
            files = _iter_folder(path) if path.is_dir() else [path]
            for file in files:
                if not isinstance(file, Path) or not file.is_file():
                    continue  # an unlistable folder, a device, a FIFO: the readers reject it
                suffix = file.suffix.lower()
                if is_warc(file):
                    scan.warc = scan.warc or file
                    count = None  # its record count is not known without reading it
                elif suffix in HTML_SUFFIXES:
                    scan.html = scan.html or file
                if count is not None and not is_warc(file):
                    count += _nonblank_lines(file) if suffix in JSONL_SUFFIXES else 1
        if manifest is not None and count is not None:
            count += _nonblank_lines(manifest)
    except OSError:
        count = None  # the readers report the unreadable file; the bar goes without a total
    scan.total = count
    return scan


def missing_modules(modules: Iterable[str]) -> list[str]:
    """Which of ``modules`` cannot be imported (looked up, not imported)."""
    from importlib.util import find_spec

    return [m for m in modules if find_spec(m) is None]


def check_extras(scan: InputScan) -> None:
    """HTML pages and WARC archives need the ``html`` extra: one clear error if absent."""
    needs = []
    if scan.html is not None:
        needs.append((scan.html, ("trafilatura", "lxml", "lxml_html_clean")))
    if scan.warc is not None:
        needs.append((scan.warc, ("warcio", "trafilatura", "lxml", "lxml_html_clean")))
    for path, modules in needs:
        missing = missing_modules(modules)
        if missing:
            raise UsageError(f"{path}: HTML and WARC input need the 'html' extra "
                             f"(pip install 'jalin[html]'); missing: {', '.join(missing)}")


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class IngestProgress:
    """``tick(item, outcome)`` once per input; use as a context manager."""

    def __init__(self, console: Console, total: int | None, stream: TextIO | None = None):
        self.total = total
        self.done = self.events = self.rejected = 0
        self.console = console
        self.tty = console.is_terminal
        self.stream = stream if stream is not None else console.file
        self._start = time.monotonic()
        self._last_line = self._start
        self._last_done = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "IngestProgress":
        if self.tty:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._bar = Progress(
                SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[events]} events, {task.fields[rejected]} rejected"),
                TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                console=self.console, transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("coding", total=self.total, events=0, rejected=0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        elif self.done:
            self._line()

    def tick(self, item: Any, outcome: Any) -> None:
        self.done += 1
        if isinstance(outcome, Rejection):
            self.rejected += 1
        else:
            self.events += sum(1 for e in outcome.events if not e.negated)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, events=self.events, rejected=self.rejected)
            return
        since = time.monotonic() - self._last_line
        decile = bool(self.total) and self.done < self.total and (
            10 * self.done // self.total > 10 * self._last_done // self.total)
        if since >= PLAIN_EVERY_SECONDS or (decile and since >= PLAIN_MIN_SECONDS):
            self._line()

    def line(self) -> str:
        """The plain progress line: counts, share, elapsed and remaining time."""
        elapsed = time.monotonic() - self._start
        of = f"/{self.total}" if self.total else ""
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        text = (f"ingest: {self.done}{of} inputs{share}, {self.events} events, "
                f"{self.rejected} rejected, {_clock(elapsed)} elapsed")
        if self.total and 0 < self.done < self.total:
            text += f", about {_clock(elapsed / self.done * (self.total - self.done))} left"
        return text

    def _line(self) -> None:
        self._last_line = time.monotonic()
        self._last_done = self.done
        print(self.line(), file=self.stream, flush=True)
