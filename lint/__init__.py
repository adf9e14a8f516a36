"""lint-article: an editorial consistency linter and style checker for article drafts."""

from lint.hookspecs import hookimpl

__version__ = "0.1.0"
__all__ = ["__version__", "hookimpl"]
