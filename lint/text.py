"""Text helpers shared by the document model and rules: sentence splitting and masking.

Everything here works on offsets into one string and never changes its length, so a
match found in masked prose maps straight back to the original file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.analysis.lexicon import ABBREVIATIONS

_LONE_CR = re.compile(r"\r(?!\n)")
_OTHER_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def editor_lines(text: str) -> str:
    """``text`` with each line break an editor shows written as ``"\n"``: a lone carriage
    return (old Mac files), the line and paragraph separators (U+2028, U+2029) and NEL
    (U+0085) become ``"\n"``; CRLF stays (its ``"\r"`` ends the line before the ``"\n"``).

    Every replacement is one character for one, so offsets into the result are offsets
    into ``text``, and a draft gives the same findings, at the same lines, whatever its
    line endings."""
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text):
        text = text.translate(_OTHER_BREAKS)
    return text


_LOWER_SLICE = 1 << 16
_CUT = re.compile(r"\s")


def lower_same_length(text: str) -> str:
    """``text`` lower-cased, keeping its length (offsets stay valid): a character whose
    lower case is longer ("İ") is kept as it is, and then every character is lower-cased
    on its own.

    Text beyond ASCII is lower-cased a slice at a time (each ends after white space):
    ``str.lower`` works in a buffer of 12 bytes a character of what it is given, which for
    a whole draft is the run's peak. The result is the one of a single call: the only
    mapping that reads neighbours (Greek final sigma) does not look past white space."""
    if text.isascii():
        return text.lower()
    parts = []
    n = len(text)
    i = 0
    while i < n:
        j = i + _LOWER_SLICE
        if j < n:
            cut = _CUT.search(text, j)
            j = cut.end() if cut is not None else n
        parts.append((text[i:j], text[i:j].lower()))
        i = j
    if all(len(part) == len(low) for part, low in parts):
        return "".join(low for _, low in parts)
    return "".join("".join(c.lower() if len(c.lower()) == 1 else c for c in part) for part, _ in parts)


CASEFOLD_ODDITIES = ("\u0130", "\u0131", "\u017f")
"""Characters re.IGNORECASE equates with an ASCII letter although their lower case is not
that letter ("İ" and "ı" with "i", "ſ" with "s"): a cheap test on lower-cased text that stands
in for an IGNORECASE pattern (a gate) must not be trusted in text that holds one of them."""

_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"“‘'(\[]*)(\S)")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; return ``(start, end)`` offsets into ``text``.

    Leading and trailing white space is not part of a sentence. Blocks that hold no
    terminal punctuation (headings, list items) come back as one sentence.
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        nxt = _NEXT_START.match(text, cut, end)
        if nxt is None:
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if m.group(0)[0] == "." and len(m.group(0).rstrip("\"”’')]")) == 1:
            before = _word_before(text, pos, m.start())
            if before:
                word = before.lower().rstrip(".")
                if word in ABBREVIATIONS:
                    continue
                # Initials ("J. Smith", "P.J. Smith") or a dotted acronym ("U.S.") mid-sentence.
                if before[0].isupper() and first.isupper() and _INITIALS.fullmatch(before):
                    continue
        _append(text, spans, pos, cut)
        pos = nxt.start(1)
    _append(text, spans, pos, end)
    return spans


_LETTERS_AND_DOTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, start: int, end: int) -> str:
    """The ASCII letters and dots that end at ``end`` (or before a final line break there),
    from the first letter; "" when there are none. What the pattern
    ``([A-Za-z][A-Za-z.]*)$`` finds, walked back from ``end`` instead of searched for from
    ``start``, which tried every position of the sentence so far."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final line break
    i = end
    while i > start and text[i - 1] in _LETTERS_AND_DOTS:
        i -= 1
    while i < end and text[i] == ".":
        i += 1
    return text[i:end]


def _append(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


_NON_NEWLINE = re.compile(r"[^\r\n]")


def blank_out(text: str) -> str:
    """Replace every character but line breaks with a space (same length)."""
    return _NON_NEWLINE.sub(" ", text)


def apply_masks(text: str, ranges: list[tuple[int, int]]) -> str:
    """Return ``text`` with each ``[start, end)`` range blanked out, keeping line breaks."""
    if not ranges:
        return text
    ranges.sort()
    out: list[str] = []
    pos = 0
    for s, e in ranges:
        if e <= pos:
            continue
        s = max(s, pos)
        out.append(text[pos:s])
        out.append(blank_out(text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out)


WORD = re.compile(r"[^\W_]+(?:[_’'\-.&]+[^\W_]+)*")
"""A word: letters and digits, with inner apostrophes, hyphens, dots, ampersands and
underscores. (Runs of letters and digits joined by runs of the others: the engine reads a
word once, where "a letter, any of these, a letter" read it twice, backing off its end.)"""


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` (:data:`WORD`)."""
    return WORD.finditer(text)


_QUOTE_MARK = re.compile(r"[\"“”]")
_OPENS_AFTER = "([{—–-/"
_CLOSES_BEFORE = ".,;:!?)]}—–-'’"


def pair_quote_marks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` for each double-quoted span of ``text[start:end]``, quote
    marks included: the one pairing of quote marks every rule and analysis reads.

    Curly marks say which way they face. A straight mark opens after white space, an opening
    bracket or a dash (or at ``start``) unless white space follows it; it closes before white
    space or punctuation (or at ``end``); elsewhere it toggles. An opening mark inside an open
    span ends that span (a quotation reopened without being closed, its trailing white space
    left out), and a span still open at ``end`` runs to it; both are ``closed=False``. Spans
    of one character are dropped."""
    out: list[tuple[int, int, bool]] = []
    open_at = -1
    for m in _QUOTE_MARK.finditer(text, start, end):
        i = m.start()
        ch = m.group(0)
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch == "“":
            opening = True
        elif ch == "”":
            opening = False
        elif before.isspace() or before in _OPENS_AFTER or i == start:
            opening = not after.isspace()
        elif after.isspace() or after in _CLOSES_BEFORE or i + 1 == end:
            opening = False
        else:
            opening = open_at < 0
        if opening:
            if open_at >= 0:
                e = i
                while e > open_at + 1 and text[e - 1].isspace():
                    e -= 1
                out.append((open_at, e, False))
            open_at = i
        elif open_at >= 0:
            out.append((open_at, i + 1, True))
            open_at = -1
    if open_at >= 0:
        out.append((open_at, end, False))
    return [(s, e, c) for s, e, c in out if e - s > 1]


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of :func:`pair_quote_marks`, without whether each was closed."""
    return [(s, e) for s, e, _ in pair_quote_marks(text, start, end)]
