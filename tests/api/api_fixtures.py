"""Helpers for the API and dashboard tests (fixtures are in conftest.py).

A small store is written through ``Store.write_result`` from hand-built
records (our own news-style sentences), and served by a real uvicorn
server on a free localhost port in a background thread.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from jalin.models import (
    Actor,
    Article,
    ArticleResult,
    CleanedArticle,
    Event,
    Evidence,
    Mention,
    PartialDate,
    RemovedLine,
    Sentence,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"

KAZ = Actor("KAZGOV", country="KAZ", role="GOV")
RUS = Actor("RUSGOV", country="RUS", role="GOV")
RUS_MIL = Actor("RUSMIL", country="RUS", role="MIL")
KGZ = Actor("KGZ", country="KGZ")
UZB = Actor("UZBGOV", country="UZB", role="GOV")
CSTO = Actor("CSTO", org="CSTO")


@dataclass(frozen=True)
class Spec:
    """One event to code in a hand-built article: the trigger word picks the sentence."""

    source: Actor
    target: Actor
    cameo: str
    trigger: str
    date: PartialDate | None = None
    negated: bool = False


def _article(doc_id: str, title: str, published: PartialDate, lines: list[tuple[str, str | None]],
             specs: list[Spec], mentions: list[tuple[str, Actor, str]]) -> ArticleResult:
    """Lines are (text, removal reason or None); kept lines are one sentence each."""
    from jalin.coding.ontology import default_ontology

    onto = default_ontology()
    text = "".join(line + "\n" for line, _ in lines)
    art = Article(doc_id=doc_id, text=text, title=title, published=published, origin=f"{doc_id}.txt")
    kept, removed, sentences = [], [], []
    pos = 0
    for line, reason in lines:
        start, end = pos, pos + len(line)
        pos = end + 1
        if reason:
            removed.append(RemovedLine(doc_id, start, end, line, reason))
        else:
            kept.append((start, end))
            sentences.append(Sentence(doc_id, len(sentences), start, end, line, paragraph=len(sentences)))
    cleaned = CleanedArticle(art, "id", "given", tuple(kept), tuple(removed))
    events = []
    for n, sp in enumerate(specs):
        sent = next(s for s in sentences if sp.trigger in s.text)
        t0 = sent.start + sent.text.index(sp.trigger)
        code = onto.get(sp.cameo)
        events.append(Event(
            event_id=f"{doc_id}-e{n}", doc_id=doc_id, sentence_index=sent.index,
            source=sp.source, target=sp.target, cameo=code.code, cameo_root=code.root,
            plover=code.plover, goldstein=code.goldstein, quad_class=code.quad_class,
            evidence=Evidence(sent.text, sent.start, sent.end), language="id", date=sp.date,
            date_source="sentence" if sp.date else "none", negated=sp.negated,
            trigger=sp.trigger, trigger_start=t0, trigger_end=t0 + len(sp.trigger), coder="test",
        ))
    found = []
    for phrase, actor, kind in mentions:
        sent = next(s for s in sentences if phrase in s.text)
        m0 = sent.start + sent.text.index(phrase)
        found.append(Mention(doc_id, sent.index, m0, m0 + len(phrase), phrase, actor, kind))
    return ArticleResult(cleaned, tuple(sentences), tuple(found), tuple(events))


def demo_results() -> list[ArticleResult]:
    """Three short articles: KAZ-RUS cooperation and friction, RUS-KGZ, UZB-KGZ aid."""
    a1 = _article(
        "berita/001", "Tokayev & Putin <b>bertemu</b> di Moskow", PartialDate(2022, 3, 5),
        [
            ("Kantor Berita Nusantara - Beranda - Internasional", "boilerplate"),
            ("Presiden Kazakhstan Kassym-Jomart Tokayev bertemu Presiden Rusia Vladimir Putin di Moskow pada 3 Maret 2022.", None),
            ("Kedua pemimpin menandatangani perjanjian kerja sama energi dan transportasi.", None),
            ("DAFTAR SITUS SLOT GACOR TERPERCAYA HARI INI BONUS 100%", "spam"),
            ("Di tempat lain, Rusia mengecam Kirgistan atas insiden di perbatasan <script>alert('x')</script>.", None),
        ],
        [
            Spec(KAZ, RUS, "040", "bertemu", PartialDate(2022, 3, 3)),
            Spec(KAZ, RUS, "057", "menandatangani", PartialDate(2022, 3, 3)),
            Spec(RUS, KGZ, "111", "mengecam"),
        ],
        [("Presiden Kazakhstan", KAZ, "role"), ("Presiden Rusia", RUS, "role"), ("Kirgistan", KGZ, "state")],
    )
    a2 = _article(
        "berita-002", "Astana memprotes pernyataan anggota parlemen Rusia", PartialDate(2022, 5, 12),
        [
            ("Kementerian Luar Negeri Kazakhstan pada 10 Mei 2022 memprotes pernyataan seorang anggota parlemen Rusia tentang wilayah utara negara itu.", None),
            ("Moskow tidak menarik pasukannya dari perbatasan, kata seorang pejabat CSTO.", None),
            ("Baca juga: Harga minyak naik lagi", "boilerplate"),
        ],
        [
            Spec(KAZ, RUS, "111", "memprotes", PartialDate(2022, 5, 10)),
            Spec(RUS_MIL, CSTO, "0874", "menarik", negated=True),
        ],
        [("Kazakhstan", KAZ, "state"), ("Rusia", RUS, "state")],
    )
    a3 = _article(
        "berita-003", "Uzbekistan kirim bantuan ke Kirgistan", PartialDate(2021, 11, 20),
        [
            ("Pemerintah Uzbekistan mengirimkan bantuan kemanusiaan kepada Kirgistan pada 18 November 2021.", None),
            ("Tashkent juga berjanji akan membantu pemulihan ekonomi Bishkek.", None),
        ],
        [
            Spec(UZB, KGZ, "073", "mengirimkan", PartialDate(2021, 11, 18)),
            Spec(UZB, KGZ, "033", "berjanji", PartialDate(2021, 11, 18)),
        ],
        [("Uzbekistan", UZB, "state"), ("Kirgistan", KGZ, "state")],
    )
    return [a1, a2, a3]


def build_store(path: Path, results: list[ArticleResult] | None = None) -> Path:
    from jalin.store import Store

    with Store(path) as store:
        for res in demo_results() if results is None else results:
            store.write_result(res)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving ``create_app(db)`` in a daemon thread."""

    def __init__(self, db: Path):
        import uvicorn

        from jalin.api.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def build_seed_store(tmp_path: Path) -> Path:
    """The five seed articles coded by the real pipeline (skips when unavailable)."""
    import pytest

    manifest = SHARED / "gold" / "seeds.manifest.jsonl"
    if not manifest.is_file():
        pytest.skip("../shared seeds are not available")
    from jalin.ingest import read_inputs
    from jalin.runners.local import run
    from jalin.store import Store

    db = tmp_path / "seeds.duckdb"
    with Store(db) as store:
        run(read_inputs([], manifest=manifest, allow_outside=True), store)  # ../seeds/
    return db
