"""``lint-article suggest-facts``: a draft fact base proposed from the drafts of a story.

Everything is read through the analysis layer (names, role mentions, amounts, dates); this
module only counts what it finds across drafts and writes it as a schema v1 fact base:

* **entities**: runs of capitalised words (:data:`lint.analysis.names.NAME_RUN`) typed as a
  person (a role mention's person, a quotation's speaker, or a two-to-four-word name), an
  organisation (a role mention's organisation, an organisation word), a product (a digit or
  an inner capital) or a place (mostly after "in", or a role's organisation without one).
  Forms that differ only in case, spacing, hyphenation or diacritics, or by one letter in a
  word of five or more, are one entity: the most frequent form is the ``name`` (on a tie, the
  one with diacritics), the others ``avoid``. A surname alone, an organisation's first word
  alone and its initials are ``aliases`` when the drafts use them.
* **roles**: each (person, organisation) with the title most drafts give; another title
  the drafts use for the same post is a ``title_alias`` when the titles are compatible and a
  ``# CHECK:`` otherwise. An exclusive post held by two people in the drafts keeps the
  majority's holder as an entry and lists the other, commented out, under a ``# CHECK:``.
* **figures**: an amount with a metric word near it (:data:`METRIC_WORDS`), the entity
  named in its sentence and the year the sentence states; values that disagree are listed.
* **events**: a day date in a sentence with an event verb (:data:`EVENT_VERBS`) and an
  entity; dates that disagree are listed.

Invariants: the output always loads with ``--check-facts`` (the tests load every output);
an entry the drafts disagree about holds the majority's value, so the facts rules report
the minority as written; every entry has a comment with its evidence (``file:line`` and
counts). With an existing fact base, only entries it lacks or contradicts are written.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lint.analysis.amounts import is_statistic_like, sentence_amounts
from lint.analysis.dates import find_dates
from lint.analysis.lexicon import FUNCTION_CAPS, HONORIFICS, LEGAL_FORMS, MONTHS, ORG_WORDS, WEEKDAYS
from lint.analysis.names import NAME_RUN, looks_like_person, org_key, strip_marks
from lint.analysis.quotes import find_quotations, find_speech_cues
from lint.analysis.roles import find_role_mentions
from lint.analysis.titles import is_exclusive_title, title_finder, title_key, titles_compatible
from lint.document import Document
from lint.facts import CURRENCY_CODES, FactBase, fold, format_value, measure
from lint.record import Record

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
METRIC_WORDS: tuple[str, ...] = tuple(
    "revenue sales turnover profit loss earnings income deliveries capacity output production investment "
    "budget cost debt funding valuation jobs employees staff homes customers users subscribers share".split()
)
"""The words a figure is named by; the nearest one before or after the number names it."""
EVENT_VERBS: tuple[str, ...] = tuple(
    "began started opened launched announced signed completed unveiled approved agreed closed acquired "
    "founded released".split()
)
_METRIC = re.compile(r"\b(" + "|".join(METRIC_WORDS) + r")(?:s|es)?\b", re.I)
_EVENT = re.compile(r"\b(" + "|".join(EVENT_VERBS) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d]|[.,]\d)")
_CALENDAR = frozenset(w.capitalize() for w in (*MONTHS, *WEEKDAYS))
_PLACE_BEFORE = re.compile(r"\b(?:in|near|off|across|outside)\s+(?:the\s+)?$")
_EVIDENCE_SHOWN = 6
_HEADLINE_METRICS = frozenset({"revenue", "sales", "turnover", "profit", "loss", "earnings", "deliveries"})
_AHEAD = re.compile(r"\b(?:plans?|planned|planning|aims?|aiming|targets?|targeted|forecasts?|hopes?|hoping)\b", re.I)
_SAID = frozenset({"said", "says", "told", "added"})
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|than|versus|against|compared\s+(?:with|to))\s+(?:about\s+|around\s+|nearly\s+)?\S*$", re.I
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?= )")


def _title_case(words: Sequence[str]) -> bool:
    """A headline's words: four or more, and most of those of four letters or more capitalised."""
    long_words = [w for w in words if len(w) >= 4]
    return (
        len(words) >= 4 and len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words)
    )


_YAML_PLAIN = re.compile(r"[^\W\d_][\w .’'&()-]*(?<![ :])")
_YAML_WORDS = frozenset("yes no true false on off null y n".split())


class Mention(Record):
    """Where a form was seen: the draft's path (as shown) and the line."""

    path: str
    line: int


def _where(mentions: Sequence[Mention]) -> str:
    """``3 mentions in 2 drafts: a.md:3, b.md:5``; long lists end with ``+N more``."""
    drafts = len({m.path for m in mentions})
    shown = ", ".join(f"{m.path}:{m.line}" for m in mentions[:_EVIDENCE_SHOWN])
    more = f", +{len(mentions) - _EVIDENCE_SHOWN} more" if len(mentions) > _EVIDENCE_SHOWN else ""
    n = len(mentions)
    return f"{n} mention{'s' if n != 1 else ''} in {drafts} draft{'s' if drafts != 1 else ''}: {shown}{more}"


def _q(text: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted (JSON strings are YAML)."""
    if _YAML_PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _qlist(items: Iterable[str]) -> str:
    return "[" + ", ".join(_q(i) if "," not in i else json.dumps(i, ensure_ascii=False) for i in items) + "]"


def form_key(form: str) -> str:
    """The key forms of one name share: no case, diacritics, spaces, hyphens or dots."""
    return re.sub(r"[\s\-.’']", "", strip_marks(form).casefold())


def _close(a: str, b: str) -> bool:
    """One letter apart (an edit, a swap of neighbours), both words of five letters or more."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


class _Evidence:
    """What all drafts say, counted: forms with their mentions and the hints at their type."""

    def __init__(self) -> None:
        self.forms: dict[str, list[Mention]] = defaultdict(list)
        self.openers: dict[str, list[Mention]] = defaultdict(list)
        self.types: dict[str, Counter[str]] = defaultdict(Counter)
        self.roles: list[tuple[str, str, str | None, Mention, Any]] = []
        self.figures: list[tuple[str, str, int | None, float, str, str, Mention]] = []
        self.events: list[tuple[str, str, Any, Mention, str]] = []

    def read(self, doc: Document, shown: str) -> None:
        prose = doc.prose
        sentence_starts = {s.start for s in doc.sentences}
        for s, words in zip(doc.sentences, doc.sentence_words, strict=False):
            if doc.blocks[s.block].kind == "heading" or _title_case(words):
                continue  # a headline capitalises every word
            for m in NAME_RUN.finditer(prose, s.start, s.end):
                at, opens = m.start(), m.start() in sentence_starts
                parts = _POSSESSIVE.split(m.group())
                for i, part in enumerate(parts):  # "BMW’s Neue Klasse": two names
                    if part.strip():
                        self._name(doc, shown, prose, at, part.strip(), opens)
                        if i < len(parts) - 1:
                            self.types[part.strip()]["owner"] += 1
                        if i > 0:
                            self.types[part.strip()]["owned"] += 1
                    at += len(part) + 2
                    opens = False
        for r in find_role_mentions(doc, None):
            seen = Mention(shown, doc.position(r.start)[0])
            person = _clean(r.person)
            if person:
                self.types[person]["person"] += 3
            if r.org:
                self.types[_clean(r.org)]["organization"] += 2
            if person and r.title:
                self.roles.append((person, r.title.strip(), _clean(r.org) if r.org else None, seen, doc.date))
        for q in find_quotations(doc):
            if q.speaker and q.named:
                self.types[_clean(q.speaker)]["person"] += 2
        for block in doc.blocks:  # "Priya Osei, leader of the council, said": a person speaks
            for cue in find_speech_cues(prose, block.start, block.end):
                if cue.speaker and cue.speaker[:1].isupper() and cue.verb in _SAID:
                    speaker = _clean(cue.speaker)
                    self.types[speaker]["person"] += 2

    def _name(self, doc: Document, shown: str, prose: str, start: int, run: str, opens: bool) -> None:
        words = run.split()
        while words and (words[0] in FUNCTION_CAPS or words[0].lower() in FUNCTION_CAPS or words[0] in _CALENDAR):
            start += len(words[0]) + 1
            opens = False
            words = words[1:]
        while words and words[0].lower().rstrip(".") in HONORIFICS:
            words = words[1:]
            opens = False
        lead = title_finder().spans(" ".join(words))
        if lead and lead[0][0] == 0 and len(words) > 1:  # "Mayor Tomás Ferreira Lund"
            cut = len(" ".join(words)[: lead[0][1]].split())
            start += len(" ".join(words[:cut])) + 1
            words = words[cut:]
            opens = False
        while words and words[-1] in _CALENDAR:
            words = words[:-1]
        tail = title_finder().spans(" ".join(words))
        if tail and tail[-1][1] == len(" ".join(words)) and tail[-1][0] > 0:  # "... China’s President"
            words = " ".join(words)[: tail[-1][0]].split()
        if not words:
            return
        if opens and len(words) == 1:  # a capital that opens a sentence says little: kept for aliases
            self.openers[words[0]].append(Mention(shown, doc.position(start)[0]))
            return
        form = re.sub(r"['’]s?$", "", " ".join(words).rstrip("."))
        if len(form) < 2 or form.isdigit():
            return
        self.forms[form].append(Mention(shown, doc.position(start)[0]))
        if _PLACE_BEFORE.search(prose, max(0, start - 12), start):
            self.types[form]["place"] += 1


def _clean(text: str) -> str:
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in ("the",)]
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


class Entity(Record):
    """A suggested entity: its name, type, aliases, avoided forms and the mentions of each."""

    name: str
    type: str
    aliases: tuple[str, ...]
    avoid: tuple[str, ...]
    mentions: tuple[Mention, ...]


def _type_of(form: str, hints: Counter[str], count: int) -> str | None:
    words = form.split()
    low = {w.lower().strip(".") for w in words}
    if form in _CALENDAR or (len(words) == 1 and (measure(form) is not None or form in CURRENCY_CODES)):
        return None  # "MW", "EUR": a unit, not a name
    if not low & (ORG_WORDS | LEGAL_FORMS) and hints["place"] >= 2 and hints["person"] < 2:
        return "place"
    if hints["person"] >= 2 and hints["person"] > hints["organization"] and looks_like_person(form):
        return "person"
    if low & (ORG_WORDS | LEGAL_FORMS) or hints["organization"] >= 2:
        if hints["place"] * 2 > count and hints["organization"] < 2:
            return "place"
        return "organization"
    if any(c.isdigit() for c in form) or any(w[1:] != w[1:].lower() and not w.isupper() for w in words):
        return "product"
    if hints["place"] * 2 >= count and count >= 2:
        return "place"
    if len(words) == 1 and form.isupper() and 2 <= len(form) <= 6 and count >= 5 and not title_finder().spans(form):
        return "organization"
    if len(words) == 1 and hints["owner"] >= 2 and count >= 3:  # "Huawei’s HarmonyOS": a maker
        return "organization"
    if len(words) > 1 and hints["owned"] >= 1 and count >= 2 and not hints["person"]:  # "BMW’s Neue Klasse"
        return "product"
    return None


def build_entities(ev: _Evidence) -> list[Entity]:
    """Group the forms into entities (module docstring); forms with no type are dropped."""
    groups: dict[str, list[str]] = defaultdict(list)
    for form in ev.forms:
        groups[form_key(form)].append(form)
    # close misspellings: one letter apart in one word, the rest equal
    keys = sorted(groups, key=lambda k: -sum(len(ev.forms[f]) for f in groups[k]))
    by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
    merged: dict[str, str] = {}
    for k in keys:
        forms = groups[k]
        words = form_key_words(forms[0])
        target = None
        for i in range(len(words)):
            shape = (len(words), " ".join(words[:i] + words[i + 1 :]))
            for other in by_shape.get(shape, ()):
                if _close(form_key_words(groups[other][0])[i], words[i]):
                    target = other
                    break
            if target:
                break
        if target:
            merged[k] = target
            continue
        for i in range(len(words)):
            by_shape[(len(words), " ".join(words[:i] + words[i + 1 :]))].append(k)
    for k, target in merged.items():
        groups[target].extend(groups.pop(k))
    out: list[Entity] = []
    for forms in groups.values():
        count = sum(len(ev.forms[f]) for f in forms)
        hints: Counter[str] = Counter()
        for f in forms:
            hints.update(ev.types.get(f, Counter()))
        main = max(forms, key=lambda f: (len(ev.forms[f]), not f.isascii(), not f.isupper(), f))
        kind = _type_of(main, hints, count)
        if kind is None:
            continue
        avoid = tuple(sorted(f for f in forms if f != main and not (f.isupper() and len(f) > 4)))
        mentions = tuple(sorted(m for f in forms for m in ev.forms[f]))
        out.append(Entity(main, kind, (), avoid, mentions))
    return _with_aliases(_same_orgs(_maker_forms(out), ev), ev)


def _maker_forms(entities: list[Entity]) -> list[Entity]:
    """ "Huawei HiCar" beside "HiCar": the product named with its maker is an alias."""
    products = {e.name: e for e in entities if e.type == "product"}
    merged: dict[str, list[Entity]] = defaultdict(list)
    for e in products.values():
        rest = e.name.partition(" ")[2]
        if rest in products and rest != e.name:
            merged[rest].append(e)
    gone = {m.name for group in merged.values() for m in group}
    out: list[Entity] = []
    for e in entities:
        if e.name in gone and e.type == "product":
            continue
        if e.name in merged and e.type == "product":
            group = merged[e.name]
            e = e._replace(
                aliases=(*e.aliases, *(m.name for m in group)),
                avoid=(*e.avoid, *(a for m in group for a in m.avoid)),
                mentions=tuple(sorted((*e.mentions, *(x for m in group for x in m.mentions)))),
            )
        out.append(e)
    return out


def _same_orgs(entities: list[Entity], ev: _Evidence) -> list[Entity]:
    """Organisations with one :func:`org_key` ("BMW", "BMW Group", "BMW AG") are one entity:
    the most mentioned form is the name, the others aliases."""
    by_key: dict[str, list[Entity]] = defaultdict(list)
    out: list[Entity] = []
    for e in entities:
        if e.type == "organization" and org_key(e.name):
            by_key[org_key(e.name)].append(e)
        else:
            out.append(e)
    for group in by_key.values():
        group.sort(key=lambda e: (-len(e.mentions), e.name))
        head = group[0]
        aliases = tuple(e.name for e in group[1:])
        avoid = tuple(a for e in group for a in e.avoid)
        mentions = tuple(sorted(m for e in group for m in e.mentions))
        out.append(head._replace(aliases=aliases, avoid=avoid, mentions=mentions))
    return out


def form_key_words(form: str) -> list[str]:
    return [form_key(w) for w in form.split()]


def _with_aliases(entities: list[Entity], ev: _Evidence) -> list[Entity]:
    """Single words and initials the drafts use for a longer entity become its aliases, and
    stop being entities of their own."""
    short: dict[str, Entity] = {}
    for e in entities:
        if len(e.name.split()) == 1:
            short[e.name] = e
    absorbed: set[str] = set()
    firsts = Counter(e.name.split()[0] for e in entities if len(e.name.split()) > 1)
    out: list[Entity] = []
    for e in entities:
        words = e.name.split()
        if len(words) < 2:
            continue
        rest = " ".join(words[1:])
        if e.type == "person" and len(words) == 3 and rest in ev.forms and rest not in e.aliases:
            # "Councillor Dev Raman" beside "Dev Raman": the first word is a title
            e = e._replace(name=rest, aliases=(*e.aliases, e.name))
            words = words[1:]
        aliases: list[str] = []
        extra: list[Mention] = []
        if e.type == "person":
            candidates = [words[-1]]
        elif e.type == "organization":  # a product's first word is its maker, not the product
            candidates = [words[0], "".join(w[0] for w in words if w[0].isupper())]
        else:
            candidates = []
        if e.type == "person" and "-" not in words[-1] and len(words) > 2:
            candidates.append(" ".join(words[-2:]))
        for c in candidates:
            seen = ev.forms.get(c, []) + ev.openers.get(c, [])
            if e.type != "person" and c == words[0] and firsts[c] > 1:
                continue  # "Huawei" begins "Huawei Cloud" and "Huawei Mate": the company
            if e.type != "person" and c in short:
                continue  # an organisation of its own ("BMW" beside "BMW China")
            if seen and c != e.name and c not in absorbed and c not in e.avoid and c not in e.aliases:
                aliases.append(c)
                absorbed.add(c)
                extra.extend(seen)
        out.append(e._replace(aliases=(*e.aliases, *aliases), mentions=tuple(sorted((*e.mentions, *extra)))))
    out.extend(e for e in entities if len(e.name.split()) == 1 and e.name not in absorbed)
    return out


# ---------------------------------------------------------------------------------------


class Suggestion(Record):
    """One entry of the output: its YAML lines and, when the drafts disagree, the CHECK note."""

    section: str
    lines: tuple[str, ...]
    check: str = ""
    key: str = ""
    """What must be unique in the section (folded); a repeat is not written."""


def suggest(docs: Iterable[tuple[Document, str]], existing: FactBase | None = None) -> list[Suggestion]:
    """The suggestions for the drafts (``(document, path as shown)``), in section order."""
    ev = _Evidence()
    for doc, shown in docs:
        ev.read(doc, shown)
        _read_numbers(ev, doc, shown)
    entities = _one_owner(build_entities(ev))
    resolve = _Resolver(entities)
    out: list[Suggestion] = []
    written: set[str] = set()
    for e in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        if existing is not None and _known_entity(existing, e):
            continue
        if len(e.mentions) < 2 and e.type != "person":
            continue
        written.add(e.name)
        out.append(_entity_entry(e))
    roles = _roles(ev, resolve, existing)
    for r in roles:  # a role names a declared person: one --facts already holds is repeated
        person = resolve.by_name.get(r.key.split("\n")[0]) if r.key else None
        if person is not None and person.name not in written and not r.lines[0].startswith("  #"):
            written.add(person.name)
            out.append(_entity_entry(person))
    out += roles
    out += _figures(ev, resolve, existing)
    out += _events(ev, resolve, existing)
    return out


def _entity_entry(e: Entity) -> Suggestion:
    lines = [f"  - name: {_q(e.name)}    # {_where(e.mentions)}", f"    type: {e.type}"]
    if e.aliases:
        lines.append(f"    aliases: {_qlist(e.aliases)}")
    if e.avoid:
        lines.append(f"    avoid: {_qlist(e.avoid)}")
    return Suggestion("entities", tuple(lines), key=fold(e.name))


def _one_owner(entities: list[Entity]) -> list[Entity]:
    """Each form (folded, as the loader compares them) belongs to one entity: the most
    mentioned keeps it; an entity whose name another holds is dropped. So the output loads."""
    owner: dict[str, str] = {}
    out: list[Entity] = []
    for e in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        if fold(e.name) in owner:
            continue
        mine = {fold(e.name)}
        aliases = [a for a in dict.fromkeys(e.aliases) if fold(a) not in owner and a != e.name]
        mine.update(fold(a) for a in aliases)
        avoid = [a for a in dict.fromkeys(e.avoid) if a not in aliases and a != e.name]
        avoid = [a for a in avoid if owner.get(fold(a), e.name) == e.name]
        for f in (e.name, *aliases, *avoid):
            owner.setdefault(fold(f), e.name)
        out.append(e._replace(aliases=tuple(aliases), avoid=tuple(avoid)))
    return out


class _Resolver:
    """Finds the suggested entity a written form belongs to (name, alias or avoided form)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_name = {e.name: e for e in entities}
        self.by_key: dict[str, Entity] = {}
        for e in entities:
            for f in (e.name, *e.aliases, *e.avoid):
                self.by_key.setdefault(form_key(f), e)

    def __call__(self, form: str | None) -> Entity | None:
        return self.by_key.get(form_key(form)) if form else None


def _known_entity(facts: FactBase, e: Entity) -> bool:
    known = facts.entity_for(e.name)
    return known is not None and all(f in known.avoid for f in e.avoid)


def _roles(ev: _Evidence, resolve: _Resolver, existing: FactBase | None) -> list[Suggestion]:
    posts: dict[tuple[str, str], list[tuple[str, str, Mention]]] = defaultdict(list)
    without_org: list[tuple[str, str, Mention]] = []
    for person, title, org, at, _day in ev.roles:
        p = resolve(person)
        if p is None or p.type != "person" or len(p.name.split()) < 2:
            continue
        o = resolve(org)
        if o is None and not org:
            without_org.append((p.name, title, at))
            continue
        org_name = o.name if o is not None else (org or "")
        posts[(org_name, title_key(title))].append((p.name, title, at))
    for person, title, at in without_org:  # "Mayor Tomás Ferreira-Lund": the post named elsewhere
        home = [
            k for k, seen in posts.items() if any(p == person and titles_compatible(title, [t]) for p, t, _ in seen)
        ]
        posts[home[0] if len(home) == 1 else ("", title_key(title))].append((person, title, at))
    out: list[Suggestion] = []
    people_done: set[tuple[str, str]] = set()
    for (org, _key), seen in sorted(posts.items()):
        holders = Counter(p for p, _, _ in seen)
        ranked = [p for p, _ in holders.most_common()]
        title = Counter(t for _, t, _ in seen).most_common(1)[0][0]
        # one post needs its organisation: "president" alone is many posts in many places
        exclusive = len(ranked) > 1 and bool(org) and is_exclusive_title(title, org)
        for i, person in enumerate(ranked if exclusive else ranked):
            if (person, org) in people_done:
                continue
            people_done.add((person, org))
            mine = [(t, at) for p, t, at in seen if p == person]
            titles = Counter(t for t, _ in mine)
            main = titles.most_common(1)[0][0]
            others = [t for t in titles if fold(t) != fold(main)]
            aliases = [t for t in others if titles_compatible(t, [main])]
            clashes = [t for t in others if t not in aliases]
            if existing is not None and _known_role(existing, person, main, org):
                continue
            evidence = _where(sorted(at for _, at in mine))
            body = [f"  - person: {_q(person)}    # {evidence}", f"    title: {_q(main)}"]
            if aliases:
                body.append(f"    title_aliases: {_qlist(aliases)}")
            if org:
                body.append(f"    org: {_q(org)}")
            check = ""
            if clashes:
                check = (
                    f"{person}: title {main!r} or {', '.join(repr(c) for c in clashes)} at {org or 'no organisation'}"
                )
            if exclusive and i > 0:
                body = ["  # " + line[2:] for line in body]
                check = (
                    f"{title} of {org or '?'}: {ranked[0]} ({holders[ranked[0]]}x) or {person} ({holders[person]}x);"
                    f" {person}'s entry is commented out"
                )
            key = "" if body[0].startswith("  #") else f"{person}\n{fold(main)}\n{fold(org)}"
            out.append(Suggestion("roles", tuple(body), check, key))
    return out


def _known_role(facts: FactBase, person: str, title: str, org: str) -> bool:
    return any(
        titles_compatible(title, r.titles) and (not org or not r.org or facts.same_entity(r.org, org))
        for r in facts.roles_of(person)
    )


def _read_numbers(ev: _Evidence, doc: Document, shown: str) -> None:
    prose = doc.prose
    before: tuple[int, list[str]] = (-1, [])
    for s in doc.sentences:
        text = prose[s.start : s.end]
        names = [m.group() for m in NAME_RUN.finditer(prose, s.start, s.end)]
        own = names
        if before[0] == s.block:  # "Its capacity...": the sentence before names the entity
            names = [*names, "|", *before[1]]
        before = (s.block, own[:8])
        years = {int(y) for y in _YEAR.findall(text)}
        year = years.pop() if len(years) == 1 else None
        for a in sentence_amounts(doc, s.start, s.end):
            if not is_statistic_like(a) or a.kind not in ("money", "percent", "quantity", "number"):
                continue
            if _AHEAD.search(text):
                break  # "plans to achieve sales of 3 million": a target, not a figure
            if _CHANGE_BEFORE.search(prose, max(s.start, a.start - 30), a.start):
                continue  # "up from £280 million": an earlier value, not the figure
            kw = _nearest(_METRIC, prose, s.start, s.end, a.start, a.end)
            if kw is None:
                continue
            at = Mention(shown, doc.position(a.start)[0])
            ev.figures.append((" ".join(names), kw.lower(), year, a.value, a.unit, a.raw, at))
        ev_m = _EVENT.search(prose, s.start, s.end)
        if ev_m is None:
            continue
        year_default = doc.date.year if doc.date else None
        for d in find_dates(prose, s.start, s.end, default_year=year_default):
            subject = " ".join(prose[s.start : ev_m.end()].split()[-7:])  # "Construction of the farm began"
            at = Mention(shown, doc.position(d.start)[0])
            ev.events.append((" ".join(names), ev_m.group(1).lower(), d.date, at, subject.strip(",;:")))


def _nearest(rx: re.Pattern[str], prose: str, lo: int, hi: int, a: int, b: int) -> str | None:
    best: tuple[int, str] | None = None
    for m in rx.finditer(prose, lo, hi):
        gap = a - m.end() if m.end() <= a else m.start() - b
        if gap < 0 or gap > 40:
            continue
        if best is None or gap < best[0]:
            best = (gap, m.group(1))
    return best[1] if best else None


def _entity_in(
    names: str, resolve: _Resolver, entities_of: Sequence[str] = ("organization", "product", "place")
) -> str:
    """The first entity of the wanted types the names of a sentence hold ("" when none);
    names after "|" (the sentence before) only when the sentence names none."""
    for part in names.split("|"):
        words = part.split()
        for size in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                e = resolve(" ".join(words[i : i + size]))
                if e is not None and e.type in entities_of:
                    return e.name
    return ""


def _figures(ev: _Evidence, resolve: _Resolver, existing: FactBase | None) -> list[Suggestion]:
    return _figure_entries(_figure_groups(ev, resolve), existing)


def _figure_groups(ev: _Evidence, resolve: _Resolver) -> dict[tuple[str, str, int | None, str], list[Any]]:
    """Amounts grouped by (keyword, unit, year), then by entity: mentions with no entity, and
    entities whose values agree, join the most named entity (organisations first)."""
    by_metric: dict[tuple[str, int | None, str], list[tuple[str, float, str, Mention]]] = defaultdict(list)
    orgs: set[str] = set()
    for names, kw, year, value, unit, raw, at in ev.figures:
        org = _entity_in(names, resolve, ("organization",))
        if org:
            orgs.add(org)
        by_metric[(kw, year, unit)].append((org or _entity_in(names, resolve, ("product",)), value, raw, at))
    groups: dict[tuple[str, str, int | None, str], list[Any]] = {}
    for (kw, year, unit), seen in by_metric.items():
        named = Counter(e for e, _, _, _ in seen if e)
        if not named:
            continue
        main = max(named, key=lambda e: (e in orgs, named[e], e))
        values = {e: Counter(_round(v) for x, v, _, _ in seen if x == e).most_common(1)[0][0] for e in named}
        for entity, value, raw, at in seen:
            home = entity if entity and values[entity] != values[main] else main
            groups.setdefault((home, kw, year, unit), []).append((value, raw, at))
    return groups


def _figure_entries(
    groups: dict[tuple[str, str, int | None, str], list[Any]], existing: FactBase | None
) -> list[Suggestion]:
    out: list[Suggestion] = []
    for (entity, kw, year, unit), seen in sorted(groups.items(), key=lambda kv: str(kv[0])):
        values = Counter(_round(v) for v, _, _ in seen)
        if len(seen) < 2 and existing is None and (year is None or kw not in _HEADLINE_METRICS):
            continue  # one mention: only a headline figure of a stated year
        main = values.most_common(1)[0][0]
        name = f"{entity} {kw}" + (f" in {year}" if year else "")
        if existing is not None and _known_figure(existing, entity, kw, main):
            continue
        text = format_value(main, unit)
        value_text, shown_unit = (text[:-1], "%") if unit == "%" else (text, "")
        if unit and unit != "%":
            value_text, shown_unit = text.rsplit(" ", 1)
        evidence = _where(sorted(at for _, _, at in seen))
        lines = [
            f"  - name: {_q(name)}    # {evidence}",
            f"    entity: {_q(entity)}",
            f"    keywords: [{kw}]",
            f"    value: {_q(value_text)}",
        ]
        if shown_unit:
            lines.append(f"    unit: {_q(shown_unit)}")
        if year:
            lines.append(f"    year: {year}")
        check = ""
        if len(values) > 1:
            found = ", ".join(
                f"{next(r for v, r, _ in seen if _round(v) == val)} ({n}x)" for val, n in values.most_common()
            )
            check = f"{name}: the drafts say {found}"
        out.append(Suggestion("figures", tuple(lines), check, fold(name)))
    return out


def _round(v: float) -> float:
    return float(f"{v:.6g}")


def _known_figure(facts: FactBase, entity: str, kw: str, value: float) -> bool:
    for f in facts.figures:
        if f.entity and facts.same_entity(f.entity, entity) and kw in {k.lower() for k in f.keywords}:
            return abs(f.value - value) <= max(abs(f.value) * f.tolerance, f.tolerance_abs)
    return False


def _events(ev: _Evidence, resolve: _Resolver, existing: FactBase | None) -> list[Suggestion]:
    groups: dict[tuple[str, str], list[tuple[Any, Mention]]] = defaultdict(list)
    subjects: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for names, verb, day, at, subject in ev.events:
        entity = _entity_in(names, resolve)
        if entity:
            groups[(entity, verb)].append((day, at))
            subjects[(entity, verb)][subject] += 1
    out: list[Suggestion] = []
    for (entity, verb), seen in sorted(groups.items()):
        days = Counter(d for d, _ in seen)
        if len(seen) < 2 and existing is None:
            continue
        main = days.most_common(1)[0][0]
        if existing is not None and any(
            verb in {k.lower() for k in e.keywords} and any(facts_same(existing, n, entity) for n in e.entities)
            for e in existing.events
        ):
            known = [e for e in existing.events if verb in {k.lower() for k in e.keywords}]
            if any(e.date == main for e in known):
                continue
        name = subjects[(entity, verb)].most_common(1)[0][0]
        lines = [
            f"  - name: {_q(name)}    # {_where(sorted(at for _, at in seen))}",
            f"    date: {main.isoformat()}",
            f"    keywords: [{verb}]",
            f"    entities: [{_q(entity)}]",
        ]
        check = ""
        if len(days) > 1:
            check = f"{name}: the drafts say " + ", ".join(f"{d.isoformat()} ({n}x)" for d, n in days.most_common())
        out.append(Suggestion("events", tuple(lines), check, fold(name)))
    return out


def facts_same(facts: FactBase, a: str, b: str) -> bool:
    return fold(a) == fold(b) or facts.same_entity(a, b)


# ---------------------------------------------------------------------------------------


def render(suggestions: Sequence[Suggestion], drafts: int) -> str:
    """The fact base as YAML: the CHECK notes first, then one section after another."""
    head = [
        f"# Fact base suggested by lint-article suggest-facts from {drafts} draft{'s' if drafts != 1 else ''}.",
        "# Resolve each CHECK below, delete what is not wanted, then use it with --facts.",
    ]
    checks = [s.check for s in suggestions if s.check]
    head += [f"# CHECK: {c}" for c in checks]
    lines = [*head, "version: 1"]
    for section in ("entities", "roles", "figures", "events"):
        entries = [s for s in suggestions if s.section == section]
        if not entries:
            continue
        lines.append(f"{section}:")
        keys: set[str] = set()
        for s in entries:
            if s.key and s.key in keys:
                continue
            keys.add(s.key)
            if s.check:
                lines.append(f"  # CHECK: {s.check}")
            lines.extend(s.lines)
    return "\n".join(lines) + "\n"


def draft_paths(paths: Sequence[str]) -> list[Path]:
    """The drafts named, folders searched for Markdown and text files, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DRAFT_SUFFIXES))
        else:
            out.append(p)
    return out


def suggest_files(paths: Sequence[Path], existing: FactBase | None = None, root: Path | None = None) -> str:
    """Read the drafts and return the suggested fact base as YAML text."""

    def docs() -> Iterable[tuple[Document, str]]:
        for p in paths:
            text = p.read_text(encoding="utf-8", errors="replace")
            try:
                shown = str(p.resolve().relative_to((root or Path.cwd()).resolve()))
            except ValueError:
                shown = str(p)
            yield Document.from_text(str(p), text), shown

    return render(suggest(docs(), existing), len(paths))
