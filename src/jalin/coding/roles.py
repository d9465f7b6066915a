"""Who did it to whom: source and target of a trigger, its negation and modality.

Works on a :class:`SentenceView` (tokens, actor mentions and time
expressions of one sentence, indexed by token). Coordinated mentions form
groups ("Kazakhstan dan Uzbekistan"); roles are then read off word order
and voice, the way an Indonesian (or English) reader does:

* active verb: the nearest group before it that is not inside a
  prepositional phrase or the object of another verb is the source; the
  first group after it is the target;
* passive verb (di-, "was ... by"): the group before is the target, the
  agent after it ("oleh X", or directly "direbut Rusia") the source;
* nominal trigger ("kunjungan Presiden Putin ke Kazakhstan"): a group
  right after the noun is its agent, the group after a preposition the
  target; else the clause subject is the source;
* symmetric frames (talks, calls, agreements): "antara X dan Y", or pairs
  within a coordinated subject (unless a direct object names the partner:
  "the five ministers met their Japanese counterpart");
* "pair" frames (fight, clash): symmetric for a coordinated subject when no
  target is named, else as "intr".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..models import UNKNOWN_ACTOR, Actor, Mention
from .lexicon import Lexicon
from .nominal import noun_args, noun_phrase_end, topical_agent
from .triggers import TriggerMatch
from .view import (  # noqa: F401  (re-exported: the coder and language modules use them)
    _PUNCT_BOUNDARY,
    PLACE_TARGET_ROOTS,
    Group,
    SentenceView,
    _new_actor,
    build_groups,
    can_act,
    same_actor,
)

_HARD_STOP = {";", ":"}
PROTEST_ROOT = "14"
# appeals and demands: their addressee may follow "agar"/"supaya"; the act asked for is no event
APPEAL_ROOTS = frozenset({"02", "10"})
MAX_SUBJECT_DISTANCE = 25
MAX_TARGET_DISTANCE = 16


@dataclass
class Roles:
    pairs_list: list[tuple[Mention, Mention]] = field(default_factory=list)
    negated: bool = False
    intent: bool = False
    hypothetical: bool = False
    reported: bool = False
    source_key: str | None = None

    @property
    def modality(self) -> str:
        if self.hypothetical:
            return "hypothetical"
        if self.intent:
            return "intent"
        if self.reported:
            return "reported"
        return "asserted"

    def pairs(self) -> list[tuple[Mention, Mention]]:
        return self.pairs_list


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if tuple(words[i:i + n]) == phrase:
            return i
    return -1


def _group_ending_at(view: SentenceView, lex: Lexicon, head: int) -> int:
    """The length of a "kedua negara"-style phrase (group2/group3/group5) ending right before
    token ``head``, else 0."""
    for cat in ("group2", "group3", "group5"):
        for p in lex.phrases(cat):
            n = len(p)
            if head >= n and tuple(view.lower[head - n:head]) == p:
                return n
    return 0


def _modality(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> Roles:
    r = Roles()
    before = view.lower[:trig.first]
    window: list[str] = []
    lo = trig.first - 6
    for i in range(trig.first - 1, -1, -1):
        if i <= lo:
            break
        w = view.lower[i]
        if w in ('"', "“", "”", "'"):
            continue  # quotation marks inside a clause: "ingin "meningkatkan dialog""
        if lex.pack.modal_reach_skips_dates and view.in_date(i):
            lo -= 1  # "agreed on Saturday to provide aid": a date does not end the reach
            continue
        if w in _PUNCT_BOUNDARY or view.in_mention(i) or w in lex.words("clause"):
            break
        window.append(w)
    wset = set(window)
    r.negated = bool(wset & lex.words("negator"))
    r.intent = (bool(wset & lex.words("intent")) or any(
        _has_phrase(list(reversed(window)), p) >= 0 for p in lex.phrases("intent") if len(p) > 1)
    ) and not lex.pack.delivered(view, trig, lex)
    if trig.form in ("va", "vp") and _denied(view, trig, lex):
        r.negated = True  # "membantah telah memasok drone": the act denied (not "membantah tuduhan")
    if trig.form in ("va", "vp") and any(_has_phrase(before, p) >= 0 for p in lex.phrases("negator_scope")):
        r.negated = True  # "tak satu pun dari X yang mendukung ...": the verb, not a noun inside its object
    r.hypothetical = bool(set(before) & lex.words("hypothetical")) or lex.pack.supposed(view, trig, lex)
    r.reported = bool(set(before) & lex.words("reported")) or (
        not lex.pack.is_reported_demand(trig) and lex.pack.reported_clause(view, trig, lex))
    return r


def _denied(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
    """Does a verb of denial stand right before the verb, past auxiliaries only ("menyangkal
    mengirim", "membantah telah memasok")? A denial further back ("membantah tuduhan itu dan
    menyalahkan X") leaves the verb alone."""
    skip = lex.words("aux") | lex.words("intent")
    i = trig.first - 1
    while i >= 0 and view.lower[i] in skip:
        i -= 1
    return i >= 0 and view.lower[i] in lex.words("denial")


class _Finder:
    """Role search over one view for one trigger."""

    def __init__(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon):
        self.v, self.t, self.lex = view, trig, lex
        self.pack = lex.pack
        self.pp = lex.words("pp")
        self.clause = lex.words("clause")
        self.aux = lex.words("aux") | lex.words("intent") | lex.words("negator")

    def prev_word(self, g: Group) -> str:
        """The word governing group g ("by the U.N.", "in east Bosnia": past determiners)."""
        return self.pack.governing_word(self.v, g.t0)

    def is_verb(self, w: str) -> bool:
        return self.pack.looks_verbal(w, self.lex)

    def is_object(self, g: Group) -> bool:
        w = self.prev_word(g)
        if self.pack.partitive(self.v, g.t0, w):
            return False  # "thousands of Nigerians", "a member of the Syrian parliament"
        if w in self.pp:
            return True
        if w in self.lex.words("speech"):
            return False  # "mengatakan Kazakhstan akan ...": a clause begins
        # "killed two Iraqi youths and wounded ...", "menyebabkan Kazakhstan menutup ..."
        return self.pack.object_by_verb(self.v, g.t0, w, self.lex)

    def in_capacity(self, g: Group) -> bool:
        """Is g named as the capacity of the actor before it ("Malaysia selaku Pengerusi ASEAN",
        "Brunei sebagai tuan rumah Sidang Kemuncak ASEAN"): a capacity word at most four words
        before it, with no punctuation, actor or verb between?"""
        words = self.pack.capacity_words
        if not words:
            return False
        for k in range(g.t0 - 1, max(-1, g.t0 - 6), -1):
            w = self.v.lower[k]
            if w in words:
                return True
            if self.v.is_boundary(k) or self.v.in_mention(k) or self.is_verb(w):
                return False
        return False

    def relative_antecedent(self, g: Group) -> bool:
        v = self.v
        nxt = v.lower[g.t1] if g.t1 < len(v.lower) else ""
        nxt2 = v.lower[g.t1 + 1] if g.t1 + 1 < len(v.lower) else ""
        return nxt in self.pack.relative_pronouns or (nxt == "," and nxt2 in self.pack.comma_relative_pronouns)

    def relative_clause_subject(self):
        """In "N yang V", the subject of V is N: the actor group N, or None when N is
        no actor ("republik rakyat yang didukung Moskow"); "X merupakan salah satu
        negara yang V" takes X across the copula. False when V opens no relative clause."""
        k = self.t.first - 1
        skip = self.aux | self.lex.words("adverb") | self.lex.words("manner")  # "yang telah lama mengeluhkan"
        while k >= 0 and self.v.lower[k] in skip:
            k -= 1
        if k < 0 or self.v.lower[k] not in self.pack.relative_pronouns:
            return False
        end = k - 1 if k > 0 and self.v.lower[k - 1] == "," else k
        before = [g for g in self.v.groups if g.t1 <= end]
        if not before:
            return None
        g = before[-1]
        if g.t1 == end:
            return g
        if set(self.v.lower[g.t1:end]) & self.lex.words("copula") and end - g.t1 <= 8:
            return g
        return None

    def subject(self, allow_pp_antecedent: bool = False) -> Group | None:
        pack, v, t = self.pack, self.v, self.t
        k = pack.participle_clause_start(v, t)
        if k is not None:  # "X shelled the town, killing 20 people": X killed them
            return next((g for g in v.groups if g.t1 <= k and not self.is_object(g)
                         and not pack.in_parenthetical(v, g, k)), None)
        if pack.subject_through_relative:
            rel = self.relative_clause_subject()
            if rel is not False:
                return rel
        if pack.thing_relative(v, t):
            return None  # "the declaration, which condemned attacks on X": no actor did it
        subordinate = self.subordinate_clause_subject()
        if subordinate is not False:
            return subordinate
        fallback = None  # English: "Opposition groups in Zimbabwe are demanding": not Zimbabwe
        for g in reversed(v.groups):
            if g.t1 > t.first:
                continue
            if t.first - g.t1 > MAX_SUBJECT_DISTANCE:
                break
            if any(v.lower[i] in _HARD_STOP for i in range(g.t1, t.first)):
                break
            if pack.in_parenthetical(v, g, t.first):
                continue  # "Pakistan, a key U.S. ally, has refused": not U.S.
            if self.in_capacity(g):
                continue  # "Malaysia selaku Pengerusi ASEAN menggesa": Malaysia, in that capacity
            between = pack.clause_between(v, g, t, self.lex)
            if between == "block":
                return fallback  # "... when former dictator Idi Amin expelled them": not Uganda
            if between == "skip":
                continue  # "members of his government, whom they had taken hostage"
            if between == "main":  # "X refused to meet Y, saying he would ...": X
                return next((x for x in v.groups if x.t1 <= t.first and not self.is_object(x)
                             and not pack.in_parenthetical(v, x, t.first)), None)
            if pack.subordinate_subject(v, g, t, self.lex):
                return g  # "after a Serbian army jet shot down ...": the jet's state
            if pack.relative_subject(v, g, t.first):
                return g  # "... to Macedonia, which is preparing an offensive": Macedonia
            gap = [w for w in v.lower[g.t1:t.first] if w not in self.aux]
            if self.relative_antecedent(g) and (allow_pp_antecedent or len(gap) <= 2
                                                or not self.is_object(g)):
                return g  # "para pemimpin X yang menyatakan ...": X says it
            if not self.is_object(g):
                return g
            if not gap:
                if pack.object_can_be_subject:
                    return g  # "menyebabkan Kazakhstan menutup ...": X is the subject of the next verb
                fallback = fallback or g
        return fallback

    def subordinate_clause_subject(self) -> Group | None | bool:
        """A verb right after a subordinator with no subject of its own ("..., setelah mengundang
        pasukan", "sambil menuduh X") shares its clause's subject: the first actor that is no
        object since the last complementizer ("bahwa"). False: the rule does not apply."""
        v, t = self.v, self.t
        i = t.first - 1
        while i >= 0 and v.lower[i] in self.aux:
            i -= 1
        if i < 1 or v.lower[i] not in self.lex.words("subordinator"):
            return False
        start = max((k + 1 for k in range(i) if v.lower[k] in self.pack.complementizers
                     and v.lower[k] not in self.pack.relative_pronouns), default=0)
        return next((g for g in v.groups if start <= g.t0 and g.t1 <= i and not self.is_object(g)
                     and not self.pack.in_parenthetical(v, g, t.first)), None)

    def right_groups(self, after: int) -> list[Group]:
        out = []
        for g in self.v.groups:
            if g.t0 <= after:
                continue
            if g.t0 - self.t.last > MAX_TARGET_DISTANCE:
                break
            between = self.v.lower[self.t.last + 1:g.t0]
            if any(w in _HARD_STOP for w in between):
                break
            if any(w == "," and nx in self.pack.nonrestrictive_openers for w, nx in zip(between, between[1:])):
                break
            appeal = self.t.entry.cameo[:2] in APPEAL_ROOTS and len(between) == 1 and \
                between[0] in self.lex.words("appeal_marker")  # "menyerukan agar Myanmar ..."
            if not appeal and any(w in self.clause and w not in self.pack.complementizers for w in between):
                break
            if any(w in self.pack.verb_coordinators and self.is_verb(nx)
                   for w, nx in zip(between, between[1:])):
                break  # "menyetujui X dan menggunakan ... Y": Y belongs to the next verb
            out.append(g)
        return out

    def targets(self, after: int, exclude: list[Mention]) -> list[Group]:
        """Candidate target groups after token ``after``: not places ("di Bishkek"). A member of
        a bloc named as the source may still be the target ("Negara-negara ASEAN mendesak
        Myanmar"): the bloc's other members act on it."""
        if len(exclude) > 2 and all(m.kind == "group" for m in exclude):
            exclude = []
        loc = self.lex.words("location")
        place_ok = self.t.entry.cameo[:2] in PLACE_TARGET_ROOTS
        out = []
        for g in self.right_groups(after):
            between = self.v.lower[self.t.last + 1:g.t0]
            if between[:1] and between[0] in self.pack.complement_markers:
                between = between[2:]  # "mengancam akan memblokir ... Swedia": the complement's object
            elif between and self.pack.is_active_verb(between[0], self.lex):
                between = between[1:]  # "menolak mengakui ... X"
            if not self.t.nominal and any(self.pack.is_active_verb(w, self.lex) for w in between):
                break  # "menuduh perusahaan itu memasok ... ke Rusia": Rusia is the next verb's
            if self.pack.reporter_after_comma and any(w == "," and nx in self.lex.words("speech")
                                                      for w, nx in zip(between, between[1:])):
                break  # "..., kata militer Korea Selatan": the reporter, not a target
            if self.prev_word(g) in self.lex.words("topic"):
                continue  # "membahas situasi Gaza": what they talk about, not whom to
            if self.pack.names_place(self.v, g, self.t):
                continue  # "at a meeting in Germany", "along the Afghan-Pakistani border"
            if g.t0 <= self.t.last < g.t1 and g.keys & {m.actor.key for m in exclude}:
                continue  # "mengangkut pasukan Rusia ke ...": the source's own troops are what is moved
            if self.pack.reports(self.v, g, self.lex):
                continue  # ", the Israeli army said": the reporter, not a target
            if self.pack.co_agent(self.v, g, self.t):
                continue  # "in solidarity with X", "on behalf of X": not the one acted on
            # "di Bishkek" is where, "di Kedutaan Besar China" whom: an institution is no place
            institution = all(m.kind == "role" for m in g.members)
            if _new_actor(g, exclude) and (place_ok or institution or self.prev_word(g) not in loc
                                           or g.t0 - 1 <= self.t.last):
                out.append(g)
        # "cleansing in Montenegro against the Albanians": against first
        return self.pack.order_targets(self, out)

    def subject_adjacent(self, g: Group) -> bool:
        return self.adjacent_from(g.t1)

    def adjacent_from(self, end: int) -> bool:
        """Is a subject ending at token ``end`` the agent of a nominal trigger?

        Yes when only auxiliaries and at most one verb stand between them
        ("Turki menyuarakan solidaritas", "X melakukan kunjungan"), and that
        verb is not one of saying ("Merodow mengatakan kunjungan itu").
        """
        between = self.v.lower[end:self.t.first]
        intent = self.lex.words("intent")
        ok = self.lex.words("aux") | intent | self.lex.words("negator")
        speech = self.lex.words("speech")
        # "menyatakan ingin memperkuat kerja sama": saying one's own intent is no report of another
        rest = [w for w, nx in zip(between, between[1:] + [""])
                if w not in ok and not (w in speech and nx in intent)]
        if not rest:
            return True
        if any(k in self.v.verb_triggers for k in range(end, self.t.first)
               if self.v.lower[k] not in self.lex.words("light") and self.v.lower[k] not in intent):
            return False  # "Usaha X untuk menengahi gencatan senjata": the noun is the verb's object
        purpose = self.pack.purpose_words
        if len(rest) == 1 and rest[0] in purpose:
            return True  # "bersiap untuk pembicaraan"
        if rest == [self.v.lower[self.t.first - 1]] and rest[0] in self.lex.words("announce"):
            return True  # "menyatakan dukungan", "mengumumkan sanksi": the act is what is announced
        if len(rest) > 2 or any(w in self.lex.words("speech") for w in rest):
            return False
        light = self.lex.words("light")
        return all(w in light or self.is_verb(w) or w in purpose for w in rest) and \
            sum(1 for w in rest if w not in purpose) == 1

    def possessor(self) -> Group | None:
        """An agent right after a nominal trigger: "kunjungan Presiden Putin"."""
        for g in self.v.groups:
            if g.t0 <= self.t.first:
                continue
            if g.t0 > self.t.last + 3:
                return None
            between = self.v.lower[self.t.last + 1:g.t0]
            if self.is_object(g) or any(self.v.is_boundary(i) for i in range(self.t.last + 1, g.t0)):
                return None
            if any(w in self.pack.relative_pronouns or self.is_verb(w) for w in between):
                return None  # "bantuan yang dibutuhkan Kyrgyzstan": not the giver
            return g
        return None

    def agent(self) -> Group | None:
        """The agent of a passive: after "oleh"/"by", or directly after the verb."""
        for g in self.right_groups(self.t.first):
            w = self.prev_word(g)
            if w in self.lex.words("prep_agent"):
                return g
            if g.t0 <= self.t.last + 1 or self._agent_behind_head(g):
                return g
        return None

    def _agent_behind_head(self, g: Group) -> bool:
        """"diserang oleh puluhan drone Rusia", "dihantam rudal Rusia": the agent's state
        after the head noun of the agent phrase (two plain words, three after "oleh")."""
        lo = self.t.last + 1
        words = self.v.lower[lo:g.t0]
        agent_prep = self.lex.words("prep_agent")
        limit = 2
        if words and words[0] in agent_prep:
            words, lo, limit = words[1:], lo + 1, 3
        if not words or len(words) > limit or any(self.v.is_boundary(i) for i in range(lo, g.t0)):
            return False
        stop = self.lex.words("prep_target") | agent_prep | self.pack.relative_pronouns
        return all(w.isalpha() and w not in stop and not self.is_verb(w) for w in words)

    def after_from(self) -> Group | None:
        for g in self.right_groups(self.t.first):
            if self.prev_word(g) in self.lex.words("prep_from"):
                return g
        return None

    def antara(self) -> list[Mention] | None:
        """"antara X dan Y" / "between X and Y" right after the trigger: [X, Y...]."""
        stop = min(len(self.v.lower), self.t.last + 4)
        for i in range(self.t.last + 1, stop):
            if self.v.lower[i] not in self.pack.between_words:
                continue
            after = [g for g in self.v.groups if g.t0 > i]
            if not after or after[0].t0 > i + 4:
                return None
            first = after[0]
            if len(first.distinct()) >= 2:
                return first.distinct()
            if len(after) > 1 and after[1].t0 - first.t1 <= 5 and \
                    any(w in self.pack.and_words for w in self.v.lower[first.t1:after[1].t0]):
                ms = first.distinct() + [m for m in after[1].distinct() if m.actor.key not in first.keys]
                return ms if len(ms) >= 2 else None
            return None
        return None

    def fronted_subject(self, after: Group | None) -> Group | None:
        """"Dalam percakapan dengan X, Erdogan mengatakan": the subject after the comma."""
        start = after.t1 if after else self.t.last
        for g in self.v.groups:
            if g.t0 < start:
                continue
            if self.prev_word(g) == "," and not self.is_object(g):
                return g
        return None


def _phrase_end(view: SentenceView, lex: Lexicon, lo: int, hi: int) -> int | None:
    """Token index just after the last group-anaphor phrase in lo..hi, if any."""
    words = view.lower[lo:hi]
    end = None
    for cat in ("group2", "group3", "group5"):
        for p in lex.phrases(cat):
            k = _has_phrase(words, p)
            if k >= 0:
                e = lo + k + len(p)
                end = e if end is None else max(end, e)
    return end


def _anaphor_group(view: SentenceView, lex: Lexicon, lo: int, hi: int, salience: Counter,
                   exclude: set[str], last_states: list[Mention]) -> list[Mention]:
    """Members of "kedua negara"/"ketiga negara"/"negara tersebut" between tokens lo..hi."""
    words = view.lower[lo:hi]
    for cat, n in (("group2", 2), ("group3", 3), ("group5", 5)):
        for p in lex.phrases(cat):
            if _has_phrase(words, p) >= 0:
                for g in reversed([g for g in view.groups if g.t1 <= hi]):
                    keys = [m for m in g.distinct() if m.actor.key not in exclude]
                    if len(keys) >= n:
                        return keys[:n]
                # the states of the sentence before ("Xi menerima Berdimuhamedov ... Kedua pemimpin ..."),
                # else the article's most mentioned ones
                prev = list(dict.fromkeys(m.actor.key for m in last_states if m.actor.key not in exclude))
                if len(prev) == n:
                    states = prev
                elif len(prev) > n:
                    # more states just named than the phrase counts ("Rusia, Kazakhstan dan
                    # Uzbekistan menyambut ... kedua negara"): the article's main ones, when they
                    # stand out, else the most mentioned of those
                    top = [c for c, _ in salience.most_common() if c not in exclude][:n]
                    rest = [salience[c] for c in prev if c not in top]
                    main = len(top) == n and min(salience[c] for c in top) >= max(rest, default=0)
                    states = top if main else sorted(prev, key=lambda c: -salience[c])[:n]
                else:
                    states = [c for c, _ in salience.most_common() if c not in exclude][:n]
                if len(states) < n:
                    return []
                return [Mention(view.sentence.doc_id, view.sentence.index, view.tokens[lo].start,
                                view.tokens[hi - 1].end, " ".join(p), Actor(code=c, country=c), "group")
                        for c in states]
    for p in lex.phrases("plural_pronoun"):  # "Mereka juga menandatangani ...": the states just named
        k = _has_phrase(words, p)
        if k >= 0 and (lo + k == 0 or view.lower[lo + k - 1] == "," or view.lower[lo + k - 1] in lex.pack.and_words):
            prev = list(dict.fromkeys(m.actor.key for m in last_states if m.actor.key not in exclude))
            if len(prev) >= 2:
                return [Mention(view.sentence.doc_id, view.sentence.index, view.tokens[lo + k].start,
                                view.tokens[lo + k].end, " ".join(p), Actor(code=c, country=c), "group")
                        for c in prev[:5]]
            return []
    for p in lex.phrases("anaphor_state"):
        if _has_phrase(words, p) >= 0:
            pos = lo + _has_phrase(words, p)
            cands = [m for m, (a, b) in zip(view.mentions, view.mention_spans)
                     if b <= pos and m.actor.country and m.actor.key not in exclude]
            if not cands:
                cands = [m for m in last_states if m.actor.key not in exclude]
            return cands[-1:] if cands else []
    return []


def _reported_demand(view: SentenceView, trig: TriggerMatch, lex: Lexicon, r: Roles) -> Roles | None:
    """"X said Y must ...": a demand by X on Y (the pack finds them; see LanguagePack.reported_demand)."""
    def subject_before(tok: int) -> Group | None:
        return _Finder(view, replace(trig, first=tok, last=tok), lex).subject()

    got = lex.pack.reported_demand(view, trig, subject_before, lex)
    if got is None:
        return None
    r.intent = False  # "must" is the demand itself, not an announced act
    r.pairs_list = [(a, b) for a in got[0] for b in got[1] if not same_actor(a.actor, b.actor)]
    if not r.pairs_list:
        return None
    r.source_key = r.pairs_list[0][0].actor.key
    return r


def _co_agents(view: SentenceView, lex: Lexicon, src: list[Mention], trig: TriggerMatch) -> list[Mention]:
    """Actors who act together with the source: a group after the lexicon's ``co_agent`` words
    ("bersama (dengan) X", "together with X") that opens the sentence before a comma or stands
    right after the source, before the trigger."""
    co = lex.words("co_agent")
    if not co:
        return []
    keys = {m.actor.key for m in src}
    spans = [view.mention_spans[view.mentions.index(m)] for m in src if m in view.mentions]
    src_end = max((b for _, b in spans), default=-1)
    out: list[Mention] = []
    for g in view.groups:
        if g.t0 >= trig.first:
            break
        k = g.t0 - 1
        if k >= 0 and view.lower[k] in lex.pack.partner_preps:
            k -= 1  # "bersama dengan"
        if k < 0 or view.lower[k] not in co:
            continue
        fronted = k == 0 and g.t1 < len(view.lower) and view.lower[g.t1] == ","
        right_after = k == src_end or (k == src_end + 1 and view.lower[src_end] == ",")
        if fronted or right_after:
            out += [m for m in g.distinct() if m.actor.key not in keys]
        elif g.keys & keys:  # "Indonesia bersama Malaysia mengecam": the subject before "bersama"
            before = [h for h in view.groups if h.t1 == k]
            if before:
                out += [m for m in before[0].distinct() if m.actor.key not in keys]
    return out


def _act_of_another(view: SentenceView, trig: TriggerMatch, lex: Lexicon, src: list[Mention],
                    last_agents: list[Actor], agents_by_root: dict[str, Actor]) -> list[Mention]:
    """"Teheran mengecam keputusan tersebut", "Israel membantah tuduhan itu": a reaction whose
    object is an act named by a demonstrative (lexicon ``act_noun`` + ``demonstrative``) is
    aimed at whoever acted last in the article, if that is someone else. An act noun of a known
    kind (lexicon ``act_root``: "serangan:19") is aimed at whoever last did an act named by that
    noun ("melancarkan serangan"), else of that kind: "AS mengutuk serangan itu" after Russia's
    strikes and Ukraine's accusation is against Russia (``agents_by_root``: root or "w:" + noun)."""
    words = view.lower
    acts, demonstratives = lex.words("act_noun"), lex.words("demonstrative")
    # "mengutuk serangan | itu", "menyebut serangan itu sebagai kejahatan", "mengecam | langkah itu"
    k = trig.first + 1
    while k < len(words) and k <= trig.last + 2 and words[k] not in acts:
        k += 1
    if k >= len(words) or words[k] not in acts:
        return []
    end = next((j for j in range(k + 1, min(len(words), k + 4)) if words[j] in demonstratives), None)
    if end is None or any(view.in_mention(j) for j in range(k, end + 1)):
        return []  # "keputusan Israel itu" names its actor itself
    roots = act_roots(lex).get(words[k], ())
    by_kind = [agents_by_root[r] for r in roots if r in agents_by_root]
    if "w:" + words[k] in agents_by_root:  # whoever last did an act named by this very noun
        by_kind.append(agents_by_root["w:" + words[k]])
    other = next((a for a in list(reversed(by_kind)) + list(reversed(last_agents))
                  if not any(same_actor(a, m.actor) for m in src)), None)
    if other is None:
        return []
    s = view.sentence
    a, b = view.tokens[k].start, view.tokens[end].end
    return [Mention(s.doc_id, s.index, a, b, s.text[a - s.start:b - s.start], other, "anaphor")]


#: agentless passives whose agent is the state they happen in ("ditangkap di Malaysia")
PLACE_AGENT_ROOTS = frozenset({"09", "17"})
#: expel or deport individuals: the state they are expelled from ("dideportasi dari Malaysia")
EXPEL = "174"


def passive_place(f: _Finder, in_preps: frozenset[str], from_preps: frozenset[str]) -> Group | None:
    """The agent of an agentless passive of an official act (arrest, detention, investigation):
    the state it happened in; of an expulsion: the state they were expelled from."""
    code = f.t.entry.cameo
    preps = from_preps if code[:3] == EXPEL else in_preps if code[:2] in PLACE_AGENT_ROOTS else ()
    for g in f.right_groups(f.t.last) if preps else ():
        if f.prev_word(g) in preps and any(m.actor.country for m in g.members):
            return g
    return None


def _directly_after(view: SentenceView, trig: TriggerMatch, g: Group, lex: Lexicon) -> bool:
    """Does group g stand right after the trigger, or after a counterpart word ("menerima
    sejawatnya dari China": China's counterpart is who is received)?"""
    between = view.lower[trig.last + 1:g.t0]
    if not between:
        return True
    return len(between) <= 3 and between[0] in lex.words("counterpart") and \
        all(w in lex.words("counterpart") or w in lex.words("prep_from") for w in between)


def act_roots(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Act nouns -> the CAMEO roots of the acts they name (lexicon ``act_root``, "serangan:19")."""
    got = _ACT_ROOTS.get(id(lex))
    if got is not None and got[0] is lex:
        return got[1]
    out: dict[str, tuple[str, ...]] = {}
    for item in lex.words("act_root"):
        word, _, roots = item.partition(":")
        out[word] = tuple(r for r in roots.split(",") if r)
    _ACT_ROOTS[id(lex)] = (lex, out)
    return out


_ACT_ROOTS: dict[int, tuple[Lexicon, dict[str, tuple[str, ...]]]] = {}


def _pronoun_subject(view: SentenceView, trig: TriggerMatch, lex: Lexicon,
                     last_persons: list[Mention]) -> list[Mention]:
    """"Ia juga bertemu ...": a pronoun subject stands for the person named just before."""
    pronouns = lex.words("pronoun")
    if not pronouns:
        return []
    ok = lex.words("aux") | lex.words("intent") | lex.words("negator") | lex.words("light")
    for p in range(trig.first - 1, max(-1, trig.first - 5), -1):
        w = view.lower[p]
        if w in pronouns:
            before = view.lower[p - 1] if p > 0 else ""
            if p == 0 or before in (",", "“", '"') or before in lex.words("clause") or \
                any(before == pair[-1] for pair in lex.pack.clause_opener_pairs):
                # "Mirziyoyev ... KTT ..., di mana ia akan bertemu": the person named earlier in
                # the sentence, else the one named just before it
                here = [m for m, (a, b) in zip(view.mentions, view.mention_spans)
                        if b <= p and (m.kind == "person" or (m.kind == "role" and m.actor.name))]
                return here[:1] or list(last_persons[:1])
            return []
        if w not in ok:
            return []
    return []


def _both_ways(pairs: list[tuple[Mention, Mention]], pack) -> list[tuple[Mention, Mention]]:
    """Pairs of a symmetric act whose participants stand side by side ("X and Y signed", "talks
    between X and Y"): each direction when the pack says so (``symmetric_both_ways``)."""
    if not pack.symmetric_both_ways:
        return pairs
    return pairs + [(b, a) for a, b in pairs]


def _unknown_source(view: SentenceView, trig: TriggerMatch) -> Mention:
    """The source of an agentless event: an unknown actor, placed on the trigger."""
    s = view.sentence
    return Mention(s.doc_id, s.index, trig.start, trig.end, "", UNKNOWN_ACTOR, "unknown")


def find_roles(view: SentenceView, trig: TriggerMatch, lex: Lexicon, salience: Counter,
               last_states: list[Mention], nxt: SentenceView | None,
               last_persons: list[Mention] = (), last_agents: list[Actor] = (),
               agents_by_root: dict[str, Actor] | None = None) -> Roles | None:
    pack = lex.pack
    r = _modality(view, trig, lex)
    f = _Finder(view, trig, lex)
    frame = trig.entry.frame
    src: list[Mention] = []
    tgt: list[Mention] = []
    tgt_group: Group | None = None
    nominal = trig.nominal or (trig.form == "b" and pack.bare_is_nominal)
    if pack.is_reported_demand(trig):
        return _reported_demand(view, trig, lex, r)
    rel = pack.reduced_relative(view, trig)  # "sanctions on three banks it accused of ..."
    if rel is not None:
        r.pairs_list = [(a, b) for a in rel[0].distinct() for b in rel[1].distinct()
                        if not same_actor(a.actor, b.actor)]
        if r.pairs_list:
            r.source_key = r.pairs_list[0][0].actor.key
            return r
    if frame == "rev":
        g = f.after_from()
        s = f.subject()
        src, tgt = (g.distinct() if g else []), (s.distinct() if s else [])
    elif trig.passive:
        s = f.subject(allow_pp_antecedent=True)
        a = f.agent()
        if a is None:
            a = pack.agentless_passive_source(f)  # "was arrested in Lebanon": the state where it happened
        tgt, src = (s.distinct() if s else []), (a.distinct() if a else [])
    elif nominal and pack.head_initial_nouns:
        # "serangan Israel terhadap X", "pengusiran diplomat Rusia oleh Jerman" (jalin.coding.nominal)
        na = noun_args(f)
        src, tgt, tgt_group = na.source, na.target, na.target_group
        if not src:
            src, after = topical_agent(f, noun_phrase_end(f))
            if src and not tgt:  # "Kecaman disampaikan Presiden Prancis kepada Iran"
                prep = lex.words("prep_target")
                rest = [g for g in f.targets(after - 1, src) if f.prev_word(g) in prep and g.t0 - after <= 2]
                tgt_group = rest[0] if rest else None
                tgt = tgt_group.distinct() if tgt_group else []
        if not src and frame == "poss":
            return None
        if not src:
            s = f.subject()
            if s is not None and f.subject_adjacent(s):
                src = s.distinct()
            if not tgt:
                rest = f.targets(trig.first, src)
                tgt_group = rest[0] if rest else None
                tgt = tgt_group.distinct() if tgt_group else []
            if not src and tgt_group is not None:
                fs = f.fronted_subject(tgt_group)
                src = fs.distinct() if fs else []
    else:
        poss = f.possessor() if nominal else None
        by = pack.nominal_agent(view, trig, lex) if poss is None else None
        if by is not None:  # "the visit by Lavrov to Astana"
            src = by.distinct()
            rest = [g for g in f.targets(trig.first, src) if g is not by]
            tgt_group = rest[0] if rest else None
            tgt = tgt_group.distinct() if tgt_group else []
        elif poss is not None:
            src = poss.distinct()
            prep = lex.words("prep_target")
            rest = [g for g in f.targets(poss.t1 - 1, poss.members)
                    if f.prev_word(g) in prep and g.t0 - poss.t1 <= 2]  # "bantuan Jepang kepada X"
            tgt_group = rest[0] if rest else None
            tgt = tgt_group.distinct() if tgt_group else []
        elif frame == "poss" and nominal:
            return None
        else:
            s = f.subject()
            if s is not None and nominal and not f.subject_adjacent(s):
                s = None
            src = s.distinct() if s else []
            rest = f.targets(trig.first, src)
            tgt_group = rest[0] if rest else None
            tgt = tgt_group.distinct() if tgt_group else []
            if not src and tgt_group is not None and nominal:
                fs = f.fronted_subject(tgt_group)
                src = fs.distinct() if fs else []
    if frame == "direct" and not trig.passive and (tgt_group is None or not _directly_after(view, trig, tgt_group, lex)):
        return None  # "menerima Presiden X" hosts X; "menerima bantuan dari X" is not this
    if frame in ("sym", "pair"):
        ms = f.antara()
        if ms is not None:
            r.pairs_list = _both_ways([(ms[0], m) for m in ms[1:]], pack)
            r.source_key = ms[0].actor.key
            return r
    if src and not tgt and not trig.passive:
        tgt = pack.pronoun_object(view, trig, src)  # "met President Y and invited him"
    # a pronoun right before the verb is its subject, whatever actor stands further left
    pron = _pronoun_subject(view, trig, lex, list(last_persons))
    if pron and trig.passive:
        tgt = pron
    elif pron and not (tgt and pron[0].actor.key in {m.actor.key for m in tgt}):
        src = pron
    # anaphoric groups: "kedua negara menandatangani", "meminta bantuan dari kedua tetangga"
    head = trig.first
    if view.has_group_anaphor:
        # "Kedua kepala negara juga sepakat ...": the phrase ends before the auxiliaries
        skip = lex.words("aux") | lex.words("intent") | lex.words("negator")
        while head > 0 and trig.first - head < 3 and view.lower[head - 1] in skip:
            head -= 1
    if src and view.has_group_anaphor and not trig.passive and not nominal:
        # "Rusia menjadi pemasok ... sejak kedua negara menandatangani ...": a group phrase right
        # before the verb is its subject, whatever actor stands further left
        n = _group_ending_at(view, lex, head)
        if n:
            both = _anaphor_group(view, lex, head - n, head, salience, set(), last_states)
            if len(both) >= 2:
                src = both
    if not src and view.has_group_anaphor:
        lo = max(0, head - 3)
        if nominal:  # "kedua pemimpin sepakat untuk memperkuat kerja sama"
            end = _phrase_end(view, lex, max(0, trig.first - 8), trig.first)
            lo = max(0, end - 4) if end is not None and f.adjacent_from(end) else -1
        if lo >= 0:
            partner = tgt_group is not None and f.prev_word(tgt_group) in pack.partner_preps
            if pack.symmetric_anaphor_pairs and frame in ("sym", "pair") and not partner:
                # "The two sides signed an agreement on ... the Central Asia-China pipeline": the two
                # sides are the pair, whatever actor the object names
                both = _anaphor_group(view, lex, lo, trig.first, salience, set(), last_states)
                if len(both) >= 2:
                    src, tgt, tgt_group = both, [], None
            if not src:
                src = _anaphor_group(view, lex, lo, trig.first, salience,
                                     {m.actor.key for m in tgt}, last_states)
    if not tgt and view.has_group_anaphor:
        tgt = _anaphor_group(view, lex, trig.last + 1, min(len(view.lower), trig.last + 5),
                             salience, {m.actor.key for m in src}, last_states)
    if not tgt and nxt is not None and nxt.lower[:1] and nxt.lower[0] in pack.continuation_openers \
            and nxt.groups:
        tgt = nxt.groups[0].distinct()
    if src and not trig.passive:  # "Bersama dengan Mesir dan AS, Qatar menengahi ...": Egypt and the US too
        src = src + _co_agents(view, lex, src, trig)
    if src and not tgt and last_agents:  # "Teheran mengecam keputusan tersebut": whoever decided
        tgt = _act_of_another(view, trig, lex, src, last_agents, agents_by_root or {})
    if tgt and not src and trig.entry.cameo[:2] == PROTEST_ROOT and view.host_crowd is not None \
            and view.host_crowd.actor.country not in {m.actor.country for m in tgt}:
        src = [view.host_crowd]  # "aksi serupa digelar di depan Kedubes Inggris": the host's people
    if tgt and not src and pack.unknown_agent(f):
        src = [_unknown_source(view, trig)]  # "X was attacked", "a car bomb killed X": no agent named
    with_partner = tgt_group is not None and f.prev_word(tgt_group) in pack.partner_preps
    # "The five Central Asian ministers met their Japanese counterpart": the object is the partner
    with_object = tgt_group is not None and not nominal and tgt_group.t0 > trig.last \
        and f.prev_word(tgt_group) == view.lower[trig.last]
    # "pair" (fight, clash): a coordinated subject fights itself when no one else is named
    symmetric = frame == "sym" or (frame == "pair" and not tgt)
    reciprocal = trig.first > 0 and view.lower[trig.first - 1] in lex.words("reciprocal")
    if reciprocal and len(src) >= 2:  # "Tajikistan dan Kirgistan saling menuduh"
        r.pairs_list = [(a, b) for a in src for b in src if not same_actor(a.actor, b.actor)]
    elif symmetric and len(src) >= 2 and not with_partner and not with_object:
        r.pairs_list = _both_ways([(a, b) for k, a in enumerate(src) for b in src[k + 1:]], pack)
    elif symmetric and not src and len(tgt) >= 2:
        r.pairs_list = _both_ways([(tgt[0], b) for b in tgt[1:]], pack)
    else:
        r.pairs_list = [(a, b) for a in src for b in tgt if not same_actor(a.actor, b.actor)]
    if not r.pairs_list and frame in ("intr", "pair") and src and not tgt:
        home = pack.home_target(f, src)  # "Turkish police imposed a curfew ... in southeastern Turkey"
        if home is not None:
            r.pairs_list = [(m, home) for m in src if m.actor.role]
    if not r.pairs_list and frame in ("intr", "pair") and src and not tgt \
            and pack.may_stand_alone(view, trig, lex):
        r.pairs_list = [(m, None) for m in src]  # "X resigned": an event with no target
    if not r.pairs_list:
        return None
    r.source_key = r.pairs_list[0][0].actor.key
    return r
