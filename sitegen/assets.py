"""Files the site ships besides its pages, at versioned paths: our CSS/JS, the model as JSON, the engine runtime.

Every path that can change carries its version: `assets/<content hash>/...` for our files and
`pyodide/<version>/...` for Pyodide (the trimmed standard library also has its content hash in its name). A host
can then let browsers keep these files for a year, and a new build is never mixed with files of an old one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .editions import published
from .runtime import Runtime
from .site_map import model_folder
from .siteconfig import favicon_svg, theme_css

HASH_LENGTH = 10
ENGINE_FILES = "js/engine-files.js"  # generated; imported by js/engine-worker.js
FAVICON = "favicon.svg"  # generated from the colours in site.yaml
STATIC_IMPORT = re.compile(r"""^(?:import|export)\s(?:[^"';]*\sfrom\s)?"\./([\w.-]+\.js)";?$""", re.MULTILINE)
# Folders whose name changes whenever a byte in them changes: assets/<content hash>/ and pyodide/<version>/.
VERSIONED_FOLDER = re.compile(rf"(?:^|/)(?:assets/[0-9a-f]{{{HASH_LENGTH}}}|pyodide/[0-9][^/]*)/")


@dataclass(frozen=True)
class SiteAssets:
    """The asset files keyed by their path in dist/, and the paths the templates link to (relative to the root)."""

    files: dict[str, bytes]
    folder: str  # "assets/<hash>/": CSS, page scripts, the engine worker, the models' JSON, scoring_py.zip
    imports: dict[str, list[str]]  # per page script in js/: every module it imports, directly or not
    logo: str | None  # the publisher's logo, if site.yaml names one
    result_keys: dict[str, str]  # per edition of a model (its folder): what a result computed by this build's
    # engine is valid for

    def result_key(self, model: dict) -> str:
        """The model's version and a hash of the scoring code and the model: a result the browser stored is shown
        at once only while this is unchanged (a new model text or new scoring rules need the engine again)."""
        return self.result_keys[model_folder(model)]

    @property
    def favicon(self) -> str:
        """The site's icon, which every page names in <link rel="icon">."""
        return self.folder + FAVICON

    def model_json(self, model: dict) -> str:
        """Where a model's JSON is published: what the engine scores against."""
        return f"{self.folder}{json_name(model)}"


def collect_assets(project: Path, models: list[dict], runtime: Runtime, site: dict,
                   engine_texts: Callable[[dict], dict[str, str]] = lambda model: {}) -> SiteAssets:
    """All non-page files of the site at their versioned paths. A model's JSON carries the engine's texts in the
    model's language (`engine_texts`), when it is not Dutch."""
    ours: dict[str, bytes] = {"theme.css": theme_css(site).encode("utf-8"),
                              FAVICON: favicon_svg(site).encode("utf-8")}
    static = project / "site_templates" / "assets"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            ours[path.relative_to(static).as_posix()] = path.read_bytes()
    logo = f"logo{site['logo'].suffix.lower()}" if site["logo"] else None
    if logo:
        ours[logo] = site["logo"].read_bytes()
    for model in models:
        messages = engine_texts(model)
        ours[json_name(model)] = json.dumps({**published(model), **({"messages": messages} if messages else {})},
                                            ensure_ascii=False, sort_keys=True).encode("utf-8")
    keys = result_keys(project, {model_folder(model): (model["version"], ours[json_name(model)]) for model in models})
    ours["scoring_py.zip"] = runtime.package
    pyodide = f"pyodide/{runtime.version}/"
    stdlib = f"{pyodide}python_stdlib-{content_hash({'': runtime.stdlib})}.zip"
    ours[ENGINE_FILES] = engine_files(pyodide, stdlib, runtime.lock_info).encode("utf-8")
    folder = f"assets/{content_hash(ours)}/"
    files = {folder + name: data for name, data in ours.items()}
    files.update({pyodide + name: data for name, data in runtime.files.items()})
    files[stdlib] = runtime.stdlib
    return SiteAssets(files=files, folder=folder,
                      imports=module_imports({name[3:]: data for name, data in ours.items()
                                              if name.startswith("js/") and name.endswith(".js")}),
                      logo=folder + logo if logo else None, result_keys=keys)


def json_name(model: dict) -> str:
    """The file of a model's edition in the assets folder: models/semm.json, models/semm.en.json."""
    return f"models/{model_folder(model).replace('/', '.')}.json"


def result_keys(project: Path, models: dict[str, tuple[str, bytes]]) -> dict[str, str]:
    """Per edition of a model (its folder, with its version and its published JSON): "<version>/<hash of scoring_py's
    sources and the model>". The browser keeps a computed result under this key and shows it at once only while the
    key is the same, so a new model text or new scoring rules always reach the visitor."""
    scoring = {path.relative_to(project).as_posix(): path.read_bytes()
               for path in sorted((project / "scoring_py").rglob("*.py"))}
    return {model_id: f"{version}/{content_hash({**scoring, 'model.json': data})}"
            for model_id, (version, data) in models.items()}


def engine_files(pyodide: str, stdlib: str, lock_info: dict) -> str:
    """The module that tells the engine worker where this build put the runtime, so the worker starts loading
    Pyodide the moment it runs, without waiting for the page (whose main thread is busy laying itself out then).
    Paths are relative to the module itself (in assets/<hash>/js/), so the site works under any folder."""
    up = "../" * f"assets/<hash>/{ENGINE_FILES}".count("/")  # from assets/<hash>/js/ back to the site's root
    lock = json.dumps(lock_info, sort_keys=True, separators=(",", ":"))
    return (
        "// Written by the build (sitegen/assets.py): where this build put the engine's runtime.\n"
        f'export const runtime = new URL("{up}{pyodide}", import.meta.url).href; // loadPyodide\'s indexURL\n'
        f'export const stdlib = new URL("{up}{stdlib}", import.meta.url).href; // the trimmed standard library\n'
        f"export const lock = {lock}; // the lock file's info: Pyodide then fetches no lock file\n"
    )


def module_imports(scripts: dict[str, bytes]) -> dict[str, list[str]]:
    """For each script, the scripts it imports with a static `import`/`export ... from "./x.js"`, also through others:
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
