"""Render the planned pages with Jinja2; templates get ready values only (StrictUndefined catches typos)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .assets import SiteAssets
from .service_worker import SERVICE_WORKER
from .pages import FOOTER, MENU
from .storage_keys import scan_key
from .views import UNKNOWN, OutputPage

CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
       "img-src 'self'; style-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'")


def make_environment(templates: Path) -> Environment:
    return Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_pages(env: Environment, planned: list[OutputPage], model: dict, site: dict,
                 assets: SiteAssets) -> dict[str, bytes]:
    """Every page as bytes, keyed by its path in dist/; asset links point at the versioned paths in `assets`."""
    common = {"model": model, "site": site, "csp": CSP, "unknown": UNKNOWN, "storage_key": scan_key(model),
              "assets": assets, "service_worker": SERVICE_WORKER}
    rendered = {}
    for page in planned:
        menu = [{"url": page.root + url, "label": label, "current": key == page.nav} for key, url, label in MENU]
        footer = [{"url": page.root + url, "label": label} for url, label in FOOTER]
        html = env.get_template(page.template).render(page=page, root=page.root, menu=menu, footer=footer,
                                                       **common, **page.context)
        rendered[page.path] = html.encode("utf-8")
    return rendered
