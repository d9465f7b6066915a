"""Docs that cannot drift: README examples must match the real CLI and Makefile."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from jalin.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)


def _blocks(*langs: str) -> list[str]:
    """The README's fenced code blocks in one of ``langs`` ("" = no language)."""
    blocks, lang, body = [], None, []
    for line in README.splitlines():
        if line.startswith("```"):
            if lang is None:
                lang, body = line[3:].strip(), []
            else:
                if lang in langs:
                    blocks.append("\n".join(body) + "\n")
                lang = None
        elif lang is not None:
            body.append(line)
    return blocks


def _code_lines() -> list[str]:
    lines = []
    for block in _blocks("", "sh", "bash", "console"):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                lines.append(line)
    return lines


def _jalin_examples() -> list[list[str]]:
    out = []
    for line in _code_lines():
        words = shlex.split(line.split(">")[0])
        if words and Path(words[0]).name == "jalin":
            out.append(words[1:])
    return out


EXAMPLES = _jalin_examples()


def _options(command) -> set[str]:
    opts = {"--help", "-h"}
    for p in command.params:
        opts.update(p.opts)
        opts.update(p.secondary_opts)
    return opts


def test_readme_has_examples():
    assert len(EXAMPLES) >= 8


def test_cli_help_lists_every_command():
    res = CliRunner().invoke(app, ["--help"])
    assert res.exit_code == 0
    for name in GROUP.commands:
        assert name in res.stdout


@pytest.mark.parametrize("words", EXAMPLES, ids=[" ".join(w)[:60] for w in EXAMPLES])
def test_readme_example_matches_cli(words):
    if words[0].startswith("-"):  # a top-level option such as --version
        assert words[0] in _options(GROUP)
        return
    name = words[0]
    assert name in GROUP.commands, f"README documents unknown command {name!r}"
    command = GROUP.commands[name]
    if hasattr(command, "commands") and len(words) > 1:  # a group: "lexicon coverage --code 19"
        assert words[1] in command.commands, f"README documents unknown command {name} {words[1]!r}"
        command, words = command.commands[words[1]], words[1:]
    known = _options(command)
    for w in words[1:]:
        if w.startswith("-"):
            assert w.split("=")[0] in known, f"jalin {name}: unknown option {w}"


@pytest.mark.parametrize("name", sorted(GROUP.commands))
def test_every_command_documented(name):
    assert any(w and w[0] == name for w in EXAMPLES), f"README has no example of jalin {name}"


@pytest.mark.parametrize("name", sorted(GROUP.commands))
def test_every_command_has_help(name):
    res = CliRunner().invoke(app, [name, "--help"])
    assert res.exit_code == 0 and "Usage" in res.stdout


def test_make_targets_in_readme_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.M))
    used = set(re.findall(r"\bmake ([a-z][\w-]*)", README))
    assert used and used <= targets, used - targets


def test_export_keys_documented():
    from jalin.export import EVENT_KEYS

    section = README.split("## Export format", 1)[1].split("\n## ", 1)[0]
    for key in EVENT_KEYS:
        assert f"`{key}`" in section, key


def test_readme_python_examples_run(tmp_path, monkeypatch):
    """The README's ``pycon`` sessions run as doctests, in a folder with samples/;
    its ``python`` blocks run too (after an export of the samples to events.csv)."""
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    import doctest

    (tmp_path / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    sessions = _blocks("pycon")
    assert sessions
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for i, block in enumerate(sessions):
        test = doctest.DocTestParser().get_doctest(block, {}, f"README pycon {i}", "README.md", 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    res = CliRunner().invoke(app, ["export", "--format", "csv", "-o", "events.csv",
                                   "--db", "demo.duckdb"])
    assert res.exit_code == 0, res.output
    for block in _blocks("python"):
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
        if "df" in namespace:
            assert str(namespace["df"]["cameo"].dtype) == "string"
            assert str(namespace["lf"]["cameo"].dtype) == "String"
