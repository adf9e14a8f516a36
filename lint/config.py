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
    extensions = [".md", ".markdown", ".txt"]
    facts = ["facts.yaml"]          # fact base files (relative to the config file)
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.errors import ConfigError
from lint.model import Severity

CONFIG_NAMES = (".lint-article.yaml", ".lint-article.yml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")

_KEYS = {
    "select": "list",
    "extend_select": "list",
    "ignore": "list",
    "extend_ignore": "list",
    "severity": "map",
    "fail_on": "severity",
    "exclude": "list",
    "extend_exclude": "list",
    "extensions": "list",
    "facts": "list",
    "packs": "list",
    "jobs": "int",
    "cache_dir": "str",
    "cache": "bool",
    "languagetool": "any",
    "per_file_ignores": "map",
    "rules": "map",
    "baseline": "str",
}


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
    facts: tuple[Path, ...] = ()
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
    """The nearest config file at or above ``start``; a pyproject.toml counts only when it
    has a ``[tool.lint-article]`` table."""
    here = start.resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    text = candidate.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                if "[tool.lint-article" not in text:
                    continue
            return candidate
    return None


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
    lines = text.splitlines()

    def line_of(*keys: Any) -> int | None:
        # TOML parsers keep no positions: find the key's line by text.
        key = str(keys[-1]) if keys else ""
        for i, ln in enumerate(lines, 1):
            stripped = ln.strip()
            if stripped.startswith((key, f'"{key}"')) or (stripped.startswith("[") and key in stripped):
                return i
        return None

    return data, line_of


def _load_yaml(text: str, shown: str) -> tuple[dict[str, Any], Any]:
    from lint.yamlload import load

    data, lines = load(text, shown, ConfigError)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the config file must be a mapping of settings", path=shown, line=1)
    return data, lines.line


def _norm(key: Any) -> str:
    return str(key).strip().replace("-", "_").lower()


def _build(raw: Mapping[str, Any], root: Path, shown: str, line_of: Any) -> Config:
    def fail(key: str, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, path=shown, line=line_of(key), key=key, hint=hint)

    values: dict[str, Any] = {}
    for key, value in raw.items():
        norm = _norm(key)
        kind = _KEYS.get(norm)
        if kind is None:
            import difflib

            close = difflib.get_close_matches(norm, list(_KEYS), n=1)
            hint = f"did you mean '{close[0].replace('_', '-')}'?" if close else "see README: Configuration"
            raise fail(str(key), "unknown setting", hint)
        if kind == "list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(str(key), "expected a list of strings")
        elif kind == "map" and not isinstance(value, dict):
            raise fail(str(key), "expected a mapping")
        elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise fail(str(key), "expected a whole number of at least 1")
        elif kind == "bool" and not isinstance(value, bool):
            raise fail(str(key), "expected true or false")
        elif kind == "str" and not isinstance(value, str):
            raise fail(str(key), "expected a string")
        elif kind == "severity":
            try:
                value = Severity.parse(str(value))
            except ValueError as exc:
                raise fail(str(key), str(exc)) from None
        values[norm] = (key, value)

    def get(name: str, default: Any = None) -> Any:
        return values[name][1] if name in values else default

    severity: dict[str, Severity] = {}
    for sel, level in (get("severity") or {}).items():
        try:
            severity[str(sel)] = Severity.parse(str(level))
        except ValueError as exc:
            raise fail(str(sel), str(exc)) from None
    per_file: dict[str, tuple[str, ...]] = {}
    for glob, sels in (get("per_file_ignores") or {}).items():
        if isinstance(sels, str):
            sels = [sels]
        if not isinstance(sels, list) or not all(isinstance(s, str) for s in sels):
            raise fail(str(glob), "expected a list of rule selectors")
        per_file[str(glob)] = tuple(sels)
    options: dict[str, dict[str, Any]] = {}
    for sel, opts in (get("rules") or {}).items():
        if not isinstance(opts, dict):
            raise fail(str(sel), "expected a mapping of option: value")
        options[str(sel)] = {_norm(k): v for k, v in opts.items()}
    lt = get("languagetool", "off")
    lt_required, lt_timeout = False, 10.0
    if isinstance(lt, dict):
        extra = {_norm(k) for k in lt} - {"url", "mode", "required", "timeout"}
        if extra:
            raise fail("languagetool", f"unknown key {sorted(extra)[0]!r}", "expected url, required, timeout")
        lt_required = bool(lt.get("required", False))
        try:
            lt_timeout = float(lt.get("timeout", 10.0))
        except (TypeError, ValueError):
            raise fail("languagetool", "timeout must be a number of seconds") from None
        lt = lt.get("url") or lt.get("mode") or "off"
    if lt is False:
        lt = "off"
    if not isinstance(lt, str) or not _valid_languagetool(lt):
        raise fail("languagetool", f"expected off, local or an http(s) URL, got {lt!r}")

    def paths(name: str) -> tuple[Path, ...]:
        return tuple((root / p).resolve() for p in get(name, []))

    exts = tuple(e if e.startswith(".") else f".{e}" for e in get("extensions", DEFAULT_EXTENSIONS))
    select = get("select")
    cache_dir = get("cache_dir")
    baseline = get("baseline")
    return Config(
        source=shown,
        root=root,
        select=tuple(select) if select is not None else None,
        extend_select=tuple(get("extend_select", [])),
        ignore=tuple(get("ignore", [])) + tuple(get("extend_ignore", [])),
        severity=severity,
        fail_on=get("fail_on", Severity.WARNING),
        exclude=tuple(get("exclude", [])) + tuple(get("extend_exclude", [])),
        extensions=tuple(e.lower() for e in exts),
        facts=paths("facts"),
        packs=paths("packs"),
        jobs=get("jobs"),
        cache_dir=(root / cache_dir).resolve() if cache_dir else None,
        cache=get("cache", True),
        languagetool=lt,
        languagetool_required=lt_required,
        languagetool_timeout=lt_timeout,
        per_file_ignores=per_file,
        rule_options=options,
        baseline=(root / baseline).resolve() if baseline else None,
    )


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


def validate_selectors(selectors: Sequence[str], rules: Mapping[str, Any], where: str) -> None:
    """Raise when a selector picks no rule at all (almost always a typo)."""
    for s in selectors:
        if any(selector_matches(s, c, r.name, r.category) for c, r in rules.items()):
            continue
        if s.upper().startswith("LA"):
            continue  # engine diagnostics
        import difflib

        candidates = list(rules) + [r.name for r in rules.values()]
        close = difflib.get_close_matches(s, candidates, n=1)
        raise ConfigError(
            f"{where}: {s!r} matches no rule",
            hint=(f"did you mean {close[0]!r}? " if close else "") + "run 'lint-article --list-rules'",
        )
