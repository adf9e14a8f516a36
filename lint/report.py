"""Reporters: turn a :class:`~lint.model.RunResult` into text on a stream.

Built-in formats are provided through the ``lint_article_reporters`` hook like any plugin's.
Only reporters write to stdout. Each reporter writes one complete document (or log) per run;
run-level warnings never corrupt a machine format: JSON puts them in ``summary.warnings``, SARIF
in ``runs[0].invocations[0].toolExecutionNotifications``, GitHub in ``::warning::`` commands.

Formats
-------

``text``
    One line per finding, ``path:line:col: CODE [category] message`` (`` (fixable)`` is
    appended when ``--fix`` would fix it), then ``warning: ...`` lines, then one summary line.
    With ``--statistics`` the per-rule counts replace the finding lines (as in ruff).
``rich``
    Findings grouped by draft with the source line and the span marked, a table by category,
    per-draft readability figures, statistics on request, warnings, and the summary line.
``json``
    A versioned document (schema below).
``sarif``
    SARIF 2.1.0 for code scanning (GitHub), columns in Unicode code points.
``github``
    GitHub Actions workflow commands (``::error``, ``::warning``, ``::notice``).

JSON schema, version 1
----------------------

Keys appear in this order; new keys may be added in version 1, existing ones never change
meaning (a change bumps ``version``)::

    {
      "version": 1,                      # schema version (integer)
      "tool": {"name": "lint-article", "version": "0.1.0"},
      "files": 5,                        # number of drafts checked
      "findings": [
        {
          "path": "drafts/bmw.md",       # as given on the command line
          "line": 12, "column": 5,       # 1-based; columns count characters
          "end_line": 12, "end_column": 24,   # exclusive end
          "rule": "BP101", "name": "share-prompt",
          "category": "boilerplate",     # one of lint.model.CATEGORIES (or "internal")
          "severity": "warning",         # "error" | "warning" | "info"
          "message": "...",
          "fingerprint": "9f...",        # stable across edits elsewhere in the draft
          "fix": null | {
            "description": "...", "safe": true,
            "edits": [{"start": {"line": 12, "column": 1} | null,
                       "end": {"line": 13, "column": 1} | null,
                       "offset_start": 301, "offset_end": 340,   # characters into the draft
                       "replacement": ""}]
          },
          "related": [{"path": "facts.yaml", "line": 14, "message": "..."}]
        }
      ],
      "summary": {
        "findings": 12,
        "files_with_findings": 3,
        "by_severity": {"error": 3, "warning": 8, "info": 1},   # all three keys, always
        "by_category": {"facts": 3, ...},                       # every category, always
        "by_rule": {"BP101": 2, ...},                           # sorted by code
        "fixable": 4,                    # findings with a safe fix (what --fix applies)
        "unsafe_fixable": 1,             # findings whose fix needs --unsafe-fixes
        "failing": 11, "fail_on": "warning",
        "statistics": [{"rule": "BP101", "name": "share-prompt", "count": 2, "fixable": true}],
        "metrics": {"drafts/bmw.md": {"words": 412, "flesch_reading_ease": 48.2}},
        "fixed": 0,                      # findings fixed by --fix in this run
        "warnings": ["..."]              # run-level warnings
      }
    }

Non-finite metric values are written as ``null`` so the document is always valid JSON.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TextIO

from lint.hookspecs import HookImpls, hookimpl
from lint.model import CATEGORIES, Finding, RuleInfo, RunResult, Severity
from lint.record import Record

SourceLine = Callable[[str, int], "str | None"]
"""``source_line(path, line)`` returns the text of 1-based ``line`` of ``path`` (no newline)."""

JSON_SCHEMA_VERSION = 1
TOOL_NAME = "lint-article"
FINGERPRINT_KEY = "lintArticle/v1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_FALLBACK_URI = "https://pypi.org/project/lint-article/"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SEVERITY_WORDS = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings")}
_TAB = 4


class Reporter:
    """Base class. Subclasses implement :meth:`render`."""

    name = ""

    def __init__(
        self,
        stream: TextIO,
        *,
        source_line: SourceLine | None = None,
        statistics: bool = False,
        color: bool | None = None,
        root: str = ".",
    ) -> None:
        self.stream = stream
        self.source_line = source_line or (lambda path, line: None)
        self.statistics = statistics
        self.color = color
        self.root = root

    def render(self, result: RunResult) -> None:
        raise NotImplementedError


# -- shared helpers ----------------------------------------------------------------------


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def is_fixable(finding: Finding) -> bool:
    """Whether ``--fix`` applies this finding's fix (only safe fixes are applied)."""
    return finding.fix is not None and finding.fix.safe


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = Counter(f.severity for f in findings)
    return {sev: counts.get(sev, 0) for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


def rule_statistics(result: RunResult) -> list[tuple[str, str, int, bool]]:
    """``(code, name, count, fixable)`` per rule with findings, most frequent first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: dict[str, bool] = {}
    for f in result.findings:
        counts[f.rule] += 1
        names.setdefault(f.rule, f.name)
        fixable[f.rule] = fixable.get(f.rule, False) or is_fixable(f)
    return sorted(
        ((code, names[code], n, fixable[code]) for code, n in counts.items()),
        key=lambda row: (-row[2], row[0]),
    )


def statistics_lines(result: RunResult) -> list[str]:
    """ruff-style ``   12  BP101  [*] share-prompt`` lines (``[*]``: fixable with --fix)."""
    rows = rule_statistics(result)
    if not rows:
        return []
    count_width = max(5, max(len(str(n)) for _, _, n, _ in rows))
    code_width = max(len(code) for code, _, _, _ in rows)
    return [
        f"{n:>{count_width}}  {code:<{code_width}}  {'[*]' if fix else '   '} {name}" for code, name, n, fix in rows
    ]


def summary_line(result: RunResult) -> str:
    """``Found 12 findings (3 errors, 8 warnings, 1 info) in 5 files; 4 fixable with --fix``,
    plus ``(2 more with --unsafe-fixes)`` for findings whose fix ``--fix`` applies only with
    ``--unsafe-fixes``."""
    total_files = len(result.files)
    if not result.findings:
        if not total_files:
            return "No files checked"
        return f"All checks passed ({_plural(total_files, 'file')})"
    parts = []
    for sev, n in severity_counts(result.findings).items():
        if n:
            singular, plural = _SEVERITY_WORDS.get(sev, ("info", "info"))
            parts.append(_plural(n, singular, plural))
    with_findings = len({f.path for f in result.findings})
    if total_files > with_findings:
        where = f"in {with_findings} of {total_files} files"
    else:
        where = f"in {_plural(with_findings, 'file')}"
    line = f"Found {_plural(len(result.findings), 'finding')} ({', '.join(parts)}) {where}"
    fixable = sum(1 for f in result.findings if is_fixable(f))
    unsafe = sum(1 for f in result.findings if f.fix is not None and not f.fix.safe)
    if fixable:
        line += f"; {fixable} fixable with --fix"
        if unsafe:
            line += f" ({unsafe} more with --unsafe-fixes)"
    elif unsafe:
        line += f"; {unsafe} fixable with --fix --unsafe-fixes"
    return line


def _finite(value: float) -> float | int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Paths:
    """Paths as tools outside the CLI want them: relative to ``root``, POSIX separators."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self._prefix = self.root if self.root.endswith(os.sep) else self.root + os.sep
        self._cache: dict[str, str | None] = {}

    def relative(self, path: str) -> str | None:
        """POSIX path relative to the root, or None when the path is outside it."""
        if path not in self._cache:
            full = os.path.abspath(path)
            if os.sep == "/" and full != self.root and not full.startswith("//") and not self.root.startswith("//"):
                # relpath is lexical: under the root, or outside it (~30 us a path saved)
                rel = full[len(self._prefix) :] if full.startswith(self._prefix) else None
            else:
                try:
                    rel = os.path.relpath(full, self.root)
                except ValueError:  # another drive on Windows
                    rel = None
            if rel is not None and (rel == ".." or rel.startswith(".." + os.sep)):
                rel = None
            self._cache[path] = rel.replace(os.sep, "/") if rel is not None else None
        return self._cache[path]

    def display(self, path: str) -> str:
        """Relative POSIX path when possible (GitHub annotations), else the path as given."""
        rel = self.relative(path)
        return rel if rel is not None else path.replace(os.sep, "/")


class _Base(Reporter):
    """Helpers every built-in reporter shares: span text, fingerprints, edit positions."""

    def snippet(self, finding: Finding) -> str | None:
        """The text of a single-line span, read through ``source_line``."""
        span = finding.span
        if span.line != span.end_line:
            return None
        text = self.source_line(finding.path, span.line)
        if text is None:
            return None
        return text[span.column - 1 : span.end_column - 1]

    def fingerprints(self, result: RunResult, paths: _Paths) -> list[str]:
        """One stable id per finding: a hash of the rule, the draft's relative path, the
        normalised sentence and the flagged text (never line numbers), so a finding keeps its
        id when text is added above it. Repeats of the same key get an occurrence suffix."""
        from lint.cache import sha256

        seen: Counter[str] = Counter()
        out = []
        for f in result.findings:
            flagged = self.snippet(f)
            if flagged is None:
                flagged = f.message
            path = paths.relative(f.path) or f.path
            key = "\0".join((f.rule, path, _normalise(f.context), _normalise(flagged)))
            seen[key] += 1
            if seen[key] > 1:
                key += f"\0{seen[key]}"
            out.append(sha256(key.encode("utf-8")).hexdigest()[:32])
        return out

    def locate(self, finding: Finding, offset: int) -> tuple[int, int] | None:
        """1-based (line, column) of a character ``offset`` of the finding's draft, walked
        from the nearest end of the finding's span with ``source_line``; None if unknown.

        Assumes one-character line breaks when walking across lines."""
        span = finding.span
        if offset == span.start:
            return span.line, span.column
        if offset == span.end:
            return span.end_line, span.end_column
        if abs(offset - span.start) <= abs(offset - span.end):
            anchor, line, col = span.start, span.line, span.column
        else:
            anchor, line, col = span.end, span.end_line, span.end_column
        delta = offset - anchor
        for _ in range(100_000):
            text = self.source_line(finding.path, line)
            if text is None:
                return None
            if delta >= 0:
                left = len(text) - col + 2  # characters up to and including the line break
                if delta < left:
                    return line, col + delta
                delta -= left
                line, col = line + 1, 1
            else:
                if -delta <= col - 1:
                    return line, col + delta
                delta += col
                line -= 1
                if line < 1:
                    return None
                previous = self.source_line(finding.path, line)
                if previous is None:
                    return None
                col = len(previous) + 1
        return None


# -- text --------------------------------------------------------------------------------


class TextReporter(_Base):
    """``path:line:col: CODE [category] message`` lines and a summary line."""

    name = "text"

    def render(self, result: RunResult) -> None:
        write = self.stream.write
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
            write(f"Fixed {_plural(result.fixed, 'finding')}\n")
        write(summary_line(result) + "\n")


# -- json --------------------------------------------------------------------------------


class JsonReporter(_Base):
    """A versioned JSON document (schema in this module's docstring)."""

    name = "json"

    def render(self, result: RunResult) -> None:
        import json

        # One write: json.dump writes each token separately, and to a pipe or /dev/null
        # that took 0.19 s for the BBC corpus's report against 0.05 s.
        self.stream.write(json.dumps(self.document(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n")

    def document(self, result: RunResult) -> dict[str, Any]:
        paths = _Paths(self.root)
        prints = self.fingerprints(result, paths)
        return {
            "version": JSON_SCHEMA_VERSION,
            "tool": {"name": TOOL_NAME, "version": result.version},
            "files": len(result.files),
            "findings": [self._finding(f, fp) for f, fp in zip(result.findings, prints, strict=True)],
            "summary": self._summary(result),
        }

    def _position(self, finding: Finding, offset: int) -> dict[str, int] | None:
        pos = self.locate(finding, offset)
        return None if pos is None else {"line": pos[0], "column": pos[1]}

    def _finding(self, f: Finding, fingerprint: str) -> dict[str, Any]:
        fix = None
        if f.fix is not None:
            fix = {
                "description": f.fix.description,
                "safe": f.fix.safe,
                "edits": [
                    {
                        "start": self._position(f, e.start),
                        "end": self._position(f, e.end),
                        "offset_start": e.start,
                        "offset_end": e.end,
                        "replacement": e.replacement,
                    }
                    for e in f.fix.edits
                ],
            }
        return {
            "path": f.path,
            "line": f.span.line,
            "column": f.span.column,
            "end_line": f.span.end_line,
            "end_column": f.span.end_column,
            "rule": f.rule,
            "name": f.name,
            "category": f.category,
            "severity": str(f.severity),
            "message": f.message,
            "fingerprint": fingerprint,
            "fix": fix,
            "related": [{"path": r.path, "line": r.line, "message": r.message} for r in f.related],
        }

    def _summary(self, result: RunResult) -> dict[str, Any]:
        findings = result.findings
        by_category = dict.fromkeys(CATEGORIES, 0)
        for f in findings:
            by_category[f.category] = by_category.get(f.category, 0) + 1
        return {
            "findings": len(findings),
            "files_with_findings": len({f.path for f in findings}),
            "by_severity": {str(sev): n for sev, n in severity_counts(findings).items()},
            "by_category": by_category,
            "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
            "fixable": sum(1 for f in findings if is_fixable(f)),
            "unsafe_fixable": sum(1 for f in findings if f.fix is not None and not f.fix.safe),
            "failing": len(result.failing()),
            "fail_on": str(result.fail_on),
            "statistics": [
                {"rule": code, "name": name, "count": n, "fixable": fix}
                for code, name, n, fix in rule_statistics(result)
            ],
            "metrics": {
                path: {key: _finite(value) for key, value in sorted(values.items())}
                for path, values in sorted(result.metrics.items())
            },
            "fixed": result.fixed,
            "warnings": list(result.warnings),
        }


# -- sarif -------------------------------------------------------------------------------


def _information_uri() -> str:
    """The project's home page from the installed package metadata, else its PyPI page."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata(TOOL_NAME)
    except (ImportError, PackageNotFoundError):
        return _FALLBACK_URI
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "source", "repository"):
            return url.strip()
    home = meta.get_all("Home-page") or ()
    return str(home[0]) if home else _FALLBACK_URI


def _synthetic_rule(f: Finding) -> RuleInfo:
    """Metadata for a finding whose rule is not in ``result.rules`` (engine errors...)."""
    return RuleInfo(f.rule, f.name, f.category, f.severity, f.name.replace("-", " "), "", False)


class SarifReporter(_Base):
    """SARIF 2.1.0, as GitHub code scanning reads it."""

    name = "sarif"

    def render(self, result: RunResult) -> None:
        import json

        self.stream.write(json.dumps(self.document(result), ensure_ascii=False, indent=2) + "\n")  # one write

    def document(self, result: RunResult) -> dict[str, Any]:
        paths = _Paths(self.root)
        rules = dict(result.rules)
        for f in result.findings:
            if f.rule not in rules:
                rules[f.rule] = _synthetic_rule(f)
        codes = sorted(rules)
        index = {code: i for i, code in enumerate(codes)}
        prints = self.fingerprints(result, paths)
        driver: dict[str, Any] = {"name": TOOL_NAME, "informationUri": _information_uri()}
        if result.version:
            driver["version"] = result.version
            driver["semanticVersion"] = result.version
        driver["rules"] = [self._rule(rules[code]) for code in codes]
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "invocations": [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": [
                        {"level": "warning", "message": {"text": w}} for w in result.warnings
                    ],
                }
            ],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self._root_uri(paths.root)}},
            "columnKind": "unicodeCodePoints",
            "results": [
                self._result(f, index[f.rule], fp, paths) for f, fp in zip(result.findings, prints, strict=True)
            ],
        }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

    @staticmethod
    def _root_uri(root: str) -> str:
        from pathlib import Path

        uri = Path(root).as_uri()
        return uri if uri.endswith("/") else uri + "/"

    @staticmethod
    def _rule(info: RuleInfo) -> dict[str, Any]:
        summary = info.summary.strip() or info.name
        docs = info.documentation.strip() or summary
        return {
            "id": info.code,
            "name": info.name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": docs},
            "help": {"text": docs, "markdown": docs},
            "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
            "properties": {"tags": [info.category], "fixable": info.fixable},
        }

    @staticmethod
    def _artifact(path: str, paths: _Paths) -> dict[str, str]:
        from urllib.parse import quote

        rel = paths.relative(path)
        if rel is None:
            from pathlib import Path

            return {"uri": Path(os.path.abspath(path)).as_uri()}
        return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}

    def _result(self, f: Finding, rule_index: int, fingerprint: str, paths: _Paths) -> dict[str, Any]:
        span = f.span
        region = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
        out: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": self._artifact(f.path, paths), "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }
        if f.fix is not None:
            out["fixes"] = [
                {
                    "description": {"text": f.fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": self._artifact(f.path, paths),
                            "replacements": [self._replacement(f, e.start, e.end, e.replacement) for e in f.fix.edits],
                        }
                    ],
                    "properties": {"safe": f.fix.safe},
                }
            ]
        if f.related:
            related = []
            for i, r in enumerate(f.related, start=1):
                physical: dict[str, Any] = {"artifactLocation": self._artifact(r.path, paths)}
                if r.line >= 1:
                    physical["region"] = {"startLine": r.line}
                entry: dict[str, Any] = {"id": i, "physicalLocation": physical}
                if r.message:
                    entry["message"] = {"text": r.message}
                related.append(entry)
            out["relatedLocations"] = related
        return out

    def _replacement(self, f: Finding, start: int, end: int, text: str) -> dict[str, Any]:
        region: dict[str, int] = {}
        first, last = self.locate(f, start), self.locate(f, end)
        if first is not None and last is not None:
            region = {"startLine": first[0], "startColumn": first[1], "endLine": last[0], "endColumn": last[1]}
        region.update({"charOffset": start, "charLength": end - start})
        return {"deletedRegion": region, "insertedContent": {"text": text}}


# -- github ------------------------------------------------------------------------------


def github_escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value (data escapes plus ``:`` and ``,``)."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(_Base):
    """GitHub Actions annotations: ``::error file=...,line=...::message`` per finding."""

    name = "github"

    def render(self, result: RunResult) -> None:
        paths = _Paths(self.root)
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
            write(f"Fixed {_plural(result.fixed, 'finding')}\n")
        write(summary_line(result) + "\n")


# -- rich --------------------------------------------------------------------------------

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


class RichReporter(_Base):
    """Human output for a terminal: findings in context, tables, colours."""

    name = "rich"

    def render(self, result: RunResult) -> None:
        from rich.console import Console

        console = Console(
            file=self.stream,
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
            console.print(Text(f"Fixed {_plural(result.fixed, 'finding')}", style="green"))
        summary = summary_line(result)
        console.print(Text(summary, style="bold green" if not result.findings else "bold"))

    def _findings(self, console: Any, result: RunResult) -> None:
        from rich.text import Text

        by_path: dict[str, list[Finding]] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)
        for path, findings in by_path.items():
            header = Text.assemble((path, "bold underline"), f"  ({_plural(len(findings), 'finding')})")
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
        from rich.table import Table

        drafts = [(path, values) for path, values in sorted(result.metrics.items()) if values]
        if not drafts:
            return None
        keys: list[str] = []
        for _, values in drafts:
            keys.extend(k for k in values if k not in keys)
        known = [k for k in _METRIC_ORDER if k in keys]
        ordered = known + sorted(k for k in keys if k not in known)
        table = Table(title="Readability", title_justify="left")
        table.add_column("Draft")
        for key in ordered:
            table.add_column(_METRIC_LABELS.get(key, key.replace("_", " ")), justify="right")
        for path, values in drafts:
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


def _format_metric(value: float | None) -> str:
    number = None if value is None else _finite(value)
    if number is None:
        return "-"
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.1f}"


REPORTERS: Mapping[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
    "rich": RichReporter,
}


@hookimpl
def lint_article_reporters() -> dict[str, type[Any]]:
    return dict(REPORTERS)


plugin = HookImpls(lint_article_reporters=lint_article_reporters)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""


__all__: Sequence[str] = (
    "Reporter",
    "TextReporter",
    "JsonReporter",
    "SarifReporter",
    "GithubReporter",
    "RichReporter",
    "REPORTERS",
    "summary_line",
    "statistics_lines",
    "excerpt",
)
