"""The command's workflow conventions, through the command line: a closed pipe, the order of
findings, rule listings, progress, ``init``, settings and config precedence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import RunCli

ISO = ("--isolated", "--no-cache", "--select", "TX")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_closed_pipe_ends_quietly_with_the_sigpipe_status(tmp_path: Path, plugin_site: Path) -> None:
    for i in range(3):
        write(tmp_path / f"d{i}.md", "One SHOUTED word, then SHOUTED again.\n")
    env = {**os.environ, "PYTHONPATH": f"{plugin_site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    for fmt in ("text", "json"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint.cli", *ISO, "--format", fmt, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader goes away before the report is written, as `head` does
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 141, err
        assert err == "", err  # no traceback, no "Exception ignored", no config-error message


def _positions(fmt: str, out: str) -> list[tuple[str, int, int]]:
    """(file name, line, column) of each finding, in the order the format reports them."""
    import json
    import re

    if fmt == "json":
        return [(Path(f["path"]).name, f["line"], f["column"]) for f in json.loads(out)["findings"]]
    if fmt == "sarif":
        found = []
        for r in json.loads(out)["runs"][0]["results"]:
            loc = r["locations"][0]["physicalLocation"]
            found.append(
                (Path(loc["artifactLocation"]["uri"]).name, loc["region"]["startLine"], loc["region"]["startColumn"])
            )
        return found
    if fmt == "github":
        return [
            (Path(m[1]).name, int(m[2]), int(m[3]))
            for m in re.finditer(r"^::\w+ file=([^,]+),line=(\d+),col=(\d+)", out, re.M)
        ]
    if fmt == "text":
        return [(Path(m[1]).name, int(m[2]), int(m[3])) for m in re.finditer(r"^(\S+\.md):(\d+):(\d+): ", out, re.M)]
    found, current = [], ""
    for line in out.splitlines():  # rich: a header per draft, then "  line:col  severity CODE ..."
        header = re.match(r"^(\S+\.md)  \(\d+ findings?\)$", line)
        if header:
            current = Path(header[1]).name
        item = re.match(r"^  (\d+):(\d+)  ", line)
        if item:
            found.append((current, int(item[1]), int(item[2])))
    return found


def test_findings_are_sorted_by_path_line_and_column_in_every_format(tmp_path: Path, run_cli: RunCli) -> None:
    # Per-draft and cross-draft findings, several on a line, drafts named out of order.
    write(tmp_path / "b.md", "CODE-ZED first.\n\nA SHOUTED word, SHOUTED twice, near CODE-YAK.\n")
    write(tmp_path / "a.md", "SHOUTED.\n\nHere CODE-YAK and CODE-ZED and SHOUTED.\n")
    write(tmp_path / "c" / "d.md", "Also CODE-ZED, then SHOUTED.\n")
    paths = [str(tmp_path / "c"), str(tmp_path / "b.md"), str(tmp_path / "a.md")]
    orders = {}
    for fmt in ("text", "json", "sarif", "github", "rich"):
        r = run_cli(*ISO, "--format", fmt, "--color", "never", *paths)
        found = _positions(fmt, r.stdout)
        assert len(found) == 8, (fmt, r.stdout)  # 5 shouted words, 3 code names seen before
        orders[fmt] = found
    expected = sorted(orders["json"], key=lambda p: ("c/d.md" if p[0] == "d.md" else p[0], p[1], p[2]))
    assert expected[:3] == [("a.md", 1, 1), ("a.md", 3, 32), ("b.md", 1, 1)]
    for fmt, found in orders.items():
        assert found == expected, fmt


_HOUSE_PACK = """version: 1
rules:
  - code: HS101
    name: house-banned-words
    extends: existence
    category: style
    level: warning
    enabled: false
    message: "'{match}' is not house style"
    description: |
      Flags words the house style guide of this made-up newsroom bans, a sentence long enough
      to wrap onto a second line of the pack file.

      More detail that the summary leaves out.
    tokens: [synergy]
    examples: {bad: ["We want synergy."], good: ["We want teamwork."]}
"""


def test_list_rules_shows_default_state_and_whole_summaries(tmp_path: Path, run_cli: RunCli) -> None:
    import json

    write(tmp_path / "house.yaml", _HOUSE_PACK)
    config = write(tmp_path / ".lint-article.yaml", "packs: [house.yaml]\n")
    r = run_cli("--config", str(config), "--list-rules")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"]
    house = next(line for line in lines if line.startswith("HS101"))
    assert house.split()[4] == "off"
    assert house.endswith("a sentence long enough to wrap onto a second line of the pack file.")
    assert "More detail" not in r.stdout
    shouted = next(line for line in lines if line.startswith("TX101"))
    assert shouted.split()[4:6] == ["on", "yes"]
    rows = {
        row["code"]: row for row in json.loads(run_cli("--config", str(config), "--list-rules", "-f", "json").stdout)
    }
    assert rows["HS101"]["enabled_by_default"] is False and rows["TX101"]["enabled_by_default"] is True
    assert rows["HS101"]["summary"].endswith("onto a second line of the pack file.")


def test_explain_renders_markdown_at_a_terminal_and_plain_text_when_piped(run_cli: RunCli, plugin_site: Path) -> None:
    piped = run_cli("--explain", "shouted-word")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("# TX101 (shouted-word)\n")
    assert "## Flagged\n\n```markdown\nA SHOUTED word.\n```" in piped.stdout
    forced = run_cli("--explain", "shouted-word", "--color", "always")
    assert "\x1b[" in forced.stdout and "TX101 (shouted-word)" in forced.stdout
    assert "# TX101" not in forced.stdout and "```" not in forced.stdout

    import pty

    leader, follower = pty.openpty()  # a real terminal: rendering is the default there
    env = {**os.environ, "PYTHONPATH": f"{plugin_site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint.cli", "--explain", "shouted-word"], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "TX101 (shouted-word)" in shown and "```" not in shown and "# TX101" not in shown


def test_the_readability_table_shows_the_hardest_drafts_and_a_median(tmp_path: Path, run_cli: RunCli) -> None:
    easy = "The cat sat on the mat. The dog ran to the park. We had tea at noon. "
    hard = "Municipal authorities characterised the infrastructural reorganisation as unprecedented. "
    for i in range(12):  # d00 is the easiest draft, d11 the hardest
        write(tmp_path / f"d{i:02}.md", f"# Draft {i}\n\n" + (easy * (12 - i) + hard * i) + "\n")
    r = run_cli(
        "--isolated",
        "--no-cache",
        "--select",
        "RD101",
        "--format",
        "rich",
        "--color",
        "never",
        "--exit-zero",
        ".",
        cwd=tmp_path,
        env_vars={"COLUMNS": "160"},
    )
    assert r.returncode == 0, r.stderr
    assert "Readability: the 10 hardest of 12 drafts" in r.stdout
    rows = [line.split("│")[1].strip() for line in r.stdout.splitlines() if line.startswith("│ d")]
    assert rows == [f"d{i:02}.md" for i in range(11, 1, -1)]
    assert "2 more drafts; median FK grade " in r.stdout

    few = run_cli(
        *ISO[:2], "--select", "RD101", "-f", "rich", "--color", "never", "--exit-zero", "d00.md", "d11.md", cwd=tmp_path
    )
    assert "Readability\n" in few.stdout and "more draft" not in few.stdout


def _progress_run(
    tmp_path: Path, monkeypatch: object, *extra: str, env: dict[str, str] | None = None, tty: bool = True
) -> str:
    """Run the command in this process with standard error on a terminal (a pty), or on a
    pipe; what standard error received."""
    import pty

    import pytest

    from lint import cli, progress

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    for i in range(30):
        write(tmp_path / "drafts" / f"d{i:02}.md", f"# Draft {i}\n\nThe plant opens next year.\n\nShare this article\n")
    monkeypatch.setattr(progress, "DELAY", 0.0)  # a run of any length counts as a long one
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    leader, follower = pty.openpty() if tty else os.pipe()
    terminal = os.fdopen(follower, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", terminal)
    try:
        status = cli.main(
            [
                "--isolated",
                "--no-cache",
                "--jobs",
                "1",
                "--select",
                "BP101",
                "-f",
                "json",
                *extra,
                str(tmp_path / "drafts"),
            ]
        )
    finally:
        terminal.close()
    assert status == 1
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    return received.decode("utf-8", "replace")


def test_a_progress_line_on_a_terminal_counts_drafts_and_findings(tmp_path: Path, monkeypatch: object) -> None:
    shown = _progress_run(tmp_path, monkeypatch)
    assert "linting 0/30 drafts [" in shown and "findings so far" in shown
    assert shown.endswith("\r")  # wiped before the report
    assert shown.rstrip("\r ").count("\r") >= 1
    counts = [int(part.split("/")[0]) for part in shown.split("linting ")[1:]]
    assert counts == sorted(counts) and counts[-1] <= 30


def test_no_progress_line_in_ci_with_quiet_or_when_piped(tmp_path: Path, monkeypatch: object) -> None:
    assert _progress_run(tmp_path / "ci", monkeypatch, env={"CI": "true"}) == ""
    assert _progress_run(tmp_path / "quiet", monkeypatch, "--quiet") == ""
    assert _progress_run(tmp_path / "piped", monkeypatch, tty=False) == ""


def test_init_writes_a_config_and_fact_base_that_work_and_never_overwrites(tmp_path: Path, run_cli: RunCli) -> None:
    import re

    story = tmp_path / "story"
    r = run_cli("init", str(story), plugin=False)
    assert r.returncode == 0, r.stderr
    config, facts = story / ".lint-article.yaml", story / "facts" / "story.yaml"
    assert config.read_text().startswith("# lint-article configuration")
    assert "facts: [facts/story.yaml]" in config.read_text()
    assert run_cli("--check-facts", str(facts), plugin=False).returncode == 0

    write(story / "draft.md", "# Trams\n\nThe Harbour Side Tram Company opens its line in September.\n")
    clean = run_cli("--no-cache", "-f", "text", str(story), plugin=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # the examples are comments: no finding

    # Uncommented, the examples are a valid fact base that the config's run reads.
    facts.write_text(re.sub(r"(?m)^( +)# ", r"\1", facts.read_text()), encoding="utf-8")
    flagged = run_cli("--no-cache", "-f", "text", "--select", "FA", str(story), plugin=False)
    assert flagged.returncode == 1 and "draft.md:3:5:" in flagged.stdout, flagged.stdout + flagged.stderr
    assert "Harbourside Tram Company" in flagged.stdout

    before = {p: p.read_bytes() for p in (config, facts)}
    again = run_cli("init", str(story), plugin=False)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr
    assert {p: p.read_bytes() for p in (config, facts)} == before

    other = tmp_path / "other"
    write(other / "facts" / "story.yaml", "version: 1\n")
    assert run_cli("init", str(other), plugin=False).returncode == 2
    assert not (other / ".lint-article.yaml").exists()  # nothing written when one file is in the way


def test_schema_prints_json_schemas_that_accept_the_init_files(tmp_path: Path, run_cli: RunCli) -> None:
    import json
    import re

    import jsonschema
    import yaml

    assert run_cli("init", str(tmp_path), plugin=False).returncode == 0
    config = yaml.safe_load((tmp_path / ".lint-article.yaml").read_text())
    facts_text = re.sub(r"(?m)^( +)# ", r"\1", (tmp_path / "facts" / "story.yaml").read_text())
    facts = json.loads(json.dumps(yaml.safe_load(facts_text), default=str))  # dates as YAML tooling sees strings
    for kind, document, wrong in (
        ("config", config, {"fail-on": "warning", "selekt": ["BP"]}),
        ("facts", facts, {"version": 1, "entities": [{"name": "A", "tipe": "person"}]}),
    ):
        r = run_cli("schema", kind, plugin=False)
        assert r.returncode == 0, r.stderr
        schema = json.loads(r.stdout)
        jsonschema.validate(document, schema)
        try:
            jsonschema.validate(wrong, schema)
        except jsonschema.ValidationError:
            pass
        else:
            raise AssertionError(f"the {kind} schema accepts a misspelt key")
    assert run_cli("schema", "drafts", plugin=False).returncode == 2


def test_no_url_in_the_metadata_readme_or_sarif_output_that_does_not_exist(tmp_path: Path, run_cli: RunCli) -> None:
    import re
    from importlib.metadata import metadata

    root = Path(__file__).resolve().parents[1]
    url = re.compile(r"https?://[^\s`\"'<>)\]]+")
    # What may appear: the SARIF schema's published address and placeholders for a server of
    # your own. Nothing on a package index or a host that we made up.
    allowed = {"https://json.schemastore.org/sarif-2.1.0.json", "http://host:port", "http://localhost:8081"}
    write(tmp_path / "a.md", "SHOUTED once.\n")
    sarif = run_cli(*ISO, "--format", "sarif", str(tmp_path / "a.md")).stdout
    for where, text in (
        ("README.md", (root / "README.md").read_text(encoding="utf-8")),
        ("pyproject.toml", (root / "pyproject.toml").read_text(encoding="utf-8")),
        ("SARIF output", sarif),
    ):
        assert set(url.findall(text)) <= allowed, where
    assert not metadata("lint-article").get_all("Project-URL")


def test_with_both_config_files_the_yaml_wins_and_the_run_says_so(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lint-article]\nselect = ["BP"]\n')
    write(tmp_path / ".lint-article.yaml", "select: [TX]\n")
    write(tmp_path / "a.md", "One SHOUTED word.\n\nShare this article\n")
    r = run_cli("--no-cache", "-f", "text", ".", cwd=tmp_path)
    assert "TX101" in r.stdout and "BP101" not in r.stdout  # the YAML's selection ran
    note = (
        f"note: using {tmp_path / '.lint-article.yaml'}; ignoring [tool.lint-article] in {tmp_path / 'pyproject.toml'}"
    )
    assert note in r.stderr

    (tmp_path / ".lint-article.yaml").unlink()
    alone = run_cli("--no-cache", "-f", "text", ".", cwd=tmp_path)
    assert "BP101" in alone.stdout and "TX101" not in alone.stdout and "note:" not in alone.stderr


def test_show_settings_prints_each_value_and_where_it_came_from(tmp_path: Path, run_cli: RunCli) -> None:
    import json

    write(tmp_path / ".lint-article.yaml", "select: [TX]\nfail-on: error\nrules:\n  RD103: {max-words: 45}\n")
    r = run_cli("--show-settings", "--ignore", "TX103", "--jobs", "2", ".", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = {line.split(" = ")[0].strip(): line.split(" = ", 1)[1] for line in r.stdout.splitlines()[1:]}
    config = tmp_path / ".lint-article.yaml"
    assert r.stdout.splitlines()[0] == f"config file: {config}"
    assert lines["select"] == f'["TX"]  # {config}:1'
    assert lines["fail-on"] == f'"error"  # {config}:2'
    assert lines["rules"] == f'{{"RD103": {{"max-words": 45}}}}  # {config}:3'
    assert lines["ignore"] == '["TX103"]  # command line (--ignore)'
    assert lines["jobs"] == "2  # command line (--jobs)"
    assert lines["extensions"] == '[".md", ".markdown", ".txt"]  # default'
    data = json.loads(run_cli("--show-settings", "-f", "json", "--isolated", cwd=tmp_path).stdout)
    assert data["config_file"] is None
    assert data["settings"]["select"] == {"value": None, "from": "default"}
