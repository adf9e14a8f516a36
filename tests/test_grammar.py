"""The LanguageTool adapter (GR101) against a fake LanguageTool server on 127.0.0.1.

No real LanguageTool runs here; ``test_real_languagetool`` runs against one when
LINT_ARTICLE_LANGUAGETOOL_URL names it.
"""

from __future__ import annotations

import os
import pickle
import socket
import stat
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.errors import RuleUnavailable
from lint.model import Finding
from lint.rule import RunContext, validate_rule_class
from rules.grammar import CONTEXT_RULES, LanguageToolRule, check_url, lint_article_rules, paragraphs_of
from tests.fake_languagetool import FakeLanguageTool
from tests.test_rule_spans import FLAGGED

FAKE = Path(__file__).with_name("fake_languagetool.py")


def make_rule(
    backend: str = "off",
    *,
    options: Mapping[str, Any] | None = None,
    facts: Any = None,
    timeout: float = 5.0,
    required: bool = False,
    **extra: Any,
) -> LanguageToolRule:
    ctx = RunContext(
        options=options or {},
        facts=facts,
        settings={
            "languagetool": backend,
            "languagetool_required": required,
            "languagetool_timeout": timeout,
            **extra,
        },
    )
    return LanguageToolRule(ctx)


def run(rule: LanguageToolRule, drafts: Mapping[str, str]) -> tuple[list[Finding], dict[str, Document]]:
    """Record + corpus phases, as the engine runs them (records pickled as between processes)."""
    docs = {p: Document.from_text(p, t) for p, t in drafts.items()}
    records = []
    for path in sorted(docs):
        rec = rule.record(docs[path])
        if rec is not None:
            records.append((path, pickle.loads(pickle.dumps(rec))))
    return list(rule.check_corpus(records)), docs


def flagged(finding: Finding, docs: Mapping[str, Document]) -> str:
    doc = docs[finding.path]
    assert finding.span == doc.span(finding.span.start, finding.span.end)
    return doc.text[finding.span.start : finding.span.end]


@pytest.fixture
def lt() -> Any:
    with FakeLanguageTool() as server:
        yield server


def closed_port() -> int:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


# -- registration and documentation ----------------------------------------------------------
def test_rule_is_registered_documented_and_valid() -> None:
    assert lint_article_rules() == [LanguageToolRule]
    validate_rule_class(LanguageToolRule)
    assert (LanguageToolRule.code, LanguageToolRule.name, LanguageToolRule.category) == (
        "GR101",
        "languagetool",
        "grammar",
    )
    doc = LanguageToolRule.documentation()
    for section in ("**What it finds**", "**Why**", "**Example**", "**Fix**"):
        assert section in doc
    assert LanguageToolRule.examples_bad and LanguageToolRule.examples_good
    assert LanguageToolRule.examples_need_service is True


def test_examples_behave_against_the_fake_server(lt: FakeLanguageTool) -> None:
    flags = FLAGGED["GR101"]  # the text flagged in each bad example
    for i, (text, expected) in enumerate(zip(LanguageToolRule.examples_bad, flags, strict=True)):
        findings, docs = run(make_rule(lt.url), {f"bad{i}.md": text})
        assert [flagged(f, docs) for f in findings] == expected, text
    for i, text in enumerate(LanguageToolRule.examples_good):
        findings, _ = run(make_rule(lt.url), {f"good{i}.md": text})
        assert findings == [], text


# -- off: zero cost ------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["off", "", None, False, "OFF"])
def test_off_records_nothing_and_sends_nothing(lt: FakeLanguageTool, value: Any) -> None:
    rule = make_rule(value)
    doc = Document.from_text("a.md", "We will recieve the parcel.\n")
    assert rule.record(doc) is None
    assert rule.check_corpus([]) == []
    assert lt.requests == []


def test_default_context_is_off() -> None:
    assert LanguageToolRule().record(Document.from_text("a.md", "We will recieve it.\n")) is None


def test_no_prose_means_no_request(lt: FakeLanguageTool) -> None:
    findings, _ = run(make_rule(lt.url), {"a.md": "```\ncode only recieve\n```\n", "b.md": "---\ntitle: x\n---\n"})
    assert findings == []
    assert lt.requests == []


# -- offsets -------------------------------------------------------------------------------------
def test_offsets_map_back_past_code_links_emphasis_and_emoji(lt: FakeLanguageTool) -> None:
    text = (
        "---\ntitle: Draft\n---\n\n"
        "# Heading\n\n"
        "Run `pip  install x` and read [the  docs](https://example.com/a_b) 🚀 **now**, "
        "then we recieve\nthe parcel and teh box.\n"
    )
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    assert [flagged(f, docs) for f in findings] == ["recieve", "teh"]
    first, second = findings
    assert (first.span.line, first.span.column) == (7, text.splitlines()[6].index("recieve") + 1)
    assert (second.span.line, second.span.column) == (8, text.splitlines()[7].index("teh") + 1)
    # Only prose was sent: no code, no URL, no markup, white space collapsed.
    sent = lt.texts[0]
    assert "pip" not in sent and "example.com" not in sent and "**" not in sent and "`" not in sent
    assert "  " not in sent.replace("\n\n", "\n")
    assert "title" not in sent


def test_offsets_in_plain_text_with_hard_wrapped_lines(lt: FakeLanguageTool) -> None:
    text = (
        "A first paragraph that is long enough to be wrapped by hand at sixty\n"
        "characters, and then we recieve a parcel that is definately late\n"
        "for everyone who waited for it during the whole of last week.\n"
        "\n"
        "Second paragraph with teh typo.\n"
    )
    findings, docs = run(make_rule(lt.url), {"d.txt": text})
    assert [flagged(f, docs) for f in findings] == ["recieve", "definately", "teh"]
    assert [(f.span.line, f.span.column) for f in findings] == [
        (2, text.splitlines()[1].index("recieve") + 1),
        (2, text.splitlines()[1].index("definately") + 1),
        (5, text.splitlines()[4].index("teh") + 1),
    ]


def test_utf16_offsets_after_astral_characters(lt: FakeLanguageTool) -> None:
    text = "Launch 🚀🚀 day 𝒞𝒞 and we recieve the 🎉 parcel and teh box.\n"
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    assert [flagged(f, docs) for f in findings] == ["recieve", "teh"]


def test_undecodable_bytes_do_not_break_the_request(lt: FakeLanguageTool) -> None:
    text = "Bad byte \udcff here, then we recieve it.\n"  # as read with errors="surrogateescape"
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    assert [flagged(f, docs) for f in findings] == ["recieve"]
    assert lt.texts == ["Bad byte ? here, then we recieve it."]


def test_match_over_removed_code_is_dropped_but_a_real_one_is_kept(lt: FakeLanguageTool) -> None:
    # "`x` ," -> prose "    ," -> sent " ,": an artefact of removing the code span.
    text = "Call `setup()`, then wait.\n\nCall setup , then wait.\n"
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    assert [f.message.split(" (LanguageTool ")[1] for f in findings] == ["COMMA_PARENTHESIS_WHITESPACE)"]
    assert flagged(findings[0], docs) == " ,"
    assert findings[0].span.line == 3


def test_grammar_in_quoted_speech_is_left_alone_but_spelling_is_not(lt: FakeLanguageTool) -> None:
    text = '"We bought a apple and we recieve more," she said.\n\nThey bought a apple.\n'
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    got = [(f.span.line, flagged(f, docs), f.message.rsplit(" ", 1)[1]) for f in findings]
    assert got == [(1, "recieve", "MORFOLOGIK_RULE_EN_US)"), (3, "a", "EN_A_VS_AN)")]


# -- messages and fixes -------------------------------------------------------------------------
def test_message_keeps_languagetool_rule_id_and_fix_is_unsafe(lt: FakeLanguageTool) -> None:
    text = "We will recieve the parcel and eat a apple.\n"
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    spelling, article = findings
    assert spelling.message == "Possible spelling mistake: 'recieve' -> 'receive' (LanguageTool MORFOLOGIK_RULE_EN_US)"
    # LanguageTool's long explanation gives way to its short message.
    assert article.message == "Wrong article: 'a' -> 'an' (LanguageTool EN_A_VS_AN)"
    for f in findings:
        assert (f.rule, f.name, f.category) == ("GR101", "languagetool", "grammar")
        assert f.fix is not None and f.fix.safe is False
        assert f.context == "We will recieve the parcel and eat a apple."
    fixed = text
    for f in sorted(findings, key=lambda f: f.span.start, reverse=True):
        (edit,) = f.fix.edits  # type: ignore[union-attr]
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == "We will receive the parcel and eat an apple.\n"


def test_no_fix_when_the_match_has_no_suggestion(lt: FakeLanguageTool) -> None:
    lt.unknown_words = {"frobnicated"}
    findings, docs = run(make_rule(lt.url), {"d.md": "The team frobnicated it.\n"})
    (f,) = findings
    assert f.fix is None
    assert f.message == "Possible spelling mistake: 'frobnicated' (LanguageTool MORFOLOGIK_RULE_EN_US)"


# -- batching and caching -----------------------------------------------------------------------
def test_paragraphs_are_batched_several_per_request(lt: FakeLanguageTool) -> None:
    paragraphs = [f"Paragraph number {i:02d} says we recieve item {i:02d} today." for i in range(30)]
    size = len(paragraphs[0])
    drafts = {"a.md": "\n\n".join(paragraphs[:15]) + "\n", "b.md": "\n\n".join(paragraphs[15:]) + "\n"}
    rule = make_rule(lt.url, options={"batch_chars": size * 5 + 2 * 4})  # exactly five per request
    findings, docs = run(rule, drafts)
    assert len(lt.requests) == 6 == rule.requests
    assert all(t.count("\n\n") == 4 for t in lt.texts)
    assert len(findings) == 30
    assert {flagged(f, docs) for f in findings} == {"recieve"}
    assert sorted({(f.path, f.span.line) for f in findings}) == sorted(
        [("a.md", 1 + 2 * i) for i in range(15)] + [("b.md", 1 + 2 * i) for i in range(15)]
    )


@pytest.mark.parametrize(("option", "expected"), [(None, 2), (1, 1), (3, 3)])
def test_batches_go_in_parallel_to_a_local_server(option: int | None, expected: int) -> None:
    paragraphs = [f"Paragraph number {i:02d} says we recieve item {i:02d} today." for i in range(12)]
    options: dict[str, Any] = {"batch_chars": len(paragraphs[0])}  # one paragraph per request
    if option is not None:
        options["parallel_requests"] = option
    with FakeLanguageTool(delay=0.1) as server:
        findings, docs = run(make_rule(server.url, options=options), {"a.md": "\n\n".join(paragraphs) + "\n"})
        assert len(server.requests) == 12
        assert server.max_active == expected
    assert [f.span.line for f in findings] == [1 + 2 * i for i in range(12)]
    assert {flagged(f, docs) for f in findings} == {"recieve"}


def test_a_failure_during_parallel_requests_is_one_clear_line() -> None:
    paragraphs = [f"Paragraph number {i:02d} says we recieve item {i:02d} today." for i in range(20)]
    with FakeLanguageTool(mode="error") as server:
        with pytest.raises(RuleUnavailable, match="answered HTTP 500"):
            run(make_rule(server.url, options={"batch_chars": 10}), {"a.md": "\n\n".join(paragraphs) + "\n"})
        assert len(server.requests) <= 20


def test_a_paragraph_longer_than_the_batch_goes_alone(lt: FakeLanguageTool) -> None:
    long = "We recieve " + "many words here " * 20
    findings, _ = run(make_rule(lt.url, options={"batch_chars": 50}), {"a.md": f"{long}\n\nShort teh.\n"})
    assert len(lt.requests) == 2
    assert len(findings) == 2


def test_identical_paragraphs_are_checked_once(lt: FakeLanguageTool) -> None:
    shared = "Every draft ends with this line where we recieve thanks."
    drafts = {
        "a.md": f"First draft of teh week.\n\n{shared}\n",
        "b.md": f"Second draft.\n\n{shared}\n\n{shared}\n",
        "c.txt": f"{shared}\n",
    }
    rule = make_rule(lt.url)
    findings, docs = run(rule, drafts)
    sent = "\n\n".join(lt.texts)
    assert sent.count(shared) == 1
    assert len(lt.requests) == 1
    recieve = [f for f in findings if flagged(f, docs) == "recieve"]
    assert sorted((f.path, f.span.line) for f in recieve) == [("a.md", 3), ("b.md", 3), ("b.md", 5), ("c.txt", 1)]
    # A second run with the same instance is answered from the cache.
    again, _ = run(rule, drafts)
    assert again == findings
    assert len(lt.requests) == 1 and rule.requests == 0


def test_results_are_kept_between_runs_in_the_cache_folder(tmp_path: Path) -> None:
    drafts = {"a.md": "We recieve it.\n\nAnd teh box.\n", "b.md": "Nothing wrong here.\n"}
    with FakeLanguageTool() as server:
        url = server.url
        first, _ = run(make_rule(url, cache_dir=str(tmp_path)), drafts)
        assert len(server.requests) == 1
        # One paragraph changed: only that one is sent.
        changed = {**drafts, "b.md": "Nothing wrong here, we recieve it.\n"}
        second, docs = run(make_rule(url, cache_dir=str(tmp_path)), changed)
        assert server.texts[1] == "Nothing wrong here, we recieve it."
        assert [flagged(f, docs) for f in second] == ["recieve", "teh", "recieve"]
    # The server is gone (its port is closed): a fresh rule instance answers from the folder.
    again, _ = run(make_rule(url, cache_dir=str(tmp_path)), drafts)
    assert again == first and len(first) == 2
    stored = list(tmp_path.glob("languagetool-*.json"))
    assert len(stored) == 1
    # Other request settings are another file: nothing stale is reused.
    with pytest.raises(RuleUnavailable):
        run(make_rule(url, cache_dir=str(tmp_path), options={"disabled_rules": ["EN_A_VS_AN"]}), drafts)


def test_a_corrupt_cache_file_is_a_miss(tmp_path: Path, lt: FakeLanguageTool) -> None:
    drafts = {"a.md": "We recieve it.\n"}
    run(make_rule(lt.url, cache_dir=str(tmp_path)), drafts)
    (stored,) = tmp_path.glob("languagetool-*.json")
    stored.write_text("{not json")
    findings, _ = run(make_rule(lt.url, cache_dir=str(tmp_path)), drafts)
    assert len(findings) == 1 and len(lt.requests) == 2
    assert stored.read_text().startswith('{"format":1')


# -- configuration ------------------------------------------------------------------------------
def test_disabled_rules_and_language_are_sent_and_honoured(lt: FakeLanguageTool) -> None:
    rule = make_rule(
        lt.url,
        options={"disabled_rules": ["EN_A_VS_AN"], "language": "en-GB", "disabled_categories": "TYPOGRAPHY"},
    )
    findings, docs = run(rule, {"d.md": "They ate a apple , we recieve.\n"})
    (params,) = lt.requests
    assert params["language"] == "en-GB"
    assert params["disabledRules"].split(",") == [*CONTEXT_RULES, "EN_A_VS_AN"]
    assert params["disabledCategories"] == "TYPOGRAPHY"
    assert [flagged(f, docs) for f in findings] == ["recieve"]


def test_disabled_rule_is_dropped_even_if_the_server_ignores_it(lt: FakeLanguageTool, monkeypatch: Any) -> None:
    original = lt.check
    monkeypatch.setattr(lt, "check", lambda text, _rules, cats: original(text, set(), cats))
    findings, docs = run(make_rule(lt.url, options={"disabled_rules": "EN_A_VS_AN"}), {"d.md": "Eat a apple.\n"})
    assert findings == []


def test_unknown_language_is_reported_with_the_servers_reason(lt: FakeLanguageTool) -> None:
    with pytest.raises(RuleUnavailable) as info:
        run(make_rule(lt.url, options={"language": "xx-YY"}), {"d.md": "Hello there.\n"})
    assert "HTTP 400" in str(info.value) and "'xx-YY' is not a language code" in str(info.value)


def test_invalid_backend_value_is_reported() -> None:
    with pytest.raises(RuleUnavailable, match="is not off, local or an http"):
        run(make_rule("localhost:8081"), {"d.md": "Hello there.\n"})


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("http://h:8081", "http://h:8081/v2/check"),
        ("http://h:8081/", "http://h:8081/v2/check"),
        ("https://api.example.org/v2", "https://api.example.org/v2/check"),
        ("https://api.example.org/v2/check", "https://api.example.org/v2/check"),
    ],
)
def test_check_url(given: str, url: str) -> None:
    assert check_url(given) == url


# -- the fact base --------------------------------------------------------------------------------
def test_fact_base_names_are_never_misspellings(lt: FakeLanguageTool) -> None:
    lt.unknown_words = {"zorblax", "qwixel", "plumbus"}
    facts = SimpleNamespace(
        entities=[SimpleNamespace(name="Zorblax Cloud", aliases=("Qwixel",)), SimpleNamespace(name="Acme", aliases=())]
    )
    text = "Zorblax Cloud and Zorblax's team use Qwixel, but plumbus is a typo.\n"
    findings, docs = run(make_rule(lt.url, facts=facts), {"d.md": text})
    assert [flagged(f, docs) for f in findings] == ["plumbus"]
    # Without the fact base the same names are reported: the filter is what removed them.
    findings, docs = run(make_rule(lt.url), {"d.md": text})
    assert [flagged(f, docs) for f in findings] == ["Zorblax", "Zorblax", "Qwixel", "plumbus"]


def test_fact_base_from_lint_facts(lt: FakeLanguageTool) -> None:
    from lint.facts import Entity, FactBase

    lt.unknown_words = {"zorblax"}
    facts = FactBase(entities=(Entity(name="Zorblax"),))
    findings, _ = run(make_rule(lt.url, facts=facts), {"d.md": "Zorblax shipped it.\n"})
    assert findings == []


# -- failures: one clear line -------------------------------------------------------
def test_closed_port_is_unavailable_with_one_clear_line() -> None:
    port = closed_port()
    rule = make_rule(f"http://127.0.0.1:{port}", timeout=5.0, required=True)
    with pytest.raises(RuleUnavailable) as info:
        run(rule, {"d.md": "We recieve it.\n"})
    assert str(info.value) == (
        f"LanguageTool at http://127.0.0.1:{port} is unreachable (connection refused): "
        "start the server or set languagetool = off"
    )
    assert "\n" not in str(info.value)
    assert info.value.required is True


def test_not_required_by_default() -> None:
    with pytest.raises(RuleUnavailable) as info:
        run(make_rule(f"http://127.0.0.1:{closed_port()}"), {"d.md": "We recieve it.\n"})
    assert info.value.required is False


def test_hanging_server_is_bounded_by_the_timeout() -> None:
    with FakeLanguageTool(mode="hang") as server:
        rule = make_rule(server.url, timeout=0.5)
        with pytest.raises(RuleUnavailable) as info:
            run(rule, {"d.md": "We recieve it.\n"})
        assert len(server.requests) == 1
    assert "did not answer within 0.5s" in str(info.value)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("malformed", "answered something that is not JSON ('<html><body>Service"),
        ("wrong-shape", "answered JSON without a 'matches' list"),
        ("error", "answered HTTP 500 (Internal Error: something broke)"),
    ],
)
def test_bad_answers_are_unavailable(mode: str, expected: str) -> None:
    with FakeLanguageTool(mode=mode) as server:
        with pytest.raises(RuleUnavailable) as info:
            run(make_rule(server.url), {"d.md": "We recieve it.\n"})
    assert expected in str(info.value)
    assert str(info.value).startswith(f"LanguageTool at {server.url} ")
    assert "\n" not in str(info.value)


# -- records --------------------------------------------------------------------------------------
def test_records_are_small_and_picklable() -> None:
    body = "\n\n".join(f"Paragraph {i} has `code {i}` and a [link](https://example.com/{i}) in it." for i in range(50))
    doc = Document.from_text("d.md", body + "\n")
    rec = make_rule("http://127.0.0.1:9").record(doc)
    assert rec is not None and len(rec) == 50
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert len(pickle.dumps(rec)) < 3 * len(body)
    assert all("example.com" not in p.text and "code" not in p.text for p in rec)
    assert rec == paragraphs_of(doc)


_PIECES = st.sampled_from(
    [
        "word",
        "Teh",
        "a",
        " ",
        "  ",
        "\n",
        "\n\n",
        "`code x`",
        "**",
        "_",
        "*",
        "[link](https://e.com/x_y)",
        "#",
        "- ",
        "> ",
        "🚀",
        "𝒞",
        "é",
        ",",
        ".",
        '"',
        "\\*",
        "<b>",
        "https://x.org/a",
        "\r\n",
        "\t",
        "1.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from(["d.md", "d.txt"]))
def test_every_sent_character_maps_back_to_the_same_character(pieces: list[str], path: str) -> None:
    doc = Document.from_text(path, "".join(pieces))
    for par in paragraphs_of(doc):
        assert "\n" not in par.text and "  " not in par.text
        for i, c in enumerate(par.text):
            rel = par.rel(i)
            if c != " ":
                assert doc.text[par.start + rel] == c
            assert par.span(rel, rel + 1) == doc.span(par.start + rel, par.start + rel + 1)
            assert par.sent(rel) == i


# -- local: a LanguageTool already on this machine, never downloaded ----------------------------
def test_local_without_languagetool_installed_is_unavailable_and_downloads_nothing(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    with pytest.raises(RuleUnavailable) as info:
        run(make_rule("local"), {"d.md": "We recieve it.\n"})
    assert "LanguageTool is not installed" in str(info.value) and "never downloads" in str(info.value)
    assert list(tmp_path.iterdir()) == []


GUARDED_LOCAL_RUN = """
import sys
attempts = []
BLOCKED = {"socket.connect", "socket.getaddrinfo", "urllib.Request", "http.client.connect", "subprocess.Popen"}


def audit(event, args):
    if event in BLOCKED:
        attempts.append(event)
        raise OSError("blocked: " + event)


sys.addaudithook(audit)
from lint.document import Document
from lint.errors import RuleUnavailable
from lint.rule import RunContext
from rules.grammar import LanguageToolRule

rule = LanguageToolRule(RunContext(settings={"languagetool": "local"}))
rec = rule.record(Document.from_text("d.md", "We recieve it.\\n"))
try:
    rule.check_corpus([("d.md", rec)])
    print("NO ERROR")
except RuleUnavailable as exc:
    print("UNAVAILABLE", exc)
print("ATTEMPTS", attempts)
print("IMPORTED", "language_tool_python" in sys.modules)
"""


def test_local_never_downloads_never_connects_never_imports_language_tool_python(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LTP_JAR_DIR_PATH"}
    env["LTP_PATH"] = str(tmp_path / "empty")
    env["HOME"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-c", GUARDED_LOCAL_RUN],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("UNAVAILABLE languagetool = local: LanguageTool is not installed"), proc.stdout
    assert lines[1:] == ["ATTEMPTS []", "IMPORTED False"]
    assert not (tmp_path / "empty").exists() and not (tmp_path / ".cache").exists()


def test_local_with_wrong_jar_dir(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path))
    with pytest.raises(RuleUnavailable, match="LTP_JAR_DIR_PATH=.* holds no languagetool-server.jar"):
        run(make_rule("local"), {"d.md": "We recieve it.\n"})


def fake_install(tmp_path: Path, monkeypatch: Any, *, java: bool = True) -> Path:
    """An unpacked "LanguageTool" in $LTP_PATH and a fake ``java`` that runs the fake server."""
    lt_home = tmp_path / "cache"
    for version in ("6.6", "6.10"):
        (lt_home / f"LanguageTool-{version}").mkdir(parents=True)
        (lt_home / f"LanguageTool-{version}" / "languagetool-server.jar").write_bytes(b"PK")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if java:
        script = bin_dir / "java"
        script.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\nexec "{sys.executable}" "{FAKE}" "$@"\n')
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(lt_home))
    monkeypatch.setenv("PATH", str(bin_dir) + ("" if not java else os.pathsep + "/usr/bin:/bin"))
    monkeypatch.setenv("FAKE_LT_PIDFILE", str(tmp_path / "pid"))
    return tmp_path


def test_local_starts_one_server_for_the_run_and_stops_it(tmp_path: Path, monkeypatch: Any) -> None:
    fake_install(tmp_path, monkeypatch)
    rule = make_rule("local", languagetool_start_timeout=20)
    findings, docs = run(rule, {"a.md": "We recieve it.\n", "b.md": "And teh box.\n"})
    assert [flagged(f, docs) for f in findings] == ["recieve", "teh"]
    args = (tmp_path / "args").read_text().split()
    assert args[0] == "-cp" and args[1].endswith("LanguageTool-6.10/languagetool-server.jar")
    assert args[2] == "org.languagetool.server.HTTPServer" and args[3] == "--port"
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_local_with_everything_cached_starts_no_server(tmp_path: Path, monkeypatch: Any) -> None:
    fake_install(tmp_path, monkeypatch)
    cache = tmp_path / "lint-cache"
    drafts = {"a.md": "We recieve it.\n"}
    first, _ = run(make_rule("local", cache_dir=str(cache), languagetool_start_timeout=20), drafts)
    assert (tmp_path / "pid").exists()
    (tmp_path / "pid").unlink()
    again, _ = run(make_rule("local", cache_dir=str(cache), languagetool_start_timeout=20), drafts)
    assert again == first and len(first) == 1
    assert not (tmp_path / "pid").exists()


def test_local_server_that_exits_at_start_up(tmp_path: Path, monkeypatch: Any) -> None:
    fake_install(tmp_path, monkeypatch)
    monkeypatch.setenv("FAKE_LT_EXIT", "3")
    with pytest.raises(RuleUnavailable) as info:
        run(make_rule("local", languagetool_start_timeout=20), {"d.md": "We recieve it.\n"})
    assert "exited with code 3 at start-up (Error: Could not find or load main class" in str(info.value)


def test_local_server_that_never_listens_is_bounded(tmp_path: Path, monkeypatch: Any) -> None:
    fake_install(tmp_path, monkeypatch)
    monkeypatch.setenv("FAKE_LT_DELAY", "30")
    with pytest.raises(RuleUnavailable, match="did not start within 1s"):
        run(make_rule("local", languagetool_start_timeout=1), {"d.md": "We recieve it.\n"})
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_local_without_java(tmp_path: Path, monkeypatch: Any) -> None:
    fake_install(tmp_path, monkeypatch, java=False)
    with pytest.raises(RuleUnavailable, match="needs Java 17\\+ on PATH"):
        run(make_rule("local"), {"d.md": "We recieve it.\n"})


# -- a real LanguageTool, when one is available ---------------------------------------------------
@pytest.mark.skipif(
    not os.environ.get("LINT_ARTICLE_LANGUAGETOOL_URL"), reason="set LINT_ARTICLE_LANGUAGETOOL_URL to a LanguageTool"
)
def test_real_languagetool() -> None:
    url = os.environ["LINT_ARTICLE_LANGUAGETOOL_URL"]
    text = "# Notes\n\nRun `make  test` and see [the docs](https://example.com) 🚀, then we recieve the parcel.\n"
    rule = make_rule(url, timeout=60)
    findings, docs = run(rule, {"d.md": text, "e.md": text})
    assert rule.requests == 1
    hits = [f for f in findings if flagged(f, docs) == "recieve"]
    assert len(hits) == 2
    assert "MORFOLOGIK" in hits[0].message and "'receive'" in hits[0].message
    assert hits[0].fix is not None and hits[0].fix.safe is False
    assert all("make" not in flagged(f, docs) for f in findings)
