"""One exception tree for jalin.

    JalinError                      base: every error jalin raises on purpose
    ├── InputError                  a user-supplied input is unusable
    │   ├── RejectedInput           one article rejected (carries a Rejection)
    │   └── ManifestError           a manifest line or path is wrong
    ├── DataFileError               a shipped data file fails validation (file:line)
    ├── StoreError                  the DuckDB store cannot be opened or written
    └── UsageError                  bad command-line/API parameters
        └── UnknownLanguageError    a language code no pack knows

The CLI turns any JalinError into one line on stderr and a non-zero exit;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from .models import Rejection


class JalinError(Exception):
    """Base class of every error jalin raises deliberately."""


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
    """The store cannot be opened, read or written."""


class UsageError(JalinError):
    """Invalid parameters from a user (CLI or API)."""


class UnknownLanguageError(UsageError):
    """A language code that no language pack (:mod:`jalin.lang`) knows."""
