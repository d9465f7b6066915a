"""The command line under faults (issue 12): a full disk, unwritable outputs, hostile
ids and titles, a foreign store file, a crash. One line each, a distinct exit
status, no traceback, nothing coded lost."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.errors import EXIT_CRASH, EXIT_ERROR, EXIT_PARTIAL, EXIT_WRITE
from jalin.store import Store

ROOT = Path(__file__).resolve().parents[1]
JALIN = str(Path(sys.executable).with_name("jalin"))
runner = CliRunner()

TEXT = ("JAKARTA -- Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Kazakhstan di "
        "Jakarta pada Senin (11/3/2024).\nKedua menteri membahas kerja sama pangan.\n")


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _samples(path: Path, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return _jsonl(path, [{"id": f"s{i:04d}", "text": texts[i % len(texts)], "language": "id",
                          "published": "2024-05-14"} for i in range(n)])


def _mount(target: Path, options: str) -> bool:
    """Mount a tmpfs (root only); False when this machine does not allow it."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                       capture_output=True)
    return r.returncode == 0


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


@contextmanager
def small_disk(tmp_path: Path):
    """A folder on a 1 MB file system (a tmpfs), or, where none can be mounted, a
    limit on file size for the child (RLIMIT_FSIZE: writes fail with EFBIG).
    Yields (folder, preexec for the child, a function that lifts the limit)."""
    folder = tmp_path / f"kecil-{uuid.uuid4().hex[:6]}"
    state = {"limited": True}
    if _mount(folder, "size=1m"):
        def lift() -> None:
            subprocess.run(["mount", "-o", "remount,size=64m", str(folder)], check=True)

        try:
            yield folder, None, lift
        finally:
            _umount(folder)
        return
    folder.mkdir()

    def preexec() -> None:
        if state["limited"]:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    yield folder, preexec, lambda: state.update(limited=False)


def _orphans(db: Path) -> int:
    with Store(db, read_only=True) as st:
        return sum(st.con.execute(
            f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
        ).fetchone()[0] for t in ("sentences", "mentions", "events", "removed_lines"))


# ---- 8: a full disk during ingest -------------------------------------------------

def test_disk_full_is_one_line_exit_4_and_the_next_run_converges(tmp_path):
    inputs = _samples(tmp_path / "berita.jsonl", 300)
    clean = tmp_path / "clean.duckdb"
    assert subprocess.run([JALIN, "ingest", str(inputs), "--db", str(clean)],
                          capture_output=True, timeout=600).returncode == 0
    with small_disk(tmp_path) as (folder, preexec, lift):
        db = folder / "penuh.duckdb"
        args = [JALIN, "ingest", str(inputs), "--db", str(db)]
        full = subprocess.run(args, capture_output=True, text=True, timeout=600, preexec_fn=preexec)
        assert full.returncode == EXIT_WRITE, full.stderr
        assert "Traceback" not in full.stderr
        # progress lines may come first (stderr is no terminal); the error is one line
        [line] = [x for x in full.stderr.splitlines() if x.startswith("jalin: error")]
        assert line.startswith(f"jalin: error: cannot write to store {db}")
        assert "rollback" not in line.lower()
        assert _orphans(db) == 0  # what was committed is whole
        lift()
        again = subprocess.run(args, capture_output=True, text=True, timeout=600,
                               preexec_fn=preexec)
        assert again.returncode == 0, again.stderr
        with Store(db, read_only=True) as st, Store(clean, read_only=True) as ref:
            assert st.counts() == ref.counts()
            assert st.rejections() == []
            assert ([e["event_id"] for e in st.iter_events()]
                    == [e["event_id"] for e in ref.iter_events()])


# ---- 8: outputs that cannot be written ---------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("keluaran")
    inputs = _jsonl(folder / "a.jsonl", [
        {"id": "biasa", "text": TEXT, "language": "id", "published": "2024-03-12"},
        {"id": "esc", "title": "\x1b[2J\x1b[31mMERAH\x07", "language": "id",
         "published": "2024-03-12",
         "text": "\x1b]0;judul\x07" + TEXT.replace("Kazakhstan di", "Kazakhstan \x1b[5mdi")},
        {"id": "garis\nbaru/ñ", "text": TEXT, "language": "id", "published": "2024-03-12"},
    ])
    db = folder / "s.duckdb"
    r = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture(scope="module")
def read_only_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ro") / "ro"
    if _mount(folder, "size=1m,ro"):
        yield folder
        _umount(folder)
    elif os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
    else:
        yield Path("/sys")  # even root cannot create files there


@pytest.mark.parametrize("command", [
    ["export"], ["export", "--format", "csv"], ["events"], ["show", "biasa"],
    ["show", "biasa", "--plain"], ["rejections"]])
def test_a_full_stdout_is_one_line_and_exit_4(store, command):
    with open("/dev/full", "w") as full:
        r = subprocess.run([JALIN, *command, "--db", str(store)], stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=120)
    assert r.returncode == EXIT_WRITE, r.stderr
    assert r.stderr.splitlines() == [
        "jalin: error: cannot write standard output: No space left on device"]


def test_export_to_a_folder_a_read_only_place_or_a_full_device_is_one_line(store, tmp_path,
                                                                           read_only_dir):
    for target, fmt in ((tmp_path, "jsonl"), (read_only_dir / "e.jsonl", "jsonl"),
                        (read_only_dir / "e.parquet", "parquet"), (Path("/dev/full"), "csv")):
        r = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", str(store)])
        assert r.exit_code == EXIT_WRITE, (target, r.output)
        assert r.stderr.startswith(f"jalin: error: cannot write {target}"), r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


# ---- 9: escape sequences in stored text never reach the terminal raw ----------------

@pytest.mark.parametrize("command", [["show", "esc", "--plain"], ["show", "esc"], ["events"],
                                     ["events", "--doc", "esc"]])
def test_escape_sequences_are_shown_escaped(store, command):
    r = runner.invoke(app, [*command, "--db", str(store)], env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    if command[0] == "show":
        assert "\\x1b[31mMERAH\\x07" in r.stdout and "\\x1b]0;judul\\x07" in r.stdout


def test_rejection_details_are_shown_escaped(tmp_path):
    db = tmp_path / "r.duckdb"
    with Store(db) as st:
        from jalin.models import Rejection

        st.write_rejection(Rejection("\x1b[31mjahat.txt", "binary", "NUL \x1b]0;x\x07 bytes", "j"))
    r = runner.invoke(app, ["rejections", "--db", str(db)], env={"COLUMNS": "300"})
    assert r.exit_code == 0 and "\x1b" not in r.stdout and "\\x1b[31mjahat.txt" in r.stdout


# ---- 2 and 6: one bad row never drops a batch; every counted rejection is stored ----

def test_odd_ids_and_duplicates_in_one_batch_are_all_stored(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    rows = [{"id": "a", "text": TEXT}, {"id": "a", "text": TEXT}, {"id": "x\udfff", "text": TEXT},
            {"id": "b", "text": TEXT}, {"id": "b", "text": TEXT}, {"id": "a", "text": TEXT},
            {"id": "c\ud800", "text": "\x00"}, {"id": "d", "text": TEXT}]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    with open(os.fsencode(folder) + b"/nama-\xff.txt", "wb") as fh:
        fh.write(TEXT.encode())
    with open(os.fsencode(folder) + b"/rusak-\xfe.txt", "wb") as fh:
        fh.write(b"\x00\x01 biner")
    db = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["ingest", str(folder), "--db", str(db)], env={"COLUMNS": "200"})
    assert r.exit_code == EXIT_PARTIAL, r.output
    assert "cannot write" not in r.output
    with Store(db, read_only=True) as st:
        assert set(st.doc_ids()) == {"a", "b", "d", "x\\udfff", "nama-\\xff"}
        rejected = sorted((x["doc_id"], x["reason"]) for x in st.rejections())
    assert rejected == [("a", "duplicate_id"), ("a", "duplicate_id"), ("b", "duplicate_id"),
                        ("c\\ud800", "language"), ("rusak-\\xfe", "binary")]
    counted = re.search(r"rejected inputs\s*│\s*(\d+)", r.stdout)
    assert counted and int(counted.group(1)) == len(rejected)  # all of them in the store


# ---- 11: a foreign store file, exit statuses --------------------------------------

def test_a_sqlite_file_as_the_store_is_one_line(tmp_path):
    import sqlite3

    db = tmp_path / "lain.db"
    sqlite3.connect(db).execute("CREATE TABLE t (a)").connection.commit()
    (tmp_path / "a.txt").write_text(TEXT)
    for command in (["ingest", str(tmp_path / "a.txt")], ["events"], ["export"]):
        r = runner.invoke(app, [*command, "--db", str(db)])
        assert r.exit_code == EXIT_ERROR, r.output
        assert r.stderr.strip() == f"jalin: error: {db} is a SQLite database, not a jalin store " \
                                   "(DuckDB file)"


def test_a_crash_has_its_own_exit_status_and_says_it_is_a_bug(tmp_path, monkeypatch):
    import jalin.store.event_rows as rows_module

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(rows_module, "iter_event_rows", broken)
    db = tmp_path / "s.duckdb"
    Store(db).close()
    r = runner.invoke(app, ["events", "--db", str(db)])
    assert r.exit_code == EXIT_CRASH != EXIT_ERROR
    assert "Traceback" in r.stderr  # a bug keeps its traceback
    assert r.stderr.strip().splitlines()[-1] == (
        "jalin: internal error (a bug in jalin, please report it): RuntimeError: simulated bug")


def test_ingest_help_lists_the_exit_statuses():
    r = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    text = " ".join(r.stdout.split())
    for part in ("0 every input stored", "3 some inputs rejected", "1 nothing could be stored",
                 "2 usage error", "4 the store cannot be written", "5 jalin crashed"):
        assert part in text


def test_a_store_on_a_read_only_file_system_is_exit_4(tmp_path, read_only_dir):
    (tmp_path / "a.txt").write_text(TEXT)
    db = read_only_dir / "s.duckdb"
    r = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert r.exit_code == EXIT_WRITE, r.output
    assert r.stderr.startswith(f"jalin: error: cannot write to store {db}")
    assert len(r.stderr.strip().splitlines()) == 1
