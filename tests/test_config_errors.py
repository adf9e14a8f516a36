"""Config errors through the command line: each names the file, the line and the key as the
user wrote them (hyphens stay hyphens), in YAML and in pyproject.toml, and an option given on
the command line is named as the option."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli

CASES = [
    # (file, text, the error's first line after "lint-article: error: <folder>/")
    (
        ".lint-article.yaml",
        "select: [BP]\nignore:\n  - ST101\n  - XX999\n",
        ".lint-article.yaml:4: ignore[1]: 'XX999' matches no rule",
    ),
    (
        ".lint-article.yaml",
        "select: [BP]\nseverity: {ST101: info, ST: fatal}\n",
        ".lint-article.yaml:2: severity.ST: expected one of error, warning, info, got 'fatal'",
    ),
    (
        ".lint-article.yaml",
        "select: [BP]\nseverity:\n  ST101: info\n  QQ: error\n",
        ".lint-article.yaml:4: severity.QQ: 'QQ' matches no rule",
    ),
    (
        ".lint-article.yaml",
        "rules:\n  RD103:\n    max-wordz: 30\n",
        ".lint-article.yaml:3: rules.RD103.max-wordz: rule RD103 (long-sentence) has no option 'max-wordz'",
    ),
    (
        ".lint-article.yaml",
        "select: [RD]\nrules:\n  long-sentence:\n    max-words: many\n",
        ".lint-article.yaml:4: rules.long-sentence.max-words: expected a number, got 'many'",
    ),
    (
        "pyproject.toml",
        '[tool.lint-article]\nselect = ["BP"]\nextend-select = ["QQ1"]\n',
        "pyproject.toml:3: extend-select[0]: 'QQ1' matches no rule",
    ),
    (
        "pyproject.toml",
        '[tool.lint-article]\nselect = ["ST"]\nseverity = { ST101 = "info", ST = "fatal" }\n',
        "pyproject.toml:3: severity.ST: expected one of error, warning, info, got 'fatal'",
    ),
    (
        "pyproject.toml",
        '[tool.lint-article]\nignore = [\n  "ST101",\n  "ST",\n  "QQ7",\n]\n',
        "pyproject.toml:5: ignore[2]: 'QQ7' matches no rule",
    ),
    (
        "pyproject.toml",
        '[tool.lint-article.per-file-ignores]\n"notes/*.md" = ["BP", "ZZ"]\n',
        "pyproject.toml:2: per-file-ignores.notes/*.md[1]: 'ZZ' matches no rule",
    ),
    (
        "pyproject.toml",
        '[tool.lint-article]\nselect = ["RD"]\n\n[tool.lint-article.rules.RD103]\nmax-words = "x"\n',
        "pyproject.toml:5: rules.RD103.max-words: expected a number, got 'x'",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES)
def test_a_config_error_names_file_line_and_key_as_written(
    tmp_path: Path, run_cli: RunCli, name: str, text: str, expected: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text("Calm words.\n", encoding="utf-8")
    proc = run_cli("--no-cache", "a.md", cwd=tmp_path, plugin=False)
    assert proc.returncode == 2, proc.stdout
    first = proc.stderr.splitlines()[0]
    assert first == f"lint-article: error: {tmp_path / name}{expected[len(name) :]}", proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_hint_keeps_the_users_spelling_of_option_names(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "a.md").write_text("Calm words.\n", encoding="utf-8")
    config = tmp_path / ".lint-article.yaml"
    config.write_text("rules:\n  RD103:\n    max-wordz: 30\n", encoding="utf-8")
    hyphens = run_cli("--no-cache", "a.md", cwd=tmp_path, plugin=False).stderr
    assert "hint: its options are: max-words" in hyphens and "max_words" not in hyphens, hyphens
    config.write_text("rules:\n  RD103:\n    max_wordz: 30\n", encoding="utf-8")
    underscores = run_cli("--no-cache", "a.md", cwd=tmp_path, plugin=False).stderr
    assert "has no option 'max_wordz'" in underscores and "its options are: max_words" in underscores


def test_a_selector_from_the_command_line_is_named_as_the_option(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "a.md").write_text("Calm words.\n", encoding="utf-8")
    (tmp_path / ".lint-article.yaml").write_text("ignore: [ST101]\n", encoding="utf-8")
    proc = run_cli("--no-cache", "--ignore", "ST1O1", "a.md", cwd=tmp_path, plugin=False)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == "lint-article: error: --ignore: 'ST1O1' matches no rule", proc.stderr
    assert "hint: did you mean 'ST1" in proc.stderr


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("facts: [story.yaml, missing.yaml]", ":2: facts[1]: fact base file not found: {root}/missing.yaml"),
        ("packs:\n  - missing-pack.yaml", ":3: packs[0]: phrase pack not found: {root}/missing-pack.yaml"),
        ("baseline: missing.json", ":2: baseline: baseline file not found: {root}/missing.json"),
    ],
)
def test_a_file_the_config_names_that_is_missing_is_reported_at_its_line(
    tmp_path: Path, run_cli: RunCli, setting: str, expected: str
) -> None:
    (tmp_path / "story.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Calm words.\n", encoding="utf-8")
    config = tmp_path / ".lint-article.yaml"
    config.write_text(f"select: [ALL]\n{setting}\n", encoding="utf-8")
    proc = run_cli("--no-cache", "a.md", cwd=tmp_path, plugin=False)
    assert proc.returncode == 2
    root = tmp_path.resolve()
    assert proc.stderr.splitlines()[0] == f"lint-article: error: {config}{expected.format(root=root)}", proc.stderr
