"""A person's view of a page over WebDriver (Selenium 4), the same in Firefox and WebKit.

Controls are found the way the Playwright tests find them: by role and accessible name, where both come from the
browser's own accessibility tree (WebDriver's Get Computed Role and Get Computed Label). Every wait has one timeout.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any, TypeVar

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

T = TypeVar("T")
TIMEOUT = 30.0  # seconds; the engine's first start in a fresh profile is the slowest step
ENGINE_TIMEOUT = 90.0

# Which elements can have a role: a first cut by tag, then the browser's computed role decides.
CANDIDATES = {
    "button": "button, [role=button], input[type=button], input[type=submit]",
    "link": "a[href], [role=link]",
    "radio": "input[type=radio], [role=radio]",
    "checkbox": "input[type=checkbox], [role=checkbox]",
    "group": "fieldset, [role=group]",
    "textbox": "input:not([type]), input[type=text], input[type=date], textarea, [role=textbox]",
    "combobox": "select, [role=combobox]",
    "heading": "h1, h2, h3, h4, h5, h6, [role=heading]",
    "dialog": "dialog, [role=dialog]",
    "alert": "[role=alert]",
    "status": "[role=status], output",
    "table": "table, [role=table]",
    "img": "img, svg, [role=img]",
    "navigation": "nav, [role=navigation]",
}
# The drawn candidates whose text could hold the name, in one call: asking the driver element by element is slow.
# The rough text joins every source an accessible name can come from, so it holds the name; the browser's own
# computed name then decides.
SHOWN = """const [scope, selector, name] = arguments;
const text = (element) => (element ? element.textContent : "");
const rough = (element) => [element.getAttribute("aria-label"), element.getAttribute("title"),
  element.getAttribute("alt"), element.getAttribute("placeholder"), element.textContent,
  ...(element.getAttribute("aria-labelledby") || "").split(/\\s+/).map((id) => text(document.getElementById(id))),
  ...[...(element.labels || [])].map(text)].join(" ").replace(/\\s+/g, " ");
return [...(scope || document).querySelectorAll(selector)]
  .filter((element) => element.checkVisibility({ visibilityProperty: true }) && rough(element).includes(name));"""
# A value set as a person's pick sets it: the field changes, then says so.
SET_VALUE = """const [field, value] = arguments; field.value = value;
for (const type of ["input", "change"]) field.dispatchEvent(new Event(type, { bubbles: true }));"""
# Computed roles the engines spell differently: Firefox says "image" where ARIA says "img", and WebKitGTK gives a
# <select> the role of the pop-up button it draws.
SPELLINGS = {"img": {"img", "image"}, "combobox": {"combobox", "button"}}
KEYS = {"Enter": Keys.ENTER, "Escape": Keys.ESCAPE, "Tab": Keys.TAB, "ArrowRight": Keys.ARROW_RIGHT,
        "ArrowLeft": Keys.ARROW_LEFT, "Home": Keys.HOME, "End": Keys.END, "Space": Keys.SPACE}


def words(text: str) -> str:
    """Text with its white space folded, as a person reads it."""
    return " ".join(text.split())


def wait(condition: Callable[[], T | None], what: str, timeout: float = TIMEOUT) -> T:
    """Poll until the condition gives something truthy; fail with what was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
            if value:
                return value
        except (StaleElementReferenceException, NoSuchElementException):
            pass  # not there yet, or the page replaced it while we looked: look again
        if time.monotonic() > deadline:
            raise AssertionError(f"na {timeout:.0f} s nog niet: {what}")
        time.sleep(0.1)


class Page:
    """One browser tab on one served site; paths are relative to the site's root."""

    def __init__(self, driver: WebDriver, engine: str, root: str) -> None:
        self.driver = driver
        self.engine = engine
        self.root = root

    # --- moving around --------------------------------------------------------------------------------------------

    def goto(self, path: str) -> None:
        self.driver.get(self.root + path)

    def reload(self) -> None:
        """Reload as a person does (F5), through the service worker: WebDriver's own Refresh in Firefox bypasses
        the service worker, like a forced reload, so the page reloads itself."""
        self.evaluate("window.__before_reload = true; location.reload();")
        wait(self._reloaded, f"de pagina is opnieuw geladen in {self.engine}")

    def _reloaded(self) -> bool:
        try:
            return bool(self.evaluate("return !window.__before_reload && document.readyState === 'complete'"))
        except WebDriverException:
            return False  # between two documents

    def follow(self, link: str, exact: bool = True) -> None:
        """Click the link with this name and wait for the page it opens, so that what is awaited next
        (the engine, say) is awaited on the new page, not on the one being left."""
        before = self.url
        self.role("link", link, exact=exact).click()
        wait(lambda: self.url != before and self._loaded(), f"de pagina achter '{link}' is open in {self.engine}")

    def _loaded(self) -> bool:
        try:
            return bool(self.evaluate("return document.readyState === 'complete'"))
        except WebDriverException:
            return False  # between two documents

    @property
    def url(self) -> str:
        return self.driver.current_url

    def wait_for_engine(self, state: str = "ready") -> None:
        """The Pyodide engine in the page's worker reached this state (html[data-engine])."""
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, f"html[data-engine={state}]"),
             f"de rekenmodule in {self.engine} is '{state}'", ENGINE_TIMEOUT)

    def settle(self) -> None:
        """Let an engine that is still starting finish, so that leaving the page aborts no download (Firefox
        reports an aborted download that a service worker answers as a script error)."""
        wait(lambda: self.evaluate("return document.documentElement.dataset.engine") != "loading",
             f"de rekenmodule in {self.engine} is klaar met starten", ENGINE_TIMEOUT)

    # --- finding what a person sees -------------------------------------------------------------------------------

    def find_all(self, role: str, name: str = "", within: WebElement | None = None, exact: bool = False,
                 ) -> list[WebElement]:
        """Shown elements with this computed role whose accessible name contains (or is) `name`."""
        found = []
        for element in self.evaluate(SHOWN, within, CANDIDATES[role], name):
            try:
                if element.aria_role not in SPELLINGS.get(role, {role}):
                    continue
                label = words(element.accessible_name)
            except StaleElementReferenceException:
                raise  # the page changed: `wait` looks again
            except WebDriverException:
                continue  # WebKit gives no role for an element it has no accessibility object for
            if (label == name) if exact else (name in label):
                found.append(element)
        return found

    def role(self, role: str, name: str = "", within: WebElement | None = None, exact: bool = False) -> WebElement:
        """The one shown element with this role and name, waited for."""
        def single() -> WebElement | None:
            found = self.find_all(role, name, within, exact)
            return found[0] if len(found) == 1 else None
        return wait(single, f"precies één {role} '{name}' in {self.engine}")

    def text(self, within: WebElement | None = None) -> str:
        return words((within or self.driver.find_element(By.TAG_NAME, "body")).text)

    def see(self, text: str, within: WebElement | None = None) -> None:
        """Wait until the text is on screen: in the rendered text, so hidden text does not count, and in any case, as
        WebDriver gives the text as drawn (an uppercase kicker's text comes back in capitals)."""
        wait(lambda: text.casefold() in self.text(within).casefold(),
             f"de tekst '{text}' staat op het scherm in {self.engine}")

    def css(self, selector: str) -> WebElement:
        """For what has no role of its own (a figure's field); waited for."""
        return wait(lambda: self.driver.find_element(By.CSS_SELECTOR, selector), f"'{selector}' in {self.engine}")

    # --- doing what a person does ---------------------------------------------------------------------------------

    def choose(self, group: str, choice: str) -> None:
        """Pick the radio button whose name starts with `choice` in the question group `group`."""
        fieldset = self.role("group", group)
        radios = [radio for radio in self.find_all("radio", choice, within=fieldset)
                  if words(radio.accessible_name).startswith(choice)]
        assert len(radios) == 1, f"{len(radios)} keuzes '{choice}' bij '{group}' in {self.engine}"
        radios[0].click()
        wait(radios[0].is_selected, f"'{choice}' bij '{group}' is gekozen in {self.engine}")

    def fill(self, label: str, value: str) -> None:
        field = self.role("textbox", label)
        field.clear()
        field.send_keys(value)

    def select(self, label: str, value: str, within: WebElement | None = None) -> None:
        """Choose an option of a select box by its value: by clicking it where the engine lets WebDriver, else
        as the pop-up does it (WebKitGTK draws the options in a native pop-up that WebDriver cannot click into)."""
        box = self.role("combobox", label, within)
        try:
            box.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()
        except WebDriverException:
            self.evaluate(SET_VALUE, box, value)

    def labelled(self, label: str) -> WebElement:
        """The control a <label> with this text names: for file and date fields, whose computed role
        differs between engines."""
        xpath = f"//*[@id=//label[contains(normalize-space(.), {json.dumps(label)})]/@for]"
        return wait(lambda: self.driver.find_element(By.XPATH, xpath), f"het veld '{label}' in {self.engine}")

    def upload(self, label: str, *paths: str) -> None:
        """Choose files in the file field labelled `label`."""
        self.labelled(label).send_keys("\n".join(paths))

    def set_date(self, label: str, iso: str) -> None:
        """Enter a date: each engine draws its own date picker and WebDriver types into none of them alike, so
        the value is set as the picker sets it, with the events it sends."""
        self.evaluate(SET_VALUE, self.labelled(label), iso)

    def press(self, key: str) -> None:
        ActionChains(self.driver).send_keys(KEYS.get(key, key)).perform()

    def focused(self) -> WebElement:
        return self.driver.switch_to.active_element

    # --- what the browser keeps and prints ------------------------------------------------------------------------

    def evaluate(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def evaluate_async(self, script: str, *args: Any) -> Any:
        """Run `script`, which calls `done(value)` when it is finished."""
        return self.driver.execute_async_script(f"const done = arguments[arguments.length - 1]; {script}", *args)

    def storage(self) -> dict[str, str]:
        return self.evaluate("return Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")

    def print_pdf(self) -> bytes:
        """The page as the browser prints it (WebDriver's Print Page: print styles, A4, no backgrounds)."""
        try:
            options = PrintOptions()
            options.page_width, options.page_height = 21.0, 29.7  # A4, in centimetres
            printed = self.driver.print_page(options)
        except WebDriverException as problem:
            raise AssertionError(f"{self.engine} kan niet afdrukken: {problem.msg}") from problem
        return base64.b64decode(printed)
