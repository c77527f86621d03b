"""Tests for sitegen/runtime.py: the trimmed, precompiled standard library and its cache.

One test compiles for real (Pyodide under Node, a few seconds) into a temporary cache; the others reuse that
result or need no Node at all.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from sitegen import runtime
from sitegen.errors import BuildError
from sitegen.model import load_model
from sitegen.runtime import cache_key, load_runtime, trace_answers

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
TRACE = trace_answers(load_model(ROOT / "model" / "semm.yaml"))

needs_pyodide = pytest.mark.skipif(not (PYODIDE_DIR / "pyodide.mjs").is_file(),
                                   reason="node_modules/pyodide is missing: run `npm ci` (CI has it)")
needs_node = pytest.mark.skipif(shutil.which("node") is None or not (PYODIDE_DIR / "pyodide.mjs").is_file(),
                                reason="node or node_modules/pyodide is missing (CI has both)")


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, runtime.Runtime]:
    """A compile into an empty cache: (the cache folder, the runtime)."""
    cache = tmp_path_factory.mktemp("cache")
    return cache, load_runtime(ROOT, TRACE, cache)


def names_in(archive: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(archive)).namelist()


@needs_node
def test_second_build_reuses_the_cache(cold, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, first = cold

    def no_node(*args, **kwargs):
        raise AssertionError("the cache was not used: Node was started again")

    monkeypatch.setattr(subprocess, "run", no_node)
    second = load_runtime(ROOT, TRACE, cache)

    assert second == first
    (version_folder,) = cache.iterdir()
    assert version_folder.name == f"pyodide-{first.version}"
    assert [entry.name for entry in version_folder.iterdir()] == [cache_key(PYODIDE_DIR, ROOT / "scoring_py")]


@needs_node
def test_stdlib_is_trimmed_bytecode(cold) -> None:
    _, compiled = cold
    names = names_in(compiled.stdlib)
    full = names_in((PYODIDE_DIR / "python_stdlib.zip").read_bytes())

    assert names and all(name.endswith(".pyc") for name in names)
    assert {"json/__init__.pyc", "json/decoder.pyc", "typing.pyc", "_pyodide/_base.pyc"} <= set(names)
    assert not {"argparse.pyc", "unittest/__init__.pyc", "pydoc.pyc"} & set(names)  # nothing imports these
    assert len(names) < len([name for name in full if name.endswith(".py")]) / 3
    assert {"json", "json.decoder", "typing"} <= set(compiled.modules)
    info = zipfile.ZipFile(io.BytesIO(compiled.stdlib)).infolist()
    assert {entry.compress_type for entry in info} == {zipfile.ZIP_STORED}


# Runs in Pyodide under Node on exactly the shipped standard library: a traceback from inside it, and the positions
# of one of its functions.
TRACEBACK_PROBE = """
import { readFileSync } from "node:fs";
const [indexURL, stdLibURL, lockPath] = process.argv.slice(1);
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const info = JSON.parse(readFileSync(lockPath, "utf8")).info;
const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents: { info, packages: {} } });
process.stdout.write(pyodide.runPython(`
import json, json.decoder, traceback
try:
    json.loads("geen json")
except ValueError:
    report = traceback.format_exc()
positions = set(json.decoder.JSONDecoder.raw_decode.__code__.co_positions())
report + "columns: " + str({(start, end) for _, _, start, end in positions})
`));
"""


@needs_node
def test_stdlib_keeps_line_numbers_but_not_column_ranges(cold, tmp_path: Path) -> None:
    # Compiled like `python -X no_debug_ranges`: a third smaller on the wire, and a traceback still names each line.
    _, compiled = cold
    stdlib = tmp_path / "python_stdlib.zip"
    stdlib.write_bytes(compiled.stdlib)
    probe = subprocess.run(["node", "--input-type=module", "-e", TRACEBACK_PROBE, f"{PYODIDE_DIR}/", str(stdlib),
                            str(PYODIDE_DIR / "pyodide-lock.json")], capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr

    decoder_lines = re.findall(r'File "[^"]*/json/decoder\.py", line (\d+), in raw_decode', probe.stdout)
    source = zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip").read("json/decoder.py").decode("utf-8")
    assert decoder_lines, probe.stdout
    assert "raise JSONDecodeError" in source.splitlines()[int(decoder_lines[0]) - 1]
    assert probe.stdout.endswith("columns: {(None, None)}")


@needs_node
def test_package_is_bytecode_of_every_module(cold) -> None:
    _, compiled = cold

    assert names_in(compiled.package) == sorted(f"scoring_py/{path.name}c"
                                                for path in (ROOT / "scoring_py").glob("*.py"))


@needs_node
def test_lock_info_instead_of_the_lock_file(cold) -> None:
    _, compiled = cold

    assert set(compiled.lock_info) >= {"abi_version", "python"}
    assert compiled.lock_info["python"].startswith("3.14")
    assert sorted(compiled.files) == ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs"]


@needs_pyodide
def test_cache_key_follows_scoring_py(tmp_path: Path) -> None:
    package = tmp_path / "scoring_py"
    shutil.copytree(ROOT / "scoring_py", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_key(PYODIDE_DIR, package)

    assert cache_key(PYODIDE_DIR, package) == before
    (package / "bridge.py").write_text((package / "bridge.py").read_text(encoding="utf-8") + "\n# edit\n",
                                       encoding="utf-8")
    assert cache_key(PYODIDE_DIR, package) != before


@needs_pyodide
def test_missing_node_stops_the_build_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)

    with pytest.raises(BuildError) as raised:
        load_runtime(ROOT, TRACE, tmp_path / "cache")

    assert [str(p) for p in raised.value.problems] == [
        "package.json:1: Node.js ontbreekt: de bouw heeft 'node' nodig om de rekenmodule voor te bereiden "
        "(Node 18 of nieuwer)"]


def test_trace_answers_cover_complete_unknown_and_invalid_answers() -> None:
    answers = TRACE["answers"]
    aspects = {a["id"] for e in TRACE["model"]["elements"] for a in e["aspects"]}

    assert answers[0]["aspects"] == {}
    assert set(answers[1]["aspects"]) == aspects
    assert "unknown" in answers[2]["aspects"].values()
    assert "bestaat-niet" in answers[-1]["aspects"]


@needs_node
def test_scoring_py_that_fails_in_pyodide_stops_the_build_with_its_error(tmp_path: Path) -> None:
    package = tmp_path / "scoring_py"
    shutil.copytree(ROOT / "scoring_py", package, ignore=shutil.ignore_patterns("__pycache__"))
    bridge = package / "bridge.py"
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("import json\n", "import json\nimport bestaat_niet\n"),
                      encoding="utf-8")
    entry = tmp_path / "cache" / "pyodide-x" / "key"

    with pytest.raises(BuildError) as raised:
        runtime.compile_runtime(PYODIDE_DIR, package, TRACE, entry)

    assert [str(p) for p in raised.value.problems] == [
        "scoring_py:1: de rekenmodule kon niet worden voorbereid in Pyodide: "
        "ModuleNotFoundError: No module named 'bestaat_niet'"]
    assert list(entry.parent.iterdir()) == []  # nothing half-written is left in the cache
