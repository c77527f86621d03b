"""`python build.py serve`: build, serve dist/ on 127.0.0.1, and rebuild when an input file changes."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path
from typing import Callable

POLL_SECONDS = 0.25


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def serve(run_build: Callable[[], bool], out: Path, watched: list[Path], port: int = 8000) -> int:
    """Serve until Ctrl+C; a failed rebuild leaves the last good site online."""
    run_build()
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"De site staat op http://127.0.0.1:{server.server_port}/ (stoppen: Ctrl+C)", flush=True)
    state = _snapshot(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = _snapshot(watched)
            if current != state:
                state = current
                print("Wijziging gezien, opnieuw bouwen...", flush=True)
                run_build()
    except KeyboardInterrupt:
        print("\nGestopt.")
    finally:
        server.shutdown()
    return 0


def _snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    """Modification times of all files; polling needs no extra dependency and works on every system."""
    found = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found[str(path)] = (stat.st_mtime, stat.st_size)
    return found
