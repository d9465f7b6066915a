"""Typed records passed between pipeline stages.

Every record is a frozen, slotted dataclass: stages return new records and
never mutate what they were given (derive with ``dataclasses.replace``).
Character offsets (``start``/``end``) always index the article's original
``Article.text``, so evidence can be shown in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_PD_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            date(self.year, self.month, self.day)  # raises ValueError if impossible

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> date:
        """The earliest calendar day this date covers (for range filters)."""
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _PD_RE.match(text.strip())
        if not m:
            raise ValueError(f"not a date (want YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as read; ``text`` is never altered afterwards."""

    doc_id: str
    text: str
    title: str | None = None
    published: PartialDate | None = None
    published_source: str = "given"  # given | dateline | html_meta | warc_date | none
    url: str | None = None
    language: str | None = None  # as given by the input; None = detect
    origin: str = ""  # file path, or path:line for JSONL


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line dropped by cleaning, with why."""

    doc_id: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanedArticle:
    """An article after boilerplate/spam removal and language detection."""

    article: Article
    language: str  # iso 639-1: id, en, ms, ...
    language_source: str  # given | detected
    kept: tuple[tuple[int, int], ...]  # spans of article.text that carry content
    removed: tuple[RemovedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A CAMEO-style actor: ``code`` is ISO alpha-3 + role (KAZGOV) or an org acronym."""

    code: str
    country: str | None = None  # ISO 3166-1 alpha-3
    org: str | None = None  # organisation acronym (CSTO, UN, ...)
    role: str | None = None  # GOV, MIL, OPP, ...
    name: str | None = None  # person or organisation name, when known
    actor_id: str | None = None  # stable id of a person/org entry (e.g. Wikidata Q-id)

    @property
    def key(self) -> str:
        """What identifies the actor for dyads: country, else org, else code."""
        return self.country or self.org or self.code

    @property
    def known(self) -> bool:
        """False for :data:`UNKNOWN_ACTOR`, the source of an event the text gives no agent for."""
        return bool(self.code or self.country or self.org)


#: the source of an event whose text names none ("X was attacked"): every part empty,
#: exported as a source whose parts are all null
UNKNOWN_ACTOR = Actor(code="")


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor found in a sentence."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # state | capital | metonym | demonym | org | person | role | group


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression found in text and resolved against an anchor date."""

    start: int
    end: int
    text: str
    date: PartialDate | None
    kind: str  # absolute | relative | anaphoric | range


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (``jalin.resolve.places``).

    ``precision`` is city, region or country; ``source`` says where the place
    came from: the event's own sentence, the place of the event it continues
    (context) or the article's dateline. ``country`` is the ISO 3166-1
    alpha-3 code of the state the place lies in (None for seas, straits and
    areas shared by several states); ``countries`` lists every state the
    place touches (a border area: both sides).
    """

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: str  # city | region | country
    source: str  # sentence | context | dateline
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence_index: int
    source: Actor
    target: Actor | None  # None: an event with no target (PLOVER-style: "X resigned")
    cameo: str
    cameo_root: str
    plover: str
    goldstein: float
    quad_class: int
    evidence: Evidence
    language: str
    date: PartialDate | None = None
    date_source: str = "none"  # sentence | context | lead | none
    modality: str = "asserted"  # asserted | intent | reported | hypothetical
    negated: bool = False
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1
    coder: str = ""
    location: Location | None = None  # set after coding by jalin.resolve.places.locate_events


@dataclass(frozen=True, slots=True)
class EventMention:
    """One mention of an event in its article (``jalin.stories.merge``).

    ``mention`` is the event as the coder found it in one sentence, with its
    own evidence, offsets, trigger, date and date source; its ``event_id`` is
    the mention's id. ``event_id`` is the event it was merged into.
    ``headline``: the mention is the article's headline.
    """

    event_id: str
    mention: Event
    headline: bool = False


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded, and why."""

    origin: str
    reason: str  # short machine-readable: empty | binary | encoding | too_large | bad_json | ...
    detail: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the pipeline learned about one article."""

    cleaned: CleanedArticle
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    stats: dict[str, float] = field(default_factory=dict, compare=False)
    # The mentions behind each event (empty: every event is its own one mention),
    # and the article's near-duplicate sketch (jalin.stories.neardup; empty: none).
    event_mentions: tuple[EventMention, ...] = ()
    sketch: tuple[int, ...] = ()


def pickle_by_position(cls: type) -> type:
    """Pickle the frozen dataclass ``cls`` as a call with its fields in order.

    Results cross from worker processes to the writer by pickle, and built tables
    come back from the disk cache by pickle; the generic protocol of frozen,
    slotted dataclasses (a state set field by field) takes a third more time to
    pickle and load (every field must be an ``__init__`` argument)."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):  # noqa: N807
        return cls, tuple([getattr(self, n) for n in names])

    cls.__reduce__ = __reduce__
    return cls


for _cls in (PartialDate, Article, RemovedLine, CleanedArticle, Sentence, Actor, Mention,
             DateMention, Evidence, Location, Event, EventMention, Rejection, ArticleResult):
    pickle_by_position(_cls)
del _cls
