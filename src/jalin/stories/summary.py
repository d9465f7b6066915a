"""A story's row from its reports, and the linking state of a stored story.

:func:`summarise` turns the reports (event rows joined with their article)
of one story into the row of the store's ``stories`` table:

* the **first report** is the earliest published one (then the earliest
  stored, then by doc id): its ``event_id``, ``doc_id``, evidence and URL;
* the story's **code and actors** come from its most specific report (a
  visit 042 over the generic 040), the first report among equals;
* its **date** is the most precise date of any report, a date read in the
  sentence over one inferred from the lead or the context;
* ``num_mentions`` counts every mention in every report, ``num_reports``
  the reports, ``num_articles`` their articles (copies included, as GDELT's
  NumArticles), ``num_sources`` the distinct outlets (an article without a
  URL is a source of its own; a copy of it counts as its original's);
* ``first_seen``/``last_seen``: the earliest and latest publication dates;
* its **location** (``location_*``) is the place its reports name most often,
  the most precise of equals (a city before its country), then the first
  report's.

No database access here: the store reads the reports and writes the rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

from ..models import PartialDate
from .acts import DATE_SOURCE_RANK, is_generic, precision_rank
from .link import Story
from .sources import outlet

__all__ = ["summarise", "story_state", "story_pair"]

_FAR = date.max
_LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "precision", "source", "countries")
_PRECISION_RANK = {"city": 0, "region": 1, "country": 2}


def _key(row: dict[str, Any], side: str) -> str:
    return (row.get(f"{side}_country") or row.get(f"{side}_org")
            or row.get(f"{side}_code") or "")


def _pdate(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(str(text))
    except ValueError:
        return None


def _first_day(text: str | None) -> date:
    d = _pdate(text)
    return d.first_day() if d is not None else _FAR


def _day(text: str | None) -> date | None:
    d = _pdate(text)
    return d.first_day() if d is not None and d.day is not None else None


def story_pair(source: str, target: str) -> tuple[str, str]:
    a, b = sorted((source, target))
    return a, b


def _seen_key(row: dict[str, Any]) -> tuple:
    return (_first_day(row.get("published")), row.get("ingested_at") or datetime.min, row["doc_id"],
            row.get("sentence_idx") or 0, row["event_id"])


def _location(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``location_*`` cells of a story from its reports (``rows`` in report order)."""
    located = [r for r in rows if r.get("location_name")]
    if not located:
        return {f"location_{f}": None for f in _LOCATION_FIELDS}
    counts: dict[tuple, int] = {}
    for r in located:
        key = (r["location_name"], r.get("location_country"))
        counts[key] = counts.get(key, 0) + 1
    best = min(enumerate(located), key=lambda ir: (
        -counts[(ir[1]["location_name"], ir[1].get("location_country"))],
        _PRECISION_RANK.get(ir[1].get("location_precision") or "", 3), ir[0]))[1]
    return {f"location_{f}": best.get(f"location_{f}") for f in _LOCATION_FIELDS}


def summarise(story_id: str, reports: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The ``stories`` row of one story from its reports; None when it has none."""
    rows = sorted(reports, key=_seen_key)
    if not rows:
        return None
    first = rows[0]
    rep = min(rows, key=lambda r: (is_generic(r["cameo"] or ""), -len(r["cameo"] or "")))
    dated = min(rows, key=lambda r: (precision_rank(_pdate(r.get("date"))),
                                     DATE_SOURCE_RANK.get(r.get("date_source") or "", 3),
                                     _first_day(r.get("date"))))
    published = [r["published"] for r in rows if r.get("published")]
    published.sort(key=_first_day)
    sources = {outlet(r.get("url")) or "doc:" + (r.get("copy_of") or r["doc_id"]) for r in rows}
    persons = set()
    for r in rows:
        for side in ("source", "target"):
            if r.get(f"{side}_name"):
                persons.add(f"{_key(r, side)}={r[f'{side}_name']}")
    src, tgt = _key(rep, "source"), _key(rep, "target")
    pair = story_pair(src, tgt)
    place = next((r.get("place") for r in rows if r.get("place")), None)
    out: dict[str, Any] = {
        "story_id": story_id,
        "date": dated.get("date"),
        "date_precision": dated.get("date_precision"),
        "date_first": dated.get("date_first"),
        "date_last": dated.get("date_last"),
        "date_source": dated.get("date_source") if dated.get("date") else "none",
    }
    for side in ("source", "target"):
        for f in ("code", "country", "org", "role", "name"):
            out[f"{side}_{f}"] = rep.get(f"{side}_{f}")
    out.update({
        "cameo": rep["cameo"], "cameo_root": rep["cameo_root"], "plover": rep.get("plover"),
        "goldstein": rep.get("goldstein"), "quad_class": rep.get("quad_class"),
        "negated": bool(rep.get("negated")),
        "num_mentions": sum(int(r.get("num_mentions") or 1) for r in rows),
        "num_reports": len(rows),
        "num_articles": len({r["doc_id"] for r in rows}),
        "num_sources": len(sources),
        "first_seen": published[0] if published else None,
        "last_seen": published[-1] if published else None,
        "event_id": first["event_id"], "doc_id": first["doc_id"],
        "evidence_sentence": first.get("evidence_sentence"),
        "evidence_start": first.get("evidence_start"),
        "evidence_end": first.get("evidence_end"),
        "url": first.get("url"),
        "is_root": any((r.get("first_sentence") if r.get("first_sentence") is not None
                        else r.get("sentence_idx") or 0) <= 1 for r in rows),
        "source_key": src, "target_key": tgt, "pair_a": pair[0], "pair_b": pair[1],
        "codes": "|".join(sorted({r["cameo"] for r in rows if r.get("cameo")})),
        "persons": "|".join(sorted(persons)),
        "place": place,
        "first_published": _day(first.get("published")),
        **_location(rows),
    })
    return out


def story_state(row: dict[str, Any]) -> Story:
    """The linking state (:class:`jalin.stories.link.Story`) of a stored story row."""
    return Story(
        story_id=row["story_id"],
        source=row.get("source_key") or "",
        target=row.get("target_key") or "",
        root=row.get("cameo_root") or "",
        negated=bool(row.get("negated")),
        codes={c for c in (row.get("codes") or "").split("|") if c},
        date=_pdate(row.get("date")),
        date_source=row.get("date_source") or "none",
        published=row.get("first_published"),
        persons={p for p in (row.get("persons") or "").split("|") if p},
        place=row.get("place"),
        reports=int(row.get("num_reports") or 0),
    )
