"""Score story links on the shared gold sets: pairwise "same story" links across articles.

usage: python tools/story_eval.py [--shared ../shared] [--set test|tune|dev|seeds|all] [--undated] [--json]
       python tools/story_eval.py --bed tests/stories/bed [--json]

The seeds and the dev set are ingested together into one temporary store
(through the command line, so that articles of both sets can link), and the
events are exported with their ``story_id``. Every international system
event is matched to the gold events of its article it fits, with the
scorer's own rule (``SHARED/eval/score.py``: the dyad, order-free when the
gold event is symmetric, and the CAMEO root). Among matched events of two
different articles of the chosen set, a pair is

* a **gold link** when some gold event of the one and some gold event of the
  other share a dyad (either order when one is symmetric), a root and a
  date (a known one; ``--undated`` also counts two undated gold events);
* a **story link** when the two events have the same ``story_id``;
* an **exact-key link** (the baseline) when they have the same source,
  target, CAMEO root and date (the plain join of dyad, root and date).

Precision, recall and F1 of story links and of exact-key links against gold
links are printed with the counts they come from. dev-test is held back:
print its figures only (never its pairs) while tuning.

``--bed DIR`` scores a team-written bed instead (``tests/stories/bed``:
``articles.jsonl`` and ``gold.jsonl``, whose gold events carry a ``story``
label): a gold link is two gold events of different articles with the same
label; events match gold events of their article by dyad (either order when
symmetric) and root, as the shared scorer matches them.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from evaluate import DEV_TEST, DEV_TUNE, SETS, _jalin  # noqa: E402


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def export_events(shared: Path, out: Path) -> None:
    """Ingest every gold set into one store and export its events (with story ids)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stories.duckdb"
        for manifest, _ in SETS.values():
            # the gold manifests point at ../seeds/ (outside their folder): trusted here
            r = subprocess.run(_jalin() + ["ingest", "--manifest", str(shared / manifest),
                                           "--allow-outside", "--db", str(db)],
                               capture_output=True, text=True)
            if r.returncode not in (0, 3):
                raise SystemExit(f"ingest of {manifest} failed ({r.returncode}): {r.stderr.strip()}")
        subprocess.run(_jalin() + ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)],
                       check=True, capture_output=True, text=True)


def _gold_keys(g: dict) -> set[tuple]:
    keys = set()
    for s, t, r in itertools.product(g["source"], g["target"], g["root"]):
        keys.add((s, t, r))
        if g.get("symmetric"):
            keys.add((t, s, r))
    return keys


def gold_linked(a: dict, b: dict, undated: bool) -> bool:
    if a.get("date") != b.get("date") or (not a.get("date") and not undated):
        return False
    ka, kb = _gold_keys(a), _gold_keys(b)
    if ka & kb:
        return True
    # a symmetric event of one side fits the other in either order
    return any((t, s, r) in ka for s, t, r in kb) and (a.get("symmetric") or b.get("symmetric"))


def _prf(tp: int, predicted: int, actual: int) -> dict:
    p = tp / predicted if predicted else 0.0
    r = tp / actual if actual else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "true_links": tp, "predicted_links": predicted, "gold_links": actual}


def score(events: list[dict], gold: list[dict], docs: set[str], scorer, undated: bool) -> dict:
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        if g["doc_id"] in docs:
            by_doc.setdefault(g["doc_id"], []).append(g)
    matched = []
    for ev in events:
        if ev["doc_id"] not in docs:
            continue
        ps, pt = scorer.primary(ev.get("source")), scorer.primary(ev.get("target"))
        if not ps or not pt or ps == pt:
            continue
        hits = [g for g in by_doc.get(ev["doc_id"], []) if scorer.gold_matches(g, ev)]
        if hits:
            matched.append((ev, hits, (ps, pt, scorer.root_of(ev), ev.get("date"))))
    story = exact = gold_n = tp_story = tp_exact = 0
    for (e1, g1, k1), (e2, g2, k2) in itertools.combinations(matched, 2):
        if e1["doc_id"] == e2["doc_id"]:
            continue
        truth = any(gold_linked(a, b, undated) for a in g1 for b in g2)
        same_story = bool(e1.get("story_id")) and e1.get("story_id") == e2.get("story_id")
        same_key = k1 == k2 and k1[3] is not None
        gold_n += truth
        story += same_story
        exact += same_key
        tp_story += truth and same_story
        tp_exact += truth and same_key
    return {"matched_events": len(matched), "stories": _prf(tp_story, story, gold_n),
            "exact_key_join": _prf(tp_exact, exact, gold_n)}


def _matches(g: dict, ev: dict) -> bool:
    """The shared scorer's rule, for the bed (no ../shared needed): dyad and root."""
    def keys(a: dict | None) -> set[str]:
        a = a or {}
        out = {v for v in (a.get("country"), a.get("org"), a.get("code")) if v}
        return out | {c[:3] for c in out if len(c) >= 3}

    s, t = keys(ev.get("source")), keys(ev.get("target"))
    if ev.get("cameo_root") not in g["root"]:
        return False
    fwd = bool(s & set(g["source"])) and bool(t & set(g["target"]))
    return fwd or (g.get("symmetric") and bool(t & set(g["source"])) and bool(s & set(g["target"])))


def score_bed(bed: Path) -> dict:
    """Pairwise story links on a team-written bed (see the module doc)."""
    gold = [json.loads(x) for x in (bed / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "bed.duckdb", Path(tmp) / "events.jsonl"
        r = subprocess.run(_jalin() + ["ingest", str(bed / "articles.jsonl"), "--db", str(db)],
                           capture_output=True, text=True)
        if r.returncode not in (0, 3):
            raise SystemExit(f"ingest of {bed} failed ({r.returncode}): {r.stderr.strip()}")
        subprocess.run(_jalin() + ["export", "--db", str(db), "-o", str(out)], check=True,
                       capture_output=True, text=True)
        events = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    matched = []
    for ev in events:
        labels = {g["story"] for g in gold if g["doc_id"] == ev["doc_id"] and _matches(g, ev)}
        if labels:
            src, tgt = (ev.get("source") or {}), (ev.get("target") or {})
            key = (src.get("country") or src.get("org"), tgt.get("country") or tgt.get("org"),
                   ev["cameo_root"], ev["date"])
            matched.append((ev, labels, key))
    story = exact = gold_n = tp_story = tp_exact = 0
    for (e1, l1, k1), (e2, l2, k2) in itertools.combinations(matched, 2):
        if e1["doc_id"] == e2["doc_id"]:
            continue
        truth = bool(l1 & l2)
        same_story = e1["story_id"] == e2["story_id"]
        same_key = k1 == k2 and k1[3] is not None
        gold_n += truth
        story += same_story
        exact += same_key
        tp_story += truth and same_story
        tp_exact += truth and same_key
    found = {g for _, labels, _ in matched for g in labels}
    return {"set": str(bed), "matched_events": len(matched), "gold_stories": len({g["story"] for g in gold}),
            "gold_stories_matched": len(found), "stories": _prf(tp_story, story, gold_n),
            "exact_key_join": _prf(tp_exact, exact, gold_n)}


def _print(result: dict) -> None:
    print(f"set {result['set']}: {result['matched_events']} events match gold"
          f"{' (undated gold events link too)' if result.get('undated_links') else ''}")
    for name in ("stories", "exact_key_join"):
        f = result[name]
        print(f"  {name:<15} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
              f"({f['true_links']} right of {f['predicted_links']} links made, "
              f"{f['gold_links']} gold links)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--set", choices=("test", "tune", "dev", "seeds", "all"), default="test")
    ap.add_argument("--undated", action="store_true", help="two undated gold events also link")
    ap.add_argument("--events", type=Path, help="an export to score instead of ingesting anew")
    ap.add_argument("--bed", type=Path, help="score a team-written bed (articles.jsonl, gold.jsonl)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.bed is not None:
        result = score_bed(a.bed)
        print(json.dumps(result)) if a.json else _print(result)
        return 0
    if not (a.shared / "eval" / "score.py").exists():
        print(f"{a.shared} is missing (no gold sets or scorer): nothing to evaluate")
        return 0
    scorer = _scorer(a.shared)
    gold = [json.loads(line) for _, g in SETS.values()
            for line in (a.shared / g).read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = a.events or Path(tmp) / "events.jsonl"
        if a.events is None:
            export_events(a.shared, path)
        events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    seeds = {g["doc_id"] for g in gold if not g["doc_id"].startswith("dv-")}
    docs = {"test": set(DEV_TEST), "tune": set(DEV_TUNE), "dev": set(DEV_TEST) | set(DEV_TUNE),
            "seeds": seeds, "all": {g["doc_id"] for g in gold}}[a.set]
    result = {"set": a.set, "undated_links": a.undated,
              **score(events, gold, docs, scorer, a.undated)}
    print(json.dumps(result)) if a.json else _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
