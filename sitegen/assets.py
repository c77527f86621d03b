"""Files the site ships besides its pages: our CSS/JS, the model as JSON, scoring_py as one archive, Pyodide."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from .errors import BuildError, Problem
from .siteconfig import theme_css

# The runtime files of the npm `pyodide` package that a page needs; nothing else is copied.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def collect_assets(project: Path, models: list[dict], site: dict) -> dict[str, bytes]:
    """All non-page files of the site, keyed by their path in dist/."""
    files: dict[str, bytes] = {"assets/theme.css": theme_css(site).encode("utf-8")}
    if site["logo"]:
        files[logo_path(site)] = site["logo"].read_bytes()
    static = project / "site_templates" / "assets"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(static).as_posix()] = path.read_bytes()
    for model in models:
        files[f"{model['id']}/model.json"] = json.dumps(model, ensure_ascii=False, sort_keys=True).encode("utf-8")
    files["assets/scoring_py.zip"] = package_archive(project / "scoring_py")
    files.update(pyodide_files(project / "node_modules" / "pyodide"))
    return files


def logo_path(site: dict) -> str:
    """Where the publisher's logo is published, keeping its file type."""
    return f"assets/logo{site['logo'].suffix.lower()}"


def package_archive(package: Path) -> bytes:
    """scoring_py as a zip with fixed dates, so two builds give the same bytes."""
    stamp = _zip_date()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package.rglob("*.py")):
            info = zipfile.ZipInfo(f"{package.name}/{path.relative_to(package).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def pyodide_files(folder: Path) -> dict[str, bytes]:
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise BuildError([Problem("package.json", 1, f"de rekenmodule Pyodide ontbreekt ({', '.join(missing)} niet in "
                                                     f"{folder}); voer eerst 'npm ci' uit")])
    return {f"pyodide/{name}": (folder / name).read_bytes() for name in PYODIDE_FILES}


def _zip_date() -> tuple[int, int, int, int, int, int]:
    import time
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the earliest zip date
    t = time.gmtime(max(epoch, 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
