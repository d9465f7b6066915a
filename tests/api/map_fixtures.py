"""A small store of located events for the map tests (team-written sentences).

Events are hand-specified (as in api_fixtures), actor mentions come from the
real resolver and locations from the real stage (jalin.resolve.places).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from api_fixtures import KAZ, KGZ, RUS, Spec, _article, build_store

from jalin.models import Actor, Mention, PartialDate

TJK = Actor("TJK", country="TJK")


def _locate(result):
    from jalin.resolve.actors import default_resolver
    from jalin.resolve.places import locate_events

    r = default_resolver()
    mentions = tuple(
        Mention(s.doc_id, s.index, m.start, m.end, m.text, m.actor, m.kind)
        for s in result.sentences for m in r.find(s.text, "id", None, offset=s.start))
    events = locate_events(result.cleaned, result.sentences, mentions, result.events)
    return replace(result, mentions=mentions, events=events)


def map_results():
    a = _article(
        "peta/001", "Tokayev dan Japarov bertemu di Bishkek", PartialDate(2023, 5, 6),
        [("Presiden Kazakhstan Kassym-Jomart Tokayev bertemu Presiden Kirgistan Sadyr Japarov di Bishkek pada 5 Mei 2023.", None),
         ("Kedua pemimpin menandatangani perjanjian demarkasi perbatasan.", None)],
        [Spec(KAZ, KGZ, "040", "bertemu", PartialDate(2023, 5, 5)),
         Spec(KAZ, KGZ, "057", "menandatangani", PartialDate(2023, 5, 5))], [])
    b = _article(
        "peta/002", "Baku tembak di perbatasan", PartialDate(2022, 9, 15),
        [("Tentara Kirgistan dan Tajikistan terlibat baku tembak di perbatasan Kirgistan-Tajikistan pada 14 September 2022.", None),
         ("Pemerintah Tajikistan menuduh Kirgistan menembaki desa-desa di provinsi Batken.", None)],
        [Spec(KGZ, TJK, "190", "baku tembak", PartialDate(2022, 9, 14)),
         Spec(TJK, KGZ, "112", "menuduh", PartialDate(2022, 9, 15))], [])
    c = _article(
        "peta/003", "Putin tiba di Astana", PartialDate(2024, 11, 28),
        [("Presiden Rusia Vladimir Putin tiba di Astana untuk kunjungan kenegaraan pada 27 November 2024.", None),
         ("Rusia juga mengecam Amerika Serikat atas sanksi baru itu.", None)],
        [Spec(RUS, KAZ, "042", "kunjungan", PartialDate(2024, 11, 27)),
         Spec(RUS, Actor("USA", country="USA"), "111", "mengecam", PartialDate(2024, 11, 28))], [])
    return [_locate(x) for x in (a, b, c)]


def build_map_store(path: Path) -> Path:
    return build_store(path, map_results())
