"""English syntax hooks for the shared coder.

The coder is one program for every language; what differs lives in data
(``data/lexicon/<lang>/``) and in small hooks like these, called only when
``lex.lang == "en"``:

* **non-events** — "press release", "opposition party": phrases listed in
  ``data/lexicon/en/blockers.tsv`` never yield a trigger.
* **light verbs** — "held talks", "launched a mediation effort", "lodged an
  official protest": a nominal trigger after a light verb (function word
  category ``light``) becomes a verbal trigger starting at the light verb, so
  its subject and object are found as for a verb.
* **passive voice** — English marks it with an auxiliary, not on the verb:
  "was attacked by", "have been expelled", "got arrested". A trigger whose
  first word is a past participle after a form of *be*/*get* (adverbs may
  stand between) gets the passive form, so roles read target = subject,
  source = agent after "by".
* **complement-taking triggers** — "refused to deploy troops", "threatened
  to shell the towns", "demanded that X withdraw", "accused Y of attacking":
  the event is the refusal, threat, demand or accusation; the verbs in its
  complement are not events of their own and are dropped. Triggers of root
  03 (agree, promise, offer) do not govern: the coder turns the act they
  introduce into an intent event instead.
* **reported demands** — "X said Y must withdraw" is a demand by X on Y:
  the trigger "must" takes its target from the clause subject and its
  source from the subject of the speech verb before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..datafiles import read_tsv
from ..nlp.morph_en import is_participle

if TYPE_CHECKING:
    from ..models import Actor, Mention
    from .lexicon import Lexicon
    from .roles import Group, SentenceView
    from .triggers import TriggerMatch

BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
                      "gotten", "getting", "'s"})
# words that may stand between the auxiliary and the participle ("was reportedly attacked")
_PASSIVE_GAP = frozenset({"not", "never", "also", "reportedly", "allegedly", "already", "just", "since",
                          "then", "later", "being", "been", "first", "again", "apparently",
                          "repeatedly", "all", "both", "jointly", "formally", "officially"})
# a governed complement ends at these words
_SCOPE_STOP = frozenset({",", ";", ":", "(", ")", "–", "—", '"', "“", "”", "but", "while", "whereas",
                         "although", "though", "because", "after", "before", "when", "as", "since",
                         "who", "which", "where", "whom", "said", "says", "saying", "according",
                         "amid", "despite", "following", "until", "if", "unless", "whose"})
# after "and" these begin a new finite clause: "refused to deploy troops and has urged ..."
_FINITE = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "then",
                     "later", "said", "says", "did", "does", "can", "could", "may", "might", "must"})
SCOPE_TOKENS = 15
NON_GOVERNING_ROOTS = frozenset({"03"})
SPEECH_FOR_MUST = frozenset({"say", "said", "says", "saying", "declared", "declares", "reiterated",
                             "reiterates", "insisted", "insists", "concluded", "stated", "states",
                             "told", "tells", "stressed", "added", "warned", "warns", "announced",
                             "announces", "believes", "argued", "argues", "demanded", "noted",
                             "that", "reminder", "declaration"})


# participles that are adjectives of readiness before "to" ("was prepared to", "is determined to")
_ADJECTIVAL = frozenset({"prepared", "determined", "committed", "poised", "inclined", "resolved",
                         "disposed", "set"})


_FEELING = frozenset({"concerned", "worried", "alarmed", "disappointed", "dismayed", "pleased", "satisfied",
                      "outraged", "shocked", "saddened", "troubled", "encouraged", "delighted"})


def is_passive_at(view: SentenceView, i: int) -> bool:
    """Is token i a past participle in a passive ("was attacked", "have been expelled")?"""
    if not is_participle(view.lower[i]):
        return False
    if view.lower[i] in _ADJECTIVAL and i + 1 < len(view.lower) and view.lower[i + 1] == "to":
        return False  # "was prepared to increase exports": readiness, not a passive
    if view.lower[i] in _FEELING:
        return False  # "was concerned by the detentions": a state of mind, its holder the subject
    k = i - 1
    steps = 0
    while k >= 0 and steps < 3:
        w = view.lower[k]
        if w in BE_FORMS:
            return True
        if w in _PASSIVE_GAP or (w.endswith("ly") and len(w) > 4):
            k -= 1
            steps += 1
            continue
        return False
    return False


def _scope_end(view: SentenceView, gov: TriggerMatch, starts: dict[int, TriggerMatch],
               governed_seen: bool, nominal: bool = False) -> int:
    """One past the last token of the complement governed by ``gov``.

    A nominal governor ("the deployment of X troops") ends at the next finite
    verb: "... have arrived in Bosnia" is the clause's own predicate.
    """
    n = len(view.lower)
    stop = min(n, gov.last + 1 + SCOPE_TOKENS)
    k = gov.last + 1
    while k < stop:
        w = view.lower[k]
        if w in _SCOPE_STOP or (nominal and w in _FINITE):
            return k
        if w in ("they", "he", "she", "we") or (w == "it" and k + 1 < n and (
                view.lower[k + 1] in _FINITE or view.lower[k + 1].endswith("ed"))):
            return k  # "... a trading company it accused of ...": a clause with its own subject
        if w in ("and", "or", "nor") and k + 1 < n:
            nxt = view.lower[k + 1]
            if nxt in _FINITE or (nxt.endswith("ed") and len(nxt) > 4):
                return k  # "met on Sunday and decided to ...": a second finite verb
            if k + 1 in starts and not governed_seen:
                return k  # "kidnapped X and exploded bombs": a second verb of the same subject
        if k in starts:
            governed_seen = True
        k += 1
    return stop


@lru_cache(maxsize=1)
def blockers() -> tuple[tuple[str, ...], ...]:
    """Phrases that contain a trigger word but are never events (data/lexicon/en/blockers.tsv)."""
    return tuple(tuple(row["phrase"].lower().split())
                 for row in read_tsv("lexicon/en/blockers.tsv", required=("phrase",)))


def _blocked(view: SentenceView, i: int) -> bool:
    words = view.lower
    for phrase in blockers():
        n = len(phrase)
        for a in range(max(0, i - n + 1), i + 1):
            if tuple(words[a:a + n]) == phrase:
                return True
    return False


# verbs of giving before the thing given: "will provide nearly 25,000 tons of food aid",
# "gave Tanzania a grant" (the recipient may stand between)
TRANSFER_VERBS = frozenset({"provide", "provides", "provided", "providing", "give", "gives", "gave", "given",
                            "giving", "send", "sends", "sent", "sending", "deliver", "delivers", "delivered",
                            "delivering", "supply", "supplies", "supplied", "supplying", "donate", "donates",
                            "donated", "donating", "grant", "grants", "granted", "granting", "extend",
                            "extends", "extended", "extending", "ship", "shipped", "airlift", "airlifted"})
TRANSFER_ROOTS = frozenset({"07"})


def _light_verb_start(view: SentenceView, m: TriggerMatch, lex: Lexicon, starts: set[int]) -> int | None:
    """"held their first meeting", "launched a mediation effort", "gave Tanzania a grant":
    the index of the light (or giving) verb before a nominal trigger, if any."""
    light = lex.words("light")
    transfer = m.entry.cameo[:2] in TRANSFER_ROOTS
    stop = lex.words("pp") | lex.words("clause")
    reach = 8 if transfer else 4
    mentions_skipped = 0
    k = m.first - 1
    while k >= 0 and m.first - k <= reach:
        w = view.lower[k]
        if w == "-" or (w[:1].isdigit() and k + 1 < len(view.lower) and view.lower[k + 1] == "-"):
            reach += 1  # "a 24-hour hunger strike", "a 30-day state of siege": one modifier
            k -= 1
            continue
        if view.in_mention(k):
            if not transfer or mentions_skipped:
                return None
            mentions_skipped += 1
            k = view.mention_spans[view.token_mention[k]][0] - 1
            continue
        if view.is_boundary(k) or k in starts:
            return None
        if w in light or (transfer and w in TRANSFER_VERBS):
            return k
        if transfer and (w == "of" or w[:1].isdigit() or w in _NP_MODIFIERS):
            k -= 1  # "25,000 tons of", "about 70 million dollars of"
            continue
        if w in stop or not w[:1].isalpha():
            return None
        k -= 1
    return None


def adjust_triggers(view: SentenceView, matches: list[TriggerMatch],
                    lex: Lexicon) -> list[TriggerMatch]:
    """English voice, light verbs and complement government over one sentence's trigger matches."""
    out = []
    firsts = {m.first for m in matches}
    for m in matches:
        if _blocked(view, m.first):
            continue
        if m.form not in ("va", "vp"):
            k = _light_verb_start(view, m, lex, firsts)
            if k is not None:
                m = replace(m, first=k, start=view.tokens[k].start, text=view.text_between(k, m.last),
                            form="va")
        if m.form != "vp" and is_passive_at(view, m.first):
            m = replace(m, form="vp")
        out.append(m)
    out = [_mark_nominal(view, m) for m in out]
    starts = {m.first: m for m in out}
    dropped: set[int] = set()
    for m in out:
        if m.first in dropped or m.entry.cameo[:2] in NON_GOVERNING_ROOTS:
            continue
        nominal = not _verbal(view, m, lex)
        nxt = m.last + 1
        while nxt < len(view.lower) and (view.in_date(nxt) or view.lower[nxt] in ("today", "again", "also")):
            nxt += 1  # "reiterated its demand today that ..."
        if nominal and nxt < len(view.lower) and view.lower[nxt] not in _NOMINAL_COMPLEMENT \
                and not view.lower[nxt].endswith("ing"):
            continue  # "The sanctions follow a visit by ...": a noun whose clause goes on with its own verb
        end = _scope_end(view, m, starts, False, nominal=nominal)
        for other in out:
            if m.first < other.first < end:  # also one sharing a word ("threatened to break" + "break off relations")
                dropped.add(other.first)
    return [m for m in out if m.first not in dropped]


def is_verbal(view: SentenceView, m: TriggerMatch, lex: Lexicon) -> bool:
    """Is the (adjusted) trigger used as a verb in its sentence?"""
    return _verbal(view, m, lex)


def _verbal(view: SentenceView, m: TriggerMatch, lex: Lexicon) -> bool:
    """Is the trigger used as a verb (and so may govern a complement)?"""
    if m.form in ("va", "vp"):
        return True
    if m.form == "n":
        return False
    first = view.lower[m.first]
    if m.entry.items[0].kind == "word" and first.endswith("ed") and len(first) > 4:
        return True  # "shunned work", "opened fire": a past tense written into the pattern
    k = m.first - 1
    if k < 0:
        return False
    w = view.lower[k]
    j = k
    while j > 0 and k - j < 3 and view.lower[j] in DETERMINERS | {"on", "under"}:
        j -= 1
    if view.lower[j] in _COPULAS:
        return True  # "remained on alert", "were put on high alert", "went on a general strike"
    return (w in lex.words("aux") or w in lex.words("intent") or w in lex.words("negator")
            or w == "to" or view.in_mention(k) or w in ("they", "it", "he", "she", "we"))


# a nominal trigger governs what follows only through one of these ("the threat of war", "a demand that")
_NOMINAL_COMPLEMENT = frozenset({"of", "on", "against", "to", "for", "that", "over", "with", "from", "by",
                                 "into", "in", "at", "between", "upon", "about", "toward", "towards"})
_COPULAS = frozenset({"remain", "remained", "remains", "stayed", "stay", "stays", "put", "placed", "kept",
                      "went", "go", "goes", "gone"})
# a nominal trigger after these prepositions is background, not the clause's predicate
_BACKGROUND_PREPS = frozenset({"during", "after", "before", "since", "amid", "amidst", "despite", "following", "by",
                               "of", "over", "about", "against", "into", "from", "under", "because",
                               "toward", "towards", "through", "throughout"})


def _mark_nominal(view: SentenceView, m: TriggerMatch) -> TriggerMatch:
    """English nominals: background ones ("during the fight", "after five days of fighting")
    stay nominal (no subject unless adjacent); any other is read like a verb, its subject
    the clause subject ("Italy announced a suspension of air links with Serbia")."""
    if m.form not in ("b", "n"):
        return m
    if m.first > 0 and (prev_word(view, m.first) in _BACKGROUND_PREPS
                        or (not view.lower[m.first].endswith("ed") and _background_before(view, m.first))):
        return m if m.form == "n" else replace(m, form="n")
    return replace(m, form="b") if m.form == "n" else m


# words that may stand inside a background noun phrase before its head:
# "since last month's U.S. invasion", "after two days of fierce fighting"
_TIME_WORDS = frozenset({"last", "this", "next", "day", "days", "week", "weeks", "month", "months", "year",
                         "years", "hour", "hours", "night", "weekend", "'s", "’s", "s"})
_NEWS_ADJECTIVES = frozenset({"fierce", "heavy", "renewed", "deadly", "bloody", "intense", "sporadic",
                              "violent", "armed", "ethnic", "tense", "bitter", "brief", "prolonged",
                              "lengthy", "failed", "botched", "alleged", "suspected", "recent", "massive",
                              "brutal", "overnight", "cross-border", "military", "government", "army",
                              "police", "rebel", "street", "tribal", "sectarian", "separatist"})


def _background_before(view: SentenceView, t0: int) -> bool:
    """Is the noun at t0 the head of a phrase after a background preposition, past an
    actor, a possessive, a time phrase and common adjectives ("since last month's U.S. invasion")?"""
    k = t0 - 1
    steps = 0
    while k >= 0 and steps < 8:
        w = view.lower[k].removesuffix("'s").removesuffix("’s")
        if view.in_mention(k) or view.in_date(k) or w in _NP_MODIFIERS or w in _TIME_WORDS \
                or w in _NEWS_ADJECTIVES \
                or w[:1].isdigit() or ("-" in w and w[:1].isalnum()):
            k -= 1
            steps += 1
            continue
        return steps > 0 and w in _BACKGROUND_PREPS
    return False


DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that",
                         "these", "those", "some", "several", "all", "both", "any", "each", "every",
                         "many", "other", "another", "such", "no", "new", "further", "fresh", "recent",
                         "latest", "first", "second", "third", "last", "major", "possible", "planned",
                         "proposed", "unilateral", "formal", "official", "joint", "full", "partial"})
# words that may stand between a preposition and the actor it introduces ("in east Bosnia")
_NP_MODIFIERS = DETERMINERS | frozenset({
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "neighboring", "neighbouring",
    "occupied", "besieged", "beseiged", "war-torn", "strife-torn", "divided", "disputed", "breakaway",
    "rebel-held", "embattled", "troubled", "impoverished", "landlocked", "mainland", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    "more", "than", "up", "at", "least", "some", "about", "nearly", "almost", "around", "over"})


def prev_word(view: SentenceView, t0: int) -> str:
    """The word governing a noun phrase starting at token t0, past determiners and modifiers.

    "by the U.N." -> "by", "in east Bosnia" -> "in", "to neighboring Lebanon" -> "to".
    """
    k = t0 - 1
    steps = 0
    while k >= 0 and steps < 4:
        w = view.lower[k]
        if w in _NP_MODIFIERS and w not in ("at", "over"):
            k -= 1
            steps += 1
            continue
        if w[:1].isdigit() or (w in (",",) and steps and view.lower[k - 1][:1].isdigit()):
            k -= 1
            steps += 1
            continue
        if k > 0 and view.tokens[k].text[:1].isupper() and w.isalpha() and w not in _PREPOSITIONS \
                and not view.in_mention(k) and not view.in_date(k) and view.tokens[k + 1].text[:1].isupper():
            k -= 1  # "with the Russian State Duma": a proper adjective the tables left out
            steps += 1
            continue
        return w
    return view.lower[t0 - 1] if t0 > 0 else ""


_PREPOSITIONS = frozenset({"in", "to", "at", "on", "with", "for", "from", "by", "of", "against", "between",
                           "into", "over", "toward", "towards", "about", "under", "among", "near", "across",
                           "through", "within", "without", "during", "since", "after", "before", "and",
                           "or", "but", "as", "than", "that", "when", "while", "if"})


# heads of "N of X" phrases whose referent acts as X would: "thousands of Nigerians protested",
# "a member of the Syrian parliament started a hunger strike", "leaders of the opposition"
PARTITIVE_HEADS = frozenset({"thousands", "hundreds", "dozens", "tens", "millions", "scores", "hundred",
                             "thousand", "some", "many", "most", "all", "group", "groups", "number",
                             "member", "members", "leader", "leaders", "representatives",
                             "delegation", "delegations", "officials", "activists", "units", "third",
                             "half", "majority", "contingent", "battalion", "unit"})


def participle_clause_start(view: SentenceView, trig: TriggerMatch) -> int | None:
    """The comma opening a participle clause that holds the trigger, if any.

    "Sudanese rebels shelled Juba on Sunday, killing about 20 people": the
    subject of "killing" is the main clause's subject, found before the comma
    (also for a second participle: ", killing one person and arresting 12").
    """
    words = view.lower
    k = trig.first
    if not (words[k].endswith("ing") and len(words[k]) > 5) or view.tokens[k].text[:1].isupper():
        return None
    j = k - 1
    for _ in range(8):  # back over an earlier participle phrase joined by "and"
        if j < 2 or view.in_mention(j) or words[j] in (";", ":"):
            return None
        if words[j] == ",":
            break
        j -= 1
    else:
        return None
    first = words[j + 1]
    if not (first.endswith("ing") and len(first) > 5 and view.tokens[j + 1].text[:1].islower()):
        return None
    if j + 1 != k and words[k - 1] != "and":
        return None
    return j


def after_verb(view: SentenceView, t0: int, lex: Lexicon) -> bool:
    """Is the noun phrase at token t0 the object of a past-tense verb ("killed two Iraqi youths")?

    Such a phrase is not the subject of a verb coordinated after it
    ("... and wounded five others"): that verb shares the first one's subject.
    """
    k = t0 - 1
    steps = 0
    while k >= 0 and steps < 4 and (view.lower[k] in _NP_MODIFIERS or view.lower[k][:1].isdigit()):
        k -= 1
        steps += 1
    if k <= 0 or view.in_mention(k) or not view.tokens[k].text[:1].islower():
        return False  # "Ousted President X": a sentence-initial adjective
    w = view.lower[k]
    return (len(w) > 4 and w.endswith("ed") and w not in lex.words("speech")
            and w not in _NOT_VERBS_ED) or w in _PAST_OBJECT_VERBS


# -ed words that are adjectives before a noun phrase, not verbs taking it as object
_NOT_VERBS_ED = frozenset({"armed", "united", "alleged", "suspected", "occupied", "disputed", "detained",
                           "injured", "displaced", "exiled", "jailed", "banned", "outlawed",
                           "so-called", "self-styled", "embattled", "besieged", "isolated", "opposed",
                           "concerned", "interested", "involved", "based", "led", "backed", "armed"})
_PAST_OBJECT_VERBS = frozenset({"shot", "struck", "hit", "took", "seized", "met", "told", "sent"})


def of_is_partitive(view: SentenceView, t0: int) -> bool:
    """Is the "of" before the noun phrase at token t0 partitive ("thousands of X")?"""
    k = t0 - 1
    while k >= 0 and view.lower[k] != "of" and t0 - k <= 5:
        k -= 1
    return k > 0 and view.lower[k] == "of" and view.lower[k - 1] in PARTITIVE_HEADS


_PAREN_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose", "its", "his", "her", "their",
                            "one", "also", "now", "then", "once", "formerly", "currently"})


def parenthetical_spans(view: SentenceView) -> list[tuple[int, int]]:
    """Token spans of appositions and non-restrictive relatives after an actor.

    "Pakistan, a key U.S. ally in the war on terror, has refused ...": the span
    ", a key ... terror," holds groups that are not the subject of what follows.
    Only spans that follow an actor group are returned (the head is the subject).
    """
    ends = {g.t1 for g in view.groups}
    spans = []
    n = len(view.lower)
    for i, w in enumerate(view.lower):
        if w == "," and i in ends and i + 1 < n and view.lower[i + 1] in _PAREN_OPENERS:
            j = i + 1
            while j < n and view.lower[j] not in (",", ";", ":", "(", ")"):
                j += 1
            if j < n and view.lower[j] == ",":
                spans.append((i, j + 1))
        elif w == "(" and i in ends:
            j = i + 1
            while j < n and view.lower[j] != ")":
                j += 1
            spans.append((i, j + 1))
    return spans


def in_parenthetical(view: SentenceView, g: Group, before: int) -> bool:
    """Does group g sit inside an apposition/relative clause that closes before token ``before``?"""
    return any(a < g.t0 and g.t1 <= b <= before for a, b in parenthetical_spans(view))


_RELATIVES = frozenset({"who", "which", "that"})


def relative_subject(view: SentenceView, g: Group, trigger: int) -> bool:
    """Is g the antecedent subject of a relative clause holding the trigger?

    "Macedonia, which is preparing a major offensive": "which" follows the
    group and only a few words, no punctuation and no other actor stand
    between it and the trigger.
    """
    k = g.t1
    n = len(view.lower)
    if k < n and view.lower[k] == ",":
        k += 1
    if k >= n or view.lower[k] not in _RELATIVES or k >= trigger or trigger - k > 7:
        return False
    return not any(view.is_boundary(i) or view.in_mention(i) for i in range(k + 1, trigger))


def is_reporter(view: SentenceView, g: Group, lex: Lexicon) -> bool:
    """", the Israeli army said": a group right before a speech verb reports, it is not a target."""
    k = g.t1
    n = len(view.lower)
    while k < n and (view.in_date(k) or view.lower[k] in ("also", "later", "earlier", "today")):
        k += 1
    return k < n and view.lower[k] in lex.words("speech") and view.lower[k] != "that"


def reported_demand(view: SentenceView, trig: TriggerMatch, subject, lex: Lexicon
                    ) -> tuple[list[Mention], list[Mention]] | None:
    """"X said (that) Y must Z": source X, target Y; None when the shape is not there.

    ``subject(before_token)`` finds the clause subject before a token (the
    role finder's subject search).
    """
    if view.lower[trig.first] not in ("must", "should"):
        return None
    tgt = subject(trig.first)
    if tgt is None:
        return None
    # the speech verb between the reporter and Y
    k = tgt.t0 - 1
    lo = max(0, tgt.t0 - 8)
    speech_at = None
    while k >= lo:
        if view.lower[k] in SPEECH_FOR_MUST:
            speech_at = k
            break
        k -= 1
    if speech_at is None:
        return None
    src = subject(speech_at)
    if src is None or src is tgt:
        return None
    return src.distinct(), tgt.distinct()


__all__ = ["adjust_triggers", "after_verb", "co_agent", "context_role_mentions", "dateline_end",
           "drop_dateline_mentions", "in_parenthetical", "is_passive_at", "is_reporter", "is_verbal",
           "later_name_mentions", "name_parts", "nominal_agent", "of_is_partitive",
           "participle_clause_start", "prev_word", "relative_subject", "reported_demand",
           "thing_relative", "clause_between", "subordinate_subject", "pronoun_object", "reduced_relative"]


# ---------------------------------------------------------------- role words in context
# Roles a bare role word ("the rebels", "police", "President X") may take from the one
# state its sentence names. Business and media words, and roles of no country
# ("head", "side"), are left out: they are as often foreign or not actors at all.
CONTEXT_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "SPY", "REF",
                           "LAB", "CVL", "RAD", "AGR", "EDU"})
# role words that usually name someone from elsewhere or are mostly adjectives
_CONTEXT_SKIP = frozenset({"peacekeepers", "peacekeeping forces", "official", "public", "people",
                           "population", "tourists", "migrants", "migrant workers", "nationals",
                           "diplomat", "diplomats", "envoy", "special envoy", "ambassador", "embassy",
                           "consul", "consulate", "delegation", "counterpart", "permanent representative",
                           "security council"})
_ORG_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "LEG"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "den", "de", "da", "dos", "la", "le"})


@lru_cache(maxsize=1)
def _context_roles() -> dict[tuple[str, ...], tuple[str, bool]]:
    """English role phrases (data/actors/roles.tsv) -> (role code, takes a name after it)."""
    out: dict[tuple[str, ...], tuple[str, bool]] = {}
    for row in read_tsv("actors/roles.tsv", required=("alias", "function")):
        if row["function"] != "role" or row.get("lang") != "en" or row.get("default_country"):
            continue
        role = row.get("role") or ""
        if role not in CONTEXT_ROLES:
            continue
        for alias in row["alias"].split("|"):
            alias = alias.strip().lower()
            if alias and alias not in _CONTEXT_SKIP:
                out[tuple(alias.split())] = (role, bool(row.get("office")) or alias in ("judge", "general"))
    return out


def _name_end(tokens: list, k: int, taken: list[bool]) -> int:
    """One past an unknown capitalised name starting at token k ("Omar Hassan al-Bashir"), else k."""
    end, words, p = k, 0, k
    while p < len(tokens) and words < 5 and not taken[p]:
        t = tokens[p].text
        if t[:1].isupper() and t[:1].isalpha():
            words += 1
            p += 1
            end = p
        elif t.lower() in _NAME_PARTICLES and words and p + 1 < len(tokens) and tokens[p + 1].text[:1].isupper():
            p += 1
        else:
            break
    return end


def _security_council(sentence, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """"the Security Council" with no state before it is the UN Security Council (world news usage);
    "Kazakhstan's Security Council" stays the national body (the actor tables resolve it)."""
    from ..models import Actor, Mention as _Mention

    out = list(mentions)
    for i in range(len(tokens) - 1):
        if tokens[i].text != "Security" or tokens[i + 1].text != "Council":
            continue
        s, e = tokens[i].start, tokens[i + 1].end
        if any(m.start < e and s < m.end for m in mentions):
            continue
        prev = tokens[i - 1].lower if i > 0 else ""
        if prev in ("'s", "’s", "national", "state") or (
                i > 0 and tokens[i - 1].text[:1].isupper() and prev not in DETERMINERS):
            continue
        out.append(_Mention(sentence.doc_id, sentence.index, s, e, "Security Council",
                            Actor(code="UN", org="UN", name="UN Security Council"), "org"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def context_role_mentions(sentence, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """Bare role phrases of a sentence that names exactly one state, as that state's actors.

    "President Omar al-Bashir shortened the curfew imposed in Sudan" -> SDNGOV;
    "Rebels in the Ivory Coast dismissed an appeal" -> CIVREB. A role word
    inside a longer capitalised name ("Homeland Union") or followed by "of" and
    a name the tables do not know ("the government of Sindh province") is left
    alone, and so is every role word when the sentence names no state or
    several (then nothing tells whose it is).
    """
    from ..models import Actor, Mention as _Mention

    mentions = _security_council(sentence, tokens, drop_dateline_mentions(sentence, mentions))
    countries = {m.actor.country for m in mentions if m.actor.country}
    if len(countries) != 1:
        return mentions
    country = next(iter(countries))
    # with an organisation in the sentence, officials and troops may be its own ("UN personnel")
    org_named = any(m.kind == "org" and not m.actor.country for m in mentions)
    n = len(tokens)
    taken = [False] * n
    for m in mentions:
        for i, t in enumerate(tokens):
            if t.start < m.end and m.start < t.end:
                taken[i] = True
    phrases = _context_roles()
    lower = [t.lower for t in tokens]
    out = list(mentions)
    i = 0
    while i < n:
        if taken[i]:
            i += 1
            continue
        # the longest run of role phrases ("military government", "riot police")
        j, role, named = i, None, False
        while j < n and not taken[j]:
            hit = next(((length, phrases[tuple(lower[j:j + length])]) for length in (3, 2, 1)
                        if j + length <= n and tuple(lower[j:j + length]) in phrases
                        and not any(taken[j:j + length])), None)
            if hit is None:
                break
            j += hit[0]
            role, named = hit[1]
        if role is None:
            i += 1
            continue
        prev = tokens[i - 1].text if i > 0 else ""
        in_name = i > 0 and prev[:1].isupper() and not taken[i - 1] and tokens[i].text[:1].isupper()
        foreign_of = (j + 1 < n and lower[j] == "of" and not taken[j + 1]
                      and tokens[j + 1].text[:1].isupper() and (lower[j + 1],) not in phrases)
        if in_name or foreign_of or (org_named and role in _ORG_ROLES):
            i = j
            continue
        end = _name_end(tokens, j, taken) if named else j
        s, e = tokens[i].start, tokens[end - 1].end
        text = sentence.text[s - sentence.start:e - sentence.start]
        out.append(_Mention(sentence.doc_id, sentence.index, s, e, text,
                            Actor(code=country + role, country=country, role=role), "role"))
        i = end
    out.sort(key=lambda m: (m.start, m.end))
    return out


# ---------------------------------------------------------------- wire-story shapes
# "ASTANA, March 4 (Reuters) -", "BISHKEK, Kyrgyzstan (AP) —", "WASHINGTON --": a dateline
# names where the story was filed, not an actor of its first sentence
_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,[^\n–—]{1,40}?)?"
                       r"(?:\s*\([^()\n]{1,30}\))?\s*(?:--|-|–|—)\s")


def dateline_end(text: str) -> int:
    """Length of a wire-story dateline at the start of a sentence's text, else 0."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def drop_dateline_mentions(sentence, mentions: list[Mention]) -> list[Mention]:
    """Mentions inside the dateline ("BISHKEK, Kyrgyzstan (AP) —") are places, not actors."""
    end = dateline_end(sentence.text)
    if not end:
        return mentions
    cut = sentence.start + end
    return [m for m in mentions if m.start >= cut]


def thing_relative(view: SentenceView, trig: TriggerMatch) -> bool:
    """Is the trigger the verb of a "which" clause whose antecedent is no actor?

    "Turkmenistan did not sign the joint declaration, which condemned attacks
    on ...": the declaration condemned them, not Turkmenistan.
    """
    k = trig.first - 1
    lo = max(0, trig.first - 7)
    while k >= lo:
        w = view.lower[k]
        if w == "which":
            a = k - 1
            if a >= 0 and view.lower[a] == ",":
                a -= 1
            return a >= 0 and not view.in_mention(a)
        if view.in_mention(k) or view.is_boundary(k) or w in _SCOPE_STOP:
            return False
        k -= 1
    return False


def nominal_agent(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> Group | None:
    """The agent after "by" of a nominal trigger inside its noun phrase.

    "The visit by Lavrov to Astana", "a visit to Bishkek last month by a senior
    U.S. official": the visitor. Not for a verb ("was attacked by" is a passive).
    """
    if is_verbal(view, trig, lex):
        return None
    words = view.lower
    for g in view.groups:
        if g.t0 <= trig.last:
            continue
        if g.t0 - trig.last > 12:
            return None
        k = g.t0 - 1
        while k > trig.last and g.t0 - k <= 3 and words[k] != "by" and words[k][:1].isalpha() \
                and not view.in_mention(k) and words[k] not in _SCOPE_STOP:
            k -= 1
        if words[k] != "by":
            continue
        between = words[trig.last + 1:k]
        if any(w in _SCOPE_STOP or w in _FINITE or w in lex.words("speech") for w in between):
            return None
        return g
    return None


# "in solidarity with Azerbaijan", "on behalf of the government": not the one acted on
_NOT_TARGET_BEFORE = (("solidarity", "with"), ("behalf", "of"), ("coordination", "with"),
                      ("partnership", "with"), ("concert", "with"), ("cooperation", "with"))


def co_agent(view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
    """Is group g introduced by a phrase naming a partner or beneficiary, after the trigger?"""
    k = g.t0 - 1
    while k > trig.last and view.lower[k] in DETERMINERS:
        k -= 1
    for phrase in _NOT_TARGET_BEFORE:
        a = k - len(phrase) + 1
        if a > trig.last and tuple(view.lower[a:k + 1]) == phrase:
            return True
    return False


def name_parts(mentions: list[Mention]) -> dict[str, Actor]:
    """Capitalised parts of the names of people mentioned ("Ding", "Xuexiang" of
    "Chinese Vice Premier Ding Xuexiang"), as they stand in the text."""
    out: dict[str, Actor] = {}
    for m in mentions:
        if m.kind != "person" or not m.actor.name:
            continue
        for part in m.actor.name.split():
            if len(part) > 2 and part[:1].isupper() and re.search(rf"\b{re.escape(part)}\b", m.text):
                out[part] = m.actor
    return out


def later_name_mentions(sentence, mentions: list[Mention], known: dict[str, Actor]) -> list[Mention]:
    """A person named in full earlier in the article, now by one part of the name:
    "Ding also met ..." after "Chinese Vice Premier Ding Xuexiang" (wire-story usage)."""
    from ..models import Mention as _Mention

    if not known:
        return mentions
    out = list(mentions)
    for m in re.finditer(r"\b[A-Z][\w'-]+\b", sentence.text):
        word = m.group(0)
        actor = known.get(word)
        if actor is None:
            continue
        s, e = sentence.start + m.start(), sentence.start + m.end()
        if any(x.start < e and s < x.end for x in out):
            continue
        out.append(_Mention(sentence.doc_id, sentence.index, s, e, word, actor, "person"))
    out.sort(key=lambda x: (x.start, x.end))
    return out


# ---------------------------------------------------------------- clauses with a subject of their own
_SUBORDINATORS = frozenset({"when", "after", "before", "because", "while", "although", "though",
                            "whereas", "since", "until", "unless", "as"})
_PRONOUNS = frozenset({"they", "he", "she", "it", "we", "i", "you"})
_ARTICLES = frozenset({"a", "an", "the"})
_SPEECH_PARTICIPLES = frozenset({"saying", "adding", "noting", "insisting", "arguing", "stressing",
                                 "declaring", "claiming", "explaining"})
_CLAUSE_SUBJECT_STARTS = frozenset({"former", "his", "her", "their", "its", "our", "some", "several",
                                    "many", "most", "both"})


def clause_between(view: SentenceView, g: Group, trig: TriggerMatch, lex: Lexicon) -> str | None:
    """Does a clause boundary between group g and the trigger give the trigger another subject?

    * "block": the trigger's clause has a subject that is no actor — "Uganda paid
      compensation for assets they lost when former dictator Idi Amin expelled them",
      "Croatian authorities are failing ..., a human rights group protested";
    * "skip": g is the object of a relative clause whose own subject is a pronoun
      standing for someone before it — "members of his government, whom they had taken hostage";
    * "main": the trigger is in a clause after ", saying" whose subject is the main clause's;
    * None: nothing between them says so.
    """
    words = view.lower
    hi = trig.first
    filler = lex.words("aux") | lex.words("negator") | lex.words("intent")
    j = hi - 1
    in_group = {i for x in view.groups for i in range(x.t0, x.t1)}
    while j >= g.t1:
        w = words[j]
        if j in in_group or w in (";", ":"):
            return None  # an actor between them: the subject search meets it first
        rest = [words[i] for i in range(j + 1, hi) if words[i] not in filler and not view.in_date(i)]
        if w == ",":
            if rest and rest[0] in _SPEECH_PARTICIPLES:
                return "main"  # "..., saying he would only welcome him": the main clause's subject
            if len(rest) >= 2 and rest[0] in ("and", "but") and rest[1] not in _PRONOUNS \
                    and rest[1] not in _CLAUSE_SUBJECT_STARTS and all(x[:1].isalpha() for x in rest) \
                    and not any(x in lex.words("speech") or x in lex.words("light") for x in rest):
                return "block"  # "..., and Western governments have refused": a new subject
            if rest and rest[0] in _ARTICLES and all(x[:1].isalpha() for x in rest) and len(rest) <= 6 \
                    and not any(x in lex.words("speech") for x in rest):
                return "block"  # ", a human rights group protested"
            return None
        if w in ("whom", "which", "that") and rest:
            if rest[0] in _PRONOUNS:
                at_g = j == g.t1 or (j == g.t1 + 1 and words[g.t1] == ",")
                return "skip" if at_g and w != "that" else None
            if rest[0] in _ARTICLES and w != "that":
                return "block"
            if w == "that" and rest[0] in _ARTICLES:
                return "block"  # "said that the rebels attacked": the rebels, no actor
            return None
        if w in _SUBORDINATORS and rest:
            # a clause with a subject of its own that is no actor: "when former dictator Idi Amin
            # expelled them"; not "after four years", "as well as"; a pronoun stands for the
            # main subject ("... when they blew themselves up")
            first = view.tokens[next(i for i in range(j + 1, hi) if words[i] == rest[0])].text
            if rest[0] in _PRONOUNS or not (rest[0] in _ARTICLES or rest[0] in _CLAUSE_SUBJECT_STARTS
                                            or (first[:1].isupper() and w != "as")):
                return None
            return "block"
        j -= 1
    return None


def subordinate_subject(view: SentenceView, g: Group, trig: TriggerMatch, lex: Lexicon) -> bool:
    """Is g the subject of a clause opened by "after", "when", ... that holds the trigger?

    "one day after a Serbian army jet shot down a helicopter": the jet's state shot,
    though "after" looks like a preposition. At most one word ("jet") may stand between.
    """
    if prev_word(view, g.t0) not in _SUBORDINATORS or g.t1 > trig.first:
        return False
    filler = lex.words("aux") | lex.words("negator") | lex.words("intent")
    rest = [w for w in view.lower[g.t1:trig.first] if w not in filler]
    return len(rest) <= 1 and all(w[:1].isalpha() and w not in _SCOPE_STOP and w not in lex.words("pp")
                                  for w in rest)


def pronoun_object(view: SentenceView, trig: TriggerMatch, src: list[Mention]) -> list[Mention]:
    """"X met President Y on Thursday and invited him to ...": "him" is the actor named
    last before the trigger that is not its source."""
    k = trig.last + 1
    if k >= len(view.lower) or view.lower[k] not in ("him", "her", "them"):
        return []
    keys = {m.actor.key for m in src}
    for g in reversed(view.groups):
        if g.t1 > trig.first:
            continue
        others = [m for m in g.distinct() if m.actor.key not in keys]
        if others:
            return others if view.lower[k] == "them" else others[:1]
    return []


def reduced_relative(view: SentenceView, trig: TriggerMatch) -> tuple[Group, Group] | None:
    """"X imposed sanctions on three Kyrgyz banks it accused of helping Russia": a pronoun
    right before the trigger, right after an actor phrase: (main subject, that phrase)."""
    k = trig.first - 1
    if k < 1 or view.lower[k] not in ("it", "they") or trig.form not in ("b", "va"):
        return None
    obj = next((g for g in reversed(view.groups) if g.t1 <= k and k - g.t1 <= 5), None)
    if obj is None:
        return None
    between = view.lower[obj.t1:k]
    if any(view.is_boundary(i) or view.lower[i] in _SCOPE_STOP or view.lower[i] in _FINITE
           for i in range(obj.t1, k)) or any(w in ("and", "or") for w in between):
        return None
    subj = next((g for g in view.groups if g.t1 <= obj.t0 and g is not obj
                 and prev_word(view, g.t0) not in _PREPOSITIONS), None)
    return (subj, obj) if subj is not None else None
