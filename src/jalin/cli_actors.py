"""Actor and lexicon commands of the ``jalin`` CLI (registered by :mod:`jalin.cli`).

    jalin actor "Presiden Kazakhstan" --date 2018 [--lang id|en|ms]   how a phrase resolves (JSON)
    jalin actors [--unknown] [--db PATH] [--min-count N] [--limit N] [--json]
    jalin lexicon check [--actors DIR]                            validate the data files (and places)
    jalin lexicon coverage [--lang id] [--code 04] [--json]       triggers per CAMEO code and form

Thin wrappers: the work is in :mod:`jalin.resolve.actors`,
:mod:`jalin.resolve.unknown`, :mod:`jalin.coding.lexicon` and
:mod:`jalin.coding.ontology`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from .cli_common import handles_errors, parse_date_option
from .errors import DataFileError, JalinError, UsageError
from .lang import DEFAULT_LANGUAGE, get_pack, supported


def _or_list(items: tuple[str, ...]) -> str:
    """("id", "en", "ms") -> "id, en or ms"."""
    return " or ".join(filter(None, (", ".join(items[:-1]), items[-1]))) if items else ""

lexicon_app = typer.Typer(
    name="lexicon",
    help="Check the language data files (actor tables, trigger lexicons, CAMEO ontology) and "
         "the lexicons' coverage of CAMEO.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


# ---- library-level helpers (used by the commands and by tests) ---------------------


def describe_phrase(text: str, lang: str = DEFAULT_LANGUAGE, when=None, resolver=None) -> dict[str, Any]:
    """How ``text`` resolves at ``when``: the actor, every mention, and a person's offices."""
    from .resolve.actors import default_resolver

    if lang not in supported():
        raise UsageError(f"--lang: {lang!r} is not one of {', '.join(supported())}")
    r = resolver or default_resolver()
    actor = r.resolve(text, lang, when)
    mentions = r.find(text, lang, when)
    out: dict[str, Any] = {
        "text": text,
        "lang": lang,
        "date": when.iso() if when is not None else None,
        "actor": asdict(actor) if actor is not None else None,
        "mentions": [
            {"text": m.text, "start": m.start, "end": m.end, "kind": m.kind, **asdict(m.actor)}
            for m in mentions
        ],
    }
    if actor is not None and actor.actor_id in r.lex.tenures:
        out["offices"] = [
            {"office": t.office, "country": t.country, "org": t.org, "role": t.role,
             "start": t.start.isoformat(), "end": t.end.isoformat() if t.end else None,
             "source": t.source, "note": t.note or None}
            for t in sorted(r.lex.tenures[actor.actor_id], key=lambda t: t.start)
        ]
    return out


def check_data(actors_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """Validate every data file; return (ok lines, problem lines)."""
    ok: list[str] = []
    problems: list[str] = []
    onto = None
    try:
        from .coding.ontology import Ontology

        onto = Ontology.load()
        ok.append(f"ontology: {len(onto)} CAMEO codes")
    except JalinError as exc:
        problems.append(f"ontology: {exc}")
    from .coding.lexicon import load_lexicon

    for lang in sorted(supported()):
        pack = get_pack(lang)
        try:
            lex = load_lexicon(lang, onto.is_valid if onto is not None else None, dirs=pack.lexicon_dirs)
            ok.append(f"lexicon/{lang}: {len(lex.entries)} trigger patterns")
        except JalinError as exc:
            problems.append(f"lexicon/{lang}: {exc}")
    from .resolve.actors_data import check_office_overlaps, load_tables

    try:
        lex = load_tables(actors_dir)
        overlaps = check_office_overlaps(lex)
        problems += [f"actors: {e}" for e in overlaps]
        n_tenures = sum(len(v) for v in lex.tenures.values())
        ok.append(f"actors: {len(lex.countries)} states, {len(lex.orgs)} organisations, "
                  f"{len(lex.groups)} armed groups, {len(lex.tenures)} people with "
                  f"{n_tenures} offices, {lex.size} aliases")
        for lang in sorted(supported()) if actors_dir is None else ():
            dirs = get_pack(lang).actor_dirs
            if dirs:  # the language's own names, over the shipped tables
                over = load_tables(None, overlays=dirs)
                ok.append(f"{', '.join(dirs)}: {over.size - lex.size} more aliases in {lang} text")
    except DataFileError as exc:
        problems.append(f"actors: {exc}")
    from .resolve.gazetteer import Gazetteer  # event locations (jalin.resolve.places)

    try:
        g = Gazetteer.load()
        ok.append(f"places: {len(g)} place names, {len(g.country_points)} country points, "
                  f"{len(g.borders)} border areas")
    except DataFileError as exc:
        problems.append(f"places: {exc}")
    return ok, problems


# ---- commands ----------------------------------------------------------------------


def _actor_command(handles_errors: Callable, parse_date_option: Callable) -> Callable:
    @handles_errors
    def actor(
        text: str = typer.Argument(..., help="A phrase: a name, a title, a state, a metonym."),
        date: Optional[str] = typer.Option(
            None, "--date", help="Resolve at this date (YYYY, YYYY-MM or YYYY-MM-DD); default: now."),
        lang: str = typer.Option(DEFAULT_LANGUAGE, "--lang",
                                 help=f"Language of the phrase: {_or_list(supported())}."),
    ) -> None:
        """Print how a phrase resolves to an actor (JSON), with its mentions and offices."""
        when = parse_date_option(date, "--date")
        typer.echo(json.dumps(describe_phrase(text, lang, when), ensure_ascii=False, indent=2))

    return actor


def _actors_command(handles_errors: Callable) -> Callable:
    @handles_errors
    def actors(
        unknown: bool = typer.Option(
            False, "--unknown",
            help="List capitalised names in event sentences that resolve to no actor."),
        db: Path = typer.Option(Path("jalin.duckdb"), "--db", help="The DuckDB store file."),
        min_count: int = typer.Option(2, "--min-count", min=1, help="Only names seen this often."),
        limit: int = typer.Option(50, "--limit", min=1, help="At most this many names."),
        as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
    ) -> None:
        """Summarise the actor tables, or (--unknown) mine a store for unknown names."""
        if not unknown:
            from .resolve.actors import default_resolver

            lex = default_resolver().lex
            typer.echo(f"{len(lex.countries)} states, {len(lex.orgs)} organisations, "
                       f"{len(lex.groups)} armed groups, {len(lex.tenures)} people, "
                       f"{lex.size} aliases (jalin actors --unknown --db FILE lists unknown names)")
            return
        from .resolve.unknown import mine_unknown
        from .store import Store

        with Store(db, read_only=True) as store:
            names = mine_unknown(store, min_count=min_count, limit=limit)
        if as_json:
            for u in names:
                typer.echo(json.dumps(asdict(u), ensure_ascii=False))
            return
        if not names:
            typer.echo("no unknown names")
            return
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        from .cli_common import term_safe  # sentences from the store: no raw escape sequences

        table = Table(title=f"{len(names)} unknown names", title_justify="left")
        for col, just in (("name", "left"), ("count", "right"), ("trigger", "right"),
                          ("events", "right"), ("example", "left")):
            table.add_column(col, justify=just, overflow="fold")
        for u in names:
            ex = u.examples[0] if u.examples else None
            text = f"{ex.doc_id}#{ex.sentence_index}: {' '.join(ex.sentence.split())[:110]}" if ex else ""
            table.add_row(escape(term_safe(u.name)), str(u.count), str(u.trigger_sentences),
                          str(u.event_sentences), escape(term_safe(text)))
        Console(file=sys.stdout, highlight=False, soft_wrap=False).print(table)

    return actors


def _check_command(handles_errors: Callable) -> Callable:
    @handles_errors
    def check(
        actors_dir: Optional[Path] = typer.Option(
            None, "--actors", help="Check this directory of actor tables instead of the shipped ones."),
    ) -> None:
        """Validate actor tables, trigger lexicons and the ontology; exit 1 on any problem."""
        if actors_dir is not None and not actors_dir.is_dir():
            raise UsageError(f"--actors: not a directory: {actors_dir}")
        ok, problems = check_data(actors_dir)
        for line in ok:
            typer.echo(f"ok    {line}")
        for line in problems:
            typer.echo(f"FAIL  {line}")
        if problems:
            print(f"jalin: error: {len(problems)} problem(s) in the data files", file=sys.stderr)
            raise typer.Exit(1)

    return check


def _coverage_command(handles_errors: Callable) -> Callable:
    @handles_errors
    def coverage(
        lang: str = typer.Option(DEFAULT_LANGUAGE, "--lang", help="Language of the lexicon: id, en or ms."),
        code: Optional[str] = typer.Option(None, "--code", help="Only this CAMEO code and its subcodes."),
        as_json: bool = typer.Option(False, "--json", help="One JSON object instead of the table."),
    ) -> None:
        """Trigger patterns per CAMEO code by form (active, passive, nominal, multi-word), with examples."""
        from .coding import coverage as cov
        from .coding.ontology import default_ontology

        if lang not in supported():
            raise UsageError(f"--lang: {lang!r} is not one of {', '.join(supported())}")
        onto = default_ontology()
        if code is not None and not onto.is_valid(code):
            raise UsageError(f"--code: {code!r} is not a CAMEO code")
        table = cov.coverage(get_pack(lang).lexicon(), onto, code)
        typer.echo(json.dumps(table.to_json(), ensure_ascii=False) if as_json else cov.render(table))

    return coverage


def register(app: typer.Typer) -> None:
    """Add ``actor``, ``actors``, ``lexicon check`` and ``lexicon coverage`` to the main app."""
    app.command("actor")(_actor_command(handles_errors, parse_date_option))
    app.command("actors")(_actors_command(handles_errors))
    lexicon_app.command("check")(_check_command(handles_errors))
    lexicon_app.command("coverage")(_coverage_command(handles_errors))
    app.add_typer(lexicon_app, name="lexicon")
