"""Reporters: every built-in format rendered from hand-built RunResults."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.hookspecs import hookimpl
from lint.model import CATEGORIES, Edit, Finding, Fix, Related, RuleInfo, RunResult, Severity, Span
from lint.report import (
    REPORTERS,
    GithubReporter,
    JsonReporter,
    Reporter,
    RichReporter,
    SarifReporter,
    TextReporter,
    excerpt,
    github_escape_data,
    github_escape_property,
    lint_article_reporters,
    reporter_problem,
)

SCHEMA = Path(__file__).with_name("sarif-2.1.0-subset.json")

# Two small drafts written for these tests.
DRAFTS: dict[str, str] = {
    "drafts/launch.md": (
        "---\n"
        "title: A tablet for the night shift\n"
        "---\n"
        "Share this story with your friends!\n"
        "Vela Labs said on Tuesday that its tablet ships in May.\n"
        '"It will change everything," a person close to the plan said.\n'
        "The company is reported to have sold 40,000 units.\n"
    ),
    "drafts/review.txt": ("Reviewers liked the screen.\n\tThe battery\tlasted nine hours, said Mira Osei of Vela.\n"),
}


def source_line(path: str, line: int) -> str | None:
    text = DRAFTS.get(path)
    if text is None:
        return None
    lines = text.split("\n")
    return lines[line - 1] if 1 <= line <= len(lines) else None


def position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def span(path: str, needle: str, length: int | None = None) -> Span:
    text = DRAFTS[path]
    start = text.index(needle)
    end = start + (len(needle) if length is None else length)
    return Span(start, end, *position(text, start), *position(text, end))


def finding(
    path: str,
    needle: str,
    rule: str,
    name: str,
    category: str,
    severity: Severity,
    message: str,
    *,
    fix: Fix | None = None,
    related: tuple[Related, ...] = (),
    length: int | None = None,
) -> Finding:
    s = span(path, needle, length)
    text = DRAFTS[path]
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.start)
    return Finding(
        path, s, rule, name, category, severity, message, fix=fix, related=related, context=text[line_start:line_end]
    )


LAUNCH, REVIEW = "drafts/launch.md", "drafts/review.txt"
SHARE_START = DRAFTS[LAUNCH].index("Share this")
SHARE_END = DRAFTS[LAUNCH].index("Vela Labs said")  # the whole line with its line break

SHARE = finding(
    LAUNCH,
    "Share this story with your friends!",
    "BP101",
    "share-prompt",
    "boilerplate",
    Severity.WARNING,
    "share prompt left from a web page",
    fix=Fix((Edit(SHARE_START, SHARE_END, ""),), "remove the line"),
)
QUOTE = finding(
    LAUNCH,
    '"It will change everything,"',
    "AT201",
    "unattributed-quote",
    "attribution",
    Severity.ERROR,
    "quote has no named speaker",
)
REPORTED = finding(
    LAUNCH,
    "is reported to",
    "AT202",
    "vague-attribution",
    "attribution",
    Severity.WARNING,
    "'is reported to' without a source",
    fix=Fix((Edit(0, 0, ""),), "rewrite", safe=False),
)
NAME = finding(
    REVIEW,
    "Mira Osei",
    "CN101",
    "name-variant",
    "consistency",
    Severity.INFO,
    "'Mira Osei' is 'Mira Osei-Bonsu' in drafts/launch.md",
    related=(Related(LAUNCH, 5, "first spelling"), Related("facts.yaml", 14)),
)

RULES: dict[str, RuleInfo] = {
    "BP101": RuleInfo(
        "BP101",
        "share-prompt",
        "boilerplate",
        Severity.WARNING,
        "Share prompts copied from a web page",
        "Flags share prompts.\n\n**Fix**: removing the line is safe.",
        True,
    ),
    "AT201": RuleInfo(
        "AT201", "unattributed-quote", "attribution", Severity.ERROR, "Quotes without a speaker", "Docs.", False
    ),
    "AT202": RuleInfo(
        "AT202", "vague-attribution", "attribution", Severity.WARNING, "Vague attribution", "Docs.", False
    ),
    "ST301": RuleInfo("ST301", "cliche", "style", Severity.INFO, "Cliches", "Docs.", False),
    # CN101 is deliberately missing: reporters must cope with a finding of an unknown rule.
}


def result(
    findings: Sequence[Finding] = (SHARE, QUOTE, REPORTED, NAME),
    *,
    files: Sequence[str] = (LAUNCH, REVIEW, "drafts/clean.md"),
    metrics: Mapping[str, Mapping[str, float]] | None = None,
    warnings: Sequence[str] = (),
    fixed: int = 0,
) -> RunResult:
    return RunResult(
        tuple(sorted(findings, key=Finding.sort_key)),
        tuple(files),
        RULES,
        metrics=metrics or {},
        warnings=tuple(warnings),
        fixed=fixed,
        version="0.1.0",
    )


def render(cls: type[Reporter], res: RunResult, **kwargs: object) -> str:
    out = io.StringIO()
    kwargs.setdefault("source_line", source_line)
    cls(out, **kwargs).render(res)  # type: ignore[arg-type]
    return out.getvalue()


# -- registration and start-up -------------------------------------------------------------


def test_hook_registers_every_builtin_format() -> None:
    reporters = lint_article_reporters()
    assert set(reporters) == {"text", "json", "sarif", "github", "rich"}
    for name, cls in reporters.items():
        assert reporter_problem(name, cls) is None
        assert cls.name == name and cls.description
    assert {name for name, cls in reporters.items() if cls.for_people} == {"text", "rich"}
    assert reporters == dict(REPORTERS)


class _Plain(Reporter):
    name = "plain"
    description = "findings' messages, one a line"

    def render(self, result: RunResult) -> None:
        self.stream.writelines(f.message + "\n" for f in result.findings)


class _Nameless(_Plain):
    name = ""


class _Undescribed(_Plain):
    description = " "


def _reporters_of(*provided: Mapping[str, object]) -> dict[str, type[Reporter]]:
    from lint.hookspecs import HookImpls
    from lint.plugins import make_plugin_manager, plugin_reporters

    plugins = [HookImpls(lint_article_reporters=hookimpl(lambda p=p: dict(p))) for p in provided]
    return plugin_reporters(make_plugin_manager(plugins, entry_points=False))


def test_a_plugin_format_is_registered_beside_the_builtins() -> None:
    reporters = _reporters_of(REPORTERS, {"plain": _Plain})
    assert reporters["plain"] is _Plain and set(reporters) == {*REPORTERS, "plain"}
    out = io.StringIO()
    reporters["plain"](out).render(result())
    assert out.getvalue().splitlines()[0] == "share prompt left from a web page"


@pytest.mark.parametrize(
    ("provided", "problem"),
    [
        ({"plain": _Nameless}, "registered under another name than its class declares"),
        ({"Plain": _Plain}, "must be lower case"),
        ({"plain": _Undescribed}, "declares no description"),
        ({"plain": dict}, "is not a lint.report.Reporter subclass"),
    ],
)
def test_a_format_that_breaks_the_contract_stops_the_run(provided: Mapping[str, object], problem: str) -> None:
    from lint.errors import ConfigError

    with pytest.raises(ConfigError, match=problem):
        _reporters_of(provided)


def test_a_format_name_given_twice_names_both_plugins() -> None:
    from lint.errors import ConfigError

    with pytest.raises(ConfigError, match="format 'plain' is defined twice"):
        _reporters_of({"plain": _Plain}, {"plain": _Plain})


def test_importing_the_module_loads_neither_rich_nor_json() -> None:
    code = "import sys, lint.report; print(sorted(m for m in ('rich', 'json', 'hashlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- text ----------------------------------------------------------------------------------


def test_text_lines_warnings_and_summary() -> None:
    out = render(TextReporter, result(warnings=["rule GR001 could not run: no Java"]))
    assert out.splitlines() == [
        "drafts/launch.md:4:1: BP101 [boilerplate] share prompt left from a web page (fixable)",
        "drafts/launch.md:6:1: AT201 [attribution] quote has no named speaker",
        "drafts/launch.md:7:13: AT202 [attribution] 'is reported to' without a source",
        "drafts/review.txt:2:38: CN101 [consistency] 'Mira Osei' is 'Mira Osei-Bonsu' in drafts/launch.md",
        "warning: rule GR001 could not run: no Java",
        "Found 4 findings (1 error, 2 warnings, 1 info) in 2 of 3 files; "
        "1 fixable with --fix (1 more with --unsafe-fixes)",
    ]


def test_text_summary_wording_for_single_counts_and_all_files() -> None:
    out = render(TextReporter, result([QUOTE], files=[LAUNCH]))
    assert out.splitlines()[-1] == "Found 1 finding (1 error) in 1 file"
    out = render(TextReporter, result([QUOTE, REPORTED], files=[LAUNCH]))
    assert (
        out.splitlines()[-1] == "Found 2 findings (1 error, 1 warning) in 1 file; 1 fixable with --fix --unsafe-fixes"
    )


def test_text_zero_findings() -> None:
    assert render(TextReporter, result([])) == "All checks passed (3 files)\n"
    assert render(TextReporter, result([], files=[LAUNCH])) == "All checks passed (1 file)\n"
    assert render(TextReporter, result([], files=[])) == "No files checked\n"


def test_text_reports_fixed_count() -> None:
    out = render(TextReporter, result([], fixed=2))
    assert out.splitlines() == ["Fixed 2 findings", "All checks passed (3 files)"]


def test_text_statistics_replace_the_finding_lines() -> None:
    extra = finding(LAUNCH, "Vela Labs said", "BP101", "share-prompt", "boilerplate", Severity.WARNING, "m")
    out = render(TextReporter, result([SHARE, QUOTE, REPORTED, NAME, extra]), statistics=True)
    assert out.splitlines() == [
        "    2  BP101  [*] share-prompt",
        "    1  AT201      unattributed-quote",
        "    1  AT202      vague-attribution",
        "    1  CN101      name-variant",
        "Found 5 findings (1 error, 3 warnings, 1 info) in 2 of 3 files; "
        "1 fixable with --fix (1 more with --unsafe-fixes)",
    ]


# -- json ----------------------------------------------------------------------------------


def test_json_document_round_trips_with_stable_keys() -> None:
    metrics = {REVIEW: {"words": 12.0, "smog": float("nan")}, LAUNCH: {"flesch_reading_ease": 61.25, "words": 48.0}}
    text = render(JsonReporter, result(metrics=metrics, warnings=["draft x.md is not UTF-8"], fixed=1))
    doc = json.loads(text)
    assert list(doc) == ["version", "tool", "files", "findings", "summary"]
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "lint-article", "version": "0.1.0"}
    assert doc["files"] == 3
    first = doc["findings"][0]
    assert list(first) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "name",
        "category",
        "severity",
        "message",
        "fingerprint",
        "fix",
        "related",
    ]
    assert first["path"] == LAUNCH
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (4, 1, 4, 36)
    assert (first["rule"], first["name"], first["severity"]) == ("BP101", "share-prompt", "warning")
    assert first["fix"] == {
        "description": "remove the line",
        "safe": True,
        "edits": [
            {
                "start": {"line": 4, "column": 1},
                "end": {"line": 5, "column": 1},
                "offset_start": SHARE_START,
                "offset_end": SHARE_END,
                "replacement": "",
            }
        ],
    }
    assert [f["severity"] for f in doc["findings"]] == ["warning", "error", "warning", "info"]
    assert doc["findings"][1]["fix"] is None
    assert doc["findings"][3]["related"] == [
        {"path": LAUNCH, "line": 5, "message": "first spelling"},
        {"path": "facts.yaml", "line": 14, "message": ""},
    ]

    summary = doc["summary"]
    assert summary["findings"] == 4
    assert summary["files_with_findings"] == 2
    assert summary["by_severity"] == {"error": 1, "warning": 2, "info": 1}
    assert list(summary["by_category"]) == list(CATEGORIES)
    assert summary["by_category"]["attribution"] == 2
    assert summary["by_category"]["facts"] == 0
    assert summary["by_rule"] == {"AT201": 1, "AT202": 1, "BP101": 1, "CN101": 1}
    assert summary["fixable"] == 1  # the unsafe fix of AT202 is not applied by --fix
    assert summary["unsafe_fixable"] == 1
    assert (summary["failing"], summary["fail_on"]) == (3, "warning")
    assert summary["statistics"][0] == {"rule": "AT201", "name": "unattributed-quote", "count": 1, "fixable": False}
    assert {"rule": "BP101", "name": "share-prompt", "count": 1, "fixable": True} in summary["statistics"]
    assert summary["metrics"] == {
        LAUNCH: {"flesch_reading_ease": 61.25, "words": 48.0},
        REVIEW: {"smog": None, "words": 12.0},
    }
    assert list(summary["metrics"]) == [LAUNCH, REVIEW]
    assert summary["fixed"] == 1
    assert summary["warnings"] == ["draft x.md is not UTF-8"]


def test_json_zero_findings_is_a_valid_document() -> None:
    doc = json.loads(render(JsonReporter, result([], files=[])))
    assert doc["findings"] == []
    assert doc["files"] == 0
    assert doc["summary"]["findings"] == 0
    assert doc["summary"]["statistics"] == []
    assert doc["summary"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}


def test_json_keeps_non_ascii_text_readable() -> None:
    f = Finding("a.md", Span(0, 2, 1, 1, 1, 3), "CN101", "name-variant", "consistency", Severity.INFO, "高翔 – ok")
    text = render(JsonReporter, result([f]))
    assert "高翔 – ok" in text
    assert json.loads(text)["findings"][0]["message"] == "高翔 – ok"


def test_json_edit_positions_are_null_without_source() -> None:
    doc = json.loads(render(JsonReporter, result([SHARE]), source_line=lambda path, line: None))
    edit = doc["findings"][0]["fix"]["edits"][0]
    assert edit["start"] == {"line": 4, "column": 1}  # the span's own start is always known
    assert edit["end"] is None
    assert (edit["offset_start"], edit["offset_end"]) == (SHARE_START, SHARE_END)


def test_edit_positions_walk_backwards_across_lines() -> None:
    start = DRAFTS[LAUNCH].index("title:")
    f = Finding(LAUNCH, SHARE.span, "BP101", "share-prompt", "boilerplate", Severity.WARNING, "m", fix=None)
    assert JsonReporter(io.StringIO(), source_line=source_line).locate(f, start) == (2, 1)
    assert JsonReporter(io.StringIO(), source_line=source_line).locate(f, SHARE.span.start - 1) == (3, 4)


# -- fingerprints --------------------------------------------------------------------------


def test_fingerprints_ignore_line_numbers_and_separate_repeats() -> None:
    reporter = JsonReporter(io.StringIO(), source_line=source_line)
    base = reporter.document(result([QUOTE]))["findings"][0]["fingerprint"]

    # The same quote nine lines further down, after edits above it: same id.
    moved_span = Span(QUOTE.span.start + 30, QUOTE.span.end + 30, 9, 1, 9, QUOTE.span.end_column)
    moved = Finding(**{**_fields(QUOTE), "span": moved_span})
    moved_source = {9: source_line(LAUNCH, 6)}
    shifted = JsonReporter(io.StringIO(), source_line=lambda p, n: moved_source.get(n))
    assert shifted.document(result([moved]))["findings"][0]["fingerprint"] == base

    other_rule = Finding(**{**_fields(QUOTE), "rule": "AT299"})
    other_path = Finding(**{**_fields(QUOTE), "path": "drafts/other.md"})
    prints = [f["fingerprint"] for f in reporter.document(result([QUOTE, other_rule, other_path, QUOTE]))["findings"]]
    assert len(set(prints)) == 4


def _fields(f: Finding) -> dict[str, object]:
    return {name: getattr(f, name) for name in Finding.__dataclass_fields__}


# -- sarif ---------------------------------------------------------------------------------


def sarif(res: RunResult, **kwargs: object) -> dict[str, object]:
    return json.loads(render(SarifReporter, res, **kwargs))


def test_sarif_validates_against_the_schema_subset() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    for res in (result(warnings=["rule GR001 could not run"]), result([], files=[])):
        errors = sorted(validator.iter_errors(sarif(res)), key=str)
        assert errors == []


def test_sarif_schema_subset_rejects_broken_logs() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    doc = sarif(result())
    run = doc["runs"][0]  # type: ignore[index]
    del run["results"][0]["message"]
    run["results"][1]["level"] = "fatal"
    run["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    run["invocations"][0].pop("executionSuccessful")
    run["tool"]["driver"]["rules"][0]["shortDescripton"] = {"text": "typo"}
    assert len(list(validator.iter_errors(doc))) == 5


def test_sarif_structure() -> None:
    doc = sarif(result(warnings=["rule GR001 could not run"]))
    assert doc["version"] == "2.1.0"
    assert str(doc["$schema"]).startswith("https://")
    (run,) = doc["runs"]  # type: ignore[misc]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lint-article"
    assert driver["version"] == "0.1.0"
    assert "informationUri" not in driver  # the project has no public page; none is invented
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and "CN101" in ids  # unknown rule of a finding gets a descriptor
    bp = driver["rules"][ids.index("BP101")]
    assert bp["name"] == "share-prompt"
    assert bp["shortDescription"]["text"] == "Share prompts copied from a web page"
    assert "**Fix**" in bp["help"]["markdown"] and bp["help"]["text"]
    assert bp["defaultConfiguration"] == {"level": "warning"}
    assert bp["properties"]["tags"] == ["boilerplate"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes == [{"level": "warning", "message": {"text": "rule GR001 could not run"}}]

    results = run["results"]
    assert [r["level"] for r in results] == ["warning", "error", "warning", "note"]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert list(r["partialFingerprints"]) == ["lintArticle/v1"]
    share = results[0]
    loc = share["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/launch.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 36}
    (fix,) = share["fixes"]
    assert fix["description"]["text"] == "remove the line"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "drafts/launch.md"
    assert change["replacements"] == [
        {
            "deletedRegion": {
                "startLine": 4,
                "startColumn": 1,
                "endLine": 5,
                "endColumn": 1,
                "charOffset": SHARE_START,
                "charLength": SHARE_END - SHARE_START,
            },
            "insertedContent": {"text": ""},
        }
    ]
    assert "fixes" not in results[1] and "relatedLocations" not in results[1]
    related = results[3]["relatedLocations"]
    assert related[0] == {
        "id": 1,
        "physicalLocation": {
            "artifactLocation": {"uri": "drafts/launch.md", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 5},
        },
        "message": {"text": "first spelling"},
    }
    assert related[1]["physicalLocation"]["artifactLocation"]["uri"] == "facts.yaml"
    assert "message" not in related[1]


def test_sarif_zero_findings_still_lists_rules_that_ran() -> None:
    doc = sarif(result([], files=[]))
    run = doc["runs"][0]  # type: ignore[index]
    assert run["results"] == []
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["AT201", "AT202", "BP101", "ST301"]
    assert run["invocations"][0] == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_sarif_uris_are_relative_posix_and_percent_encoded(tmp_path: Path) -> None:
    inside = str(tmp_path / "my drafts" / "a#1.md")
    f = Finding(inside, Span(0, 1, 1, 1, 1, 2), "BP101", "share-prompt", "boilerplate", Severity.WARNING, "m")
    doc = sarif(result([f]), root=str(tmp_path), source_line=lambda p, n: None)
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]  # type: ignore[index]
    assert art == {"uri": "my%20drafts/a%231.md", "uriBaseId": "%SRCROOT%"}

    outside = str(tmp_path.parent / "elsewhere.md")
    g = Finding(outside, Span(0, 1, 1, 1, 1, 2), "BP101", "share-prompt", "boilerplate", Severity.WARNING, "m")
    doc = sarif(result([g]), root=str(tmp_path), source_line=lambda p, n: None)
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]  # type: ignore[index]
    assert art["uri"].startswith("file:///") and "uriBaseId" not in art


def test_sarif_fingerprints_stay_the_same_across_runs() -> None:
    def prints() -> list[str]:
        doc = sarif(result())
        return [r["partialFingerprints"]["lintArticle/v1"] for r in doc["runs"][0]["results"]]  # type: ignore[index]

    first = prints()
    assert first == prints()
    assert len(set(first)) == len(first)


# -- github --------------------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert github_escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations() -> None:
    multi_line = Finding(
        "drafts/a,b:c.md",
        Span(0, 40, 3, 5, 5, 2),
        "ST301",
        "cliche",
        "style",
        Severity.ERROR,
        "50% of\nthe text",
    )
    out = render(GithubReporter, result([SHARE, NAME, multi_line], warnings=["draft z.md: bad\nencoding"]))
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=drafts/a%2Cb%3Ac.md,line=3,endLine=5,title=ST301 cliche::50%25 of%0Athe text"
    )  # columns are dropped when the annotation spans several lines
    assert lines[1] == (
        "::warning file=drafts/launch.md,line=4,col=1,endLine=4,endColumn=36,"
        "title=BP101 share-prompt::share prompt left from a web page"
    )
    assert lines[2] == (
        "::notice file=drafts/review.txt,line=2,col=38,endLine=2,endColumn=47,title=CN101 name-variant::"
        "'Mira Osei' is 'Mira Osei-Bonsu' in drafts/launch.md"
        "%0Asee drafts/launch.md:5: first spelling%0Asee facts.yaml:14"
    )
    assert lines[3] == "::warning::draft z.md: bad%0Aencoding"
    assert lines[4].startswith("Found 3 findings")
    assert len(lines) == 5


def test_github_zero_findings() -> None:
    assert render(GithubReporter, result([])) == "All checks passed (3 files)\n"


# -- rich ----------------------------------------------------------------------------------


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def caret_columns(lines: list[str], source: str) -> tuple[int, int]:
    """(first, last) display column of the carets under the gutter line showing ``source``."""
    i = next(i for i, line in enumerate(lines) if line.endswith(source))
    carets = lines[i + 1]
    gutter = lines[i].index("│ ") + 2
    first = carets.index("^")
    return first - gutter, carets.rindex("^") - gutter


def test_rich_findings_in_context(columns: None) -> None:
    out = render(RichReporter, result(warnings=["rule GR001 could not run"]), color=False)
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "drafts/launch.md  (3 findings)"
    assert any("warning BP101 share prompt left from a web page" in line and "(fixable)" in line for line in lines)
    assert any("6:1  error AT201 quote has no named speaker" in line for line in lines)
    assert caret_columns(lines, "Share this story with your friends!") == (0, 34)
    assert caret_columns(lines, "The company is reported to have sold 40,000 units.") == (12, 25)
    # tabs expand to 4 columns: "\tThe battery\tlasted" puts "lasted" at display column 16
    review = "    The battery lasted nine hours, said Mira Osei of Vela."
    assert caret_columns(lines, review) == (review.index("Mira"), review.index("Mira") + 8)
    assert any(line.strip() == "= see drafts/launch.md:5: first spelling" for line in lines)
    assert any(line.strip() == "= see facts.yaml:14" for line in lines)
    assert "drafts/review.txt  (1 finding)" in lines
    assert lines[-2] == "warning: rule GR001 could not run"
    assert lines[-1] == (
        "Found 4 findings (1 error, 2 warnings, 1 info) in 2 of 3 files; "
        "1 fixable with --fix (1 more with --unsafe-fixes)"
    )


def test_rich_category_table(columns: None) -> None:
    out = render(RichReporter, result(), color=False)
    assert "Findings by category" in out
    rows = {cells[0]: cells[1:] for cells in _table_rows(out)}
    assert rows["attribution"] == ["1", "1", "0", "2"]
    assert rows["boilerplate"] == ["0", "1", "0", "1"]
    assert rows["consistency"] == ["0", "0", "1", "1"]
    assert rows["total"] == ["1", "2", "1", "4"]
    assert "style" not in rows


def test_rich_readability_table_shows_the_metrics_that_exist(columns: None) -> None:
    metrics = {LAUNCH: {"words": 48.0, "flesch_reading_ease": 61.25, "smog": 9.04}, REVIEW: {"words": 12.0}}
    out = render(RichReporter, result([], metrics=metrics), color=False)
    assert "Readability" in out
    header = next(line for line in out.splitlines() if "Draft" in line)
    assert header.index("Words") < header.index("Flesch reading ease") < header.index("SMOG")
    assert "Fog" not in header
    rows = {cells[0]: cells[1:] for cells in _table_rows(out)}
    assert rows[LAUNCH] == ["48", "61.2", "9.0"]
    assert rows[REVIEW] == ["12", "-", "-"]
    assert out.splitlines()[-1] == "All checks passed (3 files)"


def test_rich_statistics_only_on_request(columns: None) -> None:
    assert "Statistics" not in render(RichReporter, result(), color=False)
    out = render(RichReporter, result(), color=False, statistics=True)
    assert "Statistics" in out
    rows = [cells for cells in _table_rows(out) if cells and cells[0].isdigit()]
    assert ["1", "BP101", "[*]", "share-prompt"] in rows


def test_rich_zero_findings(columns: None) -> None:
    assert render(RichReporter, result([]), color=False) == "All checks passed (3 files)\n"


def test_rich_colour_when_asked(columns: None) -> None:
    out = render(RichReporter, result([QUOTE]), color=True)
    assert "\x1b[" in out
    assert "AT201" in out


def test_rich_without_source_still_lists_findings(columns: None) -> None:
    out = render(RichReporter, result([QUOTE]), color=False, source_line=lambda p, n: None)
    assert "AT201 quote has no named speaker" in out
    assert "^" not in out


def test_rich_multi_line_span_is_marked_to_the_end_of_its_first_line(columns: None) -> None:
    start = DRAFTS[LAUNCH].index("on Tuesday")
    end = DRAFTS[LAUNCH].index("a person")
    s = Span(start, end, *position(DRAFTS[LAUNCH], start), *position(DRAFTS[LAUNCH], end))
    f = Finding(LAUNCH, s, "ST301", "long-span", "style", Severity.INFO, "m")
    lines = render(RichReporter, result([f]), color=False).splitlines()
    source = "Vela Labs said on Tuesday that its tablet ships in May."
    assert caret_columns(lines, source) == (source.index("on Tuesday"), len(source) - 1)
    assert any(line.endswith("^ … to line 6") for line in lines)


def _table_rows(out: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("│ ").split("│")] for line in out.splitlines() if line.startswith("│")]


# -- excerpt -------------------------------------------------------------------------------


def test_excerpt_short_line_is_unchanged() -> None:
    cut = excerpt("plain words here", 6, 11, 80)
    assert cut.text == "plain words here"
    assert cut.text[cut.mark_start : cut.mark_end] == "words"
    assert (cut.caret_offset, cut.caret_length) == (6, 5)


def test_excerpt_empty_span_gets_one_caret() -> None:
    cut = excerpt("abc", 3, 3, 80)
    assert (cut.caret_offset, cut.caret_length) == (3, 1)


def test_excerpt_counts_wide_characters_as_two_cells() -> None:
    cut = excerpt("高翔 said it", 3, 7, 80)
    assert cut.text[cut.mark_start : cut.mark_end] == "said"
    assert (cut.caret_offset, cut.caret_length) == (5, 4)


def test_excerpt_truncates_long_lines_around_the_span() -> None:
    line = "a" * 500 + " target " + "b" * 500
    start = line.index("target")
    cut = excerpt(line, start, start + 6, 60)
    assert len(cut.text) <= 60
    assert cut.text.startswith("…") and cut.text.endswith("…")
    assert cut.text[cut.mark_start : cut.mark_end] == "target"
    assert cut.text[cut.caret_offset : cut.caret_offset + cut.caret_length] == "target"


def test_excerpt_span_longer_than_the_width_is_cut() -> None:
    cut = excerpt("x" * 300, 0, 300, 40)
    assert not cut.text.startswith("…") and cut.text.endswith("…")
    assert cut.caret_offset == 0
    assert cut.caret_length == len(cut.text) - 1


# -- the bundled examples, end to end --------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# What examples/README.md promises each draft triggers.
PLANTED = {
    "bmw-huawei-harmonyos.md": {"BP101", "BP102", "BP120"},
    "harmonyos-explainer.md": {
        "FA101",  # 'Harmony OS', 'HarmonyOS Next'
        "FA104",  # revenue EUR 124.38 billion
        "AT101",  # quotation without a speaker
        "AT102",  # unsourced percentage
        "AT103",  # 'It is reported that'
        "ST101",  # cliches
        "ST102",  # 'game changer'
        "ST110",  # 'not just X, it's Y' twice
        "RD103",  # the long sentence
        "BP101",  # row of social networks
        "BP122",  # FAQ block
    },
    "bmw-china-briefing.txt": {
        "BP105",  # publication line
        "BP123",  # company sidebar
        "BP106",  # tag list
        "FA101",  # Gao Xiang -> Sean Green
        "FA102",  # wrong title
        "FA105",  # wrong date
        "FA106",  # false claim about iDrive X
    },
}


def run_cli(tmp_path: Path, fmt: str) -> str:
    from lint.cli import main

    out = tmp_path / f"report.{fmt}"
    code = main(["--no-cache", "--jobs", "1", "--format", fmt, "--output-file", str(out), str(EXAMPLES)])
    assert code == 1  # the examples have findings at warning level and above
    return out.read_text(encoding="utf-8")


def test_examples_trigger_what_their_readme_promises(tmp_path: Path) -> None:
    doc = json.loads(run_cli(tmp_path, "json"))
    assert doc["files"] == 3  # README.md is excluded by examples/.lint-article.yaml
    found: dict[str, set[str]] = {}
    for f in doc["findings"]:
        found.setdefault(Path(f["path"]).name, set()).add(f["rule"])
    for draft, codes in PLANTED.items():
        assert codes <= found.get(draft, set()), f"{draft}: missing {sorted(codes - found.get(draft, set()))}"
    # the news report is the clean reference: only its web clutter is flagged
    news = [f for f in doc["findings"] if f["path"].endswith("bmw-huawei-harmonyos.md")]
    assert {f["category"] for f in news} == {"boilerplate"}
    assert set(doc["summary"]["metrics"]) == {str(EXAMPLES / name) for name in PLANTED}


def test_examples_sarif_is_valid(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    doc = json.loads(run_cli(tmp_path, "sarif"))
    assert sorted(validator.iter_errors(doc), key=str) == []
    assert len(doc["runs"][0]["results"]) >= sum(len(codes) for codes in PLANTED.values())


@given(
    root=st.sampled_from(["/", "/tmp", "/tmp/a", "/tmp/a/", "/tmp/ab", ".", "//tmp", "/tmp//a"]),
    lead=st.sampled_from(["/", "", "/tmp/", "tmp/", "//", "///"]),
    parts=st.lists(st.sampled_from(["a", "b", "..", ".", "ab", "a b", "", "x.md", "tmp"]), max_size=5),
)
def test_relative_paths_agree_with_relpath(root: str, lead: str, parts: list[str]) -> None:
    """The reporters' relative paths (a prefix test where that is safe) are os.path.relpath's,
    and None outside the root."""
    import os

    from lint.report.common import Paths

    path = lead + "/".join(parts)
    if not path:
        return
    rel: str | None = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if rel is not None and (rel == ".." or rel.startswith("../")):
        rel = None
    assert Paths(root).relative(path) == rel
