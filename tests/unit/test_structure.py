"""The package's structure: no import cycle, and no format family reaching into another's private names."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import carveplan

ROOT = Path(carveplan.__file__).parent
IO_FAMILIES = ("native", "workbook", "schedule", "sheets", "mspdi", "present", "reports", "trade")


def _module_name(path: Path) -> str:
    parts = ["carveplan", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in ROOT.rglob("*.py")}


def _imports(name: str) -> Iterator[tuple[str, str]]:
    """Every (module, imported name) this module imports, at any depth (imports inside functions too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            yield from ((base, alias.name) for alias in node.names)


def _edges(name: str) -> set[str]:
    """The package modules this module depends on: `from pkg import sub` depends on pkg.sub."""
    found = set()
    for module, imported in _imports(name):
        if f"{module}.{imported}" in MODULES:
            found.add(f"{module}.{imported}")
        elif module in MODULES:
            found.add(module)
    found.discard(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _family(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 3 and parts[1] == "io" and parts[2] in IO_FAMILIES else None


def test_no_import_cycle_inside_the_package() -> None:
    graph = {name: _edges(name) for name in MODULES}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_formats_use_only_public_names_of_other_formats() -> None:
    reaching = []
    for name in MODULES:
        for module, imported in _imports(name):
            theirs = _family(module)
            if theirs and theirs != _family(name) and imported.startswith("_"):
                reaching.append(f"{name} imports {module}.{imported}")
    assert reaching == []


def test_the_io_families_are_folders() -> None:
    assert {p.name for p in (ROOT / "io").iterdir() if (p / "__init__.py").exists()} == set(IO_FAMILIES)
