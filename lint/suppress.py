"""Suppression directives inside drafts.

Markdown (HTML comments)::

    Some sentence. <!-- lint-article: disable-line ST101 -->       this line only
    <!-- lint-article: disable-next-line ST101 -->                  the next non-blank line
    <!-- lint-article: disable BP101,share-prompt -->   ... until enable or end of file
    <!-- lint-article: enable -->                      (or: enable BP101)
    <!-- lint-article: disable-file AT -->

Plain text: the same directive on a line of its own, without the comment markers, or as an
HTML comment anywhere (so ``disable-line`` can follow the text it is about).
A directive without codes applies to every rule. Codes, prefixes and names are accepted.

Invariant: a directive word that is not one of :data:`ACTIONS` (a typo, ``disable-lines``,
another tool's ``ignore``) disables nothing; it is kept in :attr:`Suppressions.unknown` for
the engine to report, so a misspelt directive is never read as ``disable`` of odd rules.
"""

from __future__ import annotations

import re

from lint.config import selector_matches
from lint.record import Record

ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")

_DIRECTIVE = re.compile(
    r"(?:<!--\s*|^[ \t]*)lint-article:[ \t]*([A-Za-z][\w-]*)?([^\n]*?)\s*(?:-->|$)",
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
    unknown: tuple[Directive, ...] = ()
    """Directives whose word is not an action (``action`` holds the word as written, ``''``
    for none): reported by the engine, applied to nothing."""

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
    unknown: list[Directive] = []
    for m in _DIRECTIVE.finditer(text):
        is_comment = m.group(0).lstrip().startswith("<!--")
        if markdown and not is_comment:
            continue
        line = text.count("\n", 0, m.start()) + 1
        sels = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        word = m.group(1) or ""
        if word.lower() in ACTIONS:
            directives.append(Directive(line, word.lower(), sels))
        else:
            unknown.append(Directive(line, word, sels))
    if not directives:
        return Suppressions((), (), tuple(unknown))
    last_line = text.count("\n") + 1
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_: list[tuple[int, tuple[str, ...]]] = []
    for d in directives:
        if d.action == "disable-file":
            ranges.append((1, last_line, d.selectors))
        elif d.action == "disable-line":
            ranges.append((d.line, d.line, d.selectors))
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
    return Suppressions(tuple(ranges), tuple(directives), tuple(unknown))


def _next_content_line(text: str, line: int) -> int:
    """The first non-blank line after ``line`` (1-based)."""
    lines = text.split("\n")
    for i in range(line, len(lines)):
        if lines[i].strip():
            return i + 1
    return line + 1
