"""Tests for sitegen/serve.py: the site served the way a static host serves it (also used by tests and bench)."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitegen.dev_server import BuildStatus, serve, snapshot
from sitegen.i18n import Catalogs, locale_folder, speaking
from sitegen.pipeline import PROJECT
from sitegen.serve import LONG_CACHE, REVALIDATE, start_server


@pytest.fixture
def host(tmp_path: Path):
    (tmp_path / "assets" / "0123456789").mkdir(parents=True)
    (tmp_path / "assets" / "0123456789" / "site.css").write_text("body { color: black; }\n" * 50, encoding="utf-8")
    (tmp_path / "pyodide" / "314.0.7").mkdir(parents=True)
    (tmp_path / "pyodide" / "314.0.7" / "pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(4000))
    (tmp_path / "index.html").write_text("<!doctype html><p>Hallo</p>\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(100))
    server = start_server(tmp_path)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def get(url: str, **headers: str):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_wasm_is_gzipped_with_its_type_and_cached_for_long(host: str) -> None:
    status, headers, body = get(host + "pyodide/314.0.7/pyodide.asm.wasm", **{"Accept-Encoding": "gzip, br"})

    assert status == 200
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == LONG_CACHE
    assert gzip.decompress(body) == b"\0asm" + bytes(4000)


def test_without_accept_encoding_the_bytes_are_sent_as_they_are(host: str) -> None:
    status, headers, body = get(host + "assets/0123456789/site.css")

    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, None, "text/css; charset=utf-8")
    assert body.startswith(b"body { color: black; }")
    assert headers["Cache-Control"] == LONG_CACHE


def test_pages_are_revalidated_and_answer_304_when_unchanged(host: str) -> None:
    status, headers, _ = get(host, **{"Accept-Encoding": "gzip"})  # the folder's index.html
    assert (status, headers["Cache-Control"], headers["Content-Type"]) == (200, REVALIDATE, "text/html; charset=utf-8")

    again = get(host + "index.html", **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert again[0] == 304 and again[2] == b""


def test_images_are_not_gzipped_and_missing_files_are_404(host: str) -> None:
    assert get(host + "logo.png", **{"Accept-Encoding": "gzip"})[1]["Content-Encoding"] is None
    assert get(host + "nope.html")[0] == 404


def test_a_port_in_use_gives_a_clear_message_and_the_port_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = start_server(tmp_path)
    try:
        code = serve(lambda: [], tmp_path, [tmp_path], port=taken.server_port)
    finally:
        taken.shutdown()
    out = capsys.readouterr()
    assert code == 1
    assert out.out == (f"Poort {taken.server_port} is al in gebruik, misschien door een andere 'serve' in een ander "
                       f"venster. Stop die, of kies een andere poort: python build.py serve --port "
                       f"{taken.server_port + 1}\n")
    assert "Traceback" not in out.err


def test_a_change_to_a_watched_file_is_seen(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("name: Proef\n", encoding="utf-8")
    before = snapshot([site, tmp_path / "model"])
    site.write_text("name: Proef met een langere naam\n", encoding="utf-8")
    assert snapshot([site, tmp_path / "model"]) != before


def test_the_overlays_words_come_with_the_status_in_the_language_spoken() -> None:
    dutch, english = BuildStatus(), BuildStatus()
    dutch.record(["model/x.yaml:3: fout"])
    with speaking(Catalogs(locale_folder(PROJECT)), "en"):
        english.record(["model/x.yaml:3: mistake", "model/x.yaml:4: another"])

    assert json.loads(dutch.as_json())["texts"] == {
        "title": "De bouw is gestopt: 1 probleem",
        "note": "Je ziet hieronder nog de vorige versie van de site. Herstel wat hier staat en sla het bestand op; "
                "zodra de bouw lukt, laadt deze pagina vanzelf opnieuw.",
        "hide": "Verbergen"}
    assert json.loads(english.as_json())["texts"] == {
        "title": "The build stopped: 2 problems",
        "note": "Below you still see the previous version of the site. Fix what is listed here and save the file; as "
                "soon as the build succeeds, this page reloads by itself.",
        "hide": "Hide"}
    assert english.empty_page.startswith(b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                                         b"<title>The build stopped</title>")
    assert b"<h1>No site yet</h1>" in english.empty_page and b'lang="nl"' in dutch.empty_page


def test_serve_says_a_taken_port_in_the_language_spoken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = start_server(tmp_path)
    try:
        with speaking(Catalogs(locale_folder(PROJECT)), "en"):
            code = serve(lambda: [], tmp_path, [tmp_path], port=taken.server_port)
    finally:
        taken.shutdown()

    assert code == 1
    assert capsys.readouterr().out == (f"Port {taken.server_port} is already in use, perhaps by another 'serve' in "
                                       "another window. Stop that one, or choose another port: python build.py serve "
                                       f"--port {taken.server_port + 1}\n")
