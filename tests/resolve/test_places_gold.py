"""Event locations on the real articles of ../shared (seeds and the dev set).

For every coded event whose evidence sentence names a city or region where
something happens ("di Bishkek", "in Aleppo", "dekat Kharkiv": a resolved
city or region after a place cue, not a topic such as "situasi di X"), the
event must carry that place as its location. The seeds and dev-tune events
are listed (``pytest -s`` prints them); dev-test is held back, so only its
counts are checked and shown. Skips when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jalin.ingest import read_inputs
from jalin.models import Rejection
from jalin.pipeline import Pipeline
from jalin.resolve.places import find_places

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV_TUNE = {f"dv-d{i:03d}" for i in range(1, 18, 2)} | {f"dv-p{i:03d}" for i in range(1, 12, 2)}


def _coded(manifest: Path):
    if not manifest.is_file():
        pytest.skip(f"{manifest} is not available")
    pipe = Pipeline()
    for art in read_inputs([], manifest=manifest, allow_outside=True):
        if isinstance(art, Rejection):
            continue
        res = pipe.process(art)
        if not isinstance(res, Rejection):
            yield res


def _named_places(result):
    """(event, names of the cities/regions its evidence names as where things happen)."""
    lang = result.cleaned.language
    by_sentence = {}
    for m in result.mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    sentences = {s.index: s for s in result.sentences}
    for e in result.events:
        s = sentences[e.sentence_index]
        names = {p.place.name for p in find_places(s.text, lang, None, s.start, by_sentence.get(s.index, ()))
                 if p.place is not None and p.place.precision in ("city", "region")
                 and p.cue in ("at", "near")}
        if names:
            yield e, names


def _check(results, show: bool):
    listed, wrong = [], []
    for res in results:
        for e, names in _named_places(res):
            loc = e.location
            ok = loc is not None and loc.source == "sentence" and loc.name in names
            listed.append((e, names, ok))
            if not ok:
                wrong.append(e)
            if show:
                print(f"{'ok ' if ok else 'BAD'} {e.doc_id}#{e.sentence_index} {e.cameo} "
                      f"{e.source.key}->{e.target.key if e.target else '-'} names {sorted(names)} "
                      f"-> {loc.name if loc else None}: {' '.join(e.evidence.sentence.split())[:120]}")
    return listed, wrong


def test_seed_events_naming_a_place_have_it():
    listed, wrong = _check(_coded(SHARED / "gold" / "seeds.manifest.jsonl"), show=True)
    assert listed, "the seeds name places where events happen"
    assert wrong == []


def test_dev_tune_events_naming_a_place_have_it(tmp_path):
    manifest = SHARED / "gold" / "dev" / "dev.manifest.jsonl"
    if not manifest.is_file():
        pytest.skip("../shared dev set is not available")
    tune = tmp_path / "tune.manifest.jsonl"
    lines = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines() if x.strip()]
    tune.write_text("".join(
        json.dumps({**d, "path": str((manifest.parent / d["path"]).resolve())}) + "\n"
        for d in lines if d["doc_id"] in DEV_TUNE), encoding="utf-8")
    listed, wrong = _check(_coded(tune), show=True)
    assert listed
    assert wrong == []


def test_dev_test_figures_only(tmp_path):
    """Held-back articles: counts only, never their sentences."""
    manifest = SHARED / "gold" / "dev" / "dev.manifest.jsonl"
    if not manifest.is_file():
        pytest.skip("../shared dev set is not available")
    test = tmp_path / "test.manifest.jsonl"
    lines = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines() if x.strip()]
    test.write_text("".join(
        json.dumps({**d, "path": str((manifest.parent / d["path"]).resolve())}) + "\n"
        for d in lines if d["doc_id"] not in DEV_TUNE), encoding="utf-8")
    listed, wrong = _check(_coded(test), show=False)
    print(f"dev-test: {len(listed)} events name a city or region, {len(wrong)} lack it")
    assert len(wrong) <= max(1, len(listed) // 10)
