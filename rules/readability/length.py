"""Length rules: sentences (RD103) and paragraphs (RD104) over a number of words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lint.document import Document
from lint.model import Finding, Severity
from lint.rule import Rule, RunContext
from lint.text import WORD
from rules.readability.analysis import OWN_KINDS, block_words
from rules.readability.options import number_option

if TYPE_CHECKING:
    pass


class LongSentence(Rule):
    """Reports a sentence longer than the limit (40 words by default).

    **What it finds**: sentences of paragraphs and list items over the limit, counting
    words as the readability formulas do (a number or a hyphenated compound is one word).
    Headings, block quotes and sentences mostly inside quotation marks are skipped: a
    quotation is the speaker's words.

    **Why**: news sentences average 20 to 25 words; past 40 a reader has to hold too much
    before the verb or the point arrives, and such sentences usually join two or three
    ideas that read better apart.

    **Options**: ``max_words`` (40).

    **Example**: a 50-word sentence chaining a result, its cause and a forecast with
    "which", "while" and "as".

    **Fix**: split at a conjunction or a relative clause; give each idea its own sentence.
    """

    code = "RD103"
    name = "long-sentence"
    category = "readability"
    severity = Severity.WARNING
    default_options = {"max_words": 40}
    examples_bad = (
        (
            "The company said on Monday that its profits for the first three months of the "
            "year had fallen by a fifth, which it blamed on weak demand in its home market "
            "and on higher prices for energy, while it still expected sales to recover by "
            "the end of the year as new models reach the shops.\n"
        ),
    )
    examples_good = (
        (
            "The company said on Monday that its profits had fallen by a fifth. It blamed "
            "weak demand at home and higher energy prices. It still expects sales to recover "
            "by the end of the year, when new models reach the shops.\n"
        ),
        (
            'The minister said: "We have listened to farmers, to shop owners, to teachers '
            "and to the families who wrote to us over the summer, and we have decided that "
            "the new tax will not apply to small businesses or to anyone who earns less "
            'than the average wage in their region."\n'
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.max_words = int(number_option(self, "max_words", minimum=1) or 1)

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        sentence_words = doc.sentence_words
        for i, s in enumerate(doc.sentences):
            block = doc.blocks[s.block]
            if block.kind not in OWN_KINDS:
                continue
            if len(sentence_words[i]) <= self.max_words:
                continue
            words = list(WORD.finditer(prose, s.start, s.end))
            quoted = sum(1 for m in words if doc.in_quote(m.start(), m.end()))
            if quoted * 2 > len(words):
                continue
            yield self.finding(doc, s.start, s.end, f"sentence has {len(words)} words (limit {self.max_words})")


class LongParagraph(Rule):
    """Reports a paragraph longer than the limit (150 words by default).

    **What it finds**: paragraphs (not headings, list items or block quotes) over the limit.

    **Why**: news paragraphs carry one idea each and run one to three sentences, rarely
    past 80 words; a paragraph of 150 words is a wall of text on a phone screen and almost
    always holds two or three ideas.

    **Options**: ``max_words`` (150).

    **Example**: a paragraph that reports a result, explains its background and quotes a
    reaction, all in one block.

    **Fix**: break it where the subject changes.
    """

    code = "RD104"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    default_options = {"max_words": 150}
    examples_bad = (
        (
            "The town council met on Monday evening to discuss the future of the old market hall, "
            "which has stood empty since the last traders left four years ago. Members heard that "
            "the roof leaks, the wiring is unsafe and the cost of repairs has doubled since the "
            "first survey. Some councillors want to sell the building to a developer who has "
            "offered to turn it into flats, while others argue that the hall should stay in public "
            "hands and be used for a weekly food market. A local history group has collected more "
            "than two thousand signatures asking the council to protect the hall. The leader of "
            "the council said no decision would be made before residents had been asked for their "
            "views, and that a public meeting would be held in the library next month. Officers "
            "will report on the options, including the cost of each one, before the summer break.\n"
        ),
    )
    examples_good = (
        (
            "The town council met on Monday evening to discuss the future of the old market "
            "hall. Members agreed to ask residents for their views.\n\n"
            "A vote is planned for the autumn.\n"
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.max_words = int(number_option(self, "max_words", minimum=1) or 1)

    def check(self, doc: Document) -> Iterable[Finding]:
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue
            per_sentence = block_words(doc, block)
            n = sum(len(words) for words in per_sentence)
            if n > self.max_words:
                sentences = len(per_sentence)
                message = f"paragraph has {n} words in {sentences} sentences (limit {self.max_words} words)"
                yield self.finding(doc, block.start, block.end, message)
