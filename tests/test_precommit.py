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
