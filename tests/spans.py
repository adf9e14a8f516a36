"""Rule examples state the text they flag: a shared check for the families' tests.

A table maps each rule code to one entry per ``examples_bad`` example: the list of texts the
rule flags in it, in order. A long span may be written ``"first words … last words"``: the
flagged text must then start and end with those parts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lint.rule import Rule
from lint.testing import run_rule

ELLIPSIS = " … "


def flagged_texts(rule: type[Rule], example: str, **kwargs: Any) -> list[str]:
    """The text of each finding of ``rule`` (its own code only) in ``example``."""
    return [example[f.span.start : f.span.end] for f in run_rule(rule, example, **kwargs) if f.rule == rule.code]


def same_span(expected: str, got: str) -> bool:
    if ELLIPSIS in expected:
        head, tail = expected.split(ELLIPSIS, 1)
        return len(got) >= len(head) + len(tail) and got.startswith(head) and got.endswith(tail)
    return got == expected


def check_examples(rule: type[Rule], table: Mapping[str, Sequence[Sequence[str]]], **kwargs: Any) -> None:
    """Each of ``rule``'s bad examples flags exactly the texts ``table[rule.code]`` states."""
    expected = table[rule.code]
    assert len(expected) == len(rule.examples_bad), f"{rule.code}: one entry per bad example"
    for example, texts in zip(rule.examples_bad, expected, strict=True):
        got = flagged_texts(rule, example, **kwargs)
        assert len(got) == len(texts) and all(map(same_span, texts, got)), (
            f"{rule.code} flags {got!r} in {example!r}, expected {list(texts)!r}"
        )
