"""What each page's template receives, planned for every page of the site (the pages themselves are listed in
site_map.py: name, file, template, script, menu label, title).

Site pages (landing, privacy, accessibility, colophon) sit at the root; each model gets its own folder named after
its id, with its explanation, element pages, scan, result (with the ambition), development plan, earlier
measurements, the list of scans and the team page: `semm/scan.html`, `semm/metingen.html`, `semm/elementen/e1.html`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from scoring_py.labels import step_labels
from scoring_py.words import model_language, model_words

from .content import Page, mark_external
from .context import (
    ColophonContext,
    ContentContext,
    ElementContext,
    ExplanationContext,
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
)
from .editions import is_first_edition, translations_of
from .errors import Problems
from .i18n import SOURCE_LANGUAGE, Catalogs, _, speaking
from .scoring_text import exclusion_note, rule_text
from .site_map import SITE_CONTENT, model_folder, page
from .storage_keys import key_prefix, storage_keys
from .views import (
    AreaView,
    ElementView,
    ambition_choices,
    areas_chart,
    aspect_rows,
    compare_chart,
    element_views,
    group_views,
    in_group_order,
    level_range,
    level_views,
    matrix_rows,
    parts_chart,
    result_area_views,
    scan_steps,
    stages_chart,
    step_groups,
    team_aspect_rows,
    team_items,
    team_spread_chart,
)

EXPLANATION = "uitleg"  # a model's explanatory page, in its folder: content/semm/uitleg.md


def check_required_content(pages: dict[str, Page], folder_problems: Problems) -> None:
    """The site needs these explanatory pages; say which file is missing."""
    for name in SITE_CONTENT:
        if name not in pages:
            folder_problems.error(1, _("de pagina '%(name)s.md' ontbreekt; die is nodig voor de site") % {"name": name})


def explanation_name(model: dict) -> str:
    """The content page that explains a model, in the folder of its edition: semm/uitleg, semm/en/uitleg."""
    return f"{model_folder(model)}/{EXPLANATION}"


def check_model_folders(models: list[dict], pages: dict[str, Page], folder_problems: Problems) -> None:
    """Content in a folder that matches no model would never be published: say so. A translation of a model
    without its own explanation is a warning: its page shows the model's own, in the model's language."""
    model_ids = {model["id"] for model in models}
    explanations = {explanation_name(model) for model in models}
    for model in models:
        if not is_first_edition(model) and explanation_name(model) not in pages and \
                f"{model['id']}/{EXPLANATION}" in pages:
            folder_problems.warn(1, _("'%(page)s.md' ontbreekt: de uitleg van het model '%(model)s' in de taal "
                                      "'%(language)s'; tot je hem schrijft, toont die pagina de tekst van "
                                      "'%(model)s/%(first)s.md'") % {
                "page": explanation_name(model), "model": model["id"], "language": model_language(model),
                "first": EXPLANATION})
    for name in pages:
        folder = name.split("/")[0] if "/" in name else None
        if folder is None and name not in SITE_CONTENT:
            folder_problems.error(1, _("'%(name)s.md' hoort bij geen pagina van de site (wel: %(pages)s); de uitleg "
                                       "van een model staat in <model-id>/uitleg.md, bijvoorbeeld "
                                       "%(example)s/uitleg.md") % {
                "name": name, "pages": ", ".join(n + ".md" for n in SITE_CONTENT), "example": sorted(model_ids)[0]})
        if folder and folder not in model_ids:
            folder_problems.error(1, _("de map '%(folder)s/' hoort bij geen enkel model (modellen: %(models)s); "
                                       "hernoem de map naar het id van een model") % {
                "folder": folder, "models": ", ".join(sorted(model_ids))})
        elif folder and name not in explanations:
            translated = sorted(e.split("/")[1] for e in explanations
                                if e.count("/") == 2 and e.startswith(folder + "/"))
            if translated:
                folder_problems.error(1, _("'%(name)s.md': in een modelmap staat alleen 'uitleg.md', en in de map van "
                                           "een vertaling ook: %(pages)s") % {
                    "name": name, "pages": ", ".join(f"{t}/uitleg.md" for t in translated)})
            else:
                folder_problems.error(1, _("'%(name)s.md': in een modelmap staat alleen 'uitleg.md'") % {"name": name})


def plan_pages(models: list[dict], pages: dict[str, Page], catalogs: Catalogs | None = None,
               site_language: str = SOURCE_LANGUAGE) -> list[OutputPage]:
    """All pages of the site with their template context, each model's in its own language; nothing is rendered
    yet."""
    catalogs = catalogs or Catalogs(Path("locale"))
    firsts = [model for model in models if is_first_edition(model)]  # the site pages list a model once
    scans: list[ScanCard] = [{"id": m["id"], "name": m["name"], "short_name": m["short_name"], "intro": m["intro"],
                              "scan": f"{m['id']}/{page('scan').file}",
                              "explanation": f"{m['id']}/{page('explanation').file}",
                              "elements": element_views(m), "words": model_words(m),
                              "translations": translations_of(m, page("scan").file)} for m in firsts]
    primary = models[0]

    def site_page(name: str, context: PageContext) -> OutputPage:
        kind = page(name)
        content = pages[kind.content or name]
        return OutputPage(kind.file, kind.template, content.title, content.summary, nav=name, model=primary,
                          script=kind.script, context=context)

    def content(name: str) -> str:
        return mark_external(pages[page(name).content or name].html)

    with speaking(catalogs, site_language, for_pages=True):
        planned = [
            site_page("index", IndexContext(content=content("index"), scans=scans,
                                            only_scan=scans[0] if len(scans) == 1 else None)),
            site_page("privacy", PrivacyContext(
                content=content("privacy"), storage_keys=[key for m in firsts for key in storage_keys(m)],
                storage_prefixes=[key_prefix(m) for m in firsts])),
            site_page("accessibility", ContentContext(content=content("accessibility"))),
            site_page("colophon", ColophonContext(content=content("colophon"), models=firsts)),
        ]
    for model in models:
        with speaking(catalogs, model_language(model), for_pages=True):
            planned.extend(plan_model_pages(model, explanation_of(model, pages)))
    return planned


def explanation_of(model: dict, pages: dict[str, Page]) -> Page | None:
    """The content page that explains the model, in its edition's language. A translation without its own shows the
    model's, marked as text in the model's language (check_model_folders warns about it)."""
    own = pages.get(explanation_name(model))
    first = pages.get(f"{model['id']}/{EXPLANATION}")
    if own is not None or is_first_edition(model) or first is None:
        return own
    language = model["editions"][0]["language"]
    return replace(first, title=_("Over het %(name)s") % {"name": model["name"]}, summary=model["intro"],
                   html=f'<div lang="{language}">\n{first.html}</div>\n')


def model_page(name: str, model: dict, context: PageContext, title: str | None = None,
               summary: str | None = None) -> OutputPage:
    """One page of a model's scan, as the site map describes its kind."""
    kind = page(name)
    return OutputPage(f"{model_folder(model)}/{kind.file}", kind.template, title or _(kind.title),
                      summary or _(kind.summary).format(short_name=model["short_name"]), name, model=model,
                      engine=kind.engine, early_engine=kind.early_engine, script=kind.script, context=context)


def scan_context(model: dict, elements: list[ElementView], areas: list[AreaView]) -> ScanContext:
    """What the scan page shows: its steps (under their groups), the result areas, what leaving a part out means."""
    steps = scan_steps(model, elements)
    return ScanContext(steps=steps, step_groups=step_groups(steps), areas=areas, exclusion_note=exclusion_note(model))


def plan_model_pages(model: dict, explanation: Page | None) -> list[OutputPage]:
    """The pages of one model's scan, in the model's own folder."""
    words = model_words(model)
    elements = element_views(model)
    shown = in_group_order(model, elements)  # the pages show the parts group by group
    areas = result_area_views(model)
    planned = [
        model_page("explanation", model, ExplanationContext(
            content=mark_external(explanation.html) if explanation else "", elements=shown, groups=group_views(model),
            stages_chart=stages_chart(model, "assen-uitleg"), areas=areas, levels=level_views(model)),
            title=explanation.title if explanation else _("Over het %(name)s") % {"name": model["name"]},
            summary=explanation.summary if explanation else model["intro"]),
        model_page("scan", model, scan_context(model, elements, areas)),
        model_page("result", model, ResultContext(
            elements=shown, rule=rule_text(model), areas=areas, parts_chart=parts_chart(model),
            areas_chart=areas_chart(model), stages_chart=stages_chart(model, "assen-uitslag"),
            ambition=ambition_choices(model))),
        model_page("plan", model, PlanContext(
            item_labels=[{"id": item, "label": label} for item, label in step_labels(model).items()], areas=areas)),
        model_page("history", model, HistoryContext(
            elements=shown, areas=areas, compare_chart=compare_chart(model), aspect_rows=aspect_rows(model),
            first_step=elements[0]["id"])),
        model_page("scans", model, NoContext()),
        model_page("team", model, TeamContext(
            elements=shown, areas=areas, aspect_rows=team_aspect_rows(model), spread_chart=team_spread_chart(model),
            levels=level_range(model), items=team_items(model), rule=rule_text(model))),
    ]
    kind = page("element")
    for element, raw in zip(elements, model["elements"], strict=True):
        planned.append(OutputPage(element["page"], kind.template,
                                  f"{words['part']['Singular']} {element['number']}: {element['name']}",
                                  element["core"], "explanation", model=model,
                                  context=ElementContext(element=element, element_count=len(elements),
                                                         rows=matrix_rows(model, raw))))
    return planned
