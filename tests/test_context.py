"""Context drafts, through the command line: drafts that take part in the cross-draft checks
(``--context PATH``, the ``context:`` config key) without being reported on."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunCli

QUOTE_A = (
    "# Reading rooms\n\n"
    "The vote came late on Tuesday.\n\n"
    '"Not one reading room will shut its doors this winter," said Hedda Lund, the mayor.\n'
)
QUOTE_B = '# Winter plans\n\n"Not one reading room will shut its doors this winter," said Anton Krey, the treasurer.\n'
POST_A = "# Port works\n\nSigrun Aas, chief executive of Vestby Harbour, said the quay would reopen in May.\n"
POST_B = "# Quay reopens\n\nJonas Lien, chief executive of Vestby Harbour, cut the ribbon on Friday.\n"
FIGURE_A = "# Ferry results\n\nSundbrott Ferries reported revenue of £42m in 2023, up from the year before.\n"
FIGURE_B = "# Ferry operator\n\nSundbrott Ferries reported revenue of £48m in 2023, the company said.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _json(run_cli: RunCli, *args: str, cwd: Path) -> tuple[int, list[dict[str, object]], str]:
    proc = run_cli("--isolated", "--format", "json", "--select", "CS", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)["findings"], proc.stderr


def test_a_context_draft_takes_part_in_the_cross_draft_checks_but_is_not_reported(
    tmp_path: Path, run_cli: RunCli
) -> None:
    write(tmp_path / "drafts" / "quote-a.md", QUOTE_A)
    write(tmp_path / "drafts" / "quote-b.md", QUOTE_B)
    write(tmp_path / "drafts" / "post-a.md", POST_A)
    write(tmp_path / "drafts" / "post-b.md", POST_B)
    write(tmp_path / "drafts" / "figure-a.md", FIGURE_A)
    write(tmp_path / "drafts" / "figure-b.md", FIGURE_B)

    alone = run_cli("--isolated", "--no-cache", "--select", "CS", "drafts/quote-b.md", cwd=tmp_path)
    assert alone.returncode == 0, alone.stdout + alone.stderr  # blind without the others

    for linted, rule, other, line in (
        ("quote-b.md", "CS112", "drafts/quote-a.md", 5),
        ("post-b.md", "CS111", "drafts/post-a.md", 3),
        ("figure-b.md", "CS113", "drafts/figure-a.md", 3),
    ):
        code, findings, err = _json(run_cli, "--no-cache", "--context", "drafts", f"drafts/{linted}", cwd=tmp_path)
        assert code == 1, err
        assert [(f["path"], f["rule"]) for f in findings] == [(f"drafts/{linted}", rule)]
        related = findings[0]["related"]
        assert isinstance(related, list)
        assert [(r["path"], r["line"]) for r in related] == [(other, line)]


def test_the_established_context_draft_is_the_reference_whatever_the_names(tmp_path: Path, run_cli: RunCli) -> None:
    """One draft against one: the linted draft is the one that disagrees, even when its name
    sorts first (a tie between drafts goes to the context draft)."""
    write(tmp_path / "drafts" / "z-committed.md", POST_A)
    write(tmp_path / "drafts" / "a-staged.md", POST_B)
    code, findings, err = _json(run_cli, "--no-cache", "--context", "drafts", "drafts/a-staged.md", cwd=tmp_path)
    assert code == 1, err
    assert [(f["path"], f["line"]) for f in findings] == [("drafts/a-staged.md", 3)]
    assert "'Jonas Lien' is chief executive of Vestby Harbour here" in str(findings[0]["message"])


def test_a_staged_copy_of_a_committed_statement_with_another_figure_is_the_one_reported(
    tmp_path: Path, run_cli: RunCli
) -> None:
    statement = "The ferry board said the new terminal at Sundbrott would cost about {} to build over ten years.\n"
    write(tmp_path / "drafts" / "zz-committed.md", "# Terminal\n\n" + statement.format("£4.2bn"))
    write(tmp_path / "aa-staged.md", "# Terminal costs\n\n" + statement.format("£4.8bn"))
    code, findings, err = _json(run_cli, "--no-cache", "--context", "drafts", "aa-staged.md", cwd=tmp_path)
    assert code == 1, err
    assert [(f["path"], f["rule"], f["line"]) for f in findings] == [("aa-staged.md", "CS113", 3)]
    assert "£4.8bn here but £4.2bn" in str(findings[0]["message"])


def test_the_context_config_key_and_a_draft_both_linted_and_context(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / ".lint-article.yaml", "select: [CS]\ncontext: [archive]\n")
    write(tmp_path / "archive" / "post-a.md", POST_A)
    write(tmp_path / "new" / "post-b.md", POST_B)
    proc = run_cli("--no-cache", "--format", "json", "new/post-b.md", cwd=tmp_path)
    findings = json.loads(proc.stdout)["findings"]
    assert proc.returncode == 1, proc.stderr
    assert [(f["path"], f["related"][0]["path"]) for f in findings] == [("new/post-b.md", "archive/post-a.md")]

    # A draft given to lint that is also in the context folder is linted (once), and the
    # other draft of the folder is still only context.
    proc = run_cli("--no-cache", "--format", "json", "--context", "new", "archive/post-a.md", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert data["files"] == 1
    assert {f["path"] for f in data["findings"]} <= {"archive/post-a.md"}

    missing = run_cli("--no-cache", "--context", "nowhere", "new/post-b.md", cwd=tmp_path)
    assert "context nowhere: no such file or directory" in missing.stderr


def test_context_drafts_come_from_the_cache_when_unchanged(tmp_path: Path, run_cli: RunCli) -> None:
    for i in range(3):
        write(tmp_path / "drafts" / f"filler-{i}.md", f"# Note {i}\n\nThe ferry runs {i + 2} times a day.\n")
    write(tmp_path / "drafts" / "post-a.md", POST_A)
    staged = write(tmp_path / "staged.md", POST_B)
    args = ("--isolated", "--format", "json", "--select", "CS", "--context", "drafts", "staged.md")
    first = run_cli(*args, cwd=tmp_path)
    entries = sorted(p for p in (tmp_path / ".lint-article-cache").glob("??/*.pickle"))
    assert len(entries) == 5  # the staged draft and the four context drafts
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    second = run_cli(*args, cwd=tmp_path)
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert len(json.loads(first.stdout)["findings"]) == 1
    assert {p: p.stat().st_mtime_ns for p in entries} == stamps  # read, not written again
    staged.write_text(POST_A, encoding="utf-8")  # now it agrees with the context
    third = run_cli(*args, cwd=tmp_path)
    assert third.returncode == 0, third.stdout
