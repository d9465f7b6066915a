"""English role hooks that read the role finder's candidate groups.

Each takes the generic role finder of :mod:`jalin.coding.roles` (its view
``f.v``, trigger ``f.t``, ``f.right_groups`` and ``f.prev_word``):

* :func:`passive_place` — "was arrested in Lebanon": an agentless passive of
  an official act (arrest, investigation) is done by the state it happened in,
  "were expelled from Moldova" by the state they leave;
* :func:`unknown_agent` — "the consulate was shelled", "a car bomb killed two
  soldiers": a passive naming no actor as agent, or a violent act whose subject
  is no actor, is an event of an unknown source;
* :func:`home_target` — "Turkish authorities imposed a curfew in a town in
  southeastern Turkey": a state's institution acting in its own state acts
  on that state's population (role CVL);
* :func:`order_targets` — "cleansing in Montenegro against the Albanians":
  the group after "against" before the place; "complained to the UN over
  Israeli raids": the one complained about before the addressee.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import Actor, Mention
from .phrases import NATURAL_CAUSES, opening, prev_word
from .voice import BE_FORMS, is_verbal

if TYPE_CHECKING:
    from ...coding.roles import _Finder
    from ...coding.view import Group

# roots whose action a state's own institutions take against its population (curfews, arrests, force)
HOME_TARGET_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# roots of official acts whose agentless passive names the state where it happened
PLACE_AGENT_ROOTS = frozenset({"09", "17"})
_PLACE_PREPS = ("in", "at", "near", "inside")
EXPEL = "174"  # expel or deport individuals


def passive_place(f: _Finder) -> Group | None:
    """English agentless passive of an official act (arrest, investigation): the state it happened
    in; of an expulsion ("were expelled from Moldova"): the state they were expelled from."""
    code = f.t.entry.cameo
    preps = ("from",) if code[:3] == EXPEL else ("in",) if code[:2] in PLACE_AGENT_ROOTS else ()
    for g in f.right_groups(f.t.last) if preps else ():
        if f.prev_word(g) in preps and any(m.actor.country for m in g.members):
            return g
    return None


def unknown_agent(f: _Finder) -> bool:
    """"The consulate was shelled overnight", "two nationals were kidnapped", "was hit by a
    missile": a passive whose text names no actor as its agent is an event of an unknown source.

    Only when the actor found as its target heads the passive's own subject: nothing but its
    noun phrase ("Kazakh consulate in Kabul", "convoy of Turkish aid trucks") and auxiliaries
    stands between them. Not "... to convince the Lithuanian Parliament to amend the
    constitution so that same-sex marriages are banned" (the marriages are what is banned),
    nor "Albanians demonstrated in Serbia, where 24 people were killed".
    """
    if not f.t.passive:
        return thing_subject(f)
    s = f.subject(allow_pp_antecedent=True)
    if s is None:
        return False
    lex = f.lex
    skip = lex.words("aux") | lex.words("negator") | BE_FORMS
    gap = [w for i, w in enumerate(f.v.lower[s.t1:f.t.first], start=s.t1)
           if w not in skip and not f.v.in_mention(i) and not f.v.in_date(i)]
    stop = lex.words("clause") | lex.words("speech") | lex.words("intent") | {"to", "so", ","}
    return len(gap) <= 6 and not any(w in stop for w in gap)


# roots of violence whose agent may be a thing or an unnamed person ("a car bomb killed ...")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_THING_SUBJECT_REACH = 10


def thing_subject(f: _Finder) -> bool:
    """"A roadside bomb killed two U.S. soldiers", "A suicide bomber killed 12 people at a market
    in Kabul", "Unknown attackers tried to assassinate the governor": a violent act whose subject,
    opening the sentence, names no actor (places after a preposition aside) has an unknown source."""
    if f.t.entry.cameo[:2] not in VIOLENT_ROOTS or f.t.form not in ("va", "b"):
        return False
    v, lex = f.v, f.lex
    start = opening(v)
    span = range(start, f.t.first)
    if not 1 <= len(span) <= _THING_SUBJECT_REACH:
        return False
    stop = lex.words("clause") | lex.words("speech") | {"to"} - lex.words("intent")
    skip = lex.words("aux") | lex.words("intent") | lex.words("negator") | {"to"}
    for i in span:
        w = v.lower[i]
        if v.is_boundary(i) or (w in stop and w not in skip):
            return False
        if v.in_mention(i) and prev_word(v, v.mention_spans[v.token_mention[i]][0]) not in _PLACE_PREPS:
            return False  # an actor in the subject: not this rule's
    if v.lower[f.t.first - 1] in lex.words("pp") - {"to"} or any(v.lower[i] in NATURAL_CAUSES for i in span):
        return False  # "Floods killed 40 people": no agent at all
    if not is_verbal(v, f.t, lex):  # "A car bomb killed three soldiers": the noun heads the subject
        tg = f.targets(f.t.first, [])
        if tg and (f.prev_word(tg[0]) == "by" or set(v.lower[f.t.last + 1:tg[0].t0]) & BE_FORMS):
            return False  # "The attack on Kharkiv was condemned by France": France condemned
    from ...coding.triggers import match_triggers  # the subject may name the act itself

    return not any(start <= m.first < f.t.first and m.entry.cameo[:2] in VIOLENT_ROOTS
                   for m in match_triggers(v, lex))  # "A suicide bomber killed": the bombing


def home_target(f: _Finder, src: list[Mention]) -> Mention | None:
    """"Turkish authorities imposed a curfew in a town in southeastern Turkey":
    a state's institution acting in its own state acts on that state's population (role CVL)."""
    if f.t.entry.cameo[:2] not in HOME_TARGET_ROOTS or not all(m.actor.role for m in src):
        return None
    homes = {m.actor.country for m in src}
    for g in f.right_groups(f.t.last):
        for m in g.members:
            a = m.actor
            if a.country in homes and a.role is None and len(homes) == 1:
                return replace(m, actor=Actor(code=a.country + "CVL", country=a.country, role="CVL"))
    return None


def order_targets(f: _Finder, groups: list[Group]) -> list[Group]:
    """Places last; for complaints, the one complained about before the addressee."""
    about = f.t.entry.cameo[:2] == "11" and any(
        f.prev_word(g) in ("over", "about", "against") for g in groups)
    return sorted(groups, key=lambda g: (f.prev_word(g) in _PLACE_PREPS,
                                         about and f.prev_word(g) == "to"))


__all__ = ["HOME_TARGET_ROOTS", "home_target", "order_targets", "passive_place"]
