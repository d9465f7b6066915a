"""Who published an article: the outlet behind its URL.

A leaf module: the export records, the story summaries and the API all count
outlets the same way.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["outlet"]

_OUTLET_PREFIXES = ("www.", "m.", "amp.")


def outlet(url: str | None) -> str | None:
    """The outlet of an article: its URL's host without ``www.``/``m.``/``amp.``."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for prefix in _OUTLET_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host or None
