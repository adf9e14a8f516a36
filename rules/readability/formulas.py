"""What the reading scores count (:class:`Counts`) and the formulas computed from those
counts; :data:`FORMULAS` names every formula a project may choose, the others computed by
textstat on the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.record import Record

if TYPE_CHECKING:
    pass


@dataclass(slots=True)
class Counts:
    """What the formulas need, for a paragraph or a whole draft."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    """Words of three syllables or more (SMOG)."""
    difficult: int = 0
    """Words of three syllables or more that are not on the Dale-Chall list of easy words
    (textstat's definition of Gunning fog's "complex words")."""

    def add(self, other: Counts) -> None:
        self.words += other.words
        self.sentences += other.sentences
        self.syllables += other.syllables
        self.polysyllables += other.polysyllables
        self.difficult += other.difficult


def flesch_reading_ease(c: Counts) -> float:
    """206.835 - 1.015 * words/sentences - 84.6 * syllables/words (higher is easier)."""
    if not c.words or not c.sentences:
        return 0.0
    return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)


def flesch_kincaid_grade(c: Counts) -> float:
    """0.39 * words/sentences + 11.8 * syllables/words - 15.59 (a US school grade)."""
    if not c.words or not c.sentences:
        return 0.0
    return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59


def gunning_fog(c: Counts) -> float:
    """0.4 * (words/sentences + 100 * difficult words/words) (a US school grade)."""
    if not c.words or not c.sentences:
        return 0.0
    return 0.4 * (c.words / c.sentences + 100 * c.difficult / c.words)


def smog_index(c: Counts) -> float:
    """1.043 * sqrt(polysyllables * 30/sentences) + 3.1291 (a US school grade)."""
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291


class Formula(Record):
    label: str
    scale: str
    """``grade`` (a US school grade, higher is harder: limited by ``max_grade``), ``ease``
    (higher is easier: limited by ``min_ease``) or ``other`` (own scale: ``limit``)."""
    compute: Callable[[Counts], float] | None = None
    """None: textstat computes the score on the text itself."""
    default_limit: float | None = None
    """Limit of ``other`` formulas when the option ``limit`` is not set."""


FORMULAS: dict[str, Formula] = {
    "flesch_reading_ease": Formula("Flesch reading ease", "ease", flesch_reading_ease),
    "flesch_kincaid_grade": Formula("Flesch-Kincaid grade", "grade", flesch_kincaid_grade),
    "gunning_fog": Formula("Gunning fog", "grade", gunning_fog),
    "smog_index": Formula("SMOG grade", "grade", smog_index),
    "coleman_liau_index": Formula("Coleman-Liau index", "grade"),
    "automated_readability_index": Formula("automated readability index", "grade"),
    "linsear_write_formula": Formula("Linsear Write grade", "grade"),
    "spache_readability": Formula("Spache grade", "grade"),
    "text_standard": Formula("textstat consensus grade", "grade"),
    "dale_chall_readability_score": Formula("Dale-Chall score", "other", default_limit=9.0),
    "lix": Formula("LIX", "other", default_limit=55.0),
    "rix": Formula("RIX", "other", default_limit=7.2),
    "mcalpine_eflaw": Formula("McAlpine EFLAW", "other", default_limit=25.0),
}
"""Formulas a project may choose with the option ``formula`` (textstat's function names)."""

METRIC_FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
