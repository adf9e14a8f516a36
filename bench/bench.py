#!/usr/bin/env python3
"""Benchmark lint-article against proselint on the same files, in the same run.

Prints one table of figures and ratios (this machine is shared and noisy: compare ratios,
not absolute seconds). Measures:

  throughput   all default rules + a generated fact base of a few hundred entities,
               default --jobs, no cache, over the corpus; proselint over the same files;
               after --warmup untimed runs of each (default 1), the tools take turns for
               --rounds rounds (default 5: the machine is shared and a round can catch a
               slow spell), medians compared
  start-up     one small (~5 KB) draft, cold process, median of several runs: with --no-cache,
               the same as the first run after installing (no installation folder yet), and
               as a pre-commit hook runs (the cache folder of earlier runs, an edited draft);
               with --no-cache where the installation folder cannot be written: with
               PYTHONDONTWRITEBYTECODE set (bytecode written beforehand, as pip does), and
               on a read-only file system (Linux: /proc/sys); both keep what installed code
               derives in the user's folder instead
  scale x10    the corpus replicated ten times: wall time ratio to the corpus once (the mean
               of a run before and one after) and peak memory
  cache        a second run over unchanged drafts, with the cache: the medians of three
               trials, each a first run into an empty cache folder and a second run
  big draft    one 2 MB and one 20 MB draft: time per MB must not grow; peak memory of the
               20 MB draft over its size (target: at most 10x)
  context      one staged draft with the corpus as context drafts (--context, as the
               pre-commit hook runs): a first run into an empty cache folder and a second
               run after the staged draft was edited; medians of three trials
  lines        one 1 MB line of "[", of "![" and of "*" as a Markdown draft (the masking and
               markdown-it patterns that were quadratic on them; target: under 2 s each)

usage: python bench/bench.py [--corpus DIR] [--quick] [--rounds N] [--warmup N] [--skip NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
BIN = Path(sys.executable).parent
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "w = time.perf_counter() - t\n"
    "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(w, m, r.returncode)\n"
    "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode > 1 else '')\n"
)


# Users run with cached bytecode: never let PYTHONDONTWRITEBYTECODE (set in some sandboxes)
# make every run recompile every module.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
STARTUP_RUNS = 15
_NO_INSTALL: dict[str, str | None] = {"LINT_ARTICLE_INSTALL_CACHE": "off"}
CACHE_TRIALS = 3


def timed(cmd: list[str], cwd: Path | None = None, env: dict[str, str | None] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``cmd`` and its descendants (``env``: more variables;
    None removes one)."""
    merged = {**ENV, **(env or {})}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={k: v for k, v in merged.items() if v is not None},
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{out.stderr}")
    wall, rss_kb, rc = out.stdout.split()
    if int(rc) > 1:
        raise SystemExit(f"{' '.join(cmd)} exited {rc}:\n{out.stderr}")
    return float(wall), int(rss_kb) / 1024


def collect(corpus: Path) -> list[Path]:
    """The corpus's articles (not its own description, SOURCE.md or README.md)."""
    return sorted(
        p
        for p in corpus.rglob("*")
        if p.suffix in (".txt", ".md") and p.name not in ("SOURCE.md", "README.md") and p.is_file()
    )


def size_mb(files: list[Path]) -> float:
    return sum(p.stat().st_size for p in files) / 1e6


def lint_cmd(*args: str) -> list[str]:
    return [str(BIN / "lint-article"), "--isolated", "--format", "json", *args]


def proselint_cmd(*paths: str) -> list[str] | None:
    exe = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    return [exe, "check", *paths] if exe else None


def row(name: str, ours: float, peer: float | None, unit: str, target: str = "") -> None:
    ratio = f"{ours / peer:6.2f}" if peer else "   n/a"
    peer_s = f"{peer:10.3f}" if peer is not None else "       n/a"
    print(f"{name:<34} {ours:10.3f} {peer_s} {unit:<6} {ratio}   {target}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--quick", action="store_true", help="skip the x10 and 20 MB measurements")
    ap.add_argument(
        "--skip", nargs="*", default=[], choices=["throughput", "startup", "scale", "cache", "context", "big", "lines"]
    )
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=5, help="corpus runs of each tool, taken in turns")
    ap.add_argument("--warmup", type=int, default=1, help="untimed corpus runs of each tool before the rounds")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    files = collect(args.corpus)
    mb = size_mb(files)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    tmp = Path(tempfile.mkdtemp(prefix="lint-article-bench-"))
    try:
        facts = tmp / "facts.yaml"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_factbase.py"), "--out", str(facts)], check=True)
        n_entities = sum(1 for line in facts.read_text().splitlines() if line.lstrip().startswith("- name:"))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
        print(f"corpus: {args.corpus} ({len(files)} files, {mb:.2f} MB); fact base: {n_entities} entities")
        pcmd = proselint_cmd(str(args.corpus))
        print(f"peer: {'proselint ' + _version(pcmd[0]) if pcmd else 'proselint not installed'}\n")
        print(f"{'measure':<34} {'lint-art.':>10} {'proselint':>10} {'unit':<6} {'ratio':>6}   target")
        print("-" * 92)
        findings = None
        if "throughput" not in args.skip:
            # The tools take turns, round after round, so a slow spell of the machine weighs
            # on both; the row gives the medians (each round's ratio is printed too).
            mine: list[float] = []
            theirs: list[float] = []
            # One untimed run of each first (as hyperfine's --warmup): the first run of the
            # session found the corpus, the dictionaries and the code off the page cache, and
            # its round gave the highest ratio in five of six runs.
            for _ in range(args.warmup):
                timed(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(args.corpus)))
                if pcmd:
                    timed(pcmd)
            for _ in range(args.rounds):
                mine.append(timed(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(args.corpus)))[0])
                if pcmd:
                    theirs.append(timed(pcmd)[0])
            ours = statistics.median(mine)
            peer = statistics.median(theirs) if theirs else None
            row("corpus wall time", ours, peer, "s", "ratio <= 0.33")
            row("corpus throughput", mb / ours, mb / peer if peer else None, "MB/s")
            if theirs and len(mine) > 1:
                each = " ".join(f"{a / b:.2f}" for a, b in zip(mine, theirs, strict=True))
                print(f"{'  (ratio in each round)':<34} {each}")
            findings = _count(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(args.corpus)))
        if "startup" not in args.skip:
            # One new process per run, on a draft just edited (its result is never cached):
            # with --no-cache; as a pre-commit hook runs, with the cache folder of earlier runs;
            # the same text as Markdown (heading, lists, quote, link); and with a table and a
            # nested list too, which send the draft to markdown-it (about 30 ms to import).
            # The installation folder (lint.recache), like bytecode, is written by the warm-up
            # run; the "first run" row gives each run an empty one: nothing kept anywhere.
            # The tools take turns, so the machine's drift between runs weighs on both alike;
            # medians of STARTUP_RUNS runs.
            small = tmp / "small.md"
            base = _small_draft(files)
            warm = tmp / "hook-cache"
            small.write_text(base, encoding="utf-8")
            timed(lint_cmd("--no-cache", str(small)))  # warm-up: bytecode written, files in the page cache
            timed(lint_cmd("--cache-dir", str(warm), str(small)))  # the cache folder of earlier runs
            if pcmd:
                timed(proselint_cmd(str(small)))
            # Where the installation folder cannot be written: an image built with
            # PYTHONDONTWRITEBYTECODE (its bytecode written at install time, here into a
            # prefix of its own by a run that keeps no installation folder), and a read-only
            # file system. Each has a user folder of its own.
            prefix = tmp / "bytecode"
            no_bytecode: dict[str, str | None] = {"PYTHONPYCACHEPREFIX": str(prefix)}
            no_bytecode["LINT_ARTICLE_INSTALL_CACHE"] = None
            no_bytecode |= {"PYTHONDONTWRITEBYTECODE": "1", "LINT_ARTICLE_USER_CACHE": str(tmp / "user-dwb")}
            timed(lint_cmd("--no-cache", str(small)), env={"PYTHONPYCACHEPREFIX": str(prefix), **_NO_INSTALL})
            timed(lint_cmd("--no-cache", str(small)), env=no_bytecode)  # this user's folder made
            read_only = Path("/proc/sys/lint-article-bench")
            on_read_only: dict[str, str | None] = {"LINT_ARTICLE_INSTALL_CACHE": str(read_only)}
            on_read_only["LINT_ARTICLE_USER_CACHE"] = str(tmp / "user-ro")
            can_read_only = read_only.parent.is_dir() and not os.access(read_only.parent, os.W_OK)
            runs: dict[str, list[float]] = {
                "peer": [],
                "no-cache": [],
                "first": [],
                "hook": [],
                "markdown": [],
                "rich": [],
                "dont-write": [],
                "read-only": [],
            }
            for i in range(STARTUP_RUNS):
                small.write_text(f"{base}\n\nEdited line {i}.\n", encoding="utf-8")
                if pcmd:
                    runs["peer"].append(timed(proselint_cmd(str(small)))[0])
                runs["no-cache"].append(timed(lint_cmd("--no-cache", str(small)))[0])
                empty = {"LINT_ARTICLE_INSTALL_CACHE": str(tmp / f"installation-{i}")}
                runs["first"].append(timed(lint_cmd("--no-cache", str(small)), env=empty)[0])
                small.write_text(f"{base}\n\nEdited again {i}.\n", encoding="utf-8")
                runs["hook"].append(timed(lint_cmd("--cache-dir", str(warm), str(small)))[0])
                small.write_text(_as_markdown(base, i), encoding="utf-8")
                runs["markdown"].append(timed(lint_cmd("--cache-dir", str(warm), str(small)))[0])
                small.write_text(_as_markdown(base, i, rich=True), encoding="utf-8")
                runs["rich"].append(timed(lint_cmd("--cache-dir", str(warm), str(small)))[0])
                small.write_text(f"{base}\n\nEdited once more {i}.\n", encoding="utf-8")
                runs["dont-write"].append(timed(lint_cmd("--no-cache", str(small)), env=no_bytecode)[0])
                if can_read_only:
                    runs["read-only"].append(timed(lint_cmd("--no-cache", str(small)), env=on_read_only)[0])
            peer_median = statistics.median(runs["peer"]) if runs["peer"] else None
            med = {k: statistics.median(v) for k, v in runs.items() if v}
            row("one 5 KB draft, cold, --no-cache", med["no-cache"], peer_median, "s", "ratio <= 1")
            row("same, first run after installing", med["first"], peer_median, "s", "(once)")
            row("one 5 KB draft, cold, cache folder", med["hook"], peer_median, "s", "ratio <= 1")
            row("same, as Markdown, cache folder", med["markdown"], peer_median, "s", "ratio <= 1")
            row("same + table, nested list, cache", med["rich"], peer_median, "s", "ratio <= 1")
            row("--no-cache, PYTHONDONTWRITEBYTECODE", med["dont-write"], peer_median, "s", "ratio <= 0.8")
            if "read-only" in med:
                row("--no-cache, read-only installation", med["read-only"], peer_median, "s", "ratio <= 0.8")
        if "cache" not in args.skip:
            # Three trials, each a first run into an empty cache folder and a second run
            # over the same drafts; the row compares the medians. A single second run
            # lasts about half a second, and the machine's load moves it by half: 0.54 to
            # 0.89 s over a dozen runs of the same code.
            firsts, seconds = [], []
            for trial in range(CACHE_TRIALS):
                cache = tmp / f"cache{trial}"
                cmd = lint_cmd("--cache-dir", str(cache), "--facts", str(facts), *jobs, str(args.corpus))
                firsts.append(timed(cmd)[0])
                seconds.append(timed(cmd)[0])
            first, second = statistics.median(firsts), statistics.median(seconds)
            row(f"cache: first run (median of {CACHE_TRIALS})", first, None, "s")
            row(f"cache: second run (median of {CACHE_TRIALS})", second, None, "s")
            print(f"{'cache speed-up (first/second)':<34} {first / second:10.2f} {'':>10} {'x':<6} {'':>6}   >= 5")
            each = " ".join(f"{a / b:.1f}" for a, b in zip(firsts, seconds, strict=True))
            print(f"{'  (speed-up in each trial)':<34} {each}")
        if "context" not in args.skip:
            # The pre-commit hook's case: pre-commit passes one staged draft, and every draft
            # of the repository takes part in the cross-draft checks as a context draft. The
            # first run lints them all into the cache; the next commit (the staged draft edited,
            # the others unchanged) reads them back from it.
            staged = tmp / "staged.md"
            base = _small_draft(files)
            firsts, seconds = [], []
            for trial in range(CACHE_TRIALS):
                cache = tmp / f"context-cache{trial}"
                cmd = lint_cmd("--cache-dir", str(cache), *jobs, "--context", str(args.corpus), str(staged))
                staged.write_text(f"{base}\n\nStaged line {trial}.\n", encoding="utf-8")
                firsts.append(timed(cmd)[0])
                staged.write_text(f"{base}\n\nStaged again {trial}.\n", encoding="utf-8")
                seconds.append(timed(cmd)[0])
            first, second = statistics.median(firsts), statistics.median(seconds)
            row(f"1 draft + {len(files)} context, first", first, None, "s", "empty cache folder")
            row(f"1 draft + {len(files)} context, second", second, None, "s", "staged draft edited")
        if "scale" not in args.skip and not args.quick:
            x10 = tmp / "x10"
            for i in range(10):
                for f in files:
                    dest = x10 / f"copy{i}" / f.relative_to(args.corpus)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(f.read_bytes())
            # The corpus once, before and after the ten copies, and their mean: a single run
            # of a few seconds moves by a quarter with the machine's load, and the ratio
            # with it (7.3x to 11.5x over five single-run measurements of the same code).
            before, mem1 = timed(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(args.corpus)))
            ten, mem10 = timed(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(x10)))
            after, _ = timed(lint_cmd("--no-cache", "--facts", str(facts), *jobs, str(args.corpus)))
            once = (before + after) / 2
            row("x1 wall time (mean of 2)", once, None, "s", f"{before:.2f} before, {after:.2f} after")
            row("x10 wall time (13k files)", ten, None, "s")
            print(f"{'x10 / x1 time':<34} {ten / once:10.2f} {'':>10} {'x':<6} {'':>6}   <= 11")
            print(f"{'peak memory x1 / x10':<34} {mem1:10.1f} {mem10:10.1f} {'MB':<6} {mem10 / mem1:6.2f}   (x1, x10)")
            shutil.rmtree(x10)
        if "big" not in args.skip and not args.quick:
            text = "\n\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
            times = {}
            for target_mb in (2, 20):
                big = tmp / f"big{target_mb}.txt"
                big.write_text(_big_draft(text, target_mb), encoding="utf-8")
                t, mem = timed(lint_cmd("--no-cache", "--facts", str(facts), str(big)))
                times[target_mb] = t
                row(f"one {target_mb} MB draft", t, None, "s", f"peak {mem:.0f} MB")
            print(f"{'20 MB / 2 MB time':<34} {times[20] / times[2]:10.2f} {'':>10} {'x':<6} {'':>6}   ~10 (linear)")
            print(f"{'20 MB draft: peak memory / size':<34} {mem / 20:10.2f} {'':>10} {'x':<6} {'':>6}   <= 10")
        if "lines" not in args.skip:
            # One line of 1 MB of one mark, without a line break before the end: each try of
            # a pattern that scans to the end of the line would make the draft quadratic.
            for mark in ("[", "![", "*"):
                line = tmp / "line.md"
                line.write_text(mark * (1_000_000 // len(mark)) + "\n", encoding="utf-8")
                t, mem = timed(lint_cmd("--no-cache", "--exit-zero", str(line)))
                row(f"one 1 MB line of {mark!r}", t, None, "s", f"< 2 s; peak {mem:.0f} MB")
        if findings is not None:
            print(f"\nfindings on the corpus: {findings}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _count(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True)
    try:
        data = json.loads(out.stdout)
    except json.JSONDecodeError:
        return "unreadable output"
    by_cat: dict[str, int] = {}
    for f in data["findings"]:
        by_cat[f["category"]] = by_cat.get(f["category"], 0) + 1
    return f"{len(data['findings'])} " + json.dumps(by_cat, sort_keys=True)


def _small_draft(files: list[Path]) -> str:
    """About 5 KB of text from the corpus (in a temporary file, never in the repo)."""
    out: list[str] = []
    for f in files:
        out.append(f.read_text(encoding="utf-8", errors="replace"))
        if sum(len(x) for x in out) >= 5000:
            break
    return "\n\n".join(out)[:5000]


_SENTENCE_END = re.compile(r"(?<=[\w%)])([.!?][\"”’')]*)(?=\s|$)")
_COPY_WORDS = ("anew", "again", "still", "too", "then", "now", "yet", "also", "here", "there")


def _big_draft(text: str, mb: int) -> str:
    """``mb`` MB of the corpus's text in one draft. The corpus holds under 3 MB, so it is
    copied; each copy after the first ends its sentences with a word of its own ("... in
    May again."). Exact copies would make nearly every sentence of the later ones a repeat
    (ST111) and multiply the findings, which measures the findings, not the size."""
    out, size, k = [], 0, 0
    while size < mb * 1e6:
        copy = text if k == 0 else _SENTENCE_END.sub(f" {_COPY_WORDS[(k - 1) % len(_COPY_WORDS)]}\\1", text)
        out.append(copy)
        size += len(copy.encode())
        k += 1
    return "\n\n".join(out)[: int(mb * 1e6)]


def _as_markdown(text: str, i: int, rich: bool = False) -> str:
    """``text`` with Markdown a draft may hold: a heading, a bulleted and a numbered list, a
    block quote, a link; ``rich`` adds a nested list and a table, which only markdown-it
    reads (the drafts without a table are read without importing it)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    head, body = paras[0], paras[1:]
    bullets = [f"- {p.strip()}" for p in body[:3]]
    rest = body[3:]
    link = f"Edited {i}: see [the report](https://example.com/report-{i})."
    lists = ["> A quoted line.", "1. First point.\n2. Second point."]
    extra = ["| Year | Sales |\n|---|---|\n| 2024 | 12 |", "- Outer\n  - inner"] if rich else []
    return "\n\n".join([f"# {head.strip()[:60]}", *rest, "\n".join(bullets), *lists, *extra, link]) + "\n"


def _version(exe: str) -> str:
    out = subprocess.run([exe, "version"], capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().split("\n")[0]


if __name__ == "__main__":
    sys.exit(main())
