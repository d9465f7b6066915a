"""Trigger lexicons load, validate, and report broken rows by file:line."""

import pytest

from jalin.coding.lexicon import load_lexicon
from jalin.coding.ontology import default_ontology
from jalin.lang import get_pack
from jalin.datafiles import data_path
from jalin.errors import DataFileError


def test_shipped_indonesian_lexicon_is_valid_against_the_ontology():
    lex = load_lexicon("id", default_ontology().is_valid)
    assert len(lex.entries) > 100
    assert "kunjung" in lex.roots and "tandatangan" in lex.roots
    assert "tidak" in lex.words("negator") and "akan" in lex.words("intent")
    assert lex.groups["negara-negara Asia Tengah"] == ("KAZ", "KGZ", "TJK", "TKM", "UZB")


def test_every_root_in_the_ontology_has_an_indonesian_trigger():
    codes = {e.cameo[:2] for e in get_pack("id").lexicon().entries}
    assert codes >= {f"{r:02d}" for r in range(1, 21)}


@pytest.fixture
def lexdir(tmp_path):
    src = data_path("lexicon/id")
    for name in ("triggers.tsv", "function_words.tsv", "groups.tsv", "refine.tsv", "blockers.tsv"):
        (tmp_path / name).write_text(src.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def _append(path, line):
    with open(path, "a", encoding="utf-8") as f:
        f.write(line + "\n")


@pytest.mark.parametrize("row,message", [
    ("kunjung\t9999\tsvo\tx", "unknown CAMEO code"),
    ("kunjung:x\t042\tsvo\tx", "unknown part of speech"),
    (".. kunjung\t042\tsvo\tx", "cannot start"),
    ("@ =ke\t042\tsvo\tx", "cannot start"),
    ("minta .. @ =untuk\t020\tsvo\tx", "not another gap"),
    ("minta @\t020\tsvo\tx", "must end"),
    ("rusak\t042\tsideways\tx", "unknown frame"),
    ("kunjung\t042\tsvo\tduplicate", "duplicate pattern"),
])
def test_broken_trigger_rows_name_file_and_line(lexdir, row, message):
    path = lexdir / "triggers.tsv"
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    _append(path, row)
    with pytest.raises(DataFileError) as err:
        load_lexicon("id", default_ontology().is_valid, root=lexdir)
    assert message in str(err.value)
    assert f"triggers.tsv:{n_lines + 1}" in str(err.value)


def test_broken_group_members(lexdir):
    _append(lexdir / "groups.tsv", "negara Skandinavia\tNOR|sweden")
    with pytest.raises(DataFileError, match="groups.tsv"):
        load_lexicon("id", root=lexdir)


def test_unknown_function_word_category(lexdir):
    _append(lexdir / "function_words.tsv", "kata_aneh\tfoo|bar")
    with pytest.raises(DataFileError, match="unknown category"):
        load_lexicon("id", root=lexdir)


def test_copy_of_shipped_files_loads_with_same_content(lexdir):
    a = load_lexicon("id", root=lexdir)
    b = get_pack("id").lexicon()
    assert [(e.items, e.cameo, e.frame) for e in a.entries] == [(e.items, e.cameo, e.frame) for e in b.entries]
    assert a.version == b.version
