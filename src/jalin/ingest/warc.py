"""WARC crawl archives (``.warc``, ``.warc.gz``) -> ``Article | Rejection``.

Every ``response`` record with a 2xx HTTP status and an HTML content type
(``text/html``, ``application/xhtml+xml``, or no type but HTML-looking
bytes) is read like a saved page (:mod:`jalin.ingest.html`):

* doc id: ``w`` + the first 15 hex digits of the SHA-1 of the record's
  ``WARC-Target-URI`` (stable across runs and crawls of the same URL);
* url: the target URI (the crawl says where the bytes came from; the
  page's canonical link is not preferred over it);
* origin: ``file@byte-offset`` of the record;
* published: the page's own metadata (``html_meta``), else a dateline in
  the text (``dateline``), else, as a last resort, the day of the
  ``WARC-Date`` (``published_source="warc_date"``: the crawl day is an
  upper bound on the publication day, and relative dates like "kemarin"
  resolve against it).

Everything else is skipped, not rejected, and counted in a
:class:`WarcCounts` (requests, metadata, images, scripts, redirects and
error pages are what a crawl mostly holds; rejecting each would drown the
real rejections). A summary is logged at INFO level per file.

A broken record becomes a ``Rejection(reason="broken_record")`` and reading
goes on from the next record start found in the file (the next gzip member
of a ``.warc.gz``, the next ``WARC/1.x`` line of a plain WARC): a record
whose bytes end before its ``Content-Length``, whose block digest does not
match, whose headers cannot be parsed, or bytes after the last record that
are no complete record. A record's HTML over 20 MB is ``too_large``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from ..models import Article, PartialDate, Rejection
from .fields import MAX_FILE_BYTES, parse_published
from .html import decode_html, html_to_article

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
PUBLISHED_FROM_WARC = "warc_date"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_PLAIN_MAGIC_RE = re.compile(rb"WARC/1\.[01]\r?\n")
_SCAN_BLOCK = 1024 * 1024
# Padding a writer may leave after the last record (newlines, zero bytes).
_TRAILING_SLACK = 16
_charset_re = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class WarcCounts:
    """What one or more WARC files held (filled while reading; for reports)."""

    records: int = 0
    html_responses: int = 0
    articles: int = 0
    rejected: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        skipped = ", ".join(f"{k} {n}" for k, n in self.skipped.most_common()) or "none"
        return (f"{self.records} records, {self.html_responses} HTML responses, "
                f"{self.articles} articles, {self.rejected} rejected; skipped: {skipped}")


def is_warc(path: Path) -> bool:
    """A ``.warc`` or ``.warc.gz`` file name."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def uri_doc_id(uri: str) -> str:
    """The doc id of a crawled URL: ``w`` + 15 hex digits of its SHA-1."""
    return "w" + hashlib.sha1(uri.strip().encode("utf-8")).hexdigest()[:15]


# ---------------------------------------------------------------- one record

def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    m = _charset_re.search(content_type or "")
    return m.group(1) if m else None


def _looks_html(head: bytes) -> bool:
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<body" in start


def _warc_day(value: str | None) -> PartialDate | None:
    return parse_published(value[:10]) if value and len(value) >= 10 else None


def _date_article(article: Article, warc_date: str | None) -> Article:
    """No date from the page: a dateline in the text, else the crawl day."""
    if article.published is not None:
        return article
    from ..resolve.dates import find_dateline

    found = find_dateline(article.text)
    if found is not None:
        return replace(article, published=found, published_source="dateline")
    day = _warc_day(warc_date)
    if day is not None:
        return replace(article, published=day, published_source=PUBLISHED_FROM_WARC)
    return article


def _skip_reason(record: Any) -> str | None:
    """Why a record is not an article (None: it is an HTML response)."""
    if not record.rec_type:
        return "broken:no WARC-Type"
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return f"broken:Content-Length {length[:20]!r} is not a number of bytes"
    if record.rec_type != "response":
        return f"record:{record.rec_type}"
    http = record.http_headers
    if http is None:
        return "record:response-without-http"
    status = (http.get_statuscode() or "").strip()
    if not status.startswith("2"):
        return f"status:{status or '?'}"
    return None


def _broken(origin: str, detail: str, doc_id: str | None = None) -> Rejection:
    return Rejection(origin, "broken_record", detail, doc_id)


# ---------------------------------------------------------------- resync

def _find_next_start(fh: BinaryIO, after: int, gz: bool) -> int | None:
    """Byte offset of the next record start after ``after``, or None."""
    pos = after
    overlap = 16
    while True:
        fh.seek(pos)
        block = fh.read(_SCAN_BLOCK)
        if not block:
            return None
        if gz:
            i = block.find(_GZIP_MAGIC)
            if i >= 0:
                return pos + i
        else:
            m = _PLAIN_MAGIC_RE.search(block)
            if m:
                return pos + m.start()
        if len(block) < _SCAN_BLOCK:
            return None
        pos += len(block) - overlap


# ---------------------------------------------------------------- the file

@dataclass
class _Reader:
    path: Path
    counts: WarcCounts
    gz: bool
    size: int | None  # None: the size of the decompressed stream is unknown
    skip_first: bool = False  # re-reading a single-stream .gz: its first record was read

    def origin(self, offset: int) -> str:
        return f"{self.path}@{offset}"

    def run(self, fh: BinaryIO) -> Iterator[Article | Rejection]:
        start: int | None = 0
        quiet = False  # after a failure, stay quiet until a good record is read
        while start is not None:
            outcome: list[int | None] = [None]
            for item in self._segment(fh, start, quiet, outcome):
                if not isinstance(item, Rejection) or item.reason != "broken_record":
                    quiet = False
                yield item
            failed_at = outcome[0]
            if failed_at is None:
                return
            if failed_at < 0:  # one gzip stream around the whole file: read it as a stream
                yield from self._run_single_stream(fh)
                return
            quiet = True
            # warcio's offsets inside a broken gzip member can point back before
            # this segment: always move forward, or a bad record is read forever
            start = _find_next_start(fh, max(failed_at, start) + 1, self.gz)

    def _run_single_stream(self, fh: BinaryIO) -> Iterator[Article | Rejection]:
        """``gzip file.warc`` output (not one gzip member per record): offsets are
        those of the decompressed stream; its first record was already read."""
        import gzip

        fh.seek(0)
        with gzip.GzipFile(fileobj=fh) as stream:
            inner = _Reader(self.path, self.counts, gz=False, size=None, skip_first=True)
            yield from inner.run(stream)  # type: ignore[arg-type]

    def _segment(self, fh: BinaryIO, start: int, quiet: bool,
                 outcome: list[int | None]) -> Iterator[Article | Rejection]:
        """Records from ``start`` until the end or a failure; a failure's offset
        goes into ``outcome[0]`` so that reading resumes after it (-1: the file
        is one gzip stream, not one gzip member per record)."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
        from warcio.statusandheaders import StatusAndHeadersParserException

        fh.seek(start)
        iterator = ArchiveIterator(fh, check_digests=True)
        records = iter(iterator)
        next_start = start
        try:
            while True:
                with _warcio_quiet():
                    record = next(records, None)
                if record is None:
                    break
                if self.skip_first and next_start == 0:
                    next_start = _record_end(iterator)
                    continue
                self.counts.records += 1
                item = self._record(record, iterator, next_start)
                offset = iterator.get_record_offset()
                next_start = _record_end(iterator)
                if isinstance(item, Rejection) and item.reason == "broken_record":
                    self.counts.rejected += 1
                    yield replace(item, origin=self.origin(offset))
                    outcome[0] = offset
                    return
                if item is not None:
                    yield item
                    quiet = False
        except (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError,
                ValueError, OSError, AttributeError, TypeError, IndexError, KeyError) as exc:
            # (warcio raises AttributeError for a response without WARC-Target-URI)
            if self.gz and start == 0 and "non-chunked gzip" in str(exc):
                outcome[0] = -1
                return
            at = max(next_start, start)
            if not quiet:
                self.counts.rejected += 1
                yield _broken(self.origin(at), f"unreadable record: {_short(exc)}")
            outcome[0] = at
            return
        if self.size is not None and _has_trailing_bytes(fh, next_start, self.size):
            if not quiet:
                self.counts.rejected += 1
                yield _broken(self.origin(next_start),
                              f"{self.size - next_start} bytes after the last complete record "
                              "(a truncated record?)")
            outcome[0] = next_start

    def _record(self, record: Any, iterator: Any, offset: int) -> Article | Rejection | None:
        reason = _skip_reason(record)
        uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
        ctype = record.http_headers.get_header("Content-Type") if reason is None else None
        mime = _mime(ctype)
        if reason is None and mime and mime not in _HTML_TYPES:
            reason = f"type:{mime}"
        if reason is None and not uri:
            reason = "broken:response without WARC-Target-URI"
        if reason is not None and reason.startswith("broken:"):
            self._integrity(record, iterator, None)
            return _broken("", f"record header: {reason[len('broken:'):]}")
        if reason is not None:
            broken = self._integrity(record, iterator, None)
            if broken is None:
                self.counts.skipped[reason] += 1
            return broken
        doc_id = uri_doc_id(uri) if uri else f"{self.path.name}-{offset}"
        try:
            data = record.content_stream().read(MAX_FILE_BYTES + 1)
        except (zlib.error, EOFError, ValueError, OSError) as exc:
            return _broken("", f"cannot read the HTTP body: {_short(exc)}", doc_id)
        broken = self._integrity(record, iterator, doc_id)
        if broken is not None:
            return broken
        if not mime and not _looks_html(data):
            self.counts.skipped["type:unknown"] += 1
            return None
        self.counts.html_responses += 1
        origin = self.origin(iterator.get_record_offset())
        if len(data) > MAX_FILE_BYTES:
            self.counts.rejected += 1
            return Rejection(origin, "too_large", f"HTML body over {MAX_FILE_BYTES} bytes", doc_id)
        decoded = decode_html(data, _charset(ctype))
        if not decoded.ok:
            self.counts.rejected += 1
            return Rejection(origin, decoded.reason, decoded.detail, doc_id)
        from .fields import bounded_read  # the reading time limit of read_inputs

        item = bounded_read(lambda: html_to_article(decoded.text or "", doc_id, origin,
                                                    url=uri or None), origin, doc_id)
        if isinstance(item, Rejection):
            self.counts.rejected += 1
            return item
        self.counts.articles += 1
        return _date_article(item, record.rec_headers.get_header("WARC-Date"))

    def _integrity(self, record: Any, iterator: Any, doc_id: str | None) -> Rejection | None:
        """A Rejection when the record's bytes end early or its block digest fails."""
        with _warcio_quiet():
            iterator.get_record_offset()  # reads the rest of the record, checking digests
        missing = getattr(record.raw_stream, "limit", 0) or 0
        if missing > 0:
            return _broken("", f"record ends {missing} bytes before its Content-Length "
                               f"({record.length})", doc_id)
        checker = getattr(record, "digest_checker", None)
        problems = [p for p in (getattr(checker, "problems", None) or []) if "block" in p]
        if problems:
            return _broken("", f"block digest mismatch: {problems[0]}", doc_id)
        return None


def _has_trailing_bytes(fh: BinaryIO, end: int, size: int) -> bool:
    """Bytes after the last record that are more than a writer's padding."""
    if size - end > _TRAILING_SLACK:
        return True
    fh.seek(end)
    return bool(fh.read(_TRAILING_SLACK).strip(b"\r\n\t \x00"))


def _record_end(iterator: Any) -> int:
    with _warcio_quiet():
        return iterator.get_record_offset() + iterator.get_record_length()


@contextmanager
def _warcio_quiet() -> Iterator[None]:
    """warcio prints warnings ("Record not followed by newline") to stderr:
    they go to this module's debug log instead."""
    sink = io.StringIO()
    with redirect_stderr(sink):
        yield
    if sink.getvalue().strip():
        log.debug("warcio: %s", sink.getvalue().strip())


def _short(exc: BaseException) -> str:
    if isinstance(exc, AttributeError) and "startswith" in str(exc):
        return "a record without WARC-Target-URI"
    text = f"{type(exc).__name__}: {exc}"
    text = re.split(r",?\s*first line:", text, maxsplit=1)[0]  # garbage bytes follow
    text = re.sub(r"[^\x20-\x7e]+", "?", text)
    return text if len(text) <= 160 else text[:157] + "..."


def read_warc(path: Path, counts: WarcCounts | None = None) -> Iterator[Article | Rejection]:
    """Articles from the HTML responses of one WARC file (see the module doc).

    ``counts`` (optional) is filled as the file is read. Never raises for a
    broken record; an unreadable file becomes one Rejection.
    """
    counts = counts if counts is not None else WarcCounts()
    try:
        import warcio  # noqa: F401
    except ImportError as exc:
        yield Rejection(str(path), "unsupported", f"WARC input needs the 'html' extra (pip install 'jalin[html]'): {exc}")
        return
    from .limits import not_regular

    odd = not_regular(path, str(path))
    if odd is not None:  # a FIFO or a device would block or never end
        yield odd
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    with fh:
        head = fh.read(4)
        fh.seek(0, 2)
        size = fh.tell()
        if size == 0:
            yield Rejection(str(path), "empty", "empty file")
            return
        reader = _Reader(path, counts, head.startswith(b"\x1f\x8b"), size)
        yield from reader.run(fh)
    log.info("%s: %s", path, counts.summary())
