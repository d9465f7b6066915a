"""Good news articles for the hostile-input corpus (fictional, written for jalin).

Each is short and codable: the corpus test checks that every one of them is
coded exactly as in a clean run, whatever hostile input sits next to it.
"""

from __future__ import annotations

# (doc id, language, published, title, text)
ARTICLES: tuple[tuple[str, str, str, str, str], ...] = (
    ("baik-id-01", "id", "2024-03-12", "Menlu Kazakhstan Kunjungi Jakarta",
     "JAKARTA -- Menteri Luar Negeri Kazakhstan tiba di Jakarta pada Senin (11/3/2024) untuk "
     "kunjungan kerja dua hari.\n"
     "Ia bertemu Menteri Luar Negeri Indonesia di Gedung Pancasila dan membahas kerja sama "
     "pangan.\n"
     "Kedua menteri juga menandatangani nota kesepahaman tentang pendidikan.\n"),
    ("baik-id-02", "id", "2023-09-05", "Uzbekistan dan Tajikistan Sepakati Pembagian Air",
     "DUSHANBE -- Pemerintah Uzbekistan dan Tajikistan menandatangani perjanjian pembagian air "
     "Sungai Zarafshan pada Senin (4/9/2023).\n"
     "Presiden Tajikistan menyebut perjanjian itu sebagai langkah penting bagi kedua negara.\n"),
    ("baik-id-03", "id", "2022-11-20", "Kirgizstan Tuduh Tajikistan Langgar Gencatan Senjata",
     "BISHKEK -- Kementerian Luar Negeri Kirgizstan menuduh Tajikistan melanggar gencatan senjata "
     "di perbatasan pada Sabtu (19/11/2022).\n"
     "Pemerintah Kirgizstan memanggil duta besar Tajikistan untuk meminta penjelasan.\n"),
    ("baik-id-04", "id", "2024-06-02", "Presiden Indonesia Terima Presiden Turkmenistan",
     "BOGOR -- Presiden Indonesia menerima kunjungan Presiden Turkmenistan di Istana Bogor pada "
     "Sabtu (1/6/2024).\n"
     "Kedua pemimpin membahas perdagangan gas dan pembukaan penerbangan langsung.\n"
     "Indonesia berjanji mengirim delegasi dagang ke Ashgabat tahun depan.\n"),
    ("baik-id-05", "id", "2021-04-15", "Rusia Kecam Latihan Militer di Dekat Perbatasan",
     "MOSKWA -- Pemerintah Rusia mengecam latihan militer NATO di dekat perbatasannya pada Rabu "
     "(14/4/2021).\n"
     "Menteri Luar Negeri Rusia menyebut latihan itu sebagai ancaman bagi keamanan kawasan.\n"),
    ("baik-id-06", "id", "2023-02-08", "China Kirim Bantuan Gempa ke Turki",
     "BEIJING -- Pemerintah China mengirimkan bantuan kemanusiaan ke Turki pada Selasa (7/2/2023) "
     "setelah gempa besar melanda wilayah selatan negara itu.\n"
     "Bantuan berupa tenda, obat-obatan dan tim penyelamat.\n"),
    ("baik-id-07", "id", "2024-01-18", "Kazakhstan dan Kirgizstan Buka Pos Perbatasan Baru",
     "ASTANA -- Kazakhstan dan Kirgizstan sepakat membuka pos lintas batas baru pada Rabu "
     "(17/1/2024).\n"
     "Perdana Menteri Kazakhstan bertemu Perdana Menteri Kirgizstan di Astana untuk meresmikan "
     "kesepakatan itu.\n"),
    ("baik-id-08", "id", "2022-07-30", "Indonesia Tolak Tuduhan Malaysia",
     "JAKARTA -- Kementerian Luar Negeri Indonesia menolak tuduhan Malaysia soal pelanggaran "
     "wilayah udara pada Jumat (29/7/2022).\n"
     "Juru bicara kementerian meminta Malaysia menyelesaikan masalah itu melalui dialog.\n"),
    ("baik-en-01", "en", "2024-05-21", "Kazakh President Hosts Uzbek Leader",
     "ASTANA, May 20 -- The president of Kazakhstan hosted the president of Uzbekistan in Astana "
     "on Monday.\n"
     "The two leaders signed an agreement on a new railway line between the two countries.\n"),
    ("baik-en-02", "en", "2023-10-03", "Kyrgyzstan Accuses Tajikistan Over Border Clash",
     "BISHKEK, Oct 2 -- Kyrgyzstan accused Tajikistan of shelling villages near the border on "
     "Monday.\n"
     "The foreign ministry of Kyrgyzstan summoned the ambassador of Tajikistan.\n"),
    ("baik-en-03", "en", "2022-12-09", "Russia and China Hold Talks on Trade",
     "MOSCOW, Dec 8 -- Russia and China held talks on trade and energy in Moscow on Thursday.\n"
     "The Russian foreign minister praised the cooperation between the two governments.\n"),
    ("baik-en-04", "en", "2024-02-14", "Turkmenistan Sends Aid to Afghanistan",
     "ASHGABAT, Feb 13 -- The government of Turkmenistan sent humanitarian aid to Afghanistan on "
     "Tuesday.\n"
     "The aid included food, medicine and winter clothing.\n"),
)

# The same stories as saved web pages (ids of these are the file names).
PAGE_IDS = ("baik-id-01", "baik-id-04", "baik-en-01")


def page(title: str, text: str, published: str) -> str:
    """An HTML page holding one article, with a little page furniture."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | Kabar Kawasan</title>"
        f"<meta property=\"article:published_time\" content=\"{published}T08:00:00+07:00\">"
        "</head><body><nav><a href=\"/\">Beranda</a> <a href=\"/dunia\">Dunia</a></nav>"
        f"<article><h1>{title}</h1>\n{paragraphs}\n</article>"
        "<footer>Hak cipta Kabar Kawasan</footer></body></html>\n"
    )
