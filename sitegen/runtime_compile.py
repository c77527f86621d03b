"""Runs INSIDE Pyodide under Node at build time (driven by runtime_compile.mjs); never imported by CPython.

Compiling here, with the browser's own Python, is what makes the bytecode valid there: a .pyc is tied to the exact
Python version (3.14 in Pyodide) that wrote it. The functions only use the standard library and plain data.
"""

import ast
import importlib
import importlib.util
import io
import os
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]  # private, not in typeshed

STDLIB_ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the same modules give the same bytes and the same URL


def import_what_the_package_names(package_dir: str) -> None:
    """Import every module named in an import statement of the package's loaded modules, also the ones inside
    functions, so a code path the sample answers did not reach still finds its modules in the trimmed library."""
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if not origin.startswith(package_dir + "/"):
            continue
        with open(origin, "rb") as source:
            tree = ast.parse(source.read(), origin)
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                # Not contextlib.suppress: every module this file imports would be counted as one scoring_py needs.
                try:  # noqa: SIM105
                    importlib.import_module(name)
                except ImportError:
                    pass  # `from typing import Any` names an attribute, not a module


def stdlib_modules() -> dict[str, str]:
    """Every loaded module that came from the standard library zip: module name -> path inside the zip."""
    prefix = STDLIB_ZIP + "/"
    found = {}
    for name, module in list(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(prefix):
            found[name] = origin[len(prefix):]
    return found


def compile_to_pyc(source: bytes, filename: str, optimize: int = 0) -> bytes:
    """Bytecode for this Python, as an unchecked hash-based .pyc: the importer never looks for a source file."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def write_zip(entries: dict[str, bytes]) -> bytes:
    """Entries sorted, with fixed dates and stored without compression: the importer reads them without zlib,
    and a host's gzip compresses the whole file better than zip does file by file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    return buffer.getvalue()


def build_stdlib(modules: dict[str, str]) -> bytes:
    """The trimmed standard library: only `modules`, each compiled to .pyc from the full library's source.

    Compiled as `python -OO` does (no docstrings, no asserts), a mode CPython supports and tests for its standard
    library: it makes the download 15% smaller. Our own package is compiled without it, exactly as written.
    """
    entries = {}
    with zipfile.ZipFile(STDLIB_ZIP) as full:
        for path in modules.values():
            entries[path + "c"] = compile_to_pyc(full.read(path), f"{STDLIB_ZIP}/{path}", optimize=2)
    return write_zip(entries)


def build_package(source_dir: str, archive_path: str) -> bytes:
    """A package as an archive of .pyc files; `archive_path` is where the archive will be on sys.path in the
    browser, so a traceback names the file the code came from."""
    package = source_dir.rstrip("/").rsplit("/", 1)[-1]
    entries = {}
    for name in sorted(os.listdir(source_dir)):
        if name.endswith(".py"):
            with open(f"{source_dir}/{name}", "rb") as source:
                entries[f"{package}/{name}c"] = compile_to_pyc(source.read(), f"{archive_path}/{package}/{name}")
    return write_zip(entries)
