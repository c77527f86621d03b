"""The site generator: model and content in, static scan site out. `pipeline.py` is the build, `cli.py` its command
line (`python build.py`, `python -m sitegen`, `servicescan-build`)."""
