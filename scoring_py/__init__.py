"""Scoring for the Service Excellence Maturity Model scan.

Pure and standard library only: the same call gives the same result in CPython (build, CLI) and in
Pyodide in the browser. Plain data in (the validated model dict, the answers dict), plain data out.
"""

from .answers import AnswersError, validate_answers
from .scoring import score

__version__ = "1.0.0"

__all__ = ["AnswersError", "__version__", "score", "validate_answers"]

# Several respondents: export files, share links and team figures (issue 4).
from .aggregate import aggregate, aggregate_csv_rows  # noqa: E402
from .exchange import (ExchangeError, decode_share, encode_share, export_json, parse_export, to_csv,  # noqa: E402
                       write_csv)

__all__ += ["ExchangeError", "aggregate", "aggregate_csv_rows", "decode_share", "encode_share", "export_json",
            "parse_export", "to_csv", "write_csv"]
