"""Discovery respects .gitignore in a git work tree, through the command line (and
``--no-respect-gitignore`` turns it off)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunCli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _repository(root: Path) -> Path:
    root.mkdir()
    _git(root, "init", "-q")
    (root / ".gitignore").write_text("build/\n*.egg-info/\nscratch-*.md\n!scratch-keep.md\n", encoding="utf-8")
    for name in (
        "drafts/story.md",
        "drafts/scratch-notes.md",
        "scratch-keep.md",
        "build/copy.md",
        "pkg.egg-info/about.md",
        "drafts/scratch-tracked.md",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Calm words about the harbour.\n", encoding="utf-8")
    _git(root, "add", "-f", "drafts/scratch-tracked.md")  # tracked, though the rules ignore it
    return root


def test_folders_are_walked_without_the_files_git_ignores(tmp_path: Path, run_cli: RunCli) -> None:
    repo = _repository(tmp_path / "newsroom")
    proc = run_cli("--isolated", "--no-cache", "--select", "TX", "--format", "json", ".", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"] == 3  # story, scratch-keep (re-included), the tracked one

    every = run_cli(
        "--isolated", "--no-cache", "--select", "TX", "--format", "json", "--no-respect-gitignore", ".", cwd=repo
    )
    assert json.loads(every.stdout)["files"] == 6

    # Which ones: a finding on each linted draft shows its path.
    shout = "A SHOUTED word.\n"
    for p in repo.rglob("*.md"):
        p.write_text(shout, encoding="utf-8")
    proc = run_cli("--isolated", "--no-cache", "--select", "TX101", "--format", "json", ".", cwd=repo)
    paths = sorted({Path(f["path"]).as_posix() for f in json.loads(proc.stdout)["findings"]})
    assert paths == ["drafts/scratch-tracked.md", "drafts/story.md", "scratch-keep.md"]

    named = run_cli("--isolated", "--no-cache", "--select", "TX101", "--format", "json", "build/copy.md", cwd=repo)
    assert {f["path"] for f in json.loads(named.stdout)["findings"]} == {"build/copy.md"}  # named: linted


def test_the_config_key_and_a_folder_outside_any_repository(tmp_path: Path, run_cli: RunCli) -> None:
    repo = _repository(tmp_path / "newsroom")
    (repo / ".lint-article.yaml").write_text("respect-gitignore: false\nselect: [TX]\ncache: false\n")
    proc = run_cli("--format", "json", ".", cwd=repo)
    assert json.loads(proc.stdout)["files"] == 6

    plain = tmp_path / "plain"
    (plain / "build").mkdir(parents=True)
    (plain / ".gitignore").write_text("build/\n", encoding="utf-8")  # not a work tree: no meaning
    (plain / "build" / "copy.md").write_text("Calm words.\n", encoding="utf-8")
    proc = run_cli("--isolated", "--no-cache", "--select", "TX", "--format", "json", ".", cwd=plain)
    assert json.loads(proc.stdout)["files"] == 1
