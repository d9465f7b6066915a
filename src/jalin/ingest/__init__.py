"""Ingest: raw files, folders, JSONL, manifests, HTML pages and WARC archives
-> ``Article | Rejection``."""

from .html import extract_page, html_to_article, read_html_article
from .readers import (
    guess_title,
    parse_published,
    read_inputs,
    read_jsonl,
    read_manifest,
)
from .warc import WarcCounts, read_warc

__all__ = [
    "WarcCounts",
    "extract_page",
    "guess_title",
    "html_to_article",
    "parse_published",
    "read_html_article",
    "read_inputs",
    "read_jsonl",
    "read_manifest",
    "read_warc",
]
