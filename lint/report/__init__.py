"""Reporters: turn a :class:`~lint.model.RunResult` into text on a stream, one module per
format.

Built-in formats are provided through the ``lint_article_reporters`` hook like any plugin's
(:mod:`lint.hookspecs`); each declares its name, description and audience
(:class:`~lint.report.base.Reporter`), and ``--help`` lists every registered format. Each
reporter writes one complete document (or log) per run; run-level warnings never corrupt a
machine format. Findings reach a reporter sorted by path, line and column (then end position
and rule code: :meth:`lint.model.Finding.sort_key`), and every built-in format keeps that order.

- :mod:`lint.report.base`: the contract (:class:`Reporter`) and its validation.
- :mod:`lint.report.common`: helpers shared by the formats (summary line, statistics,
  fingerprints, relative paths).
- ``text_format``, ``rich_format`` (for people); ``json_format``, ``sarif_format``,
  ``github_format`` (for machines).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lint.hookspecs import HookImpls, hookimpl
from lint.report.base import Reporter, SourceLine, reporter_problem
from lint.report.common import is_fixable, rule_statistics, severity_counts, statistics_lines, summary_line
from lint.report.github_format import GithubReporter, github_escape_data, github_escape_property
from lint.report.json_format import JSON_SCHEMA_VERSION, JsonReporter
from lint.report.rich_format import Excerpt, RichReporter, excerpt
from lint.report.sarif_format import SarifReporter
from lint.report.text_format import TextReporter

REPORTERS: Mapping[str, type[Reporter]] = {
    cls.name: cls for cls in (RichReporter, TextReporter, JsonReporter, SarifReporter, GithubReporter)
}
"""The built-in formats by name, people's formats first."""


@hookimpl
def lint_article_reporters() -> dict[str, type[Reporter]]:
    return dict(REPORTERS)


plugin = HookImpls(lint_article_reporters=lint_article_reporters)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""


__all__: Sequence[str] = (
    "JSON_SCHEMA_VERSION",
    "REPORTERS",
    "Excerpt",
    "GithubReporter",
    "JsonReporter",
    "Reporter",
    "RichReporter",
    "SarifReporter",
    "SourceLine",
    "TextReporter",
    "excerpt",
    "github_escape_data",
    "github_escape_property",
    "is_fixable",
    "lint_article_reporters",
    "plugin",
    "reporter_problem",
    "rule_statistics",
    "severity_counts",
    "statistics_lines",
    "summary_line",
)
