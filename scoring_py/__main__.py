"""Run the command line: python -m scoring_py score ANSWERS.json."""

import sys

from .cli import main

sys.exit(main())
