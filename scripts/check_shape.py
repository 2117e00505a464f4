"""Check the package's shape: module size, import cycles, late imports, private names, word lists.

    python scripts/check_shape.py        # prints every finding; exit 1 if there is one

- modules over 400 lines;
- import cycles between modules (every import counts, top-level or inside a function);
- imports inside functions (allowed only with a comment on the same or the previous line saying why);
- ``from x import _name`` across modules;
- Python lists, tuples or sets of more than 8 string literals of natural language outside
  ``knowledge/`` (a literal of letters and spaces counts as natural language, unless a comment
  just above says the list holds "identifiers, not words": column names, parser labels).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "dyads"
MAX_LINES = 400
MAX_WORDS = 8
WORD = re.compile(r"^[A-Za-z][A-Za-z' -]*$")
# a comment that says a list holds names of columns, labels or types, not words of a language
IDENTIFIERS = "identifiers, not words"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(
    node: ast.AST, current: str, is_package: bool, known: set[str]
) -> list[tuple[str, ast.stmt]]:
    found: list[tuple[str, ast.stmt]] = []
    for child in ast.walk(node):
        if isinstance(child, ast.Import):
            found += [(alias.name, child) for alias in child.names if alias.name in known]
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                package = current if is_package else current.rsplit(".", 1)[0]
                for _ in range(child.level - 1):
                    package = package.rsplit(".", 1)[0]
                base = f"{package}.{base}" if base else package
            for alias in child.names:
                full = f"{base}.{alias.name}"
                if full in known:
                    found.append((full, child))
                elif base in known:
                    found.append((base, child))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
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
                out.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main() -> int:
    files = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(f) for f in files}
    graph: dict[str, set[str]] = {}
    findings: list[str] = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        rel = path.relative_to(ROOT)
        if len(lines) > MAX_LINES:
            findings.append(f"{rel}: {len(lines)} lines")
        tree = ast.parse(source)
        name = module_name(path)
        is_package = path.name == "__init__.py"
        deps: set[str] = set()
        for target, _ in imported_modules(tree, name, is_package, known):
            deps.add(target)
        graph[name] = deps - {name}
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for stmt in ast.walk(func):
                if isinstance(stmt, ast.Import | ast.ImportFrom):
                    here = lines[stmt.lineno - 1]
                    above = lines[max(0, stmt.lineno - 4) : stmt.lineno - 1]
                    if "#" not in here and not any(line.strip().startswith("#") for line in above):
                        findings.append(
                            f"{rel}:{stmt.lineno}: import inside a function with no comment saying why"
                        )
        for stmt in ast.walk(tree):
            if isinstance(stmt, ast.ImportFrom) and stmt.module and stmt.module.startswith("dyads"):
                for alias in stmt.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        findings.append(f"{rel}:{stmt.lineno}: imports private {stmt.module}.{alias.name}")
        if "knowledge" not in path.relative_to(PACKAGE).parts:
            for node in ast.walk(tree):
                if not isinstance(node, ast.List | ast.Tuple | ast.Set):
                    continue
                if any(IDENTIFIERS in line for line in lines[max(0, node.lineno - 3) : node.lineno]):
                    continue
                words = [
                    e.value
                    for e in node.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str) and WORD.match(e.value)
                ]
                if len(words) > MAX_WORDS:
                    findings.append(f"{rel}:{node.lineno}: a list of {len(words)} words in code")
    for component in cycles(graph):
        findings.append("import cycle: " + " ↔ ".join(component))
    for finding in findings:
        print(finding)
    print(f"{len(files)} modules, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
