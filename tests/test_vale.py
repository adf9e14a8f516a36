"""Vale styles as rules (``lint.vale``): each kind flags what Vale flags, at the span Vale
reports, and leaves its near miss alone; ``.vale.ini`` selection and levels; the CLI."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from lint.document import Document
from lint.errors import PackError
from lint.model import Severity
from lint.vale.find import find_vale_ini
from lint.vale.ini import load_vale_ini
from lint.vale.patterns import Untranslatable, translate
from lint.vale.styles import load_rule
from tests.conftest import RunCli


def style(root: Path, rules: dict[str, str], ini: str = "") -> Path:
    """A styles folder ``styles/House`` with ``rules`` and a .vale.ini turning House on."""
    folder = root / "styles" / "House"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    path = root / ".vale.ini"
    path.write_text(ini or "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    return path


def alerts(ini: Path, text: str, path: str = "draft.md") -> list[tuple[str, str, str, Severity]]:
    """``(flagged text, Style.Rule, message, severity)`` for each alert on ``text``."""
    setup = load_vale_ini(ini)
    doc = Document.from_text(path, text)
    found = []
    for cls in setup.rules:
        for f in cls().check(doc):
            found.append((f.span.start, (text[f.span.start : f.span.end], f.name, f.message, f.severity)))
    return [a for _, a in sorted(found, key=lambda pair: pair[0])]


def test_existence_flags_tokens_as_whole_words(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {"Hedge": "extends: existence\nmessage: \"Drop '%s'.\"\nlevel: suggestion\ntokens: [basically, kind of]\n"},
    )
    got = alerts(ini, "The plan was basically sound.\n\nThe basicallyness of it.\n")
    assert got == [("basically", "House.Hedge", "Drop 'basically'.", Severity.INFO)]


def test_existence_is_case_sensitive_unless_ignorecase(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: \"'%s'\"\ntokens: [Foo]\n"
    ini = style(tmp_path, {"Exact": rule, "Loose": rule + "ignorecase: true\n"})
    got = alerts(ini, "A foo walked in.\n")
    assert [(a[0], a[1]) for a in got] == [("foo", "House.Loose")]


def test_existence_exceptions_and_raw(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Caps": "extends: existence\nmessage: \"'%s'\"\ntokens: ['[A-Z]{4,}']\nexceptions: [NASA]\n",
            "Spaces": "extends: existence\nmessage: two spaces\nnonword: true\nraw: ['[a-z]', ' {2,}', '[a-z]']\n",
        },
    )
    got = alerts(ini, "The NASA team met BOLDLY today.\n\nOne gap  here.\n")
    assert [(a[0], a[1]) for a in got] == [("BOLDLY", "House.Caps"), ("p  h", "House.Spaces")]


def test_substitution_message_order_and_fix(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Words": """\
                extends: substitution
                message: "Write '%s', not '%s'."
                level: error
                action:
                  name: replace
                swap:
                  utilise: use
                  '(?:web site|website)': site|page
                  email: email
                """
        },
    )
    text = "We utilise the web site to email you.\n"
    got = alerts(ini, text)
    assert got == [
        ("utilise", "House.Words", "Write 'use', not 'utilise'.", Severity.ERROR),
        ("web site", "House.Words", "Write 'site' or 'page', not 'web site'.", Severity.ERROR),
    ]
    setup = load_vale_ini(ini)
    finding = next(iter(setup.rules[0]().check(Document.from_text("d.md", text))))
    assert finding.fix is not None and finding.fix.edits[0].replacement == "use"


def test_substitution_without_action_keeps_both_placeholders(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {"Plain": "extends: substitution\nmessage: \"'%s' not '%s'\"\nignorecase: true\nswap: {utilize: use}\n"},
    )
    assert alerts(ini, "Utilize it.\n")[0][:3] == ("Utilize", "House.Plain", "'use' not 'Utilize'")
    assert alerts(ini, "Use it, utilizer.\n") == []


def test_occurrence_counts_per_sentence(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {"Long": "extends: occurrence\nmessage: '%s words'\nscope: sentence\nmax: 5\ntoken: '\\b(\\w+)\\b'\n"},
    )
    got = alerts(ini, "One two three four five six seven. Short one here.\n")
    assert got == [("One", "House.Long", "7 words", Severity.WARNING)]
    assert alerts(ini, "Just five words right here.\n") == []


def test_repetition_flags_the_repeated_pair(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {"Twice": "extends: repetition\nmessage: \"'%s' is repeated\"\nalpha: true\ntokens: ['[^\\s]+']\n"},
    )
    got = alerts(ini, "It was the the best.\n\nNumbers 4 4 are fine, so `so` so is code.\n")
    assert got == [("the the", "House.Twice", "'the' is repeated", Severity.WARNING)]


def test_conditional_needs_a_definition_earlier_in_the_draft(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Acronym": """\
                extends: conditional
                message: "Define '%s'."
                first: '\\b([A-Z]{3,4})\\b'
                second: '[A-Z]\\w*(?: [A-Z]\\w*)* \\(([A-Z]{3,4})\\)'
                exceptions: [HTML]
                """
        },
    )
    text = "The Open Data Group (ODG) met. ODG and the WXYZ agreed on HTML.\n"
    got = alerts(ini, text)
    assert [a[:3] for a in got] == [("WXYZ", "House.Acronym", "Define 'WXYZ'.")]


def test_consistency_flags_the_form_used_second(tmp_path: Path) -> None:
    ini = style(tmp_path, {"Spell": "extends: consistency\nmessage: \"Inconsistent '%s'\"\neither: {colour: color}\n"})
    assert [a[:2] for a in alerts(ini, "The colour faded. A color returned.\n")] == [("color", "House.Spell")]
    assert alerts(ini, "The colour faded. Another colour returned.\n") == []


def test_capitalization_sentence_case_headings(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Heads": """\
                extends: capitalization
                message: "'%s' should use sentence case."
                scope: heading
                match: $sentence
                indicators: [':']
                exceptions: [Linux]
                """
        },
    )
    text = (
        "# Running The Tests\n\nBody Text Here.\n\n## Setup: Install on Linux\n\n## Notes: later steps\n\n"
        "## 3. Pick a colour\n\n## Read a YAML file\n"
    )
    got = alerts(ini, text)
    assert [a[:2] for a in got] == [
        ("Running The Tests", "House.Heads"),
        ("Notes: later steps", "House.Heads"),
        ("Read a YAML file", "House.Heads"),
    ]


def test_metric_compares_its_formula_with_the_condition(tmp_path: Path) -> None:
    rule = "extends: metric\nmessage: 'Average %s words a sentence'\nformula: words / sentences\ncondition: '> 6'\n"
    ini = style(tmp_path, {"Avg": rule})
    long_text = "This sentence has quite a lot of words in it. So does this one, with many words.\n"
    assert [a[2] for a in alerts(ini, long_text)] == ["Average 8.50 words a sentence"]
    assert alerts(ini, "Short one. Another short.\n") == []


def test_ini_levels_sections_and_min_alert_level(tmp_path: Path) -> None:
    rules = {
        "A": "extends: existence\nmessage: a\nlevel: suggestion\ntokens: [alpha]\n",
        "B": "extends: existence\nmessage: b\nlevel: warning\ntokens: [beta]\n",
    }
    ini = style(
        tmp_path,
        rules,
        "StylesPath = styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = House\nHouse.A = error\n\n"
        "[*.txt]\nHouse.B = YES\n\n[notes.md]\nHouse.B = NO\n",
    )
    text = "alpha beta\n"
    assert [(a[1], a[3]) for a in alerts(ini, text)] == [("House.A", Severity.ERROR), ("House.B", Severity.WARNING)]
    assert [a[1] for a in alerts(ini, text, "notes.md")] == ["House.A"]
    assert [a[1] for a in alerts(ini, text, "x.txt")] == ["House.B"]
    assert alerts(ini, text, "x.rst") == []


def test_unsupported_kinds_and_settings_are_said_once(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Spell": "extends: spelling\nmessage: x\n",
            "Order": "extends: sequence\nmessage: x\n",
            "Back": "extends: existence\nmessage: x\ntokens: ['(?<!a+)b', c]\n",
        },
        "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = House, Vale\nTokenIgnores = x\n",
    )
    setup = load_vale_ini(ini)
    assert setup.rules == []
    joined = "\n".join(setup.notes)
    assert len(setup.notes) == 6, joined
    for said in (
        "vocabulary 'Base' not found",
        "'TokenIgnores'",
        "'Vale'",
        "House.Spell: kind 'spelling'",
        "House.Order",
        "House.Back",
    ):
        assert joined.count(said) == 1, said
    assert "look-behind" in joined


def test_a_rule_with_a_bad_key_names_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "Bad.yml"
    path.write_text("extends: existence\nmessage: x\ntokenz: [a]\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_rule(path, "House")
    assert "Bad.yml:3: tokenz: unknown key" in str(err.value)


def test_patterns_are_translated_or_refused_with_a_reason() -> None:
    assert translate("[[:alpha:]]+") == "[a-zA-Z]+"
    assert translate("(?<word>x)") == "(?P<word>x)"
    with pytest.raises(Untranslatable, match="look-behind"):
        translate("(?<!a+)b")
    with pytest.raises(Untranslatable, match="property"):
        translate(r"\p{Lu}")


def test_vale_ini_is_found_in_a_parent_folder(tmp_path: Path) -> None:
    ini = style(tmp_path, {})
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    assert find_vale_ini(tmp_path / "drafts" / "deep") == ini


def test_cli_reports_vale_names_lines_and_columns(tmp_path: Path, run_cli: RunCli) -> None:
    style(tmp_path, {"Hedge": "extends: existence\nmessage: \"Drop '%s'.\"\nlevel: suggestion\ntokens: [basically]\n"})
    (tmp_path / "draft.md").write_text("# Notes\n\nIt is, basically, done.\n", encoding="utf-8")
    r = run_cli("--no-cache", "--select", "VL", "--format", "json", "draft.md", cwd=tmp_path)
    found = [(f["name"], f["line"], f["column"], f["message"], f["severity"]) for f in json.loads(r.stdout)["findings"]]
    assert found == [("House.Hedge", 3, 8, "Drop 'basically'.", "info")], r.stderr


def test_cli_vale_config_option_and_unsupported_note(tmp_path: Path, run_cli: RunCli) -> None:
    ini = style(
        tmp_path / "elsewhere",
        {"Hedge": "extends: existence\nmessage: hedge\ntokens: [basically]\n"},
        "StylesPath = styles\nBlockIgnores = x\n[*]\nBasedOnStyles = House\n",
    )
    (tmp_path / "draft.md").write_text("Basically fine. It is basically done.\n", encoding="utf-8")
    r = run_cli("--isolated", "--no-cache", "--vale-config", str(ini), "--format", "text", "draft.md", cwd=tmp_path)
    assert "draft.md:1:23: VL001" in r.stdout, r.stdout + r.stderr
    assert r.stderr.count("'BlockIgnores'") == 1
    r = run_cli("--isolated", "--no-cache", "--vale-config", "missing.ini", "draft.md", cwd=tmp_path)
    assert r.returncode == 2 and "missing.ini" in r.stderr


def test_a_leading_lookbehind_of_any_width_is_checked_before_each_match(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {"Colon": "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens: ['(?<!:[^ ]+?):\\s[A-Z]']\n"},
    )
    got = alerts(ini, "Note: Careful here. See http://host:8080 Now and a:b: Yes.\n")
    assert [a[0] for a in got] == [": C"]


def test_metric_reads_vale_heading_variables_and_math_functions(tmp_path: Path) -> None:
    rule = "extends: metric\nmessage: '%s'\nformula: math.sqrt(heading.h2 * 4) + words * 0\ncondition: '>= 2'\n"
    ini = style(tmp_path, {"Heads": rule})
    assert [a[2] for a in alerts(ini, "# Title\n\n## One\n\nText.\n")] == ["2.00"]
    assert alerts(ini, "# Title\n\nText.\n") == []
    bad = tmp_path / "Bad.yml"
    bad.write_text("extends: metric\nmessage: x\nformula: os.system(1)\ncondition: '> 1'\n", encoding="utf-8")
    with pytest.raises(PackError, match="not arithmetic"):
        load_rule(bad, "House")


def test_scopes_negation_heading_levels_and_a_broken_rule_file(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Body": "extends: existence\nmessage: body\nscope: ~heading\ntokens: [widget]\n",
            "Sub": "extends: existence\nmessage: sub\nscope: heading.h2\ntokens: [widget]\n",
            "Alt": "extends: existence\nmessage: alt\nscope: alt\ntokens: [widget]\n",
            "Broken": "extends: existence\nmessage: x\ntokenz: [widget]\n",
            "Order": "extends: sequence\nmessage: x\ntokens:\n  - tag: NN\n",
        },
    )
    got = alerts(ini, "# A widget\n\n## Another widget\n\nOne widget here.\n")
    assert [(a[0], a[1]) for a in got] == [("widget", "House.Sub"), ("widget", "House.Body")]
    assert [a[2] for a in got] == ["sub", "body"]
    notes = "\n".join(load_vale_ini(ini).notes)
    assert "House.Alt: refused" in notes and "scope 'alt'" in notes
    assert "House.Broken: not loaded" in notes and "tokenz" in notes
    assert "House.Order: kind 'sequence'" in notes


def test_vale_comments_switch_rules_off_and_on(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "One": "extends: existence\nmessage: one\ntokens: [widget]\n",
            "Two": "extends: existence\nmessage: two\ntokens: [gadget]\n",
        },
    )
    text = (
        "A widget and a gadget.\n\n<!-- vale off -->\n\nA widget and a gadget.\n\n<!-- vale on -->\n\n"
        "<!-- vale House.One = NO -->\n\nA widget and a gadget.\n\n<!-- vale House.One = YES -->\n\nA widget.\n"
    )
    got = [(a[1], text.count("\n", 0, pos)) for a, pos in zip(alerts(ini, text), _starts(ini, text), strict=True)]
    assert got == [("House.One", 0), ("House.Two", 0), ("House.Two", 10), ("House.One", 14)]


def _starts(ini: Path, text: str) -> list[int]:
    doc = Document.from_text("draft.md", text)
    return sorted(f.span.start for cls in load_vale_ini(ini).rules for f in cls().check(doc))


def test_a_vocabulary_accept_list_excepts_its_terms(tmp_path: Path) -> None:
    ini = style(
        tmp_path,
        {
            "Caps": "extends: existence\nmessage: \"'%s'\"\ntokens: ['[A-Z]{4,}']\n",
            "Own": "extends: existence\nmessage: \"'%s'\"\nvocab: false\ntokens: ['[A-Z]{4,}']\n",
        },
        "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = House\n",
    )
    folder = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    folder.mkdir(parents=True)
    (folder / "accept.txt").write_text("# our words\nQWERTY\n(?i)zorbex\n", encoding="utf-8")
    got = alerts(ini, "QWERTY and ZORBEX and ASDFG.\n")
    assert [(a[0], a[1]) for a in got] == [
        ("QWERTY", "House.Own"),
        ("ZORBEX", "House.Own"),
        ("ASDFG", "House.Caps"),
        ("ASDFG", "House.Own"),
    ]
    assert any("reject.txt is not supported" in n for n in load_vale_ini(ini).notes)


def test_a_cached_result_is_not_served_after_the_vocabulary_changes(tmp_path: Path, run_cli: RunCli) -> None:
    ini = style(tmp_path, {"Caps": "extends: existence\nmessage: caps\ntokens: ['[A-Z]{4,}']\n"})
    ini.write_text("StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    folder = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    folder.mkdir(parents=True)
    (folder / "accept.txt").write_text("ZORB\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("The QWERTY board.\n", encoding="utf-8")
    args = ("--select", "VL", "--format", "json", "--cache-dir", str(tmp_path / "cache"), "draft.md")
    first = run_cli(*args, cwd=tmp_path)
    assert [f["name"] for f in json.loads(first.stdout)["findings"]] == ["House.Caps"], first.stderr
    (folder / "accept.txt").write_text("QWERTY\n", encoding="utf-8")
    second = run_cli(*args, cwd=tmp_path)
    assert json.loads(second.stdout)["findings"] == [], second.stderr
