"""artlint's modules import one another without cycles, and no import inside a function hides one.

The graph is read from the source with `ast`, not by importing: an edge a -> b for every
`import` or `from ... import` in a that names b, a sub-module of b, or a package b is in (Python
initialises the packages of a module before the module). Module-level imports are those run
when the module is loaded: the module's body, its `if`, `try` and `with` blocks and its class
bodies. Imports under `if TYPE_CHECKING:` count too: a cycle there is still two modules that
each need the other, and it becomes one at run time as soon as either import is needed then.

Imports inside functions are allowed for start-up speed only (a heavy module loaded when it is
needed, not when artlint starts); each has a comment saying so, on its line or just above its
group of imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import artlint

PACKAGE = Path(artlint.__file__).parent


def _modules(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package by its __init__.py)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement may load: each `import a.b`, and for `from a import
    b` both `a.b` (b may be a sub-module) and `a`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the importing module's package, up level - 1 packages
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def _imports(tree: ast.Module, with_functions: bool) -> list[ast.Import | ast.ImportFrom]:
    """The import statements run when the module is loaded; with `with_functions`, also those
    inside functions and methods."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and not with_functions:
            continue
        else:
            pending.extend(ast.iter_child_nodes(node))
    return found


def import_graph(package: Path, with_functions: bool = False) -> dict[str, set[str]]:
    modules = _modules(package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets: set[str] = set()
        for node in _imports(tree, with_functions):
            for imported in _imported_names(node, name, path.name == "__init__.py"):
                if imported in modules:
                    targets.add(imported)
                # The packages it is in, initialised before it; but the importing module's own
                # packages were initialised before the module itself (unless it names them).
                parts = imported.split(".")
                for end in range(1, len(parts)):
                    package = ".".join(parts[:end])
                    if package in modules and not name.startswith(package + "."):
                        targets.add(package)
        targets.discard(name)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        state[start] = 1
        stack = [iter(sorted(graph[start]))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(following) == 1:
                return path[path.index(following) :] + [following]
            elif following not in state:
                state[following] = 1
                path.append(following)
                stack.append(iter(sorted(graph.get(following, ()))))
    return None


def test_the_module_level_import_graph_has_no_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert "artlint.results" in graph["artlint.engine"]  # the graph is read at all
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_import_inside_a_function_hides_a_cycle() -> None:
    graph = import_graph(PACKAGE, with_functions=True)
    assert "artlint.document" in graph["artlint.engine"]  # imported inside _check_source
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle through an import inside a function: " + " -> ".join(cycle or [])


def test_every_import_inside_a_function_says_why() -> None:
    unexplained = []
    for path in _modules(PACKAGE).values():
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines), str(path))
        functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for function in functions:
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and not _commented(lines, node.lineno):
                    unexplained.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert unexplained == [], "imports inside functions without a comment saying why:\n" + "\n".join(unexplained)


def _commented(lines: list[str], number: int) -> bool:
    """Whether the import on line `number` (from 1), or the group of import lines it is in, has a
    comment on one of its lines or on the line just above the group."""
    first = number
    while first > 1 and _is_import(lines[first - 2]):
        first -= 1
    last = number
    while last < len(lines) and _is_import(lines[last]):
        last += 1
    group = lines[first - 1 : last]
    above = lines[first - 2].strip() if first > 1 else ""
    return above.startswith("#") or any("#" in line for line in group)


def _is_import(line: str) -> bool:
    return line.strip().startswith(("import ", "from ")) or not line.strip()


# --------------------------------------------------------------------------- the checker itself


def test_a_cycle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import helper\n")
    (package / "b.py").write_text("def helper():\n    from pkg import a\n\n    return a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from pkg.d import D\n")
    (package / "d.py").write_text("from . import c\n\n\nclass D:\n    pass\n")
    graph = import_graph(package)
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": set(), "pkg.c": {"pkg.d"}, "pkg.d": {"pkg", "pkg.c"}}
    assert find_cycle(graph) == ["pkg.c", "pkg.d", "pkg.c"]
    (package / "c.py").write_text("")
    assert find_cycle(import_graph(package)) is None
    assert find_cycle(import_graph(package, with_functions=True)) == ["pkg.a", "pkg.b", "pkg.a"]
