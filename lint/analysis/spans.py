"""Spans of text, and the quotations of a draft paired from their quote marks.

:class:`SpanSet` answers "does a span overlap / hold / contain this range" by binary search
over sorted spans. :func:`quotation_groups` pairs the double quote marks of each paragraph
once per document: curly marks by their shape, straight marks by their position (an opening
mark follows a space, a closing mark precedes one), so a missing closing mark does not turn
the rest of the paragraph inside out; a quotation left open at the end of a paragraph joins
the next paragraph's when that one opens with a quote mark. :func:`quote_spans` is every
quoted span of the draft (speech or not) as a :class:`SpanSet`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from lint.analysis.memo import per_document
from lint.text import pair_quote_marks

if TYPE_CHECKING:
    from lint.document import Document

OPEN_MARKS = '"“'
CLOSE_MARKS = '"”'


class SpanSet:
    """``(start, end)`` spans of text, sorted, with overlap and containment tests by binary
    search. Spans may overlap one another; :meth:`inside` expects spans that do not nest
    (quotations, matches of one pattern)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))
        """The furthest end among the spans up to each one."""

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span holds a character of ``[start, end)``."""
        i = bisect_left(self._starts, end)  # the spans that start before ``end``
        return i > 0 and self._reach[i - 1] > start

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that hold a character of ``[start, end)``, in order."""
        out = []
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._reach[i] > start:
            if self.spans[i][1] > start:
                out.append(self.spans[i])
            i -= 1
        out.reverse()
        return out

    def holds(self, pos: int) -> bool:
        """Whether a span holds the character at ``pos``."""
        return self.overlaps(pos, pos + 1)

    def inside(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` (one character when ``end`` is None) lies within one span."""
        end = start + 1 if end is None else end
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]


@per_document
def quote_spans(doc: Document) -> SpanSet:
    """Every double-quoted span of ``doc`` (speech or not), marks included, paired as
    :func:`quotation_groups` pairs them."""
    return SpanSet(span for group in quotation_groups(doc) for span in group)


@per_document
def quotation_groups(doc: Document) -> Sequence[Sequence[tuple[int, int]]]:
    """Quote spans grouped into quotations, in document order: one ``(start, end)`` per
    paragraph a quotation spans. A quote left open (at the end of its paragraph, or before
    the next opening mark) joins the quote that follows it."""
    return _pair_quotations(doc)


def inner_text(prose: str, s: int, e: int) -> str:
    """The words of the quote span ``prose[s:e]`` without its marks, stripped."""
    t = prose[s:e]
    if t[:1] in OPEN_MARKS:
        t = t[1:]
    if t[-1:] in CLOSE_MARKS:
        t = t[:-1]
    return t.strip()


def _pair_quotations(doc: Document) -> list[list[tuple[int, int]]]:
    prose = doc.prose
    groups: list[list[tuple[int, int]]] = []
    pending: list[tuple[int, int]] | None = None
    for b in doc.blocks:
        spans = pair_quote_marks(prose, b.start, b.end)
        for k, (s, e, closed) in enumerate(spans):
            opens_block = k == 0 and not prose[b.start : s].strip()
            if pending is not None and not (opens_block or (k > 0 and not spans[k - 1][2])):
                groups.append(pending)
                pending = None
            if pending is None:
                pending = [(s, e)]
            else:
                pending.append((s, e))
            if closed:
                groups.append(pending)
                pending = None
        if pending is not None and (not spans or b.kind == "heading"):
            groups.append(pending)
            pending = None
    if pending is not None:
        groups.append(pending)
    return groups
