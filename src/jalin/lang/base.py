"""The language pack protocol: what a generic stage may ask a language.

jalin's stages (cleaning, actor mentions, dates, the coder) are one program
for every language. Whatever differs between languages is asked of a
:class:`LanguagePack` — spaCy's ``Language``/``Defaults`` split: the stage
holds the algorithm, the pack answers with words, flags and small hooks. A
stage never tests a language code.

Every attribute and hook below has a neutral default (the behaviour of a
language with no special rule), so a pack only states what its language
does. ``docs/ARCHITECTURE.md`` lists them with what a new language must
provide. Hooks receive the coder's own objects (a ``SentenceView`` with its
tokens, actor groups and dates; a ``TriggerMatch``; the role finder) and read
them; they never change them.

A pack is a small class, instantiated once by the registry
(:mod:`jalin.lang`); its big tables (the trigger lexicon) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .analysis import BARE, Analysis

if TYPE_CHECKING:
    from ..coding.lexicon import Lexicon
    from ..coding.ontology import CameoCode, QuadClass
    from ..coding.roles import _Finder
    from ..coding.triggers import TriggerMatch
    from ..coding.view import Group, SentenceView
    from ..models import Mention, Sentence
    from ..nlp.tokens import Token

_EMPTY: frozenset[str] = frozenset()


class LanguagePack:
    """One language: its data, its closed word classes and its syntax hooks."""

    # ---------------------------------------------------------------- identity and data
    #: ISO 639-1 code; the registry's key and ``Article.language``
    code: ClassVar[str] = ""
    #: English name, for messages ("ms (Malay)")
    name: ClassVar[str] = ""
    #: False: the language is recognised (detected, named in rejections) but not coded yet
    coded: ClassVar[bool] = True
    #: other tags that mean this language ("ind", "Indonesian", "bahasa indonesia")
    aliases: ClassVar[tuple[str, ...]] = ()
    #: trigger lexicon directories under ``jalin/data/``, base first, overlays after it
    lexicon_dirs: ClassVar[tuple[str, ...]] = ()
    #: values of the ``lang`` column of ``data/dates/*.tsv`` this language reads
    date_languages: ClassVar[tuple[str, ...]] = ()
    #: directories under ``jalin/data/`` holding date tables (``months.tsv``, ...)
    date_dirs: ClassVar[tuple[str, ...]] = ("dates",)
    #: directories under ``jalin/data/`` of the language's own actor names, read over ``actors/``
    actor_dirs: ClassVar[tuple[str, ...]] = ()
    #: numeric dates are written month first (01/27/2022)
    month_first_numeric: ClassVar[bool] = False

    # ---------------------------------------------------------------- language detection
    #: languages of one family share function words; detection first picks the family
    family: ClassVar[str] = ""
    #: function words shared by the whole family (count for the family, not for one member)
    family_words: ClassVar[frozenset[str]] = _EMPTY
    #: words only this language uses
    markers: ClassVar[frozenset[str]] = _EMPTY
    #: the family member chosen unless another one clearly wins
    family_default: ClassVar[bool] = False
    #: a non-default member needs at least this many of its own markers ...
    min_markers: ClassVar[int] = 0
    #: ... and a score above this many times the default member's
    margin_ratio: ClassVar[float] = 1.0

    # ---------------------------------------------------------------- word order
    #: modifiers stand before their head: "Russian President", "Kazakh oil" (else "Presiden Rusia")
    modifier_first: ClassVar[bool] = False

    # ---------------------------------------------------------------- closed word classes
    # (the trigger lexicon's function_words.tsv holds the classes curators extend; these
    # are the few words the role algorithm itself is built around)
    #: open a relative clause right after its antecedent ("X yang ...", "X who ...")
    relative_pronouns: ClassVar[frozenset[str]] = _EMPTY
    #: open a relative clause after "antecedent ,"
    comma_relative_pronouns: ClassVar[frozenset[str]] = _EMPTY
    #: after a comma, end the search for a trigger's targets (", which ...")
    nonrestrictive_openers: ClassVar[frozenset[str]] = _EMPTY
    #: clause words that do not end the target search ("bahwa", "that")
    complementizers: ClassVar[frozenset[str]] = _EMPTY
    #: after a comma, open a clause whose dates are its own (", yang ...", ", which ...")
    clause_openers: ClassVar[frozenset[str]] = _EMPTY
    #: two-word clause openers (", di mana ...")
    clause_opener_pairs: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: join two verbs ("menyetujui X dan menggunakan ..."): a group after the second is its own
    verb_coordinators: ClassVar[frozenset[str]] = _EMPTY
    #: "and" between two actors
    and_words: ClassVar[frozenset[str]] = _EMPTY
    #: "antara X dan Y", "between X and Y" after a symmetric trigger
    between_words: ClassVar[frozenset[str]] = _EMPTY
    #: "talks with X": a partner, not a second member of the subject
    partner_preps: ClassVar[frozenset[str]] = _EMPTY
    #: "mengancam akan memblokir ... X": the complement's object is the target
    complement_markers: ClassVar[frozenset[str]] = _EMPTY
    #: "bersiap untuk pembicaraan": between a subject and a nominal trigger
    purpose_words: ClassVar[frozenset[str]] = _EMPTY
    #: a sentence opening with one continues the one before ("... Kazakhstan. Yang ...")
    continuation_openers: ClassVar[frozenset[str]] = _EMPTY
    #: "bekas Uni Soviet", "the former USSR": a defunct state as a region
    former_words: ClassVar[frozenset[str]] = _EMPTY
    #: "Malaysia selaku Pengerusi ASEAN menggesa ...": the actor after one is a capacity, not a subject
    capacity_words: ClassVar[frozenset[str]] = _EMPTY
    #: the outlet's home state: a bare "Presiden"/"pemerintah" (titles in the lexicon's function
    #: words ``home_title``) is this state's when the article names it (jalin.coding.discourse)
    home_country: ClassVar[str | None] = None
    #: do event nouns carry their participants in the phrase after them ("serangan Israel terhadap
    #: X", "pengusiran diplomat Rusia oleh Jerman")? Then jalin.coding.nominal reads them
    head_initial_nouns: ClassVar[bool] = False
    #: words inside a coordination that do not break it ("Kazakhstan pada 5 Mei dan ...")
    coordination_fillers: ClassVar[frozenset[str]] = _EMPTY
    #: articles inside a coordination after its first member ("X and the Y")
    coordination_articles: ClassVar[frozenset[str]] = _EMPTY

    # ---------------------------------------------------------------- role and date flags
    #: a bare root word is nominal ("bantuan" as much as "kunjungan")
    bare_is_nominal: ClassVar[bool] = False
    #: "N yang V": the subject of V is N (or no actor when N is none)
    subject_through_relative: ClassVar[bool] = False
    #: an object right before a verb is that verb's subject ("menyebabkan X menutup ...")
    object_can_be_subject: ClassVar[bool] = False
    #: ", kata X": a group after a comma and a speech verb reports, ending the target search
    reporter_after_comma: ClassVar[bool] = False
    #: a date between an intent word and its trigger does not end the intent's reach
    modal_reach_skips_dates: ClassVar[bool] = False
    #: "the two sides signed ...": a symmetric trigger's anaphoric subject is the pair itself
    symmetric_anaphor_pairs: ClassVar[bool] = False
    #: a symmetric act of side-by-side participants ("X and Y signed", "between X and Y") is coded
    #: in both directions (X->Y and Y->X), as CAMEO coders of English news record it
    symmetric_both_ways: ClassVar[bool] = False
    #: date sources whose dated dyad dates the next sentence's undated event of the same dyad
    dyad_date_sources: ClassVar[tuple[str, ...]] = ("sentence",)
    #: a source's dated event dates its undated event in the next sentence
    source_date_carry: ClassVar[bool] = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"

    # ---------------------------------------------------------------- data
    def lexicon(self) -> Lexicon:
        """The trigger lexicon (``lexicon_dirs``), validated against the ontology; loaded once."""
        cached = self.__dict__.get("_lexicon")
        if cached is None:
            from ..coding.lexicon import load_lexicon
            from ..coding.ontology import default_ontology

            cached = load_lexicon(self.code, default_ontology().is_valid, dirs=self.lexicon_dirs, pack=self)
            self.__dict__["_lexicon"] = cached
        return cached

    # ---------------------------------------------------------------- morphology
    def analyse(self, word: str, roots: frozenset[str]) -> tuple[Analysis, ...]:
        """The analyses of ``word`` whose root is in ``roots`` (default: the word itself)."""
        return (Analysis(word, BARE),) if word in roots else ()

    #: does :meth:`surface_forms` generate words (examples of ``jalin lexicon coverage``)?
    generates_forms: ClassVar[bool] = False

    def surface_forms(self, root: str) -> list[tuple[str, str]]:
        """(form, word) pairs a root may surface as (va, vp, n, b), for examples; default none."""
        return []

    def surface_form(self, word: str) -> str:
        """The form (va, vp, n, b) a trigger's first word shows by its shape alone."""
        return BARE

    def looks_verbal(self, word: str, lex: Lexicon) -> bool:
        """Is this word, by its shape, a verb (Indonesian me-/ber-/di- words)?"""
        return False

    def is_active_verb(self, word: str, lex: Lexicon) -> bool:
        """Is this word, by its shape, an active verb (Indonesian meN-)?"""
        return False

    # ---------------------------------------------------------------- mentions
    def sentence_mentions(self, sentence: Sentence, tokens: list[Token],
                          mentions: list[Mention]) -> list[Mention]:
        """A sentence's actor mentions, with what the language adds or drops (default: as found)."""
        return mentions

    def later_mentions(self, sentence: Sentence, mentions: list[Mention],
                       names: dict) -> list[Mention]:
        """Mentions of people named earlier in the article by part of the name; ``names`` is the
        article's memory (this hook may add to it). Default: none."""
        return mentions

    # ---------------------------------------------------------------- triggers
    def adjust_triggers(self, view: SentenceView, matches: list[TriggerMatch],
                        lex: Lexicon) -> list[TriggerMatch]:
        """Voice, light verbs and complement government over a sentence's matches (default: none)."""
        return matches

    def may_stand_alone(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        """May an intransitive trigger give an event without a target here?"""
        return True

    # ---------------------------------------------------------------- noun phrases
    def governing_word(self, view: SentenceView, t0: int) -> str:
        """The word that governs the noun phrase starting at token ``t0`` (default: the word before)."""
        return view.lower[t0 - 1] if t0 > 0 else ""

    def partitive(self, view: SentenceView, t0: int, word: str) -> bool:
        """Is ``word`` before the phrase at ``t0`` partitive ("thousands of X": X acts)?"""
        return False

    def object_by_verb(self, view: SentenceView, t0: int, word: str, lex: Lexicon) -> bool:
        """Is the phrase at ``t0`` (after ``word``) the object of a verb before it?"""
        return False

    def in_parenthetical(self, view: SentenceView, g: Group, before: int) -> bool:
        """Is group ``g`` inside an apposition or relative clause that closes before ``before``?"""
        return False

    def relative_subject(self, view: SentenceView, g: Group, trigger: int) -> bool:
        """Is ``g`` the antecedent subject of a relative clause holding the trigger?"""
        return False

    def reports(self, view: SentenceView, g: Group, lex: Lexicon) -> bool:
        """Is ``g`` the reporter of the sentence (", the army said"), not a target?"""
        return False

    def names_place(self, view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
        """Does ``g`` (after the trigger) only say where something happened, never whom it concerns?"""
        return False

    def co_agent(self, view: SentenceView, g: Group, trig: TriggerMatch) -> bool:
        """Is ``g`` a partner or beneficiary ("in solidarity with X"), not the one acted on?"""
        return False

    # ---------------------------------------------------------------- clauses and subjects
    def participle_clause_start(self, view: SentenceView, trig: TriggerMatch) -> int | None:
        """The comma opening a participle clause holding the trigger (", killing ..."), if any."""
        return None

    def thing_relative(self, view: SentenceView, trig: TriggerMatch) -> bool:
        """Is the trigger in a relative clause whose antecedent is no actor?"""
        return False

    def clause_between(self, view: SentenceView, g: Group, trig: TriggerMatch,
                       lex: Lexicon) -> str | None:
        """"block", "skip" or "main" when a clause boundary between ``g`` and the trigger gives
        the trigger another subject (see :mod:`jalin.lang.en.clauses`); None: nothing says so."""
        return None

    def subordinate_subject(self, view: SentenceView, g: Group, trig: TriggerMatch,
                            lex: Lexicon) -> bool:
        """Is ``g`` the subject of a subordinate clause ("after X shot down ...") holding the trigger?"""
        return False

    # ---------------------------------------------------------------- roles
    def is_reported_demand(self, trig: TriggerMatch) -> bool:
        """Is the trigger a modal of demand ("X said Y must ...")?"""
        return False

    def reported_demand(self, view: SentenceView, trig: TriggerMatch, subject_before,
                        lex: Lexicon) -> tuple[list[Mention], list[Mention]] | None:
        """(sources, targets) of a reported demand; ``subject_before(token)`` finds a clause subject."""
        return None

    def delivered(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        """Is the trigger a done act whatever intent word stands before it ("agreed to a
        ceasefire brokered by Egypt": the brokering is done)? Default False."""
        return False

    def supposed(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        """Is the trigger's event only supposed ("Russia could strike", "a blockade would
        devastate"): modality hypothetical, no event? (Beyond the lexicon's ``hypothetical`` words.)"""
        return False

    def reported_clause(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> bool:
        """Is the trigger in a clause someone reports ("X said Y attacked Z"): modality reported?"""
        return False

    def reduced_relative(self, view: SentenceView, trig: TriggerMatch) -> tuple[Group, Group] | None:
        """(source, target) of "sanctions on banks it accused of ...", if that is the shape."""
        return None

    def nominal_agent(self, view: SentenceView, trig: TriggerMatch, lex: Lexicon) -> Group | None:
        """The agent of a nominal trigger named inside its phrase ("the visit by X")."""
        return None

    def agentless_passive_source(self, f: _Finder) -> Group | None:
        """The source of a passive without an agent ("was arrested in Lebanon"), if any."""
        return None

    def unknown_agent(self, f: _Finder) -> bool:
        """Is an event with a target but no actor as its agent ("X was attacked", "were killed by
        gunmen", "a car bomb killed X") one of an unknown source? Default False: no event."""
        return False

    def pronoun_object(self, view: SentenceView, trig: TriggerMatch,
                       src: list[Mention]) -> list[Mention]:
        """The actors an object pronoun stands for ("invited him")."""
        return []

    def home_target(self, f: _Finder, src: list[Mention]) -> Mention | None:
        """The population a state's institution acts on at home ("curfew in ... Turkey")."""
        return None

    def order_targets(self, f: _Finder, groups: list[Group]) -> list[Group]:
        """Candidate target groups in order of preference (default: as they stand)."""
        return groups

    # ---------------------------------------------------------------- ontology labels
    def event_name(self, rec: CameoCode) -> str:
        """A CAMEO code's name in this language (default: the English name)."""
        name = rec.name
        return name[:1] + name[1:].lower() if name.isupper() else name

    def quad_label(self, quad: QuadClass) -> str:
        """A QuadClass's label in this language (default: English)."""
        return quad.label


__all__ = ["LanguagePack"]
