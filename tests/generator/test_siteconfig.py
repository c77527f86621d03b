"""The publisher's site.yaml: defaults, every kind of mistake with file and line, and the WCAG contrast check."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.siteconfig import DEFAULTS, contrast, favicon_svg, load_site_config, theme_css


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def problems_of(text: str) -> list[str]:
    Path("site.yaml").write_text(text, encoding="utf-8")
    _, problems = load_site_config(Path("site.yaml"))
    return [str(p) for p in problems.items]


def test_without_a_file_the_defaults_apply() -> None:
    config, problems = load_site_config(Path("site.yaml"))
    assert problems.items == []
    assert config == {**DEFAULTS, "colors": DEFAULTS["colors"], "contact": DEFAULTS["contact"]}


def test_own_name_colours_contact_and_logo() -> None:
    Path("logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    Path("site.yaml").write_text('name: Klantscan Gemeente Voorbeeld\norganisation: Gemeente Voorbeeld\n'
                                 'logo: logo.svg\ncolors:\n  brand: "#8A1538"\ncontact:\n  email: kwaliteit@voorbeeld.nl\n',
                                 encoding="utf-8")
    config, problems = load_site_config(Path("site.yaml"))
    assert problems.items == []
    assert config["name"] == "Klantscan Gemeente Voorbeeld"
    assert config["colors"] == {"brand": "#8a1538", "accent": "#0f6b5c"}
    assert config["contact"]["email"] == "kwaliteit@voorbeeld.nl"
    assert config["logo"] == Path("logo.svg")
    assert theme_css(config) == ":root {\n  --brand: #8a1538;\n  --brand-dark: #670f2a;\n  --accent: #0f6b5c;\n}\n"


def test_the_icon_takes_the_publishers_colours() -> None:
    Path("site.yaml").write_text('colors:\n  brand: "#8A1538"\n  accent: "#005A4B"\n', encoding="utf-8")
    config, _ = load_site_config(Path("site.yaml"))

    icon = favicon_svg(config)

    assert icon.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">')
    assert 'fill="#8a1538"' in icon
    assert 'fill="#005a4b"' in icon
    assert DEFAULTS["colors"]["brand"] not in icon


def test_the_default_colours_meet_wcag_aa() -> None:
    assert contrast(DEFAULTS["colors"]["brand"], "#ffffff") >= 4.5
    assert contrast(DEFAULTS["colors"]["accent"], "#f4f6f8") >= 4.5
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0


def test_light_brand_colour_is_refused_with_the_measured_contrast() -> None:
    assert problems_of('colors:\n  brand: "#7fb3ff"\n') == [
        "site.yaml:2: kleur 'brand' (#7fb3ff, voor knoppen, links en koppen) heeft te weinig contrast met wit: "
        "2,14 : 1, nodig is minstens 4,5 : 1 (WCAG AA); kies een donkerdere kleur",
        "site.yaml:2: kleur 'brand' (#7fb3ff, voor knoppen, links en koppen) heeft te weinig contrast met de lichte "
        "achtergrond: 1,98 : 1, nodig is minstens 4,5 : 1 (WCAG AA); kies een donkerdere kleur",
    ]


def test_every_mistake_in_one_run_sorted_by_line() -> None:
    assert problems_of('naam: x\ncolors:\n  brand: blauw\n  acent: "#000000"\nlogo: weg.svg\ncontact: 12\n') == [
        "site.yaml:1: onbekende sleutel 'naam' in de instellingen; bedoel je 'name'?",
        "site.yaml:3: kleur 'brand' moet de vorm #rrggbb hebben, zoals \"#1f4e79\" (gevonden 'blauw')",
        "site.yaml:4: onbekende sleutel 'acent' in 'colors'; bedoel je 'accent'?",
        "site.yaml:5: het logo 'weg.svg' bestaat niet (gezocht in weg.svg)",
        "site.yaml:6: 'contact' moet een blok met sleutels zijn (gevonden een getal)",
    ]


def test_misspelt_settings_suggest_the_closest_key() -> None:
    assert problems_of("name: Klantscan\norganization: Gemeente Voorbeeld\ncolors:\n  brnad: \"#1f4e79\"\n"
                       "contact:\n  e-mail: kwaliteit@voorbeeld.nl\n") == [
        "site.yaml:2: onbekende sleutel 'organization' in de instellingen; bedoel je 'organisation'?",
        "site.yaml:4: onbekende sleutel 'brnad' in 'colors'; bedoel je 'brand'?",
        "site.yaml:6: onbekende sleutel 'e-mail' in 'contact'; bedoel je 'email'?",
    ]


def test_unknown_settings_without_a_close_match_list_the_allowed_keys() -> None:
    assert problems_of("stijl: donker\ncolors:\n  primary: \"#1f4e79\"\ncontact:\n  twitter: '@voorbeeld'\n") == [
        "site.yaml:1: onbekende sleutel 'stijl' in de instellingen "
        "(toegestaan: name, organisation, logo, colors, contact, footer, language, team)",
        "site.yaml:3: onbekende sleutel 'primary' in 'colors' (toegestaan: brand, accent)",
        "site.yaml:5: onbekende sleutel 'twitter' in 'contact' (toegestaan: email, url, phone)",
    ]


def test_texts_of_the_wrong_kind() -> None:
    assert problems_of("name: '  '\norganisation: 12\ncontact:\n  phone: 0301234567\nfooter: ''\n") == [
        "site.yaml:1: 'name' is leeg; schrijf een tekst",
        "site.yaml:2: 'organisation' moet tekst zijn (gevonden een getal)",
        "site.yaml:4: 'contact.phone' moet tekst zijn (gevonden een getal)",
    ]


def test_logo_must_be_an_image() -> None:
    Path("logo.exe").write_bytes(b"MZ")
    assert problems_of("logo: logo.exe\n") == [
        "site.yaml:1: het logo moet een .jpeg, .jpg, .png, .svg, .webp-bestand zijn (gevonden 'logo.exe')",
    ]


def test_colour_without_quotes_is_explained() -> None:
    assert problems_of("colors:\n  brand: 123456\n") == [
        "site.yaml:2: 'colors.brand' moet tekst zijn (gevonden 123456); zet een kleur tussen aanhalingstekens, "
        "zoals \"#1f4e79\"",
    ]


def test_anchors_and_aliases_are_refused_with_their_line() -> None:
    assert problems_of('colors:\n  brand: &merk "#1f4e79"\n  accent: *merk\n') == [
        "site.yaml:2: '&merk' is een YAML-anker; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: "
        "schrijf de tekst voluit op elke plek waar hij hoort (is '&' gewoon het begin van je tekst, zet de tekst "
        "dan tussen aanhalingstekens)",
        "site.yaml:3: '*merk' is een YAML-verwijzing; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: "
        "schrijf de tekst hier voluit (is '*' gewoon het begin van je tekst, zet de tekst dan tussen "
        "aanhalingstekens)",
    ]


def test_the_smallest_unit_on_the_team_page_is_at_least_three() -> None:
    assert problems_of("name: Scan\nteam:\n  min_unit_size: 2\n") == [
        "site.yaml:3: 'team.min_unit_size' moet een geheel getal van minstens 3 zijn (gevonden 2): bij een kleinere "
        "afdeling is te zien wat één persoon heeft ingevuld"]
    assert problems_of("team:\n  min_unit_size: true\n") == [
        "site.yaml:2: 'team.min_unit_size' moet een geheel getal van minstens 3 zijn (gevonden true): bij een kleinere "
        "afdeling is te zien wat één persoon heeft ingevuld"]
    assert problems_of("team:\n  min_size: 5\n") == ["site.yaml:2: onbekende sleutel 'min_size' in 'team'; bedoel je "
                                                     "'min_unit_size'?"]


def test_the_smallest_unit_defaults_to_three_and_may_be_larger() -> None:
    assert load_site_config(Path("site.yaml"))[0]["team"] == {"min_unit_size": 3}
    Path("site.yaml").write_text("team:\n  min_unit_size: 5\n", encoding="utf-8")
    config, problems = load_site_config(Path("site.yaml"))
    assert problems.items == [] and config["team"] == {"min_unit_size": 5}
