"""The fact base's sections, one table entry each: the keys of an entry (a schema), how a
checked entry becomes a record, what makes two entries the same, which entities an entry
names, and how ``--check-facts`` describes the section.

The loader, the merge of several files and :meth:`FactBase.describe` iterate over
:data:`SECTIONS` and know nothing of any one section. Invariants: ``entities`` comes first
(the other sections resolve names through it); a section's ``name`` is both its key in the
YAML file and the :class:`~lint.facts.base.FactBase` field that holds its records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lint.facts.patterns import MAX_PATTERN_LENGTH, check_pattern_safety
from lint.facts.records import ENTITY_TYPES, Claim, Entity, Event, Figure, Role, entity_forms
from lint.facts.values import (
    MAX_ABS_VALUE,
    YEAR,
    fold,
    format_value,
    measure,
    normalise_unit,
    parse_value,
    unknown_unit,
)
from lint.schema import (
    AnyValue,
    Bool,
    Const,
    Date,
    Enum,
    Field,
    Float,
    Int,
    KeyPath,
    ListOf,
    OneOf,
    Record,
    Schema,
    Text,
    Where,
    close_match,
)

MAX_NAME_LENGTH = 200

TEXT = Text(numbers=True, squash=True, max_len=MAX_NAME_LENGTH, blank="none")
"""A name, title or keyword: text or a number, white space collapsed, at most 200 characters;
blank text counts as not given."""
TEXTS = ListOf(Text(numbers=True, squash=True, max_len=MAX_NAME_LENGTH, blank="error"), single=True, dedupe=True)
NOTE = Field(AnyValue(), doc="a note for editors; ignored")
Resolve = Callable[[str], "Entity | None"]


@dataclass(frozen=True)
class Site:
    """Where one entry is being built: for errors, its line, and the entities its file declares."""

    where: Where
    at: KeyPath
    entities: Sequence[Entity]
    entity_for: Resolve

    @property
    def path(self) -> str:
        return self.where.path

    @property
    def line(self) -> int:
        return self.where.line_of(*self.at) or 0

    def error(self, message: str, *key: Any, hint: str | None = None) -> Exception:
        return self.where.error(message, (*self.at, *key), hint)


@dataclass(frozen=True)
class Section:
    """One section of the fact base.

    ``item``: the schema of one entry; ``build(values, site)``: the record an entry's
    checked values make (raising ``site.error`` for what a schema cannot say);
    ``keys(record, resolve)``: what must be unique across every file, with a label for the
    message; ``duplicates``: ``"error"`` or ``"drop"`` (a repeat is silently dropped);
    ``implies(record)``: ``(name, type)`` of entities the entry names, declared implicitly
    when no entity is; ``describe(records)``: the lines ``--check-facts`` prints."""

    name: str
    item: Schema
    build: Callable[[Any, Site], Any]
    keys: Callable[[Any, Resolve], Iterable[tuple[Hashable, str]]]
    describe: Callable[[Sequence[Any]], list[str]]
    implies: Callable[[Any], Iterable[tuple[str, str]]] = lambda record: ()
    duplicates: str = "error"
    duplicate_hint: str | None = None
    doc: str = ""
    bare_items: bool = False
    """Entries are plain values, not mappings: one may be written without brackets, and a
    value repeated in one file is dropped."""

    @property
    def listing(self) -> Schema:
        """The schema of the section's value in a file: a list of entries."""
        return ListOf(self.item, single=self.bare_items, dedupe=self.bare_items)


def _counted(name: str, records: Sequence[Any], line: Callable[[Any], str]) -> list[str]:
    return [f"  {name}: {len(records)}", *(f"    {line(r)}" for r in records)]


# -- entities ----------------------------------------------------------------------------


def _build_entity(v: Mapping[str, Any], site: Site) -> Entity:
    name = v["name"]
    aliases = tuple(a for a in v["aliases"] if a != name)
    for j, a in enumerate(v["avoid"]):
        if a in (name, *aliases):
            raise site.error(f"{a!r} is both accepted and avoided", "avoid", j)
    return Entity(name, v["type"], aliases, tuple(v["avoid"]), site.path, site.line)


def _entity_keys(e: Entity) -> list[tuple[Hashable, str]]:
    """Each form of the entity, folded; a case variant of one's own accepted form is the
    same key, not a clash."""
    keys: dict[Hashable, str] = {}
    for _, f in entity_forms(e):
        keys.setdefault(fold(f), repr(f))
    return list(keys.items())


def _describe_entities(entities: Sequence[Entity]) -> list[str]:
    by_type: dict[str, int] = {}
    for e in entities:
        by_type[e.type] = by_type.get(e.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    n_alias = sum(len(e.aliases) for e in entities)
    n_avoid = sum(len(e.avoid) for e in entities)
    lines = [
        f"  entities: {len(entities)}" + (f" ({kinds}); {n_alias} aliases, {n_avoid} avoided forms" if kinds else "")
    ]
    lines += [f"    {e.name}: avoid {', '.join(repr(a) for a in e.avoid)} ({e.where})" for e in entities if e.avoid]
    return lines


ENTITIES = Section(
    name="entities",
    item=Record(
        {
            "name": Field(TEXT, required=True, doc="the canonical form, as printed"),
            "type": Field(
                Enum(ENTITY_TYPES, {"organisation": "organization", "org": "organization", "company": "organization"}),
                default="term",
            ),
            "aliases": Field(TEXTS, default=[], doc="other accepted forms (never flagged)"),
            "avoid": Field(TEXTS, default=[], doc="known-wrong forms (flagged, fixed to name)"),
            "note": NOTE,
        }
    ),
    build=_build_entity,
    # a case variant of one's own accepted form is one key of the entity, not a clash
    keys=lambda e, resolve: _entity_keys(e),
    describe=_describe_entities,
    duplicate_hint="each name, alias and avoided form may belong to one entity only",
    doc="people, organisations, products, places and terms, with accepted and wrong forms",
)


# -- roles -------------------------------------------------------------------------------


def _build_role(v: Mapping[str, Any], site: Site) -> Role:
    person, since, until = v["person"], v["since"], v["until"]
    if site.entities and site.entity_for(person) is None:
        names = [e.name for e in site.entities if e.type == "person"] or [e.name for e in site.entities]
        near = close_match(person, names)
        hint = f"did you mean '{near}'?" if near else "add them to entities (type: person)"
        raise site.error(f"unknown person {person!r}", "person", hint=hint)
    if since and until and until < since:
        raise site.error(f"'until' ({until}) is before 'since' ({since})", "until")
    return Role(person, v["title"], tuple(v["title_aliases"]), v["org"], since, until, site.path, site.line)


def _role_key(r: Role, resolve: Resolve) -> Iterable[tuple[Hashable, str]]:
    person = resolve(r.person)
    org = (resolve(r.org) or Entity(r.org)).name if r.org else ""
    key = (fold(person.name if person else r.person), fold(r.title), fold(org), r.since, r.until)
    return [(key, f"role of {r.person!r} as {r.title!r}")]


def _role_line(r: Role) -> str:
    span = f" [{r.since or '…'} to {r.until or 'now'}]" if r.since or r.until else ""
    at = f" of {r.org}" if r.org else ""
    return f"{r.person}: {r.title}{at}{span} ({r.where})"


ROLES = Section(
    name="roles",
    item=Record(
        {
            "person": Field(TEXT, required=True, doc="an entity name or alias"),
            "title": Field(TEXT, required=True),
            "title_aliases": Field(TEXTS, default=[]),
            "org": Field(TEXT),
            "since": Field(Date()),
            "until": Field(Date()),
            "note": NOTE,
        }
    ),
    build=_build_role,
    keys=_role_key,
    describe=lambda roles: _counted("roles", roles, _role_line),
    implies=lambda r: [(r.person, "person"), *([(r.org, "organization")] if r.org else [])],
    doc="who holds which title where, and when",
)


# -- figures -----------------------------------------------------------------------------

_TOLERANCE_HINT = "write e.g. 0.5% or 0.1 billion"


def _tolerance(value: Any, figure_value: float, site: Site) -> tuple[float, float]:
    """``0.5%`` -> relative 0.005; ``0.1 billion`` or ``2`` -> absolute."""
    if value is None:
        return 0.005, 0.0
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            pct = float(value.strip()[:-1].strip())
        except ValueError:
            raise site.error(f"malformed tolerance {value!r}", "tolerance", hint=_TOLERANCE_HINT) from None
        if not math.isfinite(pct) or pct < 0 or pct > 100:
            raise site.error(f"tolerance {value!r} must be between 0% and 100%", "tolerance")
        return pct / 100, 0.0
    try:
        amount, rest, _ = parse_value(value)
    except ValueError:
        raise site.error(f"malformed tolerance {value!r}", "tolerance", hint=_TOLERANCE_HINT) from None
    if rest:
        raise site.error(f"malformed tolerance {value!r}", "tolerance", hint=_TOLERANCE_HINT)
    if amount < 0 or (figure_value and amount > abs(figure_value)):
        raise site.error(f"tolerance {value!r} is negative or larger than the value itself", "tolerance")
    return 0.0, amount


def _build_figure(v: Mapping[str, Any], site: Site) -> Figure:
    raw = v["value"]
    try:
        value, unit_text, _step = parse_value(raw)
    except ValueError as exc:
        raise site.error(str(exc), "value", hint="write e.g. 142.38 billion or 37") from None
    if abs(value) > MAX_ABS_VALUE:
        raise site.error(f"value {raw!r} is absurdly large", "value")
    unit = v["unit"] or ""
    unit_key = "unit"
    if unit_text:
        if unit:
            raise site.error(f"unit given twice ({unit_text!r} and {unit!r})", "value")
        unit, unit_key = unit_text, "value"
    near = unknown_unit(unit)
    if near is not None:
        hint = f"did you mean '{near}'?" if near else _UNIT_HINT
        raise site.error(f"unknown unit {unit!r}", unit_key, hint=hint)
    scale = measure(unit)
    unit = normalise_unit(unit)
    if unit == "%" and abs(value) > 1000:
        raise site.error(f"percentage {raw!r} is absurd", "value")
    rel, absolute = _tolerance(v["tolerance"], value, site)
    if scale is not None:  # "480" MW is 4.8e8 W, and so is an absolute tolerance's "10" MW
        value, absolute = value * scale[1], absolute * scale[1]
    keywords = tuple(v["keywords"])
    year = v["year"]
    if year is None:
        found = {int(y) for y in YEAR.findall(" ".join((v["name"], *keywords)))}
        year = found.pop() if len(found) == 1 else None
    return Figure(
        name=v["name"],
        entity=v["entity"],
        keywords=keywords,
        value=value,
        unit=unit,
        tolerance=rel,
        source=v["source"],
        path=site.path,
        line=site.line,
        tolerance_abs=absolute,
        year=year,
    )


_UNIT_HINT = (
    "write a currency (EUR, $), %, percentage points, a unit (MW, GWh, km, tonnes) or a counted noun (vehicles)"
)


def _figure_line(f: Figure) -> str:
    src = f"; source {f.source}" if f.source else ""
    return f"{f.name}: {format_value(f.value, f.unit)}{src} ({f.where})"


NUMBER_TEXT = OneOf((Float(finite=False), Text()))
"""A number as written (``37``) or as text (``142.38 billion``, ``0.5%``); the section reads it."""

FIGURES = Section(
    name="figures",
    item=Record(
        {
            "name": Field(TEXT, required=True),
            "entity": Field(TEXT),
            "keywords": Field(
                TEXTS, required=True, hint="list words a sentence about this figure uses, e.g. [revenue]"
            ),
            "value": Field(NUMBER_TEXT, required=True, doc="a number with an optional scale word"),
            "unit": Field(
                TEXT,
                doc="a currency, %, percentage points, a unit (W to TW, Wh to TWh, m, km, kg, t) or a counted noun",
            ),
            "tolerance": Field(NUMBER_TEXT, doc="relative (0.5%, the default) or absolute (0.1 billion)"),
            "source": Field(TEXT),
            "year": Field(Int(1800, 2200)),
            "note": NOTE,
        }
    ),
    build=_build_figure,
    keys=lambda f, resolve: [(fold(f.name), f"figure {f.name!r}")],
    describe=lambda figures: _counted("figures", figures, _figure_line),
    implies=lambda f: [(f.entity, "term")] if f.entity else [],
    doc="numbers known to be true",
)


# -- events ------------------------------------------------------------------------------


def _build_event(v: Mapping[str, Any], site: Site) -> Event:
    ents = tuple(v["entities"])
    one = v["entity"]
    if one and one not in ents:
        ents = (one, *ents)
    return Event(v["name"], v["date"], tuple(v["keywords"]), site.path, site.line, ents)


EVENTS = Section(
    name="events",
    item=Record(
        {
            "name": Field(TEXT, required=True),
            "date": Field(Date(), required=True, hint="write dates as YYYY-MM-DD"),
            "keywords": Field(TEXTS, required=True, hint="e.g. [announced, unveiled]"),
            "entity": Field(TEXT),
            "entities": Field(TEXTS, default=[], doc="who must be named nearby"),
            "note": NOTE,
        }
    ),
    build=_build_event,
    keys=lambda ev, resolve: [(fold(ev.name), f"event {ev.name!r}")],
    describe=lambda events: _counted("events", events, lambda ev: f"{ev.name}: {ev.date.isoformat()} ({ev.where})"),
    implies=lambda ev: [(n, "term") for n in ev.entities],
    doc="things that happened on a known date",
)


# -- claims ------------------------------------------------------------------------------


def _build_claim(v: Mapping[str, Any], site: Site) -> Claim:
    raw = v["pattern"]
    if not raw.strip():
        raise site.error("is required", "pattern")
    try:
        compiled = re.compile(raw)
    except re.error as exc:
        raise site.error(f"invalid regular expression: {exc}", "pattern") from None
    why = check_pattern_safety(raw)
    if why:
        hint = "use a single repeat such as [^.]* instead of nested ones"
        raise site.error(f"pattern could be very slow: {why}", "pattern", hint=hint)
    if compiled.search("") is not None:
        raise site.error("pattern matches empty text", "pattern")
    return Claim(raw, v["message"].rstrip(" ."), site.path, site.line, v["ignorecase"])


CLAIMS = Section(
    name="claims",
    item=Record(
        {
            "pattern": Field(
                Text(max_len=MAX_PATTERN_LENGTH),
                required=True,
                hint="a regular expression, searched sentence by sentence",
            ),
            "message": Field(TEXT, required=True),
            "ignorecase": Field(Bool(), default=False),
            "note": NOTE,
        }
    ),
    build=_build_claim,
    keys=lambda c, resolve: [(c.pattern, "claim pattern")],
    describe=lambda claims: _counted("claims", claims, lambda c: f"/{c.pattern}/ ({c.where})"),
    doc="statements known to be false",
)


# -- sources -----------------------------------------------------------------------------

SOURCES = Section(
    name="sources",
    item=TEXTS.item,
    build=lambda name, site: name,
    keys=lambda s, resolve: [(fold(s), repr(s))],
    describe=lambda sources: [f"  sources: {len(sources)}" + (f" ({', '.join(sources)})" if sources else "")],
    duplicates="drop",
    doc="names of sources a draft may attribute to",
    bare_items=True,
)


SECTIONS: tuple[Section, ...] = (ENTITIES, ROLES, FIGURES, EVENTS, CLAIMS, SOURCES)
"""Every section, in the order files are read and described (entities first)."""


FILE = Record(
    {
        "version": Field(Const(1), required=True, hint="start the file with 'version: 1'; this linter reads version 1"),
        **{s.name: Field(s.listing, default=[], doc=s.doc) for s in SECTIONS},
    }
)
"""A whole fact base file."""
