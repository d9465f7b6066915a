"""The coverage table of a trigger lexicon (jalin.coding.coverage) and `jalin lexicon coverage`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.coding.coverage import coverage, pattern_forms, render
from jalin.coding.lexicon import load_lexicon
from jalin.coding.ontology import default_ontology
from jalin.lang import get_pack
from jalin.lang.id.forms import id_forms
from jalin.lang.id.morph import analyse

ID = get_pack("id")


def default_lexicon(code: str):
    return get_pack(code).lexicon()

runner = CliRunner()


@pytest.mark.parametrize("root,words", [
    ("kunjung", {"mengunjung", "dikunjung", "pengunjungan", "kunjungan"}),
    ("tangkap", {"menangkap", "ditangkap", "penangkapan"}),
    ("serang", {"menyerang", "diserang", "penyerangan"}),
    ("bom", {"mengebom", "dibom", "pengeboman"}),
    ("usir", {"mengusir", "diusir", "pengusiran"}),
    ("protes", {"memprotes", "diprotes"}),
    ("dukung", {"mendukung", "didukung", "pendukungan"}),
    ("lawat", {"melawat", "dilawat"}),
])
def test_generated_forms_follow_nasal_assimilation(root, words):
    assert words <= {w for _, w in id_forms(root)}


def test_every_verbal_root_of_the_lexicon_has_forms_the_morphology_reads_back():
    """For every root a pattern may match as a verb, the generated meN- and di- forms
    analyse back to it: a verbal root the morphology cannot reach is a hole."""
    lex = default_lexicon("id")
    for e in lex.entries:
        for item in e.items:
            if item.kind != "root" or item.pos == "n":
                continue
            got = {a.form for _, w in id_forms(item.value) for a in analyse(w, frozenset({item.value}))}
            assert {"va", "vp"} <= got, (item.value, e.where)


def test_pattern_forms_by_part_of_speech():
    lex = default_lexicon("id")
    by_pattern = {" ".join((i.value + (":" + i.pos if i.pos else "")) if i.kind == "root"
                           else ("=" + i.value if i.kind == "word" else "..") for i in e.items): e
                  for e in lex.entries}
    assert pattern_forms(by_pattern["kunjung"], ID).kinds == {"active", "passive", "nominal"}
    assert pattern_forms(by_pattern["tuduh:v"], ID).kinds == {"active", "passive"}
    assert pattern_forms(by_pattern["tuduh:n"], ID).kinds == {"nominal"}
    assert pattern_forms(by_pattern["jatuh .. sanksi"], ID).kinds == {"multi"}
    assert "kunjungan" in pattern_forms(by_pattern["kunjung"], ID).examples


def test_table_counts_add_up():
    lex = default_lexicon("id")
    onto = default_ontology()
    cov = coverage(lex, onto)
    t = cov.totals()
    assert t["patterns"] == len(lex.entries)
    assert t["codes"] == sum(1 for c in onto if len(c.code) > 2)
    assert t["codes_reached"] + t["codes_without_trigger"] == t["codes"]
    rows = {r.code: r for r in cov.rows}
    direct = {e.cameo for e in lex.entries}
    for code, r in rows.items():
        if len(code) > 2:
            assert (r.patterns > 0) == (code in direct), code
    # a cue category sums its subtree; refinements and intent are routes of their own
    assert rows["07"].patterns == sum(r.patterns for c, r in rows.items() if c.startswith("07") and c != "07")
    assert rows["073"].refine >= 1 and rows["033"].intent >= 1
    assert "073" not in cov.unreached


def test_code_filter_and_render(tmp_path):
    cov = coverage(default_lexicon("id"), default_ontology(), "19")
    assert [r.code for r in cov.rows][:2] == ["19", "190"]
    assert all(r.code.startswith("19") for r in cov.rows)
    text = render(cov)
    assert text.splitlines()[0].split()[:3] == ["code", "name", "act"]
    assert "patterns:" in text


def test_a_code_without_triggers_is_listed(tmp_path):
    from jalin.datafiles import data_path

    src = data_path("lexicon/id")
    for name in ("function_words.tsv", "groups.tsv"):
        (tmp_path / name).write_text(src.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "triggers.tsv").write_text("pattern\tcameo\tframe\tnote\nkunjung\t042\tsvo\tkunjungan\n",
                                           encoding="utf-8")
    cov = coverage(load_lexicon("id", root=tmp_path), default_ontology())
    assert "042" not in cov.unreached and "036" not in cov.unreached  # 036 by intent
    assert "190" in cov.unreached and "190" in render(cov)
    assert cov.totals()["patterns"] == 1


def test_cli_coverage_table_json_and_errors():
    res = runner.invoke(app, ["lexicon", "coverage", "--code", "04"])
    assert res.exit_code == 0, res.output
    assert "042" in res.output and "Make a visit" in res.output and "190" not in res.output
    res = runner.invoke(app, ["lexicon", "coverage", "--json"])
    data = json.loads(res.output)
    assert data["lang"] == "id" and data["totals"]["patterns"] == len(default_lexicon("id").entries)
    res = runner.invoke(app, ["lexicon", "coverage", "--lang", "en", "--code", "19"])
    assert res.exit_code == 0 and "190" in res.output
    for bad in (["--code", "999"], ["--lang", "xx"]):
        res = runner.invoke(app, ["lexicon", "coverage", *bad])
        assert res.exit_code == 2 and "jalin: error:" in res.output
def test_every_root_has_every_form():
    """Each of the 20 CAMEO roots has Indonesian triggers as a verb (active and passive),
    as a noun, and in multi-word (light-verb) constructions."""
    rows = {r.code: r for r in coverage(default_lexicon("id"), default_ontology()).rows}
    for root in (f"{n:02d}" for n in range(1, 21)):
        r = rows[root]
        assert min(r.active, r.passive, r.nominal, r.multi) > 0, (root, r)


