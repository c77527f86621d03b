"""`python build.py serve`: build, serve dist/ on 127.0.0.1, rebuild when an input changes, and tell every open
page how the last build went.

The pages it serves carry one extra script (dev_overlay.js, never part of dist/). It asks /__serve/status every
second: after a failed build it shows each problem (file:line) over the page, which is still the last good
version; after the next good build it loads the page again. A port that is taken ends in a clear message.

The overlay speaks the language the command speaks (sitegen/cli.py): its heading, note and button come with the
status, made by `_()` when a build is recorded, so the script holds no text of its own.
"""

from __future__ import annotations

import errno
import gzip
import html
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

from .i18n import _, language_now, ngettext
from .serve import StaticHostHandler, start_server

POLL_SECONDS = 0.25
HERE = Path(__file__).resolve().parent
STATUS_PATH = "/__serve/status"
OVERLAY_FILES = {"/__serve/overlay.js": (HERE / "dev_overlay.js", "text/javascript; charset=utf-8"),
                 "/__serve/overlay.css": (HERE / "dev_overlay.css", "text/css; charset=utf-8")}
OVERLAY_TAGS = (b'<link rel="stylesheet" href="/__serve/overlay.css">'
                b'<script type="module" src="/__serve/overlay.js"></script>')


BuildRun = Callable[[], list[str]]
"""Builds the site once; the problems that stopped it, each as 'file:line: message', or none."""


@dataclass
class BuildStatus:
    """How the last build went, shared by the watch loop and every request."""

    build: int = 0  # counts builds, so a page sees that a new one has finished
    problems: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # the overlay's words for these problems
    empty_page: bytes = b""  # the page shown before any good build, in the same language
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, problems: list[str]) -> None:
        """A finished build's problems (none when it succeeded), with the overlay's words in the language spoken
        now: requests are answered on other threads, which speak no language of their own."""
        texts, empty_page = overlay_texts(len(problems)), no_site_yet()
        with self.lock:
            self.build += 1
            self.problems = problems
            self.texts = texts
            self.empty_page = empty_page

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"build": self.build, "problems": self.problems, "texts": self.texts},
                              ensure_ascii=False).encode("utf-8")


def overlay_texts(count: int) -> dict[str, str]:
    """The overlay's heading, note and button, for a build that stopped on `count` problems."""
    return {
        "title": ngettext("De bouw is gestopt: 1 probleem", "De bouw is gestopt: %(n)s problemen", count) % {
            "n": count},
        "note": _("Je ziet hieronder nog de vorige versie van de site. Herstel wat hier staat en sla het bestand op; "
                  "zodra de bouw lukt, laadt deze pagina vanzelf opnieuw."),
        "hide": _("Verbergen"),
    }


def no_site_yet() -> bytes:
    """The page under the overlay while there has been no good build yet."""
    title, heading = html.escape(_("De bouw is gestopt")), html.escape(_("Nog geen site"))
    head = (f'<!doctype html><html lang="{language_now()}"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">')
    body = f"</head><body><main><h1>{heading}</h1></main></body></html>"
    return head.encode() + OVERLAY_TAGS + body.encode()


def dev_handler(status: BuildStatus) -> type[StaticHostHandler]:
    """The static host, plus the build status, the overlay's two files and the overlay in every page."""

    class DevHandler(StaticHostHandler):
        def do_GET(self) -> None:
            path = urllib.parse.urlsplit(self.path).path
            if path == STATUS_PATH:
                self._send(status.as_json(), "application/json; charset=utf-8")
            elif path in OVERLAY_FILES:
                file, content_type = OVERLAY_FILES[path]
                self._send(file.read_bytes(), content_type)
            elif status.problems and path.endswith(("/", ".html")) and not Path(self.translate_path(path)).exists():
                self._send(status.empty_page, "text/html; charset=utf-8")  # no good build yet: the overlay alone
            else:
                super().do_GET()

        def body(self, path: str, compress: bool) -> bytes:
            if not path.endswith(".html"):
                return super().body(path, compress)
            page = Path(path).read_bytes().replace(b"</head>", OVERLAY_TAGS + b"</head>", 1)
            return gzip.compress(page, mtime=0) if compress else page

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return DevHandler


def serve(run_build: BuildRun, out: Path, watched: list[Path], port: int = 8000) -> int:
    """Serve until Ctrl+C; a failed rebuild leaves the last good site online and shows its problems on every page."""
    status = BuildStatus()
    status.record(run_build())
    try:
        server = start_server(out, port, handler=dev_handler(status))
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        print(_("Poort %(port)s is al in gebruik, misschien door een andere 'serve' in een ander venster. Stop die, of "
                "kies een andere poort: python build.py serve --port %(next)s") % {"port": port, "next": port + 1},
              flush=True)
        return 1
    print(_("De site staat op %(address)s (stoppen: Ctrl+C)") % {
        "address": f"http://127.0.0.1:{server.server_port}/"}, flush=True)
    try:
        watch(watched, lambda: status.record(run_build()))
    except KeyboardInterrupt:
        print("\n" + _("Gestopt."))
    finally:
        server.shutdown()
    return 0


def watch(folders: list[Path], rebuild: Callable[[], None]) -> None:
    """Rebuild whenever a file in `folders` changes; runs until interrupted."""
    state = snapshot(folders)
    while True:
        time.sleep(POLL_SECONDS)
        current = snapshot(folders)
        if current != state:
            state = current
            print(_("Wijziging gezien, opnieuw bouwen..."), flush=True)
            rebuild()


def snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    """Modification times of all files; polling needs no extra dependency and works on every system."""
    found = {}
    for folder in folders:
        paths = [folder] if folder.is_file() else folder.rglob("*")
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found[str(path)] = (stat.st_mtime, stat.st_size)
    return found
