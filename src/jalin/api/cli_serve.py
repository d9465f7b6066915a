"""``jalin serve``: the read API and the dashboard over one store file.

The CLI registers :func:`serve_command` as a Typer command
(``app.command("serve")(serve_command)``); it is a plain function so it can
be called and tested without the CLI.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from ..errors import StoreError, UsageError

__all__ = ["serve_command", "dashboard_url"]


def dashboard_url(host: str = "127.0.0.1", port: int = 8000) -> str:
    """The address a person opens in a browser."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve_command(
    db: Path = typer.Option(Path("jalin.duckdb"), "--db", help="The store to serve (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port.", min=1, max=65535),
    workers: int = typer.Option(1, "--workers", help="Server processes (each opens the store read-only).",
                                min=1, max=64),
) -> None:
    """Serve the read API (/api, schema at /openapi.json) and the dashboard (/)."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:  # fastapi/uvicorn are the "serve" extra
        raise UsageError(f"jalin serve needs the serve extra (pip install 'jalin[serve]'): {exc}") from None
    if not Path(db).is_file():
        raise StoreError(f"no store at {db}: run `jalin ingest ... --db {db}` first")
    app = create_app(db)
    with app.state.store.cursor():  # fail now, not at the first request
        pass
    typer.echo(f"jalin: serving {db} read-only at {dashboard_url(host, port)} (API schema: {dashboard_url(host, port)}openapi.json)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.store.close()
    from .app import CACHE_ENV, DB_ENV

    os.environ[DB_ENV] = str(Path(db).resolve())
    os.environ.setdefault(CACHE_ENV, "512")
    uvicorn.run("jalin.api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
