"""The language registry and the pack protocol's defaults."""

from __future__ import annotations

import pytest

from jalin.errors import UnknownLanguageError, UsageError
from jalin.lang import (
    DEFAULT_LANGUAGE,
    default_pack,
    find_pack,
    get_pack,
    normalise_code,
    packs,
    same_family,
    supported,
)
from jalin.lang.base import LanguagePack
from jalin.lang.en import EnglishPack
from jalin.lang.id import IndonesianPack
from jalin.lang.ms import MalayPack


def test_registry_knows_every_pack_once():
    codes = [p.code for p in packs()]
    assert len(codes) == len(set(codes)) and {"id", "en", "ms"} <= set(codes)
    assert all(get_pack(c).code == c for c in codes)
    assert set(supported()) <= set(codes) and {"id", "en"} <= set(supported())
    assert default_pack().code == DEFAULT_LANGUAGE and default_pack().coded


@pytest.mark.parametrize("code", ["fr", "", "ID", "xx"])
def test_unknown_code_is_a_clear_usage_error(code):
    with pytest.raises(UnknownLanguageError) as err:
        get_pack(code)
    assert isinstance(err.value, UsageError)
    assert repr(code) in str(err.value) and "known:" in str(err.value)
    assert find_pack(code) is None


@pytest.mark.parametrize("tag,code", [
    ("id", "id"), ("IND", "id"), ("in", "id"), ("Bahasa Indonesia", "id"), ("en-US", "en"),
    ("English", "en"), ("eng", "en"), ("Malay", "ms"), ("zsm", "ms"), ("ms_MY", "ms"), ("fr-FR", "fr"),
])
def test_tags_normalise_to_pack_codes(tag, code):
    assert normalise_code(tag) == code


def test_families():
    assert same_family("id", "ms") and same_family("ms", "id") and same_family("en", "en")
    assert not same_family("id", "en") and not same_family("id", "fr") and not same_family(None, "id")


def test_malay_inherits_indonesian_syntax():
    ms, id_ = get_pack("ms"), get_pack("id")
    assert isinstance(ms, MalayPack) and isinstance(ms, IndonesianPack)
    assert type(ms).analyse is IndonesianPack.analyse and type(ms).surface_form is IndonesianPack.surface_form
    assert ms.relative_pronouns == id_.relative_pronouns and ms.family == id_.family
    assert ms.markers != id_.markers and not ms.family_default and id_.family_default


def test_base_pack_defaults_are_neutral():
    base = LanguagePack()
    assert base.surface_form("menyerang") == "b"
    assert [a.root for a in base.analyse("visit", frozenset({"visit"}))] == ["visit"]
    assert base.analyse("visited", frozenset({"visit"})) == ()
    assert base.sentence_mentions(None, [], ["m"]) == ["m"]
    names: dict = {}
    assert base.later_mentions(None, ["m"], names) == ["m"] and names == {}
    assert base.order_targets(None, ["b", "a"]) == ["b", "a"]
    assert not base.modifier_first and not base.month_first_numeric and base.dyad_date_sources == ("sentence",)


def test_packs_differ_where_their_languages_do():
    id_, en = get_pack("id"), get_pack("en")
    assert isinstance(en, EnglishPack)
    assert en.modifier_first and not id_.modifier_first
    assert en.month_first_numeric and not id_.month_first_numeric
    assert id_.surface_form("menyerang") == "va" and id_.surface_form("diserang") == "vp"
    assert id_.surface_form("penyerangan") == "n" and en.surface_form("attacked") == "b"
    assert [a.root for a in en.analyse("attacked", frozenset({"attack"}))] == ["attack"]
    assert [a.root for a in id_.analyse("mengunjungi", frozenset({"kunjung"}))] == ["kunjung"]


def test_each_coded_pack_loads_its_lexicon_once():
    for code in supported():
        pack = get_pack(code)
        lex = pack.lexicon()
        assert lex is pack.lexicon() and lex.pack is pack and lex.lang == code and lex.entries


def test_architecture_documents_every_attribute_and_hook():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    protocol = doc[doc.index("## Language packs"):]
    missing = [n for n in dir(LanguagePack) if not n.startswith("_") and f"`{n}" not in protocol
               and f", {n}" not in protocol and f"{n}`" not in protocol]
    assert not missing, f"not documented in docs/ARCHITECTURE.md: {missing}"
