"""WARC input: HTML responses become articles; other records are skipped and
counted; broken records are rejected without losing the rest of the file."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from news_pages import STORY, TITLE, news_page
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from jalin.cli import app
from jalin.ingest import read_inputs
from jalin.ingest.warc import WarcCounts, is_warc, read_warc, uri_doc_id
from jalin.models import Article, PartialDate, Rejection
from jalin.store import Store

CRAWL_DAY = "2023-06-02T04:30:00Z"
URI_1 = "https://wartanusantara.example/internasional/uzbekistan-kazakhstan-kereta"
URI_2 = "https://kabarasia.example/berita/tajikistan-kirgizstan-perbatasan"
URI_CUT = "https://kabarasia.example/berita/terpotong"

BORDER_STORY = (
    ("DUSHANBE, Kabar Asia \u2013 Pemerintah Tajikistan dan Kirgizstan sepakat membuka kembali "
    "pos lintas batas di Provinsi Sughd setelah perundingan dua hari."),
    ("Delegasi kedua negara juga membahas pembagian air Sungai Isfara yang kerap memicu "
    "bentrokan antarwarga di wilayah perbatasan."),
    "Perundingan berikutnya dijadwalkan berlangsung di Bishkek bulan depan.",
)


def _record(gz: bool, uri: str, ctype: str, body: bytes, *, status: str = "200 OK",
            rec_type: str = "response") -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = None
    if rec_type in ("response", "request"):
        line = "GET / HTTP/1.1" if rec_type == "request" else status
        http = StatusAndHeaders(line, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                protocol="" if rec_type == "request" else "HTTP/1.1",
                                is_http_request=rec_type == "request")
    record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": CRAWL_DAY})
    writer.write_record(record)
    return buf.getvalue()


def _cut(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def _crawl(gz: bool, cut_at: int) -> list[bytes]:
    """2 HTML responses, 1 image, 1 request and 1 truncated HTML response at ``cut_at``."""
    records = [
        _record(gz, URI_1, "text/html; charset=utf-8", news_page().encode()),
        _record(gz, URI_1, "", b"", rec_type="request"),
        _record(gz, "https://wartanusantara.example/logo.png", "image/png",
                b"\x89PNG\r\n\x1a\n" + bytes(300)),
        _record(gz, URI_2, "text/html",
                news_page(title="Tajikistan dan Kirgizstan Buka Lagi Pos Perbatasan",
                          paragraphs=BORDER_STORY, head_extra="", canonical=None).encode()),
    ]
    cut = _cut(_record(gz, URI_CUT, "text/html", news_page().encode()))
    records.insert(cut_at, cut)
    return records


def _write(path: Path, records: list[bytes]) -> Path:
    path.write_bytes(b"".join(records))
    return path


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("cut_at", [0, 2, 4])  # first, middle, last
def test_two_articles_image_skipped_truncated_rejected(tmp_path: Path, gz: bool, cut_at: int):
    path = _write(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), _crawl(gz, cut_at))
    counts = WarcCounts()
    items = list(read_warc(path, counts))
    articles = [i for i in items if isinstance(i, Article)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [a.url for a in articles] == [URI_1, URI_2]
    assert [r.reason for r in rejections] == ["broken_record"]
    assert rejections[0].origin.startswith(f"{path}@")
    assert counts.articles == 2 and counts.rejected == 1
    assert counts.skipped["type:image/png"] == 1
    assert counts.skipped["record:request"] == 1


def test_article_fields(tmp_path: Path):
    path = _write(tmp_path / "crawl.warc.gz", _crawl(True, 4))
    first, second = [i for i in read_warc(path) if isinstance(i, Article)]
    assert first.doc_id == uri_doc_id(URI_1) and len(first.doc_id) == 16
    assert first.text.splitlines()[0] == TITLE and STORY[1] in first.text
    assert "Budi88" not in first.text and "Beranda" not in first.text
    assert (first.published, first.published_source) == (PartialDate(2023, 5, 17), "html_meta")
    assert first.language == "id"
    assert first.origin == f"{path}@0"
    # no date in the page, none in the text: the crawl day, marked as such
    assert (second.published, second.published_source) == (PartialDate(2023, 6, 2), "warc_date")


def test_dateline_in_text_beats_the_crawl_day(tmp_path: Path):
    story = (("JAKARTA, Senin (14/3/2022) \u2013 Menteri Luar Negeri Retno Marsudi menerima "
             "kunjungan Menteri Luar Negeri Tajikistan di Gedung Pancasila."),) + BORDER_STORY[1:]
    page = news_page(paragraphs=story, head_extra="", canonical=None).encode()
    path = _write(tmp_path / "c.warc", [_record(False, URI_2, "text/html", page)])
    [a] = list(read_warc(path))
    assert (a.published, a.published_source) == (PartialDate(2022, 3, 14), "dateline")


@pytest.mark.parametrize(
    "status, ctype, body, skipped",
    [
        ("404 Not Found", "text/html", news_page().encode(), "status:404"),
        ("301 Moved Permanently", "text/html", b"<html><body>pindah</body></html>", "status:301"),
        ("200 OK", "application/javascript", b"var a = 1;", "type:application/javascript"),
        ("200 OK", "text/css", b"body { margin: 0 }", "type:text/css"),
        ("200 OK", "", b"\x00\x01binary", "type:unknown"),
    ],
)
def test_non_articles_are_skipped_and_counted(tmp_path: Path, status, ctype, body, skipped):
    path = _write(tmp_path / "c.warc", [_record(False, URI_1, ctype, body, status=status)])
    counts = WarcCounts()
    assert list(read_warc(path, counts)) == []
    assert counts.skipped == {skipped: 1}
    assert skipped in counts.summary()


def test_http_charset_and_gzip_content_encoding(tmp_path: Path):
    page = news_page().replace('<meta charset="utf-8">', "")
    page = page.replace("Kassym-Jomart Tokayev.", "Kassym-Jomart Tokayev dari Türkiye.")
    body = gzip.compress(page.encode("cp1252"))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252"),
                                       ("Content-Encoding", "gzip"),
                                       ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(URI_1, "response", payload=io.BytesIO(body),
                                                  http_headers=http))
    path = _write(tmp_path / "c.warc.gz", [buf.getvalue()])
    [a] = list(read_warc(path))
    assert isinstance(a, Article)
    assert "Tokayev dari Türkiye." in a.text


def test_html_without_content_type_is_sniffed(tmp_path: Path):
    path = _write(tmp_path / "c.warc", [_record(False, URI_1, "", news_page().encode())])
    [a] = list(read_warc(path))
    assert isinstance(a, Article) and a.url == URI_1


def test_html_response_without_story_is_rejected(tmp_path: Path):
    body = b"<html><body><nav><a href='/'>Beranda</a></nav></body></html>"
    path = _write(tmp_path / "c.warc", [_record(False, URI_1, "text/html", body)])
    [r] = list(read_warc(path))
    assert isinstance(r, Rejection) and r.reason == "no_article_text"
    assert r.doc_id == uri_doc_id(URI_1)


def test_whole_file_gzip_is_read_as_one_stream(tmp_path: Path):
    records = _crawl(False, 4)[:-1]  # without the truncated one
    path = tmp_path / "c.warc.gz"
    path.write_bytes(gzip.compress(b"".join(records)))
    counts = WarcCounts()
    items = list(read_warc(path, counts))
    assert [i.url for i in items if isinstance(i, Article)] == [URI_1, URI_2]
    assert counts.rejected == 0 and counts.skipped["type:image/png"] == 1


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"ini bukan arsip WARC, hanya teks biasa\n" * 10, "broken_record"),
        (b"\x1f\x8b\x08\x00garbage", "broken_record"),
    ],
)
def test_not_a_warc_is_one_rejection(tmp_path: Path, data: bytes, reason: str):
    path = tmp_path / "rusak.warc.gz"
    path.write_bytes(data)
    [r] = list(read_warc(path))
    assert isinstance(r, Rejection) and r.reason == reason


@pytest.mark.parametrize("name, expected", [("a.warc", True), ("A.WARC.GZ", True),
                                            ("a.warc.txt", False), ("a.gz", False)])
def test_is_warc(name, expected):
    assert is_warc(Path(name)) is expected


def test_read_inputs_walks_folders_into_warcs_and_rejects_repeated_urls(tmp_path: Path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    _write(folder / "a.warc.gz", _crawl(True, 4))
    _write(folder / "b.warc", [_record(False, URI_1, "text/html", news_page().encode())])
    items = list(read_inputs([folder]))
    assert [i.doc_id for i in items if isinstance(i, Article)] == [uri_doc_id(URI_1),
                                                                   uri_doc_id(URI_2)]
    assert sorted(i.reason for i in items if isinstance(i, Rejection)) == ["broken_record",
                                                                          "duplicate_id"]


def test_cli_ingest_warc(tmp_path: Path):
    path = _write(tmp_path / "crawl.warc.gz", _crawl(True, 2))
    db = tmp_path / "warc.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    assert res.exit_code == 3, res.output  # stored, with one rejected record
    assert "broken_record" in res.stdout
    with Store(db, read_only=True) as st:
        events = st.events(doc_id=uri_doc_id(URI_1))
        art = st.article(uri_doc_id(URI_1))
    assert art is not None and art["url"] == URI_1
    assert any(e["cameo"].startswith("04") for e in events)
