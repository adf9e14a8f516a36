"""Attacks from a repository, replayed: nothing in a linted folder (its cache folder
included) may run code, change what a rule matches, hide findings, make lint-article write
outside the folders it was given, or stall a run."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cache, recache
from tests.conftest import RunCli

DRAFT = (
    "Share this article\n\nIt is reported that sales fell 13% last year. At the end of the day, "
    'the "game-changer" is here.\n'
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, modes and FIFOs")


def findings(out: object) -> list[dict[str, object]]:
    return json.loads(out.stdout)["findings"]  # type: ignore[attr-defined, no-any-return]


class Payload:
    """A pickle that makes a folder when loaded: proof that loading ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


# -- the cache: sealed entries only ----------------------------------------------------------


def test_a_pickle_with_a_payload_in_the_cache_folder_is_never_loaded(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    store = cache.Cache(tmp_path / "c", "run")
    key = store.key("d.md", b"text")
    store.put(key, "result")
    assert store.get(key) == "result"
    entry = store.folder / key[:2] / f"{key}.pickle"
    entry.write_bytes(pickle.dumps(Payload(marker)))  # the plain pickle earlier versions read
    assert store.get(key) is None and not marker.exists()
    # Sealed, but with another user's key: the same.
    other = cache.seal(entry.name, pickle.dumps((cache.CACHE_FORMAT, Payload(marker))), b"k" * 32)
    entry.write_bytes(other)
    assert store.get(key) is None and not marker.exists()
    # An entry sealed for another draft cannot stand in for this one.
    key2 = store.key("e.md", b"other")
    store.put(key2, "other result")
    entry.write_bytes((store.folder / key2[:2] / f"{key2}.pickle").read_bytes())
    assert store.get(key) is None


def test_a_derived_value_replaced_by_a_payload_is_derived_again(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return "table"

    folder = tmp_path / "c"
    assert cache.derived("t", b"data", build, __file__, folder) == "table"
    (entry,) = (folder / "derived").iterdir()
    entry.write_bytes(pickle.dumps(Payload(marker)))
    assert cache.derived("t", b"data", build, __file__, folder) == "table"
    assert len(calls) == 2 and not marker.exists()
    assert cache.unseal(entry.name, entry.read_bytes(), cache.secret() or b"") is not None  # written anew


@posix_only
def test_the_installation_folder_is_read_only_when_no_one_else_may_write_it(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    install = tmp_path / "install"
    calls: list[int] = []
    os.environ[cache.INSTALL_ENV], saved = str(install), os.environ[cache.INSTALL_ENV]
    try:
        cache.derived("t", b"data", lambda: calls.append(1) or "v", __file__, installed=True)
        (entry,) = (install / "derived").iterdir()
        entry.write_bytes(pickle.dumps(Payload(marker)))
        entry.chmod(0o666)  # anyone may write it: not trusted
        assert cache.derived("t", b"data", lambda: calls.append(1) or "v", __file__, installed=True) == "v"
        assert len(calls) == 2 and not marker.exists()
    finally:
        os.environ[cache.INSTALL_ENV] = saved


@posix_only
def test_links_fifos_and_oversized_files_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = cache.Cache(tmp_path / "c", "run")
    key = store.key("d.md", b"text")
    store.put(key, "result")
    entry = store.folder / key[:2] / f"{key}.pickle"
    sealed = entry.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(sealed)
    entry.unlink()
    entry.symlink_to(elsewhere)  # a valid entry, behind a link
    assert store.get(key) is None
    entry.unlink()
    entry.symlink_to("/dev/zero")  # endless bytes
    assert store.get(key) is None
    entry.unlink()
    os.mkfifo(entry)  # a read would wait for a writer for ever
    assert store.get(key) is None
    entry.unlink()
    entry.write_bytes(sealed)
    assert store.get(key) == "result"
    monkeypatch.setattr(cache, "MAX_ENTRY", len(sealed) - 1)
    assert cache.read_file(entry, cache.MAX_ENTRY) is None


@posix_only
def test_links_in_the_cache_folder_take_no_write_elsewhere(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "repo" / ".lint-article-cache"
    folder.mkdir(parents=True)
    (folder / ".gitignore").symlink_to(outside / "planted")  # dangling
    store = cache.Cache(folder, "run")
    key = store.key("d.md", b"text")
    (folder / key[:2]).symlink_to(outside, target_is_directory=True)
    store.put(key, "result")
    assert not (outside / "planted").exists() and not list(outside.iterdir())
    assert store.get(key) is None
    linked = tmp_path / "repo2" / ".lint-article-cache"
    linked.parent.mkdir()
    linked.symlink_to(outside, target_is_directory=True)  # the whole cache folder
    store = cache.Cache(linked, "run")
    store.put(store.key("d.md", b"text"), "result")
    assert not list(outside.iterdir())


@posix_only
def test_a_secret_others_may_read_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.USER_ENV, str(tmp_path / "user"))
    monkeypatch.setattr(cache, "_secrets", {})
    key = cache.secret()
    assert key is not None and len(key) == 32
    assert ((tmp_path / "user" / "secret").stat().st_mode & 0o777) == 0o600
    (tmp_path / "user" / "secret").chmod(0o644)
    monkeypatch.setattr(cache, "_secrets", {})
    assert cache.secret() is None
    store = cache.Cache(tmp_path / "c", "run")
    store.put("ab" * 10, "result")  # no secret: nothing kept, nothing trusted
    assert store.get("ab" * 10) is None and not (tmp_path / "c").exists()


def _poisoned_patterns(folder: Path) -> None:
    """A regex.marshal as earlier versions kept in the cache folder, each of its entries the
    compiled code of a pattern that never matches under the text of a rule's pattern."""
    import marshal
    import re

    from lint.plugins import build_registry, make_plugin_manager

    build_registry(make_plugin_manager())
    never = recache._arguments("(?!)", 0)
    entries = [[flags, (pattern, *never[1:])] for kind, pattern, flags in list(re._cache) if kind is str]  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / recache.FILE).write_bytes(marshal.dumps((recache._tag(), entries)))


@pytest.mark.skipif(not recache.supported(), reason="needs CPython's re internals")
def test_poisoned_compiled_patterns_in_a_repository_hide_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "d.md").write_text(DRAFT, encoding="utf-8")
    install = {cache.INSTALL_ENV: str(tmp_path / "install")}
    off = {cache.INSTALL_ENV: "off"}
    clean = run_cli("--isolated", "--no-cache", "--format", "json", "d.md", cwd=repo, env_vars=off)
    _poisoned_patterns(repo / ".lint-article-cache")
    run = run_cli("--isolated", "--format", "json", "d.md", cwd=repo, env_vars=install)
    assert findings(run) == findings(clean) and findings(clean), run.stderr
    # and the installation's own store took nothing from it
    later = run_cli("--isolated", "--no-cache", "--format", "json", "d.md", cwd=repo, env_vars=install)
    assert findings(later) == findings(clean)


@posix_only
def test_a_cache_folder_that_is_a_link_takes_no_write_elsewhere(tmp_path: Path, run_cli: RunCli) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (repo / "d.md").write_text(DRAFT, encoding="utf-8")
    (repo / ".lint-article-cache").symlink_to(outside, target_is_directory=True)
    run = run_cli("--isolated", "--format", "json", "d.md", cwd=repo)
    assert findings(run) and not list(outside.iterdir())


# -- files: regular files inside the roots only ------------------------------------------------


@posix_only
def test_a_fifo_named_like_a_draft_is_reported_not_read(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    run = run_cli("--isolated", "--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=120)
    by_path = {}
    for f in findings(run):
        by_path.setdefault(f["path"], []).append(f)
    assert [f["rule"] for f in by_path["pipe.md"]] == ["LA002"]
    assert "not a regular file" in str(by_path["pipe.md"][0]["message"])
    assert by_path["d.md"]


@posix_only
def test_links_out_of_the_roots_are_reported_and_neither_read_nor_fixed(tmp_path: Path, run_cli: RunCli) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "drafts").mkdir(parents=True)
    outside.mkdir()
    secret_draft = outside / "private.md"
    secret_draft.write_text("Share this article\n\nThe   plan is ready.\n", encoding="utf-8")
    before = secret_draft.read_bytes()
    (repo / "drafts" / "own.md").write_text("Share this article\n\nOur plan is ready.\n", encoding="utf-8")
    (repo / "drafts" / "linked.md").symlink_to(secret_draft)
    (repo / "drafts" / "folder").symlink_to(outside, target_is_directory=True)
    (repo / "drafts" / "inside.md").symlink_to(repo / "drafts" / "own.md")  # inside the roots: linted
    run = run_cli("--isolated", "--no-cache", "--fix", "--format", "json", "drafts", cwd=repo)
    assert "drafts/linked.md: a link to outside the linted folders; not read" in run.stderr
    assert "drafts/folder: a link to outside the linted folders; not read" in run.stderr
    assert secret_draft.read_bytes() == before and sorted(p.name for p in outside.iterdir()) == ["private.md"]
    assert not {f["path"] for f in findings(run)} - {"drafts/inside.md", "drafts/own.md"}
    assert "Share this article" not in (repo / "drafts" / "own.md").read_text(encoding="utf-8")  # fixed: inside
    # Named on the command line, a link out of the roots is refused too, a folder's as a file's.
    named = run_cli("--isolated", "--no-cache", "--fix", "drafts/linked.md", cwd=repo)
    assert "not read" in named.stderr and secret_draft.read_bytes() == before
    (repo / "posts").symlink_to(outside, target_is_directory=True)
    folder = run_cli("--isolated", "--no-cache", "--fix", "posts/", cwd=repo)
    assert "posts: a link to outside the linted folders; not read" in folder.stderr
    assert secret_draft.read_bytes() == before


def test_an_interrupted_fix_leaves_nothing_behind_after_the_next(tmp_path: Path, run_cli: RunCli) -> None:
    from lint import fixes

    (tmp_path / "d.md").write_text("Share this article\n\nOur plan is ready.\n", encoding="utf-8")
    dead = 2**22 + 12345  # above the usual process-id limit: no such process
    leftover = tmp_path / f".d.md.{dead}.0a1b2c3d{fixes._LEFTOVER}"
    leftover.write_text("half a draft")
    live = tmp_path / f".d.md.{os.getpid()}.0a1b2c3d{fixes._LEFTOVER}"  # a run still going (this one)
    live.write_text("being written")
    run_cli("--isolated", "--no-cache", "--fix", "d.md", cwd=tmp_path)
    assert not leftover.exists() and live.exists()


# -- the plugin contract, enforced by the engine ------------------------------------------------


def _misbehaving_rules() -> list[type]:
    from dataclasses import replace

    from lint.model import Span
    from lint.rule import Rule

    class Base(Rule):
        category = "style"
        examples_good = ("Calm text.\n",)

    class Printer(Base):
        """Prints while it checks."""

        code, name = "XX101", "printer"

        def check(self, doc):  # type: ignore[no-untyped-def]
            print("chatter from a plugin")
            i = doc.prose.find("harbour")
            return [self.finding(doc, i, i + 7, "harbour")] if i >= 0 else []

    class Exiter(Base):
        """Calls sys.exit."""

        code, name = "XX102", "exiter"

        def check(self, doc):  # type: ignore[no-untyped-def]
            raise SystemExit(3)

    class Interrupter(Base):
        """Raises KeyboardInterrupt itself."""

        code, name = "XX103", "interrupter"

        def check(self, doc):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

    class BadSpan(Base):
        """Yields a span past the end of the draft, one with wrong lines, and a string."""

        code, name = "XX104", "bad-span"

        def check(self, doc):  # type: ignore[no-untyped-def]
            n = len(doc.text)
            good = self.finding(doc, 0, 3, "first word")
            yield good
            yield replace(good, span=Span(n, n + 50, 1, 1, 1, 51))
            yield replace(good, span=Span(0, 3, 7, 1, 7, 4))
            yield "not a finding"

    return [Printer, Exiter, Interrupter, BadSpan]


def test_rules_that_break_the_contract_become_la001_naming_them(capsys: pytest.CaptureFixture[str]) -> None:
    from lint import hookimpl
    from lint.api import load_linter

    class Plugin:
        @hookimpl
        def lint_article_rules(self) -> list[type]:
            return _misbehaving_rules()

    linter = load_linter(select=["XX"], plugins=[Plugin()])
    result = linter.check_draft("The harbour was calm.\n", "d.md")
    out = capsys.readouterr()
    assert out.out == "" and "chatter from a plugin" in out.err  # stdout is the report's alone
    got = [(f.rule, f.message) for f in result.findings]
    assert ("XX101", "harbour") in got and ("XX104", "first word") in got
    messages = [m for rule, m in got if rule == "LA001"]
    assert any(m.startswith("rule XX102 (exiter) crashed: SystemExit") for m in messages)
    assert any(m.startswith("rule XX103 (interrupter) crashed: KeyboardInterrupt") for m in messages)
    breaches = [m for m in messages if m.startswith("rule XX104 (bad-span) broke the rule contract")]
    assert len(breaches) == 3
    assert "outside the draft" in breaches[0] and "lines and columns" in breaches[1] and "str" in breaches[2]


@posix_only
def test_the_users_ctrl_c_still_stops_the_run() -> None:
    import signal

    from lint import hookimpl
    from lint.api import load_linter
    from lint.rule import Rule

    class Pressed(Rule):
        """Ctrl-C arrives while this rule runs."""

        code, name, category = "XX105", "pressed", "style"
        examples_good = ("Calm text.\n",)

        def check(self, doc):  # type: ignore[no-untyped-def]
            os.kill(os.getpid(), signal.SIGINT)
            return []

    class Plugin:
        @hookimpl
        def lint_article_rules(self) -> list[type]:
            return [Pressed]

    linter = load_linter(select=["XX105"], plugins=[Plugin()])
    with pytest.raises(KeyboardInterrupt):
        linter.check_draft("Calm text.\n", "d.md")


# -- text: every line ending -------------------------------------------------------------------


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("name", ["d.md", "d.txt"])
def test_a_draft_with_unusual_line_endings_is_linted_as_with_lf(brk: str, name: str) -> None:
    from lint.api import load_linter

    linter = load_linter()
    text = "# Harbour\n\nShare this article\n\nIt is reported that the harbour\rreopened.\n"

    def where(t: str) -> list[tuple[str, int, int]]:
        return sorted((f.rule, f.line, f.column) for f in linter.check_draft(t, name).findings)

    expected = where(text.replace("\r", "\n"))
    assert ("BP101", 3, 1) in expected and ("AT103", 5, 1) in expected
    assert where(text.replace("\n", brk).replace("\r", brk)) == expected


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="the time limit needs setitimer")
def test_reading_a_drafts_structure_is_bounded_by_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from lint.api import load_linter
    from lint.document import Document

    def endless(self: Document) -> object:
        for _ in range(600):  # stands in for a parser that never ends on some input
            time.sleep(0.05)
        raise AssertionError("the time limit did not stop the parser")

    monkeypatch.setattr(Document, "_parse_markdown", endless)
    linter = load_linter(select=["BP"])
    linter.rule_timeout = 0.3
    result = linter.check_draft("Share this article\n", "d.md")
    assert [(f.rule, f.message) for f in result.findings] == [
        ("LA006", "reading the draft's structure took over 0.3s; not linted")
    ]

    def broken(self: Document) -> object:
        raise IndexError("a parser's bug")

    monkeypatch.setattr(Document, "_parse_markdown", broken)
    result = linter.check_draft("Share this article\n", "e.md")
    assert [f.message for f in result.findings] == ["reading the draft crashed: IndexError: a parser's bug"]
    assert [f.rule for f in linter.check_draft("Share this article\n", "f.txt").findings] == ["BP101"]


NOT_UTF8 = os.fsdecode(b"caf\xff.md")
"""A file name with a byte that is not UTF-8, as Python decodes it (a lone surrogate)."""
linux_names = pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux file systems")


def _cli_bytes(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "lint.cli", "--isolated", "--no-cache", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, env={**os.environ, **(env or {})})  # bytes


@linux_names
def test_a_file_name_that_is_not_utf8_is_found_read_linted_and_reported(tmp_path: Path) -> None:
    """Discovery, reading and the machine formats, through the command line; the report is
    valid UTF-8 JSON, the exact name in ``path_bytes`` and in SARIF's percent-encoded URI."""
    from urllib.parse import unquote_to_bytes

    (tmp_path / NOT_UTF8).write_text("Share this article\n\nOur plan is ready.\n", encoding="utf-8")
    run = _cli_bytes(tmp_path, "--format", "text", ".")
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    assert b"caf\xff.md:1:1: BP101" in run.stdout  # the name's own bytes
    report = _cli_bytes(tmp_path, "--format", "json", ".")
    assert report.returncode == 1 and b"Traceback" not in report.stderr
    (finding,) = json.loads(report.stdout.decode("utf-8"))["findings"]  # strict UTF-8
    assert (finding["path"], finding["rule"]) == ("caf\ufffd.md", "BP101")
    assert unquote_to_bytes(finding["path_bytes"]) == b"caf\xff.md"
    sarif = _cli_bytes(tmp_path, "--format", "sarif", ".")
    assert sarif.returncode == 1 and b"Traceback" not in sarif.stderr
    (result,) = json.loads(sarif.stdout.decode("utf-8"))["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "caf%FF.md", "uriBaseId": "%SRCROOT%"}
    assert result["partialFingerprints"]["lintArticle/v1"] == finding["fingerprint"]


def _every_format() -> tuple[object, dict[str, type]]:
    """A run over a draft with a name that is not UTF-8, and every registered format: the
    built-in ones, installed plugins' and the test plugin's."""
    import importlib.util

    from lint.api import load_linter
    from lint.config import Config

    spec = importlib.util.spec_from_file_location(
        "lat_testplugin", Path(__file__).parent / "plugin" / "lat_testplugin.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    linter = load_linter(config=Config(), plugins=[module])
    name = "drafts/" + NOT_UTF8
    draft = linter.check_draft('Share this article\n\nIt is reported that the plan is "ready".\n', name)
    return linter.collect([draft]), dict(linter.registry.reporters)


def test_a_file_name_that_is_not_utf8_is_written_by_every_format_to_a_strict_utf8_stream() -> None:
    import io

    from lint.report.base import Reporter

    result, formats = _every_format()
    assert {"text", "rich", "github", "json", "sarif", "tx-count"} <= set(formats)
    assert [f.path for f in result.findings] and {f.path for f in result.findings} == {"drafts/" + NOT_UTF8}  # type: ignore[attr-defined]
    for fmt, cls in formats.items():
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        reporter: Reporter = cls(stream, root=".")
        reporter.render(result)  # type: ignore[arg-type]
        stream.flush()
        out = raw.getvalue()
        assert out, fmt
        if fmt == "text":  # for grep and editors: the name's own bytes
            assert b"drafts/caf\xff.md:1:1: BP101" in out
            continue
        text = out.decode("utf-8")  # every other format writes valid UTF-8
        if fmt in ("json", "sarif"):
            document = json.loads(text)
            if fmt == "json":
                assert {f["path_bytes"] for f in document["findings"]} == {"drafts/caf%FF.md"}
                assert {f["path"] for f in document["findings"]} == {"drafts/caf\ufffd.md"}
            else:
                uris = {
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in document["runs"][0]["results"]
                }
                assert uris == {"drafts/caf%FF.md"}
        elif fmt == "github":
            assert "::warning file=drafts/caf\ufffd.md,line=1," in text
        elif fmt == "rich":
            assert "drafts/caf\ufffd.md" in text
        else:  # a plugin's format: it need not name files, only not break
            assert "BP101" in text, fmt


def test_names_that_are_not_utf8_have_an_exact_and_a_readable_form() -> None:
    from urllib.parse import unquote_to_bytes

    from lint.report.common import exact_bytes, percent_bytes, readable

    assert exact_bytes(NOT_UTF8) == b"caf\xff.md" and readable(NOT_UTF8) == "caf\ufffd.md"
    assert percent_bytes("café 100%.md") is None  # plain Unicode needs no second form
    assert percent_bytes("a%b/" + NOT_UTF8) == "a%25b/caf%FF.md"
    assert unquote_to_bytes(percent_bytes("a%b/" + NOT_UTF8) or "") == b"a%b/caf\xff.md"
    assert exact_bytes("\ud800x") == "\ud800x".encode("utf-8", "surrogatepass")  # escapes no byte; no crash
    # The fingerprint hashes the exact bytes: two names that read alike keep their own ids.
    import dataclasses
    import io

    from lint.model import RunResult
    from lint.report.common import Paths
    from lint.report.json_format import JsonReporter

    result, _ = _every_format()
    assert isinstance(result, RunResult)
    findings = tuple(dataclasses.replace(f, path="drafts/caf\ufffd.md") for f in result.findings)
    look_alike = dataclasses.replace(result, findings=findings)
    reporter = JsonReporter(io.StringIO(), root=".")
    ours, theirs = reporter.fingerprints(result, Paths(".")), reporter.fingerprints(look_alike, Paths("."))
    assert ours and set(ours).isdisjoint(theirs)


def test_run_rule_holds_a_plugins_rule_to_the_contract() -> None:
    from lint.testing import run_rule

    bad_span = {r.code: r for r in _misbehaving_rules()}["XX104"]
    with pytest.raises(AssertionError, match=r"rule XX104 \(bad-span\) broke the rule contract: .*outside the draft"):
        run_rule(bad_span, "The harbour was calm.\n")


@posix_only
def test_a_secret_is_made_in_an_existing_user_folder_others_may_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    user.mkdir(mode=0o755)
    user.chmod(0o755)
    monkeypatch.setenv(cache.USER_ENV, str(user))
    monkeypatch.setattr(cache, "_secrets", {})
    assert cache.secret() is not None
    user.chmod(0o777)  # anyone may swap the key: no cache
    (user / "secret").unlink()
    monkeypatch.setattr(cache, "_secrets", {})
    assert cache.secret() is None


def test_a_vale_style_in_the_repository_cannot_run_code_or_stall_the_run(tmp_path: Path, run_cli: RunCli) -> None:
    """A .vale.ini is read from the linted folder (lint.vale): its rule files are read as
    safe YAML (a Python tag is data, never a call), and a pipe named like a rule or like
    the .vale.ini itself is never opened."""
    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True)
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    os.mkfifo(folder / "Pipe.yml")
    (folder / "Evil.yml").write_text(
        "extends: existence\nmessage: x\ntokens: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8"
    )
    (tmp_path / "draft.md").write_text("A plain draft.\n", encoding="utf-8")
    r = run_cli("--no-cache", "draft.md", cwd=tmp_path, timeout=30)
    assert r.returncode in (0, 1, 2) and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "pwned").exists()
    (folder / "Evil.yml").unlink()
    (tmp_path / ".vale.ini").unlink()
    os.mkfifo(tmp_path / ".vale.ini")
    r = run_cli("--no-cache", "--format", "json", "draft.md", cwd=tmp_path, timeout=30)
    assert r.returncode in (0, 1), r.stderr
    assert not any(str(f["rule"]).startswith("VL") for f in findings(r))
