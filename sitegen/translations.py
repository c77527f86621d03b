"""A model in another language: a translation file holds only the model's texts, keyed by the model's own ids.

    model/translations/semm.en.yaml

        model: semm
        version: "2022.1"          # the version of the model it was translated from
        language: en
        words:
          stage: {singular: phase, plural: phases}
        texts:
          e1.core:
            from: 5d41402a         # a short hash of the Dutch text it was made from
            text: What this element is about ...

Each text of the model has a fixed key made of ids (`text_keys`): `name`, `phases.2.summary`, `e1.core`,
`e1a.3` (the description of aspect e1a in stage 3), `ra.description`, `leiderschap.name`, `glossary.PDCA.term`.
A key carries no language and no place in a list, so the translation stays right when texts move. The check
refuses a missing or an unknown key (the closest key as a hint), and warns when the Dutch text changed after it was
translated: the entry's `from` is no longer the hash of the text, as gettext marks such a message "fuzzy".
`python build.py translation <model> <language>` writes a file to start from.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scoring_py.glossary import first_uses
from scoring_py.words import model_language

from .errors import Problems, display_path, read_input
from .i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, ngettext
from .keys import At, Block, Choice, Finding, Identifier, List, Shape, Text, Walk, kind
from .model import english_words
from .yamlfile import parse_yaml

TARGETS = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)
"""The languages a translation may be in: every one but Dutch, the language the models are written in."""
HASH_LENGTH = 8
FOLDER = "translations"  # beside the model files: model/translations/<model>.<language>.yaml


def text_hash(text: str) -> str:
    """The short hash of a Dutch text that a translation entry keeps in `from`."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:HASH_LENGTH]


# --- the keys of a model's texts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelText:
    key: str  # "e1a.3"
    path: tuple[Any, ...]  # where it is in the loaded model: ("elements", 0, "aspects", 0, "phases", 2)
    text: str


def text_keys(model: Mapping[str, Any]) -> dict[str, ModelText]:
    """Every text of a loaded model a translation gives, by its key, in the order of the model."""
    return {found.key: found for found in _texts(model)}


def _texts(model: Mapping[str, Any]) -> Iterator[ModelText]:
    def text(key: str, path: tuple[Any, ...], value: Any) -> Iterator[ModelText]:
        if isinstance(value, str) and value.strip():
            yield ModelText(key, path, value)

    for key in ("name", "short_name", "intro", "ambition_advice", "exclusion_note"):
        yield from text(key, (key,), model.get(key))
    yield from text("source.note", ("source", "note"), model["source"].get("note"))
    for n, phase in enumerate(model["phases"]["items"]):
        yield from _step(f"phases.{phase['id']}", ("phases", "items", n), phase,
                         ("name", "verb", "summary"), ("characteristics", "completed"))
    stage_ids = [phase["id"] for phase in model["phases"]["items"]]
    for n, element in enumerate(model["elements"]):
        yield from _part(element, ("elements", n), stage_ids)
    for n, level in enumerate(model.get("result_levels", {}).get("items", [])):
        yield from _step(f"levels.{level['id']}", ("result_levels", "items", n), level, ("name", "meaning"), ())
    level_ids = [level["id"] for level in model.get("result_levels", {}).get("items", [])]
    for n, area in enumerate(model.get("result_areas", [])):
        for key in ("name", "description"):
            yield from text(f"{area['id']}.{key}", ("result_areas", n, key), area.get(key))
        for m, description in enumerate(area["levels"]):
            yield from text(f"{area['id']}.{level_ids[m]}", ("result_areas", n, "levels", m), description)
    for n, group in enumerate(model.get("groups", [])):
        for key in ("name", "description"):
            yield from text(f"{group['id']}.{key}", ("groups", n, key), group.get(key))
    for n, axis in enumerate(model.get("axes", [])):
        for key in ("name", "low", "high"):
            yield from text(f"axes.{axis['id']}.{key}", ("axes", n, key), axis.get(key))
    for n, entry in enumerate(model.get("glossary", [])):
        for key in ("term", "explanation"):
            yield from text(f"glossary.{entry['term']}.{key}", ("glossary", n, key), entry.get(key))


def _step(key: str, path: tuple[Any, ...], step: Mapping[str, Any], single: tuple[str, ...],
          lists: tuple[str, ...]) -> Iterator[ModelText]:
    """The texts of one step of a scale: its name and such, and each line of its lists (counted from 1)."""
    for name in single:
        if isinstance(step.get(name), str) and step[name].strip():
            yield ModelText(f"{key}.{name}", path + (name,), step[name])
    for name in lists:
        for m, line in enumerate(step.get(name) or []):
            yield ModelText(f"{key}.{name}.{m + 1}", path + (name, m), line)


def _part(element: Mapping[str, Any], path: tuple[Any, ...], stage_ids: list[Any]) -> Iterator[ModelText]:
    """The texts of one element and its aspects; an element with one question keeps the key of its question."""
    for name in ("name", "core", "direction"):
        if isinstance(element.get(name), str) and element[name].strip():
            yield ModelText(f"{element['id']}.{name}", path + (name,), element[name])
    for k, aspect in enumerate(element["aspects"]):
        one_question = aspect["id"] == element["id"]  # complete_model made the element's question its aspect
        name_key = f"{element['id']}.question" if one_question else f"{aspect['id']}.name"
        yield ModelText(name_key, path + ("aspects", k, "name"), aspect["name"])
        for m, description in enumerate(aspect["phases"]):
            yield ModelText(f"{aspect['id']}.{stage_ids[m]}", path + ("aspects", k, "phases", m), description)


# --- the file ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Entries(Shape):
    """A block whose keys are not declared but named by the document (a model's text keys), each of one shape."""

    item: Shape
    what: str  # what one entry is, for messages: N_("de vertaling van '%(key)s'")

    def check(self, value: Any, at: At) -> list[Finding]:
        if isinstance(value, dict) and value:
            return []
        return [(at.path, _("%(label)s moet een blok met teksten zijn, één per sleutel van het model (gevonden "
                            "%(kind)s)") % {"label": at.label, "kind": kind(value)})]

    def parts(self, value: Any, at: At) -> list[tuple[Any, Shape, At]]:
        if not isinstance(value, dict):
            return []
        what = _(self.what)
        return [(item, self.item, At(at.path + (key,), what % {"key": key}, at.owner, at.dotted))
                for key, item in value.items()]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "object", "additionalProperties": self.item.schema(), "minProperties": 1}


ENTRY = Block("De vertaling van één tekst van het model.", keys={
    "from": Text("De korte hash van de Nederlandse tekst waaruit je vertaalde (de opdracht 'translation' zet hem "
                 "erbij); verandert de Nederlandse tekst, dan waarschuwt de bouw.", required=True, quote=True),
    "text": Text("De vertaalde tekst; leeg zolang hij nog niet vertaald is.", required=True, blank=True),
    "forms": List("Alleen bij glossary.<begrip>.term: andere vormen van het vertaalde begrip in de teksten, zoals "
                  "'KPIs' naast 'KPI'.", what=N_("de andere vormen"), item_label=N_("vorm %(n)s van %(owner)s"),
                  item=Text("Eén andere vorm van het begrip.")),
})
TRANSLATED_WORD = Block("Een woord van de scan in deze taal.", qualified=True, keys={
    "singular": Text("Het enkelvoud, zoals 'phase'.", required=True),
    "plural": Text("Het meervoud, zoals 'phases'.", required=True),
    "article": Choice("Alleen in het Nederlands: het lidwoord, 'de' of 'het'.", options=("de", "het")),
})
WORD_KEYS = ("stage", "part", "aspect", "area", "level", "group")
TRANSLATION = Block("De teksten van een model in een andere taal, per sleutel van het model.",
                    label=N_("de vertaling"), keys={
    "model": Identifier("Het id van het model dat deze vertaling vertaalt.", required=True, label=N_("het model-id")),
    "version": Text("De versie van het model waaruit je vertaalde, zoals \"2022.1\".", required=True, quote=True),
    "language": Choice("De taal van de vertaling: en.", required=True,
                       options=TARGETS),
    "words": Block("De woorden die de scan in deze taal gebruikt: 'phase' of 'level', 'element' of 'practice'.",
                   qualified=True, keys={key: TRANSLATED_WORD for key in WORD_KEYS}),
    "texts": Entries("De vertaalde teksten, per sleutel: name, e1.core, e1a.3 ...", required=True, item=ENTRY,
                     what=N_("de vertaling van '%(key)s'")),
})


@dataclass(frozen=True)
class Translation:
    """A checked translation file: its language, its words, and the translated texts by key."""

    model: str
    language: str
    version: str
    words: dict[str, dict[str, str]]
    texts: dict[str, str]
    forms: dict[str, list[str]]  # per glossary term's key (glossary.KPI.term): its other forms in this language


def check_translation(path: Path, model: Mapping[str, Any]) -> tuple[Translation | None, Problems]:
    """Check a translation file against its (loaded, valid) model; the translation if it has no errors."""
    problems = Problems(display_path(path))
    text = read_input(path, problems)
    doc = parse_yaml(text, problems) if text is not None else None
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        problems.error(1, _("verwacht een vertaling met 'model', 'language' en 'texts', gevonden %(kind)s") % {
            "kind": kind(doc.data)})
        return None, problems
    walk = Walk(doc, TRANSLATION)
    _same_model(walk, path, model)
    _every_text(walk, model)
    english_words(walk)
    walk.write(problems)
    problems.items.sort(key=lambda problem: problem.line)
    if problems.errors:
        return None, problems
    data = doc.data
    translation = Translation(data["model"], data["language"], data["version"], data.get("words", {}),
                              {key: entry["text"].strip() for key, entry in data["texts"].items()},
                              {key: entry["forms"] for key, entry in data["texts"].items() if entry.get("forms")})
    for key in unused_terms(model, translated(model, translation)):
        problems.warn(doc.lines.get(("texts", key), 1), _("het vertaalde begrip van '%(key)s' staat in geen enkele "
                                                          "vertaalde tekst, dus de scan legt het nergens uit; kijk de "
                                                          "schrijfwijze na of geef andere vormen bij 'forms'") % {
            "key": key})
    return translation, problems


def unused_terms(model: Mapping[str, Any], translation: Mapping[str, Any]) -> list[str]:
    """The keys (glossary.kpi.term, by the Dutch term) of the terms no text of the translated model uses."""
    texts = [found.text for key, found in text_keys(translation).items() if not key.startswith("glossary.")]
    used = {place["entry"] for text in texts for place in first_uses(text, translation)}
    return [f"glossary.{entry['term']}.term" for n, entry in enumerate(model.get("glossary", [])) if n not in used]


def _same_model(walk: Walk, path: Path, model: Mapping[str, Any]) -> None:
    """The file names its model as the model does, is named after it, and was made from this version."""
    data = walk.data
    if data.get("model") != model["id"]:
        walk.error(("model",), _("'model' is '%(found)s', maar deze vertaling hoort bij het model '%(model)s' (de "
                                 "naam van het bestand begint met het model-id)") % {
            "found": data.get("model"), "model": model["id"]})
    if data.get("language") == model_language(model):
        walk.error(("language",), _("het model zelf is al in deze taal ('%(language)s'); een vertaling is in een "
                                    "andere taal dan het model") % {"language": model_language(model)})
    expected = f"{model['id']}.{data.get('language')}.yaml"
    if isinstance(data.get("language"), str) and path.name != expected:
        walk.error(("language",), _("het bestand heet %(name)s; noem het %(expected)s: het model-id en de taal") % {
            "name": path.name, "expected": expected})
    if isinstance(data.get("version"), str) and data["version"] != model["version"]:
        walk.warn(("version",), _("vertaald uit versie %(from)s van het model, maar het model is nu versie "
                                  "%(now)s; kijk de vertaling na en zet 'version' op \"%(now)s\"") % {
            "from": data["version"], "now": model["version"]})


def _every_text(walk: Walk, model: Mapping[str, Any]) -> None:
    """Every text of the model translated once, no key the model lacks, and none from an older Dutch text."""
    texts = walk.data.get("texts")
    if not isinstance(texts, dict):
        return
    expected = text_keys(model)
    missing = [key for key in expected if key not in texts]
    empty = [key for key, entry in texts.items() if key in expected and isinstance(entry, dict)
             and isinstance(entry.get("text"), str) and not entry["text"].strip()]
    if empty:
        walk.error(("texts", empty[0]), ngettext("1 tekst is nog niet vertaald ('text' is leeg): %(keys)s",
                                                 "%(n)s teksten zijn nog niet vertaald ('text' is leeg): %(keys)s",
                                                 len(empty)) % {"n": len(empty), "keys": _some(empty)})
    if missing:
        walk.error(("texts",), ngettext("1 tekst van het model ontbreekt in de vertaling: %(keys)s; zet ze onder "
                                        "'texts', met 'from' en 'text'",
                                        "%(n)s teksten van het model ontbreken in de vertaling: %(keys)s; zet ze onder "
                                        "'texts', met 'from' en 'text'", len(missing)) % {
            "n": len(missing), "keys": _some(missing)})
    for key, entry in texts.items():
        if isinstance(entry, dict) and "forms" in entry and not (str(key).startswith("glossary.")
                                                                  and str(key).endswith(".term")):
            walk.error(("texts", key, "forms"), _("'forms' hoort alleen bij een begrip (glossary.<begrip>.term), niet "
                                                  "bij '%(key)s'") % {"key": key})
        if key not in expected:
            close = difflib.get_close_matches(str(key), missing, n=1) or \
                difflib.get_close_matches(str(key), list(expected), n=1)  # a key not translated yet first
            walk.error(("texts", key), (_("het model heeft geen tekst '%(key)s'; bedoel je '%(close)s'?") if close
                                        else _("het model heeft geen tekst '%(key)s'; haal hem weg")) % {
                "key": key, "close": close[0] if close else ""})
        elif isinstance(entry, dict) and isinstance(entry.get("from"), str):
            now = text_hash(expected[key].text)
            if entry["from"] != now:
                walk.warn(("texts", key, "from"), _("de Nederlandse tekst van '%(key)s' is veranderd nadat hij "
                                                    "vertaald is; vertaal hem opnieuw en zet 'from' op "
                                                    "\"%(hash)s\"") % {"key": key, "hash": now})


def _some(keys: list[str]) -> str:
    """The first five keys, and how many more."""
    if len(keys) <= 5:
        return ", ".join(keys)
    return _("%(keys)s en nog %(more)s") % {"keys": ", ".join(keys[:5]), "more": len(keys) - 5}


# --- applying and starting one -----------------------------------------------------------------------------------


def translated(model: Mapping[str, Any], translation: Translation) -> dict[str, Any]:
    """The model with every text in the translation's language (its ids, numbers and rule unchanged)."""
    result = copy.deepcopy(dict(model))
    for key, found in text_keys(model).items():
        *within, last = found.path
        place: Any = result
        for step in within:
            place = place[step]
        place[last] = translation.texts[key]
    for entry, original in zip(result.get("glossary", []), model.get("glossary", []), strict=True):
        # The Dutch term's other spellings do not hold in another language; the translation may give its own.
        entry.pop("forms", None)
        entry.update({"forms": forms} if (forms := translation.forms.get(f"glossary.{original['term']}.term")) else {})
    result["language"] = translation.language
    result["words"] = {**result.get("words", {}), **translation.words}
    return result


def translation_path(model_file: Path, model_id: str, language: str) -> Path:
    return model_file.parent / FOLDER / f"{model_id}.{language}.yaml"


def check_translations(models: Sequence[Mapping[str, Any]], model_files: list[Path],
                       whole_folder: bool) -> tuple[list[Translation], list[Problems]]:
    """Every translation file beside the models built (model/translations/*.yaml) checked: the translations without
    errors, and the problems of each file. Building the whole folder, a file for a model that is not there is
    refused; previewing some models, only theirs are checked."""
    by_id = {model["id"]: model for model in models}
    translations: list[Translation] = []
    found: list[Problems] = []
    for path in sorted({file for model_file in model_files for file in (model_file.parent / FOLDER).glob("*.yaml")}):
        model_id = path.name.split(".")[0]
        if model_id in by_id:
            translation, problems = check_translation(path, by_id[model_id])
            found.append(problems)
            translations += [translation] if translation else []
        elif whole_folder:
            problems = Problems(display_path(path))
            problems.error(1, _("er is geen model '%(model)s' voor deze vertaling (modellen: %(models)s); noem het "
                                "bestand <model-id>.<taal>.yaml") % {"model": model_id,
                                                                     "models": ", ".join(sorted(by_id))})
            found.append(problems)
    return translations, found


def starting_file(model: Mapping[str, Any], language: str) -> str:
    """A translation file to start from: every key with the hash of its Dutch text and that text as a comment above
    it; each `text` is empty, and the build says how many are still to translate until none is."""
    about = _("# De teksten van het model '%(model)s' in een andere taal (%(language)s). Schrijf bij elke 'text' "
              "de\n# vertaling; het commentaar erboven is de Nederlandse tekst. Laat 'from' staan: zo ziet de bouw "
              "wanneer\n# de Nederlandse tekst later verandert.") % {"model": model["id"], "language": language}
    lines = ["# yaml-language-server: $schema=../../schema/translation.schema.json", *about.splitlines(),
             f"model: {model['id']}", f"version: \"{model['version']}\"", f"language: {language}", "texts:"]
    for key, found in text_keys(model).items():
        dutch = " ".join(found.text.split())
        lines += [f"  # {dutch}", f"  {key}:", f"    from: \"{text_hash(found.text)}\"",
                  "    text: \"\""]
    return "\n".join(lines) + "\n"
