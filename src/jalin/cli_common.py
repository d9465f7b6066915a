"""Helpers shared by the command modules (:mod:`jalin.cli`, :mod:`jalin.cli_actors`).

Kept apart so that the command modules do not import each other.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import typer

from .errors import JalinError, UsageError
from .models import PartialDate


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """JalinError -> one line on stderr and exit status 2 (usage) or 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except JalinError as exc:
            msg = " ".join(str(exc).split()) or type(exc).__name__
            print(f"jalin: error: {msg}", file=sys.stderr)
            raise typer.Exit(2 if isinstance(exc, UsageError) else 1) from None

    return wrapper


def parse_date_option(value: str | None, option: str) -> PartialDate | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from the command line, else a UsageError."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise UsageError(f"{option}: not a date: {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)") from None


def check_where(value: str | None, option: str = "--where") -> str | None:
    """An ISO 3166-1 alpha-3 code for ``option``, upper-cased; a UsageError otherwise."""
    if value is None:
        return None
    v = value.strip().upper()
    if len(v) != 3 or not v.isalpha():
        raise UsageError(f"{option}: want a three-letter country code such as KGZ, got {value!r}")
    return v
