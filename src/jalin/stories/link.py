"""Across articles: reports of one real-world act share a story.

A *story* is what GDELT calls an event: one act, however many articles,
outlets and languages report it. Each jalin event (one act in one article,
after :mod:`jalin.stories.merge`) is a *report* of exactly one story.

:class:`Linker` assigns stories one report at a time, incrementally: it
holds the candidate stories (those of the store that could match, loaded by
the store, plus those made so far) indexed by the unordered actor pair,
CAMEO root and negation, and a report joins the best candidate it is
compatible with, else founds a story of its own. A report is compatible
with a story when

* the actors are the same (order-free when the act's group is ``unordered``
  in ``data/stories/acts.tsv``: the visitor's 042 and the host's 043);
* its code is compatible with every code the story was reported with;
* the named persons agree (Lavrov is not Putin; one visitor received by
  two officials is one visit);
* the dates are compatible at their precision (a day inside a month; a
  day either side when either date was inferred from the lead or context,
  or is its article's publication day, which datelines and leads put in
  for the event's; the days of a visit: ``days`` in ``data/stories/acts.tsv``);
  an undated report joins an undated story only when the two articles were
  published within a day of each other, and a dated story only when it is
  the one story of the act dated on or the day before its publication day;
* the places agree, when both are known (``Event.location``, if the
  pipeline sets one: its country).

A report of an unknown source (an agentless passive: ``UNKNOWN_ACTOR``, its
actor key empty) joins only a story of an unknown source with the same
target and the very same code, both dated to the same day read in their
sentences, and the same place: that both sources are unknown is no sign of
one act, so the date and the place must stand in for the missing actor.
The two directions of one trigger (the coder codes "A and B clashed" both
ways, ``jalin.stories.merge.is_twin``) are two reports of one story, even for
an act whose order matters across articles: :func:`twins` pairs them.

Among compatible stories the one with the same date, then the same code, the
same place, the most reports wins; the first found of equals. A copy of an
article (:mod:`jalin.stories.neardup`) does not go through this search: its
events join the stories of the original's matching events
(:meth:`Linker.join`).

Ids are deterministic: a story's id is a hash of its first report's event id
(``s`` + 15 hex digits), so the same input in the same order gives the same
ids, and a story keeps its id as reports join it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from ..models import Event, PartialDate
from .merge import is_twin
from .acts import (
    DATE_SOURCE_RANK, INFERRED_DATE_SOURCES, Acts, dates_compatible, default_acts, person_of,
    precision_rank,
)

__all__ = ["Report", "Story", "Linker", "story_id_for", "index_key", "link_events", "report_of",
           "place_of", "twins"]

#: An undated report and a story are one act only within this many days.
UNDATED_WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class Report:
    """One event as story linking sees it."""

    event_id: str
    doc_id: str
    source: str  # actor key (country, else organisation, else code)
    target: str  # actor key, '' for an event without a target
    cameo: str
    date: PartialDate | None = None
    date_source: str = "none"
    negated: bool = False
    source_person: str = ""
    target_person: str = ""
    published: date | None = None  # the article's publication day (day precision only)
    place: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def loose(self) -> bool:
        """Whether its date may be a day off: inferred (the lead's, the context's), or
        the very day the article was published (a dateline or the publication date
        standing in for the event's: "MANILA, July 9 - ... signed on Monday")."""
        return loose_date(self.date, self.date_source, self.published)


def loose_date(d: PartialDate | None, source: str, published: date | None) -> bool:
    if source in INFERRED_DATE_SOURCES:
        return True
    return d is not None and d.day is not None and published is not None and d.first_day() == published


def place_of(event: Event) -> str | None:
    """The country an event happened in, when the pipeline located it (``Event.location``)."""
    loc = getattr(event, "location", None)
    return getattr(loc, "country", None) or None


def report_of(event: Event, published: PartialDate | None = None) -> Report:
    """The report of ``event``; ``published`` is its article's publication date."""
    return Report(
        event_id=event.event_id, doc_id=event.doc_id, source=event.source.key,
        target=event.target.key if event.target is not None else "", cameo=event.cameo,
        date=event.date, date_source=event.date_source, negated=event.negated,
        source_person=person_of(event.source), target_person=person_of(event.target),
        published=published.first_day() if published is not None and published.day else None,
        place=place_of(event),
    )


def index_key(source: str, target: str, root: str, negated: bool) -> tuple:
    """How stories are indexed: the unordered pair, the CAMEO root, the negation."""
    a, b = sorted((source, target))
    return (a, b, root, bool(negated))


def story_id_for(event_id: str, salt: int = 0) -> str:
    raw = event_id if not salt else f"{event_id}#{salt}"
    # (an id with a lone surrogate, from a doc id that is no valid text, still hashes)
    return "s" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:15]


@dataclass
class Story:
    """What linking needs to know of a story (a row of the store's ``stories``)."""

    story_id: str
    source: str
    target: str
    root: str
    negated: bool = False
    codes: set[str] = field(default_factory=set)
    date: PartialDate | None = None
    date_source: str = "none"
    published: date | None = None  # its first report's publication day
    persons: set[str] = field(default_factory=set)  # "KEY=person"
    place: str | None = None
    reports: int = 0

    @property
    def key(self) -> tuple:
        return index_key(self.source, self.target, self.root, self.negated)

    def absorb(self, r: Report) -> None:
        """Take a report in: its code, persons, place; its date if more precise."""
        self.codes.add(r.cameo)
        for key, person in ((r.source, r.source_person), (r.target, r.target_person)):
            if person:
                self.persons.add(f"{key}={person}")
        if self.place is None and r.place:
            self.place = r.place
        if self.published is None and r.published is not None:
            self.published = r.published
        if _date_rank(r.date, r.date_source) < _date_rank(self.date, self.date_source):
            self.date, self.date_source = r.date, r.date_source
        self.reports += 1


def _date_rank(d: PartialDate | None, source: str) -> tuple:
    return (precision_rank(d), DATE_SOURCE_RANK.get(source, 3))


class Linker:
    """Incremental story assignment over candidate stories (see the module doc).

    ``taken(story_id)`` says whether an id is already in use outside the
    linker (the store's stories), so a new story never reuses one.
    """

    def __init__(self, acts: Acts | None = None,
                 taken: Callable[[str], bool] | None = None):
        self.acts = acts or default_acts()
        self._taken = taken or (lambda _sid: False)
        self._index: dict[tuple, list[Story]] = {}
        self.stories: dict[str, Story] = {}
        self.created: list[str] = []  # ids of stories founded here, in order
        self._created: set[str] = set()
        self.joined: set[str] = set()  # ids of loaded stories that took a report

    # ---- candidates ------------------------------------------------------------

    def add(self, story: Story) -> None:
        """A story known before (from the store): a candidate for later reports."""
        if story.story_id in self.stories:
            return
        self.stories[story.story_id] = story
        self._index.setdefault(story.key, []).append(story)

    def add_all(self, stories: Iterable[Story]) -> None:
        for s in stories:
            self.add(s)

    # ---- matching ----------------------------------------------------------------

    def _persons_agree(self, r: Report, s: Story) -> bool:
        """No side names another person than the story, unless a side names the same."""
        conflict = False
        for key, person in ((r.source, r.source_person), (r.target, r.target_person)):
            if not person:
                continue
            named = {p.split("=", 1)[1] for p in s.persons if p.split("=", 1)[0] == key}
            if person in named:
                return True
            conflict = conflict or bool(named)
        return not conflict

    def _dates_agree(self, r: Report, s: Story) -> bool | None:
        """True/False; None when only the undated rule can decide (see ``_undated``)."""
        if r.date is not None and s.date is not None:
            loose = r.loose or loose_date(s.date, s.date_source, s.published)
            return dates_compatible(r.date, s.date, loose, self.acts.span(r.cameo, *s.codes))
        return None

    def compatible(self, r: Report, s: Story) -> bool:
        """Everything but the dates of undated reports and stories."""
        if r.negated != s.negated or r.root != s.root:
            return False
        if not r.source or not s.source:
            return _same_unknown(r, s)
        if not all(self.acts.compatible(r.cameo, c) for c in s.codes):
            return False
        pair_ok = (r.source, r.target) == (s.source, s.target) or (
            (r.source, r.target) == (s.target, s.source)
            and all(self.acts.order_free(r.cameo, c, across=True) for c in s.codes))
        if not pair_ok or not self._persons_agree(r, s):
            return False
        return not (r.place and s.place and r.place != s.place)

    def _score(self, r: Report, s: Story) -> tuple:
        return (r.date is not None and r.date == s.date, r.cameo in s.codes,
                bool(r.place) and r.place == s.place, s.reports)

    def candidates(self, r: Report) -> list[Story]:
        """The stories ``r`` may join, best first."""
        pool = [s for s in self._index.get(index_key(r.source, r.target, r.root, r.negated), ())
                if self.compatible(r, s)]
        dated = [s for s in pool if self._dates_agree(r, s)]
        if dated:
            return sorted(dated, key=lambda s: self._score(r, s), reverse=True)
        return self._undated(r, pool)

    def _undated(self, r: Report, pool: list[Story]) -> list[Story]:
        if r.published is None and r.date is None:
            return []
        both_undated = [s for s in pool if r.date is None and s.date is None
                        and s.published is not None and r.published is not None
                        and abs((s.published - r.published).days) <= UNDATED_WINDOW_DAYS]
        if both_undated:
            return sorted(both_undated, key=lambda s: self._score(r, s), reverse=True)
        near = [s for s in pool if _dated_near(r, s)]
        return near if len(near) == 1 else []

    # ---- assignment --------------------------------------------------------------

    def link(self, r: Report) -> str:
        """The story of report ``r``: the best compatible one, else a new one."""
        found = self.candidates(r)
        if found:
            return self._take(found[0], r)
        return self._found(r)

    def join(self, r: Report, story_id: str) -> str:
        """Put ``r`` in the story ``story_id`` (a copy following its original)."""
        story = self.stories.get(story_id)
        if story is None:
            return self.link(r)
        return self._take(story, r)

    def _take(self, story: Story, r: Report) -> str:
        story.absorb(r)
        if story.story_id not in self._created:
            self.joined.add(story.story_id)
        return story.story_id

    def _found(self, r: Report) -> str:
        salt = 0
        sid = story_id_for(r.event_id)
        while sid in self.stories or self._taken(sid):
            salt += 1
            sid = story_id_for(r.event_id, salt)
        story = Story(sid, r.source, r.target, r.root, r.negated)
        story.absorb(r)
        self.stories[sid] = story
        self._index.setdefault(story.key, []).append(story)
        self.created.append(sid)
        self._created.add(sid)
        return sid


def _same_unknown(r: Report, s: Story) -> bool:
    """A report and a story of unknown sources: the same target, code, day read in the
    sentence, and place (see the module doc)."""
    if r.source or s.source or not r.target or r.target != s.target or s.codes != {r.cameo}:
        return False
    if r.date is None or s.date is None or r.date.day is None or r.date != s.date:
        return False
    if r.date_source != "sentence" or s.date_source != "sentence":
        return False
    return bool(r.place) and r.place == s.place


def twins(events: Iterable[Event]) -> dict[str, str]:
    """Event id -> the id of its earlier twin (the other direction of its trigger)."""
    out: dict[str, str] = {}
    seen: list[Event] = []
    for e in events:
        twin = next((t for t in seen if is_twin(t, e)), None)
        if twin is not None:
            out[e.event_id] = out.get(twin.event_id, twin.event_id)
        seen.append(e)
    return out


def _dated_near(r: Report, s: Story) -> bool:
    """An undated report and a day-dated story (or the reverse): the story's day is
    the report's publication day or the day before (yesterday's news)."""
    if r.date is None and s.date is not None and s.date.day is not None and r.published:
        lag = (r.published - s.date.first_day()).days
        return 0 <= lag <= UNDATED_WINDOW_DAYS
    if r.date is not None and r.date.day is not None and s.date is None and s.published:
        lag = (s.published - r.date.first_day()).days
        return 0 <= lag <= UNDATED_WINDOW_DAYS
    return False


def link_events(events: Iterable[Event], published: PartialDate | None = None,
                linker: Linker | None = None) -> dict[str, str]:
    """Story ids for ``events`` of one article, linked in memory (``jalin.code``:
    the visitor's 042 and the host's 043 of one visit share a story)."""
    linker = linker or Linker()
    events = list(events)
    pairs = twins(events)
    out: dict[str, str] = {}
    for e in events:
        rep = report_of(e, published)
        twin = pairs.get(e.event_id)
        out[e.event_id] = linker.join(rep, out[twin]) if twin in out else linker.link(rep)
    return out
