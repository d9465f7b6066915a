"""A hostile-input corpus: hundreds of nasty inputs mixed with good articles.

``make_corpus(root, full=False)`` writes

* ``root/input/``: the good articles (``a-good/``: .txt, a .jsonl, .html
  pages, clean WARC records) and the hostile inputs around them: malformed
  and hostile JSON lines, binary and oversized files, devices, FIFOs and
  dangling links under article names, impossible dates, hostile pages,
  broken WARC records, duplicate and strange ids;
* ``root/manifest/corpus.manifest``: a manifest with good entries and
  entries that point outside its folder, nowhere, or at folders;
* ``root/clean/``: the good articles alone, for the clean run to compare with.

and returns a :class:`Corpus` saying what must come out: ``good`` doc ids
(coded exactly as in the clean run), ``odd`` doc ids (strange but valid:
stored), ``bad`` origins with the reason each must be rejected for.

``full=True`` adds the expensive inputs (a 21 MB file, a 6 MB JSON line, a
page with 100,000 attributes, 120,000 characters of English on one line);
the test suite uses the small corpus, ``benchmarks/hostile.py`` the full one.
Used by ``tests/hostile/test_hostile_corpus.py``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from good_articles import ARTICLES, PAGE_IDS, page


@dataclass
class Corpus:
    root: Path
    inputs: Path
    manifest: Path
    clean: Path
    good: set[str] = field(default_factory=set)
    odd: set[str] = field(default_factory=set)
    # origin -> expected reason ("": any); an origin ending in "@" is a WARC file
    # whose broken record's offset is not fixed
    bad: dict[str, str] = field(default_factory=dict)

    def reject(self, origin: Path | str, reason: str) -> None:
        assert str(origin) not in self.bad, origin
        self.bad[str(origin)] = reason


class _Lines:
    """A JSONL file written line by line; each line's origin is ``path:lineno``."""

    def __init__(self, corpus: Corpus, path: Path):
        self.corpus, self.path, self.lines = corpus, path, []

    def add(self, raw: bytes | str, reason: str | None = None) -> None:
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
        assert b"\n" not in data
        self.lines.append(data)
        if reason is not None:
            self.corpus.reject(f"{self.path}:{len(self.lines)}", reason)

    def close(self) -> None:
        self.path.write_bytes(b"".join(line + b"\n" for line in self.lines))


def _text(i: int) -> str:
    return ARTICLES[i % len(ARTICLES)][4]


def _good_files(folder: Path, corpus: Corpus | None) -> None:
    """The good articles: text files, one JSONL, pages; ids recorded in ``corpus``."""
    good = folder / "a-good"
    good.mkdir(parents=True)
    with (good / "baik.jsonl").open("w", encoding="utf-8") as fh:
        for doc_id, lang, published, title, text in ARTICLES:
            (good / f"{doc_id}.txt").write_text(f"{title}\n{text}", encoding="utf-8")
            fh.write(json.dumps({"id": f"{doc_id}-j", "title": title, "text": text,
                                 "published": published, "language": lang}) + "\n")
            if doc_id in PAGE_IDS:
                (good / f"{doc_id}-halaman.html").write_text(page(title, text, published),
                                                             encoding="utf-8")
            if corpus is not None:
                corpus.good |= {doc_id, f"{doc_id}-j"}
                if doc_id in PAGE_IDS:
                    corpus.good.add(f"{doc_id}-halaman")


# ---------------------------------------------------------------- JSON lines

def _deep(depth: int, opener: str = "[") -> str:
    closer = "]" if opener == "[" else "}"
    inner = "1" if opener == "[" else '{"a": 1}'
    unit = "[" if opener == "[" else '{"a": '
    return unit * depth + inner + closer * depth


def _json_lines(corpus: Corpus, path: Path, full: bool) -> None:
    lines = _Lines(corpus, path)
    text = _text(0)
    ok = json.dumps({"id": "contoh", "text": text, "language": "id", "published": "2024-03-12"})
    # nesting, numbers
    for depth in (65, 100, 1000, 5000, 100_000) + ((1_000_000,) if full else ()):
        reason = "bad_json" if depth < 1_000_000 else ""  # 6 MB of '{"a": ' is too_large
        lines.add(_deep(depth), reason)
        lines.add(_deep(depth, "{"), reason)
        lines.add(f'{{"id": "dalam-{depth}", "text": "teks", "x": {_deep(depth)}}}', reason)
    for digits in (4301, 5000, 50_000, 200_000):
        big = "7" * digits
        lines.add(f'{{"id": "angka-{digits}", "text": "teks", "n": {big}}}', "bad_json")
        lines.add(f'{{"id": "terbit-{digits}", "text": "teks", "published": {big}}}', "bad_json")
        lines.add(f'{{"id": {big}, "text": "teks"}}', "bad_json")
    # malformed JSON: every 9th prefix of a good line, other broken forms
    for cut in range(5, len(ok) - 1, max(1, len(ok) // 80)):
        lines.add(ok[:cut], "bad_json")
    for broken in ("{", "}", '{"id": 1,}', "{'id': 'x', 'text': 'y'}", '{"id": "x" "text": "y"}',
                   '{"text": "a"} sisa', "NaN", "[]", "[1, 2]", "null", "true", "123", '"teks"',
                   '{"text": "\\ud800\\x"}', "\ufeff{", "{" + "," * 1000 + "}"):
        lines.add(broken, "bad_json")
    rnd = random.Random(12)
    for _ in range(20):  # raw bytes that are no JSON (no newlines, no NULs)
        lines.add(bytes(rnd.choice(range(1, 256)) for _ in range(200)).replace(b"\n", b" "),
                  None)
        corpus.reject(f"{path}:{len(lines.lines)}", "")  # any reason: bad_json or encoding
    # fields of the wrong kind
    for i, value in enumerate(("null", "12", "[1]", '{"a": "b"}', "true")):
        lines.add(f'{{"id": "bukan-teks-{i}", "text": {value}}}', "missing_text")
    lines.add('{"id": "tanpa-teks"}', "missing_text")
    for value in ('""', '"   "', '"\\n\\n"'):
        lines.add(f'{{"id": "kosong-{len(lines.lines)}", "text": {value}}}', "empty")
    for value in ("[1]", '{"a": 1}', "true", "1.5"):
        lines.add(f'{{"id": {value}, "text": "teks"}}', "bad_json")
    for n in (600, 100_000):
        lines.add(json.dumps({"id": "x" * n, "text": text}), "bad_id")
    # impossible publication dates (given, then from a dateline)
    for i, when in enumerate(("0001-01-01", "0001", "1799-12-31", "1066", "9999-12", "9999-12-31",
                              "2999-01-01", "5000", 9999, "0900-05-05", "1000-01")):
        lines.add(json.dumps({"id": f"tanggal-{i}", "text": _text(i), "published": when}),
                  "bad_date")
    for i, year in enumerate((2050, 2090, 2099)):
        dated = f"Selasa, 14 Mei {year} | 10:00 WIB\n{_text(i)}"
        lines.add(json.dumps({"id": f"dateline-{i}", "text": dated, "language": "id"}), "bad_date")
    # languages jalin does not code
    for i, (lang, body) in enumerate((
            ("xx", text), ("klingon", text), (None, "El presidente de Kazajistán visitó Madrid el "
             "lunes y firmó varios acuerdos comerciales con el gobierno español."),
            (None, "Der Präsident Kasachstans besuchte am Montag Berlin und unterzeichnete "
             "mehrere Handelsabkommen mit der Bundesregierung."))):
        obj = {"id": f"bahasa-{i}", "text": body}
        if lang:
            obj["language"] = lang
        lines.add(json.dumps(obj), "language")
    # pages inside JSON
    for i, html in enumerate(("", "<html><body><nav>Beranda</nav></body></html>",
                              "<p>pendek</p>", "<html>" + "<div>" * 5000 + "x")):
        lines.add(json.dumps({"id": f"html-{i}", "html": html}), "no_article_text")
    # duplicates of the good articles (those sort first and win)
    for doc_id, *_ in ARTICLES:
        lines.add(json.dumps({"id": doc_id, "text": text}), "duplicate_id")
    # too large
    lines.add(json.dumps({"id": "besar", "text": "kata " * 220_000}), "too_large")
    if full:
        lines.add(json.dumps({"id": "baris-raksasa", "text": "a" * 6_000_000}), "too_large")
    # strange but valid: stored, with their ids made safe
    for doc_id, stored in (("garis\nbaru", "garis\nbaru"), ("a/b/c", "a/b/c"),
                           ("surrogat-\udfff", "surrogat-\\udfff"), ("berita-ñ-日本", "berita-ñ-日本"),
                           ("  spasi  ", "spasi")):
        lines.add(json.dumps({"id": doc_id, "text": _text(1), "language": "id"}))
        corpus.odd.add(stored)
    lines.add(json.dumps({"id": "judul-esc", "title": "\x1b[2J\x1b[31mMERAH\x07",
                          "text": "\x1b]0;judul\x07" + _text(2), "language": "id"}))
    corpus.odd.add("judul-esc")
    lines.close()


# ---------------------------------------------------------------- files

def _files(corpus: Corpus, folder: Path, full: bool) -> None:
    rnd = random.Random(7)
    odd = folder / "berkas"
    odd.mkdir()
    for name, data, reason in (
            ("kosong.txt", b"", "empty"), ("spasi.txt", b"   \n\t\n", "empty"),
            ("nul.txt", b"\x00" * 100, "binary"), ("kontrol.txt", bytes(range(1, 32)) * 40, "binary"),
            ("utf16.txt", "teks berita".encode("utf-16-le") * 50, "binary"),
            ("besar.txt", ("kata " * 220_000).encode(), "too_large")):
        (odd / name).write_bytes(data)
        corpus.reject(odd / name, reason)
    for i in range(45):
        path = odd / f"acak-{i}.txt"
        path.write_bytes(b"\x00" + bytes(rnd.randrange(256) for _ in range(2000)))
        corpus.reject(path, "binary")
    if full:
        path = odd / "raksasa.txt"
        path.write_bytes(b"kata " * (21 * 1024 * 1024 // 5))
        corpus.reject(path, "too_large")
        path = odd / "english-satu-baris.txt"
        path.write_text("The president of Kazakhstan met the president of Uzbekistan in Astana "
                        "and they signed an agreement " * 1200, encoding="utf-8")
        corpus.reject(path, "timeout")
    path = odd / "satu-baris.txt"  # ~900,000 characters on one line: the watchdog's
    path.write_text("Presiden Indonesia bertemu Presiden Kazakhstan di Jakarta " * 15_000,
                    encoding="utf-8")
    corpus.reject(path, "timeout")
    # names of articles that are no regular files
    for name, target in (("nol.jsonl", "/dev/zero"), ("acak.txt", "/dev/urandom"),
                         ("nol.txt", "/dev/zero"), ("halaman-nol.html", "/dev/zero")):
        os.symlink(target, odd / name)
        corpus.reject(odd / name, "unreadable")
    for name in ("pipa.txt", "pipa.jsonl"):
        os.mkfifo(odd / name)
        corpus.reject(odd / name, "unreadable")
    os.symlink(odd / "tidak-ada", odd / "putus.txt")
    corpus.reject(odd / "putus.txt", "not_found")
    os.symlink(odd / "lingkar.txt", odd / "lingkar.txt")
    corpus.reject(odd / "lingkar.txt", "not_found")
    # strange names of good texts: stored under a safe id
    raw = os.fsencode(odd) + b"/berita-\xe9\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(_text(3).encode())
    corpus.odd.add("berita-\\xe9\\xff")
    (odd / "baris\nbaru.txt").write_text(_text(4), encoding="utf-8")
    corpus.odd.add("baris\nbaru")


def _pages(corpus: Corpus, folder: Path, full: bool) -> None:
    pages = folder / "halaman"
    pages.mkdir()
    title, text, published = ARTICLES[0][3], ARTICLES[0][4], ARTICLES[0][2]
    good = page(title, text, published)
    cases = [
        ("kosong-isi.html", "<html><body><nav>Beranda</nav><footer>x</footer></body></html>",
         "no_article_text"),
        ("hanya-skrip.html", "<html><script>" + "var a=1;" * 1000 + "</script></html>",
         "no_article_text"),
        ("biner.html", "\x00\x01\x02" * 300, "binary"),
        ("meta-0001.html", good.replace(f"{published}T08", "0001-01-01T08"), "bad_date"),
        ("meta-9999.html", good.replace(f"{published}T08", "9999-12-31T08"), "bad_date"),
    ]
    for i, bad in enumerate(("0001-01-01", "9999-12-31", "1500-06-01")):
        ld = json.dumps({"@type": "NewsArticle", "datePublished": bad})
        html = good.replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
        cases.append((f"jsonld-{i}.html", html.replace('<meta property="article:published_time"',
                                                       '<meta property="x"'), "bad_date"))
    for name, html, reason in cases:
        (pages / name).write_text(html, encoding="utf-8", errors="surrogatepass")
        corpus.reject(pages / name, reason)
    # hostile but with a story: stored
    n_attrs = 100_000 if full else 5_000
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(n_attrs))
    odd = {
        "banjir-atribut": good.replace("<article>", f"<article {attrs}>"),
        "jsonld-dalam": good.replace("</head>", '<script type="application/ld+json">'
                                     + _deep(100_000) + "</script></head>"),
        "jsonld-angka": good.replace("</head>", '<script type="application/ld+json">{"@type": '
                                     '"NewsArticle", "n": ' + "9" * 50_000 + "}</script></head>"),
    }
    # 20,000 nested <div>s: the HTML parser gives up on the story
    (pages / "div-dalam.html").write_text(good.replace("<article>", "<div>" * 20_000 + "<article>"),
                                          encoding="utf-8")
    corpus.reject(pages / "div-dalam.html", "no_article_text")
    for name, html in odd.items():
        (pages / f"{name}.html").write_text(html, encoding="utf-8")
        corpus.odd.add(name)


# ---------------------------------------------------------------- WARC

def _warc_record(uri: str | None, body: bytes, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                       ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri or "https://x.example/", "response",
                                       payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": "2024-06-03T10:00:00Z"})
    writer.write_record(record)
    return buf.getvalue()


_BREAKS = {
    "tipe": lambda r: r.replace(b"WARC-Type: response", b"WARC-Type response \x00", 1),
    "versi": lambda r: r.replace(b"WARC/1.", b"WARX/9.", 1),
    "panjang-huruf": lambda r: r.replace(b"Content-Length: ", b"Content-Length: abc", 1),
    "panjang-negatif": lambda r: r.replace(b"Content-Length: ", b"Content-Length: -", 1),
    "panjang-raksasa": lambda r: r.replace(b"Content-Length: ", b"Content-Length: 99999999999", 1),
    "tanpa-panjang": lambda r: re.sub(rb"Content-Length: [^\r]*\r\n", b"", r, count=1),
    "tanpa-uri": lambda r: re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", r, count=1),
    "http-rusak": lambda r: r.replace(b"HTTP/1.1 200 OK", b"\x00\x00sampah", 1),
}


def _warcs(corpus: Corpus, folder: Path, clean: Path | None) -> None:
    """Per break kind and compression: good record, broken record, good record."""
    warcs = folder / "warc"
    warcs.mkdir()
    clean_dir = None
    if clean is not None:
        clean_dir = clean / "warc"
        clean_dir.mkdir()
    from jalin.ingest.warc import uri_doc_id

    for k, (name, brk) in enumerate(sorted(_BREAKS.items())):
        for gz in (False, True):
            docs = []
            for n in (1, 2):
                a = ARTICLES[(2 * k + n) % len(ARTICLES)]
                uri = f"https://kabar.example/{name}/{int(gz)}/{n}"
                docs.append(_warc_record(uri, page(a[3], a[4], a[2]).encode(), gz))
                corpus.good.add(uri_doc_id(uri))
            plain = _warc_record(f"https://kabar.example/{name}/{int(gz)}/rusak",
                                 page("Rusak", _text(k), "2024-01-01").encode(), False)
            broken = brk(plain)
            broken = gzip.compress(broken) if gz else broken
            fname = f"{name}.warc" + (".gz" if gz else "")
            (warcs / fname).write_bytes(docs[0] + broken + docs[1])
            corpus.reject(f"{warcs / fname}@", "broken_record")  # '@': any offset in it
            if clean_dir is not None:
                (clean_dir / fname).write_bytes(docs[0] + docs[1])
    for name, data, reason in (("sampah.warc", b"ini bukan arsip\n" * 20, "broken_record"),
                               ("sampah.warc.gz", b"\x1f\x8b\x08\x00sampah", "broken_record"),
                               ("kosong.warc", b"", "empty")):
        (warcs / name).write_bytes(data)
        corpus.reject(f"{warcs / name}@" if reason == "broken_record" else warcs / name, reason)


# ---------------------------------------------------------------- manifest

def _manifest(corpus: Corpus, root: Path) -> Path:
    folder = root / "manifest"
    (folder / "berkas").mkdir(parents=True)
    (folder / "berkas" / "folder.txt").mkdir()
    for i in range(4):
        (folder / "berkas" / f"teks-{i}.txt").write_text(_text(i + 5), encoding="utf-8")
    os.symlink("/etc/passwd", folder / "berkas" / "tautan.txt")
    (folder / "berkas" / "laporan.pdf").write_bytes(b"%PDF-1.4 bukan teks")
    manifest = folder / "corpus.manifest"
    entries: list[tuple[str, str | None]] = []

    def add(line: str, reason: str | None) -> None:
        entries.append((line, reason))

    for i in range(3):
        add(json.dumps({"doc_id": f"m-baik-{i}", "path": f"berkas/teks-{i}.txt", "language": "id"}),
            None)
        corpus.odd.add(f"m-baik-{i}")
    for rel in ("../../../../../../etc/passwd", "/etc/passwd", "/etc/hostname", "../input/a-good/"
                "baik-id-01.txt", "berkas/../../input/berkas/kosong.txt", "berkas/tautan.txt"):
        add(json.dumps({"doc_id": f"m-luar-{len(entries)}", "path": rel}), "outside")
    add(json.dumps({"doc_id": "m-tanpa"}), "bad_json")
    add(json.dumps({"doc_id": "m-hilang", "path": "berkas/tidak-ada.txt"}), "not_found")
    add(json.dumps({"doc_id": "m-folder", "path": "berkas/folder.txt"}), "unreadable")
    add(json.dumps({"doc_id": "m-pdf", "path": "berkas/laporan.pdf"}), "unsupported")
    add(json.dumps({"doc_id": "m-tanggal", "path": "berkas/teks-3.txt", "published": "0001-01"}),
        None)  # rejected under the file's name, like every manifest entry that was read
    corpus.reject(folder / "berkas" / "teks-3.txt", "bad_date")
    add(_deep(10_000), "bad_json")
    add('{"doc_id": "m-angka", "path": ' + "1" * 10_000 + "}", "bad_json")
    add('{"doc_id": "m-rusak", "path": ', "bad_json")
    with manifest.open("w", encoding="utf-8") as fh:
        for i, (line, reason) in enumerate(entries, start=1):
            fh.write(line + "\n")
            if reason is not None:
                corpus.reject(f"{manifest}:{i}", reason)
    return manifest


def make_corpus(root: Path, full: bool = False) -> Corpus:
    """Write the corpus under ``root`` (see the module doc)."""
    root = root.resolve()
    inputs, clean = root / "input", root / "clean"
    corpus = Corpus(root, inputs, root / "manifest" / "corpus.manifest", clean)
    _good_files(inputs, corpus)
    _good_files(clean, None)
    _json_lines(corpus, inputs / "baris.jsonl", full)
    _files(corpus, inputs, full)
    _pages(corpus, inputs, full)
    _warcs(corpus, inputs, clean)
    _manifest(corpus, root)
    return corpus
