"""Phrase packs: the YAML format, its errors, and the fast matching paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.errors import PackError
from lint.packs import load_pack
from lint.packs.gate import _anchors, _requirements
from lint.testing import run_rule

PACK = """\
version: 1
rules:
  - code: HS101
    name: house-swap
    extends: substitution
    category: style
    level: warning
    message: "'{match}' is not house style; use '{replacement}'"
    description: Words the house style guide replaces with plainer ones.
    swap: {utilise: use, "in order to": to}
    fix: replace
    examples: {bad: ["We utilise it."], good: ["We use it."]}
  - code: HS102
    name: house-banned
    category: style
    level: info
    message: "'%s' is banned here"
    description: Phrases the house style guide bans outright.
    phrases: [paradigm shift, move the needle]
    tokens: ['(?:low|easy)[- ]hanging fruit']
    examples: {bad: ["A paradigm shift."], good: ["A shift."]}
  - code: HS103
    name: house-whole
    category: boilerplate
    message: "'{match}' is page furniture"
    description: A block that is only page furniture.
    phrases: [print this page]
    whole: true
    fix: remove-block
    examples: {bad: ["Print this page"], good: ["We print this page daily."]}
"""


@pytest.fixture
def pack(tmp_path: Path) -> dict[str, type]:
    path = tmp_path / "house.yaml"
    path.write_text(PACK, encoding="utf-8")
    return {cls.code: cls for cls in load_pack(path)}


def test_substitution_with_fix_and_case(pack: dict[str, type]) -> None:
    found = run_rule(pack["HS101"], "Utilise it in order to win.\n")
    assert [f.message for f in found] == [
        "'Utilise' is not house style; use 'Use'",
        "'in order to' is not house style; use 'to'",
    ]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "Use"


def test_existence_phrases_tokens_and_vale_placeholder(pack: dict[str, type]) -> None:
    text = "A paradigm\nshift and some low-hanging fruit, and a paradigm-shifter.\n"
    found = run_rule(pack["HS102"], text)
    assert [f.message for f in found] == ["'paradigm shift' is banned here", "'low-hanging fruit' is banned here"]


def test_quotes_code_and_urls_are_skipped(pack: dict[str, type]) -> None:
    text = 'He said "a paradigm shift is near". Use `paradigm shift` or https://x.org/paradigm-shift.\n'
    assert run_rule(pack["HS102"], text) == []


def test_whole_block_rule_and_remove_fix(pack: dict[str, type]) -> None:
    text = "# Story\n\nBody text.\n\nPrint this page\n\nMore body.\n"
    found = run_rule(pack["HS103"], text)
    assert len(found) == 1 and found[0].line == 5
    assert run_rule(pack["HS103"], "We print this page daily.\n") == []
    fix = found[0].fix
    assert fix is not None
    e = fix.edits[0]
    assert text[: e.start] + text[e.end :] == "# Story\n\nBody text.\n\nMore body.\n"


def test_anchored_matching_equals_full_scan(pack: dict[str, type]) -> None:
    cls = pack["HS102"]
    assert cls.anchors == frozenset({"paradigm", "move", "low", "easy"})
    text = "Move the needle. Easy-hanging fruit. A move-the-needle moment. Paradigm shift!\n" * 3
    doc = Document.from_text("d.md", text)
    fast = list(cls().check(doc))
    saved = cls.anchors
    try:
        cls.anchors = None
        slow = list(cls().check(doc))
    finally:
        cls.anchors = saved
    assert fast == slow and len(fast) == 9


def test_gated_scan_equals_full_scan(tmp_path: Path) -> None:
    """A rule without anchors skips blocks that hold none of its required words; it must
    find exactly what the plain scan finds."""
    path = tmp_path / "gate.yaml"
    path.write_text(
        """\
version: 1
rules:
  - code: HS104
    name: house-gate
    category: style
    message: "'{match}' again"
    phrases: [at the end of the day, it is what it is]
    tokens: ['(?:[Ss]ome|[Mm]any)\\s+(?:pundits|observers)\\s+(?:say|said)']
""",
        encoding="utf-8",
    )
    (cls,) = load_pack(path)
    assert cls.anchors is None and cls._gate() is not None
    text = (
        "At the END of the\nday we won. It is what it is.\n\n"
        "Nothing here at all.\n\n"
        "Many observers said so; some pundits say otherwise.\n\n"
        "The end of the road, said observers.\n"
    )
    doc = Document.from_text("d.md", text)
    gated = list(cls().check(doc))
    cls._gate_cache = None  # no gate: the plain scan of every block
    try:
        plain = list(cls().check(doc))
    finally:
        del cls._gate_cache
    assert gated == plain
    assert [f.line for f in gated] == [1, 2, 6, 6]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\ntitle: at the end of the day\n---\n",
        "```\nat the end of the day\n```\n\nAt the end of the day.\n",
        "<!-- at the end of the day -->\nAt the end\n\nof the day it is what it is\n",
        "# At the end of the day\n\n- it is what it is\n- at the end of the day\n",
    ],
)
def test_gate_at_the_edges_of_blocks(tmp_path: Path, text: str) -> None:
    """Gate words outside every block (front matter, code, comments) or split over two
    blocks open no block; the gated scan still finds what the plain scan finds."""
    path = tmp_path / "gate.yaml"
    path.write_text(
        "version: 1\nrules:\n  - code: HS105\n    name: edge-gate\n    category: style\n"
        "    message: \"'{match}'\"\n    phrases: [at the end of the day, it is what it is]\n",
        encoding="utf-8",
    )
    (cls,) = load_pack(path)
    assert cls._gate() is not None
    doc = Document.from_text("d.md", text)
    gated = list(cls().check(doc))
    rule = cls()
    rule._gate_now = None
    assert gated == list(rule.check(doc))


@pytest.mark.parametrize(
    ("phrases", "patterns", "expected"),
    [
        # a phrase: its words of four letters or more, the most selective three
        (["in my view"], [], [[{"view"}]]),
        (["think outside the box"], [], [[{"outside"}, {"think"}]]),
        # short words only: two of them together, not the common ones
        (["at the end of the day"], [], [[{"end"}, {"day"}]]),
        (["it is"], [], None),
        ([], ["(?:[Ss]ome|[Mm]any)\\s+(?:pundits|observers)"], [[{"pundits", "observers"}]]),
        ([], ["rumou?red"], [[{"rumo"}, {"red"}]]),
        ([], ["(?:widely\\s+)?reported"], [[{"reported"}]]),
        ([], ["\\d+\\s+min\\s+read"], [[{"read"}, {"min"}]]),
        ([], ["\\w+ly"], None),
        # only a common word: kept, as nothing else narrows it down
        ([], ["it\\s+(?:is|was)\\s+said"], [[{"said"}]]),
        # a group holding a common word narrows nothing down when something else does
        ([], ["(?:the|our)\\s+mobile\\s+app"], [[{"mobile"}, {"app"}]]),
        # atomic groups and possessive repeats are looked into like other groups
        ([], ["(?>alpha|beta)\\s+gamma"], [[{"gamma"}, {"alpha", "beta"}]]),
        (["one two three"], ["x"], None),  # any alternative without a word: no gate at all
    ],
)
def test_requirements(phrases: list[str], patterns: list[str], expected: list[list[set[str]]] | None) -> None:
    got = _requirements(phrases, patterns, 0)
    assert (None if got is None else [[set(g) for g in alt] for alt in got]) == expected


def test_every_builtin_gate_scans_as_the_plain_scan() -> None:
    """Each built-in pack rule with a gate finds the same with it as without it, on a draft
    made of all the examples of every pack rule (so each gate meets the others' phrases)."""
    from lint.packs import PhraseRule
    from lint.plugins import build_registry, make_plugin_manager

    classes = [c for c in build_registry(make_plugin_manager()).rules.values() if issubclass(c, PhraseRule)]
    examples = [x for c in classes for x in (*c.examples_bad, *c.examples_good)]
    assert len(examples) > 40
    text = "\n\n".join(examples + [" ".join(examples[i : i + 3]) for i in range(0, len(examples), 3)])
    doc = Document.from_text("d.md", text)
    gated_rules = found = 0
    for cls in classes:
        rule = cls()
        if rule._gate_now is None:
            continue
        gated_rules += 1
        gated = list(rule.check(doc))
        rule._gate_now = None
        assert list(rule.check(doc)) == gated, cls.code
        found += len(gated)
    assert gated_rules >= 12 and found >= 30


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("share this", {"share"}),
        ("(?:follow|find) us", {"follow", "find"}),
        ("(?:the\\s+)?(?:story|article) continues", {"the", "story", "article"}),
        ("advert[a-z]*", {"advert"}),
        ("\\d+ min read", None),
    ],
)
def test_anchor_extraction(token: str, expected: set[str] | None) -> None:
    assert _anchors(token) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("level: warning", "level: loud"),
            "house.yaml:7: rules[0].level: expected one of error, warning, info, suggestion, got 'loud'",
        ),
        (
            ("extends: substitution", "extends: occurrence"),
            "rules[0].extends: expected one of existence, substitution, got 'occurrence'",
        ),
        (
            ("code: HS102", "code: H-102"),
            "rules[1].code: expected a letter prefix and 3 digits, e.g. 'ST101', got 'H-102'",
        ),
        (("tokens: ['(?:low", "tokens: ['(?:low("), "rules[1].tokens: invalid regular expression"),
        (("    whole: true", "    whole: true\n    colour: red"), "rules[2].colour: unknown key"),
        (("version: 1", "version: 2"), "house.yaml:1: version: expected 1, got 2"),
    ],
)
def test_pack_errors_name_file_line_and_key(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(PACK.replace(*change, 1), encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert expected in str(err.value)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("advert(?:isement)?s?", {"advert"}),
        ("colou?r", {"colo"}),
        ("foo|bar baz", {"foo", "bar"}),
        ("(?:a|b(?:c|d))x", None),  # nested groups: no anchor, full scan
        ("(?:x)+y", {"x"}),
    ],
)
def test_anchor_extraction_more(token: str, expected: set[str] | None) -> None:
    assert _anchors(token) == expected


def test_spaces_become_flexible_outside_lookbehinds_and_classes() -> None:
    from lint.packs.patterns import _flexible_spaces

    assert _flexible_spaces("share this") == r"share\s+this"
    assert _flexible_spaces(r"(?<![\w,] )analysts said") == r"(?<![\w,] )analysts\s+said"
    assert _flexible_spaces("[ -]x y") == r"[ -]x\s+y"


def test_lookbehind_tokens_compile(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "version: 1\nrules:\n  - code: HS110\n    name: lb\n    category: style\n    message: m {match}\n"
        "    description: A rule whose token starts with a look-behind.\n"
        "    tokens: ['(?<![\\w,] )analysts said']\n"
        "    examples: {bad: ['Analysts said no.'], good: ['Then analysts said no.']}\n",
        encoding="utf-8",
    )
    (cls,) = load_pack(path)
    assert run_rule(cls, "Analysts\nsaid no.\n")
    assert not run_rule(cls, "Then analysts said no.\n")


def test_gate_reads_the_draft_once_not_once_per_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pyahocorasick reads the whole string on every iter() call: one call per block would
    make a long draft quadratic; and all gated rules share one pass over a draft."""
    import lint.packs.gate as packs

    calls: list[int] = []
    real = packs._automaton

    class Counting:
        def __init__(self, inner: object) -> None:
            self.inner = inner

        def iter(self, text: str, *bounds: int) -> object:
            calls.append(len(bounds))
            return self.inner.iter(text, *bounds)  # type: ignore[attr-defined]

    monkeypatch.setattr(packs, "_automaton", lambda words: Counting(real(words)))
    path = tmp_path / "p.yaml"
    path.write_text(
        "version: 1\nrules:\n"
        "  - {code: HS120, name: one, category: style, message: m, phrases: [the needle point]}\n"
        "  - {code: HS121, name: two, category: style, message: m, phrases: [the haystack bale]}\n",
        encoding="utf-8",
    )
    one, two = (cls() for cls in load_pack(path))
    doc = Document.from_text("d.md", "".join(f"Paragraph {i} has hay.\n\n" for i in range(200)) + "The needle point.\n")
    assert [f.line for f in one.check(doc)] == [401]
    assert not list(two.check(doc))
    assert calls == [0]


_PIECES = ["a", "b", "B", "k", "é", "\\d", "[ab]", "[^a]", "[a-c]", "\\w", "\\s", ".", "-", "\\.", "ß", "K"]


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    """Small regular expressions: literals, classes, groups, alternations, repeats, look-arounds."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.integers(0, 6 if depth < 2 else 0))
        if kind == 0:
            parts.append(draw(st.sampled_from(_PIECES)))
        elif kind == 1:
            parts.append(f"(?:{draw(_patterns(depth + 1))}|{draw(_patterns(depth + 1))})")
        elif kind == 2:
            parts.append(
                f"(?:{draw(_patterns(depth + 1))}){draw(st.sampled_from(['?', '*', '+', '{0,2}', '{2}', '??']))}"
            )
        elif kind == 3:
            parts.append(draw(st.sampled_from(["\\b", "(?<![\\w-])", "(?=a)", "(?!b)", "^"])))
        elif kind == 4:
            parts.append(f"(?>{draw(_patterns(depth + 1))})")
        elif kind == 5:
            parts.append(f"(?i:{draw(_patterns(depth + 1))})")
        else:
            parts.append(f"({draw(_patterns(depth + 1))})")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(pattern=_patterns(), ignorecase=st.booleans(), text=st.text(alphabet="abBkKé1 -.ßſ\u212a\n", max_size=40))
def test_first_class_lookahead_changes_no_match(pattern: str, ignorecase: bool, text: str) -> None:
    """The class a scan is led by holds the first character of every match: with the
    lookahead in front, a scan finds exactly what it finds without it."""
    import re

    from lint.packs.patterns import _first_class

    flags = re.IGNORECASE if ignorecase else 0
    first = _first_class(pattern, flags)
    if first is None:
        return
    plain = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
    led = [(m.start(), m.end()) for m in re.finditer(f"(?={first})(?:{pattern})", text, flags)]
    assert led == plain


def test_first_class_gives_up_where_it_cannot_tell() -> None:
    from lint.packs.patterns import _first_class

    assert _first_class("(?:the\\s+)?story", 0) == "[st]"
    assert _first_class("[Ss]ome|[Mm]any", 0) == "[MSms]"
    assert _first_class("\\d+ min", 0) == "[\\d]"
    for pattern in (".x", "[^a]b", "a?", "(?i:a)b", "x*"):
        assert _first_class(pattern, 0) is None, pattern


def test_every_builtin_pack_pattern_scans_as_without_its_lead() -> None:
    """Each built-in pack rule's scanning pattern, led by its first-character class, finds
    what the pattern without the lead finds, on all the packs' examples at once."""
    import re

    from lint.packs import PhraseRule
    from lint.plugins import build_registry, make_plugin_manager

    classes = [c for c in build_registry(make_plugin_manager()).rules.values() if issubclass(c, PhraseRule)]
    text = "\n\n".join(x for c in classes for x in (*c.examples_bad, *c.examples_good))
    text += "\n" + text.upper() + "\n" + text.lower()
    led = 0
    for cls in classes:
        source = cls.pattern.pattern  # as compiled: led by its first characters
        plain = cls.pattern_source
        if plain == source:
            continue
        led += 1
        ours = [m.span() for m in re.finditer(source, text, cls.flags)]
        theirs = [m.span() for m in re.finditer(plain, text, cls.flags)]
        assert ours == theirs, cls.code
        assert ours or not cls.examples_bad, cls.code
    assert led >= 12


def test_a_document_is_freed_without_the_cyclic_collector_after_pack_rules() -> None:
    """The gate's memo lives in the document and must not point back at it: batches of
    drafts are freed by reference counting, with the collector seldom running."""
    import gc
    import weakref

    from lint.api import load_linter

    linter = load_linter(select=["ST", "AT", "BP"])
    doc = Document.from_text("a.md", "At the end of the day, it is said that reports suggest a perfect storm.\n")
    assert any(list(r.check(doc)) for r in linter.rules)
    assert "packs.gate_hits" in doc.memo
    ref = weakref.ref(doc)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        if enabled:
            gc.enable()


QUANTIFIED_SPACES = """\
version: 1
rules:
  - code: HS201
    name: double-space
    category: style
    message: "'%s' has two spaces"
    description: Two spaces or more inside a phrase, and so-called without its hyphen.
    tokens: ['two {2,}spaces', 'so *called']
    examples: {bad: ["Leave two  spaces."], good: ["Leave two spaces."]}
"""


def test_a_space_before_a_quantifier_stays_one_repeated_space(tmp_path: Path) -> None:
    path = tmp_path / "spaces.yaml"
    path.write_text(QUANTIFIED_SPACES, encoding="utf-8")
    (rule,) = load_pack(path)
    text = "Leave two  spaces for the socalled guests.\n\nThe so called guests left.\n"
    assert [text[f.span.start : f.span.end] for f in run_rule(rule, text)] == ["two  spaces", "socalled", "so called"]
    assert run_rule(rule, "Leave two spaces for the guests.\n") == []


def test_a_pattern_that_parses_but_cannot_compile_is_refused_at_load(tmp_path: Path) -> None:
    path = tmp_path / "behind.yaml"
    path.write_text(QUANTIFIED_SPACES.replace("['two {2,}spaces', 'so *called']", "['(?<=ab+)c']"), encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(path)
    message = str(err.value)
    assert "behind.yaml:8" in message and "tokens" in message and "(?<=ab+)c" in message, message
