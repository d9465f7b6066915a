"""Load test of the read API: many concurrent event-list requests on a large store.

    .venv/bin/python benchmarks/api_load.py                 # 100,000 events, 200 concurrent
    .venv/bin/python benchmarks/api_load.py --events 20000 --concurrency 50 --rounds 2

Builds a synthetic store through ``Store.write_result`` (10 events per
article, templated Indonesian sentences, random dyads/codes/dates from a
fixed seed), serves it with ``uvicorn`` in a separate process, fires
``--concurrency`` requests at once (a mix of event-list queries: plain pages,
deep offsets, dyad, actor, CAMEO root, period, text search) for
``--rounds`` rounds and reports errors and latency percentiles. Nothing is
asserted: the numbers are for people.

Last run (2-core VM shared with other test runs, load average 4-6;
Python 3.11, DuckDB 2.0, one uvicorn worker; 100,000 events / 10,000
articles; 200 concurrent requests x 3 rounds, 600 requests):

    cache off (--cache-size 0): 0 errors, p50 3.1 s, p99 5.8 s, ~40 req/s
    cache on (default 512):     0 errors, p50 2.0 s, p99 5.1 s, 38-84 req/s

Latency here is queueing: 200 requests arrive at once and one request costs
~15-25 ms of work (a count and a two-step page over the whole event table),
so on 2 busy cores the 200th answer comes after a few seconds. A single
request alone answers in ~25 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = [
    "KAZ", "RUS", "KGZ", "UZB", "TJK", "TKM", "CHN", "USA", "TUR", "IRN", "AFG", "IND", "PAK",
    "MNG", "AZE", "ARM", "GEO", "UKR", "BLR", "DEU", "FRA", "GBR", "JPN", "KOR", "IDN", "MYS",
]
NAMES = {
    "KAZ": "Kazakhstan", "RUS": "Rusia", "KGZ": "Kirgistan", "UZB": "Uzbekistan", "TJK": "Tajikistan",
    "TKM": "Turkmenistan", "CHN": "Tiongkok", "USA": "Amerika Serikat", "TUR": "Turki", "IRN": "Iran",
    "AFG": "Afganistan", "IND": "India", "PAK": "Pakistan", "MNG": "Mongolia", "AZE": "Azerbaijan",
    "ARM": "Armenia", "GEO": "Georgia", "UKR": "Ukraina", "BLR": "Belarus", "DEU": "Jerman",
    "FRA": "Prancis", "GBR": "Inggris", "JPN": "Jepang", "KOR": "Korea Selatan", "IDN": "Indonesia",
    "MYS": "Malaysia",
}
CODES = [("040", "bertemu dengan"), ("042", "mengunjungi"), ("057", "menandatangani perjanjian dengan"),
         ("111", "mengecam"), ("0331", "memberikan bantuan kepada"), ("061", "bekerja sama dengan"),
         ("112", "menuduh"), ("173", "menangkap warga"), ("190", "menyerang"), ("036", "siap berunding dengan")]


def build(path: Path, n_events: int, per_article: int = 10, seed: int = 7) -> None:
    from jalin.coding.ontology import default_ontology
    from jalin.models import (Actor, Article, ArticleResult, CleanedArticle, Event, Evidence,
                              PartialDate, RemovedLine, Sentence)
    from jalin.store import Store

    onto = default_ontology()
    rnd = random.Random(seed)
    n_articles = max(1, n_events // per_article)
    with Store(path, batch_size=500) as store:
        for a in range(n_articles):
            doc = f"bench-{a:06d}"
            year, month = rnd.randint(2015, 2024), rnd.randint(1, 12)
            day = rnd.randint(1, 28)
            lines, events = ["Beranda > Berita > Internasional"], []
            spans = []
            pos = len(lines[0]) + 1
            for i in range(per_article):
                s, t = rnd.sample(ACTORS, 2)
                code, verb = rnd.choice(CODES)
                sent = (f"Pemerintah {NAMES[s]} {verb} {NAMES[t]} pada {day} "
                        f"bulan ke-{month} {year}, kata seorang pejabat.")
                start = pos
                lines.append(sent)
                pos += len(sent) + 1
                spans.append((start, start + len(sent), sent))
                c = onto.get(code)
                trig = sent.index(verb)
                events.append(Event(
                    event_id=f"{doc}-{i}", doc_id=doc, sentence_index=i,
                    source=Actor(f"{s}GOV", country=s, role="GOV"), target=Actor(t, country=t),
                    cameo=c.code, cameo_root=c.root, plover=c.plover, goldstein=c.goldstein,
                    quad_class=c.quad_class, evidence=Evidence(sent, start, start + len(sent)),
                    language="id", date=PartialDate(year, month, day), date_source="sentence",
                    trigger=verb.split()[0], trigger_start=start + trig,
                    trigger_end=start + trig + len(verb.split()[0]), coder="bench",
                ))
            text = "\n".join(lines) + "\n"
            art = Article(doc_id=doc, text=text, title=f"Berita uji {a}",
                          published=PartialDate(year, month, day), origin=doc)
            sents = tuple(Sentence(doc, i, s0, s1, st) for i, (s0, s1, st) in enumerate(spans))
            cleaned = CleanedArticle(art, "id", "given", tuple((s0, s1) for s0, s1, _ in spans),
                                     (RemovedLine(doc, 0, len(lines[0]), lines[0], "boilerplate"),))
            store.write_result(ArticleResult(cleaned, sents, (), tuple(events)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def queries(rnd: random.Random, n: int) -> list[dict[str, str]]:
    kinds = [
        lambda: {},
        lambda: {"offset": str(rnd.randint(0, 90_000)), "limit": "50"},
        lambda: {"dyad": "-".join(rnd.sample(ACTORS, 2))},
        lambda: {"actor": rnd.choice(ACTORS)},
        lambda: {"cameo_root": rnd.choice(["04", "05", "11", "19"]), "date_from": "2020"},
        lambda: {"date_from": f"{rnd.randint(2015, 2023)}-03", "date_to": "2024-06"},
        lambda: {"q": rnd.choice(["Kazakhstan", "bantuan", "perjanjian"]), "limit": "25"},
        lambda: {"actor": rnd.choice(ACTORS), "order": "goldstein"},
    ]
    return [kinds[i % len(kinds)]() for i in range(n)]


async def fire(url: str, params: list[dict[str, str]]) -> tuple[list[float], list[str]]:
    import httpx

    limits = httpx.Limits(max_connections=len(params), max_keepalive_connections=len(params))
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        async def one(p: dict[str, str]) -> tuple[float, str | None]:
            t0 = time.perf_counter()
            try:
                r = await client.get("/api/events", params=p)
                err = None if r.status_code == 200 else f"{r.status_code} {r.text[:80]}"
            except httpx.HTTPError as exc:
                err = f"{type(exc).__name__}: {exc}"
            return time.perf_counter() - t0, err

        results = await asyncio.gather(*(one(p) for p in params))
    return [t for t, _ in results], [e for _, e in results if e]


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * len(s)) - 1))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cache-size", type=int, default=512, help="server result cache (0 = off)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (jalin serve --workers)")
    ap.add_argument("--db", type=Path, help="reuse (or create) this store instead of a temporary one")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="jalin-bench-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {db} with {args.events} events in {time.perf_counter() - t0:.1f}s")
    port = free_port()
    code = (f"import uvicorn; from jalin.api.app import create_app; "
            f"uvicorn.run(create_app({str(db)!r}, cache_size={args.cache_size}), host='127.0.0.1', port={port}, log_level='warning')")
    cmd = [sys.executable, "-c", code]
    if args.workers > 1:  # the same path as `jalin serve --workers N`
        os.environ["JALIN_SERVE_DB"], os.environ["JALIN_SERVE_CACHE"] = str(db), str(args.cache_size)
        cmd = [sys.executable, "-m", "uvicorn", "jalin.api.app:app_from_env", "--factory",
               "--workers", str(args.workers), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(cmd)
    url = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                print("server did not start", file=sys.stderr)
                return 1
            time.sleep(0.2)
        summary = httpx.get(url + "/api/summary", timeout=30).json()
        print(f"store: {summary['events']} events, {summary['articles']} articles; "
              f"{args.concurrency} concurrent /api/events requests x {args.rounds} rounds")
        rnd = random.Random(11)
        all_lat: list[float] = []
        errors: list[str] = []
        for r in range(args.rounds):
            t0 = time.perf_counter()
            lat, errs = asyncio.run(fire(url, queries(rnd, args.concurrency)))
            wall = time.perf_counter() - t0
            all_lat += lat
            errors += errs
            print(f"round {r + 1}: {len(errs)} errors, wall {wall:.2f}s, "
                  f"p50 {pct(lat, 50) * 1000:.0f} ms, p99 {pct(lat, 99) * 1000:.0f} ms, "
                  f"max {max(lat) * 1000:.0f} ms, {len(lat) / wall:.0f} req/s")
        print(f"all: {len(all_lat)} requests, {len(errors)} errors, "
              f"p50 {pct(all_lat, 50) * 1000:.0f} ms, p99 {pct(all_lat, 99) * 1000:.0f} ms, "
              f"mean {statistics.mean(all_lat) * 1000:.0f} ms (cores: {os.cpu_count()})")
        for e in errors[:5]:
            print("error:", e)
        return 1 if errors else 0
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
