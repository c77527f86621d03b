"""Fixtures for the journeys in Firefox and WebKit: one browser per engine, a fresh site per test.

Each test gets the built site on a port of its own, so its origin is new: empty storage, no service worker, as a
first visit. `page.engine` says which engine runs; `cannot(page, "print")` skips where that engine cannot.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("selenium", reason="Selenium ontbreekt: installeer de testpakketten (./run test)")

from sitegen.serve import start_server  # noqa: E402

from .driver import Page  # noqa: E402
from .launch import CANNOT, ENGINES, WINDOW, missing, start_display, start_firefox, start_webkit  # noqa: E402

PROJECT = Path(__file__).resolve().parents[2]
SUBPATH = "org/scan"  # under a subpath, as on https://user.github.io/repo/


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """A fresh build of the real models and content, nested so it is served under SUBPATH."""
    from sitegen.pipeline import build

    host = tmp_path_factory.mktemp("host")
    build(PROJECT / "model", host / SUBPATH)
    return host


@dataclass
class Site:
    """The built site on its own port; `stop()` takes the server down, as a lost network does."""

    server: object
    url: str

    def stop(self) -> None:
        self.server.shutdown()  # type: ignore[attr-defined]
        self.server.server_close()  # type: ignore[attr-defined]


USED_PORTS: set[int] = set()


@pytest.fixture
def site(site_root) -> Iterator[Site]:
    """The site on a port no earlier test used, so the browser has nothing stored for this origin."""
    while True:
        server = start_server(site_root)
        if server.server_port not in USED_PORTS:
            break
        server.shutdown()
    USED_PORTS.add(server.server_port)
    served = Site(server, f"http://127.0.0.1:{server.server_port}/{SUBPATH}/")
    yield served
    served.stop()


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """The X display WebKit draws on: the one given, or an Xvfb of our own."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb, number = start_display()
    yield number
    xvfb.terminate()
    xvfb.wait(10)


@pytest.fixture(scope="session", params=ENGINES)
def browser(request):
    """One browser of this engine for the whole run (pytest runs one engine's tests, then the other's): starting one
    costs seconds, a fresh origin per test costs nothing."""
    engine = request.param
    reason = missing(engine)
    if reason:
        pytest.skip(reason)
    driver = start_firefox() if engine == "firefox" else start_webkit(request.getfixturevalue("display"))
    driver.set_window_size(*WINDOW)
    errors: list[str] = []
    if "script errors" not in CANNOT[engine]:
        driver.script.add_javascript_error_handler(lambda entry: errors.append(entry.text))  # WebDriver BiDi
    yield engine, driver, errors
    driver.quit()


@pytest.fixture
def page(browser, site) -> Iterator[Page]:
    """A tab on this test's site that fails the test on a script error, where the engine reports them."""
    engine, driver, errors = browser
    errors.clear()
    page = Page(driver, engine, site.url)
    yield page
    page.settle()
    assert errors == [], f"scriptfouten op de pagina in {engine}: {errors}"


def cannot(page: Page, ability: str) -> None:
    """Skip the test, saying why, when this engine's driver cannot do what the journey needs."""
    reason = CANNOT[page.engine].get(ability)
    if reason:
        pytest.skip(reason)
