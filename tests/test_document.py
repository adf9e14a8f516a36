"""The document model: exact offsets, prose masking, blocks, sentences, front matter."""

from __future__ import annotations

import datetime as dt

from lint.document import Document
from lint.text import sentence_spans


def test_prose_has_same_length_and_masks_non_prose() -> None:
    md = (
        "---\ntitle: A title\ndate: 2025-03-19\n---\n"
        "# Heading with `code`\n\n"
        "See [the report](https://example.org/r) and https://example.org/x.\n\n"
        "<!-- a comment -->\n\n"
        "```python\nprint('not prose')\n```\n"
    )
    doc = Document.from_text("a.md", md)
    assert len(doc.prose) == len(doc.text)
    assert "example.org" not in doc.prose
    assert "not prose" not in doc.prose
    assert "a comment" not in doc.prose
    assert "title:" not in doc.prose
    assert "code" not in doc.prose
    assert "the report" in doc.prose
    assert doc.front_matter["title"] == "A title"
    assert doc.date == dt.date(2025, 3, 19)
    assert doc.title == "A title"


def test_blocks_kinds_and_lines() -> None:
    md = "# Head\n\nPara one\ncontinues.\n\n- item a\n- item b\n\n> quoted\n"
    doc = Document.from_text("a.md", md)
    kinds = [(b.kind, b.first_line, b.last_line, doc.block_text(b)) for b in doc.blocks]
    assert kinds == [
        ("heading", 1, 1, "Head"),
        ("paragraph", 3, 4, "Para one\ncontinues."),
        ("list_item", 6, 6, "item a"),
        ("list_item", 7, 7, "item b"),
        ("blockquote", 9, 9, "quoted"),
    ]


def test_positions_are_one_based_and_crlf_safe() -> None:
    doc = Document.from_text("a.txt", "ab\r\ncd\r\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    span = doc.span(4, 6)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 3)
    assert doc.line_text(1) == "ab"


def test_bom_is_not_part_of_text() -> None:
    doc = Document.from_text("a.md", "\ufeffHello world.\n")
    assert doc.text.startswith("Hello")


def test_plain_text_paragraphs_and_lines() -> None:
    txt = (
        "Headline of the story\n\nFirst paragraph sentence one. Sentence two.\n\n"
        "A line that stands alone.\nAnother line that stands alone, in the same chunk.\n"
    )
    doc = Document.from_text("a.txt", txt)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert doc.title == "Headline of the story"


def test_hard_wrapped_plain_text_is_one_paragraph() -> None:
    txt = (
        "The harbour authority said on Tuesday that the old pier would\n"
        "close for repairs next month, and that ferries would use the\n"
        "north terminal until the work was done.\n"
    )
    doc = Document.from_text("a.txt", txt)
    assert len(doc.blocks) == 1


def test_sentence_splitting_respects_abbreviations_and_initials() -> None:
    text = "Mr. Smith met Dr. Jones at 9 a.m. in the U.S. capital. J. K. Rowling wrote it. Prices rose 3.5% in May."
    spans = sentence_spans(text)
    sents = [text[s:e] for s, e in spans]
    assert sents == [
        "Mr. Smith met Dr. Jones at 9 a.m. in the U.S. capital.",
        "J. K. Rowling wrote it.",
        "Prices rose 3.5% in May.",
    ]


def test_sentence_split_after_closing_quote() -> None:
    text = 'He said: "It is done." Then he left.'
    assert [text[s:e] for s, e in sentence_spans(text)] == ['He said: "It is done."', "Then he left."]


def test_quotes_and_in_quote() -> None:
    doc = Document.from_text("a.md", "She said “we will win” and left.\n")
    start = doc.text.index("we will")
    assert doc.in_quote(start, start + 7)
    assert not doc.in_quote(doc.text.index("left"))


def test_malformed_front_matter_is_reported_not_raised() -> None:
    doc = Document.from_text("a.md", "---\ntitle: [unclosed\n---\nBody.\n")
    assert doc.front_matter_error is not None
    assert doc.front_matter_error.line >= 2
    assert doc.blocks  # the body is still linted


def test_txt_directive_lines_are_not_prose() -> None:
    doc = Document.from_text("a.txt", "lint-article: disable ST101\n\nBody text.\n")
    assert "disable" not in doc.prose


def test_emphasis_and_escapes_masked_in_markdown() -> None:
    doc = Document.from_text("a.md", "Some **bold** and _it_ text \\*not\\* here.\n")
    assert doc.block_text(doc.blocks[0]).split() == ["Some", "bold", "and", "it", "text", "not", "here."]


def test_quote_direction_for_straight_quotes() -> None:
    from lint.text import quote_spans

    text = 'It was uncertain. "It is widely held that prices rise. "Then more," he said. A 5" screen.'
    spans = [text[a:b] for a, b in quote_spans(text, 0, len(text))]
    assert spans == ['"It is widely held that prices rise. ', '"Then more,"']
