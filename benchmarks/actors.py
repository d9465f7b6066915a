"""Actor resolution throughput: mentions/second of ``ActorResolver.find``.

usage:
    python benchmarks/actors.py [TEXT_DIR ...] [--repeat N] [--lang id] [--tables DIR]

Reads every ``*.txt`` under the given folders (default: ``samples/`` of the
repository and ``../shared/seeds/`` when present; if none exist, a few
sentences written for this benchmark), splits them into lines, and runs
``find()`` over every line ``--repeat`` times with one warm resolver.
Prints table load time, lines/s, characters/s and mentions/s.
Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = [ROOT / "samples", ROOT.parent / "shared" / "seeds"]

# Written for this benchmark (fallback when no article folder exists).
FALLBACK = [
    "Presiden Kazakhstan Kassym-Jomart Tokayev menerima Menteri Luar Negeri Rusia "
    "Sergey Lavrov di Astana pada Senin.",
    "Kemlu RI memanggil Duta Besar Tiongkok untuk Indonesia terkait insiden di Natuna.",
    "Pasukan Israel menyerang posisi Hamas di Jalur Gaza, sementara Hizbullah "
    "menembakkan roket dari Lebanon selatan.",
    "Sekjen PBB Antonio Guterres menyerukan gencatan senjata, didukung Uni Eropa dan OKI.",
    "Perdana Menteri Malaysia Anwar Ibrahim bertemu Presiden Prabowo di Istana Merdeka.",
    "Taliban menolak tuntutan Pakistan soal kelompok TTP di perbatasan.",
]


def load_lines(dirs: list[Path]) -> list[str]:
    lines: list[str] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.rglob("*.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            lines += [ln for ln in text.splitlines() if ln.strip()]
    return lines or FALLBACK


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--lang", default="id")
    ap.add_argument("--tables", type=Path, default=None,
                    help="a directory of actor tables (default: the shipped ones)")
    args = ap.parse_args(argv)

    from jalin.models import PartialDate
    from jalin.resolve.actors import ActorResolver

    t0 = time.perf_counter()
    resolver = ActorResolver.load(args.tables)
    load_s = time.perf_counter() - t0
    lines = load_lines(args.dirs or DEFAULTS)
    when = PartialDate(2022, 6, 1)
    chars = sum(len(ln) for ln in lines)
    resolver.find(lines[0], args.lang, when)  # warm the token caches

    n_mentions = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for ln in lines:
            n_mentions += len(resolver.find(ln, args.lang, when))
    dt = time.perf_counter() - t0
    n_lines = len(lines) * args.repeat
    print(f"tables loaded in {load_s * 1000:.0f} ms ({resolver.lex.size} aliases, "
          f"{len(resolver.lex.tenures)} people)")
    print(f"{n_lines} lines, {chars * args.repeat} chars, {n_mentions} mentions in {dt:.2f} s")
    print(f"lines/s    {n_lines / dt:10.0f}")
    print(f"chars/s    {chars * args.repeat / dt:10.0f}")
    print(f"mentions/s {n_mentions / dt:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
