"""``jalin.ingest(paths, db, workers=...)``: code files into a store (the Python API's ingest).

Lives in the ingest package because, once imported, the package itself is
the attribute ``jalin.ingest``; calling it calls :func:`ingest_into`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..errors import UsageError


@lru_cache(maxsize=1)
def _pipeline():
    from ..pipeline import Pipeline

    return Pipeline()


def ingest_into(paths: str | Path | Sequence[str | Path], db: str | Path = "jalin.duckdb",
                workers: int = 1, manifest: str | Path | None = None):
    """Code files/folders (and a manifest) into the store ``db``, as ``jalin ingest``.

    Returns the run's :class:`~jalin.runners.local.RunSummary` (``inputs``,
    ``articles``, ``events``, ``rejections`` by reason, ``exit_status``).
    """
    from ..runners.local import run
    from ..store import Store
    from .readers import read_inputs

    if isinstance(paths, (str, Path)):
        paths = [paths]
    path_list = [Path(p) for p in paths]
    missing = [str(p) for p in path_list if not p.exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    if workers < 1:
        raise UsageError(f"workers must be >= 1, got {workers}")
    with Store(db) as store:
        return run(read_inputs(path_list, Path(manifest) if manifest else None), store,
                   workers=workers, pipeline=_pipeline() if workers == 1 else None)
