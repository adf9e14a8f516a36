"""``lint-article init``: a commented configuration and a starter fact base for a new story.

Both files are valid as written (the fact base's examples are comments, so a new story gets
no finding it did not ask for) and stay valid when the indented example lines are
uncommented. Nothing is ever overwritten: if any file to be written exists, or the folder's
``pyproject.toml`` already configures lint-article, nothing is written at all.
"""

from __future__ import annotations

from pathlib import Path

from lint.errors import UserError

CONFIG_NAME = ".lint-article.yaml"
FACTS_NAME = "facts/story.yaml"

CONFIG = """\
# lint-article configuration (written by `lint-article init`). Paths are relative to this
# file. `lint-article --show-settings` prints what a run uses and where each value came from;
# `lint-article --list-rules` lists the rules and `--explain CODE` documents one.

# The fact base editors keep for this story: names, titles, figures, dates, false claims.
facts: [facts/story.yaml]

# Rules to run: codes (ST101), prefixes (BP), names (share-prompt), categories (style) or ALL.
# The default is every rule that is on by default.
# select: [ALL]
# ignore: [RD104]

# Lowest severity that fails the run (exit 1): error, warning or info.
fail-on: warning

# Severity per code, prefix, name or category.
# severity: {ST: info}

# Folders and files to skip (globs), and the suffixes that count as drafts.
# exclude: ["archive/**"]
# extensions: [.md, .markdown, .txt]

# Rules to turn off for some files.
# per-file-ignores:
#   "press-releases/*.md": [BP]

# Per-rule options (`lint-article --explain CODE` lists a rule's options).
# rules:
#   RD103: {max-words: 45}

# Grammar checking through a LanguageTool server you run: off, local or http://host:port.
# languagetool: off
"""

FACTS = """\
# Fact base for one story (schema version 1, written by `lint-article init`).
# Check it on its own with: lint-article --check-facts facts/story.yaml
# Every section is optional. The indented examples are comments: uncomment them and write
# the story's own facts; lint-article checks every draft against what is written here.
version: 1

# Names: `name` is the form to print, `aliases` are accepted too, `avoid` forms are
# flagged and --fix replaces them with `name`.
entities:
  # - name: Harbourside Tram Company
  #   type: organization           # person | organization | product | place | term
  #   aliases: [Harbourside Trams]
  #   avoid: [Harbour Side Tram Company]
  # - name: Dana Whitlock
  #   type: person

# Who holds which title, and since when.
roles:
  # - person: Dana Whitlock
  #   title: chief executive
  #   org: Harbourside Tram Company
  #   since: 2024-02-01

# Key figures: a draft that states another value is flagged.
figures:
  # - name: new tram line length
  #   entity: Harbourside Tram Company
  #   keywords: [line, route]
  #   value: 14
  #   unit: km
  #   source: Harbourside Tram Company annual report

# Dates of events.
events:
  # - name: tram line opening
  #   date: 2026-09-14
  #   keywords: [opens, opening]

# Statements known to be false (a regular expression, matched within a sentence).
claims:
  # - pattern: 'tram line\\b[^.]*\\bfree of charge\\b'
  #   message: fares apply from the first day

# Sources the attribution rules accept by name.
sources:
  # - Harbourside Tram Company
"""


def init(folder: Path) -> list[Path]:
    """Write the two files under ``folder`` (made if missing); return their paths.

    Raises :class:`UserError` naming what is in the way, having written nothing."""
    targets = [(folder / CONFIG_NAME, CONFIG), (folder / FACTS_NAME, FACTS)]
    for path, _text in targets:
        if path.exists():
            raise UserError("already exists; init never overwrites a file", path=str(path), hint="remove it first")
    pyproject = folder / "pyproject.toml"
    try:
        configured = pyproject.is_file() and "[tool.lint-article" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        configured = False
    if configured:
        raise UserError(
            "already configures lint-article; init would add a second config file",
            path=str(pyproject),
            hint="keep one config file (see --show-settings)",
        )
    written = []
    try:
        for path, text in targets:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as fh:  # "x": never over a file made meanwhile
                fh.write(text)
            written.append(path)
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}", path=str(exc.filename or folder)) from None
    return written
