"""FA104 ``figure-mismatch``: a number that differs from a known figure."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from lint.analysis.amounts import Amount, sentence_amounts
from lint.analysis.keywords import KeywordIndex
from lint.analysis.memo import lazy_pattern
from lint.document import Document, Sentence
from lint.facts import Figure, format_value
from lint.model import Finding, Related, Severity
from lint.rule import Rule
from rules.facts.common import _YEAR_RE, MAX_SENTENCE, _analyse, _draft_day, _finding, _Sentences, _years

if TYPE_CHECKING:
    from lint.facts import FactBase

# ======================================================================================
# FA104: figures

_METRIC_WORDS = lazy_pattern(
    r"\b(?:revenues?|sales|turnover|profits?|income|earnings|ebit(?:da)?|margins?|deliveries|losses|loss|costs?|"
    r"spending|investments?|debt|cash|dividends?|prices?|valuation|value|market\s+share|shares|employees|staff|"
    r"workers|jobs|output|production|capacity|volume|budget|tax|fine|funding)\b",
    re.I,
)
_CHANGE_BEFORE = lazy_pattern(
    r"\b(?:by|from|up|down|compared\s+(?:with|to)|versus|vs\.?|against|(?:higher|lower|bigger|smaller|greater|larger|less|fewer)\s+than|increase\s+of|rise\s+of|"
    r"drop\s+of|fall\s+of|decline\s+of|growth\s+of|gain\s+of|jump\s+of|plus|minus)\s+(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)
_PART_PERIOD = lazy_pattern(
    r"\b(?:quarter(?:ly)?|half[- ]year|first[- ]half|second[- ]half|h[12]|q[1-4]|month(?:ly|s)?|weekly|"
    r"nine\s+months|six\s+months|per(?![ \u00a0]?cent\b)|segment|division|"
    # forward-looking: forecasts, targets and hopes are not statements of the figure
    r"forecast\w*|predict\w*|expect\w*|project(?:ed|ion|ions)|targets?|targeted|outlook|guidance|goals?|"
    r"aims?|aiming|plans?|planned|hopes?|hoping|estimat\w*|could|would|will|may|might|should|next\s+year|"
    r"by\s+20\d\d)\b",
    re.I,
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:last|previous|prior|past)\s+year\b|\ba\s+year\s+(?:earlier|before|ago)\b|\bthis\s+year\b", re.I
)
_ANAPHOR = re.compile(r"\b(?:its|it|the\s+(?:company|group|firm|carmaker|automaker|maker|business))\b", re.I)
_KEYWORD_QUALIFIED = lazy_pattern(
    # "revenue in China", "growth in goods", "sales of cars": a part of the figure, not it
    r"\s+(?:in|of|from|for|at|on|by)\s+"
    r"(?!(?:the\s+|its\s+|their\s+)?(?:year|period|fiscal|financial|full|first|latest|last|previous|past|whole|group|"
    r"company|firm|hold)\b)"
    r"(?!(?:about|around|nearly|almost|more|less|over|under|some|roughly|approximately|just|only|up|a|an|record|"
    r"estimated|between|just)\b)"
    r"(?:the\s+|its\s+|their\s+)?[^\W\d_]",
    re.I,
)
_BEFORE_GAP = lazy_pattern(
    # "$27bn (£14bn) back tax bill", "€142bn in revenue": at most two plain words between
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?!(?:to|for|from|by|than|and|or|but|after|before|which|that|as|while|with|"
    r"against|was|were|is|are|had|has)\b)[a-z][a-z-]*\s+){0,2}",
)


def _figure_index(facts: FactBase) -> KeywordIndex:
    def build() -> KeywordIndex:
        table: dict[str, list[Figure]] = {}
        for f in facts.figures:
            for k in f.keywords:
                table.setdefault(k, []).append(f)
        return KeywordIndex(table)

    return facts.cached("rules.facts.figure_index", build)


def _keyword_hits(
    doc: Document, info: _Sentences, index: KeywordIndex
) -> list[tuple[int, list[tuple[Any, list[tuple[int, int]]]]]]:
    """Keyword occurrences of a draft grouped by sentence, then by entry (figure or event),
    found in one pass per block. Over-long sentences are left out (see MAX_SENTENCE)."""
    per: dict[int, dict[int, tuple[Any, list[tuple[int, int]]]]] = {}
    prose = doc.prose
    low = doc.prose_lower
    if not index.may_match(low):
        return []
    for block in doc.blocks:
        for s, e, entries in index.find(prose, block.start, block.end, low):
            i = info.index_at(s)
            if i < 0:
                continue
            sent = info.sentences[i]
            if e > sent.end or sent.end - sent.start > MAX_SENTENCE:
                continue
            slot = per.setdefault(i, {})
            for entry in entries:
                slot.setdefault(id(entry), (entry, []))[1].append((s, e))
    return [(i, list(per[i].values())) for i in sorted(per)]


def _figure_entities(facts: FactBase) -> dict[int, Any]:
    """The entity of each figure of the fact base (None when unknown), by id."""
    return facts.cached(
        "rules.facts.figure_entities", lambda: {id(f): facts.entity_for(f.entity or "") for f in facts.figures}
    )


class _FigureSentence:
    """What FA104 asks of one sentence about each figure whose keyword it holds, worked
    out once per sentence rather than once per figure."""

    def __init__(self, info: _Sentences, i: int, text: str, day: _dt.date) -> None:
        self.info, self.i, self.text, self.day = info, i, text, day
        here = info.entities[i]
        self.named = {id(m.entity) for m in here}
        self.org_named = any(m.entity.type == "organization" for m in here)
        self._before: set[int] | None = None
        self.part_period = _PART_PERIOD().search(text) is not None
        self.years = _years(text)
        self._relative: re.Match[str] | None | bool = False

    def about(self, fig: Figure, targets: dict[int, Any]) -> bool:
        """The sentence is about the figure's entity: it names it, or it refers back with
        "its", "the company"... to the sentence before, which names it."""
        if not fig.entity:
            return True
        target = targets.get(id(fig))
        if target is None:
            return False
        if id(target) in self.named:
            return True
        if self.org_named:
            return False  # another organisation is the subject here
        if self._before is None:
            info, i = self.info, self.i
            chained = i > 0 and info.sentences[i - 1].block == info.sentences[i].block and _ANAPHOR.search(self.text)
            self._before = {id(m.entity) for m in info.entities[i - 1]} if chained else set()
        return id(target) in self._before

    def _relative_year(self) -> re.Match[str] | None:
        if self._relative is False:
            self._relative = _RELATIVE_YEAR.search(self.text)
        return self._relative  # type: ignore[return-value]

    def right_period(self, fig: Figure) -> bool:
        """The sentence is about the figure's year and period (not a quarter, a forecast...)."""
        if self.part_period:
            return False
        years, day = self.years, self.day
        if fig.year is None:
            return not years or years == {day.year}
        if years:
            return fig.year in years and len(years) == 1 or fig.year in years and not self._relative_year()
        rel = self._relative_year()
        if rel:
            word = rel.group(0).lower()
            return fig.year == (day.year if word.startswith("this") else day.year - 1)
        return fig.year == day.year - 1


def _compatible(fig: Figure, a: Amount) -> bool:
    if fig.unit == "%":
        return a.kind == "percent"
    if fig.unit == "pp":
        return a.kind == "pp"
    if len(fig.unit) == 3 and fig.unit.isupper():
        return a.kind == "money" and a.unit == fig.unit
    if fig.unit:
        return a.kind == "quantity" and a.unit == fig.unit
    return a.kind in ("number", "quantity") and a.unit == ""


def _consistent(fig: Figure, a: Amount) -> bool:
    if a.hedge == "over":  # "more than X" is wrong only when the fact is not above X
        return fig.value >= a.value * (1 - fig.tolerance) - fig.tolerance_abs
    if a.hedge == "under":
        return fig.value <= a.value * (1 + fig.tolerance) + fig.tolerance_abs
    if a.hedge == "about":
        return abs(fig.value - a.value) <= max(abs(fig.value) * max(fig.tolerance, 0.05), a.step)
    return fig.matches(a.value, a.step)


def _names_entity(prose: str, at: int, entity: Any) -> bool:
    """``prose[at:]`` starts with a form of ``entity`` ("turnover at Orbis Motors rose"
    names whose turnover, not a part of it)."""
    if entity is None:
        return False
    low = prose[at : at + 120].lower()
    for form in (entity.name, *entity.aliases):
        form = form.lower()
        if form and low.startswith(form):
            rest = low[len(form) :]
            if not rest[:1].isalnum() and not rest.startswith(("'s", "’s")):  # "at Orbis's plants": a part
                return True
    return False


_CHANGE_NAME = re.compile(
    r"\b(?:growth|grow|rise|increase|decrease|decline|fall|drop|gain|loss|change|cut|jump|slump|fell|rose)\b", re.I
)


def _is_change(fig: Figure) -> bool:
    """A percentage that is itself a change ("turnover growth in 2025": 8.5%): "up 8.5 per
    cent" and "grew by 8.5%" state it rather than a change of it."""
    return fig.unit in ("%", "pp") and _CHANGE_NAME.search(" ".join((fig.name, *fig.keywords))) is not None


def _year_filtered(fig: Figure, amounts: list[Amount], prose: str, sent: Sentence) -> list[Amount]:
    """With several years in a sentence ("€11bn in 2022 and €14bn in 2023"), keep the
    amounts whose nearest year is the figure's."""
    if fig.year is None:
        return amounts
    years = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR_RE.finditer(prose, sent.start, sent.end)]
    if len({y for _, _, y in years}) < 2:
        return amounts
    out = []
    for a in amounts:
        if a.kind == "year":
            continue
        # distance from the amount to each year; a year after it ("€14bn in 2023") wins ties
        nearest = min(years, key=lambda y: (y[0] - a.end, 0) if y[0] >= a.end else (a.start - y[1], 1))
        if nearest[2] == fig.year:
            out.append(a)
    return out


class FigureMismatch(Rule):
    """Flags a number that differs from a figure in the fact base.

    **What it finds**: a sentence that names the figure's entity (or one of its aliases, or
    refers back to the entity of the previous sentence with "its", "the company"...), uses
    one of the figure's keywords, and gives a number in the same unit (same currency,
    percent, or unit word) attached to that keyword that differs from the fact by more than
    the tolerance (0.5% unless the fact base says otherwise, and never less than the
    rounding of the number as written: "€142bn" is fine for 142.38 billion). "About",
    "more than" and "less than" are honoured. Changes ("rose by", "up from"), forecasts,
    partial periods (quarterly, first-half) and sentences about another year are skipped;
    a sentence that also states the right figure is left alone.

    **Why**: numbers copied from an earlier story or mistyped are hard to see and costly.

    **Example**: with Orbis revenue in 2023 of 12.5 billion EUR, "Orbis revenue reached €13.5
    billion in 2023." is flagged: ``'€13.5 billion' contradicts Orbis revenue in 2023: 12.5
    billion EUR per Orbis annual report (facts.yaml:7)``.

    **Fix**: check the source and correct the number. No automatic fix.
    """

    code = "FA104"
    name = "figure-mismatch"
    category = "facts"
    severity = Severity.WARNING
    example_facts: ClassVar[str] = """
        version: 1
        entities:
          - name: Orbis Motors
            type: organization
            aliases: [Orbis]
        figures:
          - name: Orbis revenue in 2023
            entity: Orbis Motors
            keywords: [revenue]
            value: 12.5 billion
            unit: EUR
            source: Orbis annual report
        """
    default_options: ClassVar[Mapping[str, Any]] = {"report_checked": False}
    examples_bad = (
        "---\ndate: 2024-03-01\n---\nOrbis revenue reached €13.5 billion in 2023.\n",
        "---\ndate: 2024-03-01\n---\nOrbis Motors grew fast. Its revenue was 11 billion euros last year.\n",
    )
    examples_good = (
        "---\ndate: 2024-03-01\n---\nOrbis revenue reached €12.5bn in 2023, up from €11bn.\n",
        "---\ndate: 2024-03-01\n---\nOrbis revenue reached €11 billion in 2022.\n",
        "---\ndate: 2024-03-01\n---\nOrbis expects revenue of €14 billion next year.\n",
        "---\ndate: 2024-03-01\n---\nOrbis revenue reached $13.5 billion in 2023.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        for fig, found in self._compare(doc):
            if found is not None:
                src = f" per {fig.source}" if fig.source else ""
                yield _finding(
                    self,
                    doc,
                    found.start,
                    found.end,
                    f"'{found.raw}' contradicts {fig.name}: {format_value(fig.value, fig.unit)}{src} ({fig.where})",
                    related=(Related(fig.path, fig.line, fig.name),),
                )

    def metrics(self, doc: Document) -> dict[str, float] | None:
        """With the option ``report_checked`` (``--check-facts FILE DRAFTS``): one key
        ``checked <file:line>`` for each figure a sentence of the draft was compared with."""
        if not self.options.get("report_checked"):
            return None
        return {f"checked {fig.where}": 1.0 for fig, _ in self._compare(doc)} or None

    def _compare(self, doc: Document) -> Iterator[tuple[Figure, Amount | None]]:
        """Each figure a sentence of ``doc`` states a number for (about its entity, for its
        period, in its unit), with the number that contradicts it or None."""
        facts: FactBase | None = self.context.facts
        if facts is None or not facts.figures:
            return
        index = _figure_index(facts)
        info = _analyse(doc, facts)
        prose = doc.prose
        day = _draft_day(self, doc)
        targets = _figure_entities(facts)
        for i, by_entry in _keyword_hits(doc, info, index):
            sent = info.sentences[i]
            text = prose[sent.start : sent.end]
            here = _FigureSentence(info, i, text, day)
            amounts: list[Amount] | None = None
            for fig, hits in by_entry:
                if not here.about(fig, targets):
                    continue
                if not here.right_period(fig):
                    continue
                if amounts is None:
                    amounts = sentence_amounts(doc, sent.start, sent.end)
                checked, found = self._mismatch(
                    fig, hits, _year_filtered(fig, amounts, prose, sent), prose, sent.start, targets.get(id(fig))
                )
                if checked:
                    yield fig, found

    @staticmethod
    def _mismatch(
        fig: Figure,
        hits: Sequence[tuple[int, int]],
        amounts: Sequence[Amount],
        prose: str,
        base: int,
        entity: Any = None,
    ) -> tuple[bool, Amount | None]:
        """(whether the sentence gives a number in the figure's unit, the one that
        contradicts the figure or None)."""
        usable: list[Amount] = []
        change = _is_change(fig)
        for a in amounts:
            if not _compatible(fig, a):
                continue
            if not change and _CHANGE_BEFORE().search(prose, max(base, a.start - 30), a.start):
                continue
            usable.append(a)
        if not usable:
            return False, None
        if any(_consistent(fig, a) for a in usable):
            return True, None
        for ks, ke in hits:
            qualified = _KEYWORD_QUALIFIED().match(prose, ke)
            if qualified and not _names_entity(prose, qualified.end() - 1, entity):
                continue
            after = [a for a in usable if a.start >= ke and a.start - ke <= 80]
            before = [a for a in usable if a.end <= ks and ks - a.end <= 40]
            for a in after[:1]:
                if not _METRIC_WORDS().search(prose, ke, a.start) and ";" not in prose[ke : a.start]:
                    return True, a
            for a in before[-1:]:
                between = prose[a.end : ks]
                if _BEFORE_GAP().fullmatch(between) and not _METRIC_WORDS().search(between):
                    return True, a
        return True, None
