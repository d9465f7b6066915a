"""Validation of the actor tables: broken copies must fail with file:line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jalin.datafiles import data_path
from jalin.errors import DataFileError
from jalin.models import PartialDate
from jalin.resolve.actors import ActorResolver, validate
from jalin.resolve.actors_data import FILES, load_tables, norm, tokenize


@pytest.fixture()
def tables(tmp_path: Path) -> Path:
    src = Path(str(data_path("actors")))
    for name in FILES:
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


def append(path: Path, line: str) -> int:
    """Append a row; return its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_copy_of_package_tables_loads(tables):
    r = ActorResolver.load(tables)
    assert r.resolve("Presiden Kazakhstan", "id", PartialDate(2018)).name == "Nursultan Nazarbayev"


BROKEN = [
    ("people.tsv", "zz-person\tZed Zed\t\tZZZ\t\tHOS\tGOV\t2001-01-01\t",
     "unknown country code 'ZZZ'"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\t\tHOS\tBOSS\t2001-01-01\t",
     "unknown role code 'BOSS'"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\t\tHOS\tGOV\t\t2005", "empty required column 'start'"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\t\tHOS\tGOV\t2005-13\t", "month out of range"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\t\tHOS\tGOV\t2005\t2001", "ends"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\tUN\tHOS\tGOV\t2005\t", "exactly one of"),
    ("people.tsv", "zz-person\tZed Zed\tTokayev\tKAZ\t\tHOS\tGOV\t2020\t",
     "overlapping tenures"),
    ("countries.tsv", "KAZ\tKazakhstan again\tKazakhstan lagi\t\t\t\tmember", "duplicate"),
    ("countries.tsv", "Kaz\tLowland\tDataran\t\t\t\tmember", "3 upper-case letters"),
    ("countries.tsv", "XQQ\tNowhere\tAntah\t\t\t\tmember", "status 'exception'"),
    ("countries.tsv", "ZZA\tZedland\tRusia\t\t\t\tmember", "already means something else"),
    ("metonyms.tsv", "Oz City\tZZZ\tGOV\tcapital\tcap", "unknown country code"),
    ("metonyms.tsv", "Oz City\tKAZ\tGOV\tvillage\tcap", "capital or metonym"),
    ("metonyms.tsv", "Oz City\tKAZ\tGOV\tcapital\tcap\t2005-13", "month out of range"),
    ("orgs.tsv", "nato2\tSomething\t\t", "upper-case acronym"),
    ("roles.tsv", "kapten\trole\tCAPT\t\t\tid\t", "unknown role code 'CAPT'"),
    ("roles.tsv", "kapten\tshout\tMIL\t\t\tid\t", "function must be"),
    ("roles.tsv", "kapten\trole\tMIL\t\t\tid\tloud", "case must be"),
    ("roles.tsv", "KBRZ\tmission\tGOV\t\t\tid\texact", "needs default_country"),
    ("groups.tsv", "Rusia\tXGRP\tgroup\tcap", "already means something else"),
    ("people.tsv", "zz-person\tZed Zed\t\tKAZ\t\tBOSS\tGOV\t2001\t", "unknown office 'BOSS'"),
    ("people_asia.tsv", "zz\tZed Zed\t\t\tNOPE\tSG\tGOV\t2001\t\twp\t", "unknown org 'NOPE'"),
    ("roles.tsv", "kapten\trole\tMIL\tCAPT\t\tid\t", "unknown office 'CAPT'"),
    ("nonstate.tsv", "ZZG\tZed Front\t\t\tKAZ\tBOSS\t\t\t", "unknown role code 'BOSS'"),
    ("nonstate.tsv", "zzg\tZed Front\t\t\tKAZ\tREB\t\t\t", "upper-case code"),
    ("nonstate.tsv", "KAZ\tZed Front\t\t\tKAZ\tREB\t\t\t", "already an org or country"),
    ("nonstate.tsv", "TALIBAN\tTaliban\t\t\tAFG\tREB\t2010\t2012\t", "periods overlap"),
    ("nonstate.tsv", "ZZG\tHamas\t\t\tKAZ\tREB\t\t\t", "already means something else"),
    ("nonstate.tsv", "HAMAS\tHamas\t\t\tEGY\tREB\t2030-01-01\t\t", "home country EGY"),
]


@pytest.mark.parametrize("filename,row,message", BROKEN)
def test_broken_table_reports_file_and_line(tables, filename, row, message):
    line = append(tables / filename, row)
    with pytest.raises(DataFileError) as err:
        load_tables(tables)
    assert message in str(err.value)
    assert err.value.path.endswith(filename)
    assert err.value.line == line


def test_two_people_may_share_a_name_in_different_years(tables):
    append(tables / "people.tsv",
           "zz-later\tZed Nazarbayev\tNazarbayev\tKAZ\t\tHOS\tGOV\t2200\t2210")
    r = ActorResolver.load(tables)
    assert r.resolve("Nazarbayev", "id", PartialDate(2205)).name == "Zed Nazarbayev"
    assert r.resolve("Nazarbayev", "id", PartialDate(2010)).name == "Nursultan Nazarbayev"


def test_validate_names_the_broken_row(tables):
    validate(tables)  # a clean copy passes
    line = append(tables / "orgs.tsv", "UN\tRusia\t\t")
    with pytest.raises(DataFileError, match=f"orgs.tsv:{line}: alias 'Rusia'"):
        validate(tables)


def test_missing_file(tables):
    (tables / "orgs.tsv").unlink()
    with pytest.raises(DataFileError, match="missing"):
        load_tables(tables)


def test_bad_header(tables):
    (tables / "roles.tsv").write_text("# nothing\nword\tmeaning\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header lacks"):
        load_tables(tables)


@pytest.mark.parametrize("raw,key", [
    ("Erdoğan", "erdogan"), ("Kalın", "kalin"), ("İsmail", "ismail"), ("TÜRKİYE", "turkiye"),
    ("Mirziyoyev", "mirziyoyev"), ("’", "'"), ("‑", "-"),
])
def test_norm(raw, key):
    assert norm(raw) == key


def test_tokenize_keeps_punctuation_apart():
    assert [t[2] for t in tokenize("Kassym-Jomart, U.S.")] == \
        ["Kassym", "-", "Jomart", ",", "U", ".", "S", "."]


def test_package_tables_have_the_promised_coverage():
    lex = load_tables()
    assert len(lex.orgs) >= 60
    for office, country in [("HOS", c) for c in
                            "IDN KAZ KGZ TJK TKM UZB RUS CHN USA TUR".split()] + \
            [("HOG", c) for c in "KAZ KGZ TJK UZB RUS CHN TUR".split()] + \
            [("FM", c) for c in "IDN KAZ KGZ TJK TKM UZB RUS CHN USA TUR".split()]:
        assert lex.by_office.get((office, country)), (office, country)


def test_strict_validation_finds_two_heads_at_once(tables):
    line = append(tables / "people_europe.tsv",
                  "zz\tZed Zed\t\tFRA\t\tHOS\tGOV\t2019\t2020\twp\t")
    load_tables(tables)  # loading for use tolerates it
    with pytest.raises(DataFileError, match=f"people_europe.tsv:{line}: HOS of FRA"):
        validate(tables)


def test_shared_offices_are_allowed(tables):
    append(tables / "people_europe.tsv",
           "zz\tZed Zed\t\tFRA\t\tHOS\tGOV\t2019\t2020\twp\tshared: co-prince")
    validate(tables)


def test_group_role_follows_the_date(tables):
    append(tables / "nonstate.tsv", "ZZG\tFront Zed\t\t\tKAZ\tREB\t\t2030-01-01\t")
    append(tables / "nonstate.tsv", "ZZG\tFront Zed\t\t\tKAZ\tGOV\t2030-01-01\t\t")
    r = ActorResolver.load(tables)
    assert r.resolve("Front Zed", "id", PartialDate(2020)).code == "KAZREB"
    assert r.resolve("Front Zed", "id", PartialDate(2031)).code == "KAZGOV"
