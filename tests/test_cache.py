"""The on-disk cache of built tables: reuse, keys, and never a failed run."""

from __future__ import annotations

import os
import pickle

import pytest

from jalin import cache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("JALIN_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _builder(calls):
    def build():
        calls.append(1)
        return {"tables": [1, 2, 3]}
    return build


def test_built_once_then_read(cache_dir):
    calls = []
    first = cache.cached("t", "k1", _builder(calls))
    second = cache.cached("t", "k1", _builder(calls))
    assert first == second == {"tables": [1, 2, 3]}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("t-*.pickle"))) == 1


def test_a_new_key_or_new_code_builds_again(cache_dir):
    calls = []
    cache.cached("t", "k1", _builder(calls))
    cache.cached("t", "k2", _builder(calls))
    cache.cached("t", "k1", _builder(calls), code=("jalin.cache",))
    assert len(calls) == 3
    assert cache.code_hash(["jalin.cache"]) != cache.code_hash(["jalin.errors"])


def test_none_key_never_caches(cache_dir):
    calls = []
    cache.cached("t", None, _builder(calls))
    cache.cached("t", None, _builder(calls))
    assert len(calls) == 2 and not cache_dir.exists()


@pytest.mark.parametrize("value", ["off", "0", "", "none"])
def test_turned_off(monkeypatch, value):
    monkeypatch.setenv("JALIN_CACHE_DIR", value)
    assert cache.cache_dir() is None
    calls = []
    cache.cached("t", "k", _builder(calls))
    cache.cached("t", "k", _builder(calls))
    assert len(calls) == 2


def test_default_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("JALIN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "jalin"


def test_damaged_copy_is_rebuilt(cache_dir):
    calls = []
    cache.cached("t", "k", _builder(calls))
    (path,) = cache_dir.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.cached("t", "k", _builder(calls)) == {"tables": [1, 2, 3]}
    assert len(calls) == 2
    assert pickle.loads(path.read_bytes()) == {"tables": [1, 2, 3]}  # replaced


def test_unwritable_directory_only_means_building(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("JALIN_CACHE_DIR", str(blocker / "sub"))
    calls = []
    assert cache.cached("t", "k", _builder(calls)) == {"tables": [1, 2, 3]}
    assert cache.cached("t", "k", _builder(calls)) == {"tables": [1, 2, 3]}
    assert len(calls) == 2


def test_unpicklable_object_is_returned_uncached(cache_dir):
    out = cache.cached("t", "k", lambda: (lambda: 1))
    assert callable(out)
    assert not list(cache_dir.glob("t-*.pickle")) and not list(cache_dir.glob("*.tmp"))


def test_actor_tables_come_back_equal(cache_dir):
    """The resolver built from the cached tables finds what a freshly loaded one finds."""
    from jalin.resolve.actors import ActorResolver

    fresh = ActorResolver.load()  # builds and writes the copy
    assert list(cache_dir.glob("actor-tables-*.pickle"))
    cached = ActorResolver.load()  # reads it
    text = "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Kazakhstan di Moskow."
    got = [(m.start, m.end, m.actor) for m in cached.find(text, "id", None)]
    assert got == [(m.start, m.end, m.actor) for m in fresh.find(text, "id", None)]
    assert len(got) >= 3
    assert os.path.getsize(next(cache_dir.glob("actor-tables-*.pickle"))) > 0
