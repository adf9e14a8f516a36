"""Reporters: turn a :class:`~lint.model.RunResult` into text on a stream.

Built-in formats are provided through the ``lint_article_reporters`` hook like any plugin's.
Only reporters write to stdout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from lint import hookimpl
from lint.model import RunResult

SourceLine = Callable[[str, int], "str | None"]
"""``source_line(path, line)`` returns the text of 1-based ``line`` of ``path`` (no newline)."""


class Reporter:
    """Base class. Subclasses implement :meth:`render`."""

    name = ""

    def __init__(
        self,
        stream: TextIO,
        *,
        source_line: SourceLine | None = None,
        statistics: bool = False,
        color: bool | None = None,
        root: str = ".",
    ) -> None:
        self.stream = stream
        self.source_line = source_line or (lambda path, line: None)
        self.statistics = statistics
        self.color = color
        self.root = root

    def render(self, result: RunResult) -> None:
        raise NotImplementedError


@hookimpl
def lint_article_reporters() -> dict[str, type[Any]]:
    return {}
