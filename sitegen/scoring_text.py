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

from .i18n import _


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
    forms = _forms(stage, part)
    return {
        "sentences": sentences,
        "lowest": _("Zwakste schakel") if weakest_link else _("Laagst"),
        "tag": _("zwakste schakel") if weakest_link else _("laagst"),
        "spoken": _("de zwakste schakel") if weakest_link else _("het laagst"),
        "lowest_note": (_("%(The_part)s %(that_part)s het minst ver is, bepaalt %(the_stage)s van je hele "
                          "organisatie.") % forms if weakest_link else
                        _("%(The_part)s met %(article_stage)s laagste %(stage)s: daar is de meeste winst.") % forms),
        "rounding": (_("Een gemiddelde staat er met één decimaal; %(the_stage)s %(that_stage)s telt, is dat getal "
                       "naar beneden afgerond.") % forms if any(decimals(model).values()) else None),
    }


def _forms(stage: WordForms, unit: WordForms, below: WordForms | None = None) -> dict[str, str]:
    """The word forms a rule sentence may use, by name: %(The_stage)s, %(unit)s, %(the_below)s ... A Dutch
    sentence needs the article and 'die' or 'dat'; another language uses what its sentence needs."""
    named = {"stage": stage, "part": unit, "unit": unit, **({"below": below} if below else {})}
    return {f"{form}_{key}" if form != "singular" else key: word[form]
            for key, word in named.items() for form in ("singular", "plural", "the", "The", "a", "that", "article")}


def _level(stage: WordForms, unit: WordForms, below: WordForms, rule: str) -> str:
    """One level's sentence: "De fase van een element is die van het aspect dat het minst ver is"."""
    if rule == "weakest":
        return _("%(The_stage)s van %(a_unit)s is %(that_stage)s van %(the_below)s %(that_below)s het minst ver "
                 "is.") % _forms(stage, unit, below)
    return _("%(The_stage)s van %(a_unit)s is het gemiddelde van de %(plural_below)s erin.") % _forms(stage, unit,
                                                                                                   below)


def _whole(stage: WordForms, below: WordForms, rule: str) -> str:
    """The sentence for the whole organisation."""
    if rule == "weakest":
        return _("%(The_stage)s van je organisatie is %(that_stage)s van %(the_below)s %(that_below)s het minst ver "
                 "is.") % _forms(stage, below, below)
    return _("%(The_stage)s van je organisatie is het gemiddelde van alle %(plural_below)s.") % _forms(stage, below,
                                                                                                    below)


def exclusion_note(model: Mapping[str, Any]) -> str:
    """What leaving a part out means: the model's own sentence, or a neutral one."""
    words = model_words(model)
    return model.get("exclusion_note") or _("Lees je uitslag daarom als een beeld van de %(parts)s die je wel "
                                            "beoordeelt.") % {"parts": words["part"]["plural"]}
