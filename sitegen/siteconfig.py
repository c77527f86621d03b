"""The publisher's own settings: name, logo, colours, contact details, footer. Checked like the model.

Colours must keep text readable: each is checked at build time against WCAG AA (4.5 : 1) on the
backgrounds it is used on, so a brand colour can never make the scan hard to read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import Problems, display_path
from .yamlfile import parse_yaml

DEFAULTS: dict[str, Any] = {
    "name": "Service Excellence Scan",
    "organisation": "",
    "logo": None,
    "colors": {"brand": "#1f4e79", "accent": "#0f6b5c"},
    "contact": {"email": "", "url": "", "phone": ""},
    "footer": "Je antwoorden blijven in deze browser, op dit apparaat.",
}
KEYS = {"name", "organisation", "logo", "colors", "contact", "footer"}
COLOR_KEYS = {"brand": "knoppen, links en koppen", "accent": "kleine kopjes en labels"}
CONTACT_KEYS = {"email", "url", "phone"}
# Text in these colours stands on white and on the light page background (see site.css).
BACKGROUNDS = {"wit": "#ffffff", "de lichte achtergrond": "#f4f6f8"}
LOGO_TYPES = {".svg", ".png", ".jpg", ".jpeg", ".webp"}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA = 4.5


def load_site_config(path: Path) -> tuple[dict[str, Any], Problems]:
    """Read site.yaml (optional: without it the defaults apply) and check every value."""
    problems = Problems(display_path(path))
    config = {**DEFAULTS, "colors": dict(DEFAULTS["colors"]), "contact": dict(DEFAULTS["contact"])}
    if not path.exists():
        return config, problems
    doc = parse_yaml(path.read_text(encoding="utf-8"), problems)
    if doc is None or doc.data is None:
        return config, problems
    if not isinstance(doc.data, dict):
        problems.error(1, "verwacht instellingen als 'name: ...' en 'colors: ...'")
        return config, problems
    data = doc.data
    for key in data:
        if key not in KEYS:
            problems.error(doc.line((key,)), f"onbekende instelling '{key}' (toegestaan: {', '.join(sorted(KEYS))})")
    for key in ("name", "organisation", "footer"):
        if key in data:
            if not isinstance(data[key], str) or (key == "name" and not data[key].strip()):
                problems.error(doc.line((key,)), f"'{key}' moet een tekst zijn (gevonden {data[key]!r})")
            else:
                config[key] = data[key].strip()
    if "logo" in data and data["logo"] is not None:
        logo = path.parent / str(data["logo"])
        if logo.suffix.lower() not in LOGO_TYPES:
            problems.error(doc.line(("logo",)), f"het logo moet een {', '.join(sorted(LOGO_TYPES))}-bestand zijn "
                                                f"(gevonden '{data['logo']}')")
        elif not logo.is_file():
            problems.error(doc.line(("logo",)), f"het logo '{data['logo']}' bestaat niet "
                                                f"(gezocht in {display_path(logo)})")
        else:
            config["logo"] = logo
    for group, allowed in (("colors", COLOR_KEYS), ("contact", CONTACT_KEYS)):
        values = data.get(group, {})
        if not isinstance(values, dict):
            problems.error(doc.line((group,)), f"'{group}' moet een blok met sleutels zijn")
            continue
        for key, value in values.items():
            line = doc.line((group, key))
            if key not in allowed:
                problems.error(line, f"onbekende sleutel '{key}' in '{group}' "
                                     f"(toegestaan: {', '.join(sorted(allowed))})")
            elif not isinstance(value, str):
                problems.error(line, f"'{group}.{key}' moet tekst zijn (gevonden {value!r}); zet een kleur tussen "
                                     "aanhalingstekens, zoals \"#1f4e79\"")
            elif group == "colors":
                _check_color(key, value, line, problems)
                config["colors"][key] = value.lower()
            else:
                config["contact"][key] = value.strip()
    problems.items.sort(key=lambda problem: problem.line)
    return config, problems


def _check_color(key: str, value: str, line: int, problems: Problems) -> None:
    if not HEX.match(value):
        problems.error(line, f"kleur '{key}' moet de vorm #rrggbb hebben, zoals \"#1f4e79\" (gevonden '{value}')")
        return
    for name, background in BACKGROUNDS.items():
        ratio = contrast(value, background)
        if ratio < AA:
            problems.error(line, f"kleur '{key}' ({value}, voor {COLOR_KEYS[key]}) heeft te weinig contrast met "
                                 f"{name}: {ratio:.2f} : 1, nodig is minstens {AA} : 1 (WCAG AA); "
                                 "kies een donkerdere kleur")


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
