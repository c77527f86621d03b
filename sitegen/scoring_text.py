"""The model's scoring rule, said in plain Dutch for the pages: one sentence per level, made from the rule itself
(scoring_py/rules.py), in the model's own words, so no model reads a sentence written for another rule.

    weakest, no groups:  "De fase van een element is die van het aspect dat het minst ver is. De fase van je
                          organisatie is die van het element dat het minst ver is."
    mean, with groups:   "De trede van een praktijk is het gemiddelde van de stromen erin. ..."
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from scoring_py.rules import decimals, scoring_rule
from scoring_py.words import WordForms, model_words, shows_aspects


class RuleText(TypedDict):
    sentences: list[str]  # the rule, one sentence per level, low to high
    lowest: str  # the summary's label for the parts with the lowest value: "Zwakste schakel" or "Laagst"
    tag: str  # the same beside a bar in the chart and in its legend: "zwakste schakel" or "laagst"
    spoken: str  # the same in the chart's sentence for screen readers: "de zwakste schakel" or "het laagst"
    lowest_note: str  # one line under it: why the lowest part matters under this rule
    rounding: str | None  # how a mean is shown, when the model has one


def rule_text(model: Mapping[str, Any]) -> RuleText:
    """The rule of one model as the result page says it."""
    words = model_words(model)
    rule = scoring_rule(model)
    stage, part, group = words["stage"], words["part"], words["group"]
    sentences = []
    if shows_aspects(model):
        sentences.append(_level(stage, part, words["aspect"], rule["part"]))
    if model.get("groups"):
        sentences.append(_level(stage, group, part, rule["group"]))
    top = group if model.get("groups") else part
    sentences.append(_whole(stage, top, rule["overall"]))
    # The weakest part sets the whole when every level above the parts takes the weakest.
    weakest_link = rule["overall"] == "weakest" and (not model.get("groups") or rule["group"] == "weakest")
    return {
        "sentences": sentences,
        "lowest": "Zwakste schakel" if weakest_link else "Laagst",
        "tag": "zwakste schakel" if weakest_link else "laagst",
        "spoken": "de zwakste schakel" if weakest_link else "het laagst",
        "lowest_note": (f"{part['The']} {part['that']} het minst ver is, bepaalt {stage['the']} van je hele "
                        "organisatie." if weakest_link else
                        f"{part['The']} met {stage['article']} laagste {stage['singular']}: daar is de meeste winst."),
        "rounding": (f"Een gemiddelde staat er met één decimaal; {stage['the']} {stage['that']} telt, is dat getal "
                     "naar beneden afgerond." if any(decimals(model).values()) else None),
    }


def _level(stage: WordForms, unit: WordForms, below: WordForms, rule: str) -> str:
    """One level's sentence: "De fase van een element is die van het aspect dat het minst ver is"."""
    subject = f"{stage['The']} van een {unit['singular']}"
    if rule == "weakest":
        return f"{subject} is {stage['that']} van {below['the']} {below['that']} het minst ver is."
    return f"{subject} is het gemiddelde van de {below['plural']} erin."


def _whole(stage: WordForms, below: WordForms, rule: str) -> str:
    """The sentence for the whole organisation."""
    if rule == "weakest":
        return (f"{stage['The']} van je organisatie is {stage['that']} van {below['the']} {below['that']} het minst "
                "ver is.")
    return f"{stage['The']} van je organisatie is het gemiddelde van alle {below['plural']}."


def exclusion_note(model: Mapping[str, Any]) -> str:
    """What leaving a part out means: the model's own sentence, or a neutral one."""
    words = model_words(model)
    return model.get("exclusion_note") or (f"Lees je uitslag daarom als een beeld van de {words['part']['plural']} "
                                           "die je wel beoordeelt.")
