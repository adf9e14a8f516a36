"""The command as users call it: a separate process, real files, exit codes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RunCli

ISO = ("--isolated", "--no-cache", "--select", "TX")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_clean_draft_exits_zero(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "a.md", "# Fine\n\nA calm paragraph about nothing much.\n")
    r = run_cli(*ISO, "--format", "text", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "All checks passed" in r.stdout


def test_finding_is_reported_with_line_and_column(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "# Title\n\nThe word is SHOUTED here.\n")
    r = run_cli(*ISO, "--format", "text", str(draft))
    assert r.returncode == 1
    assert f"{draft}:3:13: TX101 [style] 'SHOUTED' should be lower case" in r.stdout


def test_json_output_is_valid_and_has_required_keys(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "SHOUTED once.\n")
    r = run_cli(*ISO, "--format", "json", str(draft))
    data = json.loads(r.stdout)
    assert data["version"] == 1 and data["files"] == 1
    f = data["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "name", "category", "severity", "message"):
        assert key in f
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 1, 1, 8)
    assert f["fix"] is not None


def test_fail_on_and_exit_zero(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "SHOUTED once.\n")
    assert run_cli(*ISO, "--fail-on", "error", str(draft)).returncode == 0
    assert run_cli(*ISO, "--exit-zero", str(draft)).returncode == 0
    assert run_cli(*ISO, str(draft)).returncode == 1


def test_missing_path_is_exit_2_but_others_are_linted(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "SHOUTED once.\n")
    r = run_cli(*ISO, "--format", "text", str(tmp_path / "nope.md"), str(draft))
    assert r.returncode == 2
    assert "nope.md: no such file or directory" in r.stderr
    assert "TX101" in r.stdout
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bin.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("latin.txt", "Caf\u00e9 cr\u00e8me is on the menu.\n".encode("latin-1"), "not valid UTF-8"),
        ("empty.md", b"", "draft is empty"),
    ],
)
def test_bad_drafts_name_the_path_and_others_still_linted(
    tmp_path: Path, run_cli: RunCli, name: str, content: bytes, expected: str
) -> None:
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.md", "SHOUTED once.\n")
    r = run_cli(*ISO, "--format", "text", str(bad), str(good))
    assert f"{bad}:1:1:" in r.stdout and expected in r.stdout
    assert f"{good}:1:1: TX101" in r.stdout
    assert "Traceback" not in r.stderr + r.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path, run_cli: RunCli) -> None:
    bad = write(tmp_path / "locked.md", "text\n")
    bad.chmod(0)
    r = run_cli(*ISO, "--format", "text", str(bad))
    assert "permission denied" in r.stdout


def test_utf8_bom_and_crlf_positions(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", b"\xef\xbb\xbf# T\r\n\r\nOne SHOUTED word.\r\n")
    r = run_cli(*ISO, "--format", "json", str(draft))
    f = json.loads(r.stdout)["findings"][0]
    assert (f["line"], f["column"], f["end_column"]) == (3, 5, 12)


def test_crashing_rule_reported_and_run_goes_on(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "EXPLODE and SHOUTED.\n")
    r = run_cli(*ISO, "--format", "text", str(draft))
    assert "LA001" in r.stdout and "TX102" in r.stdout and "ValueError: boom" in r.stdout
    assert "TX101" in r.stdout
    assert "Traceback" not in r.stderr


def test_hanging_rule_times_out(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "STALL then SHOUTED.\n")
    r = run_cli(*ISO, "--rule-timeout", "0.5", "--format", "text", str(draft), timeout=30)
    assert "LA006" in r.stdout and "TX103" in r.stdout
    assert "TX101" in r.stdout


def test_corpus_rule_sees_all_drafts_and_names_other_file(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "a.md", "We call it CODE-ALPHA.\n")
    write(tmp_path / "b.md", "They call it CODE-ALPHA too.\n")
    r = run_cli(*ISO, "--format", "text", str(tmp_path))
    assert "TX104" in r.stdout
    assert "also appears in" in r.stdout and "a.md:1" in r.stdout


def test_parallel_output_identical_to_serial(tmp_path: Path, run_cli: RunCli) -> None:
    for i in range(40):
        # sizes out of path order: the workers take the largest drafts first
        filler = "More words here. " * ((i * 7) % 13)
        write(tmp_path / f"d{i:02}.md", f"Draft {i} has a SHOUTED word and CODE-X{chr(65 + i % 3)}. {filler}\n")
    one = run_cli(*ISO, "--format", "json", "--jobs", "1", str(tmp_path))
    two = run_cli(*ISO, "--format", "json", "--jobs", "2", str(tmp_path))
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["findings"]) > 40


def test_fix_applies_safe_fixes_idempotently_and_keeps_mode(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "One SHOUTED and another SHOUTED.\n")
    draft.chmod(0o640)
    r = run_cli(*ISO, "--fix", "--format", "text", str(draft))
    assert r.returncode == 0, r.stdout + r.stderr
    assert draft.read_text() == "One shouted and another shouted.\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    before = draft.read_bytes()
    run_cli(*ISO, "--fix", str(draft))
    assert draft.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_fix_keeps_bom_and_crlf(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", b"\xef\xbb\xbfA SHOUTED line.\r\nNext line.\r\n")
    run_cli(*ISO, "--fix", str(draft))
    assert draft.read_bytes() == b"\xef\xbb\xbfA shouted line.\r\nNext line.\r\n"


def test_no_write_without_fix_and_diff_writes_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "A SHOUTED line.\n")
    before = draft.read_bytes()
    run_cli(*ISO, str(draft))
    r = run_cli(*ISO, "--diff", str(draft))
    assert r.returncode == 1
    assert "-A SHOUTED line." in r.stdout and "+A shouted line." in r.stdout
    assert draft.read_bytes() == before


def test_stdin(run_cli: RunCli) -> None:
    r = run_cli(*ISO, "--format", "text", "--stdin-filename", "piped.md", "-", input="A SHOUTED word.\n")
    assert r.returncode == 1
    assert "piped.md:1:3: TX101" in r.stdout


def test_suppression_directives(tmp_path: Path, run_cli: RunCli) -> None:
    md = (
        "SHOUTED one.\n\n"
        "<!-- lint-article: disable-next-line TX101 -->\n"
        "SHOUTED two.\n\n"
        "<!-- lint-article: disable shouted-word -->\n"
        "SHOUTED three.\n\n"
        "<!-- lint-article: enable -->\n"
        "SHOUTED four.\n"
    )
    draft = write(tmp_path / "a.md", md)
    r = run_cli(*ISO, "--format", "json", str(draft))
    lines = [f["line"] for f in json.loads(r.stdout)["findings"]]
    assert lines == [1, 10]
    txt = write(tmp_path / "b.txt", "lint-article: disable-file TX101\n\nSHOUTED.\n")
    r = run_cli(*ISO, "--format", "json", str(txt))
    assert json.loads(r.stdout)["findings"] == []


def test_unknown_code_in_suppression_is_reported(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "<!-- lint-article: disable ZZ999 -->\nText.\n")
    r = run_cli("--isolated", "--no-cache", "--format", "text", str(draft))
    assert "LA005" in r.stdout and "ZZ999" in r.stdout


def test_code_spans_urls_and_front_matter_are_not_prose(tmp_path: Path, run_cli: RunCli) -> None:
    md = "---\ntitle: SHOUTED\n---\n\nUse `SHOUTED` or see https://x.org/SHOUTED.\n\n```\nSHOUTED\n```\n"
    draft = write(tmp_path / "a.md", md)
    r = run_cli(*ISO, "--format", "json", str(draft))
    assert json.loads(r.stdout)["findings"] == []


def test_folder_walk_skips_hidden_and_excluded_and_other_suffixes(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "drafts" / "a.md", "SHOUTED.\n")
    write(tmp_path / "drafts" / ".hidden" / "b.md", "SHOUTED.\n")
    write(tmp_path / "drafts" / "old" / "c.md", "SHOUTED.\n")
    write(tmp_path / "drafts" / "d.rst", "SHOUTED.\n")
    write(tmp_path / ".lint-article.yaml", "exclude: [drafts/old]\nselect: [TX]\ncache: false\n")
    r = run_cli("--format", "json", "drafts", cwd=tmp_path)
    paths = {f["path"] for f in json.loads(r.stdout)["findings"]}
    assert paths == {os.path.join("drafts", "a.md")}


def test_symlink_loop_does_not_hang(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "d" / "a.md", "SHOUTED.\n")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    r = run_cli(*ISO, "--format", "json", str(tmp_path / "d"), timeout=30)
    assert r.returncode == 1
    assert len(json.loads(r.stdout)["findings"]) == 1


def test_config_from_pyproject_and_per_file_ignores(tmp_path: Path, run_cli: RunCli) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.lint-article]\nselect = ["TX"]\ncache = false\n'
        '[tool.lint-article.per-file-ignores]\n"press/*.md" = ["TX101"]\n'
        '[tool.lint-article.severity]\nTX101 = "error"\n',
    )
    write(tmp_path / "press" / "a.md", "SHOUTED.\n")
    write(tmp_path / "news" / "b.md", "SHOUTED.\n")
    r = run_cli("--format", "json", ".", cwd=tmp_path)
    found = json.loads(r.stdout)["findings"]
    assert [(f["path"], f["severity"]) for f in found] == [(os.path.join("news", "b.md"), "error")]


@pytest.mark.parametrize(
    ("config_name", "content", "expected"),
    [
        (".lint-article.yaml", "select: [TX]\nbogus_key: 1\n", ".lint-article.yaml:2: bogus_key: unknown setting"),
        (".lint-article.yaml", "select: [TX]\nfail-on: loud\n", "fail-on: expected one of error, warning, info"),
        (".lint-article.yaml", "select: [TX999]\n", "'TX999' matches no rule"),
        (".lint-article.yaml", "select: [TX\n", ".lint-article.yaml:2: not valid YAML"),
        ("pyproject.toml", '[tool.lint-article]\nselekt = ["TX"]\n', "did you mean 'select'"),
    ],
)
def test_invalid_config_exit_2_with_file_line_key(
    tmp_path: Path, run_cli: RunCli, config_name: str, content: str, expected: str
) -> None:
    write(tmp_path / config_name, content)
    write(tmp_path / "a.md", "Text.\n")
    r = run_cli("a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert expected in r.stderr
    assert "Traceback" not in r.stderr


def test_select_ignore_by_name_and_prefix(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "SHOUTED.\n")
    assert run_cli("--isolated", "--no-cache", "--select", "shouted-word", str(draft)).returncode == 1
    assert run_cli(*ISO, "--ignore", "TX1", str(draft)).returncode == 0


def test_list_rules_and_explain(run_cli: RunCli) -> None:
    r = run_cli("--list-rules")
    assert r.returncode == 0 and "TX101" in r.stdout and "shouted-word" in r.stdout
    r = run_cli("--explain", "shouted-word")
    assert r.returncode == 0 and "Flags the word SHOUTED" in r.stdout and "A SHOUTED word." in r.stdout
    r = run_cli("--explain", "TX9999")
    assert r.returncode == 2 and "no rule" in r.stderr


def test_cache_second_run_uses_cache(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "SHOUTED.\n")
    cache = tmp_path / "cache"
    first = run_cli("--isolated", "--select", "TX", "--cache-dir", str(cache), "--format", "json", str(draft))
    entries = [p for p in cache.rglob("*.pickle") if p.parent.name != "derived"]  # drafts only
    assert len(entries) == 1
    second = run_cli("--isolated", "--select", "TX", "--cache-dir", str(cache), "--format", "json", str(draft))
    assert first.stdout == second.stdout
    draft.write_text("Calm.\n")
    third = run_cli("--isolated", "--select", "TX", "--cache-dir", str(cache), "--format", "json", str(draft))
    assert json.loads(third.stdout)["findings"] == []


def test_baseline_reports_only_new_findings(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "An old SHOUTED word.\n")
    base = tmp_path / "baseline.json"
    assert run_cli(*ISO, "--write-baseline", str(base), str(draft)).returncode == 0
    # An edit elsewhere moves the old finding down a line: it stays known.
    draft.write_text("# New heading\n\nAn old SHOUTED word.\n\nA new SHOUTED word.\n")
    r = run_cli(*ISO, "--baseline", str(base), "--format", "json", str(draft))
    found = json.loads(r.stdout)["findings"]
    assert [f["line"] for f in found] == [5]


def test_broken_plugin_is_an_error_not_a_traceback(tmp_path: Path, run_cli: RunCli, plugin_site: Path) -> None:
    site = tmp_path / "site"
    dist = site / "broken_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[lint_article]\nbroken = broken_plugin\n")
    (site / "broken_plugin.py").write_text("raise ImportError('missing dependency xyz')\n")
    env_path = f"{site}{os.pathsep}{plugin_site}"
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "lint.cli", "--isolated", "x.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": env_path},
    )
    assert r.returncode == 2
    assert "plugin 'broken'" in r.stderr and "missing dependency xyz" in r.stderr
    assert "Traceback" not in r.stderr


def test_config_found_next_to_the_drafts(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "drafts" / ".lint-article.yaml", "select: [TX]\nignore: [TX101]\ncache: false\n")
    write(tmp_path / "drafts" / "a.md", "SHOUTED.\n")
    # Run from the parent folder: the config beside the drafts still applies.
    assert run_cli("--format", "text", "drafts", cwd=tmp_path).returncode == 0
    assert run_cli("--format", "text", "--isolated", "--select", "TX", "drafts", cwd=tmp_path).returncode == 1


def test_same_fact_base_in_config_and_on_command_line_is_loaded_once(tmp_path: Path, run_cli: RunCli) -> None:
    facts = write(
        tmp_path / "facts.yaml",
        "version: 1\nentities:\n  - name: Nordlicht Energy\n    type: organization\n    avoid: [NordLicht Energy]\n",
    )
    write(tmp_path / ".lint-article.yaml", "facts: [facts.yaml]\ncache: false\nselect: [facts]\n")
    draft = write(tmp_path / "a.md", "NordLicht Energy opened a plant.\n")
    r = run_cli("--facts", str(facts), "--format", "text", str(draft), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "FA101" in r.stdout and "'NordLicht Energy' should be 'Nordlicht Energy'" in r.stdout


def test_python_dash_m_lint_runs_the_command(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", "At the end of the day, the council voted for the plan.\n")
    r = subprocess.run(
        [sys.executable, "-m", "lint", "--isolated", "--no-cache", "--format", "json", str(draft)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert report["tool"]["name"] == "lint-article"
    assert [f["rule"] for f in report["findings"]] == ["ST101"]


def test_console_entry_runs_plugins_exit_handlers(tmp_path: Path, plugin_site: Path) -> None:
    """The console script leaves through the interpreter's normal exit: a plugin's ``atexit``
    handler runs after the report is written, and the exit status is the command's."""
    site = tmp_path / "site"
    dist = site / "exit_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: exit-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[lint_article]\nexitplugin = exit_plugin\n")
    marker = tmp_path / "handler-ran.txt"
    (site / "exit_plugin.py").write_text(
        f"import atexit, pathlib\natexit.register(pathlib.Path({str(marker)!r}).write_text, 'done')\n"
    )
    draft = write(tmp_path / "a.md", "At the end of the day, the council voted for the plan.\n")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{plugin_site}"}
    r = subprocess.run(
        [sys.executable, "-m", "lint", "--isolated", "--no-cache", "--format", "text", str(draft)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 1, r.stderr
    assert "ST101" in r.stdout
    assert marker.read_text() == "done"


def test_console_entry_writes_everything_before_it_ends(tmp_path: Path) -> None:
    """A long report on a pipe, a report file, standard error and each exit status all come
    through the console entry."""
    for i in range(30):
        write(tmp_path / "drafts" / f"d{i:02}.md", f"At the end of the day, draft {i} is done.\n" * 40)
    clean = write(tmp_path / "clean.md", "The council voted for the plan on Monday.\n")
    base = [sys.executable, "-m", "lint", "--isolated", "--no-cache"]

    drafts = str(tmp_path / "drafts")
    r = subprocess.run([*base, "--format", "json", drafts], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    cliches = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "ST101"]
    assert len(cliches) == 30 * 40  # one on every line of every draft: nothing cut off

    out = tmp_path / "report.json"
    r = subprocess.run([*base, "--format", "json", "--output-file", str(out), drafts], timeout=120)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert r.returncode == 1 and sum(f["rule"] == "ST101" for f in report["findings"]) == 30 * 40

    r = subprocess.run([*base, "--format", "text", str(clean)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "All checks passed" in r.stdout

    r = subprocess.run([*base, "--facts", str(tmp_path / "missing.yaml"), str(clean)], capture_output=True, text=True)
    assert r.returncode == 2 and "missing.yaml" in r.stderr


def test_help_lists_the_registered_formats_with_their_descriptions(run_cli: RunCli) -> None:
    r = run_cli("--help", plugin=False, env_vars={"COLUMNS": "200"})  # one line per format
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("output formats (--format):\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in listed] == ["rich", "text", "github", "json", "sarif"]
    assert [line.split()[1:3] for line in listed] == [["for", "people"]] * 2 + [["for", "tools"]] * 3
    assert "SARIF 2.1.0" in listed[-1]
    assert "tx-count" not in r.stdout


def test_a_plugins_format_is_in_help_and_usable(tmp_path: Path, run_cli: RunCli) -> None:
    r = run_cli("--help", env_vars={"COLUMNS": "200"})
    assert r.returncode == 0, r.stderr
    line = next(line for line in r.stdout.splitlines() if line.strip().startswith("tx-count"))
    assert line.split()[1:3] == ["for", "tools"]
    assert line.endswith("findings counted by rule (the test plugin's format)")

    draft = write(tmp_path / "a.md", "A SHOUTED word and another SHOUTED word.\n")
    r = run_cli("--isolated", "--no-cache", "--select", "TX101", "--format", "tx-count", str(draft))
    assert r.returncode == 1, r.stderr
    assert r.stdout == "TX101 2\ntotal 2\n"

    clean = write(tmp_path / "b.md", "A calm word.\n")
    r = run_cli("--isolated", "--no-cache", "--quiet", "--select", "TX101", "--format", "tx-count", str(clean))
    assert (r.returncode, r.stdout) == (0, "total 0\n")  # a format for tools writes even with --quiet
    r = run_cli("--isolated", "--no-cache", "--quiet", "--select", "TX101", "--format", "text", str(clean))
    assert (r.returncode, r.stdout) == (0, "")


def test_unknown_format_names_the_registered_ones(tmp_path: Path, run_cli: RunCli) -> None:
    draft = write(tmp_path / "a.md", "A calm word.\n")
    r = run_cli("--isolated", "--no-cache", "--format", "yaml", str(draft))
    assert r.returncode == 2
    assert "unknown --format 'yaml'" in r.stderr and "tx-count" in r.stderr
