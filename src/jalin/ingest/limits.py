"""What an input may be: sizes, JSON nesting, dates, ids, kinds of file.

Every check here turns a hostile or broken input into a ``Rejection`` with
a reason, never an exception that stops the run:

    too_large     a file over MAX_FILE_BYTES, a text over MAX_TEXT_CHARS, a JSONL
                  line over MAX_LINE_BYTES
    bad_json      nested deeper than MAX_JSON_DEPTH, a number of more than 4,300
                  digits, an id that is no string or number
    bad_id        an id longer than MAX_ID_CHARS
    bad_date      a publication date before MIN_YEAR or more than a year after today
    unreadable    not a regular file (a device, FIFO or socket), a folder that
                  cannot be listed
    timeout       reading one input (e.g. extracting a page) took too long

Strings are made storable: a lone surrogate (a JSON ``"\\udfff"``) or a
byte of a file name that is not UTF-8 becomes a visible escape in ids,
origins and titles (``\\udfff``, ``\\xe9``) and U+FFFD in the text (one
character for one, so offsets stay right).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..models import Article, Rejection
from ..resolve.dates_calendar import FUTURE_DAYS, MIN_YEAR, date_problem, latest_date  # noqa: F401

MAX_FILE_BYTES = 20 * 1024 * 1024
# No news article is longer; the coder's time grows with the text (about
# 10 s for 120,000 characters of English on one line), and the per-article
# timeout bounds the rest.
MAX_TEXT_CHARS = 1_000_000
# A JSONL line holds one article plus its JSON escaping and metadata.
MAX_LINE_BYTES = 4 * MAX_TEXT_CHARS + 1024 * 1024
MAX_JSON_DEPTH = 64
MAX_ID_CHARS = 512
MAX_TITLE_CHARS = 1000

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_DEPTH_RE = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


# ---------------------------------------------------------------- strings

def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def escape_surrogates(value: str) -> str:
    """``value`` with each lone surrogate as a visible escape (for ids, origins, titles)."""
    return _SURROGATE_RE.sub(_escape_surrogate, value) if not value.isascii() else value


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD: same length, same offsets."""
    return _SURROGATE_RE.sub("\ufffd", text) if not text.isascii() else text


def safe_item(item: Article | Rejection) -> Article | Rejection:
    """Ids, origins, titles and text that can be stored and printed as UTF-8."""
    if isinstance(item, Rejection):
        origin, doc_id = escape_surrogates(item.origin), item.doc_id
        doc_id = escape_surrogates(doc_id) if doc_id is not None else None
        detail = escape_surrogates(item.detail)
        if (origin, doc_id, detail) == (item.origin, item.doc_id, item.detail):
            return item
        return replace(item, origin=origin, doc_id=doc_id, detail=detail)
    fields = {
        "doc_id": escape_surrogates(item.doc_id),
        "origin": escape_surrogates(item.origin),
        "text": replace_surrogates(item.text),
        "title": escape_surrogates(item.title) if item.title else item.title,
        "url": escape_surrogates(item.url) if item.url else item.url,
        "language": escape_surrogates(item.language) if item.language else item.language,
    }
    changed = {k: v for k, v in fields.items() if v != getattr(item, k)}
    return replace(item, **changed) if changed else item


def short_title(title: str | None) -> str | None:
    """A title cut to MAX_TITLE_CHARS (a megabyte "title" is no headline)."""
    if title is None or len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1] + "…"


def check_id(raw: Any, origin: str) -> str | Rejection | None:
    """A JSON ``id`` as a doc id: None when absent, a Rejection when unusable."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return Rejection(origin, "bad_json", f"'id' must be a string or a number, "
                                             f"not {type(raw).__name__}")
    doc_id = str(raw).strip()
    if not doc_id:
        return None
    if len(doc_id) > MAX_ID_CHARS:
        return Rejection(origin, "bad_id", f"id has {len(doc_id)} characters "
                                           f"(limit {MAX_ID_CHARS})")
    return doc_id


# ---------------------------------------------------------------- JSON

def json_depth(raw: bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep arrays and objects nest in ``raw`` (stops counting past ``limit``)."""
    depth = deepest = 0
    for m in _DEPTH_RE.finditer(raw):
        tok = m.group()
        if tok in (b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif tok in (b"]", b"}"):
            depth -= 1
    return deepest


def load_json(text: str, raw: bytes, origin: str) -> Any | Rejection:
    """``json.loads`` bounded: nesting depth, number size, never an exception."""
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and json_depth(raw) > MAX_JSON_DEPTH:
        return Rejection(origin, "bad_json", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejection(origin, "bad_json", f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return Rejection(origin, "bad_json", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    except ValueError as exc:  # an integer of more than 4,300 digits
        first = str(exc).split(":")[0].split(";")[0]
        return Rejection(origin, "bad_json", f"number too large: {first}")


# ---------------------------------------------------------------- dates

def check_published(article: Article, today: date | None = None) -> Article | Rejection:
    """The article, or a ``bad_date`` Rejection when its publication date is impossible."""
    problem = date_problem(article.published, today)
    if problem is None:
        return article
    return Rejection(article.origin, "bad_date",
                     f"publication date ({article.published_source}) {problem}", article.doc_id)


# ---------------------------------------------------------------- files

def not_regular(path: Path, origin: str, doc_id: str | None = None) -> Rejection | None:
    """A Rejection when ``path`` (followed if a link) is no regular file; None when it is."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Rejection(origin, "not_found", f"cannot stat: {exc.strerror or exc}", doc_id)
    if stat.S_ISREG(mode):
        return None
    kind = ("a folder" if stat.S_ISDIR(mode) else "a device" if stat.S_ISCHR(mode) or
            stat.S_ISBLK(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a socket"
            if stat.S_ISSOCK(mode) else "not a regular file")
    return Rejection(origin, "unreadable", f"not a regular file ({kind})", doc_id)


def walk_folder(folder: Path) -> Iterator[Path | Rejection]:
    """Every entry below ``folder`` (sorted like ``sorted(folder.rglob('*'))``) and a
    Rejection for each folder that cannot be listed. Links to folders are not
    followed (no loops); links to files are returned like files."""
    found: list[Path] = []
    problems: list[Rejection] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        problems.append(Rejection(str(where), "unreadable",
                                  f"cannot list folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        base = Path(root)
        found.extend(base / name for name in dirs + files)
    yield from problems
    yield from sorted(found)
