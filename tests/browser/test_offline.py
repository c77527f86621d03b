"""The service worker: after one visit the engine comes from the cache and the scan works without a network;
where service workers are blocked, missing or failing, the scan works exactly as without one."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import wait_for_engine

# Resolves once the service worker controls the page: it copied every file of the build, then took over.
CONTROLLED = """new Promise((resolve, reject) => {
  if (navigator.serviceWorker.controller) resolve(true);
  navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
  setTimeout(() => reject(new Error("no service worker took over the page within 20 s")), 20000);
})"""


def answer_and_see_the_score(page) -> None:
    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 2").check()
    expect(page.get_by_text("Tussenstand: fase 2")).to_be_visible()
    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 4").check()
    expect(page.get_by_text("Tussenstand: fase 4")).to_be_visible()


def test_second_visit_takes_the_engine_from_the_cache_and_works_offline(page, semm_url):
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    assert page.evaluate(CONTROLLED)

    engine = []
    page.context.on("response", lambda response: engine.append(response) if "/pyodide/" in response.url else None)
    page.reload()
    wait_for_engine(page)
    assert engine and [r.url for r in engine if not r.from_service_worker] == []

    page.context.set_offline(True)
    page.reload()
    wait_for_engine(page)
    answer_and_see_the_score(page)
    page.get_by_role("link", name="Uitslag").click()
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Fase 4: Structuurfase")).to_be_visible()
    page.get_by_role("link", name="Uitleg").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


# Where a browser has no service workers (plain http, some private modes) or refuses to register one.
MISSING = "Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });"
FAILING = ("if (self.ServiceWorkerContainer) ServiceWorkerContainer.prototype.register = () => "
           "Promise.reject(new DOMException('geweigerd', 'SecurityError'));")


@pytest.mark.context_options(service_workers="block")
def test_scan_works_where_service_workers_are_blocked(page, semm_url):
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    answer_and_see_the_score(page)
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r === undefined)")


@pytest.mark.parametrize("script", [MISSING, FAILING], ids=["missing", "failing"])
def test_scan_works_where_service_workers_are_missing_or_fail(page, site_url, semm_url, script):
    page.context.add_init_script(script)
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    answer_and_see_the_score(page)
    page.goto(site_url + "index.html")
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_english_scan_works_offline_after_one_visit_and_the_dutch_visitor_does_not_download_it(page, semm_url):
    english = []
    page.context.on("response", lambda response: english.append(response.url) if "/semm/en/" in response.url
                    or "semm.en.json" in response.url else None)
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    assert page.evaluate(CONTROLLED)
    page.wait_for_timeout(500)
    assert english == []  # a Dutch visitor's worker keeps the Dutch scan only

    page.goto(semm_url + "en/scan.html")
    wait_for_engine(page)
    page.wait_for_function("""async () => {
        const cache = await caches.open((await caches.keys()).find((name) => name.startsWith("scan:")));
        return Boolean(await cache.match(new URL("metingen.html", location.href).href));
    }""")
    page.context.set_offline(True)
    page.reload()
    wait_for_engine(page)
    page.get_by_role("group", name="Ideal customer experience").get_by_role("radio", name="Phase 4").check()
    expect(page.get_by_text(re.compile(r"^Score so far: phase 4"))).to_be_visible()
    page.get_by_role("link", name="Measurements").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
