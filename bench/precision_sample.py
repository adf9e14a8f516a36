"""Precision review: a random sample of lint-article's findings on clean copy, to judge by hand.

The articles of ``../shared/corpus/bbc`` are edited news: nearly every finding on them is a
false alarm unless a reader agrees that the draft should change there. This script runs
lint-article on a corpus (through its command line, with the Python of this process),
draws a sample of findings per rule family (``--per-family``) and per rule (``--rule CODE
--per-rule N``) with a fixed seed, and prints each with the text of its line, to judge.

Judgements are a JSON file (``--judgements FILE``) mapping a finding's key, ``path:line:
column:rule`` (path relative to the corpus), to ``"right"`` or ``"wrong"`` and a short
reason (``{"verdict": "wrong", "why": "a campaign's name"}``). With one, the script prints
the judged precision per family and rule of the sample, and lists the sampled findings not
judged yet. The sample is the same for the same corpus, findings and seed, so a judgement
file stays valid until a rule changes what it finds.

usage: python bench/precision_sample.py [--corpus DIR] [--seed 1] [--per-family 30]
                                        [--rule CS101 --per-rule 50] [--judgements FILE]
                                        [--findings FILE] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "bbc"


def run_lint(corpus: Path) -> list[dict[str, Any]]:
    """Every finding of lint-article on ``corpus`` (JSON report, no cache, no config)."""
    cmd = [sys.executable, "-m", "lint", "--no-cache", "--isolated", "--format", "json", "--exit-zero", str(corpus)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


def key(finding: Mapping[str, Any], corpus: Path) -> str:
    """A finding's judgement key: ``path:line:column:rule``, the path relative to ``corpus``."""
    path = Path(finding["path"])
    try:
        rel = path.resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return f"{rel}:{finding['line']}:{finding['column']}:{finding['rule']}"


def sample(
    findings: Sequence[Mapping[str, Any]],
    corpus: Path,
    *,
    seed: int,
    per_family: int,
    rules: Mapping[str, int] | None = None,
) -> dict[str, list[Mapping[str, Any]]]:
    """Up to ``per_family`` findings of each category, and up to ``rules[code]`` of each
    named rule (under the label ``rule CODE``). Each group's findings, in key order, are
    shuffled by ``random.Random(f"{seed}/{label}")`` and the first ones taken: the draw
    depends on the findings and the seed only, and a larger sample of one group keeps the
    smaller one (and its judgements) and leaves the other groups alone. Each group is
    returned in key order."""
    ordered = sorted(findings, key=lambda f: key(f, corpus))
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for f in ordered:
        groups[str(f["category"])].append(f)
    wanted = {cat: per_family for cat in groups}
    for code, n in (rules or {}).items():
        label = f"rule {code}"
        groups[label] = [f for f in ordered if f["rule"] == code]
        wanted[label] = n
    out: dict[str, list[Mapping[str, Any]]] = {}
    for label in sorted(groups):
        pool = groups[label]
        order = list(range(len(pool)))
        random.Random(f"{seed}/{label}").shuffle(order)
        out[label] = [pool[i] for i in sorted(order[: wanted[label]])]
    return out


def precision(
    groups: Mapping[str, Sequence[Mapping[str, Any]]], judgements: Mapping[str, Mapping[str, str]], corpus: Path
) -> dict[str, tuple[int, int, int]]:
    """Per group: (judged right, judged, sampled)."""
    out = {}
    for label, found in groups.items():
        verdicts = [judgements[k]["verdict"] for k in (key(f, corpus) for f in found) if k in judgements]
        out[label] = (sum(v == "right" for v in verdicts), len(verdicts), len(found))
    return out


def _line_text(path: str, line: int, cache: dict[str, list[str]]) -> str:
    lines = cache.get(path)
    if lines is None:
        lines = cache[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _excerpt(text: str, column: int, width: int = 110) -> str:
    start = max(0, column - 1 - width // 2)
    return ("..." if start else "") + text[start : start + width] + ("..." if start + width < len(text) else "")


def print_sample(groups: Mapping[str, Sequence[Mapping[str, Any]]], corpus: Path, only: Iterable[str] = ()) -> None:
    skip = set(only)
    cache: dict[str, list[str]] = {}
    for label, found in groups.items():
        print(f"\n== {label}: {len(found)} sampled")
        for f in found:
            k = key(f, corpus)
            if k in skip:
                continue
            print(f"- {k} {f['message']}")
            print(f"    {_excerpt(_line_text(f['path'], f['line'], cache), f['column'])}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-family", type=int, default=30)
    ap.add_argument("--rule", action="append", default=[], help="also sample this rule on its own (repeatable)")
    ap.add_argument("--per-rule", type=int, default=50)
    ap.add_argument("--judgements", type=Path, help="JSON: key -> {verdict: right|wrong, why}")
    ap.add_argument("--findings", type=Path, help="a JSON report to read instead of running lint-article")
    ap.add_argument("--markdown", action="store_true", help="print the precision table as Markdown")
    args = ap.parse_args(argv)
    corpus: Path = args.corpus
    if args.findings:
        findings = json.loads(args.findings.read_text(encoding="utf-8"))["findings"]
    else:
        findings = run_lint(corpus)
    groups = sample(
        findings, corpus, seed=args.seed, per_family=args.per_family, rules=dict.fromkeys(args.rule, args.per_rule)
    )
    totals: dict[str, int] = defaultdict(int)
    for f in findings:
        totals[str(f["category"])] += 1
        totals[f"rule {f['rule']}"] += 1
    if not args.judgements:
        print_sample(groups, corpus)
        return 0
    judgements = json.loads(args.judgements.read_text(encoding="utf-8"))
    table = precision(groups, judgements, corpus)
    if args.markdown:
        print("| family or rule | findings on the corpus | judged | right | judged precision |")
        print("|---|---|---|---|---|")
    for label, (right, judged, sampled) in table.items():
        share = f"{100 * right / judged:.0f}%" if judged else "n/a"
        if args.markdown:
            print(f"| {label} | {totals[label]} | {judged} | {right} | {share} |")
        else:
            print(f"{label:<28} findings {totals[label]:>5}  judged {judged:>3}/{sampled:<3} right {right:>3}  {share}")
    pending = {key(f, corpus) for found in groups.values() for f in found} - set(judgements)
    if pending:
        print(f"\n{len(pending)} sampled findings not judged yet:")
        print_sample(groups, corpus, only={key(f, corpus) for fs in groups.values() for f in fs} - pending)
    return 0


if __name__ == "__main__":
    sys.exit(main())
