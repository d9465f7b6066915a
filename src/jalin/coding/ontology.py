"""The CAMEO event ontology as data: codes, names, Goldstein scores, PLOVER types.

Every event jalin codes carries a CAMEO code (``"042"``) and, derived from it
through this module, the code's cue category (root ``"04"``), its Goldstein
conflict/cooperation score, its PLOVER event type and its QuadClass. The
facts live in two versioned TSV files under ``jalin/data/ontology/``:

``cameo.tsv``
    Every CAMEO 1.1b3 code at all three levels (the 20 two-digit cue
    categories ``01``..``20``, their three-digit codes and four-digit
    subcodes): English name, Goldstein score in [-10, 10], PLOVER type and
    a short Indonesian name (``nama``).

``quad_class.tsv``
    Cue category -> QuadClass in the GDELT convention: 1 verbal cooperation
    (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20).

How CAMEO maps to PLOVER
------------------------
PLOVER (the 2021 manual of openeventdata) keeps only CAMEO's cue categories
and moves the three- and four-digit detail into "mode" and "context" fields.
Its translation table is applied per cue category, with these decisions
(the file header lists them as well):

* 03 -> AGREE, 04 -> CONSULT, 05 -> SUPPORT, 06 -> COOPERATE, 07 -> AID,
  09 -> ACCUSE (investigations), 10 -> REQUEST (demands), 11 -> ACCUSE,
  12 -> REJECT, 13 -> THREATEN, 14 -> PROTEST, 15 -> MOBILIZE,
  16 -> SANCTION, 17 -> COERCE, 18/19/20 -> ASSAULT.
* 08 YIELD is split: its verbal half (080-083) is CONCEDE, its material half
  (084-087, plus 0813 ease curfew and 0814 ease state of emergency) RETREAT.
* Four-digit refinements from PLOVER's CAMEO2PLOVER-2021 table: 1712
  (destroy property) and 175 (violent repression) are ASSAULT; 191
  (blockade) and 192 (occupy territory) are COERCE.
* PLOVER drops CAMEO 01 (statements) and 02 (appeals). jalin keeps 01 as
  the non-PLOVER type ``STATEMENT`` (see :data:`NON_PLOVER_TYPES`) so such
  events can be stored and filtered, and maps 02 appeals to REQUEST, PLOVER's
  type for "all requests, demands, and orders".

The QuadClass follows the cue category, not the PLOVER type, so 191
(COERCE) is still material conflict and 0813 (RETREAT) material cooperation.

Both files are validated on load (2-4 digit codes, known root and parent,
Goldstein range, closed PLOVER list, no duplicates, a QuadClass for every
root); problems raise :class:`jalin.errors.DataFileError` naming ``file:line``.
:func:`default_ontology` loads the shipped tables once per process;
``Ontology.load(cameo_path, quad_path)`` reads other tables (tests, variants).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..datafiles import Row, data_hash, parse_tsv, read_text, read_tsv
from ..errors import DataFileError, UsageError

CAMEO_FILE = "ontology/cameo.tsv"
QUAD_FILE = "ontology/quad_class.tsv"

#: The PLOVER 2021 event types.
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
        "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
        "MOBILIZE", "COERCE", "ASSAULT",
    }
)
#: Types jalin adds for CAMEO categories PLOVER drops.
NON_PLOVER_TYPES: frozenset[str] = frozenset({"STATEMENT"})
#: Every type allowed in the ``plover`` column.
EVENT_TYPES: frozenset[str] = PLOVER_TYPES | NON_PLOVER_TYPES

QUAD_CLASSES: tuple[int, ...] = (1, 2, 3, 4)

_CODE_RE = re.compile(r"^\d{2,4}$")
_VERSION_RE = re.compile(r"^#\s*version\s*:\s*(.+?)\s*$", re.IGNORECASE)
_CAMEO_COLUMNS = ("code", "name", "goldstein", "plover")
_QUAD_COLUMNS = ("root", "quad_class", "label")


class UnknownCodeError(UsageError, KeyError):
    """A CAMEO code that is not in the ontology (also a ``KeyError``)."""

    def __init__(self, code: object, version: str = ""):
        where = f" (ontology {version})" if version else ""
        msg = f"unknown CAMEO code {code!r}{where}"
        super().__init__(msg)
        self.code = code

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what jalin derives from it."""

    code: str
    name: str
    root: str
    goldstein: float
    plover: str
    quad_class: int
    nama: str = ""  # short Indonesian name

    @property
    def level(self) -> int:
        """1 for a cue category (``04``), 2 for ``042``, 3 for ``0421``-style codes."""
        return len(self.code) - 1

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    @property
    def parent(self) -> str | None:
        """The code one level up (``0211`` -> ``021`` -> ``02``), None for a root."""
        return None if self.is_root else self.code[:-1]

    @property
    def is_plover(self) -> bool:
        """False for jalin's own types (``STATEMENT``) that PLOVER does not have."""
        return self.plover in PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class QuadClass:
    quad_class: int
    label: str
    label_id: str = ""


class Ontology:
    """An immutable, validated CAMEO code table.

    Build it with :meth:`load` (or :func:`default_ontology`); the constructor
    only checks that the given records are consistent and does no I/O.
    """

    __slots__ = ("_codes", "_children", "_quads", "version", "digest")

    def __init__(
        self,
        codes: Iterable[CameoCode],
        quads: dict[str, QuadClass],
        version: str,
        digest: str = "",
    ):
        table: dict[str, CameoCode] = {}
        children: dict[str, list[str]] = {}
        for c in codes:
            if c.code in table:
                raise ValueError(f"duplicate CAMEO code {c.code}")
            table[c.code] = c
        for c in table.values():
            if c.parent is not None:
                if c.parent not in table:
                    raise ValueError(f"CAMEO code {c.code} has no parent {c.parent}")
                children.setdefault(c.parent, []).append(c.code)
        self._codes = dict(sorted(table.items(), key=lambda kv: _sort_key(kv[0])))
        self._children = {
            k: tuple(sorted(v, key=_sort_key)) for k, v in children.items()
        }
        self._quads = dict(quads)
        self.version = version
        self.digest = digest

    # -- loading -------------------------------------------------------------

    @classmethod
    def load(
        cls,
        cameo_path: str | Path | None = None,
        quad_path: str | Path | None = None,
    ) -> "Ontology":
        """Read and validate the code table and the QuadClass table.

        ``None`` means the shipped file under ``jalin/data/ontology/``; a path
        reads that file instead (for tests of broken tables, or variants).
        """
        cameo_name, cameo_text, cameo_rows = _open(cameo_path, CAMEO_FILE, _CAMEO_COLUMNS)
        quad_name, quad_text, quad_rows = _open(quad_path, QUAD_FILE, _QUAD_COLUMNS)
        quads = _parse_quads(quad_rows)
        codes = _parse_codes(cameo_rows, quads, cameo_name, quad_name)
        version = (
            f"{_version(cameo_text, cameo_name)} + {_version(quad_text, quad_name)}"
        )
        if cameo_path is None and quad_path is None:
            digest = data_hash(CAMEO_FILE, QUAD_FILE)
        else:
            h = hashlib.sha1(cameo_text.encode("utf-8"))
            h.update(quad_text.encode("utf-8"))
            digest = h.hexdigest()[:12]
        return cls(codes, quads, version, digest)

    # -- lookups ---------------------------------------------------------------

    def get(self, code: str) -> CameoCode:
        """The record of ``code``; :class:`UnknownCodeError` if there is none."""
        rec = self._codes.get(code.strip()) if isinstance(code, str) else None
        if rec is None:
            raise UnknownCodeError(code, self.version)
        return rec

    __getitem__ = get

    def is_valid(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._codes

    def __contains__(self, code: object) -> bool:
        return self.is_valid(code)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self)} codes, {self.version!r}, {self.digest})"

    @property
    def provenance(self) -> str:
        """``version@digest``: what an event should record about its ontology."""
        return f"{self.version}@{self.digest}"

    def roots(self) -> tuple[CameoCode, ...]:
        """The cue categories 01..20, in order."""
        return tuple(c for c in self._codes.values() if c.is_root)

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes one level below ``code`` (``04`` -> 040..046), in order."""
        rec = self.get(code)
        return tuple(self._codes[c] for c in self._children.get(rec.code, ()))

    def descendants(self, code: str) -> tuple[CameoCode, ...]:
        """Every code below ``code`` at any depth, in code order."""
        rec = self.get(code)
        return tuple(
            c for c in self._codes.values()
            if c.code != rec.code and c.code.startswith(rec.code)
        )

    def parent(self, code: str) -> CameoCode | None:
        rec = self.get(code)
        return None if rec.parent is None else self._codes[rec.parent]

    def by_plover(self, plover: str) -> tuple[CameoCode, ...]:
        """Every code mapped to one PLOVER (or jalin) event type."""
        return tuple(c for c in self._codes.values() if c.plover == plover)

    def quad(self, code: str) -> QuadClass:
        """The QuadClass record (number and labels) of a code's cue category."""
        return self._quads[self.get(code).root]


def _sort_key(code: str) -> tuple[str, str, str]:
    return (code[:2], code[2:3], code[3:])


# -- reading and validation ---------------------------------------------------


def _open(
    path: str | Path | None, relative: str, required: tuple[str, ...]
) -> tuple[str, str, list[Row]]:
    if path is None:
        return f"jalin/data/{relative}", read_text(relative), list(read_tsv(relative, required))
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(p), None, f"cannot read: {exc}") from exc
    return str(p), text, list(parse_tsv(str(p), text, required))


def _version(text: str, name: str) -> str:
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            break
        m = _VERSION_RE.match(line.strip())
        if m:
            return m.group(1)
    raise DataFileError(name, None, "no '# version: ...' line in the header comments")


def _parse_quads(rows: list[Row]) -> dict[str, QuadClass]:
    quads: dict[str, QuadClass] = {}
    for row in rows:
        root = row["root"]
        if not re.fullmatch(r"\d{2}", root):
            raise row.error(f"root must be two digits, got {root!r}")
        if root in quads:
            raise row.error(f"duplicate root {root}")
        try:
            qc = int(row["quad_class"])
        except ValueError:
            raise row.error(f"quad_class is not an integer: {row['quad_class']!r}") from None
        if qc not in QUAD_CLASSES:
            raise row.error(f"quad_class must be one of {QUAD_CLASSES}, got {qc}")
        quads[root] = QuadClass(qc, row["label"], row.get("label_id"))
    return quads


def _parse_codes(
    rows: list[Row], quads: dict[str, QuadClass], name: str, quad_name: str
) -> list[CameoCode]:
    seen: dict[str, int] = {}
    records: list[tuple[Row, CameoCode]] = []
    for row in rows:
        code = row["code"]
        if not _CODE_RE.match(code):
            raise row.error(f"CAMEO code must be 2-4 digits, got {code!r}")
        if code in seen:
            raise row.error(f"duplicate code {code} (first on line {seen[code]})")
        seen[code] = row.line
        goldstein = _goldstein(row)
        plover = row["plover"]
        if plover not in EVENT_TYPES:
            raise row.error(
                f"unknown PLOVER type {plover!r} (allowed: {', '.join(sorted(EVENT_TYPES))})"
            )
        root = code[:2]
        if root not in quads:
            raise row.error(f"root {root} has no QuadClass in {quad_name}")
        rec = CameoCode(
            code=code,
            name=row["name"],
            root=root,
            goldstein=goldstein,
            plover=plover,
            quad_class=quads[root].quad_class,
            nama=row.get("nama"),
        )
        records.append((row, rec))
    for row, rec in records:
        if rec.root not in seen:
            raise row.error(f"code {rec.code}: its root {rec.root} is not in the table")
        if rec.parent is not None and rec.parent not in seen:
            raise row.error(f"code {rec.code}: its parent {rec.parent} is not in the table")
    if not records:
        raise DataFileError(name, None, "no codes")
    return [rec for _, rec in records]


def _goldstein(row: Row) -> float:
    raw = row["goldstein"]
    try:
        value = float(raw)
    except ValueError:
        raise row.error(f"goldstein is not a number: {raw!r}") from None
    if not math.isfinite(value) or not -10.0 <= value <= 10.0:
        raise row.error(f"goldstein must be within [-10, 10], got {raw}")
    return value


# -- the shipped ontology -----------------------------------------------------


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The shipped CAMEO table, loaded and validated once per process."""
    return Ontology.load()
