"""Tests for the command line: `python build.py score ANSWERS.json [--model ...] [--json]` and `aggregate`.

The commands are scoring_py's (scoring_py/cli.py); the generator's command line (python build.py, python -m sitegen)
runs them with its YAML loader. `python -m scoring_py` runs them with a JSON model only and says where a YAML model
is read, so scoring_py never imports the generator.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from scoring_py import score
from scoring_py.model import Model

ROOT = Path(__file__).resolve().parents[2]
MODEL_JSON = ROOT / "tests" / "fixtures" / "engine" / "model.json"
MODEL: Model = json.loads(MODEL_JSON.read_text(encoding="utf-8"))

# The guide's example: elements in phases 4, 2 and 5, one aspect on "weet ik niet", one result area open.
EXAMPLE = {
    "model": "semm",
    "aspects": {"e1a": 4, "e1b": 5, "e2a": 2, "e2b": "unknown", "e3a": 5, "e3b": 5},
    "results": {"ra": 2},
    "notes": {"e1": "Vrije tekst"},
}


def run_cli(*args: str, module: str = "sitegen") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_text_report(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "antwoorden.json", EXAMPLE)

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert completed.stdout.splitlines() == [
        "SEMM-scan: Service Excellence Maturity Model (versie 2022.1)",
        "",
        "Totaal: Fase 2: Pioniersfase (belichten)",
        "  Samenvatting fase 2.",
        'Voorlopige uitkomst: 1 van de 6 aspecten is niet beantwoord of staat op "weet ik niet".',
        "  Weet ik niet:",
        "    - e2b: Leiderschap tweede aspect",
        "  Resultaatgebieden niet beantwoord:",
        "    - rb: Loyale klanten",
        "",
        "Elementen",
        "  1. Klantbeleving — Fase 4: Structuurfase (2 van 2 aspecten beantwoord)",
        "  2. Leiderschap — Fase 2: Pioniersfase (1 van 2 aspecten beantwoord)",
        "  3. Medewerkers — Fase 5: Cultuurfase (2 van 2 aspecten beantwoord)",
        "",
        "Resultaatgebieden",
        "  a. Serviceprestaties — Niveau 2: Inzicht",
        "  b. Loyale klanten — niet beantwoord",
        "",
        "Sterke punten: 3. Medewerkers",
        "Ontwikkelpunten: 2. Leiderschap",
        "",
        "Volgende stappen",
        "  - 2. Leiderschap, aspect Leiderschap eerste aspect: van fase 2 naar fase 3 (Visie & designfase)",
        "    e2a in fase 3.",
        "",
        "Op weg naar fase 3: Visie & designfase (richten)",
        "  Samenvatting fase 3.",
        "  Kenmerken:",
        "    - Kenmerk 3.1.",
        "    - Kenmerk 3.2.",
    ]


def test_text_report_complete_scan_with_transition(tmp_path: Path) -> None:
    answers_file = write_json(
        tmp_path / "antwoorden.json",
        {
            "model": "semm",
            "aspects": dict.fromkeys(["e1a", "e1b", "e2a", "e2b", "e3a", "e3b"], 3),
            "results": {"ra": 1, "rb": "unknown"},
        },
    )

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[4:7] == [
        "Alle aspecten zijn beantwoord.",
        '  Resultaatgebieden op "weet ik niet":',
        "    - rb: Loyale klanten",
    ]
    assert "  b. Loyale klanten — weet ik niet" in lines
    assert "Sterke punten: geen" in lines
    assert "Ontwikkelpunten: 1. Klantbeleving, 2. Leiderschap, 3. Medewerkers" in lines
    assert lines[-5:] == [
        "    - Kenmerk 4.1.",
        "    - Kenmerk 4.2.",
        "  Een organisatie die de overgang van fase 3 naar fase 4 maakt:",
        "    - Afgerond 3.1.",
        "    - Afgerond 3.2.",
    ]


def test_text_report_nothing_answered(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "leeg.json", {"model": "semm"})

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert "Totaal: nog geen fase (er is nog geen aspect beantwoord)" in lines
    assert 'Voorlopige uitkomst: 6 van de 6 aspecten zijn niet beantwoord of staan op "weet ik niet".' in lines
    assert "  1. Klantbeleving — nog geen fase (0 van 2 aspecten beantwoord)" in lines
    assert "Volgende stappen" not in lines


def test_json_output_equals_score(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "antwoorden.json", EXAMPLE)

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON), "--json")

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score(MODEL, EXAMPLE)
    assert completed.stdout == json.dumps(score(MODEL, EXAMPLE), ensure_ascii=False, indent=2) + "\n"


def test_bad_json_answers(tmp_path: Path) -> None:
    answers_file = tmp_path / "kapot.json"
    answers_file.write_text('{"model": "semm",\n  "aspects": {"e1a": 3,}}\n', encoding="utf-8")

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr == (
        f"fout: {answers_file}:2: het antwoordbestand is geen geldige JSON "
        "(kolom 24: Expecting property name enclosed in double quotes)\n"
    )
    assert "Traceback" not in completed.stderr


def test_missing_answers_file(tmp_path: Path) -> None:
    completed = run_cli("score", str(tmp_path / "bestaat-niet.json"), "--model", str(MODEL_JSON))

    assert completed.returncode == 1
    assert completed.stderr == f"fout: antwoordbestand niet gevonden: {tmp_path / 'bestaat-niet.json'}\n"


def test_missing_model_file(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "antwoorden.json", EXAMPLE)

    completed = run_cli("score", str(answers_file), "--model", str(tmp_path / "geen-model.json"))

    assert completed.returncode == 1
    assert completed.stderr == f"fout: modelbestand niet gevonden: {tmp_path / 'geen-model.json'}\n"


def test_answers_that_do_not_fit_the_model(tmp_path: Path) -> None:
    answers_file = write_json(
        tmp_path / "antwoorden.json",
        {"model": "semm", "aspects": {"e1z": 3, "e1a": 7, "e1b": True}},
    )

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "fout: het antwoordbestand past niet bij model 'semm' (3 problemen):",
        f"{answers_file}: onbekend aspect 'e1z'",
        f"{answers_file}: aspect 'e1a': fase 7 bestaat niet (kies 1 t/m 6 of \"unknown\")",
        f"{answers_file}: aspect 'e1b': true is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
    ]


def test_answers_for_another_model(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "antwoorden.json", {"model": "x"})

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))

    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        "fout: het antwoordbestand past niet bij model 'semm' (1 probleem):",
        f"{answers_file}: dit antwoordbestand hoort bij model 'x', niet bij 'semm'",
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    answers_file = tmp_path / "windows.json"
    answers_file.write_text(json.dumps(EXAMPLE), encoding="utf-8-sig")

    completed = run_cli("score", str(answers_file), "--model", str(MODEL_JSON), "--json")

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score(MODEL, EXAMPLE)


def test_default_yaml_model(tmp_path: Path) -> None:
    from sitegen.model import load_model

    model = load_model(ROOT / "model" / "semm.yaml")
    first_phase = model["phases"]["items"][0]["id"]
    given = {
        "model": model["id"],
        "aspects": {aspect["id"]: first_phase for element in model["elements"] for aspect in element["aspects"]},
    }
    answers_file = write_json(tmp_path / "antwoorden.json", given)

    completed = run_cli("score", str(answers_file), "--json")  # no --model: model/semm.yaml is the default

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score(model, given)


def test_broken_yaml_model(tmp_path: Path) -> None:
    model_file = tmp_path / "kapot.yaml"
    model_file.write_text("id: semm\nphases: [\n", encoding="utf-8")
    answers_file = write_json(tmp_path / "antwoorden.json", EXAMPLE)

    completed = run_cli("score", str(answers_file), "--model", str(model_file))

    assert completed.returncode == 1
    assert completed.stderr.startswith("fout: het model kan niet geladen worden:\n")
    assert "Traceback" not in completed.stderr


TEAM_FILES = [ROOT / "tests" / "fixtures" / "team" / f"{name}.json" for name in ("anna", "bram", "cem")]


def test_aggregate_json_and_csv(tmp_path: Path) -> None:
    from scoring_py import aggregate, parse_export
    from sitegen.model import load_model

    out = tmp_path / "team.csv"
    completed = run_cli("aggregate", *map(str, TEAM_FILES), "--json", "--csv", str(out))

    assert completed.returncode == 0, completed.stderr
    model = load_model(ROOT / "model" / "semm.yaml")
    expected = aggregate(model, [parse_export(path.read_text(encoding="utf-8"), model) for path in TEAM_FILES])
    assert json.loads(completed.stdout) == json.loads(json.dumps(expected))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\naspect;e2a;Klantvisie;2;1;2;2,5;3;1;2;nee;0\r\n" in raw


def test_aggregate_text_report() -> None:
    completed = run_cli("aggregate", *map(str, TEAM_FILES))

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert "  e2a Klantvisie: 2; 2 / 2,5 / 3; team 2" in lines
    assert "  e3a Leiderschapsfocus: 3; 1 / 2 / 4; team 2  BESPREEKPUNT" in lines
    assert "Uitslag van het team: Fase 2: Pioniersfase" in lines
    assert "Bespreekpunten: e1a, e3a, e5a, ra" in lines


def test_aggregate_keeps_small_units_anonymous() -> None:
    # Anna and Bram are Klantcontact, Cem Financiën: both below the minimum of 3, so neither has figures of its own.
    completed = run_cli("aggregate", *map(str, TEAM_FILES))
    assert "Financiën (1)" not in completed.stdout and "Klantcontact (2)" not in completed.stdout
    # Every unit is small: a column of them together would be everyone again, so none is shown apart.
    assert "Dat geldt hier voor 2 afdelingen, dus geen afdeling staat apart." in completed.stdout
    assert "Overige afdelingen" not in completed.stdout

    refused = run_cli("aggregate", *map(str, TEAM_FILES), "--min-unit-size", "2")
    assert refused.returncode == 1
    assert refused.stderr == ("fout: --min-unit-size: de kleinste afdeling met eigen cijfers moet een geheel getal van "
                              "minstens 3 zijn (gevonden: 2); met minder deelnemers is te zien wat één persoon heeft "
                              "ingevuld\n")


def test_aggregate_names_every_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("geen json", encoding="utf-8")

    completed = run_cli("aggregate", str(TEAM_FILES[0]), str(bad), str(tmp_path / "weg.json"))

    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        f"fout: {bad}: het bestand is geen JSON (regel 1): kies het .json-bestand dat de scan heeft gemaakt",
        f"exportbestand niet gevonden: {tmp_path / 'weg.json'}",
    ]


def test_score_accepts_an_export_file() -> None:
    completed = run_cli("score", str(TEAM_FILES[0]), "--json")

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["overall"]["phase"] == 1


def test_parts_left_out_are_named_in_the_report_and_listed_in_the_json(tmp_path: Path) -> None:
    """`overall.excluded` is a name outside scripts rely on: keep it."""
    answers_file = write_json(tmp_path / "antwoorden.json", {**EXAMPLE, "excluded": {"e2": "Geen invloed op"}})

    text = run_cli("score", str(answers_file), "--model", str(MODEL_JSON))
    data = run_cli("score", str(answers_file), "--model", str(MODEL_JSON), "--json")

    assert text.returncode == data.returncode == 0, text.stderr + data.stderr
    assert "Beoordeeld: 2 van de 3 elementen. Buiten de beoordeling:" in text.stdout.splitlines()
    assert "  - 2. Leiderschap (reden: Geen invloed op)" in text.stdout.splitlines()
    assert "  2. Leiderschap — niet beoordeeld" in text.stdout.splitlines()
    result = json.loads(data.stdout)
    assert result["overall"]["excluded"] == ["e2"]
    assert result["overall"]["phase"] == 4  # e1 (4); e2 (2) is left out
    assert result["overall"]["provisional"] is False  # e2b's "weet ik niet" no longer counts


def test_scoring_py_runs_with_a_json_model_and_says_where_a_yaml_model_is_read(tmp_path: Path) -> None:
    answers_file = write_json(tmp_path / "antwoorden.json", EXAMPLE)

    with_json = run_cli("score", str(answers_file), "--model", str(MODEL_JSON), "--json", module="scoring_py")
    with_yaml = run_cli("score", str(answers_file), module="scoring_py")  # the default model/semm.yaml

    assert with_json.returncode == 0, with_json.stderr
    assert json.loads(with_json.stdout) == score(MODEL, EXAMPLE)
    assert with_yaml.returncode == 1
    assert with_yaml.stderr == (
        "fout: model/semm.yaml: een YAML-model wordt gelezen door de bouw, die het helemaal controleert; gebruik in de "
        "projectmap 'python build.py score ...' of 'python build.py aggregate ...' (of geef hier een .json-model "
        "mee)\n")


def test_build_py_runs_the_same_commands() -> None:
    completed = subprocess.run([sys.executable, "build.py", "score", str(TEAM_FILES[0]), "--json"], cwd=ROOT,
                               capture_output=True, text=True, encoding="utf-8", timeout=60)

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["overall"]["phase"] == 1


ENGLISH_MODEL = ROOT / "tests" / "fixtures" / "english" / "model" / "practices.yaml"
FIRST_ENGLISH = {"strategy-goals": 1, "strategy-means": 2, "training-basics": 3, "training-roles": 2,
                 "testing-before": 0, "testing-automatic": 1, "response-reports": 2, "response-practice": 2}


def test_an_english_yaml_model_speaks_english(tmp_path: Path) -> None:
    """The build's loader hands the model over with the engine's texts in its language."""
    answers_file = write_json(tmp_path / "answers.json", {"model": "practices", "aspects": FIRST_ENGLISH})
    wrong_file = write_json(tmp_path / "wrong.json", {"model": "practices", "aspects": {"strategy-goals": 7}})

    report = run_cli("score", str(answers_file), "--model", str(ENGLISH_MODEL))
    refused = run_cli("score", str(wrong_file), "--model", str(ENGLISH_MODEL))

    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[:3] == [
        "Trusted building scan: Practices for building software you can trust (version 1.0)", "",
        "Total: Level 1.6: Starting"]
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "error: the answers file does not fit model 'practices' (1 problem):",
        f"{wrong_file}: stream 'strategy-goals': level 7 does not exist (choose 0 to 3 or \"unknown\")"]


def test_an_english_model_json_writes_a_csv_for_an_english_spreadsheet(tmp_path: Path) -> None:
    """`python -m scoring_py` with the JSON the site publishes: it carries the engine's English texts."""
    from scoring_py.exchange import export_json
    from tests.scoring.english import practices, published_json

    model = practices()
    model_file = tmp_path / "practices.en.json"
    model_file.write_text(published_json(model), encoding="utf-8")
    second = {**FIRST_ENGLISH, "strategy-goals": 2, "training-basics": 0}
    exports = [tmp_path / "anna.json", tmp_path / "bram.json"]
    for path, answers in zip(exports, (FIRST_ENGLISH, second), strict=True):
        path.write_text(export_json(model, {"aspects": answers}, "2026-03-01"), encoding="utf-8")
    out = tmp_path / "team.csv"

    completed = run_cli("aggregate", *map(str, exports), "--model", str(model_file), "--csv", str(out),
                        module="scoring_py")

    assert completed.returncode == 0, completed.stderr
    assert "  training-basics Basics: 2; 0 / 1.5 / 3; team 0  POINT TO DISCUSS" in completed.stdout.splitlines()
    lines = out.read_bytes().decode("utf-8-sig").split("\r\n")  # Windows line ends, which Excel expects
    assert lines[0] == ("Type,ID,Name,Number of answers,I don't know,Lowest,Median,Highest,Spread,Team answer,"
                        "Point to discuss,Left out of the assessment,Not applicable")
    assert lines[1] == "stream,strategy-goals,Goals,2,0,1,1.5,2,1,1,no,0,0"
