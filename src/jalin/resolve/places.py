"""Place mentions in sentences, and where each event happened.

    >>> [p.place.name for p in find_places("Bentrokan terjadi di provinsi Batken.", "id")]
    ['Batken']

**Place mentions** (:func:`find_places`): names of the gazetteer
(:mod:`jalin.resolve.gazetteer`) written with a capital letter, longest
first, with the words around them (``data/places/words.tsv``):

- the *cue* before a name: ``at`` ("di Bishkek", "in Aleppo"), ``to`` ("ke
  Beijing"), ``near`` ("dekat Kharkiv"), ``from`` ("dari Astana");
- a *head* word that says what the name is: "kota Osh" (city), "provinsi
  Batken" / "Idlib province" (region), "perbatasan Kirgistan-Tajikistan" /
  "Kyrgyz-Tajik border" (a border area: two states joined by a dash or "dan";
  a bare "di wilayah perbatasan" is the border of the event's two states);
- a state after a comma ("Osh, Kyrgyzstan") qualifies the name;
- a state named by the actor tables becomes a country-precision place.

**Resolution.** A name in the team's table has that one sense. Otherwise
the GeoNames senses (a city, else a region; a region first after a region
head) decide: one sense, or a national capital ten times as populous as its
homonyms (Paris, not Paris, Texas; but Tripoli, Libya or Lebanon, stays
open), or the one in a state the article names; anything else stays unresolved (``why`` says
"ambiguous"), never guessed. A name that is also a common word or given name
("Lima", "Surat", "Jackson") counts only after a head word or with its state;
a single name next to another capitalised word is part of a longer name
("George Washington", "Jakarta Post") and no place. Typos are not corrected.

**Event locations** (:func:`locate_events`), in order:

1. ``sentence``: the place governed by the event's sentence: after "di"/"in"
   or "dekat"/"near"; after "ke"/"to" when it is not an actor, or for a visit
   or meeting (a capital or state after "ke" is the destination of a visit,
   not of a protest note); for a visit or an attack also its object
   ("mengunjungi Astana", "shelled Kharkiv"). A place belongs first to the
   nearest trigger: one with another event's trigger or a relative clause
   between ("mediasi ... setelah serangan ... di Doha", "drone yang digunakan
   di Ukraina") is taken only when the sentence names no place of the event's
   own, and never when it is only a state. The one nearest the trigger wins
   (after it before before it).
   A capital used as a metonym ("Moskow menolak") is an actor, not a place;
2. ``context``: for a meeting, visit or signing, the city or region of such
   an event of the same two actors (their roles agreeing where both are
   known) one or two sentences before (its date agreeing; the event asserted, not announced),
   as "Kedua pemimpin menandatangani ..." after "... bertemu di Astana";
3. ``dateline``: the dateline city ("ALMATY, Jan 7 (Reuters) -", "Jakarta,
   CNN Indonesia --") for an event of the article's main news (the lead
   sentence, or dated within two days before publication) when one of its
   actors is of the dateline's state: an Indonesian newsroom's "Jakarta" is
   not where a meeting in Moscow happened. Never for material conflict
   (QuadClass 4): a clash reported from "BISHKEK (AP)" was at the border;
4. else no location.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..models import CleanedArticle, Event, Location, Mention, Sentence
from ..lang import DEFAULT_LANGUAGE
from .gazetteer import Gazetteer, Place, Senses, default_gazetteer, fold, key_of, place_tokens

__all__ = ["PlaceMention", "find_places", "locate_events", "dateline_place", "describe_place"]

_STATE_KINDS = ("state",)
_PAIR_KINDS = ("state", "demonym", "capital")
_DASHES = ("-",)
_RANK = {"city": 3, "region": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text; offsets are ``offset`` + position in the text."""

    start: int
    end: int
    text: str
    place: Place | None  # the sense chosen; None: unresolved (see ``why``)
    candidates: tuple[Place, ...] = ()
    cue: str = ""  # at | to | near | from | topic ("situasi di X") | "" (none)
    head: str = ""  # city | region | border | ""
    actor: str = ""  # "same": the span is an actor mention too; "inside": part of a larger one
    why: str = ""  # team | unique | capital | qualified | context | state | ambiguous | word | no border | bare border
    qualifier: str | None = None  # a state after a comma ("Osh, Kyrgyzstan")

    @property
    def resolved(self) -> bool:
        return self.place is not None


# ---------------------------------------------------------------------- scanning


class _Scan:
    """One text's tokens, folded, with the actor mentions that cover them."""

    __slots__ = ("text", "offset", "toks", "norms", "actors", "starts", "g", "lang")

    def __init__(self, text: str, offset: int, actors: Iterable[Any], g: Gazetteer, lang: str):
        self.text = text
        self.offset = offset
        self.toks = place_tokens(text)
        self.norms = [fold(t[2]) for t in self.toks]
        self.actors = [(m.start - offset, m.end - offset, m) for m in actors]
        self.starts: dict[int, list[tuple[int, Any]]] = {}
        for a, b, m in self.actors:
            self.starts.setdefault(a, []).append((b, m))
        self.g = g
        self.lang = lang

    def phrase_ending(self, i: int, role: str) -> int:
        """Index of the first token of a ``role`` phrase ending just before token ``i``, else -1."""
        if i <= 0:
            return -1
        for ph in self.g.phrases_to(self.lang, role, self.norms[i - 1]):
            a = i - len(ph)
            if a >= 0 and tuple(self.norms[a:i]) == ph:
                return a
        return -1

    def phrase_at(self, i: int, role: str) -> int:
        """Index just past a ``role`` phrase starting at token ``i``, else -1."""
        if i >= len(self.norms):
            return -1
        for ph in self.g.phrases_from(self.lang, role, self.norms[i]):
            b = i + len(ph)
            if tuple(self.norms[i:b]) == ph:
                return b
        return -1

    def cue_before(self, i: int) -> tuple[str, str]:
        """(cue, head) governing a name that starts at token ``i``."""
        head = ""
        for role in ("border", "city", "region"):
            a = self.phrase_ending(i, role)
            if a >= 0:
                head, i = role, a
                break
        skip = self.phrase_ending(i, "skip")
        for at in ((i, skip) if skip >= 0 else (i,)):
            for cue in ("near", "from", "to", "at"):
                a = self.phrase_ending(at, cue)
                if a >= 0:
                    if cue == "at" and self.phrase_ending(a, "topic") >= 0:
                        return "topic", head  # "situasi di Kirgistan": what is talked about
                    return cue, head
        if head == "" and i >= 2 and self.norms[i - 1] == ",":
            # "di Istana Merdeka, Jakarta": a landmark's cue carries to its city
            k = i - 2
            while k > 0 and i - k <= 6 and (self.capitalised(k) or self.norms[k] in ("-", "'")):
                k -= 1
            if k < i - 2:
                for cue in ("near", "to", "at"):
                    if self.phrase_ending(k + 1, cue) >= 0:
                        return cue, ""
        return "", head

    def actor_at(self, i: int, kinds: tuple[str, ...]) -> tuple[int, Any] | None:
        """An actor mention of ``kinds`` starting at token ``i``: (index past it, mention)."""
        s = self.toks[i][0]
        for b, m in self.starts.get(s, ()):
            if m.kind in kinds and m.actor.country:
                j = i
                while j < len(self.toks) and self.toks[j][1] <= b:
                    j += 1
                return j, m
        return None

    def actor_cover(self, s: int, e: int) -> str:
        for a, b, _ in self.actors:
            if a == s and b == e:
                return "same"
            if a <= s and e <= b:
                return "inside"
        return ""

    def capitalised(self, i: int) -> bool:
        t = self.toks[i][2]
        return t[:1].isupper() and t[:1].isalpha()


def find_places(text: str, lang: str, gaz: Gazetteer | None = None, offset: int = 0,
                actors: Iterable[Any] = (), countries: frozenset[str] = frozenset()
                ) -> list[PlaceMention]:
    """Place mentions in ``text`` (see the module docstring).

    ``actors`` are the actor mentions of the text (``Mention`` or
    ``ActorMatch``, offsets as ``offset`` + position): they name the states
    of border areas and country-precision places and tell a capital that is
    an actor. ``countries`` are the states the article names, used to choose
    among homonyms.
    """
    g = gaz or default_gazetteer()
    sc = _Scan(text, offset, actors, g, lang)
    out: list[PlaceMention] = []
    n = len(sc.toks)
    i = 0
    while i < n:
        found = _border_at(sc, i) or _name_at(sc, i, countries) or _state_at(sc, i)
        if found is None:
            i += 1
            continue
        j, pm = found
        if not pm.cue and out and _coordinated(sc, out[-1].end - offset, pm.start - offset):
            pm = replace(pm, cue=out[-1].cue)  # "di Jalur Gaza dan Tepi Barat"
        out.append(pm)
        i = j
    return out


def _coordinated(sc: _Scan, a: int, b: int) -> bool:
    """Only commas and conjunctions ("dan", "and") stand between offsets a and b."""
    words = [fold(t) for _, _, t in place_tokens(sc.text[a:b])]
    coord = sc.g.phrases(sc.lang, "coord")
    return bool(words) and all(w == "," or (w,) in coord for w in words)


def _mention(sc: _Scan, i: int, j: int, place: Place | None, **kw: Any) -> PlaceMention:
    s, e = sc.toks[i][0], sc.toks[j - 1][1]
    cue, head = sc.cue_before(i)
    kw.setdefault("head", head)
    return PlaceMention(sc.offset + s, sc.offset + e, sc.text[s:e], place, cue=cue,
                        actor=sc.actor_cover(s, e), **kw)


def _border_at(sc: _Scan, i: int) -> tuple[int, PlaceMention] | None:
    """ "perbatasan X-Y", "border between X and Y" (head first) or "X-Y border"."""
    j = sc.phrase_at(i, "border")
    start = i
    if j < 0:
        if sc.toks[i][0] not in sc.starts:
            return None
        j = i
    pair = _state_pair(sc, j)
    if pair is None:
        if j > i:  # "di wilayah perbatasan": the border of the event's own two states, if any
            s, e = sc.toks[i][0], sc.toks[j - 1][1]
            cue, _ = sc.cue_before(i)
            return j, PlaceMention(sc.offset + s, sc.offset + e, sc.text[s:e], None, (), cue, "border",
                                   "", "bare border")
        return None
    k, a, b = pair
    if j == i:  # no head before: needs "border" after
        k2 = sc.phrase_at(k, "border_after") if k < len(sc.toks) else -1
        if k2 < 0:
            return None
        k = k2
    place = sc.g.border(a, b)
    s, e = sc.toks[start][0], sc.toks[k - 1][1]
    cue, _ = sc.cue_before(start)
    return k, PlaceMention(sc.offset + s, sc.offset + e, sc.text[s:e], place,
                           (place,) if place else (), cue, "border", "",
                           "team" if place else "no border")


def _state_pair(sc: _Scan, j: int) -> tuple[int, str, str] | None:
    if j >= len(sc.toks):
        return None
    first = sc.actor_at(j, _PAIR_KINDS)
    if first is None:
        return None
    k, ma = first
    if k >= len(sc.toks):
        return None
    if sc.norms[k] in _DASHES:
        k += 1
    else:
        k2 = sc.phrase_at(k, "pair")
        if k2 < 0:
            return None
        k = k2
    if k >= len(sc.toks):
        return None
    second = sc.actor_at(k, _PAIR_KINDS)
    if second is None or second[1].actor.country == ma.actor.country:
        return None
    return second[0], ma.actor.country, second[1].actor.country


def _name_at(sc: _Scan, i: int, countries: frozenset[str]) -> tuple[int, PlaceMention] | None:
    g = sc.g
    lengths = g.starts.get(sc.norms[i])
    if lengths is None:
        return None
    n = len(sc.toks)
    for length in lengths:
        if length > n - i:
            continue
        key = tuple(sc.norms[i:i + length])
        senses = g.lookup(key)
        if senses is None or not (senses.team or senses.cities or senses.regions):
            continue
        j = i + length
        s, e = sc.toks[i][0], sc.toks[j - 1][1]
        if senses.exact is not None and sc.text[s:e] != senses.exact:
            continue  # "DMZ", "LoC": only in exactly this case
        if not sc.capitalised(i):
            # "perbatasan Kirgistan-Tajikistan", "laut China Selatan": a team name
            # whose later words are capitalised
            if senses.team is None or length == 1 or not any(sc.capitalised(x) for x in range(i + 1, j)):
                continue
        if length == 1 and _inside_longer_name(sc, i, j):
            return None
        after_head = ""
        if j < n:
            for role, head in (("region_after", "region"), ("city_after", "city")):
                k = sc.phrase_at(j, role)
                if k > 0:
                    after_head, j = head, k
                    break
        qualifier = _qualifier(sc, j)
        cue, head = sc.cue_before(i)
        head = head or after_head
        place, cands, why = choose(senses, head, qualifier, countries)
        e = sc.toks[j - 1][1]
        return j, PlaceMention(sc.offset + s, sc.offset + e, sc.text[s:e], place, cands, cue, head,
                               sc.actor_cover(s, sc.toks[i + length - 1][1]), why, qualifier)
    return None


def _inside_longer_name(sc: _Scan, i: int, j: int) -> bool:
    """A single capitalised name beside another capitalised word is part of a longer name."""
    if i > 0 and sc.capitalised(i - 1):
        prev_is_cue = any(sc.phrase_ending(i, r) >= 0 for r in ("at", "to", "near", "from", "city", "region"))
        sentence_start = i - 1 == 0 or sc.toks[i - 2][2] in ".!?:\"“("
        if not prev_is_cue and not sentence_start:
            return True
    if j < len(sc.toks) and sc.capitalised(j):
        if sc.phrase_at(j, "date_word") < 0 and all(sc.phrase_at(j, r) < 0 for r in ("region_after", "city_after", "border_after")):
            return True
    return False


def _qualifier(sc: _Scan, j: int) -> str | None:
    if j + 1 < len(sc.toks) and sc.norms[j] == ",":
        st = sc.actor_at(j + 1, _STATE_KINDS)
        if st is not None:
            return st[1].actor.country
    return None


def _state_at(sc: _Scan, i: int) -> tuple[int, PlaceMention] | None:
    if sc.toks[i][0] not in sc.starts:
        return None
    st = sc.actor_at(i, _STATE_KINDS)
    if st is None:
        return None
    j, m = st
    place = sc.g.country_place(m.actor.country, sc.g.country_names.get(m.actor.country))
    if place is None:
        return None
    return j, _mention(sc, i, j, place, candidates=(place,), why="state")


def choose(senses: Senses, head: str = "", qualifier: str | None = None,
           countries: frozenset[str] = frozenset()) -> tuple[Place | None, tuple[Place, ...], str]:
    """The sense of a name, its candidates and why (see the module docstring)."""
    if senses.team is not None:
        return senses.team, (senses.team,), "team"
    if head == "region":
        cands = senses.regions or senses.cities
    else:
        cands = senses.cities or senses.regions
    if not cands:
        return None, (), "unknown"
    if senses.stop and not head and qualifier is None:
        return None, cands, "word"
    if qualifier is not None:
        mine = tuple(c for c in cands if c.country == qualifier)
        if len(mine) == 1:
            return mine[0], cands, "qualified"
        return None, cands, "ambiguous"
    if len(cands) == 1:
        return cands[0], cands, "unique"
    capitals = [c for c in cands if c.capital]
    if len(capitals) == 1 and all(c is capitals[0] or c.population * 10 <= capitals[0].population
                                  for c in cands):
        return capitals[0], cands, "capital"  # Paris, not Paris (Texas); but Tripoli stays open
    if countries:
        mine = tuple(c for c in cands if c.country in countries)
        if len(mine) == 1:
            return mine[0], cands, "context"
    return None, cands, "ambiguous"


def _rechoose(pm: PlaceMention, countries: frozenset[str]) -> PlaceMention:
    """An ambiguous mention resolved by the states the article names, if they decide it."""
    if pm.place is not None or pm.why != "ambiguous" or not countries:
        return pm
    mine = [c for c in pm.candidates if c.country in countries]
    if len(mine) == 1:
        return replace(pm, place=mine[0], why="context")
    return pm


# -------------------------------------------------------------------- datelines

_DATELINE_SEP = re.compile(r"\s[-–—]{1,2}\s|\s?[-–—]{2}\s?")
_OUTLET_LIKE = re.compile(r"\.|\d|^(?:Reuters|AP|AFP|ANTARA|Antara|Xinhua|Bernama|Anadolu|TASS|dpa|Kyodo|"
                          r"Sputnik|UPI|VOA|BBC|CNN Indonesia|Kompas|Tempo|Detik|Okezone|Viva)$")


def dateline_place(text: str, gaz: Gazetteer | None = None,
                   countries: frozenset[str] = frozenset()) -> Place | None:
    """The city of a news dateline at the start of ``text`` ("ALMATY, Jan 7 (Reuters) -")."""
    g = gaz or default_gazetteer()
    m = _DATELINE_SEP.search(text[:90])
    if m is None or m.start() == 0:
        return None
    prefix = text[:m.start()]
    if len(prefix.split()) > 7:
        return None
    for part in re.split(r"[,()/|]", prefix):
        part = part.strip()
        if not part or _OUTLET_LIKE.search(part) or not part[:1].isupper() or len(part.split()) > 3:
            continue
        senses = g.lookup(key_of(part))
        if senses is None:
            continue
        place, _, _ = choose(senses, "", None, countries)
        if place is not None and place.kind in ("city", "region"):
            return place
    return None


# ---------------------------------------------------------------------- events


def _location(place: Place, source: str) -> Location:
    return Location(place.name, place.country, place.admin1, place.lat, place.lon, place.precision,
                    source, place.countries)


def locate_events(cleaned: CleanedArticle, sentences: Sequence[Sentence],
                  mentions: Sequence[Mention], events: Sequence[Event],
                  gaz: Gazetteer | None = None) -> tuple[Event, ...]:
    """``events`` with ``location`` set where the article says where they happened."""
    if not events:
        return tuple(events)
    g = gaz or default_gazetteer()
    lang = cleaned.language
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    wanted = {e.sentence_index for e in events}
    scans = {s.index: find_places(s.text, lang, g, s.start, by_sentence.get(s.index, ()))
             for s in sentences if s.index in wanted}
    named = {m.actor.country for m in mentions if m.kind in ("state", "capital") and m.actor.country}
    for pms in scans.values():
        named.update(p.place.country for p in pms
                     if p.place is not None and p.place.country and (p.cue or p.head or p.why == "team"))
    countries = frozenset(named)
    scans = {k: [_rechoose(p, countries) for p in v] for k, v in scans.items()}
    lead = _lead(cleaned, sentences)
    texts = {s.index: s for s in sentences}
    triggers: dict[int, set[tuple[int, int]]] = {}
    for e in events:
        triggers.setdefault(e.sentence_index, set()).add((e.trigger_start, e.trigger_end))
    dateline = None
    for s in sentences[lead: lead + 2] if lead >= 0 else ():
        dateline = dateline_place(s.text, g, countries)
        if dateline is not None:
            break
    codes = _Codes(tuple(p[0] for p in g.phrases("*", "destination")),
                   tuple(p[0] for p in g.phrases("*", "object")),
                   g.phrases(lang, "relative"), g.phrases(lang, "coord"),
                   frozenset(w for r in ("city", "region", "skip") for ph in g.phrases(lang, r) for w in ph),
                   g.border, tuple(p[0] for p in g.phrases("*", "copresence")))
    located: list[Event] = []
    out: list[Event] = []
    for e in events:
        place = _sentence_place(e, scans.get(e.sentence_index, ()), by_sentence.get(e.sentence_index, ()),
                                codes, texts.get(e.sentence_index), triggers.get(e.sentence_index, ()))
        loc = _location(place, "sentence") if place is not None else _context(e, located, codes)
        if loc is None and dateline is not None and e.quad_class != 4 and _main_news(e, cleaned, sentences, lead) \
                and dateline.country in (e.source.country, e.target.country if e.target else None):
            loc = _location(dateline, "dateline")
        if loc is not None:
            e = replace(e, location=loc)
            if loc.source in ("sentence", "context"):
                located.append(e)
        out.append(e)
    return tuple(out)


def _lead(cleaned: CleanedArticle, sentences: Sequence[Sentence]) -> int:
    title = (cleaned.article.title or "").strip()
    for i, s in enumerate(sentences):
        if title and s.text.strip() == title:
            continue
        return i
    return -1


def _main_news(e: Event, cleaned: CleanedArticle, sentences: Sequence[Sentence], lead: int) -> bool:
    if e.date_source == "lead" or (lead >= 0 and e.sentence_index == sentences[lead].index):
        return True
    pub = cleaned.article.published
    if e.date is None or pub is None or e.date.day is None or pub.day is None:
        return False
    return 0 <= (pub.first_day() - e.date.first_day()).days <= 2


@dataclass(frozen=True, slots=True)
class _Codes:
    destination: tuple[str, ...]  # CAMEO prefixes: a state or capital after "ke"/"to" is the place
    obj: tuple[str, ...]  # CAMEO prefixes: an object place is the place
    relative: tuple[tuple[str, ...], ...]  # words opening a relative clause
    coord: tuple[tuple[str, ...], ...]  # conjunctions
    head_words: frozenset[str]  # words of head phrases ("kota", "city", "of", "the")
    border: Any = None  # Gazetteer.border: the border area of two states
    copresence: tuple[str, ...] = ()  # CAMEO prefixes of events that put both actors in one place


def _sentence_place(e: Event, pms: Sequence[PlaceMention], mentions: Sequence[Mention],
                    codes: _Codes, sentence: Sentence | None,
                    triggers: Sequence[tuple[int, int]] = ()) -> Place | None:
    t0, t1 = (e.trigger_start, e.trigger_end) if e.trigger_start >= 0 else (e.evidence.start, e.evidence.start)
    targets = [(m.start, m.end) for m in mentions if e.target is not None and m.actor == e.target]
    best: tuple[int, float, int, Place] | None = None
    objects = _objects(e, pms, sentence, codes) if e.cameo.startswith(codes.obj) else set()
    for pm in pms:
        if pm.why == "bare border" and pm.cue in ("at", "near", "to") and e.target is not None \
                and e.source.country and e.target.country:
            pm = replace(pm, place=codes.border(e.source.country, e.target.country))
        if pm.place is None or pm.cue in ("from", "topic"):
            continue
        if pm.actor == "inside" and pm.cue not in ("at", "near"):
            continue  # "Presiden Kazakhstan"; but "Kedutaan Besar RI di Islamabad" is in Islamabad
        if pm.cue in ("at", "near"):
            ok = True
        elif pm.cue == "to":
            ok = not pm.actor or e.cameo.startswith(codes.destination)
        else:  # no cue: the object of a visit or an attack ("mengunjungi Astana", "shelled Kharkiv")
            ok = pm.start in objects and (not pm.actor or any(a <= pm.start and pm.end <= b for a, b in targets))
        if not ok:
            continue
        # a place another trigger or a relative clause stands before is that one's first:
        # this event takes it only when the sentence names no city or region of its own
        theirs = _other_trigger_between(e, pm, triggers) or (
            sentence is not None and pm.start >= t1 and _relative_between(sentence, t1, pm.start, codes))
        if theirs and pm.place.precision == "country":
            continue
        dist = pm.start - t1 if pm.start >= t1 else (t0 - pm.end) * 1.5
        cand = (int(theirs), dist, -_RANK[pm.place.precision], pm.place)
        if best is None or cand[:3] < best[:3]:
            best = cand
    return best[3] if best is not None else None


def _objects(e: Event, pms: Sequence[PlaceMention], sentence: Sentence | None, codes: _Codes) -> set[int]:
    """Starts of the places that are the trigger's object: right after it (a head word
    may stand between: "shelled the city of Kharkiv", whose mention starts at "Kharkiv"
    with the head read before it), or coordinated with one that is ("mengunjungi
    Kazakhstan pada 29 Oktober dan Uzbekistan")."""
    if sentence is None or e.trigger_start < 0:
        return set()
    out: set[int] = set()
    last = e.trigger_end
    for pm in sorted(pms, key=lambda p: p.start):
        if pm.start < last:
            continue
        between = [(fold(t),) for _, _, t in place_tokens(sentence.text[last - sentence.start:pm.start - sentence.start])]
        between = [w for w in between if w[0] not in codes.head_words]
        if not between or (out and between[-1] in codes.coord):
            out.add(pm.start)
            last = pm.end
        else:
            break
    return out


def _other_trigger_between(e: Event, pm: PlaceMention, triggers: Sequence[tuple[int, int]]) -> bool:
    """Another event's trigger stands between this event's trigger and the place."""
    t0, t1 = e.trigger_start, e.trigger_end
    if t0 < 0:
        return False
    for a, b in triggers:
        if (a, b) == (t0, t1) or a < 0:
            continue
        if (t1 <= a and b <= pm.start) or (pm.end <= a and b <= t0):
            return True
    return False


def _relative_between(s: Sentence, a: int, b: int, codes: _Codes) -> bool:
    """A relative clause opens between offsets a and b ("... yang digunakan di Ukraina")."""
    words = [(fold(t),) for _, _, t in place_tokens(s.text[a - s.start:b - s.start])]
    return any(w in codes.relative for w in words)


def _sides(e: Event) -> dict[str, str | None]:
    """Actor key -> role, for both sides of an event."""
    sides = {e.source.key: e.source.role}
    if e.target is not None:
        sides[e.target.key] = e.target.role
    return sides


def _same_pair(a: Event, b: Event) -> bool:
    """The same two actors: same keys, roles equal where both are known ("Kedua pemimpin"
    (KAZ, RUS) continues KAZGOV-RUSGOV; China's ministry condemning a protest of Kyrgyz
    citizens, CHNGOV-KGZGOV, does not continue KGZCVL-CHNGOV)."""
    sa, sb = _sides(a), _sides(b)
    return sa.keys() == sb.keys() and all(sa[k] is None or sb[k] is None or sa[k] == sb[k] for k in sa)


def _context(e: Event, located: list[Event], codes: _Codes) -> Location | None:
    """A city or region of the same dyad's event one or two sentences before."""
    for prev in reversed(located):
        if e.sentence_index - prev.sentence_index > 2:
            break
        if prev.sentence_index >= e.sentence_index or not _same_pair(prev, e):
            continue
        if prev.location.precision == "country" or e.modality != "asserted":
            continue  # "visited Kazakhstan ... the aid Kazakhstan will give" is not in Kazakhstan
        if not (prev.cameo.startswith(codes.copresence) and e.cameo.startswith(codes.copresence)):
            continue  # from a meeting, visit or signing to another: both actors are still there
        if e.date is not None and prev.date is not None and e.date != prev.date:
            continue
        return replace(prev.location, source="context")
    return None


# ------------------------------------------------------------------------ CLI


def describe_place(text: str, lang: str = DEFAULT_LANGUAGE, country: str | None = None,
                   gaz: Gazetteer | None = None, resolver: Any = None) -> dict[str, Any]:
    """How ``text`` reads as places (``jalin place``): every mention, its sense and why."""
    from .actors import default_resolver

    g = gaz or default_gazetteer()
    r = resolver or default_resolver()
    actors = r.find(text, lang, None)
    countries = frozenset([country] if country else [])
    mentions = find_places(text, lang, g, 0, actors, countries)
    if not mentions:  # a bare name: look it up whole ("Batken", "Laut China Selatan")
        senses = g.lookup(key_of(text))
        if senses is not None:
            place, cands, why = choose(senses, "", None, countries)
            mentions = [PlaceMention(0, len(text), text, place, cands, why=why)]
    return {
        "text": text,
        "lang": lang,
        "country": country,
        "places": [_describe(pm) for pm in mentions],
    }


def _describe(pm: PlaceMention) -> dict[str, Any]:
    def place(p: Place) -> dict[str, Any]:
        return {"name": p.name, "kind": p.kind, "country": p.country, "countries": list(p.countries),
                "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "precision": p.precision,
                "origin": p.origin}

    return {
        "text": pm.text, "start": pm.start, "end": pm.end,
        "resolved": pm.resolved, "why": pm.why, "cue": pm.cue or None, "head": pm.head or None,
        "actor": pm.actor or None, "qualifier": pm.qualifier,
        "place": place(pm.place) if pm.place is not None else None,
        "candidates": [place(p) for p in pm.candidates[:10]] if not pm.resolved else [],
        "candidate_count": len(pm.candidates),
    }
