"""The service worker: after one visit the engine comes from the cache and the scan works without a network;
where service workers are blocked, missing or failing, the scan works exactly as without one."""

from __future__ import annotations

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
