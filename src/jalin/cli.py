"""The ``jalin`` command line: thin wrappers over ingest, runner, store and export.

Every command turns a :class:`jalin.errors.JalinError` into one line
``jalin: error: ...`` on stderr and the error's exit status (see
:mod:`jalin.errors`: 2 usage, 4 the store or an output cannot be written,
1 otherwise); anything else is a bug: its traceback, one line, status 5.
``jalin ingest`` exits 0 when every input was stored, 3 when some inputs
were rejected but others stored, 1 when nothing could be stored.

Text from the store (titles, article text, evidence, rejection details) is
printed through :func:`term_safe`: control characters and terminal escape
sequences are shown as ``\\x1b``-style escapes, never sent raw.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .version import __version__
from .cli_common import (  # noqa: F401  (parse_date_option, term_safe: re-exported)
    _print,
    handles_errors,
    output_error,
    parse_date_option,
    term_safe,
)
from .cli_actors import register as _register_actors
from .cli_common import check_where
from .cli_places import register as _register_places
from .errors import JalinError, OutputError, UsageError
from .models import Rejection

DEFAULT_DB = "jalin.duckdb"  # same as jalin.store.DEFAULT_DB (not imported: keeps --help fast)
DEFAULT_TIMEOUT = 20.0  # same as jalin.runners.watchdog.DEFAULT_TIMEOUT

app = typer.Typer(
    name="jalin",
    help="Turn Indonesian, Malay and English news articles into coded political events "
    "(CAMEO/PLOVER: who did what to whom, when, with the evidence sentence).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DB_OPTION = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB store file.")


def _stdout() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def _stderr() -> Console:
    return Console(file=sys.stderr, highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jalin {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """jalin: news in, dated and sourced political events out."""


# ---- ingest ---------------------------------------------------------------------


@app.command()
@handles_errors
def ingest(
    paths: Optional[list[Path]] = typer.Argument(
        None, help="Text files, JSONL files or folders (searched for *.txt, *.jsonl, *.html and *.warc[.gz])."
    ),
    manifest: Optional[Path] = typer.Option(
        None, "--manifest", help="JSONL manifest: doc_id, path (relative to it), language, published."
    ),
    db: Path = DB_OPTION,
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Worker processes (default: "
                                          "one per CPU core; 1 = in this process); with --runner ray, "
                                          "the CPUs of a local Ray instance (default or 1 = all)."),
    runner: str = typer.Option("local", "--runner", help="local (process pool) or ray (Ray Data: the "
                               "'ray' extra; set RAY_ADDRESS to join a cluster)."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0,
                                  help="Seconds one input may take to read and to code; over it, "
                                  "it is rejected as 'timeout' and the run goes on (0: no limit)."),
    allow_outside: bool = typer.Option(False, "--allow-outside",
                                       help="Let a manifest name files outside its own folder."),
) -> None:
    """Code articles and store their events (re-ingesting an article replaces it).

    Exit status: 0 every input stored; 3 some inputs rejected (kept with their
    reasons: jalin rejections), the others stored; 1 nothing could be stored;
    2 usage error; 4 the store cannot be written (disk full, I/O error,
    read-only): what was stored before is kept, run the same ingest again;
    5 jalin crashed (a bug: the traceback is printed).
    """
    from .ingest import read_inputs
    from .runners.local import run
    from .store import Store

    paths = list(paths or [])
    if not paths and manifest is None:
        raise UsageError("nothing to ingest: give PATH... or --manifest FILE")
    missing = [str(p) for p in paths if not p.exists()]
    if manifest is not None and not manifest.is_file():
        missing.append(str(manifest))
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    if runner not in ("local", "ray"):
        raise UsageError(f"--runner: {runner!r} is not one of local, ray")
    if runner == "ray":
        from .runners import ray_data

        ray_data.check_available()  # before the store file is created

        def run(inputs: Any, store: Any, workers: int | None, progress: Any, timeout: Any) -> Any:
            return ray_data.run(inputs, store, num_cpus=workers if workers and workers > 1 else None,
                                progress=progress, timeout=timeout)

    from .progress import IngestProgress, check_extras, scan_inputs

    scan = scan_inputs(paths, manifest)
    check_extras(scan)  # before the store file is created
    shown: list[Rejection] = []
    reasons: Counter[str] = Counter()

    def keep(item: Any, outcome: Any) -> None:
        if isinstance(outcome, Rejection):
            reasons[outcome.reason] += 1
            if len(shown) < 20:
                shown.append(outcome)

    with Store(db) as store:
        with IngestProgress(_stderr(), scan.total) as progress:
            def tick(item: Any, outcome: Any) -> None:
                keep(item, outcome)
                progress.tick(item, outcome)

            limit = timeout or None
            inputs = read_inputs(paths, manifest, allow_outside=allow_outside, timeout=limit)
            summary = run(inputs, store, workers=workers, progress=tick, timeout=limit)
        totals = store.counts()
    out = _stdout()
    table = Table(title=f"jalin ingest -> {db}", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("inputs", str(summary.inputs))
    table.add_row("articles coded", str(summary.articles))
    table.add_row("events", str(summary.events))
    table.add_row("negated events (stored, not exported)", str(summary.negated_events))
    table.add_row("removed lines", str(summary.removed_lines))
    table.add_row("rejected inputs", str(summary.rejected))
    for reason, n in summary.rejections.items():
        table.add_row(f"  rejected: {reason}", str(n))
    table.add_row("store now holds", f"{totals['articles']} articles, {totals['events']} events, "
                  f"{totals['stories']} stories")
    _print(out, table)
    if shown:
        rej = Table(title="rejections", title_justify="left")
        for col in ("origin", "reason", "detail"):
            rej.add_column(col, overflow="fold")
        for r in shown:
            rej.add_row(escape(term_safe(r.origin)), escape(term_safe(r.reason)),
                        escape(term_safe(_excerpt(r.detail, 100))))
        _print(out, rej)
        if summary.rejected > len(shown):
            _print(out, f"... and {summary.rejected - len(shown)} more: jalin rejections --db {db}")
    if summary.exit_status == 1:
        print("jalin: error: nothing could be stored", file=sys.stderr)
    raise typer.Exit(summary.exit_status)


# ---- events ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def cameo_name(code: str) -> str:
    """The CAMEO name of ``code`` ('' when the ontology does not know it)."""
    try:
        from .coding.ontology import default_ontology

        return default_ontology().get(code).name
    except (ImportError, JalinError, KeyError, AttributeError):
        return ""


def actor_label(actor: dict[str, Any]) -> str:
    code = actor.get("code") or actor.get("country") or actor.get("org") or "?"
    name = actor.get("name")
    return f"{code} ({name})" if name else code


WHERE_HELP = ("Only events that happened in this state (ISO3 code of the location's country, "
              "or of either side of a border area), e.g. KGZ.")
EXPORT_WHERE_HELP = WHERE_HELP[:-1] + (" (stories: by the story's location; mentions: those "
                                      "of such events).")


def place_label(loc: dict[str, Any] | None) -> str:
    """ "Bishkek, KGZ" for an event's location; "-" without one."""
    if not loc:
        return "-"
    return loc["name"] + (f", {loc['country']}" if loc.get("country") and loc["precision"] != "country" else "")


def _excerpt(text: str, width: int, around: tuple[int, int] | None = None) -> str:
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    if around is not None:
        mid = (around[0] + around[1]) // 2
        start = max(0, min(mid - width // 2, len(text) - width))
        piece = text[start:start + width - 2]
        return ("…" if start else "") + piece + ("…" if start + width - 2 < len(text) else "")
    return text[: width - 1] + "…"


EVENTS_LIMIT = 50  # rows of the `jalin events` table unless --limit says otherwise
EVENT_FORMATS = ("table", "jsonl", "csv")

ACTOR_FILTER = typer.Option(None, "--actor", help="Country, organisation or actor code "
                            "(KAZ, CSTO, RUSGOV) on either side.")
SINCE_FILTER = typer.Option(None, "--since", help="Events dated on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
UNTIL_FILTER = typer.Option(None, "--until", help="Events dated on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
ROOT_FILTER = typer.Option(None, "--root", help="CAMEO root code, 01..20 (e.g. 04 consult).")
QUAD_FILTER = typer.Option(None, "--quad", min=1, max=4, help="QuadClass: 1 verbal cooperation, "
                           "2 material cooperation, 3 verbal conflict, 4 material conflict.")
DOC_FILTER = typer.Option(None, "--doc", help="Only events of this article (doc_id).")
NEGATED_OPTION = typer.Option(False, "--include-negated", help="Also include negated events.")


def event_query(actor: str | None, since: str | None, until: str | None, root: str | None,
                quad: int | None, doc: str | None, include_negated: bool,
                limit: int | None = None, located_in: str | None = None) -> Any:
    """The filters shared by `jalin events` and `jalin export`, checked."""
    from .store.event_rows import EventQuery

    return EventQuery(actor=actor, since=parse_date_option(since, "--since"),
                      until=parse_date_option(until, "--until"), root=root, quad=quad,
                      doc_id=doc, include_negated=include_negated, limit=limit,
                      located_in=check_where(located_in))


@app.command()
@handles_errors
def events(
    db: Path = DB_OPTION,
    actor: Optional[str] = ACTOR_FILTER,
    since: Optional[str] = SINCE_FILTER,
    until: Optional[str] = UNTIL_FILTER,
    root: Optional[str] = ROOT_FILTER,
    quad: Optional[int] = QUAD_FILTER,
    doc: Optional[str] = DOC_FILTER,
    where: Optional[str] = typer.Option(None, "--where", help=WHERE_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help=f"At most this many events "
                                        f"(0 = all; the table shows {EVENTS_LIMIT} by default, "
                                        "jsonl and csv all)."),
    include_negated: bool = NEGATED_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table (wraps to the terminal), "
                            "jsonl or csv (the records and columns of `jalin export`)."),
) -> None:
    """List coded events: date, source, event, target, place, evidence."""
    from .export import export_record, flat_event_columns, write_csv, write_jsonl
    from .store import Store
    from .store.event_rows import count_events, iter_event_rows
    from .store.rows import event_record

    fmt = fmt.lower()
    if fmt not in EVENT_FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(EVENT_FORMATS)}")
    if limit is None:
        limit = EVENTS_LIMIT if fmt == "table" else 0
    query = event_query(actor, since, until, root, quad, doc, include_negated, limit or None, where)
    with Store(db, read_only=True) as store:
        rows = list(iter_event_rows(store, query))
        total = count_events(store, query) if limit and len(rows) == limit else len(rows)
    if fmt == "jsonl":
        write_jsonl((export_record(r) for r in rows), sys.stdout)
        return
    if fmt == "csv":
        write_csv((export_record(r) for r in rows), sys.stdout, flat_event_columns())
        return
    out = _stdout()
    if not rows:
        _print(out, "no events match")
        return
    title = f"{len(rows)} events" if total == len(rows) else f"{len(rows)} of {total} events"
    _print(out, events_table([event_record(r) for r in rows], title))
    if total > len(rows):
        _print(out, f"... {total - len(rows)} more: --limit N (0 = all), or --format jsonl|csv")


def events_table(recs: list[dict[str, Any]], title: str) -> Table:
    """The `jalin events` table; cells wrap to the terminal's width (80 in a pipe)."""
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=24, overflow="fold")
    table.add_column("event", max_width=28, overflow="fold")
    table.add_column("target", max_width=24, overflow="fold")
    table.add_column("place", max_width=18, overflow="fold")
    table.add_column("evidence", ratio=1, overflow="fold")
    for e in recs:
        name = cameo_name(e["cameo"])
        what = f"{e['cameo']} {name}".strip()
        if e["negated"]:
            what = "NOT " + what
        if e["modality"] and e["modality"] != "asserted":
            what += f" [{e['modality']}]"
        table.add_row(
            escape(term_safe(e["date"] or "-")),
            escape(term_safe(actor_label(e["source"]))),
            escape(term_safe(what)),
            escape(term_safe(actor_label(e["target"]))) if e["target"].get("code") else "-",
            escape(term_safe(place_label(e.get("location")))),
            escape(term_safe(" ".join((e["evidence"]["sentence"] or "").split()))),
        )
    return table


# ---- show -----------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A span of the article to mark: plain-text markers and rich styling."""

    start: int
    end: int
    style: str
    open_plain: str = ""
    close_plain: str = ""
    open_rich: str = ""
    close_rich: str = ""
    label_style: str = "yellow"


def _marks(art: dict[str, Any]) -> tuple[list[Mark], list[str]]:
    """The spans to mark (removed lines, evidence, triggers, mentions) and the event legend."""
    marks: list[Mark] = []
    legend: list[str] = []
    for r in art["removed_lines"]:
        label = f"[removed: {r['reason']}] "
        marks.append(Mark(r["start"], r["end"], "dim strike", label, "", label, "", "red"))
    by_evidence: dict[tuple[int, int], list[str]] = {}
    for i, e in enumerate(art["events"], start=1):
        label = f"E{i}"
        ev = e["evidence"]
        if ev["start"] is not None and ev["end"] is not None:
            by_evidence.setdefault((ev["start"], ev["end"]), []).append(label)
        flags = (" NOT" if e["negated"] else "") + (
            f" [{e['modality']}]" if e["modality"] and e["modality"] != "asserted" else "")
        legend.append(
            f"{label}{flags} {e['date'] or '-'} ({e['date_source']}): "
            f"{actor_label(e['source'])} -> {e['cameo']} {cameo_name(e['cameo'])} -> "
            f"{actor_label(e['target'])}" + (f"  trigger {e['trigger']!r}" if e["trigger"] else "")
            + (f"  at {place_label(e['location'])} ({e['location']['source']})" if e.get("location") else "")
        )
        ts, te = e.get("trigger_start", -1), e.get("trigger_end", -1)
        if ts is not None and te is not None and 0 <= ts < te:
            marks.append(Mark(ts, te, "bold magenta underline", "*", f"*{{{label}}}",
                              "", f"{{{label}}}", "magenta"))
    for (s, t), labels in by_evidence.items():
        tag = ",".join(labels)
        marks.append(Mark(s, t, "on grey19", f"<<{tag}: ", ">>", f"{tag} ", "", "bold yellow"))
    seen: set[tuple[int, int]] = set()
    for m in art["mentions"]:
        if (m["start"], m["end"]) in seen:
            continue
        seen.add((m["start"], m["end"]))
        marks.append(Mark(m["start"], m["end"], "bold cyan", "[", f"|{m['code']}]",
                          "", f"[{m['code']}]", "cyan"))
    return marks, legend


def _pieces(text: str, marks: list[Mark], plain: bool) -> list[tuple[str, str]]:
    """The text cut at mark boundaries, with markers inserted: (piece, style) pairs."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[tuple[str, str]] = []
    for i, pos in enumerate(points):
        # closers of spans ending here (inner first), then openers (outer first)
        for m in sorted((m for m in marks if m.end == pos), key=lambda m: -m.start):
            close = m.close_plain if plain else m.close_rich
            if close:
                pieces.append((close, m.label_style))
        for m in sorted((m for m in marks if m.start == pos), key=lambda m: -m.end):
            opening = m.open_plain if plain else m.open_rich
            if opening:
                pieces.append((opening, m.label_style))
        if i + 1 < len(points):
            nxt = points[i + 1]
            active = " ".join(m.style for m in marks if m.start <= pos and m.end >= nxt)
            pieces.append((term_safe(text[pos:nxt]), active))
    return pieces


def render_article(art: dict[str, Any], plain: bool) -> Text | str:
    """The article text with actor mentions, triggers, evidence and removed lines marked."""
    marks, legend = _marks(art)
    pieces = _pieces(art["text"], marks, plain)
    head = [term_safe(f"{art['doc_id']}  {art.get('title') or ''}".rstrip()),
            term_safe(f"published {art.get('published') or '-'} ({art.get('published_source')}), "
                      f"language {art.get('language')} ({art.get('language_source')}), "
                      f"origin {art.get('origin')}")]
    legend = [term_safe(line) for line in legend]
    tail = ["", f"{len(art['events'])} events:", *legend] if legend else ["", "no events"]
    if plain:
        key = "marks: [mention|ACTOR]  *trigger*{E#}  <<E#: evidence>>  [removed: reason] line"
        body = "".join(p for p, _ in pieces)
        return "\n".join([*head, key, "", body.rstrip("\n"), *tail]) + "\n"
    out = Text()
    out.append("\n".join(head) + "\n", style="bold")
    out.append("marks: ", style="dim")
    for sample, style in (("mention[ACTOR]", "bold cyan"), ("trigger{E#}", "bold magenta underline"),
                          ("E# evidence", "on grey19"), ("removed line", "dim strike")):
        out.append(sample, style=style)
        out.append("  ")
    out.append("\n\n")
    for piece, style in pieces:
        out.append(piece, style=style or None)
    out.append("\n".join(["", *tail]) + "\n")
    return out


@app.command()
@handles_errors
def show(
    doc_id: str = typer.Argument(..., help="The article's doc_id."),
    db: Path = DB_OPTION,
    plain: bool = typer.Option(False, "--plain", help="Plain-text markers instead of colours."),
) -> None:
    """Show an article with its actor mentions, triggers, evidence and removed lines marked."""
    from .store import Store

    with Store(db, read_only=True) as store:
        art = store.article(doc_id)
    if art is None:
        raise UsageError(f"no article {doc_id!r} in {db}")
    rendered = render_article(art, plain)
    try:
        if plain:
            sys.stdout.write(rendered)
        else:
            _stdout().print(rendered, soft_wrap=True)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_error(exc, "standard output") from None


# ---- export, rejections ---------------------------------------------------------------


@app.command()
@handles_errors
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet, gdelt (GDELT 2.0 "
                            "event table, one row per story, or with --table mentions its "
                            "mentions table; tab-separated) or plover (PLOVER JSON lines)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout; parquet needs one)."),
    db: Path = DB_OPTION,
    table: str = typer.Option("events", "--table", help="events (one article's report of an "
                              "act), stories (one act, all its reports), mentions (every "
                              "sentence stating an event) or actor_mentions."),
    actor: Optional[str] = ACTOR_FILTER,
    since: Optional[str] = SINCE_FILTER,
    until: Optional[str] = UNTIL_FILTER,
    root: Optional[str] = ROOT_FILTER,
    quad: Optional[int] = QUAD_FILTER,
    doc: Optional[str] = DOC_FILTER,
    include_negated: bool = typer.Option(False, "--include-negated", help="Also export negated events."),
    where: Optional[str] = typer.Option(None, "--where", help=EXPORT_WHERE_HELP),
) -> None:
    """Export events, stories or mentions as JSONL, CSV, Parquet, GDELT 2.0 rows or PLOVER JSON."""
    from . import export as ex
    from .store import Store

    fmt = fmt.lower()
    if fmt not in ex.FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(ex.FORMATS)}")
    if table not in ex.TABLES:
        raise UsageError(f"--table: {table!r} is not one of {', '.join(ex.TABLES)}")
    if fmt in ex.EVENTS_ONLY and table != "events":
        raise UsageError(f"--format {fmt} exports events only, not --table {table}")
    if fmt == "gdelt" and table not in ex.GDELT_TABLES:
        raise UsageError(f"--format gdelt exports events, stories or mentions, not --table {table}")
    if table == "mentions":
        print(f"jalin: {ex.MENTIONS_NOTE}", file=sys.stderr)
    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet needs -o FILE")
    if output is not None and not output.parent.exists():
        raise UsageError(f"-o: directory does not exist: {output.parent}")
    query = event_query(actor, since, until, root, quad, doc, include_negated, located_in=where)
    if query.located_in and table == "actor_mentions":
        raise UsageError("--where filters events, stories and mentions, not actor mentions")
    if output is not None and output.is_dir():
        raise OutputError(f"cannot write {output}: it is a folder")
    with Store(db, read_only=True) as store:
        ex.check_store(store, fmt, table)  # before any output file is opened
        if fmt == "parquet":
            n = ex.export(store, fmt, out=output, table=table, query=query)
        elif output is None:
            try:
                ex.export(store, fmt, fh=sys.stdout, table=table, query=query)
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise output_error(exc, "standard output") from None
            return
        else:
            try:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    n = ex.export(store, fmt, fh=fh, table=table, query=query)
            except OSError as exc:
                raise output_error(exc, str(output)) from None
    what = "stories" if fmt == "gdelt" and table == "events" else table  # a GDELT event is a story
    print(f"jalin: wrote {n} {what} to {output}", file=sys.stderr)


@app.command()
@handles_errors
def rejections(db: Path = DB_OPTION) -> None:
    """List inputs that could not be coded, with the reason."""
    from .store import Store

    with Store(db, read_only=True) as store:
        rows = store.rejections()
    out = _stdout()
    if not rows:
        _print(out, "no rejections")
        return
    table = Table(title=f"{len(rows)} rejections", title_justify="left")
    for col in ("origin", "doc_id", "reason", "detail", "at"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(escape(term_safe(r["origin"] or "")), escape(term_safe(r["doc_id"] or "-")),
                      escape(term_safe(r["reason"])),
                      escape(term_safe(_excerpt(r["detail"] or "", 120))),
                      r["at"].strftime("%Y-%m-%d %H:%M:%S") if r["at"] else "")
    _print(out, table)


def _register_serve() -> None:
    # cli_serve imports FastAPI/uvicorn only when the command runs (the "serve" extra)
    from .api.cli_serve import serve_command

    app.command("serve")(handles_errors(serve_command))


_register_serve()

_register_actors(app)
_register_places(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="jalin")


if __name__ == "__main__":
    main()
