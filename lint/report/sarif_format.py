"""``sarif``: SARIF 2.1.0 for code scanning (GitHub), columns in Unicode code points.
Run-level warnings go in ``runs[0].invocations[0].toolExecutionNotifications``.

The log is always valid UTF-8: artifact URIs percent-encode a file name's exact bytes (any
bytes, UTF-8 or not), and in text (messages, warnings) a byte that is not UTF-8 is shown
as U+FFFD."""

from __future__ import annotations

import os
from typing import Any

from lint.model import Finding, RuleInfo, RunResult, Severity
from lint.report.common import TOOL_NAME, BaseReporter, Paths, exact_bytes, readable

FINGERPRINT_KEY = "lintArticle/v1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _information_uri() -> str | None:
    """The project's home page from the installed package metadata, or None: the project
    has no public page, and SARIF's ``informationUri`` is optional, so none is invented."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata(TOOL_NAME)
    except (ImportError, PackageNotFoundError):
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "source", "repository"):
            return url.strip()
    home = meta.get_all("Home-page") or ()
    return str(home[0]) if home else None


def _synthetic_rule(f: Finding) -> RuleInfo:
    """Metadata for a finding whose rule is not in ``result.rules`` (engine errors...)."""
    return RuleInfo(f.rule, f.name, f.category, f.severity, f.name.replace("-", " "), "", False)


class SarifReporter(BaseReporter):
    """SARIF 2.1.0, as GitHub code scanning reads it."""

    name = "sarif"
    description = "SARIF 2.1.0, for GitHub code scanning"

    def render(self, result: RunResult) -> None:
        import json

        text = json.dumps(self.document(result), ensure_ascii=False, indent=2)
        self.stream.write(readable(text) + "\n")  # one write

    def document(self, result: RunResult) -> dict[str, Any]:
        paths = Paths(self.root)
        rules = dict(result.rules)
        for f in result.findings:
            if f.rule not in rules:
                rules[f.rule] = _synthetic_rule(f)
        codes = sorted(rules)
        index = {code: i for i, code in enumerate(codes)}
        prints = self.fingerprints(result, paths)
        driver: dict[str, Any] = {"name": TOOL_NAME}
        home = _information_uri()
        if home:
            driver["informationUri"] = home
        if result.version:
            driver["version"] = result.version
            driver["semanticVersion"] = result.version
        driver["rules"] = [self._rule(rules[code]) for code in codes]
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "invocations": [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": [
                        {"level": "warning", "message": {"text": w}} for w in result.warnings
                    ],
                }
            ],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self._root_uri(paths.root)}},
            "columnKind": "unicodeCodePoints",
            "results": [
                self._result(f, index[f.rule], fp, paths) for f, fp in zip(result.findings, prints, strict=True)
            ],
        }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

    @staticmethod
    def _root_uri(root: str) -> str:
        from pathlib import Path

        uri = Path(root).as_uri()
        return uri if uri.endswith("/") else uri + "/"

    @staticmethod
    def _rule(info: RuleInfo) -> dict[str, Any]:
        summary = info.summary.strip() or info.name
        docs = info.documentation.strip() or summary
        return {
            "id": info.code,
            "name": info.name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": docs},
            "help": {"text": docs, "markdown": docs},
            "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
            "properties": {"tags": [info.category], "fixable": info.fixable},
        }

    @staticmethod
    def _artifact(path: str, paths: Paths) -> dict[str, str]:
        from urllib.parse import quote_from_bytes

        rel = paths.relative(path)
        if rel is None:
            from pathlib import Path

            return {"uri": Path(os.path.abspath(path)).as_uri()}  # percent-encodes os.fsencode's bytes
        return {"uri": quote_from_bytes(exact_bytes(rel), safe="/"), "uriBaseId": "%SRCROOT%"}

    def _result(self, f: Finding, rule_index: int, fingerprint: str, paths: Paths) -> dict[str, Any]:
        span = f.span
        region = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
        out: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": self._artifact(f.path, paths), "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }
        if f.fix is not None:
            out["fixes"] = [
                {
                    "description": {"text": f.fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": self._artifact(f.path, paths),
                            "replacements": [self._replacement(f, e.start, e.end, e.replacement) for e in f.fix.edits],
                        }
                    ],
                    "properties": {"safe": f.fix.safe},
                }
            ]
        if f.related:
            related = []
            for i, r in enumerate(f.related, start=1):
                physical: dict[str, Any] = {"artifactLocation": self._artifact(r.path, paths)}
                if r.line >= 1:
                    physical["region"] = {"startLine": r.line}
                entry: dict[str, Any] = {"id": i, "physicalLocation": physical}
                if r.message:
                    entry["message"] = {"text": r.message}
                related.append(entry)
            out["relatedLocations"] = related
        return out

    def _replacement(self, f: Finding, start: int, end: int, text: str) -> dict[str, Any]:
        region: dict[str, int] = {}
        first, last = self.locate(f, start), self.locate(f, end)
        if first is not None and last is not None:
            region = {"startLine": first[0], "startColumn": first[1], "endLine": last[0], "endColumn": last[1]}
        region.update({"charOffset": start, "charLength": end - start})
        return {"deletedRegion": region, "insertedContent": {"text": text}}
