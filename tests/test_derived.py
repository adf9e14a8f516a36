"""Values derived from data files, kept in the cache folder between runs (lint.cache.derived):
reused while the data and the deriving code are unchanged, derived anew otherwise, and a
damaged entry is only a miss. Phrase packs, the spelling table and the hyphenation patterns
use it; what they load back must be what they would derive."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from lint import cache, recache
from lint.packs import load_pack
from rules.consistency.spelling import _spelling_from
from rules.readability import hyphenation
from tests.conftest import RunCli


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_value_is_derived_once_and_then_read_back(folder: Path) -> None:
    calls, build = counting({"a": (1, 2)})
    first = cache.derived("t", b"data", build, __file__, folder)
    second = cache.derived("t", b"data", build, __file__, folder)
    assert first == second == {"a": (1, 2)}
    assert len(calls) == 1
    assert (folder / ".gitignore").is_file()  # the folder is kept out of version control


def test_other_data_or_changed_code_derives_anew(folder: Path, tmp_path: Path) -> None:
    code = tmp_path / "deriver.py"
    code.write_text("x = 1\n")
    calls, build = counting([1])
    cache.derived("t", b"one", build, str(code), folder)
    cache.derived("t", b"two", build, str(code), folder)
    assert len(calls) == 2
    code.write_text("x = 22\n")  # an edit of the deriving code (its size changes)
    cache.derived("t", b"one", build, str(code), folder)
    assert len(calls) == 3


def test_damaged_entry_is_a_miss_and_is_replaced(folder: Path) -> None:
    calls, build = counting("value")
    cache.derived("t", b"d", build, __file__, folder)
    (entry,) = (folder / "derived").iterdir()
    entry.write_bytes(b"\x80\x05not a pickle")
    assert cache.derived("t", b"d", build, __file__, folder) == "value"
    assert len(calls) == 2
    assert pickle.loads(cache.unseal(entry.name, entry.read_bytes(), cache.secret()) or b"") == "value"


def test_without_a_folder_nothing_is_written(tmp_path: Path) -> None:
    calls, build = counting(3)
    before = set(os.listdir(tmp_path))
    assert cache.derived("t", b"d", build, __file__) == 3
    assert cache.derived("t", b"d", build, __file__) == 3
    assert len(calls) == 2
    assert set(os.listdir(tmp_path)) == before


def test_unwritable_folder_still_gives_the_value(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cache.derived("t", b"d", lambda: 5, __file__, blocker / "cache") == 5


PACK = """\
version: 1
rules:
  - code: ZZ101
    name: zz-phrase
    category: style
    message: "avoid '{match}'"
    phrases: [at the end of the day]
    tokens: ['synerg(?:y|ies)']
  - code: ZZ102
    name: zz-swap
    category: style
    extends: substitution
    fix: replace
    message: "'{match}': write '{replacement}'"
    swap: {utilise: use}
"""


def attributes(cls: type) -> dict[str, object]:
    return {k: v for k, v in vars(cls).items() if not k.startswith("_") and k not in ("gate", "led_source")}


def test_pack_read_back_equals_pack_parsed(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK)
    plain = load_pack(path)
    stored = load_pack(path, folder)
    assert list((folder / "derived").glob("pack-*.pickle"))
    again = load_pack(path, folder)  # from the stored entry
    for a, b, c in zip(plain, stored, again, strict=True):
        assert attributes(a) == attributes(b) == attributes(c)
        assert a.__name__ == c.__name__
    # The gate found at load time is the one found on first use without a folder.
    assert "gate" in vars(again[0]) and "gate" not in vars(plain[0])
    assert again[0]._gate() is not None
    assert again[0]._gate().needs == plain[0]._gate().needs
    # So is the scanning pattern's lead (worked out when the rule first scans).
    assert "led_source" in vars(again[0]) and "led_source" not in vars(plain[0])
    assert again[0].pattern.pattern == plain[0].pattern.pattern != plain[0].pattern_source


def test_edited_pack_is_not_served_stale(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK)
    load_pack(path, folder)
    path.write_text(PACK.replace("at the end of the day", "when all is said and done"))
    (cls, _) = load_pack(path, folder)
    assert cls.gate_phrases == ("when all is said and done",)


def test_spelling_and_hyphenation_read_back_equal_derived(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rules import consistency

    monkeypatch.setenv(cache.INSTALL_ENV, "off")  # installed data: in the cache folder without an installation folder

    raw = (Path(consistency.__file__).parent.parent / "data" / "spelling.yaml").read_bytes()
    fresh = _spelling_from(raw)
    cache.use_derived_folder(folder)
    try:
        for _ in range(2):  # derived and stored, then read back
            consistency.spelling_table.cache_clear()
            table = consistency.spelling_table()
            assert dict(table.items()) == fresh and set(table.keys()) == set(fresh)
            assert table["colour"] == fresh["colour"] and "colour" in table and len(table) == len(fresh)
    finally:
        cache.use_derived_folder(None)
        consistency.spelling_table.cache_clear()
    assert list((folder / "derived").glob("spelling-*.pickle"))
    dic = hyphenation.pyphen_dictionary("en_US")
    if dic is None:
        pytest.skip("pyphen's en_US patterns are not installed")
    cache.use_derived_folder(folder)
    try:
        first = hyphenation.load(dic)
        second = hyphenation.load(dic)  # read back
    finally:
        cache.use_derived_folder(None)
    plain = hyphenation.load(dic)
    assert first is not None and second is not None and plain is not None
    for word in ("hyphenation", "consistency", "extraordinarily", "newsroom", "a"):
        assert second.positions(word) == plain.positions(word) == first.positions(word)


def test_cli_uses_the_folder_only_with_the_cache_on(tmp_path: Path, run_cli: RunCli) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("The colour of the color.\n")
    folder = tmp_path / "c"
    off = {cache.INSTALL_ENV: "off"}  # no installation folder: installed data goes to the cache folder
    first = run_cli("--isolated", "--cache-dir", str(folder), "--format", "json", str(draft), env_vars=off)
    names = {p.name.split("-")[0] for p in (folder / "derived").iterdir()}
    assert {"pack", "spelling"} <= names
    second = run_cli(
        "--isolated", "--cache-dir", str(folder), "--no-cache", "--format", "json", str(draft), env_vars=off
    )
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]
    assert json.loads(first.stdout)["findings"]  # the spelling table was used: colour/color
    other = tmp_path / "unused"
    run_cli("--isolated", "--no-cache", "--cache-dir", str(other), str(draft), env_vars=off)
    assert not other.exists()


def test_installed_data_is_kept_in_the_installation_folder(tmp_path: Path, run_cli: RunCli) -> None:
    """Even with --no-cache: the built-in packs, spelling table and hyphenation patterns are
    kept like bytecode, and a user's own pack is not."""
    draft = tmp_path / "a.md"
    draft.write_text("The colour of the color. At the end of the day, a hyphenationless neologism.\n")
    pack = tmp_path / "own.yaml"
    pack.write_text(PACK)
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.lint-article]\npacks = ["{pack.as_posix()}"]\n')
    install = tmp_path / "install"
    env = {cache.INSTALL_ENV: str(install)}
    args = ("--config", str(config), "--no-cache", "--format", "json", str(draft))
    first = run_cli(*args, env_vars=env)
    assert first.returncode == 1, first.stderr
    kept = sorted((install / "derived").iterdir())
    assert {p.name.split("-")[0] for p in kept} >= {"pack", "spelling", "hyphenation"}
    packs = [p for p in kept if p.name.startswith("pack-")]
    assert all(b"zz-phrase" not in p.read_bytes() for p in packs)  # the user's pack is not installed data
    assert not (tmp_path / ".lint-article-cache").exists()
    stamps = {p: p.stat().st_mtime_ns for p in kept}
    second = run_cli(*args, env_vars=env)  # read back, not derived and written again
    assert {p: p.stat().st_mtime_ns for p in (install / "derived").iterdir()} == stamps
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    plain = run_cli(*args, env_vars={cache.INSTALL_ENV: "off"})
    assert json.loads(plain.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert {"ZZ101", "CS102"} <= {f["rule"] for f in json.loads(first.stdout)["findings"]}


def test_folder_is_forgotten_after_an_in_process_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lint.cli import main

    draft = tmp_path / "a.md"
    draft.write_text("Fine.\n")
    main(["--isolated", "--cache-dir", str(tmp_path / "c"), str(draft)])
    assert cache.derived_folder() is None  # a later --no-cache call in this process writes nothing


def test_in_process_run_leaves_the_collector_as_it_was(tmp_path: Path) -> None:
    import gc

    from lint.cli import main

    draft = tmp_path / "a.md"
    draft.write_text("Fine.\n")
    assert gc.isenabled()
    thresholds = gc.get_threshold()
    main(["--isolated", "--no-cache", str(draft)])
    main(["--isolated", "--no-cache", str(draft), str(draft)])  # two drafts: collector on mid-run
    assert gc.isenabled()
    assert gc.get_threshold() == thresholds  # a multi-draft run collects less often, then restores
    assert not gc.get_freeze_count()  # nothing left frozen out of the collector's reach
    gc.disable()
    try:
        main(["--isolated", "--no-cache", str(draft), str(draft)])
        assert not gc.isenabled()  # a caller who had it off gets it back off
    finally:
        gc.enable()


def test_read_only_installation_is_read_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package folder this process cannot write (installed by another user, a read-only
    system): values it already holds are read, new ones are derived each run or kept in the
    cache folder, and no time is spent on what could never be written."""
    install = tmp_path / "install"
    monkeypatch.setenv(cache.INSTALL_ENV, str(install))
    monkeypatch.setattr(cache, "user_installed_folder", lambda: None)  # no stand-in (tests/test_startup.py)
    calls, build = counting("kept")
    assert cache.derived("t", b"d", build, __file__, installed=True) == "kept"  # writable: kept
    monkeypatch.setattr(cache, "_writable", {})
    monkeypatch.setattr(cache.os, "access", lambda path, mode: Path(path) != install)
    assert not cache.installation_writable(install)
    assert cache.derived("t", b"d", build, __file__, installed=True) == "kept"  # read back
    assert len(calls) == 1
    assert not cache.keeps_derived(installed=True)  # nowhere to write: callers take other ways
    calls2, build2 = counting("new")
    before = sorted((install / "derived").iterdir())
    assert cache.derived("u", b"d", build2, __file__, installed=True) == "new"
    assert sorted((install / "derived").iterdir()) == before  # not written
    project = tmp_path / "project"
    assert cache.derived("u", b"d", build2, __file__, project, installed=True) == "new"
    assert list((project / "derived").glob("u-*.pickle"))  # the cache folder keeps it instead
    assert cache.keeps_derived(installed=True) is False and len(calls2) == 2

    parsed: list[object] = []
    monkeypatch.setattr(recache, "_arguments", lambda *args: parsed.append(args))
    recache.mark("a pattern (?:no one|nobody) stores", 0)
    import re

    kept = re.compile("a pattern (?:no one|nobody) stores")
    assert recache.save_installed() == 0 and kept.pattern
    assert not parsed  # no pattern worked out for a folder that cannot be written
