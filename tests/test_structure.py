"""The shape of ``src/jalin``: languages live in ``jalin/lang/`` only, and no import cycles.

Both checks read the source with :mod:`ast` (nothing is imported or run):

* **language branches** — outside ``jalin/lang/`` no code may test a
  language code (``"id"``, ``"en"``, ``"ms"``: every code of a registered
  pack): no comparison with one (``==``, ``!=``, ``in``, ``is``), no
  ``match``/``case`` on one, no table or list of two or more codes
  (``SUPPORTED = ("id", "en")``, ``{"id": ..., "en": ...}``, ``{"ind": "id",
  "eng": "en"}``), and no code as
  a language's default or fallback (``lang or "id"``, ``x if c else "en"``,
  ``def f(lang="id")``, ``f(lang="en")``, ``lang = "id"``). A string that
  only happens to equal a code is left alone: a JSON or HTML key read with
  ``obj["id"]``, ``obj.get("id")`` or ``attr(el, "id")`` is not a language.
* **import cycles** — the graph of ``jalin`` modules built from every
  ``import`` statement, at module level, inside functions and under
  ``if TYPE_CHECKING:`` alike, relative imports resolved, has no cycle.

Each check is also run on synthetic bad code to show it can fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import jalin
from jalin.lang import packs

SRC = Path(jalin.__file__).parent
LANG_DIR = SRC / "lang"
CODES = frozenset(p.code for p in packs())
# (path relative to src/jalin, line) of code that matches a rule but is truly no language branch
ALLOWED: frozenset[tuple[str, int]] = frozenset()
_LANG_NAMES = ("lang", "language")


# ---------------------------------------------------------------- language branches

def _code(node: ast.AST | None, codes: frozenset[str]) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in codes


def _codes_in(node: ast.AST | None, codes: frozenset[str]) -> set[str]:
    """Codes a literal names: itself, the elements of a tuple/list/set, a dict's keys and values,
    or the argument of set()/frozenset()/tuple()/list()."""
    if node is None:
        return set()
    if _code(node, codes):
        return {node.value}
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return {e.value for e in node.elts if _code(e, codes)}
    if isinstance(node, ast.Dict):
        return {x.value for x in (*node.keys, *node.values) if _code(x, codes)}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in ("set", "frozenset", "tuple", "list") and node.args:
        return _codes_in(node.args[0], codes)
    return set()


def _is_lang_name(name: str) -> bool:
    return any(n in name.lower() for n in _LANG_NAMES)


def language_branches(source: str, codes: frozenset[str] = CODES) -> list[tuple[int, str]]:
    """(line, what) for every use of a language code as a branch, table or default."""
    found: dict[int, str] = {}

    def hit(node: ast.AST, what: str) -> None:
        found.setdefault(node.lineno, what)

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_codes_in(o, codes) for o in operands):
                hit(node, "comparison with a language code")
        elif isinstance(node, ast.match_case):
            for sub in ast.walk(node.pattern):
                if isinstance(sub, ast.MatchValue) and _code(sub.value, codes):
                    hit(sub, "match on a language code")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            if len(_codes_in(node, codes)) >= 2:
                hit(node, "a table of language codes")
        elif isinstance(node, ast.BoolOp):
            if any(_code(v, codes) for v in node.values):
                hit(node, "a language code as fallback")
        elif isinstance(node, ast.IfExp):
            if _code(node.body, codes) or _code(node.orelse, codes):
                hit(node, "a language code chosen by a condition")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            pos = [*args.posonlyargs, *args.args]
            pairs = list(zip(pos[len(pos) - len(args.defaults):], args.defaults))
            pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
            for arg, default in pairs:
                inner = default.args[:1] if isinstance(default, ast.Call) else [default]
                if _is_lang_name(arg.arg) and any(_code(x, codes) for x in inner):
                    hit(default, "a language code as default")
        elif isinstance(node, ast.keyword):
            if node.arg and _is_lang_name(node.arg) and _code(node.value, codes):
                hit(node.value, "a language code as argument")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if _code(node.value, codes) and any(isinstance(t, ast.Name) and _is_lang_name(t.id)
                                                for t in targets):
                hit(node, "a language code assigned to a language variable")
    return sorted(found.items())


def _sources_outside_lang() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if LANG_DIR not in p.parents)


def test_no_language_branches_outside_lang():
    problems = []
    for path in _sources_outside_lang():
        rel = path.relative_to(SRC).as_posix()
        for line, what in language_branches(path.read_text(encoding="utf-8")):
            if (rel, line) not in ALLOWED:
                problems.append(f"src/jalin/{rel}:{line}: {what}")
    assert not problems, "language branches outside jalin/lang/ (ask the pack instead):\n" + "\n".join(problems)


def test_the_check_reads_the_whole_package():
    files = _sources_outside_lang()
    assert len(files) > 40 and any(p.name == "roles.py" for p in files)
    assert CODES >= {"id", "en"} and not any(LANG_DIR in p.parents for p in files)


@pytest.mark.parametrize("source", [
    'if lang == "en":\n    pass',
    'ok = "id" != lex.lang',
    'if lang in ("id", "ms"):\n    pass',
    'x = lang if lang in SUPPORTED else "id"',
    'y = {hint, detected} <= {"id", "ms"}',
    'z = code not in frozenset({"en"})',
    'SUPPORTED = ("id", "en")',
    'LANGS = ["en", "ms"]',
    'NAMES = {"ms": "Malay", "id": "Indonesian"}',
    'ALIASES = {"ind": "id", "eng": "en"}',
    'lang = lang or "id"',
    'def f(text, lang="en"):\n    pass',
    'def f(lang: str = typer.Option("id", "--lang")):\n    pass',
    'find(text, lang="ms")',
    'language = "en"',
    'match lang:\n    case "ms":\n        pass',
])
def test_the_language_check_can_fail(source):
    assert language_branches(source), source


@pytest.mark.parametrize("source", [
    'doc_id = obj.get("id", obj.get("doc_id"))',
    'key = row["id"]',
    'names = f"{attr(el, \'class\')} {attr(el, \'id\')}"',
    'node = {"id": k, "events": 0}',
    'pack = get_pack(lang)\nif pack.modifier_first:\n    pass',
    '"""A docstring naming "id" and "en" is prose."""',
    'if word == "in":\n    pass',
])
def test_the_language_check_leaves_other_strings_alone(source):
    assert language_branches(source) == []


# ---------------------------------------------------------------- import cycles

def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """module -> modules of ``package`` it imports (every import statement, anywhere in the file)."""
    modules: dict[str, tuple[Path, bool]] = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        modules[".".join([package, *parts])] = (path, is_pkg)

    def known(name: str | None) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, (path, is_pkg) in modules.items():
        here = mod if is_pkg else mod.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1])
                    full = f"{base}.{node.module}" if node.module else base
                else:
                    full = node.module or ""
                # "from . import x" / "from .pkg import mod": the submodule itself when it is one
                targets = [f"{full}.{a.name}" if f"{full}.{a.name}" in modules else full for a in node.names]
            for t in targets:
                dest = known(t)
                if dest is not None and dest != mod:
                    graph[mod].add(dest)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_cycles():
    graph = import_graph(SRC, "jalin")
    assert "jalin.coding.roles" in graph and "jalin.lang" in graph["jalin.coding.coder"]
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_the_cycle_check_can_fail(tmp_path):
    _write(tmp_path, {
        "__init__.py": "",
        "a.py": "from .sub import b\n",
        "sub/__init__.py": "",
        "sub/b.py": "def later():\n    from .. import c\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import thing\n",
    })
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.sub.b"} and graph["pkg.sub.b"] == {"pkg.c"} and graph["pkg.c"] == {"pkg.a"}
    cycle = find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"pkg.a", "pkg.sub.b", "pkg.c"}


def test_the_cycle_check_passes_a_tree(tmp_path):
    _write(tmp_path, {"__init__.py": "from . import a\n", "a.py": "import pkg.b\n", "b.py": "import os\n"})
    graph = import_graph(tmp_path, "pkg")
    assert graph == {"pkg": {"pkg.a"}, "pkg.a": {"pkg.b"}, "pkg.b": set()}
    assert find_cycle(graph) is None
