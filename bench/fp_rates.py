#!/usr/bin/env python3
"""False-positive rates on a corpus of clean, edited articles.

Runs lint-article once over the corpus (byte-identical files counted once) and prints
findings per rule and category, per 1,000 words and per 100 articles, plus a seeded random
sample of findings to read and judge.

usage: python bench/fp_rates.py [--corpus DIR] [--select RULES] [--facts FILE] [--sample N] [--seed S]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--select", default=None)
    ap.add_argument("--facts", default=None)
    ap.add_argument("--sample", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    seen: set[str] = set()
    unique: list[Path] = []
    for f in files:
        h = hashlib.sha1(f.read_bytes()).hexdigest()
        if h not in seen:
            seen.add(h)
            unique.append(f)
    tmp = Path(tempfile.mkdtemp(prefix="lint-article-fp-"))
    try:
        for f in unique:
            dest = tmp / f.relative_to(args.corpus)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(f.read_bytes())
        words = sum(len(re.findall(r"\w+", f.read_text(encoding="utf-8", errors="replace"))) for f in unique)
        cmd = [str(Path(sys.executable).parent / "lint-article"), "--isolated", "--no-cache", "--format", "json"]
        if args.select:
            cmd += ["--select", args.select]
        if args.facts:
            cmd += ["--facts", args.facts]
        out = subprocess.run([*cmd, str(tmp)], capture_output=True, text=True)
        if out.returncode > 1:
            print(out.stderr, file=sys.stderr)
            return 2
        findings = json.loads(out.stdout)["findings"]
        by_rule = Counter((f["rule"], f["name"], f["category"]) for f in findings)
        by_cat = Counter(f["category"] for f in findings)
        print(f"corpus: {len(unique)} unique articles ({len(files)} files), {words} words")
        print(f"findings: {len(findings)} = {1000 * len(findings) / words:.3f} per 1,000 words\n")
        print(f"{'category':<14} {'count':>6} {'per 1k words':>13} {'per 100 articles':>17}")
        for cat, n in sorted(by_cat.items()):
            print(f"{cat:<14} {n:>6} {1000 * n / words:>13.3f} {100 * n / len(unique):>17.2f}")
        print(f"\n{'rule':<7} {'name':<32} {'count':>6} {'per 1k words':>13}")
        for (code, name, _cat), n in sorted(by_rule.items()):
            print(f"{code:<7} {name:<32} {n:>6} {1000 * n / words:>13.3f}")
        if findings and args.sample:
            rng = random.Random(args.seed)
            print(f"\nrandom sample (seed {args.seed}):")
            for f in rng.sample(findings, min(args.sample, len(findings))):
                rel = Path(f["path"]).relative_to(tmp)
                print(f"  {rel}:{f['line']}:{f['column']} {f['rule']} {f['message']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
