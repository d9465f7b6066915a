"""Clean: boilerplate/spam lines out (with reasons), language settled."""

from .article import clean_article
from .language import detect_language
from .prefix import dateline_prefix_end, strip_dateline_prefix

__all__ = [
    "clean_article",
    "dateline_prefix_end",
    "detect_language",
    "strip_dateline_prefix",
]
