"""CS113 ``figure-conflict``: one figure reported with different values."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress, count
from pathlib import Path
from typing import Any, ClassVar

from lint.analysis.amounts import Amount, sentence_amounts
from lint.analysis.lexicon import CALENDAR_WORDS
from lint.analysis.names import ORG_RUN, org_key
from lint.document import Document
from lint.model import Finding, Related, Severity, Span
from lint.record import Record
from lint.rule import Rule
from rules.consistency.words import _NAME_MID, _STOP, _is_all_caps, _is_initial, _words

# --------------------------------------------------------------------------------------
# CS113

_METRICS: Mapping[str, str] = {
    "revenue": "revenue",
    "revenues": "revenue",
    "turnover": "revenue",
    "sales": "sales",
    "profit": "profit",
    "profits": "profit",
    "earnings": "profit",
    "net income": "net profit",
    "net profit": "net profit",
    "net profits": "net profit",
    "net earnings": "net profit",
    "operating profit": "operating profit",
    "operating profits": "operating profit",
    "operating income": "operating profit",
    "pre-tax profit": "pre-tax profit",
    "pre-tax profits": "pre-tax profit",
    "pretax profit": "pre-tax profit",
    "profit before tax": "pre-tax profit",
    "loss": "loss",
    "losses": "loss",
    "net loss": "net loss",
    "deliveries": "deliveries",
    "shipments": "shipments",
    "dividend": "dividend",
    "debt": "debt",
    "debts": "debt",
    "market value": "market value",
    "market capitalisation": "market value",
    "market capitalization": "market value",
    "workforce": "workforce",
    "headcount": "workforce",
}
_METRIC_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in _METRICS), key=len, reverse=True)) + r")(?![\w-])",
    re.I,
)


_METRIC_HINTS = (
    "revenue",
    "turnover",
    "sales",
    "profit",
    "earnings",
    "income",
    "loss",
    "deliveries",
    "shipments",
    "dividend",
    "debt",
    "market",
    "workforce",
    "headcount",
)
"""Every metric holds one of these words: a sentence without one (in any case) names no
metric (a test checks that every metric holds one)."""
_CASE_ODD = ("\u0130", "\u0131", "\u017f")
"""Letters that match "i" or "s" when case is ignored, but whose lower case is no ASCII letter."""


def _metric_hints(doc: Document) -> list[int] | None:
    """Sorted offsets of the metric words (:data:`_METRIC_HINTS`) in the draft: a sentence
    holding none of them holds no metric. None when that cannot be told this way."""
    prose = doc.prose
    if any(c in prose for c in _CASE_ODD):
        return None
    low = doc.prose_lower
    found = []
    for hint in _METRIC_HINTS:
        i = low.find(hint)
        while i >= 0:
            found.append(i)
            i = low.find(hint, i + 1)
    found.sort()
    return found


_METRIC_QUALIFIERS = frozenset(
    """annual quarterly global worldwide domestic overseas international retail online advertising ad
    underlying gross core group half-year first-half second-half""".split()
)
"""Words before a metric that make it another figure ("global sales" is not "US sales")."""
_LINK_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:(?:for|in)\s+(?:the\s+)?(?:\d{4}|year|quarter|period|first\s+half|second\s+half)\s+)?"
    r"(?:of|at|to|was|were|is|are|reached|totall?ed|hit|stood\s+at|amounted\s+to|came\s+to|came\s+in\s+at|"
    r"(?:\w+ly\s+)?(?:rose|fell|grew|increased|decreased|dropped|jumped|climbed|slipped|declined|surged|"
    r"slumped|soared|plunged|plummeted|edged\s+up|edged\s+down|was\s+up|was\s+down)"
    r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent))?\s+to)"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|over|under|less\s+than|"
    r"just\s+over|just\s+under))?\s*$",
    re.I,
)
_LINK_BEFORE = re.compile(r"^\s+(?:in|of)\s+(?:(?:annual|net|total|global|quarterly|operating)\s+)*$", re.I)
_PERIOD = re.compile(
    r"\b(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter|(q[1-4])|(first|second)\s+half|(h[12])|"
    r"(three|six|nine)\s+months)\b",
    re.I,
)
_PERIOD_NAMES = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "final": "fourth",
    "q1": "first",
    "q2": "second",
    "q3": "third",
    "q4": "fourth",
    "h1": "first",
    "h2": "second",
}
_COMPARISON_YEAR = re.compile(
    r"\b(?:from|than|since|versus|vs|compared\s+(?:with|to)|against|over|on|before|after|until|by)\s+"
    r"(?:(?:its|the|their|his|her|a)\s+)?(?:\d{4}|\d{4}['’]s)\b",
    re.I,
)
"""A second year in the sentence ("up 27% from its 2003 performance"): which year a figure
belongs to is then unclear."""
_FORECAST = re.compile(
    r"\b(?:forecasts?|forecast(?:ing|ed)|expects?|expected|expecting|estimates?|estimated|predicts?|predicted|"
    r"targets?|targeted|aims?|aiming|plans?|planned|projects?|projected|guidance|outlook|could|would|might|may|"
    r"should|will|hopes?|wants?)\b",
    re.I,
)
"""Forecasts and targets are not the figure ("expects 2025 revenue of...")."""
_COMPARISON_AMOUNT = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|versus)\s+(?:about\s+|around\s+)?(?:[$€£¥]|[A-Z]{1,3}\$)?\s*\d"
)
_PREPOSITIONS = frozenset("in at for from to with by of on into across within outside against".split())
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|and)\s*(?:[$€£¥]|[A-Z]{1,3}\$)?\s*\d")
_SENTENCE_ADVERBS = frozenset(
    """however meanwhile recently separately overall earlier later last this next that these those
    analysts shares investors officials executives experts economists""".split()
)


class _FigureRecord(Record):
    key: tuple[str, str, int, str, str, str]  # entity, metric, year, period, unit, qualifier
    entity: str  # as written
    metric: str  # as written
    value: float
    step: float
    hedge: str
    raw: str
    span: Span
    context: str


class _Slot(Record):
    """One figure of a statement, as written."""

    value: float
    step: float
    hedge: str
    raw: str
    span: Span


class _StatementRecord(Record):
    key: str  # the sentence's words, folded, each figure masked by its unit
    slots: tuple[_Slot, ...]  # the masked figures, in order
    context: str


_STATEMENT_KINDS = frozenset({"money", "percent", "pp", "quantity", "number"})
"""Amounts a statement masks: measurements and counts, not years, dates, times or ages
(those stay in the key, so "in 2023" and "in 2024" are two statements)."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_SKELETON_SKIPS = frozenset({"a", "an", "the", "that"})
"""Words an editor adds or drops without changing the statement ("said that the plant
cost..." and "said the plant cost...")."""
MIN_STATEMENT_WORDS = 6
"""A statement needs this many words besides its figures: "Shares rose 3%." in two drafts
need not be one statement."""


def _statement(doc: Document, s: int, e: int) -> _StatementRecord | None:
    """The sentence ``doc.prose[s:e]`` as a statement: its words folded (punctuation, case,
    spacing and the words of _SKELETON_SKIPS ignored), each figure replaced by its kind and
    unit; None when it has no figure or too few words to tell one statement from another."""
    prose = doc.prose
    amounts = [a for a in sentence_amounts(doc, s, e) if a.kind in _STATEMENT_KINDS]
    if not amounts:
        return None
    parts: list[str] = []
    slots: list[_Slot] = []
    words = 0
    pos = s
    for a in amounts:
        if a.start < pos:
            continue  # overlapping amounts: keep the first
        gap = [w.lower() for w in _WORD.findall(prose, pos, a.start)]
        gap = [w for w in gap if w not in _SKELETON_SKIPS]
        words += len(gap)
        parts.extend(gap)
        parts.append(f"#{a.kind}:{a.unit}")
        slots.append(_Slot(a.value, _written_step(a), a.hedge, " ".join(a.raw.split()), doc.span(a.start, a.end)))
        pos = a.end
    gap = [w for w in (w.lower() for w in _WORD.findall(prose, pos, e)) if w not in _SKELETON_SKIPS]
    words += len(gap)
    parts.extend(gap)
    if words < MIN_STATEMENT_WORDS:
        return None
    return _StatementRecord(" ".join(parts), tuple(slots), " ".join(prose[s:e].split())[:200])


_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _written_step(a: Amount) -> float:
    """The resolution of the last digit as written, trailing zeros included: two copies of
    one statement that say "10%" and "14%", or "£200m" and "£160m", disagree, however
    round the first number looks."""
    m = _NUMBER.search(a.raw)
    if m is None:
        return a.step
    number = float(m.group(0).replace(",", "")) or 1.0
    scale = a.value / number if a.value else 1.0
    return (10.0 ** -len(m.group(1)) if m.group(1) else 1.0) * abs(scale)


def _slots_agree(a: _Slot, b: _Slot) -> bool:
    """Two copies of one figure of a statement agree when they are the same number, or one
    is the other rounded ("£4.23bn" and "£4.2bn"); hedges are part of the statement."""
    tolerance = max(a.step, b.step) / 2
    return abs(a.value - b.value) <= tolerance * (1 + 1e-9) + 1e-12 * max(abs(a.value), abs(b.value))


class FigureConflict(Rule):
    """One figure reported with different values in different drafts.

    **What it finds**: one statement whose figure differs between drafts: the same sentence
    (words, case and punctuation aside) with one number changed, in any unit or currency
    ("Sales at Orbis rose 37% in May" and "... rose 31% in May"; "£4.2bn" and "£4.8bn").
    Also the same metric of the same organisation for the same year (and
    quarter or half, when one is named) and in the same unit given different values:
    "BMW ... revenue of €142.38 billion" for 2024 in one draft and "revenue of €124.38
    billion" for 2024 in another. The value named in fewer drafts is reported (on a tie,
    the later file), naming the other draft and line.

    **Why**: one of the figures is a typo or comes from another source; readers comparing
    the articles will notice.

    **Example**: draft A: "Orbis Motors reported revenue of €42.5 billion for 2024";
    draft B: "Orbis Motors' revenue was €45.2 billion in 2024". B (or A) is reported.

    **Fix**: check the source (the fact base ``figures`` section, if any) and correct the
    wrong draft.

    **Conservative on purpose**: a statement needs six words besides its figures and
    articles, and a draft that makes it twice with different figures makes it ambiguously
    (left alone). For
    differently worded sentences, a figure counts only when its sentence names exactly one
    year and one organisation before the metric (a name mid-sentence, or one the draft also
    writes mid-sentence, or one the fact base knows), and the number follows the metric
    directly ("revenue of", "revenue rose 5% to", "€3bn in revenue"). Growth rates, shares and
    other percentages, figures in other currencies or units, qualified metrics ("global
    sales" beside "sales in China", "net" beside "operating" profit) are different figures.
    Rounding is allowed for: "€142bn" and "€142.38 billion" agree, and so do "about €140bn"
    and "€142.38bn" (5%). A figure the fact base holds is left to the facts rules, which
    check every draft against it.
    """

    code = "CS113"
    name = "figure-conflict"
    category = "consistency"
    severity = Severity.WARNING
    examples_bad = ()
    examples_good = ("Orbis Motors reported revenue of €42.5 billion for 2024, up from €40.1 billion.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Orbis Motors reported revenue of €42.5 billion for 2024.\n",
            "b.md": "For 2024, Orbis Motors posted revenue of €45.2 billion.\n",
        },
        {
            "a.md": "Sales at the Orbis Motors plant rose 37% in the three months to June.\n",
            "b.md": "Sales at the Orbis Motors plant rose 31% in the three months to June.\n",
        },
    )

    def record(self, doc: Document) -> list[_FigureRecord | _StatementRecord] | None:
        prose = doc.prose
        out: list[_FigureRecord | _StatementRecord] = []
        for sent in doc.sentences:
            if doc.blocks[sent.block].kind != "heading" and _DIGIT.search(prose, sent.start, sent.end):
                stmt = _statement(doc, sent.start, sent.end)
                if stmt is not None:
                    out.append(stmt)
        return self._metric_records(doc, out) or None

    def _metric_records(
        self, doc: Document, out: list[_FigureRecord | _StatementRecord]
    ) -> list[_FigureRecord | _StatementRecord]:
        """``out`` with the records of "organisation, year, metric, value" figures added."""
        prose = doc.prose
        hints = _metric_hints(doc)
        if hints is not None and not hints:
            return out  # no metric anywhere
        named = functools.cache(lambda: self._mid_sentence_names(doc))
        for sent in doc.sentences:
            s, e = sent.start, sent.end
            if hints is not None:
                h = bisect_left(hints, s)
                if h == len(hints) or hints[h] >= e:
                    continue  # no metric word in the sentence
            if doc.blocks[sent.block].kind == "heading" or not _METRIC_RE.search(prose, s, e):
                continue
            amounts = sentence_amounts(doc, s, e)
            years = {int(a.value) for a in amounts if a.kind == "year"}
            if len(years) != 1 or _COMPARISON_YEAR.search(prose, s, e) or _FORECAST.search(prose, s, e):
                continue
            year = years.pop()
            comparison = _COMPARISON_AMOUNT.search(prose, s, e)
            if comparison and any(a.kind == "year" and a.start > comparison.start() for a in amounts):
                continue  # "up 8% from 9.2bn euros in 2003": the year is the other figure's
            period_m = _PERIOD.search(prose, s, e)
            period = "year"
            if period_m:
                word = next(g for g in period_m.groups() if g).lower()
                period = _PERIOD_NAMES.get(word, word) + (" months" if period_m.group(5) else "")
                if period_m.group(1) or period_m.group(2):
                    period += " quarter"
                elif period_m.group(3) or period_m.group(4):
                    period += " half"
            values = [a for a in amounts if a.kind in ("money", "quantity") and a.unit]
            for m in _METRIC_RE.finditer(prose, s, e):
                amount = _bound_amount(prose, m, values)
                if amount is None:
                    continue
                entity = self._entity(doc, prose, s, m.start(), named)
                if entity is None:
                    continue
                metric = _METRICS[" ".join(m.group(1).lower().split())]
                qualifier = _qualifier(prose, s, m.start())
                key = (self._entity_key(entity), metric, year, period, amount.unit, qualifier)
                context = " ".join(prose[s:e].split())[:200]
                out.append(
                    _FigureRecord(
                        key,
                        entity,
                        m.group(1),
                        amount.value,
                        amount.step,
                        amount.hedge,
                        " ".join(amount.raw.split()),
                        doc.span(amount.start, amount.end),
                        context,
                    )
                )
        return out

    @staticmethod
    def _mid_sentence_names(doc: Document) -> set[str]:
        """Capitalised words the draft writes mid-sentence: names, not sentence openers."""
        ws = _words(doc)
        out: set[str] = set()
        for j in compress(count(), map(_NAME_MID, ws.words)):
            r = ws.run_of(j)
            if ws.name_like(j, r) and ws.case_ok(j, r):
                out.add(ws.words[j].text)
        return out

    def _entity(
        self, doc: Document, prose: str, s: int, metric_start: int, named: Callable[[], set[str]]
    ) -> str | None:
        """The one organisation named before the metric in its sentence, or None (``named()``:
        the draft's mid-sentence names)."""
        facts = self.context.facts
        runs = []
        for m in ORG_RUN.finditer(prose, s, metric_start):
            words = m.group(0).replace("’s", "").replace("'s", "").split()
            words = [w for w in words if w.lower() not in CALENDAR_WORDS]
            if not words:
                continue
            first = words[0]
            initial = _is_initial(prose, s, m.start())
            if initial and len(words) == 1 and first not in named() and not _is_all_caps(first):
                if facts is None or facts.entity_for(first) is None:
                    continue  # "Recently", "Analysts": a sentence opener, not a name
            if first.lower() in _SENTENCE_ADVERBS or (first.lower() in _STOP and len(words) == 1):
                continue
            before = re.findall(r"[\w-]+", prose[max(s, m.start() - 20) : m.start()])
            if before and before[-1].lower() in _PREPOSITIONS:
                continue  # "the market in Germany": a place or a part, not the subject
            if first.lower() in _STOP:
                words = words[1:]
            if words:
                runs.append(" ".join(words))
        keys = {self._entity_key(r) for r in runs}
        if len(keys) != 1:
            return None
        return runs[-1]

    def _entity_key(self, name: str) -> str:
        facts = self.context.facts
        if facts is not None:
            ent = facts.entity_for(name)
            if ent is not None:
                return org_key(ent.name)
        return org_key(name)

    def _fact_base_knows(self, key: tuple[str, str, int, str, str, str]) -> bool:
        """The fact base has this figure: the facts rules check every draft against it."""
        facts = self.context.facts
        if facts is None:
            return False
        for fig in getattr(facts, "figures", ()):
            entity, metrics, year, unit = _figure_key_of(facts, fig)
            if entity == key[0] and key[1] in metrics and year in (None, key[2]) and unit in ("", key[4]):
                return True
        return False

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        by_key: dict[tuple[Any, ...], list[tuple[str, _FigureRecord]]] = defaultdict(list)
        order = {path: i for i, (path, _) in enumerate(records)}
        statements: dict[str, list[tuple[str, _StatementRecord]]] = defaultdict(list)
        for path, recs in records:
            for r in recs:
                if isinstance(r, _StatementRecord):
                    statements[r.key].append((path, r))
                else:
                    by_key[r.key].append((path, r))
        seen: set[tuple[str, int]] = set()
        for f in self._metric_conflicts(by_key, order):
            seen.add((f.path, f.span.start))
            yield f
        for c in _statement_conflicts(statements, order):
            if (c.path, c.span.start) not in seen:
                seen.add((c.path, c.span.start))
                yield self.finding_at(c.path, c.span, c.message, related=c.related, context=c.context)

    def _metric_conflicts(
        self, by_key: Mapping[tuple[Any, ...], list[tuple[str, _FigureRecord]]], order: Mapping[str, int]
    ) -> Iterable[Finding]:
        for key, mentions in by_key.items():
            if len({p for p, _ in mentions}) < 2 or self._fact_base_knows(key):
                continue
            clusters: list[list[tuple[str, _FigureRecord]]] = []
            for path, r in mentions:
                for c in clusters:
                    if all(_values_agree(r, x) for _, x in c):
                        c.append((path, r))
                        break
                else:
                    clusters.append([(path, r)])
            if len(clusters) < 2:
                continue
            # A tie goes to the earlier draft in the engine's order (context drafts first).
            ranked = sorted(clusters, key=lambda c: (-len({p for p, _ in c}), order[c[0][0]]))
            ref_path, ref = ranked[0][0]
            for group in ranked[1:]:
                for path, r in group:
                    if path == ref_path or any(_values_agree(r, x) for _, x in ranked[0]):
                        continue
                    year = r.key[2]
                    period = "" if r.key[3] == "year" else f" ({r.key[3]})"
                    where = f"{Path(ref_path).name}:{ref.span.line}"
                    msg = f"{r.entity} {r.metric} for {year}{period} is {r.raw} here but {ref.raw} in {where}"
                    related = [Related(ref_path, ref.span.line, f"{ref.entity} {ref.metric}: {ref.raw}")]
                    yield self.finding_at(path, r.span, msg, related=related, context=r.context)


class _Conflict(Record):
    path: str
    span: Span
    message: str
    related: list[Related]
    context: str


def _statement_conflicts(
    statements: Mapping[str, list[tuple[str, _StatementRecord]]], order: Mapping[str, int]
) -> Iterable[_Conflict]:
    """Figures that differ between drafts' copies of one statement. For each figure of the
    statement, the value written in fewer drafts is reported (on a tie, the later draft in the
    engine's order, which puts context drafts first)."""
    for mentions in statements.values():
        if len({p for p, _ in mentions}) < 2:
            continue
        by_path: dict[str, _StatementRecord] = {}
        ambiguous = False
        for path, r in mentions:
            had = by_path.setdefault(path, r)
            if had is not r and not all(map(_slots_agree, had.slots, r.slots)):
                ambiguous = True  # one draft, two values: which is the statement?
        if ambiguous or len(by_path) < 2:
            continue
        paths = sorted(by_path, key=order.__getitem__)
        for j in range(len(by_path[paths[0]].slots)):
            clusters: list[list[tuple[str, _Slot]]] = []
            for path in paths:
                slot = by_path[path].slots[j]
                for c in clusters:
                    if all(_slots_agree(slot, x) for _, x in c):
                        c.append((path, slot))
                        break
                else:
                    clusters.append([(path, slot)])
            if len(clusters) < 2:
                continue
            ranked = sorted(clusters, key=lambda c: (-len(c), order[c[0][0]]))
            ref_path, ref = ranked[0][0]
            where = f"{Path(ref_path).name}:{ref.span.line}"
            for group in ranked[1:]:
                for path, slot in group:
                    if any(_slots_agree(slot, x) for _, x in ranked[0]):
                        continue
                    msg = f"{slot.raw} here but {ref.raw} in the same statement in {where}"
                    related = [Related(ref_path, ref.span.line, f"the same statement: {ref.raw}")]
                    yield _Conflict(path, slot.span, msg, related, by_path[path].context)


def _figure_key_of(facts: Any, fig: Any) -> tuple[str, set[str], int | None, str]:
    """(entity key, metrics, year, unit) of a fact base figure, in this rule's terms."""
    ent = facts.entity_for(fig.entity) if fig.entity else None
    entity = org_key(ent.name if ent is not None else (fig.entity or ""))
    metrics = {_METRICS[k.lower()] for k in fig.keywords if k.lower() in _METRICS}
    return entity, metrics, fig.year, fig.unit


def _bound_amount(prose: str, m: re.Match[str], values: Sequence[Any]) -> Any | None:
    """The amount the metric at ``m`` states: right after it ("revenue of €3bn", "revenue
    rose 5% to €3bn") or right before it ("€3bn in revenue")."""
    after = [a for a in values if a.start >= m.end()]
    found = None
    if after and _LINK_AFTER.match(prose[m.end() : after[0].start]):
        found = after[0]
    else:
        before = [a for a in values if a.end <= m.start()]
        if before and _LINK_BEFORE.match(prose[before[-1].end : m.start()]):
            found = before[-1]
    if found is not None and _RANGE_AFTER.match(prose, found.end):
        return None  # a range ("$4.2bn to $4.35bn") is not one figure
    return found


def _qualifier(prose: str, s: int, metric_start: int) -> str:
    """Lower-case words right before the metric that make it another figure."""
    words = re.findall(r"[\w-]+", prose[max(s, metric_start - 40) : metric_start])
    kept: list[str] = []
    for w in reversed(words):
        if w != w.lower() or w not in _METRIC_QUALIFIERS:
            break  # only the words right before it, in lower case ("BMW Group revenue" is no qualifier)
        kept.insert(0, w)
    return " ".join(kept)


def _values_agree(a: _FigureRecord, b: _FigureRecord) -> bool:
    """Two statements of one figure agree when they differ by no more than rounding (half the
    coarser step), 0.5%, or 5% when either is hedged ("about", "nearly")."""
    big = max(abs(a.value), abs(b.value))
    tolerance = max(a.step, b.step) / 2 + big * (0.05 if (a.hedge or b.hedge) else 0.005)
    if a.hedge == "over" or b.hedge == "over":
        low = a if a.hedge == "over" else b
        other = b if low is a else a
        if other.value >= low.value:
            return True
    if a.hedge == "under" or b.hedge == "under":
        high = a if a.hedge == "under" else b
        other = b if high is a else a
        if other.value <= high.value:
            return True
    return abs(a.value - b.value) <= tolerance * (1 + 1e-9)
