"""Storage of coded articles in DuckDB (the only package importing duckdb)."""

from .db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
