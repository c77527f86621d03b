"""Scoring for the maturity scans (SEMM and any model in the same format).

Pure and standard library only: the same call gives the same result in CPython (build, CLI) and in
Pyodide in the browser. Plain data in (the validated model dict, the answers dict), plain data out.
"""

from .actions import action_list
from .aggregate import aggregate, aggregate_csv_rows
from .answers import validate_answers
from .compare import compare
from .errors import InputError
from .exchange import decode_share, encode_share, export_json, parse_export, to_csv, write_csv
from .plan import ambition_gaps, development_plan, validate_ambition
from .record import check_record, check_session, record_rules
from .scoring import score
from .session import team_scan

__version__ = "1.0.0"

__all__ = [
    "InputError", "__version__",
    # step 1: where do we stand
    "score", "validate_answers",
    # steps 2 to 4: ambition, development plan, measuring again
    "ambition_gaps", "compare", "development_plan", "validate_ambition",
    # several respondents: export files, share links, team figures, the team session
    "aggregate", "aggregate_csv_rows", "decode_share", "encode_share", "export_json", "parse_export", "team_scan",
    "to_csv", "write_csv",
    # the plan's actions
    "action_list",
    # what a scan record (and a team session) may hold: one rule for imports and for the browser's storage
    "check_record", "check_session", "record_rules",
]
