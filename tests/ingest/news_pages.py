"""Noisy Indonesian news pages for the HTML and WARC tests (written for jalin).

``news_page`` wraps a story in what real news sites put around it: a
navigation menu, a search box, an injected gambling link, share buttons, a
"Baca juga" box, tags, a comment section, a related-articles list and a
footer, plus analytics scripts in the head and the body.
"""

from __future__ import annotations

import json

TITLE = "Presiden Uzbekistan Kunjungi Astana, Bahas Jalur Kereta"
STORY = (
    ("ASTANA, Warta Nusantara \u2013 Presiden Uzbekistan Shavkat Mirziyoyev tiba di Astana pada "
    "Selasa untuk kunjungan kenegaraan dua hari atas undangan Presiden Kazakhstan "
    "Kassym-Jomart Tokayev."),
    ("Kedua pemimpin menandatangani perjanjian pembangunan jalur kereta api baru yang akan "
    "menghubungkan Tashkent dengan kota-kota di selatan Kazakhstan."),
    ("Menurut Kementerian Luar Negeri Kazakhstan, kedua negara juga sepakat meningkatkan volume "
    "perdagangan bilateral menjadi 10 miliar dolar AS pada 2030."),
    ("\u201cHubungan kami dengan Uzbekistan adalah hubungan saudara,\u201d kata Tokayev dalam "
    "konferensi pers bersama di Istana Akorda."),
    "Mirziyoyev dijadwalkan melanjutkan lawatannya ke Almaty sebelum kembali ke Tashkent pada Kamis.",
)
CANONICAL = "https://wartanusantara.example/internasional/2023/05/17/presiden-uzbekistan-kunjungi-astana"

# Words that only occur in the page furniture: none may reach Article.text.
FURNITURE = (
    "Beranda", "Olahraga", "Cari berita", "SLOT GACOR", "maxwin", "Bagikan ke Facebook",
    "Kirim via WhatsApp", "Komentar (2)", "Budi88", "semoga kerja sama ini membawa manfaat",
    "Kapan Indonesia ikut", "Berita Terkait", "Latihan Bersama di Laut Jepang",
    "Hak cipta dilindungi", "Pedoman Media Siber", "dataLayer", "trackingPixel", "gtag",
    "Harga Gandum Dunia",
)


def jsonld(published: str = "2023-05-17T09:15:00+07:00", graph: bool = False) -> str:
    article = {
        "@type": "NewsArticle",
        "headline": TITLE,
        "datePublished": published,
        "dateModified": "2023-05-19T11:00:00+07:00",
        "author": {"@type": "Person", "name": "Rina Kusuma"},
    }
    data = ({"@context": "https://schema.org",
             "@graph": [{"@type": "WebSite", "name": "Warta Nusantara"}, article]}
            if graph else {"@context": "https://schema.org", **article})
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def news_page(
    title: str = TITLE,
    paragraphs: tuple[str, ...] = STORY,
    *,
    head_extra: str | None = None,
    meta_line: str = '<span class="author">Penulis: Rina Kusuma</span>',
    in_story: str = "",
    lang: str | None = "id",
    canonical: str | None = CANONICAL,
) -> str:
    """A full page around ``paragraphs``; ``head_extra`` defaults to JSON-LD."""
    head_extra = jsonld() if head_extra is None else head_extra
    html_open = f'<html lang="{lang}">' if lang else "<html>"
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paras = [f"<p>{p}</p>" for p in paragraphs]
    middle = len(paras) // 2
    body = "\n".join(
        paras[:middle]
        + ['<script>document.write("<div>iklan sisipan</div>"); var trackingPixel = 1;</script>',
           ('<div class="baca-juga"><strong>Baca juga:</strong> '
           '<a href="/x">Harga Gandum Dunia Naik Lagi Pekan Ini</a></div>'),
           in_story]
        + paras[middle:]
    )
    return f"""<!DOCTYPE html>
{html_open}
<head>
<meta charset="utf-8">
<title>{title} - Warta Nusantara</title>
<meta property="og:title" content="{title}">
{link}
{head_extra}
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<style>.menu {{ color: red }}</style>
</head>
<body>
<header class="site-header">
  <nav class="main-menu"><ul>
    <li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li>
    <li><a href="/internasional">Internasional</a></li><li><a href="/olahraga">Olahraga</a></li>
  </ul></nav>
  <div class="search"><form><input type="text" placeholder="Cari berita..."></form></div>
</header>
<div class="ads"><a href="https://slot.example/">SLOT GACOR hari ini gampang maxwin, daftar sekarang!</a></div>
<main>
<article class="post">
  <h1 class="post-title">{title}</h1>
  <div class="post-meta">{meta_line}</div>
  <div class="share-buttons"><a href="#">Bagikan ke Facebook</a> <a href="#">Kirim via WhatsApp</a></div>
  <div class="post-content">
{body}
  </div>
  <div class="tags">Tag: <a href="#">Uzbekistan</a> <a href="#">Kazakhstan</a></div>
</article>
<section class="comments" id="comments">
  <h3>Komentar (2)</h3>
  <div class="comment"><p>Budi88: Mantap, semoga kerja sama ini membawa manfaat bagi rakyat kedua negara.</p></div>
  <div class="comment"><p>Sari_w: Kapan Indonesia ikut membangun jalur kereta seperti ini? Sudah lama menunggu.</p></div>
</section>
<aside class="related"><h3>Berita Terkait</h3><ul>
  <li><a href="#">Rusia dan Tiongkok Gelar Latihan Bersama di Laut Jepang</a></li>
  <li><a href="#">Kirgizstan Tutup Sementara Perbatasan dengan Tajikistan</a></li></ul></aside>
</main>
<footer class="site-footer"><p>&copy; 2023 Warta Nusantara. Hak cipta dilindungi undang-undang.</p>
 <p><a href="/redaksi">Redaksi</a> | <a href="/pedoman">Pedoman Media Siber</a></p></footer>
</body></html>
"""


def empty_page() -> str:
    """A page of furniture only (a section index, an error page)."""
    return """<!DOCTYPE html><html lang="id"><head><title>Halaman tidak ditemukan</title>
<script>var x = "Presiden menandatangani perjanjian yang sangat panjang sekali di dalam skrip";</script>
</head><body>
<nav class="main-menu"><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav>
<h1>404</h1>
<footer class="site-footer"><p>&copy; 2023 Warta Nusantara.</p></footer>
</body></html>"""
