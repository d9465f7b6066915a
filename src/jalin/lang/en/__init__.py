"""English (``en``): the same stages with English data and syntax hooks.

* :mod:`.morph` — inflection and nominalisations to lemmas (known lemmas only);
* :mod:`.voice` — passives with *be/get*, light verbs ("held talks"),
  complement government ("refused to ..."), blocked non-event phrases;
* :mod:`.phrases` — noun phrases: determiners and modifiers before the head,
  partitives, appositions, relative clauses, reporters;
* :mod:`.clauses` — wire-story clauses with a subject of their own, nominal
  agents ("the visit by X"), pronoun objects, reported demands ("X said Y must");
* :mod:`.mentions` — bare role words of a sentence's one state, datelines,
  people named again by one part of the name;
* :mod:`.roles` — agentless passives, a state acting at home, target order.

Trigger lexicon in ``data/lexicon/en/``; dates in the ``en`` rows of
``data/dates/`` (month first: "January 27", 01/27/2022).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..base import LanguagePack
from . import clauses, mentions, morph, phrases, roles, voice

if TYPE_CHECKING:
    from ...coding.lexicon import Lexicon
    from ...coding.roles import _Finder
    from ...coding.triggers import TriggerMatch
    from ...coding.view import Group, SentenceView
    from ...models import Mention, Sentence
    from ...nlp.tokens import Token

# English function words for language detection (standard English; written for jalin).
MARKERS = frozenset(
    "the and of to in is that for with was were on by said says has have are from "
    "it its his her their will at an which this be as not but who would had been "
    "after they he she we also more than about into over".split()
)


class EnglishPack(LanguagePack):
    code = "en"
    name = "English"
    aliases = ("eng", "english")
    lexicon_dirs = ("lexicon/en",)
    date_languages = ("en",)
    month_first_numeric = True

    family = "english"
    markers = MARKERS
    family_default = True

    modifier_first = True

    relative_pronouns = frozenset({"who", "which", "that"})
    comma_relative_pronouns = frozenset({"who", "which"})
    nonrestrictive_openers = frozenset({"which"})
    complementizers = frozenset({"that", "which"})
    clause_openers = frozenset({"which", "who", "where"})
    verb_coordinators = frozenset({"and"})
    and_words = frozenset({"and"})
    between_words = frozenset({"between"})
    partner_preps = frozenset({"with"})
    former_words = frozenset({"former", "ex"})
    coordination_articles = frozenset({"the"})

    modal_reach_skips_dates = True
    symmetric_anaphor_pairs = True
    symmetric_both_ways = True
    dyad_date_sources = ("sentence", "context")
    source_date_carry = True

    # ---------------------------------------------------------------- morphology
    def analyse(self, word: str, roots: frozenset[str]) -> tuple[Analysis, ...]:
        return morph.analyse(word, roots)

    # ---------------------------------------------------------------- mentions
    def sentence_mentions(self, sentence: Sentence, tokens: list[Token],
                          found: list[Mention]) -> list[Mention]:
        return mentions.context_role_mentions(sentence, tokens, found)

    def later_mentions(self, sentence: Sentence, found: list[Mention], names: dict) -> list[Mention]:
        found = mentions.later_name_mentions(sentence, found, names)
        names.update(mentions.name_parts(found))
        return found

    # ---------------------------------------------------------------- triggers
    def adjust_triggers(self, view: SentenceView, matches: list[TriggerMatch],
                        lex: Lexicon) -> list[TriggerMatch]:
        return voice.adjust_triggers(view, matches, lex)

    def may_stand_alone(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        return voice.is_verbal(view, trig, lex)  # "rebels surrendered", not "faced imprisonment"

    # ---------------------------------------------------------------- noun phrases
    def governing_word(self, view: SentenceView, t0: int) -> str:
        return phrases.prev_word(view, t0)

    def partitive(self, view: SentenceView, t0: int, word: str) -> bool:
        if word == "of" and phrases.of_is_partitive(view, t0):
            return True  # "thousands of Nigerians protested"
        return word in ("of", "from") and phrases.opening_head_of(view, t0, view.lex)

    def object_by_verb(self, view: SentenceView, t0: int, word: str, lex: Lexicon) -> bool:
        return phrases.after_verb(view, t0, lex)

    def in_parenthetical(self, view: SentenceView, g: Group, before: int) -> bool:
        return phrases.in_parenthetical(view, g, before)

    def relative_subject(self, view: SentenceView, g: Group, trigger: int) -> bool:
        return phrases.relative_subject(view, g, trigger)

    def reports(self, view: SentenceView, g: Group, lex: Lexicon) -> bool:
        return phrases.is_reporter(view, g, lex)

    def names_place(self, view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
        return phrases.names_place(view, g, trig)

    def co_agent(self, view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
        return clauses.co_agent(view, g, trig)

    # ---------------------------------------------------------------- clauses and subjects
    def participle_clause_start(self, view: SentenceView, trig: TriggerMatch) -> int | None:
        return phrases.participle_clause_start(view, trig)

    def thing_relative(self, view: SentenceView, trig: TriggerMatch) -> bool:
        return clauses.thing_relative(view, trig)

    def clause_between(self, view: SentenceView, g: Group, trig: TriggerMatch,
                       lex: Lexicon) -> str | None:
        return clauses.clause_between(view, g, trig, lex)

    def subordinate_subject(self, view: SentenceView, g: Group, trig: TriggerMatch,
                            lex: Lexicon) -> bool:
        return clauses.subordinate_subject(view, g, trig, lex)

    # ---------------------------------------------------------------- roles
    def is_reported_demand(self, trig: TriggerMatch) -> bool:
        return trig.entry.items[0].value in clauses.DEMAND_MODALS

    def reported_demand(self, view: SentenceView, trig: TriggerMatch, subject_before,
                        lex: Lexicon) -> tuple[list[Mention], list[Mention]] | None:
        return clauses.reported_demand(view, trig, subject_before, lex)

    def delivered(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        return voice.is_reduced_passive(view, trig.first, trig.last) or voice.past_after_and(view, trig)

    def supposed(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        return clauses.supposed(view, trig, lex)

    def reported_clause(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        return clauses.reported_clause(view, trig, lex)

    def reduced_relative(self, view: SentenceView, trig: TriggerMatch) -> tuple[Group, Group] | None:
        return None if trig.passive else clauses.reduced_relative(view, trig)

    def nominal_agent(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> Group | None:
        return clauses.nominal_agent(view, trig, lex)

    def agentless_passive_source(self, f: _Finder) -> Group | None:
        return roles.passive_place(f)

    def unknown_agent(self, f: _Finder) -> bool:
        return roles.unknown_agent(f)

    def pronoun_object(self, view: SentenceView, trig: TriggerMatch,
                       src: list[Mention]) -> list[Mention]:
        return clauses.pronoun_object(view, trig, src)

    def home_target(self, f: _Finder, src: list[Mention]) -> Mention | None:
        return roles.home_target(f, src)

    def order_targets(self, f: _Finder, groups: list[Group]) -> list[Group]:
        return roles.order_targets(f, groups)


PACK = EnglishPack()

__all__ = ["PACK", "EnglishPack"]
