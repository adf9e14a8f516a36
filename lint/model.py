"""Small frozen values that cross module boundaries: spans, edits, fixes and findings."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from lint.record import Record


class Severity(enum.IntEnum):
    """How serious a finding is. Ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"expected one of error, warning, info; got {value!r}") from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES: tuple[str, ...] = (
    "facts",
    "consistency",
    "boilerplate",
    "readability",
    "attribution",
    "style",
    "grammar",
)
"""Every rule belongs to exactly one of these. ``internal`` is reserved for engine errors."""


class Position(Record):
    """A 1-based line and column in the original file (columns count characters)."""

    line: int
    column: int


class Span(Record):
    """A half-open character range ``[start, end)`` of the draft text, with its positions."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Edit(Record):
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


class Fix(Record):
    """One or more edits that resolve a finding. ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    description: str
    safe: bool = True


class Related(Record):
    """Another place that a finding refers to (the other draft, the fact base entry)."""

    path: str
    line: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place of one draft."""

    path: str
    span: Span
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default=())
    context: str = ""
    """The sentence (or block) the finding sits in; used for baselines' fingerprints."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.start, self.span.end, self.rule, self.message)


class RuleInfo(Record):
    """What reports need to know about a rule (SARIF rule metadata, --statistics)."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    documentation: str
    fixable: bool


@dataclass(frozen=True)
class RunResult:
    """Everything a reporter renders. ``findings`` are final: selected, suppressed, with
    configured severities, sorted by path and position."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rules: Mapping[str, RuleInfo]
    metrics: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """Per draft path: figures rules measured (readability scores...)."""
    warnings: tuple[str, ...] = ()
    """Run-level warnings (a rule that could not run, an unreadable file...)."""
    fixed: int = 0
    fail_on: Severity = Severity.WARNING
    version: str = ""

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity >= self.fail_on]
