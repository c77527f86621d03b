"""Load the Dutch explanatory pages: Markdown with a small front matter, checked before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .errors import Problems, display_path, read_input
from .i18n import N_, _
from .keys import Block, Text, Walk
from .yamlfile import Located, parse_yaml

FRONT_MATTER = Block("De kop van een pagina, tussen twee regels '---'.", label=N_("de kop"), keys={
    "title": Text("De titel: de kop boven de pagina en de naam in het tabblad van de browser.", required=True),
    "summary": Text("Eén zin over de pagina, voor zoekmachines; de startpagina toont hem onder de titel.",
                    required=True),
})
RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")
INLINE_CODE = re.compile(r"`[^`]*`")
EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.DOTALL)


@dataclass
class Page:
    """One content page: its front matter, rendered HTML, and the links in it (with their source lines)."""

    name: str  # file stem, e.g. "uitleg"; the page is published as name + ".html"
    source: str  # path as the publisher knows it
    title: str
    summary: str
    html: str
    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (href, line in the source file), images too
    images: set[str] = field(default_factory=set)  # the links among them that an image loads


def load_content(folder: Path) -> tuple[dict[str, Page], list[Problems]]:
    """Read every `*.md` in the content folder and its model folders; return the pages and problems per file.

    A page's name is its path without `.md`: `privacy`, or `semm/uitleg` for a model's own explanation.
    """
    pages: dict[str, Page] = {}
    all_problems: list[Problems] = []
    for path in sorted(folder.rglob("*.md")):
        problems = Problems(display_path(path))
        page = load_page(path, problems, name=path.relative_to(folder).with_suffix("").as_posix())
        all_problems.append(problems)
        if page is not None:
            pages[page.name] = page
    return pages, all_problems


def load_page(path: Path, problems: Problems, name: str | None = None) -> Page | None:
    """Parse one Markdown page with front matter; record problems with their line."""
    text = read_input(path, problems, encoding="utf-8-sig")  # an editor's byte-order mark is not part of the '---'
    if text is None:
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.error(1, _("verwacht bovenaan een kop tussen twee regels '---' met 'title' en 'summary' (gevonden "
                            "%(found)s)") % {"found": repr(lines[0][:40])} if lines else _("het bestand is leeg"))
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.error(1, _("de kop begint met '---' maar sluit niet af met een tweede regel '---'"))
        return None
    meta = parse_yaml("\n".join(lines[1:end]), problems, first_line=2)
    if meta is None:
        return None
    front = meta.data if isinstance(meta.data, dict) else {}
    if not isinstance(meta.data, dict):
        problems.error(2, _("de kop moet sleutels bevatten: 'title' en 'summary'"))
    # A key the front matter misses is reported at its opening '---'.
    Walk(Located(front, {**meta.lines, (): 1}), FRONT_MATTER).write(problems)
    body_start = end + 2  # 1-based line number of the first body line
    body = lines[end + 1:]
    _check_raw_html(body, body_start, problems)
    converter = markdown.Markdown(extensions=["toc", "tables", "sane_lists", "fenced_code"], output_format="html")
    # Defence in depth: HTML the line check above misses (e.g. inside a list item) is shown as text, never run.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    html = converter.convert("\n".join(body))
    collector = _LinkCollector()
    collector.feed(html)
    seen: dict[str, int] = {}
    links = []
    for href in collector.hrefs:
        seen[href] = seen.get(href, 0) + 1
        links.append((href, _line_of(href, body, body_start, seen[href])))
    return Page(name=name or path.stem, source=problems.file, title=str(front.get("title", "")),
                summary=str(front.get("summary", "")), html=html, anchors=collector.ids, links=links,
                images=set(collector.images))


def mark_external(html: str) -> str:
    """Every link to another website says so, as the templates' links to a model's source do (_source.html); the
    build refuses all but those to a model's source and licence (sitegen/links.py). Called as the page is planned,
    so the note is in the page's language (an English explanation on a Dutch site says "(other website)")."""
    note = escape(_("(andere website)"))
    return EXTERNAL_LINK.sub(lambda link: f'<a class="external" href="{link[1]}" rel="external noopener"{link[2]}>'
                             f'{link[3]}<span class="external-note"> {note}</span></a>', html)


def _check_raw_html(body: list[str], first_line: int, problems: Problems) -> None:
    """Raw HTML would bypass escaping and the content security policy: only plain Markdown is allowed."""
    fenced = False
    for offset, line in enumerate(body):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            continue
        found = RAW_HTML.search(INLINE_CODE.sub("", line))
        if found:
            tag = found.group(0)
            if tag.lower().startswith("<script"):
                message = _("een <script>-blok in Markdown is niet toegestaan; gebruik alleen Markdown")
            else:
                message = _("HTML-code %(tag)s in Markdown is niet toegestaan; gebruik alleen Markdown") % {
                    "tag": repr(tag[:30])}
            problems.error(first_line + offset, message)


def _line_of(href: str, body: list[str], first_line: int, occurrence: int = 1) -> int:
    """The line of the n-th link to `href`, so two links to the same place are each reported where they are."""
    written = (f"]({href}", f"<{href}>", f"]: {href}")  # inline link, autolink, reference definition
    found = first_line
    for offset, line in enumerate(body):
        count = sum(line.count(form) for form in written)
        if count:
            found = first_line + offset
            occurrence -= count
            if occurrence <= 0:
                break
    return found


def collect_ids(html: str) -> set[str]:
    """The ids in a piece of HTML: the anchors a link may point at."""
    collector = _LinkCollector()
    collector.feed(html)
    return collector.ids


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.images: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag == "img" and values.get("src"):  # images are checked like links: nothing from outside, nothing missing
            self.hrefs.append(values["src"] or "")
            self.images.append(values["src"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
