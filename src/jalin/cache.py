"""A small on-disk cache for tables built from the data files (start-up speed).

Loading and validating the actor tables and building the phrase automaton
takes a good part of a second; a process that finds them already built,
for the same data files and the same jalin, only unpickles them.

    tables = cached("actors", key, build)   # build() when there is no usable copy

``key`` must change whenever what ``build`` returns would: callers pass a
hash of the data files they read (:func:`jalin.datafiles.data_hash`) and
name the modules whose code builds the object (``code=``: their source is
hashed into the key, so editing the loader rebuilds), and the cache adds
jalin's version and Python's. The directory is
``$JALIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/jalin``, else ``~/.cache/jalin``;
``JALIN_CACHE_DIR=off`` (or ``0``, ``none``, or an empty value) turns the
cache off. A directory that cannot be written, or a copy that cannot be read,
only means building again: the cache never makes a run fail. Copies are
written to a temporary file and renamed, so parallel workers never read half
a file; old copies of other keys stay until the directory is removed
(``jalin`` never needs them again).

The files are pickles: the cache directory is trusted like the Python
environment jalin runs from (only its user should be able to write it).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from .version import __version__

log = logging.getLogger(__name__)

T = TypeVar("T")
_OFF = {"", "0", "off", "none", "false", "no"}


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is turned off."""
    env = os.environ.get("JALIN_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jalin"


def cache_path(name: str, key: str) -> Path | None:
    """Where the copy of ``name`` built for ``key`` lives (None: no cache)."""
    d = cache_dir()
    if d is None:
        return None
    full = f"{__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}|{key}"
    return d / f"{name}-{hashlib.sha1(full.encode('utf-8')).hexdigest()[:16]}.pickle"


def code_hash(modules: Iterable[str]) -> str:
    """Hash of the source files of the named (imported) modules."""
    h = hashlib.sha1()
    for name in modules:
        h.update(name.encode("utf-8"))
        path = getattr(sys.modules.get(name), "__file__", None)
        if path is not None:
            with open(path, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()[:16]


def cached(name: str, key: str | None, build: Callable[[], T], code: Iterable[str] = ()) -> T:
    """The object ``build()`` returns, from the cache when a copy for ``key`` is there.

    ``code`` names the modules whose source decides what ``build`` returns.
    ``key=None`` builds without the cache (tables read from a directory, say).
    """
    if key is not None and code:
        key = f"{key}|{code_hash(code)}"
    path = cache_path(name, key) if key is not None else None
    if path is None:
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign copy: build again and replace it
        log.debug("cache copy %s unusable (%s): building again", path, exc)
    obj = build()
    _write(path, obj)
    return obj


def _write(path: Path, obj: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception as exc:  # unwritable directory, full disk, an object that does not pickle
        log.debug("cannot write cache copy %s (%s): going on without it", path, exc)
