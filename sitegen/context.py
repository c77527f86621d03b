"""What each page's template receives, typed: the values every page gets, and each page's own values.

In the style of mkdocs' TemplateContext: a page whose template needs a value its context type lacks fails in
mypy, before StrictUndefined stops the build and long before a visitor sees a gap. Values are ready to print:
templates only `if` and `for` over them (sitegen/views.py computes them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from scoring_py.rules import Decimals

from .assets import SiteAssets
from .charts import AxesChart, BarFrame, PairedBarChart, SpreadChart
from .editions import Alternate
from .navigation import Link, Menu
from .scoring_text import RuleText
from .site_map import model_folder
from .storage_keys import StorageKey
from .terms import PageTerms
from .views import (
    AmbitionChoices,
    AreaView,
    AspectRow,
    ElementView,
    GroupView,
    LevelRange,
    LevelView,
    MatrixRow,
    StepGroup,
    StepView,
    TeamItem,
    TeamRow,
    Words,
)


class ContentContext(TypedDict):
    """A page of Markdown content (the accessibility statement)."""

    content: str  # HTML made from the page's Markdown


class ScanCard(TypedDict):
    """One model's scan on the landing page."""

    id: str
    name: str
    short_name: str
    intro: str
    scan: str
    explanation: str
    elements: list[ElementView]
    words: Words
    translations: list[Alternate]  # its scan in each other language (sitegen/editions.py)


class IndexContext(ContentContext):
    scans: list[ScanCard]
    only_scan: ScanCard | None  # the scan, when the site has one: the landing page then leads straight to it


class PrivacyContext(ContentContext):
    storage_keys: list[StorageKey]
    storage_prefixes: list[str]


class ColophonContext(ContentContext):
    models: list[dict[str, Any]]


class ExplanationContext(ContentContext):
    elements: list[ElementView]  # group by group, when the model has groups
    groups: list[GroupView]
    stages_chart: AxesChart | None
    areas: list[AreaView]
    levels: list[LevelView]


class ScanContext(TypedDict):
    steps: list[StepView]
    step_groups: list[StepGroup]  # the steps under their group, for the list beside the form
    areas: list[AreaView]
    exclusion_note: str  # what leaving a part out means: the model's own sentence, or a neutral one


class ResultContext(TypedDict):
    elements: list[ElementView]  # in the order the page shows them: group by group
    rule: RuleText  # the model's scoring rule in plain words
    areas: list[AreaView]
    parts_chart: BarFrame  # position, the overall line, the weakest and the ambition, in one chart
    areas_chart: BarFrame | None
    stages_chart: AxesChart | None
    ambition: AmbitionChoices


class HistoryContext(TypedDict):
    elements: list[ElementView]
    areas: list[AreaView]
    compare_chart: PairedBarChart
    aspect_rows: list[AspectRow]
    first_step: str  # where a new measurement starts in the scan


class ItemLabel(TypedDict):
    id: str
    label: str  # "2a. Klantvisie", "a. Excellente serviceprestaties"


class PlanContext(TypedDict):
    item_labels: list[ItemLabel]  # what an action can be about: every aspect and result area, by name
    areas: list[AreaView]


class TeamContext(TypedDict):
    elements: list[ElementView]
    areas: list[AreaView]
    aspect_rows: list[TeamRow]
    spread_chart: SpreadChart
    levels: LevelRange | None
    items: list[TeamItem]  # every aspect and result area with its scale: the presentation and the team answers
    rule: RuleText  # the model's rule, said as on the result page: the team's figures follow it too


class ElementContext(TypedDict):
    element: ElementView
    element_count: int
    rows: list[MatrixRow]


class NoContext(TypedDict):
    """A page that needs only what every page gets (the plan, Mijn scans)."""


PageContext = (ContentContext | IndexContext | PrivacyContext | ColophonContext | ExplanationContext | ScanContext
               | ResultContext | HistoryContext | PlanContext | TeamContext | ElementContext | NoContext)


@dataclass
class OutputPage:
    """One HTML file to write: where it goes, which template renders it, and what the template gets."""

    path: str  # relative to dist/, with forward slashes
    template: str
    title: str
    summary: str
    nav: str  # the name of the page whose menu item is current (site_map.py)
    model: dict[str, Any]  # the model whose scan the menu leads to; for site pages the first model
    context: PageContext
    engine: bool = False  # does this page start the scoring engine?
    early_engine: bool = False  # ... at once, while the page is parsed (a page that always needs it)
    script: str = "page.js"  # its module in assets/js/

    @property
    def root(self) -> str:
        """The relative way back to the site root, so the site works under any URL subpath."""
        return "../" * self.path.count("/")

    @property
    def model_root(self) -> str:
        """The relative way to the folder of the page's model."""
        return f"{self.root}{model_folder(self.model)}/"


class BaseContext(TypedDict):
    """What every page's template gets, besides its own context: base.html and the shared includes use these."""

    page: OutputPage
    root: str
    model_root: str
    model: dict[str, Any]
    words: Words  # the words of the page's model, with every form (scoring_py.words)
    show_aspects: bool  # does any part of the model have more than one aspect?
    allow_exclusion: bool  # may an assessment leave parts out (the model's allow_exclusion)?
    allow_not_applicable: bool  # may one aspect be marked "niet van toepassing" (the model's allow_not_applicable)?
    has_areas: bool  # does the model have result areas?
    decimals: Decimals  # how many decimals a value of a part, a group and the whole is shown with
    menu: Menu
    footer: list[Link]
    links: dict[str, str]  # every page's address from this page, by its name in site_map.py: links.result
    site: dict[str, Any]
    logo: str | None
    csp: str
    unknown: str
    max_export_bytes: int
    assets: SiteAssets
    service_worker: str
    model_json: str
    record_rules: dict[str, Any]  # what a scan record may hold (scoring_py.record), for the browser's storage
    alternates: list[Alternate]  # this page in each language of its model, when the model has a translation
    language: str  # the page's language (nl, en): <html lang> and the catalog its texts come from (sitegen/i18n.py)
    terms: PageTerms  # the glossary's terms this page has explained so far: {{ terms.mark(text, scope) }}
    result_key: str  # the model's version and a hash of the scoring code and the model: a stored result is only
    # shown at once while its key is this one (site_templates/assets/js/result.js)
