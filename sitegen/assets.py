"""Files the site ships besides its pages, at versioned paths: our CSS/JS, the model as JSON, the engine runtime.

Every path that can change carries its version: `assets/<content hash>/...` for our files and
`pyodide/<version>/...` for Pyodide (the trimmed standard library also has its content hash in its name). A host
can then let browsers keep these files for a year, and a new build is never mixed with files of an old one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .runtime import Runtime
from .siteconfig import theme_css

HASH_LENGTH = 10
STATIC_IMPORT = re.compile(r"""^import\s(?:[^"';]*\sfrom\s)?"\./([\w.-]+\.js)";?$""", re.MULTILINE)
# Folders whose name changes whenever a byte in them changes: assets/<content hash>/ and pyodide/<version>/.
VERSIONED_FOLDER = re.compile(r"(?:^|/)(?:assets/[0-9a-f]{%d}|pyodide/[0-9][^/]*)/" % HASH_LENGTH)


@dataclass(frozen=True)
class SiteAssets:
    """The asset files keyed by their path in dist/, and the paths the templates link to (relative to the root)."""

    files: dict[str, bytes]
    folder: str  # "assets/<hash>/": CSS, page scripts, the engine worker, the models' JSON, scoring_py.zip
    pyodide: str  # "pyodide/<version>/": the npm runtime files, loadPyodide's indexURL
    stdlib: str  # the trimmed standard library, loadPyodide's stdLibURL
    lock: str  # JSON of the lock file's "info", loadPyodide's lockFileContents (so no lock file is fetched)
    imports: dict[str, list[str]]  # per page script in js/: every module it imports, directly or not
    logo: str | None  # the publisher's logo, if site.yaml names one

    def model_json(self, model: dict) -> str:
        """Where a model's JSON is published: what the engine scores against."""
        return f"{self.folder}models/{model['id']}.json"


def collect_assets(project: Path, models: list[dict], runtime: Runtime, site: dict) -> SiteAssets:
    """All non-page files of the site at their versioned paths."""
    ours: dict[str, bytes] = {"theme.css": theme_css(site).encode("utf-8")}
    static = project / "site_templates" / "assets"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            ours[path.relative_to(static).as_posix()] = path.read_bytes()
    logo = f"logo{site['logo'].suffix.lower()}" if site["logo"] else None
    if logo:
        ours[logo] = site["logo"].read_bytes()
    for model in models:
        ours[f"models/{model['id']}.json"] = json.dumps(model, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ours["scoring_py.zip"] = runtime.package
    folder = f"assets/{content_hash(ours)}/"
    pyodide = f"pyodide/{runtime.version}/"
    stdlib = f"{pyodide}python_stdlib-{content_hash({'': runtime.stdlib})}.zip"
    files = {folder + name: data for name, data in ours.items()}
    files.update({pyodide + name: data for name, data in runtime.files.items()})
    files[stdlib] = runtime.stdlib
    return SiteAssets(files=files, folder=folder, pyodide=pyodide, stdlib=stdlib,
                      lock=json.dumps(runtime.lock_info, sort_keys=True, separators=(",", ":")),
                      imports=module_imports({name[3:]: data for name, data in ours.items()
                                              if name.startswith("js/") and name.endswith(".js")}),
                      logo=folder + logo if logo else None)


def module_imports(scripts: dict[str, bytes]) -> dict[str, list[str]]:
    """For each script, the scripts it imports with a static `import ... from "./x.js"`, also through others:
    the page names them all in <link rel="modulepreload">, so they download at once, not one level at a time."""
    direct = {name: STATIC_IMPORT.findall(data.decode("utf-8")) for name, data in scripts.items()}
    closed = {}
    for name in scripts:
        seen: list[str] = []
        todo = list(direct[name])
        while todo:
            module = todo.pop(0)
            if module not in seen and module in direct:
                seen.append(module)
                todo.extend(direct[module])
        closed[name] = sorted(seen)
    return closed


def content_hash(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{len(files[name])}\0".encode())
        digest.update(files[name])
    return digest.hexdigest()[:HASH_LENGTH]


def is_versioned(path: str) -> bool:
    """May a host let browsers cache this file for a year without asking again?"""
    return VERSIONED_FOLDER.search(path) is not None
