"""FA105 ``event-date``: an event dated differently from the fact base."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from lint.analysis.dates import DateMention, find_dates
from lint.analysis.keywords import KeywordIndex
from lint.document import Document
from lint.facts import Event
from lint.model import Finding, Related, Severity
from lint.rule import Rule
from rules.facts.common import _analyse, _draft_day, _finding
from rules.facts.figures import _keyword_hits

if TYPE_CHECKING:
    from lint.facts import FactBase

# ======================================================================================
# FA105: event dates

_CLAUSE_BREAK = re.compile(r"[;:()]|\b(?:and|but|while|after|before|when|since|until|whereas|although)\b", re.I)
_DATE_LEAD = re.compile(r"\b(?:by|until|till|from|since|before|after|to|between|through|and|than)\s+(?:on\s+)?$", re.I)


NEAR_DATE = 40
"""A date this many characters from the keyword, in the same clause, dates the event."""
MAX_LATE_DATE = 110
"""A date further on, up to this many characters, dates it only as the clause's "on <date>"
("unveiled the device at a press event in London on March 25")."""
_ON_DATE = re.compile(r"\bon\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$", re.I)
_LATE_GAP_BREAK = re.compile(
    r"[,;:()]\s*(?:which|that|who|whose|where|when|it|he|she|they)\b|\b(?:which|who|whose|will|would|to|due|expected|"
    r"scheduled|plans?|planned|goes|went|go)\b|[.!?]",
    re.I,
)


def _late_date(prose: str, ke: int, ds: int) -> bool:
    """A date after the keyword, further than NEAR_DATE, that still dates the keyword's
    clause: "on <date>" with nothing between that starts another clause or looks ahead."""
    return ds >= ke and bool(_ON_DATE.search(prose, max(ke, ds - 24), ds)) and not _LATE_GAP_BREAK.search(prose, ke, ds)


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
    default_options: ClassVar[Mapping[str, Any]] = {"report_checked": False}
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
        for ev, d in self._compare(doc):
            if d is not None:
                raw = doc.text[d.start : d.end]
                yield _finding(
                    self,
                    doc,
                    d.start,
                    d.end,
                    f"'{raw}' contradicts {ev.name}: {ev.date.isoformat()} ({ev.where})",
                    related=(Related(ev.path, ev.line, ev.name),),
                )

    def metrics(self, doc: Document) -> dict[str, float] | None:
        """With the option ``report_checked`` (``--check-facts FILE DRAFTS``): one key
        ``checked <file:line>`` for each event a sentence of the draft gave a date for."""
        if not self.options.get("report_checked"):
            return None
        return {f"checked {ev.where}": 1.0 for ev, _ in self._compare(doc)} or None

    def _compare(self, doc: Document) -> Iterator[tuple[Event, DateMention | None]]:
        """Each event a sentence of ``doc`` dates, with the date that contradicts it or None."""
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
                if not dates:
                    continue
                if any(_same_day(d, ev.date) for d in dates):
                    yield ev, None
                    continue
                best = None
                for ks, ke in hits:
                    for d in dates:
                        dist = d.start - ke if d.start >= ke else ks - d.end
                        if dist > MAX_LATE_DATE or dist > NEAR_DATE and not _late_date(prose, ke, d.start):
                            continue
                        gap = prose[ke : d.start] if d.start >= ke else prose[d.end : ks]
                        if _CLAUSE_BREAK.search(gap):
                            continue
                        if _DATE_LEAD.search(prose, max(sent.start, d.start - 20), d.start):
                            continue
                        if best is None or dist < best[0]:
                            best = (dist, d)
                if best is not None:
                    yield ev, best[1]


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
