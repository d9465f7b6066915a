"""Unknown-name mining (jalin.resolve.unknown) over hand-written sentences."""

from __future__ import annotations

import pytest

from jalin.resolve.actors import default_resolver
from jalin.resolve.unknown import candidate_names, mine_sentences
from jalin.store.actor_queries import StoredSentence


@pytest.mark.parametrize("text,blocked,names", [
    ("Menteri itu bertemu Berik Sadvakasov di kantornya.", [], ["Menteri", "Berik Sadvakasov"]),
    ("Utusan Abdulla bin Rashid al-Mansouri tiba kemarin.", [], ["Utusan Abdulla bin Rashid al-Mansouri"]),
    ("Presiden Kazakhstan menerima Berik Sadvakasov.", [(0, 19)], ["Berik Sadvakasov"]),
    ("Ia bertemu Dilshod Karimov pada Senin.", [], ["Ia", "Dilshod Karimov"]),
    ("Kepala Staf Erlan - Serik Bek tiba.", [(0, 11)], ["Erlan - Serik Bek"]),
    ("tidak ada nama di sini", [], []),
])
def test_candidate_names(text, blocked, names):
    """Raw runs: sentence-initial and common words are filtered later, by mine_sentences."""
    stop = frozenset({"senin"})
    assert [n for _, _, n in candidate_names(text, blocked, stop)] == names


def _s(doc, idx, text, n_events=0, spans=()):
    return StoredSentence(doc, idx, 0, text, "id", "2024-05-01", tuple(spans), n_events)


SENTENCES = [
    _s("a", 0, "Gubernur Berik Sadvakasov mengecam keputusan pemerintah pusat.", 1),
    _s("a", 1, "Menurut Berik Sadvakasov, cuaca hari ini cerah.", 0),
    _s("b", 0, "Delegasi yang dipimpin Berik Sadvakasov bertemu Presiden Rusia.", 1,
       [(48, 62)]),
    _s("b", 1, "Menurut pengamat, Zhanar Omarova jarang tampil di depan publik.", 0),
    _s("c", 0, "Zhanar Omarova menulis buku tentang musik.", 0),
    _s("c", 1, "Kazakhstan dan Rusia menandatangani perjanjian baru.", 1, [(0, 10), (15, 20)]),
    _s("c", 2, "Jadi, Kazakhstan menolak. Jadi tidak ada kejutan.", 0, [(6, 16)]),
    _s("d", 0, "Tokayev bertemu Putin di Astana.", 1),
]


def test_mine_ranks_names_in_trigger_sentences_first():
    names = mine_sentences(SENTENCES, default_resolver(), min_count=2)
    got = [(u.name, u.count, u.trigger_sentences, u.event_sentences) for u in names]
    assert got[0] == ("Berik Sadvakasov", 3, 2, 2)
    assert ("Zhanar Omarova", 2, 0, 0) in got or got[1][0] == "Zhanar Omarova"
    assert all(u.name not in ("Menurut", "Jadi", "Kazakhstan", "Tokayev", "Putin", "Astana")
               for u in names)


def test_mine_keeps_examples_and_honours_limits():
    names = mine_sentences(SENTENCES, default_resolver(), min_count=1, limit=1, n_examples=2)
    assert len(names) == 1
    assert [e.doc_id for e in names[0].examples] == ["a", "a"]
    assert names[0].examples[0].sentence.startswith("Gubernur")


def test_known_names_and_non_actor_phrases_are_not_unknown():
    sents = [_s("x", i, "Warga Asia Tengah dan Nursultan Nazarbayev hadir.", 1) for i in range(3)]
    assert mine_sentences(sents, default_resolver(), min_count=1) == []
