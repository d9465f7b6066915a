"""The article's own time: its reference date and the day its main news happened.

News is written against a day. Two dates of the article frame every event:

* the **reference date**: what relative expressions ("kemarin", "Selasa
  (11/2)", "tahun lalu") resolve against. It is the publication date; an
  article without one is anchored by its own dateline or lead date
  ("MOSKOW, Kamis (5/12/2024) -", "... pada Selasa (11/2/2025)"), a date
  that names its year and day. :func:`reference_date` says which, and from where.
* the **story date**: the day the article reports for its main news, the
  news-lead convention of ICEWS-style datasets. It is the day-precise date
  the lead gives when that lies shortly before the reference date ("Finlandia
  bergabung dengan NATO hari Selasa (4/4)" in an article of Wednesday), else
  the reference date itself when it is a day. An event of the main news with
  no time expression of its own takes it (``date_source="story"``);
  background acts ("sebelumnya", "pernah", "sejak") never do.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterable

from ..models import DateMention, PartialDate, Sentence
from ..resolve.dates_calendar import date_problem

#: how many sentences after the headline form the lead
LEAD_SENTENCES = 2
#: a lead date this many days before the reference date (or less) is the story's day
STORY_WINDOW_DAYS = 10


def lead_sentences(sentences: Iterable[Sentence], title: str | None) -> list[Sentence]:
    """The first sentences of the body (the headline, when it is the first line, is not the lead)."""
    out: list[Sentence] = []
    for s in sentences:
        if title and s.text.strip() == title.strip():
            continue
        out.append(s)
        if len(out) == LEAD_SENTENCES:
            break
    return out


def reference_date(published: PartialDate | None, published_source: str,
                   lead_dates: list[DateMention]) -> tuple[PartialDate | None, str]:
    """(date, source): the publication date, else the first dated day of the lead.

    ``lead_dates`` are the lead's time expressions resolved without an
    anchor, so only those that name their year give a date. Source is the
    article's ``published_source`` ("given", "dateline", "html_meta", ...),
    "lead" or "none".
    """
    if published is not None:
        return published, published_source
    for d in lead_dates:  # a plausible day: not "(1/1/0001)", not years ahead
        if d.date is not None and d.date.day is not None and date_problem(d.date) is None:
            return d.date, "lead"
    return None, "none"


def story_date(reference: PartialDate | None, lead_dates: list[DateMention]) -> PartialDate | None:
    """The day the main news happened: a lead date just before the reference date, else the
    reference date when it is day-precise. A lead that opens on an older date (a history or
    a retrospective: "Pada 1955, ...") has no story date of today."""
    days = [d.date for d in lead_dates if d.date is not None and d.date.day is not None]
    if reference is None:
        return days[0] if days else None
    if reference.day is None:
        return next((d for d in days if (d.year, d.month) == (reference.year, reference.month)), None)
    ref = reference.first_day()
    for d in days:
        if ref - timedelta(days=STORY_WINDOW_DAYS) <= d.first_day() <= ref:
            return d
    dated = [d.date for d in lead_dates if d.date is not None]
    if dated and all(d.first_day() < ref - timedelta(days=366) for d in dated):
        return None
    return reference


def is_background(date: PartialDate, story: PartialDate | None) -> bool:
    """Is a time expression of a sentence older than the story (so the sentence tells background)?"""
    if story is None:
        return True
    last = _last_day(date)
    return last < story.first_day() - timedelta(days=STORY_WINDOW_DAYS)


def _last_day(d: PartialDate):
    from calendar import monthrange
    from datetime import date

    if d.day is not None:
        return d.first_day()
    if d.month is not None:
        return date(d.year, d.month, monthrange(d.year, d.month)[1])
    return date(d.year, 12, 31)


__all__ = ["LEAD_SENTENCES", "STORY_WINDOW_DAYS", "is_background", "lead_sentences",
           "reference_date", "story_date"]
