"""scoring_py/exchange.py: the export file, CSV for Excel and the share link; every bad input has its own message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py import InputError, decode_share, encode_share, export_json, parse_export, to_csv
from scoring_py.model import Model

ROOT = Path(__file__).resolve().parents[2]
MODEL: Model = json.loads((ROOT / "tests" / "fixtures" / "engine" / "model.json").read_text(encoding="utf-8"))

SHOT = {"id": "s0nul", "name": "Nulmeting", "taken": "2024-12-01T10:00:00.000Z", "model": "semm",
        "model_version": "2022.1", "aspects": {"e1a": 2}, "results": {}, "notes": {},
        "ambition": {"elements": {}, "results": {}}}
RECORD = {
    "id": "s1", "schema": 1, "step": "e2", "model": "semm", "model_version": "2022.1",
    "name": "Team Zuid", "created": "2025-02-01T09:00:00.000Z", "updated": "2025-02-02T09:00:00.000Z",
    "respondent": {"name": "Dirk", "role": "manager", "unit": "Zuid"},
    "aspects": {"e1a": 3, "e1b": "unknown", "e2a": 5}, "results": {"ra": 2},
    "notes": {"e1": "Besproken; \"goed\"", "e2": "=1+1"},
    "ambition": {"elements": {"e1": 4, "e2": 5}, "results": {"ra": 3}},
    "snapshots": [SHOT],
}
EXPORTED = "2025-03-01T10:00:00.000Z"


def exported(**changes: Any) -> str:
    data = json.loads(export_json(MODEL, RECORD, EXPORTED))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_export(text, MODEL)
    return caught.value.problems


def test_export_then_parse_gives_back_the_same_scan() -> None:
    parsed = parse_export(export_json(MODEL, RECORD, EXPORTED), MODEL)

    assert parsed == {
        "name": "Team Zuid", "created": "2025-02-01T09:00:00.000Z", "updated": "2025-02-02T09:00:00.000Z",
        "exported": EXPORTED, "model": "semm", "model_version": "2022.1",
        "respondent": {"name": "Dirk", "role": "manager", "unit": "Zuid"},
        "aspects": RECORD["aspects"], "results": RECORD["results"], "notes": RECORD["notes"], "excluded": {},
        "not_applicable": {}, "ambition": RECORD["ambition"], "snapshots": RECORD["snapshots"], "actions": [],
    }


def test_export_file_is_versioned_and_leaves_out_browser_details() -> None:
    data = json.loads(export_json(MODEL, RECORD, EXPORTED))

    assert list(data) == ["format", "format_version", "model", "model_version", "exported", "scan", "respondent",
                          "aspects", "results", "notes", "excluded", "not_applicable", "ambition", "snapshots",
                          "actions"]
    assert (data["format"], data["format_version"], data["model"]) == ("servicescan", 3, "semm")
    assert "step" not in data and "id" not in data and "team" not in data


ACTIONS = [{"id": "a1", "item": "e2a", "text": "Schrijf de klantvisie op", "owner": "Anna", "due": "2025-06-30",
            "status": "in_progress", "note": "=eerst MT"},
           {"id": "a2", "item": "ra", "text": "Meet de klanttevredenheid", "status": "open"}]
TEAM = {"respondents": 5, "date": "2025-03-01", "notes": {"e1a": "Twee stappen verschil: uitgelegd", "ra": "Eens"}}


def test_the_file_carries_the_actions_and_the_team() -> None:
    text = export_json(MODEL, {**RECORD, "actions": ACTIONS, "team": TEAM}, EXPORTED)
    data = json.loads(text)

    assert list(data)[-2:] == ["actions", "team"] and data["format_version"] == 3
    parsed = parse_export(text, MODEL)
    assert (parsed["actions"], parsed["team"]) == (ACTIONS, TEAM)


def test_a_version_1_file_is_still_read() -> None:
    data = json.loads(export_json(MODEL, RECORD, EXPORTED))
    data["format_version"] = 1
    del data["actions"]

    parsed = parse_export(json.dumps(data), MODEL)
    assert (parsed["name"], parsed["aspects"], parsed["actions"]) == ("Team Zuid", RECORD["aspects"], [])
    assert "team" not in parsed


def test_bad_actions_and_team_data_are_named_and_nothing_is_read() -> None:
    text = exported(actions=[{**ACTIONS[0], "due": "2025-02-30"}, {**ACTIONS[1], "id": "a1", "item": "e9z"},
                             {"id": "a3", "item": "e1a", "text": "x" * 2001, "status": "bezig", "owner": "y" * 201},
                             {"id": "a4", "item": "e1a", "status": "open", "extra": 1}],
                    team={"respondents": 0, "date": "1 maart", "notes": {"e1": "Per element kan niet"}, "leider": "A"})

    assert problems(text) == [
        "actie 1: de datum ('due') is geen bestaande datum zoals 2025-06-30 (gevonden: \"2025-02-30\")",
        "actie 2: het id 'a1' staat al bij een eerdere actie",
        "actie 2: de stap ('item') moet het id van een aspect of resultaatgebied zijn, gevonden: \"e9z\"",
        "actie 3: de omschrijving ('text') is te lang (2001 tekens, hooguit 2000)",
        "actie 3: de eigenaar ('owner') is te lang (201 tekens, hooguit 200)",
        "actie 3: de status ('status') moet \"open\", \"in_progress\" of \"done\" zijn, gevonden: \"bezig\"",
        "actie 4: onbekend veld 'extra' (wel: id, item, text, owner, due, status, note)",
        "actie 4: de omschrijving ('text') ontbreekt",
        "teamgegevens: onbekend veld 'leider' (wel: respondents, date, notes)",
        "teamgegevens: 'respondents' moet een geheel getal van 1 t/m 10000 zijn, gevonden: 0",
        "teamgegevens: 'date' is geen bestaande datum zoals 2025-06-30 (gevonden: \"1 maart\")",
        "teamgegevens: notitie bij onbekend aspect of resultaatgebied 'e1'",
    ]


def test_csv_lists_the_team_session_and_the_actions_under_the_answers() -> None:
    lines = to_csv(MODEL, {**RECORD, "actions": ACTIONS, "team": TEAM}).split("\r\n")

    aspect, area = MODEL["elements"][1]["aspects"][0], MODEL["result_areas"][0]
    assert lines[9:15] == [  # the outcome under the answers: the value the model's rule gives, per part and in all
        "", "Uitkomst;Id;Naam;Fase (waarde);Naam van de fase", "element;e1;1. Klantbeleving;3;Visie & designfase",
        "element;e2;2. Leiderschap;5;Cultuurfase", "element;e3;3. Medewerkers;;", "Totaal;;SEMM;3;Visie & designfase"]
    assert lines[15:] == [
        "", "Teamsessie;Aantal respondenten;Datum", ";5;2025-03-01",
        "", "Notitie van het team;Id;Naam;Notitie",
        f";e1a;1a. {MODEL['elements'][0]['aspects'][0]['name']};Twee stappen verschil: uitgelegd",
        f";ra;a. {area['name']};Eens",
        "", "Actie;Id;Bij;Omschrijving;Eigenaar;Klaar op;Status;Notitie",
        f"1;e2a;2a. {aspect['name']};Schrijf de klantvisie op;Anna;2025-06-30;bezig;'=eerst MT",
        f"2;ra;a. {area['name']};Meet de klanttevredenheid;;;open;",
        "",
    ]


def test_byte_order_mark_is_accepted() -> None:
    assert parse_export("\ufeff" + exported(), MODEL)["name"] == "Team Zuid"


@pytest.mark.parametrize(("text", "expected"), [
    ("Naam;Fase\nA;3", ["het bestand is geen JSON (regel 1): kies het .json-bestand dat de scan heeft gemaakt"]),
    ("", ["het bestand is geen JSON (regel 1): kies het .json-bestand dat de scan heeft gemaakt"]),
    ('{"model": "semm", "aspects": {}}',
     ['dit is geen exportbestand van de scan: het veld "format" met de waarde "servicescan" ontbreekt']),
    ("[1, 2]", ['dit is geen exportbestand van de scan: het veld "format" met de waarde "servicescan" ontbreekt']),
])
def test_not_an_export_file(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_newer_format_version() -> None:
    assert problems(exported(format_version=4)) == [
        "dit bestand heeft formaatversie 4 en komt uit een nieuwere versie van de scan; deze site kan versie 1 t/m 3 "
        "lezen"]


def test_format_version_must_be_a_number() -> None:
    assert problems(exported(format_version="1")) == [
        '"format_version" moet een geheel getal vanaf 1 zijn, gevonden: "1"']


def test_wrong_model() -> None:
    assert problems(exported(model="topdesk-esm")) == [
        "dit bestand hoort bij model 'topdesk-esm', niet bij 'semm' (SEMM)"]


def test_unknown_ids_and_values_out_of_range_are_all_listed() -> None:
    text = exported(aspects={"e1z": 3, "e1a": 7, "e1b": True}, results={"ra": -1}, notes={"e99": "x"})

    assert problems(text) == [
        "onbekend aspect 'e1z'",
        "aspect 'e1a': fase 7 bestaat niet (kies 1 t/m 6 of \"unknown\")",
        "aspect 'e1b': true is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
        "resultaatgebied 'ra': niveau -1 bestaat niet (kies 0 t/m 4 of \"unknown\")",
        "notitie bij onbekend element 'e99'",
    ]


def test_wrong_types() -> None:
    text = exported(scan=[], respondent={"name": 5, "email": "a@b.nl"}, snapshots={}, ambition="hoog", extra=1)

    assert problems(text) == [
        "onbekend veld 'extra' in het bestand",
        "'scan' moet een object zijn, gevonden: een lijst",
        "'respondent.name' moet tekst zijn, gevonden: 5",
        "onbekend veld 'respondent.email' (wel: name, role, unit)",
        "de ambitie moet een object zijn, gevonden: \"hoog\"",
        "'snapshots' moet een lijst zijn, gevonden: een object",
    ]


def test_ambition_and_measurements_are_checked_like_the_answers() -> None:
    """Files the import used to accept and the browser's storage then quarantined, or a page choked on."""
    shot = SHOT
    text = exported(ambition={"elements": {"e1": "4", "e9": 4}, "results": {"ra": 9}, "doel": 1},
                    snapshots=[{**shot, "name": 7}, {**shot, "id": "s0nul"}, {**shot, "id": "s2", "taken": "gisteren"},
                               "meting", {"id": "s3", "name": "Zonder datum"}])

    assert problems(text) == [
        "onbekende sleutel 'doel' in de ambitie (toegestaan: elements, results)",
        "ambitie voor element 'e1': \"4\" is geen fasenummer (kies 1 t/m 6)",
        "ambitie voor onbekend element 'e9'",
        "ambitie voor resultaatgebied 'ra': niveau 9 bestaat niet (kies 0 t/m 4)",
        "meting 1: 'name' moet tekst zijn, gevonden: 7",
        "meting 2: het id 's0nul' staat al bij een eerdere meting",
        "meting 3: 'taken' is geen datum zoals 2025-03-01T10:00:00Z (gevonden: \"gisteren\")",
        "meting 4: moet een object zijn, gevonden: \"meting\"",
        "meting 5: het veld 'taken' ontbreekt",
    ]


def test_too_large() -> None:
    assert problems(" " * 2_000_001) == [
        "het bestand is te groot (2.000.001 tekens; een export is hooguit 2.000.000 tekens)"]


def test_csv_for_dutch_excel() -> None:
    lines = to_csv(MODEL, RECORD).split("\r\n")

    assert lines[0] == ("Soort;Element;Id;Naam;Antwoord;Naam van de fase of het niveau;Beschrijving;"
                        "Notitie bij het element;Buiten de beoordeling")
    first_aspect = MODEL["elements"][0]["aspects"][0]
    assert lines[1] == (f"aspect;1. {MODEL['elements'][0]['name']};e1a;{first_aspect['name']};fase 3;"
                        f"{MODEL['phases']['items'][2]['name']};{first_aspect['phases'][2]};"
                        '"Besproken; ""goed""";')
    assert lines[2].split(";")[4:7] == ["weet ik niet", "", ""]
    assert lines[3].endswith(";'=1+1;")  # a note is never run as a formula
    area = MODEL["result_areas"][0]
    assert lines[7] == (f"resultaatgebied;;ra;a. {area['name']};niveau 2;{MODEL['result_levels']['items'][2]['name']};"
                        f"{area['levels'][2]};;")
    assert len(lines) == 1 + 6 + 2 + 6 + 1 and lines[-1] == ""  # header, aspects, areas, outcome, end


def test_share_link_round_trip() -> None:
    code = encode_share(MODEL, RECORD)

    assert code == "3.semm.2_4---.2-.---"  # phase 3 is the 3rd place (2), level 2 the 3rd (2); no part left out
    assert decode_share(f"https://example.org/semm/resultaat.html#deel={code}", MODEL) == {
        "model": "semm", "aspects": {"e1a": 3, "e1b": "unknown", "e2a": 5}, "results": {"ra": 2}, "excluded": {}}


def test_a_share_link_of_the_first_version_still_opens() -> None:
    """Links made before parts could be left out have four parts and no scope; they read as before."""
    assert decode_share("#deel=1.semm.2_4---.2-", MODEL) == {
        "model": "semm", "aspects": {"e1a": 3, "e1b": "unknown", "e2a": 5}, "results": {"ra": 2}}


def test_parts_left_out_travel_in_the_file_the_csv_and_the_link_without_their_reasons() -> None:
    record = {**RECORD, "excluded": {"e2": "Valt buiten ons team", "e3": ""}}

    assert parse_export(export_json(MODEL, record, EXPORTED), MODEL)["excluded"] == record["excluded"]
    lines = to_csv(MODEL, record).split("\r\n")
    assert [line.rsplit(";", 1)[1] for line in lines[1:7]] == ["", "", "ja: Valt buiten ons team",
                                                              "ja: Valt buiten ons team", "ja", "ja"]
    code = encode_share(MODEL, record)
    assert code == "3.semm.2_4---.2-.-xx"
    assert decode_share("2.semm.2_4---.2-.-xx", MODEL)["excluded"] == {"e2": "", "e3": ""}  # a link of version 2
    assert decode_share(code, MODEL)["excluded"] == {"e2": "", "e3": ""}


def test_a_model_that_does_not_allow_it_refuses_parts_left_out() -> None:
    strict = {key: value for key, value in MODEL.items() if key != "allow_exclusion"}
    with pytest.raises(InputError) as caught:
        parse_export(exported(excluded={"e1": ""}), strict)  # type: ignore[arg-type]
    assert caught.value.problems == ["dit model laat niet toe dat je het element 'e1' buiten de beoordeling laat"]


def test_a_file_of_the_first_format_version_still_reads() -> None:
    data = json.loads(exported())
    del data["excluded"]
    assert parse_export(json.dumps({**data, "format_version": 1}), MODEL)["aspects"] == RECORD["aspects"]


@pytest.mark.parametrize(("fragment", "expected"), [
    ("#deel=1.semm.2_4.1-", ["deze link heeft 3 antwoorden voor de aspecten, verwacht 6: hij is misschien niet "
                             "helemaal gekopieerd"]),
    ("#deel=1.semm.2_4--z.1-", ["'e3b': het teken 'z' in de link is geen antwoord"]),
    ("#deel=2.semm.2_4---.1-.-y", ["deze link zegt niet goed welke elementen buiten de beoordeling vallen: hij is "
                                   "misschien niet helemaal gekopieerd"]),
    ("#deel=2.semm.2_4---.1-", ["deze link is geen deellink van de scan, of hij is niet helemaal gekopieerd"]),
    ("#deel=1.ander.2_4---.1-", ["deze link hoort bij model 'ander', niet bij 'semm' (SEMM)"]),
    ("https://example.org/", ["deze link is geen deellink van de scan, of hij is niet helemaal gekopieerd"]),
])
def test_broken_share_links(fragment: str, expected: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        decode_share(fragment, MODEL)
    assert caught.value.problems == expected


def test_not_applicable_travels_in_the_file_and_the_link_and_version_2_files_still_read() -> None:
    model: Model = {**MODEL, "allow_not_applicable": True}
    record = {**RECORD, "not_applicable": {"e1b": "Geen klantcontact"}}

    assert parse_export(export_json(model, record, EXPORTED), model)["not_applicable"] == {"e1b": "Geen klantcontact"}
    code = encode_share(model, record)
    assert code == "3.semm.2~4---.2-.---"  # the mark travels, never the reason
    assert decode_share(code, model)["not_applicable"] == {"e1b": ""}
    older = json.loads(export_json(model, RECORD, EXPORTED))
    older["format_version"] = 2
    del older["not_applicable"]
    assert parse_export(json.dumps(older), model)["not_applicable"] == {}
    lines = to_csv(model, record).split("\r\n")
    assert lines[0].endswith(";Buiten de beoordeling;Niet van toepassing")
    assert lines[2].endswith(";ja: Geen klantcontact")


def test_a_model_that_does_not_allow_it_refuses_not_applicable_in_a_file_and_a_link() -> None:
    assert problems(exported(not_applicable={"e1a": ""})) == [
        "dit model laat niet toe dat je het aspect 'e1a' 'niet van toepassing' noemt"]
    with pytest.raises(InputError) as caught:
        decode_share("3.semm.~-----.--.---", MODEL)
    assert caught.value.problems == ["dit model laat niet toe dat je het aspect 'e1a' 'niet van toepassing' noemt"]
