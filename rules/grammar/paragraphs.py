"""What the per-draft phase records of a draft: its prose paragraphs as they are sent to
LanguageTool, with what maps LanguageTool's offsets back to the file.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from lint.model import Span
from lint.record import Record

if TYPE_CHECKING:
    from lint.document import Block, Document


_WS = re.compile(r"\s+")


# -- records ---------------------------------------------------------------------------------
class Paragraph(Record):
    """One prose block as sent to LanguageTool, with what maps its offsets back to the file.

    ``text`` is the block's prose (code, URLs and markup already blanked by the document
    model) with every run of white space collapsed to one space, and blanked markup glued to
    a word (``**now**,``) dropped. Positions in ``text`` are "sent" positions; ``rel``
    positions are offsets from ``start`` in the file.
    """

    text: str
    start: int  # offset of the block in the file
    line: int  # 1-based line of ``start``
    column: int  # 1-based column of ``start``
    line_starts: tuple[int, ...]  # rel offsets where the block's 2nd, 3rd... lines start
    map_sent: tuple[int, ...]  # sent positions where the sent -> rel mapping jumps (first: 0)
    map_rel: tuple[int, ...]  # ... and the rel offset each of them maps to
    masked: tuple[int, ...]  # sent positions of a space that stands for blanked markup
    holes: tuple[int, ...]  # sent positions of a space that stands for removed content (code, URL)
    sentences: tuple[int, ...]  # flattened (start, end) sent positions of the block's sentences
    quotes: tuple[int, ...]  # flattened (start, end) sent positions of quoted speech

    def rel(self, pos: int) -> int:
        """Offset from ``start`` of the character at sent position ``pos``."""
        i = bisect.bisect_right(self.map_sent, pos) - 1
        return self.map_rel[i] + (pos - self.map_sent[i])

    def sent(self, rel: int) -> int:
        """Sent position of the character at ``rel`` (a collapsed run maps to its one space)."""
        i = bisect.bisect_right(self.map_rel, rel) - 1
        pos = self.map_sent[i] + (rel - self.map_rel[i])
        if i + 1 < len(self.map_sent):
            pos = min(pos, self.map_sent[i + 1] - 1)
        return max(0, min(pos, len(self.text)))

    def span(self, rel_start: int, rel_end: int) -> Span:
        line, col = self._position(rel_start)
        end_line, end_col = self._position(rel_end)
        return Span(self.start + rel_start, self.start + rel_end, line, col, end_line, end_col)

    def _position(self, rel: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.line_starts, rel)
        if k == 0:
            return self.line, self.column + rel
        return self.line + k, rel - self.line_starts[k - 1] + 1

    def sentence_at(self, pos: int) -> str:
        s = self.sentences
        for i in range(0, len(s), 2):
            if s[i] <= pos < max(s[i + 1], s[i] + 1):
                return self.text[s[i] : s[i + 1]].strip()[:300]
        return self.text.strip()[:300]

    def in_quote(self, start: int, end: int) -> bool:
        q = self.quotes
        return any(q[i] <= start and end <= q[i + 1] for i in range(0, len(q), 2))


def paragraphs_of(doc: Document) -> list[Paragraph]:
    """Cut ``doc`` into the paragraphs LanguageTool sees (blocks without a letter or digit are
    left out)."""
    out = []
    for block in doc.blocks:
        par = _paragraph(doc, block)
        if par is not None:
            out.append(par)
    return out


def _paragraph(doc: Document, block: Block) -> Paragraph | None:
    b0 = block.start
    p = doc.prose[b0 : block.end]
    t = doc.text[b0 : block.end]
    parts: list[str] = []
    map_sent: list[int] = [0]
    map_rel: list[int] = [0]
    masked: list[int] = []
    holes: list[int] = []
    pos = 0  # sent position
    last = 0  # rel offset

    def keep(rel: int, chunk: str) -> None:
        nonlocal pos
        if map_rel[-1] + (pos - map_sent[-1]) != rel:
            map_sent.append(pos)
            map_rel.append(rel)
        parts.append(chunk)
        pos += len(chunk)

    for m in _WS.finditer(p):
        if m.start() > last:
            keep(last, p[last : m.start()])
        original = t[m.start() : m.end()]
        content = any(c.isalnum() for c in original)
        if not content and not any(c.isspace() for c in original):
            last = m.end()  # markup glued to words ("**now**,", "\\*"): the reader sees no space
            continue
        if not original.isspace():
            masked.append(pos)
            if content:
                holes.append(pos)
        keep(m.start(), " ")
        last = m.end()
    if last < len(p):
        keep(last, p[last:])
    text = "".join(parts)
    if not any(c.isalnum() for c in text):
        return None
    line, column = doc.position(b0)
    line_starts = tuple(doc.line_start(n) - b0 for n in range(line + 1, block.last_line + 1))
    par = Paragraph(
        text, b0, line, column, line_starts, tuple(map_sent), tuple(map_rel), tuple(masked), tuple(holes), (), ()
    )
    sentences: list[int] = []
    for s in doc.block_sentences(block):
        sentences += (par.sent(s.start - b0), par.sent(s.end - 1 - b0) + 1)
    quotes: list[int] = []
    for qs, qe in doc.quotes:
        if b0 <= qs < block.end:
            quotes += (par.sent(qs - b0), par.sent(max(qs, qe - 1) - b0) + 1)
    return par._replace(sentences=tuple(sentences), quotes=tuple(quotes))
