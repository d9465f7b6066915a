"""``--format plover``: events as PLOVER JSON records, one per line.

Field names follow the PLOVER manual's "Data Fields" chapter where it has one
(``id``, ``date``, ``actor``, ``recipient``, ``mode``, ``context``,
``quad_code``, ``event_text``, ``text``, ``text_info``, ``cite_info``,
``coder``, ``comment``), with ``event_type`` for the event category as
POLECAT names it (a string, not a list). The CAMEO -> PLOVER type, mode and
context come from ``data/ontology/plover.tsv`` (facts of the PLOVER manual and
its CAMEO2PLOVER-2021 table, CC BY-SA 4.0); where PLOVER defines no type
(CAMEO 01 statements) ``event_type`` is null and ``comment`` says so.
Extra fields jalin adds (the manual allows named additions): ``date_precision``,
``cameo``, ``goldstein``, ``modality``, ``doc_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafiles import read_tsv
from ..errors import DataFileError

PLOVER_FILE = "ontology/plover.tsv"

#: PLOVER 2021 event types (the manual's chapter "Event Categories").
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
BASES = ("table", "adjusted", "category", "jalin", "none")

PLOVER_KEYS = (
    "id", "date", "date_precision", "event_type", "mode", "context", "actor", "recipient",
    "quad_code", "event_text", "text", "text_info", "cite_info", "coder", "comment",
    "cameo", "goldstein", "modality", "doc_id",
)


@dataclass(frozen=True, slots=True)
class PloverMapping:
    code: str
    event_type: str | None  # None: PLOVER defines no type for this code
    mode: tuple[str, ...]
    context: tuple[str, ...]
    actor_is_target: bool  # PLOVER's actor is CAMEO's target (043 host a visit)
    basis: str


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@lru_cache(maxsize=1)
def plover_table() -> dict[str, PloverMapping]:
    """CAMEO code -> its PLOVER mapping, validated (``file:line`` errors)."""
    table: dict[str, PloverMapping] = {}
    for row in read_tsv(PLOVER_FILE, required=("code", "event_type", "actor", "basis")):
        code, typ = row["code"], row["event_type"]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise row.error(f"bad CAMEO code {code!r}")
        if code in table:
            raise row.error(f"duplicate code {code}")
        if typ != "-" and typ not in PLOVER_TYPES:
            raise row.error(f"unknown PLOVER type {typ!r}")
        if row["actor"] not in ("source", "target"):
            raise row.error(f"actor must be source or target, not {row['actor']!r}")
        if row["basis"] not in BASES:
            raise row.error(f"basis must be one of {', '.join(BASES)}")
        if (typ == "-") != (row["basis"] == "none"):
            raise row.error("event_type '-' goes with basis 'none' and only with it")
        table[code] = PloverMapping(code, None if typ == "-" else typ, _split(row.get("mode")),
                                    _split(row.get("context")), row["actor"] == "target",
                                    row["basis"])
    if not table:
        raise DataFileError(f"jalin/data/{PLOVER_FILE}", None, "no rows")
    return table


def mapping_for(cameo: str) -> PloverMapping | None:
    """The mapping of ``cameo``, falling back to its parent codes."""
    table = plover_table()
    for n in range(len(cameo), 1, -1):
        found = table.get(cameo[:n])
        if found is not None:
            return found
    return None


def _entity(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": actor.get("country") or actor.get("org") or actor.get("code"),
        "sector": actor.get("role"),
        "cameo_code": actor.get("code"),
        "identifier_text": actor.get("name"),
    }


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """An export record (:func:`jalin.export.export_record`) as a PLOVER record."""
    m = mapping_for(rec["cameo"] or "")
    source = _entity(rec["source"]) if rec["source"].get("code") else None
    target = _entity(rec["target"]) if rec["target"].get("code") else None
    if m is not None and m.actor_is_target and target is not None:
        source, target = target, source
    comment = None
    if m is None or m.event_type is None:
        comment = f"CAMEO {rec['cameo']} has no PLOVER event type (PLOVER drops CAMEO 01 statements)"
    elif m.basis == "jalin":
        comment = f"CAMEO {rec['cameo']}: PLOVER drops CAMEO 02 appeals; jalin files them under REQUEST"
    ev = rec["evidence"]
    out = {
        "id": rec["event_id"],
        "date": rec["date"],
        "date_precision": rec["date_precision"],
        "event_type": m.event_type if m else None,
        "mode": list(m.mode) if m else [],
        "context": list(m.context) if m else [],
        "actor": [source] if source else [],
        "recipient": [target] if target else [],
        "quad_code": rec["quad_class"],
        "event_text": [rec["trigger"]] if rec["trigger"] else [],
        "text": ev["sentence"],
        "text_info": {"start": ev["start"], "end": ev["end"]},
        "cite_info": {
            "citation": rec["doc_id"], "url": rec["url"], "title": rec["title"],
            "publication": rec["outlet"], "published": rec["published"],
            "language": rec["language"], "codebook": "plover-2021",
        },
        "coder": rec["coder"],
        "comment": comment,
        "cameo": rec["cameo"],
        "goldstein": rec["goldstein"],
        "modality": rec["modality"],
        "doc_id": rec["doc_id"],
    }
    return {k: out[k] for k in PLOVER_KEYS}
