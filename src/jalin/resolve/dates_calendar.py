"""Calendar arithmetic against an anchor (publication) date of any precision.

Every function returns a :class:`PartialDate` no more precise than the
evidence allows, or ``None`` when the anchor cannot support an answer.

Conventions (documented choices):

* A month-precision anchor stands for the middle of its month (day 15) when
  a day or week shift is needed; the result then has month precision.
* Week shifts ("pekan lalu", "next week") give month precision: the month of
  anchor + 7*n days.
* A month name or day-and-month without a year is the latest such month or
  day not after the anchor (the anchor month itself counts); with a
  "future" modifier ("Oktober mendatang") the earliest not before it.
  A day-precision anchor gets a grace of ``FUTURE_GRACE_DAYS``: news
  announces events of the coming days ("KTT digelar 12 Januari" published
  on 8 January is this year's), and publication dates are often a day off.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..models import PartialDate


FUTURE_GRACE_DAYS = 7


def _safe(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift(anchor: PartialDate | None, unit: str, n: int) -> PartialDate | None:
    """The anchor moved by ``n`` units (day | week | month | year)."""
    if anchor is None:
        return None
    if unit == "year":
        return _safe(anchor.year + n)
    if anchor.month is None:
        return None
    if unit == "month":
        return _safe(*add_months(anchor.year, anchor.month, n))
    days = n * 7 if unit == "week" else n
    if unit not in ("day", "week"):
        raise ValueError(f"unknown unit {unit!r}")
    base = date(anchor.year, anchor.month, anchor.day or 15)
    try:
        moved = base + timedelta(days=days)
    except OverflowError:
        return None
    if unit == "day" and anchor.day is not None:
        return PartialDate.from_date(moved)
    return PartialDate(moved.year, moved.month)


def month_name(month: int, anchor: PartialDate | None, future: bool = False) -> PartialDate | None:
    """A month named without a year: the latest not after the anchor month."""
    if anchor is None:
        return None
    if anchor.month is None:
        return PartialDate(anchor.year, month)
    if future:
        return _safe(anchor.year if month >= anchor.month else anchor.year + 1, month)
    return _safe(anchor.year if month <= anchor.month else anchor.year - 1, month)


def day_month(day: int, month: int, anchor: PartialDate | None) -> PartialDate | None:
    """A day and month without a year: the latest such day not after the anchor."""
    if anchor is None:
        return None
    if anchor.month is None:
        year = anchor.year
    elif anchor.day is None:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        limit = anchor.first_day() + timedelta(days=FUTURE_GRACE_DAYS)
        year = limit.year if (month, day) <= (limit.month, limit.day) else limit.year - 1
    found = _safe(year, month, day)
    if found is None and month == 2 and day == 29:  # 29 Feb: the latest leap year
        y = year
        while found is None and y > year - 8:
            y -= 1
            found = _safe(y, 2, 29)
    return found


def day_month_weekday(day: int, month: int, wd: int, anchor: PartialDate | None) -> PartialDate | None:
    """A day and month said with a weekday ("Selasa (11/1)"): the year, within one of
    the anchor's, whose calendar puts that weekday there (closest to the anchor);
    otherwise the plain :func:`day_month` rule."""
    if anchor is None:
        return None
    ref = anchor.first_day() if anchor.day else date(anchor.year, anchor.month or 7, 15 if anchor.month else 1)
    best: PartialDate | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe(y, month, day)
        if d is None or d.first_day().weekday() != wd:
            continue
        if best is None or abs((d.first_day() - ref).days) < abs((best.first_day() - ref).days):
            best = d
    return best or day_month(day, month, anchor)


def full_date(year: int, month: int, day: int | None = None) -> PartialDate | None:
    return _safe(year, month, day)


def weekday(wd: int, anchor: PartialDate | None, mode: str = "on_or_before", weeks: int = 0) -> PartialDate | None:
    """A weekday (0=Monday) relative to a day-precision anchor.

    mode: ``on_or_before`` (bare "Selasa", "on Tuesday"), ``before`` ("Selasa
    lalu", "last Tuesday"), ``after`` ("Selasa depan", "next Tuesday") or
    ``week`` (the weekday of the calendar week ``weeks`` away from the
    anchor's: "Selasa pekan lalu" = weeks -1).
    """
    if anchor is None or anchor.day is None:
        return None
    a = anchor.first_day()
    if mode == "on_or_before":
        d = a - timedelta(days=(a.weekday() - wd) % 7)
    elif mode == "before":
        d = a - timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif mode == "after":
        d = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif mode == "week":
        d = a - timedelta(days=a.weekday()) + timedelta(days=7 * weeks + wd)
    else:
        raise ValueError(f"unknown weekday mode {mode!r}")
    return PartialDate.from_date(d)


def two_digit_year(yy: int, anchor: PartialDate | None) -> int:
    """Expand a two-digit year: the century that puts it closest to the anchor (or 2000s)."""
    ref = anchor.year if anchor else 2000
    best = min((c + yy for c in (1900, 2000, 2100)), key=lambda y: abs(y - ref))
    return best


# ---------------------------------------------------------------- plausible dates

#: a publication or reference date before this year, or more than FUTURE_DAYS after today,
#: cannot be right (and would overflow date arithmetic at the edges of the calendar)
MIN_YEAR = 1800
FUTURE_DAYS = 366


def latest_date(today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=FUTURE_DAYS)


def date_problem(when: PartialDate | None, today: date | None = None) -> str | None:
    """Why a publication date cannot be right (None when it can)."""
    if when is None:
        return None
    if when.year < MIN_YEAR:
        return f"{when.iso()} is before {MIN_YEAR}"
    if when.first_day() > latest_date(today):
        return f"{when.iso()} is more than a year after today"
    return None
