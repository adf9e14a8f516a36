"""The rule API. Built-in and third-party rules subclass :class:`Rule` and are provided
through the ``lint_article_rules`` hook (see :mod:`lint.hookspecs`).

A rule has two optional phases:

* ``check(doc)`` sees one draft and yields findings (per-draft phase, may run in a worker
  process);
* ``record(doc)`` returns a small picklable summary of the draft, and
  ``check_corpus(records)`` sees the records of every draft of the run (corpus phase).

Rules do no I/O and print nothing.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from lint.model import CATEGORIES, Finding, Fix, Related, Severity, Span

if TYPE_CHECKING:
    from lint.document import Document

CODE_RE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RunContext:
    """What a rule may know about the run besides the draft: its options, the fact base,
    and today's date (for drafts without a ``date`` in front matter)."""

    options: Mapping[str, Any] = field(default_factory=dict)
    facts: Any = None  # lint.facts.FactBase | None
    today: _dt.date = field(default_factory=_dt.date.today)
    settings: Mapping[str, Any] = field(default_factory=dict)
    """Run-wide settings rules may read (e.g. ``languagetool``); not rule options."""


class Rule:
    """Base class of every rule. Subclasses set the class attributes and override
    ``check`` and/or ``record`` + ``check_corpus``.

    The class docstring is the rule's documentation (``lint-article --explain CODE``); write
    it with the sections *What it finds*, *Why*, *Example* and *Fix*.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    enabled_by_default: ClassVar[bool] = True
    default_options: ClassVar[Mapping[str, Any]] = {}
    examples_bad: ClassVar[Sequence[str]] = ()
    """Markdown drafts this rule must flag (documentation and tests)."""
    examples_good: ClassVar[Sequence[str]] = ()
    """Near misses this rule must not flag."""
    source: ClassVar[str] = ""
    """Where the rule was defined (a pack file), for error messages."""

    def __init__(self, context: RunContext | None = None) -> None:
        self.context = context or RunContext()
        merged = dict(self.default_options)
        merged.update(self.context.options)
        self.options: Mapping[str, Any] = merged

    # -- phases ----------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def record(self, doc: Document) -> Any:
        """A small, picklable summary of ``doc`` for the corpus phase (None: nothing)."""
        return None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        """Findings across drafts. ``records`` holds ``(path, record)``: the context drafts'
        (``--context``, never reported on) first, then the linted drafts', each group in path
        order. A rule that takes one draft as the reference breaks ties by this order, so an
        established (context) draft is the reference and the linted draft is flagged."""
        return ()

    def metrics(self, doc: Document) -> Mapping[str, float] | None:
        """Per-draft figures for the report summary (readability scores, for example)."""
        return None

    @classmethod
    def has_corpus_phase(cls) -> bool:
        return cls.check_corpus is not Rule.check_corpus

    # -- helpers ---------------------------------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        related: Sequence[Related] = (),
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]``."""
        sent = doc.sentence_at(start)
        # Capped: a draft that is one giant "sentence" must not make this quadratic.
        context = doc.prose[sent.start : min(sent.end, sent.start + 1500)] if sent else doc.text[start : start + 1500]
        return Finding(
            path=doc.path,
            span=doc.span(start, end),
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity if severity is not None else self.severity,
            message=message,
            fix=fix,
            related=tuple(related),
            context=" ".join(context.split())[:300],
        )

    def finding_at(
        self,
        path: str,
        span: Span,
        message: str,
        *,
        severity: Severity | None = None,
        related: Sequence[Related] = (),
        context: str = "",
        fix: Fix | None = None,
    ) -> Finding:
        """Build a finding from a recorded span (corpus phase)."""
        return Finding(
            path=path,
            span=span,
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity if severity is not None else self.severity,
            message=message,
            fix=fix,
            related=tuple(related),
            context=context,
        )

    @classmethod
    def summary(cls) -> str:
        """First line of the documentation."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


class RuleDefinitionError(ValueError):
    """A rule class or pack entry is malformed."""


def validate_rule_class(cls: type[Rule]) -> None:
    """Fail early, with the rule named, when a rule class is malformed."""
    where = cls.source or f"{cls.__module__}.{cls.__qualname__}"
    if not CODE_RE.match(cls.code or ""):
        raise RuleDefinitionError(f"{where}: code {cls.code!r} must be a letter prefix and 3 digits, e.g. 'BP101'")
    if not NAME_RE.match(cls.name or ""):
        raise RuleDefinitionError(f"{where}: name {cls.name!r} must be kebab-case, e.g. 'share-prompt'")
    if cls.category not in CATEGORIES:
        raise RuleDefinitionError(f"{where}: category {cls.category!r} must be one of {', '.join(CATEGORIES)}")
    if not isinstance(cls.severity, Severity):
        raise RuleDefinitionError(f"{where}: severity must be a lint.model.Severity")
