"""Property-based robustness: over arbitrary text, Markdown and front matter, no rule raises,
every finding's span lies inside the draft, and fixing twice equals fixing once."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.engine import Linter
from lint.fixes import apply_fixes, fixes_to_apply
from lint.plugins import build_registry, make_plugin_manager
from lint.text import editor_lines

FACTS = """\
version: 1
entities:
  - name: Nordlicht Energy
    type: organization
    aliases: [Nordlicht]
    avoid: [NordLicht Energy]
  - name: Mara Quist
    type: person
roles:
  - person: Mara Quist
    title: chief executive
    org: Nordlicht Energy
    since: 2021-01-01
figures:
  - name: Nordlicht revenue in 2024
    entity: Nordlicht Energy
    keywords: [revenue]
    value: 4.2 billion
    unit: EUR
    source: Nordlicht annual report
events:
  - name: plant opening
    date: 2024-05-02
    keywords: [opened]
claims:
  - pattern: 'Nordlicht\\b[^.]*\\bcoal\\b'
    message: Nordlicht has never run coal plants.
sources: [Reuters]
"""

LINE_BREAKS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85")
"""Every line ending an editor shows as one."""
PIECES = st.sampled_from(
    [
        "word",
        "The",
        "Nordlicht Energy",
        "NordLicht Energy",
        "Mara Quist",
        "chief executive",
        "revenue",
        "rose 14%",
        "$4.2bn",
        "€3 billion",
        "in 2024",
        "on 3 May",
        "opened",
        "said",
        "according to",
        "it is reported that",
        "game-changer",
        "not just",
        "it's",
        "coal",
        "“",
        "”",
        '"',
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "*",
        "**",
        "_",
        "`",
        "```",
        "#",
        "##",
        "- ",
        "> ",
        "1. ",
        ":",
        ";",
        ",",
        ".",
        "!",
        "?",
        "…",
        "—",
        "-",
        "https://example.org/a",
        "<!--",
        "-->",
        "<b>",
        "lint-article: disable",
        "Share this article",
        "Related Articles",
        "Location: Munich",
        "5 min read",
        "Key Takeaways",
        "é",
        "ß",
        "中文",
        "\u200b",
        "\t",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "---\n",
        "title: x\n",
        "0",
        "42",
        "Share this article",
        "# Head",
        "- item",
        "[link](x)",
        "![",
        "*",
        '"quoted,"',
        *LINE_BREAKS,
        "\n\n",
        "\udcff",  # a byte that is not UTF-8, as a file name or stdin decodes it (surrogate escape)
        "\udc80\udcc3",
    ]
)
CHARS = st.one_of(
    st.characters(codec="utf-8"),  # anything but surrogates
    st.sampled_from(["\n", "\r", "\u2028", "\u2029", "\x85", "\udcff", "\udc80", "\t", "\x0b", "\x0c", "\x1e"]),
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=80).map(lambda xs: " ".join(xs)),
    st.lists(PIECES, max_size=80).map("".join),
    st.text(CHARS, max_size=300),
)
EXAMPLES = int(os.environ.get("LINT_ARTICLE_FUZZ_EXAMPLES", "150"))
"""How many drafts each property tries: raise it for a longer fuzz run (DEVELOPING.md)."""


def _linter(tmp: Path) -> Linter:
    from lint.facts import load_factbase

    registry = build_registry(make_plugin_manager())
    facts_path = tmp / "facts.yaml"
    facts_path.write_text(FACTS, encoding="utf-8")
    config = Config(select=("ALL",), cache=False)
    return Linter(registry, config, load_factbase([facts_path]), today=dt.date(2025, 6, 1), rule_timeout=None)


_TMP = Path(__import__("tempfile").mkdtemp(prefix="lint-article-props-"))
LINTER = _linter(_TMP)


def _fix_all(text: str, path: str) -> str:
    for _ in range(10):
        res = LINTER.check_draft(text, path)
        findings = LINTER.finalize(res.findings, {path: res.suppressions})
        text2, applied = apply_fixes(text, fixes_to_apply(findings))
        if not applied or text2 == text:
            return text
        text = text2
    return text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["d.md", "d.txt"]))
def test_no_rule_raises_and_spans_are_inside(text: str, path: str) -> None:
    res = LINTER.check_draft(text, path)
    crashes = [f.message for f in res.findings if f.rule in ("LA001", "LA006")]
    assert not crashes, crashes
    n_lines = editor_lines(text).count("\n") + 1
    for f in res.findings:
        s = f.span
        assert 0 <= s.start <= s.end <= len(text.lstrip("\ufeff")), f
        assert 1 <= s.line <= s.end_line <= n_lines, f
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text.lstrip("\ufeff")), f


@settings(max_examples=max(1, EXAMPLES * 2 // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["d.md", "d.txt"]))
def test_fixing_twice_equals_fixing_once(text: str, path: str) -> None:
    text = text.lstrip("\ufeff")
    once = _fix_all(text, path)
    assert _fix_all(once, path) == once


def test_corpus_phase_on_generated_records_does_not_raise() -> None:
    drafts = {f"d{i}.md": t for i, t in enumerate(["Mara Quist, chief executive of Nordlicht Energy, said.", "", "x"])}
    results = [LINTER.check_draft(t, p) for p, t in drafts.items()]
    findings, _ = LINTER.check_corpus(results)
    assert not [f for f in findings if f.rule == "LA001"]


def _where(text: str, path: str) -> list[tuple[str, int, int, int, int, str]]:
    res = LINTER.check_draft(text, path)
    return sorted((f.rule, f.line, f.column, f.span.end_line, f.span.end_column, f.message) for f in res.findings)


@settings(max_examples=max(1, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES.filter(lambda p: p not in LINE_BREAKS), max_size=60), st.sampled_from(["d.md", "d.txt"]))
def test_every_line_ending_gives_the_same_findings_at_the_same_lines(pieces: list[str], path: str) -> None:
    text = " ".join(pieces).replace("\r", "").replace("\x85", "").replace("\u2028", "").replace("\u2029", "")
    expected = _where(text, path)
    for brk in LINE_BREAKS[1:]:
        assert _where(text.replace("\n", brk), path) == expected, repr(brk)


def test_line_endings_example() -> None:
    """The property above on a draft known to give findings on several lines."""
    text = (
        "# Harbour news\n\nShare this article\n\nIt is reported that sales fell 13% last year.\n"
        "The colour of the color.\n"
    )
    expected = _where(text, "d.md")
    assert {r[:2] for r in expected} >= {("BP101", 3), ("AT103", 5), ("CS102", 6)}
    for brk in LINE_BREAKS[1:]:
        assert _where(text.replace("\n", brk), "d.md") == expected, repr(brk)
