"""Run the command line with a JSON model: python -m scoring_py score ANSWERS.json --model MODEL.json (a YAML model:
python build.py score ANSWERS.json)."""

import sys

from .cli import main

sys.exit(main())
