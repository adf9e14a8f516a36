"""Facts: what the draft says that the editors' fact base contradicts (category ``facts``).

Every rule here needs a fact base (``--facts FILE``; see :mod:`lint.facts`) and yields
nothing without one. They never guess beyond it: a name, title, number or date is flagged
only when the fact base holds the matching entry and the draft says something else.

* FA101 ``avoided-name``: a known-wrong form of a name ("Harmony OS" for HarmonyOS NEXT);
* FA102 ``wrong-title``: a person given a title at an organisation that the fact base
  gives differently;
* FA103 ``post-holder``: someone named as holding a post that someone else held on the
  draft's date (typically a former chief executive named as the current one);
* FA104 ``figure-mismatch``: a number that differs from a known figure;
* FA105 ``event-date``: an event dated differently from the fact base;
* FA106 ``false-claim``: a statement the fact base lists as false.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from lint.analysis.amounts import Amount, sentence_amounts
from lint.analysis.dates import DateMention, find_dates
from lint.analysis.keywords import KeywordIndex
from lint.analysis.memo import lazy_pattern, per_document_and_facts
from lint.analysis.names import name_words, person_entity, same_person
from lint.analysis.roles import RoleMention, find_role_mentions
from lint.analysis.titles import is_exclusive_title, is_vague_title, titles_compatible
from lint.document import Document, Sentence
from lint.facts import EntityMatch, Event, FactBase, Figure, Role, fold, format_value
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Edit, Finding, Fix, Related, Severity
from lint.record import Record
from lint.rule import Rule

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


def _unquoted(doc: Document, sentence: Sentence, quote_starts: Sequence[int]) -> str:
    """The sentence's prose with quotations blanked (same length)."""
    text = doc.prose[sentence.start : sentence.end]
    quotes = doc.quotes
    j = bisect.bisect_left(quote_starts, sentence.end) - 1
    parts: list[tuple[int, int]] = []
    while j >= 0 and quotes[j][1] > sentence.start:  # quotes are sorted and do not overlap
        parts.append(quotes[j])
        j -= 1
    for qs, qe in parts:
        a, b = max(qs, sentence.start) - sentence.start, min(qe, sentence.end) - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR_RE.findall(text)}


# ======================================================================================
# FA101


class AvoidedName(Rule):
    """Flags a known-wrong form of a name listed under ``avoid`` in the fact base.

    **What it finds**: any form an entity's ``avoid`` list names, in any case, at word
    boundaries ("Harmony OS", "HarmonyOS Next" when the fact base says ``HarmonyOS NEXT``).
    Accepted forms (the name and its ``aliases``) are never flagged, nor is an accepted form
    written in capitals only (a headline). Code, URLs and front matter are not prose and are
    never searched.

    **Why**: product, company and people's names are the first thing readers and the people
    named notice; a fact sheet lists the forms that keep creeping in.

    **Example**: with ``avoid: [Harmony OS]`` for ``HarmonyOS NEXT``, "runs Harmony OS" is
    flagged: ``'Harmony OS' should be 'HarmonyOS NEXT' (facts.yaml:3)``.

    **Fix**: replacing the form with the canonical name is safe in the running text. Inside a
    quotation the misspelling is still flagged (a quotation's words are the speaker's, its
    spelling is ours), but the fix is marked unsafe so that ``--fix`` leaves quotes alone.
    """

    code = "FA101"
    name = "avoided-name"
    category = "facts"
    severity = Severity.ERROR
    fixable = True
    example_facts: ClassVar[str] = """
        version: 1
        entities:
          - name: HarmonyOS NEXT
            type: product
            aliases: [HarmonyOS]
            avoid: [HarmonyOS Next, Harmony OS]
        """
    examples_bad = (
        "The cars will run Harmony OS in China.\n",
        "Huawei's HarmonyOS Next ships this year.\n",
    )
    examples_good = (
        "The cars will run HarmonyOS NEXT, the successor of HarmonyOS.\n",
        "# HUAWEI BRINGS HARMONYOS NEXT TO BMW\n",
        "See `harmony os` in the code and https://example.com/Harmony-OS for details.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        facts: FactBase | None = self.context.facts
        if facts is None or not any(e.avoid for e in facts.entities):
            return
        for found in _block_entities(doc, facts):
            for m in found:
                if m.kind != "avoid":
                    continue
                written = doc.text[m.start : m.end]
                ent = m.entity
                replacement = ent.name
                if written.isupper() and not ent.name.isupper() and written not in ent.avoid:
                    replacement = ent.name.upper()
                if written == replacement:
                    continue
                quoted = doc.in_quote(m.start, m.end)
                fix = Fix(
                    (Edit(m.start, m.end, replacement),),
                    f"replace with '{replacement}'",
                    safe=not quoted,
                )
                yield _finding(
                    self,
                    doc,
                    m.start,
                    m.end,
                    f"'{written}' should be '{replacement}' ({ent.where})",
                    fix=fix,
                    related=(Related(ent.path, ent.line, f"canonical form '{ent.name}'"),),
                )


# ======================================================================================
# FA102 / FA103: roles

_SKIP_QUALIFIERS = frozenset(
    "former ex then late previous outgoing incoming new newly-appointed acting interim future departing "
    "retired onetime one-time erstwhile".split()
)
_PAST_CONTEXT = lazy_pattern(
    r"\b(?:former|formerly|then|previously|once|until|had\s+been|used\s+to|predecessors?|succeed\w*|replac\w*|"
    r"step(?:s|ped|ping)?\s+down|resign\w*|retir\w*|oust\w*|depart\w*|exit|sack\w*|fired|quit\w*|left|"
    r"dismiss\w*|death|died|late)\b",
    re.I,
)


class _RoleCheck(Record):
    mention: RoleMention
    code: str
    message: str
    related: tuple[Related, ...]


@per_document_and_facts
def _role_checks_by_day(doc: Document, facts: FactBase) -> dict[_dt.date, list[_RoleCheck]]:
    """The role checks of one draft and fact base, per date they were made for (filled by
    _role_findings)."""
    return {}


def _role_findings(rule: Rule, doc: Document) -> list[_RoleCheck]:
    """The role checks of one draft (both codes): computed once per draft, fact base and
    date, and filtered per rule."""
    facts: FactBase | None = rule.context.facts
    if facts is None or not facts.roles:
        return []
    day = _draft_day(rule, doc)
    by_day = _role_checks_by_day(doc, facts)
    got = by_day.get(day)
    if got is None:
        got = by_day[day] = _compute_role_findings(facts, doc, day)
    return got


def _compute_role_findings(facts: FactBase, doc: Document, day: _dt.date) -> list[_RoleCheck]:
    out: list[_RoleCheck] = []
    prose = doc.prose
    past_year: dict[int, bool] = {}
    quote_starts = [q[0] for q in doc.quotes]
    for m in find_role_mentions(doc, facts):
        sent = doc.sentence_at(m.start)
        if sent is None or _in_heading(doc, sent) or doc.in_quote(m.person_start, m.person_end):
            continue
        if doc.in_quote(m.title_start, m.title_end):
            continue
        qual = m.qualifier.rstrip("-")
        if qual in _SKIP_QUALIFIERS or qual.startswith("ex-"):
            continue
        if is_vague_title(m.title):
            continue
        past = past_year.get(sent.start)
        if past is None:
            past = past_year[sent.start] = any(y < day.year for y in _years(_unquoted(doc, sent, quote_starts)))
        if past:
            continue  # a historical sentence ("In 2015, ...") is about another date: skip
        if _PAST_CONTEXT().search(prose, max(sent.start, m.start - 40), m.start):
            continue
        check = _check_mention(facts, m, day)
        if check is not None:
            out.append(check)
    return out


def _fmt_role(r: Role) -> str:
    return f"{r.title} of {r.org}" if r.org else r.title


def _check_mention(facts: FactBase, m: RoleMention, day: _dt.date) -> _RoleCheck | None:
    if facts.entity_for(m.person) is not None and person_entity(facts, m.person) is None:
        return None  # a product or organisation, not a person
    person_ent = person_entity(facts, m.person)
    if person_ent is None and len(name_words(m.person)) < 2:
        return None  # "Mr Green": a surname alone is not enough to tell who
    org_ent = facts.entity_for(m.org) if m.org else None
    if m.org and org_ent is None:
        return None  # an organisation the fact base does not know: nothing to compare
    # -- the person's own roles (FA102 wrong title, FA103 no longer / not yet in post) ------
    if person_ent is not None and org_ent is not None:
        mine = [r for r in facts.roles_of(person_ent.name) if r.org and facts.same_entity(r.org, org_ent.name)]
        if mine:
            fitting = [r for r in mine if titles_compatible(m.title, r.titles)]
            if fitting:
                if any(r.active_on(day) for r in fitting):
                    return None
                r = max(fitting, key=lambda x: x.since or _dt.date.min)
                holders = [
                    h
                    for h in facts.roles_at(org_ent.name)
                    if h.active_on(day) and titles_compatible(m.title, h.titles)
                    if not same_person(h.person, person_ent.name, unknown=True, facts=facts)
                ]
                if r.until is not None and r.until < day:
                    msg = f"{person_ent.name} was {_fmt_role(r)} until {r.until.isoformat()}"
                else:
                    msg = f"{person_ent.name} became {_fmt_role(r)} only on {r.since}"
                related = [Related(r.path, r.line, _fmt_role(r))]
                if holders:
                    h = holders[0]
                    since = f" since {h.since.isoformat()}" if h.since else ""
                    msg += f"; {h.person} holds the post{since} ({h.where})"
                    related.append(Related(h.path, h.line, f"{h.person}: {_fmt_role(h)}"))
                else:
                    msg += f" ({r.where})"
                return _RoleCheck(m, "FA103", msg, tuple(related))
            active = [r for r in mine if r.active_on(day)]
            if active:
                r = active[0]
                since = f" since {r.since.isoformat()}" if r.since else ""
                return _RoleCheck(
                    m,
                    "FA102",
                    f"{person_ent.name} is {_fmt_role(r)}{since}, not '{m.title}' ({r.where})",
                    (Related(r.path, r.line, _fmt_role(r)),),
                )
            return None
    # -- the post (FA103 someone else holds it) --------------------------------------------
    if org_ent is None or not is_exclusive_title(m.title):
        return None
    holders = [h for h in facts.roles_at(org_ent.name) if h.active_on(day) and titles_compatible(m.title, h.titles)]
    if not holders:
        return None
    if any(same_person(h.person, m.person, unknown=True, facts=facts) for h in holders):
        return None
    h = holders[0]
    since = f" since {h.since.isoformat()}" if h.since else ""
    return _RoleCheck(
        m,
        "FA103",
        f"{h.person} is {_fmt_role(h)}{since}, not {m.person} ({h.where})",
        (Related(h.path, h.line, f"{h.person}: {_fmt_role(h)}"),),
    )


_ROLE_FACTS = """
    version: 1
    entities:
      - name: Mira Castell
        type: person
      - name: Jonas Brandt
        type: person
      - name: Orbis Motors
        type: organization
        aliases: [Orbis]
    roles:
      - person: Mira Castell
        title: President and CEO
        org: Orbis Motors
        since: 2023-11-01
      - person: Jonas Brandt
        title: chief executive
        org: Orbis Motors
        since: 2015-01-01
        until: 2023-10-31
    """


class WrongTitle(Rule):
    """Flags a person given a title at an organisation that the fact base gives differently.

    **What it finds**: a person named with a title at an organisation, in the forms news copy
    uses ("Mira Castell, chairman of Orbis", "Orbis chairman Mira Castell", "Orbis's
    chairman, Mira Castell"...), when the fact base lists that person's role at that
    organisation under another title. Equivalent titles match (CEO = chief executive = chief
    executive officer, chair = chairman, a German "Chairman of the Board of Management" =
    CEO) and each role's ``title_aliases`` count too. Informal titles ("boss", "head"),
    titles qualified as former/acting/incoming, titles in headings or quotations and
    sentences about another year are left alone.

    **Why**: a wrong title misinforms readers and embarrasses the person named.

    **Example**: with Mira Castell "President and CEO" of Orbis Motors, "Orbis chairman Mira
    Castell" is flagged: ``Mira Castell is President and CEO of Orbis Motors since 2023-11-01,
    not 'chairman' (facts.yaml:11)``.

    **Fix**: use the title from the fact base (or add the title to ``title_aliases`` when
    it is an accepted way of putting it). No automatic fix.
    """

    code = "FA102"
    name = "wrong-title"
    category = "facts"
    severity = Severity.WARNING
    example_facts: ClassVar[str] = _ROLE_FACTS
    examples_bad = (
        "---\ndate: 2025-03-20\n---\nOrbis chairman Mira Castell opened the plant.\n",
        "---\ndate: 2025-03-20\n---\nMira Castell, vice president of Orbis Motors, opened the plant.\n",
    )
    examples_good = (
        "---\ndate: 2025-03-20\n---\nOrbis chief executive Mira Castell opened the plant.\n",
        '---\ndate: 2025-03-20\n---\n"Our chairman Mira Castell loves it," said a fan.\n',
        "---\ndate: 2025-03-20\n---\n# Orbis chairman Mira Castell opens plant\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        for c in _role_findings(self, doc):
            if c.code == self.code:
                m = c.mention
                yield _finding(self, doc, m.title_start, m.title_end, c.message, related=c.related)


class PostHolder(Rule):
    """Flags someone named as holding a post that someone else held on the draft's date.

    **What it finds**: a person named with a title at an organisation (same forms as FA102)
    when the fact base says someone else held that post on the draft's date (front matter
    ``date``, else today), or that the person named left it before that date or took it up
    after. The typical case is a former chief executive named as the current one. Only posts
    with one holder are compared (chief executive, chairman, president, managing director,
    prime minister...; not vice presidents or directors). Titles qualified as
    former/then/acting, headings, quotations and sentences about another year are skipped.

    **Why**: executives change; copy recycled from an older article keeps the old name.

    **Example**: with Jonas Brandt chief executive of Orbis Motors until 2023-10-31 and Mira
    Castell since 2023-11-01, a draft dated 2025 saying "Orbis chief executive Jonas Brandt"
    is flagged: ``Jonas Brandt was chief executive of Orbis Motors until 2023-10-31; Mira
    Castell holds the post since 2023-11-01 (facts.yaml:11)``.

    **Fix**: name the holder from the fact base, or mark the person as "former". No
    automatic fix.
    """

    code = "FA103"
    name = "post-holder"
    category = "facts"
    severity = Severity.WARNING
    example_facts: ClassVar[str] = _ROLE_FACTS
    examples_bad = (
        "---\ndate: 2025-03-20\n---\nOrbis chief executive Jonas Brandt opened the plant.\n",
        "---\ndate: 2025-03-20\n---\nTom Reyes, the president of Orbis Motors, opened the plant.\n",
    )
    examples_good = (
        "---\ndate: 2025-03-20\n---\nFormer Orbis chief executive Jonas Brandt opened the plant.\n",
        "---\ndate: 2022-06-01\n---\nOrbis chief executive Jonas Brandt opened the plant.\n",
        "---\ndate: 2025-03-20\n---\nTom Reyes, a vice president of Orbis Motors, opened the plant.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        for c in _role_findings(self, doc):
            if c.code == self.code:
                m = c.mention
                yield _finding(self, doc, m.person_start, m.person_end, c.message, related=c.related)


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
    r"nine\s+months|six\s+months|per|segment|division|"
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
                found = self._mismatch(fig, hits, _year_filtered(fig, amounts, prose, sent), prose, sent.start)
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

    @staticmethod
    def _mismatch(
        fig: Figure, hits: Sequence[tuple[int, int]], amounts: Sequence[Amount], prose: str, base: int
    ) -> Amount | None:
        usable: list[Amount] = []
        for a in amounts:
            if not _compatible(fig, a):
                continue
            if _CHANGE_BEFORE().search(prose, max(base, a.start - 30), a.start):
                continue
            usable.append(a)
        if not usable:
            return None
        if any(_consistent(fig, a) for a in usable):
            return None
        for ks, ke in hits:
            if _KEYWORD_QUALIFIED().match(prose, ke):
                continue
            after = [a for a in usable if a.start >= ke and a.start - ke <= 80]
            before = [a for a in usable if a.end <= ks and ks - a.end <= 40]
            for a in after[:1]:
                if not _METRIC_WORDS().search(prose, ke, a.start) and ";" not in prose[ke : a.start]:
                    return a
            for a in before[-1:]:
                between = prose[a.end : ks]
                if _BEFORE_GAP().fullmatch(between) and not _METRIC_WORDS().search(between):
                    return a
        return None


# ======================================================================================
# FA105: event dates

_CLAUSE_BREAK = re.compile(r"[;:()]|\b(?:and|but|while|after|before|when|since|until|whereas|although)\b", re.I)
_DATE_LEAD = re.compile(r"\b(?:by|until|till|from|since|before|after|to|between|through|and|than)\s+(?:on\s+)?$", re.I)


class EventDate(Rule):
    """Flags an event dated differently from the fact base.

    **What it finds**: a sentence that uses one of an event's keywords and names the event's
    ``entities`` (in the sentence or the one before; without ``entities``, the capitalised
    words of the event's name), with an explicit day date near the keyword that differs from
    the event's date. A date without a year takes the draft's year (front matter ``date``,
    else today). Dates after "by", "until", "since", "before"... and sentences that also give
    the right date are left alone.

    **Why**: a wrong date is a small error readers do notice, and it spreads.

    **Example**: with the StarDeck launch on 2024-05-02, "Orbis launched StarDeck on May 3."
    is flagged: ``'May 3' contradicts StarDeck launch: 2024-05-02 (facts.yaml:7)``.

    **Fix**: correct the date. No automatic fix.
    """

    code = "FA105"
    name = "event-date"
    category = "facts"
    severity = Severity.WARNING
    example_facts: ClassVar[str] = """
        version: 1
        entities:
          - name: Orbis Motors
            type: organization
            aliases: [Orbis]
        events:
          - name: StarDeck launch
            date: 2024-05-02
            keywords: [launched]
            entities: [Orbis Motors]
        """
    examples_bad = (
        "---\ndate: 2024-05-10\n---\nOrbis launched StarDeck on May 3.\n",
        "---\ndate: 2024-05-10\n---\nOrbis launched the StarDeck system on 3 May 2024 in Lisbon.\n",
    )
    examples_good = (
        "---\ndate: 2024-05-10\n---\nOrbis launched StarDeck on May 2.\n",
        "---\ndate: 2024-05-10\n---\nOrbis launched StarDeck and will ship it by June 30.\n",
        "---\ndate: 2024-05-10\n---\nA rival launched its system on May 3.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        facts: FactBase | None = self.context.facts
        if facts is None or not facts.events:
            return
        index, extra = facts.cached("rules.facts.event_index", lambda: _event_index(facts))
        info = _analyse(doc, facts)
        prose = doc.prose
        day = _draft_day(self, doc)
        for i, by_entry in _keyword_hits(doc, info, index):
            sent = info.sentences[i]
            text = prose[sent.start : sent.end]
            dates = None
            for ev, hits in by_entry:
                ents, name_rx = extra[id(ev)]
                if ents:
                    near = info.entities[i] + (
                        info.entities[i - 1] if i > 0 and info.sentences[i - 1].block == sent.block else []
                    )
                    if not all(e is not None and any(m.entity is e for m in near) for e in ents):
                        continue
                elif name_rx is not None:
                    if not name_rx.match(text):
                        continue
                if dates is None:
                    dates = find_dates(prose, sent.start, sent.end, default_year=day.year)
                if not dates or any(_same_day(d, ev.date) for d in dates):
                    continue
                best = None
                for ks, ke in hits:
                    for d in dates:
                        dist = d.start - ke if d.start >= ke else ks - d.end
                        if dist > 40:
                            continue
                        gap = prose[ke : d.start] if d.start >= ke else prose[d.end : ks]
                        if _CLAUSE_BREAK.search(gap):
                            continue
                        if _DATE_LEAD.search(prose, max(sent.start, d.start - 20), d.start):
                            continue
                        if best is None or dist < best[0]:
                            best = (dist, d)
                if best is None:
                    continue
                d = best[1]
                raw = doc.text[d.start : d.end]
                yield _finding(
                    self,
                    doc,
                    d.start,
                    d.end,
                    f"'{raw}' contradicts {ev.name}: {ev.date.isoformat()} ({ev.where})",
                    related=(Related(ev.path, ev.line, ev.name),),
                )


def _event_index(facts: FactBase) -> tuple[KeywordIndex, dict[int, tuple[list[Any], re.Pattern[str] | None]]]:
    table: dict[str, list[Event]] = {}
    extra: dict[int, tuple[list[Any], re.Pattern[str] | None]] = {}
    for ev in facts.events:
        for k in ev.keywords:
            table.setdefault(k, []).append(ev)
        names = [w for w in re.findall(r"\b[A-Z][\w-]*", ev.name) if len(w) >= 2][:2]
        rx = None
        if not ev.entities and names:
            rx = re.compile(r"\A" + "".join(rf"(?=.*?\b{re.escape(w)}\b)" for w in names), re.I | re.S)
        extra[id(ev)] = ([facts.entity_for(n) for n in ev.entities], rx)
    return KeywordIndex(table), extra


def _same_day(d: DateMention, day: _dt.date) -> bool:
    """A date without a year is compared on month and day only: its year is a guess (the
    draft's), and a draft often refers to last year's event without the year."""
    if d.has_year:
        return d.date == day
    return (d.date.month, d.date.day) == (day.month, day.day)


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
                if doc.in_quote(m.start(), m.end()) or _NEGATION.search(m.group(0)):
                    continue
                yield _finding(
                    self,
                    doc,
                    m.start(),
                    m.end(),
                    f"{claim.message} ({claim.where})",
                    related=(Related(claim.path, claim.line, "known-false claim"),),
                )


FACT_RULES: tuple[type[Rule], ...] = (AvoidedName, WrongTitle, PostHolder, FigureMismatch, EventDate, FalseClaim)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return list(FACT_RULES)


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
