"""Actors the article names by title alone: "Presiden", "pemerintah", "Penjaga Pantai".

A reader resolves a bare title from the article, not from the sentence:

1. **anaphora** - the title refers to the last actor the article named with
   the same office or the same title words: "Presiden Joko Widodo menerima
   ... Dalam pertemuan tersebut, Presiden mengundang ..." (Jokowi, IDN);
   "Penjaga Pantai China ... Penjaga Pantai mengambil tindakan" (China's);
2. **the outlet's home side** - in an Indonesian outlet "Presiden",
   "Kepala Negara", "pemerintah", "Kemlu" with no country are Indonesia's
   when the article's frame is domestic, i.e. when the article names the home
   state at all (``LanguagePack.home_country``; which titles: the pack's
   function words ``home_title``). English has no home side.

3. **protesters at a foreign mission** - "pengunjuk rasa ... di depan Kedutaan
   Besar AS di Jakarta" are the host state's people (the capital after the
   mission, else the outlet's home side) acting against the mission's state
   (the lexicon's ``mission_title`` words).

4. **local authorities** - "kepolisian setempat", "otoritas setempat" (the lexicon's
   ``local`` words) are those of the foreign state the article names most.

5. **possessed titles** - "pemerintahnya", "pasukannya", "negaranya" (a title with
   the lexicon's ``possessive_suffix``) belong to the sentence's first actor
   before them, else to the actor the last sentence opened with: "Finlandia
   resmi bergabung ... Para pemimpinnya menyatakan ..." (Finland's leaders).

Titles that fit none of these stay unresolved: no actor is invented.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..models import Actor, Mention, PartialDate, Sentence
from ..resolve.actors import ActorMatch


#: crowds: protesters (and people) at a foreign mission are the host state's
CROWD_ROLES = frozenset({"OPP", "CVL"})
#: roles of a state's own institutions: a bare title with one of them (or with an office) may
#: point back at a named actor; civilians, protesters, businesses, media never do
STATE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@dataclass
class Discourse:
    """What the article has named so far, for its bare titles."""

    home: str | None  # the outlet's home state, when the article's frame is domestic
    home_titles: tuple[tuple[str, ...], ...]
    quantifiers: frozenset[str]
    mission_titles: tuple[tuple[str, ...], ...]
    places: frozenset[str]  # "di", "in": what a mission's seat follows
    lang: str
    resolver: object
    when: PartialDate | None
    abroad: str | None = None  # the foreign state the article names most
    local_words: frozenset[str] = frozenset()
    by_office: dict[str, Actor] = field(default_factory=dict)
    by_title: dict[str, Actor] = field(default_factory=dict)
    suffixes: tuple[str, ...] = ()  # possessive suffixes ("nya"): "pemerintahnya"
    state_nouns: frozenset[str] = frozenset()  # words for the state itself: "negaranya"
    preps: frozenset[str] = frozenset()  # prepositions: an actor after one is not the topic
    topic: Actor | None = None  # the actor the last sentence that named one opened with
    _possessive_rx: re.Pattern | None = None

    @classmethod
    def start(cls, home_country: str | None, lex, article_matches: Iterable[Iterable[ActorMatch]],
              resolver: object, when: PartialDate | None) -> "Discourse":
        """Set up for one article (``lex``: the language's lexicon, for its ``home_title`` and
        ``quantifier`` words): the home side counts only if the article names it."""
        counts = Counter(m.actor.country for ms in article_matches for m in ms
                         if m.kind != "bare" and m.actor.country)
        home = home_country if home_country in counts else None
        # "kepolisian setempat" (the local police): the state the article is most about, not home
        abroad = next((c for c, _ in counts.most_common() if c != home_country), None)
        return cls(home, lex.phrases("home_title"), lex.words("quantifier"),
                   lex.phrases("mission_title"), lex.words("location"), lex.lang, resolver, when,
                   abroad=abroad, local_words=lex.words("local"),
                   suffixes=tuple(sorted(lex.words("possessive_suffix"), key=len, reverse=True)),
                   state_nouns=lex.words("state_noun"),
                   preps=lex.words("pp") | lex.words("prep_target") | lex.words("location"))

    def _host(self, matches: list[ActorMatch]) -> tuple[str, str] | None:
        """(host state, the foreign state) when the sentence names a foreign mission ("Kedutaan
        Besar AS di Jakarta"): a capital after the mission, else the outlet's home side."""
        for k, m in enumerate(matches):
            if not (m.title and m.actor.country and self._is_mission(m.title)):
                continue
            after = [x.actor.country for x in matches[k + 1:] if x.kind == "capital" and x.actor.country]
            host = after[0] if after else (self._seat(m) or self.home)
            if host and host != m.actor.country:
                return host, m.actor.country
        return None

    def _seat(self, m: ActorMatch) -> str | None:
        """The host state of a mission named with its seat: "Kedutaan Besar China di Manila"."""
        words = m.text.split()
        at = [k for k, w in enumerate(words) if w.lower() in self.places]
        if not at or at[-1] + 1 >= len(words):
            return None
        seat = self.resolver.resolve(" ".join(words[at[-1] + 1:]), self.lang, self.when)
        return seat.country if seat is not None else None

    def _is_mission(self, title: str) -> bool:
        words = tuple(title.split())
        return any(words[:len(p)] == p for p in self.mission_titles)

    def crowd(self, matches: list[ActorMatch]) -> ActorMatch | None:
        """The host state's people as a mention at the foreign mission the sentence names
        (source of a protest there that names no protester), or None."""
        found = self._host(matches)
        if found is None:
            return None
        mission = next(m for m in matches if m.title and self._is_mission(m.title)
                       and m.actor.country == found[1])
        return replace(mission, actor=Actor(code=found[0] + "CVL", country=found[0], role="CVL"),
                       kind="role", title="", office=None)

    def sentence(self, matches: list[ActorMatch], text: str, offset: int) -> list[ActorMatch]:
        """The sentence's matches with its bare titles resolved (or dropped), in order; the
        named ones are remembered for the titles of later sentences. A title after a
        quantifier ("kedua menteri", "para menteri") names several actors: not resolved."""
        out: list[ActorMatch] = []
        host = None
        for m in matches:
            if m.kind != "bare":
                out.append(m)
                continue
            if m.actor.role in CROWD_ROLES:  # protesters at a foreign mission: the host's people
                host = host or self._host(matches) or ("", "")
                if host[0]:
                    out.append(replace(m, actor=Actor(code=host[0] + m.actor.role, country=host[0],
                                                      role=m.actor.role), kind="role"))
                continue
            before = text[:m.start - offset].split()
            if before and before[-1].lower() in self.quantifiers:
                continue
            after = text[m.end - offset:].split()[:1]
            if after and after[0].strip(",.").lower() in self.local_words and self.abroad:
                # "kepolisian setempat": the local authorities of where the story happens
                out.append(replace(m, actor=Actor(code=self.abroad + (m.actor.role or ""),
                                                  country=self.abroad, role=m.actor.role), kind="role"))
                continue
            actor = self._resolve(m)
            if actor is not None:
                out.append(replace(m, actor=actor, kind="role"))
        if self.suffixes:
            out = self._possessed(out, text, offset)
        opener = next((m.actor for m in out if m.kind != "group" and (m.actor.country or m.actor.org)
                       and not self._after_preposition(text, m.start - offset)), None)
        if opener is not None:
            self.topic = opener
        for m in out:  # a title's words and office now point at this actor
            if m.title and (m.actor.country or m.actor.org):
                self.by_title[m.title] = m.actor
                if m.office:
                    self.by_office[m.office] = m.actor
        return out

    def _resolve(self, m: ActorMatch) -> Actor | None:
        role = m.actor.role
        if m.office is None and role not in STATE_ROLES:
            return None  # "pihak", "orang", "warga", "pengusaha": too general to point at anyone
        prior = (self.by_office.get(m.office) if m.office else None) or self.by_title.get(m.title)
        if prior is not None:
            same = prior.role == role or role is None
            return prior if same else Actor(code=(prior.country or prior.org or "") + (role or ""),
                                            country=prior.country, org=prior.org, role=role)
        if self.home is None or not self._home_title(m.title):
            return None
        name = actor_id = None
        if m.office:
            t = self.resolver.office_holder(m.office, self.home, self.when)
            if t is not None:
                name, actor_id = t.name, t.person_id
        return Actor(code=self.home + (role or ""), country=self.home, role=role, name=name,
                     actor_id=actor_id)

    def _possessed(self, out: list[ActorMatch], text: str, offset: int) -> list[ActorMatch]:
        """``out`` with the sentence's possessed titles ("pasukannya") as their owner's role."""
        added = []
        if self._possessive_rx is None:
            self._possessive_rx = re.compile(
                r"(?i)(?<!\w)[^\W\d_]{4,}(?:" + "|".join(map(re.escape, self.suffixes)) + r")(?!\w)")
        for w in self._possessive_rx.finditer(text):
            low = w.group(0).lower()
            suffix = next((x for x in self.suffixes if low.endswith(x) and len(low) > len(x) + 3), None)
            if suffix is None:
                continue
            found = self._stem_role(low[:-len(suffix)])
            a, b = offset + w.start(), offset + w.end()
            if found is None or any(m.start < b and a < m.end for m in out):
                continue
            role, title = found
            owner = next((m.actor for m in out if m.end <= a and m.kind != "group"
                          and (m.actor.country or m.actor.org)), None) or self.topic
            if owner is None:
                continue
            if owner.country:
                actor = Actor(code=owner.country + (role or ""), country=owner.country, role=role)
            else:  # an organisation's leaders or forces: the organisation
                actor = Actor(code=owner.org or "", org=owner.org)
            added.append(ActorMatch(a, b, w.group(0), actor, "role", title=title))
        return sorted(out + added, key=lambda m: (m.start, m.end)) if added else out

    def _after_preposition(self, text: str, at: int) -> bool:
        """Does a preposition stand right before position ``at`` ("kalah dari Soviet")? Such
        an actor is no subject, so it does not become the topic."""
        before = text[:at].split()[-1:]
        return bool(before) and before[0].lower().strip(",") in self.preps

    def _stem_role(self, stem: str) -> tuple[str | None, str] | None:
        """(role, title) of a title word without its suffix: a state's own institution
        ("pemerintah", "pasukan") or the state itself ("negara"); else None ("mitra")."""
        key = (id(self.resolver), self.lang, stem)  # a bare title's role does not depend on the date
        if key not in _STEM_ROLES:
            hits = [m for m in self.resolver.find(stem, self.lang, self.when, bare=True)
                    if m.kind == "bare" and m.start == 0 and m.end == len(stem)]
            got = None
            if hits and (hits[0].actor.role in STATE_ROLES or
                         (hits[0].actor.role is None and hits[0].title in self.state_nouns)):
                got = (hits[0].actor.role, hits[0].title)
            if len(_STEM_ROLES) > 50_000:
                _STEM_ROLES.clear()
            _STEM_ROLES[key] = got
        return _STEM_ROLES[key]

    def _home_title(self, title: str) -> bool:
        words = tuple(title.split())
        return any(words[:len(p)] == p for p in self.home_titles)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: (resolver, language, word without its possessive suffix) -> (role, title) or None
_STEM_ROLES: dict[tuple[int, str, str], tuple[str | None, str] | None] = {}
_QUOTES = "\"“”"


def quote_speaker(sentence: Sentence, mentions: list[Mention], lex, last_persons: list[Mention]
                  ) -> list[Mention]:
    """First-person pronouns inside a quote stand for its speaker: '"Kami menawarkan kerja
    sama kepada Mesir," ujar Bupati X' (``first_person`` words before an ``attribution`` word and
    the actor after it; "ujarnya" points at the person named before). Returns ``mentions`` with
    the pronouns added."""
    text, firsts = sentence.text, lex.words("first_person")
    attribution = lex.words("attribution")
    if not firsts or not attribution or not any(q in text for q in _QUOTES):
        return mentions
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    said = next(((a, b, w) for a, b, w in words if w in attribution or
                 (w.endswith("nya") and w[:-3] in attribution)), None)
    if said is None:
        return mentions
    a, b, w = said
    if w in attribution:
        after = [m for m in mentions if m.start - sentence.start >= b
                 and m.start - sentence.start - b <= 40 and (m.actor.country or m.actor.org)]
        speaker = after[0].actor if after else None
    else:  # "ujarnya": the person named before
        speaker = last_persons[0].actor if last_persons else None
    if speaker is None:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for s, e, word in words:
        if word not in firsts or s >= a or not any(q in text[s:a] for q in _QUOTES):
            continue
        start, end = sentence.start + s, sentence.start + e
        if any(x < end and start < y for x, y in taken):
            continue
        out.append(Mention(sentence.doc_id, sentence.index, start, end, text[s:e], speaker, "person"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


__all__ = ["CROWD_ROLES", "STATE_ROLES", "Discourse", "quote_speaker"]
