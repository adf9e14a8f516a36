"""The reporter contract: what a format declares and how the CLI drives it.

A reporter class declares its ``name`` (the ``--format`` value), a one-line ``description``
for ``--help``, and ``for_people``: True for formats read in a terminal (``--quiet`` may
leave them empty), False for formats read by machines (they always write their whole
document, even with no findings). The CLI makes one instance per run and calls
:meth:`Reporter.render` once; only reporters write to the report stream.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TextIO

from lint.model import RunResult

SourceLine = Callable[[str, int], "str | None"]
"""``source_line(path, line)`` returns the text of 1-based ``line`` of ``path`` (no newline)."""


class Reporter:
    """Base class of every output format. Subclasses set the three declarations and
    implement :meth:`render`, which writes one complete document (or log) to ``stream``."""

    name: ClassVar[str] = ""
    """The ``--format`` value; the key it is registered under must be the same."""
    description: ClassVar[str] = ""
    """One line for ``--help``: what the output is and who reads it."""
    for_people: ClassVar[bool] = False
    """True for terminal output meant for a person, False for a format tools parse."""

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


def reporter_problem(key: str, cls: object) -> str | None:
    """Why ``cls`` cannot be registered as format ``key``, or None if it can."""
    if not isinstance(cls, type) or not issubclass(cls, Reporter):
        return f"format {key!r} is not a lint.report.Reporter subclass"
    if not key or key != key.strip().lower() or " " in key:
        return f"format name {key!r} must be lower case with no spaces"
    if cls.name != key:
        return f"format {key!r} is registered under another name than its class declares ({cls.name!r})"
    if not cls.description.strip():
        return f"format {key!r} declares no description (shown by --help)"
    return None
