"""Suppression directives, through the command line: each directive word, and a word that is
not one (reported, disabling nothing). TX101 is the test plugin's rule for a SHOUTED word."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunCli

ISO = ("--isolated", "--no-cache", "--select", "TX,LA", "--format", "json")


def _findings(run_cli: RunCli, tmp_path: Path, name: str, text: str) -> list[tuple[int, str]]:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    proc = run_cli(*ISO, str(draft))
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["line"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]


def test_disable_line_covers_its_own_line_only(tmp_path: Path, run_cli: RunCli) -> None:
    md = (
        "SHOUTED on the first line. <!-- lint-article: disable-line TX101 -->\n\n"
        "SHOUTED on the third line.\n\n"
        "SHOUTED on the fifth. <!-- lint-article: disable-line -->\n"
    )
    assert _findings(run_cli, tmp_path, "a.md", md) == [(3, "TX101")]


def test_next_line_range_and_file_directives(tmp_path: Path, run_cli: RunCli) -> None:
    md = (
        "<!-- lint-article: disable-next-line TX101 -->\n\n"
        "SHOUTED after a blank line.\n"
        "SHOUTED on line four.\n"
        "<!-- lint-article: disable shouted-word -->\n"
        "SHOUTED inside the range.\n"
        "<!-- lint-article: enable TX101 -->\n"  # the same rule by its code: the range ends
        "SHOUTED after the range.\n"
    )
    assert _findings(run_cli, tmp_path, "b.md", md) == [(4, "TX101"), (8, "TX101")]
    txt = "lint-article: disable-file TX\n\nSHOUTED in plain text.\n"
    assert _findings(run_cli, tmp_path, "c.txt", txt) == []


def test_enable_ends_part_of_a_disable_and_the_rest_goes_on(tmp_path: Path, run_cli: RunCli) -> None:
    md = (
        "<!-- lint-article: disable TX101, boilerplate -->\n"
        "A SHOUTED word.\n\n"
        "Share this article\n\n"
        "<!-- lint-article: enable shouted-word -->\n"
        "A SHOUTED word.\n\n"
        "Share this article\n"
    )
    draft = tmp_path / "p.md"
    draft.write_text(md, encoding="utf-8")
    proc = run_cli("--isolated", "--no-cache", "--select", "TX,BP,LA", "--format", "json", str(draft))
    found = [(f["line"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [(7, "TX101")]  # TX101 back on after line 6; boilerplate off throughout

    unsuppressed = tmp_path / "q.md"
    unsuppressed.write_text(md.replace("lint-article:", "note:"), encoding="utf-8")
    proc = run_cli("--isolated", "--no-cache", "--select", "TX,BP,LA", "--format", "json", str(unsuppressed))
    rules = [f["rule"] for f in json.loads(proc.stdout)["findings"]]
    assert rules.count("TX101") == 2 and rules.count("BP101") == 2  # what the directives turned off


def test_an_unknown_directive_word_is_an_error_and_disables_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    md = (
        "<!-- lint-article: disable-lines TX101 -->\n"
        "SHOUTED under a misspelt directive.\n\n"
        "<!-- lint-article: ignore -->\n"
        "SHOUTED under another tool's word.\n\n"
        "<!-- lint-article: -->\n"
        "SHOUTED under no word at all.\n"
    )
    draft = tmp_path / "d.md"
    draft.write_text(md, encoding="utf-8")
    proc = run_cli(*ISO, str(draft))
    found = json.loads(proc.stdout)["findings"]
    assert [(f["line"], f["rule"], f["severity"]) for f in found] == [
        (1, "LA007", "error"),
        (2, "TX101", "warning"),
        (4, "LA007", "error"),
        (5, "TX101", "warning"),
        (7, "LA007", "error"),
        (8, "TX101", "warning"),
    ]
    messages = [f["message"] for f in found if f["rule"] == "LA007"]
    assert "unknown directive 'disable-lines'" in messages[0] and "did you mean 'disable-line'?" in messages[0]
    assert "unknown directive 'ignore'" in messages[1] and "disable-next-line" in messages[1]
    assert "without a directive" in messages[2]
    assert not any(f["rule"] == "LA005" for f in found)  # no rule named "-lines" looked for


def test_the_unknown_directive_error_fails_the_run_and_can_be_explained(tmp_path: Path, run_cli: RunCli) -> None:
    draft = tmp_path / "e.md"
    draft.write_text("Calm words.\n<!-- lint-article: disbale TX101 -->\n", encoding="utf-8")
    proc = run_cli("--isolated", "--no-cache", "--format", "text", str(draft))
    assert proc.returncode == 1
    assert "e.md:2:1: LA007" in proc.stdout and "'disbale'" in proc.stdout and "'disable'?" in proc.stdout
    explained = run_cli("--explain", "LA007", "--color", "never")
    assert explained.returncode == 0 and "disables nothing" in explained.stdout
