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
  within a coordinated subject.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..models import Actor, Mention
from .lexicon import Lexicon
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
        if lex.lang == "en" and view.in_date(i):
            lo -= 1  # "agreed on Saturday to provide aid": a date does not end the reach
            continue
        if w in _PUNCT_BOUNDARY or view.in_mention(i) or w in lex.words("clause"):
            break
        window.append(w)
    wset = set(window)
    r.negated = bool(wset & lex.words("negator"))
    r.intent = bool(wset & lex.words("intent")) or any(
        _has_phrase(list(reversed(window)), p) >= 0 for p in lex.phrases("intent") if len(p) > 1)
    if trig.form in ("va", "vp") and any(_has_phrase(before, p) >= 0 for p in lex.phrases("negator_scope")):
        r.negated = True  # "tak satu pun dari X yang mendukung ...": the verb, not a noun inside its object
    r.hypothetical = bool(set(before) & lex.words("hypothetical"))
    r.reported = bool(set(before) & lex.words("reported"))
    return r


class _Finder:
    """Role search over one view for one trigger."""

    def __init__(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon):
        self.v, self.t, self.lex = view, trig, lex
        self.pp = lex.words("pp")
        self.clause = lex.words("clause")
        self.aux = lex.words("aux") | lex.words("intent") | lex.words("negator")

    def prev_word(self, g: Group) -> str:
        if self.lex.lang == "en":  # "by the U.N.", "in east Bosnia": past determiners
            from .lang_en import prev_word
            return prev_word(self.v, g.t0)
        return self.v.lower[g.t0 - 1] if g.t0 > 0 else ""

    def is_verb(self, w: str) -> bool:
        return (self.lex.lang == "id" and len(w) > 4 and w.isalpha()
                and w.startswith(("me", "ber", "di")) and w not in self.lex.words("not_verb"))

    def is_object(self, g: Group) -> bool:
        w = self.prev_word(g)
        if w == "of" and self.lex.lang == "en":
            from .lang_en import of_is_partitive
            if of_is_partitive(self.v, g.t0):
                return False  # "thousands of Nigerians", "a member of the Syrian parliament"
        if w in self.pp:
            return True
        if w in self.lex.words("speech"):
            return False  # "mengatakan Kazakhstan akan ...": a clause begins
        if self.lex.lang == "en":
            from .lang_en import after_verb
            return after_verb(self.v, g.t0, self.lex)  # "killed two Iraqi youths and wounded ..."
        return self.lex.lang == "id" and w.startswith("me") and self.is_verb(w)

    def relative_antecedent(self, g: Group) -> bool:
        v = self.v
        nxt = v.lower[g.t1] if g.t1 < len(v.lower) else ""
        nxt2 = v.lower[g.t1 + 1] if g.t1 + 1 < len(v.lower) else ""
        return nxt in ("yang", "who", "which", "that") or (nxt == "," and nxt2 in ("yang", "who", "which"))

    def relative_clause_subject(self):
        """In "N yang V", the subject of V is N: the actor group N, or None when N is
        no actor ("republik rakyat yang didukung Moskow"); "X merupakan salah satu
        negara yang V" takes X across the copula. False when V opens no relative clause."""
        k = self.t.first - 1
        while k >= 0 and self.v.lower[k] in self.aux:
            k -= 1
        if k < 0 or self.v.lower[k] != "yang":
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
        if self.lex.lang == "en":
            from .lang_en import participle_clause_start
            k = participle_clause_start(self.v, self.t)
            if k is not None:  # "X shelled the town, killing 20 people": X killed them
                return next((g for g in self.v.groups if g.t1 <= k and not self.is_object(g)
                             and not _en_parenthetical(self.v, g, k)), None)
        if self.lex.lang == "id":
            rel = self.relative_clause_subject()
            if rel is not False:
                return rel
        if self.lex.lang == "en" and _en_thing_relative(self.v, self.t):
            return None  # "the declaration, which condemned attacks on X": no actor did it
        fallback = None  # English: "Opposition groups in Zimbabwe are demanding": not Zimbabwe
        for g in reversed(self.v.groups):
            if g.t1 > self.t.first:
                continue
            if self.t.first - g.t1 > MAX_SUBJECT_DISTANCE:
                break
            if any(self.v.lower[i] in _HARD_STOP for i in range(g.t1, self.t.first)):
                break
            if self.lex.lang == "en" and _en_parenthetical(self.v, g, self.t.first):
                continue  # "Pakistan, a key U.S. ally, has refused": not U.S.
            if self.lex.lang == "en":
                between = _en_clause_between(self.v, g, self.t, self.lex)
                if between == "block":
                    return fallback  # "... when former dictator Idi Amin expelled them": not Uganda
                if between == "skip":
                    continue  # "members of his government, whom they had taken hostage"
                if between == "main":  # "X refused to meet Y, saying he would ...": X
                    return next((x for x in self.v.groups if x.t1 <= self.t.first and not self.is_object(x)
                                 and not _en_parenthetical(self.v, x, self.t.first)), None)
                if _en_subordinate_subject(self.v, g, self.t, self.lex):
                    return g  # "after a Serbian army jet shot down ...": the jet's state
            if self.lex.lang == "en" and _en_relative_subject(self.v, g, self.t.first):
                return g  # "... to Macedonia, which is preparing an offensive": Macedonia
            gap = [w for w in self.v.lower[g.t1:self.t.first] if w not in self.aux]
            if self.relative_antecedent(g) and (allow_pp_antecedent or len(gap) <= 2
                                                or not self.is_object(g)):
                return g  # "para pemimpin X yang menyatakan ...": X says it
            if not self.is_object(g):
                return g
            if not gap:
                if self.lex.lang != "en":
                    return g  # "menyebabkan Kazakhstan menutup ...": X is the subject of the next verb
                fallback = fallback or g
        return fallback

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
            if _has_phrase(between, (",", "yang")) >= 0 or _has_phrase(between, (",", "which")) >= 0:
                break
            if any(w in self.clause and w not in ("bahwa", "yang", "that", "which") for w in between):
                break
            if any(w in ("dan", "serta", "and") and self.is_verb(nx)
                   for w, nx in zip(between, between[1:])):
                break  # "menyetujui X dan menggunakan ... Y": Y belongs to the next verb
            out.append(g)
        return out

    def targets(self, after: int, exclude: list[Mention]) -> list[Group]:
        """Candidate target groups after token ``after``: not places ("di Bishkek")."""
        loc = self.lex.words("location")
        place_ok = self.t.entry.cameo[:2] in PLACE_TARGET_ROOTS
        out = []
        for g in self.right_groups(after):
            between = self.v.lower[self.t.last + 1:g.t0]
            if between[:1] in (["akan"], ["untuk"]):
                between = between[2:]  # "mengancam akan memblokir ... Swedia": the complement's object
            elif between and between[0].startswith("me") and self.is_verb(between[0]):
                between = between[1:]  # "menolak mengakui ... X"
            if not self.t.nominal and self.lex.lang == "id" and any(
                    w.startswith("me") and self.is_verb(w) for w in between):
                break  # "menuduh perusahaan itu memasok ... ke Rusia": Rusia is the next verb's
            if self.lex.lang == "id" and any(w == "," and nx in self.lex.words("speech")
                                             for w, nx in zip(between, between[1:])):
                break  # "..., kata militer Korea Selatan": the reporter, not a target
            if self.prev_word(g) in self.lex.words("topic"):
                continue  # "membahas situasi Gaza": what they talk about, not whom to
            if g.t0 <= self.t.last < g.t1 and g.keys & {m.actor.key for m in exclude}:
                continue  # "mengangkut pasukan Rusia ke ...": the source's own troops are what is moved
            if self.lex.lang == "en" and _en_reporter(self.v, g, self.lex):
                continue  # ", the Israeli army said": the reporter, not a target
            if self.lex.lang == "en" and _en_co_agent(self.v, g, self.t):
                continue  # "in solidarity with X", "on behalf of X": not the one acted on
            if _new_actor(g, exclude) and (place_ok or self.prev_word(g) not in loc or g.t0 - 1 <= self.t.last):
                out.append(g)
        if self.lex.lang == "en":  # "cleansing in Montenegro against the Albanians": against first
            # "complained to the UN over Israeli raids": the one complained about, not the addressee
            about = self.t.entry.cameo[:2] == "11" and any(
                self.prev_word(g) in ("over", "about", "against") for g in out)
            out.sort(key=lambda g: (self.prev_word(g) in ("in", "at", "near", "inside"),
                                    about and self.prev_word(g) == "to"))
        return out

    def subject_adjacent(self, g: Group) -> bool:
        return self.adjacent_from(g.t1)

    def adjacent_from(self, end: int) -> bool:
        """Is a subject ending at token ``end`` the agent of a nominal trigger?

        Yes when only auxiliaries and at most one verb stand between them
        ("Turki menyuarakan solidaritas", "X melakukan kunjungan"), and that
        verb is not one of saying ("Merodow mengatakan kunjungan itu").
        """
        between = self.v.lower[end:self.t.first]
        ok = self.lex.words("aux") | self.lex.words("intent") | self.lex.words("negator")
        rest = [w for w in between if w not in ok]
        if not rest:
            return True
        if rest == ["untuk"]:
            return True  # "bersiap untuk pembicaraan"
        if len(rest) > 2 or any(w in self.lex.words("speech") for w in rest):
            return False
        light = self.lex.words("light")
        return all(w in light or self.is_verb(w) or w == "untuk" for w in rest) and \
            sum(1 for w in rest if w != "untuk") == 1

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
            if any(w in ("yang", "which", "who", "that") or self.is_verb(w) for w in between):
                return None  # "bantuan yang dibutuhkan Kyrgyzstan": not the giver
            return g
        return None

    def agent(self) -> Group | None:
        """The agent of a passive: after "oleh"/"by", or directly after the verb."""
        for g in self.right_groups(self.t.first):
            w = self.prev_word(g)
            if w in self.lex.words("prep_agent"):
                return g
            if g.t0 <= self.t.last + 1:
                return g
        return None

    def after_from(self) -> Group | None:
        for g in self.right_groups(self.t.first):
            if self.prev_word(g) in self.lex.words("prep_from"):
                return g
        return None

    def antara(self) -> list[Mention] | None:
        """"antara X dan Y" / "between X and Y" right after the trigger: [X, Y...]."""
        stop = min(len(self.v.lower), self.t.last + 4)
        for i in range(self.t.last + 1, stop):
            if self.v.lower[i] not in ("antara", "between"):
                continue
            after = [g for g in self.v.groups if g.t0 > i]
            if not after or after[0].t0 > i + 4:
                return None
            first = after[0]
            if len(first.distinct()) >= 2:
                return first.distinct()
            if len(after) > 1 and after[1].t0 - first.t1 <= 5 and \
                    any(w in ("dan", "and") for w in self.v.lower[first.t1:after[1].t0]):
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
                if len(prev) >= n:
                    states = sorted(prev, key=lambda c: -salience[c])[:n]
                else:
                    states = [c for c, _ in salience.most_common() if c not in exclude][:n]
                if len(states) < n:
                    return []
                return [Mention(view.sentence.doc_id, view.sentence.index, view.tokens[lo].start,
                                view.tokens[hi - 1].end, " ".join(p), Actor(code=c, country=c), "group")
                        for c in states]
    for p in lex.phrases("plural_pronoun"):  # "Mereka juga menandatangani ...": the states just named
        k = _has_phrase(words, p)
        if k >= 0 and (lo + k == 0 or view.lower[lo + k - 1] in (",", "dan", "and")):
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


def _en_passive_place(f: _Finder) -> Group | None:
    """English agentless passive of an official act (arrest, investigation): the state it happened in."""
    if f.t.entry.cameo[:2] not in ("09", "17"):
        return None
    for g in f.right_groups(f.t.last):
        if f.prev_word(g) == "in" and any(m.actor.country for m in g.members):
            return g
    return None


def _en_reporter(view: SentenceView, g: Group, lex: Lexicon) -> bool:
    from .lang_en import is_reporter

    return is_reporter(view, g, lex)


def _en_thing_relative(view: SentenceView, trig: TriggerMatch) -> bool:
    from .lang_en_wire import thing_relative

    return thing_relative(view, trig)


def _en_co_agent(view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
    from .lang_en_wire import co_agent

    return co_agent(view, g, trig)


def _en_subordinate_subject(view: SentenceView, g: Group, trig: TriggerMatch, lex: Lexicon) -> bool:
    from .lang_en_wire import subordinate_subject

    return subordinate_subject(view, g, trig, lex)


def _en_clause_between(view: SentenceView, g: Group, trig: TriggerMatch, lex: Lexicon) -> str | None:
    from .lang_en_wire import clause_between

    return clause_between(view, g, trig, lex)


def _en_nominal_agent(f: _Finder) -> Group | None:
    from .lang_en_wire import nominal_agent

    return nominal_agent(f.v, f.t, f.lex)


def _en_relative_subject(view: SentenceView, g: Group, trigger: int) -> bool:
    from .lang_en import relative_subject

    return relative_subject(view, g, trigger)


def _en_parenthetical(view: SentenceView, g: Group, before: int) -> bool:
    from .lang_en import in_parenthetical

    return in_parenthetical(view, g, before)


def _reported_demand_en(view: SentenceView, trig: TriggerMatch, lex: Lexicon, r: Roles) -> Roles | None:
    """English "X said Y must ...": see jalin.coding.lang_en.reported_demand."""
    from dataclasses import replace

    from .lang_en import reported_demand

    def subject_before(tok: int) -> Group | None:
        return _Finder(view, replace(trig, first=tok, last=tok), lex).subject()

    got = reported_demand(view, trig, subject_before, lex)
    if got is None:
        return None
    r.intent = False  # "must" is the demand itself, not an announced act
    r.pairs_list = [(a, b) for a in got[0] for b in got[1] if not same_actor(a.actor, b.actor)]
    if not r.pairs_list:
        return None
    r.source_key = r.pairs_list[0][0].actor.key
    return r


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
            if p == 0 or before in (",", "“", '"', "mana") or before in lex.words("clause"):
                # "Mirziyoyev ... KTT ..., di mana ia akan bertemu": the person named earlier in
                # the sentence, else the one named just before it
                here = [m for m, (a, b) in zip(view.mentions, view.mention_spans)
                        if b <= p and (m.kind == "person" or (m.kind == "role" and m.actor.name))]
                return here[:1] or list(last_persons[:1])
            return []
        if w not in ok:
            return []
    return []


# roots whose action a state's own institutions take against its population (curfews, arrests, force)
HOME_TARGET_ROOTS = {"14", "17", "18", "19", "20"}


def _en_home_target(f: _Finder, src: list[Mention]) -> Mention | None:
    """English: "Turkish authorities imposed a curfew in a town in southeastern Turkey":
    a state's institution acting in its own state acts on that state's population (role CVL)."""
    if f.t.entry.cameo[:2] not in HOME_TARGET_ROOTS or not all(m.actor.role for m in src):
        return None
    homes = {m.actor.country for m in src}
    for g in f.right_groups(f.t.last):
        for m in g.members:
            a = m.actor
            if a.country in homes and a.role is None and len(homes) == 1:
                from dataclasses import replace

                return replace(m, actor=Actor(code=a.country + "CVL", country=a.country, role="CVL"))
    return None


def _alone_ok(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
    """May this trigger stand without a target? English: only when used as a verb
    ("rebels surrendered", "staged a hunger strike"), not a noun ("faced imprisonment")."""
    if lex.lang != "en":
        return True
    from .lang_en import is_verbal

    return is_verbal(view, trig, lex)


def find_roles(view: SentenceView, trig: TriggerMatch, lex: Lexicon, salience: Counter,
               last_states: list[Mention], nxt: SentenceView | None,
               last_persons: list[Mention] = ()) -> Roles | None:
    r = _modality(view, trig, lex)
    f = _Finder(view, trig, lex)
    frame = trig.entry.frame
    src: list[Mention] = []
    tgt: list[Mention] = []
    tgt_group: Group | None = None
    nominal = trig.nominal or (trig.form == "b" and lex.lang == "id")
    if lex.lang == "en" and trig.entry.items[0].value in ("must", "should"):
        return _reported_demand_en(view, trig, lex, r)
    if lex.lang == "en" and not trig.passive:
        from .lang_en_wire import reduced_relative

        rel = reduced_relative(view, trig)  # "sanctions on three banks it accused of ..."
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
        if a is None and lex.lang == "en":
            a = _en_passive_place(f)  # "was arrested in Lebanon": the state where it happened
        tgt, src = (s.distinct() if s else []), (a.distinct() if a else [])
    else:
        poss = f.possessor() if nominal else None
        by = _en_nominal_agent(f) if lex.lang == "en" and poss is None else None
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
    if frame == "direct" and not trig.passive and (tgt_group is None or tgt_group.t0 != trig.last + 1):
        return None  # "menerima Presiden X" hosts X; "menerima bantuan dari X" is not this
    if frame == "sym":
        ms = f.antara()
        if ms is not None:
            r.pairs_list = [(ms[0], m) for m in ms[1:]]
            r.source_key = ms[0].actor.key
            return r
    if lex.lang == "en" and src and not tgt and not trig.passive:
        from .lang_en_wire import pronoun_object

        tgt = pronoun_object(view, trig, src)  # "met President Y and invited him"
    # a pronoun right before the verb is its subject, whatever actor stands further left
    pron = _pronoun_subject(view, trig, lex, list(last_persons))
    if pron and trig.passive:
        tgt = pron
    elif pron and not (tgt and pron[0].actor.key in {m.actor.key for m in tgt}):
        src = pron
    # anaphoric groups: "kedua negara menandatangani", "meminta bantuan dari kedua tetangga"
    if not src and view.has_group_anaphor:
        lo = max(0, trig.first - 3)
        if nominal:  # "kedua pemimpin sepakat untuk memperkuat kerja sama"
            end = _phrase_end(view, lex, max(0, trig.first - 8), trig.first)
            lo = max(0, end - 4) if end is not None and f.adjacent_from(end) else -1
        if lo >= 0:
            partner = tgt_group is not None and f.prev_word(tgt_group) == "with"
            if lex.lang == "en" and frame == "sym" and not partner:
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
    if not tgt and nxt is not None and nxt.lower[:1] == ["yang"] and nxt.groups:
        tgt = nxt.groups[0].distinct()
    with_partner = tgt_group is not None and f.prev_word(tgt_group) in ("dengan", "with")
    reciprocal = trig.first > 0 and view.lower[trig.first - 1] in lex.words("reciprocal")
    if reciprocal and len(src) >= 2:  # "Tajikistan dan Kirgistan saling menuduh"
        r.pairs_list = [(a, b) for a in src for b in src if not same_actor(a.actor, b.actor)]
    elif frame == "sym" and len(src) >= 2 and not with_partner:
        r.pairs_list = [(a, b) for k, a in enumerate(src) for b in src[k + 1:]]
    elif frame == "sym" and not src and len(tgt) >= 2:
        r.pairs_list = [(tgt[0], b) for b in tgt[1:]]
    else:
        r.pairs_list = [(a, b) for a in src for b in tgt if not same_actor(a.actor, b.actor)]
    if not r.pairs_list and frame == "intr" and src and not tgt and lex.lang == "en":
        home = _en_home_target(f, src)  # "Turkish police imposed a curfew ... in southeastern Turkey"
        if home is not None:
            r.pairs_list = [(m, home) for m in src if m.actor.role]
    if not r.pairs_list and frame == "intr" and src and not tgt and _alone_ok(view, trig, lex):
        r.pairs_list = [(m, None) for m in src]  # "X resigned": an event with no target
    if not r.pairs_list:
        return None
    r.source_key = r.pairs_list[0][0].actor.key
    return r
