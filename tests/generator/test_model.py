"""Tests for sitegen/model.py and sitegen/yamlfile.py: reading a model file and reporting every mistake.

Each test writes a model into tmp_path/model/proef.yaml and runs from tmp_path, so messages read like
`model/proef.yaml:12: ...`. VALID is a small complete model (3 phases, 2 elements with 2 aspects each,
3 result levels, 2 result areas); a test changes one thing in it and asserts the full list of messages.
Line numbers are looked up with `line_of`, so the texts can be edited without renumbering every test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitegen.errors import BuildError, Problems
from sitegen.model import LONG_TEXT, check_model_file, load_model
from sitegen.yamlfile import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
FILE = "model/proef.yaml"
E2_START = "- id: e2\n"  # the first line of element e2 (not of its aspects e2a, e2b)

VALID = """\
id: proefmodel
version: "1.0"
name: Proefmodel voor de controle
short_name: PM
intro: Een klein model waarmee de tests de controle van het modelbestand uitproberen.
source:
  title: Een verzonnen handleiding
  authors: Twee schrijvers
  publisher: Uitgeverij Proef
  year: 2024
  note: Alle zinnen in dit model zijn voor de tests bedacht.
phases:
  label: fase
  items:
    - id: 1
      name: Begin
      verb: starten
      summary: Er gebeurt nog weinig.
      characteristics:
        - Een paar mensen zijn ermee bezig.
    - id: 2
      name: Midden
      verb: bouwen
      summary: Het werk krijgt vorm.
      characteristics:
        - Teams werken volgens afspraken.
      completed:
        - De afspraken staan op papier.
    - id: 3
      name: Eind
      verb: volhouden
      summary: Het gaat vanzelf goed.
      characteristics:
        - Iedereen doet mee.
elements:
  - id: e1
    name: Eerste element
    core: Waar het eerste element om draait.
    direction: Waar het eerste element naartoe groeit.
    aspects:
      - id: e1a
        name: Eerste aspect
        phases:
          - e1a in fase 1.
          - e1a in fase 2.
          - e1a in fase 3.
      - id: e1b
        name: Tweede aspect
        phases:
          - e1b in fase 1.
          - e1b in fase 2.
          - e1b in fase 3.
  - id: e2
    name: Tweede element
    core: Waar het tweede element om draait.
    direction: Waar het tweede element naartoe groeit.
    aspects:
      - id: e2a
        name: Derde aspect
        phases:
          - e2a in fase 1.
          - e2a in fase 2.
          - e2a in fase 3.
      - id: e2b
        name: Vierde aspect
        phases:
          - e2b in fase 1.
          - e2b in fase 2.
          - e2b in fase 3.
result_levels:
  label: niveau
  items:
    - id: 0
      name: Geen zicht
      meaning: Er wordt niets gemeten.
    - id: 1
      name: Enig zicht
      meaning: Er wordt af en toe gemeten.
    - id: 2
      name: Goed zicht
      meaning: Er wordt steeds gemeten.
result_areas:
  - id: ra
    letter: a
    name: Klanten
    description: Hoe tevreden klanten zijn.
    levels:
      - ra op niveau 0.
      - ra op niveau 1.
      - ra op niveau 2.
  - id: rb
    letter: b
    name: Medewerkers
    description: Hoe tevreden medewerkers zijn.
    levels:
      - rb op niveau 0.
      - rb op niveau 1.
      - rb op niveau 2.
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def edit(old: str, new: str, text: str = VALID) -> str:
    """`text` with the one occurrence of `old` replaced; fails loudly if the test's anchor is gone or ambiguous."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def lines_with(text: str, needle: str) -> list[int]:
    """The 1-based numbers of all lines containing `needle`; end `needle` with a newline to match a line's end."""
    return [number for number, line in enumerate(text.splitlines(), start=1) if needle in line + "\n"]


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the one line containing `needle`."""
    found = lines_with(text, needle)
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


def write_model(content: str | bytes, name: str = FILE) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(content: str | bytes) -> list[str]:
    """Every problem (errors and warnings) for a model file with this content, as the build prints them."""
    _, problems = check_model_file(write_model(content))
    return [str(problem) for problem in problems.items]


# --- a valid model -----------------------------------------------------------------------------------------


def test_valid_model_has_no_problems() -> None:
    model, problems = check_model_file(write_model(VALID))

    assert problems.items == []
    assert problems.file == FILE
    assert model["id"] == "proefmodel"
    assert model["version"] == "1.0"
    assert [phase["id"] for phase in model["phases"]["items"]] == [1, 2, 3]
    assert [element["id"] for element in model["elements"]] == ["e1", "e2"]
    assert model["elements"][1]["aspects"][1]["phases"] == ["e2b in fase 1.", "e2b in fase 2.", "e2b in fase 3."]
    assert [level["id"] for level in model["result_levels"]["items"]] == [0, 1, 2]
    assert [area["id"] for area in model["result_areas"]] == ["ra", "rb"]


def test_result_levels_and_areas_may_both_be_left_out() -> None:
    text = VALID[:VALID.index("result_levels:")]

    assert messages(text) == []


def test_load_model_returns_the_model() -> None:
    model = load_model(write_model(VALID))

    assert model["short_name"] == "PM"


def test_load_model_raises_with_every_problem() -> None:
    text = edit("short_name: PM\n", "")
    text = edit("    name: Tweede element\n", "", text)

    with pytest.raises(BuildError) as raised:
        load_model(write_model(text))

    assert [str(p) for p in raised.value.problems] == [
        f"{FILE}:1: het model mist de verplichte sleutel 'short_name'",
        f"{FILE}:{line_of(text, E2_START)}: element 2 mist de verplichte sleutel 'name'",
    ]
    assert str(raised.value) == "\n".join(str(p) for p in raised.value.problems)


# --- YAML that cannot be read ------------------------------------------------------------------------------

QUOTE_IN_TEXT = ("in deze tekst staat ': ', en dat leest YAML als een nieuwe sleutel; zet de hele tekst tussen "
                 "aanhalingstekens")


@pytest.mark.parametrize(
    ("old", "new", "at", "reason"),
    [
        pytest.param("  label: fase", "\tlabel: fase", "label: fase",
                     "een tab-teken; gebruik spaties om in te springen", id="tab"),
        pytest.param('version: "1.0"', 'version: "1.0', "version:",
                     "het bestand houdt onverwacht op; mist er een aanhalingsteken?", id="unclosed-quote"),
        pytest.param("name: Begin", "name: 'Begin", "name: 'Begin",
                     "het bestand houdt onverwacht op; mist er een aanhalingsteken?", id="unclosed-quote-later"),
        pytest.param("summary: Er gebeurt nog weinig.", "summary: Let op: er gebeurt nog weinig.", "Let op:",
                     QUOTE_IN_TEXT, id="stray-colon"),
        pytest.param("      verb: starten", "      verb starten", "verb starten",
                     "verwacht 'sleutel: waarde', maar er ontbreekt een ':'; hoort deze regel bij de tekst erboven, "
                     "laat hem dan verder inspringen dan de sleutel van die tekst", id="missing-colon"),
        pytest.param('version: "1.0"', 'version: "1.0" beta', "version:",
                     "na het sluitende aanhalingsteken staat nog tekst; zet de hele tekst tussen één paar "
                     "aanhalingstekens", id="text-after-quote"),
        pytest.param("name: Proefmodel voor de controle", "name:Proefmodel voor de controle", "name:Proefmodel",
                     "na de ':' van 'name' hoort een spatie: schrijf 'name: Proefmodel voor de controle'",
                     id="no-space-after-colon"),  # noticed by the reader on the next line
        pytest.param("  publisher: Uitgeverij Proef", " publisher: Uitgeverij Proef", "publisher:",
                     "'publisher' springt 1 spatie in, maar de regels erboven en eronder springen 2 spaties in; zet "
                     "'publisher' even ver in als zij", id="key-too-little"),
        pytest.param("  - id: e2\n", " - id: e2\n", "- id: e2\n",
                     "deze lijstregel springt 1 spatie in, maar de lijstregel op regel 36 uit dezelfde lijst springt "
                     "2 spaties in; zet ze even ver in",
                     id="list-item-too-little"),
        pytest.param("    direction: Waar het eerste element naartoe groeit.",
                     "      direction: Waar het eerste element naartoe groeit.", "direction: Waar het eerste",
                     "'direction' springt verder in dan 'core' op regel {above}, die al een waarde heeft; zet 'direction' "
                     "even ver in als 'core' (4 spaties ingesprongen), of zet de tekst erboven tussen "
                     "aanhalingstekens als deze regel daarbij hoort", id="key-too-far"),
        pytest.param("  label: fase\n  items:", "  label: fase\n  items: [", "items: [", "wat hier met '[' begint, wordt niet gesloten met ']'",
                     id="unclosed-bracket"),
    ],
)
def test_yaml_syntax_error_names_the_line_of_the_mistake(old: str, new: str, at: str, reason: str) -> None:
    text = edit(old, new)
    assert not any(english in reason for english in ("expected", "found", "mapping", "block"))

    # Only the syntax error: the model is not checked further, because the file could not be read.
    line = line_of(text, at)
    assert messages(text) == [f"{FILE}:{line}: dit is geen geldige YAML: {reason.format(above=line - 1)}"]


ANCHOR_REFUSED = ("'&{name}' is een YAML-anker; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: "
                  "schrijf de tekst voluit op elke plek waar hij hoort (is '&' gewoon het begin van je tekst, "
                  "zet de tekst dan tussen aanhalingstekens)")
ALIAS_REFUSED = ("'*{name}' is een YAML-verwijzing; ankers (&naam) en verwijzingen (*naam) zijn niet toegestaan: "
                 "schrijf de tekst hier voluit (is '*' gewoon het begin van je tekst, "
                 "zet de tekst dan tussen aanhalingstekens)")


def test_anchors_and_aliases_are_each_refused_with_their_line() -> None:
    text = edit("    core: Waar het eerste element om draait.", "    core: &kern Waar het eerste element om draait.")
    text = edit("    core: Waar het tweede element om draait.", "    core: *kern", text)
    text = edit("  year: 2024", "  year: &jaar 2024\n  note2: *jaar", text)

    # Only these: the model is not read further, so no message about the unknown key 'note2'.
    assert messages(text) == [
        f"{FILE}:{line_of(text, '&jaar')}: {ANCHOR_REFUSED.format(name='jaar')}",
        f"{FILE}:{line_of(text, '*jaar')}: {ALIAS_REFUSED.format(name='jaar')}",
        f"{FILE}:{line_of(text, '&kern')}: {ANCHOR_REFUSED.format(name='kern')}",
        f"{FILE}:{line_of(text, '*kern')}: {ALIAS_REFUSED.format(name='kern')}",
    ]


def test_alias_to_an_anchor_that_does_not_exist_is_refused_the_same_way() -> None:
    text = edit("name: Eerste aspect", "name: *eerste")

    assert messages(text) == [f"{FILE}:{line_of(text, '*eerste')}: {ALIAS_REFUSED.format(name='eerste')}"]


def test_ampersand_and_asterisk_inside_a_text_are_fine() -> None:
    text = edit("name: Begin", 'name: "*Begin & opstart*"')
    text = edit("name: Midden", "name: Midden & meer *werk*", text)

    assert messages(text) == []


def test_anchors_before_a_syntax_error_are_reported_with_it() -> None:
    text = edit("name: Begin", "name: &begin Begin")
    text = edit("summary: Er gebeurt nog weinig.", "summary: Let op: er gebeurt nog weinig.", text)

    assert messages(text) == [
        f"{FILE}:{line_of(text, '&begin')}: {ANCHOR_REFUSED.format(name='begin')}",
        f"{FILE}:{line_of(text, 'Let op:')}: dit is geen geldige YAML: {QUOTE_IN_TEXT}",
    ]


def test_without_libyaml_the_same_problems_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from sitegen import yamlfile

    text = edit("name: Begin", "name: &begin Begin")
    text = edit("name: Midden", "name: *begin", text)
    expected = messages(text)

    monkeypatch.setattr(yamlfile, "_FAST_LOADER", yaml.SafeLoader)  # PyYAML without its C extension

    assert messages(text) == expected
    assert len(expected) == 2


def billion_laughs(depth: int, width: int = 9) -> str:
    """A model whose last list would expand to width ** (depth + 1) texts if its aliases were followed."""
    rows = ["  l0: &l0 [" + ", ".join(['"hihi"'] * width) + "]"]
    rows += [f"  l{d}: &l{d} [" + ", ".join([f"*l{d - 1}"] * width) + "]" for d in range(1, depth + 1)]
    return VALID + "lachen:\n" + "\n".join(rows) + "\n"


def test_billion_laughs_is_refused_from_the_tokens_without_following_an_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    # 10 ** 10 texts if expanded. Refusing it takes one pass over the file's tokens: composing, where an alias
    # would be followed, must not even start.
    import yaml

    def compose(*args: object, **kwargs: object) -> None:
        raise AssertionError("composed a YAML file with aliases")

    monkeypatch.setattr(yaml, "compose", compose)
    text = billion_laughs(depth=9, width=10)

    found = messages(text)

    assert len(found) == 10 + 9 * 10  # every anchor and every alias, each once
    first = line_of(text, "l0: &l0")
    assert found[:3] == [
        f"{FILE}:{first}: {ANCHOR_REFUSED.format(name='l0')}",
        f"{FILE}:{first + 1}: {ANCHOR_REFUSED.format(name='l1')}",
        f"{FILE}:{first + 1}: {ALIAS_REFUSED.format(name='l0')}",
    ]
    assert found[-1] == f"{FILE}:{first + 9}: {ALIAS_REFUSED.format(name='l8')}"


def test_unreadable_value_is_a_problem_not_a_crash() -> None:
    text = edit('version: "1.0"', "version: 2024-13-01")

    assert messages(text) == [
        f"{FILE}:2: dit is geen geldige YAML: YAML leest '2024-13-01' als een datum, maar die bestaat niet; is het "
        "tekst, zet het dan tussen aanhalingstekens",
    ]


def test_key_that_is_a_list() -> None:
    text = edit("short_name: PM", "short_name: PM\n[extra]: waarde")

    assert messages(text) == [f"{FILE}:5: een sleutel moet een woord zijn, geen lijst of blok"]


def test_duplicate_key() -> None:
    text = edit("    core: Waar het tweede", "    name: Nog een naam\n    core: Waar het tweede")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'Nog een naam')}: sleutel 'name' staat twee keer in hetzelfde blok; "
        "elke sleutel mag één keer",
    ]


def test_empty_file() -> None:
    assert messages("") == [f"{FILE}:1: verwacht een model met sleutels als 'id' en 'elements', gevonden niets"]


def test_file_that_is_a_list() -> None:
    assert messages("- id: proef\n") == [
        f"{FILE}:1: verwacht een model met sleutels als 'id' en 'elements', gevonden een lijst van 1",
    ]


# --- keys --------------------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_closest_known_key() -> None:
    text = edit("    name: Tweede element", "    naem: Tweede element")

    assert messages(text) == [
        f"{FILE}:{line_of(text, E2_START)}: element 2 mist de verplichte sleutel 'name'",
        f"{FILE}:{line_of(text, 'naem:')}: onbekende sleutel 'naem' in element 2; bedoel je 'name'?",
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    text = edit("  year: 2024", "  year: 2024\n  isbn: 123")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'isbn')}: onbekende sleutel 'isbn' in 'source' "
        "(toegestaan: title, authors, publisher, year, note, url, license)",
    ]


def test_missing_required_key() -> None:
    text = edit("    core: Waar het tweede element om draait.\n", "")

    assert messages(text) == [f"{FILE}:{line_of(text, E2_START)}: element 2 mist de verplichte sleutel 'core'"]


def test_missing_required_top_key_points_at_line_1() -> None:
    text = edit("intro: Een klein model waarmee de tests de controle van het modelbestand uitproberen.\n", "")

    assert messages(text) == [f"{FILE}:1: het model mist de verplichte sleutel 'intro'"]


def test_missing_phase_descriptions() -> None:
    text = edit("""\
        phases:
          - e1b in fase 1.
          - e1b in fase 2.
          - e1b in fase 3.
""", "")

    assert messages(text) == [
        f"{FILE}:{line_of(text, '- id: e1b')}: aspect 2 van element 'e1' mist de verplichte sleutel 'phases'",
        f"{FILE}:{line_of(text, '- id: e1b')}: aspect 'e1b' mist 'phases': verwacht 3 beschrijvingen, één per fase",
    ]


# --- ids ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "label", "found"),
    [
        pytest.param("  - id: e2\n", "  - id: E2\n", "een id", "'E2'", id="capital"),
        pytest.param("id: e1a\n", "id: e1_a\n", "een id", "'e1_a'", id="underscore"),
        pytest.param("  - id: ra\n", "  - id: 1a\n", "een id", "'1a'", id="starts-with-digit"),
        pytest.param("id: proefmodel\n", "id: Proef model\n", "het model-id", "'Proef model'", id="model-id"),
        pytest.param("  - id: rb\n", "  - id: 7\n", "een id", "7", id="number"),
    ],
)
def test_wrong_id_format(old: str, new: str, label: str, found: str) -> None:
    text = edit(old, new)

    assert messages(text) == [
        f"{FILE}:{line_of(text, new.strip())}: {label} mag alleen kleine letters, cijfers en '-' bevatten "
        f"en moet met een letter beginnen (gevonden {found})",
    ]


def test_duplicate_id_names_the_first_line() -> None:
    text = edit("id: e2b", "id: e1b")
    first, second = lines_with(text, "id: e1b")

    assert messages(text) == [
        f"{FILE}:{second}: id 'e1b' komt twee keer voor (eerder op regel {first}); ids moeten uniek zijn",
    ]


def test_ids_are_unique_across_elements_aspects_and_areas() -> None:
    text = edit("  - id: rb\n", "  - id: e1\n")
    element, area = [n for n, line in enumerate(text.splitlines(), start=1) if line == "  - id: e1"]

    assert messages(text) == [
        f"{FILE}:{area}: id 'e1' komt twee keer voor (eerder op regel {element}); ids moeten uniek zijn",
    ]


# --- scales and descriptions -------------------------------------------------------------------------------


def test_wrong_number_of_phase_descriptions() -> None:
    text = edit("          - e1b in fase 3.\n", "")
    key = line_of(text, "e1b in fase 1.") - 1  # the line of e1b's 'phases:'

    assert messages(text) == [f"{FILE}:{key}: aspect 'e1b' heeft 2 beschrijvingen, verwacht 3: één per fase"]


def test_too_many_phase_descriptions() -> None:
    text = edit("          - e2a in fase 3.\n", "          - e2a in fase 3.\n          - e2a in fase 4.\n")
    key = line_of(text, "e2a in fase 1.") - 1  # the line of e2a's 'phases:'

    assert messages(text) == [f"{FILE}:{key}: aspect 'e2a' heeft 4 beschrijvingen, verwacht 3: één per fase"]


def test_added_names_the_phases_the_publisher_described() -> None:
    text = edit("        name: Tweede aspect\n", "        name: Tweede aspect\n        added: [2, 3]\n")

    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["elements"][0]["aspects"][1]["added"] == [2, 3]


def test_added_must_list_existing_phases_once() -> None:
    text = edit("        name: Tweede aspect\n", "        name: Tweede aspect\n        added: [2, 7, true, 2]\n")
    text = edit("        name: Derde aspect\n", "        name: Derde aspect\n        added: 2\n", text)
    text = edit("        name: Vierde aspect\n", "        name: Vierde aspect\n        added: []\n", text)
    e1b, e2a, e2b = lines_with(text, "added:")

    assert messages(text) == [
        f"{FILE}:{e1b}: 'added' van aspect 'e1b' noemt fase 7, maar die bestaat niet (fasen: 1 t/m 3)",
        f"{FILE}:{e1b}: 'added' van aspect 'e1b': True is geen nummer van een fase (gevonden ja/nee-waarde)",
        f"{FILE}:{e1b}: 'added' van aspect 'e1b' noemt fase 2 twee keer",
        f"{FILE}:{e2a}: 'added' van aspect 'e2a' moet een lijst met nummers van fasen zijn, bijvoorbeeld [2, 3] (gevonden een getal)",
        f"{FILE}:{e2b}: 'added' van aspect 'e2b' moet een lijst met nummers van fasen zijn, bijvoorbeeld [2, 3] (gevonden een lege lijst)",
    ]


def test_wrong_number_of_result_level_descriptions() -> None:
    text = edit("      - rb op niveau 2.\n", "")
    key = line_of(text, "rb op niveau 0.") - 1  # the line of rb's 'levels:'

    assert messages(text) == [f"{FILE}:{key}: resultaatgebied 'rb' heeft 2 beschrijvingen, verwacht 3: één per niveau"]


def test_phase_ids_must_ascend() -> None:
    text = edit("    - id: 3\n", "    - id: 2\n")
    second = lines_with(text, "    - id: 2")[1]  # [phase 2, phase "3", level 2]

    assert messages(text) == [f"{FILE}:{second}: de ids moeten oplopen: 2 komt na 2"]


def test_level_ids_must_ascend() -> None:
    text = edit("    - id: 0\n", "    - id: 5\n")

    # Each level after the 5 is out of order, and each is named.
    assert messages(text) == [
        f"{FILE}:{line_of(text, 'Enig zicht') - 1}: de ids moeten oplopen: 1 komt na 5",
        f"{FILE}:{line_of(text, 'Goed zicht') - 1}: de ids moeten oplopen: 2 komt na 5",
    ]


def test_phase_id_must_be_a_whole_number() -> None:
    text = edit("    - id: 2\n      name: Midden", "    - id: twee\n      name: Midden")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'id: twee')}: het id van een stap moet een geheel getal zijn (gevonden 'twee')",
    ]


def test_result_levels_without_result_areas() -> None:
    text = VALID[:VALID.index("result_areas:")]

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'result_levels:')}: 'result_levels' staat er wel, maar 'result_areas' ontbreekt; "
        "geef ze allebei of geen van beide",
    ]


def test_result_areas_without_result_levels() -> None:
    text = VALID[:VALID.index("result_levels:")] + VALID[VALID.index("result_areas:"):]

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'result_areas:')}: 'result_areas' staat er wel, maar 'result_levels' ontbreekt; "
        "geef ze allebei of geen van beide",
    ]


def test_empty_list_of_elements() -> None:
    text = VALID[:VALID.index("elements:")] + "elements: []\n" + VALID[VALID.index("result_levels:"):]

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'elements: []')}: 'elements' moet een lijst met minstens één onderdeel zijn: "
        "de elementen (gevonden een lege lijst)",
    ]


# --- texts -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "message"),
    [
        pytest.param('core: ""', "'core' is leeg; schrijf een tekst", id="empty-quotes"),
        pytest.param("core: '   '", "'core' is leeg; schrijf een tekst", id="only-spaces"),
        pytest.param("core:", "'core' moet tekst zijn (gevonden niets)", id="nothing"),
    ],
)
def test_empty_text(new: str, message: str) -> None:
    text = edit("core: Waar het eerste element om draait.", new)
    line = line_of(text, new + "\n")

    assert messages(text) == [f"{FILE}:{line}: {message}"]


def test_empty_phase_description_names_aspect_and_phase() -> None:
    text = edit("- e2a in fase 2.", '- ""')
    line = line_of(text, '- ""')

    assert messages(text) == [f"{FILE}:{line}: aspect 'e2a', fase 2 is leeg; schrijf een tekst"]


@pytest.mark.parametrize(
    ("new", "found"),
    [
        pytest.param("name: 12", "een getal", id="number"),
        pytest.param("name: 1.5", "een kommagetal", id="decimal"),
        pytest.param("name: ja", "tekst", id="dutch-yes-is-text"),
        pytest.param("name: yes", "ja/nee-waarde", id="yes"),
        pytest.param("name: [een, twee]", "een lijst van 2", id="list"),
        pytest.param("name: {een: twee}", "een blok met sleutels", id="mapping"),
    ],
)
def test_non_text_value(new: str, found: str) -> None:
    text = edit("name: Derde aspect", new)

    expected = [] if found == "tekst" else [f"{FILE}:{line_of(text, new)}: 'name' moet tekst zijn (gevonden {found})"]
    assert messages(text) == expected


def test_version_given_as_a_number() -> None:
    text = edit('version: "1.0"', "version: 2022.1")

    assert messages(text) == [
        f"{FILE}:2: 'version' moet tekst zijn, zet de waarde tussen aanhalingstekens (gevonden een kommagetal 2022.1)",
    ]


def test_empty_version() -> None:
    text = edit('version: "1.0"', 'version: ""')

    assert messages(text) == [f"{FILE}:2: 'version' is leeg; schrijf een tekst"]


def test_year_given_as_text() -> None:
    text = edit("year: 2024", 'year: "2024"')

    assert messages(text) == [f"{FILE}:{line_of(text, 'year:')}: 'year' moet een jaartal zijn (gevonden '2024')"]


def test_long_text_is_a_warning() -> None:
    long_text = "Een heel lange beschrijving. " * 25  # 725 characters
    text = edit("- e1a in fase 2.", f"- {long_text.strip()}")

    _, problems = check_model_file(write_model(text))

    assert problems.errors == []
    assert [str(p) for p in problems.items] == [
        f"{FILE}:{line_of(text, 'heel lange')}: waarschuwing: aspect 'e1a', fase 2 is {len(long_text.strip())} "
        f"tekens lang; houd het onder {LONG_TEXT} zodat het op een telefoon te lezen is",
    ]


# --- the file itself ---------------------------------------------------------------------------------------


def test_file_that_is_not_utf8() -> None:
    data = VALID.encode("utf-8").replace(b"Proefmodel voor", b"Pr\xf6efmodel voor")  # a Latin-1 o-umlaut
    position = data.index(b"\xf6")

    assert messages(data) == [f"{FILE}:1: het bestand is geen UTF-8-tekst (byte {position}); sla het op als UTF-8"]


def test_missing_file() -> None:
    _, problems = check_model_file(Path("model/bestaat-niet.yaml"))

    assert [str(p) for p in problems.items] == ["model/bestaat-niet.yaml:1: het modelbestand bestaat niet"]


def test_folder_instead_of_file() -> None:
    Path("model").mkdir()

    _, problems = check_model_file(Path("model"))

    assert [str(p) for p in problems.items] == ["model:1: het modelbestand is niet te lezen (Is a directory)"]


def test_path_outside_working_folder_is_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_model(VALID.replace("short_name: PM\n", "")).resolve()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    _, problems = check_model_file(path)

    assert [str(p) for p in problems.items] == [f"{path}:1: het model mist de verplichte sleutel 'short_name'"]


# --- several mistakes at once ------------------------------------------------------------------------------


def test_every_mistake_is_reported_in_one_run_sorted_by_line() -> None:
    text = VALID
    text = edit('version: "1.0"', "version: 2", text)
    text = edit("    name: Tweede element", "    naem: Tweede element", text)
    text = edit("          - e1b in fase 3.\n", "", text)
    text = edit("id: e2b", "id: e1b", text)
    text = edit("    core: Waar het tweede", "    core: Dubbel\n    core: Waar het tweede", text)
    text = edit("      - rb op niveau 2.\n", "", text)
    text = edit("      meaning: Er wordt af en toe gemeten.", "      meaning: ''", text)
    text = edit("    - id: 3\n", "    - id: 1\n", text)
    e1b_lines = lines_with(text, "id: e1b")
    third_phase = lines_with(text, "    - id: 1")[1]  # [phase 1, phase "3", level 1]
    empty_meaning = line_of(text, "meaning: ''")

    assert messages(text) == [
        f"{FILE}:2: 'version' moet tekst zijn, zet de waarde tussen aanhalingstekens (gevonden een getal 2)",
        f"{FILE}:{third_phase}: de ids moeten oplopen: 1 komt na 2",
        f"{FILE}:{e1b_lines[0] + 2}: aspect 'e1b' heeft 2 beschrijvingen, verwacht 3: één per fase",
        f"{FILE}:{line_of(text, E2_START)}: element 2 mist de verplichte sleutel 'name'",
        f"{FILE}:{line_of(text, 'naem:')}: onbekende sleutel 'naem' in element 2; bedoel je 'name'?",
        f"{FILE}:{line_of(text, 'core: Waar het tweede')}: sleutel 'core' staat twee keer in hetzelfde blok; "
        "elke sleutel mag één keer",
        f"{FILE}:{e1b_lines[1]}: id 'e1b' komt twee keer voor (eerder op regel {e1b_lines[0]}); ids moeten uniek zijn",
        f"{FILE}:{empty_meaning}: 'meaning' is leeg; schrijf een tekst",
        f"{FILE}:{line_of(text, 'rb op niveau 0.') - 1}: resultaatgebied 'rb' heeft 2 beschrijvingen, verwacht 3: één per niveau",
    ]


# --- the real model ----------------------------------------------------------------------------------------


def test_real_model_is_valid_and_complete() -> None:
    model, problems = check_model_file(ROOT / "model" / "semm.yaml")

    assert [str(p) for p in problems.items] == []
    phases = model["phases"]["items"]
    assert [phase["id"] for phase in phases] == [1, 2, 3, 4, 5, 6]
    assert [phase["id"] for phase in phases if "completed" in phase] == [3, 4, 5, 6]
    elements = model["elements"]
    assert [element["id"] for element in elements] == [f"e{n}" for n in range(1, 10)]
    aspects = [aspect for element in elements for aspect in element["aspects"]]
    assert [aspect["id"] for aspect in aspects] == [f"e{n}{letter}" for n in range(1, 10) for letter in "ab"]
    assert all(len(aspect["phases"]) == 6 for aspect in aspects)
    assert sum(len(aspect["phases"]) for aspect in aspects) == 108
    assert [level["id"] for level in model["result_levels"]["items"]] == [0, 1, 2, 3, 4]
    areas = model["result_areas"]
    assert [area["id"] for area in areas] == ["ra", "rb", "rc", "rd"]
    assert all(len(area["levels"]) == 5 for area in areas)
    assert sum(len(area["levels"]) for area in areas) == 20


# --- axes: a map of the stages (optional) -------------------------------------------------------------------

AXES = """
axes:
  - id: houding
    name: Houding
    low: Kosten
    high: Waarde
  - id: focus
    name: Focus
    low: Intern
    high: Extern
phases:
"""


def with_axes(positions: list[str]) -> str:
    text = edit("\nphases:\n", AXES)
    for name, position in zip(("Begin", "Midden", "Eind"), positions, strict=False):
        text = edit(f"      name: {name}\n", f"{position}      name: {name}\n", text)
    return text


def test_axes_with_a_position_for_every_stage_are_valid() -> None:
    text = with_axes([f"      position: {{houding: {n}, focus: {n}}}\n" for n in (1, 2, 3)])
    assert messages(text) == []
    model = load_model(write_model(text))
    assert [axis["id"] for axis in model["axes"]] == ["houding", "focus"]
    assert model["phases"]["items"][2]["position"] == {"houding": 3, "focus": 3}


def test_axes_mistakes_are_each_reported() -> None:
    text = with_axes(["      position: {houding: 1, focus: 1}\n", "      position: {houding: hoog, fokus: 2}\n", ""])
    assert messages(text) == [
        f"model/proef.yaml:{line_of(text, 'hoog')}: 'position' van stap 2 mist een getal voor as 'houding' "
        "(gevonden 'hoog')",
        f"model/proef.yaml:{line_of(text, 'hoog')}: 'position' van stap 2 mist een getal voor as 'focus' (gevonden None)",
        f"model/proef.yaml:{line_of(text, 'hoog')}: 'position' noemt een onbekende as 'fokus' (assen: houding, focus)",
        f"model/proef.yaml:{line_of(text, 'name: Eind') - 1}: fase 3 mist 'position' met een getal per as "
        "(houding, focus), omdat het model 'axes' heeft",
    ]


def test_one_axis_is_not_enough() -> None:
    text = edit("  - id: focus\n    name: Focus\n    low: Intern\n    high: Extern\n", "", with_axes(["", "", ""]))
    assert messages(text) == [
        f"model/proef.yaml:{line_of(text, 'axes:')}: 'axes' moet een lijst van precies 2 assen zijn: eerst de "
        "horizontale, dan de verticale (gevonden een lijst van 1)",
    ]


def test_position_without_axes_is_a_mistake() -> None:
    text = edit("      name: Begin\n", "      position: {x: 1}\n      name: Begin\n")
    assert messages(text) == [
        f"model/proef.yaml:{line_of(text, 'position')}: 'position' heeft alleen zin als het model 'axes' heeft",
    ]


# --- words: what the scan calls its stages and parts (optional) ---------------------------------------------


def with_words(block: str, text: str = VALID) -> str:
    """VALID with a `words:` block before `phases:`."""
    return edit("\nphases:\n", f"\nwords:\n{block}phases:\n", text)


def test_words_are_completed_into_the_model() -> None:
    text = with_words("  stage: {singular: niveau, plural: niveaus, article: het}\n"
                      "  part: {singular: dimensie, plural: dimensies, article: de}\n",
                      edit("  label: fase\n", ""))
    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["words"] == {
        "stage": {"singular": "niveau", "plural": "niveaus", "article": "het"},
        "part": {"singular": "dimensie", "plural": "dimensies", "article": "de"},
        "aspect": {"singular": "aspect", "plural": "aspecten", "article": "het"},
        "area": {"singular": "resultaatgebied", "plural": "resultaatgebieden", "article": "het"},
        "level": {"singular": "niveau", "plural": "niveaus", "article": "het"},
        "group": {"singular": "groep", "plural": "groepen", "article": "de"},
    }


def test_an_older_label_gives_the_singular_and_a_known_word_the_rest() -> None:
    text = edit("phases:\n  label: fase\n", "phases:\n  label: niveau\n")
    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["words"]["stage"] == {"singular": "niveau", "plural": "niveaus", "article": "het"}


def test_labels_may_be_left_out() -> None:
    text = edit("phases:\n  label: fase\n", "phases:\n", edit("result_levels:\n  label: niveau\n", "result_levels:\n"))
    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["words"]["stage"]["singular"] == "fase"


def test_label_and_words_must_agree() -> None:
    text = with_words("  stage: {singular: niveau}\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'label: fase')}: 'phases.label' is 'fase', maar 'words.stage.singular' is 'niveau'; "
        "die moeten gelijk zijn (laat 'label' weg, 'words' is genoeg)",
    ]


def test_unknown_words_and_forms_are_named_with_a_suggestion() -> None:
    text = with_words("  stages: {singular: fase}\n  part: {singluar: dimensie, article: de}\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'stages:')}: onbekende sleutel 'stages' in 'words'; bedoel je 'stage'?",
        f"{FILE}:{line_of(text, 'singluar')}: onbekende sleutel 'singluar' in 'words.part'; bedoel je 'singular'?",
    ]


def test_words_of_the_wrong_kind() -> None:
    text = with_words("  stage: niveau\n  part:\n    singular: 3\n    plural: ''\n    article: een\n"
                      "  aspect: {singular: Vraag, plural: vragen, article: de}\n")
    empty = line_of(text, "plural: ''")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'stage: niveau')}: 'words.stage' moet een blok met sleutels zijn (gevonden tekst)",
        f"{FILE}:{line_of(text, 'singular: 3')}: 'words.part.singular' moet tekst zijn (gevonden een getal)",
        f"{FILE}:{empty}: 'words.part.plural' is leeg; schrijf een tekst",
        f"{FILE}:{line_of(text, 'article: een')}: 'words.part.article' moet 'de' of 'het' zijn (gevonden 'een')",
        f"{FILE}:{line_of(text, 'Vraag')}: 'words.aspect.singular' begint met een hoofdletter (gevonden 'Vraag'); "
        "schrijf het woord zoals het midden in een zin staat, de scan maakt zelf een hoofdletter aan het begin van "
        "een zin",
    ]


def test_words_must_be_a_block() -> None:
    text = edit("\nphases:\n", "\nwords: [stage, part]\nphases:\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'words:')}: 'words' moet een blok met sleutels zijn (gevonden een lijst van 2)",
    ]


def test_a_word_the_scan_does_not_know_is_guessed_with_a_warning() -> None:
    label = edit("phases:\n  label: fase\n", "phases:\n  label: trede\n")
    partial = with_words("  part: {singular: onderdeel}\n")

    assert messages(label) == [
        f"{FILE}:{line_of(label, 'label: trede')}: waarschuwing: het meervoud of lidwoord van 'trede' is geraden "
        "(de trede, treden); geef 'plural' en 'article' in 'words.stage'",
    ]
    assert messages(partial) == [
        f"{FILE}:{line_of(partial, 'part:')}: waarschuwing: het meervoud of lidwoord van 'onderdeel' is geraden "
        "(de onderdeel, onderdeelen); geef 'plural' en 'article' in 'words.part'",  # onderdelen: hence the warning
    ]


def test_the_real_models_state_their_words() -> None:
    semm, semm_problems = check_model_file(ROOT / "model" / "semm.yaml")
    topdesk, topdesk_problems = check_model_file(ROOT / "model" / "topdesk-esm.yaml")

    assert semm_problems.items == topdesk_problems.items == []
    assert (semm["words"]["stage"]["singular"], semm["words"]["part"]["singular"]) == ("fase", "element")
    assert topdesk["words"]["stage"] == {"singular": "niveau", "plural": "niveaus", "article": "het"}
    assert topdesk["words"]["part"] == {"singular": "dimensie", "plural": "dimensies", "article": "de"}


def test_ambition_advice_is_optional_text() -> None:
    text = edit("intro: Een klein model", "ambition_advice: 4\nintro: Een klein model")

    assert messages(text) == [f"{FILE}:{line_of(text, 'ambition_advice')}: 'ambition_advice' moet tekst zijn "
                              "(gevonden een getal)"]


def test_allow_exclusion_is_true_or_false() -> None:
    text = edit("intro: Een klein model", "allow_exclusion: ja graag\nintro: Een klein model")

    assert messages(text) == [f"{FILE}:{line_of(text, 'allow_exclusion')}: 'allow_exclusion' moet true of false "
                              "zijn (gevonden tekst 'ja graag')"]


def test_both_real_models_allow_parts_to_be_left_out() -> None:
    """ISO/TS 19387:2025 lets an organisation assess selected elements; both models follow it."""
    for name in ("semm", "topdesk-esm"):
        model, problems = check_model_file(ROOT / "model" / f"{name}.yaml")
        assert problems.items == [] and model["allow_exclusion"] is True


# --- any model: the scoring rule, groups, one question, not applicable, ids without gaps -----------------------


GROUPS = """groups:
  - id: eerst
    name: Eerste groep
    parts: [e1]
  - id: daarna
    name: Tweede groep
    parts: [e2]
"""


def test_groups_and_a_rule_are_read_and_completed() -> None:
    text = edit("\nphases:\n", "\nscoring:\n  part: mean\n" + GROUPS + "phases:\n")
    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["scoring"] == {"part": "mean", "group": "weakest", "overall": "weakest"}
    assert [group["parts"] for group in model["groups"]] == [["e1"], ["e2"]]


def test_a_misspelt_rule_is_named_with_its_line_and_the_closest_rule() -> None:
    text = edit("\nphases:\n", "\nscoring:\n  overall: meam\n  parts: weakest\nphases:\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'overall: meam')}: 'scoring.overall' moet 'weakest' of 'mean' zijn (gevonden 'meam'); "
        "bedoel je 'mean'?",
        f"{FILE}:{line_of(text, 'parts: weakest')}: onbekende sleutel 'parts' in 'scoring'; bedoel je 'part'?",
    ]


def test_a_group_naming_an_unknown_or_a_placed_part_and_a_part_in_no_group() -> None:
    text = edit("\nphases:\n", "\ngroups:\n  - id: eerst\n    name: Eerste groep\n    parts: [e1, e9]\n"
                "  - id: ook\n    name: Nog een groep\n    parts: [e1]\nphases:\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'parts: [e1, e9]')}: groep 'eerst' noemt element 'e9', maar dat bestaat niet "
        "(elementen: e1, e2)",
        f"{FILE}:{line_of(text, 'parts: [e1]')}: element 'e1' staat al in een groep (regel "
        f"{line_of(text, 'parts: [e1, e9]')}); elk element staat in precies één groep",
        f"{FILE}:{line_of(text, E2_START)}: element 'e2' staat in geen enkele groep; zet het bij 'parts' van één groep "
        "in 'groups'",
    ]


def test_a_question_beside_aspects_is_refused() -> None:
    text = edit("    direction: Waar het tweede element naartoe groeit.\n",
                "    direction: Waar het tweede element naartoe groeit.\n    question: Hoe gaat het?\n")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'question: Hoe gaat het?')}: element 'e2' heeft zowel 'aspects' als 'question'; geef "
        "aspecten met elk een eigen vraag, of één 'question' met 'phases'"]


def test_a_part_with_one_question_needs_no_aspect_and_becomes_one() -> None:
    start = VALID.index(E2_START)
    text = VALID[:start] + """- id: e2
    name: Tweede element
    core: Waar het tweede element om draait.
    question: Hoe gaat het tweede element?
    phases:
      - e2 in fase 1.
      - e2 in fase 2.
      - e2 in fase 3.
""" + VALID[VALID.index("result_levels:"):]
    model, problems = check_model_file(write_model(text))

    assert problems.items == []
    assert model["elements"][1]["aspects"] == [{"id": "e2", "name": "Hoe gaat het tweede element?",
                                                "phases": ["e2 in fase 1.", "e2 in fase 2.", "e2 in fase 3."]}]
    assert model["elements"][1]["direction"] == ""
    short = text.replace("      - e2 in fase 3.\n", "")
    assert messages(short) == [f"{FILE}:{line_of(short, 'e2 in fase 1.') - 1}: element 'e2' heeft 2 beschrijvingen, "
                               "verwacht 3: één per fase"]


def test_stage_ids_that_skip_a_number_are_refused() -> None:
    text = edit("    - id: 3\n      name: Eind\n", "    - id: 5\n      name: Eind\n")

    assert messages(text) == [f"{FILE}:{line_of(text, '- id: 5')}: de ids slaan een nummer over: na 2 komt 5; nummer "
                              "de fasen zonder gat (hier ontbreken 3 en 4)"]


def test_not_applicable_and_the_exclusion_note_are_read() -> None:
    text = edit("\nphases:\n", "\nallow_not_applicable: ja\nexclusion_note: Lees de uitslag met zorg.\nphases:\n")

    assert messages(text) == [f"{FILE}:{line_of(text, 'allow_not_applicable')}: 'allow_not_applicable' moet true of "
                              "false zijn (gevonden tekst 'ja')"]


YAML_PIECES = ["id: e1\n", "  name: x\n", "    - a\n", "- b\n", " ", "  ", ":", ": ", "\"", "'", "[", "]", "{", "}",
               "#", "\n", "\t", "&a ", "*a", "!x ", ">-\n", "|\n", "tekst", "2024-13-01", "---\n", "? ", ",", "%"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=30).map("".join))
@example("phases: [\n")  # the reader marks the end of the text, after the last line
@example("id: e1\n[")
def test_any_text_gives_dutch_problems_never_a_crash_or_the_readers_english(text: str) -> None:
    problems = Problems("model/proef.yaml")
    parse_yaml(text, problems)
    for problem in problems.items:
        assert not re.search(r"\b(expected|found|mapping|while|scanning|could not)\b", problem.message), problem
        assert 1 <= problem.line <= text.count("\n") + 2, (problem, text)


def test_a_misspelt_question_is_named_without_the_messages_it_would_cause() -> None:
    aspects = VALID[VALID.index("    aspects:\n"):VALID.index("  - id: e2\n")]
    text = VALID.replace(aspects, "    qeustion: Hoe gaat het?\n    phases:\n      - Een.\n      - Twee.\n      - Drie.\n", 1)

    assert messages(text) == [f"{FILE}:{line_of(text, 'qeustion')}: onbekende sleutel 'qeustion' in element 1; "
                              "bedoel je 'question'?"]


def test_a_text_with_a_colon_that_yaml_read_as_a_key_says_so() -> None:
    text = edit("          - e1a in fase 2.", "          - Let op: er wordt niets gemeten.")

    assert messages(text) == [
        f"{FILE}:{line_of(text, 'Let op')}: aspect 'e1a', fase 2 moet tekst zijn, maar YAML las 'Let op: ...' als een "
        "sleutel met een waarde, door de ': ' in de tekst; zet de hele tekst tussen aanhalingstekens, of schrijf hem "
        "na '>-' op de volgende regel"]
