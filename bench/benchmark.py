#!/usr/bin/env python3
"""Speed benchmark: the built site against a bare page that loads the npm Pyodide on the main thread.

    .venv/bin/python bench/benchmark.py [--no-build] [--runs 3] [--answers 40] [--no-lighthouse]

Serves dist/ the way a static host does (gzip, application/wasm, long caching for versioned folders) next to a
reference page generated into a temporary folder, and measures both in one run with Playwright and Chromium:
domInteractive, time until the engine is ready (cold: fresh profile; warm: second visit, same profile), bytes on
the wire, the round trip from an answer to an updated "Tussenstand", the time from domInteractive until the result
shows (first visit: from the engine; return visit: the result the page kept), and Lighthouse (default mobile
settings).
Prints a table with the targets of issue 5 and writes it as Markdown to bench/latest.md for docs/performance.md.
This is a script, not a test: timings depend on the machine, so nothing here passes or fails a build.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from sitegen.model import load_model  # noqa: E402
from sitegen.serve import LONG_CACHE, StaticHostHandler, precompress, start_server  # noqa: E402

# The pages measured, as paths inside dist/ (each model has its own folder). The only place the benchmark names them.
PAGES = {"scan": "semm/scan.html", "result": "semm/resultaat.html",
         "scan_en": "semm/en/scan.html"}  # the same scan in English (model/translations): its texts and messages
BENCH_MODEL: dict = dict(load_model(PROJECT / "model" / "semm.yaml"))  # the model of PAGES
PYODIDE_NPM = PROJECT / "node_modules" / "pyodide"
REFERENCE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
LIGHTHOUSE = PROJECT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]

REFERENCE_PAGE = """<!doctype html>
<html lang="nl" data-engine="loading">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Referentie: Pyodide op de hoofdthread</title></head>
<body>
<h1>Referentie</h1>
<p>Deze pagina laadt Pyodide uit het npm-pakket op de gewone manier, op de hoofdthread.</p>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
loadPyodide().then(() => { document.documentElement.dataset.engine = "ready"; });
</script>
</body>
</html>
"""

# Runs before any script of the page: note the moment <html data-engine> turns "ready".
READY_PROBE = """
new MutationObserver(() => {
  const state = document.documentElement && document.documentElement.dataset.engine;
  if (state === "ready" && !("benchReady" in window)) window.benchReady = performance.now();
  if (state === "error" && !("benchError" in window)) window.benchError = document.body.innerText.slice(0, 300);
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-engine"] });
"""

ENGINE_SETTLED = "html[data-engine=ready], html[data-engine=error]"
RESULT_SOURCE = "[data-result-page][data-result-source={}]"
# From domInteractive to the moment the result page first showed a result (its performance mark "result-shown").
RESULT_SHOWN = """() => performance.getEntriesByName("result-shown")[0].startTime
  - performance.getEntriesByType("navigation")[0].domInteractive"""
SEED_SCAN = """([prefix, record]) => {
  localStorage.setItem(prefix + "scans", JSON.stringify({schema: 1, current: record.id, scans: [
    {id: record.id, name: record.name, created: record.created, updated: record.updated}]}));
  localStorage.setItem(prefix + "scan:" + record.id, JSON.stringify(record));
}"""

WAIT_FOR_SERVICE_WORKER = """async () => {
  if (!("serviceWorker" in navigator)) return "unsupported";
  for (let i = 0; i < 50 && !(await navigator.serviceWorker.getRegistration()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await navigator.serviceWorker.getRegistration())) return "none";
  await navigator.serviceWorker.ready;
  return "active";
}"""

# Alternates the first aspect between its second and third choice: the running score changes every time.
ROUND_TRIPS = """async (count) => {
  const line = document.querySelector("[data-score-line]");
  const radios = [...document.querySelector("[data-group]").querySelectorAll("input[type=radio]")];
  const times = [];
  for (let i = 0; i < count; i++) {
    const before = line.textContent;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (line.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(line, { childList: true, characterData: true, subtree: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
    });
    const start = performance.now();
    radios[i % 2 ? 1 : 2].click();
    const end = await changed;
    if (end === null) throw new Error("de tussenstand veranderde niet binnen 5 s");
    times.push(end - start);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return times;
}"""


class CountingHandler(StaticHostHandler):
    """The static host, counting every byte it sends per top folder ("site" or "reference") and per path."""

    lock = threading.Lock()
    sent: dict[str, int] = {}

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self)  # type: ignore[assignment]  # a proxy: counts, then writes

    def cache_control(self, url_path: str) -> str:
        # The reference gets the best a host can do for it: the npm files cached for a year.
        if url_path.startswith("/reference/pyodide/"):
            return LONG_CACHE
        return super().cache_control(url_path)

    @classmethod
    def take(cls, prefix: str) -> dict[str, int]:
        """Bytes sent per path under /prefix/ since the last call; forgets them."""
        with cls.lock:
            taken = {path: size for path, size in cls.sent.items() if path.startswith(f"/{prefix}/")}
            for path in taken:
                del cls.sent[path]
        return taken


class _CountingWriter:
    def __init__(self, raw, handler: CountingHandler) -> None:
        self.raw, self.handler = raw, handler

    def write(self, data: bytes) -> int:
        path = getattr(self.handler, "path", "?").split("?")[0]
        with CountingHandler.lock:
            CountingHandler.sent[path] = CountingHandler.sent.get(path, 0) + len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


@dataclass
class Results:
    dom_interactive: dict[str, list[float]] = field(default_factory=dict)
    ready_cold: dict[str, list[float]] = field(default_factory=dict)
    ready_warm: dict[str, list[float]] = field(default_factory=dict)
    bytes_first: dict[str, list[int]] = field(default_factory=dict)
    engine_bytes_second: list[int] = field(default_factory=list)
    page_bytes: dict[str, list[int]] = field(default_factory=dict)  # the scan page alone, per language
    round_trips: list[float] = field(default_factory=list)
    result_first: list[float] = field(default_factory=list)  # domInteractive -> result shown, from the engine
    result_return: list[float] = field(default_factory=list)  # the same on a return visit, from the kept result
    service_worker: str = "?"
    offline: str = "?"
    lighthouse: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    build_cold: float | None = None
    build_warm: float | None = None
    serve_edit: float | None = None

    def add(self, table: dict, key: str, value) -> None:
        table.setdefault(key, []).append(value)


def make_host(dist: Path) -> Path:
    """A temporary web root: site/ is dist/, reference/ the bare page with the npm Pyodide next to it."""
    host = Path(tempfile.mkdtemp(prefix="scan-bench-"))
    (host / "site").symlink_to(dist.resolve(), target_is_directory=True)
    reference = host / "reference"
    (reference / "pyodide").mkdir(parents=True)
    (reference / "index.html").write_text(REFERENCE_PAGE, encoding="utf-8")
    for name in REFERENCE_FILES:
        (reference / "pyodide" / name).symlink_to(PYODIDE_NPM / name)
    return host


def visit(context, url: str, timeout_ms: int = 120_000, wait_ready: bool = True):
    page = context.new_page()
    page.goto(url, wait_until="load")
    if wait_ready:
        # A selector, not a function: waiting on a function would need 'unsafe-eval', which the pages' CSP refuses.
        page.wait_for_selector(ENGINE_SETTLED, state="attached", timeout=timeout_ms)
        error = page.evaluate("window.benchError")
        if error:
            raise RuntimeError(f"{url}: de rekenmodule gaf een fout: {error}")
    return page


def dom_interactive(page) -> float:
    return page.evaluate("performance.getEntriesByType('navigation')[0].domInteractive")


def engine_bytes(sent: dict[str, int]) -> int:
    return sum(size for path, size in sent.items() if "/pyodide/" in path or path.endswith((".zip", ".wasm")))


def measure_browser(base: str, results: Results, runs: int, answers: int, settle: float) -> None:
    from playwright.sync_api import sync_playwright

    reference_url = base + "reference/index.html"
    site_url = base + "site/"
    with sync_playwright() as playwright:
        def fresh_profile(service_workers="allow"):
            folder = tempfile.mkdtemp(prefix="scan-bench-profile-")
            context = playwright.chromium.launch_persistent_context(
                folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers=service_workers)
            context.add_init_script(READY_PROBE)
            return context, folder

        for run in range(runs):
            print(f"  ronde {run + 1} van {runs}...", flush=True)
            # The reference: first visit in a fresh profile, then a second visit in the same profile.
            context, folder = fresh_profile()
            CountingHandler.take("reference")
            page = visit(context, reference_url)
            results.add(results.dom_interactive, "reference", dom_interactive(page))
            results.add(results.ready_cold, "reference", page.evaluate("window.benchReady"))
            time.sleep(settle)
            results.add(results.bytes_first, "reference", sum(CountingHandler.take("reference").values()))
            page.close()
            page = visit(context, reference_url)
            results.add(results.ready_warm, "reference", page.evaluate("window.benchReady"))
            context.close()
            shutil.rmtree(folder, ignore_errors=True)

            # The scan page: the same two visits, then answers, then the same visit with the network gone.
            context, folder = fresh_profile()
            CountingHandler.take("site")
            page = visit(context, site_url + PAGES["scan"])
            results.add(results.dom_interactive, "scan", dom_interactive(page))
            results.add(results.ready_cold, "scan", page.evaluate("window.benchReady"))
            results.service_worker = page.evaluate(WAIT_FOR_SERVICE_WORKER)
            time.sleep(settle)
            results.add(results.bytes_first, "scan", sum(CountingHandler.take("site").values()))
            page.close()
            page = visit(context, site_url + PAGES["scan"])
            results.add(results.ready_warm, "scan", page.evaluate("window.benchReady"))
            results.round_trips += page.evaluate(ROUND_TRIPS, answers)
            results.engine_bytes_second.append(engine_bytes(CountingHandler.take("site")))
            if run == runs - 1:
                results.offline = check_offline(context, page)
            context.close()
            shutil.rmtree(folder, ignore_errors=True)

            # The scan page on its own (no service worker filling its cache), in Dutch and in English: what the
            # language adds on the wire (its texts, the engine's messages).
            for name in ("scan", "scan_en"):
                context, folder = fresh_profile(service_workers="block")
                CountingHandler.take("site")
                page = visit(context, site_url + PAGES[name])
                time.sleep(settle)
                results.add(results.page_bytes, name, sum(CountingHandler.take("site").values()))
                context.close()
                shutil.rmtree(folder, ignore_errors=True)

            # The result page, first visit: nothing stored yet, so it only has to become interactive.
            context, folder = fresh_profile()
            page = visit(context, site_url + PAGES["result"], wait_ready=False)
            results.add(results.dom_interactive, "result", dom_interactive(page))
            # A complete scan in this browser: the first visit waits for the engine, which computes the result and
            # the page keeps it; the return visit shows the kept result before the engine is ready.
            page.evaluate(SEED_SCAN, [f"servicescan:{BENCH_MODEL['id']}:", complete_record(BENCH_MODEL)])
            page.goto(site_url + PAGES["result"], wait_until="load")
            page.wait_for_selector(RESULT_SOURCE.format("engine"), state="attached", timeout=120_000)
            results.result_first.append(page.evaluate(RESULT_SHOWN))
            time.sleep(settle)
            page.close()
            page = visit(context, site_url + PAGES["result"], wait_ready=False)
            page.wait_for_selector(RESULT_SOURCE.format("engine"), state="attached", timeout=120_000)
            if page.evaluate("document.querySelector('[data-result-page]').dataset.resultSource") != "engine":
                raise RuntimeError("the result page did not confirm its kept result")
            results.result_return.append(page.evaluate(RESULT_SHOWN))
            context.close()
            shutil.rmtree(folder, ignore_errors=True)


def complete_record(model: dict) -> dict:
    """A scan with every question answered (the third stage everywhere, the second level for the result areas)."""
    stage = model["phases"]["items"][2]["id"]
    levels = model.get("result_levels", {}).get("items", [])
    return {"schema": 1, "id": "bench1", "name": "Benchmark", "model": model["id"], "model_version": model["version"],
            "created": "2026-01-01T09:00:00.000Z", "updated": "2026-01-01T09:00:00.000Z", "respondent": {},
            "aspects": {aspect["id"]: stage for element in model["elements"] for aspect in element["aspects"]},
            "results": {area["id"]: levels[1]["id"] for area in model.get("result_areas", [])}, "notes": {},
            "ambition": {"elements": {}, "results": {}}, "step": None, "snapshots": []}


def check_offline(context, page) -> str:
    """Reload the scan with the network gone; answer once; the running score must update."""
    context.set_offline(True)
    try:
        page.reload(wait_until="load", timeout=20_000)
        page.wait_for_selector(ENGINE_SETTLED, state="attached", timeout=60_000)
        if page.evaluate("window.benchError"):
            return "no (engine error)"
        page.evaluate(ROUND_TRIPS, 2)
        return "yes"
    except Exception as exc:  # noqa: BLE001 - any failure means: does not work offline
        return f"no ({type(exc).__name__})"
    finally:
        context.set_offline(False)


def lighthouse(url: str, workdir: Path) -> tuple[float, float] | None:
    """Lighthouse performance score and total blocking time (ms), default mobile settings."""
    if not LIGHTHOUSE.is_file() or not shutil.which("node"):
        return None
    report = workdir / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    completed = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance", "--output=json",
         f"--output-path={report}", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0 or not report.is_file():
        print(f"  Lighthouse mislukte voor {url}: {completed.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    data = json.loads(report.read_text(encoding="utf-8"))
    score = data["categories"]["performance"]["score"]
    return (score if score is not None else float("nan"), data["audits"]["total-blocking-time"]["numericValue"])


def time_builds(dist: Path, results: Results) -> None:
    """Build twice: the first may fill the caches, the second is the warm build a publisher waits for."""
    from sitegen.pipeline import build

    start = time.perf_counter()
    build(PROJECT / "model", dist)  # the whole site: every model, as `build.py build` makes it
    results.build_cold = time.perf_counter() - start
    start = time.perf_counter()
    build(PROJECT / "model", dist)
    results.build_warm = time.perf_counter() - start


def time_serve_edit(results: Results) -> None:
    """`build.py serve` on a copy of the content: edit a page, then reload until the edit shows."""
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="scan-bench-serve-"))
    shutil.copytree(PROJECT / "content", work / "content")
    server = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--content", str(work / "content"), "--out", str(work / "dist"),
         "--port", "0"], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert server.stdout is not None  # stdout=PIPE
    try:
        url = ""
        while not url:
            line = server.stdout.readline()
            if not line:
                raise RuntimeError("build.py serve stopte voordat de site online stond")
            url = next((word for word in line.split() if word.startswith("http://")), "")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + "colofon.html", wait_until="load")
            page.evaluate(WAIT_FOR_SERVICE_WORKER)  # the edit must show through the service worker too
            marker = f"Bewerkt op {time.time():.0f}"
            source = work / "content" / "colofon.md"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            while marker not in page.content():
                if time.perf_counter() - start > 30:
                    raise RuntimeError("de bewerking verscheen niet binnen 30 s")
                time.sleep(0.05)
                page.reload(wait_until="load")
            results.serve_edit = time.perf_counter() - start
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


# --- report ------------------------------------------------------------------------------------------------

def median(values) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def ms(value) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def mb(value) -> str:
    return "–" if value is None else f"{value / 1e6:.2f} MB"


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "NOT met")


def ratio(ours, reference) -> tuple[str, float | None]:
    if ours is None or not reference:
        return "–", None
    value = ours / reference
    return f"{value:.2f}×", value


def report_rows(results: Results) -> list[tuple[str, str, str, str, str, str, str]]:
    """(metric, scan, result, reference, ratio, target, verdict) rows."""
    rows = []
    di = {key: median(values) for key, values in results.dom_interactive.items()}
    scan_di = di.get("scan")
    ok_di = None if scan_di is None else scan_di <= 150 and (di.get("result") or 0) <= 150
    rows.append(("domInteractive (first visit)", ms(di.get("scan")), ms(di.get("result")), ms(di.get("reference")),
                 "", "≤ 150 ms", verdict(ok_di)))
    for label, table in (("engine ready, cold", results.ready_cold), ("engine ready, warm", results.ready_warm)):
        ours, ref = median(table.get("scan", [])), median(table.get("reference", []))
        text, value = ratio(ours, ref)
        rows.append((label, ms(ours), "", ms(ref), text, "≤ 0.4×", verdict(None if value is None else value <= 0.4)))
    ours, ref = median(results.bytes_first.get("scan", [])), median(results.bytes_first.get("reference", []))
    text, value = ratio(ours, ref)
    rows.append(("bytes on the wire, first visit", mb(ours), "", mb(ref), text, "≤ 0.8×",
                 verdict(None if value is None else value <= 0.8)))
    dutch, english = median(results.page_bytes.get("scan", [])), median(results.page_bytes.get("scan_en", []))
    grown = None if english is None or dutch is None else (english - dutch) / 1000
    rows.append(("the scan page alone (no service worker): Dutch", mb(dutch), "", "", "", "", ""))
    rows.append(("the scan page alone (no service worker): the same scan in English", mb(english), "", "",
                 "" if grown is None else f"{grown:+.1f} kB", "≤ +10 kB",
                 verdict(None if grown is None else grown <= 10)))
    second = max(results.engine_bytes_second) if results.engine_bytes_second else None
    rows.append(("engine bytes from the network, second visit", mb(second), "", "", "", "0 (from cache)",
                 verdict(None if second is None else second == 0)))
    first, again = median(results.result_first), median(results.result_return)
    rows.append(("result visible after domInteractive, first visit (engine)", "", ms(first), "", "", "", ""))
    rows.append(("result visible after domInteractive, return visit (kept result)", "", ms(again), "", "",
                 "≤ 150 ms", verdict(None if again is None else again <= 150)))
    p50, p95 = percentile(results.round_trips, 0.5), percentile(results.round_trips, 0.95)
    rows.append((f"answer → Tussenstand, p50 / p95 ({len(results.round_trips)} answers)",
                 f"{ms(p50)} / {ms(p95)}", "", "", "", "p95 ≤ 50 ms", verdict(None if p95 is None else p95 <= 50)))
    lh = results.lighthouse
    if lh:
        def score(key):
            measured = lh.get(key)
            return "–" if not measured else f"{measured[0]:.2f}"

        def tbt(key):
            measured = lh.get(key)
            return "–" if not measured else ms(measured[1])

        both = [measured for measured in (lh.get("scan"), lh.get("result")) if measured]
        rows.append(("Lighthouse performance (mobile)", score("scan"), score("result"), score("reference"), "",
                     "≥ 0.95", verdict(None if len(both) < 2 else all(v[0] >= 0.95 for v in both))))
        rows.append(("Lighthouse total blocking time", tbt("scan"), tbt("result"), tbt("reference"), "",
                     "≤ 100 ms", verdict(None if len(both) < 2 else all(v[1] <= 100 for v in both))))
    rows.append(("service worker after the first visit", results.service_worker, "", "", "", "active",
                 verdict(results.service_worker == "active")))
    rows.append(("scan works offline after one visit", results.offline, "", "", "", "yes",
                 verdict(results.offline == "yes")))
    if results.build_warm is not None:
        rows.append(("full build with warm caches (first build of this run)",
                     f"{results.build_warm:.2f} s ({results.build_cold:.2f} s)", "", "", "", "≤ 10 s",
                     verdict(results.build_warm <= 10)))
    if results.serve_edit is not None:
        rows.append(("`serve`: edited content file visible after", f"{results.serve_edit:.2f} s", "", "", "",
                     "≤ 1 s", verdict(results.serve_edit <= 1)))
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        chromium = "Chromium"
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {chromium}, headless, loopback"


def markdown(rows, runs: int, answers: int) -> str:
    header = ("| metric | scan page | result page | reference | ratio | target | |\n"
              "|---|---|---|---|---|---|---|\n")
    body = "".join(f"| {' | '.join(row)} |\n" for row in rows)
    return (f"Measured {datetime.date.today().isoformat()} on {machine()}; median of {runs} runs, "
            f"{answers} answers per run.\n\n" + header + body)


def print_table(rows) -> None:
    headers = ("metric", "scan page", "result page", "reference", "ratio", "target", "")
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=PROJECT / "dist", help="the built site")
    parser.add_argument("--no-build", action="store_true", help="use dist/ as it is")
    parser.add_argument("--runs", type=int, default=3, help="cold/warm visits per page (median is reported)")
    parser.add_argument("--answers", type=int, default=40, help="answers per run for the round trip")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds between the first and second visit")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-serve", action="store_true", help="skip timing `build.py serve` after an edit")
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "latest.md", help="the Markdown table")
    args = parser.parse_args(argv)

    results = Results()
    if not args.no_build:
        print("Bouwen (twee keer: koud en warm)...", flush=True)
        time_builds(args.dist, results)
    host = make_host(args.dist)
    precompress(host)
    server = start_server(host, handler=CountingHandler)
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        print("Meten in Chromium...", flush=True)
        measure_browser(base, results, args.runs, args.answers, args.settle)
        if not args.no_lighthouse:
            for key, url in (("scan", base + "site/" + PAGES["scan"]), ("result", base + "site/" + PAGES["result"]),
                             ("reference", base + "reference/index.html")):
                print(f"Lighthouse: {key}...", flush=True)
                results.lighthouse[key] = lighthouse(url, host)
    finally:
        server.shutdown()
        shutil.rmtree(host, ignore_errors=True)
    if not args.no_serve:
        print("build.py serve: een bewerking tonen...", flush=True)
        time_serve_edit(results)

    rows = report_rows(results)
    print()
    print_table(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(rows, args.runs, args.answers), encoding="utf-8")
    print(f"\nTabel geschreven naar {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
