"""Values that follow from a model alone (its words, the record rule's data), worked out once per model.

Checking 200 export files asked for the same words and rule data some 600 times. A model is loaded once and never
changed after that (in the browser the engine holds one), so such a value can be kept with the model it came from.
The cache is keyed by the model object itself (a model is a dict, so by its identity), holds only a few models, and
hands out the same value each time: callers read it and never change it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")
MODELS_KEPT = 8  # more than any process holds at once; the build and the tests load a few


def per_model(derive: Callable[[Any], T]) -> Callable[[Any], T]:
    """`derive(model)`, worked out once for each model object."""
    kept: dict[int, tuple[Mapping[str, Any], T]] = {}

    @wraps(derive)
    def once(model: Any) -> T:
        hit = kept.get(id(model))
        if hit is not None and hit[0] is model:
            return hit[1]
        value = derive(model)
        if len(kept) >= MODELS_KEPT:
            kept.clear()
        kept[id(model)] = (model, value)  # the model is kept too, so its id cannot pass to another object
        return value

    return once
