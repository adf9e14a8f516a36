"""Counts of every scored block of a draft, computed once per document and shared by the
score rules and the metrics.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable

from lint.analysis.memo import per_document
from lint.document import Block, Document
from lint.record import Record
from lint.text import WORD
from rules.readability.formulas import Counts
from rules.readability.lexicon import LEXICON, clear_textstat_caches

# Headings are titles, not sentences; they are never scored. Block quotes are read by the
# reader (they count towards the draft's score) but their words are not the writer's, so
# paragraph-level and sentence-level findings never point at them.
DRAFT_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
OWN_KINDS = frozenset({"paragraph", "list_item"})


def sentence_counts(doc: Document, start: int, end: int) -> Counts:
    """Counts for ``doc.prose[start:end]`` as one sentence."""
    return counts_of(WORD.findall(doc.prose, start, end), 1)


def counts_of(words: list[str], sentences: int) -> Counts:
    """Counts for ``words`` in ``sentences`` sentences."""
    figures = LEXICON.figures(words)
    return Counts(
        words=len(words),
        sentences=sentences,
        syllables=sum(map(_SYLLABLES, figures)),
        polysyllables=sum(map(_POLYSYLLABIC, figures)),
        difficult=sum(map(_DIFFICULT, figures)),
    )


_SYLLABLES, _POLYSYLLABIC, _DIFFICULT = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


class BlockScore(Record):
    block: Block
    counts: Counts
    quoted_share: float
    """Share of the block's words inside quotation marks."""


def _quoted_share(doc: Document, block: Block, total: int) -> float:
    """Share of the block's ``total`` words that lie inside one of ``doc.quotes``. The
    quotes of a block lie inside it and begin and end at a quote mark or at the block's
    end, so no word straddles their edges: the words inside a quote are those found
    within it."""
    if not total:
        return 0.0
    prose = doc.prose
    quotes = doc.quotes
    quoted = 0
    findall = WORD.findall
    i = bisect.bisect_left(quotes, (block.start,))
    while i < len(quotes) and quotes[i][0] < block.end:
        quoted += len(findall(prose, quotes[i][0], quotes[i][1]))
        i += 1
    return quoted / total


def block_words(doc: Document, block: Block) -> list[list[str]]:
    """The words of each sentence of ``block`` (see :attr:`Document.sentence_words`).
    Sentences split a block at white space, so a block's words are its sentences' words."""
    starts: list[int] | None = doc.memo.get("rules.readability.sentence_starts")
    if starts is None:
        starts = doc.memo["rules.readability.sentence_starts"] = [s.start for s in doc.sentences]
    lo = bisect.bisect_left(starts, block.start)
    hi = bisect.bisect_left(starts, block.end)
    return doc.sentence_words[lo:hi]


@per_document
def analyse(doc: Document) -> list[BlockScore]:
    """Counts for every scored block of ``doc`` (kept in ``doc.memo``, so the draft rule,
    the paragraph rule and the metrics share one pass, and the engine drops it once the
    readability rules have run)."""
    out = []
    for block in doc.blocks:
        if block.kind not in DRAFT_KINDS:
            continue
        per_sentence = block_words(doc, block)
        words = [w for sentence in per_sentence for w in sentence]
        c = counts_of(words, len(per_sentence))
        if c.words:
            out.append(BlockScore(block, c, _quoted_share(doc, block, c.words)))
    return out


def draft_counts(scores: Iterable[BlockScore]) -> Counts:
    total = Counts()
    for s in scores:
        total.add(s.counts)
    return total


def textstat_score(name: str, text: str) -> float:
    """A formula textstat computes on the text, with its per-text caches emptied after."""
    ts = LEXICON.textstat()
    try:
        fn = getattr(ts, name)
        value = fn(text, float_output=True) if name == "text_standard" else fn(text)
        return float(value)
    finally:
        clear_textstat_caches()


# -- options -----------------------------------------------------------------------------
