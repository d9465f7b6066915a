"""detect_language: Indonesian vs Malay vs English, other languages via pycld2."""

from __future__ import annotations

import pytest

from jalin.clean.language import detect_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Menteri Luar Negeri Retno Marsudi mengatakan pemerintah sudah mengirim bantuan "
         "ke Kazakhstan karena situasi di sana memburuk.", "id"),
        ("Polisi menangkap dua orang yang diduga terlibat kerusuhan di Almaty, kata juru bicara.", "id"),
        ("Tokayev dan Mirziyoyev sepakat membangun jalur kereta baru di perbatasan kedua negara.", "id"),
        ("Presiden Tokayev bertemu Menlu Blinken di Astana.", "id"),
        ("Perdana Menteri berkata kerajaan akan membantu rakyat kerana ekonomi ialah keutamaan.", "ms"),
        ("Menteri itu berkata bahawa kerajaan boleh menyalurkan wang bantuan selepas mesyuarat "
         "kabinet semalam, iaitu sebelum lawatan ke Jepun.", "ms"),
        ("The foreign minister said the government would send aid to Kazakhstan after the talks.", "en"),
        ("Russian troops arrived in Almaty on Thursday, the Kremlin said.", "en"),
        ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 "
         "\u043f\u0440\u043e\u0432\u0451\u043b \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
         "\u0441 \u043b\u0438\u0434\u0435\u0440\u043e\u043c \u041a\u0430\u0437\u0430\u0445\u0441\u0442\u0430"
         "\u043d\u0430 \u0432 \u0410\u0441\u0442\u0430\u043d\u0435.", "ru"),
        ("Le ministre des affaires \u00e9trang\u00e8res a rencontr\u00e9 son homologue kazakh "
         "\u00e0 Astana pour discuter de la coop\u00e9ration \u00e9conomique.", "fr"),
    ],
)
def test_detect_language(text, lang):
    got, confidence = detect_language(text)
    assert got == lang
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "!!!"])
def test_undetermined(text):
    assert detect_language(text) == ("und", 0.0)


def test_control_characters_do_not_break_detection():
    text = "Pemerintah sudah mengirim bantuan karena situasi memburuk.\x00\x07\ud800"
    assert detect_language(text)[0] == "id"
