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

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..datafiles import read_tsv
from ..nlp.morph_en import is_participle

if TYPE_CHECKING:
    from ..models import Mention
    from .lexicon import Lexicon
    from .triggers import TriggerMatch
    from .view import Group, SentenceView

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
                           "concerned", "interested", "involved", "based", "led", "backed"})
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


__all__ = ["adjust_triggers", "after_verb", "context_role_mentions", "in_parenthetical", "is_passive_at",
           "is_reporter", "is_verbal", "of_is_partitive", "participle_clause_start", "prev_word",
           "relative_subject", "reported_demand"]


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
    from ..models import Actor
    from ..models import Mention as _Mention

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
    from ..models import Actor
    from ..models import Mention as _Mention
    from .lang_en_wire import drop_dateline_mentions

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

