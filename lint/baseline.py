"""Baselines: adopt lint-article on an existing archive by recording today's findings and
reporting only new ones.

A finding's fingerprint is its rule, its path and the whitespace-normalised sentence it sits
in (not its line), so edits elsewhere in the draft do not bring recorded findings back.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lint.errors import ConfigError
from lint.model import Finding

FORMAT = 1


def fingerprint(f: Finding) -> str:
    context = " ".join(f.context.split()).lower()
    h = hashlib.sha1(f"{f.rule}\0{f.path}\0{context}".encode(), usedforsecurity=False)
    return h.hexdigest()[:16]


def write(path: Path, findings: Sequence[Finding]) -> int:
    counts = Counter((f.rule, f.path, fingerprint(f)) for f in findings)
    entries = [{"rule": rule, "path": p, "fingerprint": fp, "count": n} for (rule, p, fp), n in sorted(counts.items())]
    data = {"version": FORMAT, "tool": "lint-article", "findings": entries}
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(findings)


def load(path: Path) -> Counter[tuple[str, str, str]]:
    shown = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path=shown, hint="create it with --write-baseline") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=shown) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc.msg}", path=shown, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != FORMAT or not isinstance(data.get("findings"), list):
        raise ConfigError(
            f"not a lint-article baseline (expected version {FORMAT})",
            path=shown,
            hint="recreate it with --write-baseline",
        )
    out: Counter[tuple[str, str, str]] = Counter()
    for i, e in enumerate(data["findings"]):
        try:
            out[(str(e["rule"]), str(e["path"]), str(e["fingerprint"]))] += int(e.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"entry {i} is malformed", path=shown, key="findings") from None
    return out


def filter_new(findings: Sequence[Finding], known: Counter[tuple[str, str, str]]) -> list[Finding]:
    """Findings not covered by the baseline (each recorded entry absorbs up to its count)."""
    budget = Counter(known)
    out = []
    for f in findings:
        key = (f.rule, f.path, fingerprint(f))
        if budget[key] > 0:
            budget[key] -= 1
        else:
            out.append(f)
    return out
