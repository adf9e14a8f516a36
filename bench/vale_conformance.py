#!/usr/bin/env python3
"""Vale conformance: each style package's own expected alerts, against lint-article.

For every package in ``../shared/vale-styles`` (or the folders given), reads the scenarios
of ``features/rules.feature`` (``When I test "X"`` and the alerts Vale prints for
``fixtures/X``), lints that fixture folder with lint-article (its ``.vale.ini`` is found as
Vale finds it) and compares alerts as ``file:line:column:Style.Rule``. Prints per rule and
kind: expected, found (same place and rule), missed, extra, and how many found alerts carry
Vale's message (white space squashed, as the feature files compare); then the totals per kind and overall.

    .venv/bin/python bench/vale_conformance.py [PACKAGE_DIR ...]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "vale-styles"
_SCENARIO = re.compile(r'When I test "([^"]+)"\s+Then the output should contain exactly:\s+"""(.*?)"""', re.S)
_ALERT = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+):(?P<rule>[^:]+):(?P<message>.*)$")

Alert = tuple[str, int, int, str]  # file, line, column, Style.Rule


def scenarios(package: Path) -> list[tuple[str, dict[Alert, str]]]:
    text = (package / "features" / "rules.feature").read_text(encoding="utf-8")
    out = []
    for fixture, block in _SCENARIO.findall(text):
        expected: dict[Alert, str] = {}
        for line in block.strip().splitlines():
            m = _ALERT.match(line.strip())
            if m:
                key = (m["file"], int(m["line"]), int(m["col"]), m["rule"])
                expected[key] = m["message"]
        out.append((fixture, expected))
    return out


def lint(folder: Path) -> tuple[dict[Alert, str], str]:
    cmd = [sys.executable, "-m", "lint", "--no-cache", "--select", "VL", "--format", "json", "--exit-zero", "."]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not proc.stdout.strip():
        return {}, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
    found: dict[Alert, str] = {}
    for f in json.loads(proc.stdout)["findings"]:
        found[(Path(f["path"]).name, f["line"], f["column"], f["name"])] = f["message"]
    return found, ""


def kinds(package: Path) -> dict[str, str]:
    out = {}
    for style in package.iterdir():
        if style.is_dir() and style.name not in ("features", "fixtures", "coverage"):
            for rule in style.glob("*.yml"):
                m = re.search(r"^extends:\s*(\w+)", rule.read_text(encoding="utf-8"), re.M)
                out[f"{style.name}.{rule.stem}"] = m.group(1) if m else "?"
    return out


def main(argv: list[str]) -> int:
    packages = [Path(a) for a in argv] or sorted(p for p in SHARED.iterdir() if (p / "features").is_dir())
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    kind_of: dict[str, str] = {}
    errors: list[str] = []
    for package in packages:
        kind_of.update(kinds(package))
        for fixture, expected in scenarios(package):
            found, error = lint(package / "fixtures" / fixture)
            if error:
                errors.append(f"{package.name}/{fixture}: {error}")
            for key, message in expected.items():
                rows[key[3]]["expected"] += 1
                if key in found:
                    rows[key[3]]["found"] += 1
                    # The feature files' comparison squashes runs of white space.
                    rows[key[3]]["message"] += found[key].split() == message.split()
                else:
                    rows[key[3]]["missed"] += 1
            for key in found.keys() - expected.keys():
                rows[key[3]]["extra"] += 1
    cols = ("expected", "found", "missed", "extra", "message")
    print(f"| rule | kind | {' | '.join(cols)} |")
    print("|---|---|" + "---:|" * len(cols))
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for rule in sorted(rows):
        kind = kind_of.get(rule, "?")
        by_kind[kind].update(rows[rule])
        print(f"| {rule} | {kind} | {' | '.join(str(rows[rule][c]) for c in cols)} |")
    print()
    print(f"| kind | {' | '.join(cols)} |")
    print("|---|" + "---:|" * len(cols))
    total: Counter[str] = Counter()
    for kind in sorted(by_kind):
        total.update(by_kind[kind])
        print(f"| {kind} | {' | '.join(str(by_kind[kind][c]) for c in cols)} |")
    print(f"| **all** | {' | '.join(str(total[c]) for c in cols)} |")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
