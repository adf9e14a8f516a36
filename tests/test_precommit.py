"""The real pre-commit flow: `pre-commit try-repo` against a temporary git repository.

Slow (pre-commit builds the hook's virtualenv from this checkout), so it is marked `slow`;
CI runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    return [exe]


def _snapshot_of_project(dest: Path) -> Path:
    """A git repository holding the project's current files (committed or not), so the
    test checks this working tree, not the last commit."""
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "snapshot")
    return dest


def test_pre_commit_hook_fails_on_boilerplate_and_passes_when_fixed(tmp_path: Path) -> None:
    hook_repo = _snapshot_of_project(tmp_path / "hook")
    work = tmp_path / "work"
    work.mkdir()
    _git(work, "init", "-q")
    draft = work / "story.md"
    draft.write_text(
        "# Harbour bridge reopens\n\n"
        "The bridge reopened on Monday after a two-year repair, the city council said.\n\n"
        "Share this article\n",
        encoding="utf-8",
    )
    _git(work, "add", "story.md")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    cmd = [*_pre_commit(), "try-repo", str(hook_repo), "lint-article", "--verbose"]
    failing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=900)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "story.md:5:1:" in output and "[boilerplate]" in output, output

    draft.write_text(
        "# Harbour bridge reopens\n\nThe bridge reopened on Monday after a two-year repair, the city council said.\n",
        encoding="utf-8",
    )
    _git(work, "add", "story.md")
    passing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


COMMITTED = (
    "# Tram line opens\n\n"
    "The first trams ran on Sunday.\n\n"
    '"Every stop on this line is within a short walk of a school," said Lise Dahl, the transport chief.\n\n'
    "Kari Holm, chief executive of Nordby Trams, cut the ribbon at the depot.\n\n"
    "The city council said the new tram depot at Nordby would cost about £42m to build over two years.\n"
)
STAGED = (
    "# New trams\n\n"
    '"Every stop on this line is within a short walk of a school," said Otto Brun, the mayor.\n\n'
    "Per Vik, chief executive of Nordby Trams, cut the ribbon at the depot.\n\n"
    "The city council said the new tram depot at Nordby would cost about £48m to build over two years.\n"
)
AGREEING = (
    STAGED.replace("Otto Brun, the mayor", "Lise Dahl, the transport chief")
    .replace("Per Vik", "Kari Holm")
    .replace("£48m", "£42m")
)


def _commit_all(work: Path) -> None:
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "drafts")


def test_the_hook_fails_a_staged_draft_that_conflicts_with_a_committed_one(tmp_path: Path) -> None:
    """The shipped hook gives the committed drafts as context: pre-commit passes only the
    staged draft, and the hook still sees that its quotation is another speaker's, its chief
    executive another person and its figure another value than the committed draft's."""
    hook_repo = _snapshot_of_project(tmp_path / "hook")
    work = tmp_path / "work"
    (work / "drafts").mkdir(parents=True)
    _git(work, "init", "-q")
    (work / "drafts" / "trams.md").write_text(COMMITTED, encoding="utf-8")
    _commit_all(work)
    staged = work / "drafts" / "new-trams.md"
    staged.write_text(STAGED, encoding="utf-8")
    _git(work, "add", "drafts/new-trams.md")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    cmd = [*_pre_commit(), "try-repo", str(hook_repo), "lint-article", "--verbose"]
    failing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=900)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "drafts/new-trams.md:3:1: CS112 [consistency]" in output, output
    assert "to 'Otto Brun' here but to 'Lise Dahl' in trams.md:5" in output, output
    assert "drafts/new-trams.md:5:1: CS111 [consistency]" in output and "trams.md:7 names 'Kari Holm'" in output
    assert "drafts/new-trams.md:7:69: CS113 [consistency] £48m here but £42m" in output and "trams.md:9" in output
    assert "drafts/trams.md:" not in output, output  # the committed draft is context only

    staged.write_text(AGREEING, encoding="utf-8")
    _git(work, "add", "drafts/new-trams.md")
    passing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr


def _readme_snippet() -> str:
    """The YAML block of the README's pre-commit section, exactly as written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block.startswith("# .pre-commit-config.yaml\n")
    return block


def test_the_readme_snippet_works_as_written(tmp_path: Path) -> None:
    work = tmp_path / "newsroom"
    work.mkdir()
    _git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(_readme_snippet(), encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)  # where `pip install` put lint-article
    subprocess.run([str(Path(bin_dir) / "lint-article"), "init", "."], cwd=work, check=True, capture_output=True)
    draft = work / "story.md"
    draft.write_text(
        "# Ferry timetable changes\n\n"
        "The ferry leaves an hour earlier from Monday, the harbour office said.\n\n"
        "Share this article\n",
        encoding="utf-8",
    )
    _git(work, "add", "-A")
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    cmd = [*_pre_commit(), "run", "--color", "never"]
    failing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=300)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "story.md:5:1: BP101 [boilerplate]" in output, output

    draft.write_text(
        "# Ferry timetable changes\n\nThe ferry leaves an hour earlier from Monday, the harbour office said.\n",
        encoding="utf-8",
    )
    _git(work, "add", "story.md")
    passing = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=300)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "lint-article" in passing.stdout and "Passed" in passing.stdout

    # The snippet gives the committed drafts as context to the cross-draft checks.
    _commit_all(work)
    (work / "drafts").mkdir()
    (work / "drafts" / "trams.md").write_text(COMMITTED, encoding="utf-8")
    _commit_all(work)
    (work / "drafts" / "new-trams.md").write_text(STAGED, encoding="utf-8")
    _git(work, "add", "drafts/new-trams.md")
    conflict = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=300)
    output = conflict.stdout + conflict.stderr
    assert conflict.returncode == 1, output
    assert "drafts/new-trams.md:3:1: CS112 [consistency]" in output and "trams.md:5" in output, output
