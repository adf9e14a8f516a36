"""Loading a pack file: each entry is checked against the pack schema and becomes the
class attributes of a :class:`~lint.packs.rule.PhraseRule` subclass."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import PackError
from lint.model import CATEGORIES, Severity
from lint.packs.gate import _COMMON_WORDS, _anchors, _by_anchors, _requirements
from lint.packs.patterns import _LEAD_PREFIX, _LEAD_SUFFIX, _flexible_spaces, _led
from lint.packs.rule import PhraseRule
from lint.rule import CODE_RE, NAME_RE, Rule
from lint.yamlload import load

if TYPE_CHECKING:
    from lint.schema import KeyPath, Record, Where

_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "suggestion": Severity.INFO}


@cache
def file_schema() -> Record:
    """A whole pack file; each entry of ``rules`` is one rule of a pack (Vale's names where they
    overlap; ``severity`` is another name for ``level``). Built on first use: a run whose packs
    are read back from :func:`lint.cache.derived` never imports :mod:`lint.schema`."""
    from lint.schema import Bool, Const, Enum, Field, ListOf, MapOf, Record, Text

    texts = ListOf(Text(blank="error"))
    entry = Record(
        {
            "code": Field(
                Text(pattern=CODE_RE.pattern.strip("^$"), shape="a letter prefix and 3 digits, e.g. 'ST101'"),
                required=True,
            ),
            "name": Field(
                Text(pattern=NAME_RE.pattern.strip("^$"), shape="a kebab-case name, e.g. 'cliche'"), required=True
            ),
            "extends": Field(
                Enum(("existence", "substitution")),
                default="existence",
                doc="existence: flag; substitution: suggest swap",
            ),
            "category": Field(Enum(CATEGORIES), required=True),
            "level": Field(Enum(tuple(_LEVELS), convert=_LEVELS.__getitem__), default=Severity.WARNING),
            "message": Field(Text(), required=True, doc="may use {match} and {replacement} (Vale's %s too)"),
            "description": Field(Text(), default="", doc="what it finds and why (shown by --explain)"),
            "phrases": Field(texts, default=[], doc="literal phrases (white space is flexible)"),
            "tokens": Field(texts, default=[], doc="regular-expression fragments, as in Vale"),
            "swap": Field(MapOf(Text(), "a mapping of phrase: replacement"), default={}),
            "ignorecase": Field(Bool(), default=True),
            "nonword": Field(Bool(), default=False, doc="true: no word boundaries around tokens"),
            "scope": Field(Enum(("text", "block", "heading", "paragraph", "list", "sentence")), default="text"),
            "whole": Field(Bool(), default=False, doc="the match must be the whole block"),
            "quotes": Field(Enum(("skip", "include")), default="skip", doc="matches inside quotations"),
            "fix": Field(Enum(("none", "replace", "remove-block")), default="none"),
            "fix_safe": Field(Bool(), default=True),
            "examples": Field(
                Record({"bad": Field(ListOf(Text()), default=[]), "good": Field(ListOf(Text()), default=[])})
            ),
            "enabled": Field(Bool(), default=True),
        },
        aliases={"severity": "level"},
    )
    return Record(
        {
            "version": Field(Const(1), required=True, hint="start the file with 'version: 1'"),
            "rules": Field(ListOf(entry), required=True),
            "description": Field(Text()),
        }
    )


def pack_json_schema() -> dict[str, Any]:
    """A JSON Schema for phrase pack files, from the declarations the loader checks against."""
    from lint.schema import json_schema

    return json_schema(file_schema(), "lint-article phrase pack (version 1)")


def load_pack(path: Path, cache_dir: Path | None = None, installed: bool = False) -> list[type[PhraseRule]]:
    """Read a pack file into rule classes; raise :class:`PackError` naming file, line, key.

    What the file's rules derive to (validated, patterns assembled, gate words found) is
    kept by :func:`lint.cache.derived` in ``cache_dir``, and for an ``installed`` pack (one a
    plugin provides, not one a configuration names) in the installation folder: a one-draft
    run then reads it back instead of parsing YAML and regular expressions."""
    shown = str(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read phrase pack: {exc}", path=shown) from None
    from lint.cache import derived, keeps_derived

    if cache_dir is None and not (installed and keeps_derived(installed=True)):
        specs = _derive(text, shown, False)
    else:
        specs = derived(
            "pack",
            f"{shown}\0{_code_stamp()}\0".encode("utf-8", "surrogateescape") + raw,
            lambda: _derive(text, shown, True),
            __file__,
            cache_dir,
            installed=installed,
        )
    return [_make_class(spec, installed) for spec in specs]


def _code_stamp() -> str:
    """Size and time of change of the other modules a derived pack depends on (the gate,
    the pattern readers, the schema): :func:`lint.cache.derived` stamps only this file, and
    an edit to any of them must derive the pack anew."""
    import os

    from lint.packs import gate, patterns, rule

    schema_file = os.path.join(os.path.dirname(os.path.dirname(__file__)), "schema.py")  # not imported for this
    stamps = []
    for file in (gate.__file__, patterns.__file__, rule.__file__, schema_file):
        try:
            st = os.stat(file or "")
            stamps.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamps.append("?")
    return ",".join(stamps)


def _derive(text: str, shown: str, kept: bool) -> list[dict[str, Any]]:
    """The class attributes of the pack's rules; ``kept``: the result is stored for later runs."""
    data, lines = load(text, shown, PackError)
    from lint.schema import Where, validate

    where = Where(shown, lines.line, PackError)
    checked = validate(file_schema(), data, where)
    specs = [_build(entry, where, ("rules", i)) for i, entry in enumerate(checked["rules"])]
    if kept:  # find the gate and the lead now, not on first use in every later run
        for spec in specs:
            if not _by_anchors(spec["whole"], spec["anchors"], spec["anchored_source"]):
                spec["gate"] = _requirements(spec["gate_phrases"], spec["gate_patterns"], spec["flags"])
            spec["led_source"] = _led(spec["pattern_source"], spec["flags"])
    return specs


def _make_class(spec: dict[str, Any], installed: bool = False) -> type[PhraseRule]:
    cls_name = "".join(part.capitalize() for part in spec["name"].split("-"))
    return type(cls_name, (PhraseRule,), {**spec, "installed": installed})


def _build(v: dict[str, Any], where: Where, at: KeyPath) -> dict[str, Any]:
    """The class attributes of the rule entry at ``at``, checked by :data:`ENTRY`; what a
    schema cannot say (placeholders, regular expressions, keys that need each other) here."""

    def fail(msg: str, key: str, hint: str | None = None) -> Exception:
        return where.error(msg, (*at, key), hint)

    message = v["message"].replace("%s", "{match}")
    try:
        message.format(match="x", replacement="y")
    except (KeyError, IndexError, ValueError) as exc:
        raise fail(f"bad placeholder in message: {exc}", "message", hint="use {match} and {replacement}") from None
    fix_kind, phrases, tokens, swap = v["fix"], v["phrases"], v["tokens"], v["swap"]
    if v["extends"] == "substitution" and not swap:
        raise fail("a substitution needs 'swap'", "swap")
    if fix_kind == "replace" and not swap:
        raise fail("'fix: replace' needs 'swap'", "fix")
    alternatives = [r"\s+".join(map(re.escape, p.split())) for p in phrases] + tokens + list(swap)
    if not alternatives:
        raise fail("a rule needs phrases, tokens or swap", "phrases")
    flags = re.IGNORECASE if v["ignorecase"] else 0
    nonword = v["nonword"]
    # Longest alternatives first so that "read more articles" wins over "read more".
    alternatives.sort(key=len, reverse=True)
    body = "|".join(f"(?:{_flexible_spaces(a)})" for a in alternatives)
    source = body if nonword else rf"{_LEAD_PREFIX}{body}{_LEAD_SUFFIX}"
    try:
        # Compiled here, not first in a run: a pattern that parses can still fail to compile
        # (a look-behind of variable width), and it would fail then on every draft.
        re.compile(source, flags)
    except re.error as exc:
        for alt in tokens + list(swap):
            try:
                re.compile(_flexible_spaces(alt), flags)
            except re.error as alt_exc:
                raise fail(f"invalid regular expression {alt!r}: {alt_exc}", "tokens") from None
        raise fail(f"the rule's patterns do not compile together: {exc}", "tokens") from None
    n_literal = len(phrases)
    leading = [p.split()[0] for p in phrases] + tokens + list(swap)
    anchor_sets = [_anchors(a, i < n_literal) for i, a in enumerate(leading)]
    anchors = None
    if not nonword and all(a is not None for a in anchor_sets):
        anchors = frozenset(w for a in anchor_sets if a for w in a)
        if any(len(w) <= 2 or w in _COMMON_WORDS for w in anchors):
            anchors = None  # hits on every "it" or "the" cost more than a plain scan
    anchored_source = rf"(?:{body})(?![\w-])" if anchors else None
    description = v["description"]
    examples = v["examples"] or {"bad": [], "good": []}
    attrs: dict[str, Any] = {
        "__doc__": description,
        "code": v["code"],
        "name": v["name"],
        "category": v["category"],
        "severity": v["level"],
        "fixable": fix_kind != "none",
        "enabled_by_default": v["enabled"],
        "pattern_source": source,
        "anchored_source": anchored_source,
        "flags": flags,
        "anchors": anchors,
        "gate_phrases": tuple(phrases),
        "gate_patterns": tuple(_flexible_spaces(a) for a in tokens + list(swap)),
        "swap": dict(swap),
        "scope": v["scope"],
        "whole": v["whole"],
        "skip_quotes": v["quotes"] == "skip",
        "fix_kind": fix_kind,
        "fix_safe": v["fix_safe"],
        "message_template": message,
        "description": description,
        "examples_bad": tuple(examples["bad"]),
        "examples_good": tuple(examples["good"]),
        "source": f"{where.path}:{where.line_of(*at) or 1}",
    }
    return attrs


def pack_rules(paths: Sequence[Path], cache_dir: Path | None = None, installed: bool = False) -> list[type[Rule]]:
    out: list[type[Rule]] = []
    for p in paths:
        out.extend(load_pack(Path(p), cache_dir, installed))
    return out
