"""Built-in readability rules: reading scores per draft and per paragraph, long sentences,
long paragraphs.

Scores use textstat's documented formulas. The four core ones (Flesch reading ease,
Flesch-Kincaid grade, Gunning fog, SMOG) are computed here from counts gathered in one pass
over the draft: words and sentences come from the document model (its sentence splitter
knows abbreviations and initials), syllables and "difficult" words from textstat, asked
once per distinct word and memoised. That keeps a draft linear in its length, keeps
textstat's per-text caches from holding whole drafts, and scores each paragraph from the
same counts. Other textstat formulas are computed by textstat itself on the text.

textstat is imported lazily, on the first draft that needs a score, never at import time.

Modules: ``formulas`` (counts and formulas), ``lexicon`` and ``hyphenation`` (syllables and
difficult words), ``analysis`` (counts per block, once per document), ``scores`` (RD101,
RD102), ``length`` (RD103, RD104), ``options``.
"""

from __future__ import annotations

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.readability.analysis import BlockScore, analyse, draft_counts, sentence_counts, textstat_score
from rules.readability.formulas import (
    FORMULAS,
    METRIC_FORMULAS,
    Counts,
    Formula,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    smog_index,
)
from rules.readability.length import LongParagraph, LongSentence
from rules.readability.lexicon import LEXICON, clear_textstat_caches
from rules.readability.scores import DraftReadability, ParagraphReadability, _joined_text


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [DraftReadability, ParagraphReadability, LongSentence, LongParagraph]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""

__all__ = [
    "FORMULAS",
    "LEXICON",
    "METRIC_FORMULAS",
    "BlockScore",
    "Counts",
    "DraftReadability",
    "Formula",
    "LongParagraph",
    "LongSentence",
    "ParagraphReadability",
    "_joined_text",
    "analyse",
    "clear_textstat_caches",
    "draft_counts",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "lint_article_rules",
    "plugin",
    "sentence_counts",
    "smog_index",
    "textstat_score",
]
