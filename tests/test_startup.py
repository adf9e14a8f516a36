"""Start-up anywhere: where the installation folder cannot be written (PYTHONDONTWRITEBYTECODE,
a read-only installation), what installed code derives (compiled patterns, derived tables)
is kept in this user's sealed stand-in for it (lint.cache.user_installed_folder), and only
what this user sealed is read back from there."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cache, recache

pytestmark = pytest.mark.skipif(not recache.supported(), reason="needs CPython's re internals")

DRAFT = "# Night buses\n\nThe council will run night buses on Fridays and Saturdays from March, it said.\n"
PRELOAD = "from lint import recache\nprint(recache.preload_installed())\n"


def _no_bytecode_env(tmp_path: Path) -> dict[str, str]:
    """A process that may write no bytecode and whose installation folder (under its own
    bytecode prefix) holds nothing: an image built with PYTHONDONTWRITEBYTECODE."""
    env = {k: v for k, v in os.environ.items() if k != cache.INSTALL_ENV}
    env |= {
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPYCACHEPREFIX": str(tmp_path / "prefix"),
        cache.USER_ENV: str(tmp_path / "user"),
    }
    return env


def _run(env: dict[str, str], *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "lint.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def _standin(tmp_path: Path) -> Path:
    (folder,) = (tmp_path / "user" / "installed").iterdir()
    return folder


def test_without_bytecode_the_user_folder_keeps_what_installed_code_derives(tmp_path: Path) -> None:
    draft = tmp_path / "buses.md"
    draft.write_text(DRAFT, encoding="utf-8")
    env = _no_bytecode_env(tmp_path)
    args = ("--isolated", "--no-cache", "--format", "json", str(draft))
    first = _run(env, *args)
    assert first.returncode in (0, 1), first.stderr
    standin = _standin(tmp_path)
    patterns = standin / recache.FILE
    assert patterns.is_file() and list((standin / "derived").glob("*.pickle"))
    assert stat.S_IMODE(patterns.stat().st_mode) == 0o600
    assert patterns.read_bytes().startswith(b"LAC")  # sealed, as the cache folder's entries
    assert not (tmp_path / "prefix").exists()  # nothing beside the package: neither bytecode nor patterns

    assert int(_run(env, code=PRELOAD).stdout) > 100  # a new process finds them
    second = _run(env, *args)
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_the_stand_in_is_read_only_when_this_user_sealed_it(tmp_path: Path) -> None:
    draft = tmp_path / "buses.md"
    draft.write_text(DRAFT, encoding="utf-8")
    env = _no_bytecode_env(tmp_path)
    _run(env, "--isolated", "--no-cache", str(draft))
    patterns = _standin(tmp_path) / recache.FILE
    good = patterns.read_bytes()

    patterns.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # one bit changed
    assert _run(env, code=PRELOAD).stdout.strip() == "0"

    import marshal

    payload = good[len(b"LAC\x02") + 32 :]
    marshal.loads(payload)  # the file holds patterns, behind the seal
    patterns.write_bytes(payload)  # the same patterns, not sealed: as a repository could plant them
    assert _run(env, code=PRELOAD).stdout.strip() == "0"

    elsewhere = tmp_path / "elsewhere.marshal"
    elsewhere.write_bytes(good)
    patterns.unlink()
    patterns.symlink_to(elsewhere)  # a link, even to a sealed file, is not followed
    assert _run(env, code=PRELOAD).stdout.strip() == "0"

    patterns.unlink()
    patterns.write_bytes(good)
    assert int(_run(env, code=PRELOAD).stdout) > 100


READ_ONLY = Path("/proc/sys")


@pytest.mark.skipif(
    not READ_ONLY.is_dir() or os.access(READ_ONLY, os.W_OK), reason="needs a folder no one may write (Linux /proc/sys)"
)
def test_on_a_read_only_file_system_the_user_folder_keeps_them(tmp_path: Path) -> None:
    draft = tmp_path / "buses.md"
    draft.write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, cache.INSTALL_ENV: str(READ_ONLY / "lint-article-test")}
    env[cache.USER_ENV] = str(tmp_path / "user")
    first = _run(env, "--isolated", "--no-cache", "--format", "json", str(draft))
    assert first.returncode in (0, 1), first.stderr
    assert (_standin(tmp_path) / recache.FILE).is_file()
    assert int(_run(env, code=PRELOAD).stdout) > 100


def test_a_read_only_installation_keeps_derived_values_in_the_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install = tmp_path / "install"
    install.mkdir()
    monkeypatch.setenv(cache.INSTALL_ENV, str(install))
    monkeypatch.setenv(cache.USER_ENV, str(tmp_path / "user"))
    monkeypatch.setattr(cache, "_writable", {})
    monkeypatch.setattr(cache.os, "access", lambda path, mode: Path(path) != install)
    assert not cache.installation_writable(install)
    assert cache.keeps_derived(installed=True)  # the stand-in has room

    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return "derived once"

    assert cache.derived("t", b"data", build, __file__, installed=True) == "derived once"
    assert cache.derived("t", b"data", build, __file__, installed=True) == "derived once"
    assert len(calls) == 1
    assert list(install.iterdir()) == []  # the installation is not written
    (entry,) = (_standin(tmp_path) / "derived").iterdir()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600

    entry.write_bytes(entry.read_bytes()[:-1] + b"\x00")  # damaged or planted: derived again
    assert cache.derived("t", b"data", build, __file__, installed=True) == "derived once"
    assert len(calls) == 2
