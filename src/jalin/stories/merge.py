"""Within one article: repeated mentions of the same act become one event.

The coder codes sentence by sentence, so an article that names one state
visit in its headline, its lead and four more sentences gives six coded
records. :func:`merge_article` groups them into events, each with its
mentions (:class:`jalin.models.EventMention`): every mention keeps its own
evidence sentence, offsets, trigger, date and date source.

Two mentions are the same act (:mod:`jalin.stories.acts`) when they have

* the same actors (by actor key: country, else organisation), in the same
  order unless both codes are symmetric ("A and B met");
* compatible CAMEO codes (equal, generic and specific, or one group);
* the same named person on each side, when both name one (Lavrov's visit
  is not Putin's visit of the same month);
* compatible dates at their precision; a mention with a date never joins a
  group with an incompatible one, so a background event with its own older
  date stays apart from today's;
* the same negation;
* not the two directions of one trigger: a symmetric act whose participants
  stand side by side ("Kazakhstan and Uzbekistan signed") is coded both ways
  by the coder (``LanguagePack.symmetric_both_ways``), and the two stay two
  events (of one story: :func:`jalin.stories.link.twins`);
* for an event of an unknown source (an agentless passive, ``UNKNOWN_ACTOR``)
  only another of an unknown source, with the same target and the very same
  code, at compatible dates read strictly (no day either side): that both
  sources are unknown says nothing of the act, so what is known must agree.

Dated mentions are grouped first, in text order (complete linkage: a mention
joins a group only if it fits every member). An undated mention then joins
the one group of its act, if there is exactly one; else the group of its act
named last before it ("that visit" refers back; never for an unknown source);
else it stays an event of its own. A headline mention joins the
body's event of the same actors and CAMEO root (the headline repeats the
story) and is kept as a mention with ``headline=True``.

The event's fields are those of its best mention: not the headline, the most
specific code, then the most precise date, the most direct date source, an
asserted modality, the earliest position. Its date is the most precise date
of any of its mentions, its location that of its best mention, else the most
direct location of another (``jalin.resolve.places`` locates every mention
before the merge). Its id is the id of its first mention in the body (so an
event with one mention keeps the coder's id).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from ..models import Event, EventMention, Sentence
from .acts import (
    DATE_SOURCE_RANK, INFERRED_DATE_SOURCES, Acts, dates_compatible, default_acts, is_generic,
    person_of, persons_agree, precision_rank,
)

__all__ = ["MergedArticle", "merge_article", "same_act", "headline_indices", "is_twin"]

_MODALITY_RANK = {"asserted": 0, "reported": 1, "intent": 2}
_LOCATION_SOURCE_RANK = {"sentence": 0, "context": 1, "dateline": 2}


@dataclass(frozen=True, slots=True)
class MergedArticle:
    """An article's events after merging, and the mentions behind each of them."""

    events: tuple[Event, ...]
    mentions: tuple[EventMention, ...]


def _target_key(e: Event) -> str:
    return e.target.key if e.target is not None else ""


def is_twin(x: Event, y: Event) -> bool:
    """The two directions of one trigger (A->B and B->A of "A and B signed")."""
    return (x.doc_id == y.doc_id and x.sentence_index == y.sentence_index
            and x.trigger_start == y.trigger_start and x.cameo == y.cameo
            and x.target is not None and y.target is not None
            and (x.source.key, x.target.key) == (y.target.key, y.source.key)
            and x.source.key != x.target.key)


def unknown_source(e: Event) -> bool:
    """An event whose text names no agent (``jalin.models.UNKNOWN_ACTOR``)."""
    return not e.source.known


def same_act(x: Event, y: Event, acts: Acts, dates: bool = True) -> bool:
    """Whether two coded events of one article can be mentions of one act.

    ``dates`` False leaves the dates out (an undated mention looking for its event).
    """
    if x.negated != y.negated or not acts.compatible(x.cameo, y.cameo) or is_twin(x, y):
        return False
    if unknown_source(x) or unknown_source(y):
        return _same_unknown_act(x, y, dates)
    a = (x.source.key, _target_key(x), x.cameo)
    b = (y.source.key, _target_key(y), y.cameo)
    if not acts.same_pair(a, b, across=False):
        return False
    xs, xt = person_of(x.source), person_of(x.target)
    ys, yt = person_of(y.source), person_of(y.target)
    if (a[0], a[1]) != (b[0], b[1]):  # the order was free: compare crosswise
        ys, yt = yt, ys
    if not persons_agree([(xs, ys), (xt, yt)]):
        return False
    if dates and x.date is not None and y.date is not None:
        loose = x.date_source in INFERRED_DATE_SOURCES or y.date_source in INFERRED_DATE_SOURCES
        return dates_compatible(x.date, y.date, loose, acts.span(x.cameo, y.cameo))
    return True


def _same_unknown_act(x: Event, y: Event, dates: bool) -> bool:
    """Two events of an unknown source: the same target, the very same code, and dates
    that agree strictly (see the module doc)."""
    if not (unknown_source(x) and unknown_source(y)) or x.cameo != y.cameo:
        return False
    if not _target_key(x) or _target_key(x) != _target_key(y):
        return False
    if dates and x.date is not None and y.date is not None:
        return dates_compatible(x.date, y.date)
    return True


def headline_indices(sentences: Sequence[Sentence], title: str | None) -> frozenset[int]:
    """Indices of the sentences that are the article's headline."""
    if not title or not title.strip():
        return frozenset()
    head = title.strip()
    return frozenset(s.index for s in sentences if s.text.strip() == head)


def _position(e: Event) -> tuple[int, int]:
    return (e.sentence_index, e.trigger_start)


def _best_key(e: Event) -> tuple:
    return (
        is_generic(e.cameo), -len(e.cameo), precision_rank(e.date),
        DATE_SOURCE_RANK.get(e.date_source, 3), _MODALITY_RANK.get(e.modality, 3),
        _position(e),
    )


def _date_key(e: Event) -> tuple:
    return (precision_rank(e.date), DATE_SOURCE_RANK.get(e.date_source, 3), _position(e))


class _Group:
    __slots__ = ("members",)

    def __init__(self, first: Event):
        self.members = [first]

    @property
    def dated(self) -> bool:
        return any(m.date is not None for m in self.members)

    def fits(self, e: Event, acts: Acts, dates: bool = True) -> bool:
        return all(same_act(e, m, acts, dates) for m in self.members)

    def closeness(self, e: Event) -> tuple:
        """Higher is closer: a member with the very date, then the very code."""
        return (any(m.date == e.date for m in self.members),
                any(m.cameo == e.cameo for m in self.members))


def _join_dated(e: Event, groups: list[_Group], acts: Acts) -> None:
    fitting = [g for g in groups if g.fits(e, acts)]
    if not fitting:
        groups.append(_Group(e))
        return
    best = max(fitting, key=lambda g: g.closeness(e))  # max keeps the first of equals
    best.members.append(e)


def _join_undated(e: Event, groups: list[_Group], acts: Acts) -> None:
    """The one group of the act; else the act named last before it ("that visit"
    refers back); else a group of its own."""
    fitting = [g for g in groups if g.fits(e, acts, dates=False)]
    if len(fitting) == 1:
        fitting[0].members.append(e)
        return
    if unknown_source(e):  # no actor to refer back to: an act of its own
        groups.append(_Group(e))
        return
    here = _position(e)
    before = [(max(_position(m) for m in g.members if _position(m) < here), i)
              for i, g in enumerate(fitting) if any(_position(m) < here for m in g.members)]
    if before:
        fitting[max(before)[1]].members.append(e)
    else:
        groups.append(_Group(e))


def _join_headline(e: Event, groups: list[_Group], acts: Acts) -> bool:
    """A headline event joins the body's event of the same actors and root, if any."""
    def same_story(m: Event) -> bool:
        pair = acts.same_pair((e.source.key, _target_key(e), e.cameo),
                              (m.source.key, _target_key(m), m.cameo), across=False)
        return m.negated == e.negated and m.cameo_root == e.cameo_root and pair

    hits = [g for g in groups if any(same_story(m) for m in g.members)]
    if not hits:
        return False
    compatible = [g for g in hits if g.fits(e, acts, dates=False)]
    # the group told in the headline's own order first (both directions of a
    # symmetric act are two events)
    pool = sorted(compatible or hits, key=lambda g: not any(
        (m.source.key, _target_key(m)) == (e.source.key, _target_key(e)) for m in g.members))
    pool[0].members.append(e)
    return True


def merge_article(events: Sequence[Event], sentences: Sequence[Sentence] = (),
                  title: str | None = None, acts: Acts | None = None) -> MergedArticle:
    """Merge one article's coded events into events with their mentions."""
    acts = acts or default_acts()
    heads = headline_indices(sentences, title)
    ordered = sorted(events, key=_position)
    body = [e for e in ordered if e.sentence_index not in heads]
    groups: list[_Group] = []
    for e in body:
        if e.date is not None:
            _join_dated(e, groups, acts)
    for e in body:
        if e.date is None:
            _join_undated(e, groups, acts)
    for e in ordered:
        if e.sentence_index in heads and not _join_headline(e, groups, acts):
            (_join_dated if e.date is not None else _join_undated)(e, groups, acts)
    merged: list[tuple[tuple[int, int], Event, list[Event]]] = []
    for g in groups:
        members = sorted(g.members, key=_position)
        in_body = [m for m in members if m.sentence_index not in heads] or members
        best = min(in_body, key=_best_key)
        dated = min(members, key=_date_key)
        event = best
        if precision_rank(dated.date) < precision_rank(best.date):
            event = replace(event, date=dated.date, date_source=dated.date_source)
        if event.location is None:
            located = [m for m in in_body if m.location is not None]
            if located:
                loc = min(located, key=lambda m: (
                    _LOCATION_SOURCE_RANK.get(m.location.source, 3), _position(m))).location
                event = replace(event, location=loc)
        event = replace(event, event_id=in_body[0].event_id)
        merged.append((_position(in_body[0]), event, members))
    merged.sort(key=lambda t: t[0])
    out_events = tuple(ev for _, ev, _ in merged)
    out_mentions = tuple(
        EventMention(ev.event_id, m, m.sentence_index in heads)
        for _, ev, members in merged for m in members
    )
    return MergedArticle(out_events, out_mentions)
