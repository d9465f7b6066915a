"""English voice, light verbs and complement government over a sentence's trigger matches.

(Non-events — "press release", "opposition party" — are the lexicon's
``blockers.tsv``, applied for every language by :mod:`jalin.coding.triggers`.)

* **light verbs** — "held talks", "launched a mediation effort", "lodged an
  official protest": a nominal trigger after a light verb (function word
  category ``light``) becomes a verbal trigger starting at the light verb, so
  its subject and object are found as for a verb.
* **passive voice** — English marks it with an auxiliary, not on the verb:
  "was attacked by", "have been expelled", "got arrested". A trigger whose
  first word is a past participle after a form of *be*/*get* (adverbs may
  stand between) gets the passive form, so roles read target = subject,
  source = agent after "by". So does a participle right after a noun and before "by"
  ("a ceasefire brokered by Egypt": a reduced relative).
* **complement-taking triggers** — "refused to deploy troops", "threatened
  to shell the towns", "demanded that X withdraw", "accused Y of attacking":
  the event is the refusal, threat, demand or accusation; the verbs in its
  complement are not events of their own and are dropped. An accusation with a
  "that" clause ("alleged that X had shelled ...") is the accuser's act and the
  clause's event is reported on its own. Triggers of root
  03 (agree, promise, offer) do not govern: the coder turns the act they
  introduce into an intent event instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .morph import is_participle
from .phrases import DETERMINERS, FINITE, NP_MODIFIERS, SCOPE_STOP, prev_word

if TYPE_CHECKING:
    from ...coding.lexicon import Lexicon
    from ...coding.triggers import TriggerMatch
    from ...coding.view import SentenceView

BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
                      "gotten", "getting", "'s"})
# words that may stand between the auxiliary and the participle ("was reportedly attacked")
_PASSIVE_GAP = frozenset({"not", "never", "also", "reportedly", "allegedly", "already", "just", "since",
                          "then", "later", "being", "been", "first", "again", "apparently",
                          "repeatedly", "all", "both", "jointly", "formally", "officially"})

SCOPE_TOKENS = 15
NON_GOVERNING_ROOTS = frozenset({"03"})
# hosting or mediating a symmetric event presupposes it: "hosted talks between X and Y"
HOSTING_ROOTS = frozenset({"04"})
# an accusation with a "that" clause ("alleged that X had shelled ...") reports that clause's event
# (coded on its own, modality reported); "accused X of shelling" governs it
REPORTING_ROOTS = frozenset({"11"})

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
    if k >= 2 and view.lower[k] in ("and", "or") and is_participle(view.lower[k - 1]) \
            and is_passive_at(view, k - 1):
        return True  # "were killed or wounded": both participles of one passive
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


# words before a participle that show it is a verb of its own clause, not a noun's modifier
_NOT_NOUN = BE_FORMS | _PASSIVE_GAP | frozenset({"have", "has", "had", "having", "to", "and", "or", "but",
                                                "who", "which", "that", "it", "they", "he", "she", "we"})


def is_reduced_passive(view: SentenceView, first: int, last: int) -> bool:
    """Is the participle at ``first`` a reduced passive relative on the noun before it?

    "a ceasefire brokered by Egypt", "contracts signed by the former minister", "the
    sanctions imposed by the EU": a noun (no actor, no auxiliary) right before, "by" right
    after. Its agent is the group after "by"; it is a done act, not an announced one.
    """
    words = view.lower
    if first < 1 or last + 1 >= len(words) or words[last + 1] != "by" or not is_participle(words[first]):
        return False
    prev = words[first - 1]
    return prev.isalpha() and prev not in _NOT_NOUN and prev not in DETERMINERS \
        and not view.in_mention(first - 1) and not prev.endswith("ly")


def past_after_and(view: SentenceView, trig: TriggerMatch) -> bool:
    """"Turkey was ready to mediate and praised Azerbaijan": a past-tense verb after "and" is a
    done act of its own, whatever intent word the verb before it carries."""
    w = view.lower[trig.first]
    return trig.first > 0 and view.lower[trig.first - 1] in ("and", "but") \
        and w.endswith("ed") and len(w) > 4 and not is_passive_at(view, trig.first)


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
        if w in SCOPE_STOP or (nominal and w in FINITE):
            return k
        if w in ("they", "he", "she", "we") or (w == "it" and k + 1 < n and (
                view.lower[k + 1] in FINITE or view.lower[k + 1].endswith("ed"))):
            return k  # "... a trading company it accused of ...": a clause with its own subject
        if w in ("and", "or", "nor") and k + 1 < n:
            nxt = view.lower[k + 1]
            if nxt in FINITE or (nxt.endswith("ed") and len(nxt) > 4):
                return k  # "met on Sunday and decided to ...": a second finite verb
            if k + 1 in starts and not governed_seen:
                return k  # "kidnapped X and exploded bombs": a second verb of the same subject
        if k in starts:
            governed_seen = True
        k += 1
    return stop


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
        if transfer and (w == "of" or w[:1].isdigit() or w in NP_MODIFIERS):
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
        if m.form not in ("va", "vp"):
            k = _light_verb_start(view, m, lex, firsts)
            if k is not None:
                m = replace(m, first=k, start=view.tokens[k].start, text=view.text_between(k, m.last),
                            form="va")
        if m.form != "vp" and (is_passive_at(view, m.first) or is_reduced_passive(view, m.first, m.last)):
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
        if m.entry.cameo[:2] in REPORTING_ROOTS and nxt < len(view.lower) and view.lower[nxt] == "that":
            end = nxt  # "alleged that Azerbaijani troops had shelled ...": the shelling is reported, not governed
        for other in out:
            if m.first < other.first < end:  # also one sharing a word ("threatened to break" + "break off relations")
                if other.form == "vp" and is_reduced_passive(view, other.first, other.last):
                    continue  # "signed a deal brokered by the US": the brokering is an event of its own
                if m.entry.cameo[:2] in HOSTING_ROOTS and other.entry.frame == "sym" \
                        and "between" in view.lower[other.last + 1:other.last + 3]:
                    continue  # "Qatar mediated talks between X and Y": the talks took place
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
        if view.in_mention(k) or view.in_date(k) or w in NP_MODIFIERS or w in _TIME_WORDS \
                or w in _NEWS_ADJECTIVES \
                or w[:1].isdigit() or ("-" in w and w[:1].isalnum()):
            k -= 1
            steps += 1
            continue
        return steps > 0 and w in _BACKGROUND_PREPS
    return False



__all__ = ["adjust_triggers", "is_passive_at", "is_reduced_passive", "is_verbal",
           "past_after_and"]
