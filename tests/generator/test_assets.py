"""Tests for sitegen/assets.py: versioned paths and the module list a page preloads."""

from __future__ import annotations

from pathlib import Path

from sitegen.assets import content_hash, is_versioned, module_imports, result_keys


def test_only_versioned_folders_may_be_cached_for_long() -> None:
    assert is_versioned("assets/0123456789/site.css")
    assert is_versioned("pyodide/314.0.7/pyodide.asm.wasm")
    assert is_versioned("/org/scan/pyodide/314.0.7/python_stdlib-0123456789.zip")  # as a URL path, under a subpath
    assert not is_versioned("scan.html")
    assert not is_versioned("sw.js")
    assert not is_versioned("assets/site.css")  # no hash: could change without changing its name
    assert not is_versioned("elementen/e1.html")


def test_content_hash_changes_with_any_byte_or_name() -> None:
    files = {"a.css": b"body{}", "js/b.js": b"export {};"}

    assert content_hash(files) == content_hash(dict(reversed(files.items())))
    assert len(content_hash(files)) == 10
    assert content_hash({**files, "a.css": b"body{ }"}) != content_hash(files)
    assert content_hash({"c.css": b"body{}", "js/b.js": b"export {};"}) != content_hash(files)


def test_module_imports_follow_static_imports_through_other_modules() -> None:
    scripts = {
        "scan.js": b'import { startEngine } from "./engine.js";\nimport "./side.js";\nconst x = "./not-an-import.js";\n',
        "engine.js": b'import { fill } from "./dom.js";\n',
        "dom.js": b"export function fill() {}\n",
        "side.js": b'import { fill } from "./dom.js";\n',
        "page.js": b"",
    }

    assert module_imports(scripts) == {"scan.js": ["dom.js", "engine.js", "side.js"], "engine.js": ["dom.js"],
                                       "dom.js": [], "side.js": ["dom.js"], "page.js": []}


def test_a_result_key_changes_with_the_model_and_with_the_scoring_code(tmp_path: Path) -> None:
    (tmp_path / "scoring_py").mkdir()
    code = tmp_path / "scoring_py" / "scoring.py"
    code.write_text("LOWEST = min\n", encoding="utf-8")
    models = {"semm": ("2022.1", b'{"id": "semm"}'), "ander": ("1.0", b'{"id": "ander"}')}

    keys = result_keys(tmp_path, models)
    assert keys["semm"].startswith("2022.1/") and keys["ander"].startswith("1.0/")
    assert result_keys(tmp_path, models) == keys
    assert result_keys(tmp_path, {**models, "semm": ("2022.1", b'{"id": "semm", "x": 1}')})["semm"] != keys["semm"]
    code.write_text("LOWEST = max\n", encoding="utf-8")
    assert result_keys(tmp_path, models)["semm"] != keys["semm"]
