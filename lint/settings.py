"""Which config file a run uses, and where each of its settings came from.

The rule (:func:`lint.config.find_config` applies it): from the folder that holds the
drafts upwards, the first folder with a config file wins, and files are never merged. In
that folder ``.lint-article.yaml`` (then ``.lint-article.yml``) wins over a
``pyproject.toml`` with a ``[tool.lint-article]`` table, as ruff's own ``ruff.toml`` wins
over ``pyproject.toml``: a file that exists only for lint-article says more than a table in a
shared one. ``--config FILE`` overrides the search; ``--isolated`` uses no file. When the
search finds more than one file in the winning folder, the run notes on standard error which
one it used and which it ignored.

:func:`describe` gives ``--show-settings`` its rows: each resolved value with its origin,
``default``, the config file, or the command-line option that set it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from enum import Enum
from pathlib import Path
from typing import Any

from lint.config import CONFIG_NAMES, Config, configures, raw_settings

FIELD_OF_KEY = {
    "extend_ignore": "ignore",
    "extend_exclude": "exclude",
    "rules": "rule_options",
}
"""Config-file keys whose value lands in a differently named :class:`Config` field."""
_SHOWN_AS = {v: k for k, v in FIELD_OF_KEY.items() if k == "rules"}
_LANGUAGETOOL_FIELDS = ("languagetool", "languagetool_required", "languagetool_timeout")


def ignored_beside(chosen: Path) -> list[Path]:
    """The other config files in ``chosen``'s folder, which the precedence rule ignores."""
    return [chosen.parent / name for name in CONFIG_NAMES if name != chosen.name and configures(chosen.parent / name)]


def precedence_note(chosen: Path) -> str | None:
    """The note a run prints when the search found several config files in one folder."""
    others = ignored_beside(chosen)
    if not others:
        return None
    what = ", ".join(("[tool.lint-article] in " if p.name == "pyproject.toml" else "") + str(p) for p in others)
    return f"using {chosen}; ignoring {what} (a .lint-article.yaml wins over pyproject.toml in the same folder)"


def file_keys(path: Path) -> dict[str, str]:
    """The :class:`Config` fields the file at ``path`` sets, each with ``path:line`` where."""
    data, line_of = raw_settings(path)
    out: dict[str, str] = {}
    for key in data:
        norm = str(key).strip().replace("-", "_").lower()
        line = line_of(key)
        where = f"{path}:{line}" if line else str(path)
        for name in _LANGUAGETOOL_FIELDS if norm == "languagetool" else (FIELD_OF_KEY.get(norm, norm),):
            out.setdefault(name, where)
    return out


def describe(
    final: Config, from_file: Config, set_in_file: Mapping[str, str], flags: Mapping[str, str]
) -> list[tuple[str, Any, str]]:
    """``(setting, value, origin)`` for every setting of ``final``. ``from_file`` is the
    configuration before command-line options, ``set_in_file`` what :func:`file_keys` gave,
    ``flags`` maps a field to the option given for it."""
    rows = []
    for f in fields(Config):
        if f.name in ("source", "root", "written", "line_of"):
            continue
        value = getattr(final, f.name)
        if f.name in flags and value != getattr(from_file, f.name):
            origin = "command line (" + flags[f.name] + ")"
            if f.name in set_in_file:
                origin += " and " + set_in_file[f.name]
        elif f.name in set_in_file:
            origin = set_in_file[f.name]
        else:
            origin = "default"
        if f.name == "rule_options":  # shown as written in a config file: rules, option names in kebab case
            value = {rule: {k.replace("_", "-"): v for k, v in opts.items()} for rule, opts in value.items()}
        rows.append((_SHOWN_AS.get(f.name, f.name.replace("_", "-")), plain(value), origin))
    rows.append(("cache-folder", str(final.effective_cache_dir) if final.cache else None, "from cache-dir and cache"))
    return rows


def plain(value: Any) -> Any:
    """``value`` as JSON data: paths and severities as strings, tuples as lists."""
    if isinstance(value, (Path, Enum)):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
