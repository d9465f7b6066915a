"""TokenAutomaton and StringMatcher: every phrase of every table in one pass,
the C automaton and the pure-Python path giving the same hits."""

from __future__ import annotations

import pickle
import random

import pytest

from jalin.nlp.automaton import StringMatcher, TokenAutomaton, has_c_backend

BACKENDS = ["python"] + (["c"] if has_c_backend() else [])


def _automaton(backend):
    a = TokenAutomaton(backend)
    a.add("actor", ("presiden", "rusia"), "RUSGOV")
    a.add("actor", ("rusia",), "RUS")
    a.add("place", ("rusia",), "place:RUS")  # two tables, one phrase
    a.add("actor", ("asia", "tengah"), "CAS")
    a.add_loose("date", ("mei",), "month")
    a.add_loose("date", ("hari", "ini"), "rel")
    return a.build()


@pytest.mark.parametrize("backend", BACKENDS)
def test_aligned_and_loose_hits(backend):
    a = _automaton(backend)
    hits = a.scan("kemarin presiden rusia tiba di asia tengah , 12mei hari ini".split())
    assert hits.of("actor") == [(1, 3, "RUSGOV"), (2, 3, "RUS"), (5, 7, "CAS")]
    assert hits.of("place") == [(2, 3, "place:RUS")]
    assert hits.present("date") == {"month", "rel"}  # "mei" inside the token "12mei"
    assert hits.of("nothing") == [] and hits.present("nothing") == set()


@pytest.mark.parametrize("backend", BACKENDS)
def test_aligned_phrases_match_whole_tokens_only(backend):
    a = _automaton(backend)
    hits = a.scan(["presidenrusia", "rusiaku", "xrusia", "asia", "tengahnya"])
    assert hits.of("actor") == []
    assert hits.present("date") == set()


@pytest.mark.parametrize("backend", BACKENDS)
def test_odd_tokens(backend):
    """Empty tokens and tokens holding a space (normalisation can make them) still match
    exactly the phrases written with them."""
    a = TokenAutomaton(backend)
    a.add("t", ("a", "", "b"), "empty")
    a.add("t", ("x y",), "spaced")
    a.add("t", ("b",), "b")
    a.build()
    assert a.scan(["a", "", "b", "x y"]).of("t") == [(0, 3, "empty"), (2, 3, "b"), (3, 4, "spaced")]
    assert a.scan(["a", "b"]).of("t") == [(1, 2, "b")]


def test_backends_agree_on_random_text():
    if not has_c_backend():
        pytest.skip("pyahocorasick is not installed")
    rng = random.Random(13)
    vocab = ["a", "b", "c", "ab", "-", ",", "ba", "", "é"]
    phrases = {tuple(rng.choice(vocab) for _ in range(rng.randint(1, 4))) for _ in range(120)}
    built = {}
    for backend in ("c", "python"):
        a = TokenAutomaton(backend)
        for k, p in enumerate(sorted(phrases)):
            a.add("x", p, k)
            if k % 7 == 0 and all(p):
                a.add_loose("y", p, k)
        built[backend] = a.build()
    for _ in range(300):
        toks = [rng.choice(vocab) for _ in range(rng.randint(0, 25))]
        c, py = built["c"].scan(toks), built["python"].scan(toks)
        assert c.of("x") == py.of("x")
        assert c.present("y") == py.present("y")


def test_pickles_and_refuses_misuse():
    a = _automaton(BACKENDS[-1])
    b = pickle.loads(pickle.dumps(a))
    toks = "presiden rusia hari ini".split()
    assert b.scan(toks).of("actor") == a.scan(toks).of("actor")
    with pytest.raises(RuntimeError):
        a.add("actor", ("x",), 1)  # built: read-only
    with pytest.raises(RuntimeError):
        TokenAutomaton().scan(["x"])  # not built yet
    with pytest.raises(ValueError):
        TokenAutomaton().add_loose("t", ("a b",), 1)
    with pytest.raises(ValueError):
        TokenAutomaton("fortran")


@pytest.mark.parametrize("backend", BACKENDS)
def test_string_matcher_is_find_in_turn(backend):
    strings = [("negara-negara asia tengah", "A"), ("asia tengah", "B"), ("aa", "C"), ("asia tengah", "D")]
    m = StringMatcher(strings, backend)
    text = "negara-negara asia tengah dan asia tengah, aaa"
    want = []
    for k, (s, _) in enumerate(strings):
        pos = text.find(s)
        while pos != -1:
            want.append((pos, k))
            pos = text.find(s, pos + 1)
    assert m.occurrences(text) == want
    assert m.present(text) == {"A", "B", "C", "D"}
    assert m.present("tidak ada") == set()
