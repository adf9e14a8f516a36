"""Reporters (placeholder)."""

from __future__ import annotations

from typing import Any

from lint import hookimpl


@hookimpl
def lint_article_reporters() -> dict[str, type[Any]]:
    return {}
