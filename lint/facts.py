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
  points`` or a counted noun (``vehicles``). ``tolerance`` is relative (``0.5%``, the
  default) or absolute (``0.1 billion``). The figure's year is ``year:`` or the one year
  its name or keywords hold.
* ``keywords`` (figures, events): lower-case ones match in any case and with a plural
  ending; one written with a capital matches only as written (``Budget``, ``IPO``).
* ``claims``: a regular expression searched sentence by sentence (``ignorecase: true`` to
  ignore case). Patterns longer than 400 characters, or that could backtrack
  catastrophically (nested or overlapping repeats such as ``(a+)+``, ``(a|aa)*``), are
  refused.
* Names, figures, events and claims declared twice, even across files, are an error that
  names both places.

Loading is strict: any mistake raises :class:`lint.errors.FactBaseError` naming the file,
line and key. The loaded :class:`FactBase` is immutable and picklable; its matchers (an
Aho-Corasick automaton over every entity form) are built lazily, once per process.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lint.errors import FactBaseError
from lint.record import Record
from lint.yamlload import LineMap, load

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
except ImportError:  # Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]

T = TypeVar("T")

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "product", "place", "term")
_TYPE_SYNONYMS = {"organisation": "organization", "org": "organization", "company": "organization"}

MAX_PATTERN_LENGTH = 400
MAX_ABS_VALUE = 1e16  # ten quadrillion: larger than any money or count an article reports
MAX_NAME_LENGTH = 200

# Currency symbols and words -> ISO code. Shared with rules.extract (which imports these).
CURRENCY_CODES: frozenset[str] = frozenset(
    "USD EUR GBP CNY JPY CHF HKD AUD CAD SGD INR KRW TWD BRL RUB SEK NOK DKK ZAR MXN NZD TRY AED SAR".split()
)
CURRENCY_ALIASES: Mapping[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "jpy": "JPY",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
    "nt$": "TWD",
    "r$": "BRL",
    "₹": "INR",
    "rupees": "INR",
    "₩": "KRW",
    "won": "KRW",
    "chf": "CHF",
    "swiss francs": "CHF",
}
SCALES: Mapping[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
PERCENT_WORDS = ("%", "percent", "per cent", "pct")


# --------------------------------------------------------------------------------------
# Values


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


# --------------------------------------------------------------------------------------
# The fact base


_TRANSLATE = {ord("’"): "'", ord("‘"): "'", ord("\u00a0"): " ", ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
_TRANSLATE.update({ord(c): "-" for c in "‐‑‒–"})
_REPLACEMENTS = tuple((chr(c), to) for c, to in _TRANSLATE.items())


def fold(text: str) -> str:
    """Lower-case ``text`` for matching without changing its length (offsets stay valid):
    curly apostrophes become straight, any white space a space, dashes a hyphen."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # _TRANSLATE as one str.replace per character present: a tenth of translate's time on
    # long texts (no replacement makes a character that another one replaces).
    for ch, to in _REPLACEMENTS:
        if ch in low:
            low = low.replace(ch, to)
    return low


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
                for kind, forms in (("name", (e.name,)), ("alias", e.aliases), ("avoid", e.avoid)):
                    for f in forms:
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
                for kind, forms in (("name", (e.name,)), ("alias", e.aliases), ("avoid", e.avoid)):
                    for f in forms:
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
        """A human summary of what the fact base holds (``--check-facts``)."""
        lines = [f"Fact base: {', '.join(self.paths) or '(empty)'}"]
        by_type: dict[str, int] = {}
        for e in self.entities:
            by_type[e.type] = by_type.get(e.type, 0) + 1
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
        n_alias = sum(len(e.aliases) for e in self.entities)
        n_avoid = sum(len(e.avoid) for e in self.entities)
        lines.append(
            f"  entities: {len(self.entities)}"
            + (f" ({kinds}); {n_alias} aliases, {n_avoid} avoided forms" if kinds else "")
        )
        for e in self.entities:
            if e.avoid:
                lines.append(f"    {e.name}: avoid {', '.join(repr(a) for a in e.avoid)} ({e.where})")
        lines.append(f"  roles: {len(self.roles)}")
        for r in self.roles:
            span = ""
            if r.since or r.until:
                span = f" [{r.since or '…'} to {r.until or 'now'}]"
            at = f" of {r.org}" if r.org else ""
            lines.append(f"    {r.person}: {r.title}{at}{span} ({r.where})")
        lines.append(f"  figures: {len(self.figures)}")
        for f in self.figures:
            src = f"; source {f.source}" if f.source else ""
            lines.append(f"    {f.name}: {format_value(f.value, f.unit)}{src} ({f.where})")
        lines.append(f"  events: {len(self.events)}")
        for ev in self.events:
            lines.append(f"    {ev.name}: {ev.date.isoformat()} ({ev.where})")
        lines.append(f"  claims: {len(self.claims)}")
        for c in self.claims:
            lines.append(f"    /{c.pattern}/ ({c.where})")
        lines.append(f"  sources: {len(self.sources)}" + (f" ({', '.join(self.sources)})" if self.sources else ""))
        return "\n".join(lines)


def format_value(value: float, unit: str = "") -> str:
    """``1.4238e11, 'EUR'`` -> ``'142.38 billion EUR'``; ``37.0, '%'`` -> ``'37%'``."""
    if unit == "%":
        return f"{_trim(value)}%"
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            text = f"{_trim(value / scale)} {word}"
            break
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def _trim(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------------------
# Loading

_TOP_KEYS = ("version", "entities", "roles", "figures", "events", "claims", "sources")
_ENTITY_KEYS = ("name", "type", "aliases", "avoid", "note")
_ROLE_KEYS = ("person", "title", "title_aliases", "org", "since", "until", "note")
_FIGURE_KEYS = ("name", "entity", "keywords", "value", "unit", "tolerance", "source", "year", "note")
_EVENT_KEYS = ("name", "date", "keywords", "entity", "entities", "note")
_CLAIM_KEYS = ("pattern", "message", "ignorecase", "note")


def _close_matches(word: str, possibilities: Sequence[str], n: int = 1) -> list[str]:
    """``difflib.get_close_matches`` for error hints (difflib is imported only then)."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n)


_NUMBER = re.compile(r"^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([a-zA-Z ]*?)\s*$")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")


class _Loader:
    def __init__(self, path: str, lines: LineMap) -> None:
        self.path = path
        self.lines = lines

    def error(self, message: str, *key: Any, hint: str | None = None) -> FactBaseError:
        return FactBaseError(message, path=self.path, line=self.lines.line(*key), key=_key_name(key), hint=hint)

    def check_keys(self, item: Mapping[Any, Any], allowed: Sequence[str], *key: Any) -> None:
        for k in item:
            if k not in allowed:
                close = _close_matches(str(k), allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
                raise self.error(f"unknown key {k!r}", *key, k, hint=hint)

    def mapping(self, value: Any, *key: Any) -> Mapping[Any, Any]:
        if not isinstance(value, dict):
            raise self.error(f"expected a mapping of keys, got {_type_name(value)}", *key)
        return value

    def string(self, value: Any, *key: Any, required: bool = False) -> str | None:
        if value is None:
            if required:
                raise self.error("is required", *key)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(f"expected text, got {_type_name(value)}", *key)
        text = " ".join(str(value).split())
        if not text:
            if required:
                raise self.error("must not be empty", *key)
            return None
        if len(text) > MAX_NAME_LENGTH:
            raise self.error(f"is too long ({len(text)} characters, at most {MAX_NAME_LENGTH})", *key)
        return text

    def strings(self, value: Any, *key: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.error(f"expected a list of text, got {_type_name(value)}", *key)
        out = []
        for i, v in enumerate(value):
            s = self.string(v, *key, i, required=True)
            assert s is not None
            if s not in out:
                out.append(s)
        return tuple(out)

    def date(self, value: Any, *key: Any) -> _dt.date | None:
        if value is None:
            return None
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
            if m:
                try:
                    return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError as exc:
                    raise self.error(f"bad date {value!r}: {exc}", *key) from None
        raise self.error(f"bad date {value!r}", *key, hint="write dates as YYYY-MM-DD, e.g. 2025-03-17")

    def boolean(self, value: Any, *key: Any) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, got {_type_name(value)}", *key)
        return value


def _key_name(key: Sequence[Any]) -> str | None:
    if not key:
        return None
    out = ""
    for k in key:
        out += f"[{k}]" if isinstance(k, int) else (("." if out else "") + str(k))
    return out


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def parse_value(text: Any) -> tuple[float, str, float]:
    """Parse a fact base number: ``142.38 billion``, ``4,200 million``, ``37``, ``1.2e9``.

    Returns ``(value, trailing unit text, step)`` where ``step`` is the resolution of the
    last written digit. Raises ValueError when it is not a number.
    """
    if isinstance(text, bool):
        raise ValueError("expected a number")
    if isinstance(text, (int, float)):
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        return value, "", 0.0
    if not isinstance(text, str):
        raise ValueError("expected a number")
    s = text.strip()
    try:
        value = float(s)
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        return value, "", 0.0
    except ValueError:
        pass
    m = _NUMBER.match(s)
    if not m:
        raise ValueError(f"cannot read {text!r} as a number")
    digits = m.group(1).replace(",", "")
    value = float(digits)
    rest = m.group(2).strip().lower()
    step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
    if rest:
        scale_word, _, unit = rest.partition(" ")
        if scale_word in SCALES and scale_word not in ("m", "b", "k"):
            value *= SCALES[scale_word]
            step *= SCALES[scale_word]
            rest = unit.strip()
        elif rest in SCALES:
            value *= SCALES[rest]
            step *= SCALES[rest]
            rest = ""
    return value, rest, step


def normalise_unit(unit: str) -> str:
    """``'€'``, ``'euros'``, ``'eur'`` -> ``'EUR'``; ``'percent'`` -> ``'%'``; unit words are
    lower-cased and singular (``'Vehicles'`` -> ``'vehicle'``)."""
    u = " ".join(unit.split())
    low = u.lower()
    if not u:
        return ""
    if u.upper() in CURRENCY_CODES:
        return u.upper()
    if low in CURRENCY_ALIASES:
        return CURRENCY_ALIASES[low]
    if low in PERCENT_WORDS:
        return "%"
    if low in ("percentage point", "percentage points", "pp", "ppt", "points"):
        return "pp"
    return singular(low)


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _parse_tolerance(value: Any, figure_value: float, loader: _Loader, *key: Any) -> tuple[float, float]:
    """``0.5%`` -> relative 0.005; ``0.1 billion`` or ``2`` -> absolute."""
    if value is None:
        return 0.005, 0.0
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            pct = float(value.strip()[:-1].strip())
        except ValueError:
            raise loader.error(f"malformed tolerance {value!r}", *key, hint="write e.g. 0.5% or 0.1 billion") from None
        if not math.isfinite(pct) or pct < 0 or pct > 100:
            raise loader.error(f"tolerance {value!r} must be between 0% and 100%", *key)
        return pct / 100, 0.0
    try:
        amount, rest, _ = parse_value(value)
    except ValueError:
        raise loader.error(f"malformed tolerance {value!r}", *key, hint="write e.g. 0.5% or 0.1 billion") from None
    if rest:
        raise loader.error(f"malformed tolerance {value!r}", *key, hint="write e.g. 0.5% or 0.1 billion")
    if amount < 0 or (figure_value and amount > abs(figure_value)):
        raise loader.error(f"tolerance {value!r} is negative or larger than the value itself", *key)
    return 0.0, amount


# -- regex safety ----------------------------------------------------------------------


def _sre_parse(pattern: str) -> Any:
    try:
        import re._parser as parser  # type: ignore[import-not-found]
    except ImportError:  # Python < 3.11
        import sre_parse as parser  # type: ignore[no-redef]
    return parser.parse(pattern)


def check_pattern_safety(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack catastrophically (None when it looks safe).

    Rejected shapes: a repeated group that itself holds an unbounded repeat (``(a+)+``,
    ``(\\w*\\s?)*``), and a repeated alternation whose branches can start alike
    (``(a|ab)*``, ``(\\w|\\d)+``).
    """
    tree = _sre_parse(pattern)
    return _unsafe(tree, inside_repeat=False)


_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT}


def _unsafe(items: Any, inside_repeat: bool) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            _lo, hi, sub = av
            unbounded = hi == _sre.MAXREPEAT or hi > 50
            if unbounded and (inside_repeat or _can_vary(sub)):
                return "nested quantifiers (a repeated group holds a repeat)"
            if unbounded and _overlapping_branches(sub):
                return "a repeated alternation whose branches overlap"
            why = _unsafe(sub, inside_repeat or hi > 1)
            if why:
                return why
        elif op == _sre.SUBPATTERN:
            why = _unsafe(av[-1], inside_repeat)
            if why:
                return why
        elif op == _sre.BRANCH:
            for branch in av[1]:
                why = _unsafe(branch, inside_repeat)
                if why:
                    return why
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            why = _unsafe(av[1], inside_repeat)
            if why:
                return why
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS):
            return "backreferences are not allowed"
    return None


def _can_vary(sub: Any) -> bool:
    """True when ``sub`` can match strings of several lengths: it holds an optional part, a
    bounded repeat or an alternation with an empty branch (``(aa?)*`` is exponential)."""
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, inner = av
            if hi != lo or _can_vary(inner):
                return True
        elif op == _sre.SUBPATTERN:
            if _can_vary(av[-1]):
                return True
        elif op == _sre.BRANCH:
            if any(not branch or _can_vary(branch) for branch in av[1]):
                return True
    return False


def required_literal(pattern: str) -> str:
    """The longest run of literal characters every match of ``pattern`` contains (top level
    only; '' when there is none). Lets a rule skip texts that cannot match."""
    try:
        tree = _sre_parse(pattern)
    except re.error:
        return ""
    best = ""
    run: list[str] = []
    for op, av in tree:
        if op == _sre.LITERAL:
            run.append(chr(av))
            continue
        if op == _sre.AT:
            continue  # \b and anchors take no characters: "\bApple\b" keeps "Apple"
        if len(run) > len(best):
            best = "".join(run)
        run = []
    if len(run) > len(best):
        best = "".join(run)
    return best


def _first_literals(sub: Any) -> set[int] | None:
    """Code points a sequence can start with, or None when it is not a plain literal."""
    for op, av in sub:
        if op == _sre.LITERAL:
            return {av}
        if op == _sre.SUBPATTERN:
            return _first_literals(av[-1])
        if op in (_sre.AT,):
            continue
        return None
    return set()


def _overlapping_branches(sub: Any) -> bool:
    for op, av in sub:
        if op == _sre.SUBPATTERN:
            return _overlapping_branches(av[-1])
        if op == _sre.BRANCH:
            seen: set[int] = set()
            unknown = 0
            for branch in av[1]:
                first = _first_literals(branch)
                if first is None or not first:
                    unknown += 1
                    continue
                if first & seen:
                    return True
                seen |= first
            return unknown > 1 or (unknown == 1 and bool(seen))
        return False
    return False


# -- the loader ---------------------------------------------------------------------------


def load_factbase(paths: str | Path | Iterable[str | Path]) -> FactBase:
    """Read and merge fact base files. Raises FactBaseError on any mistake."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    parts: list[FactBase] = []
    for p in paths:
        path = str(p)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise FactBaseError("fact base file not found", path=path) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise FactBaseError(f"cannot read fact base: {exc}", path=path) from None
        parts.append(_parse_file(text, path))
    return merge(parts)


def parse_factbase(text: str, path: str = "facts.yaml") -> FactBase:
    """Parse and validate one fact base file's text."""
    return merge([_parse_file(text, path)])


def _parse_file(text: str, path: str) -> FactBase:
    data, lines = load(text, path, FactBaseError)
    ld = _Loader(path, lines)
    if data is None:
        raise FactBaseError("fact base is empty", path=path, hint="start the file with 'version: 1'")
    data = ld.mapping(data)
    ld.check_keys(data, _TOP_KEYS)
    if "version" not in data:
        raise FactBaseError("'version' is missing", path=path, line=1, hint="start the file with 'version: 1'")
    if data["version"] != 1 or isinstance(data["version"], bool):
        raise ld.error(f"unsupported version {data['version']!r}", "version", hint="this linter reads version: 1")

    def items(section: str) -> list[tuple[int, Mapping[Any, Any]]]:
        value = data.get(section)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ld.error(f"expected a list, got {_type_name(value)}", section)
        return [(i, ld.mapping(v, section, i)) for i, v in enumerate(value)]

    entities: list[Entity] = []
    for i, item in items("entities"):
        ld.check_keys(item, _ENTITY_KEYS, "entities", i)
        name = ld.string(item.get("name"), "entities", i, "name", required=True)
        assert name is not None
        etype = ld.string(item.get("type"), "entities", i, "type") or "term"
        etype = _TYPE_SYNONYMS.get(etype.lower(), etype.lower())
        if etype not in ENTITY_TYPES:
            close = _close_matches(etype, ENTITY_TYPES, n=1)
            raise ld.error(
                f"unknown entity type {etype!r}",
                "entities",
                i,
                "type",
                hint=f"did you mean '{close[0]}'?" if close else f"one of {', '.join(ENTITY_TYPES)}",
            )
        aliases = tuple(a for a in ld.strings(item.get("aliases"), "entities", i, "aliases") if a != name)
        avoid = ld.strings(item.get("avoid"), "entities", i, "avoid")
        for j, a in enumerate(avoid):
            if a in (name, *aliases):
                raise ld.error(f"{a!r} is both accepted and avoided", "entities", i, "avoid", j)
        entities.append(Entity(name, etype, aliases, avoid, path, lines.line("entities", i) or 0))

    declared = FactBase(entities=tuple(entities))
    roles: list[Role] = []
    for i, item in items("roles"):
        ld.check_keys(item, _ROLE_KEYS, "roles", i)
        person = ld.string(item.get("person"), "roles", i, "person", required=True)
        title = ld.string(item.get("title"), "roles", i, "title", required=True)
        assert person is not None and title is not None
        if entities and declared.entity_for(person) is None:
            names = [e.name for e in entities if e.type == "person"] or [e.name for e in entities]
            close = _close_matches(person, names, n=1)
            raise ld.error(
                f"unknown person {person!r}",
                "roles",
                i,
                "person",
                hint=f"did you mean '{close[0]}'?" if close else "add them to entities (type: person)",
            )
        since = ld.date(item.get("since"), "roles", i, "since")
        until = ld.date(item.get("until"), "roles", i, "until")
        if since and until and until < since:
            raise ld.error(f"'until' ({until}) is before 'since' ({since})", "roles", i, "until")
        roles.append(
            Role(
                person,
                title,
                ld.strings(item.get("title_aliases"), "roles", i, "title_aliases"),
                ld.string(item.get("org"), "roles", i, "org"),
                since,
                until,
                path,
                lines.line("roles", i) or 0,
            )
        )

    figures: list[Figure] = []
    for i, item in items("figures"):
        ld.check_keys(item, _FIGURE_KEYS, "figures", i)
        name = ld.string(item.get("name"), "figures", i, "name", required=True)
        assert name is not None
        if "value" not in item:
            raise ld.error("'value' is required", "figures", i)
        try:
            value, unit_text, _step = parse_value(item["value"])
        except ValueError as exc:
            raise ld.error(str(exc), "figures", i, "value", hint="write e.g. 142.38 billion or 37") from None
        if abs(value) > MAX_ABS_VALUE:
            raise ld.error(f"value {item['value']!r} is absurdly large", "figures", i, "value")
        unit = ld.string(item.get("unit"), "figures", i, "unit") or ""
        if unit_text:
            if unit:
                raise ld.error(f"unit given twice ({unit_text!r} and {unit!r})", "figures", i, "value")
            unit = unit_text
        unit = normalise_unit(unit)
        if unit == "%" and abs(value) > 1000:
            raise ld.error(f"percentage {item['value']!r} is absurd", "figures", i, "value")
        rel, absolute = _parse_tolerance(item.get("tolerance"), value, ld, "figures", i, "tolerance")
        keywords = ld.strings(item.get("keywords"), "figures", i, "keywords")
        if not keywords:
            raise ld.error(
                "'keywords' is required",
                "figures",
                i,
                hint="list words a sentence about this figure uses, e.g. [revenue]",
            )
        year = item.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1800 <= year <= 2200):
            raise ld.error(f"bad year {year!r}", "figures", i, "year")
        if year is None:
            found = {int(y) for y in _YEAR.findall(" ".join((name, *keywords)))}
            year = found.pop() if len(found) == 1 else None
        figures.append(
            Figure(
                name=name,
                entity=ld.string(item.get("entity"), "figures", i, "entity"),
                keywords=keywords,
                value=value,
                unit=unit,
                tolerance=rel,
                source=ld.string(item.get("source"), "figures", i, "source"),
                path=path,
                line=lines.line("figures", i) or 0,
                tolerance_abs=absolute,
                year=year,
            )
        )

    events: list[Event] = []
    for i, item in items("events"):
        ld.check_keys(item, _EVENT_KEYS, "events", i)
        name = ld.string(item.get("name"), "events", i, "name", required=True)
        assert name is not None
        if item.get("date") is None:
            raise ld.error("'date' is required", "events", i, hint="write dates as YYYY-MM-DD")
        day = ld.date(item.get("date"), "events", i, "date")
        assert day is not None
        keywords = ld.strings(item.get("keywords"), "events", i, "keywords")
        if not keywords:
            raise ld.error("'keywords' is required", "events", i, hint="e.g. [announced, unveiled]")
        ents = ld.strings(item.get("entities"), "events", i, "entities")
        one = ld.string(item.get("entity"), "events", i, "entity")
        if one and one not in ents:
            ents = (one, *ents)
        events.append(Event(name, day, keywords, path, lines.line("events", i) or 0, ents))

    claims: list[Claim] = []
    for i, item in items("claims"):
        ld.check_keys(item, _CLAIM_KEYS, "claims", i)
        raw = item.get("pattern")
        if not isinstance(raw, str) or not raw.strip():
            raise ld.error("'pattern' is required (a regular expression)", "claims", i, "pattern")
        if len(raw) > MAX_PATTERN_LENGTH:
            raise ld.error(f"pattern is too long ({len(raw)} characters, at most {MAX_PATTERN_LENGTH})", "claims", i)
        try:
            re.compile(raw)
        except re.error as exc:
            raise ld.error(f"invalid regular expression: {exc}", "claims", i, "pattern") from None
        why = check_pattern_safety(raw)
        if why:
            raise ld.error(
                f"pattern could be very slow: {why}",
                "claims",
                i,
                "pattern",
                hint="use a single repeat such as [^.]* instead of nested ones",
            )
        if re.compile(raw).search("") is not None:
            raise ld.error("pattern matches empty text", "claims", i, "pattern")
        message = ld.string(item.get("message"), "claims", i, "message", required=True)
        assert message is not None
        claims.append(
            Claim(
                raw,
                message.rstrip(" ."),
                path,
                lines.line("claims", i) or 0,
                ld.boolean(item.get("ignorecase"), "claims", i, "ignorecase"),
            )
        )

    sources = ld.strings(data.get("sources"), "sources")
    return FactBase(tuple(entities), tuple(roles), tuple(figures), tuple(events), tuple(claims), sources, (path,))


def merge(parts: Sequence[FactBase]) -> FactBase:
    """Merge parsed files; a name declared twice (even across files) is an error naming both.

    People and organisations a role names but no entity declares become implicit entities
    (and so do the entities figures and events name), so that the rules can find them in text.
    """
    entities: list[Entity] = []
    seen: dict[str, tuple[Entity, str]] = {}
    for part in parts:
        for e in part.entities:
            for kind, forms in (("name", (e.name,)), ("alias", e.aliases), ("avoid", e.avoid)):
                for f in forms:
                    key = fold(f)
                    prev = seen.get(key)
                    if prev is None:
                        seen[key] = (e, kind)
                        continue
                    other, okind = prev
                    if other is e or (other.name == e.name and other.path == e.path and other.line == e.line):
                        if kind == "avoid" or okind == "avoid":
                            continue  # a case variant of one's own accepted form
                        continue
                    raise FactBaseError(
                        f"{f!r} is declared twice: here and at {other.path}:{other.line}",
                        path=e.path,
                        line=e.line,
                        key="entities",
                        hint="each name, alias and avoided form may belong to one entity only",
                    )
            entities.append(e)
    probe = FactBase(entities=tuple(entities))
    roles: list[Role] = []
    role_keys: dict[tuple[str, str, str, Any, Any], Role] = {}
    implicit: dict[str, Entity] = {}
    for part in parts:
        for r in part.roles:
            person_ent = probe.entity_for(r.person)
            role_key = (
                fold(person_ent.name if person_ent else r.person),
                fold(r.title),
                fold((probe.entity_for(r.org) or Entity(r.org)).name) if r.org else "",
                r.since,
                r.until,
            )
            if role_key in role_keys:
                other_role = role_keys[role_key]
                raise FactBaseError(
                    f"role of {r.person!r} as {r.title!r} is declared twice: "
                    f"here and at {other_role.path}:{other_role.line}",
                    path=r.path,
                    line=r.line,
                    key="roles",
                )
            role_keys[role_key] = r
            roles.append(r)
            if person_ent is None and fold(r.person) not in implicit:
                implicit[fold(r.person)] = Entity(r.person, "person", (), (), r.path, r.line)
            if r.org and probe.entity_for(r.org) is None and fold(r.org) not in implicit:
                implicit[fold(r.org)] = Entity(r.org, "organization", (), (), r.path, r.line)
    figures: list[Figure] = []
    fig_names: dict[str, Figure] = {}
    for part in parts:
        for fig in part.figures:
            other_fig = fig_names.get(fold(fig.name))
            if other_fig is not None:
                raise FactBaseError(
                    f"figure {fig.name!r} is declared twice: here and at {other_fig.path}:{other_fig.line}",
                    path=fig.path,
                    line=fig.line,
                    key="figures",
                )
            fig_names[fold(fig.name)] = fig
            figures.append(fig)
    events: list[Event] = []
    ev_names: dict[str, Event] = {}
    for part in parts:
        for ev in part.events:
            other_ev = ev_names.get(fold(ev.name))
            if other_ev is not None:
                raise FactBaseError(
                    f"event {ev.name!r} is declared twice: here and at {other_ev.path}:{other_ev.line}",
                    path=ev.path,
                    line=ev.line,
                    key="events",
                )
            ev_names[fold(ev.name)] = ev
            events.append(ev)
    claims: list[Claim] = []
    claim_keys: dict[str, Claim] = {}
    for part in parts:
        for c in part.claims:
            other_c = claim_keys.get(c.pattern)
            if other_c is not None:
                raise FactBaseError(
                    f"claim pattern is declared twice: here and at {other_c.path}:{other_c.line}",
                    path=c.path,
                    line=c.line,
                    key="claims",
                )
            claim_keys[c.pattern] = c
            claims.append(c)
    sources: list[str] = []
    for part in parts:
        for s in part.sources:
            if fold(s) not in {fold(x) for x in sources}:
                sources.append(s)
    # Figures and events may name an entity nobody declared: it is matched as written.
    for where_path, where_line, name in [(f.path, f.line, f.entity) for f in figures if f.entity] + [
        (ev.path, ev.line, n) for ev in events for n in ev.entities
    ]:
        if name and probe.entity_for(name) is None and fold(name) not in implicit:
            implicit[fold(name)] = Entity(name, "term", (), (), where_path, where_line)
    paths = tuple(p for part in parts for p in part.paths)
    return FactBase(
        tuple(entities) + tuple(implicit.values()),
        tuple(roles),
        tuple(figures),
        tuple(events),
        tuple(claims),
        tuple(sources),
        paths,
    )
