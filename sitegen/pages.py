"""Which pages the site has, and what each page's template receives.

Site pages (landing, privacy, accessibility, colophon) sit at the root; each model gets its own folder named
after its id, with its explanation, element pages, scan, result (with the ambition), development plan and earlier
measurements: `semm/scan.html`, `semm/plan.html`, `semm/metingen.html`, `semm/elementen/e1.html`.
"""

from __future__ import annotations

from .content import Page
from .errors import Problems
from .storage_keys import key_prefix, storage_keys
from .views import (OutputPage, ambition_charts, ambition_choices, aspect_rows, compare_chart, element_chart,
                    element_views, matrix_rows, result_area_views, result_chart, scan_steps, spread_chart,
                    stages_chart, team_aspect_rows)

SITE_CONTENT = ("index", "privacy", "toegankelijkheid", "colofon")
FOOTER = [("privacy.html", "Privacy"), ("toegankelijkheid.html", "Toegankelijkheid"), ("colofon.html", "Colofon")]


def check_required_content(pages: dict[str, Page], folder_problems: Problems) -> None:
    """The site needs these explanatory pages; say which file is missing."""
    for name in SITE_CONTENT:
        if name not in pages:
            folder_problems.error(1, f"de pagina '{name}.md' ontbreekt; die is nodig voor de site")


def check_model_folders(models: list[dict], pages: dict[str, Page], folder_problems: Problems) -> None:
    """Content in a folder that matches no model would never be published: say so."""
    model_ids = {model["id"] for model in models}
    for name in pages:
        folder = name.split("/")[0] if "/" in name else None
        if folder is None and name not in SITE_CONTENT:
            folder_problems.error(1, f"'{name}.md' hoort bij geen pagina van de site (wel: "
                                     f"{', '.join(n + '.md' for n in SITE_CONTENT)}); de uitleg van een model staat "
                                     f"in <model-id>/uitleg.md, bijvoorbeeld {sorted(model_ids)[0]}/uitleg.md")
        if folder and folder not in model_ids:
            folder_problems.error(1, f"de map '{folder}/' hoort bij geen enkel model (modellen: "
                                     f"{', '.join(sorted(model_ids))}); hernoem de map naar het id van een model")
        elif folder and name != f"{folder}/uitleg":
            folder_problems.error(1, f"'{name}.md': in een modelmap staat alleen 'uitleg.md'")


def plan_pages(models: list[dict], pages: dict[str, Page]) -> list[OutputPage]:
    """All pages of the site with their template context; nothing is rendered yet."""
    scans = [{"id": m["id"], "name": m["name"], "short_name": m["short_name"], "intro": m["intro"],
              "scan": f"{m['id']}/scan.html", "uitleg": f"{m['id']}/uitleg.html",
              "elements": element_views(m)} for m in models]
    primary = models[0]

    def site_page(name: str, template: str, script: str = "page.js", **extra) -> OutputPage:
        page = pages[name]
        return OutputPage(f"{name}.html", template, page.title, page.summary, nav=name, model=primary, script=script,
                          context={"content": page.html, **extra})

    planned = [
        site_page("index", "index.html", scans=scans),
        site_page("privacy", "privacy.html", script="privacy.js",
                  storage_keys=[key for m in models for key in storage_keys(m)],
                  storage_prefixes=[key_prefix(m) for m in models]),
        site_page("toegankelijkheid", "page.html"),
        site_page("colofon", "colofon.html", models=models),
    ]
    for model in models:
        planned.extend(plan_model_pages(model, pages.get(f"{model['id']}/uitleg")))
    return planned


def plan_model_pages(model: dict, explanation: Page | None) -> list[OutputPage]:
    """The pages of one model's scan, in the model's own folder."""
    folder = model["id"]
    elements = element_views(model)
    planned = [
        OutputPage(f"{folder}/uitleg.html", "uitleg.html", explanation.title if explanation else f"Over het {model['name']}",
                   explanation.summary if explanation else model["intro"], "uitleg", model=model,
                   context={"content": explanation.html if explanation else "", "elements": elements,
                            "stages_chart": stages_chart(model)}),
        OutputPage(f"{folder}/scan.html", "scan.html", "De scan", f"Vul de {model['short_name']}-scan in.", "scan",
                   model=model, engine=True, early_engine=True, script="scan.js",
                   context={"elements": elements, "areas": result_area_views(model), "steps": scan_steps(model)}),
        OutputPage(f"{folder}/resultaat.html", "result.html", "Je uitslag", "De uitslag van je scan.", "resultaat",
                   model=model, engine=True, script="result.js",
                   context={"element_chart": element_chart(model), "result_chart": result_chart(model),
                            "stages_chart": stages_chart(model), "elements": elements,
                            "ambition": ambition_choices(model), "ambition_charts": ambition_charts(model)}),
        OutputPage(f"{folder}/plan.html", "plan.html", "Je ontwikkelplan",
                   "Wat je organisatie als eerste kan oppakken om haar ambitie te halen.", "plan",
                   model=model, engine=True, script="plan.js", context={}),
        OutputPage(f"{folder}/metingen.html", "metingen.html", "Je metingen",
                   "Bewaar je scan als meting en vergelijk hem later met een nieuwe.", "metingen",
                   model=model, engine=True, script="history.js",
                   context={"elements": elements, "compare_chart": compare_chart(model),
                            "aspect_rows": aspect_rows(model)}),
        OutputPage(f"{folder}/scans.html", "scans.html", "Mijn scans",
                   "Je scans in deze browser: openen, hernoemen, verwijderen en inlezen.", "scans", model=model,
                   engine=True, script="scans.js"),
        OutputPage(f"{folder}/team.html", "team.html", "Team",
                   "Zet de scans van meerdere mensen of afdelingen naast elkaar.", "team", model=model, engine=True, script="team.js",
                   context={"elements": elements, "aspect_rows": team_aspect_rows(model),
                            "spread_chart": spread_chart(model)}),
    ]
    for element, raw in zip(elements, model["elements"]):
        planned.append(OutputPage(element["page"], "element.html", f"Element {element['number']}: {element['name']}",
                                  element["core"], "uitleg", model=model,
                                  context={"element": element, "rows": matrix_rows(model, raw)}))
    return planned
