"""The site generator: model and content in, static scan site out. `build.py` is its command line."""
