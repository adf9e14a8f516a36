"""``FactBase``: the merged fact base, its lookups and its entity matcher.

Invariants: a FactBase is immutable and picklable; its derived matchers (an Aho-Corasick
automaton over every entity form, the claim regexes) are built lazily, once per process,
and never pickled. Its fields are the sections of :data:`lint.facts.sections.SECTIONS`
plus ``paths``; :meth:`FactBase.describe` prints each section as its table entry says."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lint.facts.patterns import required_literal
from lint.facts.records import Claim, Entity, EntityMatch, Event, Figure, Role, entity_forms
from lint.facts.sections import SECTIONS
from lint.facts.values import fold

T = TypeVar("T")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True)
class FactBase:
    """Everything the fact base files hold, merged. Immutable and picklable."""

    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    # -- pickling: matchers are rebuilt lazily in each process ---------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """A value derived from the fact base, built once per process (matchers for rules).
        Not pickled: each worker process builds its own."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._cache[key] = build()
            return value

    # -- lookups ---------------------------------------------------------------------------
    @property
    def _index(self) -> dict[str, tuple[Entity, str]]:
        idx = self._cache.get("index")
        if idx is None:
            idx = {}
            for e in self.entities:
                for kind, f in entity_forms(e):
                    idx.setdefault(fold(f), (e, kind))
            self._cache["index"] = idx
        return idx

    def entity_for(self, name: str) -> Entity | None:
        """The entity whose canonical name, alias or avoided form is ``name`` (any case)."""
        hit = self._index.get(fold(" ".join(name.split())))
        return hit[0] if hit else None

    def same_entity(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are forms of one entity (or the same text, any case)."""
        if fold(" ".join(a.split())) == fold(" ".join(b.split())):
            return True
        ea, eb = self.entity_for(a), self.entity_for(b)
        return ea is not None and ea is eb

    def roles_of(self, person: str) -> list[Role]:
        """Roles held (at any time) by the person named ``person`` (any accepted form)."""
        ent = self.entity_for(person)
        key = ent.name if ent else person
        return list(self._roles_by_person.get(fold(key), ()))

    @property
    def _roles_by_person(self) -> dict[str, list[Role]]:
        by = self._cache.get("roles_by_person")
        if by is None:
            by = {}
            for r in self.roles:
                ent = self.entity_for(r.person)
                by.setdefault(fold(ent.name if ent else r.person), []).append(r)
            self._cache["roles_by_person"] = by
        return by

    def roles_at(self, org: str) -> list[Role]:
        """Roles at the organisation ``org`` (any accepted form)."""
        return [r for r in self.roles if r.org is not None and self.same_entity(r.org, org)]

    def claim_regexes(self) -> list[tuple[Claim, re.Pattern[str], str]]:
        """Each claim with its compiled pattern and a literal every match holds, folded
        (see :func:`fold`; '' when none), to skip drafts that cannot match."""
        out = self._cache.get("claims")
        if out is None:
            out = [
                (c, re.compile(c.pattern, re.IGNORECASE if c.ignorecase else 0), fold(required_literal(c.pattern)))
                for c in self.claims
            ]
            self._cache["claims"] = out
        return out

    def is_known_source(self, name: str) -> bool:
        """True when ``name`` is a listed source (or a form of an entity that is one)."""
        key = fold(" ".join(name.split()))
        known = self._cache.get("sources")
        if known is None:
            known = set()
            for s in self.sources:
                known.add(fold(s))
                ent = self.entity_for(s)
                if ent is not None:
                    known.update(fold(f) for f in (*ent.forms,))
            self._cache["sources"] = known
        return key in known

    # -- matching --------------------------------------------------------------------------
    @property
    def _automaton(self) -> Any:
        auto = self._cache.get("automaton")
        if auto is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            table: dict[str, list[tuple[Entity, str, str]]] = {}
            for e in self.entities:
                for kind, f in entity_forms(e):
                    table.setdefault(fold(f), []).append((e, kind, f))
            for key, values in table.items():
                auto.add_word(key, (len(key), tuple(values)))
            if table:
                auto.make_automaton()
            self._cache["automaton"] = auto
        return auto

    def find_entities(self, text: str, start: int = 0, end: int | None = None) -> list[EntityMatch]:
        """Entity forms in ``text[start:end]``, at word boundaries, longest leftmost first and
        not overlapping. One pass of an Aho-Corasick automaton over the text (linear).

        A match is reported as ``avoid`` when it is written like an avoided form: exactly, or
        in any case when the avoided form is spelt differently from every accepted form (an
        avoided form that differs from an accepted one only in case must match exactly).
        Accepted forms in any case, and in capitals only, are reported as ``name``/``alias``.
        """
        if not self.entities:
            return []
        end = len(text) if end is None else end
        if end <= start:
            return []
        auto = self._automaton
        if len(auto) == 0:
            return []
        segment = text[start:end]
        folded = fold(segment)
        cands: list[tuple[int, int, tuple[tuple[Entity, str, str], ...]]] = []
        n = len(segment)
        for last, (length, values) in auto.iter(folded):
            s = last - length + 1
            e = last + 1
            if s > 0 and _is_word_char(folded[s]) and _is_word_char(folded[s - 1]):
                continue
            if e < n and _is_word_char(folded[e - 1]) and _is_word_char(folded[e]):
                continue
            cands.append((s, e, values))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[EntityMatch] = []
        pos = 0
        for s, e, values in cands:
            if s < pos:
                continue
            pos = e
            written = segment[s:e]
            out.append(self._classify(written, values, start + s, start + e))
        return out

    @staticmethod
    def _classify(written: str, values: tuple[tuple[Entity, str, str], ...], s: int, e: int) -> EntityMatch:
        norm = " ".join(written.split()).replace("’", "'")
        # An exact accepted form wins; then a capitals-only rendering of one (headlines).
        for ent, kind, form in values:
            if kind != "avoid" and norm == form.replace("’", "'"):
                return EntityMatch(s, e, ent, form, kind)
        for ent, kind, form in values:
            if kind == "avoid" and norm == form.replace("’", "'"):
                return EntityMatch(s, e, ent, form, kind)
        if norm.isupper():
            for ent, kind, form in values:
                if kind != "avoid" and norm == form.upper():
                    return EntityMatch(s, e, ent, form, kind, exact=False)
        # An avoided form that differs from an accepted one only in case ("Blackberry" for
        # "BlackBerry") is matched in exactly that case: "blackberry" may be the fruit. One
        # spelt differently ("Harmony OS") is matched in any case.
        accepted = [v for v in values if v[1] != "avoid"]
        if not accepted:
            ent, kind, form = values[0]
            return EntityMatch(s, e, ent, form, kind, exact=False)
        # Accepted form in another case ("bmw group"): still the entity, not an avoided form.
        ent, kind, form = accepted[0]
        return EntityMatch(s, e, ent, form, kind, exact=False)

    # -- summary ---------------------------------------------------------------------------
    def describe(self) -> str:
        """A human summary of what the fact base holds (``--check-facts``): one part per
        section, as the section's table entry describes it."""
        lines = [f"Fact base: {', '.join(self.paths) or '(empty)'}"]
        for section in SECTIONS:
            lines.extend(section.describe(getattr(self, section.name)))
        return "\n".join(lines)
