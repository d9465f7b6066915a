"""Who did it to whom inside an event noun's own phrase, in head-first languages.

An Indonesian event noun carries its participants after it, in a noun phrase
that ends at the next verb, clause word or punctuation::

    serangan  Israel    terhadap   kamp pengungsi di Rafah        agent, then target
    pengusiran diplomat Rusia   oleh Jerman                        patient, then agent
    penangkapan jurnalis Amerika Serikat oleh Rusia                 patient, then agent
    bantuan   senilai lima juta dolar dari Korea Selatan  kepada Laos   "dari": the giver
    pendudukan Israel atas wilayah Palestina                         up to two nouns
                                                                     between preposition and actor
    serangan  ke wilayah Lebanon                                     a preposition: never the agent

and a noun that opens its clause may take its agent from the passive verb
after it (a topicalised passive: "Ucapan duka cita disampaikan Perdana Menteri
India kepada Nepal", "Kecaman ... datang dari Jepang").

Rules:

* an actor right after the noun is its agent, unless it is people acted upon
  (civilians, refugees, journalists, workers: ``PATIENT_ROLES``) - then it is
  the patient, i.e. the target;
* "oleh X" in the phrase is the agent (unless a preposition came before it:
  "investigasi terhadap suap oleh X" is the bribe's agent); "dari X" is the
  agent too ("bantuan dari X", "pengusiran warga Y dari X") unless the phrase
  already named one or the act reduces relations or withdraws (16, 087:
  "penghentian impor dari X", "penarikan pasukan AS dari X" act on X);
* a preposition of the lexicon's ``prep_target`` before an actor (up to two
  nouns may stand between: "atas wilayah X") marks the target.

The language pack says whether its nouns take arguments this way
(:attr:`jalin.lang.base.LanguagePack.head_initial_nouns`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lang.analysis import VERB_PASSIVE
from ..models import Mention

if TYPE_CHECKING:
    from .view import Group

# ``f`` below is the role search of jalin.coding.roles (its _Finder: view, trigger, lexicon, pack
# and word tests); typed loosely, since roles imports this module
Finder = Any

#: roles of people an act is done to: after an event noun they are its patient, not its agent
PATIENT_ROLES = frozenset({"CVL", "REF", "MED", "EDU", "LAB", "BUS", "HLH", "AGR"})
#: codes whose "dari X" names what is acted on or left, not who acts ("penghentian impor dari
#: China", "penarikan pasukan dari Afghanistan"); for other codes it is the agent, unless the
#: phrase already named one
FROM_IS_TARGET_CODES = ("16", "087")
MAX_PHRASE = 12  # tokens
MAX_NOUNS_AFTER_PREP = 2


@dataclass
class NounArgs:
    """Participants an event noun's phrase names (empty lists: the phrase names none)."""

    source: list[Mention]
    target: list[Mention]
    target_group: "Group | None"


def noun_phrase_end(f: Finder) -> int:
    """Token index where the event noun's phrase ends (exclusive)."""
    v, lex = f.v, f.lex
    clause = lex.words("clause")
    k = f.t.last + 1
    limit = min(len(v.lower), f.t.last + 1 + MAX_PHRASE)
    target_preps = lex.words("prep_target")
    while k < limit:
        w = v.lower[k]
        if w in clause and w in target_preps and k + 1 < len(v.lower) and v.in_mention(k + 1):
            k += 1  # "permintaan Polandia agar NATO ...": the one asked is in the phrase
            continue
        if v.is_boundary(k) or w in clause or w in f.pack.relative_pronouns:
            break
        if not v.in_mention(k) and f.is_verb(w):
            break
        k += 1
    return k


def noun_args(f: Finder) -> NounArgs:
    """The event noun's agent and target from its own phrase (see the module's rules)."""
    v, lex = f.v, f.lex
    end = noun_phrase_end(f)
    # a group may overlap the trigger's last words: "pengerahan pasukan Rusia" (trigger "pengerahan
    # pasukan", actor "pasukan Rusia")
    groups = [g for g in v.groups if f.t.first < g.t0 < end]
    agent_words, from_words = lex.words("prep_agent"), lex.words("prep_from")
    prep_target = lex.words("prep_target") - from_words
    src: list[Mention] = []
    tgt_group: Group | None = None
    patient: Group | None = None
    for g in groups:
        prep, nouns = _preposition_before(f, g)
        # a preposition before this group's own: an "oleh" then is a nested noun's agent
        seen_prep = prep is not None and _preposition_before(f, g, skip=1)[0] is not None
        if prep is None and g.t0 <= f.t.last + 1 + nouns and nouns <= 1:
            if all(m.actor.role in PATIENT_ROLES for m in g.members):
                patient = patient or g  # "pengusiran warga Afghanistan": done to them
            elif not src:
                src = g.distinct()  # "serangan Israel", "kunjungan Presiden Putin"
        elif prep in agent_words:
            if not seen_prep:
                src = g.distinct()  # "... oleh Jerman" (not "investigasi terhadap suap oleh X")
        elif prep in from_words:
            if src or f.t.entry.cameo.startswith(FROM_IS_TARGET_CODES):
                tgt_group = tgt_group or g  # "penarikan pasukan AS dari Afghanistan"
            else:
                src = g.distinct()  # "bantuan dari Korea Selatan", "pengusiran ... dari Pakistan"
        elif prep in prep_target and nouns <= MAX_NOUNS_AFTER_PREP and tgt_group is None \
                and _words_before_preposition(f, g, nouns) <= 1:
            tgt_group = g  # "terhadap Gaza", "atas wilayah Palestina" (not "tuduhan X soal
            # pasokan drone ke Rusia": that "ke" is the supply's)
    tgt_group = patient or tgt_group
    return NounArgs(src, tgt_group.distinct() if tgt_group else [], tgt_group)


def topical_agent(f: Finder, end: int) -> tuple[list[Mention], int]:
    """The agent of a passive (or "datang dari") after an event noun's phrase that opens its
    clause, and the token after it: "Ucapan duka cita ... disampaikan Perdana Menteri India",
    "Imbauan untuk menahan diri disampaikan Sekjen PBB", "Kecaman ... datang dari Jepang".
    A verb right after a purpose word ("untuk menahan diri") belongs to the noun's phrase."""
    v, lex = f.v, f.lex
    if not _opens_clause(f):
        return [], end
    purpose = f.pack.purpose_words
    k, limit = end, min(len(v.lower), end + MAX_PHRASE)
    while k < limit:
        w = v.lower[k]
        if v.is_boundary(k) or w in f.clause:
            return [], end
        if f.is_verb(w) and not (k > 0 and v.lower[k - 1] in purpose):
            break
        k += 1
    if k >= limit:
        return [], end
    w = v.lower[k]
    passive = f.pack.surface_form(w) == VERB_PASSIVE
    from_verb = w in lex.words("from_verb")
    if not (passive or from_verb):
        return [], end
    j = k + 1
    while j < len(v.lower) and v.lower[j] in f.aux | lex.words("manner"):
        j += 1  # "disambut baik", "disampaikan langsung"
    for g in v.groups:
        if g.t0 < j:
            continue
        prev = v.lower[g.t0 - 1]
        if g.t0 == j or (prev in lex.words("prep_agent") and g.t0 == j + 1) or \
                (from_verb and prev in lex.words("prep_from") and g.t0 == j + 1):
            return g.distinct(), g.t1
        break
    return [], end


def _opens_clause(f: Finder) -> bool:
    """Does the event noun stand at the start of its clause (no verb, no actor before it)?"""
    v = f.v
    k = f.t.first - 1
    while k >= 0 and not v.is_boundary(k) and v.lower[k] not in f.clause:
        if v.in_mention(k) or f.is_verb(v.lower[k]):
            return False
        k -= 1
    return True


def _words_before_preposition(f: Finder, g: "Group", nouns: int) -> int:
    """Words of the phrase between the event noun and the preposition of ``g`` that are
    neither actors nor prepositions ("kecaman keras terhadap X": 1)."""
    v, lex = f.v, f.lex
    preps = lex.words("pp") | lex.words("prep_target") | lex.words("prep_agent") | lex.words("prep_from")
    stop = g.t0 - 1 - nouns  # the preposition's index
    return sum(1 for k in range(f.t.last + 1, stop)
               if not v.in_mention(k) and v.lower[k] not in preps)


def _preposition_before(f: Finder, g: "Group", skip: int = 0) -> tuple[str | None, int]:
    """(the preposition that governs group ``g`` inside the phrase, nouns between them);
    ``skip``: pass over that many prepositions first (the one before the governing one)."""
    v, lex = f.v, f.lex
    preps = lex.words("pp") | lex.words("prep_target") | lex.words("prep_agent") | lex.words("prep_from")
    nouns = 0
    if not skip and g.t0 == f.t.last + 1 and f.t.last > f.t.first and v.lower[f.t.last] in preps:
        return v.lower[f.t.last], 0  # the pattern ends in it: "desakan .. agar", "serangan .. terhadap"
    k = g.t0 - 1
    while k > max(f.t.first, min(f.t.last, g.t0 - 1)):
        w = v.lower[k]
        if w in preps:
            if not skip:
                return w, nouns
            skip -= 1
        elif not v.in_mention(k):
            nouns += 1
        k -= 1
    return None, nouns


__all__ = ["PATIENT_ROLES", "NounArgs", "noun_args", "noun_phrase_end", "topical_agent"]
