"""The plugin manager and the rule registry built from it.

A fresh :class:`pluggy.PluginManager` is made per run (no module-level global), loaded from
the ``lint_article`` entry-point group, where the built-in rule families are registered
exactly like third-party plugins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from lint import hookspecs
from lint.errors import ConfigError, PackError
from lint.packs import pack_rules
from lint.record import Record
from lint.rule import Rule, RuleDefinitionError, validate_rule_class

if TYPE_CHECKING:
    from lint.report.base import Reporter


def make_plugin_manager(extra_plugins: Iterable[Any] = (), entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if entry_points:
        _load_entry_points(pm)
    for plugin in extra_plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(f"plugin {exc.plugin!r} is invalid: {exc}") from None
    return pm


class EntryPoint(Record):
    name: str
    value: str  # "package.module" or "package.module:attribute"

    def load(self) -> Any:
        import importlib

        module_name, _, attr = self.value.partition(":")
        obj = importlib.import_module(module_name.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def plugin_entry_points(group: str = hookspecs.PROJECT) -> list[EntryPoint]:
    """Entry points of ``group`` from every installed distribution on ``sys.path``.

    The same answer as ``importlib.metadata.entry_points(group=...)`` (first distribution of
    a name wins), read straight from each distribution's ``entry_points.txt`` without
    importing importlib.metadata."""
    import os
    import sys

    found: dict[str, EntryPoint] = {}
    seen: set[str] = set()
    header = f"[{group}]"
    for base in sys.path:
        try:
            entries = sorted(os.listdir(base or "."))
        except OSError:
            continue
        for entry in entries:
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            dist = entry.rsplit(".", 1)[0].split("-", 1)[0].lower().replace("_", "-").replace(".", "-")
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(base or ".", entry, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if header not in text:
                continue
            section = False
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("["):
                    section = line == header
                elif section and "=" in line and not line.startswith(("#", ";")):
                    name, _, value = line.partition("=")
                    found.setdefault(name.strip(), EntryPoint(name.strip(), value.strip()))
    return [found[n] for n in sorted(found)]


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    for ep in plugin_entry_points():
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except pluggy.PluginValidationError as exc:
            raise ConfigError(f"plugin {ep.name!r} ({ep.value}) is invalid: {exc}") from None
        except Exception as exc:  # a broken third-party plugin must not crash with a traceback
            raise ConfigError(
                f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}",
                hint="uninstall or fix the plugin package",
            ) from None


class Registry(Record):
    """Every known rule, by code, plus the name -> code index and reporters."""

    rules: Mapping[str, type[Rule]]
    names: Mapping[str, str]
    reporters: Mapping[str, type[Reporter]]

    def resolve(self, key: str) -> str | None:
        """Code for a code or name, or None."""
        if key in self.rules:
            return key
        upper = key.upper()
        if upper in self.rules:
            return upper
        return self.names.get(key.lower())

    def sorted_rules(self) -> list[type[Rule]]:
        return [self.rules[c] for c in sorted(self.rules)]


def build_registry(
    pm: pluggy.PluginManager, extra_packs: Iterable[Path] = (), cache_dir: Path | None = None
) -> Registry:
    """Every rule the plugins provide, validated; ``cache_dir`` keeps parsed packs."""
    rules: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    owners: dict[str, str] = {}

    def add(cls: type[Rule], owner: str) -> None:
        try:
            validate_rule_class(cls)
        except RuleDefinitionError as exc:
            raise PackError(f"{exc} (from plugin {owner})") from None
        if cls.code in rules:
            raise PackError(
                f"rule code {cls.code} is defined twice: by {owners[cls.code]} and by {owner}",
                hint="codes are never reused; give one of them another code",
            )
        if cls.name in names:
            raise PackError(
                f"rule name {cls.name} is defined twice: by {owners[names[cls.name]]} and by {owner}",
            )
        rules[cls.code] = cls
        names[cls.name] = cls.code
        owners[cls.code] = owner

    for impl in pm.hook.lint_article_rules.get_hookimpls():
        owner = pm.get_name(impl.plugin) or repr(impl.plugin)
        provided: Iterable[type[Rule]] = impl.function() or ()  # type: ignore[assignment]
        for cls in provided:
            add(cls, owner)
    for impl in pm.hook.lint_article_packs.get_hookimpls():
        owner = pm.get_name(impl.plugin) or repr(impl.plugin)
        pack_paths: Iterable[Any] = impl.function() or ()  # type: ignore[assignment]
        for cls in pack_rules([Path(p) for p in pack_paths], cache_dir, installed=True):
            add(cls, f"{owner} ({cls.source})")
    for cls in pack_rules(list(extra_packs), cache_dir):
        add(cls, cls.source)
    return Registry(rules, names, plugin_reporters(pm))


def plugin_reporters(pm: pluggy.PluginManager) -> dict[str, type[Reporter]]:
    """Every output format the plugins provide, by name, each checked against the contract
    in :func:`lint.hookspecs.lint_article_reporters`; a name given twice is an error."""
    from lint.report.base import reporter_problem

    reporters: dict[str, type[Reporter]] = {}
    owners: dict[str, str] = {}
    for impl in pm.hook.lint_article_reporters.get_hookimpls():
        owner = pm.get_name(impl.plugin) or repr(impl.plugin)
        provided: Mapping[str, Any] = impl.function() or {}  # type: ignore[assignment]
        for key, cls in provided.items():
            problem = reporter_problem(key, cls)
            if problem is not None:
                raise ConfigError(f"{problem} (from plugin {owner})", hint="see lint.hookspecs.lint_article_reporters")
            if key in reporters:
                raise ConfigError(f"format {key!r} is defined twice: by {owners[key]} and by {owner}")
            reporters[key] = cls
            owners[key] = owner
    return reporters
