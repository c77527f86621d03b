"""Browser fixtures: the real built site, served under a URL subpath, in Debian's Chromium (or Playwright's own)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen.serve import start_server

playwright_api = pytest.importorskip("playwright.sync_api")

PROJECT = Path(__file__).resolve().parents[2]
SUBPATH = "org/scan"  # the site must work under any path, like https://user.github.io/repo/
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """A fresh build of the real model and content, nested in a folder so it is served under SUBPATH."""
    from sitegen.pipeline import build

    host = tmp_path_factory.mktemp("host")
    build(PROJECT / "model", host / SUBPATH)
    return host


@pytest.fixture(scope="session")
def site_url(site_root):
    """The site as a static host serves it: gzip, application/wasm, versioned folders cached for long."""
    server = start_server(site_root)
    yield f"http://127.0.0.1:{server.server_port}/{SUBPATH}/"
    server.shutdown()


@pytest.fixture
def semm_url(site_url):
    """The folder of the SEMM scan inside the site."""
    return site_url + "semm/"


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    return path or None  # None: Playwright's own browser, where one is installed


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser, request):
    """A fresh browser profile; `@pytest.mark.context_options(service_workers="block")` adds options."""
    marker = request.node.get_closest_marker("context_options")
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                              **(marker.kwargs if marker else {}))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, site_url):
    """A page that fails the test on any script error or request to another origin."""
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    origin = site_url.split("/org/")[0]
    # The embedding test's portal page is served as http://localhost:PORT, the same server under another name.
    allowed = (origin, origin.replace("127.0.0.1", "localhost"))
    page.on("request", lambda req: foreign.append(req.url) if not req.url.startswith(allowed) else None)
    page.set_default_timeout(20_000)
    yield page
    assert errors == [], f"scriptfouten op de pagina: {errors}"
    assert foreign == [], f"verzoeken naar een andere origin: {foreign}"


def wait_for_engine(page, state: str = "ready", timeout: int = 60_000) -> None:
    page.wait_for_selector(f"html[data-engine={state}]", state="attached", timeout=timeout)


SEMM_PREFIX = "servicescan:semm:"
"""Where the SEMM scan keeps its data in localStorage."""


def stored(page, prefix: str = SEMM_PREFIX) -> dict:
    """Everything a model's pages keep in localStorage, read as JSON."""
    return page.evaluate("""prefix => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(prefix))
        .map(k => [k, JSON.parse(localStorage.getItem(k))]))""", prefix)


def current_record(page, prefix: str = SEMM_PREFIX) -> dict:
    """The open scan's record, as the store saved it."""
    data = stored(page, prefix)
    return data[f"{prefix}scan:{data[prefix + 'scans']['current']}"]
