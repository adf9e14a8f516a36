"""FA102 ``wrong-title`` and FA103 ``post-holder``: titles and posts the fact base gives differently."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from lint.analysis.memo import lazy_pattern, per_document_and_facts
from lint.analysis.names import name_words, person_entity, same_person
from lint.analysis.roles import RoleMention, find_role_mentions
from lint.analysis.spans import quote_spans
from lint.analysis.titles import is_exclusive_title, is_vague_title, titles_compatible
from lint.document import Document
from lint.facts import Role
from lint.model import Finding, Related, Severity
from lint.record import Record
from lint.rule import Rule
from rules.facts.common import _draft_day, _finding, _in_heading, _unquoted, _years

if TYPE_CHECKING:
    from lint.facts import FactBase

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
    quoted = quote_spans(doc).inside
    for m in find_role_mentions(doc, facts):
        sent = doc.sentence_at(m.start)
        if sent is None or _in_heading(doc, sent) or quoted(m.person_start, m.person_end):
            continue
        if quoted(m.title_start, m.title_end):
            continue
        qual = m.qualifier.rstrip("-")
        if qual in _SKIP_QUALIFIERS or qual.startswith("ex-"):
            continue
        if is_vague_title(m.title):
            continue
        past = past_year.get(sent.start)
        if past is None:
            past = past_year[sent.start] = any(y < day.year for y in _years(_unquoted(doc, sent)))
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
    if org_ent is None or not is_exclusive_title(m.title, m.org):
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
