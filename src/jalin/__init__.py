"""jalin: news articles in, coded, dated, sourced political events out.

The flow is one way: ingest -> clean -> segment (nlp) -> mentions/code
(coding) -> resolve (actors, dates) -> store -> query/serve.

The Python API (``jalin.session``), imported on first use so that
``import jalin`` stays fast::

    jalin.code(text, language="id", published="2024-05-15")  # -> export records
    jalin.open("jalin.duckdb").events(actor="KAZ")            # -> pandas DataFrame
    jalin.ingest(["articles/"], db="jalin.duckdb")            # -> run summary
"""

from typing import Any as _Any

from .version import CODER_VERSION, __version__

_API = ("code", "open", "ingest", "Session")
__all__ = ["CODER_VERSION", "__version__", *_API]


def __getattr__(name: str) -> _Any:
    if name in _API:
        from . import session

        return getattr(session, name)
    raise AttributeError(f"module 'jalin' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
