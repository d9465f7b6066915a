"""Across articles: the linker puts reports of one act in one story, and no others."""

from __future__ import annotations

from datetime import date

from jalin.models import PartialDate
from jalin.stories.copies import match_original
from jalin.stories.link import Linker, Report, link_events, story_id_for

from story_builders import ev


def rep(eid: str, source: str, target: str, cameo: str, day: str | None = None, *,
        doc: str | None = None, date_source: str | None = None, published: date | None = None,
        source_person: str = "", target_person: str = "", place: str | None = None,
        negated: bool = False) -> Report:
    d = PartialDate.parse(day) if day else None
    return Report(eid, doc or eid, source, target, cameo, d,
                  date_source or ("sentence" if d else "none"), negated,
                  source_person, target_person, published, place)


def test_two_outlets_one_visit_one_story():
    linker = Linker()
    a = linker.link(rep("a", "UZB", "KAZ", "042", "2024-03-11"))
    b = linker.link(rep("b", "KAZ", "UZB", "043", "2024-03-11"))  # the host's report
    c = linker.link(rep("c", "UZB", "KAZ", "044", "2024-03"))      # "met this month"
    assert a == b == c == story_id_for("a")
    assert linker.stories[a].codes == {"042", "043", "044"} and linker.stories[a].reports == 3


def test_different_days_and_different_acts_stay_apart():
    linker = Linker()
    first = linker.link(rep("call1", "KAZ", "CHN", "041", "2024-03-05"))
    again = linker.link(rep("call2", "CHN", "KAZ", "041", "2024-03-05"))  # a call runs both ways
    later = linker.link(rep("call3", "KAZ", "CHN", "041", "2024-03-19"))
    visit = linker.link(rep("visit", "KAZ", "CHN", "042", "2024-03-05"))
    assert first == again and len({first, later, visit}) == 3


def test_an_attack_and_its_retaliation_stay_apart():
    linker = Linker()
    attack = linker.link(rep("x", "IRN", "ISR", "195", "2024-04-13"))
    back = linker.link(rep("y", "ISR", "IRN", "195", "2024-04"))
    assert attack != back


def test_a_day_either_side_only_for_inferred_dates():
    linker = Linker()
    s = linker.link(rep("a", "KAZ", "UZB", "057", "2024-03-11"))
    assert linker.link(rep("b", "UZB", "KAZ", "057", "2024-03-12", date_source="lead")) == s
    assert linker.link(rep("c", "KAZ", "UZB", "057", "2024-03-12")) != s


def test_codes_must_fit_every_code_of_the_story():
    linker = Linker()
    s = linker.link(rep("talk", "KAZ", "UZB", "040", "2024-03-11"))
    assert linker.link(rep("call", "KAZ", "UZB", "041", "2024-03-11")) == s  # 040 fits 041
    # a visit fits 040 but not the phone call the story now holds
    assert linker.link(rep("visit", "KAZ", "UZB", "042", "2024-03-11")) != s


def test_persons_and_places():
    linker = Linker()
    putin = linker.link(rep("p", "RUS", "KAZ", "042", "2024-11-27", source_person="Vladimir Putin"))
    lavrov = linker.link(rep("l", "RUS", "KAZ", "042", "2024-11", source_person="Sergey Lavrov"))
    assert putin != lavrov
    here = linker.link(rep("k", "KGZ", "TJK", "193", "2024-09-14", place="KGZ"))
    assert linker.link(rep("k2", "KGZ", "TJK", "193", "2024-09-14", place="KGZ")) == here
    assert linker.link(rep("k3", "KGZ", "TJK", "193", "2024-09-14", place="TJK")) != here
    assert linker.link(rep("k4", "KGZ", "TJK", "193", "2024-09-14")) == here  # place unknown


def test_undated_reports():
    linker = Linker()
    day = date(2024, 3, 12)
    s = linker.link(rep("a", "KAZ", "UZB", "057", "2024-03-11"))
    # undated, published the day after: yesterday's news of the one signing that day
    assert linker.link(rep("b", "KAZ", "UZB", "057", published=day)) == s
    # undated, published a week later: cannot tell
    assert linker.link(rep("c", "KAZ", "UZB", "057", published=date(2024, 3, 19))) != s
    # two undated reports published within a day of each other
    u = linker.link(rep("d", "RUS", "UKR", "190", published=day))
    assert linker.link(rep("e", "RUS", "UKR", "190", published=date(2024, 3, 13))) == u
    assert linker.link(rep("f", "RUS", "UKR", "190")) != u  # no date, no publication day


def test_negated_reports_have_stories_of_their_own():
    linker = Linker()
    s = linker.link(rep("a", "KAZ", "UZB", "057", "2024-03-11"))
    assert linker.link(rep("b", "KAZ", "UZB", "057", "2024-03-11", negated=True)) != s


def test_ids_are_deterministic_and_never_reused():
    ids = [Linker().link(rep("same", "KAZ", "UZB", "057", "2024-03-11")) for _ in range(2)]
    assert ids[0] == ids[1] == story_id_for("same")
    taken = {story_id_for("x")}
    sid = Linker(taken=taken.__contains__).link(rep("x", "KAZ", "UZB", "057", "2024-03-11"))
    assert sid != story_id_for("x") and sid == story_id_for("x", 1)


def test_link_events_of_one_article():
    events = [ev("v", "UZB", "KAZ", "042", "2024-03-11"), ev("h", "KAZ", "UZB", "043", "2024-03-11"),
              ev("s", "UZB", "KAZ", "057", "2024-03-11")]
    ids = link_events(events)
    assert ids["v"] == ids["h"] != ids["s"]


def test_a_copy_follows_its_original_whatever_the_dates():
    originals = [(rep("o1", "UZB", "KAZ", "042", "2024-03-11"), "S1"),
                 (rep("o2", "UZB", "KAZ", "057", "2024-03-11"), "S2")]
    # the re-post was published a day later: "kemarin" is another day
    assert match_original(rep("c1", "UZB", "KAZ", "042", "2024-03-12"), originals) == "S1"
    assert match_original(rep("c2", "KAZ", "UZB", "057", "2024-03-12"), originals) == "S2"
    assert match_original(rep("c3", "UZB", "KAZ", "111", "2024-03-12"), originals) is None


def test_a_visit_lasts_its_days_a_call_does_not():
    linker = Linker()
    # "arrived on Monday (13/5)", "the president received him on Tuesday": one state visit
    arrival = linker.link(rep("arr", "KAZ", "IDN", "042", "2024-05-13"))
    assert linker.link(rep("host", "IDN", "KAZ", "043", "2024-05-14")) == arrival
    assert linker.link(rep("talks", "KAZ", "IDN", "044", "2024-05-15")) == arrival
    assert linker.link(rep("next", "KAZ", "IDN", "042", "2024-05-19")) != arrival
    call = linker.link(rep("c1", "KAZ", "IDN", "041", "2024-05-13"))
    assert linker.link(rep("c2", "KAZ", "IDN", "041", "2024-05-14")) != call


def test_a_date_on_the_publication_day_may_be_a_day_off():
    # "MANILA, July 9 - ... signed on Monday": the dateline's day taken for the event's
    linker = Linker()
    s = linker.link(rep("id", "JPN", "PHL", "057", "2024-07-08", published=date(2024, 7, 8)))
    assert linker.link(rep("en", "JPN", "PHL", "057", "2024-07-09", published=date(2024, 7, 9))) == s
    # both read in their sentences, neither the publication day: two days, two acts
    other = Linker()
    t = other.link(rep("a", "JPN", "PHL", "057", "2024-07-08", published=date(2024, 7, 12)))
    assert other.link(rep("b", "JPN", "PHL", "057", "2024-07-09", published=date(2024, 7, 12))) != t


def test_a_copy_of_another_time_is_not_the_same_act():
    originals = [(rep("o", "KAZ", "UZB", "040", "2020"), "S2020")]
    assert match_original(rep("c", "KAZ", "UZB", "040", "2024"), originals) is None
    assert match_original(rep("d", "KAZ", "UZB", "040", None), originals) == "S2020"


def test_unknown_sources_link_only_on_the_same_day_place_and_code():
    # two outlets: "the Kazakh consulate in Kabul was shelled on 4 August"
    linker = Linker()
    s = linker.link(rep("a", "", "KAZ", "190", "2024-08-04", place="AFG"))
    assert linker.link(rep("b", "", "KAZ", "190", "2024-08-04", place="AFG")) == s
    # not another day, another code, another place, no place, an inferred date or a known source
    for other in (rep("c", "", "KAZ", "190", "2024-08-05", place="AFG"),
                  rep("d", "", "KAZ", "193", "2024-08-04", place="AFG"),
                  rep("e", "", "KAZ", "190", "2024-08-04", place="PAK"),
                  rep("f", "", "KAZ", "190", "2024-08-04"),
                  rep("g", "", "KAZ", "190", "2024-08-04", place="AFG", date_source="story"),
                  rep("h", "AFG", "KAZ", "190", "2024-08-04", place="AFG")):
        assert linker.link(other) != s, other.event_id


def test_undated_unknown_sources_found_stories_of_their_own():
    linker = Linker()
    pub = date(2024, 8, 5)
    a = linker.link(rep("a", "", "KAZ", "190", published=pub, place="AFG"))
    assert linker.link(rep("b", "", "KAZ", "190", published=pub, place="AFG")) != a


def test_the_two_directions_of_one_trigger_are_one_story():
    # "Kyrgyz and Tajik border guards clashed": coded both ways, an ordered act all the same
    events = [ev("kt", "KGZ", "TJK", "193", "2024-04-02", sentence=1),
              ev("tk", "TJK", "KGZ", "193", "2024-04-02", sentence=1),
              ev("tk2", "TJK", "KGZ", "193", "2024-04-02", sentence=4, trigger=30)]
    ids = link_events(events)
    assert ids["kt"] == ids["tk"]
    # a report of one direction alone, in the reverse order of the story, is another act
    # (as a retaliation is): only the twin of the story's own trigger joins it
    assert ids["tk2"] == story_id_for("tk2")
