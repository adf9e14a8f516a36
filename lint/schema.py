"""One declarative schema for every YAML (or TOML) file a user writes: configuration, fact
base, phrase packs.

A schema is a tree of small nodes (:class:`Text`, :class:`Int`, :class:`Float`,
:class:`Bool`, :class:`Date`, :class:`Enum`, :class:`Const`, :class:`ListOf`,
:class:`MapOf`, :class:`Record`, :class:`OneOf`, :class:`AnyValue`). :func:`validate`
walks loaded data against it and returns the data converted (dates as ``datetime.date``,
enums folded to their canonical spelling, record keys under their canonical names).

Invariants:

* Every error is the caller's :class:`lint.errors.UserError` subclass and names the file,
  the line (from the line map :mod:`lint.yamlload` keeps), the key path as the user wrote
  it (``entities[0].aliasse``), what was expected and what was found; an unknown key or
  enum value comes with a did-you-mean hint when one is close (difflib).
* Validation never changes the meaning of a valid file: a node converts only what its
  declaration says (``single=True`` turns one string into a one-item list, ``squash=True``
  collapses white space).
* :meth:`Schema.json` exports the same declaration as a JSON Schema (draft 2020-12), so the
  published schema and the loader cannot disagree.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.errors import UserError

KeyPath = tuple[Any, ...]
LineOf = Callable[..., "int | None"]


def key_name(path: Sequence[Any]) -> str | None:
    """``("entities", 0, "aliases")`` -> ``"entities[0].aliases"``."""
    out = ""
    for k in path:
        out += f"[{k}]" if isinstance(k, int) else (("." if out else "") + str(k))
    return out or None


def type_name(value: Any) -> str:
    """How an error message names what the user wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "text"}
    return names.get(type(value), type(value).__name__)


def close_match(word: str, choices: Sequence[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1)
    return found[0] if found else None


@dataclass(frozen=True)
class Where:
    """Where values come from: the file as shown to the user, its line map, the error class."""

    path: str
    line_of: LineOf
    error_class: type[UserError] = UserError

    def error(self, message: str, at: KeyPath, hint: str | None = None) -> UserError:
        return self.error_class(message, path=self.path, line=self.line_of(*at), key=key_name(at), hint=hint)


class Schema:
    """A node of a schema. ``expected`` names it in messages ("a list of text")."""

    expected = "a value"

    def check(self, value: Any, where: Where, at: KeyPath) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError

    def fits(self, value: Any) -> bool:
        """Whether ``value`` has the right shape for this node (for :class:`OneOf`)."""
        return True

    def wrong(self, value: Any, where: Where, at: KeyPath, hint: str | None = None) -> UserError:
        return where.error(f"expected {self.expected}, got {type_name(value)}", at, hint)


class AnyValue(Schema):
    """Anything (free notes, options a rule validates itself)."""

    expected = "any value"

    def check(self, value: Any, where: Where, at: KeyPath) -> Any:
        return value

    def json(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, eq=False)
class Text(Schema):
    """A string. ``numbers``: a number is read as its text (``title: 2024``); ``squash``:
    white space runs become one space and ends are trimmed; ``max_len`` bounds the result;
    ``pattern`` (with ``shape`` naming it for messages) must match in full."""

    numbers: bool = False
    squash: bool = False
    max_len: int | None = None
    pattern: str | None = None
    shape: str | None = None
    blank: str = "keep"
    """What blank text gives: ``keep`` (itself), ``none`` (None: not given), ``error``."""

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.shape or ("text" if self.numbers else "a string")

    def fits(self, value: Any) -> bool:
        return isinstance(value, str) or (
            self.numbers and isinstance(value, (int, float)) and not isinstance(value, bool)
        )

    def check(self, value: Any, where: Where, at: KeyPath) -> str | None:
        if not self.fits(value):
            raise self.wrong(value, where, at)
        text = " ".join(str(value).split()) if self.squash else str(value)
        if self.blank != "keep" and not text.strip():
            if self.blank == "error":
                raise where.error("must not be empty", at)
            return None  # type: ignore[return-value]
        if self.max_len is not None and len(text) > self.max_len:
            raise where.error(f"is too long ({len(text)} characters, at most {self.max_len})", at)
        if self.pattern is not None and text and not re.fullmatch(self.pattern, text):
            raise where.error(f"expected {self.expected}, got {text!r}", at)
        return text

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": ["string", "number"] if self.numbers else "string"}
        if self.max_len is not None and not self.squash:
            out["maxLength"] = self.max_len
        if self.blank == "error":
            out["pattern"] = r"\S"
        if self.pattern is not None:
            out["pattern"] = f"^(?:{self.pattern})$"
        return out


@dataclass(frozen=True, eq=False)
class Int(Schema):
    """A whole number (true/false is not one), within ``low``..``high`` when given."""

    low: int | None = None
    high: int | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        if self.low is not None and self.high is not None:
            return f"a whole number from {self.low} to {self.high}"
        if self.low is not None:
            return f"a whole number of at least {self.low}"
        return "a whole number"

    def fits(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def check(self, value: Any, where: Where, at: KeyPath) -> int:
        if not self.fits(value):
            raise self.wrong(value, where, at)
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise where.error(f"expected {self.expected}, got {value}", at)
        return int(value)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.low is not None:
            out["minimum"] = self.low
        if self.high is not None:
            out["maximum"] = self.high
        return out


@dataclass(frozen=True, eq=False)
class Float(Schema):
    """A number (whole or not); ``low`` bounds it from below."""

    low: float | None = None
    finite: bool = True
    """False: infinity and not-a-number pass, for a caller with its own message."""
    expected = "a number"

    def fits(self, value: Any) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def check(self, value: Any, where: Where, at: KeyPath) -> float:
        if not self.fits(value) or (self.finite and not math.isfinite(value)):
            raise self.wrong(value, where, at)
        if self.low is not None and value < self.low:
            raise where.error(f"expected a number of at least {self.low}, got {value}", at)
        return float(value)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "number"}
        if self.low is not None:
            out["minimum"] = self.low
        return out


class Bool(Schema):
    expected = "true or false"

    def fits(self, value: Any) -> bool:
        return isinstance(value, bool)

    def check(self, value: Any, where: Where, at: KeyPath) -> bool:
        if not isinstance(value, bool):
            raise self.wrong(value, where, at)
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


class Date(Schema):
    """A calendar date written YYYY-MM-DD (YAML reads it as a date; text is parsed here)."""

    expected = "a date (YYYY-MM-DD)"

    def fits(self, value: Any) -> bool:
        return isinstance(value, (str, _dt.date))

    def check(self, value: Any, where: Where, at: KeyPath) -> _dt.date:
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        hint = "write dates as YYYY-MM-DD, e.g. 2025-03-17"
        m = _DATE.fullmatch(value) if isinstance(value, str) else None
        if m is None:
            shown = repr(value) if isinstance(value, str) else type_name(value)
            raise where.error(f"expected {self.expected}, got {shown}", at, hint)
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as exc:
            raise where.error(f"bad date {value!r}: {exc}", at, hint) from None

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


@dataclass(frozen=True, eq=False)
class Enum(Schema):
    """One of ``choices`` (compared ignoring case when ``fold``). ``synonyms`` map other
    accepted spellings to a choice; ``convert`` turns the canonical choice into the value
    the program uses (``Severity.parse``)."""

    choices: tuple[str, ...]
    synonyms: Mapping[str, str] = field(default_factory=dict)
    fold: bool = True
    convert: Callable[[str], Any] | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.choices)

    def fits(self, value: Any) -> bool:
        return isinstance(value, str)

    def check(self, value: Any, where: Where, at: KeyPath) -> Any:
        if not isinstance(value, str):
            raise self.wrong(value, where, at)
        key = value.strip().lower() if self.fold else value
        key = self.synonyms.get(key, key)
        if key not in self.choices:
            near = close_match(key, self.choices)
            hint = f"did you mean '{near}'?" if near else None
            raise where.error(f"expected {self.expected}, got {value!r}", at, hint)
        return self.convert(key) if self.convert else key

    def json(self) -> dict[str, Any]:
        names = list(dict.fromkeys([*self.choices, *self.synonyms]))
        if self.fold:  # the spellings an editor writes: "warning", "Warning", "WARNING"
            names = list(dict.fromkeys(v for n in names for v in (n, n.capitalize(), n.upper())))
        return {"enum": names}


@dataclass(frozen=True, eq=False)
class Const(Schema):
    """Exactly ``value`` (a format version)."""

    value: Any

    @property
    def expected(self) -> str:  # type: ignore[override]
        return repr(self.value)

    def check(self, value: Any, where: Where, at: KeyPath) -> Any:
        if value != self.value or type(value) is not type(self.value):
            raise where.error(f"expected {self.value!r}, got {value!r}", at)
        return value

    def json(self) -> dict[str, Any]:
        return {"const": self.value}


@dataclass(frozen=True, eq=False)
class ListOf(Schema):
    """A list of ``item``. ``single``: one item may be written without brackets;
    ``dedupe``: repeated items are dropped (first kept)."""

    item: Schema
    single: bool = False
    dedupe: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a list (each {self.item.expected})"

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) or (self.single and self.item.fits(value) and not isinstance(value, dict))

    def check(self, value: Any, where: Where, at: KeyPath) -> list[Any]:
        if self.single and not isinstance(value, (list, dict)) and self.item.fits(value):
            value = [value]
        if not isinstance(value, list):
            raise self.wrong(value, where, at)
        out = [self.item.check(v, where, (*at, i)) for i, v in enumerate(value)]
        return list(dict.fromkeys(out)) if self.dedupe else out

    def json(self) -> dict[str, Any]:
        listed: dict[str, Any] = {"type": "array", "items": self.item.json()}
        if self.single:
            return {"anyOf": [listed, self.item.json()]}
        return listed


@dataclass(frozen=True, eq=False)
class MapOf(Schema):
    """A mapping from text keys (the user's names: globs, selectors) to ``value``."""

    value: Schema
    expected_text: str = "a mapping"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.expected_text

    def fits(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, where: Where, at: KeyPath) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong(value, where, at)
        return {str(k): self.value.check(v, where, (*at, k)) for k, v in value.items()}

    def json(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.value.json()}


@dataclass(frozen=True)
class Field:
    """A key of a :class:`Record`: its schema, whether it must be given (missing, empty text
    and an empty list all count as not given), its default, a hint shown when it is missing
    or wrong, and a line of documentation for the JSON Schema."""

    schema: Schema
    required: bool = False
    default: Any = None
    hint: str | None = None
    doc: str | None = None


def _plain_key(key: Any) -> str:
    return str(key)


@dataclass(frozen=True, eq=False)
class Record(Schema):
    """A mapping with known keys. ``normalise`` turns a key as written into its canonical
    name (``fail-on`` -> ``fail_on``); ``spell`` shows a canonical name to the user;
    ``aliases`` accept other names for a key; ``noun`` names a key in messages ("setting").
    The result maps canonical names to checked values, with defaults for keys not given."""

    fields: Mapping[str, Field]
    noun: str = "key"
    normalise: Callable[[Any], str] = _plain_key
    spell: Callable[[str], str] = str
    aliases: Mapping[str, str] = field(default_factory=dict)
    expected = "a mapping of keys"

    def fits(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, where: Where, at: KeyPath) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong(value, where, at)
        given: dict[str, tuple[Any, Any]] = {}
        for key, v in value.items():
            name = self.normalise(key)
            name = self.aliases.get(name, name)
            if name not in self.fields:
                shown = [self.spell(f) for f in self.fields]
                near = close_match(self.spell(name), shown)
                hint = f"did you mean '{near}'?" if near else f"expected one of: {', '.join(shown)}"
                raise where.error(f"unknown {self.noun}", (*at, key), hint)
            if name in given:
                raise where.error(f"given twice (also as {given[name][0]!r})", (*at, key))
            given[name] = (key, v)
        out: dict[str, Any] = {}
        for name, f in self.fields.items():
            if name in given and given[name][1] is not None:
                key, raw = given[name]
                try:
                    got = f.schema.check(raw, where, (*at, key))
                except UserError as exc:
                    if f.hint and exc.hint is None:
                        exc.hint = f.hint
                    raise
            else:
                got = f.default
            if f.required and (got is None or got == "" or got == []):
                key = given[name][0] if name in given else self.spell(name)
                raise where.error("is required", (*at, key), f.hint)
            out[name] = got
        return out

    def json(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for name, f in self.fields.items():
            node = f.schema.json()
            if f.doc:
                node = {**node, "description": f.doc}
            for spelling in dict.fromkeys([self.spell(name), name]):
                props[spelling] = node
        for alias, name in self.aliases.items():
            props.setdefault(alias, props[name])
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        required = [self.spell(n) for n, f in self.fields.items() if f.required]
        if required:
            out["required"] = required
        return out


@dataclass(frozen=True, eq=False)
class OneOf(Schema):
    """The first option whose shape fits the value (``languagetool: off`` or a table)."""

    options: tuple[Schema, ...]

    @property
    def expected(self) -> str:  # type: ignore[override]
        return " or ".join(o.expected for o in self.options)

    def fits(self, value: Any) -> bool:
        return any(o.fits(value) for o in self.options)

    def check(self, value: Any, where: Where, at: KeyPath) -> Any:
        for option in self.options:
            if option.fits(value):
                return option.check(value, where, at)
        raise self.wrong(value, where, at)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [o.json() for o in self.options]}


def validate(schema: Schema, data: Any, where: Where) -> Any:
    """``data`` checked against ``schema`` and converted; raises ``where.error_class``."""
    return schema.check(data, where, ())


def json_schema(schema: Schema, title: str) -> dict[str, Any]:
    """A standalone JSON Schema document for ``schema``."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema.json()}
