"""artlint: a content-quality linter for article markdown files."""

__version__ = "0.1.0"
