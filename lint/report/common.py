"""Helpers the built-in reporters share: counts, the summary line, statistics, paths
relative to the report's root, span text, fingerprints, positions of fix edits, and the
writing of names that are not UTF-8.

A file name may hold any bytes; Python decodes the ones that are not UTF-8 as lone
surrogates (``surrogateescape``), and so may a draft's text. Each format writes them as it
expects: :func:`exact_bytes` gives back the bytes (hashes, URIs), :func:`readable` shows
each as U+FFFD (always valid UTF-8), :func:`percent_bytes` is an exact, reversible and
valid-UTF-8 form, and :func:`exact_writer` writes the bytes themselves to a stream.

Plugins' reporters may use them too; they read the :class:`~lint.model.RunResult` only.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TextIO

from lint.model import Finding, RunResult, Severity
from lint.report.base import Reporter

TOOL_NAME = "lint-article"
_SEVERITY_WORDS = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings")}


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def readable(text: str) -> str:
    """``text`` with every lone surrogate shown as U+FFFD: what any UTF-8 stream takes."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def exact_bytes(text: str) -> bytes:
    """The UTF-8 bytes of ``text``, each surrogate escape turned back into the byte it
    stands for (so a file name gets its own bytes); a surrogate that escapes no byte is
    kept as its UTF-8-style code, so this never fails."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def percent_bytes(text: str) -> str | None:
    """The exact bytes of ``text`` percent-encoded (``/`` kept; reversible with
    ``urllib.parse.unquote_to_bytes``) when it holds lone surrogates; None when it is
    plain Unicode and needs no second form."""
    if not _LONE_SURROGATE.search(text):
        return None
    from urllib.parse import quote_from_bytes

    return quote_from_bytes(exact_bytes(text), safe="/")


def exact_writer(stream: TextIO) -> Callable[[str], object]:
    """``write(text)`` for ``stream`` that puts surrogate escapes out as the bytes they
    stand for: as the stream encodes them when its error handler can, else through its
    byte buffer when it writes UTF-8, else as U+FFFD. Other text is written unchanged."""

    def write(text: str) -> object:
        try:
            return stream.write(text)
        except UnicodeEncodeError:  # nothing was written: a text stream encodes before it buffers
            pass
        buffer = getattr(stream, "buffer", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if buffer is not None and encoding in ("utf-8", "utf8"):
            stream.flush()
            return buffer.write(exact_bytes(text))
        return stream.write(readable(text))

    return write


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files`` (``many``: the plural when it is not ``word + "s"``)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


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
        return f"All checks passed ({plural(total_files, 'file')})"
    parts = []
    for sev, n in severity_counts(result.findings).items():
        if n:
            singular, many = _SEVERITY_WORDS.get(sev, ("info", "info"))
            parts.append(plural(n, singular, many))
    with_findings = len({f.path for f in result.findings})
    if total_files > with_findings:
        where = f"in {with_findings} of {total_files} files"
    else:
        where = f"in {plural(with_findings, 'file')}"
    line = f"Found {plural(len(result.findings), 'finding')} ({', '.join(parts)}) {where}"
    fixable = sum(1 for f in result.findings if is_fixable(f))
    unsafe = sum(1 for f in result.findings if f.fix is not None and not f.fix.safe)
    if fixable:
        line += f"; {fixable} fixable with --fix"
        if unsafe:
            line += f" ({unsafe} more with --unsafe-fixes)"
    elif unsafe:
        line += f"; {unsafe} fixable with --fix --unsafe-fixes"
    return line


def finite(value: float) -> float | int | None:
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


class Paths:
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
                # lexical, as relpath is: under the root, or outside it
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


class BaseReporter(Reporter):
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

    def fingerprints(self, result: RunResult, paths: Paths) -> list[str]:
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
            out.append(sha256(exact_bytes(key)).hexdigest()[:32])
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
