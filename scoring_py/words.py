"""The words a scan uses for its stages and parts, with the forms Dutch sentences need, computed in one place.

A model names its own words in `words:` ("niveau" for its stages, "dimensie" for its parts); what it leaves
out is SEMM's word. Older model files give only the singular of two words, as `phases.label` and
`result_levels.label`. Every page, report, CSV and message takes its words from `model_words(model)`, so no
other module puts a model word or its article together itself. Pure and standard library only: this module
also runs in the browser (Pyodide), where the model arrives as JSON, perhaps without `words`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypedDict

from .memo import per_model

WORDS = ("stage", "part", "aspect", "area", "level", "group")
"""stage: a step of the main scale (fase); part: what the model is divided into (element); aspect: what one
answer is about, within a part; area: a result area; level: a step of the result areas' scale; group: what a model
with `groups` gathers its parts in (ISO 23592's dimensions for SEMM)."""

BASE_FORMS = ("singular", "plural", "article")
ARTICLES = ("de", "het")
LABELS = {"stage": "phases", "level": "result_levels"}
"""Where an older model file gives a word's singular, as `label`."""


class Word(TypedDict):
    """A word as a model file gives it."""

    singular: str
    plural: str
    article: str  # "de" or "het"


DEFAULTS_BY_LANGUAGE: dict[str, dict[str, Word]] = {}
DEFAULTS: dict[str, Word] = {
    "stage": {"singular": "fase", "plural": "fasen", "article": "de"},
    "part": {"singular": "element", "plural": "elementen", "article": "het"},
    "aspect": {"singular": "aspect", "plural": "aspecten", "article": "het"},
    "area": {"singular": "resultaatgebied", "plural": "resultaatgebieden", "article": "het"},
    "level": {"singular": "niveau", "plural": "niveaus", "article": "het"},
    "group": {"singular": "groep", "plural": "groepen", "article": "de"},
}
ENGLISH: dict[str, Word] = {
    "stage": {"singular": "phase", "plural": "phases", "article": ""},
    "part": {"singular": "element", "plural": "elements", "article": ""},
    "aspect": {"singular": "aspect", "plural": "aspects", "article": ""},
    "area": {"singular": "result area", "plural": "result areas", "article": ""},
    "level": {"singular": "level", "plural": "levels", "article": ""},
    "group": {"singular": "group", "plural": "groups", "article": ""},
}
DEFAULTS_BY_LANGUAGE.update(nl=DEFAULTS, en=ENGLISH)
"""The words a model of each language gets for what it does not name; English words need no article."""
# A label that is one of these words takes its plural and article from here.
KNOWN = {word["singular"]: word for word in DEFAULTS.values()}

# Every form a sentence needs. A capitalised key is the same form at the start of a sentence.
class WordForms(TypedDict):
    singular: str  # fase
    Singular: str  # Fase
    plural: str  # fasen
    Plural: str  # Fasen
    article: str  # de, het
    Article: str  # De, Het
    the: str  # de fase, het niveau
    The: str  # De fase, Het niveau
    a: str  # een fase, een niveau; in English: a phase, an element
    this: str  # deze (fase), dit (niveau)
    This: str  # Deze, Dit
    that: str  # die, dat: "de fase die ...", "het niveau dat ..."
    each: str  # elke, elk
    Each: str  # Elke, Elk
    same: str  # dezelfde, hetzelfde
    ending: str  # "e" or "": an adjective before the word without article (vorige fase, vorig niveau)


@per_model
def model_words(model: Mapping[str, Any]) -> dict[str, WordForms]:
    """Every word of the model with all its forms, plus `question`: what one answer is about (the aspect, or the
    part when no part has more than one aspect, so a visitor never meets a word the model does not use)."""
    language = model_language(model)
    words = {key: word_forms(word, language) for key, word in complete_words(model).items()}
    words["question"] = words["aspect"] if shows_aspects(model) else words["part"]
    return words


def model_language(model: Mapping[str, Any]) -> str:
    """The language of a model's texts: nl unless the model says en."""
    language = model.get("language")
    return language if isinstance(language, str) and language in DEFAULTS_BY_LANGUAGE else "nl"


def complete_words(model: Mapping[str, Any]) -> dict[str, Word]:
    """The model's words with singular, plural and article each: what the model says, else the label, else
    SEMM's word in the model's language. The build stores this in the model it publishes."""
    return {key: resolve_word(model, key)[0] for key in WORDS}


def resolve_word(model: Mapping[str, Any], key: str) -> tuple[Word, list[str]]:
    """One word, and which of its forms had to be guessed (a label that is not a known word, without its plural
    or article in `words`); the build warns about those."""
    given = _mapping(_mapping(model.get("words")).get(key))
    if model_language(model) == "en":
        return _english_word(given, ENGLISH[key])
    label = _mapping(model.get(LABELS[key])).get("label") if key in LABELS else None
    singular = _text(given.get("singular")) or _text(label) or DEFAULTS[key]["singular"]
    known = DEFAULTS[key] if singular == DEFAULTS[key]["singular"] else KNOWN.get(singular)
    guessed = [] if known else [form for form in ("plural", "article") if not _text(given.get(form))]
    fallback: Word = known or {"singular": singular, "plural": guess_plural(singular), "article": "de"}
    article = _text(given.get("article"))
    return ({"singular": singular, "plural": _text(given.get("plural")) or fallback["plural"],
             "article": article if article in ARTICLES else fallback["article"]}, guessed)


def _english_word(given: Mapping[str, Any], default: Word) -> tuple[Word, list[str]]:
    """An English word: no article; a plural not given is the singular plus s (and said to be guessed)."""
    singular = _text(given.get("singular")) or default["singular"]
    plural = _text(given.get("plural")) or (default["plural"] if singular == default["singular"] else singular + "s")
    guessed = [] if _text(given.get("plural")) or singular == default["singular"] else ["plural"]
    return {"singular": singular, "plural": plural, "article": ""}, guessed


def word_forms(word: Word, language: str = "nl") -> WordForms:
    """The forms of one word that sentences need; in Dutch they follow from its article."""
    singular, plural, article = word["singular"], word["plural"], word["article"]
    if language == "en":
        return {
            "singular": singular, "Singular": _capital(singular), "plural": plural, "Plural": _capital(plural),
            "article": "the", "Article": "The", "the": f"the {singular}", "The": f"The {singular}",
            "a": f"{_indefinite(singular)} {singular}",
            "this": "this", "This": "This", "that": "that", "each": "each", "Each": "Each", "same": "the same",
            "ending": "",
        }
    de = article == "de"
    return {
        "singular": singular, "Singular": _capital(singular), "plural": plural, "Plural": _capital(plural),
        "article": article, "Article": _capital(article),
        "the": f"{article} {singular}", "The": f"{_capital(article)} {singular}", "a": f"een {singular}",
        "this": "deze" if de else "dit", "This": "Deze" if de else "Dit", "that": "die" if de else "dat",
        "each": "elke" if de else "elk", "Each": "Elke" if de else "Elk",
        "same": "dezelfde" if de else "hetzelfde", "ending": "e" if de else "",
    }


def shows_aspects(model: Mapping[str, Any]) -> bool:
    """Does any part have more than one aspect? If not, the scan never speaks of aspects: each part is one question."""
    return any(len(element.get("aspects", [])) > 1 for element in model.get("elements", []))


def guess_plural(singular: str) -> str:
    """A plural for a word this module does not know; the build says it guessed, so the publisher can give it."""
    if singular.endswith("e"):
        return singular + "n"
    if singular[-1:] in ("a", "i", "o", "u", "y"):
        return singular + "'s"
    return singular + "en"


def _indefinite(word: str) -> str:
    """'a' or 'an' before an English word, by how it starts: an element, an update, a phase, a unit, a user."""
    lower = word.lower()
    sounds_like_a_vowel = lower[:1] in ("a", "e", "i", "o") or (
        lower[:1] == "u" and not re.match(r"u[^aeiou][aeiou]", lower))
    return "an" if sounds_like_a_vowel else "a"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
