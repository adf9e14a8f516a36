"""CS111 ``role-holder-conflict``: two people given the same post at the same organisation."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from lint.analysis.lexicon import BODY_NOUNS
from lint.analysis.names import name_words, org_key, same_person
from lint.analysis.roles import find_role_mentions
from lint.analysis.titles import is_exclusive_title, title_parts
from lint.document import Document
from lint.model import Finding, Related, Severity, Span
from lint.record import Record
from lint.rule import Rule

# --------------------------------------------------------------------------------------
# CS111

_SAME_POST_PARTS = {
    "chairman of the board": "chairman",
    "chairman of the board of management": "chief executive officer",
}


class _RoleRecord(Record):
    org_key: str
    post: str  # one exclusive part of the title ("chief executive officer")
    person: str
    person_words: tuple[str, ...]
    title: str  # as written
    org: str  # as written
    span: Span  # the person's name
    context: str
    date: Any  # datetime.date | None


class RoleHolderConflict(Rule):
    """Two drafts name different people as holder of the same post at the same organisation.

    **What it finds**: one draft names Sean Green as the chief executive of BMW Group Region
    China, another gives that post at BMW Group Greater China to Gao Xiang. Posts are
    compared part by part after normalisation (CEO = chief executive = chief executive
    officer; chair = chairman), and only posts with one holder at a time (chief executive,
    president, chairman, managing director, general secretary, governor, prime minister,
    mayor...; a manager or head coach at a sports club; not minister, director, spokesman,
    vice-president, nor a manager at a company). Every word order of a post is read ("the
    Org title, Name", "Name, Org's title", "Org title Name", "Name, who is title of Org",
    "title of Org Name", "the title of Org, Name"), with names of any shape ("K.T. Marlowe",
    "Karim al-Haddadi", "Sofia de los Ríos", "Phạm Văn Khải"). Organisations are compared by a loose key that
    drops the legal form and group words ("Group", "AG", "Inc") and region qualifiers
    ("Region", "Greater"), but keeps every other word: "BMW Group Region China" and "BMW
    Group Greater China" are one organisation, "BMW Group" and "BMW China" are two. The
    people named in fewer drafts are reported (on a tie, the later file), naming the other
    draft and line.

    **Why**: one of the drafts is wrong, or the post changed hands and one draft is stale;
    either way the drafts cannot all be published as they are.

    **Example**: draft A names "Jo Smith, chief executive of Orbis Motors", draft B
    "Orbis Motors CEO Al Jones": B (or A) is reported.

    **Fix**: check who holds the post (the fact base ``roles`` section, if any, says) and
    correct the wrong draft.

    **Not reported**: the same person written two ways ("Mr Dixon"/"Tim Dixon", "Gao
    Xiang"/"Xiang Gao"); former, acting, outgoing or incoming holders, and mentions in a
    sentence that names an earlier year ("US president in the 1980s"); a title without an
    organisation or with a generic one ("Committee chairman"); drafts whose front-matter
    dates are more than ``max_days`` apart (a post can change hands). When the fact base
    says the two names are one person (an alias), the mixed naming is reported as
    information instead, naming the fact base entry. When the fact base says who holds the
    post, a conflict is left to the facts rules, which check every draft against it.
    """

    code = "CS111"
    name = "role-holder-conflict"
    category = "consistency"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {"max_days": 90}
    examples_bad = ()
    examples_good = ("Jo Smith, chief executive of Orbis Motors, spoke. Orbis Motors CEO Alan Jones left.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Jo Smith, chief executive of Orbis Motors, opened the plant.\n",
            "b.md": "The plant was opened by Orbis Motors chief executive Alan Jones.\n",
        },
    )

    def record(self, doc: Document) -> list[_RoleRecord] | None:
        facts = self.context.facts
        out = []
        this_year = (doc.date or self.context.today).year
        for m in find_role_mentions(doc, facts):
            if m.qualifier or not m.org or _has_qualifier(m.title):
                continue
            sent = doc.sentence_at(m.start)
            if sent is not None and _mentions_the_past(doc.prose[sent.start : sent.end], this_year):
                continue  # "Ronald Reagan, US president in the 1980s": not the holder today
            words = name_words(m.person)
            if len(words) < 2 and not (facts is not None and facts.entity_for(m.person) is not None):
                continue  # a surname alone ("Mr Dixon") cannot contradict anyone
            key = self._org_key(m.org)
            if not key or all(w in BODY_NOUNS for w in key.split()):
                continue
            context = " ".join(doc.prose[sent.start : sent.end].split())[:200] if sent else m.person
            for part in sorted(title_parts(m.title)):
                post = _SAME_POST_PARTS.get(part, part)
                if not is_exclusive_title(post, m.org):
                    continue
                out.append(
                    _RoleRecord(
                        key,
                        post,
                        m.person,
                        words,
                        m.title,
                        m.org,
                        doc.span(m.person_start, m.person_end),
                        context,
                        doc.date,
                    )
                )
        return out or None

    def _org_key(self, org: str) -> str:
        facts = self.context.facts
        if facts is not None:
            ent = facts.entity_for(org)
            if ent is not None:
                return org_key(ent.name)
        return org_key(org)

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        by_post: dict[tuple[str, str], list[tuple[str, _RoleRecord]]] = defaultdict(list)
        order = {path: i for i, (path, _) in enumerate(records)}
        for path, recs in records:
            for r in recs:
                by_post[(r.org_key, r.post)].append((path, r))
        reported: set[tuple[str, int, str]] = set()
        facts = self.context.facts
        for mentions in by_post.values():
            if len({p for p, _ in mentions}) < 2:
                continue
            people = _cluster_people(mentions)
            if facts is not None:
                people = _merge_aliases(facts, people)
                for cluster in people:
                    for f in self._mixed_naming(cluster):
                        if (f.path, f.span.start, "") not in reported:  # once, not once per title part
                            reported.add((f.path, f.span.start, ""))
                            yield f
            if len(people) < 2:
                continue
            # A tie goes to the earlier draft in the engine's order (context drafts first).
            ranked = sorted(people, key=lambda ms: (-len({p for p, _ in ms}), order[ms[0][0]]))
            major = ranked[0]
            ref_path, ref = major[0]
            for minor in ranked[1:]:
                for path, r in minor:
                    if path == ref_path:
                        continue  # two holders in one draft is a matter for the facts rules
                    if not self._same_period(r, ref):
                        continue
                    if (path, r.span.start, ref.person) in reported:
                        continue
                    reported.add((path, r.span.start, ref.person))
                    finding = self._finding(path, r, ref_path, ref, len({p for p, _ in major}))
                    if finding is not None:
                        yield finding

    def _same_period(self, a: _RoleRecord, b: _RoleRecord) -> bool:
        if a.date is None or b.date is None:
            return True
        return abs((a.date - b.date).days) <= int(self.options.get("max_days", 90))

    def _fact_base_knows(self, key: str, post: str) -> bool:
        """The fact base says who holds the post: the facts rules check every draft."""
        facts = self.context.facts
        if facts is None:
            return False
        for role in getattr(facts, "roles", ()):
            if role.org is None or self._org_key(role.org) != key:
                continue
            parts = {_SAME_POST_PARTS.get(p, p) for t in role.titles for p in title_parts(t)}
            if post in parts:
                return True
        return False

    def _mixed_naming(self, cluster: list[tuple[str, _RoleRecord]]) -> Iterator[Finding]:
        """One person (by the fact base) named differently in different drafts: information,
        at every mention that does not use the fact base's name."""
        facts = self.context.facts
        ent = next((e for _, r in cluster if (e := facts.entity_for(r.person)) is not None), None)
        if ent is None:
            return
        canonical = name_words(ent.name)
        forms = {r.person_words for _, r in cluster}
        if len(forms) < 2:
            return
        for path, r in cluster:
            if r.person_words == canonical:
                continue
            others = [
                (p, x)
                for p, x in cluster
                if p != path and not same_person(x.person_words, r.person_words, unknown=True)
            ]
            if not others:
                continue
            ref_path, ref = next(((p, x) for p, x in others if x.person_words == canonical), others[0])
            where = f"{Path(ref_path).name}:{ref.span.line}"
            entry = f" ({ent.where})" if getattr(ent, "where", "") else ""
            msg = f"'{r.person}' is called '{ref.person}' in {where}; the fact base name is '{ent.name}'{entry}"
            related = [Related(ref_path, ref.span.line, f"'{ref.person}', {ref.title} of {ref.org}")]
            yield self.finding_at(path, r.span, msg, severity=Severity.INFO, related=related, context=r.context)

    def _finding(self, path: str, r: _RoleRecord, ref_path: str, ref: _RoleRecord, n: int) -> Finding | None:
        where = f"{Path(ref_path).name}:{ref.span.line}"
        post = f"{r.title} of {r.org}"
        if self._fact_base_knows(r.org_key, r.post):
            return None
        others = "" if n == 1 else f" and {n - 1} other draft{'s' if n > 2 else ''}"
        msg = f"'{r.person}' is {post} here, but {where}{others} names '{ref.person}' ({ref.title} of {ref.org})"
        if _looks_misspelt(r.person_words, ref.person_words):
            msg += ": one of the names is misspelt?"
        related = [Related(ref_path, ref.span.line, f"'{ref.person}', {ref.title} of {ref.org}")]
        return self.finding_at(path, r.span, msg, related=related, context=r.context)


def _looks_misspelt(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same first name, surnames one or two letters apart ("Wagoner"/"Waggoner")."""
    import difflib

    if len(a) < 2 or len(b) < 2 or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a[-1], b[-1]).ratio() >= 0.8


_YEAR_MENTION = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:s|['’]s)?\b")


def _mentions_the_past(sentence: str, this_year: int) -> bool:
    """The sentence names a year (or decade) before last year: it may be about a past holder."""
    return any(int(y) < this_year - 1 for y in _YEAR_MENTION.findall(sentence))


def _has_qualifier(title: str) -> bool:
    return bool(re.search(r"\b(?:former|ex|late|outgoing|incoming|acting|interim|then|new)\b", title, re.I))


def _merge_aliases(facts: Any, people: list[list[tuple[str, _RoleRecord]]]) -> list[list[tuple[str, _RoleRecord]]]:
    """Join the clusters whose people the fact base calls one entity (aliases)."""
    merged: list[list[tuple[str, _RoleRecord]]] = []
    for cluster in people:
        for m in merged:
            if facts.same_entity(m[0][1].person, cluster[0][1].person):
                m.extend(cluster)
                break
        else:
            merged.append(list(cluster))
    return merged


def _cluster_people(mentions: list[tuple[str, _RoleRecord]]) -> list[list[tuple[str, _RoleRecord]]]:
    """Group the mentions of one post by person (names that may be one person together)."""
    clusters: list[list[tuple[str, _RoleRecord]]] = []
    for path, r in mentions:
        for c in clusters:
            if any(same_person(r.person_words, x.person_words, unknown=True) for _, x in c):
                c.append((path, r))
                break
        else:
            clusters.append([(path, r)])
    return clusters
