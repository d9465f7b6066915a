"""Compare a store ingested from the hostile corpus with the corpus' expectations
and with the store of the clean run (used by the test and the benchmark)."""

from __future__ import annotations

from pathlib import Path

from corpus import Corpus

from jalin.store import Store


def event_signatures(db: Path, doc_ids: set[str]) -> dict[str, list[tuple]]:
    """What was coded per article: every event's code, actors, date and evidence."""
    out: dict[str, list[tuple]] = {d: [] for d in doc_ids}
    with Store(db, read_only=True) as st:
        for e in st.iter_events(include_negated=True):
            if e["doc_id"] in out:
                out[e["doc_id"]].append((
                    e["event_id"], e["cameo"], e["source"]["code"], (e["target"] or {}).get("code"),
                    e["date"], e["date_source"], e["modality"], e["negated"],
                    e["evidence"]["start"], e["evidence"]["end"], e["trigger"]))
    return {d: sorted(v) for d, v in out.items()}


def problems(corpus: Corpus, hostile_db: Path, clean_db: Path) -> list[str]:
    """Everything that differs from what the corpus says must come out (empty: all right)."""
    found: list[str] = []
    with Store(hostile_db, read_only=True) as st:
        docs = set(st.doc_ids())
        rejections = st.rejections()
        counts = st.counts()
    by_origin: dict[str, list[dict]] = {}
    for r in rejections:
        by_origin.setdefault(r["origin"], []).append(r)
        if not r["reason"] or not r["detail"]:
            found.append(f"rejection without a reason or detail: {r}")
    for origin, reason in sorted(corpus.bad.items()):
        if origin.endswith("@"):
            stored = [r for o, rs in by_origin.items() if o.startswith(origin) for r in rs]
        else:
            stored = by_origin.get(origin, [])
        if not stored:
            found.append(f"no rejection stored for {origin!r} (expected {reason or 'any'})")
        elif reason and all(r["reason"] != reason for r in stored):
            found.append(f"{origin!r}: rejected as {[r['reason'] for r in stored]}, "
                         f"expected {reason}")
    for doc_id in sorted(corpus.odd | corpus.good):
        if doc_id not in docs:
            found.append(f"article {doc_id!r} was not stored")
    if counts["articles"] + counts["rejections"] < len(corpus.bad) + len(corpus.odd) + len(corpus.good):
        found.append(f"store holds {counts} for {len(corpus.bad)} bad, {len(corpus.odd)} odd "
                     f"and {len(corpus.good)} good inputs")
    hostile = event_signatures(hostile_db, corpus.good)
    clean = event_signatures(clean_db, corpus.good)
    for doc_id in sorted(corpus.good):
        if hostile[doc_id] != clean[doc_id]:
            found.append(f"{doc_id}: coded differently from the clean run: "
                         f"{hostile[doc_id]} != {clean[doc_id]}")
    return found
