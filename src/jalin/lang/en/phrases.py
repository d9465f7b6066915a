"""English noun phrases and the words around them, for the role hooks.

English puts determiners and adjectives before the head and marks roles
with prepositions, so "by the U.N." and "in east Bosnia" are read past their
determiners and modifiers (:func:`prev_word`); "thousands of Nigerians"
acts as the Nigerians (:func:`of_is_partitive`); "Pakistan, a key U.S.
ally, has refused" keeps the apposition out of the subject search
(:func:`in_parenthetical`); "killed two Iraqi youths and wounded ..." does
not make the youths the next verb's subject (:func:`after_verb`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..datelines import dateline_end

if TYPE_CHECKING:
    from ...coding.lexicon import Lexicon
    from ...coding.triggers import TriggerMatch
    from ...coding.view import Group, SentenceView

# a governed complement ends at these words
SCOPE_STOP = frozenset({",", ";", ":", "(", ")", "–", "—", '"', "“", "”", "but", "while", "whereas",
                         "although", "though", "because", "after", "before", "when", "as", "since",
                         "who", "which", "where", "whom", "said", "says", "saying", "according",
                         "amid", "despite", "following", "until", "if", "unless", "whose"})
# after "and" these begin a new finite clause: "refused to deploy troops and has urged ..."
FINITE = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "then",
                     "later", "said", "says", "did", "does", "can", "could", "may", "might", "must"})

DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that",
                         "these", "those", "some", "several", "all", "both", "any", "each", "every",
                         "many", "other", "another", "such", "no", "new", "further", "fresh", "recent",
                         "latest", "first", "second", "third", "last", "major", "possible", "planned",
                         "proposed", "unilateral", "formal", "official", "joint", "full", "partial"})
# words that may stand between a preposition and the actor it introduces ("in east Bosnia")
NP_MODIFIERS = DETERMINERS | frozenset({
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "neighboring", "neighbouring",
    "occupied", "besieged", "beseiged", "war-torn", "strife-torn", "divided", "disputed", "breakaway",
    "rebel-held", "embattled", "troubled", "impoverished", "landlocked", "mainland", "two", "three",
    "one", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    "more", "than", "up", "at", "least", "some", "about", "nearly", "almost", "around", "over"})


def prev_word(view: SentenceView, t0: int) -> str:
    """The word governing a noun phrase starting at token t0, past determiners and modifiers.

    "by the U.N." -> "by", "in east Bosnia" -> "in", "to neighboring Lebanon" -> "to".
    """
    k = t0 - 1
    steps = 0
    while k >= 0 and steps < 4:
        w = view.lower[k]
        if w in NP_MODIFIERS and w not in ("at", "over", "that"):  # "charged that Russian forces ..."
            k -= 1
            steps += 1
            continue
        if w[:1].isdigit() or (w in (",",) and steps and view.lower[k - 1][:1].isdigit()):
            k -= 1
            steps += 1
            continue
        if k > 0 and view.tokens[k].text[:1].isupper() and w.isalpha() and w not in PREPOSITIONS \
                and not view.in_mention(k) and not view.in_date(k) and view.tokens[k + 1].text[:1].isupper():
            k -= 1  # "with the Russian State Duma": a proper adjective the tables left out
            steps += 1
            continue
        return w
    return view.lower[t0 - 1] if t0 > 0 else ""


PREPOSITIONS = frozenset({"in", "to", "at", "on", "with", "for", "from", "by", "of", "against", "between",
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
    while k >= 0 and steps < 4 and (view.lower[k] in NP_MODIFIERS or view.lower[k][:1].isdigit()):
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


def opening_head_of(view: SentenceView, t0: int, lex: Lexicon) -> bool:
    """Is the phrase at t0 the "X" of a sentence-opening "N of/from X" whose head is no event noun?

    "A convoy of Turkish aid trucks was attacked", "Negotiators from Serbia and Kosovo resumed
    talks", "The home of a Kyrgyz journalist was searched": X stands for the subject N. Not
    "The invasion of Ukraine ..." (an event noun: X is its object) nor "Russia's ... of X".
    """
    k = t0 - 1
    while k >= 0 and t0 - k <= 4 and view.lower[k] in NP_MODIFIERS:
        k -= 1
    if k < 1 or view.lower[k] not in ("of", "from"):
        return False
    start = opening(view)
    head = view.lower[start:k]
    if not 1 <= len(head) <= 5 or any(view.in_mention(i) or view.in_date(i) for i in range(start, k)):
        return False
    stop = PREPOSITIONS | lex.words("speech") | lex.words("clause") | lex.words("aux")
    if any(w in stop or not (w.isalpha() or "-" in w) for w in head):
        return False
    return not lex.pack.analyse(head[-1], lex.roots)  # "the invasion of", "talks with"


# causes that are nobody's act: "floods killed 40 people", "a landslide buried the village"
NATURAL_CAUSES = frozenset({
    "flood", "floods", "flooding", "earthquake", "earthquakes", "quake", "storm", "storms", "avalanche",
    "avalanches", "landslide", "landslides", "mudslide", "mudslides", "drought", "heatwave", "heat",
    "cold", "fire", "fires", "wildfire", "wildfires", "blaze", "cyclone", "typhoon", "hurricane",
    "tornado", "tsunami", "disease", "epidemic", "outbreak", "cholera", "virus", "accident",
    "accidents", "crash", "crashes", "collapse", "stampede", "lightning", "rains", "snow", "snowstorm",
    "mudflow", "mudflows", "eruption", "famine", "hunger", "malaria"})


# nouns of a gathering: "at a meeting in Germany", "the summit in Astana" name where it met
_GATHERINGS = frozenset({"meeting", "meetings", "summit", "summits", "conference", "conferences", "talks",
                         "forum", "session", "ceremony", "gathering", "congress", "event", "exhibition",
                         "rally", "fair", "festival", "games", "sidelines", "visit", "trip", "tour"})
_BORDERS = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})


def names_place(view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
    """Does the group after the trigger only name a place?

    "Ukraine appealed for air defence at a meeting in Germany", "met on the sidelines of
    the summit in Astana": where a gathering took place; "concern over the situation along
    the Afghan-Pakistani border": a border two states share is a place, neither of them a
    target. A single state's border ("troops massed on the Ukrainian border") is left alone.
    """
    words = view.lower
    if g.t1 < len(words) and words[g.t1] in _BORDERS and len(g.distinct()) >= 2:
        return True
    k = g.t0 - 1
    while k > trig.last and g.t0 - k <= 4 and words[k] in NP_MODIFIERS and words[k] not in ("at",):
        k -= 1
    return k - 1 > trig.last and words[k] in ("in", "at") and words[k - 1] in _GATHERINGS


def opening(view: SentenceView) -> int:
    """The first token after a dateline ("ALMATY, Jan 7 (Reuters) -"), else 0."""
    end = view.sentence.start + dateline_end(view.sentence.text)
    return next((i for i, t in enumerate(view.tokens) if t.start >= end), 0)


# "ASTANA, March 4 (Reuters) -", "BISHKEK, Kyrgyzstan (AP) —", "WASHINGTON --": a dateline
# names where the story was filed, not an actor of its first sentence


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
    if k + 2 < n and view.lower[k] == "(" and ")" in view.lower[k + 1:k + 4]:
        k = view.lower.index(")", k) + 1  # ", Human Rights Watch (HRW) said"
    while k < n and (view.in_date(k) or view.lower[k] in ("also", "later", "earlier", "today", ")")):
        k += 1
    return k < n and view.lower[k] in lex.words("speech") and view.lower[k] != "that"



__all__ = ["DETERMINERS", "NATURAL_CAUSES", "PARTITIVE_HEADS", "after_verb", "dateline_end",
           "in_parenthetical", "is_reporter", "names_place", "of_is_partitive", "opening",
           "opening_head_of", "parenthetical_spans", "participle_clause_start", "prev_word",
           "relative_subject"]
