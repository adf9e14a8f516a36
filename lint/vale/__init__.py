"""Vale styles as lint-article rules.

A ``.vale.ini`` (found in the drafts' folder or a parent by :func:`lint.vale.find.find_vale_ini`,
or named by ``--vale-config`` or the ``vale:`` setting) names the styles to run;
:func:`lint.vale.ini.load_vale_ini` reads the Vale rule files of those styles
(:mod:`lint.vale.styles`) and makes one :class:`lint.vale.rule.ValeRule` per rule. Findings
carry Vale's ``Style.Rule`` as their name and Vale's message; ``suggestion`` is the level
``info``.

This module imports none of its modules: looking for a ``.vale.ini`` (every run) costs no
imports, and a run without one loads nothing else of the package."""
