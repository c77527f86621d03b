"""Load a maturity model from YAML and check it completely; the result is plain data for scoring and pages."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, cast

from scoring_py.model import Model
from scoring_py.record import choices_text
from scoring_py.words import ARTICLES, BASE_FORMS, LABELS, WORDS, complete_words, resolve_word

from .errors import BuildError, Problems, display_path
from .yamlfile import Located, parse_yaml

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
LONG_TEXT = 700  # characters; longer descriptions are hard to compare on a phone

TOP_KEYS = {"id": True, "version": True, "name": True, "short_name": True, "intro": True, "source": True,
            "phases": True, "elements": True, "result_levels": False, "result_areas": False, "axes": False,
            "words": False, "ambition_advice": False, "allow_exclusion": False}
SOURCE_KEYS = {"title": True, "authors": True, "publisher": True, "year": True, "note": True, "url": False}
SCALE_KEYS = {"label": False, "items": True}  # label: the older place of a word's singular, see `words`
WORDS_KEYS = {key: False for key in WORDS}
WORD_KEYS = {key: False for key in BASE_FORMS}
PHASE_KEYS = {"id": True, "name": True, "verb": True, "summary": True, "characteristics": True, "completed": False,
              "position": False}
AXIS_KEYS = {"id": True, "name": True, "low": True, "high": True}
LEVEL_KEYS = {"id": True, "name": True, "meaning": True}
ELEMENT_KEYS = {"id": True, "name": True, "core": True, "direction": True, "aspects": True}
ASPECT_KEYS = {"id": True, "name": True, "phases": True, "added": False}
AREA_KEYS = {"id": True, "letter": True, "name": True, "description": True, "levels": True}


def load_model(path: Path) -> Model:
    """Read and validate one model file; raise BuildError with every problem, or return the model.

    Validated, it has the shape scoring_py reads (scoring_py.model.Model), plus what only the pages use.
    """
    model, problems = check_model_file(path)
    if problems.errors:
        raise BuildError(problems.items)
    return cast(Model, model)


def check_model_file(path: Path) -> tuple[dict[str, Any], Problems]:
    """Validate a model file and return the model with all problems (errors and warnings) found."""
    problems = Problems(display_path(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(1, "het modelbestand bestaat niet")
        return {}, problems
    except UnicodeDecodeError as exc:
        problems.error(1, f"het bestand is geen UTF-8-tekst (byte {exc.start}); sla het op als UTF-8")
        return {}, problems
    except OSError as exc:  # e.g. --model pointing at a folder
        problems.error(1, f"het modelbestand is niet te lezen ({exc.strerror})")
        return {}, problems
    doc = parse_yaml(text, problems)
    if doc is None:
        return {}, problems
    _Checker(doc, problems).check()
    problems.items.sort(key=lambda p: p.line)
    model = doc.data if isinstance(doc.data, dict) else {}
    if not problems.errors:
        # Every word complete, so pages, reports and the browser's engine all read the same words.
        model["words"] = complete_words(model)
    return model, problems


class _Checker:
    """Walks the model once and records every mistake with its line."""

    def __init__(self, doc: Located, problems: Problems):
        self.doc = doc
        self.problems = problems
        self.seen_ids: dict[str, tuple] = {}
        self.phase_ids: list[int] = []  # the ids of `phases`, for an aspect's `added`

    def error(self, path: tuple, message: str) -> None:
        self.problems.error(self.doc.line(path), message)

    def check(self) -> None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.error((), f"verwacht een model met sleutels als 'id' en 'elements', gevonden {_kind(data)}")
            return
        self.keys(data, (), TOP_KEYS, "het model")
        if "id" in data:
            self.identifier(data["id"], ("id",), "het model-id")
        if "version" in data and not isinstance(data["version"], str):
            self.error(("version",), f"'version' moet tekst zijn, zet de waarde tussen aanhalingstekens "
                                     f"(gevonden {_kind(data['version'])} {data['version']!r})")
        for key in ("name", "short_name", "intro", "ambition_advice"):
            self.text(data, key, ())
        if "allow_exclusion" in data and not isinstance(data["allow_exclusion"], bool):
            self.error(("allow_exclusion",), f"'allow_exclusion' moet true of false zijn (gevonden "
                                             f"{_kind(data['allow_exclusion'])} {data['allow_exclusion']!r})")
        source = self.mapping(data, "source", (), SOURCE_KEYS, "'source'")
        if source is not None:
            for key in ("title", "authors", "publisher", "note", "url"):
                self.text(source, key, ("source",))
            if "year" in source and (not isinstance(source["year"], int) or isinstance(source["year"], bool)):
                self.error(("source", "year"), f"'year' moet een jaartal zijn (gevonden {source['year']!r})")
        phase_count = self.scale(data, "phases", PHASE_KEYS)
        self.elements(data, phase_count)
        has_levels, has_areas = "result_levels" in data, "result_areas" in data
        if has_levels != has_areas:
            missing, present = ("result_areas", "result_levels") if has_levels else ("result_levels", "result_areas")
            self.error((present,), f"'{present}' staat er wel, maar '{missing}' ontbreekt; geef ze allebei of geen "
                                   "van beide")
        if has_levels:
            self.result_areas(data, self.scale(data, "result_levels", LEVEL_KEYS))
        self.axes(data)
        self.words(data)

    def words(self, data: dict) -> None:
        """The words the scan uses (optional, each one and each form): text, an article that is 'de' or 'het',
        the same singular as an older 'label', and a warning where a form has to be guessed."""
        words = self.mapping(data, "words", (), WORDS_KEYS, "'words'")
        for key in WORDS:
            path = ("words", key)
            word = self.mapping(words, key, ("words",), WORD_KEYS, f"'words.{key}'") if words else None
            for form in ("singular", "plural"):
                if word and form in word:
                    self.check_text(word[form], path + (form,), f"'words.{key}.{form}'")
                    if isinstance(word[form], str) and word[form][:1].isupper():
                        self.error(path + (form,), f"'words.{key}.{form}' begint met een hoofdletter (gevonden "
                                                   f"{word[form]!r}); schrijf het woord zoals het midden in een zin "
                                                   "staat, de scan maakt zelf een hoofdletter aan het begin van een "
                                                   "zin")
            if word and "article" in word and word["article"] not in ARTICLES:
                self.error(path + ("article",), f"'words.{key}.article' moet 'de' of 'het' zijn (gevonden "
                                                f"{word['article']!r})")
            scale = LABELS.get(key)
            label = data[scale].get("label") if scale and isinstance(data.get(scale), dict) else None
            if word and isinstance(label, str) and isinstance(word.get("singular"), str) \
                    and label.strip() != word["singular"].strip():
                self.error((scale, "label"), f"'{scale}.label' is {label!r}, maar 'words.{key}.singular' is "
                                             f"{word['singular']!r}; die moeten gelijk zijn (laat 'label' weg, "
                                             "'words' is genoeg)")
            resolved, guessed = resolve_word(data, key)
            if guessed and (word or label is not None):
                where = path if word else (scale, "label")
                self.problems.warn(self.doc.line(where), f"het meervoud of lidwoord van {resolved['singular']!r} is "
                                                         f"geraden ({resolved['article']} {resolved['singular']}, "
                                                         f"{resolved['plural']}); geef "
                                                         f"{' en '.join(repr(f) for f in guessed)} in 'words.{key}'")

    def axes(self, data: dict) -> None:
        """Two axes on which every phase has a place, for the chart of a model's stages (optional)."""
        phases = data.get("phases", {}).get("items", []) if isinstance(data.get("phases"), dict) else []
        phases = [p for p in phases if isinstance(p, dict)] if isinstance(phases, list) else []
        if "axes" not in data:
            for i, phase in enumerate(phases):
                if "position" in phase:
                    self.error(("phases", "items", i, "position"),
                               "'position' heeft alleen zin als het model 'axes' heeft")
            return
        axes = data["axes"]
        if not isinstance(axes, list) or len(axes) != 2:
            self.error(("axes",), f"'axes' moet een lijst van precies 2 assen zijn: eerst de horizontale, dan de "
                                  f"verticale (gevonden {_kind(axes)})")
            return
        axis_ids = []
        for i, axis in enumerate(axes):
            path = ("axes", i)
            if not self.is_mapping(axis, path, f"as {i + 1}"):
                return
            self.keys(axis, path, AXIS_KEYS, f"as {i + 1}")
            if "id" in axis and self.identifier(axis["id"], path + ("id",), "het id van een as"):
                axis_ids.append(axis["id"])
            for key in ("name", "low", "high"):
                self.text(axis, key, path)
        for i, phase in enumerate(phases):
            phase_path = ("phases", "items", i)
            position = phase.get("position")
            if not isinstance(position, dict):
                self.error(phase_path, f"stap {i + 1} van 'phases' mist 'position' met een getal per as "
                                       f"({', '.join(axis_ids)}), omdat het model 'axes' heeft")
                continue
            for axis_id in axis_ids:
                value = position.get(axis_id)
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    self.error(phase_path + ("position",), f"'position' van stap {i + 1} mist een getal voor as "
                                                           f"'{axis_id}' (gevonden {value!r})")
            for key in position:
                if key not in axis_ids:
                    self.error(phase_path + ("position", key), f"'position' noemt een onbekende as '{key}' "
                                                               f"(assen: {', '.join(axis_ids)})")

    # --- sections -----------------------------------------------------------------------------------------

    def scale(self, data: dict, key: str, item_keys: dict) -> int:
        """Check a scale (phases or result levels) and return how many steps it has."""
        scale = self.mapping(data, key, (), SCALE_KEYS, f"'{key}'")
        if scale is None:
            return 0
        self.text(scale, "label", (key,))
        items = self.sequence(scale, "items", (key,), "de stappen van de schaal")
        ids: list[int] = []
        for i, item in enumerate(items):
            path = (key, "items", i)
            if not self.is_mapping(item, path, f"stap {i + 1} van '{key}'"):
                continue
            self.keys(item, path, item_keys, f"stap {i + 1} van '{key}'")
            value = item.get("id")
            if "id" in item:
                if not isinstance(value, int) or isinstance(value, bool):
                    self.error(path + ("id",), f"het id van een stap moet een geheel getal zijn (gevonden {value!r})")
                elif ids and value <= ids[-1]:
                    self.error(path + ("id",), f"de ids moeten oplopen: {value} komt na {ids[-1]}")
                else:
                    ids.append(value)
            for text_key in ("name", "verb", "summary", "meaning"):
                if text_key in item_keys:
                    self.text(item, text_key, path)
            for list_key in ("characteristics", "completed"):
                if list_key in item_keys:
                    self.text_list(item, list_key, path)
        if key == "phases":
            self.phase_ids = ids
        return len(items)

    def elements(self, data: dict, phase_count: int) -> None:
        for i, element in enumerate(self.sequence(data, "elements", (), "de elementen")):
            path = ("elements", i)
            if not self.is_mapping(element, path, f"element {i + 1}"):
                continue
            self.keys(element, path, ELEMENT_KEYS, f"element {i + 1}")
            element_id = self.unique_id(element, path)
            for key in ("name", "core", "direction"):
                self.text(element, key, path)
            for j, aspect in enumerate(self.sequence(element, "aspects", path, "de aspecten")):
                aspect_path = path + ("aspects", j)
                label = f"aspect {j + 1} van element '{element_id}'"
                if not self.is_mapping(aspect, aspect_path, label):
                    continue
                self.keys(aspect, aspect_path, ASPECT_KEYS, label)
                aspect_id = self.unique_id(aspect, aspect_path)
                self.text(aspect, "name", aspect_path)
                self.described_steps(aspect, "phases", aspect_path, f"aspect '{aspect_id}'", phase_count,
                                     "fasebeschrijvingen", "fase")
                self.added(aspect, aspect_path, aspect_id)

    def added(self, aspect: dict, path: tuple, aspect_id: str) -> None:
        """`added`: the phases whose description the publisher wrote (the source has none); each a phase id, once."""
        if "added" not in aspect:
            return
        value = aspect["added"]
        label = f"'added' van aspect '{aspect_id}'"
        if not isinstance(value, list) or not value:
            self.error(path + ("added",), f"{label} moet een lijst met fasenummers zijn, bijvoorbeeld [2, 3] "
                                          f"(gevonden {_kind(value)})")
            return
        seen: set[int] = set()
        for n, phase in enumerate(value):
            where = path + ("added", n)
            if not isinstance(phase, int) or isinstance(phase, bool):
                self.error(where, f"{label}: {phase!r} is geen fasenummer (gevonden {_kind(phase)})")
            elif self.phase_ids and phase not in self.phase_ids:
                self.error(where, f"{label} noemt fase {phase}, maar die bestaat niet (fasen: "
                                  f"{choices_text(self.phase_ids)})")
            elif phase in seen:
                self.error(where, f"{label} noemt fase {phase} twee keer")
            else:
                seen.add(phase)

    def result_areas(self, data: dict, level_count: int) -> None:
        for i, area in enumerate(self.sequence(data, "result_areas", (), "de resultaatgebieden")):
            path = ("result_areas", i)
            if not self.is_mapping(area, path, f"resultaatgebied {i + 1}"):
                continue
            self.keys(area, path, AREA_KEYS, f"resultaatgebied {i + 1}")
            area_id = self.unique_id(area, path)
            for key in ("letter", "name", "description"):
                self.text(area, key, path)
            self.described_steps(area, "levels", path, f"resultaatgebied '{area_id}'", level_count,
                                 "niveaubeschrijvingen", "niveau")

    def described_steps(self, item: dict, key: str, path: tuple, label: str, expected: int,
                        plural: str, singular: str) -> None:
        if key not in item:
            self.error(path, f"{label} mist '{key}' (verwacht {expected} {plural})")
            return
        texts = item[key]
        if not isinstance(texts, list):
            self.error(path + (key,), f"{label}: '{key}' moet een lijst zijn (gevonden {_kind(texts)})")
            return
        if len(texts) != expected:
            self.error(path + (key,), f"{label} heeft {len(texts)} {plural}, verwacht {expected}")
        for n, text in enumerate(texts):
            self.check_text(text, path + (key, n), f"{label}, {singular} {n + 1}")

    # --- building blocks ----------------------------------------------------------------------------------

    def keys(self, item: dict, path: tuple, allowed: dict[str, bool], label: str) -> None:
        for key in item:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                suggestion = f"; bedoel je '{hint[0]}'?" if hint else f" (toegestaan: {', '.join(allowed)})"
                self.error(path + (key,), f"onbekende sleutel '{key}' in {label}{suggestion}")
        for key, required in allowed.items():
            if required and key not in item:
                self.error(path, f"{label} mist de verplichte sleutel '{key}'")

    def unique_id(self, item: dict, path: tuple) -> str:
        value: Any = item.get("id")
        if "id" not in item:
            return "?"
        if not self.identifier(value, path + ("id",), "een id"):
            return str(value)
        if value in self.seen_ids:
            first = self.doc.line(self.seen_ids[value])
            self.error(path + ("id",), f"id '{value}' komt twee keer voor (eerder op regel {first}); ids moeten "
                                       "uniek zijn")
        else:
            self.seen_ids[value] = path + ("id",)
        return value

    def identifier(self, value: Any, path: tuple, label: str) -> bool:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.error(path, f"{label} mag alleen kleine letters, cijfers en '-' bevatten en moet met een letter "
                             f"beginnen (gevonden {value!r})")
            return False
        return True

    def mapping(self, data: dict, key: str, path: tuple, allowed: dict, label: str) -> dict | None:
        if key not in data:
            return None
        value = data[key]
        if not self.is_mapping(value, path + (key,), label):
            return None
        self.keys(value, path + (key,), allowed, label)
        return value

    def is_mapping(self, value: Any, path: tuple, label: str) -> bool:
        if not isinstance(value, dict):
            self.error(path, f"{label} moet een blok met sleutels zijn (gevonden {_kind(value)})")
            return False
        return True

    def sequence(self, data: dict, key: str, path: tuple, label: str) -> list:
        if key not in data:
            return []
        value = data[key]
        if not isinstance(value, list) or not value:
            self.error(path + (key,), f"'{key}' moet een lijst met minstens één onderdeel zijn: {label} "
                                      f"(gevonden {_kind(value)})")
            return []
        return value

    def text(self, item: dict, key: str, path: tuple) -> None:
        if key in item:
            self.check_text(item[key], path + (key,), f"'{key}'")

    def text_list(self, item: dict, key: str, path: tuple) -> None:
        if key not in item:
            return
        for n, text in enumerate(self.sequence(item, key, path, "zinnen")):
            self.check_text(text, path + (key, n), f"'{key}', regel {n + 1}")

    def check_text(self, value: Any, path: tuple, label: str) -> None:
        if not isinstance(value, str):
            self.error(path, f"{label} moet tekst zijn (gevonden {_kind(value)})")
        elif not value.strip():
            self.error(path, f"{label} is leeg; schrijf een tekst")
        elif len(value) > LONG_TEXT:
            self.problems.warn(self.doc.line(path), f"{label} is {len(value)} tekens lang; houd het onder {LONG_TEXT} "
                                                    f"zodat het op een telefoon te lezen is")


def _kind(value: Any) -> str:
    """Describe a YAML value the way a publisher sees it."""
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, int):
        return "een getal"
    if isinstance(value, float):
        return "een kommagetal"
    if isinstance(value, str):
        return "tekst" if value.strip() else "lege tekst"
    if isinstance(value, list):
        return f"een lijst van {len(value)}" if value else "een lege lijst"
    if isinstance(value, dict):
        return "een blok met sleutels"
    return type(value).__name__
