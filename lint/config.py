"""Configuration: ``[tool.lint-article]`` in ``pyproject.toml`` or a ``.lint-article.yaml``,
found by walking up from the current directory (``--config FILE`` overrides), merged with
command-line options.

Keys (hyphens and underscores are interchangeable)::

    select = ["BP", "facts"]        # codes, prefixes, names, categories or "ALL"
    extend-select = ["RD102"]
    ignore = ["ST103"]
    severity = { ST101 = "info" }   # selector -> error | warning | info
    fail-on = "warning"             # lowest severity that makes the run fail (exit 1)
    exclude = ["archive/**"]        # globs, relative to the config file's folder
    respect-gitignore = true        # in a git work tree, skip files git ignores
    extensions = [".md", ".markdown", ".txt"]
    facts = ["facts.yaml"]          # fact base files (relative to the config file)
    context = ["drafts"]            # drafts or folders that take part in the cross-draft
                                    # checks without being reported on (relative, too)
    packs = ["house-style.yaml"]    # extra phrase packs
    jobs = 2
    cache-dir = ".lint-article-cache"
    languagetool = "off"            # off | local | http://host:port ; or a table:
    # languagetool = { url = "http://localhost:8081", required = true, timeout = 10 }
    [tool.lint-article.per-file-ignores]
    "press-releases/*.md" = ["BP"]
    [tool.lint-article.rules.RD101]   # per-rule options, by code or name
    max-grade = 12
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import ConfigError
from lint.model import Severity

if TYPE_CHECKING:
    from lint.schema import Record

CONFIG_NAMES = (".lint-article.yaml", ".lint-article.yml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")


def _norm(key: Any) -> str:
    return str(key).strip().replace("-", "_").lower()


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@cache
def schema() -> Record:
    """Every setting: the one declaration the loader checks against and :func:`config_json_schema`
    exports. Built on first use, so that a run without a config file never imports :mod:`lint.schema`."""
    from lint.schema import AnyValue, Bool, Enum, Field, Float, Int, ListOf, MapOf, OneOf, Record, Text

    _SELECTORS = ListOf(Text(), single=True)
    _SEVERITY = Enum(("error", "warning", "info"), convert=Severity.parse)
    _LANGUAGETOOL = OneOf(
        (
            Text(),
            Bool(),
            Record(
                {
                    "url": Field(Text()),
                    "mode": Field(Text()),
                    "required": Field(Bool(), default=False),
                    "timeout": Field(Float(low=0), default=10.0, doc="seconds"),
                },
                normalise=_norm,
                spell=_kebab,
            ),
        )
    )
    return Record(
        {
            "select": Field(_SELECTORS, doc="codes, prefixes, names, categories or ALL"),
            "extend_select": Field(_SELECTORS, default=[]),
            "ignore": Field(_SELECTORS, default=[]),
            "extend_ignore": Field(_SELECTORS, default=[]),
            "severity": Field(MapOf(_SEVERITY), default={}, doc="selector -> error | warning | info"),
            "fail_on": Field(_SEVERITY, default=Severity.WARNING, doc="lowest severity that makes the run fail"),
            "exclude": Field(_SELECTORS, default=[], doc="globs, relative to the config file's folder"),
            "extend_exclude": Field(_SELECTORS, default=[]),
            "extensions": Field(_SELECTORS, default=list(DEFAULT_EXTENSIONS)),
            "respect_gitignore": Field(Bool(), default=True, doc="skip files git ignores when walking folders"),
            "facts": Field(_SELECTORS, default=[], doc="fact base files"),
            "context": Field(
                _SELECTORS, default=[], doc="drafts or folders that take part in cross-draft checks, not reported on"
            ),
            "packs": Field(_SELECTORS, default=[], doc="extra phrase packs"),
            "jobs": Field(Int(low=1)),
            "cache_dir": Field(Text()),
            "cache": Field(Bool(), default=True),
            "languagetool": Field(_LANGUAGETOOL, default="off", doc="off | local | http(s) URL, or a table"),
            "per_file_ignores": Field(MapOf(_SELECTORS), default={}, doc="glob -> selectors"),
            "rules": Field(
                MapOf(MapOf(AnyValue(), "a mapping of option: value"), "a mapping of rule: options"),
                default={},
                doc="per-rule options, by code or name",
            ),
            "baseline": Field(Text()),
            "vale": Field(Text(), doc="a .vale.ini whose styles run as rules (default: found beside the drafts)"),
        },
        noun="setting",
        normalise=_norm,
        spell=_kebab,
    )


@dataclass(frozen=True)
class Config:
    """Resolved configuration. Paths are absolute."""

    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    respect_gitignore: bool = True
    facts: tuple[Path, ...] = ()
    context: tuple[Path, ...] = ()
    """Context drafts (files or folders): read for the corpus phase only (``lint.engine.collect``)."""
    packs: tuple[Path, ...] = ()
    jobs: int | None = None
    cache_dir: Path | None = None
    cache: bool = True
    languagetool: str = "off"
    languagetool_required: bool = False
    languagetool_timeout: float = 10.0
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    baseline: Path | None = None
    vale: Path | None = None
    """The .vale.ini whose styles run (:mod:`lint.vale`), or None."""
    written: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The settings table as the file wrote it (keys as spelt there), for error messages."""
    line_of: Any = field(default=None, compare=False, repr=False)
    """``line_of(*keys)``: the file's line of a key path spelt as in :attr:`written`."""

    def place(self, *at: Any) -> tuple[str, int | None] | None:
        """Where the file sets the key path ``at`` (keys in any spelling, list indices):
        the path as the user wrote it (``rules.RD103.max-words``) and its line; None when
        the file does not set it (the value came from the command line or a default)."""
        node: Any = self.written
        spelt: list[Any] = []
        for k in at:
            if isinstance(node, dict):
                match = k if k in node else next((w for w in node if _norm(w) == _norm(k)), None)
                if match is None:
                    return None
                node = node[match]
            elif isinstance(node, list) and isinstance(k, int) and 0 <= k < len(node):
                match, node = k, node[k]
            else:
                return None
            spelt.append(match)
        line = self.line_of(*spelt) if self.line_of is not None else None
        from lint.schema import key_name

        return key_name(spelt) or "", line

    def place_of_selector(self, lists: Sequence[tuple[Any, ...]], selector: str) -> tuple[str, int | None] | None:
        """:meth:`place` of ``selector`` in the first of the selector lists (key paths) that has it."""
        for at in lists:
            found = self.place(*at)
            if found is None:
                continue
            node: Any = self.written
            for k in at:  # place() found the path: each step exists in some spelling
                node = node[k] if k in node else next(v for w, v in node.items() if _norm(w) == _norm(k))
            if node == selector:
                return found
            if isinstance(node, list) and selector in node:
                return self.place(*at, node.index(selector))
        return None

    def error(self, message: str, at: tuple[Any, ...], hint: str | None = None) -> ConfigError:
        """A :class:`ConfigError` at ``at`` (:meth:`place`): file, line and key as written."""
        found = self.place(*at)
        if found is None:
            from lint.schema import key_name

            return ConfigError(message, path=self.source, key=key_name(at), hint=hint)
        return ConfigError(message, path=self.source, line=found[1], key=found[0], hint=hint)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def settings(self) -> dict[str, Any]:
        """Run-wide settings passed to rules in ``RunContext.settings``."""
        return {
            "languagetool": self.languagetool,
            "languagetool_required": self.languagetool_required,
            "languagetool_timeout": self.languagetool_timeout,
            "cache_dir": str(self.effective_cache_dir) if self.cache else None,
        }

    @property
    def effective_cache_dir(self) -> Path:
        return self.cache_dir or (self.root / ".lint-article-cache")


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``: in each folder the first of
    :data:`CONFIG_NAMES` that :func:`configures` (``lint.settings`` documents the rule)."""
    here = start.resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if configures(folder / name):
                return folder / name
    return None


def configures(path: Path) -> bool:
    """Whether ``path`` is a config file for lint-article: a pyproject.toml only when it
    has a ``[tool.lint-article]`` table."""
    if not path.is_file():
        return False
    if path.name != "pyproject.toml":
        return True
    try:
        return "[tool.lint-article" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def raw_settings(path: Path) -> tuple[dict[str, Any], Any]:
    """The settings table of a config file as written, and ``line_of(key)`` (for
    ``--show-settings``; :func:`load_config` validates)."""
    text = path.read_text(encoding="utf-8-sig")
    return _load_toml(text, str(path)) if path.name.endswith(".toml") else _load_yaml(text, str(path))


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("config file not found", path=shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", path=shown) from None
    if path.name.endswith(".toml"):
        data, line_of = _load_toml(text, shown)
    else:
        data, line_of = _load_yaml(text, shown)
    return _build(data, path.parent.resolve(), shown, line_of)


def _load_toml(text: str, shown: str) -> tuple[dict[str, Any], Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = None
        msg = str(exc)
        if "(at line " in msg:
            try:
                line = int(msg.split("(at line ")[1].split(",")[0])
            except ValueError:
                line = None
        raise ConfigError(f"not valid TOML: {msg.split(' (at line')[0]}", path=shown, line=line) from None
    tool = doc.get("tool", {})
    data = tool.get("lint-article", tool.get("lint_article", {})) if isinstance(tool, dict) else {}
    if not isinstance(data, dict):
        raise ConfigError("[tool.lint-article] must be a table", path=shown)
    lines = _toml_lines(text)

    def line_of(*keys: Any) -> int | None:
        path = tuple(keys)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get(())

    return data, line_of


_TOML_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_*/-]+)')
_TOML_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[-+\w.:]+')


def _toml_keys(text: str) -> tuple[str, ...]:
    """The parts of a dotted TOML key (``tool."lint-article".rules`` -> three parts)."""
    return tuple(next(g for g in m.groups() if g is not None) for m in _TOML_KEY.finditer(text))


def _toml_lines(text: str) -> dict[tuple[Any, ...], int]:
    """Line of each key path of ``[tool.lint-article]`` (TOML parsers keep no positions):
    table headers, ``key = value`` lines, keys of inline tables on their line, and the items
    of arrays, also when an array spans lines. Paths as the parsed table spells them."""
    out: dict[tuple[Any, ...], int] = {}
    table: tuple[str, ...] | None = None
    array: tuple[tuple[Any, ...], int] | None = None  # (path, items so far) of an open array
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if '"' not in raw and "'" not in raw else raw.strip()
        if array is not None:
            path, count = array
            body = line.split("]", 1)[0]
            for _ in _TOML_ITEM.finditer(body):
                out.setdefault((*path, count), n)
                count += 1
            array = None if "]" in line else (path, count)
            continue
        if line.startswith("["):
            keys = _toml_keys(line.strip("[] "))
            table = keys[2:] if keys[:2] in (("tool", "lint-article"), ("tool", "lint_article")) else None
            if table is not None:
                out.setdefault(table, n)
            continue
        if table is None or "=" not in line:
            continue
        name, value = line.split("=", 1)
        path = (*table, *_toml_keys(name))
        out.setdefault(path, n)
        value = value.strip()
        if value.startswith("{"):
            for m in re.finditer(r"[{,]\s*(\"[^\"]*\"|'[^']*'|[\w*/.-]+)\s*=", value):
                out.setdefault((*path, *_toml_keys(m.group(1))), n)
        elif value.startswith("["):
            body = value[1:]
            count = 0
            for _ in _TOML_ITEM.finditer(body.split("]", 1)[0]):
                out.setdefault((*path, count), n)
                count += 1
            if "]" not in body:
                array = (path, count)
    return out


def _load_yaml(text: str, shown: str) -> tuple[dict[str, Any], Any]:
    from lint.yamlload import load

    data, lines = load(text, shown, ConfigError)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the config file must be a mapping of settings", path=shown, line=1)
    return data, lines.line


def _build(raw: Mapping[str, Any], root: Path, shown: str, line_of: Any) -> Config:
    from lint.schema import Where, validate

    where = Where(shown, line_of, ConfigError)
    v = validate(schema(), dict(raw), where)
    lt = v["languagetool"]
    lt_required, lt_timeout = False, 10.0
    if isinstance(lt, dict):
        lt_required, lt_timeout = lt["required"], lt["timeout"]
        lt = lt["url"] or lt["mode"] or "off"
    if lt is False:
        lt = "off"
    if not isinstance(lt, str) or not _valid_languagetool(lt):
        key = next((k for k in raw if _norm(k) == "languagetool"), "languagetool")
        raise where.error(f"expected off, local or an http(s) URL, got {lt!r}", (key,))

    def paths(name: str) -> tuple[Path, ...]:
        return tuple((root / p).resolve() for p in v[name])

    exts = tuple(e if e.startswith(".") else f".{e}" for e in v["extensions"])
    select, cache_dir, baseline, vale = v["select"], v["cache_dir"], v["baseline"], v["vale"]
    return Config(
        source=shown,
        root=root,
        select=tuple(select) if select is not None else None,
        extend_select=tuple(v["extend_select"]),
        ignore=tuple(v["ignore"]) + tuple(v["extend_ignore"]),
        severity=v["severity"],
        fail_on=v["fail_on"],
        exclude=tuple(v["exclude"]) + tuple(v["extend_exclude"]),
        extensions=tuple(e.lower() for e in exts),
        respect_gitignore=v["respect_gitignore"],
        facts=paths("facts"),
        context=paths("context"),
        packs=paths("packs"),
        jobs=v["jobs"],
        cache_dir=(root / cache_dir).resolve() if cache_dir else None,
        cache=v["cache"],
        languagetool=lt,
        languagetool_required=lt_required,
        languagetool_timeout=lt_timeout,
        per_file_ignores={glob: tuple(sels) for glob, sels in v["per_file_ignores"].items()},
        rule_options={sel: {_norm(k): o for k, o in opts.items()} for sel, opts in v["rules"].items()},
        baseline=(root / baseline).resolve() if baseline else None,
        vale=(root / vale).resolve() if vale else None,
        written=dict(raw),
        line_of=line_of,
    )


def config_json_schema() -> dict[str, Any]:
    """A JSON Schema for ``.lint-article.yaml`` (and ``[tool.lint-article]``), from :func:`schema`."""
    from lint.schema import json_schema

    return json_schema(schema(), "lint-article configuration")


def _valid_languagetool(value: str) -> bool:
    return value in ("off", "local") or value.startswith(("http://", "https://"))


def parse_languagetool(value: str) -> str:
    """Validate a ``--languagetool`` value."""
    if not _valid_languagetool(value):
        raise ConfigError(
            f"--languagetool: expected off, local or an http(s) URL, got {value!r}",
            hint="for a self-hosted server: --languagetool http://localhost:8081",
        )
    return value


def env_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def selector_matches(selector: str, code: str, name: str, category: str) -> bool:
    """Does ``selector`` (code, code prefix, rule name, category or ALL) pick this rule?"""
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s.lower() == name or s.lower() == category:
        return True
    return code.startswith(s.upper())


def validate_selectors(
    selectors: Sequence[str],
    rules: Mapping[str, Any],
    where: str,
    locate: Callable[[str], tuple[str, int | None] | None] | None = None,
    source: str | None = None,
) -> None:
    """Raise when a selector picks no rule at all (almost always a typo). ``locate(selector)``
    gives where the config file (``source``) wrote it (:meth:`Config.place`): the error then
    names the file, line and key as written; else it names ``where`` (the option or setting)."""
    for s in selectors:
        if any(selector_matches(s, c, r.name, r.category) for c, r in rules.items()):
            continue
        if s.upper().startswith("LA"):
            continue  # engine diagnostics
        import difflib

        candidates = list(rules) + [r.name for r in rules.values()]
        close = difflib.get_close_matches(s, candidates, n=1)
        hint = (f"did you mean {close[0]!r}? " if close else "") + "run 'lint-article --list-rules'"
        found = locate(s) if locate is not None else None
        if found is not None and source is not None:
            raise ConfigError(f"{s!r} matches no rule", path=source, line=found[1], key=found[0], hint=hint)
        raise ConfigError(f"{where}: {s!r} matches no rule", hint=hint)
