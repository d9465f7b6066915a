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


def _code_lines() -> list[str]:
    lines = []
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.S):
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
