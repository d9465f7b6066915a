"""Ingest: raw files, folders, JSONL, manifests, HTML pages and WARC archives
-> ``Article | Rejection``.

The package is also the Python API's ``jalin.ingest(paths, db, workers=...)``:
once imported, this module is the attribute ``jalin.ingest``, so calling it
calls :func:`jalin.ingest.into_store.ingest_into`.
"""

import sys
import types

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


class _CallableModule(types.ModuleType):
    """``jalin.ingest(...)`` works whether or not this package was imported first."""

    def __call__(self, *args, **kwargs):
        from .into_store import ingest_into

        return ingest_into(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
