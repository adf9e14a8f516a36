"""A third-party plugin used by the tests, installed through a real entry point."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from lint import hookimpl
from lint.document import Document
from lint.model import Edit, Finding, Fix, Related, RunResult, Severity
from lint.report import Reporter
from lint.rule import Rule

_SHOUT = re.compile(r"\bSHOUTED\b")


class ShoutedWord(Rule):
    """Flags the word SHOUTED, which the test suite uses as a known problem.

    A safe fix lowers its case.
    """

    code = "TX101"
    name = "shouted-word"
    category = "style"
    severity = Severity.WARNING
    fixable = True
    examples_bad = ("A SHOUTED word.\n",)
    examples_good = ("A shouted word.\n",)

    def check(self, doc: Document) -> Iterable[Finding]:
        for m in _SHOUT.finditer(doc.prose):
            if doc.in_quote(m.start(), m.end()):
                continue
            fix = Fix((Edit(m.start(), m.end(), "shouted"),), "lower the case")
            yield self.finding(doc, m.start(), m.end(), "'SHOUTED' should be lower case", fix=fix)


class CrashingRule(Rule):
    """Raises on drafts that contain the word EXPLODE (tests the engine's crash handling)."""

    code = "TX102"
    name = "crashing-rule"
    category = "style"
    examples_bad = ()
    examples_good = ("Calm text.\n",)

    def check(self, doc: Document) -> Iterable[Finding]:
        if "EXPLODE" in doc.text:
            raise ValueError("boom")
        return ()


class HangingRule(Rule):
    """Sleeps forever on drafts that contain the word STALL (tests the time limit)."""

    code = "TX103"
    name = "hanging-rule"
    category = "style"
    examples_good = ("Calm text.\n",)

    def check(self, doc: Document) -> Iterable[Finding]:
        if "STALL" in doc.text:
            while True:
                time.sleep(0.05)
        return ()


class SharedCodename(Rule):
    """Corpus rule: a word in CAPS-CODE form (e.g. CODE-ALPHA) used in more than one draft."""

    code = "TX104"
    name = "shared-codename"
    category = "consistency"
    examples_good = ("Nothing here.\n",)

    def record(self, doc: Document) -> Any:
        out = []
        for m in re.finditer(r"\bCODE-[A-Z]+\b", doc.prose):
            out.append((m.group(0), doc.span(m.start(), m.end())))
        return out or None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        first: dict[str, tuple[str, Any]] = {}
        for path, items in records:
            for word, span in items:
                if word in first and first[word][0] != path:
                    other_path, other_span = first[word]
                    yield self.finding_at(
                        path,
                        span,
                        f"'{word}' also appears in {other_path}:{other_span.line}",
                        related=[Related(other_path, other_span.line)],
                    )
                first.setdefault(word, (path, span))


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [ShoutedWord, CrashingRule, HangingRule, SharedCodename]


class CountReporter(Reporter):
    """A format for tools: ``CODE count`` per rule with findings, then ``total N``."""

    name = "tx-count"
    description = "findings counted by rule (the test plugin's format)"
    for_people = False

    def render(self, result: RunResult) -> None:
        counts = Counter(f.rule for f in result.findings)
        for code in sorted(counts):
            self.stream.write(f"{code} {counts[code]}\n")
        self.stream.write(f"total {len(result.findings)}\n")


@hookimpl
def lint_article_reporters() -> dict[str, type[Reporter]]:
    return {CountReporter.name: CountReporter}
