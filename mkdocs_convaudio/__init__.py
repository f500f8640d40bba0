"""mkdocs-convaudio: render blog conversations to podcast-quality audio during a static-site build."""

__version__ = "0.1.0"
