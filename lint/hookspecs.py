"""Every hook a lint-article plugin can implement.

Plugins are modules (or objects) registered under the entry-point group ``lint_article``.
Built-in rule families are registered exactly the same way, from this project's
``pyproject.toml``. Implement a hook with ``@lint.hookimpl``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from pathlib import Path

    from lint.report import Reporter
    from lint.rule import Rule

PROJECT = "lint_article"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class HookImpls:
    """A plugin object holding just the given hook implementations.

    pluggy inspects every attribute of what it registers; a rule module has hundreds, so a
    built-in family registers ``HookImpls(...)`` (its entry point names ``module:plugin``)
    and start-up skips that scan. A module registered whole works the same, only slower."""

    def __init__(self, **impls: Any) -> None:
        self.__dict__.update(impls)

    def __dir__(self) -> list[str]:
        return list(self.__dict__)

    def __repr__(self) -> str:
        return f"HookImpls({', '.join(self.__dict__)})"


@hookspec
def lint_article_rules() -> list[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin provides.

    Each class subclasses :class:`lint.rule.Rule` and has a unique ``code`` (family prefix
    plus three digits) and ``name`` (kebab-case). A clash with another plugin's code or name
    stops the run with a message naming both plugins.
    """


@hookspec
def lint_article_packs() -> list[Path]:  # type: ignore[empty-body]
    """Return paths of YAML phrase packs (see ``rules/data/*.yaml`` for the format).

    Each entry of a pack becomes a rule like any class-based rule.
    """


@hookspec
def lint_article_reporters() -> dict[str, type[Reporter]]:  # type: ignore[empty-body]
    """Return output formats this plugin provides, as ``{"format-name": ReporterClass}``.

    Each class subclasses :class:`lint.report.Reporter` and declares:

    - ``name``: the ``--format`` value, the same as its key here (lower case, no spaces);
    - ``description``: one line, shown for the format by ``lint-article --help``;
    - ``for_people``: True for output read by a person in a terminal (``--quiet`` prints
      nothing when there is nothing to report), False for a document tools parse (always
      written whole).

    The CLI makes one instance per run, ``cls(stream, source_line=..., statistics=...,
    color=..., root=...)``, and calls ``render(result)`` once with the
    :class:`lint.model.RunResult`; the reporter writes only to ``stream``. A format name
    provided by two plugins, or a class that breaks this contract, stops the run with a
    message naming the plugin.
    """
