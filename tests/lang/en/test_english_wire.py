"""English coding, round 3: the shapes of wire stories, one sentence or two at a time.

Sentences written by the jalin team in the style of Reuters/AP reports.
"""

from __future__ import annotations

import pytest

from jalin.lang.en.mentions import dateline_end
from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events_of(pipeline, text, published="2025-05-16", title=None, mentions=False):
    """The article's events; ``mentions``: the coder's record of every sentence instead
    (events merge repeated mentions of one act, jalin.stories.merge)."""
    art = Article(doc_id="wire", text=text, title=title, published=PartialDate.parse(published),
                  language="en")
    result = pipeline.process(art)
    assert not hasattr(result, "reason"), f"rejected: {result}"
    found = [m.mention for m in result.event_mentions] if mentions else result.events
    return [e for e in found if not e.negated and e.modality != "hypothetical"]


def triples(events):
    return {(e.source.key, e.target.key if e.target else None, e.cameo_root) for e in events}


@pytest.mark.parametrize("text,expected", [
    ("ALMATY, Jan 7 (Reuters) - Kazakhstan", "ALMATY, Jan 7 (Reuters) - "),
    ("BISHKEK, Kyrgyzstan (AP) — The", "BISHKEK, Kyrgyzstan (AP) — "),
    ("WASHINGTON -- The", "WASHINGTON -- "),
    ("TASHKENT, Uzbekistan, May 2 (Reuters) - Uzbek", "TASHKENT, Uzbekistan, May 2 (Reuters) - "),
    ("Kazakhstan - a big country", ""),
    ("NATO said on Monday", ""),
])
def test_dateline_prefix(text, expected):
    assert text[:dateline_end(text)] == expected


def test_dateline_place_is_not_an_actor(pipeline):
    evs = events_of(pipeline, "DUSHANBE, Tajikistan (AP) — Uzbek police detained two Afghan smugglers "
                              "on Thursday, officials said.")
    assert all(e.source.key != "TJK" for e in evs)


@pytest.mark.parametrize("text,expected", [
    # the agent of a nominal event after "by", the destination after "to"
    ("The visit by Armenian Foreign Minister Ararat Mirzoyan to Tehran on Monday ended without a deal.",
     ("ARM", "IRN", "04")),
    ("Security was tight ahead of a visit to Tashkent on Friday by the Chinese foreign minister.",
     ("CHN", "UZB", "04")),
])
def test_nominal_event_with_by_agent(pipeline, text, expected):
    assert expected in triples(events_of(pipeline, text))


def test_which_clause_about_a_thing_has_no_actor_subject(pipeline):
    evs = events_of(pipeline, "Georgia did not sign the final communique, which criticised attacks on "
                              "shipping in Yemen, diplomats said.")
    assert not any(e.cameo_root == "11" and e.source.key == "GEO" for e in evs)


def test_solidarity_partner_is_not_the_target(pipeline):
    evs = events_of(pipeline, "Pakistan closed the crossing in 2021 in solidarity with China.")
    assert not any(e.cameo_root == "16" and e.target and e.target.key == "CHN" for e in evs)


def test_person_named_later_by_surname(pipeline):
    text = ("Indian External Affairs Minister Rohan Mehrotra arrived in Astana on Tuesday.\n\n"
            "Mehrotra also met Kazakh Prime Minister Olzhas Bektenov.")
    evs = events_of(pipeline, text, mentions=True)
    assert ("IND", "KAZ", "04") in {t for t in triples(e for e in evs if e.sentence_index == 1)}


def test_readiness_is_not_a_passive(pipeline):
    evs = events_of(pipeline, "Officials said Mongolia was prepared to increase coal exports to China.")
    assert ("MNG", "CHN", "03") in triples(evs)


@pytest.mark.parametrize("text,expected", [
    ("The presidents of Kazakhstan and Uzbekistan spoke by telephone on Monday.", ("KAZ", "UZB", "04")),
    ("Armenian and Azerbaijani troops exchanged fire overnight.", ("ARM", "AZE", "19")),
    ("Bulgaria suspended imports of Ukrainian grain.", ("BGR", "UKR", "16")),
    ("Tajik Foreign Minister Sirojiddin Muhriddin thanked Japan for its help.", ("TJK", "JPN", "05")),
])
def test_wire_story_triggers(pipeline, text, expected):
    assert expected in triples(events_of(pipeline, text))


def test_two_sides_sign_as_a_pair(pipeline):
    text = ("Kazakh President Kassym-Jomart Tokayev hosted Azerbaijani President Ilham Aliyev in Astana.\n\n"
            "The two sides signed an agreement on the Trans-Caspian transport route through Turkey.")
    evs = [e for e in events_of(pipeline, text) if e.sentence_index == 1]
    assert {frozenset((e.source.key, e.target.key)) for e in evs if e.cameo_root == "05"} == {
        frozenset(("KAZ", "AZE"))}


def test_lead_date_carries_to_the_next_sentence_of_its_actor(pipeline):
    text = ("The European Union signed a raw materials pact with Uzbekistan on Thursday.\n\n"
            "EU officials also met the Kazakh foreign minister in the city.")
    evs = events_of(pipeline, text, published="2025-05-16")
    meet = [e for e in evs if e.cameo_root == "04"]
    assert meet and meet[0].date == PartialDate(2025, 5, 15) and meet[0].date_source == "context"


def test_threat_absorbs_the_act_it_shares_a_word_with(pipeline):
    evs = events_of(pipeline, "Kyrgyzstan threatened to break off diplomatic relations with Tajikistan.")
    assert {e.cameo_root for e in evs} == {"13"}


def test_failing_to_agree_is_not_an_agreement(pipeline):
    evs = events_of(pipeline, "Georgia and Armenia failed to reach agreement on the border on Monday.")
    assert not any(e.cameo_root in ("03", "05") for e in evs)


@pytest.mark.parametrize("text", [
    "Iran resumed talks with Iraq on Monday following last week's Turkish offensive in the area.",
    "Azerbaijan and Armenia agreed to a truce after two days of fierce fighting near Lachin.",
])
def test_background_nouns_are_not_events(pipeline, text):
    assert not any(e.cameo_root == "19" for e in events_of(pipeline, text))


@pytest.mark.parametrize("text,wrong", [
    # the clause after "when" has its own subject, no actor
    (("Moldova paid compensation to Romanian farmers for land they lost when the former regime "
      "seized it."), "MDA"),
    # ", a rights group protested": the group is the subject, not the state before the comma
    ("Serbian police are harassing Kosovo journalists, a media freedom group protested on Friday.",
     "XKX"),
])
def test_clause_with_its_own_subject(pipeline, text, wrong):
    evs = events_of(pipeline, text)
    assert not any(e.source.key == wrong and e.cameo_root in ("14", "17") for e in evs)


def test_whom_clause_object_is_not_the_subject(pipeline):
    evs = events_of(pipeline, "Malian rebels said they would free the Algerian diplomats, whom they "
                              "had taken hostage in April.")
    assert not any(e.source.key == "DZA" for e in evs)


def test_subject_of_a_clause_after_after(pipeline):
    evs = events_of(pipeline, "Lithuania expelled two Belarusian diplomats on Friday, a day after a "
                              "Belarusian army helicopter attacked a Lithuanian border post.")
    assert ("BLR", "LTU", "19") in triples(evs)
    assert ("LTU", "LTU", "19") not in triples(evs)


def test_intent_reaches_past_a_date(pipeline):
    evs = events_of(pipeline, "EU ministers agreed in principle on Saturday to provide emergency aid "
                              "to Moldova.")
    assert evs and all(e.cameo_root == "03" for e in evs if e.target and e.target.key == "MDA")


@pytest.mark.parametrize("text,expected", [
    ("Armenia handed a protest note to Iran on Monday.", ("ARM", "IRN", "11")),
    ("Georgia's parliament voted to suspend cooperation with the Russian State Duma.", ("GEO", "RUS", "16")),
    ("Kazakhstan plans to boost trade with Mongolia.", ("KAZ", "MNG", "03")),
])
def test_more_wire_story_triggers(pipeline, text, expected):
    assert expected in triples(events_of(pipeline, text))


def test_proper_adjective_inside_an_object_phrase(pipeline):
    # "with the Russian State Duma": the Duma is an object, not the subject of "cancelled"
    evs = events_of(pipeline, "Latvia's parliament ended cooperation with the Russian State Duma and "
                              "cancelled a planned visit by Russian Deputy Prime Minister Ivan Petrov.")
    assert not any(e.source.key == "RUS" for e in evs)


def test_new_subject_after_comma_and(pipeline):
    evs = events_of(pipeline, "The United Nations has urged Somalia to reopen its schools, and Gulf "
                              "governments have refused to release frozen Somali assets.")
    assert not any(e.source.key == "UN" and e.cameo_root == "12" for e in evs)


def test_pronoun_object_is_the_actor_named_before(pipeline):
    evs = events_of(pipeline, "Indian Prime Minister Narendra Modi met Uzbek President Shavkat Mirziyoyev "
                              "on Thursday and invited him to visit New Delhi.")
    assert ("IND", "UZB", "02") in triples(evs)


def test_saying_clause_takes_the_main_subject(pipeline):
    evs = events_of(pipeline, "Azerbaijani President Ilham Aliyev refused to meet Armenian Prime Minister "
                              "Nikol Pashinyan in Moscow, saying he would only receive him in Baku.")
    assert not any(e.source.key == "ARM" for e in evs)


@pytest.mark.parametrize("text,expected", [
    ("The State Department said it was concerned by the arrests and urged Minsk to free the journalists.",
     ("USA", "BLR", "02")),
    ("Georgia's foreign ministry said it had asked Russia for clarification about the exercises.",
     ("GEO", "RUS", "02")),
])
def test_concern_and_requests(pipeline, text, expected):
    evs = events_of(pipeline, text)
    assert expected in triples(evs)
    assert not any(e.cameo_root == "17" for e in evs)  # "by the arrests" is background


def test_noun_followed_by_its_own_verb_governs_nothing(pipeline):
    evs = events_of(pipeline, "The sanctions follow a visit to Minsk last month by a senior Lithuanian "
                              "official.")
    assert ("LTU", "BLR", "04") in triples(evs)


def test_reduced_relative_with_pronoun_subject(pipeline):
    evs = events_of(pipeline, "Britain imposed sanctions on two Georgian firms it accused of helping Iran "
                              "buy drone parts.")
    assert ("GBR", "GEO", "11") in triples(evs)
    assert not any(e.source.key == "GEO" and e.cameo_root == "11" for e in evs)
