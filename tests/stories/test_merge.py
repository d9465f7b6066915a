"""Within one article: repeated mentions of one act become one event with its mentions."""

from __future__ import annotations

from jalin.models import PartialDate, Sentence
from jalin.stories.merge import merge_article

from story_builders import ev, place


def _groups(merged) -> list[list[str]]:
    """Mention ids per event, in the events' order."""
    by: dict[str, list[str]] = {}
    for m in merged.mentions:
        by.setdefault(m.event_id, []).append(m.mention.event_id)
    return [by[e.event_id] for e in merged.events]


def test_a_visit_told_three_times_is_one_event():
    events = [
        ev("m1", "RUS", "KAZ", "042", "2024-11-27", sentence=0, source_name="Vladimir Putin"),
        ev("m2", "RUS", "KAZ", "042", None, sentence=3, source_name="Vladimir Putin"),
        ev("m3", "RUS", "KAZ", "042", "2024-11-27", sentence=9),
    ]
    merged = merge_article(events)
    assert _groups(merged) == [["m1", "m2", "m3"]]
    (event,) = merged.events
    assert event.event_id == "m1" and event.date == PartialDate(2024, 11, 27)
    # every mention keeps its own sentence, offsets, trigger and date
    assert [(m.mention.sentence_index, m.mention.date_source) for m in merged.mentions] == [
        (0, "sentence"), (3, "none"), (9, "sentence")]


def test_two_visitors_of_one_month_stay_apart():
    # "Lavrov visited Astana early this month" and "Putin's state visit on 27 November"
    events = [
        ev("putin", "RUS", "KAZ", "042", "2024-11-27", sentence=0, source_name="Vladimir Putin"),
        ev("lavrov", "RUS", "KAZ", "042", "2024-11", sentence=5, source_name="Sergey Lavrov"),
        ev("lavrov2", "RUS", "KAZ", "042", None, sentence=8, source_name="Sergey Lavrov"),
        ev("putin2", "RUS", "KAZ", "042", None, sentence=12, source_name="Vladimir Putin"),
    ]
    assert _groups(merge_article(events)) == [["putin", "putin2"], ["lavrov", "lavrov2"]]


def test_a_background_visit_with_its_own_date_never_merges_with_todays():
    events = [
        ev("today", "UZB", "KAZ", "042", "2024-03-11", sentence=1),
        ev("that", "UZB", "KAZ", "042", None, sentence=2),       # "that visit": refers back
        ev("old", "UZB", "KAZ", "042", "2022-09", sentence=4),   # "last visited in September 2022"
        ev("then", "UZB", "KAZ", "042", None, sentence=5),       # "during that visit"
    ]
    assert _groups(merge_article(events)) == [["today", "that"], ["old", "then"]]


def test_different_days_read_in_their_sentences_stay_apart():
    events = [
        ev("mon", "KAZ", "CHN", "041", "2024-03-04", sentence=1),
        ev("thu", "KAZ", "CHN", "041", "2024-03-07", sentence=2),
    ]
    assert _groups(merge_article(events)) == [["mon"], ["thu"]]


def test_a_lead_dated_mention_may_be_a_day_off():
    events = [
        ev("lead", "KAZ", "UZB", "040", "2024-03-12", sentence=0, date_source="lead"),
        ev("said", "KAZ", "UZB", "040", "2024-03-11", sentence=2),
    ]
    merged = merge_article(events)
    assert _groups(merged) == [["lead", "said"]]
    # the event takes the date read in its own sentence over the lead's
    assert merged.events[0].date == PartialDate(2024, 3, 11)


def test_symmetric_acts_ignore_the_order_others_keep_it():
    events = [
        ev("a", "KAZ", "UZB", "040", None, sentence=1),
        ev("b", "UZB", "KAZ", "040", None, sentence=2),   # "the two sides talked"
        ev("c", "UZB", "KAZ", "042", None, sentence=3),   # the visit: Uzbekistan's
        ev("d", "KAZ", "UZB", "043", None, sentence=4),   # the hosting: Kazakhstan's
    ]
    groups = _groups(merge_article(events))
    assert ["a", "b"] in groups and ["d"] in groups
    assert sorted(len(g) for g in groups) == [1, 1, 2]


def test_the_most_specific_code_and_negation():
    events = [
        ev("talk", "KAZ", "UZB", "040", "2024-03-11", sentence=1),
        ev("visit", "KAZ", "UZB", "042", "2024-03-11", sentence=2),
        ev("not", "KAZ", "UZB", "042", "2024-03-11", sentence=3, negated=True),
    ]
    merged = merge_article(events)
    assert _groups(merged) == [["talk", "visit"], ["not"]]
    assert merged.events[0].cameo == "042" and merged.events[0].event_id == "talk"


def test_a_headline_repeating_the_body_is_a_mention():
    title = "Presiden Uzbekistan kunjungi Astana"
    sentences = (Sentence("d", 0, 0, len(title), title), Sentence("d", 1, 40, 120, "lead"))
    events = [
        ev("head", "UZB", "KAZ", "042", "2024-03-12", sentence=0, date_source="lead"),
        ev("body", "UZB", "KAZ", "042", "2024-03-11", sentence=1),
        ev("other", "UZB", "KAZ", "057", "2024-03-11", sentence=1),
    ]
    merged = merge_article(events, sentences, title)
    assert _groups(merged) == [["head", "body"], ["other"]]
    event = merged.events[0]
    assert event.event_id == "body" and event.sentence_index == 1  # the body states it
    assert [(m.mention.event_id, m.headline) for m in merged.mentions][:2] == [
        ("head", True), ("body", False)]


def test_a_headline_alone_stays_an_event():
    title = "Kazakhstan dan China bahas kereta"
    sentences = (Sentence("d", 0, 0, len(title), title),)
    merged = merge_article([ev("h", "KAZ", "CHN", "040", None, sentence=0)], sentences, title)
    assert [e.event_id for e in merged.events] == ["h"] and merged.mentions[0].headline


def test_the_two_directions_of_one_trigger_stay_two_events():
    # "Kyrgyz and Tajik border guards clashed on Tuesday": the coder codes it both ways;
    # "the Kyrgyz side fired first" later is the first direction again
    events = [
        ev("kt", "KGZ", "TJK", "190", "2024-04-02", sentence=1),
        ev("tk", "TJK", "KGZ", "190", "2024-04-02", sentence=1),
        ev("kt2", "KGZ", "TJK", "190", "2024-04-02", sentence=3),
    ]
    assert _groups(merge_article(events)) == [["kt", "kt2"], ["tk"]]


def test_both_ways_of_a_symmetric_act_stay_two_events_its_repeats_join_them():
    # "Armenia and Georgia signed a transit protocol" (both ways), then "the protocol
    # Georgia signed with Armenia" (a symmetric code: order-free, it joins one of them)
    events = [
        ev("ag", "ARM", "GEO", "057", "2024-06-03", sentence=0, trigger=20),
        ev("ga", "GEO", "ARM", "057", "2024-06-03", sentence=0, trigger=20),
        ev("ga2", "GEO", "ARM", "057", None, sentence=2),
    ]
    groups = _groups(merge_article(events))
    assert len(groups) == 2 and sorted(map(len, groups)) == [1, 2]
    assert ["ag"] in groups or ["ga"] in groups


def test_unknown_sources_join_only_the_same_act():
    # "The Kazakh consulate was shelled on Sunday night" ... "The consulate was shelled
    # again on Monday" ... "No one was hurt when it was shelled" (undated: two candidates)
    events = [
        ev("sun", "", "KAZ", "190", "2024-08-04", sentence=1),
        ev("mon", "", "KAZ", "190", "2024-08-05", date_source="context", sentence=3),
        ev("which", "", "KAZ", "190", None, sentence=5),
    ]
    assert _groups(merge_article(events)) == [["sun"], ["mon"], ["which"]]


def test_unknown_sources_repeat_one_act_but_never_join_a_known_source():
    # "A Kazakh convoy was attacked near Kunduz on 4 August" ... "the convoy was
    # attacked, the ministry said" ... "the Taliban attacked the convoy" (another event)
    events = [
        ev("first", "", "KAZ", "190", "2024-08-04", sentence=1),
        ev("again", "", "KAZ", "190", None, sentence=2),
        ev("coded", "", "KAZ", "193", "2024-08-04", sentence=3),   # another code: another act
        ev("known", "AFG", "KAZ", "190", "2024-08-04", sentence=4),
    ]
    assert _groups(merge_article(events)) == [["first", "again"], ["coded"], ["known"]]


def test_the_event_takes_a_location_of_its_mentions():
    events = [
        ev("said", "UZB", "KAZ", "042", "2024-03-11", sentence=1),
        ev("where", "UZB", "KAZ", "042", "2024-03-11", sentence=2,
           location=place("Astana", "KAZ", "context")),
        ev("there", "UZB", "KAZ", "042", None, sentence=3, location=place("Turkistan", "KAZ")),
    ]
    merged = merge_article(events)
    (event,) = merged.events
    # the best mention has none: the most direct location of another (its own sentence)
    assert event.event_id == "said" and event.location.name == "Turkistan"
