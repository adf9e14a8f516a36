"""The document model: exact offsets, prose masking, blocks, sentences, front matter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lint import document as document_module
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
    assert spans == ['"It is widely held that prices rise.', '"Then more,"']


def test_the_document_and_the_analysis_layer_pair_quote_marks_one_way() -> None:
    from lint.analysis.spans import quote_spans

    text = (
        'Ina Sólveig said: "The quay opens in May. "Boats come later," she added.\n\n'
        'A 5" screen. “Curly,” and "straight" marks. "Left open\n'
    )
    doc = Document.from_text("a.md", text)
    assert list(doc.quotes) == list(quote_spans(doc).spans)
    assert [text[a:b] for a, b in doc.quotes] == [
        '"The quay opens in May.',
        '"Boats come later,"',
        "“Curly,”",
        '"straight"',
        '"Left open',
    ]


# --- Markdown drafts that are only paragraphs: blocks found without markdown-it -------------


_PLAIN_LINE = st.text(
    alphabet=st.sampled_from(list("abcXYZ 019.,;:'\"!?()&*#-_=+~`[]<>|\\\t\u00a0\u3000é—")), max_size=30
)


def _draft(lines: list[str]) -> str:
    return "\n".join(lines)


def _both(text: str) -> tuple[object, object]:
    """The fast path's blocks and markdown-it's; with tables, each with the masks it adds."""
    doc = Document.from_text("d.md", text)
    source = doc.text
    tables: list[tuple[int, int]] = []
    plain = document_module._plain_paragraphs(source, tables)
    masks: list[tuple[int, int]] = []
    full = doc._markdown_blocks(source, masks)
    if plain is None or (not tables and not masks):
        return plain, full
    return (plain, [(doc.line_start(a), doc.line_end(b)) for a, b in tables]), (full, masks)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PLAIN_LINE, st.just(""), st.just("   ")), max_size=12))
@example(["# \u00a0"])  # a title of no-break space only: markdown-it strips it to nothing
@example(["## Port\u3000"])
def test_plain_paragraphs_are_the_blocks_markdown_it_finds(lines: list[str]) -> None:
    """Whenever the fast path answers, markdown-it finds the same paragraphs, lines and text."""
    plain, full = _both(_draft(lines))
    if plain is not None:
        assert plain == full


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ,.'\"!?é")), max_size=30), max_size=12))
def test_prose_only_drafts_take_the_fast_path(lines: list[str]) -> None:
    """Drafts of words and ordinary punctuation are read without markdown-it, with the same
    result; the check above is not vacuous."""
    plain, full = _both(_draft(lines))
    assert plain is not None and plain == full


def test_markdown_syntax_goes_to_markdown_it() -> None:
    for text in [
        "Text\n===\n",
        "Text\n- item\n",  # a list interrupting a paragraph
        "- item\n  2. ordered\n",  # an ordered list (not from 1) nested in the item's text
        "- item\n\n      code in the item\n",
        "- a\n  - b\n    - c\n      - d\n        - e\n",  # nested deeper than the fast path goes
        "- item\n---\n",  # a rule, or a heading underline
        "```\ncode\n```\n",
        "***\n",
        "> quoted\nlazily continued\n",  # a lazy continuation of a quote
        "Text\n> quoted\n",  # a quote interrupting a paragraph
        "> quoted\n# Heading\n",
        "> - item in a quote\n",
        ">> nested\n",
        " > indented mark\n",
        "Text\n2. not an item\n",
        "    code\n",
        "# C#\n",
        "a | b\n--|--\n1 | 2\n",  # a table without outer pipes
        "Text\n| a |\n|---|\n",  # a table right after a paragraph
        "| a | b |\n|---|\n",  # cells that do not match: markdown-it reads a paragraph
        "| a \\| b |\n|---|\n",  # an escaped pipe
        "| a |\n|---|\n| b\n",  # a row without its closing pipe
        "Text with a | in it.\n",
        "[ref]: https://example.com\n",
        "<div>html</div>\n",
        "```\ncode\n```\n",
        "* * *\n",
        "Line\r\nbreaks\r\n",
        "\u00a0\n",
    ]:
        assert document_module._plain_paragraphs(text) is None, text


_WORDS = st.text(alphabet=st.sampled_from(list("abcXYZ 019.,;:'\"!?()&*#-_=+~`[]\\é")), min_size=1, max_size=20)
_MD_LINE = st.one_of(
    st.just(""),
    st.just("  "),
    _WORDS,
    st.builds(lambda n, w: "#" * n + " " + w, st.integers(1, 7), _WORDS),
    st.builds(
        lambda m, sp, w: m + " " * sp + w,
        st.sampled_from(["-", "*", "+", "1.", "2)", "10.", "1234567890."]),
        st.integers(0, 6),
        _WORDS,
    ),
    st.builds(lambda sp, w: " " * sp + w, st.integers(1, 5), _WORDS),
    st.builds(lambda m, sp, w: m + " " * sp + w, st.sampled_from([">", "> >", " >", ">-"]), st.integers(0, 5), _WORDS),
    st.just(">"),
    st.just("> "),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MD_LINE, max_size=14))
def test_headings_and_items_read_as_markdown_it_reads_them(lines: list[str]) -> None:
    """Drafts mixing headings, list items, quotes, paragraphs and odd lines: whenever the
    fast path answers, markdown-it finds the same blocks (kind, lines, level, text)."""
    plain, full = _both(_draft(lines))
    if plain is not None:
        assert plain == full


@st.composite
def _list_draft(draw: st.DrawFn) -> str:
    """Paragraphs and lists as writers hard-wrap them: items continued on indented or lazy
    lines, a second paragraph in an item, nested bulleted lists, ordered ones."""
    words = st.builds(lambda w: "w" + w, st.text(alphabet=st.sampled_from(list("abc XYZ,.'*_`é")), max_size=15))

    def item(col: int, mark: str, depth: int) -> list[str]:
        width = col + len(mark) + 1
        out = [" " * col + mark + " " + draw(words)]
        for _ in range(draw(st.integers(0, 2))):  # the text goes on: indented, or lazily
            out.append(draw(st.sampled_from([" " * width, ""])) + draw(words))
        if draw(st.booleans()):  # another paragraph of the item
            out += ["", " " * width + draw(words)]
        if depth < 3 and draw(st.booleans()):  # a nested bulleted list
            nested = draw(st.sampled_from(["-", "*", "+"]))
            for _ in range(draw(st.integers(1, 2))):
                out += item(width, nested, depth + 1)
        return out

    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            blocks.append(draw(words) + "\n" + draw(words))
        else:
            ordered = draw(st.booleans())
            lines: list[str] = []
            for i in range(draw(st.integers(1, 3))):
                lines += item(0, f"{i + 1}." if ordered else "-", 0)
                if draw(st.booleans()):
                    lines.append("")
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_list_draft())
def test_wrapped_and_nested_lists_take_the_fast_path(text: str) -> None:
    """Lists as writers wrap and nest them are read without markdown-it, with the same
    blocks (kind, lines, level, text): a draft with lists no longer pays its import."""
    plain, full = _both(text)
    assert plain is not None and plain == full, text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            _MD_LINE,
            st.builds(
                lambda k, m, w: " " * k + m + " " + w,
                st.integers(0, 9),
                st.sampled_from(["-", "*", "1.", "2)"]),
                _WORDS,
            ),
            st.builds(lambda w: w, st.text(alphabet=st.sampled_from(list("*_-=+~`[]:#> ab")), min_size=1, max_size=8)),
        ),
        max_size=14,
    )
)
def test_indented_items_and_marks_read_as_markdown_it_reads_them(lines: list[str]) -> None:
    """Items at any indent, and lines that start with a mark's character (emphasis, code
    spans, rules, underlines): whenever the fast path answers, markdown-it agrees."""
    plain, full = _both(_draft(lines))
    if plain is not None:
        assert plain == full


_CELL = st.text(alphabet=st.sampled_from(list("abc XYZ 019.,*_-:#>|\\`")), max_size=6)


@st.composite
def _table_draft(draw: st.DrawFn) -> str:
    """Tables (rows of any length, cells with any marks) among paragraphs and lists."""
    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            cols = draw(st.integers(1, 4))
            rows = ["|" + "|".join(draw(_CELL) for _ in range(draw(st.integers(1, 5)))) + "|"]
            rows.append(
                "|" + "|".join(draw(st.sampled_from(["---", ":-", "-:", " :--: ", "-"])) for _ in range(cols)) + "|"
            )
            rows += [
                "|" + "|".join(draw(_CELL) for _ in range(draw(st.integers(0, 5)))) + "|"
                for _ in range(draw(st.integers(0, 3)))
            ]
            blocks.append("\n".join(rows))
        else:
            blocks.append(draw(st.sampled_from(["Some text.", "- an item\n  wrapped", "# A heading", "> quoted"])))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table_draft())
def test_tables_read_as_markdown_it_reads_them(text: str) -> None:
    """Whenever the fast path answers for a draft with tables, markdown-it finds the same
    blocks and blanks the same lines."""
    plain, full = _both(text)
    if plain is not None:
        assert plain == full, text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ 019.,")), max_size=6), min_size=1, max_size=4),
        min_size=1,
        max_size=4,
    )
)
def test_simple_tables_take_the_fast_path(body: list[list[str]]) -> None:
    """A table of plain cells between paragraphs is read without markdown-it, blanked whole
    as markdown-it blanks it: the check above is not vacuous."""
    cols = len(body[0])
    rows = ["|" + "|".join(body[0]) + "|", "|" + "|".join(["---"] * cols) + "|"]
    rows += ["|" + "|".join(r) + "|" for r in body[1:]]
    plain, full = _both("Before it.\n\n" + "\n".join(rows) + "\n\nAfter it.\n")
    assert plain is not None and plain == full


def test_wrapped_list_document_equals_markdown_it_document(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "**Update:** the board met.\n\n"
        "- `cache.py` keeps results, and values derived\n"
        "  from data files. It is read first.\n"
        "  - a nested point, which wraps\n"
        "    onto a second line;\n"
        "  - and a second one.\n"
        "- Precision beats recall: a test fails\n"
        "when a rule lacks examples.\n\n"
        "  A second paragraph of the item.\n\n"
        "1. First step, which\n"
        "   wraps.\n"
        "2. Second *step*.\n\n"
        "| Year | Sales |\n"
        "|:-----|------:|\n"
        "| 2024 | 12 |\n"
    )
    blocks = document_module._plain_paragraphs(text)
    assert blocks is not None and [b[0] for b in blocks] == ["paragraph"] + ["list_item"] * 7
    fast = Document.from_text("d.md", text)
    monkeypatch.setattr(document_module, "_plain_paragraphs", lambda source, tables=None: None)
    slow = Document.from_text("d.md", text)
    assert slow.prose == fast.prose and slow.blocks == fast.blocks


_PROSE = st.builds(lambda w: (w + "x").lstrip(), st.text(alphabet=st.sampled_from(list("abc XYZ,.'")), max_size=20))
_SIMPLE_BLOCK = st.one_of(
    _PROSE,
    st.builds(lambda n, w: "#" * n + " " + w, st.integers(1, 6), _PROSE),
    st.builds(lambda m, w: m + " " + w, st.sampled_from(["-", "*", "+", "1.", "2)", "30."]), _PROSE),
    st.builds(
        lambda ws: "\n".join("> " + w if w else ">" for w in ws),
        st.lists(st.one_of(_PROSE, st.just("")), min_size=1),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_SIMPLE_BLOCK, max_size=10))
def test_simple_headings_and_lists_take_the_fast_path(blocks: list[str]) -> None:
    """Headings, one-line items, quotes and paragraphs separated by blank lines are read
    without markdown-it, with the same result: the check above is not vacuous for them."""
    plain, full = _both("\n\n".join(blocks) + "\n")
    assert plain is not None and plain == full


def test_draft_with_heading_and_list_reads_as_with_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Results\n\nThe board met.\n\n- Sales rose 12%.\n- Costs fell.\n\n## Outlook\nMore to come.\n"
    blocks = document_module._plain_paragraphs(text)
    assert blocks is not None and [b[0] for b in blocks] == [
        "heading",
        "paragraph",
        "list_item",
        "list_item",
        "heading",
        "paragraph",
    ]
    fast = Document.from_text("d.md", text)
    monkeypatch.setattr(document_module, "_plain_paragraphs", lambda source, tables=None: None)
    slow = Document.from_text("d.md", text)
    assert slow.prose == fast.prose and slow.blocks == fast.blocks


def test_fast_path_document_equals_markdown_it_document(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The board met on Tuesday.  It agreed the plan.\n"
        "   Sales rose 12% (to $4bn), it said.\n\n\n"
        '  "We are pleased," said Jo Bloggs, the chief executive.\n'
        "Visit https://example.com/a_b*c for more.\n\n"
        "Café owners — and others — disagreed.\n"
    )
    fast = Document.from_text("d.md", text)
    assert document_module._plain_paragraphs(text) is not None
    monkeypatch.setattr(document_module, "_plain_paragraphs", lambda source, tables=None: None)
    slow = Document.from_text("d.md", text)
    assert slow.prose == fast.prose and slow.blocks == fast.blocks
    assert len(fast.blocks) == 3


_ADDRESS_PARTS = st.sampled_from(
    [
        "word",
        " ",
        "\n",
        "@",
        "a.b@c.org",
        "http://x.org/p@q.com",
        "https://bbc.co.uk/news).",
        "www.",
        "www.example.com,",
        "mail me at j.doe+news@paper.co.uk.",
        "<!-- note -->",
        "lint-article: disable=ST101",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ADDRESS_PARTS, max_size=12))
def test_address_masks_match_the_combined_pattern(parts: list[str]) -> None:
    """Only the half of the address pattern that can match is run: the masks are those of
    the whole pattern, whatever mix of addresses, "@" and "www." a draft holds."""
    text = "".join(parts)
    doc = Document.from_text("a.txt", text)
    expected = []
    for m in document_module._URL.finditer(text):
        e = m.end()
        while e > m.start() and text[e - 1] in document_module._URL_TRAIL:
            e -= 1
        expected.append((m.start(), e))
    comments = [(m.start(), m.end()) for m in document_module._COMMENT.finditer(text)]
    assert doc._common_masks() == comments + expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ.. é’'-1\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_word_before_a_full_stop_is_what_the_pattern_finds(text: str, a: int, b: int) -> None:
    """The sentence splitter walks back from a full stop instead of searching the sentence
    with the pattern it used before; both give the same word."""
    import re

    from lint import text as text_module

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    m = re.compile(r"([A-Za-z][A-Za-z.]*)$").search(text, start, end)
    assert text_module._word_before(text, start, end) == (m.group(1) if m else "")


# Word characters of several scripts and categories (a Unicode digit, a combining mark, a
# letter outside ASCII, the underscore) beside every joining character and separators.
_WORD_TEXT = st.text(alphabet="aZ9é٣\u0301_’'-.& \n,;", max_size=40)


@settings(max_examples=500, deadline=None)
@given(_WORD_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_word_finds_what_the_letter_joiners_letter_pattern_found(text: str, a: int, b: int) -> None:
    """WORD reads runs of letters joined by runs of joiners; the pattern it replaced read "a
    letter, any word characters or joiners, a letter". Both find the same words."""
    import re

    from lint.text import WORD

    before = re.compile(r"[^\W_](?:[\w’'\-.&]*[^\W_])?")
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert [m.span() for m in WORD.finditer(text, start, end)] == [m.span() for m in before.finditer(text, start, end)]


def test_sentence_words_are_the_words_of_each_sentence_in_ascii_and_other_text() -> None:
    doc = Document.from_text("d.txt", "Jo's well-known A&E unit re-opened. It cost £3.5m_2.")
    assert doc.sentence_words == [["Jo's", "well-known", "A&E", "unit", "re-opened"], ["It", "cost", "3.5m_2"]]
    doc = Document.from_text("d.txt", "Sales rose 3.5%. U.S. R&D firms won't.")
    assert doc.prose.isascii()
    assert doc.sentence_words == [["Sales", "rose", "3.5"], ["U.S", "R&D", "firms", "won't"]]


def test_initials_run_together_do_not_end_a_sentence() -> None:
    text = "Bank governor K.T. Marlowe spoke. Rates held at 4%. Then it rained."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Bank governor K.T. Marlowe spoke.",
        "Rates held at 4%.",
        "Then it rained.",
    ]


# -- memory: a rule family's memos live until its last rule has run ----------------------------


def test_forget_drops_only_the_memo_entries_it_is_asked_to() -> None:
    doc = Document.from_text("a.md", "The harbour opened in May. Boats came.\n")
    doc.memo["rules.harbour.boats"] = [1, 2]
    doc.memo["lint.analysis.quotes.spans"] = ()
    doc.memo[("start", "end")] = 3  # not a name: no family's
    doc.forget(lambda key: key.startswith("rules.harbour."))
    assert set(doc.memo) == {"lint.analysis.quotes.spans", ("start", "end")}


def test_each_family_drops_its_own_memos_after_its_last_rule() -> None:
    from lint.api import load_linter
    from lint.engine import family_ends, rule_family

    linter = load_linter()
    codes = [rule.code for rule in linter.rules]
    ends = family_ends(linter.rules)
    owners = {codes[i]: owned for i, owned in ends.items()}
    assert rule_family(type(linter.rules[codes.index("CS101")])) == "rules.consistency"
    cs = owners["CS113"]  # the last consistency rule in run order
    assert "CS101" not in owners and "CS110" not in owners
    assert cs("rules.consistency.words._words")
    assert not cs("rules.readability.analysis.analyse") and not cs("lint.analysis.quotes.quotations")
    assert owners["RD104"]("rules.readability.analysis.analyse")
    # rules/style.py's family is the package "rules": it owns no key of a longer family.
    style = owners[codes[max(i for i, r in enumerate(linter.rules) if rule_family(type(r)) == "rules")]]
    assert not style("rules.consistency.words._words") and not style("rules.readability.analysis.analyse")
    assert not any(owned("lint.analysis.quotes.quotations") for owned in ends.values())


def test_a_dropped_analysis_is_computed_again_the_same() -> None:
    from lint.api import load_linter

    text = (
        "The ferry runs on tide-driven power. Tide driven turbines sit by the pier, "
        "and tide-driven boats cross daily.\n\nThe ferry is slow, the council says.\n"
    )
    linter = load_linter()
    once = linter.check_draft(text, "a.md").findings
    again = linter.check_drafts([(text, "a.md"), (text, "b.md")])
    assert [f.message for f in once] == [f.message for f in again[0].findings] == [f.message for f in again[1].findings]
    assert {f.rule for f in once} >= {"CS101"}  # consistency's memos were dropped after CS113 each time


def _lower_in_one_call(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("aΣσΟΔΥΣ'.\u0130É ẞ\n\t\u2028x"), max_size=60))
def test_prose_lower_in_slices_is_the_lower_case_of_one_call(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    import lint.text

    monkeypatch.setattr(lint.text, "_LOWER_SLICE", 3)  # slices of a few characters, cut after white space
    doc = Document.from_text("a.txt", text)
    assert len(doc.prose_lower) == len(doc.prose)
    assert doc.prose_lower == _lower_in_one_call(doc.prose)
    assert lint.text.lower_same_length("ΟΔΥΣ ΟΔΥΣΣΕΑΣ\n" * 3) == "οδυς οδυσσεας\n" * 3  # final sigma as in one call
