"""Which pages the site has, and what each page's template receives.

Site pages (landing, privacy, accessibility, colophon) sit at the root; each model gets its own folder named
after its id, with its explanation, element pages, scan, result (with the ambition), development plan and earlier
measurements: `semm/scan.html`, `semm/plan.html`, `semm/metingen.html`, `semm/elementen/e1.html`.
"""

from __future__ import annotations

from typing import cast

from scoring_py.actions import item_labels
from scoring_py.model import Model
from scoring_py.words import model_words

from .content import Page
from .context import (
    ColofonContext,
    ContentContext,
    ElementContext,
    HistoryContext,
    IndexContext,
    NoContext,
    OutputPage,
    PageContext,
    PlanContext,
    PrivacyContext,
    ResultContext,
    ScanCard,
    ScanContext,
    TeamContext,
    UitlegContext,
)
from .errors import Problems
from .storage_keys import key_prefix, storage_keys
from .views import (
    ambition_choices,
    areas_chart,
    aspect_rows,
    compare_chart,
    element_views,
    level_range,
    level_views,
    matrix_rows,
    parts_chart,
    result_area_views,
    scan_steps,
    stages_chart,
    team_aspect_rows,
    team_items,
    team_spread_chart,
)

SITE_CONTENT = ("index", "privacy", "toegankelijkheid", "colofon")


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
    scans: list[ScanCard] = [{"id": m["id"], "name": m["name"], "short_name": m["short_name"], "intro": m["intro"],
                              "scan": f"{m['id']}/scan.html", "uitleg": f"{m['id']}/uitleg.html",
                              "elements": element_views(m), "words": model_words(m)} for m in models]
    primary = models[0]

    def site_page(name: str, template: str, context: PageContext, script: str = "page.js") -> OutputPage:
        page = pages[name]
        return OutputPage(f"{name}.html", template, page.title, page.summary, nav=name, model=primary, script=script,
                          context=context)

    def content(name: str) -> str:
        return pages[name].html

    planned = [
        site_page("index", "index.html", IndexContext(content=content("index"), scans=scans,
                                                      only_scan=scans[0] if len(scans) == 1 else None)),
        site_page("privacy", "privacy.html", PrivacyContext(
            content=content("privacy"), storage_keys=[key for m in models for key in storage_keys(m)],
            storage_prefixes=[key_prefix(m) for m in models]), script="privacy.js"),
        site_page("toegankelijkheid", "page.html", ContentContext(content=content("toegankelijkheid"))),
        site_page("colofon", "colofon.html", ColofonContext(content=content("colofon"), models=models)),
    ]
    for model in models:
        planned.extend(plan_model_pages(model, pages.get(f"{model['id']}/uitleg")))
    return planned


def plan_model_pages(model: dict, explanation: Page | None) -> list[OutputPage]:
    """The pages of one model's scan, in the model's own folder."""
    folder = model["id"]
    words = model_words(model)
    elements = element_views(model)
    areas = result_area_views(model)
    planned = [
        OutputPage(f"{folder}/uitleg.html", "uitleg.html",
                   explanation.title if explanation else f"Over het {model['name']}",
                   explanation.summary if explanation else model["intro"], "uitleg", model=model,
                   context=UitlegContext(content=explanation.html if explanation else "", elements=elements,
                                         stages_chart=stages_chart(model, "assen-uitleg"), areas=areas,
                                         levels=level_views(model))),
        OutputPage(f"{folder}/scan.html", "scan.html", "De scan", f"Vul de {model['short_name']}-scan in.", "scan",
                   model=model, engine=True, early_engine=True, script="scan.js",
                   context=ScanContext(steps=scan_steps(model, elements), areas=areas)),
        OutputPage(f"{folder}/resultaat.html", "result.html", "Je uitslag", "De uitslag van je scan.", "resultaat",
                   model=model, engine=True, script="result.js",
                   context=ResultContext(elements=elements, areas=areas, parts_chart=parts_chart(model),
                                         areas_chart=areas_chart(model),
                                         stages_chart=stages_chart(model, "assen-uitslag"),
                                         ambition=ambition_choices(model))),
        OutputPage(f"{folder}/plan.html", "plan.html", "Je ontwikkelplan",
                   "Wat je organisatie als eerste kan oppakken om haar ambitie te halen.", "plan",
                   model=model, engine=True, script="plan.js",
                   context=PlanContext(item_labels=[{"id": item, "label": label}
                                                    for item, label in item_labels(cast(Model, model)).items()],
                                       areas=areas)),
        OutputPage(f"{folder}/metingen.html", "metingen.html", "Je metingen",
                   "Bewaar je scan als meting en vergelijk hem later met een nieuwe.", "metingen",
                   model=model, engine=True, script="history.js",
                   context=HistoryContext(elements=elements, areas=areas, compare_chart=compare_chart(model),
                                          aspect_rows=aspect_rows(model), first_step=elements[0]["id"])),
        OutputPage(f"{folder}/scans.html", "scans.html", "Mijn scans",
                   "Je scans in deze browser: openen, hernoemen, verwijderen en inlezen.", "scans", model=model,
                   engine=True, script="scans.js", context=NoContext()),
        OutputPage(f"{folder}/team.html", "team.html", "Team",
                   "Zet de scans van meerdere mensen of afdelingen naast elkaar.", "team", model=model, engine=True,
                   script="team.js",
                   context=TeamContext(elements=elements, areas=areas, aspect_rows=team_aspect_rows(model),
                                       spread_chart=team_spread_chart(model), levels=level_range(model),
                                       items=team_items(model))),
    ]
    for element, raw in zip(elements, model["elements"], strict=True):
        planned.append(OutputPage(element["page"], "element.html",
                                  f"{words['part']['Singular']} {element['number']}: {element['name']}",
                                  element["core"], "uitleg", model=model,
                                  context=ElementContext(element=element, element_count=len(elements),
                                                         rows=matrix_rows(model, raw))))
    return planned
