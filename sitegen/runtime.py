"""The browser's Python: the npm Pyodide, with its standard library trimmed and precompiled at build time.

The npm package's python_stdlib.zip holds only .py sources for the whole library, so every visitor's browser would
compile what it imports on every start. runtime_compile.mjs does that once, inside Pyodide under Node (so the
bytecode matches Pyodide's Python), keeping only the modules Pyodide's start-up and scoring_py import. The result
is cached in .cache/ per Pyodide version and per input, so a build with a warm cache does not start Node at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scoring_py.model import Model

from .errors import BuildError, Problem
from .i18n import _

# The npm files a page loads unchanged; python_stdlib.zip and pyodide-lock.json are replaced (see above).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYODIDE_SOURCES = ("python_stdlib.zip", "pyodide-lock.json")  # read at build time only
COMPILER = ("runtime_compile.mjs", "runtime_compile.py")
NODE_TIMEOUT = 300  # seconds; a cold compile takes a few


@dataclass(frozen=True)
class Runtime:
    """What the browser's engine loads, ready to write into the site."""

    version: str  # the Pyodide version, e.g. "314.0.7"
    files: dict[str, bytes]  # PYODIDE_FILES by name
    stdlib: bytes  # the trimmed standard library, .pyc files stored in a zip
    package: bytes  # scoring_py as .pyc files in a zip
    lock_info: dict  # the lock file's "info", handed to loadPyodide so it fetches no lock file
    modules: tuple[str, ...]  # the standard-library modules kept


def load_runtime(project: Path, trace: dict, cache: Path) -> Runtime:
    """The engine files for this Pyodide and scoring_py; compiled under Node only when the cache has no match.

    `trace` ({"model": ..., "answers": [...]}) is what the compiler runs scoring_py on to see what it imports.
    The model is not part of the cache key: which modules scoring_py imports is decided by its code, and every
    module its code names is kept anyway (runtime_compile.py), so editing the model never waits for Node.
    """
    pyodide_dir = project / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES + PYODIDE_SOURCES if not (pyodide_dir / name).is_file()]
    if missing:
        raise BuildError([Problem("package.json", 1, f"de rekenmodule Pyodide ontbreekt ({', '.join(missing)} niet "
                                                     f"in {pyodide_dir}); voer eerst 'npm ci' uit")])
    version = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    package_dir = project / "scoring_py"
    entry = cache / f"pyodide-{version}" / cache_key(pyodide_dir, package_dir)
    if not (entry / "modules.txt").is_file():
        compile_runtime(pyodide_dir, package_dir, trace, entry)
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return Runtime(
        version=version,
        files={name: (pyodide_dir / name).read_bytes() for name in PYODIDE_FILES},
        stdlib=(entry / "python_stdlib.zip").read_bytes(),
        package=(entry / f"{package_dir.name}.zip").read_bytes(),
        lock_info=lock["info"],
        modules=tuple((entry / "modules.txt").read_text(encoding="utf-8").split()),
    )


def cache_key(pyodide_dir: Path, package_dir: Path) -> str:
    """Changes when anything that decides the compiled files changes: Pyodide, the compiler, scoring_py."""
    digest = hashlib.sha256()
    inputs = [pyodide_dir / name for name in ("package.json", *PYODIDE_SOURCES)]
    inputs += [Path(__file__).with_name(name) for name in COMPILER]
    inputs += sorted(package_dir.glob("*.py"))
    for path in inputs:
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compile_runtime(pyodide_dir: Path, package_dir: Path, trace: dict, entry: Path) -> None:
    """Run runtime_compile.mjs into a fresh folder and move it into the cache as a whole; drop older entries."""
    node = shutil.which("node")
    if node is None:
        raise BuildError([Problem("package.json", 1, _("Node.js ontbreekt: de bouw heeft 'node' nodig om de "
                                                       "rekenmodule voor te bereiden (Node 18 of nieuwer)"))])
    entry.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".new-", dir=entry.parent))
    try:
        (work / "trace.json").write_text(json.dumps(trace, ensure_ascii=False), encoding="utf-8")
        completed = subprocess.run(
            [node, str(Path(__file__).with_name(COMPILER[0])), str(pyodide_dir), str(package_dir),
             str(work / "trace.json"), str(work / "out")],
            capture_output=True, text=True, encoding="utf-8", timeout=NODE_TIMEOUT)
        if completed.returncode != 0:
            lines = [line for line in completed.stderr.splitlines() if line.strip()] or [_("(geen melding)")]
            reason = next((line.removeprefix("FAILED: ") for line in reversed(lines) if line.startswith("FAILED: ")),
                          lines[-1])
            raise BuildError([Problem(package_dir.name, 1, _("de rekenmodule kon niet worden voorbereid in Pyodide: "
                                                             "%(reason)s") % {"reason": reason.strip()})])
        if entry.exists():  # left over from an interrupted build
            shutil.rmtree(entry)
        os.replace(work / "out", entry)
        for stale in entry.parent.iterdir():  # one entry per Pyodide version is enough
            if stale.is_dir() and not stale.name.startswith(".") and stale != entry:
                shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def trace_answers(model: Model) -> dict:
    """Answer documents that take scoring_py through its paths: empty, complete, mixed with 'weet ik niet',
    and invalid; the compiler records which modules these need."""
    aspects = [aspect["id"] for element in model["elements"] for aspect in element["aspects"]]
    phases = [phase["id"] for phase in model["phases"]["items"]]
    areas = [area["id"] for area in model.get("result_areas", [])]
    levels = [level["id"] for level in model.get("result_levels", {}).get("items", [])]

    def document(aspect_values: dict, result_values: dict) -> dict:
        return {"model": model["id"], "aspects": aspect_values, "results": result_values}

    return {"model": model, "answers": [
        document({}, {}),
        document({a: phases[-1] for a in aspects}, {r: levels[-1] for r in areas} if levels else {}),
        document({a: phases[i % len(phases)] if i % 3 else "unknown" for i, a in enumerate(aspects)},
                 {r: levels[i % len(levels)] for i, r in enumerate(areas)} if levels else {}),
        document({a: phases[0] for a in aspects[: len(aspects) // 2]}, {}),
        document({"bestaat-niet": phases[0], **({aspects[0]: 999} if aspects else {})}, {"ook-niet": 1}),
    ]}
