"""A copy's events follow its original's: syndicated copies and re-posts add no story.

An article whose text is a near-duplicate of an earlier one
(:mod:`jalin.stories.neardup`) was not reported independently: each of its
events joins the story of the original's event that states the same act,
its date a few days off at most (a re-post published a day later resolves
"kemarin" to another day, yet reports the same thing). Only an event the
original does not have (an edit that adds a new act) is linked like any other.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..models import PartialDate
from .acts import Acts, dates_compatible, default_acts, persons_agree
from .link import Report

__all__ = ["match_original", "report_from_row", "COPY_DAYS"]

#: How many days a copy's date of an act may differ from its original's (a re-post a
#: day or two later resolves "kemarin" or "Senin" against its own publication day).
COPY_DAYS = 3


def _pdate(text: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(text) if text else None
    except ValueError:
        return None


def report_from_row(row: dict[str, Any]) -> Report:
    """A stored event row (``events`` columns) as a :class:`Report`."""
    def key(side: str) -> str:
        return row.get(f"{side}_country") or row.get(f"{side}_org") or row.get(f"{side}_code") or ""

    return Report(
        event_id=row["event_id"], doc_id=row["doc_id"], source=key("source"),
        target=key("target"), cameo=row["cameo"], date=_pdate(row.get("date")),
        date_source=row.get("date_source") or "none", negated=bool(row.get("negated")),
        source_person=row.get("source_name") or "", target_person=row.get("target_name") or "",
    )


def match_original(r: Report, originals: Iterable[tuple[Report, str]],
                   acts: Acts | None = None) -> str | None:
    """The story of the original's event stating the act of ``r``; None if there is none.

    ``originals`` are (report, story id) pairs of the original article. The same
    code wins over a compatible one, the same direction over the reverse, the
    same date over another; the first of equals.
    """
    acts = acts or default_acts()
    best: tuple | None = None
    found: str | None = None
    for o, story_id in originals:
        if o.negated != r.negated or not acts.compatible(r.cameo, o.cameo):
            continue
        if r.date is not None and o.date is not None and not dates_compatible(
                r.date, o.date, loose=True, span=COPY_DAYS):
            continue  # the copy tells of another time: not this act
        direct = (o.source, o.target) == (r.source, r.target)
        if not direct and not ((o.source, o.target) == (r.target, r.source)
                               and acts.order_free(r.cameo, o.cameo, across=True)):
            continue
        persons = ((r.source_person, o.source_person), (r.target_person, o.target_person))
        if not direct:
            persons = ((r.source_person, o.target_person), (r.target_person, o.source_person))
        if not persons_agree(list(persons)):
            continue
        score = (o.cameo == r.cameo, direct, o.date == r.date)
        if best is None or score > best:
            best, found = score, story_id
    return found
