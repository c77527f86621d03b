"""The publisher's own settings: name, logo, colours, contact details, footer, language, the team page's smallest
unit. `SITE` declares each key, checked like the model's (sitegen/keys.py).

Colours must keep text readable: each is checked at build time against WCAG AA (4.5 : 1) on the
backgrounds it is used on, so a brand colour can never make the scan hard to read.

`site_language` reads the `language` before anything else: the whole build speaks it (pipeline.build), so a
publisher of an English site reads every message of the build in English, and site.yaml's own too.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scoring_py.small_units import DEFAULT_MINIMUM, SMALLEST_MINIMUM

from .errors import Problems, display_path
from .i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, language_now
from .keys import At, Block, Choice, Finding, Shape, Text, Walk, Whole, is_whole
from .yamlfile import parse_yaml

DEFAULTS: dict[str, Any] = {
    "name": "Service Excellence Scan",
    "organisation": "",
    "logo": None,
    "colors": {"brand": "#1f4e79", "accent": "#0f6b5c"},
    "contact": {"email": "", "url": "", "phone": ""},
    "footer": "",  # none given: the footer says where the answers stay, in the page's language (base.html)
    "language": "nl",
    "team": {"min_unit_size": DEFAULT_MINIMUM},
}
COLOR_KEYS = {"brand": N_("knoppen, links en koppen"), "accent": N_("kleine kopjes en labels")}
# Text in these colours stands on white and on the light page background (see site.css).
BACKGROUNDS = {N_("wit"): "#ffffff", N_("de lichte achtergrond"): "#f4f6f8"}
LOGO_TYPES = {".svg", ".png", ".jpg", ".jpeg", ".webp"}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA = 4.5


@dataclass(frozen=True, kw_only=True)
class Color(Shape):
    """A colour as "#rrggbb", in quotes (without them YAML reads what follows '#' as a comment)."""

    def check(self, value: Any, at: At) -> list[Finding]:
        if not isinstance(value, str):
            return [(at.path, _("%(label)s moet tekst zijn (gevonden %(value)s); zet een kleur tussen "
                                "aanhalingstekens, zoals \"#1f4e79\"") % {"label": at.label, "value": repr(value)})]
        if not HEX.match(value):
            return [(at.path, _("kleur '%(key)s' moet de vorm #rrggbb hebben, zoals \"#1f4e79\" (gevonden "
                                "'%(value)s')") % {"key": at.path[-1], "value": value})]
        return []

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "string", "pattern": HEX.pattern}


@dataclass(frozen=True, kw_only=True)
class UnitSize(Whole):
    """How many respondents a unit needs for figures of its own on the team page; never below SMALLEST_MINIMUM, the
    rule scoring_py/small_units.py applies (the engine refuses a lower one too)."""

    def check(self, value: Any, at: At) -> list[Finding]:
        if is_whole(value) and value >= SMALLEST_MINIMUM:
            return []
        found = str(value).lower() if isinstance(value, bool) else repr(value)  # as YAML writes it: true, not True
        return [(at.path, _("%(label)s moet een geheel getal van minstens %(minimum)s zijn (gevonden %(value)s): bij "
                            "een kleinere afdeling is te zien wat één persoon heeft ingevuld") % {
            "label": at.label, "minimum": SMALLEST_MINIMUM, "value": found})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "minimum": SMALLEST_MINIMUM}


@dataclass(frozen=True, kw_only=True)
class Image(Shape):
    """A picture file next to site.yaml, or null for none; `_logo` checks that the file is there."""

    def check(self, value: Any, at: At) -> list[Finding]:
        if value is None or Path(str(value)).suffix.lower() in LOGO_TYPES:
            return []
        return [(at.path, _("%(label)s moet een %(types)s-bestand zijn (gevonden '%(value)s')") % {
            "label": at.label, "types": ", ".join(sorted(LOGO_TYPES)), "value": value})]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": ["string", "null"]}


SITE = Block("De instellingen van de site; alles mag ontbreken, dan gelden de standaardwaarden.",
             label=N_("de instellingen"), keys={
    "name": Text("De naam van de site, bovenaan elke pagina."),
    "organisation": Text("De organisatie die de scan uitgeeft.", blank=True),
    "logo": Image("Het logo: een .svg, .png, .jpg, .jpeg of .webp naast site.yaml; null voor geen logo.",
                  label=N_("het logo")),
    "colors": Block("De kleuren van de site; elke kleur moet op wit goed leesbaar zijn (WCAG AA).", qualified=True,
                    keys={key: Color(f"De kleur van {use}, zoals \"#1f4e79\".") for key, use in COLOR_KEYS.items()}),
    "contact": Block("De contactgegevens, onderaan elke pagina.", qualified=True, keys={
        "email": Text("Een e-mailadres.", blank=True),
        "url": Text("Een webadres.", blank=True),
        "phone": Text("Een telefoonnummer.", blank=True),
    }),
    "footer": Text("De tekst onderin elke pagina; zonder footer zegt die dat de antwoorden in de browser blijven.",
                   blank=True),
    "language": Choice("De taal van de gedeelde pagina's (start, privacy, toegankelijkheid, colofon): nl of en.",
                       options=LANGUAGES),
    "team": Block("De pagina Team, waar iemand de scans van een groep naast elkaar zet.", qualified=True, keys={
        "min_unit_size": UnitSize(f"Hoeveel deelnemers een afdeling minstens nodig heeft voor eigen cijfers; "
                                  f"minstens {SMALLEST_MINIMUM} (standaard {DEFAULT_MINIMUM}). Kleinere afdelingen "
                                  "staan samen onder 'Overige afdelingen', of worden weggelaten."),
    }),
})


def load_site_config(path: Path) -> tuple[dict[str, Any], Problems]:
    """Read site.yaml (optional: without it the defaults apply) and check every value."""
    problems = Problems(display_path(path))
    config = copy.deepcopy(DEFAULTS)
    if not path.exists():
        return config, problems
    doc = parse_yaml(path.read_text(encoding="utf-8"), problems)
    if doc is None or doc.data is None:
        return config, problems
    if not isinstance(doc.data, dict):
        problems.error(1, _("verwacht instellingen als 'name: ...' en 'colors: ...'"))
        return config, problems
    walk = Walk(doc, SITE)
    _check_contrast(walk)
    _take_settings(walk, config)
    config["logo"] = _logo(walk, path.parent)
    walk.write(problems)
    problems.items.sort(key=lambda problem: problem.line)
    return config, problems


def _check_contrast(walk: Walk) -> None:
    """Text in each colour stays readable on every background it stands on (WCAG AA)."""
    for seen in walk.seen:
        if isinstance(seen.shape, Color) and seen.ok:
            key, value = seen.at.path[-1], seen.value
            for name, background in BACKGROUNDS.items():
                ratio = contrast(value, background)
                if ratio < AA:
                    walk.error(seen.at.path, _("kleur '%(key)s' (%(value)s, voor %(use)s) heeft te weinig contrast "
                                               "met %(background)s: %(measured)s : 1, nodig is minstens %(needed)s : 1 "
                                               "(WCAG AA); kies een donkerdere kleur") % {
                        "key": key, "value": value, "use": _(COLOR_KEYS[key]), "background": _(name),
                        "measured": decimal(f"{ratio:.2f}"), "needed": decimal(str(AA))})


def _take_settings(walk: Walk, config: dict[str, Any]) -> None:
    """Put each text, colour and number that passed its check over the default: texts trimmed, colours in small
    letters."""
    for seen in walk.seen:
        if seen.ok and isinstance(seen.shape, (Text, Color, Choice, UnitSize)):
            *group, key = seen.at.path
            settings = config[group[0]] if group else config
            settings[key] = (seen.value.lower() if isinstance(seen.shape, Color)
                             else seen.value if isinstance(seen.shape, UnitSize) else seen.value.strip())


def _logo(walk: Walk, folder: Path) -> Path | None:
    """The logo's file next to site.yaml, if site.yaml names one; a file that is not there is a problem."""
    for seen in walk.seen:
        if isinstance(seen.shape, Image) and seen.ok and seen.value is not None:
            logo = folder / str(seen.value)
            if logo.is_file():
                return logo
            walk.error(seen.at.path, _("het logo '%(logo)s' bestaat niet (gezocht in %(path)s)") % {
                "logo": seen.value, "path": display_path(logo)})
    return None


def decimal(number: str) -> str:
    """A decimal number as the message's language writes it: 4,5 in Dutch, 4.5 in English."""
    return number.replace(".", ",") if language_now() == SOURCE_LANGUAGE else number


def site_language(path: Path) -> str:
    """The `language` site.yaml gives, read before any other input so every message of the build speaks it; Dutch
    when there is no site.yaml, when it cannot be read, or when its `language` is not one the site has."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return SOURCE_LANGUAGE
    doc = parse_yaml(text, Problems(display_path(path)))  # its problems are reported when it is loaded
    language = doc.data.get("language") if doc is not None and isinstance(doc.data, dict) else None
    return language if isinstance(language, str) and language in LANGUAGES else SOURCE_LANGUAGE


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def darken(color: str, amount: float = 0.25) -> str:
    """A darker shade for hover states."""
    channels = [int(int(color[i:i + 2], 16) * (1 - amount)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def theme_css(config: dict[str, Any]) -> str:
    """The publisher's colours as CSS custom properties; a file, because the CSP allows no inline style."""
    brand, accent = config["colors"]["brand"], config["colors"]["accent"]
    return (":root {\n"
            f"  --brand: {brand};\n  --brand-dark: {darken(brand)};\n  --accent: {accent};\n"
            "}\n")


def favicon_svg(config: dict[str, Any]) -> str:
    """The site's icon in the publisher's colours: the header's mark (a rounded square, brand colour top left and
    accent bottom right). A file of the build, so browsers stop asking for a /favicon.ico that is not there."""
    brand, accent = config["colors"]["brand"], config["colors"]["accent"]
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
            '<clipPath id="c"><rect width="16" height="16" rx="3"/></clipPath><g clip-path="url(#c)">'
            f'<path d="M0 0H16L0 16Z" fill="{brand}"/><path d="M16 0V16H0Z" fill="{accent}"/></g></svg>\n')
