"""Bad and extreme input: every case gets a clear message naming the path, the other drafts
are still linted, and nothing is written without --fix."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint.config import Config
from lint.engine import Linter, discover, lint_paths, read_draft
from lint.fixes import ChangedOnDisk, write_atomic
from lint.plugins import build_registry, make_plugin_manager
from tests.conftest import RunCli
from tests.test_cli import write

PARAGRAPH = (
    "The harbour board met on Tuesday and agreed to reopen the north pier in May, "
    "the board's chair, Ines Varga, told reporters after the meeting. "
)


def findings(stdout: str) -> list[dict[str, object]]:
    return list(json.loads(stdout)["findings"])


def test_one_megabyte_line(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "line.txt", PARAGRAPH.replace("\n", " ") * (1_000_000 // len(PARAGRAPH)))
    r = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), timeout=300)
    assert r.returncode in (0, 1), r.stderr
    assert not [f for f in findings(r.stdout) if str(f["rule"]).startswith("LA")]


def test_deeply_nested_markdown(tmp_path: Path, run_cli: RunCli) -> None:
    quotes = write(tmp_path / "quotes.md", "> " * 500 + "A quoted line.\n")
    lists = write(tmp_path / "lists.md", "".join("  " * i + "- item\n" for i in range(400)))
    good = write(tmp_path / "good.md", "Share this article\n")
    r = run_cli("--isolated", "--no-cache", "--format", "json", str(quotes), str(lists), str(good))
    found = findings(r.stdout)
    assert not [f for f in found if f["rule"] in ("LA001", "LA006")], found
    assert any(f["path"] == str(good) and f["category"] == "boilerplate" for f in found)


def test_nul_bytes_and_malformed_front_matter(tmp_path: Path, run_cli: RunCli) -> None:
    nul = write(tmp_path / "nul.md", b"Text with a \x00 NUL byte in it.\n")
    fm = write(tmp_path / "fm.md", "---\ntitle: [unclosed\n---\n\nShare this article\n")
    r = run_cli("--isolated", "--no-cache", "--format", "json", str(nul), str(fm))
    found = findings(r.stdout)
    assert {(f["path"], f["rule"]) for f in found} >= {(str(nul), "LA002"), (str(fm), "LA004")}
    assert any(f["path"] == str(fm) and f["category"] == "boilerplate" for f in found)
    assert "binary" in next(str(f["message"]) for f in found if f["rule"] == "LA002")


def test_alias_bomb_in_config_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
    write(tmp_path / ".lint-article.yaml", bomb)
    write(tmp_path / "d.md", "Text.\n")
    r = run_cli("d.md", cwd=tmp_path, timeout=30)
    assert r.returncode == 2
    assert "aliases (*name) are not allowed" in r.stderr and "Traceback" not in r.stderr


def test_path_that_vanishes_during_the_run(tmp_path: Path) -> None:
    keep = write(tmp_path / "keep.md", "Share this article\n")
    gone = write(tmp_path / "gone.md", "Text.\n")
    config = Config(cache=False)
    files = discover([str(tmp_path)], config).files
    gone.unlink()
    linter = Linter(build_registry(make_plugin_manager()), config)
    results = {r.path: r for r in lint_paths(linter, files)}
    assert [f.message for f in results[str(gone)].findings] == ["file vanished before it could be read"]
    assert any(f.category == "boilerplate" for f in results[str(keep)].findings)


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.md", "Text.\n")
    real = os.open

    def open_(path: str, *args: int) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real(path, *args)

    monkeypatch.setattr(os, "open", open_)
    assert read_draft(str(locked)).error == "permission denied"


def test_fix_refuses_a_draft_changed_on_disk(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", "new content\n")
    with pytest.raises(ChangedOnDisk):
        write_atomic(draft, b"fixed\n", expected=b"old content\n")
    assert draft.read_text() == "new content\n"


@pytest.mark.slow
def test_twenty_megabyte_draft(tmp_path: Path, run_cli: RunCli) -> None:
    block = (PARAGRAPH * 3 + "\n\n") * 10
    draft = write(tmp_path / "big.txt", block * (20_000_000 // len(block)))
    r = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), timeout=900)
    assert r.returncode in (0, 1), r.stderr
    assert not [f for f in findings(r.stdout) if f["rule"] in ("LA001", "LA006")]


@pytest.mark.parametrize(("n", "jobs"), [(0, 2), (1, 2), (15, 2), (1312, 2), (5000, 8)])
def test_batches_cover_every_draft_once_and_shrink(n: int, jobs: int) -> None:
    from lint.engine import _batches

    order = list(range(n))[::-1]
    batches = list(_batches(order, jobs))
    assert [i for b in batches for i in b] == order
    sizes = [len(b) for b in batches]
    assert sizes == sorted(sizes, reverse=True) and all(1 <= s <= 64 for s in sizes)
    if n > 100:
        assert sizes[-1] <= 8 and sizes[0] == 64
