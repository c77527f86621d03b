"""Render the planned pages with Jinja2; templates get ready values only (StrictUndefined catches typos)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from scoring_py.exchange import MAX_EXPORT_CHARS
from scoring_py.record import record_rules

from .assets import SiteAssets
from .pages import FOOTER
from .service_worker import SERVICE_WORKER
from .storage_keys import key_prefix
from .views import UNKNOWN, OutputPage

CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
       "img-src 'self'; style-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'")


def make_environment(templates: Path) -> Environment:
    return Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_pages(env: Environment, planned: list[OutputPage], site: dict, assets: SiteAssets) -> dict[str, bytes]:
    """Every page as bytes, keyed by its path in dist/; asset links point at the versioned paths in `assets`."""
    rendered = {}
    for page in planned:
        menu = [{"url": url, "label": label, "current": key == page.nav} for key, url, label in [
            ("index", f"{page.root}index.html", "Start"),
            ("uitleg", f"{page.model_root}uitleg.html", "Uitleg"),
            ("scan", f"{page.model_root}scan.html", "Scan"),
            ("resultaat", f"{page.model_root}resultaat.html", "Uitslag"),
            ("plan", f"{page.model_root}plan.html", "Plan"),
            ("metingen", f"{page.model_root}metingen.html", "Metingen"),
            ("scans", f"{page.model_root}scans.html", "Mijn scans"),
            ("team", f"{page.model_root}team.html", "Team"),
        ]]
        footer = [{"url": page.root + url, "label": label} for url, label in FOOTER]
        html = env.get_template(page.template).render(
            page=page, root=page.root, model_root=page.model_root, model=page.model, menu=menu, footer=footer,
            site=site, logo=assets.logo, csp=CSP, unknown=UNKNOWN, storage_prefix=key_prefix(page.model),
            max_export_bytes=MAX_EXPORT_CHARS, assets=assets, service_worker=SERVICE_WORKER,
            model_json=assets.model_json(page.model), record_rules=record_rules(page.model), **page.context)
        rendered[page.path] = html.encode("utf-8")
    return rendered
