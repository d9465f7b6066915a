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

import errno
import functools
import os
import re
import sys
import traceback
from dataclasses import dataclass
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import EXIT_CRASH, JalinError, OutputError, UsageError
from .models import PartialDate, Rejection

DEFAULT_DB = "jalin.duckdb"  # same as jalin.store.DEFAULT_DB (not imported: keeps --help fast)
DEFAULT_TIMEOUT = 20.0  # same as jalin.runners.watchdog.DEFAULT_TIMEOUT

app = typer.Typer(
    name="jalin",
    help="Turn Indonesian and English news articles into coded political events "
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


def _print(console: Console, what: Any) -> None:
    """Print to stdout; a full or failing stdout is one OutputError."""
    try:
        console.print(what)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_error(exc, "standard output") from None


# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that reorder what a terminal shows.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def term_safe(text: Any) -> str:
    """Text for a terminal: control characters and escape sequences as visible escapes."""
    text = "" if text is None else str(text)
    return _UNSAFE_RE.sub(_escape_char, text)


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that the flush at
    exit does not fail again with a message of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def output_error(exc: OSError, target: str) -> OutputError:
    what = exc.strerror or str(exc)
    if isinstance(exc, IsADirectoryError):
        what = "it is a folder"
    return OutputError(f"cannot write {target}: {what}")


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """JalinError -> one line on stderr and its exit status; a closed pipe -> quiet
    exit; anything else (a bug) -> the traceback, one line, exit status 5."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except JalinError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()
            msg = " ".join(term_safe(exc).split()) or type(exc).__name__
            print(f"jalin: error: {msg}", file=sys.stderr)
            raise typer.Exit(exc.exit_status) from None
        except BrokenPipeError:  # `jalin events | head`: the reader has gone
            _silence_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EROFS):
                _silence_stdout()
                print(f"jalin: error: {output_error(exc, 'the output')}", file=sys.stderr)
                raise typer.Exit(OutputError.exit_status) from None
            return _crash(exc)
        except Exception as exc:  # a bug: show where, and say so
            return _crash(exc)

    return wrapper


def _crash(exc: BaseException) -> None:
    traceback.print_exc(file=sys.stderr)
    print(f"jalin: internal error (a bug in jalin, please report it): "
          f"{type(exc).__name__}: {term_safe(exc)}", file=sys.stderr)
    raise typer.Exit(EXIT_CRASH) from None


def parse_date_option(value: str | None, option: str) -> PartialDate | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from the command line, else a UsageError."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise UsageError(f"{option}: not a date: {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)") from None


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
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (1 = in this process); "
                                "with --runner ray, the CPUs of a local Ray instance (1 = all)."),
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

        def run(inputs: Any, store: Any, workers: int, progress: Any, timeout: Any) -> Any:
            return ray_data.run(inputs, store, num_cpus=workers if workers > 1 else None,
                                progress=progress, timeout=timeout)

    err = _stderr()
    shown: list[Rejection] = []
    reasons: Counter[str] = Counter()

    with Store(db) as store:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
        from rich.progress import TimeElapsedColumn

        progress = Progress(
            SpinnerColumn(),
            TextColumn("coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[events]} events, {task.fields[rejected]} rejected"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("coding", total=None, events=0, rejected=0)
            n_events = 0

            def tick(item: Any, outcome: Any) -> None:
                nonlocal n_events
                if isinstance(outcome, Rejection):
                    reasons[outcome.reason] += 1
                    if len(shown) < 20:
                        shown.append(outcome)
                else:
                    n_events += sum(1 for e in outcome.events if not e.negated)
                progress.update(task, advance=1, events=n_events, rejected=sum(reasons.values()))

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
    table.add_row("store now holds", f"{totals['articles']} articles, {totals['events']} events")
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


@app.command()
@handles_errors
def events(
    db: Path = DB_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Country, organisation or actor code (KAZ, CSTO, RUSGOV) on either side."),
    since: Optional[str] = typer.Option(None, "--since", help="Events dated on or after: YYYY, YYYY-MM or YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events dated on or before: YYYY, YYYY-MM or YYYY-MM-DD."),
    root: Optional[str] = typer.Option(None, "--root", help="CAMEO root code, 01..20 (e.g. 04 consult)."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only events of this article (doc_id)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="At most this many events."),
    include_negated: bool = typer.Option(False, "--include-negated", help="Also list negated events."),
) -> None:
    """List coded events: date, source, event, target, evidence."""
    from .store import Store

    since_d = parse_date_option(since, "--since")
    until_d = parse_date_option(until, "--until")
    with Store(db, read_only=True) as store:
        rows = store.events(actor=actor, since=since_d, until=until_d, root=root, doc_id=doc,
                            limit=limit, include_negated=include_negated)
    out = _stdout()
    if not rows:
        _print(out, "no events match")
        return
    table = Table(title=f"{len(rows)} events", title_justify="left", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=24)
    table.add_column("event", max_width=28)
    table.add_column("target", max_width=24)
    table.add_column("evidence", min_width=30, ratio=1)
    for e in rows:
        name = cameo_name(e["cameo"])
        what = f"{e['cameo']} {name}".strip()
        if e["negated"]:
            what = "NOT " + what
        if e["modality"] and e["modality"] != "asserted":
            what += f" [{e['modality']}]"
        ev = e["evidence"]
        around = None
        if e.get("trigger_start", -1) >= 0 and ev["start"] is not None:
            around = (e["trigger_start"] - ev["start"], e["trigger_end"] - ev["start"])
        table.add_row(
            escape(term_safe(e["date"] or "-")),
            escape(term_safe(actor_label(e["source"]))),
            escape(term_safe(what)),
            escape(term_safe(actor_label(e["target"]))),
            escape(term_safe(_excerpt(ev["sentence"], 100, around))),
        )
    _print(out, table)


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
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout; parquet needs one)."),
    db: Path = DB_OPTION,
    table: str = typer.Option("events", "--table", help="events or mentions."),
    include_negated: bool = typer.Option(False, "--include-negated", help="Also export negated events."),
) -> None:
    """Export events (or actor mentions) as JSONL, CSV or Parquet."""
    from . import export as ex
    from .store import Store

    fmt = fmt.lower()
    if fmt not in ex.FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(ex.FORMATS)}")
    if table not in ex.TABLES:
        raise UsageError(f"--table: {table!r} is not one of {', '.join(ex.TABLES)}")
    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet needs -o FILE")
    if output is not None and not output.parent.exists():
        raise UsageError(f"-o: directory does not exist: {output.parent}")
    if output is not None and output.is_dir():
        raise OutputError(f"cannot write {output}: it is a folder")
    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            ex.export(store, fmt, out=output, table=table, include_negated=include_negated)
        elif output is None:
            try:
                ex.export(store, fmt, fh=sys.stdout, table=table, include_negated=include_negated)
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise output_error(exc, "standard output") from None
        else:
            try:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    n = ex.export(store, fmt, fh=fh, table=table, include_negated=include_negated)
            except OSError as exc:
                raise output_error(exc, str(output)) from None
            print(f"jalin: wrote {n} {table} to {output}", file=sys.stderr)


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

from .cli_actors import register as _register_actors  # noqa: E402

_register_actors(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="jalin")


if __name__ == "__main__":
    main()
