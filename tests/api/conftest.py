"""Fixtures: a hand-built store served by uvicorn on a free localhost port."""

from __future__ import annotations

from pathlib import Path

import pytest

from api_fixtures import ServerThread, build_store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "demo.duckdb")


@pytest.fixture(scope="session")
def server(demo_db):
    with ServerThread(demo_db) as srv:
        yield srv


@pytest.fixture(scope="session")
def client(server):
    import httpx

    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
