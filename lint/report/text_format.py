"""``text``: one line per finding, ``path:line:col: CODE [category] message``, with
`` (fixable)`` when ``--fix`` would fix it, then ``warning: ...`` lines, then one summary
line. With ``--statistics`` the per-rule counts replace the finding lines (as in ruff).
A file name that is not UTF-8 is written as its own bytes, as ``ls`` and compilers do
(:func:`lint.report.common.exact_writer`)."""

from __future__ import annotations

from lint.model import RunResult
from lint.report.common import BaseReporter, exact_writer, is_fixable, plural, statistics_lines, summary_line


class TextReporter(BaseReporter):
    """``path:line:col: CODE [category] message`` lines and a summary line."""

    name = "text"
    description = "path:line:col: CODE [category] message, one line each"
    for_people = True

    def render(self, result: RunResult) -> None:
        write = exact_writer(self.stream)
        if self.statistics:
            for line in statistics_lines(result):
                write(line + "\n")
        else:
            for f in result.findings:
                mark = " (fixable)" if is_fixable(f) else ""
                write(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.category}] {f.message}{mark}\n")
        for warning in result.warnings:
            write(f"warning: {warning}\n")
        if result.fixed:
            write(f"Fixed {plural(result.fixed, 'finding')}\n")
        write(summary_line(result) + "\n")
