"""Which module may import which: read from the source, so a lazy import inside a function
counts as much as one at the top.

- `legache/` is infrastructure (settings, URLs, caches, limits): it imports no app.
- `runlog` names causes and strategies by slug only: it never imports `assessments`.
- No import cycle between any two modules of the project (migrations aside).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("legache", "accounts", "assessments", "runlog", "helplines")
APPS = ("accounts", "assessments", "runlog", "helplines")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules `name` imports, anywhere in its source."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + [node.module or ""])
                base = base.rstrip(".")
            else:
                base = node.module
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _top(name: str) -> str:
    return name.split(".")[0]


def test_the_walk_sees_the_projects_imports():
    # Not vacuous: known edges are found, lazy ones included.
    assert "runlog.models" in GRAPH["runlog.imports"]
    assert "runlog.models" in GRAPH["accounts.forms"]
    assert len(MODULES) > 60


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _top(n) == "legache"))
def test_legache_imports_no_app(name):
    assert not [target for target in GRAPH[name] if _top(target) in APPS]


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _top(n) == "runlog"))
def test_runlog_never_imports_assessments(name):
    assert not [target for target in GRAPH[name] if _top(target) == "assessments"]


def test_no_import_cycles():
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert cycles == []
