"""End to end through the real pipeline: good and bad inputs in one ingest."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.export import EVENT_KEYS
from jalin.store import Store

runner = CliRunner()

ARTICLE_1 = """Menlu RI Terima Kunjungan Menlu Tajikistan
Rabu, 5 Juni 2024 | 13:10 WIB

JAKARTA, KOMPAS.com -- Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Tajikistan di Jakarta pada Selasa (4/6/2024).
Kedua menteri membahas peluang kerja sama perdagangan dan energi terbarukan.
Baca juga: Jadwal Kereta Cepat Saat Libur Sekolah
Daftar slot gacor malam ini, bonus deposit langsung cair!
"""

ARTICLE_2 = """Rusia dan Kazakhstan Teken Perjanjian Pasokan Listrik
Jumat, 8 November 2024 | 10:00 WIB

ASTANA, KOMPAS.com -- Rusia dan Kazakhstan menandatangani perjanjian pasokan listrik di Astana pada Kamis (7/11/2024).
Pemerintah Kazakhstan menyatakan perjanjian itu berlaku selama sepuluh tahun.
"""

JSONL_GOOD = {
    "id": "jsonl-uzb-kgz",
    "title": "Uzbekistan Kirim Bantuan ke Kirgistan",
    "published": "2024-04-20",
    "language": "id",
    "text": "BISHKEK, KOMPAS.com -- Pemerintah Uzbekistan mengirimkan bantuan kemanusiaan "
    "ke Kirgistan pada Jumat (19/4/2024) setelah gempa bumi melanda wilayah selatan.\n",
}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "menlu_tajikistan.txt").write_text(ARTICLE_1, encoding="utf-8")
    (folder / "listrik_rusia.txt").write_text(ARTICLE_2, encoding="utf-8")
    (folder / "rusak.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00")
    (folder / "batch.jsonl").write_text(
        json.dumps(JSONL_GOOD, ensure_ascii=False) + "\n" + '{"id": "broken", "text": \n',
        encoding="utf-8",
    )
    return folder


def _ingest(folder, db, *extra):
    return runner.invoke(app, ["ingest", str(folder), "--db", str(db), *extra],
                         env={"COLUMNS": "200"})


@pytest.mark.parametrize("workers", ["1", "2"])
def test_mixed_inputs_exit_3_and_everything_stored(inputs, tmp_path, workers):
    db = tmp_path / "e2e.duckdb"
    res = _ingest(inputs, db, "--workers", workers)
    assert res.exit_code == 3, res.output
    assert "articles coded" in res.stdout and "rejected" in res.stdout
    with Store(db, read_only=True) as st:
        docs = set(st.doc_ids())
        rejections = {r["origin"]: r["reason"] for r in st.rejections()}
        counts = st.counts()
    assert docs == {"menlu_tajikistan", "listrik_rusia", "jsonl-uzb-kgz"}
    assert len(rejections) == 2
    assert any(o.endswith("rusak.txt") for o in rejections)
    assert any(":2" in o for o in rejections)  # the malformed JSONL line
    assert all(reason for reason in rejections.values())
    assert counts["events"] >= 1 and counts["removed_lines"] >= 2


def test_reingest_no_duplicates_and_read_commands(inputs, tmp_path):
    db = tmp_path / "e2e.duckdb"
    _ingest(inputs, db)
    with Store(db, read_only=True) as st:
        first = st.counts()
    res = _ingest(inputs, db)
    assert res.exit_code == 3
    with Store(db, read_only=True) as st:
        assert st.counts() == first

    res = runner.invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "events" in res.stdout

    res = runner.invoke(app, ["show", "menlu_tajikistan", "--db", str(db), "--plain"])
    assert res.exit_code == 0
    assert "[removed: " in res.stdout and "|IDN" in res.stdout

    res = runner.invoke(app, ["export", "--db", str(db)])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines and all(tuple(r) == EVENT_KEYS for r in lines)
    assert len({r["event_id"] for r in lines}) == len(lines)

    res = runner.invoke(app, ["rejections", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "rusak.txt" in res.stdout


def test_nothing_stored_exits_1(tmp_path):
    folder = tmp_path / "buruk"
    folder.mkdir()
    (folder / "kosong.txt").write_text("   \n", encoding="utf-8")
    res = _ingest(folder, tmp_path / "x.duckdb")
    assert res.exit_code == 1
    assert "jalin: error: nothing could be stored" in res.stderr


def test_all_good_exits_0(tmp_path):
    folder = tmp_path / "baik"
    folder.mkdir()
    (folder / "satu.txt").write_text(ARTICLE_2, encoding="utf-8")
    res = _ingest(folder, tmp_path / "x.duckdb")
    assert res.exit_code == 0, res.output
