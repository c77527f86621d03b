"""Load a maturity model from YAML and check it completely; the result is plain data for scoring and pages.

`MODEL` declares every key a model may have, with its shape and meaning (the shapes are in sitegen/keys.py); one
walk checks the file against it. What needs more than one value (ids that ascend and are unique, one description
per phase, `added` naming phases that exist, axes and positions, words and labels) is checked after the walk, each
by one small function below `check_model_file`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from scoring_py.glossary import first_uses
from scoring_py.model import Model
from scoring_py.record import choices_text
from scoring_py.words import ARTICLES, DEFAULTS, LABELS, WORDS, complete_words, model_language, resolve_word, word_forms

from .errors import BuildError, Problems, both, display_path, read_input
from .i18n import LANGUAGES, N_, _, language_now, ngettext
from .keys import (
    At,
    Block,
    Choice,
    Finding,
    Identifier,
    List,
    Part,
    Seen,
    Shape,
    Text,
    Walk,
    WebAddress,
    Whole,
    YesNo,
    is_identifier,
    is_whole,
    kind,
    sentences,
)
from .yamlfile import Located, parse_yaml

LONG_TEXT = 700  # characters; longer descriptions are hard to compare on a phone
DEFAULT_SCORING = {"part": "weakest", "group": "weakest", "overall": "weakest"}
"""SEMM's rule, everywhere: the weakest aspect sets a part, the weakest part a group and the whole."""


# --- shapes only a model has -------------------------------------------------------------------------------------


def descriptions(count: int) -> str:
    """`count` descriptions of the steps of a scale, in messages: "1 beschrijving", "3 beschrijvingen"."""
    return ngettext("1 beschrijving", "%(n)s beschrijvingen", count) % {"n": count}


@dataclass(frozen=True, kw_only=True)
class Steps(Shape):
    """One text per step of a scale, in its order (an aspect's description of each phase); `_step_counts` counts."""

    scale: str  # the key of the scale: "phases"
    step: str  # the word for one step, as in WORDS: "stage"


    @property
    def item(self) -> Text:
        """The shape of one description."""
        return Text(f"De beschrijving bij één {DEFAULTS[self.step]['singular']}.")

    def check(self, value: Any, at: At) -> list[Finding]:
        if isinstance(value, list):
            return []
        return [(at.path, _("%(owner)s: %(label)s moet een lijst zijn (gevonden %(kind)s)") % {
            "owner": at.owner, "label": at.label, "kind": kind(value)})]

    def parts(self, value: Any, at: At) -> list[Part]:
        if not isinstance(value, list):
            return []
        return [(text, self.item, At(at.path + (n,), f"{at.owner}, ⟨{self.step}⟩ {n + 1}", at.owner))
                for n, text in enumerate(value)]

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "array", "items": self.item.schema()}


@dataclass(frozen=True, kw_only=True)
class PhaseNumbers(Shape):
    """A list of at least one phase id; `_added_phases` checks that each phase exists and is named once."""

    def check(self, value: Any, at: At) -> list[Finding]:
        label = self.named(at)
        if not isinstance(value, list) or not value:
            return [(at.path, _("%(label)s moet een lijst met nummers van ⟨stage:plural⟩ zijn, bijvoorbeeld [2, 3] "
                                "(gevonden %(kind)s)") % {"label": label, "kind": kind(value)})]
        return [(at.path + (n,), _("%(label)s: %(value)s is geen nummer van een ⟨stage⟩ (gevonden %(kind)s)") % {
                    "label": label, "value": repr(phase), "kind": kind(phase)})
                for n, phase in enumerate(value) if not is_whole(phase)]

    @staticmethod
    def named(at: At) -> str:
        """How messages name the list: "'added' van aspect 'e2a'"."""
        return _("%(label)s van %(owner)s") % {"label": at.label, "owner": at.owner}

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "array",
                "items": {"description": "Het id van een fase.", "type": "integer"}, "minItems": 1,
                "uniqueItems": True}


@dataclass(frozen=True, kw_only=True)
class Position(Shape):
    """A number per axis, by axis id; its keys come from `axes`, so `_positions_match_axes` checks all of it."""

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "type": "object", "additionalProperties": {"type": "number"}}


# --- the declaration: every key a model may have ----------------------------------------------------------------


def _scale(word: str, step: Block) -> dict[str, Shape]:
    """The keys of a scale (`phases`, `result_levels`): its steps, and the older place of the word for a step."""
    return {
        "label": Text("Ouder: het woord voor een stap, zoals 'fase'; zet het liever in 'words'."),
        "items": List("De stappen, van laag naar hoog.", required=True, item=step, what=N_("de stappen van de schaal"),
                      item_label=STEP_LABELS[word]),
    }


STEP_LABELS = {"stage": N_("⟨stage⟩ %(n)s"), "level": N_("⟨level⟩ %(n)s")}
STEP_ID = N_("het id van een stap")
AN_ID = N_("een id")
SOURCE = {
    "title": Text("De titel van de bron.", required=True),
    "authors": Text("De schrijvers.", required=True),
    "publisher": Text("De uitgever.", required=True),
    "year": Whole("Het jaar van uitgave, als getal.", required=True, named=N_("een jaartal")),
    "note": Text("Een opmerking, bijvoorbeeld dat de teksten in eigen woorden zijn.", required=True),
    "url": WebAddress("Het webadres van de bron (https://...); de uitlegpagina en het colofon linken ernaar."),
    "license": Block("De licentie van het model, als de bron er een noemt (zoals CC BY-SA 4.0).", keys={
        "name": Text("De naam van de licentie, zoals 'CC BY-SA 4.0'.", required=True),
        "url": WebAddress("Het webadres van de licentie (https://...)."),
    }),
}
PHASE = {
    "id": Whole("Het nummer van de fase; de nummers lopen op (1, 2, 3 ...).", required=True, label=STEP_ID),
    "name": Text("De naam van de fase.", required=True),
    "verb": Text("Het werkwoord van deze fase, zoals 'belichten' (niet verplicht)."),
    "summary": Text("Eén zin over deze fase.", required=True),
    "characteristics": sentences("Wat deze fase betekent: de belangrijkste kenmerken (niet verplicht)."),
    "completed": sentences("Wanneer deze fase af is: wat een organisatie dan laat zien."),
    "position": Position("De plaats van de fase op de assen: een getal per as-id; alleen als het model 'axes' heeft."),
}
LEVEL = {
    "id": Whole("Het nummer van het niveau; de nummers lopen op (0, 1, 2 ...).", required=True, label=STEP_ID),
    "name": Text("De naam van het niveau.", required=True),
    "meaning": Text("Wat dit niveau betekent.", required=True),
}
ASPECT = {
    "id": Identifier("Vast id: het id van het element plus a, b, c ... (e1a).", required=True, unique=True,
                     label=AN_ID),
    "name": Text("De naam van het aspect.", required=True),
    "phases": Steps("Precies één beschrijving per fase, in de volgorde van phases.items.", required=True,
                    scale="phases", step="stage"),
    "added": PhaseNumbers("De fasen waarvan je de beschrijving zelf schreef (de bron heeft ze niet), zoals [2, 3]."),
}
ELEMENT = {
    "id": Identifier("Vast id: e1, e2 ... in de volgorde van het model.", required=True, unique=True, label=AN_ID),
    "name": Text("De naam van het element.", required=True),
    "core": Text("Waar het element om draait, in een paar zinnen.", required=True),
    "direction": Text("Waar de ontwikkeling van dit element naartoe gaat (niet verplicht)."),
    "aspects": List("De aspecten: de vragen van dit element; of geef één vraag met 'question' en 'phases'.",
                    what=N_("de ⟨aspect:plural⟩"), item_label=N_("⟨aspect⟩ %(n)s van %(owner)s"),
                    item=Block("Eén aspect: een vraag met een beschrijving per fase.", keys=ASPECT,
                               named=N_("⟨aspect⟩ '%(id)s'"))),
    "question": Text("De ene vraag van dit element, als het geen aspecten heeft; de beschrijvingen staan dan in "
                     "'phases'."),
    "phases": Steps("Bij een element met 'question': precies één beschrijving per fase.", scale="phases",
                    step="stage"),
    "added": PhaseNumbers("Bij een element met 'question': de fasen waarvan je de beschrijving zelf schreef."),
}
RULES = ("weakest", "mean")
"""How values make the value above them: the weakest (the lowest) sets it, or the mean of all."""
SCORING = {
    "part": Choice("Hoe de aspecten van een element de fase van het element maken: weakest (de zwakste telt) of "
                   "mean (het gemiddelde).", options=RULES),
    "group": Choice("Hoe de elementen van een groep de fase van de groep maken: weakest of mean.", options=RULES),
    "overall": Choice("Hoe de elementen (of, met groepen, de groepen) de fase van het geheel maken: weakest of mean.",
                      options=RULES),
}
GROUP = {
    "id": Identifier("Vast id van de groep, zoals 'leiderschap'.", required=True, unique=True, label=AN_ID),
    "name": Text("De naam van de groep.", required=True),
    "description": Text("Waar de groep over gaat, in een zin of twee."),
    "parts": List("De ids van de elementen in deze groep, in de volgorde van het model.", required=True,
                  what=N_("de ids van de ⟨part:plural⟩"), item_label=N_("⟨part⟩ %(n)s van %(owner)s"),
                  item=Identifier("Het id van een element.", label=N_("het id van een ⟨part⟩"))),
}
AREA = {
    "id": Identifier("Vast id: r plus een letter (ra, rb ...).", required=True, unique=True, label=AN_ID),
    "letter": Text("De letter van het resultaatgebied: a, b ...", required=True),
    "name": Text("De naam van het resultaatgebied.", required=True),
    "description": Text("Waar dit resultaatgebied over gaat.", required=True),
    "levels": Steps("Precies één beschrijving per niveau, in de volgorde van result_levels.items.", required=True,
                    scale="result_levels", step="level"),
}
AXIS = {
    "id": Identifier("Vast id van de as, zoals 'focus'.", required=True, label=N_("het id van een as")),
    "name": Text("De naam van de as.", required=True),
    "low": Text("Het begin van de as.", required=True),
    "high": Text("Het eind van de as.", required=True),
}
TERM = {
    "term": Text("Het begrip zoals de teksten het schrijven, zoals 'PDCA'.", required=True),
    "explanation": Text("Wat het begrip betekent, kort en in gewone woorden: één of twee zinnen.", required=True),
    "forms": List("Andere vormen van het begrip in de teksten, zoals 'stakeholder' naast 'stakeholders'.",
                  what=N_("de andere vormen"), item_label=N_("vorm %(n)s van %(owner)s"),
                  item=Text("Eén andere vorm van het begrip.")),
}
WORD = {
    "singular": Text("Het enkelvoud, zoals midden in een zin: 'fase'."),
    "plural": Text("Het meervoud: 'fasen'."),
    "article": Choice("Het lidwoord: 'de' of 'het'.", options=ARTICLES),
}
WORD_MEANINGS = {
    "stage": "Het woord voor een stap van 'phases' (standaard: fase).",
    "part": "Het woord voor een onderdeel uit 'elements' (standaard: element).",
    "aspect": "Het woord voor een aspect (standaard: aspect).",
    "area": "Het woord voor een resultaatgebied (standaard: resultaatgebied).",
    "level": "Het woord voor een stap van 'result_levels' (standaard: niveau).",
    "group": "Het woord voor een groep uit 'groups' (standaard: groep).",
}

MODEL = Block("Een volwassenheidsmodel: fasen, elementen met aspecten, en eventueel resultaatgebieden.",
              label=N_("het model"), keys={
    "id": Identifier("Vaste naam van het model, ook de map van de scan (semm); verander hem niet na publicatie.",
                     required=True, label=N_("het model-id")),
    "version": Text('De versie van het model, als tekst: "2022.1".', required=True, quote=True),
    "language": Choice("De taal van de teksten van het model: nl (standaard) of en; de scan spreekt dan die taal.",
                       options=LANGUAGES),
    "name": Text("De volledige naam van het model.", required=True),
    "short_name": Text("De korte naam, zoals SEMM.", required=True),
    "intro": Text("Eén alinea: wat dit model meet.", required=True),
    "source": Block("Waar het model vandaan komt.", required=True, keys=SOURCE),
    "phases": Block("De schaal voor de elementen: de fasen.", required=True, keys=_scale("stage", Block(
        "Eén fase.", keys=PHASE))),
    "elements": List("De elementen met hun aspecten.", required=True, what=N_("de ⟨part:plural⟩"),
                     item_label=N_("⟨part⟩ %(n)s"),
                     item=Block("Eén element: een onderwerp van de scan.", keys=ELEMENT, named=N_("⟨part⟩ '%(id)s'"))),
    "result_levels": Block("De schaal voor de resultaatgebieden; alleen samen met 'result_areas'.",
                           keys=_scale("level", Block("Eén niveau.", keys=LEVEL))),
    "result_areas": List("De resultaatgebieden; alleen samen met 'result_levels'.", what=N_("de ⟨area:plural⟩"),
                         item_label=N_("⟨area⟩ %(n)s"),
                         item=Block("Eén resultaatgebied.", keys=AREA, named=N_("⟨area⟩ '%(id)s'"))),
    "axes": List("Twee assen waarop de fasen liggen, voor een kaart van de fasen.", length=2, nouns=N_("assen"),
                 what=N_("eerst de horizontale, dan de verticale"), item_label=N_("as %(n)s"),
                 item=Block("Eén as.", keys=AXIS)),
    "words": Block("De woorden die de scan gebruikt: 'fase' of 'niveau', 'element' of 'dimensie'.", qualified=True,
                   keys={key: Block(WORD_MEANINGS[key], keys=WORD, qualified=True) for key in WORDS}),
    "ambition_advice": Text("Een advies bij het kiezen van een ambitie, op de uitslagpagina."),
    "allow_exclusion": YesNo("true als een beoordeling onderdelen buiten beschouwing mag laten."),
    "exclusion_note": Text("Wat een organisatie mist als ze een element buiten de beoordeling laat, in de woorden van "
                           "het model; de scan toont het als iemand een element buiten de beoordeling laat."),
    "allow_not_applicable": YesNo("true als iemand één aspect 'niet van toepassing' mag noemen."),
    "scoring": Block("De rekenregel van het model; zonder dit blok bepaalt overal de zwakste de uitkomst.",
                     keys=SCORING, qualified=True),
    "groups": List("De groepen waarin het model zijn elementen indeelt (zoals de dimensies van ISO 23592); elk "
                   "element staat in precies één groep.", what=N_("de ⟨group:plural⟩"),
                   item_label=N_("⟨group⟩ %(n)s"),
                   item=Block("Eén groep elementen.", keys=GROUP, named=N_("⟨group⟩ '%(id)s'"))),
    "glossary": List("Begrippen die niet elke lezer kent (zoals PDCA), elk met een korte uitleg; de scan legt een "
                     "begrip uit waar het op een pagina voor het eerst staat.", what=N_("de begrippen"),
                     item_label=N_("begrip %(n)s"),
                     item=Block("Eén begrip met zijn uitleg.", keys=TERM, named=N_("begrip '%(term)s'"))),
})


# --- loading -----------------------------------------------------------------------------------------------------


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
    text = read_input(path, problems, N_("het modelbestand"))
    if text is None:
        return {}, problems
    doc = parse_yaml(text, problems)
    if doc is None:
        return {}, problems
    _check_model(doc, problems)
    problems.items.sort(key=lambda p: p.line)
    model = doc.data if isinstance(doc.data, dict) else {}
    if not problems.errors:
        complete_model(model)
    return model, problems


def complete_model(model: dict[str, Any]) -> None:
    """What the model leaves to its defaults, filled in, so pages, reports and the browser's engine all read the same
    model: every word complete, the scoring rule whole, the optional texts empty where they are left out, and an
    element with one `question` as an element with one aspect (its id the element's own, its name the question)."""
    model["words"] = complete_words(model)
    model["scoring"] = {**DEFAULT_SCORING, **model.get("scoring", {})}
    model["source"].setdefault("url", "")
    if "license" in model["source"]:
        model["source"]["license"].setdefault("url", "")
    else:
        model["source"]["license"] = None
    for phase in model["phases"]["items"]:
        phase.setdefault("verb", "")  # the optional texts as empty ones: pages leave out what is empty
        phase.setdefault("characteristics", [])
    for element in model["elements"]:
        element.setdefault("direction", "")
        if "question" in element and "aspects" not in element:
            aspect = {"id": element["id"], "name": element["question"], "phases": element.pop("phases")}
            if "added" in element:
                aspect["added"] = element.pop("added")
            element["aspects"] = [aspect]


def _check_model(doc: Located, problems: Problems) -> None:
    """Walk the model against MODEL, then run each check that needs more than one value."""
    if not isinstance(doc.data, dict):
        problems.error(doc.line(()), _("verwacht een model met sleutels als 'id' en 'elements', gevonden %(kind)s") % {
            "kind": kind(doc.data)})
        return
    words: dict[str, Mapping[str, str]] = {key: cast(Mapping[str, str], word_forms(word, message_words(doc.data)))
                                           for key, word in complete_words(doc.data).items()}
    walk = Walk(doc, MODEL, words)
    for check in (_ascending_ids, _ids_without_gaps, _unique_ids, _questions, _groups, _step_counts, _added_phases,
                  _levels_with_areas, _positions_match_axes, _words_start_small, _labels_match_words,
                  _guessed_words, _long_texts, _unused_terms, english_words):
        check(walk)
    walk.write(problems)


def message_words(model: Mapping[str, Any]) -> str:
    """The language of the model's words' forms in a message: English when the model or the message is English.

    The words are the model's own ("praktijk", "practice"); a sentence around them needs their forms in its own
    language ("the fase"), and a Dutch sentence about an English model uses "the practice" as it did before, since
    an English word has no Dutch article."""
    return "en" if "en" in (model_language(model), language_now()) else "nl"


# --- the checks after the walk -----------------------------------------------------------------------------------


def _ascending_ids(walk: Walk) -> None:
    """The ids of a scale's steps ascend: 1, 2, 3 ..."""
    for scale in ("phases", "result_levels"):
        for n, value, before in _ids_in_order(walk.data, scale):
            if before is not None and value <= before:
                walk.error((scale, "items", n, "id"), _("de ids moeten oplopen: %(value)s komt na %(before)s") % {
                    "value": value, "before": before})


def _ids_without_gaps(walk: Walk) -> None:
    """The ids of a scale's steps go up by one (0, 1, 2, 3 or 1, 2, 3): a mean and a chart count in steps."""
    for scale in ("phases", "result_levels"):
        steps = _steps(walk.data, scale)
        for (m, previous), (n, step) in zip(steps, steps[1:], strict=False):
            before, value = previous.get("id"), step.get("id")
            if n == m + 1 and is_whole(before) and is_whole(value) and value > before + 1:
                gap, first, last = value - before - 1, before + 1, value - 1
                missing = (_("ontbreekt %(first)s") if gap == 1 else _("ontbreken %(first)s en %(last)s") if gap == 2
                           else _("ontbreken %(first)s t/m %(last)s")) % {"first": first, "last": last}
                words = "⟨stage:plural⟩" if scale == "phases" else "⟨level:plural⟩"  # filled in by the walk
                walk.error((scale, "items", n, "id"), _("de ids slaan een nummer over: na %(before)s komt %(value)s; "
                                                        "nummer de %(steps)s zonder gat (hier %(missing)s)") % {
                    "before": before, "value": value, "steps": words, "missing": missing})


def _questions(walk: Walk) -> None:
    """An element asks its questions as `aspects`, or asks one `question` with its own `phases`; not both."""
    for n, element in _elements(walk.data):
        path = ("elements", n)
        name = f"⟨part⟩ '{element.get('id', n + 1)}'"
        has_aspects, has_question = "aspects" in element, "question" in element
        if has_aspects and has_question:
            walk.error(path + ("question",), _("%(name)s heeft zowel 'aspects' als 'question'; geef aspecten met elk "
                                               "een eigen vraag, of één 'question' met 'phases'") % {"name": name})
        elif not has_aspects and not has_question and not _misspelt(element, ("aspects", "question")):
            walk.error(path, _("%(name)s mist 'aspects' (de vragen van ⟨part:the⟩) of 'question' met 'phases' (één "
                               "vraag)") % {"name": name})
        for key in ("phases", "added"):
            if key in element and not has_question and not _misspelt(element, ("question",)):
                walk.error(path + (key,), _("'%(key)s' hoort bij een ⟨part⟩ alleen naast 'question'; bij "
                                            "⟨aspect:plural⟩ staat het onder ⟨aspect:each⟩ ⟨aspect⟩") % {"key": key})
        if has_question and not has_aspects and "phases" not in element:
            expected = _scale_length(walk.data, "phases")
            if expected:
                walk.error(path, _("%(name)s heeft een 'question' maar mist 'phases': verwacht %(descriptions)s, één "
                                   "beschrijving per ⟨stage⟩") % {"name": name, "descriptions": descriptions(expected)})
            else:
                walk.error(path, _("%(name)s heeft een 'question' maar mist 'phases': verwacht één beschrijving per "
                                   "⟨stage⟩") % {"name": name})


def _misspelt(block: dict, keys: tuple[str, ...]) -> bool:
    """Does the block have an unknown key that is one of `keys` misspelt? The walk names that one ("bedoel je
    'question'?"), and a second message that the key is missing would send the publisher the wrong way first."""
    unknown = [str(key) for key in block if key not in ELEMENT]
    return any(difflib.get_close_matches(key, keys, n=1) for key in unknown)


def _groups(walk: Walk) -> None:
    """With `groups`, every element is in exactly one group, and a group names only elements of the model."""
    groups = walk.data.get("groups")
    if not isinstance(groups, list):
        return
    elements = [element.get("id") for _n, element in _elements(walk.data)]
    placed: dict[str, tuple] = {}
    for g, group in enumerate(groups):
        parts = group.get("parts") if isinstance(group, dict) else None
        for p, part in enumerate(parts if isinstance(parts, list) else []):
            path = ("groups", g, "parts", p)
            if not is_identifier(part):
                continue  # the walk said so
            if part not in elements:
                walk.error(path, _("⟨group⟩ '%(group)s' noemt ⟨part⟩ '%(part)s', maar ⟨part:that⟩ bestaat niet "
                                   "(⟨part:plural⟩: %(parts)s)") % {
                    "group": group.get("id", g + 1), "part": part, "parts": ", ".join(str(e) for e in elements)})
            elif part in placed:
                walk.error(path, _("⟨part⟩ '%(part)s' staat al in een ⟨group⟩ (regel %(line)s); ⟨part:each⟩ ⟨part⟩ "
                                   "staat in precies één ⟨group⟩") % {"part": part, "line": walk.line(placed[part])})
            else:
                placed[part] = path
    for n, element_id in enumerate(elements):
        if is_identifier(element_id) and element_id not in placed:
            walk.error(("elements", n, "id"), _("⟨part⟩ '%(part)s' staat in geen enkele ⟨group⟩; zet het bij "
                                                "'parts' van één ⟨group⟩ in 'groups'") % {"part": element_id})


def _elements(data: dict) -> list[tuple[int, dict]]:
    """The elements that are blocks, each with its place in the list."""
    elements = data.get("elements")
    return [(n, element) for n, element in enumerate(elements) if isinstance(element, dict)] \
        if isinstance(elements, list) else []


def _unique_ids(walk: Walk) -> None:
    """An id names one element, aspect or result area in the whole model."""
    first: dict[str, tuple] = {}
    for seen in walk.seen:
        if isinstance(seen.shape, Identifier) and seen.shape.unique and seen.ok:
            if seen.value in first:
                walk.error(seen.at.path, _("id '%(id)s' komt twee keer voor (eerder op regel %(line)s); ids moeten "
                                           "uniek zijn") % {"id": seen.value, "line": walk.line(first[seen.value])})
            else:
                first[seen.value] = seen.at.path


def _step_counts(walk: Walk) -> None:
    """An aspect has one description per phase, a result area one per result level."""
    for seen in walk.seen:
        if isinstance(seen.shape, Block) and isinstance(seen.value, dict):
            for key, shape in seen.shape.keys.items():
                if isinstance(shape, Steps):
                    _step_count(walk, seen, seen.shape.owner(seen.value), key, shape)


def _step_count(walk: Walk, block: Seen, owner: str, key: str, steps: Steps) -> None:
    """The descriptions under one key of one block; not counted when the scale itself is missing or broken."""
    expected = _scale_length(walk.data, steps.scale)
    if expected is None:
        return
    texts = block.value.get(key)
    if key not in block.value and not steps.required:
        return  # optional (an element's own 'phases'): _questions says when it is needed
    step = f"⟨{steps.step}⟩"  # the model's word for one step, filled in by the walk
    if key not in block.value:
        walk.error(block.at.path, _("%(owner)s mist '%(key)s': verwacht %(descriptions)s, één per %(step)s") % {
            "owner": owner, "key": key, "descriptions": descriptions(expected), "step": step})
    elif isinstance(texts, list) and len(texts) != expected:
        walk.error(block.at.path + (key,), _("%(owner)s heeft %(descriptions)s, verwacht %(expected)s: één per "
                                             "%(step)s") % {"owner": owner, "descriptions": descriptions(len(texts)),
                                                             "expected": expected, "step": step})


def _added_phases(walk: Walk) -> None:
    """`added` names phases the model has, each once."""
    phase_ids = [value for _n, value, before in _ids_in_order(walk.data, "phases") if before is None or value > before]
    for seen in walk.seen:
        if not (isinstance(seen.shape, PhaseNumbers) and isinstance(seen.value, list)):
            continue
        label, named = PhaseNumbers.named(seen.at), set()
        for n, phase in enumerate(seen.value):
            if not is_whole(phase):
                continue  # the walk said so
            if phase_ids and phase not in phase_ids:
                walk.error(seen.at.path + (n,), _("%(label)s noemt ⟨stage⟩ %(phase)s, maar ⟨stage:that⟩ bestaat niet "
                                                  "(⟨stage:plural⟩: %(phases)s)") % {
                    "label": label, "phase": phase, "phases": choices_text(phase_ids)})
            elif phase in named:
                walk.error(seen.at.path + (n,), _("%(label)s noemt ⟨stage⟩ %(phase)s twee keer") % {
                    "label": label, "phase": phase})
            else:
                named.add(phase)


def _levels_with_areas(walk: Walk) -> None:
    """`result_levels` and `result_areas` come together, or not at all."""
    has_levels, has_areas = "result_levels" in walk.data, "result_areas" in walk.data
    if has_levels != has_areas:
        missing, present = ("result_areas", "result_levels") if has_levels else ("result_levels", "result_areas")
        walk.error((present,), _("'%(present)s' staat er wel, maar '%(missing)s' ontbreekt; geef ze allebei of geen "
                                 "van beide") % {"present": present, "missing": missing})


def _positions_match_axes(walk: Walk) -> None:
    """With `axes`, every phase has a `position` with a number per axis; without them, no phase has one."""
    phases = _steps(walk.data, "phases")
    if "axes" not in walk.data:
        for n, phase in phases:
            if "position" in phase:
                walk.error(("phases", "items", n, "position"),
                           _("'position' heeft alleen zin als het model 'axes' heeft"))
        return
    axes = walk.data["axes"]
    if not (isinstance(axes, list) and len(axes) == 2 and all(isinstance(axis, dict) for axis in axes)):
        return  # the walk said what is wrong with the axes
    axis_ids = [axis["id"] for axis in axes if is_identifier(axis.get("id"))]
    for n, phase in phases:
        _position(walk, n, phase, axis_ids)


def _position(walk: Walk, n: int, phase: dict, axis_ids: list[str]) -> None:
    """One phase's place on the axes: a number for each axis, and no other axis."""
    path = ("phases", "items", n)
    position = phase.get("position")
    if not isinstance(position, dict):
        walk.error(path, _("⟨stage⟩ %(n)s mist 'position' met een getal per as (%(axes)s), omdat het model 'axes' "
                           "heeft") % {"n": n + 1, "axes": ", ".join(axis_ids)})
        return
    for axis_id in axis_ids:
        value = position.get(axis_id)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            walk.error(path + ("position",), _("'position' van stap %(n)s mist een getal voor as '%(axis)s' "
                                               "(gevonden %(value)s)") % {"n": n + 1, "axis": axis_id,
                                                                          "value": repr(value)})
    for key in position:
        if key not in axis_ids:
            walk.error(path + ("position", key), _("'position' noemt een onbekende as '%(axis)s' (assen: %(axes)s)") % {
                "axis": key, "axes": ", ".join(axis_ids)})


def _words_start_small(walk: Walk) -> None:
    """A word is written as in the middle of a sentence; the scan gives it a capital where a sentence starts."""
    for key in WORDS:
        word = _word(walk.data, key) or {}
        for form in ("singular", "plural"):
            value = word.get(form)
            if isinstance(value, str) and value[:1].isupper():
                walk.error(("words", key, form), _("'words.%(key)s.%(form)s' begint met een hoofdletter (gevonden "
                                                   "%(value)s); schrijf het woord zoals het midden in een zin staat, "
                                                   "de scan maakt zelf een hoofdletter aan het begin van een zin") % {
                    "key": key, "form": form, "value": repr(value)})


def _labels_match_words(walk: Walk) -> None:
    """An older `label` (phases.label, result_levels.label) says the same singular as `words`."""
    for key in WORDS:
        word, scale, label = _word(walk.data, key), LABELS.get(key), _label(walk.data, key)
        if word and scale and isinstance(label, str) and isinstance(word.get("singular"), str) \
                and label.strip() != word["singular"].strip():
            walk.error((scale, "label"), _("'%(scale)s.label' is %(label)s, maar 'words.%(key)s.singular' is "
                                           "%(singular)s; die moeten gelijk zijn (laat 'label' weg, 'words' is "
                                           "genoeg)") % {"scale": scale, "label": repr(label), "key": key,
                                                          "singular": repr(word["singular"])})


def _guessed_words(walk: Walk) -> None:
    """A warning where the plural or article of a word the scan does not know had to be guessed."""
    for key in WORDS:
        word, label = _word(walk.data, key), _label(walk.data, key)
        resolved, guessed = resolve_word(walk.data, key)
        if guessed and (word or label is not None):
            where = ("words", key) if word else (LABELS[key], "label")
            walk.warn(where, _("het meervoud of lidwoord van %(word)s is geraden (%(guess)s, %(plural)s); geef "
                               "%(forms)s in 'words.%(key)s'") % {
                "word": repr(resolved["singular"]),
                "guess": " ".join(form for form in (resolved["article"], resolved["singular"]) if form),
                "plural": resolved["plural"], "forms": both([repr(form) for form in guessed]), "key": key})


def _long_texts(walk: Walk) -> None:
    """A warning for a text too long to read and compare on a phone."""
    for seen in walk.seen:
        if isinstance(seen.shape, Text) and isinstance(seen.value, str) and len(seen.value) > LONG_TEXT:
            walk.warn(seen.at.path, _("%(label)s is %(n)s tekens lang; houd het onder %(limit)s zodat het op een "
                                      "telefoon te lezen is") % {"label": seen.at.label, "n": len(seen.value),
                                                                 "limit": LONG_TEXT})


def english_words(walk: Walk) -> None:
    """An English word has no article: the scan writes 'the' itself (a model's words, or a translation's)."""
    words = walk.data.get("words")
    if walk.data.get("language") == "en" and isinstance(words, dict):
        for key, word in words.items():
            if isinstance(word, dict) and "article" in word:
                walk.error(("words", key, "article"), _("in het Engels heeft een woord geen lidwoord; haal 'article' "
                                                        "weg"))


def _unused_terms(walk: Walk) -> None:
    """A warning for a glossary term that no text of the model uses: its explanation would show nowhere."""
    entries = walk.data.get("glossary")
    if not isinstance(entries, list) or not all(_is_term(entry) for entry in entries):
        return  # the walk said what is wrong
    texts = [seen.value for seen in walk.seen if isinstance(seen.shape, Text) and isinstance(seen.value, str)
             and seen.at.path[:1] != ("glossary",)]
    used = {place["entry"] for text in texts for place in first_uses(text, walk.data)}
    for n, entry in enumerate(entries):
        if n not in used:
            walk.warn(("glossary", n, "term"), _("het begrip '%(term)s' staat in geen enkele tekst van het model, dus "
                                                "de scan legt het nergens uit; haal het weg of kijk de schrijfwijze na "
                                                "(voeg andere vormen toe bij 'forms')") % {"term": entry["term"]})


def _is_term(entry: Any) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("term"), str) and all(
        isinstance(form, str) for form in entry.get("forms", []) or [])


# --- small lookups for the checks ---------------------------------------------------------------------------------


def _steps(data: dict, scale: str) -> list[tuple[int, dict]]:
    """The steps of a scale that are blocks, each with its place in `items`."""
    items = data[scale].get("items") if isinstance(data.get(scale), dict) else None
    return [(n, step) for n, step in enumerate(items) if isinstance(step, dict)] if isinstance(items, list) else []


def _scale_length(data: dict, scale: str) -> int | None:
    """How many steps a scale has; None when it is missing or has no list of steps."""
    items = data[scale].get("items") if isinstance(data.get(scale), dict) else None
    return len(items) if isinstance(items, list) and items else None


def _ids_in_order(data: dict, scale: str) -> Iterator[tuple[int, int, int | None]]:
    """Each whole-number id of a scale's steps, with its place and the highest id before it (None for the first)."""
    highest: int | None = None
    for n, step in _steps(data, scale):
        value = step.get("id")
        if is_whole(value):
            yield n, value, highest
            highest = value if highest is None else max(highest, value)


def _word(data: dict, key: str) -> dict | None:
    """One word as the model gives it in `words`, if it gives it as a block."""
    words = data.get("words")
    word = words.get(key) if isinstance(words, dict) else None
    return word if isinstance(word, dict) else None


def _label(data: dict, key: str) -> Any:
    """The older `label` that gives a word's singular (phases.label for 'stage'), or None."""
    scale = LABELS.get(key)
    return data[scale].get("label") if scale and isinstance(data.get(scale), dict) else None
