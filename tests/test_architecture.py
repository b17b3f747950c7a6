"""The house stays easy to find one's way in: no import cycle between modules or packages of
`tui` (counting imports inside functions, which hide cycles from a plain import), core grouped
into packages named after what a person does, and no module grown past one job's size.
The layers themselves are import-linter contracts in pyproject.toml (`lint-imports`)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tui"
#: A module past this many lines is doing more than one job (about 400, with some slack).
MOST_LINES = 430
#: Modules directly in tui/core: the few that stand above every feature.
MOST_TOP_MODULES = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> set[str]:
    """Every module of `tui` that `path` imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in known:
                    found.add(submodule)
                elif node.module in known:
                    found.add(node.module)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, set(known)) - {name} for name, path in known.items()}


def package_of(name: str) -> str:
    """`tui.core.vault.store` -> `tui.core.vault`; `tui.screens.home` -> `tui.screens`."""
    parts = name.split(".")
    depth = 3 if parts[:2] == ["tui", "core"] else 2
    return ".".join(parts[:depth])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    assert cycles(graph()) == []


def test_no_import_cycle_between_packages():
    between: dict[str, set[str]] = defaultdict(set)
    for name, targets in graph().items():
        for target in targets:
            if package_of(name) != package_of(target) and not name.startswith(
                package_of(target) + "."
            ):
                between[package_of(name)].add(package_of(target))
    # A package's own __init__ sits above its modules; the face `tui.core` lists them.
    between.pop("tui.core", None)
    assert cycles(dict(between)) == []


def test_core_is_grouped_into_packages():
    top = sorted(path.name for path in (PACKAGE / "core").glob("*.py"))
    assert len(top) <= MOST_TOP_MODULES, top
    packages = {path.parent.name for path in (PACKAGE / "core").glob("*/__init__.py")}
    assert {"vault", "evidence", "binder", "places", "takedowns", "kiosk", "shared"} <= packages


def test_no_module_is_doing_several_jobs():
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
