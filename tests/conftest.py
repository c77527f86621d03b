"""Settings for the whole test suite.

Hypothesis profiles, chosen with the environment variable HYPOTHESIS_PROFILE:

- `ci` (the default): 100 examples per property, enough to catch the usual mistakes in a few seconds per test;
- `thorough`: 2,000 examples per property, for a change to scoring_py's input checks or the export format
  (`HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/scoring/test_exchange_properties.py`).

Neither has a deadline: the machines that run the tests are shared and their timing varies, and slowness is
measured by bench/, not here. A failure prints the example and a blob to reproduce it with `@reproduce_failure`.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
