"""The shape of the code itself: small functions, and scoring_py at the bottom of the house.

- No function in scoring_py, sitegen, build.py or bench is longer than 100 lines (from `def` to its last line); the
  browser's scripts are held to the same by ESLint (eslint.config.mjs, max-lines-per-function).
- scoring_py imports only the standard library and itself: it runs unchanged in Pyodide, and the rules never reach up
  into the generator (sitegen imports scoring_py, never the other way round).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 100
PYTHON = [*sorted((ROOT / "scoring_py").glob("*.py")), *sorted((ROOT / "sitegen").glob("*.py")), ROOT / "build.py",
          *sorted((ROOT / "bench").glob("*.py"))]


def functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.name, (node.end_lineno or node.lineno) - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_no_function_is_longer_than_a_hundred_lines() -> None:
    long = [f"{path.relative_to(ROOT)}: {name} ({lines} lines)" for path in PYTHON
            for name, lines in functions(path) if lines > MAX_LINES]
    assert long == []


def test_scoring_py_imports_only_the_standard_library_and_itself() -> None:
    found = []
    for path in sorted((ROOT / "scoring_py").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            found += [f"{path.name}: {name}" for name in names
                      if name.split(".")[0] not in sys.stdlib_module_names]
    assert found == []
