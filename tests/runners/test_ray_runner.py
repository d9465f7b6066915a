"""The Ray Data runner: same events and rejections as the local runner (real Ray, 2 CPUs).

Tests that need Ray skip when the ``ray`` extra is not installed
(``pip install -e '.[ray]'``; ``make test`` installs it).
"""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.errors import DataFileError, UsageError
from jalin.models import Article, PartialDate, Rejection
from jalin.runners import local, ray_data
from jalin.store import Store

HAS_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(
    not HAS_RAY, reason="Ray is not installed (the 'ray' extra: pip install -e '.[ray]')")

cli = CliRunner()

# Team-written news-style articles (not from the seeds).
ARTICLES = {
    "menlu_astana.txt": """Menlu RI dan Menlu Kazakhstan Bahas Kerja Sama Pangan
Senin, 3 Maret 2025 | 09:15 WIB

ASTANA, KOMPAS.com -- Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Kazakhstan di Astana pada Minggu (2/3/2025).
Kedua menteri membahas kerja sama ketahanan pangan dan perdagangan gandum.
Baca juga: Harga Cabai di Pasar Induk Turun Lagi
""",
    "uzbekistan_jakarta.txt": """Uzbekistan dan Indonesia Teken Nota Kesepahaman Pendidikan
Kamis, 15 Mei 2025 | 14:00 WIB

JAKARTA, KOMPAS.com -- Pemerintah Uzbekistan dan Pemerintah Indonesia menandatangani nota kesepahaman di bidang pendidikan tinggi di Jakarta pada Rabu (14/5/2025).
Kesepakatan itu membuka program beasiswa bagi mahasiswa kedua negara.
Main slot gacor sekarang, jackpot pasti cair hari ini!
""",
    "perbatasan_kirgistan.txt": """Kirgistan Protes Tajikistan soal Pos Perbatasan
Selasa, 8 April 2025 | 18:30 WIB

BISHKEK, KOMPAS.com -- Kementerian Luar Negeri Kirgistan memprotes Tajikistan atas pembangunan pos baru di wilayah sengketa pada Senin (7/4/2025).
Pemerintah Kirgistan menuduh Tajikistan melanggar kesepakatan perbatasan tahun lalu.
""",
    "bantuan_turkmenistan.txt": """Turkmenistan Kirim Bantuan Kemanusiaan ke Afganistan
Jumat, 20 Juni 2025 | 07:45 WIB

ASHGABAT, KOMPAS.com -- Pemerintah Turkmenistan mengirimkan bantuan kemanusiaan ke Afganistan pada Kamis (19/6/2025) setelah banjir melanda provinsi utara.
Bantuan itu berupa bahan makanan, obat-obatan, dan tenda darurat.
""",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "berita"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "rusak.txt").write_bytes(b"\x00\x9f\x00binary\xff\xfe\x00")
    return root


def _ingest(folder, db, *extra):
    return cli.invoke(app, ["ingest", str(folder), "--db", str(db), *extra], env={"COLUMNS": "200"})


def _stored(db):
    with Store(db, read_only=True) as st:
        events = sorted(e["event_id"] for e in st.events(include_negated=True))
        rejections = {r["origin"]: (r["reason"], r["doc_id"]) for r in st.rejections()}
        return set(st.doc_ids()), events, rejections


# ---- without Ray ----------------------------------------------------------------------


def test_missing_ray_is_a_usage_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(UsageError, match=r"jalin\[ray\]"):
        ray_data.check_available()


def test_cli_without_ray_exits_2_and_creates_no_store(folder, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    db = tmp_path / "none.duckdb"
    res = _ingest(folder, db, "--runner", "ray")
    assert res.exit_code == 2
    assert "jalin[ray]" in res.output and not db.exists()


def test_cli_unknown_runner(folder, tmp_path):
    res = _ingest(folder, tmp_path / "x.duckdb", "--runner", "spark")
    assert res.exit_code == 2 and "--runner" in res.output


@pytest.mark.parametrize("kwargs", [{"batch_size": 0}, {"chunk_size": 0}])
def test_bad_sizes(tmp_path, kwargs):
    with Store(tmp_path / "s.duckdb") as st, pytest.raises(UsageError):
        ray_data.run([], st, **kwargs)


@pytest.mark.parametrize("n,size,sizes", [(0, 3, []), (5, 2, [2, 2, 1]), (4, 4, [4]), (3, 10, [3])])
def test_chunks_keep_order(n, size, sizes):
    chunks = list(ray_data._chunks(iter(range(n)), size))
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(n))


@needs_ray
def test_broken_setup_fails_once_before_ray_starts(tmp_path):
    import ray

    def broken():
        raise DataFileError("lexicon/id/triggers.tsv", 7, "no CAMEO code")

    was_running = ray.is_initialized()
    with Store(tmp_path / "s.duckdb") as st, pytest.raises(DataFileError, match="triggers.tsv:7"):
        ray_data.run([Article("a", "teks")], st, pipeline_factory=broken)
    assert ray.is_initialized() == was_running


# ---- with Ray -------------------------------------------------------------------------


@needs_ray
def test_cli_ray_matches_local(folder, tmp_path):
    res_local = _ingest(folder, tmp_path / "local.duckdb")
    res_ray = _ingest(folder, tmp_path / "ray.duckdb", "--runner", "ray", "--workers", "2")
    assert res_local.exit_code == 3, res_local.output
    assert res_ray.exit_code == 3, res_ray.output
    docs_l, events_l, rej_l = _stored(tmp_path / "local.duckdb")
    docs_r, events_r, rej_r = _stored(tmp_path / "ray.duckdb")
    assert docs_r == docs_l == {name[:-4] for name in ARTICLES}
    assert events_r == events_l and len(events_r) >= 4
    assert rej_r == rej_l
    assert [origin for origin in rej_r if origin.endswith("rusak.txt")]
    import ray

    assert not ray.is_initialized()  # the runner started Ray, so it shut it down


def _sabotaged_factory():
    """A factory built here (pickled by value to the workers) around the real Pipeline."""

    def factory():
        from jalin.pipeline import Pipeline

        class Sabotaged:
            def __init__(self):
                self.inner = Pipeline()

            def process(self, article):
                if "meledak" in article.doc_id:
                    raise ValueError("coder fell over")
                if "mati" in article.doc_id:
                    os._exit(3)  # the worker process dies mid-batch
                return self.inner.process(article)

        return Sabotaged()

    return factory


def _articles():
    items: list[Article | Rejection] = []
    for name, text in ARTICLES.items():
        items.append(Article(name[:-4], text, origin=name))
    items.insert(1, Article("meledak", ARTICLES["menlu_astana.txt"], origin="meledak.txt"))
    items.insert(3, Rejection("kosong.txt", "empty", "no text", "kosong"))
    items.insert(4, Article("mati", ARTICLES["menlu_astana.txt"], origin="mati.txt",
                            published=PartialDate(2025, 3, 3)))
    return items


@needs_ray
def test_failures_become_rejections_and_the_rest_is_stored(tmp_path):
    items = _articles()
    seen = []
    with Store(tmp_path / "ray.duckdb") as st:
        summary = ray_data.run(items, st, num_cpus=2, batch_size=2,
                               pipeline_factory=_sabotaged_factory(),
                               progress=lambda item, out: seen.append(item))
        events_r = sorted(e["event_id"] for e in st.events(include_negated=True))
        rej = {r["origin"]: r for r in st.rejections()}
    good = [x for x in items if isinstance(x, Article) and x.doc_id not in ("meledak", "mati")]
    with Store(tmp_path / "local.duckdb") as st:
        expected = local.run(good, st)
        events_l = sorted(e["event_id"] for e in st.events(include_negated=True))
    assert seen == items  # every input reported once, in input order
    assert summary.inputs == len(items)
    assert summary.articles == len(ARTICLES) == expected.articles
    assert summary.events == expected.events and events_r == events_l
    assert summary.rejections == {"empty": 1, "internal_error": 2}
    assert rej["meledak.txt"]["detail"] == "ValueError: coder fell over"
    assert rej["mati.txt"]["reason"] == "internal_error" and rej["mati.txt"]["doc_id"] == "mati"
    assert rej["mati.txt"]["detail"].startswith("WorkerLost: ")
    assert summary.exit_status == 3
