"""The document model: a draft's source text, front matter, prose blocks and sentences.

``Document.prose`` has exactly the length of ``Document.text``: everything that is not prose
(front matter, code, URLs, HTML comments, Markdown markers) is blanked out with spaces, so
every offset found in prose is an offset in the original file.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lint.model import Span
from lint.record import Record
from lint.text import WORD, apply_masks, blank_out, editor_lines, lower_same_length, quote_spans, sentence_spans

_NEWLINE = re.compile("\n")
_MATCH_END = re.Match.end
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose: a heading, paragraph, list item or block-quote paragraph.

    ``start``/``end`` are offsets into the document; ``first_line``/``last_line`` are 1-based.
    """

    index: int
    kind: str  # heading | paragraph | list_item | blockquote
    start: int
    end: int
    first_line: int
    last_line: int
    level: int = 0  # heading level; 0 elsewhere


class Sentence(Record):
    start: int
    end: int
    block: int  # index into Document.blocks


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_DIRECTIVE_LINE = re.compile(r"^[ \t]*lint-article:[^\n]*$", re.M)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_WEB_ADDRESS = r"(?:\bhttps?://|\bwww\.)[^\s<>\"“”]+"
_EMAIL = r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
_URL = re.compile(f"{_WEB_ADDRESS}|{_EMAIL}")
# The e-mail half tries every word of a draft and backtracks through it; most drafts hold
# no "@" (or no "http"/"www."), and then the other half alone finds the same matches.
_URL_ONLY = re.compile(_WEB_ADDRESS)
_EMAIL_ONLY = re.compile(_EMAIL)
_URL_TRAIL = ".,;:!?)]'’\""
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_INLINE_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^\s<>]*>")
# Images and links: the text and the address hold no bracket, so each try stops at the next
# "[" and the masking stays linear in the line's length (a line of "[" or "![" is no slower
# per character than prose).
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^\[\])\n]*\)")
_LINK = re.compile(r"(\[)([^\[\]\n]*)(\]\([^\[\])\n]*\)|\][\[][^\[\]\n]*\])")
_EMPHASIS = re.compile(r"\*\*|__|~~|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_TXT_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪–]|\d{1,3}[.)])[ \t]+")
_HEADING_MARKS = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$")


def _parse_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


class Document:
    """One draft. Construct with :meth:`from_text`; everything else is derived lazily."""

    def __init__(self, path: str, text: str, kind: str) -> None:
        self.path = path
        self.text = text = editor_lines(text)  # the lines an editor shows, at the same offsets
        self.kind = kind  # "markdown" | "text"
        self._line_starts = array("q", [0])  # offsets as machine integers: a line costs 8 bytes
        self._line_starts.extend(map(_MATCH_END, _NEWLINE.finditer(text)))
        self.front_matter: dict[str, Any] = {}
        self.front_matter_end = 0
        self.front_matter_error: FrontMatterError | None = None
        self._read_front_matter()

    @classmethod
    def from_text(cls, path: str, text: str, kind: str | None = None) -> Document:
        if text.startswith("\ufeff"):
            text = text[1:]
        if kind is None:
            suffix = path[path.rfind(".") :].lower() if "." in path else ""
            kind = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        return cls(path, text, kind)

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Scratch space for analyses several rules share on this document (quotations,
        words, role mentions...): compute once, key by a module-qualified name. It lives no
        longer than the document, so it never leaks across drafts; the engine drops a rule
        family's entries once its last rule has run (:meth:`forget`)."""
        return {}

    def forget(self, owned: Callable[[str], bool]) -> None:
        """Drop the memo entries whose key ``owned`` accepts: the engine drops a rule
        family's analyses once its last rule has run. Memoised analyses are pure, so one
        asked for again is computed again, the same."""
        memo = self.__dict__.get("memo")
        if memo:
            for key in [k for k in memo if isinstance(k, str) and owned(k)]:
                del memo[key]

    # -- positions -------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(start, end, line, col, end_line, end_col)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._line_starts[max(0, min(line - 1, len(self._line_starts) - 1))]

    def line_end(self, line: int) -> int:
        """Offset just past the last character of 1-based ``line`` (before its line break)."""
        if line >= len(self._line_starts):
            end = len(self.text)
        else:
            end = self._line_starts[line] - 1
        if end > 0 and end <= len(self.text) and self.text[end - 1 : end] == "\r":
            end -= 1
        return max(end, self.line_start(line))

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    # -- front matter ------------------------------------------------------------------
    def _read_front_matter(self) -> None:
        m = _FRONT_MATTER.match(self.text)
        if not m:
            return
        self.front_matter_end = m.end()
        import yaml  # local: plain-text drafts without front matter never pay for it

        try:
            data = yaml.safe_load(m.group(1) or "")
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = 2 + (mark.line if mark is not None else 0)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.front_matter_error = FrontMatterError(f"front matter is not valid YAML: {problem}", line)
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.front_matter_error = FrontMatterError(
                f"front matter must be a mapping of fields, got {type(data).__name__}", 2
            )
            return
        self.front_matter = {str(k): v for k, v in data.items()}

    @cached_property
    def date(self) -> _dt.date | None:
        """The draft's date from front matter ``date`` (None when absent or unreadable)."""
        return _parse_date(self.front_matter.get("date"))

    @cached_property
    def title(self) -> str | None:
        t = self.front_matter.get("title")
        if isinstance(t, str) and t.strip():
            return t.strip()
        for b in self.blocks:
            if b.kind == "heading":
                return self.block_text(b).strip() or None
            break
        return None

    # -- prose -------------------------------------------------------------------------
    @cached_property
    def _structure(self) -> tuple[str, tuple[Block, ...]]:
        if self.kind == "markdown":
            return self._parse_markdown()
        return self._parse_text()

    @property
    def prose(self) -> str:
        """The text with everything that is not prose blanked out (same length as ``text``)."""
        return self._structure[0]

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self._structure[1]

    @cached_property
    def prose_lower(self) -> str:
        """``prose`` in lower case, same length (characters whose lower case is longer stay)."""
        return lower_same_length(self.prose)

    @cached_property
    def _block_starts(self) -> array[int]:
        return array("q", [b.start for b in self.blocks])

    def block_at(self, offset: int) -> Block | None:
        """The block that holds ``offset``, if any."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def block_text(self, block: Block) -> str:
        return self.prose[block.start : block.end]

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        prose = self.prose
        out = []
        for b in self.blocks:
            for s, e in sentence_spans(prose, b.start, b.end):
                out.append(Sentence(s, e, b.index))
        return tuple(out)

    @cached_property
    def sentence_words(self) -> list[list[str]]:
        """The words (:data:`lint.text.WORD`) of each of ``sentences``, found once per draft:
        the readability scores, the sentence-length rule and the repeated-sentence rule
        share them. Treat the lists as read-only."""
        prose = self.prose
        findall = WORD.findall
        held: dict[str, str] = {}
        one = held.setdefault  # each distinct word held once: a draft repeats most of its words
        return [[one(w, w) for w in findall(prose, s.start, s.end)] for s in self.sentences]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.prose[sentence.start : sentence.end]

    def block_sentences(self, block: Block) -> list[Sentence]:
        starts = self._sentence_starts
        lo = bisect.bisect_left(starts, block.start)
        hi = bisect.bisect_left(starts, block.end)
        return list(self.sentences[lo:hi])

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None

    @cached_property
    def _sentence_starts(self) -> array[int]:
        return array("q", [s.start for s in self.sentences])

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Spans of double-quoted text (quote marks included), block by block."""
        out: list[tuple[int, int]] = []
        for b in self.blocks:
            out.extend(quote_spans(self.prose, b.start, b.end))
        return tuple(out)

    @cached_property
    def _quote_starts(self) -> array[int]:
        return array("q", [s for s, _ in self.quotes])

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside quoted speech."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    # -- parsing -----------------------------------------------------------------------
    def _common_masks(self) -> list[tuple[int, int]]:
        masks: list[tuple[int, int]] = []
        if self.front_matter_end:
            masks.append((0, self.front_matter_end))
        text = self.text
        if "<!--" in text:
            for m in _COMMENT.finditer(text, self.front_matter_end):
                masks.append((m.start(), m.end()))
        email = "@" in text
        web = "http" in text or "www." in text
        urls = _URL if email and web else _EMAIL_ONLY if email else _URL_ONLY if web else None
        for m in urls.finditer(text, self.front_matter_end) if urls is not None else ():
            e = m.end()
            while e > m.start() and self.text[e - 1] in _URL_TRAIL:
                e -= 1
            masks.append((m.start(), e))
        return masks

    def _parse_text(self) -> tuple[str, tuple[Block, ...]]:
        masks = self._common_masks()
        text = self.text
        for m in _DIRECTIVE_LINE.finditer(text) if "lint-article:" in text else ():
            masks.append((m.start(), m.end()))
        bullets: list[tuple[int, int]] = []
        prose = apply_masks(text, masks)
        blocks: list[Block] = []
        n_lines = self.line_count
        line = 1
        while line <= n_lines:
            if not prose[self.line_start(line) : self.line_end(line)].strip():
                line += 1
                continue
            first = line
            while line <= n_lines and prose[self.line_start(line) : self.line_end(line)].strip():
                line += 1
            chunk = list(range(first, line))
            for group in self._txt_groups(prose, chunk):
                blocks.append(self._txt_block(prose, len(blocks), group, bullets))
        if bullets:
            prose = apply_masks(prose, bullets)
        return prose, tuple(blocks)

    def _txt_groups(self, prose: str, lines: list[int]) -> list[list[int]]:
        """Hard-wrapped lines form one paragraph; one-paragraph-per-line text is split."""
        if len(lines) == 1:
            return [lines]
        texts = [prose[self.line_start(n) : self.line_end(n)].rstrip() for n in lines]
        body = texts[:-1]
        widest = max(len(t) for t in body)
        open_ends = sum(1 for t in body if t[-1:] not in '.!?:"”')
        wrapped = (
            widest <= 100
            and all(len(t) >= max(40, widest * 0.6) for t in body)
            and open_ends * 2 >= len(body)
            and not any(_TXT_BULLET.match(t) for t in texts[1:])
        )
        return [lines] if wrapped else [[n] for n in lines]

    def _txt_block(self, prose: str, index: int, lines: list[int], bullets: list[tuple[int, int]]) -> Block:
        start = self.line_start(lines[0])
        end = self.line_end(lines[-1])
        first_text = prose[start : self.line_end(lines[0])]
        kind = "paragraph"
        m = _TXT_BULLET.match(first_text)
        if m:
            kind = "list_item"
            bullets.append((start, start + m.end()))
        elif len(lines) == 1:
            stripped = first_text.strip()
            n_words = len(stripped.split())
            if (
                n_words <= 14
                and stripped[-1:] not in '.!?:;,"”’)…'
                and (stripped[:1].isupper() or stripped[:1].isdigit())
            ):
                kind = "heading"
        while start < end and prose[start].isspace():
            start += 1
        if m:
            start = max(start, self.line_start(lines[0]) + m.end())
        return Block(index, kind, start, end, lines[0], lines[-1], 1 if kind == "heading" else 0)

    def _parse_markdown(self) -> tuple[str, tuple[Block, ...]]:
        text = self.text
        masks = self._common_masks()
        # Parse with front matter blanked so that line numbers stay those of the file.
        source = apply_masks(text, [(0, self.front_matter_end)]) if self.front_matter_end else text
        tables: list[tuple[int, int]] = []
        plain = _plain_paragraphs(source, tables)
        if plain is not None:  # tables hold data, not prose: blanked whole, as markdown-it's are
            masks.extend((self.line_start(first), self.line_end(last)) for first, last in tables)
        blocks = plain if plain is not None else self._markdown_blocks(source, masks)
        return self._mask_markdown(text, source, masks, blocks)

    def _markdown_blocks(self, source: str, masks: list[tuple[int, int]]) -> list[tuple[str, int, int, int, int, str]]:
        """The prose blocks markdown-it finds, as (kind, first line, last line, level, 0,
        inline source); code, HTML, rules and tables are added to ``masks``."""
        from markdown_it import MarkdownIt

        # Block structure only: the inline parser (children, never read here) is the costly
        # part, and quadratic on a long line of "[".
        tokens = MarkdownIt("commonmark").enable("table").disable("inline").parse(source)
        blocks: list[tuple[str, int, int, int, int, str]] = []
        containers: list[str] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            t = tok.type
            if t in ("blockquote_open", "list_item_open"):
                containers.append(t)
            elif t in ("blockquote_close", "list_item_close"):
                if containers:
                    containers.pop()
            elif t in ("fence", "code_block", "html_block", "hr", "table_open") and tok.map:
                if t == "table_open":
                    # Tables hold data, not prose: blank them whole.
                    depth = 0
                    j = i
                    while j < len(tokens):
                        if tokens[j].type == "table_open":
                            depth += 1
                        elif tokens[j].type == "table_close":
                            depth -= 1
                            if depth == 0:
                                break
                        j += 1
                    i = j
                s = self.line_start(tok.map[0] + 1)
                e = self.line_end(tok.map[1])
                if t == "html_block":
                    # HTML comments are masked already; other HTML is markup, not prose.
                    masks.append((s, e))
                else:
                    masks.append((s, e))
            elif t in ("heading_open", "paragraph_open") and tok.map:
                inline = tokens[i + 1]
                if t == "heading_open":
                    kind = "heading"
                    level = int(tok.tag[1:])
                elif containers and containers[-1] == "list_item_open":
                    kind = "list_item"
                    level = 0
                elif containers:
                    kind = "blockquote"
                    level = 0
                else:
                    kind = "paragraph"
                    level = 0
                blocks.append((kind, tok.map[0] + 1, tok.map[1], level, 0, inline.content))
            i += 1
        return blocks

    def _mask_markdown(
        self, text: str, source: str, masks: list[tuple[int, int]], blocks: list[tuple[str, int, int, int, int, str]]
    ) -> tuple[str, tuple[Block, ...]]:
        # Blank container markers and heading marks line by line, then inline markup.
        for kind, first, last, _level, _x, content in blocks:
            lines = content.split("\n")
            for k, n in enumerate(range(first, last + 1)):
                ls, le = self.line_start(n), self.line_end(n)
                src = source[ls:le]
                c = lines[k].strip() if k < len(lines) else ""
                if kind == "heading" and c:
                    c = _HEADING_MARKS.sub("", c)
                idx = src.find(c) if c else len(src)
                if idx < 0:
                    continue
                if idx:
                    masks.append((ls, ls + idx))
                if ls + idx + len(c) < le:
                    masks.append((ls + idx + len(c), le))
        prose = apply_masks(text, masks)
        inline_masks: list[tuple[int, int]] = []
        out_blocks: list[Block] = []
        for _kind, first, last, _level, _x, _content in blocks:
            s, e = self.line_start(first), self.line_end(last)
            for pat in (_CODE_SPAN, _AUTOLINK, _IMAGE, _INLINE_HTML):
                for m in pat.finditer(prose, s, e):
                    inline_masks.append((m.start(), m.end()))
            for m in _LINK.finditer(prose, s, e):
                inline_masks.append((m.start(1), m.end(1)))
                inline_masks.append((m.start(3), m.end(3)))
            for m in _EMPHASIS.finditer(prose, s, e):
                inline_masks.append((m.start(), m.end()))
            for m in _ESCAPE.finditer(prose, s, e):
                inline_masks.append((m.start(), m.end()))
        prose = apply_masks(prose, inline_masks)
        for kind, first, last, level, _x, _content in blocks:
            s, e = self.line_start(first), self.line_end(last)
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if e > s:
                out_blocks.append(Block(len(out_blocks), kind, s, e, first, last, level))
        return prose, tuple(out_blocks)


# A line that could be anything but paragraph text in CommonMark (with tables): indented 4+
# columns or by a tab, or starting with the mark of a heading, quote, list, rule, fence,
# setext underline, HTML or link definition (a "*" or "_" of emphasis, or a code span, is
# no such mark). A draft without such lines, without "<", with "|" only in simple tables and
# with only "\n" line breaks is paragraphs separated by blank lines.
_NOT_PLAIN_LINE = re.compile(
    r"^(?: {0,3}(?:[#>\[:]|[*+\-](?:[ ]|$)|`{3}|~{3}|(?:[*\-_][ ]*){3,}$|(?:=+|-+)[ ]*$)"
    r"| {0,3}\d{1,9}[.)]| {4}|[ ]{0,3}\t)"
)
_NOT_PLAIN_CHAR = re.compile(r"[<\r\t\0\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# More kinds of line read here, in their simplest forms: an ATX heading ("## Title", no
# closing #s), the first line of a list item ("- text", "1. text"), and a block quote line
# ("> text" or a lone ">", the mark in the first column).
_SIMPLE_HEADING = re.compile(r"(#{1,6}) +(.*[^ #]) *")
_SIMPLE_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)]) (.*[^ ]) *")
_SIMPLE_QUOTE = re.compile(r"> ?(.*)")


_DELIMITER_ROW = re.compile(r"\|(?: *:?-+:? *\|)+")


def _simple_table(lines: list[str], n: int) -> int:
    """The last line (1-based) of the simple table whose first line is ``n`` (see
    :func:`_plain_paragraphs`), or 0 when the lines from ``n`` to the next blank line are
    not one."""
    last = n
    while last < len(lines) and lines[last].strip(" "):
        last += 1
    rows = lines[n - 1 : last]
    if len(rows) < 2 or not _DELIMITER_ROW.fullmatch(rows[1]):
        return 0
    for row in rows:
        if not (row.startswith("|") and row.endswith("|") and len(row) > 1) or "\\" in row or "`" in row:
            return 0
    cells = rows[0].count("|") - 1
    if cells != rows[1].count("|") - 1:
        return 0  # not a table: the delimiter row must have the header's cells
    if sum(cells - (row.count("|") - 1) for row in rows[2:]) > 0x10000:
        return 0  # markdown-it stops filling in missing cells after 65,536
    return last


_MAX_PLAIN_DEPTH = 4
"""Lists nested deeper than this go to markdown-it."""


def _plain_paragraphs(
    source: str, tables: list[tuple[int, int]] | None = None
) -> list[tuple[str, int, int, int, int, str]] | None:
    """The blocks markdown-it would find in ``source`` when it is nothing but paragraphs,
    simple headings, list items (hard-wrapped, nested, with paragraphs of their own), block
    quotes of paragraphs and simple tables, found without it (its import costs a one-draft
    run 30 to 45 ms); None for any other draft. The tables' first and last lines go to
    ``tables``. ``tests/test_document.py`` checks the two agree on generated drafts.

    A simple table stands between blank lines, each of its lines starts and ends with ``|``
    and holds no backslash or backtick, its second line is a delimiter row, and its first
    has as many cells. Any other line with a ``|`` goes to markdown-it.

    A list item's paragraph holds the text after its mark and the lines that continue it:
    indented lines, and lazy ones (not indented, as CommonMark allows). A line indented to
    an item's text after a blank line starts another paragraph of that item; a list mark
    there starts a nested list. Anything else in a list (code, a heading or quote inside an
    item, an ordered list interrupting an item's text) goes to markdown-it."""
    if _NOT_PLAIN_CHAR.search(source):
        return None
    blocks: list[tuple[str, int, int, int, int, str]] = []
    lines = source.split("\n")
    table_end = 0  # the last line of the table being passed over
    first = 0  # 1-based first line of the paragraph being read; 0 between paragraphs
    kind = "paragraph"  # ... and its kind: paragraph, list_item or blockquote
    body: list[str] = []  # the paragraph's lines as markdown-it gives them (indent removed)
    items: list[int] = []  # the column where each open list item's text starts, outermost first
    seen_list = False  # a list has been seen: a quote line may then not start with a space
    previous = "blank"  # what the line before was: blank, text, heading, quote or quote-blank

    def close(last: int) -> None:
        nonlocal first
        if first:
            blocks.append((kind, first, last, 0, 0, "\n".join(body).strip()))
            first = 0
            body.clear()

    for n, line in enumerate([*lines, ""], 1):
        if n <= table_end:
            continue
        if not line.strip(" "):  # a blank line ends a paragraph, and a quote
            close(n - 1)
            previous = "blank"
            continue
        if not line.strip():
            return None  # only no-break or other spaces CommonMark does not count as blank
        if "|" in line:
            table_end = _simple_table(lines, n) if previous == "blank" else 0
            if not table_end:
                return None  # a table of another form, or a "|" markdown-it may read as one
            items.clear()  # a table in the first column ends the lists
            if tables is not None:
                tables.append((n, table_end))
            continue
        rest = line.lstrip(" ")
        indent = len(line) - len(rest)
        plain = not _NOT_PLAIN_LINE.match(rest)
        if previous == "text" and plain:  # the paragraph goes on (lazily if not indented)
            if kind == "blockquote":
                return None  # a lazy continuation of a quote
            body.append(line[min(indent, items[-1]) :] if items else line)
            continue
        nested = bool(items) and indent >= items[-1]
        while items and indent < items[-1]:
            items.pop()  # the line is left of the item's text: the item has ended
        depth = items[-1] if items else 0
        if indent - depth > 3:
            return None  # indented code, or a mark too far right
        if plain:  # after a blank line or a heading: a new paragraph, in the item if indented to it
            if previous in ("quote", "quote-blank"):
                return None  # what follows a quote without a blank line
            close(n - 1)
            first, kind = n, ("list_item" if items else "paragraph")
            body.append(line[depth:] if items else line)
            previous = "text"
            continue
        item = _SIMPLE_ITEM.fullmatch(rest)
        if item is not None:
            content = item.group(1)
            gap = len(content) - len(content.lstrip(" "))
            if gap >= 4 or _NOT_PLAIN_LINE.match(content.lstrip(" ")) or previous in ("quote", "quote-blank"):
                return None  # code after the mark, a block in the item, or an item after a quote
            if previous == "text":  # the item interrupts a paragraph
                if kind != "list_item" or (nested and rest[0] not in "-*+"):
                    return None  # a list interrupting a paragraph; an ordered one nested in an item
            if len(items) >= _MAX_PLAIN_DEPTH:
                return None  # markdown-it stops nesting at a depth of its own
            close(n - 1)
            text_at = item.start(1) + gap  # where the item's text starts in ``rest``
            items.append(indent + text_at)
            seen_list = True
            first, kind = n, "list_item"
            body.append(rest[text_at:])
            previous = "text"
            continue
        if items or indent:
            return None  # a heading or quote inside a list item, or an indented one
        quote = _SIMPLE_QUOTE.fullmatch(line)
        if quote is not None:
            if previous not in ("blank", "quote", "quote-blank"):
                return None  # a quote right after other text
            inner = quote.group(1)
            if not inner.strip(" "):  # a blank line inside the quote ends its paragraph
                close(n - 1)
                previous = "quote-blank"
                continue
            if _NOT_PLAIN_LINE.match(inner) or (seen_list and inner[0] == " "):
                return None  # a heading, list, code or nested quote inside the quote
            if not first:
                first, kind = n, "blockquote"
            body.append(inner)
            previous = "quote"
            continue
        if previous in ("quote", "quote-blank"):
            return None  # what follows a quote without a blank line
        heading = _SIMPLE_HEADING.fullmatch(line)
        if heading is None:
            return None
        title = heading.group(2).strip(" ")
        if title != title.strip():
            return None  # markdown-it also strips white space beyond ASCII (no-break, em) from a title's ends
        close(n - 1)
        blocks.append(("heading", n, n, len(heading.group(1)), 0, title))
        previous = "heading"
    return blocks


def blank(text: str) -> str:
    """Re-exported for rules that build masked copies of their own."""
    return blank_out(text)
