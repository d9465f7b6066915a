"""The store under bad rows and bad files: nothing coded is lost, nothing fetched."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from jalin.errors import StoreError
from jalin.models import Rejection
from jalin.store import Store


def test_duplicate_rejection_in_the_same_batch_as_the_first_copy_stays(tmp_path, make_result):
    db = tmp_path / "s.duckdb"
    with Store(db) as st:
        st.write_result(make_result("a"))
        st.write_rejection(Rejection("b.jsonl:2", "duplicate_id", "doc id 'a' already read", "a"))
        st.write_result(make_result("b"))
        rows = st.rejections()
        assert [(r["origin"], r["reason"], r["doc_id"]) for r in rows] == [
            ("b.jsonl:2", "duplicate_id", "a")]
        assert st.counts()["articles"] == 2


def test_rejections_of_one_run_with_one_origin_all_stay(tmp_path):
    with Store(tmp_path / "s.duckdb", batch_size=1) as st:  # every write its own batch
        st.write_rejection(Rejection("x.txt", "duplicate_id", "second copy", "x"))
        st.write_rejection(Rejection("x.txt", "duplicate_id", "third copy", "x"))
        assert sorted(r["detail"] for r in st.rejections()) == ["second copy", "third copy"]


def test_a_later_run_replaces_rejections_of_the_same_origin(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as st:
        st.write_rejection(Rejection("x.txt", "binary", "old"))
    with Store(db) as st:
        st.write_rejection(Rejection("x.txt", "binary", "new"))
        assert [r["detail"] for r in st.rejections()] == ["new"]


def test_lone_surrogates_never_drop_the_batch(tmp_path, make_result):
    """A JSON "\\udfff" in an id or an undecodable file name reaches the store."""
    db = tmp_path / "s.duckdb"
    good = make_result("good")
    bad_art = replace(good.cleaned.article, doc_id="id\udfff", title="judul \udcff",
                      origin="/data/caf\udce9.txt")
    odd = replace(make_result("id\udfff"), cleaned=replace(good.cleaned, article=bad_art))
    with Store(db) as st:
        st.write_rejection(Rejection("/data/f\udcff.txt", "binary", "NUL \udfff bytes", "f\udcff"))
        st.write_result(good)
        st.write_result(odd)
        st.write_rejection(Rejection("plain.txt", "empty", "no text", "plain"))
    with Store(db, read_only=True) as st:
        assert set(st.doc_ids()) == {"good", "id\ufffd"}
        rejected = {r["origin"]: r for r in st.rejections()}
        assert set(rejected) == {"/data/f\ufffd.txt", "plain.txt"}
        assert rejected["/data/f\ufffd.txt"]["detail"] == "NUL \ufffd bytes"
        art = st.article("id\ufffd")
        assert art["title"] == "judul \ufffd" and len(art["text"]) == len(good.cleaned.article.text)


def test_a_sqlite_file_is_one_clear_error_and_nothing_is_downloaded(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError) as info:
            Store(path, read_only=read_only)
        message = str(info.value)
        assert "SQLite" in message and "\n" not in message
        assert "download" not in message.lower()


def test_extension_autoloading_is_off(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        settings = dict(st.con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('autoload_known_extensions', 'autoinstall_known_extensions')").fetchall())
    assert settings == {"autoload_known_extensions": "false",
                        "autoinstall_known_extensions": "false"}


def test_a_file_that_is_no_store_and_a_folder_are_one_line(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database " * 300)
    with pytest.raises(StoreError, match="not a jalin store"):
        Store(junk)
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_a_row_error_rejects_one_article_not_the_batch(tmp_path, make_result):
    db = tmp_path / "s.duckdb"
    clash = make_result("a")
    other = replace(make_result("b"), events=clash.events)  # event ids taken by "a"
    with Store(db, batch_size=10) as st:
        st.write_result(clash)
        st.write_result(other)
        st.write_result(make_result("c"))
        st.flush()
        assert [r.reason for r in st.failed] == ["store_error"]
        assert set(st.doc_ids()) == {"a", "c"}
        assert "cannot rollback" not in st.failed[0].detail.lower()

