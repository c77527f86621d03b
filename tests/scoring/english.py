"""The English models the engine tests speak to, made the way the build publishes them.

An English model's JSON carries the engine's texts in English (`messages`, sitegen/i18n.py engine_messages), and
bridge.make_engine installs them, as the browser's Web Worker does. Two models: the English fixture model
(tests/fixtures/english: its own words, levels 0 to 3, the mean everywhere, so values have decimals) and SEMM in
English as the site ships it (model/semm.yaml with model/translations/semm.en.yaml).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from scoring_py.model import Model
from scoring_py.words import model_language
from sitegen.editions import published
from sitegen.i18n import Catalogs, engine_messages, locale_folder
from sitegen.model import load_model
from sitegen.translations import check_translation, translated

ROOT = Path(__file__).resolve().parents[2]
PRACTICES_FILE = ROOT / "tests" / "fixtures" / "english" / "model" / "practices.yaml"


def practices() -> Model:
    """The English fixture model, as the build loads it."""
    return load_model(PRACTICES_FILE)


def english_semm() -> Model:
    """SEMM in English: the Dutch model with its English translation applied, as the build makes semm/en/."""
    model = load_model(ROOT / "model" / "semm.yaml")
    translation, problems = check_translation(ROOT / "model" / "translations" / "semm.en.yaml", model)
    assert translation is not None and not problems.items, [str(problem) for problem in problems.items]
    return cast(Model, translated(model, translation))


def messages_of(model: Mapping[str, Any]) -> dict[str, str]:
    """The engine's texts in the model's language, from the project's catalog (none for a Dutch model)."""
    return engine_messages(Catalogs(locale_folder(ROOT)), model_language(model))


def published_json(model: Mapping[str, Any]) -> str:
    """The model's JSON as the site publishes it: the model, with the engine's texts in its language."""
    messages = messages_of(model)
    return json.dumps({**published(model), **({"messages": messages} if messages else {})}, ensure_ascii=False)
