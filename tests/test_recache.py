"""Compiled regular expressions kept in the installation folder (lint.recache): a pattern
loaded from the folder is the pattern re.compile builds, a damaged or foreign file is
ignored, and no cache folder keeps patterns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cache, recache
from tests.conftest import RunCli

pytestmark = pytest.mark.skipif(not recache.supported(), reason="needs CPython's re internals")

# Run in fresh interpreters: re's cache is process-wide.
# (the folder is named by the environment variable, as the tests' own installation folder is)
SAVE = """
import re, sys
from lint import recache
kept = [re.compile(r"(?P<word>\\b[Hh]armony\\w*)\\s+(?:OS|NEXT)", re.I), re.compile(rb"\\x00+")]
re.compile(r"transient, used once")
recache.mark_compiled()
print(recache.save_installed())
"""
LOAD = """
import re, sys
from lint import recache
n = recache.preload_installed()
key = (str, r"(?P<word>\\b[Hh]armony\\w*)\\s+(?:OS|NEXT)", int(re.I))
preloaded = key in re._cache
p = re.compile(key[1], re.I)
m = p.search("It runs HarmonyOS  next.")
print(n > 0, preloaded, m.group("word"), m.span(), p.groupindex["word"], p.flags == re.compile(key[1] + "", re.I).flags)
"""


def run(code: str, folder: Path, *args: str) -> str:
    env = {**os.environ, cache.INSTALL_ENV: str(folder)}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env)
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
    cache_dir, install = tmp_path / "cache", {cache.INSTALL_ENV: str(tmp_path / "install")}
    plain = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars={cache.INSTALL_ENV: "off"})
    first = run_cli("--isolated", "--cache-dir", str(cache_dir), "--format", "json", str(draft), env_vars=install)
    assert (tmp_path / "install" / recache.FILE).is_file() and (cache_dir / ".gitignore").is_file()
    assert not (cache_dir / recache.FILE).exists()  # a cache folder keeps no patterns
    draft.write_text(draft.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    plain2 = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars={cache.INSTALL_ENV: "off"})
    second = run_cli("--isolated", "--cache-dir", str(cache_dir), "--format", "json", str(draft), env_vars=install)
    assert json.loads(first.stdout)["findings"] == json.loads(plain.stdout)["findings"]
    assert json.loads(second.stdout)["findings"] == json.loads(plain2.stdout)["findings"]
    assert json.loads(second.stdout)["findings"]


ROUND = """
import re, sys
from lint import recache
recache.preload_installed()
kept = [re.compile(p) for p in sys.argv[1].split(",") if p]
re.compile("once " + sys.argv[2])  # compiled for one use, as argparse does
recache.mark_compiled()
print(recache.save_installed())
"""


def round_(folder: Path, kept: str, transient: str) -> int:
    return int(run(ROUND, folder, kept, transient))


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


# The installation folder: patterns of installed code only, for every run (--no-cache too).

FACTS = """\
version: 1
entities:
  - name: Qwzx Industries
    type: organization
    avoid: [Qwzx Co]
  - name: Dana Qwzxley
    type: person
roles:
  - person: Dana Qwzxley
    title: Qwzx warden
    org: Qwzx Industries
claims:
  - pattern: '\\bQwzx\\b[^.]*\\bbankrupt\\b'
    message: Qwzx is not bankrupt
"""
PACK = """\
version: 1
rules:
  - code: ZZ101
    name: zz-phrase
    category: style
    message: "avoid '{match}'"
    phrases: [at the end of the qwzxday]
    tokens: ['qwzxsynerg(?:y|ies)']
"""


def test_installation_folder_holds_no_pattern_from_user_data(tmp_path: Path, run_cli: RunCli) -> None:
    """A fact base, a configuration, a user's pack and a draft all make patterns; none of
    them reaches the installation folder, and the cache folder keeps none."""
    (tmp_path / "facts.yaml").write_text(FACTS)
    (tmp_path / "own.yaml").write_text(PACK)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-article]\npacks = ["own.yaml"]\nfacts = ["facts.yaml"]\nexclude = ["qwzxarchive/**"]\n'
    )
    draft = tmp_path / "d.md"
    draft.write_text(
        "Qwzx Co is bankrupt, said the Qwzxian press. At the end of the qwzxday, qwzxsynergies.\n\n"
        "Sales fell 13% last year. The colour of the color.\n"
    )
    install, project = tmp_path / "install", tmp_path / "project"
    env = {cache.INSTALL_ENV: str(install)}
    out = run_cli("--cache-dir", str(project), "--format", "json", "d.md", cwd=tmp_path, env_vars=env)
    codes = {f["rule"] for f in json.loads(out.stdout)["findings"]}
    assert {"FA101", "ZZ101", "CS102"} <= codes, out.stderr
    installed = (install / recache.FILE).read_bytes()
    assert b"qwzx" not in installed.lower()
    for entry in (install / "derived").iterdir():
        assert b"qwzx" not in entry.read_bytes().lower(), entry.name
    assert not (project / recache.FILE).exists()  # the user's pack: compiled in each run
    assert b"[A-Z]{1,4}[0-9]{3}" in installed  # a rule code check of lint-article's own modules
    assert len(stored(install)) > 100  # modules, installed packs, lazy patterns


def test_built_in_title_pattern_is_kept_and_a_fact_base_one_is_not(tmp_path: Path, run_cli: RunCli) -> None:
    """The job-title finder compiles one big pattern at first use: built from the code's
    titles alone it is installed code's and kept; with a fact base's titles it is not."""
    draft = tmp_path / "d.md"
    draft.write_text('"Sales rose," said Ola Brent, the chief executive of Norvale Ltd.\n')
    install = tmp_path / "install"
    run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars={cache.INSTALL_ENV: str(install)})
    titles = [p for p in stored(install) if isinstance(p, str) and "chief" in p and "deputy" in p]
    assert titles and all("qwzx" not in p for p in titles)
    (tmp_path / "facts.yaml").write_text(FACTS)
    run_cli(
        "--isolated",
        "--no-cache",
        "--facts",
        str(tmp_path / "facts.yaml"),
        "--format",
        "json",
        str(draft),
        env_vars={cache.INSTALL_ENV: str(install)},
    )
    assert not [p for p in stored(install) if isinstance(p, str) and "qwzx" in p.lower()]


def test_no_cache_runs_use_the_installation_folder(tmp_path: Path, run_cli: RunCli) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Share this article\n\nIt is reported that sales fell 13% last year. A game-changer.\n")
    install = tmp_path / "install"
    env = {cache.INSTALL_ENV: str(install)}
    first = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars=env)
    assert (install / recache.FILE).is_file() and (install / "derived").is_dir()
    assert not (tmp_path / ".lint-article-cache").exists()
    stamp = (install / recache.FILE).stat().st_mtime_ns
    second = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars=env)
    assert (install / recache.FILE).stat().st_mtime_ns == stamp  # all loaded: nothing new to write
    none = run_cli("--isolated", "--no-cache", "--format", "json", str(draft), env_vars={cache.INSTALL_ENV: "off"})
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]
    assert json.loads(none.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert json.loads(first.stdout)["findings"]


def test_installation_folder_is_found_as_bytecode_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import lint

    monkeypatch.delenv(cache.INSTALL_ENV)
    package = Path(lint.__file__).resolve().parent
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert cache.installation_folder() == package / "__pycache__" / "lint-article"
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    assert cache.installation_folder() == Path(tmp_path, *package.parts[1:], "lint-article")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PYTHONDONTWRITEBYTECODE
    assert not cache.may_write_installation()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert cache.may_write_installation()
    for off in ("", "off", "OFF"):
        monkeypatch.setenv(cache.INSTALL_ENV, off)
        assert cache.installation_folder() is None
    monkeypatch.setenv(cache.INSTALL_ENV, str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert cache.installation_folder() == tmp_path and cache.may_write_installation()  # named: written


def test_installed_code_is_not_written_without_bytecode(tmp_path: Path) -> None:
    """With PYTHONDONTWRITEBYTECODE, the folder beside the package is not written (here a
    copy of the package, so the test writes nothing beside the real one)."""
    import shutil

    import lint

    copy = tmp_path / "site"
    source = Path(lint.__file__).parent.parent
    for package in ("lint", "rules"):
        shutil.copytree(source / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    draft = tmp_path / "d.md"
    draft.write_text("It is reported that sales fell 13% last year.\n")
    env = {k: v for k, v in os.environ.items() if k not in (cache.INSTALL_ENV, "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(copy)
    args = [sys.executable, "-m", "lint.cli", "--isolated", "--no-cache", "--exit-zero", str(draft)]
    # (run from tmp_path: with -m, the current folder comes first on the path)
    subprocess.run(args, env={**env, "PYTHONDONTWRITEBYTECODE": "1"}, capture_output=True, check=True, cwd=tmp_path)
    folder = copy / "lint" / "__pycache__" / "lint-article"
    assert not folder.exists()
    subprocess.run(args, env=env, capture_output=True, check=True, cwd=tmp_path)
    assert (folder / recache.FILE).is_file() and any((folder / "derived").iterdir())


# -- the one door to re's internals -------------------------------------------------------------


def test_parse_gives_the_tree_as_plain_tuples() -> None:
    tree = recache.parse(r"(?<!-)(?:the\s+)?st[aeo]ry|\bnews{2,}?")
    story, news = tree[0][1]
    assert tree[0][0] == "BRANCH" and len(tree) == 1
    assert story[0] == ("ASSERT_NOT", (-1, (("LITERAL", ord("-")),)))
    assert story[1] == (
        "MAX_REPEAT",
        (0, 1, (("LITERAL", ord("t")), ("LITERAL", ord("h")), ("LITERAL", ord("e")),
                ("MAX_REPEAT", (1, None, (("IN", (("CATEGORY", "CATEGORY_SPACE"),)),))))),
    )  # fmt: skip
    assert story[4] == ("IN", (("LITERAL", ord("a")), ("LITERAL", ord("e")), ("LITERAL", ord("o"))))
    assert news[0] == ("AT", "AT_BOUNDARY") and news[-1] == ("MIN_REPEAT", (2, None, (("LITERAL", ord("s")),)))
    assert recache.parse("(?P<x>a)(?(x)b|c)(?>d)[^0-9]", 0) == (
        ("SUBPATTERN", (1, 0, 0, (("LITERAL", ord("a")),))),
        ("GROUPREF_EXISTS", (1, (("LITERAL", ord("b")),), (("LITERAL", ord("c")),))),
        ("ATOMIC_GROUP", (("LITERAL", ord("d")),)),
        ("IN", (("NEGATE", None), ("RANGE", (ord("0"), ord("9"))))),
    )


@pytest.mark.parametrize("pattern", [r"(a|b)\1", r"(?i:x)y*+z", r"\d+\s\W.$", r"(?=a)(?<=b)[\w-]"])
def test_parse_lets_nothing_of_re_internals_escape(pattern: str) -> None:
    def leaves(value: object) -> list[object]:
        if isinstance(value, tuple):
            return [leaf for item in value for leaf in leaves(item)]
        return [value]

    assert {type(leaf) for leaf in leaves(recache.parse(pattern))} <= {str, int, type(None)}


def test_parse_refuses_what_re_refuses() -> None:
    import re

    for bad in ("(unclosed", "a{2,1}", "x**", "(?P<n>a)(?P<n>b)"):
        with pytest.raises(re.error):
            re.compile(bad)
        with pytest.raises(re.error):
            recache.parse(bad)
    assert recache.parse(r"\bfine\b", re.IGNORECASE)


def test_no_other_module_touches_re_internals() -> None:
    """Issue 17: lint.recache is the only module of lint/ and rules/ that reads CPython's
    regex internals; the others use recache.parse."""
    import re

    root = Path(__file__).resolve().parents[1]
    internals = re.compile(
        r"\bre\._(?:parser|compiler|constants|cache)\b|\bsre_(?:parse|compile|constants)\b|from re import _"
    )
    offenders = [
        str(path.relative_to(root))
        for folder in ("lint", "rules")
        for path in sorted((root / folder).rglob("*.py"))
        if path.name != "recache.py" and internals.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert internals.search((root / "lint" / "recache.py").read_text(encoding="utf-8"))  # the one that does
