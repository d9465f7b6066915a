"""Limits and field parsers shared by every reader (text, JSONL, manifests, HTML, WARC).

Kept apart from :mod:`jalin.ingest.readers` so that the HTML and WARC
readers, which the readers dispatch to, need not import them back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..lang import normalise_code
from ..models import PartialDate, Rejection
from .limits import MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_TEXT_CHARS, not_regular  # noqa: F401

MAX_TITLE_CHARS = 120  # a first line longer than this is no headline

_DATE_PREFIX_RE = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ][\d:.+\-Z]*)?\s*$")


def parse_published(value: Any) -> PartialDate | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` (an ISO timestamp's date part, or
    an int year, is accepted too); anything else -> None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    m = _DATE_PREFIX_RE.match(value)
    if not m:
        return None
    try:
        return PartialDate.parse(m.group(1))
    except ValueError:
        return None


def normalise_language(value: Any) -> str | None:
    """A language tag as given ("id", "IND", "en-US", "Malay") -> iso 639-1 or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return normalise_code(value)  # the packs know their tags (jalin.lang)


def read_limited_bytes(path: Path, origin: str, doc_id: str | None = None) -> bytes | Rejection:
    """A file's bytes, or a Rejection: missing, no regular file, empty, or over the
    size limit (checked before reading, so a huge file is never loaded)."""
    odd = not_regular(path, origin, doc_id)
    if odd is not None:
        return odd
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Rejection(origin, "not_found", f"cannot stat: {exc.strerror or exc}", doc_id)
    if size > MAX_FILE_BYTES:
        return Rejection(origin, "too_large", f"file has {size} bytes (limit {MAX_FILE_BYTES})", doc_id)
    if size == 0:
        return Rejection(origin, "empty", "empty file", doc_id)
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)  # a file growing while read stays bounded
    except OSError as exc:
        return Rejection(origin, "unreadable", f"cannot read: {exc.strerror or exc}", doc_id)


# Seconds reading one input may take (extracting a page, finding its dateline); set by
# read_inputs for the duration of its call (set_read_timeout), None: no limit.
_read_timeout: float | None = None


def set_read_timeout(seconds: float | None) -> float | None:
    """Set the reading time limit; return the one it replaces."""
    global _read_timeout
    previous, _read_timeout = _read_timeout, seconds
    return previous


def bounded_read(fn: Any, origin: str, doc_id: str | None) -> Any:
    """``fn()``, or a ``timeout`` Rejection when it overruns the reading time limit."""
    from ..errors import ArticleTimeout
    from ..runners.watchdog import bounded

    out = bounded(fn, _read_timeout, "reading")
    if isinstance(out, ArticleTimeout):
        return Rejection(origin, "timeout", f"{out} (the --timeout limit)", doc_id)
    return out
