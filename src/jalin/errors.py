"""One exception tree for jalin.

    JalinError                      base: every error jalin raises on purpose
    ├── InputError                  a user-supplied input is unusable
    │   ├── RejectedInput           one article rejected (carries a Rejection)
    │   └── ManifestError           a manifest line or path is wrong
    ├── DataFileError               a shipped data file fails validation (file:line)
    ├── StoreError                  the DuckDB store cannot be opened or read
    │   └── StoreWriteError         ... or written (disk full, I/O error, read-only file system)
    ├── OutputError                 an output file or stream cannot be written
    ├── ArticleTimeout              one article overran its time budget (the watchdog)
    └── UsageError                  bad command-line/API parameters
        └── UnknownLanguageError    a language code no pack knows

The CLI turns any JalinError into one line on stderr and the error's
``exit_status``; anything else is a bug: its traceback is printed and the
exit status is :data:`EXIT_CRASH`.

Exit statuses of the command line (README "Exit status"):

    0  done (``jalin ingest``: every input stored)
    1  an error jalin expects (``jalin ingest``: nothing could be stored)
    2  usage error
    3  ``jalin ingest``: some inputs rejected, the others stored
    4  the store or an output cannot be written (disk full, I/O error, read-only)
    5  jalin crashed (a bug: the traceback is printed)
"""

from __future__ import annotations

from .models import Rejection


EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_WRITE = 4
EXIT_CRASH = 5


class JalinError(Exception):
    """Base class of every error jalin raises deliberately."""

    exit_status = EXIT_ERROR


class InputError(JalinError):
    """A user-supplied input cannot be used."""


class RejectedInput(InputError):
    def __init__(self, rejection: Rejection):
        super().__init__(f"{rejection.origin}: {rejection.reason}: {rejection.detail}")
        self.rejection = rejection


class ManifestError(InputError):
    """A manifest is malformed or points to missing files."""


class DataFileError(JalinError):
    """A package data file is invalid; the message names file:line."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line = path, line


class StoreError(JalinError):
    """The store cannot be opened or read."""


class StoreWriteError(StoreError):
    """The store cannot be written (disk full, I/O error, read-only file system).

    What was committed before stays; a later run with the same inputs converges.
    """

    exit_status = EXIT_WRITE


class OutputError(JalinError):
    """An output file or stream cannot be written (full, read-only, a folder)."""

    exit_status = EXIT_WRITE


class ArticleTimeout(JalinError):
    """One article took longer than its time budget (raised by the watchdog)."""


class UsageError(JalinError):
    """Invalid parameters from a user (CLI or API)."""

    exit_status = EXIT_USAGE


class UnknownLanguageError(UsageError):
    """A language code that no language pack (:mod:`jalin.lang`) knows."""
