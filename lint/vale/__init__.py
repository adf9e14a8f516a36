"""Vale styles as lint-article rules.

A ``.vale.ini`` (found in the drafts' folder or a parent, or named by ``--vale-config`` or
the ``vale:`` setting) names the styles to run; :func:`load_vale_ini` reads the Vale rule
files of those styles (:mod:`lint.vale.styles`) and makes one :class:`ValeRule` per rule.
Findings carry Vale's ``Style.Rule`` as their name and Vale's message; ``suggestion`` is
the level ``info``."""

from __future__ import annotations

from lint.vale.ini import ValeSetup, find_vale_ini, load_vale_ini, vale_plugin
from lint.vale.rule import ValeRule
from lint.vale.styles import ValeSpec, load_rule, load_style

__all__ = [
    "ValeRule",
    "ValeSetup",
    "ValeSpec",
    "find_vale_ini",
    "load_rule",
    "load_style",
    "load_vale_ini",
    "vale_plugin",
]
