"""Reading the package's language data files (lexicons, actor tables, ontology).

Data files are UTF-8 TSV with a header row; blank lines and lines starting
with ``#`` are ignored. Every row keeps its line number so validators can
report ``file:line`` errors (raise :class:`jalin.errors.DataFileError`).
Files live under ``src/jalin/data/`` and ship as package data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def get(self, key: str, default: str = "") -> str:
        v = self.values.get(key)
        return default if v is None or v == "" else v

    def error(self, message: str) -> DataFileError:
        return DataFileError(self.path, self.line, message)


def data_path(relative: str):
    """A Traversable for ``jalin/data/<relative>``."""
    return resources.files("jalin").joinpath("data", *relative.split("/"))


def read_text(relative: str) -> str:
    p = data_path(relative)
    if not p.is_file():
        raise DataFileError(f"jalin/data/{relative}", None, "data file missing")
    return p.read_text(encoding="utf-8")


def data_hash(*relatives: str) -> str:
    """Short content hash of data files (provenance of coded events)."""
    h = hashlib.sha1()
    for rel in relatives:
        h.update(read_text(rel).encode("utf-8"))
    return h.hexdigest()[:12]


def read_tsv(relative: str, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Yield rows of a package TSV data file; check the header and column counts."""
    return parse_tsv(f"jalin/data/{relative}", read_text(relative), required)


def read_tsv_file(path: Path, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Yield rows of a TSV file on disk (tests of broken tables, curated overrides)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    return parse_tsv(str(path), text, required)


def parse_tsv(name: str, text: str, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Rows of TSV ``text``; ``name`` is used in file:line errors."""
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(name, lineno, f"header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise DataFileError(name, lineno, f"{len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        row = Row(name, lineno, dict(zip(header, cells)))
        for col in required:
            if not row.values[col]:
                raise row.error(f"empty required column {col!r}")
        yield row
    if header is None:
        raise DataFileError(name, None, "no header row")
