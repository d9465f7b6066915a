"""Random inputs for the pipeline fuzz (the property test and ``benchmarks/fuzz.py``).

An input is one JSONL line (bytes): mostly an article object whose text is
glued from news words, actor names, event verbs and time expressions with
extreme years (0001, 1799, 9999), control characters and stray unicode,
with a publication date anywhere in 1800..next year; sometimes the JSON
itself is mangled. ``check_line`` runs one line through the readers and the
pipeline and returns what is wrong with the outcome (empty: nothing).
"""

from __future__ import annotations

import json
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from jalin.models import ArticleResult, Rejection

FRAGMENTS = (
    "Presiden Kazakhstan", "Menteri Luar Negeri Indonesia", "Pemerintah Rusia", "Tiongkok",
    "Kirgizstan", "Uzbekistan", "the president of Tajikistan", "Russia", "China", "NATO",
    "bertemu", "mengunjungi", "menandatangani perjanjian dengan", "mengecam", "menyerang",
    "tidak akan", "berencana", "met", "accused", "signed an agreement with", "visited", "said",
    "di Jakarta", "in Astana", "pada Senin", "kemarin", "besok", "pekan lalu", "bulan depan",
    "tahun depan", "tahun lalu", "awal tahun ini", "akhir 0001", "pada 1 Januari 0001",
    "31 Desember 9999", "tahun 9999", "pada 1799", "Selasa (31/12)", "Senin (1/1/0001)",
    "(29/2)", "29 Februari 2023", "on Monday", "yesterday", "next year", "in 9999", "on Jan 1, 1",
    "27-28 November", "pada hari yang sama", "setahun kemudian", "sepuluh tahun lalu",
    "sejak 0001", "hingga 9999", ".", ".", ",", "\n", "\n\n", " -- ", "\"", "(", ")", "\t",
    "\x1b[31m", "\u202e", "\ufeff", "\x00", "\udfff", "日本", "ñ", "🙂", "Baca juga:", "slot gacor",
)
PUBLISHED_SPAN = (date(1800, 1, 1), date.today() + timedelta(days=365))


def random_text(rnd: random.Random, max_parts: int = 60) -> str:
    parts = [rnd.choice(FRAGMENTS) for _ in range(rnd.randint(0, max_parts))]
    if rnd.random() < 0.05:  # raw unicode noise
        parts.append("".join(chr(rnd.randrange(1, 0x3000)) for _ in range(rnd.randint(1, 40))))
    return " ".join(parts)


def random_published(rnd: random.Random) -> str | None:
    roll = rnd.random()
    if roll < 0.15:
        return None
    lo, hi = PUBLISHED_SPAN
    edge = rnd.random() < 0.3
    day = (lo if rnd.random() < 0.5 else hi) if edge else lo + timedelta(
        days=rnd.randrange((hi - lo).days + 1))
    iso = day.isoformat()
    return iso[: rnd.choice((4, 7, 10, 10))]


def random_line(rnd: random.Random, n: int) -> bytes:
    """One JSONL line; most are article objects, some are mangled."""
    obj: dict = {"id": f"f{n}", "text": random_text(rnd)}
    published = random_published(rnd)
    if published:
        obj["published"] = published
    if rnd.random() < 0.3:
        obj["language"] = rnd.choice(("id", "en", "ms", "xx", "ID", "en-US", ""))
    if rnd.random() < 0.1:
        obj["title"] = random_text(rnd, 6)
    line = json.dumps(obj).encode("utf-8")
    roll = rnd.random()
    if roll < 0.03:  # cut short
        line = line[: rnd.randrange(len(line) + 1)]
    elif roll < 0.05:  # bytes flipped
        data = bytearray(line)
        for _ in range(rnd.randint(1, 5)):
            if data:
                data[rnd.randrange(len(data))] = rnd.randrange(1, 256)
        line = bytes(data)
    elif roll < 0.06:  # nested deep
        line = b"[" * rnd.randint(50, 3000) + line
    return line.replace(b"\n", b" ")


class Checker:
    """Runs lines through ``read_inputs`` and one Pipeline; reports what is wrong."""

    def __init__(self, timeout: float = 20.0):
        from jalin.pipeline import Pipeline

        self.pipeline = Pipeline()
        self.timeout = timeout
        self.folder = Path(tempfile.mkdtemp(prefix="jalin-fuzz-"))

    def outcomes(self, line: bytes) -> list[ArticleResult | Rejection]:
        from jalin.ingest import read_inputs
        from jalin.runners.local import process_safely

        path = self.folder / "f.jsonl"
        path.write_bytes(line + b"\n")
        out = []
        for item in read_inputs([path], timeout=self.timeout):
            out.append(item if isinstance(item, Rejection)
                       else process_safely(self.pipeline, item, self.timeout))
        return out

    def check_line(self, line: bytes) -> list[str]:
        problems = []
        for out in self.outcomes(line):
            if isinstance(out, Rejection):
                if not out.reason or not out.detail:
                    problems.append(f"rejection without a reason: {out}")
                if out.reason == "internal_error":
                    problems.append(f"crash: {out.detail}")
                continue
            text = out.cleaned.article.text
            for ev in out.events:
                if not 0 <= ev.evidence.start <= ev.evidence.end <= len(text):
                    problems.append(f"evidence outside the text: {ev.event_id}")
                if ev.date is not None and not 1 <= ev.date.year <= 9999:
                    problems.append(f"impossible event date {ev.date}")
            for s in out.sentences:
                if text[s.start:s.end] != s.text:
                    problems.append(f"sentence {s.index} does not match its offsets")
        return problems
