"""English clauses with a subject of their own, and other wire-story shapes.

Reuters/AP-style reports bring shapes single sentences rarely show:

* **nominal events with an agent** — "the visit by Lavrov to Astana";
* **clauses with a subject of their own** — "the declaration, which condemned
  ...", "when former dictator X expelled them", ", a rights group protested",
  ", and Western governments have refused", "whom they had taken hostage",
  "a company it accused of ...", ", saying he would ...";
* **pronoun objects** — "met President Y and invited him";
* **reported demands** — "X said Y must withdraw" is a demand by X on Y:
  the trigger "must" takes its target from the clause subject and its
  source from the subject of the speech verb before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .morph import is_participle
from .phrases import DETERMINERS, FINITE, NATURAL_CAUSES, PREPOSITIONS, SCOPE_STOP, prev_word
from .voice import is_verbal

if TYPE_CHECKING:
    from ...coding.lexicon import Lexicon
    from ...coding.triggers import TriggerMatch
    from ...coding.view import Group, SentenceView
    from ...models import Mention


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
        if view.in_mention(k) or view.is_boundary(k) or w in SCOPE_STOP:
            return False
        k -= 1
    return False


# nouns of moving one's own forces or goods: "the deployment of Russian troops" is Russia's
_OWN_MOVES = frozenset({"deployment", "deployments", "redeployment", "withdrawal", "withdrawals", "pullout",
                        "pull-out", "delivery", "deliveries", "dispatch", "shipment", "shipments", "supply",
                        "supplies", "transfer", "transfers", "build-up", "buildup", "arrival", "sending"})


def nominal_agent(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> Group | None:
    """The agent of a nominal trigger named inside its noun phrase.

    "The visit by Lavrov to Astana", "a visit to Bishkek last month by a senior
    U.S. official": the visitor. "The deployment of Russian troops to Kazakhstan",
    "the delivery of Turkish drones to Ukraine": the one whose forces or goods move.
    "New sanctions on Iran were announced by the EU": the agent of a passive that announces,
    takes or holds the event. Not for a verb ("was attacked by" is a passive).
    """
    if is_verbal(view, trig, lex):
        return None
    words = view.lower
    own = _own_forces(view, trig)
    if own is not None:
        return own
    for g in view.groups:
        if g.t0 <= trig.last:
            continue
        if g.t0 - trig.last > 12:
            return None
        k = g.t0 - 1
        while k > trig.last and g.t0 - k <= 3 and words[k] != "by" and words[k][:1].isalpha() \
                and not view.in_mention(k) and words[k] not in SCOPE_STOP:
            k -= 1
        if words[k] != "by":
            continue
        between = words[trig.last + 1:k]
        if len(between) >= 2 and between[-2] in _BE and between[-1] in _TAKEN \
                and not any(w in SCOPE_STOP or w in FINITE for w in between[:-2]):
            return g  # "new sanctions on Iran were announced by the EU": the EU's sanctions
        if any(w in SCOPE_STOP or w in FINITE or w in lex.words("speech") or is_participle(w)
               for w in between):
            return None  # "a ceasefire brokered by Egypt": Egypt brokered it
        return g
    return None


_BE = frozenset({"was", "were", "is", "are", "been", "be"})
# passives whose agent is the agent of the event their subject names ("sanctions were imposed by
# the EU", "talks were held by"), not one acting on it ("the attack was condemned by France")
_TAKEN = frozenset({"announced", "imposed", "adopted", "approved", "introduced", "unveiled", "ordered",
                    "declared", "issued", "held", "conducted", "staged", "launched", "carried", "made",
                    "signed", "agreed", "extended", "reimposed", "tightened"})


def _own_forces(view: SentenceView, trig: TriggerMatch) -> Group | None:
    """"The deployment of Russian troops": the group right after "of" when the trigger's head is
    a noun of moving one's own forces or goods and the group names them (a state's forces, or an
    actor before what moves: "of Turkish drones", "of NATO peacekeeping troops"), not a state
    itself ("the withdrawal of Iran from the deal")."""
    head = trig.first  # "the deployment of NATO peacekeeping troops" may be one trigger
    if view.lower[head] not in _OWN_MOVES or head + 1 >= len(view.lower) or view.lower[head + 1] != "of":
        return None
    for g in view.groups:
        if g.t0 <= head + 1:
            continue
        if g.t0 - head > 4 or any(view.is_boundary(i) for i in range(head + 1, g.t0)):
            return None
        m = g.members[0]
        thing_after = g.t1 < len(view.lower) and view.lower[g.t1].isalpha() and \
            view.lower[g.t1] not in PREPOSITIONS and view.lower[g.t1] not in FINITE
        return g if m.actor.role == "MIL" or thing_after else None
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
            if w == "whom" and rest[0].isalpha():
                return "block"  # "refugees, whom authorities blame for ...": the authorities blame
            if w == "that" and rest[0] in _ARTICLES:
                return "block"  # "said that the rebels attacked": the rebels, no actor
            return None
        if w in _SUBORDINATORS and rest:
            # a clause with a subject of its own that is no actor: "when former dictator Idi Amin
            # expelled them"; not "after four years", "as well as"; a pronoun stands for the
            # main subject ("... when they blew themselves up")
            first = view.tokens[next(i for i in range(j + 1, hi) if words[i] == rest[0])].text
            if any(x in NATURAL_CAUSES for x in rest[:3]):
                return "block"  # "after floods killed 200 people": nobody's act
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
    return len(rest) <= 1 and all(w[:1].isalpha() and w not in SCOPE_STOP and w not in lex.words("pp")
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
    if any(view.is_boundary(i) or view.lower[i] in SCOPE_STOP or view.lower[i] in FINITE
           for i in range(obj.t1, k)) or any(w in ("and", "or") for w in between):
        return None
    subj = next((g for g in view.groups if g.t1 <= obj.t0 and g is not obj
                 and prev_word(view, g.t0) not in PREPOSITIONS), None)
    return (subj, obj) if subj is not None else None




# verbs of accusing that report a clause: "Kyiv charged that Russian forces had attacked ..."
_ALLEGING = frozenset({"alleged", "alleges", "charged", "charges", "accused", "accuses"})
# "the reports of", "the claims by", "the United States": a speech word that opens no clause
_SPEECH_NOUN_AFTER = frozenset({"of", "by", "from", "on", "about", "in", "to"})
_REPORT_REACH = 20


def reported_clause(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
    """Is a verbal trigger in a clause reported by a speech verb before it?

    "Iran said Israeli jets struck targets", "Tajik officials claimed that Kyrgyz soldiers
    had opened fire", "Pakistan told the UN that India had violated the ceasefire",
    "According to Tehran, Israeli agents ...": the event is the reporter's account
    (modality "reported"). A clause subject must stand between the speech verb and the
    trigger: in "Russia announced sanctions" the sanctions are the act itself; a pronoun
    subject ("China said it was worried", "said it had signed") or a verb coordinated with the
    speech verb ("Lavrov said ... and praised", "..., but he rejected") is the speaker's own act.
    """
    if trig.form == "n":
        return False
    words = view.lower
    speech = (lex.words("speech") - {"that"}) | _ALLEGING
    start = next((i for i in range(trig.first) if not view.in_date(i)), 0)
    if words[start:start + 2] == ["according", "to"] and "," in words[start:trig.first]:
        return True  # "According to Tehran, Israeli agents assassinated ..."
    filler = lex.words("aux") | lex.words("negator") | lex.words("intent")
    k = trig.first - 1
    while k >= 0 and (words[k] in filler or view.in_date(k)):
        k -= 1
    if k >= 0 and (words[k] in ("and", "but", "or", ",") or words[k] in _PRONOUNS):
        return False  # "Lavrov said ... and praised", ", but he rejected": the speaker's own act
    lo = max(0, trig.first - _REPORT_REACH)
    for k in range(trig.first - 1, lo - 1, -1):
        w = words[k]
        if w in (";", ":") or (w == "," and k + 1 < trig.first and words[k + 1] in _SPEECH_PARTICIPLES):
            return False
        if w not in speech or view.in_mention(k):
            continue
        nxt = next((i for i in range(k + 1, trig.first) if not view.in_date(i)), trig.first)
        if words[nxt] in _SPEECH_NOUN_AFTER:
            continue  # "reports of shelling", "told to leave" (not "said on Monday that")
        rest = [x for x in words[nxt:trig.first] if x != "that"]
        if not rest or rest[0] in _PRONOUNS:
            return False  # "China said it was worried": the speaker's own statement or act
        return any(view.in_mention(i) or words[i] in DETERMINERS for i in range(nxt, trig.first))
    return False


# modals of a possibility, not an announcement: "Russia could strike", "talks may resume"
_POSSIBLE = frozenset({"may", "might", "could"})
# ... unless a verb of saying or warning governs them: "warned that it could blockade"
_WARNING = frozenset({"warned", "warns", "warn", "warning", "threatened", "threatens", "threaten",
                      "threatening", "cautioned", "signalled", "signaled", "hinted"})
_HYPOTHETICAL_MODALS = _POSSIBLE | {"would"}
_MODAL_REACH = 6


def supposed(view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
    """Is the trigger's event only supposed, not reported as done or announced?

    * a modal of possibility before it: "Russia could strike the port", "talks may resume",
      unless a verb of saying or warning governs the modal ("warned that it could
      blockade": a threat; "said it might send troops": an announcement) or the sentence
      states it as a condition or reports it ("may halt its mediation if ..., X said");
    * a nominal trigger heading the subject of a clause with such a modal: "talks may
      resume", and with "would" when indefinite: "a Chinese blockade of Taiwan would
      devastate ...", "a Russian attack on a NATO member would trigger ..." (not "the
      talks would resume on Monday": a scheduled event).
    Under a verb of saying or warning, the lexicon's intent words make these intents.
    """
    words = view.lower
    speech = lex.words("speech") | _WARNING
    k = trig.first - 1
    while k >= 0 and trig.first - k <= _MODAL_REACH:
        w = words[k]
        if view.is_boundary(k) or view.in_mention(k) or w in SCOPE_STOP:
            break
        if w in _POSSIBLE:
            j = k - 1
            while j >= 0 and (words[j] in _PRONOUNS or words[j] == "that" or view.in_date(j)):
                j -= 1
            return not (j >= 0 and words[j] in speech) and not _stated_after(view, trig, speech)
        k -= 1
    if trig.form in ("va", "vp"):
        return False
    k = trig.first - 1  # back over the phrase's modifiers and actors to its determiner
    while k >= 0 and trig.first - k <= 4 and (view.in_mention(k) or (
            words[k].isalpha() and words[k] not in _ARTICLES and words[k] not in SCOPE_STOP
            and words[k] not in PREPOSITIONS and words[k] not in speech and words[k] not in FINITE)):
        k -= 1
    indefinite = k >= 0 and words[k] in ("a", "an")
    if k >= 0 and words[k] not in _ARTICLES and not view.is_boundary(k) and k + 1 < trig.first:
        return False  # "Russia launched strikes that could ...": the noun is an object, not a subject
    for j in range(trig.last + 1, min(len(words), trig.last + 1 + _MODAL_REACH)):
        if words[j] in _POSSIBLE or (indefinite and words[j] == "would"):
            return True
        if view.is_boundary(j) or words[j] in SCOPE_STOP or words[j] in FINITE or words[j] == "that":
            return False
    return False


def _stated_after(view: SentenceView, trig: TriggerMatch, speech: frozenset[str]) -> bool:
    """Does a condition or a trailing reporter follow the trigger ("may halt its mediation if
    ..., the minister said"): someone states the possibility, as a threat or a promise?"""
    words = view.lower[trig.last + 1:]
    return any(w in ("if", "unless") for w in words) or any(
        w == "," and any(x in speech for x in words[k + 1:k + 7]) for k, w in enumerate(words))


# modals of a reported demand ("X said Y must withdraw")
DEMAND_MODALS = ("must", "should")
SPEECH_FOR_MUST = frozenset({"say", "said", "says", "saying", "declared", "declares", "reiterated",
                             "reiterates", "insisted", "insists", "concluded", "stated", "states",
                             "told", "tells", "stressed", "added", "warned", "warns", "announced",
                             "announces", "believes", "argued", "argues", "demanded", "noted",
                             "that", "reminder", "declaration"})



def reported_demand(view: SentenceView, trig: TriggerMatch, subject, lex: Lexicon
                    ) -> tuple[list[Mention], list[Mention]] | None:
    """"X said (that) Y must Z": source X, target Y; None when the shape is not there.

    ``subject(before_token)`` finds the clause subject before a token (the
    role finder's subject search).
    """
    if view.lower[trig.first] not in DEMAND_MODALS:
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




__all__ = ["DEMAND_MODALS", "clause_between", "co_agent", "nominal_agent", "pronoun_object", "reduced_relative",
           "reported_clause", "reported_demand", "subordinate_subject", "supposed", "thing_relative"]
