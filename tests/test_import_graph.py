"""The package's import graph, read from the source: layers point one way and no module is imported in a cycle.

Every import counts, including those inside functions (deferred for start-up speed): a deferred import still
ties the two modules together. ``from package import name`` points at the submodule when ``name`` is one, else
at the package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "desktop" / "variorum"
QT = ("PySide6", "shiboken6")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules (of the package, or external top-level names) that ``name`` imports."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for target in _imports(name, path, known):
            # `import a.b.c` loads a and a.b too, but that is loading, not depending: keep the named module.
            if target != name:
                edges.add(target)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def _offending(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{m} -> {t}" for m, targets in _graph().items() if m == layer or m.startswith(layer + ".")
                  for t in targets if t.split(".")[0] in forbidden or t.startswith(forbidden))


def test_the_graph_sees_the_package():
    graph = _graph()
    assert "variorum.core.case" in graph and "variorum.ui.session" in graph
    assert "variorum.core.model" in graph["variorum.core.case"] or any(
        t.startswith("variorum.core") for t in graph["variorum.core.case"])


def test_no_module_is_imported_in_a_cycle():
    assert _cycles(_graph()) == []


def test_a_cycle_would_be_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("variorum.core", (*QT, "variorum.ui", "variorum.cli", "variorum.cli_compare", "variorum.cli_notes",
                       "variorum.report_pdf", "variorum.app_args")),
    ("variorum.ui", ("variorum.cli", "variorum.cli_compare", "variorum.cli_notes")),
    ("variorum.cli", (*QT, "variorum.ui.window", "variorum.ui.session")),
    ("variorum.cli_compare", (*QT, "variorum.ui")),
    ("variorum.cli_notes", (*QT, "variorum.ui")),
    ("variorum.app_args", (*QT, "variorum.ui")),
])
def test_layers_point_one_way(layer, forbidden):
    assert _offending(layer, forbidden) == []
