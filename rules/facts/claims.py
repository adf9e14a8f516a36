"""FA106 ``false-claim``: a statement the fact base lists as false."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from lint.analysis.spans import quote_spans
from lint.document import Document
from lint.facts import fold
from lint.model import Finding, Related, Severity
from lint.rule import Rule
from rules.facts.common import MAX_SENTENCE, _finding

if TYPE_CHECKING:
    from lint.facts import FactBase

# ======================================================================================
# FA106: claims

_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|rather\s+than|instead\s+of|unlike|false|falsely|myth)\b|n['’]t\b", re.I
)


class FalseClaim(Rule):
    """Flags a statement the fact base lists as false.

    **What it finds**: a sentence matching one of the fact base's ``claims`` patterns
    (regular expressions, sentence scope). Matches inside quotations (someone said it) and
    matches holding a negation ("not", "never", "rather than", "unlike"...) are left alone,
    so that a correction of the claim is not flagged.

    **Why**: some errors recur in copy on a subject (a product's platform, a merger that
    never happened); the fact base lists them once.

    **Example**: with a claim ``'iDrive X\\b[^.]*\\bAndroid Automotive'``, "iDrive X runs on
    Android Automotive." is flagged with the claim's message.

    **Fix**: correct the statement. No automatic fix.
    """

    code = "FA106"
    name = "false-claim"
    category = "facts"
    severity = Severity.ERROR
    example_facts: ClassVar[str] = """
        version: 1
        claims:
          - pattern: 'iDrive X\\b[^.]*\\b(?:runs on|based on)\\s+Android Automotive'
            message: BMW Operating System X is based on AOSP, not Android Automotive OS
        """
    examples_bad = ("Outside China the cars keep iDrive X, which runs on Android Automotive.\n",)
    examples_good = (
        "Outside China the cars keep iDrive X, which runs on AOSP.\n",
        "iDrive X is not based on Android Automotive.\n",
        '"iDrive X runs on Android Automotive," a blogger wrote.\n',
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        facts: FactBase | None = self.context.facts
        if facts is None or not facts.claims:
            return
        prose = doc.prose
        folded = fold(prose)
        claims = [(c, rx) for c, rx, lit in facts.claim_regexes() if not lit or lit in folded]
        if not claims:
            return
        for sent in doc.sentences:
            if sent.end - sent.start > MAX_SENTENCE:
                continue
            for claim, rx in claims:
                m = rx.search(prose, sent.start, sent.end)
                if m is None or m.end() == m.start():
                    continue
                if quote_spans(doc).inside(m.start(), m.end()) or _NEGATION.search(m.group(0)):
                    continue
                yield _finding(
                    self,
                    doc,
                    m.start(),
                    m.end(),
                    f"{claim.message} ({claim.where})",
                    related=(Related(claim.path, claim.line, "known-false claim"),),
                )
