"""Helpers shared by the command modules (:mod:`jalin.cli`, :mod:`jalin.cli_actors`).

Kept apart so that the command modules do not import each other.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sys
import traceback
from typing import Any, Callable

import typer
from rich.console import Console

from .errors import EXIT_CRASH, JalinError, OutputError, UsageError
from .models import PartialDate


def _print(console: Console, what: Any) -> None:
    """Print to stdout; a full or failing stdout is one OutputError."""
    try:
        console.print(what)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_error(exc, "standard output") from None


# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that reorder what a terminal shows.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def term_safe(text: Any) -> str:
    """Text for a terminal: control characters and escape sequences as visible escapes."""
    text = "" if text is None else str(text)
    return _UNSAFE_RE.sub(_escape_char, text)


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that the flush at
    exit does not fail again with a message of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def output_error(exc: OSError, target: str) -> OutputError:
    what = exc.strerror or str(exc)
    if isinstance(exc, IsADirectoryError):
        what = "it is a folder"
    return OutputError(f"cannot write {target}: {what}")


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """JalinError -> one line on stderr and its exit status; a closed pipe -> quiet
    exit; anything else (a bug) -> the traceback, one line, exit status 5."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except JalinError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()
            msg = " ".join(term_safe(exc).split()) or type(exc).__name__
            print(f"jalin: error: {msg}", file=sys.stderr)
            raise typer.Exit(exc.exit_status) from None
        except BrokenPipeError:  # `jalin events | head`: the reader has gone
            _silence_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EROFS):
                _silence_stdout()
                print(f"jalin: error: {output_error(exc, 'the output')}", file=sys.stderr)
                raise typer.Exit(OutputError.exit_status) from None
            return _crash(exc)
        except Exception as exc:  # a bug: show where, and say so
            return _crash(exc)

    return wrapper


def _crash(exc: BaseException) -> None:
    traceback.print_exc(file=sys.stderr)
    print(f"jalin: internal error (a bug in jalin, please report it): "
          f"{type(exc).__name__}: {term_safe(exc)}", file=sys.stderr)
    raise typer.Exit(EXIT_CRASH) from None


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
