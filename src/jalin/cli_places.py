"""The ``jalin place`` command (registered by :mod:`jalin.cli`).

    jalin place "di provinsi Batken" [--lang id|en] [--country KGZ]   how a phrase reads as places (JSON)

A thin wrapper over :func:`jalin.resolve.places.describe_place`.
"""

from __future__ import annotations

import json
from typing import Callable, Optional

import typer

from .cli_common import check_where, handles_errors
from .errors import UsageError
from .lang import DEFAULT_LANGUAGE, supported


def _place_command(handles_errors: Callable, check_where: Callable) -> Callable:
    @handles_errors
    def place(
        text: str = typer.Argument(..., help="A phrase or sentence: 'di Bishkek', 'Laut China Selatan'."),
        lang: str = typer.Option(DEFAULT_LANGUAGE, "--lang", help="Language of the phrase: id, en or ms."),
        country: Optional[str] = typer.Option(
            None, "--country", help="A state the article names (ISO3), to choose among homonyms."),
    ) -> None:
        """Print how a phrase resolves to places (JSON): each mention, its sense and why."""
        from .resolve.places import describe_place

        if lang not in supported():
            raise UsageError(f"--lang: {lang!r} is not one of {', '.join(supported())}")
        if not text.strip():
            raise UsageError("give a phrase to resolve")
        code = check_where(country, "--country")
        typer.echo(json.dumps(describe_place(text, lang, code), ensure_ascii=False, indent=2))

    return place


def register(app: typer.Typer) -> None:
    """Add ``place`` to the main app."""
    app.command("place")(_place_command(handles_errors, check_where))
