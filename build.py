#!/usr/bin/env python3
"""Build the scan site: model (YAML) and content (Markdown) in, static pages in dist/ out.

    python build.py [build] [--strict] [--model model/] [--content content/] [--site site.yaml] [--out dist]
    python build.py serve [--port 8000]

The pipeline is sitegen/pipeline.py and the command line sitegen/cli.py; this script runs it from a checkout, like
`python -m sitegen` and, once installed, `servicescan-build`.
"""

import sys

from sitegen.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="build.py"))
