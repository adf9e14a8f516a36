"""Reading-score rules: the whole draft (RD101, which also reports the draft's metrics) and
each paragraph (RD102), with the formula a project chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from lint.document import Document
from lint.errors import ConfigError
from lint.model import Finding, Severity
from lint.rule import Rule, RunContext
from rules.readability.analysis import OWN_KINDS, BlockScore, analyse, draft_counts, textstat_score
from rules.readability.formulas import FORMULAS, METRIC_FORMULAS, Counts
from rules.readability.options import number_option

if TYPE_CHECKING:
    pass


class _ScoreRule(Rule):
    """Shared option handling of the draft and paragraph score rules."""

    category = "readability"
    severity = Severity.INFO

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        name = self.options.get("formula")
        if not isinstance(name, str) or name.strip().lower().replace("-", "_") not in FORMULAS:
            raise ConfigError(
                f"unknown readability formula {name!r}",
                key=f"rules.{self.code}.formula",
                hint="one of: " + ", ".join(sorted(FORMULAS)),
            )
        self.formula_name = name.strip().lower().replace("-", "_")
        self.formula = FORMULAS[self.formula_name]
        self.min_words = int(number_option(self, "min_words", minimum=1) or 1)
        limit = number_option(self, "limit", allow_none=True)
        max_grade = number_option(self, "max_grade")
        min_ease = number_option(self, "min_ease")
        if limit is None:
            if self.formula.scale == "grade":
                limit = max_grade
            elif self.formula.scale == "ease":
                limit = min_ease
            else:
                limit = self.formula.default_limit
        assert limit is not None
        self.limit = limit

    def score(self, counts: Counts, text: Callable[[], str]) -> float:
        if self.formula.compute is not None:
            return self.formula.compute(counts)
        return textstat_score(self.formula_name, text())

    def too_hard(self, value: float) -> bool:
        return value < self.limit if self.formula.scale == "ease" else value > self.limit

    def describe(self, value: float) -> str:
        bound = "minimum" if self.formula.scale == "ease" else "limit"
        return f"{self.formula.label} {value:.1f} ({bound} {self.limit:g})"


_SCORE_OPTIONS = {"formula": "flesch_kincaid_grade", "limit": None}


class DraftReadability(_ScoreRule):
    """Reports a draft whose reading score is harder than the project's limit.

    **What it finds**: the draft's score on a readability formula (default Flesch-Kincaid
    grade) over its prose: paragraphs, list items and block quotes; headings, code, tables
    and URLs are left out. The message names the hardest paragraph.

    **Why**: news copy is read fast by a general audience. Professionally edited news
    averages about grade 11 on Flesch-Kincaid (reading ease about 53; measured on 1,275 BBC
    News articles) and fewer than one draft in a thousand passes grade 15 (reading ease
    under 30): past that, a draft reads like a contract or an academic paper, with long
    sentences and abstract many-syllable words.

    **Options**: ``formula`` (``flesch_kincaid_grade``; also ``flesch_reading_ease``,
    ``gunning_fog``, ``smog_index`` and textstat's ``coleman_liau_index``,
    ``automated_readability_index``, ``linsear_write_formula``, ``spache_readability``,
    ``text_standard``, ``dale_chall_readability_score``, ``lix``, ``rix``,
    ``mcalpine_eflaw``); ``max_grade`` (15: limit of grade formulas), ``min_ease`` (30:
    lowest Flesch reading ease), ``limit`` (overrides both, and sets the limit of formulas
    with their own scale: Dale-Chall 9, LIX 55, RIX 7.2, McAlpine EFLAW 25); ``min_words``
    (100: shorter drafts are not scored, their scores are noise).

    The core formulas are textstat's: Flesch reading ease 206.835 - 1.015 * words per
    sentence - 84.6 * syllables per word; Flesch-Kincaid 0.39 * words per sentence + 11.8 *
    syllables per word - 15.59; Gunning fog 0.4 * (words per sentence + 100 * share of
    complex words), complex meaning three syllables or more and not on the Dale-Chall list;
    SMOG 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291.

    **Example**: a draft written in 45-word sentences full of "infrastructure",
    "optimisation" and "stakeholders".

    **Fix**: split long sentences, prefer short common words; start with the paragraph the
    message names.
    """

    code = "RD101"
    name = "draft-readability"
    default_options = {**_SCORE_OPTIONS, "max_grade": 15.0, "min_ease": 30.0, "min_words": 100}
    examples_bad = (
        (
            "The consolidation of regional administrative responsibilities, which "
            "representatives of numerous municipal authorities characterised as "
            "fundamentally unsatisfactory, necessitated comprehensive reorganisation of "
            "operational infrastructure, considerable additional investment in "
            "technological modernisation, and extensive consultation with organisations "
            "representing affected communities. Opposition representatives "
            "subsequently characterised the governmental proposals as insufficiently "
            "comprehensive.\n\n"
            "Independent evaluations commissioned by the parliamentary committee "
            "subsequently identified significant inconsistencies in the implementation "
            "methodology, particularly regarding the prioritisation of infrastructure "
            "modernisation initiatives and the allocation of discretionary supplementary "
            "appropriations across geographically dispersed administrative divisions. "
            "Considerable uncertainty concerning the availability of supplementary "
            "financial authorisations exacerbated organisational difficulties.\n\n"
            "Notwithstanding these considerations, governmental representatives "
            "maintained that the reorganisation would ultimately deliver substantially "
            "improved administrative efficiency and considerably enhanced accountability.\n"
        ),
    )
    examples_good = (
        (
            "The council met on Monday. It voted to keep the library open for two more "
            "years. About forty people came to the meeting, and most of them spoke in "
            "favour of the plan.\n\n"
            "The building needs a new roof. Work will start in May and should take six "
            "weeks. The library will stay open while the builders are there, but the "
            "children's room will close for a month.\n\n"
            "Staff said they were pleased. One of them said the news had come as a big "
            "relief after a hard year for everyone who works there.\n"
        ),
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        scores = analyse(doc)
        total = draft_counts(scores)
        if total.words < self.min_words:
            return
        value = self.score(total, lambda: _joined_text(doc, scores))
        if not self.too_hard(value):
            return
        message = f"draft is hard to read: {self.describe(value)}; {total.words} words"
        hardest = self._hardest(doc, scores)
        if hardest is not None:
            message += f"; hardest paragraph at line {hardest.block.first_line}"
        first = scores[0].block
        yield self.finding(doc, first.start, first.end, message)

    def _hardest(self, doc: Document, scores: list[BlockScore]) -> BlockScore | None:
        """The hardest paragraph of the writer's own with at least 20 words (core formulas
        only: others would mean one textstat call per paragraph)."""
        compute = self.formula.compute
        if compute is None:
            return None
        candidates = [s for s in scores if s.block.kind in OWN_KINDS and s.counts.words >= 20 and s.quoted_share <= 0.5]
        if not candidates:
            return None
        sign = -1.0 if self.formula.scale == "ease" else 1.0
        return max(candidates, key=lambda s: sign * compute(s.counts))

    def metrics(self, doc: Document) -> Mapping[str, float] | None:
        scores = analyse(doc)
        total = draft_counts(scores)
        if not total.words:
            return None
        out: dict[str, float] = {name: round(FORMULAS[name].compute(total), 2) for name in METRIC_FORMULAS}  # type: ignore[misc]
        if self.formula_name not in out:
            out[self.formula_name] = round(self.score(total, lambda: _joined_text(doc, scores)), 2)
        out["words"] = float(total.words)
        out["sentences"] = float(total.sentences)
        return out


def _joined_text(doc: Document, scores: Iterable[BlockScore]) -> str:
    return "\n\n".join(" ".join(doc.block_text(s.block).split()) for s in scores)


class ParagraphReadability(_ScoreRule):
    """Reports a paragraph whose reading score is far harder than news copy.

    **What it finds**: a paragraph (or list item) of at least ``min_words`` words (default
    40) whose score on the chosen formula (default Flesch-Kincaid grade) passes the limit
    (default grade 20, or reading ease under 10 with ``formula = "flesch_reading_ease"``).
    Paragraphs that are mostly quotation are skipped: the words are the speaker's.

    A shorter paragraph (from ``min_short_words``, default 12 words) is not scored by a
    formula but by its density of long words: it is reported when at least ``max_long_share``
    (default half) of its words are complex (three syllables or more and not on the Dale-Chall
    list of easy words, Gunning fog's definition), as in a 27-word sentence of abstract nouns.

    **Why**: one impenetrable paragraph loses readers even in an easy draft. Scores of short
    texts are noisy (one long word moves them by whole grades, and a formula's sentence-length
    term means little for one sentence), so short paragraphs are not scored and the default
    limit is set well above edited news, where about three paragraphs in a thousand reach it.
    The share of long words is a proportion, not a grade: in edited news it is about one word
    in eight, one in five for the hardest tenth of paragraphs, and no paragraph of 1,275 BBC
    News articles reaches one in two.

    **Options**: as the draft rule (``formula``, ``max_grade`` 20, ``min_ease`` 10,
    ``limit``), ``min_words`` (40), ``min_short_words`` (12) and ``max_long_share`` (0.5).

    **Example**: a single 60-word sentence of abstract nouns ("the operationalisation of
    cross-departmental accountability mechanisms...").

    **Fix**: split the paragraph's sentences and replace abstract nouns with verbs.
    """

    code = "RD102"
    name = "paragraph-readability"
    default_options = {
        **_SCORE_OPTIONS,
        "max_grade": 20.0,
        "min_ease": 10.0,
        "min_words": 40,
        "min_short_words": 12,
        "max_long_share": 0.5,
    }
    examples_bad = (
        (
            "The committee's recommendations regarding the operationalisation of "
            "cross-departmental accountability mechanisms, notwithstanding considerable "
            "institutional reluctance, necessitated fundamental reconsideration of "
            "organisational responsibilities, particularly concerning the "
            "implementation of comprehensive environmental sustainability "
            "requirements across administratively heterogeneous jurisdictions and "
            "geographically dispersed municipalities and their surrounding agricultural "
            "communities.\n"
        ),
        (
            "Intergovernmental consultation necessitated considerable reorganisation of "
            "administrative responsibilities, particularly regarding environmental "
            "regulation and agricultural diversification.\n"
        ),
    )
    examples_good = (
        (
            "The committee met on Tuesday and agreed to hire two more inspectors. The "
            "new staff will start in the spring. Each of them will visit about twenty "
            "farms a month, and the first reports are due before the end of the year.\n"
        ),
        (
            'She said: "The operationalisation of cross-departmental accountability '
            "mechanisms, notwithstanding considerable institutional reluctance, "
            "necessitated fundamental reconsideration of organisational "
            "responsibilities, particularly concerning the implementation of "
            'comprehensive environmental sustainability requirements."\n'
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.min_short_words = int(number_option(self, "min_short_words", minimum=1) or 1)
        self.max_long_share = float(number_option(self, "max_long_share", minimum=0.01) or 0.5)

    def check(self, doc: Document) -> Iterable[Finding]:
        for s in analyse(doc):
            if s.block.kind not in OWN_KINDS or s.quoted_share > 0.5:
                continue
            n = s.counts.words
            if n < self.min_words:
                if n >= self.min_short_words and s.counts.difficult >= self.max_long_share * n:
                    message = (
                        f"short paragraph is hard to read: {s.counts.difficult} of its {n} words are long "
                        f"(three syllables or more, not common; limit {self.max_long_share:.0%})"
                    )
                    yield self.finding(doc, s.block.start, s.block.end, message)
                continue
            value = self.score(s.counts, lambda s=s: doc.block_text(s.block))  # type: ignore[misc]
            if self.too_hard(value):
                message = f"paragraph is hard to read: {self.describe(value)}; {s.counts.words} words"
                yield self.finding(doc, s.block.start, s.block.end, message)


# -- lengths -----------------------------------------------------------------------------
