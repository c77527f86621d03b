"""Which pages the site has, and what each page's template receives."""

from __future__ import annotations

from .content import Page
from .errors import Problems
from .storage_keys import storage_keys
from .views import (OutputPage, element_chart, element_views, matrix_rows, result_area_views, result_chart,
                    scan_steps)

REQUIRED_CONTENT = ("index", "uitleg", "privacy", "toegankelijkheid", "colofon")
MENU = [("index", "index.html", "Start"), ("uitleg", "uitleg.html", "Uitleg"), ("scan", "scan.html", "Scan"),
        ("resultaat", "resultaat.html", "Uitslag")]
FOOTER = [("privacy.html", "Privacy"), ("toegankelijkheid.html", "Toegankelijkheid"), ("colofon.html", "Colofon")]


def check_required_content(pages: dict[str, Page], folder_problems: Problems) -> None:
    """The site needs these explanatory pages; say which file is missing."""
    for name in REQUIRED_CONTENT:
        if name not in pages:
            folder_problems.error(1, f"de pagina '{name}.md' ontbreekt; die is nodig voor de site")


def plan_pages(model: dict, pages: dict[str, Page]) -> list[OutputPage]:
    """All pages of the site with their template context; nothing is rendered yet."""
    elements = element_views(model)

    def content_page(name: str, template: str, nav: str, script: str = "page.js", **extra) -> OutputPage:
        page = pages[name]
        return OutputPage(f"{name}.html", template, page.title, page.summary, nav, script=script,
                          context={"content": page.html, **extra})

    planned = [
        content_page("index", "index.html", "index", elements=elements),
        content_page("uitleg", "uitleg.html", "uitleg", elements=elements),
        OutputPage("scan.html", "scan.html", "De scan", f"Vul de {model['short_name']}-scan in.", "scan",
                   engine=True, early_engine=True, script="scan.js",
                   context={"elements": elements, "areas": result_area_views(model), "steps": scan_steps(model)}),
        OutputPage("resultaat.html", "result.html", "Je uitslag", "De uitslag van je scan.", "resultaat",
                   engine=True, script="result.js",
                   context={"element_chart": element_chart(model), "result_chart": result_chart(model),
                            "elements": elements}),
        content_page("privacy", "privacy.html", "privacy", script="privacy.js", storage_keys=storage_keys(model)),
        content_page("toegankelijkheid", "page.html", "toegankelijkheid"),
        content_page("colofon", "page.html", "colofon"),
    ]
    for element in elements:
        planned.append(OutputPage(element["page"], "element.html", f"Element {element['number']}: {element['name']}",
                                  element["core"], "uitleg",
                                  context={"element": element, "rows": matrix_rows(model, _raw(model, element))}))
    return planned


def _raw(model: dict, element: dict) -> dict:
    return next(e for e in model["elements"] if e["id"] == element["id"])
