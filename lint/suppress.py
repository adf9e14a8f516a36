"""Suppression directives inside drafts.

Markdown (HTML comments)::

    <!-- lint-article: disable BP101,share-prompt -->   ... until enable or end of file
    <!-- lint-article: enable -->                      (or: enable BP101)
    <!-- lint-article: disable-next-line ST101 -->
    <!-- lint-article: disable-file AT -->

Plain text: the same directive on a line of its own, without the comment markers.
A directive without codes applies to every rule. Codes, prefixes and names are accepted.
"""

from __future__ import annotations

import re

from lint.config import selector_matches
from lint.record import Record

_DIRECTIVE = re.compile(
    r"(?:<!--\s*|^[ \t]*)lint-article:\s*(disable-next-line|disable-file|disable|enable)\b([^\n]*?)\s*(?:-->|$)",
    re.M,
)


class Directive(Record):
    line: int
    action: str
    selectors: tuple[str, ...]  # empty: every rule


class Suppressions(Record):
    """Line ranges (inclusive) where selectors are off; ``()`` selectors means all rules."""

    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    directives: tuple[Directive, ...] = ()

    def suppresses(self, line: int, code: str, name: str, category: str) -> bool:
        for first, last, selectors in self.ranges:
            if first <= line <= last and (
                not selectors or any(selector_matches(s, code, name, category) for s in selectors)
            ):
                return True
        return False


def parse(text: str, markdown: bool) -> Suppressions:
    if "lint-article:" not in text:
        return Suppressions()
    directives: list[Directive] = []
    for m in _DIRECTIVE.finditer(text):
        is_comment = m.group(0).lstrip().startswith("<!--")
        if markdown and not is_comment:
            continue
        line = text.count("\n", 0, m.start()) + 1
        sels = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        directives.append(Directive(line, m.group(1), sels))
    if not directives:
        return Suppressions()
    last_line = text.count("\n") + 1
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_: list[tuple[int, tuple[str, ...]]] = []
    for d in directives:
        if d.action == "disable-file":
            ranges.append((1, last_line, d.selectors))
        elif d.action == "disable-next-line":
            nxt = _next_content_line(text, d.line)
            ranges.append((nxt, nxt, d.selectors))
        elif d.action == "disable":
            open_.append((d.line, d.selectors))
        else:  # enable
            still = []
            for start, sels in open_:
                if not d.selectors or set(sels) <= set(d.selectors):
                    ranges.append((start, d.line, sels))
                elif sels:
                    remaining = tuple(s for s in sels if s not in d.selectors)
                    ranges.append((start, d.line, tuple(s for s in sels if s in d.selectors)))
                    still.append((d.line, remaining))
                else:
                    still.append((start, sels))
            open_ = still
    for start, sels in open_:
        ranges.append((start, last_line, sels))
    return Suppressions(tuple(ranges), tuple(directives))


def _next_content_line(text: str, line: int) -> int:
    """The first non-blank line after ``line`` (1-based)."""
    lines = text.split("\n")
    for i in range(line, len(lines)):
        if lines[i].strip():
            return i + 1
    return line + 1
