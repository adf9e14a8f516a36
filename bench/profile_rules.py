#!/usr/bin/env python3
"""Time each rule's per-draft and corpus phases over a corpus, and optionally save every
finding so that an optimisation can be checked to change nothing.

usage: python bench/profile_rules.py [--corpus DIR ...] [--facts FILE] [--select RULES]
                                     [--save FILE] [--compare FILE]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import time
from pathlib import Path

from lint.config import Config
from lint.document import Document
from lint.engine import Linter
from lint.plugins import build_registry, make_plugin_manager

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "corpus" / "bbc", ROOT.parent / "shared" / "seeds", ROOT / "examples"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT)
    ap.add_argument("--facts", type=Path, default=None)
    ap.add_argument("--select", default="ALL")
    ap.add_argument("--save", type=Path, help="write every finding (JSON) here")
    ap.add_argument("--compare", type=Path, help="compare findings with a saved file")
    args = ap.parse_args()
    files = sorted(p for c in args.corpus if c.is_dir() for p in c.rglob("*") if p.suffix in (".txt", ".md"))
    texts = [(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files]
    registry = build_registry(make_plugin_manager())
    facts = None
    if args.facts:
        from lint.facts import load_factbase

        facts = load_factbase([args.facts])
    config = Config(select=tuple(args.select.split(",")))
    linter = Linter(registry, config, facts, today=dt.date(2025, 6, 1), rule_timeout=None)
    times: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    docs = []
    for path, text in texts:
        d = Document.from_text(path, text)
        _ = d.blocks, d.sentences, d.quotes
        docs.append(d)
    times["(document)"] = time.perf_counter() - t0
    findings = []
    records: dict[str, list[tuple[str, object]]] = collections.defaultdict(list)
    for rule in linter.rules:
        t = time.perf_counter()
        for d in docs:
            findings.extend(rule.check(d))
            rec = rule.record(d)
            if rec is not None:
                records[rule.code].append((d.path, rec))
            rule.metrics(d)
        times[rule.code] = time.perf_counter() - t
        if rule.has_corpus_phase():
            t = time.perf_counter()
            findings.extend(rule.check_corpus(records[rule.code]))
            times[rule.code + " corpus"] = time.perf_counter() - t
    mb = sum(len(t) for _, t in texts) / 1e6
    total = sum(times.values())
    print(f"{len(files)} files, {mb:.2f} MB, {len(findings)} findings, {total:.2f} s in all ({mb / total:.2f} MB/s)")
    for name, secs in times.most_common():
        if secs >= 0.005:
            print(f"  {name:<14} {secs:7.3f} s")
    rows = sorted(
        ({"path": f.path, "line": f.line, "column": f.column, "rule": f.rule, "message": f.message} for f in findings),
        key=lambda r: (r["path"], r["line"], r["column"], r["rule"], r["message"]),
    )
    if args.save:
        args.save.write_text(json.dumps(rows, indent=0, ensure_ascii=False))
    if args.compare:
        before = json.loads(args.compare.read_text())
        gone = [r for r in before if r not in rows]
        new = [r for r in rows if r not in before]
        print(f"compared with {args.compare}: {len(gone)} findings gone, {len(new)} new")
        for r in (gone + new)[:20]:
            print("   ", "-" if r in gone else "+", r)
        return 1 if gone or new else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
