"""A static host on 127.0.0.1, serving a folder the way a good static host does; `python build.py serve`
(sitegen/dev_server.py), the browser tests and the benchmark all use it."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import threading
import urllib.parse
from http import HTTPStatus
from pathlib import Path

from .assets import is_versioned

# Text formats and the engine files (wasm, zip) shrink a lot; images and fonts are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".txt", ".map", ".xml"}
LONG_CACHE = "public, max-age=31536000, immutable"  # a versioned path never changes its bytes
REVALIDATE = "no-cache"  # pages and sw.js: use the cached copy only after asking the server


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder the way a good static host does: exact MIME types, gzip when the client accepts it,
    long caching for versioned folders and revalidation (ETag) for everything else."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    def cache_control(self, url_path: str) -> str:
        return LONG_CACHE if is_versioned(url_path) else REVALIDATE

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        url_path = urllib.parse.urlsplit(self.path).path
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = os.path.join(path, "index.html")
        try:
            stat = os.stat(path)
        except OSError:
            stat = None
        if stat is None or not os.path.isfile(path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return
        suffix = os.path.splitext(path)[1].lower()
        compress = suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if compress else ""}"'
        if etag in [tag.strip() for tag in self.headers.get("If-None-Match", "").split(",")]:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._common_headers(url_path, etag)
            self.end_headers()
            return
        body = self.body(path, compress)
        content_type = self.guess_type(path)
        if content_type.startswith("text/") or content_type == "application/json":
            content_type += "; charset=utf-8"
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self._common_headers(url_path, etag)
        self.end_headers()
        if with_body:
            # The browser may have gone away (a closed tab, a cancelled download): nothing to answer then.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def body(self, path: str, compress: bool) -> bytes:
        """The bytes sent for a file; a subclass may change them (the dev server adds its build status)."""
        return compressed(path) if compress else Path(path).read_bytes()

    def _common_headers(self, url_path: str, etag: str) -> None:
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", self.cache_control(url_path))
        self.send_header("Vary", "Accept-Encoding")



# Shared by all requests and servers: each file is compressed once, and again only when it changes.
_gzipped: dict[str, tuple[tuple[int, int], bytes]] = {}


def compressed(path: str) -> bytes:
    """The file gzipped, from memory after the first time."""
    real = os.path.realpath(path)
    stat = os.stat(real)
    version = (stat.st_mtime_ns, stat.st_size)
    if real not in _gzipped or _gzipped[real][0] != version:
        _gzipped[real] = (version, gzip.compress(Path(real).read_bytes(), compresslevel=6, mtime=0))
    return _gzipped[real][1]


def precompress(folder: Path) -> None:
    """Compress now what a request would compress, as a static host does ahead of time, so no first request
    waits for it (the benchmark measures the browser, not this server)."""
    for root, _, names in os.walk(folder, followlinks=True):
        for name in names:
            if os.path.splitext(name)[1].lower() in COMPRESSIBLE:
                compressed(os.path.join(root, name))


def start_server(folder: Path, port: int = 0, handler: type[StaticHostHandler] = StaticHostHandler,
                 ) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on 127.0.0.1 in a background thread; port 0 picks a free one."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
