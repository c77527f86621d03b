"""`python -m sitegen`: the same command line as `python build.py`."""

import sys

from .cli import main

sys.exit(main(prog="python -m sitegen"))
