"""lint.analysis.spans and lint.analysis.memo: span sets, quote pairing, shared results."""

from __future__ import annotations

from lint.analysis.memo import per_document, per_document_and_facts
from lint.analysis.spans import SpanSet, quotation_groups, quote_spans
from lint.document import Document


def test_span_set_overlaps_holds_and_inside() -> None:
    spans = SpanSet([(10, 20), (12, 14), (30, 31)])
    assert spans.holds(10) and spans.holds(19) and not spans.holds(20) and spans.holds(30)
    assert spans.overlaps(0, 11) and not spans.overlaps(0, 10) and not spans.overlaps(20, 30)
    assert spans.inside(11, 20) and not spans.inside(19, 21) and not spans.inside(25)
    assert not SpanSet([]) and not SpanSet([]).overlaps(0, 100) and len(spans) == 3
    assert spans.overlapping(13, 31) == [(10, 20), (12, 14), (30, 31)]
    assert spans.overlapping(14, 30) == [(10, 20)] and spans.overlapping(20, 30) == []


def test_quotes_are_paired_once_and_open_quotes_join_the_next_paragraph() -> None:
    text = 'Jo said: "We will stay.\n\n"And we will build," she added. A "fair" deal.\n'
    doc = Document.from_text("d.md", text)
    groups = quotation_groups(doc)
    assert [[text[s:e] for s, e in g] for g in groups] == [
        ['"We will stay.', '"And we will build,"'],
        ['"fair"'],
    ]
    assert quotation_groups(doc) is groups
    spans = quote_spans(doc)
    assert spans.inside(text.index("fair")) and not spans.inside(text.index("deal"))


def test_per_document_builds_once_per_document() -> None:
    calls: list[str] = []

    @per_document
    def first_word(doc: Document) -> str:
        calls.append(doc.path)
        return doc.text.split()[0]

    a = Document.from_text("a.md", "Alpha beta.\n")
    b = Document.from_text("b.md", "Gamma delta.\n")
    assert [first_word(a), first_word(a), first_word(b)] == ["Alpha", "Alpha", "Gamma"]
    assert calls == ["a.md", "b.md"]


def test_per_document_and_facts_builds_again_for_another_fact_base() -> None:
    calls: list[object] = []

    @per_document_and_facts
    def tagged(doc: Document, facts: object) -> tuple[str, object]:
        calls.append(facts)
        return doc.path, facts

    doc = Document.from_text("a.md", "Alpha.\n")
    one, two = object(), object()
    assert tagged(doc, one) == ("a.md", one) and tagged(doc, one) == ("a.md", one)
    assert tagged(doc, two) == ("a.md", two)
    assert calls == [one, two]
