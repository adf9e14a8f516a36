"""Compiled regular expressions kept in the cache folder (lint.recache): a pattern loaded
from the folder is the pattern re.compile builds, and a damaged or foreign file is ignored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint import recache
from tests.conftest import RunCli

pytestmark = pytest.mark.skipif(not recache.supported(), reason="needs CPython's re internals")

# Run in fresh interpreters: re's cache is process-wide.
SAVE = """
import re, sys
from pathlib import Path
from lint import recache
kept = [re.compile(r"(?P<word>\\b[Hh]armony\\w*)\\s+(?:OS|NEXT)", re.I), re.compile(rb"\\x00+")]
re.compile(r"transient, used once")
print(recache.save(Path(sys.argv[1])))
"""
LOAD = """
import re, sys
from pathlib import Path
from lint import recache
n = recache.preload(Path(sys.argv[1]))
key = (str, r"(?P<word>\\b[Hh]armony\\w*)\\s+(?:OS|NEXT)", int(re.I))
preloaded = key in re._cache
p = re.compile(key[1], re.I)
m = p.search("It runs HarmonyOS  next.")
print(n > 0, preloaded, m.group("word"), m.span(), p.groupindex["word"], p.flags == re.compile(key[1] + "", re.I).flags)
"""


def run(code: str, folder: Path) -> str:
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_saved_patterns_are_loaded_and_match_as_compiled(tmp_path: Path) -> None:
    assert int(run(SAVE, tmp_path)) >= 2
    assert (tmp_path / recache.FILE).is_file()
    assert run(LOAD, tmp_path) == "True True HarmonyOS (8, 23) 1 True"


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", None])
def test_damaged_or_foreign_file_is_ignored(tmp_path: Path, damage: bytes | None) -> None:
    run(SAVE, tmp_path)
    target = tmp_path / recache.FILE
    if damage is None:  # written by another Python: the tag differs
        import marshal

        _, entries = marshal.loads(target.read_bytes())
        target.write_bytes(marshal.dumps(("another python", entries)))
    else:
        target.write_bytes(damage)
    assert run(LOAD.replace("print(n > 0,", "print(n,"), tmp_path).startswith("0 False HarmonyOS")


def test_cli_results_are_the_same_with_stored_patterns(tmp_path: Path, run_cli: RunCli) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "Share this article\n\nIt is reported that sales fell 13% last year. At the end of the day, "
        'the "game-changer" is here.\n',
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    plain = run_cli("--isolated", "--no-cache", "--format", "json", str(draft))
    first = run_cli("--isolated", "--cache-dir", str(cache), "--format", "json", str(draft))
    assert (cache / recache.FILE).is_file() and (cache / ".gitignore").is_file()
    draft.write_text(draft.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    plain2 = run_cli("--isolated", "--no-cache", "--format", "json", str(draft))
    second = run_cli("--isolated", "--cache-dir", str(cache), "--format", "json", str(draft))
    assert json.loads(first.stdout)["findings"] == json.loads(plain.stdout)["findings"]
    assert json.loads(second.stdout)["findings"] == json.loads(plain2.stdout)["findings"]
    assert json.loads(second.stdout)["findings"]


ROUND = """
import re, sys
from pathlib import Path
from lint import recache
recache.preload(Path(sys.argv[1]))
kept = [re.compile(p) for p in sys.argv[2].split(",") if p]
re.compile("once " + sys.argv[3])  # compiled for one use, as argparse does
print(recache.save(Path(sys.argv[1])))
"""


def round_(folder: Path, kept: str, transient: str) -> int:
    args = [sys.executable, "-c", ROUND, str(folder), kept, transient]
    return int(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def stored(folder: Path) -> set[str]:
    import marshal

    _, entries = marshal.loads((folder / recache.FILE).read_bytes())
    return {args[0] for _, args in entries}


def test_file_holds_the_patterns_in_use_and_does_not_grow(tmp_path: Path) -> None:
    assert round_(tmp_path, "alpha+,beta+", "1") >= 2
    first = stored(tmp_path)
    assert {"alpha+", "beta+"} <= first and "once 1" not in first  # the one-use pattern is left out
    before = (tmp_path / recache.FILE).stat().st_mtime_ns
    for i in range(2, 6):  # a new one-use pattern each run: nothing new worth storing
        assert round_(tmp_path, "alpha+,beta+", str(i)) == 0
    assert (tmp_path / recache.FILE).stat().st_mtime_ns == before
    # A new pattern in use is stored, and one no longer used is dropped with that write.
    assert round_(tmp_path, "alpha+,gamma+", "7") == 1
    assert stored(tmp_path) == first - {"beta+"} | {"gamma+"}
