"""The CAMEO ontology table: known facts, structure, and validation of broken tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from jalin.coding.labels import describe
from jalin.coding.ontology import (
    EVENT_TYPES,
    PLOVER_TYPES,
    CameoCode,
    Ontology,
    UnknownCodeError,
    default_ontology,
)
from jalin.errors import DataFileError, JalinError


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return default_ontology()


# -- known facts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name, goldstein, plover, quad",
    [
        ("01", "MAKE PUBLIC STATEMENT", 0.0, "STATEMENT", 1),
        ("020", "Make an appeal or request", 3.0, "REQUEST", 1),
        ("036", "Express intent to meet or negotiate", 4.0, "AGREE", 1),
        ("042", "Make a visit", 1.9, "CONSULT", 1),
        ("043", "Host a visit", 2.8, "CONSULT", 1),
        ("057", "Sign formal agreement", 8.0, "SUPPORT", 1),
        ("0331", "Express intent to provide economic aid", 5.2, "AGREE", 1),
        ("061", "Cooperate economically", 6.4, "COOPERATE", 2),
        ("074", "Provide military protection or peacekeeping", 8.5, "AID", 2),
        ("0874", "Retreat or surrender militarily", 10.0, "RETREAT", 2),
        ("083", "Accede to requests or demands for political reform", 5.0, "CONCEDE", 2),
        ("0813", "Ease curfew", 5.0, "RETREAT", 2),
        ("091", "Investigate crime, corruption", -2.0, "ACCUSE", 3),
        ("1042", "Demand policy change", -5.0, "REQUEST", 3),
        ("111", "Criticize or denounce", -2.0, "ACCUSE", 3),
        ("1214", "Reject intelligence cooperation", -4.0, "REJECT", 3),
        ("138", "Threaten with military force", -7.0, "THREATEN", 3),
        ("141", "Demonstrate or rally", -6.5, "PROTEST", 4),
        ("154", "Mobilize or increase armed forces", -7.2, "MOBILIZE", 4),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, "SANCTION", 4),
        ("173", "Arrest, detain, or charge with legal action", -5.0, "COERCE", 4),
        ("1712", "Destroy property", -9.2, "ASSAULT", 4),
        ("183", "Conduct suicide, car, or other non-military bombing", -10.0, "ASSAULT", 4),
        ("190", "Use conventional military force", -10.0, "ASSAULT", 4),
        ("191", "Impose blockade, restrict movement", -9.5, "COERCE", 4),
        ("2042", "Detonate nuclear weapons", -10.0, "ASSAULT", 4),
    ],
)
def test_known_codes(onto, code, name, goldstein, plover, quad):
    rec = onto.get(code)
    assert (rec.code, rec.name, rec.goldstein, rec.plover, rec.quad_class) == (
        code, name, goldstein, plover, quad,
    )
    assert rec.root == code[:2]


@pytest.mark.parametrize(
    "root, quad",
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class_follows_root(onto, root, quad):
    assert onto.get(root).quad_class == quad
    assert {c.quad_class for c in onto.descendants(root)} == {quad}


def test_table_size_and_roots(onto):
    assert [r.code for r in onto.roots()] == [f"{i:02d}" for i in range(1, 21)]
    assert len(onto) > 300
    assert len({c.code for c in onto}) == len(onto)


def test_every_code_has_an_allowed_type_and_score(onto):
    for rec in onto:
        assert rec.plover in EVENT_TYPES, rec
        assert -10.0 <= rec.goldstein <= 10.0, rec
        assert rec.name and rec.nama, rec
    assert {c.plover for c in onto} - PLOVER_TYPES == {"STATEMENT"}
    assert not onto.get("010").is_plover and onto.get("042").is_plover


def test_every_plover_type_is_used(onto):
    assert PLOVER_TYPES <= {c.plover for c in onto}


def test_children_and_parents(onto):
    assert [c.code for c in onto.children("04")] == ["040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in onto.children("021")] == ["0211", "0212", "0213", "0214"]
    assert onto.children("042") == ()
    assert onto.parent("0211").code == "021"
    assert onto.parent("021").code == "02"
    assert onto.parent("02") is None
    assert onto.get("0211").level == 3 and onto.get("02").is_root


def test_by_plover(onto):
    retreat = {c.code for c in onto.by_plover("RETREAT")}
    assert {"084", "0841", "085", "0871", "0813"} <= retreat
    assert "081" not in retreat and "083" not in retreat


@pytest.mark.parametrize("code", ["999", "0", "21", "04a", "", "0430", " "])
def test_unknown_codes(onto, code):
    assert not onto.is_valid(code)
    assert code not in onto
    with pytest.raises(UnknownCodeError) as info:
        onto.get(code)
    assert isinstance(info.value, JalinError) and isinstance(info.value, KeyError)
    assert repr(code) in str(info.value)


def test_get_rejects_non_strings(onto):
    assert not onto.is_valid(42)
    with pytest.raises(UnknownCodeError):
        onto.get(42)  # type: ignore[arg-type]


def test_get_tolerates_whitespace(onto):
    assert onto.get(" 042 ").code == "042"


def test_default_is_cached_and_versioned():
    a, b = default_ontology(), default_ontology()
    assert a is b
    assert "cameo-1.1b3" in a.version and "quad-gdelt" in a.version
    assert len(a.digest) == 12 and a.provenance.endswith("@" + a.digest)


def test_record_is_frozen(onto):
    rec = onto.get("042")
    assert isinstance(rec, CameoCode)
    with pytest.raises(AttributeError):
        rec.goldstein = 0.0  # type: ignore[misc]


# -- describe -------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, lang, expected",
    [
        ("042", "en", "Make a visit (CONSULT, verbal cooperation, Goldstein +1.9)"),
        ("04", "en", "Consult (CONSULT, verbal cooperation, Goldstein +1.0)"),
        ("190", "en", "Use conventional military force (ASSAULT, material conflict, Goldstein -10.0)"),
        ("042", "id", "Melakukan kunjungan (CONSULT, kerja sama verbal, Goldstein +1.9)"),
        ("111", "id", "Mengkritik atau mengecam (ACCUSE, konflik verbal, Goldstein -2.0)"),
    ],
)
def test_describe(code, lang, expected):
    assert describe(code, lang=lang) == expected


def test_describe_errors():
    with pytest.raises(UnknownCodeError):
        describe("999")
    with pytest.raises(JalinError):
        describe("042", lang="fr")


# -- loading other tables ---------------------------------------------------------

QUAD = """# version: test-quad
root\tquad_class\tlabel
01\t1\tverbal cooperation
04\t1\tverbal cooperation
19\t4\tmaterial conflict
"""

HEADER = "# version: test-cameo\ncode\tname\tgoldstein\tplover\tnama\n"
GOOD_ROWS = [
    "01\tMAKE PUBLIC STATEMENT\t0\tSTATEMENT\tpernyataan",
    "010\tMake statement\t0\tSTATEMENT\tpernyataan",
    "04\tCONSULT\t1\tCONSULT\tkonsultasi",
    "042\tMake a visit\t1.9\tCONSULT\tkunjungan",
    "19\tFIGHT\t-10\tASSAULT\tbertempur",
    "190\tUse conventional military force\t-10\tASSAULT\tserangan",
]


def _write(tmp_path: Path, rows: list[str], quad: str = QUAD, header: str = HEADER):
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    quads = tmp_path / "quad.tsv"
    quads.write_text(quad, encoding="utf-8")
    return cameo, quads


def test_load_alternative_table(tmp_path):
    onto = Ontology.load(*_write(tmp_path, GOOD_ROWS))
    assert len(onto) == 6
    assert onto.version == "test-cameo + test-quad"
    assert onto.get("190").quad_class == 4
    assert onto.digest != default_ontology().digest


def test_rows_may_come_in_any_order(tmp_path):
    onto = Ontology.load(*_write(tmp_path, list(reversed(GOOD_ROWS))))
    assert [c.code for c in onto] == ["01", "010", "04", "042", "19", "190"]


@pytest.mark.parametrize(
    "rows, line, fragment",
    [
        (GOOD_ROWS + ["042\tMake a visit again\t1.9\tCONSULT\t"], 9, "duplicate code 042"),
        (GOOD_ROWS + ["043\tHost a visit\t12.5\tCONSULT\t"], 9, "goldstein must be within"),
        (GOOD_ROWS + ["043\tHost a visit\t-10.01\tCONSULT\t"], 9, "goldstein must be within"),
        (GOOD_ROWS + ["043\tHost a visit\tnan\tCONSULT\t"], 9, "goldstein must be within"),
        (GOOD_ROWS + ["043\tHost a visit\tdua\tCONSULT\t"], 9, "not a number"),
        (GOOD_ROWS + ["0431\tOrphan subcode\t2\tCONSULT\t"], 9, "parent 043"),
        (GOOD_ROWS + ["011\tDecline comment\t-0.1\tCOMMENT\t"], 9, "unknown PLOVER type"),
        (GOOD_ROWS + ["4\tToo short\t1\tCONSULT\t"], 9, "2-4 digits"),
        (GOOD_ROWS + ["04211\tToo long\t1\tCONSULT\t"], 9, "2-4 digits"),
        (GOOD_ROWS + ["04x\tLetters\t1\tCONSULT\t"], 9, "2-4 digits"),
        (GOOD_ROWS + ["1900\tFour digits\t-10\tASSAULT\t"], 9, None),  # valid: parent 190 exists
        (GOOD_ROWS + ["053\tRally support\t3.8\tSUPPORT\t"], 9, "root 05 has no QuadClass"),
        (GOOD_ROWS[1:], 3, "root 01 is not in the table"),
        (GOOD_ROWS + ["045\t\t5\tCONSULT\t"], 9, "empty required column 'name'"),
        (GOOD_ROWS + ["045\tMediate\t5\tCONSULT\tx\textra"], 9, "6 cells for 5 columns"),
    ],
)
def test_broken_tables(tmp_path, rows, line, fragment):
    cameo, quads = _write(tmp_path, rows)
    if fragment is None:
        assert Ontology.load(cameo, quads).is_valid(rows[-1].split("\t")[0])
        return
    with pytest.raises(DataFileError) as info:
        Ontology.load(cameo, quads)
    assert info.value.path == str(cameo)
    assert info.value.line == line
    assert fragment in str(info.value)
    assert f"{cameo}:{line}:" in str(info.value)


@pytest.mark.parametrize(
    "quad, fragment",
    [
        (QUAD + "04\t1\tverbal cooperation\n", "duplicate root 04"),
        (QUAD + "05\t7\tnonsense\n", "quad_class must be one of"),
        (QUAD + "05\tone\tverbal cooperation\n", "not an integer"),
        (QUAD + "5\t1\tverbal cooperation\n", "two digits"),
    ],
)
def test_broken_quad_tables(tmp_path, quad, fragment):
    cameo, quads = _write(tmp_path, GOOD_ROWS, quad=quad)
    with pytest.raises(DataFileError) as info:
        Ontology.load(cameo, quads)
    assert info.value.path == str(quads)
    assert info.value.line == 6
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    "header, rows, fragment",
    [
        ("code\tname\tgoldstein\tplover\tnama\n", GOOD_ROWS, "no '# version"),
        ("# version: x\ncode\tname\tplover\n", ["01\tSTATEMENT\tSTATEMENT"], "lacks columns ['goldstein']"),
        ("# version: x\n", [], "no header row"),
    ],
)
def test_broken_headers(tmp_path, header, rows, fragment):
    cameo, quads = _write(tmp_path, rows, header=header)
    with pytest.raises(DataFileError) as info:
        Ontology.load(cameo, quads)
    assert fragment in str(info.value)


def test_empty_table(tmp_path):
    cameo, quads = _write(tmp_path, [])
    with pytest.raises(DataFileError, match="no codes"):
        Ontology.load(cameo, quads)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        Ontology.load(tmp_path / "absent.tsv", None)
