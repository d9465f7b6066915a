"""Readers under hostile input (issue 12): every bad input is one Rejection with
a reason, the inputs after it are still read, and nothing takes long."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from test_warc import BORDER_STORY, URI_1, URI_2, _record
from news_pages import news_page

from jalin.ingest import read_inputs
from jalin.ingest.html import extract_page
from jalin.ingest.limits import MAX_JSON_DEPTH, date_problem, json_depth
from jalin.ingest.warc import read_warc
from jalin.models import Article, PartialDate, Rejection
from jalin.resolve.dates import find_dateline

TEXT = ("JAKARTA -- Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Kazakhstan di "
        "Jakarta pada Senin (11/3/2024).\n")


def _items(*paths: Path, manifest: Path | None = None, **kw) -> list[Article | Rejection]:
    return list(read_inputs(list(paths), manifest, **kw))


def _kinds(items) -> list[str]:
    return [i.reason if isinstance(i, Rejection) else f"article:{i.doc_id}" for i in items]


# ---- 1: nesting and huge numbers never abort the run ------------------------------

@pytest.mark.parametrize("bad", [
    "[" * 1000 + "]" * 1000,
    "[" * 100_000,
    '{"id": "x", "text": "t", "n": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"id": "x", "text": "t", "n": ' + "9" * 5000 + "}",
    '{"id": ' + "1" * 4301 + ', "text": "t"}',
])
def test_deep_or_huge_json_line_is_one_rejection_and_the_next_lines_are_read(tmp_path, bad):
    path = tmp_path / "a.jsonl"
    good = json.dumps({"id": "sesudah", "text": TEXT, "published": "2024-03-12"})
    path.write_text(json.dumps({"id": "sebelum", "text": TEXT}) + "\n" + bad + "\n" + good + "\n")
    items = _items(path)
    assert _kinds(items) == ["article:sebelum", "bad_json", "article:sesudah"]
    assert re.search("nested deeper|number too large", items[1].detail)


def test_deep_json_in_a_manifest_and_in_a_page_is_harmless(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    manifest = tmp_path / "m.manifest.jsonl"
    manifest.write_text("[" * 50_000 + "\n" + json.dumps({"doc_id": "m1", "path": "a.txt"}) + "\n")
    assert _kinds(_items(manifest=manifest)) == ["bad_json", "article:m1"]
    page = news_page().replace("</head>", '<script type="application/ld+json">'
                               + "[" * 100_000 + "</script></head>")
    assert extract_page(page) is not None


def test_json_depth_counts_outside_strings_only():
    assert json_depth(b'{"a": "[[[[[[", "b": [[1]]}') == 3
    assert json_depth(b"[" * (MAX_JSON_DEPTH + 10)) > MAX_JSON_DEPTH


# ---- 2: lone surrogates and undecodable file names ---------------------------------

def test_lone_surrogates_in_ids_and_text_are_made_storable(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x\\udfff", "title": "j\\ud800", "text": "teks \\udfff dua"}\n')
    [a] = _items(path)
    assert (a.doc_id, a.title, a.text) == ("x\\udfff", "j\\ud800", "teks \ufffd dua")
    (a.text + a.doc_id + a.title).encode("utf-8")  # storable


def test_a_file_name_that_is_not_utf8_gives_an_escaped_id_and_origin(tmp_path):
    raw = os.fsencode(tmp_path) + b"/berita-\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(TEXT.encode())
    [a] = _items(tmp_path)
    assert a.doc_id == "berita-\\xe9" and a.origin.endswith("berita-\\xe9.txt")


# ---- 4: slow inputs are bounded -----------------------------------------------------

def test_dateline_search_does_not_scan_whole_lines():
    t0 = time.perf_counter()
    assert find_dateline("Selasa, 14 Mei 2024 | 16:40 WIB " + "kata " * 1_000_000) == \
        PartialDate(2024, 5, 14)
    assert find_dateline(("kata " * 200_000 + "\n") * 20) is None
    assert time.perf_counter() - t0 < 5  # was minutes: every line was searched whole


def test_a_device_behind_an_article_name_is_rejected_not_read(tmp_path):
    for name in ("nol.jsonl", "nol.txt", "nol.html"):
        os.symlink("/dev/zero", tmp_path / name)
    os.mkfifo(tmp_path / "pipa.jsonl")
    os.mkfifo(tmp_path / "pipa.warc.gz")
    items = _items(tmp_path) + _items(tmp_path / "nol.jsonl") + _items(tmp_path / "pipa.warc.gz")
    assert _kinds(items) == ["unreadable"] * 7
    assert all("not a regular file" in i.detail for i in items)


def test_a_page_with_100000_attributes_is_read_quickly():
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(100_000))
    t0 = time.perf_counter()
    page = extract_page(news_page().replace("<article", f"<article {attrs}", 1))
    assert page is not None and "Mirziyoyev" in page.text
    assert time.perf_counter() - t0 < 20  # was 91 s and more


def test_a_text_over_the_limit_is_too_large(tmp_path):
    (tmp_path / "besar.txt").write_text("kata " * 220_000)
    [r] = _items(tmp_path / "besar.txt")
    assert r.reason == "too_large" and "1000000" in r.detail


def test_a_slow_page_is_a_timeout_and_the_next_input_is_read(tmp_path, monkeypatch):
    import jalin.ingest.html as html

    def slow(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(html, "extract_page", slow)  # stands in for any runaway parser code
    (tmp_path / "a.html").write_text(news_page())
    (tmp_path / "b.txt").write_text(TEXT)
    items = _items(tmp_path, timeout=0.3)
    assert _kinds(items) == ["timeout", "article:b"]


# ---- 5: WARC records after a broken one; a record without a target URI ------------

_GOOD_2 = dict(title="Tajikistan dan Kirgizstan Buka Lagi Pos Perbatasan", paragraphs=BORDER_STORY,
               head_extra="", canonical=None)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("brk", [
    lambda r: r.replace(b"WARC-Type: response", b"WARC-Type response \x00", 1),
    lambda r: r.replace(b"Content-Length: ", b"Content-Length: abc", 1),
    lambda r: re.sub(rb"Content-Length: [^\r]*\r\n", b"", r, count=1),
    lambda r: re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", r, count=1),
    lambda r: r.replace(b"WARC/1.", b"WARX/9.", 1),
], ids=["header", "length-not-a-number", "no-length", "no-target-uri", "version"])
def test_records_after_a_broken_one_are_read(tmp_path, gz, brk):
    import gzip

    first = _record(gz, URI_1, "text/html; charset=utf-8", news_page().encode())
    last = _record(gz, URI_2, "text/html", news_page(**_GOOD_2).encode())
    broken = brk(_record(False, "https://x.example/rusak", "text/html", news_page().encode()))
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    path.write_bytes(first + (gzip.compress(broken) if gz else broken) + last)
    t0 = time.perf_counter()
    items = list(read_warc(path))
    assert time.perf_counter() - t0 < 30  # a bad Content-Length in a .warc.gz looped forever
    assert [getattr(i, "url", None) or i.reason for i in items] == [URI_1, "broken_record", URI_2]


# ---- 7: impossible dates are rejected at ingest --------------------------------------

@pytest.mark.parametrize("when", ["0001-01-01", "0001-01", "1799-12-31", "9999-12", "9999-12-31",
                                  "2999-06", 9999])
def test_impossible_publication_dates_are_rejected(tmp_path, when):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": TEXT, "published": when}))
    (tmp_path / "b.txt").write_text(TEXT)
    manifest = tmp_path / "m.manifest"
    manifest.write_text(json.dumps({"doc_id": "m", "path": "b.txt", "published": when}))
    page = news_page().replace("2023-05-17T09:15:00+07:00", f"{str(when)[:4]}-12-31T00:00:00")
    (tmp_path / "c.html").write_text(page)
    items = _items(tmp_path / "a.jsonl", tmp_path / "c.html", manifest=manifest)
    assert _kinds(items) == ["bad_date"] * 3
    assert all(re.search("before 1800|more than a year after today", i.detail) for i in items)


def test_a_dateline_far_in_the_future_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_text("Selasa, 14 Mei 2099 | 10:00 WIB\n" + TEXT)
    [r] = _items(tmp_path / "a.txt")
    assert r.reason == "bad_date" and "(dateline)" in r.detail


def test_date_range_edges():
    today = date(2026, 1, 1)
    assert date_problem(PartialDate(1800, 1, 1), today) is None
    assert date_problem(PartialDate(2026, 12, 31), today) is None
    assert date_problem(PartialDate(1799), today) == "1799 is before 1800"
    assert "after today" in date_problem(PartialDate(2027, 2), today)


# ---- 11: manifests stay in their folder; unlistable folders are reported ------------

def test_manifest_paths_outside_its_folder_are_rejected_unless_allowed(tmp_path):
    inner = tmp_path / "dalam"
    inner.mkdir()
    (tmp_path / "luar.txt").write_text(TEXT)
    (inner / "baik.txt").write_text(TEXT)
    os.symlink(tmp_path / "luar.txt", inner / "tautan.txt")
    manifest = inner / "m.manifest"
    manifest.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "path": p}) for i, p in enumerate(
        ["../luar.txt", "/etc/passwd", "../../../../../../../etc/hostname", "tautan.txt",
         "baik.txt"])) + "\n")
    items = _items(manifest=manifest)
    assert _kinds(items) == ["outside"] * 4 + ["article:d4"]
    assert "--allow-outside" in items[0].detail
    allowed = _items(manifest=manifest, allow_outside=True)
    assert _kinds(allowed)[0] == "article:d0" and _kinds(allowed)[3] == "article:d3"


def _drop_dac_override() -> None:
    """In the child: lose CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (what lets root
    list any folder) from the bounding set, so the exec'd program runs without them."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_a_folder_that_cannot_be_listed_is_a_rejection(tmp_path):
    """As root, permissions do not stop a listing: then the walk runs without the
    capabilities that override them (dropped from the bounding set before exec)."""
    base = Path(tempfile.mkdtemp(prefix="jalin-perm-"))
    try:
        os.chmod(base, 0o755)
        (base / "ok").mkdir()
        (base / "ok" / "a.txt").write_text(TEXT)
        (base / "tertutup").mkdir()
        (base / "tertutup" / "b.txt").write_text(TEXT)
        for p in (base / "ok", base / "ok" / "a.txt"):
            os.chmod(p, 0o755)
        os.chmod(base / "tertutup", 0o000)
        code = ("import sys; from pathlib import Path; from jalin.ingest import read_inputs\n"
                "for i in read_inputs([Path(sys.argv[1])]):\n"
                "    print(getattr(i, 'reason', 'article'), getattr(i, 'detail', i.doc_id))\n")
        r = subprocess.run([sys.executable, "-c", code, str(base)], capture_output=True,
                           text=True, timeout=120, preexec_fn=_drop_dac_override)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert "unreadable cannot list folder: Permission denied" in lines
        assert "article a" in lines
    finally:
        os.chmod(base / "tertutup", 0o755)
        import shutil

        shutil.rmtree(base)
