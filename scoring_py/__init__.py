"""Scoring for the Service Excellence Maturity Model scan.

Pure and standard library only: the same call gives the same result in CPython (build, CLI) and in
Pyodide in the browser. Plain data in (the validated model dict, the answers dict), plain data out.
"""

from .answers import AnswersError, validate_answers
from .scoring import score

__version__ = "1.0.0"

__all__ = ["AnswersError", "__version__", "score", "validate_answers"]

# Ambition, development plan and comparing measurements (the guide's steps 2 to 4).
from .compare import compare  # noqa: E402
from .plan import ambition_gaps, development_plan, validate_ambition  # noqa: E402

__all__ += ["ambition_gaps", "compare", "development_plan", "validate_ambition"]
