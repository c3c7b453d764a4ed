"""The engine's floors: no import cycle, no upward import, modules of one concern.

The import graph is computed with :mod:`ast` over every module of ``scripts/briefbook``,
imports inside functions and ``TYPE_CHECKING`` blocks included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "briefbook"
#: Lowest first: a module may import from its own floor and the floors before it.
FLOORS = ("core", "read", "analyse", "render", "check", "ingest", "site", "bench", "cli")
MAX_LINES = 500
#: Imports allowed inside a function: optional or heavy dependencies loaded on demand.
LAZY = {("briefbook.cli", "briefbook.cli.bench"),
        ("briefbook.cli.book", "briefbook.ingest.html"),
        ("briefbook.cli.book", "briefbook.ingest.references"),
        ("briefbook.cli.check", "briefbook.site.printview"),
        ("briefbook.cli", "briefbook.cli.evaluate")}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _target(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path) -> list[tuple[str, bool]]:
    """``(imported engine module, inside a function)`` for every import of ``module``."""
    tree = ast.parse(path.read_text("utf-8"))
    inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef,
                                                               ast.AsyncFunctionDef))
             for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = _target(module, path, node)
            candidates = [f"{base}.{a.name}" for a in node.names] + [base]
        elif isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        else:
            continue
        for name in candidates:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.append((name, id(node) in inner))
                break
    return found


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def _floor(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return len(FLOORS)  # the package root sits above everything
    return FLOORS.index(parts[1])


def test_every_module_is_on_a_floor() -> None:
    strays = [m for m in MODULES if m.count(".") >= 1 and m.split(".")[1] not in FLOORS]
    assert not strays, f"modules outside the floors {FLOORS}: {strays}"


def test_no_import_goes_up_a_floor() -> None:
    upward = sorted(f"{m} → {t}" for m, edges in GRAPH.items() for t, _ in edges
                    if _floor(t) > _floor(m))
    assert not upward, "imports from a higher floor:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    edges = {m: {t for t, _ in GRAPH[m]} for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_no_engine_import_inside_a_function_except_lazy_commands() -> None:
    hidden = sorted(f"{m} → {t}" for m, edges in GRAPH.items() for t, inner in edges
                    if inner and (m, t) not in LAZY)
    assert not hidden, "engine imports inside functions:\n" + "\n".join(hidden)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_size(module: str) -> None:
    lines = MODULES[module].read_text("utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines (split it by concern)"


def test_click_only_in_the_cli() -> None:
    users = sorted(m for m, p in MODULES.items() if not m.startswith("briefbook.cli")
                   and ("import click" in p.read_text("utf-8")
                        or "from click" in p.read_text("utf-8")))
    assert not users, f"click imported outside briefbook.cli: {users}"


@pytest.mark.parametrize("floor", FLOORS[:-1])
def test_each_floor_declares_its_modules(floor: str) -> None:
    init = PACKAGE / floor / "__init__.py"
    tree = ast.parse(init.read_text("utf-8"))
    declared = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                    and any(getattr(t, "id", None) == "__all__" for t in n.targets))
    present = sorted(p.stem for p in (PACKAGE / floor).glob("*.py")
                     if p.stem not in ("__init__", "__main__"))
    assert sorted(declared) == present, f"{floor}/__init__.py __all__ differs from its modules"


def test_the_detector_sees_a_planted_cycle(tmp_path: Path) -> None:
    """The graph code is not vacuous: an import inside a function is an edge."""
    source = "def f():\n    from briefbook.analyse.annotations import Annotations\n"
    path = tmp_path / "x.py"
    path.write_text(source)
    assert ("briefbook.analyse.annotations", True) in _imports("briefbook.core.x", path)
