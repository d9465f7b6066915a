"""When two coded events can be the same act: codes, actor order, dates, persons.

The rules both the within-article merge (:mod:`jalin.stories.merge`) and the
story linker (:mod:`jalin.stories.link`) ask, kept in one place:

* **codes** (:meth:`Acts.compatible`): equal, one the prefix of the other
  (``031``/``0311``), one its root's generic code (``040`` with any ``04x``),
  or both in one group of ``data/stories/acts.tsv`` (``042``/``043``/``044``:
  one encounter);
* **actor order** (:meth:`Acts.same_pair`): inside an article only symmetric
  codes ("A and B met") ignore the order; across articles a group marked
  ``unordered`` does (the visitor's ``042`` and the host's ``043``);
* **dates** (:func:`dates_compatible`): compatible at their precision (a day
  inside a month, a month inside a year; a day and a year are too far apart
  to tell), a day either side when one of the dates was inferred rather than
  read from its own sentence, the days of a visit (``days`` in acts.tsv);
* **persons** (:func:`persons_agree`): two named people on the same side
  must be the same person (Lavrov's visit is not Putin's), unless the other
  side names the same person in both (one visitor, received by two officials).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..models import Actor, PartialDate

__all__ = [
    "Act", "Acts", "default_acts", "dates_compatible", "is_generic", "person_of",
    "persons_agree", "persons_compatible", "precision_rank", "DATE_SOURCE_RANK",
    "INFERRED_DATE_SOURCES",
]

ACTS_FILE = "stories/acts.tsv"

#: Date sources that infer a date rather than read it in the event's sentence: the
#: narrative's ("context"), the story date of the article's main news ("story"; stores
#: written before it say "lead").
INFERRED_DATE_SOURCES = frozenset({"lead", "context", "story"})
#: How directly a date was found (lower is more direct); "none" and unknown ones last.
DATE_SOURCE_RANK = {"sentence": 0, "context": 1, "story": 2, "lead": 2}


@dataclass(frozen=True, slots=True)
class Act:
    """What the data file says of one CAMEO code (a code of its own when unlisted)."""

    code: str
    group: str
    symmetric: bool = False  # the act runs both ways: order-free inside an article
    unordered: bool = False  # reports in either order are one story
    days: int = 0  # how many days apart two day-dated reports of it may be (a visit's days)


def is_generic(code: str) -> bool:
    """A root's generic code (``04``, ``040``, ``190``): compatible with the whole root."""
    return len(code) == 2 or (len(code) == 3 and code.endswith("0"))


class Acts:
    """The act table: code compatibility and actor-order rules."""

    def __init__(self, acts: dict[str, Act]):
        self._acts = acts

    @classmethod
    def load(cls) -> Acts:
        acts: dict[str, Act] = {}
        for row in read_tsv(ACTS_FILE, required=("code", "group", "symmetric", "story")):
            code = row["code"]
            if not code.isdigit() or not 2 <= len(code) <= 4:
                raise row.error(f"bad CAMEO code {code!r}")
            flags = {"symmetric": row["symmetric"], "story": row["story"]}
            if flags["symmetric"] not in ("yes", "no"):
                raise row.error(f"symmetric must be yes or no, got {flags['symmetric']!r}")
            if flags["story"] not in ("ordered", "unordered"):
                raise row.error(f"story must be ordered or unordered, got {flags['story']!r}")
            if code in acts:
                raise row.error(f"code {code} listed twice")
            days = row.get("days", "0")
            if not days.isdigit() or int(days) > 7:
                raise row.error(f"days must be 0..7, got {days!r}")
            acts[code] = Act(code, row["group"], flags["symmetric"] == "yes",
                             flags["story"] == "unordered", int(days))
        return cls(acts)

    def act(self, code: str) -> Act:
        return self._acts.get(code) or Act(code, code)

    def compatible(self, a: str, b: str) -> bool:
        """Whether codes ``a`` and ``b`` can describe one act."""
        if a == b:
            return True
        if a[:2] != b[:2]:
            return False
        if a.startswith(b) or b.startswith(a) or is_generic(a) or is_generic(b):
            return True
        return self.act(a).group == self.act(b).group

    def span(self, *codes: str) -> int:
        """How many days apart day-dated reports of these codes may be: the largest
        span of any of them (a meeting during a visit takes the visit's days)."""
        return max((self.act(c).days for c in codes), default=0)

    def order_free(self, a: str, b: str, across: bool) -> bool:
        """Whether two events of codes ``a`` and ``b`` may have their actors in either
        order and still be one act: inside an article (``across`` False) when both
        codes are symmetric, across articles when both groups are unordered."""
        x, y = self.act(a), self.act(b)
        return (x.unordered and y.unordered) if across else (x.symmetric and y.symmetric)

    def same_pair(self, a: tuple[str, str, str], b: tuple[str, str, str], across: bool) -> bool:
        """``a`` and ``b`` are (source key, target key, code): the same actors, in the
        same order unless the codes make the order free."""
        if (a[0], a[1]) == (b[0], b[1]):
            return True
        return (a[0], a[1]) == (b[1], b[0]) and self.order_free(a[2], b[2], across)


@lru_cache(maxsize=1)
def default_acts() -> Acts:
    """The shipped act table (loaded once per process)."""
    return Acts.load()


def precision_rank(d: PartialDate | None) -> int:
    """0 day, 1 month, 2 year, 3 undated: lower is more precise."""
    if d is None:
        return 3
    return 0 if d.day is not None else 1 if d.month is not None else 2


def dates_compatible(a: PartialDate, b: PartialDate, loose: bool = False, span: int = 0) -> bool:
    """Whether two dates can be the date of one act, at their precision.

    Equal dates are; a day lies inside a month, a month inside a year; a day
    and a year are too far apart to tell. Two days are one day apart at most
    when ``loose`` (one of them was inferred: the lead's or the context's date),
    ``span`` days apart at most for an act that lasts days (a visit).
    """
    ra, rb = precision_rank(a), precision_rank(b)
    if abs(ra - rb) > 1:
        return False
    if ra == rb == 0:
        gap = abs((a.first_day() - b.first_day()).days)
        return gap <= max(span, 1 if loose else 0)
    if ra == rb:
        return a == b
    fine, coarse = (a, b) if ra < rb else (b, a)
    if coarse.month is None:
        return fine.year == coarse.year
    return (fine.year, fine.month) == (coarse.year, coarse.month)


def person_of(actor: Actor | None) -> str:
    """The named person or organisation behind an actor ('' when it names none)."""
    if actor is None:
        return ""
    return actor.name or ""


def persons_compatible(a: str, b: str) -> bool:
    """Two sides naming people are the same side only when they name the same one."""
    return not a or not b or a == b


def persons_agree(pairs: list[tuple[str, str]]) -> bool:
    """Whether the persons named on each side (pairs of the two events' persons,
    side by side) allow one act: no side names two different people, unless
    another side names the same person in both (the visitor is the same,
    whichever official received him)."""
    named = [(a, b) for a, b in pairs if a and b]
    return not named or any(a == b for a, b in named)
