"""Every page type loads without a single failing request, including the icon the browser asks for by itself."""

from __future__ import annotations

import time
from http import HTTPStatus

import pytest

from sitegen.serve import StaticHostHandler, start_server

from .conftest import SUBPATH, wait_for_engine

# One page of each type: content pages (the home page, privacy with its own script, a plain one), and a model's
# explanation, element, scan, result, plan, measurements, scans and team pages.
PAGES = ["index.html", "privacy.html", "colofon.html", "semm/uitleg.html", "semm/elementen/e1.html",
         "semm/scan.html", "semm/resultaat.html", "semm/plan.html", "semm/metingen.html", "semm/scans.html",
         "semm/team.html"]
ICON_WAIT_SECONDS = 10


class RecordingHandler(StaticHostHandler):
    """The static host, keeping (status, path) of every answer. The browser fetches a page's icon itself, outside
    the page, so Playwright's page events never see that request; the host does."""

    answers: list[tuple[int, str]] = []

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.answers.append((int(code), self.path))


@pytest.fixture(scope="module")
def recorded_url(site_root):
    server = start_server(site_root, handler=RecordingHandler)
    yield f"http://127.0.0.1:{server.server_port}/{SUBPATH}/"
    server.shutdown()


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_only_files_that_exist(context, recorded_url, path):
    RecordingHandler.answers.clear()
    page = context.new_page()
    page.goto(recorded_url + path)
    if path.endswith("scan.html"):
        wait_for_engine(page)
    page.wait_for_load_state("networkidle")
    deadline = time.monotonic() + ICON_WAIT_SECONDS  # the icon is asked for after the page has loaded
    while not any("favicon" in answered for _, answered in RecordingHandler.answers) and time.monotonic() < deadline:
        page.wait_for_timeout(100)

    answers = list(RecordingHandler.answers)
    assert [answer for answer in answers if answer[0] >= HTTPStatus.BAD_REQUEST] == []
    assert any(status == HTTPStatus.OK and "/favicon" in answered for status, answered in answers), answers
