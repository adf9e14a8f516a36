"""Built-in readability rules (placeholder until the family lands)."""

from __future__ import annotations

from lint import hookimpl
from lint.rule import Rule


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return []
