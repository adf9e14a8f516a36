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
from collections.abc import Callable

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


def parse(text: str, markdown: bool, rules_of: Callable[[str], frozenset[str]] | None = None) -> Suppressions:
    """The directives of ``text`` and the line ranges they turn rules off in.

    ``rules_of(selector)`` gives the codes a selector picks: ``enable`` then ends what a
    ``disable`` of the same rules began however either names them (``disable
    shouted-word`` ... ``enable TX101``); without it, selectors are compared as written."""
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
            enabled = _picked(d.selectors, rules_of)
            still = []
            for start, sels in open_:
                remaining = tuple(s for s in sels if not _picked((s,), rules_of) <= enabled)
                if not d.selectors or (sels and not remaining):
                    ranges.append((start, d.line, sels))
                elif sels and len(remaining) < len(sels):
                    ranges.append((start, d.line, sels))  # all of them up to here
                    still.append((d.line, remaining))  # the others go on
                else:
                    still.append((start, sels))
            open_ = still
    for start, sels in open_:
        ranges.append((start, last_line, sels))
    return Suppressions(tuple(ranges), tuple(directives), tuple(unknown))


def _picked(selectors: tuple[str, ...], rules_of: Callable[[str], frozenset[str]] | None) -> frozenset[str]:
    """The rules ``selectors`` pick (their codes), or, without ``rules_of``, the selectors as
    written in upper case (codes are upper case, names lower; either way one spelling)."""
    out: set[str] = set()
    for s in selectors:
        picked = rules_of(s) if rules_of is not None else frozenset()
        out |= picked or {s.upper()}
    return frozenset(out)


def _next_content_line(text: str, line: int) -> int:
    """The first non-blank line after ``line`` (1-based)."""
    lines = text.split("\n")
    for i in range(line, len(lines)):
        if lines[i].strip():
            return i + 1
    return line + 1
