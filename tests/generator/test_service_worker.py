"""Tests for sitegen/service_worker.py: sw.js lists exactly the build's files, under a version of all of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitegen.service_worker import render_service_worker

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "site_templates" / "service-worker.js"
FILES = {"index.html": b"<p>hallo</p>", "elementen/e1.html": b"<p>e1</p>", "assets/0123456789/site.css": b"body{}",
         "pyodide/314.0.7/pyodide.asm.wasm": b"\0asm"}


def constants(sw: bytes) -> dict:
    found = dict(re.findall(r"^const (VERSION|IMMUTABLE|REVALIDATE) = (.*?);$", sw.decode("utf-8"), re.M | re.S))
    return {name: json.loads(value) for name, value in found.items()}


def test_lists_every_file_once_split_by_how_it_may_be_cached() -> None:
    found = constants(render_service_worker(FILES, SOURCE))

    assert found["IMMUTABLE"] == ["assets/0123456789/site.css", "pyodide/314.0.7/pyodide.asm.wasm"]
    assert found["REVALIDATE"] == ["elementen/e1.html", "index.html"]
    assert re.fullmatch(r"[0-9a-f]{10}", found["VERSION"])


def test_version_changes_when_any_file_changes() -> None:
    version = constants(render_service_worker(FILES, SOURCE))["VERSION"]

    assert constants(render_service_worker(dict(FILES), SOURCE))["VERSION"] == version
    assert constants(render_service_worker({**FILES, "index.html": b"<p>hoi</p>"}, SOURCE))["VERSION"] != version


def test_logic_follows_the_generated_lists() -> None:
    sw = render_service_worker(FILES, SOURCE).decode("utf-8")

    assert sw.endswith(SOURCE.read_text(encoding="utf-8"))
    assert "scan.html" not in SOURCE.read_text(encoding="utf-8")  # page names come from the build, never from here


def test_the_files_of_a_models_other_language_wait_for_a_visitor_of_that_language(tmp_path: Path) -> None:
    from sitegen.pipeline import build

    out = tmp_path / "dist"
    build(ROOT / "model", out)
    found = constants((out / "sw.js").read_bytes())
    written = re.search(r"^const LATER = (.*?);$", (out / "sw.js").read_text(encoding="utf-8"), re.M | re.S)
    assert written
    later = json.loads(written[1])

    assert sorted(later) == ["semm/en", "topdesk-esm/en"]
    assert "semm/en/scan.html" in later["semm/en"] and "semm/scan.html" not in later["semm/en"]
    assert any(name.endswith("models/semm.en.json") for name in later["semm/en"])
    listed = set(found["IMMUTABLE"]) | set(found["REVALIDATE"])
    assert all(set(files) <= listed for files in later.values())  # still the site's own files, served offline
