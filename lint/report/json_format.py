"""``json``: a versioned document of the findings and a summary.

JSON schema, version 1
----------------------

Keys appear in this order; new keys may be added in version 1, existing ones never change
meaning (a change bumps ``version``)::

    {
      "version": 1,                      # schema version (integer)
      "tool": {"name": "lint-article", "version": "0.1.0"},
      "files": 5,                        # number of drafts checked
      "findings": [
        {
          "path": "drafts/bmw.md",       # as given on the command line (see below)
          "path_bytes": "caf%FF.md",     # only for a name that is not UTF-8 (see below)
          "line": 12, "column": 5,       # 1-based; columns count characters
          "end_line": 12, "end_column": 24,   # exclusive end
          "rule": "BP101", "name": "share-prompt",
          "category": "boilerplate",     # one of lint.model.CATEGORIES (or "internal")
          "severity": "warning",         # "error" | "warning" | "info"
          "message": "...",
          "fingerprint": "9f...",        # stable across edits elsewhere in the draft
          "fix": null | {
            "description": "...", "safe": true,
            "edits": [{"start": {"line": 12, "column": 1} | null,
                       "end": {"line": 13, "column": 1} | null,
                       "offset_start": 301, "offset_end": 340,   # characters into the draft
                       "replacement": ""}]
          },
          "related": [{"path": "facts.yaml", "line": 14, "message": "..."}]   # and "path_bytes"
        }
      ],
      "summary": {
        "findings": 12,
        "files_with_findings": 3,
        "by_severity": {"error": 3, "warning": 8, "info": 1},   # all three keys, always
        "by_category": {"facts": 3, ...},                       # every category, always
        "by_rule": {"BP101": 2, ...},                           # sorted by code
        "fixable": 4,                    # findings with a safe fix (what --fix applies)
        "unsafe_fixable": 1,             # findings whose fix needs --unsafe-fixes
        "failing": 11, "fail_on": "warning",
        "statistics": [{"rule": "BP101", "name": "share-prompt", "count": 2, "fixable": true}],
        "metrics": {"drafts/bmw.md": {"words": 412, "flesch_reading_ease": 48.2}},
        "fixed": 0,                      # findings fixed by --fix in this run
        "warnings": ["..."]              # run-level warnings
      }
    }

Non-finite metric values are written as ``null`` so the document is always valid JSON.

The document is always valid UTF-8. A file name may hold bytes that are not UTF-8: in
``path`` (and in every other string: messages, warnings, metrics' keys) each such byte is
shown as U+FFFD, and a finding's or related location's ``path_bytes`` holds the name's exact
bytes percent-encoded (``/`` kept; ``urllib.parse.unquote_to_bytes`` gives them back). The
key is present only for such names.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lint.model import CATEGORIES, Finding, RunResult
from lint.report.common import (
    TOOL_NAME,
    BaseReporter,
    Paths,
    finite,
    is_fixable,
    percent_bytes,
    readable,
    rule_statistics,
    severity_counts,
)

JSON_SCHEMA_VERSION = 1


class JsonReporter(BaseReporter):
    """A versioned JSON document (schema in this module's docstring)."""

    name = "json"
    description = "a versioned JSON document of findings and summary"

    def render(self, result: RunResult) -> None:
        import json

        # One write of the whole document (json.dump writes token by token); lone surrogates
        # only occur inside strings, where readable() shows them as U+FFFD.
        text = json.dumps(self.document(result), ensure_ascii=False, indent=2, allow_nan=False)
        self.stream.write(readable(text) + "\n")

    def document(self, result: RunResult) -> dict[str, Any]:
        paths = Paths(self.root)
        prints = self.fingerprints(result, paths)
        return {
            "version": JSON_SCHEMA_VERSION,
            "tool": {"name": TOOL_NAME, "version": result.version},
            "files": len(result.files),
            "findings": [self._finding(f, fp) for f, fp in zip(result.findings, prints, strict=True)],
            "summary": self._summary(result),
        }

    def _position(self, finding: Finding, offset: int) -> dict[str, int] | None:
        pos = self.locate(finding, offset)
        return None if pos is None else {"line": pos[0], "column": pos[1]}

    def _finding(self, f: Finding, fingerprint: str) -> dict[str, Any]:
        fix = None
        if f.fix is not None:
            fix = {
                "description": f.fix.description,
                "safe": f.fix.safe,
                "edits": [
                    {
                        "start": self._position(f, e.start),
                        "end": self._position(f, e.end),
                        "offset_start": e.start,
                        "offset_end": e.end,
                        "replacement": e.replacement,
                    }
                    for e in f.fix.edits
                ],
            }
        out: dict[str, Any] = {"path": f.path}
        _add_path_bytes(out, f.path)
        out.update(
            {
                "line": f.span.line,
                "column": f.span.column,
                "end_line": f.span.end_line,
                "end_column": f.span.end_column,
                "rule": f.rule,
                "name": f.name,
                "category": f.category,
                "severity": str(f.severity),
                "message": f.message,
                "fingerprint": fingerprint,
                "fix": fix,
                "related": [_related(r.path, r.line, r.message) for r in f.related],
            }
        )
        return out

    def _summary(self, result: RunResult) -> dict[str, Any]:
        findings = result.findings
        by_category = dict.fromkeys(CATEGORIES, 0)
        for f in findings:
            by_category[f.category] = by_category.get(f.category, 0) + 1
        return {
            "findings": len(findings),
            "files_with_findings": len({f.path for f in findings}),
            "by_severity": {str(sev): n for sev, n in severity_counts(findings).items()},
            "by_category": by_category,
            "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
            "fixable": sum(1 for f in findings if is_fixable(f)),
            "unsafe_fixable": sum(1 for f in findings if f.fix is not None and not f.fix.safe),
            "failing": len(result.failing()),
            "fail_on": str(result.fail_on),
            "statistics": [
                {"rule": code, "name": name, "count": n, "fixable": fix}
                for code, name, n, fix in rule_statistics(result)
            ],
            "metrics": {
                path: {key: finite(value) for key, value in sorted(values.items())}
                for path, values in sorted(result.metrics.items())
            },
            "fixed": result.fixed,
            "warnings": list(result.warnings),
        }


def _add_path_bytes(entry: dict[str, Any], path: str) -> None:
    escaped = percent_bytes(path)
    if escaped is not None:
        entry["path_bytes"] = escaped


def _related(path: str, line: int, message: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": path}
    _add_path_bytes(entry, path)
    entry.update({"line": line, "message": message})
    return entry
