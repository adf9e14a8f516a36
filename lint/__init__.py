"""lint-article: an editorial consistency linter and style checker for article drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "hookimpl"]

if TYPE_CHECKING:
    from lint.hookspecs import hookimpl


def __getattr__(name: str) -> Any:
    # ``from lint import hookimpl`` imports pluggy on first use, not whenever ``lint`` is
    # imported: the console script loads the rule families (and pluggy) after start-up.
    if name == "hookimpl":
        from lint.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
