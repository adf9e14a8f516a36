"""Helpers for testing rules (ours and third-party plugins')."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lint.document import Document
from lint.model import Finding
from lint.rule import Rule, RunContext


def run_rule(
    rule: type[Rule],
    text: str,
    path: str = "draft.md",
    *,
    facts: Any = None,
    options: Mapping[str, Any] | None = None,
    context: RunContext | None = None,
) -> list[Finding]:
    """Run one rule's per-draft phase on ``text``. Raises AssertionError when the rule breaks
    the contract the engine enforces (:func:`lint.guard.contract_breach`: a value that is
    not a Finding of this draft, a span outside it or with the wrong lines), which a run
    would report as an LA001."""
    from lint.guard import contract_breach

    ctx = context or RunContext(options=options or {}, facts=facts)
    doc = Document.from_text(path, text)
    found = list(rule(ctx).check(doc))
    for f in found:
        breach = contract_breach(f, doc, path)
        if breach is not None:
            raise AssertionError(f"rule {rule.code} ({rule.name}) broke the rule contract: {breach}")
    return sorted(found, key=Finding.sort_key)


def run_corpus(
    rule: type[Rule],
    drafts: Mapping[str, str],
    *,
    facts: Any = None,
    options: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Run one rule's record + corpus phases over ``{path: text}`` (in path order)."""
    ctx = RunContext(options=options or {}, facts=facts)
    instance = rule(ctx)
    records: list[tuple[str, Any]] = []
    for path in sorted(drafts):
        rec = instance.record(Document.from_text(path, drafts[path]))
        if rec is not None:
            records.append((path, rec))
    return sorted(instance.check_corpus(records), key=Finding.sort_key)


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.rule for f in findings]
