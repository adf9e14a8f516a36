"""Rule examples state the text they flag: the one check every family's tests share.

A table maps each rule code to one entry per ``examples_bad`` example: the list of texts the
rule flags in it, in order. A long span may be written ``"first words … last words"``: the
flagged text must then start and end with those parts. Cross-draft examples
(``examples_corpus``, groups of drafts) have their own table of the same shape whose items
are ``(path, text)``: the draft a finding lands in and the text it flags there.

Examples run as the documentation promises: in the rule's example context (its
``example_facts`` fact base and ``example_settings``) and, for a rule with a cross-draft
phase, through that phase too (records pickled, as between worker processes), so a span
table states everything a reader of ``--explain`` would see flagged.
"""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Mapping, Sequence
from typing import Any

from lint.document import Document
from lint.facts import parse_factbase
from lint.model import Finding
from lint.rule import Rule, RunContext
from lint.testing import run_rule

ELLIPSIS = " … "

Table = Mapping[str, Sequence[Sequence[str]]]
"""Rule code -> for each bad example, the texts flagged in it."""
CorpusTable = Mapping[str, Sequence[Sequence[tuple[str, str]]]]
"""Rule code -> for each cross-draft example, the ``(path, text)`` of each finding."""


def example_context(rule: type[Rule]) -> RunContext:
    """The context a rule's documented examples run in: its example fact base and settings."""
    text = getattr(rule, "example_facts", None)
    facts = parse_factbase(inspect.cleandoc(text) + "\n") if text else None
    return RunContext(facts=facts, settings=getattr(rule, "example_settings", {}))


def corpus_findings(rule: type[Rule], drafts: Mapping[str, str], context: RunContext) -> list[Finding]:
    """Record + cross-draft phases over ``{path: text}`` as the engine runs them: drafts in
    path order, each record pickled as it is between worker processes."""
    instance = rule(context)
    records: list[tuple[str, Any]] = []
    for path in sorted(drafts):
        rec = instance.record(Document.from_text(path, drafts[path]))
        if rec is not None:
            records.append((path, pickle.loads(pickle.dumps(rec))))
    return sorted(instance.check_corpus(records), key=Finding.sort_key)


def findings_of(rule: type[Rule], example: str, context: RunContext | None = None) -> list[Finding]:
    """``rule``'s own findings in one example draft (``draft.md``): the per-draft phase, then
    the cross-draft phase over that draft alone when the rule has one."""
    ctx = context or example_context(rule)
    found = run_rule(rule, example, context=ctx)
    if rule.has_corpus_phase():
        found += corpus_findings(rule, {"draft.md": example}, ctx)
    return [f for f in found if f.rule == rule.code]


def flagged_texts(rule: type[Rule], example: str, context: RunContext | None = None) -> list[str]:
    """The text of each finding of ``rule`` (its own code only) in ``example``."""
    return [example[f.span.start : f.span.end] for f in findings_of(rule, example, context)]


def flagged_across(
    rule: type[Rule], drafts: Mapping[str, str], context: RunContext | None = None
) -> list[tuple[str, str]]:
    """``(path, text)`` of each finding of ``rule`` over a group of drafts."""
    found = corpus_findings(rule, drafts, context or example_context(rule))
    return [(f.path, drafts[f.path][f.span.start : f.span.end]) for f in found if f.rule == rule.code]


def same_span(expected: str, got: str) -> bool:
    if ELLIPSIS in expected:
        head, tail = expected.split(ELLIPSIS, 1)
        return len(got) >= len(head) + len(tail) and got.startswith(head) and got.endswith(tail)
    return got == expected


def check_examples(rule: type[Rule], table: Table, context: RunContext | None = None) -> None:
    """Each of ``rule``'s bad examples flags exactly the texts ``table[rule.code]`` states."""
    expected = table[rule.code]
    assert len(expected) == len(rule.examples_bad), f"{rule.code}: one entry per bad example"
    for example, texts in zip(rule.examples_bad, expected, strict=True):
        got = flagged_texts(rule, example, context)
        assert len(got) == len(texts) and all(map(same_span, texts, got)), (
            f"{rule.code} flags {got!r} in {example!r}, expected {list(texts)!r}"
        )


def check_corpus_examples(rule: type[Rule], table: CorpusTable, context: RunContext | None = None) -> None:
    """Each of ``rule``'s cross-draft examples flags exactly the ``(path, text)`` pairs
    ``table[rule.code]`` states."""
    corpus: Sequence[Mapping[str, str]] = getattr(rule, "examples_corpus", ())
    expected = table[rule.code]
    assert len(expected) == len(corpus), f"{rule.code}: one entry per cross-draft example"
    for drafts, pairs in zip(corpus, expected, strict=True):
        got = flagged_across(rule, drafts, context)
        assert len(got) == len(pairs) and all(
            path == want_path and same_span(want, text)
            for (want_path, want), (path, text) in zip(pairs, got, strict=True)
        ), f"{rule.code} flags {got!r} in {sorted(drafts)}, expected {list(pairs)!r}"
