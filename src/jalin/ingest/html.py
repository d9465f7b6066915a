"""HTML pages -> ``Article | Rejection``: the story text, its title, date, URL.

Saved news pages carry menus, share widgets, "Baca juga" boxes, comment
sections, footers and injected gambling links around a few paragraphs of
news. The main text is found by trafilatura (run offline: it is handed the
markup and never fetches anything; comments are left out), after a light
pre-clean of the parsed tree:

* ``script``/``style``/``noscript``/``template``/``iframe``/``svg``/``form``
  elements go (script never leaks into the text);
* hidden elements go (``hidden``, ``aria-hidden="true"``, an inline
  ``display:none``/``visibility:hidden``: where injected spam links hide);
* blocks whose class or id names them as boilerplate go ("baca-juga",
  "related", "share", "comment", "iklan", "ads", ...).

Neither of the last two removes a block holding half of the page's
paragraphs or text: a theme that puts ``has-comments`` or ``content-share``
on the story's own container, or a page saved with a modal open (its
``<main>`` then ``aria-hidden``), keeps its story.

``Article.text`` is what was extracted: the title as the first line, then one
paragraph per line. The raw HTML is not kept. The clean stage still runs on
that text afterwards (spam lines the page kept inside the story go there).

Metadata, in order of trust:

* **published**: JSON-LD ``datePublished``; ``<meta>`` publication tags
  (``article:published_time``, ``itemprop=datePublished``, ``pubdate``,
  ``dc.date.issued``, ...); a ``<time>`` marked ``pubdate`` or
  ``itemprop=datePublished``, else the first ``<time>`` of the
  ``<article>`` (its text when it has no ``datetime``); then htmldate's
  reading of the markup and URL (no search of the text).
  Any of these sets ``published_source="html_meta"``. Without one, the
  reader falls back to jalin's own dateline search of the extracted text
  (``published_source="dateline"``). The file's mtime is never used.
* **url**: a URL given by the caller, else ``<link rel="canonical">``, else
  ``og:url`` (absolute http(s) only).
* **language**: ``<html lang>`` (or ``og:locale``) is a hint: it is kept
  when jalin's detector agrees with it or cannot tell (Indonesian and Malay
  hints are trusted over the detector, which confuses the two on short
  text); a contradicted hint is dropped so the clean stage detects. Without
  a hint the detector decides there.

Rejection reasons added here (besides those of :mod:`jalin.ingest.readers`):

    no_article_text   the page parses but holds no article text
    unsupported       HTML input needs the 'html' extra (trafilatura), not installed
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..lang import same_family
from ..models import Article, PartialDate, Rejection
from .decode import Decoded, decode_bytes, normalise_text
from .fields import normalise_language, parse_published, read_limited_bytes
from .limits import load_json

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PUBLISHED_FROM_HTML = "html_meta"
# The story itself (without its title) must be at least this long.
MIN_BODY_CHARS = 60

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button",
              "select", "textarea", "object", "embed", "canvas")
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_BOILERPLATE_RE = re.compile(
    r"(?:^|[-_])(?:baca-?juga|bacajuga|read-?also|read-?more|related|terkait|populer|popular|"
    r"trending|terpopuler|share|sharing|social|sosmed|comments?|komentar|disqus|iklan|ads?|"
    r"advert\w*|banner|sponsor\w*|newsletter|breadcrumbs?|sidebar|footer|navbar|menu)(?:$|[-_])",
    re.IGNORECASE,
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_TITLE_SEP_RE = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u00bb:]\s+")
_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

# <meta> names/properties/itemprops that carry the first publication time.
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "published_time", "published-date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "parsely-pub-date", "sailthru.date", "article.published",
    "content_publisheddate", "date", "dc.date", "dcterms.date",
)
_JSONLD_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting",
})
_NUMERIC_DATE_RES = (
    (re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b"), (1, 2, 3)),
    (re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"), (3, 2, 1)),
)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What one HTML page yields: text (title first, a paragraph a line) and metadata."""

    text: str
    title: str | None
    published: PartialDate | None
    url: str | None
    language_hint: str | None


class _NoExtractor(Exception):
    """trafilatura is not installed (an internal signal, turned into a Rejection)."""


# ---------------------------------------------------------------- bytes -> str

def decode_html(data: bytes, declared: str | None = None) -> Decoded:
    """HTML bytes -> text: a BOM, else the charset declared by HTTP, else a
    ``<meta charset>`` in the first 4 KB, else jalin's usual guessing."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    charset = declared
    if not charset:
        m = _META_CHARSET_RE.search(data[:4096])
        charset = m.group(1).decode("ascii") if m else None
    if charset:
        charset = charset.strip().lower()
        if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            charset = "cp1252"  # what browsers do with these labels
        if charset not in ("utf-8", "utf8"):
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" not in text[:4096]:
                    return Decoded(normalise_text(text), charset)
    return decode_bytes(data)


# ---------------------------------------------------------------- tree helpers

# A start tag this long with this many attributes loses them: libxml2 checks
# attributes for duplicates pairwise, so 100,000 of them on one element take
# minutes to parse (a data: URI in a src is long but has few '=').
_LONG_TAG_RE = re.compile(r"<([A-Za-z][\w:.-]{0,40})(\s[^<>]{4096,})>")
MAX_TAG_ATTRIBUTES = 256


def _strip_attribute_floods(html: str) -> str:
    def fix(m: re.Match[str]) -> str:
        return f"<{m.group(1)}>" if m.group(2).count("=") > MAX_TAG_ATTRIBUTES else m.group()

    return _LONG_TAG_RE.sub(fix, html)


def _parse(html: str) -> Any | None:
    """An lxml tree of the page, or None when there is nothing to parse."""
    from lxml import etree
    from lxml import html as lxml_html

    html = _strip_attribute_floods(_XML_DECL_RE.sub("", html, count=1))
    if not html.strip():
        return None
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable HTML: %s", exc)
        return None


def _attr(el: Any, name: str) -> str:
    value = el.get(name)
    return value.strip() if isinstance(value, str) else ""


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or _attr(el, "aria-hidden").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE_RE.search(_attr(el, "style")))


def _is_boilerplate(el: Any) -> bool:
    names = f"{_attr(el, 'class')} {_attr(el, 'id')}".split()
    return any(_BOILERPLATE_RE.search(name) for name in names)


def _preclean(tree: Any) -> None:
    """Drop script-like elements, hidden elements and boilerplate blocks (in place)."""
    for el in list(tree.iter(*_DROP_TAGS)):
        el.drop_tree()
    paragraphs = max(1, sum(1 for _ in tree.iter("p")))
    chars = max(1, len(tree.text_content()))
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _KEEP_TAGS:
            continue
        if _is_hidden(el) or _is_boilerplate(el):
            # never the story itself: a block holding half the page stays (a page
            # saved with a modal open has aria-hidden on its <main>)
            big = (sum(1 for _ in el.iter("p")) * 2 >= paragraphs
                   or len(el.text_content()) * 2 >= chars)
            if not big:
                doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


# ---------------------------------------------------------------- metadata

def parse_html_date(value: Any) -> PartialDate | None:
    """A publication date as pages write it: ISO timestamps, ``2023/05/17``,
    ``17-05-2023`` or an Indonesian/English dateline ("Rabu, 17 Mei 2023")."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    found = parse_published(value[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
    if found is not None:
        return found
    for pattern, (yi, mi, di) in _NUMERIC_DATE_RES:
        m = pattern.match(value)
        if m:
            try:
                return PartialDate(int(m.group(yi)), int(m.group(mi)), int(m.group(di)))
            except ValueError:
                return None
    from ..resolve.dates import find_dateline

    return find_dateline(value)


def _jsonld_objects(tree: Any) -> Iterator[dict]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text_content() or ""
        data = load_json(text, text.encode("utf-8", "replace"), "")
        if isinstance(data, Rejection):  # malformed, nested too deep, huge numbers
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _jsonld_types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _published_from_jsonld(objects: list[dict]) -> PartialDate | None:
    for obj in objects:
        if _jsonld_types(obj) & _JSONLD_ARTICLE_TYPES:
            found = parse_html_date(obj.get("datePublished"))
            if found is not None:
                return found
    return None


def _published_from_meta(tree: Any) -> PartialDate | None:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _attr(meta, "content")
        if not content:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = _attr(meta, key).lower()
            if name and name not in values:
                values[name] = content
    for key in _META_DATE_KEYS:
        found = parse_html_date(values.get(key))
        if found is not None:
            return found
    return None


def _published_from_time(tree: Any) -> PartialDate | None:
    marked = tree.xpath('//time[@pubdate] | //time[@itemprop="datePublished"]'
                        ' | //*[@itemprop="datePublished"][@datetime or @content]')
    in_article = tree.xpath("//article//time")
    for el in [*marked, *in_article]:
        found = parse_html_date(_attr(el, "datetime") or _attr(el, "content") or el.text_content())
        if found is not None:
            return found
    return None


def find_published(tree: Any) -> PartialDate | None:
    """The page's own publication date (JSON-LD, meta tags, ``<time>``), or None."""
    return (_published_from_jsonld(list(_jsonld_objects(tree)))
            or _published_from_meta(tree)
            or _published_from_time(tree))


def _absolute_url(value: str, base: str | None) -> str | None:
    if not value:
        return None
    url = urljoin(base, value) if base else value
    return url if url.startswith(("http://", "https://")) else None


def find_url(tree: Any, base: str | None = None) -> str | None:
    """``<link rel="canonical">``, else ``og:url``; absolute http(s) URLs only."""
    for link in tree.iter("link"):
        if "canonical" in _attr(link, "rel").lower().split():
            url = _absolute_url(_attr(link, "href"), base)
            if url:
                return url
    for meta in tree.iter("meta"):
        if _attr(meta, "property").lower() == "og:url":
            url = _absolute_url(_attr(meta, "content"), base)
            if url:
                return url
    return None


def find_language_hint(tree: Any) -> str | None:
    """The declared language: ``<html lang>``, else ``og:locale`` / content-language."""
    root = tree.getroottree().getroot()
    declared = _attr(root, "lang") or _attr(root, "{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        for meta in tree.iter("meta"):
            key = (_attr(meta, "property") or _attr(meta, "http-equiv")).lower()
            if key in ("og:locale", "content-language"):
                declared = _attr(meta, "content")
                break
    return normalise_language(declared) if declared else None


def settle_language(hint: str | None, text: str) -> str | None:
    """Keep a declared language unless the detector clearly says otherwise."""
    if not hint:
        return None
    from ..clean.language import UNDETERMINED, detect_language

    detected, _ = detect_language(text)
    if detected in (hint, UNDETERMINED) or same_family(hint, detected):  # Indonesian/Malay
        return hint
    return None


# ---------------------------------------------------------------- text

def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = _WS_RE.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def _same(a: str, b: str) -> bool:
    return _WS_RE.sub(" ", a).strip().casefold() == _WS_RE.sub(" ", b).strip().casefold()


def _page_title_parts(tree: Any) -> list[str]:
    """The segments of ``<title>`` split at site-name separators ("Judul | Situs")."""
    el = tree.find(".//title")
    raw = el.text_content() if el is not None else ""
    return [p.strip() for p in _TITLE_SEP_RE.split(_WS_RE.sub(" ", raw)) if p.strip()]


def _better_title(found: str | None, parts: list[str]) -> str | None:
    """trafilatura sometimes takes the site name from "Situs - Judul": the
    longest segment of ``<title>`` is the headline then."""
    if not parts:
        return found
    longest = max(parts, key=len)
    if found is None or (found in parts and found != longest and len(longest.split()) >= 3):
        return longest if len(longest.split()) >= 2 else found
    return found


def _extract(tree: Any, url: str | None) -> tuple[str | None, str | None, PartialDate | None]:
    """(text, title, htmldate's date) from trafilatura; raises _NoExtractor."""
    try:
        from trafilatura import bare_extraction
    except ImportError as exc:
        raise _NoExtractor(str(exc)) from exc
    doc = bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, include_images=False,
        include_links=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "outputformat": "%Y-%m-%d"},
    )
    if doc is None:
        return None, None, None
    get = doc.get if isinstance(doc, dict) else lambda key: getattr(doc, key, None)
    text, title, found = get("text"), get("title"), get("date")
    return (text if isinstance(text, str) else None,
            title.strip() if isinstance(title, str) and title.strip() else None,
            parse_html_date(found) if isinstance(found, str) else None)


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    """The article in one HTML page, or None when it holds no article text.

    ``url`` (where the page came from) resolves a relative canonical link and
    helps trafilatura; nothing is fetched. Raises nothing for bad markup.
    """
    tree = _parse(html)
    if tree is None:
        return None
    published = find_published(tree)
    page_url = find_url(tree, url)
    hint = find_language_hint(tree)
    title_parts = _page_title_parts(tree)
    _preclean(tree)
    text, title, htmldate = _extract(tree, url or page_url)
    title = _better_title(title, title_parts)
    title = _WS_RE.sub(" ", title).strip() if title else None
    lines = _lines(text or "")
    if title and lines and _same(lines[0], title):
        lines = lines[1:]
    if sum(len(line) for line in lines) < MIN_BODY_CHARS:
        return None
    if title:
        lines.insert(0, title)
    joined = normalise_text("\n".join(lines) + "\n")
    return ExtractedPage(
        text=joined,
        title=title,
        published=published or htmldate,
        url=page_url,
        language_hint=settle_language(hint, joined),
    )


# ---------------------------------------------------------------- -> Article

def html_to_article(
    html: str,
    doc_id: str,
    origin: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: PartialDate | None = None,
    language: str | None = None,
) -> Article | Rejection:
    """One HTML document -> Article; values given by the caller win over the page's."""
    try:
        page = extract_page(html, url)
    except (_NoExtractor, ImportError) as exc:  # lxml comes with trafilatura: the same extra
        return Rejection(origin, "unsupported",
                         f"HTML input needs the 'html' extra (pip install 'jalin[html]'): {exc}",
                         doc_id)
    if page is None:
        return Rejection(origin, "no_article_text", "no article text found in the page", doc_id)
    if published is not None:
        when, source = published, "given"
    elif page.published is not None:
        when, source = page.published, PUBLISHED_FROM_HTML
    else:
        when, source = None, "none"
    return Article(
        doc_id=doc_id,
        text=page.text,
        title=title or page.title,
        published=when,
        published_source=source,
        url=url or page.url,
        language=language or page.language_hint,
        origin=origin,
    )


def read_html_article(
    path: Path,
    doc_id: str | None = None,
    *,
    published: PartialDate | None = None,
    language: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article | Rejection:
    """One saved HTML file -> Article (doc id: the file name without extension)."""
    origin = str(path)
    doc_id = doc_id or path.stem
    data = read_limited_bytes(path, origin, doc_id)
    if isinstance(data, Rejection):
        return data
    decoded = decode_html(data)
    if not decoded.ok:
        return Rejection(origin, decoded.reason, decoded.detail, doc_id)
    return html_to_article(decoded.text or "", doc_id, origin, url=url, title=title,
                           published=published, language=language)
