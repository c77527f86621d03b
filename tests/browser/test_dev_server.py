"""`python build.py serve` tells the truth on every open page (sitegen/dev_server.py): a failed build shows its
problems over the last good site until the next good build, which loads the page again."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.dev_server import BuildStatus, dev_handler
from sitegen.i18n import Catalogs, locale_folder, speaking
from sitegen.serve import start_server

from .conftest import PROJECT, SUBPATH

PROBLEMS = ["model/proef.yaml:12: 'naam' is geen sleutel van een element; bedoel je 'name'?",
            "content/proef/uitleg.md:3: de titel ontbreekt"]


@pytest.fixture
def dev_site(site_root: Path):
    """The built site served by the dev server, with a build status the test sets."""
    status = BuildStatus()
    status.record([])
    server = start_server(site_root, handler=dev_handler(status))
    yield status, f"http://127.0.0.1:{server.server_port}/{SUBPATH}/"
    server.shutdown()


def test_a_failed_build_shows_on_the_open_page_until_the_next_good_build(context, dev_site) -> None:
    status, url = dev_site
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.evaluate("window.sameLoad = true")

    status.record(PROBLEMS)
    alert = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="De bouw is gestopt: 2 problemen"))
    alert.wait_for(timeout=5_000)
    assert [item.inner_text() for item in alert.get_by_role("listitem").all()] == PROBLEMS
    assert page.get_by_role("heading", level=1).count() == 1  # the last good page is still there beneath
    assert page.evaluate("window.sameLoad") is True

    alert.get_by_role("button", name="Verbergen").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("alert").count() == 0

    status.record(PROBLEMS[:1])  # still failing, now one problem: shown again, in the singular
    page.get_by_role("heading", name="De bouw is gestopt: 1 probleem").wait_for(timeout=5_000)

    with page.expect_navigation(timeout=5_000):
        status.record([])
    page.wait_for_load_state()
    assert page.evaluate("window.sameLoad") is None
    assert page.get_by_role("alert").count() == 0
    assert errors == []


def test_before_any_good_build_the_problems_show_on_an_empty_page(context, tmp_path: Path) -> None:
    status = BuildStatus()
    status.record(PROBLEMS)
    server = start_server(tmp_path / "dist-not-built", handler=dev_handler(status))
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.get_by_role("heading", name="De bouw is gestopt: 2 problemen").wait_for(timeout=5_000)
        assert PROBLEMS[0] in page.get_by_role("alert").inner_text()
    finally:
        server.shutdown()


def test_the_overlay_speaks_the_language_serve_speaks(context, dev_site) -> None:
    status, url = dev_site
    page = context.new_page()
    page.goto(url)

    with speaking(Catalogs(locale_folder(PROJECT)), "en"):
        status.record(PROBLEMS)
    alert = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="The build stopped: 2 problems"))
    alert.wait_for(timeout=5_000)
    assert alert.get_by_role("paragraph").inner_text().startswith("Below you still see the previous version")
    alert.get_by_role("button", name="Hide").click()
    assert page.get_by_role("alert").count() == 0


def test_the_overlay_is_only_served_never_built(site_root: Path) -> None:
    pages = list((site_root / SUBPATH).rglob("*.html"))
    assert pages and not any("__serve" in path.read_text(encoding="utf-8") for path in pages)
