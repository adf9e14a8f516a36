"""``github``: GitHub Actions workflow commands (``::error``, ``::warning``, ``::notice``),
one per finding, run-level warnings as ``::warning::``, then the summary line."""

from __future__ import annotations

from lint.model import RunResult, Severity
from lint.report.common import BaseReporter, Paths, plural, readable, summary_line

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF). A byte that is not UTF-8 (a
    lone surrogate, as in a file name of any bytes) shows as U+FFFD: the log is UTF-8."""
    return readable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value (data escapes plus ``:`` and ``,``)."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(BaseReporter):
    """GitHub Actions annotations: ``::error file=...,line=...::message`` per finding."""

    name = "github"
    description = "GitHub Actions annotations (::error file=...)"

    def render(self, result: RunResult) -> None:
        paths = Paths(self.root)
        write = self.stream.write
        for f in result.findings:
            span = f.span
            single = span.line == span.end_line  # GitHub rejects columns on multi-line annotations
            props = [("file", paths.display(f.path)), ("line", str(span.line))]
            if single:
                props.append(("col", str(span.column)))
            props.append(("endLine", str(span.end_line)))
            if single:
                props.append(("endColumn", str(span.end_column)))
            props.append(("title", f"{f.rule} {f.name}"))
            message = f.message
            for r in f.related:
                where = f"{paths.display(r.path)}:{r.line}" if r.line >= 1 else paths.display(r.path)
                message += f"\nsee {where}" + (f": {r.message}" if r.message else "")
            rendered = ",".join(f"{key}={github_escape_property(value)}" for key, value in props)
            write(f"::{_GITHUB_COMMAND[f.severity]} {rendered}::{github_escape_data(message)}\n")
        for warning in result.warnings:
            write(f"::warning::{github_escape_data(warning)}\n")
        if result.fixed:
            write(f"Fixed {plural(result.fixed, 'finding')}\n")
        write(summary_line(result) + "\n")
