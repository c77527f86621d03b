"""The build: model (YAML) and content (Markdown) in, static pages in dist/ out; nothing is written unless all
input is valid."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from scoring_py.model import Model
from scoring_py.words import model_language

from .assets import collect_assets
from .content import Page, load_content
from .editions import edition_files, with_editions
from .errors import BuildError, Problem, Problems, display_path
from .example_text import example_leftovers
from .i18n import Catalogs, _, engine_messages, locale_folder, speaking
from .links import check_links, site_anchors, source_addresses
from .model import check_model_file
from .pages import check_model_folders, check_required_content, plan_pages
from .render import make_environment, render_pages
from .runtime import load_runtime, trace_answers
from .service_worker import SERVICE_WORKER, render_service_worker
from .siteconfig import load_site_config, site_language
from .translations import check_translations
from .writer import write_site

PROJECT = Path(__file__).resolve().parent.parent  # the checkout: templates, scoring_py, the default input
ID_LINE = re.compile(r"^id:\s*[\"']?([a-z][a-z0-9-]*)", re.MULTILINE)  # a model's id, before the model is read
CACHE = PROJECT / ".cache"  # the compiled Pyodide standard library, per Pyodide version (see sitegen/runtime.py)


@dataclass
class BuildReport:
    files: int
    warnings: list[Problem]


def build(models: Path | list[Path], out: Path, content: Path = PROJECT / "content", strict: bool = False,
          site_config: Path = PROJECT / "site.yaml", cache: Path = CACHE, language: str | None = None) -> BuildReport:
    """Load models -> validate -> load content -> prepare the engine -> render -> write; nothing is written unless
    all input is valid.

    `models` is a folder (every `*.yaml` in it becomes a scan under its own path) or a list of model files. Given
    files, the build previews those models alone: the content of other models is set aside, and a link into it is
    a warning, not an error.

    The build speaks `language`, by default the site's: site.yaml's `language` is read before any other input
    (`site_language`, Dutch when site.yaml cannot be read), so every problem and warning, in a model, a page or
    site.yaml itself, is said in the language of the site it is for. A page is rendered in its own language.
    """
    catalogs = Catalogs(locale_folder(PROJECT))
    with speaking(catalogs, language or site_language(site_config)):
        return _build(models, out, content, strict, site_config, cache, catalogs)


def _build(models: Path | list[Path], out: Path, content: Path, strict: bool, site_config: Path, cache: Path,
           catalogs: Catalogs) -> BuildReport:
    """The build itself, in the language `build` speaks."""
    whole_folder = isinstance(models, Path) and models.is_dir()
    model_files = models if isinstance(models, list) else sorted(models.glob("*.yaml")) if whole_folder else [models]
    checked = [check_model_file(path) for path in model_files]
    loaded = [model for model, _ in checked]
    site, site_problems = load_site_config(site_config)
    pages, content_problems = load_content(content)
    folder_problems = Problems(display_path(content))
    check_required_content(pages, folder_problems)
    # Problems with the set of models belong to the model folder, not to the content folder.
    models_problems = Problems(display_path(models) if isinstance(models, Path) else "model")
    all_problems = [site_problems, *(problems for _, problems in checked), *content_problems, folder_problems,
                    models_problems]
    if not model_files:
        models_problems.error(1, _("geen model gevonden: zet minstens één .yaml-bestand in %(folder)s") % {
            "folder": models_problems.file})
    errors = [p for problems in all_problems for p in problems.errors]
    set_aside: set[str] = set()
    editions = loaded
    if not errors:
        errors = check_model_ids(loaded, model_files)
        if not whole_folder:
            pages, set_aside = set_aside_other_models(pages, other_model_ids(model_files))
        translations, translation_problems = check_translations(loaded, model_files, whole_folder)
        all_problems += translation_problems
        errors += [p for problems in translation_problems for p in problems.errors]
        editions = with_editions(loaded, translations)
        check_model_folders(editions, pages, folder_problems)
        errors += folder_problems.errors
    if errors:
        raise BuildError(errors)

    # Which standard-library modules scoring_py needs does not depend on the model (see sitegen/runtime.py).
    runtime = load_runtime(PROJECT, trace_answers(cast(Model, loaded[0])), cache)
    assets = collect_assets(PROJECT, editions, runtime, site,
                            lambda model: engine_messages(catalogs, model_language(model)))
    planned = plan_pages(editions, pages, catalogs, site["language"])
    files = render_pages(make_environment(PROJECT / "site_templates"), planned, site, assets, catalogs)
    link_problems = check_links(pages, site_anchors(files), set_aside, source_addresses(loaded))
    warnings = [p for problems in all_problems for p in problems.items if p.warning]
    warnings += example_leftovers(loaded, site, site_config, content) + [p for p in link_problems if p.warning]
    warnings += untranslated(catalogs)
    link_problems = [p for p in link_problems if not p.warning]
    if link_problems or (strict and warnings):
        raise BuildError(link_problems + (warnings if strict else []))

    files.update(assets.files)
    files[SERVICE_WORKER] = render_service_worker(files, PROJECT / "site_templates" / "service-worker.js",
                                                  edition_files(editions, files, assets.model_json))
    write_site(out, files)
    return BuildReport(files=len(files), warnings=warnings)


def untranslated(catalogs: Catalogs) -> list[Problem]:
    """A warning for each message a page needed in a language whose catalog does not translate it yet."""
    return [Problem(display_path(catalogs.folder / language / "LC_MESSAGES" / "messages.po"), 1,
                    _("nog niet vertaald, dus in het Nederlands getoond: '%(message)s'; vertaal het in deze catalogus "
                      "(python build.py messages voegt nieuwe teksten toe)") % {"message": message}, warning=True)
            for language, messages in sorted(catalogs.missing.items()) for message in sorted(messages)]


def other_model_ids(model_files: list[Path]) -> set[str]:
    """The ids of the models beside the given files that are not built now, read from their `id:` lines."""
    others = {path for file in model_files for path in file.parent.glob("*.yaml")} - set(model_files)
    return {found[1] for path in others if (found := ID_LINE.search(path.read_text(encoding="utf-8")))}


def set_aside_other_models(pages: dict[str, Page], others: set[str]) -> tuple[dict[str, Page], set[str]]:
    """The content pages without those in the folders of other models, and the names of those folders."""
    folders = {name.split("/")[0] for name in pages if "/" in name} & others
    return {name: page for name, page in pages.items() if name.split("/")[0] not in folders}, folders


def check_model_ids(models: list[dict], files: list[Path]) -> list[Problem]:
    """Each model gets a folder named after its id, so two models may not share one.

    The problem is reported at the `id:` line of the later file, as every other model mistake is.
    """
    seen: dict[str, Path] = {}
    problems = []
    for model, path in zip(models, files, strict=True):
        if model["id"] in seen:
            lines = path.read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, start=1) if text.startswith("id:")), 1)
            problems.append(Problem(display_path(path), line, _("het id '%(id)s' staat ook in %(other)s; elk model "
                                                                "heeft een eigen id nodig") % {
                "id": model["id"], "other": display_path(seen[model["id"]])}))
        seen.setdefault(model["id"], path)
    return problems
