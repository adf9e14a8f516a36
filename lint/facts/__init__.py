"""The fact base: what editors know to be true (names, roles, figures, dates, false claims).

A fact base is one or more YAML files (schema ``version: 1``), merged. Every section is
optional::

    version: 1
    entities:
      - name: HarmonyOS NEXT            # canonical form
        type: product                   # person | organization | product | place | term
        aliases: [HarmonyOS]            # other accepted forms (never flagged)
        avoid: [HarmonyOS Next, Harmony OS]   # known-wrong forms (flagged, fixed to name)
    roles:
      - person: Sean Green              # an entity name or alias
        title: President and CEO
        title_aliases: [chief executive]
        org: BMW Group Region China
        since: 2023-11-01               # optional; also until:
    figures:
      - name: BMW Group revenue in 2024
        entity: BMW Group
        keywords: [revenue]
        value: 142.38 billion
        unit: EUR
        tolerance: 0.5%
        source: BMW Group Report 2024
    events:
      - name: BMW and Huawei cooperation announced
        date: 2025-03-17
        keywords: [announced]
        entities: [BMW Group, Huawei]   # optional: who must be named nearby
    claims:
      - pattern: 'iDrive X\\b[^.]*\\bAndroid Automotive\\b'
        message: BMW Operating System X is based on AOSP, not Android Automotive OS
    sources: [Reuters, BMW Group]

Details editors need:

* Names match at word boundaries in any case. An avoided form that differs from an accepted
  one only in case (``Blackberry`` for ``BlackBerry``) matches exactly as written, so that
  "a blackberry" is never flagged; an accepted form in capitals only is a headline, not an
  error.
* ``roles``: the person must be a declared entity when ``entities`` is given; an undeclared
  ``org`` (and any entity a figure or event names) becomes an implicit entity, matched as
  written. Equivalent titles are built in (CEO = chief executive = chief executive officer,
  chair = chairman...); ``title_aliases`` adds more.
* ``figures``: ``value`` is a number with an optional scale word (``142.38 billion``,
  ``4,200 million``); ``unit`` a currency (``EUR``, ``€``, ``euros``), ``%``, ``percentage
  points``, a unit of measurement in any case (``MW``, ``megawatts``, ``GWh``, ``km``,
  ``tonnes``: a scale of a base unit, so ``0.52 GW`` in a draft is 520 MW) or a counted
  noun (``vehicles``); anything else that looks like a unit is an error with a did-you-mean.
  ``tolerance`` is relative (``0.5%``, the default) or absolute (``0.1 billion``). The
  figure's year is ``year:`` or the one year its name or keywords hold.
* ``keywords`` (figures, events): lower-case ones match in any case and with a plural
  ending; one written with a capital matches only as written (``Budget``, ``IPO``).
* ``claims``: a regular expression searched sentence by sentence (``ignorecase: true`` to
  ignore case). Patterns longer than 400 characters, or that could backtrack
  catastrophically (nested or overlapping repeats such as ``(a+)+``, ``(a|aa)*``), are
  refused.
* Names, figures, events and claims declared twice, even across files, are an error that
  names both places.

Layout of this package: ``sections`` holds one table entry per section (its keys, how an
entry becomes a record, uniqueness, what ``--check-facts`` prints); ``loader`` reads and
merges files through that table and :mod:`lint.schema`; ``base`` holds :class:`FactBase`;
``records`` the record types; ``values`` numbers, units and :func:`fold`; ``patterns`` the
safety checks of claim patterns. Loading is strict: any mistake raises
:class:`lint.errors.FactBaseError` naming the file, line and key.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from lint.facts.patterns import MAX_PATTERN_LENGTH, check_pattern_safety, required_literal
from lint.facts.records import ENTITY_TYPES, Claim, Entity, EntityMatch, Event, Figure, Role
from lint.facts.values import (
    CURRENCY_ALIASES,
    CURRENCY_CODES,
    MAX_ABS_VALUE,
    PERCENT_WORDS,
    SCALES,
    fold,
    format_value,
    measure,
    normalise_unit,
    parse_value,
    singular,
)

if TYPE_CHECKING:
    from lint.facts.base import FactBase
    from lint.facts.loader import factbase_json_schema, load_factbase, merge, parse_factbase
    from lint.facts.sections import MAX_NAME_LENGTH, SECTIONS, Section

_ON_USE = {
    "FactBase": "base",
    "factbase_json_schema": "loader",
    "load_factbase": "loader",
    "merge": "loader",
    "parse_factbase": "loader",
    "MAX_NAME_LENGTH": "sections",
    "SECTIONS": "sections",
    "Section": "sections",
}
"""Names whose modules are imported on first use: the section table, the loader and the fact
base need :mod:`lint.schema`, which a run without a fact base never needs. The analysis layer
reads only :func:`fold` and the units of ``values``, so importing this package stays cheap."""


def __getattr__(name: str) -> Any:
    module = _ON_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CURRENCY_ALIASES",
    "CURRENCY_CODES",
    "ENTITY_TYPES",
    "MAX_ABS_VALUE",
    "MAX_NAME_LENGTH",
    "MAX_PATTERN_LENGTH",
    "PERCENT_WORDS",
    "SCALES",
    "SECTIONS",
    "Claim",
    "Entity",
    "EntityMatch",
    "Event",
    "FactBase",
    "Figure",
    "Role",
    "Section",
    "check_pattern_safety",
    "factbase_json_schema",
    "fold",
    "format_value",
    "load_factbase",
    "measure",
    "merge",
    "normalise_unit",
    "parse_factbase",
    "parse_value",
    "required_literal",
    "singular",
]
