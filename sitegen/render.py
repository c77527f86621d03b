"""Render the planned pages with Jinja2; templates get ready values only (StrictUndefined catches typos)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from scoring_py.exchange import MAX_EXPORT_CHARS
from scoring_py.model import Model
from scoring_py.record_shape import UNKNOWN, record_rules
from scoring_py.rules import decimals
from scoring_py.words import model_words, shows_aspects

from .assets import SiteAssets
from .context import BaseContext, OutputPage
from .editions import alternates
from .i18n import SOURCE_LANGUAGE, Catalogs, mark_untranslated, speaking
from .navigation import footer_links, page_menu
from .service_worker import SERVICE_WORKER
from .site_map import links, model_folder
from .terms import PageTerms

CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
       "img-src 'self'; style-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'")


def make_environment(templates: Path) -> Environment:
    """Jinja2 with gettext (`{{ _("...") }}`, sitegen/i18n.py): each page installs its own language's catalog."""
    return Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       extensions=["jinja2.ext.i18n"])


def render_pages(env: Environment, planned: list[OutputPage], site: dict, assets: SiteAssets,
                 catalogs: Catalogs | None = None) -> dict[str, bytes]:
    """Every page as bytes, keyed by its path in dist/; asset links point at the versioned paths in `assets`.
    Without `catalogs`, every page is Dutch (the source language needs no catalog)."""
    catalogs = catalogs or Catalogs(Path("locale"))
    rendered = {}
    for page in planned:
        language = page_language(page, site)
        with speaking(catalogs, language, for_pages=True):
            rendered[page.path] = _render(env, page, site, assets, catalogs, language)
    return rendered


def _render(env: Environment, page: OutputPage, site: dict, assets: SiteAssets, catalogs: Catalogs,
            language: str) -> bytes:
    """One page in its language: the templates' `_()` from its catalog, the Python's through `speaking`."""
    env.install_gettext_callables(*catalogs.page_gettext(language), newstyle=True)  # type: ignore[attr-defined]
    base: BaseContext = {
        "page": page, "root": page.root, "model_root": page.model_root, "model": page.model,
        "words": model_words(page.model), "show_aspects": shows_aspects(page.model),
        "allow_exclusion": bool(page.model.get("allow_exclusion")),
        "allow_not_applicable": bool(page.model.get("allow_not_applicable")), "decimals": decimals(page.model),
        "has_areas": bool(page.model.get("result_areas")),
        "menu": page_menu(page.path, model_folder(page.model), page.nav), "footer": footer_links(page.path),
        "links": links(page.path, model_folder(page.model)), "alternates": alternates(page.model, page.path),
        "site": site, "logo": assets.logo, "csp": CSP, "unknown": UNKNOWN,
        "max_export_bytes": MAX_EXPORT_CHARS, "assets": assets, "service_worker": SERVICE_WORKER,
        "model_json": assets.model_json(page.model), "record_rules": record_rules(cast(Model, page.model)),
        "result_key": assets.result_key(page.model), "terms": PageTerms(page.model), "language": language,
    }
    return mark_untranslated(env.get_template(page.template).render({**base, **page.context})).encode("utf-8")


def page_language(page: OutputPage, site: dict) -> str:
    """A model's pages speak the model's language; the shared pages (home, privacy ...) the site's."""
    in_model_folder = "/" in page.path  # semm/scan.html; the shared pages lie at the top: privacy.html
    return str((page.model.get("language") if in_model_folder else site.get("language")) or SOURCE_LANGUAGE)
