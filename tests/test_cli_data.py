"""The CLI's data outputs: `jalin events --format`, its default limit, export
filters and formats, ingest progress and the html extra (team-written text)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jalin import progress as progress_mod
from jalin.cli import EVENTS_LIMIT, app
from jalin.export import EVENT_KEYS, flat_event_columns
from jalin.export.gdelt import GDELT_COLUMNS
from jalin.models import PartialDate
from jalin.store import Store

sys.path.insert(0, str(Path(__file__).parent / "store"))
from store_builders import build_result  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as st:
        for i in range(30):  # 60 events: more than the table shows by default
            st.write_result(build_result(f"doc-{i:02d}", event_date=PartialDate(2020 + i % 5)))
    return path


def invoke(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env or {"COLUMNS": "100"})


def test_events_table_default_limit_and_more(db):
    res = invoke("events", "--db", db)
    assert res.exit_code == 0, res.output
    assert f"{EVENTS_LIMIT} of 60 events" in res.stdout
    assert f"... {60 - EVENTS_LIMIT} more" in res.stdout
    res = invoke("events", "--db", db, "--limit", "0")
    assert "60 events" in res.stdout and "more" not in res.stdout


def test_events_table_wraps_to_the_width(db):
    res = invoke("events", "--db", db, "--limit", "1", env={"COLUMNS": "70"})
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= 70
    # the whole evidence sentence is there, folded over lines, not cut
    joined = " ".join(line.strip("│ ") for line in lines)
    for word in ("Presiden", "Kazakhstan", "Astana", "Senin."):
        assert word in joined


def test_events_jsonl_and_csv_are_the_export(db):
    res = invoke("events", "--db", db, "--format", "jsonl", "--root", "05")
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(recs) == 30 and all(tuple(r) == EVENT_KEYS for r in recs)  # no default limit
    res = invoke("events", "--db", db, "-f", "csv", "--limit", "3")
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == flat_event_columns() and len(rows) == 4


def test_events_bad_format(db):
    res = invoke("events", "--db", db, "--format", "xml")
    assert res.exit_code == 2 and res.stderr.startswith("jalin: error: --format")


@pytest.mark.parametrize("args,n", [
    ([], 60), (["--since", "2024"], 12), (["--root", "04", "--until", "2020"], 6),
    (["--quad", "4"], 0), (["--actor", "UZB", "--doc", "doc-01"], 2),
])
def test_export_filters(db, args, n):
    res = invoke("export", "--db", db, *args)
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == n


def test_export_gdelt_and_plover_to_files(db, tmp_path):
    out = tmp_path / "events.tsv"
    res = invoke("export", "--db", db, "--format", "gdelt", "-o", out, "--since", "2024")
    # one row per story: the six articles of 2024 report one meeting and one signing
    assert res.exit_code == 0 and "wrote 2 stories" in res.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 3
    assert {row.split("\t")[GDELT_COLUMNS.index("NumArticles")] for row in lines[1:]} == {"6"}
    res = invoke("export", "--db", db, "--format", "plover", "--root", "05")
    types = {json.loads(x)["event_type"] for x in res.stdout.splitlines()}
    assert types == {"SUPPORT"}
    res = invoke("export", "--db", db, "--format", "plover", "--table", "mentions")
    assert res.exit_code == 2 and "events only" in res.stderr


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    lines = [json.dumps({"id": f"n{i}", "language": "id", "published": "2024-05-15",
                         "text": "Presiden Kazakhstan bertemu Presiden Uzbekistan di Astana."})
             for i in range(n)]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (folder / "satu.txt").write_text("Menteri Luar Negeri Rusia mengunjungi Bishkek pada Senin.",
                                     encoding="utf-8")
    return folder


def test_scan_counts_inputs(tmp_path):
    folder = _articles(tmp_path / "in", 4)
    scan = progress_mod.scan_inputs([folder])
    assert scan.total == 5 and scan.html is None and scan.warc is None
    (folder / "arsip.warc").write_bytes(b"")
    assert progress_mod.scan_inputs([folder]).total is None  # a WARC's size is unknown


def test_ingest_plain_progress_lines(tmp_path):
    folder = _articles(tmp_path / "in", 3)
    res = invoke("ingest", folder, "--db", tmp_path / "p.duckdb")
    assert res.exit_code == 0, res.output
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("ingest: 4/4 inputs (100%)") and "elapsed" in last


def test_progress_line_has_eta():
    import rich.console

    p = progress_mod.IngestProgress(rich.console.Console(file=io.StringIO()), total=10,
                                    stream=io.StringIO())
    with p:
        for _ in range(4):
            p.tick(None, progress_mod.Rejection("x", "empty", "no text"))
        assert "4/10 inputs (40%)" in p.line() and "left" in p.line()
        assert "4 rejected" in p.line()


def test_html_without_the_extra_is_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "berita.html").write_text("<html><body><p>Halo</p></body></html>", encoding="utf-8")
    monkeypatch.setattr(progress_mod, "missing_modules", lambda mods: ["trafilatura"])
    res = invoke("ingest", folder, "--db", tmp_path / "h.duckdb")
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert "pip install 'jalin[html]'" in res.stderr and "trafilatura" in res.stderr
    assert not (tmp_path / "h.duckdb").exists()
