"""The fact base's records: what one entry of each section becomes once loaded.

Every record carries ``path`` and ``line`` (where it was declared) so findings and errors
can point at the source of truth. Records are immutable and picklable."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from lint.record import Record

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "product", "place", "term")


class Entity(Record):
    """A person, organisation, product, place or term, with its accepted and wrong forms."""

    name: str
    type: str = "term"
    aliases: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    path: str = ""
    line: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        """Every accepted form: the canonical name first, then the aliases."""
        return (self.name, *self.aliases)

    @property
    def where(self) -> str:
        return _where(self.path, self.line)


class Role(Record):
    """``person`` holds ``title`` at ``org`` from ``since`` to ``until`` (both optional)."""

    person: str
    title: str
    title_aliases: tuple[str, ...] = ()
    org: str | None = None
    since: _dt.date | None = None
    until: _dt.date | None = None
    path: str = ""
    line: int = 0

    def active_on(self, day: _dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.title_aliases)

    @property
    def where(self) -> str:
        return _where(self.path, self.line)


class Figure(Record):
    """A number known to be true. ``value`` is in base units (``142.38 billion`` ->
    ``1.4238e11``); ``tolerance`` is relative (0.005 for ``0.5%``), ``tolerance_abs`` absolute
    in the same units as ``value``; a number within either is consistent."""

    name: str
    entity: str | None = None
    keywords: tuple[str, ...] = ()
    value: float = 0.0
    unit: str = ""
    tolerance: float = 0.005
    source: str | None = None
    path: str = ""
    line: int = 0
    tolerance_abs: float = 0.0
    year: int | None = None
    """The year the figure is about: ``year:`` or a year in its name or keywords."""

    @property
    def where(self) -> str:
        return _where(self.path, self.line)

    def matches(self, value: float, step: float = 0.0) -> bool:
        """True when ``value`` (written with resolution ``step``) is consistent with the fact."""
        allowed = max(abs(self.value) * self.tolerance, self.tolerance_abs, step / 2)
        return abs(value - self.value) <= allowed * (1 + 1e-9)


class Event(Record):
    """Something that happened on ``date``; sentences about it carry one of ``keywords``
    and (when given) name every entity of ``entities``."""

    name: str
    date: _dt.date = _dt.date(1970, 1, 1)
    keywords: tuple[str, ...] = ()
    path: str = ""
    line: int = 0
    entities: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return _where(self.path, self.line)


class Claim(Record):
    """A statement known to be false: ``pattern`` (a regular expression, sentence scope)."""

    pattern: str
    message: str
    path: str = ""
    line: int = 0
    ignorecase: bool = False

    @property
    def where(self) -> str:
        return _where(self.path, self.line)


class EntityMatch(Record):
    """An entity form found in text: ``kind`` is ``name``, ``alias`` or ``avoid``."""

    start: int
    end: int
    entity: Entity
    form: str
    kind: str
    exact: bool = True
    """False when the text differs from ``form`` in case ("bmw group", "HARMONYOS NEXT")."""


def _where(path: str, line: int) -> str:
    name = Path(path).name if path else "facts"
    return f"{name}:{line}" if line else name


def entity_forms(entity: Entity) -> Iterator[tuple[str, str]]:
    """``(kind, form)`` for every form of ``entity``: its name, aliases, avoided forms."""
    yield "name", entity.name
    for a in entity.aliases:
        yield "alias", a
    for a in entity.avoid:
        yield "avoid", a
