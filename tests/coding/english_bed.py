"""Scoring the English test bed (``en_bed/sentences.tsv``) through the real pipeline.

Each sentence is coded alone as one English article. Coded events that are
negated or hypothetical are left out (as ``jalin export`` leaves negated ones
out). A coded event is reduced to (source key, target key, CAMEO root) and
counted once per sentence:

* recall    - required items of the bed found (an ``A<>B`` item by either direction);
* precision - distinct coded triples that match a required or optional item;
* code      - matched required items whose coded full code is one the item lists.

Run as a script to see the figures, and with ``--verbose`` the misses and
false positives of the tuning part (never read those of the held-back part
while tuning)::

    .venv/bin/python tests/coding/english_bed.py [--part tune|held|all] [--verbose] [--shapes]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

BED = Path(__file__).parent / "en_bed" / "sentences.tsv"
PUBLISHED = "2025-06-01"
# "*" (the text names no source) matches an event whose source has no key: the coder's
# unknown actor (jalin.models.UNKNOWN_ACTOR, key ""), or CAMEO's codes for an unidentified actor
UNKNOWN_SOURCE = frozenset({"", "---", "UNK"})
_ITEM = re.compile(r"(\?)?([A-Z*/]+)(<>|>)([A-Z\-/]+):([0-9/]+)")


@dataclass(frozen=True)
class Item:
    sources: tuple[str, ...]
    targets: tuple[str | None, ...]
    either: bool
    codes: tuple[str, ...]
    optional: bool

    @property
    def roots(self) -> frozenset[str]:
        return frozenset(c[:2] for c in self.codes)

    def _side(self, key: str | None, allowed: tuple) -> bool:
        for a in allowed:
            if a == "*" and (key or "") in UNKNOWN_SOURCE:
                return True
            if a == key:
                return True
        return False

    def matches(self, src: str | None, tgt: str | None, root: str) -> bool:
        if root not in self.roots:
            return False
        if self._side(src, self.sources) and self._side(tgt, self.targets):
            return True
        return self.either and self._side(tgt, self.sources) and self._side(src, self.targets)


@dataclass(frozen=True)
class Sentence:
    id: str
    part: str
    shapes: tuple[str, ...]
    items: tuple[Item, ...]
    text: str
    line: int


def parse_items(spec: str, where: str) -> tuple[Item, ...]:
    if spec == "none":
        return ()
    out = []
    for raw in spec.split(";"):
        m = _ITEM.fullmatch(raw.strip())
        if m is None:
            raise ValueError(f"{where}: bad event item {raw.strip()!r}")
        opt, src, arrow, tgt, codes = m.groups()
        out.append(Item(tuple(src.split("/")), tuple(None if t == "-" else t for t in tgt.split("/")),
                        arrow == "<>", tuple(codes.split("/")), bool(opt)))
    return tuple(out)


def load_bed(path: Path = BED) -> list[Sentence]:
    from jalin.datafiles import read_tsv_file

    out = []
    for row in read_tsv_file(path, ("id", "part", "shape", "events", "text")):
        where = f"{path.name}:{row.line}"
        if row["part"] not in ("tune", "held"):
            raise ValueError(f"{where}: part must be tune or held")
        out.append(Sentence(row["id"], row["part"], tuple(row["shape"].split(",")),
                            parse_items(row["events"], where), row["text"], row.line))
    return out


def code_bed(sentences: list[Sentence], pipeline=None) -> dict[str, list]:
    """Coded events per sentence id (not negated, not hypothetical)."""
    from jalin.models import Article, PartialDate
    from jalin.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    out = {}
    for s in sentences:
        art = Article(doc_id=s.id, text=s.text, published=PartialDate.parse(PUBLISHED), language="en")
        res = pipeline.process(art)
        if hasattr(res, "reason"):
            raise AssertionError(f"{s.id} rejected: {res.reason}")
        out[s.id] = [e for e in res.events if not e.negated and e.modality != "hypothetical"]
    return out


@dataclass
class Score:
    required: int = 0
    found: int = 0
    code_right: int = 0
    coded: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.coded if self.coded else 1.0

    @property
    def code_accuracy(self) -> float:
        return self.code_right / self.found if self.found else 1.0

    def add(self, other: Score) -> None:
        for k in ("required", "found", "code_right", "coded", "correct"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _triples(events) -> dict[tuple, list]:
    out: dict[tuple, list] = defaultdict(list)
    for e in events:
        out[(e.source.key, e.target.key if e.target else None, e.cameo_root)].append(e)
    return out


def score_sentence(s: Sentence, events) -> tuple[Score, list[Item], list[tuple]]:
    """Score one sentence: (score, required items missed, coded triples that are false)."""
    sc = Score()
    triples = _triples(events)
    missed = []
    for it in s.items:
        if it.optional:
            continue
        sc.required += 1
        hits = [evs for t, evs in triples.items() if it.matches(*t)]
        if hits:
            sc.found += 1
            if any(e.cameo in it.codes for evs in hits for e in evs):
                sc.code_right += 1
        else:
            missed.append(it)
    false = []
    for t, evs in triples.items():
        sc.coded += 1
        if any(it.matches(*t) for it in s.items):
            sc.correct += 1
        else:
            false.append((t, evs))
    return sc, missed, false


def score_bed(sentences: list[Sentence], coded: dict[str, list], part: str = "all") -> Score:
    total = Score()
    for s in sentences:
        if part in ("all", s.part):
            total.add(score_sentence(s, coded[s.id])[0])
    return total


def _fmt_item(it: Item) -> str:
    arrow = "<>" if it.either else ">"
    tgt = "/".join(t or "-" for t in it.targets)
    return f"{'?' if it.optional else ''}{'/'.join(it.sources)}{arrow}{tgt}:{'/'.join(it.codes)}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the English test bed.")
    ap.add_argument("--part", choices=("tune", "held", "all"), default="tune")
    ap.add_argument("--verbose", action="store_true", help="misses and false positives (tune part only)")
    ap.add_argument("--shapes", action="store_true", help="figures per shape")
    args = ap.parse_args(argv)
    bed = load_bed()
    coded = code_bed(bed)
    for part in (("tune", "held", "all") if args.part == "all" else (args.part,)):
        sc = score_bed(bed, coded, part)
        print(f"{part:5s} sentences={sum(1 for s in bed if part in ('all', s.part)):3d} "
              f"required={sc.required:3d} recall={sc.recall:.3f} precision={sc.precision:.3f} "
              f"({sc.correct}/{sc.coded}) code={sc.code_accuracy:.3f}")
    if args.shapes:
        by: dict[str, Score] = defaultdict(Score)
        for s in bed:
            if args.part in ("all", s.part):
                for sh in s.shapes:
                    by[sh].add(score_sentence(s, coded[s.id])[0])
        for sh, sc in sorted(by.items()):
            print(f"  {sh:12s} required={sc.required:3d} recall={sc.recall:.3f} "
                  f"precision={sc.precision:.3f} ({sc.correct}/{sc.coded})")
    if args.verbose:
        if args.part != "tune":
            print("misses are listed for the tuning part only")
            return 0
        counts: Counter = Counter()
        for s in bed:
            if s.part != "tune":
                continue
            _, missed, false = score_sentence(s, coded[s.id])
            if not missed and not false:
                continue
            print(f"\n{s.id} [{','.join(s.shapes)}] {s.text}")
            for it in missed:
                counts["miss"] += 1
                print(f"   MISS {_fmt_item(it)}")
            for (src, tgt, root), evs in false:
                counts["false"] += 1
                e = evs[0]
                print(f"   FALSE {src or '*'}>{tgt or '-'}:{e.cameo} via {e.trigger!r} ({e.modality})")
            got = sorted({f"{e.source.key or '*'}>{e.target.key if e.target else '-'}:{e.cameo}"
                          for e in coded[s.id]})
            print(f"   coded: {', '.join(got) or '-'}")
        print(f"\n{counts['miss']} misses, {counts['false']} false positives")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
