"""read_inputs: text files, folders, JSONL, manifests and every bad-input case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jalin.errors import ManifestError
from jalin.ingest import guess_title, parse_published, read_inputs
from jalin.ingest.decode import decode_bytes, repair_mojibake
from jalin.models import Article, PartialDate, Rejection

NEWS = (
    "Menlu Retno Bertemu Mitranya dari Uzbekistan di Tashkent\n"
    "\n"
    "JAKARTA, KOMPAS.com -- Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri "
    "Uzbekistan di Tashkent pada Senin (14/3/2022). Keduanya membahas kerja sama perdagangan.\n"
    "\n"
    "\u201cKami sepakat memperluas kerja sama energi,\u201d kata Retno.\n"
)


def _read(paths, manifest=None) -> list[Article | Rejection]:
    return list(read_inputs([Path(p) for p in paths], manifest))


def _jsonl(path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- text files

def test_text_file_title_id_and_text_kept_verbatim(tmp_path: Path):
    f = tmp_path / "kompas-001.txt"
    f.write_text(NEWS, encoding="utf-8")
    [a] = _read([f])
    assert isinstance(a, Article)
    assert a.doc_id == "kompas-001"
    assert a.title == "Menlu Retno Bertemu Mitranya dari Uzbekistan di Tashkent"
    assert a.text == NEWS
    assert a.origin == str(f)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Rusia Kirim Pasukan ke Almaty\nMoskow mengirim pasukan.", "Rusia Kirim Pasukan ke Almaty"),
        ("Apakah Asia Tengah Menjauh dari Moskow?\nIsi berita.", "Apakah Asia Tengah Menjauh dari Moskow?"),
        ("Kazakhstan menutup perbatasannya.\nIsi berita.", None),  # ends with a period
        ("Judul tanpa isi", None),  # nothing follows
        ("x" * 130 + "\nIsi berita.", None),  # too long for a headline
        ("\nRusia Kirim Pasukan\n\nIsi.", "Rusia Kirim Pasukan"),
        ("Sabtu, 08 Januari 2022 | 09:20 WIB\nIsi berita.", None),  # dateline line
        ("Laporan: Dewi Lestari\nIsi berita.", None),  # byline
        ("2022-01-08 09:20\nIsi berita.", None),
    ],
)
def test_guess_title(text, title):
    assert guess_title(text) == title


def test_crlf_and_bom_normalised(tmp_path: Path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"\xef\xbb\xbfJudul Berita\r\nIsi berita pertama.\r\n")
    [a] = _read([f])
    assert a.text == "Judul Berita\nIsi berita pertama.\n"
    assert a.title == "Judul Berita"


def test_folder_is_recursive_and_sorted(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Isi z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Isi a.", encoding="utf-8")
    _jsonl(tmp_path / "b" / "c.jsonl", [{"id": "c1", "text": "Isi c1."}])
    (tmp_path / "ignored.csv").write_text("x,y\n", encoding="utf-8")
    ids = [r.doc_id for r in _read([tmp_path])]
    assert ids == ["a", "c1", "z"]


# ---------------------------------------------------------------- JSONL

def test_jsonl_fields_and_origin(tmp_path: Path):
    f = _jsonl(tmp_path / "feed.jsonl", [
        {"id": "n1", "text": "Presiden Tokayev menerima Presiden Erdogan di Astana.",
         "title": "Tokayev Terima Erdogan", "published": "2022-10-12",
         "url": "https://contoh.id/n1", "language": "ID"},
        {"text": "Isi tanpa id.", "published": "2021-05"},
    ])
    first, second = _read([f])
    assert first.doc_id == "n1" and first.title == "Tokayev Terima Erdogan"
    assert first.published == PartialDate(2022, 10, 12) and first.published_source == "given"
    assert first.language == "id" and first.url == "https://contoh.id/n1"
    assert first.origin == f"{f}:1"
    assert second.doc_id == "feed-2" and second.published == PartialDate(2021, 5)


def test_malformed_jsonl_line_does_not_stop_the_rest(tmp_path: Path):
    f = _jsonl(tmp_path / "rusak.jsonl", [
        {"id": "ok1", "text": "Berita pertama."},
        '{"id": "broken", "text": "tanpa penutup',
        "[1, 2, 3]",
        {"id": "no-text", "title": "Judul saja"},
        {"id": "blank", "text": "   "},
        {"id": "ok2", "text": "Berita kedua."},
    ])
    out = _read([f])
    assert [(type(r).__name__, getattr(r, "reason", None)) for r in out] == [
        ("Article", None),
        ("Rejection", "bad_json"),
        ("Rejection", "bad_json"),
        ("Rejection", "missing_text"),
        ("Rejection", "empty"),
        ("Article", None),
    ]
    assert out[1].origin == f"{f}:2"
    assert "column" in out[1].detail  # the parser's message
    assert out[3].doc_id == "no-text"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-01-08", PartialDate(2022, 1, 8)),
        ("2022-01", PartialDate(2022, 1)),
        ("2022", PartialDate(2022)),
        (2022, PartialDate(2022)),
        ("2022-01-08T09:20:00+07:00", PartialDate(2022, 1, 8)),
        ("2022-13-01", None),
        ("2022-02-30", None),
        ("08/01/2022", None),
        ("kemarin", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_invalid_published_keeps_article(tmp_path: Path):
    f = _jsonl(tmp_path / "tgl.jsonl", [{"id": "t1", "text": "Isi berita tanpa tanggal.", "published": "2022-99-99"}])
    [a] = _read([f])
    assert isinstance(a, Article)
    assert a.published is None and a.published_source in ("none", "dateline")


def test_published_from_dateline_when_absent(tmp_path: Path):
    text = (
        "Turki Kirim Bantuan ke Almaty\n"
        "Sabtu, 08 Januari 2022 | 09:20 WIB\n"
        "Pemerintah Turki mengirim bantuan kemanusiaan ke Almaty.\n"
    )
    f = tmp_path / "bantuan.txt"
    f.write_text(text, encoding="utf-8")
    [a] = _read([f])
    from jalin.resolve.dates import find_dateline

    expected = find_dateline(text)
    assert a.published == expected
    assert a.published_source == ("dateline" if expected else "none")


def test_duplicate_ids_second_rejected(tmp_path: Path):
    f = _jsonl(tmp_path / "dup.jsonl", [{"id": "x", "text": "Satu."}, {"id": "x", "text": "Dua."}])
    first, second = _read([f])
    assert isinstance(first, Article) and first.text == "Satu."
    assert isinstance(second, Rejection) and second.reason == "duplicate_id" and second.doc_id == "x"


# ---------------------------------------------------------------- bad files

def test_empty_and_whitespace_files(tmp_path: Path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    out = _read([tmp_path])
    assert [r.reason for r in out] == ["empty", "empty"]


def test_binary_file_rejected(tmp_path: Path):
    f = tmp_path / "foto.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    [r] = _read([f])
    assert isinstance(r, Rejection) and r.reason == "binary"


def test_cp1252_text_is_repaired(tmp_path: Path):
    f = tmp_path / "turki.txt"
    f.write_bytes("Presiden T\u00fcrkiye menyambut \u201cperdamaian\u201d \u2013 kata pejabat.".encode("cp1252"))
    [a] = _read([f])
    assert isinstance(a, Article)
    assert a.text == "Presiden T\u00fcrkiye menyambut \u201cperdamaian\u201d \u2013 kata pejabat."


def test_utf8_mojibake_is_repaired(tmp_path: Path):
    f = tmp_path / "mojibake.txt"
    raw = "Presiden T\u00fcrkiye berkata \u201cya\u201d.".encode("utf-8")
    # how Windows software reads UTF-8 as cp1252 (undefined bytes pass through)
    broken = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    assert "\u00c3\u00bc" in broken
    f.write_text(broken, encoding="utf-8")
    [a] = _read([f])
    assert a.text == "Presiden T\u00fcrkiye berkata \u201cya\u201d."


@pytest.mark.parametrize("text", ["Harga 5\u00a0\u20ac naik.", "Kota K\u00f6ln dan caf\u00e9 itu."])
def test_repair_mojibake_leaves_clean_text_alone(text):
    assert repair_mojibake(text) == text


def test_utf16_with_bom(tmp_path: Path):
    f = tmp_path / "utf16.txt"
    f.write_bytes("Judul\nIsi berita dalam UTF-16.".encode("utf-16"))
    [a] = _read([f])
    assert isinstance(a, Article) and a.text == "Judul\nIsi berita dalam UTF-16."


def test_undecodable_control_soup_is_rejected():
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + b"ab"
    decoded = decode_bytes(data)
    assert not decoded.ok and decoded.reason == "encoding"


def test_huge_file_rejected_without_reading(tmp_path: Path):
    f = tmp_path / "besar.txt"
    with f.open("wb") as fh:  # sparse: 50 MB of nothing on disk
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\n")
    [r] = _read([f])
    assert isinstance(r, Rejection) and r.reason == "too_large" and "bytes" in r.detail


def test_too_long_jsonl_text_rejected(tmp_path: Path, monkeypatch):
    import jalin.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 100)
    f = _jsonl(tmp_path / "panjang.jsonl", [{"id": "big", "text": "kata " * 50}, {"id": "small", "text": "Kecil."}])
    big, small = _read([f])
    assert isinstance(big, Rejection) and big.reason == "too_large" and big.doc_id == "big"
    assert isinstance(small, Article)


def test_over_long_jsonl_line_is_skipped(tmp_path: Path, monkeypatch):
    import jalin.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 200)
    f = _jsonl(tmp_path / "baris.jsonl", [{"id": "big", "text": "x" * 1000}, {"id": "next", "text": "Berikutnya."}])
    out = _read([f])
    assert [getattr(r, "reason", "ok") for r in out] == ["too_large", "ok"]
    assert out[1].doc_id == "next"


def test_missing_path_and_unsupported_extension(tmp_path: Path):
    (tmp_path / "laporan.pdf").write_bytes(b"%PDF-1.4")
    out = _read([tmp_path / "tidak-ada.txt", tmp_path / "laporan.pdf"])
    assert [r.reason for r in out] == ["not_found", "unsupported"]


# ---------------------------------------------------------------- manifest

def test_manifest_paths_relative_to_manifest(tmp_path: Path):
    docs = tmp_path / "korpus"
    (docs / "teks").mkdir(parents=True)
    (docs / "teks" / "satu.txt").write_text(NEWS, encoding="utf-8")
    manifest = _jsonl(docs / "manifest.jsonl", [
        {"doc_id": "m1", "path": "teks/satu.txt", "language": "id", "published": "2022-03-14"},
        {"doc_id": "m2", "path": "teks/hilang.txt"},
        "bukan json",
    ])
    out = _read([], manifest)
    assert isinstance(out[0], Article)
    assert out[0].doc_id == "m1" and out[0].language == "id"
    assert out[0].published == PartialDate(2022, 3, 14) and out[0].published_source == "given"
    assert out[0].title.startswith("Menlu Retno")
    assert (out[1].reason, out[1].doc_id) == ("not_found", "m2")
    assert out[2].reason == "bad_json"


def test_missing_manifest_raises(tmp_path: Path):
    with pytest.raises(ManifestError):
        _read([], tmp_path / "tidak-ada.jsonl")


def test_jsonl_with_bom_crlf_and_cp1252_line(tmp_path: Path):
    f = tmp_path / "campur.jsonl"
    good = json.dumps({"id": "a", "text": "Baris satu.\r\nBaris dua."}).encode("utf-8")
    latin = '{"id": "b", "text": "Presiden T\u00fcrkiye tiba di Astana."}'.encode("cp1252")
    f.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + latin + b"\r\n")
    a, b = _read([f])
    assert (a.doc_id, a.text) == ("a", "Baris satu.\nBaris dua.")
    assert (b.doc_id, b.text) == ("b", "Presiden T\u00fcrkiye tiba di Astana.")


def test_folder_named_like_a_text_file_is_unreadable_not_fatal(tmp_path: Path):
    odd = tmp_path / "aneh.txt"
    odd.mkdir()
    (odd / "isi.txt").write_text("Isi di dalam folder.", encoding="utf-8")
    out = _read([odd, tmp_path / "aneh.txt" / "isi.txt"])
    assert [type(r).__name__ for r in out] == ["Article", "Rejection"]
    assert out[1].reason == "duplicate_id"  # the same file read twice in one run
