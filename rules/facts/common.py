"""What the facts rules share: the fact base entities of each sentence (once per draft and
fact base), where a finding points, the draft's date."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.analysis.memo import per_document_and_facts
from lint.analysis.spans import quote_spans
from lint.document import Document, Sentence
from lint.facts import EntityMatch
from lint.model import Finding, Fix, Related
from lint.record import Record
from lint.rule import Rule

if TYPE_CHECKING:
    from lint.facts import FactBase

MAX_SENTENCE = 5000
"""Sentences longer than this (run-on garbage, tables flattened into prose) are skipped by
the per-sentence regex checks, which keeps every check linear in the draft's size."""


# ======================================================================================
# Shared per-draft analysis


class _Sentences(Record):
    """Sentences of a draft with the fact base entities each one names."""

    sentences: tuple[Sentence, ...]
    starts: list[int]
    entities: list[list[EntityMatch]]

    def index_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


@per_document_and_facts
def _block_entities(doc: Document, facts: FactBase) -> list[list[EntityMatch]]:
    """The fact base entities each block of ``doc`` names, found once per draft and fact
    base (FA101, FA104 and FA105 share them)."""
    prose = doc.prose
    return [facts.find_entities(prose, b.start, b.end) for b in doc.blocks]


@per_document_and_facts
def _analyse(doc: Document, facts: FactBase) -> _Sentences:
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    per: list[list[EntityMatch]] = [[] for _ in sentences]
    for found in _block_entities(doc, facts):
        for m in found:
            i = bisect.bisect_right(starts, m.start) - 1
            if 0 <= i < len(sentences) and m.end <= sentences[i].end:
                per[i].append(m)
    return _Sentences(sentences, starts, per)


def _where(path: str, line: int) -> str:
    from pathlib import Path

    name = Path(path).name if path else "facts"
    return f"{name}:{line}" if line else name


def _finding(
    rule: Rule,
    doc: Document,
    start: int,
    end: int,
    message: str,
    *,
    fix: Fix | None = None,
    related: Sequence[Related] = (),
) -> Finding:
    """``rule.finding`` with the sentence context read from a bounded window, so that many
    findings in one giant "sentence" (text without full stops) stay linear."""
    sent = doc.sentence_at(start)
    if sent is None:
        return rule.finding(doc, start, end, message, fix=fix, related=related)
    window = doc.prose[sent.start : min(sent.end, sent.start + 1500)]
    return rule.finding_at(
        doc.path,
        doc.span(start, end),
        message,
        related=related,
        context=" ".join(window.split())[:300],
        fix=fix,
    )


def _draft_day(rule: Rule, doc: Document) -> _dt.date:
    return doc.date or rule.context.today


def _in_heading(doc: Document, sentence: Sentence) -> bool:
    return doc.blocks[sentence.block].kind == "heading"


_YEAR_RE = re.compile(r"(?<![\w.,$€£¥-])(1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")


def _unquoted(doc: Document, sentence: Sentence) -> str:
    """The sentence's prose with quotations blanked (same length)."""
    text = doc.prose[sentence.start : sentence.end]
    for qs, qe in quote_spans(doc).overlapping(sentence.start, sentence.end):
        a, b = max(qs, sentence.start) - sentence.start, min(qe, sentence.end) - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR_RE.findall(text)}
