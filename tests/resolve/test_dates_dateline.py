"""Publication dates from datelines near the top of an article."""

from __future__ import annotations

import pytest

from jalin.models import PartialDate
from jalin.resolve.dates import find_dateline

BODY = "Presiden menerima kunjungan menteri luar negeri di istana.\nKedua pihak membahas kerja sama energi."


@pytest.mark.parametrize(
    "head,iso",
    [
        ("Sabtu, 08 Januari 2022 | 09:20 WIB", "2022-01-08"),
        ("Kamis, 27 Januari 2022 14:05 WIB", "2022-01-27"),
        ("27/01/2022", "2022-01-27"),
        ("January 8, 2022", "2022-01-08"),
        ("8 Jan 2022", "2022-01-08"),
        ("Diperbarui 3 Feb 2021, 10:15", "2021-02-03"),
        ("Published: Tuesday, March 2, 2021", "2021-03-02"),
        ("Rabu, 15/06/2022 07:30 WIB", "2022-06-15"),
    ],
)
def test_dateline_lines(head, iso):
    text = f"Judul Berita Tentang Asia Tengah\n{head}\n{BODY}"
    assert find_dateline(text) == PartialDate.parse(iso)


def test_dateline_in_the_lead_paragraph():
    text = "Jakarta, Senin (10/1/2022) - Presiden menerima duta besar Kazakhstan di istana.\n" + BODY
    assert find_dateline(text) == PartialDate(2022, 1, 10)


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Kedua negara menandatangani perjanjian persahabatan pada 10 Januari 1997 di Bishkek.\n" + BODY,
        "Pada 10 Januari 1997, kedua negara menandatangani perjanjian.\n" + BODY,
        "Pada November 1998 kedua negara sepakat.\n" + BODY,
        "Selasa (11/1) kerusuhan mereda.\n" + BODY,
        "",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_is_looked_for_only_near_the_top():
    text = "\n".join(["Paragraf isi berita yang panjang."] * 20 + ["8 Jan 2022"])
    assert find_dateline(text) is None
