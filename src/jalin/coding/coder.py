"""The event coder: sentences + actor mentions + time expressions -> Events.

For each sentence the coder
1. finds actor mentions (``jalin.resolve.actors``) and joins coordinated ones
   into groups ("Kazakhstan dan Uzbekistan" -> one group of two);
2. matches trigger patterns from the language's lexicon over the words'
   morphological analyses (``jalin.coding.triggers``);
3. for each trigger finds its source and target groups by voice and frame
   (``jalin.coding.roles``), its negation and modality, and its date;
4. emits one Event per (source, target) pair of distinct actors (a target may
   be absent for intransitive triggers, frame ``intr``: "X resigned").

Dates come from the sentence's own time expressions; an anaphoric one
("pada hari yang sama") takes the last date the article gave; with none,
the lead sentence of a dated article takes the publication date and a
later sentence continuing an already dated dyad takes that dyad's date —
each recorded in ``date_source`` so nothing is silently the publication date.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from ..version import CODER_VERSION
from ..lang import default_pack, find_pack
from ..lang.base import LanguagePack
from ..models import (
    Actor,
    CleanedArticle,
    DateMention,
    Event,
    Evidence,
    Mention,
    PartialDate,
    Sentence,
)
from ..nlp.tokens import tokenize
from ..resolve.dates import anaphor_shift, find_dates
from ..resolve.dates_calendar import shift
from ..resolve.scan import Scan, scanner_for
from .discourse import Discourse, quote_speaker
from .lexicon import Lexicon
from .modality import intent_code
from .ontology import Ontology, default_ontology
from .story import STORY_WINDOW_DAYS, is_background, lead_sentences, reference_date, story_date
from .roles import APPEAL_ROOTS, Roles, act_roots, find_roles
from .triggers import TriggerMatch, match_triggers, match_triggers_reference
from .view import SentenceView, group_phrases_in, same_actor

# a dyad dated in one sentence dates an undated event of the same dyad this many sentences later
CONTEXT_SENTENCES = 1
# an undated event of the main news takes the day the passage last named ("keterangannya,
# Minggu (19/10)") rather than the story's day, while the text stays within this many sentences of it
NARRATIVE_SENTENCES = 6


@dataclass
class _ArticleState:
    """What the coder remembers across the sentences of one article."""

    salience: Counter = field(default_factory=Counter)
    last_date: PartialDate | None = None
    dyad_dates: dict[frozenset, tuple[int, PartialDate]] = field(default_factory=dict)
    source_dates: dict[str, tuple[int, PartialDate]] = field(default_factory=dict)  # packs that carry them
    last_states: list[Mention] = field(default_factory=list)
    last_persons: list[Mention] = field(default_factory=list)
    last_agents: list[Actor] = field(default_factory=list)  # sources of the latest sentence's events
    agents_by_root: dict[str, Actor] = field(default_factory=dict)  # who last did an act of each root,
    # and (key "w:" + noun) of each act noun in a trigger ("melancarkan serangan")
    story: PartialDate | None = None  # the day of the main news (jalin.coding.story)
    reference: PartialDate | None = None  # the article's reference date (publication, else lead)
    anaphor_date: PartialDate | None = None  # a date the sentence gave by "dua tahun kemudian"
    last_day: tuple[int, PartialDate] | None = None  # (sentence, date) of the last day the text named


class Coder:
    """Codes one article's sentences. Build once (tables load once), reuse.

    ``reference=True`` finds actors, dates and triggers the plain way (the actor
    trie walked token by token, every date pattern run, every trigger pattern
    tried in turn) instead of one scan per sentence (:mod:`jalin.resolve.scan`)
    and the pattern trie: the same events, slower; tests compare the two.
    """

    def __init__(self, resolver, ontology: Ontology, reference: bool = False):
        self.resolver = resolver
        self.ontology = ontology
        self.reference = reference

    @classmethod
    def load(cls, resolver, reference: bool = False) -> Coder:
        return cls(resolver, default_ontology(), reference)

    @staticmethod
    def pack(lang: str) -> LanguagePack:
        """The pack that codes ``lang`` (a language no pack codes gets the default pack)."""
        pack = find_pack(lang)
        return pack if pack is not None and pack.coded else default_pack()

    def lexicon(self, lang: str) -> Lexicon:
        """The language's lexicon (loaded once per process, on first use)."""
        return self.pack(lang).lexicon()

    # ------------------------------------------------------------------ public
    def code(self, cleaned: CleanedArticle,
             sentences: tuple[Sentence, ...]) -> tuple[list[Mention], list[Event]]:
        pack = self.pack(cleaned.language)
        lex = pack.lexicon()
        lang = lex.lang
        art = cleaned.article
        lead = lead_sentences(sentences, art.title)
        lead_ids = {s.index for s in lead}
        anchor, _ = reference_date(art.published, art.published_source,
                                   [d for s in lead for d in find_dates(s.text, None, lang)])
        state = _ArticleState()
        all_mentions: list[Mention] = []
        events: list[Event] = []
        views: list[SentenceView] = []
        names: dict = {}  # people named in full so far, by one part of the name (the pack's memory)
        scanner = None if self.reference else scanner_for(self.resolver, lang)
        # one pass per sentence over actors and date words (jalin.resolve.scan)
        scans: list[Scan | None] = [scanner.scan(s.text) if scanner is not None else None for s in sentences]
        found = [self.resolver.find(s.text, lang, anchor, offset=s.start, bare=True, scan=scan)
                 for s, scan in zip(sentences, scans)]
        discourse = Discourse.start(pack.home_country, lex, found, self.resolver, anchor)
        speakers: list[Mention] = []  # the person named last (whom "ujarnya" means)
        for s, matches, scan in zip(sentences, found, scans):
            crowd = discourse.crowd(matches)
            mentions = self._mentions(s, discourse.sentence(matches, s.text, s.start), lex)
            # "Ding also met ..." after "Chinese Vice Premier Ding Xuexiang"
            mentions = pack.later_mentions(s, mentions, names)
            # '"Kami menawarkan ...," ujar Bupati X': the quote's "kami" is its speaker
            mentions = quote_speaker(s, mentions, lex, speakers[-1:])
            speakers = [m for m in mentions if m.kind == "person" or (m.kind == "role" and m.actor.name)][:1] \
                or speakers
            dates = find_dates(s.text, anchor, lang, offset=s.start,
                               words=scan.hits.present("date") if scan is not None else None)
            view = SentenceView.build(s, tokenize(s.text, s.start), mentions, dates, lex)
            if crowd is not None:
                view.host_crowd = Mention(s.doc_id, s.index, crowd.start, crowd.end, crowd.text,
                                          crowd.actor, crowd.kind)
            views.append(view)
            all_mentions.extend(view.mentions)  # with the mentions the view adds from context
        state.reference = anchor
        state.story = story_date(anchor, [d for v in views if v.sentence.index in lead_ids for d in v.dates])
        for i, view in enumerate(views):
            nxt = views[i + 1] if i + 1 < len(views) else None
            for m in view.mentions:
                if m.actor.country and m.kind != "group":
                    state.salience[m.actor.country] += 1
            sentence_events = self._code_sentence(view, nxt, lex, cleaned, state, anchor)
            events.extend(sentence_events)
            for d in view.dates:
                if d.date is not None and d.kind != "anaphoric":
                    state.last_date = d.date
                    if d.date.day is not None:
                        state.last_day = (view.sentence.index, d.date)
            if state.anaphor_date is not None:  # "Setahun kemudian, ..." moves the narrative on
                moved_on = state.last_date is not None and state.last_date.day is not None and \
                    state.anaphor_date.first_day() > state.last_date.first_day()
                if state.anaphor_date.day is not None and moved_on:
                    # "Sehari kemudian, ...": the passage's new day ("sehari sebelumnya" is a flashback)
                    state.last_day = (view.sentence.index, state.anaphor_date)
                state.last_date, state.anaphor_date = state.anaphor_date, None
            states = [m for m in view.mentions if m.actor.country and m.kind != "group"]
            if states:
                state.last_states = states
            persons = [m for m in view.mentions
                       if m.kind == "person" or (m.kind == "role" and m.actor.name)]
            agents = [e.source for e in sentence_events if not e.negated and e.source.known]
            if agents:  # "X mengecam keputusan tersebut": the decision of whoever acted last
                state.last_agents = list(dict.fromkeys(agents))
            acts = act_roots(lex)
            for e in sentence_events:
                if not e.negated and e.source.known:
                    state.agents_by_root[e.cameo_root] = e.source
                    for w in e.trigger.lower().split():
                        if e.cameo_root in acts.get(w, ()):  # "melancarkan serangan": whom "serangan
                            state.agents_by_root["w:" + w] = e.source  # itu" means ("mengecam serangan": no)
            subjects = [e for e in sentence_events if e.source.name and e.source.actor_id]
            if subjects:  # the last event's named source is who "ia" refers to next
                state.last_persons = [m for m in view.mentions if m.actor == subjects[-1].source][:1] or persons[:1]
            elif persons:
                state.last_persons = persons[:1]
        # A headline repeating the body is merged into the body's event after coding
        # (jalin.stories.merge), where it stays a mention.
        return all_mentions, _dedupe(events)

    # ---------------------------------------------------------------- helpers
    def _mentions(self, s: Sentence, matches: list, lex: Lexicon) -> list[Mention]:
        mentions = [Mention(s.doc_id, s.index, m.start, m.end, m.text, m.actor, m.kind)
                    for m in matches]
        low = s.text.lower()
        taken = [(m.start, m.end) for m in mentions]
        for phrase, members in group_phrases_in(low, lex):  # longest first, those occurring in low
            p = phrase.lower()
            pos = low.find(p)
            while pos != -1:
                a, b = s.start + pos, s.start + pos + len(p)
                boundary_ok = (pos == 0 or not low[pos - 1].isalnum()) and (
                    pos + len(p) == len(low) or not low[pos + len(p)].isalnum())
                if boundary_ok and not any(x < b and a < y for x, y in taken):
                    # a group phrase replaces any narrower mention inside it
                    mentions = [m for m in mentions if not (a <= m.start and m.end <= b)]
                    for code in members:
                        mentions.append(Mention(s.doc_id, s.index, a, b, s.text[pos:pos + len(p)],
                                                Actor(code=code, country=code), "group"))
                    taken.append((a, b))
                pos = low.find(p, pos + 1)
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def _code_sentence(self, view: SentenceView, nxt: SentenceView | None, lex: Lexicon,
                       cleaned: CleanedArticle, state: _ArticleState,
                       anchor: PartialDate | None) -> list[Event]:
        if not view.mentions and not view.has_group_anaphor:
            return []
        out: list[Event] = []
        found = []
        match = match_triggers_reference if self.reference else match_triggers
        matched = match(view, lex)
        view.verb_triggers = frozenset(t.first for t in matched if t.form in ("va", "vp"))
        for trig in matched:
            roles = find_roles(view, trig, lex, state.salience, state.last_states, nxt,
                               state.last_persons, state.last_agents, state.agents_by_root)
            if roles is not None and not roles.hypothetical:
                found.append((trig, roles))
        found = _drop_requested_acts(_drop_objects_of_triggers(_drop_intent_verbs(found, lex)), view, lex)
        triggers = [t for t, _ in found]  # dates go to the nearest trigger that is an event
        for trig, roles in found:
            code = _refine(trig, view, lex)
            if roles.intent:
                code = intent_code(code, self.ontology.is_valid)
            for src, tgt in roles.pairs():
                if tgt is not None and same_actor(src.actor, tgt.actor):
                    continue
                date, source = self._date_for(view, trig, triggers, src, tgt, state, cleaned.language,
                                              anchor, intent=roles.intent)
                out.append(self._event(view, trig, code, roles, src, tgt, date, source, cleaned))
        # English wire stories carry a dyad's date on while they stay with it, and the lead's
        # date to the next sentence when it goes on about the lead's actor ("met the presidents of ...")
        carried = lex.pack.dyad_date_sources
        for ev in out:
            if not ev.source.known:
                continue  # an agentless event carries no date to a dyad or source
            if ev.date is not None and ev.date_source in carried and not ev.negated and ev.target:
                state.dyad_dates[frozenset((ev.source.key, ev.target.key))] = (view.sentence.index, ev.date)
            if lex.pack.source_date_carry and ev.date is not None and ev.date_source == "sentence" \
                    and not ev.negated:
                state.source_dates[ev.source.key] = (view.sentence.index, ev.date)
        return out

    def _date_for(self, view: SentenceView, trig: TriggerMatch, triggers: list[TriggerMatch],
                  src: Mention, tgt: Mention | None, state: _ArticleState, language: str,
                  anchor: PartialDate | None, intent: bool = False) -> tuple[PartialDate | None, str]:
        """The event's date and where it came from: its own time expression ("sentence"), the
        narrative ("context": "dua tahun kemudian", a dyad dated just before), the story date of
        the main news ("story"), or none. Background ("sebelumnya", "pernah", a sentence whose
        times are older than the story) never takes the story date."""
        dm = view.date_for(trig, tgt, triggers)
        if dm is not None:
            if dm.kind == "anaphoric":  # "pada hari yang sama", "dua tahun kemudian"
                if state.last_date is None:
                    return None, "none"
                unit, n = anaphor_shift(dm.text, language)
                moved = state.last_date if unit == "none" else shift(state.last_date, unit, n)
                state.anaphor_date = moved
                return (moved, "context") if moved is not None else (None, "none")
            if dm.date is None:
                return None, "none"
            if intent:  # an announced event named by a bare weekday or month looks forward
                return _forward(dm.date, anchor, dm), "sentence"
            return dm.date, "sentence"
        if view.background_for(trig):
            return None, "none"
        if any((d.date is None or is_background(d.date, state.story)) and not view.in_relative_clause(trig, a)
               for d, (a, _) in zip(view.dates, view.date_spans)):
            return None, "none"  # the sentence has an older time, only not near this event
        if tgt is not None:
            hit = state.dyad_dates.get(frozenset((src.actor.key, tgt.actor.key)))
            if hit and view.sentence.index - hit[0] <= CONTEXT_SENTENCES:
                return hit[1], "context"
        if view.lex.pack.source_date_carry:
            hit = state.source_dates.get(src.actor.key)
            if hit and view.sentence.index - hit[0] <= CONTEXT_SENTENCES:
                return hit[1], "context"
        if state.story is not None:
            day = _narrative_day(state, view.sentence.index)
            return (day, "context") if day is not None else (state.story, "story")
        return None, "none"

    def _event(self, view: SentenceView, trig: TriggerMatch, code: str, roles: Roles,
               src: Mention, tgt: Mention | None, date: PartialDate | None, date_source: str,
               cleaned: CleanedArticle) -> Event:
        c = self.ontology.get(code)
        s = view.sentence
        tgt_actor = tgt.actor if tgt is not None else None
        raw = f"{s.doc_id}|{s.index}|{trig.start}|{src.actor.code}|{tgt_actor.code if tgt_actor else ''}|{code}"
        event_id = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
        return Event(
            event_id=event_id, doc_id=s.doc_id, sentence_index=s.index,
            source=src.actor, target=tgt_actor, cameo=c.code, cameo_root=c.root,
            plover=c.plover, goldstein=c.goldstein, quad_class=c.quad_class,
            evidence=Evidence(s.text, s.start, s.end), language=cleaned.language,
            date=date, date_source=date_source, modality=roles.modality,
            negated=roles.negated, trigger=trig.text, trigger_start=trig.start,
            trigger_end=trig.end, coder=f"{CODER_VERSION}+{self.lexicon(cleaned.language).version}",
        )


def _narrative_day(state: _ArticleState, index: int) -> PartialDate | None:
    """The day the passage has moved to, when it is another day of the same story.

    The lead reports Monday's news; a later paragraph quotes "keterangannya,
    Minggu (19/10)" and goes on with what was said or done then: its undated
    events happened on that Sunday, not on the story's Monday. Only a day named
    in the last few sentences and lying within the story's window (up to the
    reference date: the passage may move on past the lead's day) counts;
    older days are background and leave undated events alone.
    """
    if state.last_day is None or state.story is None or state.story.day is None:
        return None
    at, day = state.last_day
    if day == state.story or index - at > NARRATIVE_SENTENCES:
        return None
    story = state.story.first_day()
    latest = state.reference.first_day() if state.reference is not None and state.reference.day else story
    return day if story - timedelta(days=STORY_WINDOW_DAYS) <= day.first_day() <= max(story, latest) else None


def _forward(date: PartialDate | None, anchor: PartialDate | None,
             dm: DateMention | None) -> PartialDate | None:
    """An announced event named by a bare weekday or month is the next one, not the last.

    "akan berkunjung pada Rabu" / "pada bulan Mei" in an article of a later
    day or month: move a week (weekday) or a year (month or day-month without
    a year) forward. Dates that name their year are left alone.
    """
    if date is None or anchor is None or dm is None or re.search(r"\d{4}", dm.text):
        return date
    if date.month is None or anchor.month is None:
        return date
    if date.day is None:  # a month: only one before the publication month is "last year's"
        if (date.year, date.month) >= (anchor.year, anchor.month):
            return date  # "next week", "bulan ini": already resolved forward or current
        return PartialDate(date.year + 1, date.month)
    if date.first_day() >= anchor.first_day():
        return date
    if not re.search(r"\d", dm.text):  # a weekday ("pada Rabu"): the coming one
        lag = (anchor.first_day() - date.first_day()).days
        return PartialDate.from_date(date.first_day() + timedelta(days=7)) if lag < 7 else date
    try:  # a day and month without a year ("pada 12 Maret"): next year's
        return PartialDate(date.year + 1, date.month, date.day)
    except ValueError:  # 29 February
        return date


def _refine(trig: TriggerMatch, view: SentenceView, lex: Lexicon) -> str:
    """"bantuan kemanusiaan" -> 073: a word in or just after the trigger names the kind."""
    code = trig.entry.cameo
    rules = lex.refine.get(code)
    if not rules:
        return code
    near = set(view.lower[trig.first:min(len(view.lower), trig.last + 4)])
    for words, refined in rules:
        if near & words:
            return refined
    return code


#: how far after a verb a noun of others' acts may stand and still be what the verb is about
OBJECT_REACH = 6


def _drop_objects_of_triggers(found: list) -> list:
    """"menangguhkan kerja sama militer dengan Prancis": the cooperation is what is
    suspended, not a second event. A nominal trigger right after a verbal one, with the
    same source, is that verb's object."""
    out = []
    for k, (trig, roles) in enumerate(found):
        prev = found[k - 1] if k else None
        if (prev is not None and trig.form in ("n", "b") and prev[0].form in ("va", "vp")
                and 0 < trig.first - prev[0].last <= 2
                and {p[0].actor.key for p in roles.pairs()} == {p[0].actor.key for p in prev[1].pairs()}):
            continue
        if (prev is not None and trig.form in ("n", "b") and roles.intent and prev[0].form in ("va", "vp")
                and 0 < trig.first - prev[0].last <= OBJECT_REACH
                and not {p[0].actor.key for p in roles.pairs()} & {p[0].actor.key for p in prev[1].pairs()}):
            # "Turki menawarkan diri menjadi tuan rumah perundingan antara X dan Y", "Mesir akan
            # terus memediasi negosiasi antara X dan Y": another's plan for their talks, not theirs
            continue
        out.append((trig, roles))
    return out


def _drop_requested_acts(found: list, view: SentenceView, lex: Lexicon) -> list:
    """"PBB meminta Rusia (untuk) menarik pasukannya": the withdrawal is what is asked for, not an
    event. A verbal trigger right after the addressee of an appeal or demand (only the lexicon's
    ``appeal_marker``, auxiliaries or intent words between) is dropped."""
    ends: list[int] = []
    for trig, roles in found:
        if trig.entry.cameo[:2] not in APPEAL_ROOTS:
            continue
        for _, tgt in roles.pairs():
            if tgt is not None and tgt in view.mentions:
                end = view.mention_spans[view.mentions.index(tgt)][1]
                if end > trig.last:  # the addressee after the appeal ("meminta Rusia untuk V")
                    ends.append(end)
    if not ends:
        return found
    filler = lex.words("appeal_marker") | lex.words("aux") | lex.words("intent")
    out = []
    for trig, roles in found:
        asked = trig.form in ("va", "vp") and any(
            end <= trig.first <= end + 3 and all(w in filler for w in view.lower[end:trig.first])
            for end in ends)
        if not asked:
            out.append((trig, roles))
    return out


def _drop_intent_verbs(found: list, lex: Lexicon) -> list:
    """"berjanji memberikan bantuan": the promise is the intent of the aid, not an event of its own."""
    intent = lex.words("intent")
    out = []
    for k, (trig, roles) in enumerate(found):
        nxt = found[k + 1][0] if k + 1 < len(found) else None
        words = set(trig.text.lower().split())
        if nxt is not None and words & intent and 0 < nxt.first - trig.last <= 3 and found[k + 1][1].intent:
            continue
        out.append((trig, roles))
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    out = []
    for e in events:
        k = (e.sentence_index, e.source.code, e.target.code if e.target else None, e.cameo, e.negated)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out


__all__ = ["CONTEXT_SENTENCES", "Coder"]
