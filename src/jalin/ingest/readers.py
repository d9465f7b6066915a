"""Readers: files, folders, JSONL and manifests -> ``Article | Rejection``.

This is the only place where raw input becomes records. One bad document
never stops the others: it becomes a :class:`~jalin.models.Rejection` with a
short reason token:

    not_found     a path (or a manifest entry's path) does not exist
    unreadable    it exists but cannot be opened (permissions, a folder named *.txt)
    unsupported   a file extension we do not read
    empty         no text (or only whitespace)
    binary        NUL/control bytes: not text
    encoding      bytes that decode to nothing readable
    too_large     file > 20 MB, one article's text > 1,000,000 characters, a JSONL
                  line > 5 MB
    bad_json      a JSONL line that is not a JSON object (detail: parser message),
                  nested too deep, with a number too large, or an id of another type
    bad_id        an id longer than 512 characters
    missing_text  a JSONL line without a string ``text``
    duplicate_id  a doc id already seen in this run (the first one wins)
    bad_date      a publication date (given, from a manifest, a page or a dateline)
                  before 1800 or more than a year after today
    outside       a manifest entry's path outside the manifest's folder (allowed
                  with ``allow_outside``)
    timeout       reading one input took longer than the time limit
    no_article_text  an HTML page (file, JSONL ``html`` field, WARC record) without a story
    broken_record    a WARC record that cannot be read (see :mod:`jalin.ingest.warc`)

The limits and the checks behind them are in :mod:`jalin.ingest.limits`.

HTML pages (``.html``/``.htm``/``.xhtml``, or a JSONL line's ``html`` field)
are read by :mod:`jalin.ingest.html`, WARC files (``.warc``/``.warc.gz``)
by :mod:`jalin.ingest.warc`.

A malformed manifest (missing or unreadable file) is a user error for the
whole run and raises :class:`~jalin.errors.ManifestError`; a bad line in it
becomes a Rejection like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import ManifestError
from ..models import Article, PartialDate, Rejection
from .decode import decode_bytes, normalise_text
from . import fields
from .fields import (  # noqa: F401  (re-exported: part of this module's interface)
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    bounded_read,
    normalise_language,
    parse_published,
    read_limited_bytes,
)
from .limits import (
    check_id,
    check_published,
    load_json,
    not_regular,
    safe_item,
    short_title,
    walk_folder,
)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Files named in a manifest may also be Markdown or have no extension.
MANIFEST_TEXT_SUFFIXES = TEXT_SUFFIXES | {".md", ""}

def guess_title(text: str) -> str | None:
    """The first line, when it reads like a headline.

    A headline is short (< 120 characters), does not end with a period, and
    more text follows it. The text itself is never changed.
    """
    first, sep, rest = text.lstrip("\n").partition("\n")
    first = first.strip()
    if not first or not sep or not rest.strip():
        return None
    if len(first) >= MAX_TITLE_CHARS or first.endswith((".", ",", ";", ":")):
        return None
    if not any(ch.isalpha() for ch in first):
        return None
    from ..clean.lines import judge_line  # a dateline or byline is no headline

    if judge_line(first):
        return None
    return first


def _optional_str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


# ---------------------------------------------------------------- run state

@dataclass
class _Run:
    """Per-call state: the doc ids seen so far."""

    seen: set[str] = field(default_factory=set)

    def finish(self, article: Article) -> Article | Rejection:
        """Check size and duplicates; fill ``published`` from a dateline."""
        if not article.text.strip():
            return Rejection(article.origin, "empty", "no text", article.doc_id)
        if len(article.text) > MAX_TEXT_CHARS:
            return Rejection(
                article.origin, "too_large",
                f"text has {len(article.text)} characters (limit {MAX_TEXT_CHARS})",
                article.doc_id,
            )
        if article.doc_id in self.seen:
            return Rejection(article.origin, "duplicate_id",
                             f"doc id {article.doc_id!r} already read in this run", article.doc_id)
        self.seen.add(article.doc_id)
        if article.published is None:
            dated = bounded_read(lambda: _with_dateline(article), article.origin, article.doc_id)
            if isinstance(dated, Rejection):
                return dated
            article = dated
        return check_published(article)


def _with_dateline(article: Article) -> Article:
    from dataclasses import replace

    from ..resolve.dates import find_dateline

    found = find_dateline(article.text)
    if found is None:
        return replace(article, published_source="none")
    return replace(article, published=found, published_source="dateline")


# ---------------------------------------------------------------- text files

def _read_text_file(path: Path, origin: str) -> str | Rejection:
    """The decoded text of a file, or a Rejection."""
    data = read_limited_bytes(path, origin)
    if isinstance(data, Rejection):
        return data
    decoded = decode_bytes(data)
    if not decoded.ok:
        return Rejection(origin, decoded.reason, decoded.detail)
    return decoded.text  # type: ignore[return-value]


def read_text_article(
    path: Path,
    doc_id: str | None = None,
    *,
    published: PartialDate | None = None,
    language: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article | Rejection:
    """One plain-text file -> Article (no duplicate/dateline handling)."""
    origin = str(path)
    doc_id = doc_id or path.stem
    text = _read_text_file(path, origin)
    if isinstance(text, Rejection):
        return Rejection(text.origin, text.reason, text.detail, doc_id)
    return Article(
        doc_id=doc_id,
        text=text,
        title=title or guess_title(text),
        published=published,
        published_source="given" if published else "none",
        url=url,
        language=language,
        origin=origin,
    )


# ---------------------------------------------------------------- JSONL

def _iter_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for an over-long line,
    which is skipped without being held in memory."""
    lineno = 0
    while True:
        chunk = fh.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while True:  # drain the rest of the long line
                more = fh.readline(1024 * 1024)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, chunk


def _parse_json_line(raw: bytes, origin: str) -> dict | Rejection:
    decoded = decode_bytes(raw)
    if not decoded.ok:
        return Rejection(origin, decoded.reason, decoded.detail)
    obj = load_json(decoded.text or "", raw, origin)
    if isinstance(obj, Rejection):
        return obj
    if not isinstance(obj, dict):
        return Rejection(origin, "bad_json", f"expected a JSON object, got {type(obj).__name__}")
    return obj


def _article_from_json(obj: dict, origin: str, default_id: str) -> Article | Rejection:
    checked = check_id(obj.get("id", obj.get("doc_id")), origin)
    if isinstance(checked, Rejection):
        return checked
    doc_id = checked or default_id
    text = obj.get("text")
    published = parse_published(obj.get("published"))
    if not isinstance(text, str) and isinstance(obj.get("html"), str):
        from .html import html_to_article

        if len(obj["html"]) > MAX_FILE_BYTES:
            return Rejection(origin, "too_large", f"'html' has {len(obj['html'])} characters "
                                                  f"(limit {MAX_FILE_BYTES})", doc_id)
        return bounded_read(lambda: html_to_article(
            normalise_text(obj["html"]), doc_id, origin,
            url=_optional_str(obj.get("url")), title=short_title(_optional_str(obj.get("title"))),
            published=published, language=normalise_language(obj.get("language")),
        ), origin, doc_id)
    if not isinstance(text, str):
        return Rejection(origin, "missing_text", "no string field 'text' (or 'html')", doc_id)
    return Article(
        doc_id=doc_id,
        text=normalise_text(text),
        title=short_title(_optional_str(obj.get("title"))),
        published=published,
        published_source="given" if published else "none",
        url=_optional_str(obj.get("url")),
        language=normalise_language(obj.get("language")),
        origin=origin,
    )


def read_jsonl(path: Path) -> Iterator[Article | Rejection]:
    """One Article per JSONL line (origin ``path:line``); blank lines are skipped."""
    odd = not_regular(path, str(path))
    if odd is not None:
        yield odd
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in _iter_lines(fh, MAX_LINE_BYTES):
            origin = f"{path}:{lineno}"
            if raw is None:
                yield Rejection(origin, "too_large", f"line longer than {MAX_LINE_BYTES} bytes")
                continue
            if not raw.strip():
                continue
            obj = _parse_json_line(raw, origin)
            if isinstance(obj, Rejection):
                yield obj
                continue
            yield _article_from_json(obj, origin, f"{path.stem}-{lineno}")


# ---------------------------------------------------------------- manifest

def read_manifest(manifest: Path, allow_outside: bool = False) -> Iterator[Article | Rejection]:
    """Manifest JSONL (``doc_id, path, language, published`` [, title, url]);
    paths are relative to the manifest's folder, and must lie below it (after
    following links) unless ``allow_outside``."""
    if not manifest.is_file():
        raise ManifestError(f"{manifest}: manifest not found")
    base = manifest.parent.resolve()
    try:
        fh = manifest.open("rb")
    except OSError as exc:
        raise ManifestError(f"{manifest}: cannot open manifest: {exc.strerror or exc}") from exc
    with fh:
        for lineno, raw in _iter_lines(fh, 1024 * 1024):
            origin = f"{manifest}:{lineno}"
            if raw is None:
                yield Rejection(origin, "bad_json", "manifest line too long")
                continue
            if not raw.strip():
                continue
            entry = _parse_json_line(raw, origin)
            if isinstance(entry, Rejection):
                yield entry
                continue
            yield _manifest_entry(entry, base, origin, allow_outside)


def _manifest_entry(entry: dict, base: Path, origin: str, allow_outside: bool
                    ) -> Article | Rejection:
    rel = entry.get("path")
    checked = check_id(entry.get("doc_id", entry.get("id")), origin)
    if isinstance(checked, Rejection):
        return checked
    doc_id = checked
    if not isinstance(rel, str) or not rel.strip() or "\x00" in rel:
        return Rejection(origin, "bad_json", "manifest entry lacks 'path'", doc_id)
    try:
        path = (base / rel.strip()).resolve()
    except (OSError, RuntimeError) as exc:  # a link loop
        return Rejection(origin, "not_found", f"cannot resolve {rel!r}: {exc}", doc_id)
    if not allow_outside and not path.is_relative_to(base):
        return Rejection(origin, "outside", f"{rel!r} is outside the manifest's folder "
                                            "(--allow-outside reads it)", doc_id)
    if not path.exists():
        return Rejection(origin, "not_found", f"no such file: {path}", doc_id)
    odd = not_regular(path, origin, doc_id)
    if odd is not None:
        return odd
    from .html import HTML_SUFFIXES, read_html_article

    suffix = path.suffix.lower()
    if suffix not in MANIFEST_TEXT_SUFFIXES and suffix not in HTML_SUFFIXES:
        return Rejection(origin, "unsupported", f"cannot read {path.suffix!r} files", doc_id)
    reader = read_html_article if suffix in HTML_SUFFIXES else read_text_article
    return bounded_read(lambda: reader(
        path,
        doc_id or path.stem,
        published=parse_published(entry.get("published")),
        language=normalise_language(entry.get("language")),
        title=short_title(_optional_str(entry.get("title"))),
        url=_optional_str(entry.get("url")),
    ), origin, doc_id)


# ---------------------------------------------------------------- entry point

def _is_page_asset(path: Path, folder: Path) -> bool:
    """Inside the ``NAME_files`` folder a browser saves beside ``NAME.html``
    (ads, embeds and trackers saved as .html): not an article."""
    for parent in path.parents:
        if parent == folder:
            return False
        if parent.name.endswith("_files") and any(
            (parent.parent / (parent.name[: -len("_files")] + ext)).is_file()
            for ext in (".html", ".htm")
        ):
            return True
    return False


def _iter_folder(folder: Path) -> Iterator[Path | Rejection]:
    """The files to read below ``folder``, and a Rejection for each folder that
    cannot be listed and each wanted name that is no regular file."""
    from .html import HTML_SUFFIXES
    from .warc import is_warc

    wanted = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
    for p in walk_folder(folder):
        if isinstance(p, Rejection):
            yield p
            continue
        if p.name.startswith(".") or p.is_dir():
            continue
        suffix = p.suffix.lower()
        if not (suffix in wanted or is_warc(p)):
            continue
        if suffix in HTML_SUFFIXES and _is_page_asset(p, folder):
            continue
        odd = not_regular(p, str(p), p.stem)
        yield p if odd is None else odd


def _read_path(path: Path) -> Iterator[Article | Rejection]:
    from .html import HTML_SUFFIXES, read_html_article
    from .warc import is_warc, read_warc

    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_article(path)
    elif suffix in HTML_SUFFIXES:
        yield bounded_read(lambda: read_html_article(path), str(path), path.stem)
    elif is_warc(path):
        yield from read_warc(path)
    else:
        yield Rejection(str(path), "unsupported", f"cannot read {suffix or 'extension-less'!r} files",
                        path.stem)


def read_inputs(paths: list[Path], manifest: Path | None = None, *,
                allow_outside: bool = False, timeout: float | None = None
                ) -> Iterator[Article | Rejection]:
    """Every article in ``paths`` (files or folders) and then in ``manifest``.

    Folders are walked recursively (``*.txt``, ``*.jsonl``, ``*.html``,
    ``*.htm``, ``*.warc``, ``*.warc.gz``; sorted). Doc ids
    must be unique in one call: a repeated id is rejected as ``duplicate_id``.
    ``allow_outside``: manifest entries may name files outside its folder.
    ``timeout``: seconds reading one input may take (None: no limit).
    """
    previous = fields.set_read_timeout(timeout)
    try:
        for item in _read_all(paths, manifest, allow_outside):
            yield safe_item(item)
    finally:
        fields.set_read_timeout(previous)


def _read_all(paths: list[Path], manifest: Path | None, allow_outside: bool
              ) -> Iterator[Article | Rejection]:
    run = _Run()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            yield Rejection(str(path), "not_found", "no such file or folder")
            continue
        files = _iter_folder(path) if path.is_dir() else iter([path])
        for file in files:
            if isinstance(file, Rejection):
                yield file
                continue
            for item in _read_path(file):
                yield item if isinstance(item, Rejection) else run.finish(item)
    if manifest is not None:
        for item in read_manifest(Path(manifest), allow_outside):
            yield item if isinstance(item, Rejection) else run.finish(item)
