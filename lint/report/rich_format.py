"""``rich``: findings grouped by draft with the source line and the span marked, a table
by category, readability figures per draft (the hardest ten and a median when there are
more), statistics on request, warnings and the summary line. The default on a terminal.
A byte of a file name (or text) that is not UTF-8 shows as U+FFFD, as terminals show it."""

from __future__ import annotations

from typing import Any

from lint.model import CATEGORIES, Finding, RunResult, Severity
from lint.record import Record
from lint.report.common import (
    BaseReporter,
    finite,
    is_fixable,
    plural,
    readable,
    rule_statistics,
    severity_counts,
    summary_line,
)

_TAB = 4
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_METRIC_ORDER = (
    "words",
    "sentences",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "fk_grade",
    "gunning_fog",
    "fog",
    "smog_index",
    "smog",
)
_METRIC_LABELS = {
    "words": "Words",
    "sentences": "Sentences",
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "FK grade",
    "fk_grade": "FK grade",
    "gunning_fog": "Fog",
    "fog": "Fog",
    "smog_index": "SMOG",
    "smog": "SMOG",
}


class Excerpt(Record):
    """A source line fitted to the terminal: ``text`` to show, the marked characters
    ``text[mark_start:mark_end]``, and where the carets go (in terminal cells)."""

    text: str
    mark_start: int
    mark_end: int
    caret_offset: int
    caret_length: int


def excerpt(line: str, start: int, end: int, width: int) -> Excerpt:
    """Fit ``line`` into ``width`` terminal cells around the character range ``[start, end)``.

    Tabs are expanded; wide characters count two cells; control characters show as spaces.
    There is always at least one caret, even for an empty span. Cut ends are marked ``…``."""
    from rich.cells import cell_len

    chars: list[str] = []
    index = [0] * (len(line) + 1)
    for i, ch in enumerate(line):
        index[i] = len(chars)
        if ch == "\t":
            chars.extend(" " * (_TAB - len(chars) % _TAB))
        else:
            chars.append(ch if ch.isprintable() else " ")
    index[len(line)] = len(chars)
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    s, e = index[start], index[end]
    cells = [cell_len(ch) for ch in chars]

    lo, hi = 0, len(chars)
    if sum(cells) > width:
        budget = max(8, width - 2)  # room for the two ellipses
        lo, context = s, budget // 4
        while lo > 0 and sum(cells[lo - 1 : s]) <= context:
            lo -= 1
        used, hi = 0, lo
        while hi < len(chars) and used + cells[hi] <= budget:
            used += cells[hi]
            hi += 1
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(chars) else ""
    shown = prefix + "".join(chars[lo:hi]) + suffix
    mark_start = len(prefix) + s - lo
    mark_end = len(prefix) + max(s, min(e, hi)) - lo
    offset = len(prefix) + sum(cells[lo:s])
    length = sum(cells[s : min(e, hi)])
    return Excerpt(shown, mark_start, mark_end, offset, max(1, length))


class _Readable:
    """The report stream as rich writes to it: lone surrogates shown as U+FFFD
    (:func:`lint.report.common.readable`); everything else is the stream's own."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(readable(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class RichReporter(BaseReporter):
    """Human output for a terminal: findings in context, tables, colours."""

    name = "rich"
    description = "findings in context, tables and colours (terminal default)"
    for_people = True

    def render(self, result: RunResult) -> None:
        from rich.console import Console

        console = Console(
            file=_Readable(self.stream),  # type: ignore[arg-type]
            force_terminal=self.color,
            no_color=self.color is False,
            highlight=False,
            soft_wrap=True,
            emoji=False,
        )
        self._findings(console, result)
        if result.findings:
            console.print(self._category_table(result))
        table = self._metrics_table(result)
        if table is not None:
            console.print(table)
        if self.statistics and result.findings:
            console.print(self._statistics_table(result))
        if result.findings or table is not None:
            console.print()
        from rich.text import Text

        for warning in result.warnings:
            console.print(Text.assemble(("warning", "bold yellow"), f": {warning}"))
        if result.fixed:
            console.print(Text(f"Fixed {plural(result.fixed, 'finding')}", style="green"))
        summary = summary_line(result)
        console.print(Text(summary, style="bold green" if not result.findings else "bold"))

    def _findings(self, console: Any, result: RunResult) -> None:
        from rich.text import Text

        by_path: dict[str, list[Finding]] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)
        for path, findings in by_path.items():
            header = Text.assemble((path, "bold underline"), f"  ({plural(len(findings), 'finding')})")
            console.print(header)
            gutter = len(str(max(max(f.span.line, f.span.end_line) for f in findings)))
            for f in findings:
                self._finding(console, f, gutter)
            console.print()

    def _finding(self, console: Any, f: Finding, gutter: int) -> None:
        from rich.text import Text

        style = _SEVERITY_STYLE.get(f.severity, "")
        head = Text.assemble(
            f"  {f.span.line}:{f.span.column}  ",
            (str(f.severity), style),
            " ",
            (f.rule, style),
            " ",
            (f.message, "bold"),
            (f"  [{f.category}] {f.name}", "dim"),
        )
        if is_fixable(f):
            head.append("  (fixable)", style="green")
        console.print(head)
        line = self.source_line(f.path, f.span.line)
        if line is not None:
            end = f.span.end_column - 1 if f.span.end_line == f.span.line else len(line)
            width = max(20, console.width - gutter - 7)
            cut = excerpt(line, f.span.column - 1, end, width)
            source = Text(f"    {f.span.line:>{gutter}} │ ", style="dim")
            body = Text(cut.text)
            body.stylize(f"{style} underline", cut.mark_start, cut.mark_end)
            source.append_text(body)
            console.print(source)
            carets = Text(" " * cut.caret_offset + "^" * cut.caret_length, style=style)
            if f.span.end_line > f.span.line:
                carets.append(f" … to line {f.span.end_line}", style="dim")
            console.print(Text(f"    {' ' * gutter} │ ", style="dim") + carets)
        for r in f.related:
            where = f"{r.path}:{r.line}" if r.line >= 1 else r.path
            note = Text(f"    {' ' * gutter} = see {where}", style="dim")
            if r.message:
                note.append(f": {r.message}", style="dim")
            console.print(note)

    @staticmethod
    def _category_table(result: RunResult) -> Any:
        from rich.table import Table

        counts: dict[str, dict[Severity, int]] = {}
        for f in result.findings:
            counts.setdefault(f.category, dict.fromkeys(Severity, 0))[f.severity] += 1
        order = [c for c in CATEGORIES if c in counts] + sorted(c for c in counts if c not in CATEGORIES)
        table = Table(title="Findings by category", title_justify="left", show_footer=True)
        totals = severity_counts(result.findings)
        table.add_column("Category", footer="total")
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            table.add_column(str(sev), justify="right", style=_SEVERITY_STYLE[sev], footer=str(totals[sev]))
        table.add_column("total", justify="right", footer=str(len(result.findings)))
        for cat in order:
            row = counts[cat]
            table.add_row(
                cat,
                *(str(row[sev]) for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
                str(sum(row.values())),
            )
        return table

    @staticmethod
    def _metrics_table(result: RunResult) -> Any:
        """Readability figures per draft. Up to :data:`_METRIC_ROWS` drafts: all, in path
        order. More: the hardest (see :func:`_hardest`) and a caption with how many more and
        the median over every draft, so a run over an archive is not a table of hundreds."""
        from rich.table import Table

        drafts = [(path, values) for path, values in sorted(result.metrics.items()) if values]
        if not drafts:
            return None
        keys: list[str] = []
        for _, values in drafts:
            keys.extend(k for k in values if k not in keys)
        known = [k for k in _METRIC_ORDER if k in keys]
        ordered = known + sorted(k for k in keys if k not in known)
        title, caption, shown = "Readability", None, drafts
        if len(drafts) > _METRIC_ROWS:
            shown, key = _hardest(drafts)
            label = _METRIC_LABELS.get(key, key.replace("_", " "))
            title = f"Readability: the {len(shown)} hardest of {len(drafts)} drafts"
            middle = _median([v[key] for _, v in drafts if key in v and finite(v[key]) is not None])
            caption = f"{plural(len(drafts) - len(shown), 'more draft')}; median {label} {_format_metric(middle)}"
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        table.add_column("Draft", overflow="fold")  # a path folds onto more lines rather than lose its name
        for key in ordered:
            table.add_column(_METRIC_LABELS.get(key, key.replace("_", " ")), justify="right")
        for path, values in shown:
            table.add_row(path, *(_format_metric(values.get(key)) for key in ordered))
        return table

    @staticmethod
    def _statistics_table(result: RunResult) -> Any:
        from rich.table import Table

        table = Table(title="Statistics", title_justify="left")
        table.add_column("Count", justify="right")
        table.add_column("Code")
        table.add_column("Fix")
        table.add_column("Name")
        for code, name, n, fix in rule_statistics(result):
            table.add_row(str(n), code, "[*]" if fix else "", name)
        return table


_METRIC_ROWS = 10
"""Most drafts the readability table lists one by one."""
_HARDEST_BY = (("flesch_kincaid_grade", True), ("fk_grade", True), ("gunning_fog", True), ("fog", True))
"""Figures that rank drafts from hardest, in order of preference (True: higher is harder);
the last resort is Flesch reading ease, where lower is harder."""


def _hardest(drafts: list[tuple[str, Any]]) -> tuple[list[tuple[str, Any]], str]:
    """The :data:`_METRIC_ROWS` hardest drafts, hardest first (ties and drafts without the
    figure in path order), and the figure that ranked them."""
    present = {k for _, values in drafts for k in values}
    key, higher = next(((k, up) for k, up in _HARDEST_BY if k in present), ("flesch_reading_ease", False))
    if key not in present:
        return drafts[:_METRIC_ROWS], key

    def rank(item: tuple[str, Any]) -> tuple[int, float]:
        number = finite(item[1].get(key, float("nan")))
        if number is None:
            return (1, 0.0)
        return (0, -float(number) if higher else float(number))

    return sorted(drafts, key=rank)[:_METRIC_ROWS], key


def _median(values: list[Any]) -> float | None:
    if not values:
        return None
    import statistics

    return float(statistics.median(float(v) for v in values))


def _format_metric(value: float | None) -> str:
    number = None if value is None else finite(value)
    if number is None:
        return "-"
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.1f}"
