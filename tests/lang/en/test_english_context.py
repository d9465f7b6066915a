"""English coding, round 2: intransitive events and role words read in their sentence's context.

Sentences written by the jalin team in the style of wire news.
"""

from __future__ import annotations

import pytest

from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events_of(pipeline, text, published="2024-05-15"):
    art = Article(doc_id="en2", text=text, published=PartialDate.parse(published), language="en")
    result = pipeline.process(art)
    assert not hasattr(result, "reason"), f"rejected: {result}"
    return [e for e in result.events if not e.negated]


def coded(events):
    return {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events}


@pytest.mark.parametrize("text,expected", [
    # a role word without a country takes the sentence's one state
    ("President Tomas Varga on Friday lifted the curfew imposed in Slovakia last week.",
     ("SVKGOV", None, "08")),
    ("Rebels in Mali on Monday rejected an appeal from the government to lay down their arms.",
     ("MLIREB", "MLIGOV", "12")),
    ("Judge Maria Ortiz opened an investigation against six Peruvian army officers.",
     ("PERJUD", "PERMIL", "09")),
])
def test_role_word_takes_the_sentence_state(pipeline, text, expected):
    assert expected in coded(events_of(pipeline, text))


@pytest.mark.parametrize("text", [
    # two states: nothing tells whose police these are
    "Police in Kenya arrested ten Somali traders on Tuesday.",
])
def test_role_word_with_two_states_is_not_guessed(pipeline, text):
    assert not any(e.source.code.endswith("COP") for e in events_of(pipeline, text))


def test_role_word_inside_an_unknown_name_is_not_an_actor(pipeline):
    # "the government of Punjab province": a provincial government the tables do not know
    evs = events_of(pipeline, "The government of Punjab province in Pakistan ordered police patrols.")
    assert not any(e.source.code == "PAKGOV" for e in evs)


@pytest.mark.parametrize("text,expected", [
    ("The Romanian prime minister resigned on Sunday after a week of protests.", ("ROUGOV", None, "08")),
    ("Ukrainian coal miners went on a general strike on Monday over unpaid wages.", ("UKRLAB", None, "14")),
    ("Thousands of Chilean students staged a hunger strike on Monday.", ("CHLCVL", None, "14")),
    ("Georgian troops were put on high alert along the border.", ("GEOMIL", None, "15")),
])
def test_intransitive_events_have_no_target(pipeline, text, expected):
    assert expected in coded(events_of(pipeline, text))


def test_intransitive_trigger_still_takes_a_target(pipeline):
    evs = events_of(pipeline, "Kenyan opposition supporters protested against the government of Uganda.")
    assert any(e.target is not None and e.target.key == "UGA" and e.cameo[:2] == "14" for e in evs)


@pytest.mark.parametrize("phrase,code", [
    ("Palestinians", "PSE"), ("Iraqis", "IRQ"), ("Young Algerians", "DZA"), ("Bosnian Serbs", "BIH"),
    ("Serbs", "SRB"), ("Filipinos", "PHL"), ("European Community", "EU"), ("Red Cross", "ICRC"),
    ("Organization of African Unity", "AU"), ("UNITA", "AGOREB"), ("Tamil Tigers", "LKASEP"),
])
def test_english_people_and_organisations_resolve(phrase, code):
    from jalin.resolve.actors import default_resolver

    actor = default_resolver().resolve(phrase, "en", PartialDate.parse("1995-06-01"))
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text,expected", [
    ("Israelis and Palestinians signed a water-sharing accord on Tuesday.", ("ISR", "PSE", "05")),
    ("European Community ministers condemned Serbia on Monday.", ("EU", "SRB", "11")),
])
def test_plural_demonyms_and_old_organisation_names_in_sentences(pipeline, text, expected):
    got = coded(events_of(pipeline, text, published="1992-03-10"))
    assert expected in got or (expected[1], expected[0], expected[2]) in got


def test_curfew_in_the_own_state_targets_its_population(pipeline):
    evs = events_of(pipeline, "Kenyan police imposed a curfew on Friday in two towns in western Kenya.")
    assert ("KENCOP", "KENCVL", "17") in coded(evs)


def test_coordination_across_the_article(pipeline):
    evs = events_of(pipeline, "Jordan and the Palestinians signed an accord on water on Monday.")
    assert {e.source.key for e in evs} | {e.target.key for e in evs if e.target} >= {"JOR", "PSE"}


def test_trigger_ties_prefer_the_pattern_naming_the_word():
    from jalin.coding.roles import SentenceView
    from jalin.coding.triggers import match_triggers
    from jalin.lang import get_pack
    from jalin.models import Sentence
    from jalin.nlp.tokens import tokenize

    text = "Heavy fighting broke out between Armenia and Azerbaijan."
    lex = get_pack("en").lexicon()
    view = SentenceView.build(Sentence("t", 0, 0, len(text), text, 0), tokenize(text), [], [], lex)
    trig = [t for t in match_triggers(view, lex) if t.text == "fighting"]
    assert trig and trig[0].entry.items[0].value == "fighting" and trig[0].entry.frame == "sym"


@pytest.mark.parametrize("text,expected", [
    ("Thousands of Moldovans marched through the capital on Sunday.", ("MDA", None, "14")),
    ("A member of the Tunisian parliament began a hunger strike on Monday.", ("TUNLEG", None, "14")),
    ("The Security Council on Friday condemned Eritrea for the border raid.", ("UN", "ERI", "11")),
    ("Hamas declared a unilateral ceasefire on Thursday.", ("PSEREB", None, "08")),
])
def test_partitives_security_council_and_ceasefires(pipeline, text, expected):
    assert expected in coded(events_of(pipeline, text))


def test_a_national_security_council_keeps_its_state(pipeline):
    evs = events_of(pipeline, "Kazakhstan's Security Council condemned the attack on the border post.")
    assert not any(e.source.code == "UN" for e in evs)


def test_object_of_the_first_verb_is_not_subject_of_the_second(pipeline):
    evs = events_of(pipeline, "A landmine blast killed three Afghan villagers and wounded two others on Monday.")
    assert not any(e.source.code == "AFGCVL" for e in evs)


def test_sentence_initial_adjective_is_not_a_verb(pipeline):
    evs = events_of(pipeline, "Ousted Armenian president Levon Petrosian resigned on Tuesday.", published="1998-02-05")
    assert any(e.source.key == "ARM" and e.cameo.startswith("08") for e in evs)


@pytest.mark.parametrize("phrase,code", [("Nepali soldier", "NPLMIL"), ("Chadian refugee", "TCDREF"),
                                         ("Bolivian activist", "BOLOPP")])
def test_singular_role_words(phrase, code):
    from jalin.resolve.actors import default_resolver

    actor = default_resolver().resolve(phrase, "en", PartialDate.parse("2010-01-01"))
    assert actor is not None and actor.code == code


def test_participle_clause_takes_the_main_subject(pipeline):
    evs = events_of(pipeline, "Sudanese rebels shelled Juba on Sunday, killing about 20 Kenyan traders.")
    assert ("SDNREB", "KEN", "19") in coded(evs)
    assert not any(e.source.key == "KEN" for e in evs)


def test_officials_next_to_an_organisation_are_not_given_the_state(pipeline):
    evs = events_of(pipeline, "The United Nations sent 40 military observers to Angola to investigate the clashes.")
    assert not any(e.source.code == "AGOMIL" for e in evs)


def test_complaint_targets_what_it_is_about_not_the_addressee(pipeline):
    evs = events_of(pipeline, "Georgia complained to the United Nations on Friday over Russian air raids.")
    assert ("GEO", "RUS", "11") in coded(evs)
