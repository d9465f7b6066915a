"""The coder's one-pass matching gives what the plain matchers give.

``Pipeline()`` scans each sentence once (jalin.resolve.scan: actor aliases and
date words in one automaton), matches triggers over the pattern trie and runs
only the date patterns whose words occur; ``Pipeline(reference=True)`` walks
the actor trie token by token, tries every trigger pattern in turn and runs
every date pattern. Whatever the lexicons hold, both must give the same
mentions and events (every field) on the seeds, the dev set and the English
fixtures. The shared sets are read when ../shared is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jalin.ingest import read_inputs
from jalin.models import Article, Rejection
from jalin.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

SETS = {
    "samples": dict(paths=[ROOT / "samples"], manifest=None),
    "english_fixtures": dict(paths=sorted((ROOT / "tests/coding/fixtures_en").glob("*.txt")), manifest=None),
    "seeds": dict(paths=[], manifest=SHARED / "gold" / "seeds.manifest.jsonl"),
    "dev": dict(paths=[], manifest=SHARED / "gold" / "dev" / "dev.manifest.jsonl"),
}


@pytest.fixture(scope="module")
def pipelines():
    return Pipeline(), Pipeline(reference=True)


def _outputs(pipeline, articles):
    out = []
    for a in articles:
        r = pipeline.process(a)
        if isinstance(r, Rejection):
            out.append(("rejected", a.doc_id, r.reason))
            continue
        out.append(("mentions", a.doc_id, r.mentions))
        out.append(("events", a.doc_id, r.events))
    return out


@pytest.mark.parametrize("name", list(SETS))
def test_fast_path_codes_like_the_reference(name, pipelines):
    spec = SETS[name]
    if spec["manifest"] is not None and not spec["manifest"].is_file():
        pytest.skip(f"{spec['manifest']} is not present")
    articles = [a for a in read_inputs(spec["paths"], spec["manifest"], allow_outside=True) if isinstance(a, Article)]
    assert articles, f"no articles in {name}"
    fast, reference = pipelines
    got, want = _outputs(fast, articles), _outputs(reference, articles)
    assert [x[:2] for x in got] == [x[:2] for x in want]
    for g, w in zip(got, want):
        assert g == w, f"{name} {g[1]}: the fast path's {g[0]} differ from the reference's"
    assert any(kind == "events" and evs for kind, _, evs in want)  # the comparison saw events


def test_reference_is_really_another_path(pipelines, monkeypatch):
    """The reference coder must not touch the scanner or the pattern trie (else the test above
    compares a path with itself)."""
    import jalin.coding.coder as coder

    def boom(*args, **kwargs):
        raise AssertionError("the reference path used the fast matchers")

    monkeypatch.setattr(coder, "scanner_for", boom)
    monkeypatch.setattr(coder, "match_triggers", boom)
    _, reference = pipelines
    text = ("Presiden Kazakhstan Kassym-Jomart Tokayev bertemu Presiden Kirgizstan Sadyr Japarov "
            "di Astana pada Selasa (14/5).")
    r = reference.process(Article("t1", text, language="id"))
    assert r.events
