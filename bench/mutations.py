#!/usr/bin/env python3
"""Mutation benchmark: inject known defects into real edited articles and measure recall.

Takes the articles of ``../shared/corpus/bbc``, injects one defect of a known type into each
(or into one draft of a group of two or three drafts of one story), records the file(s) and
line(s) where the defect is, runs lint-article on the drafts through its command line, and
prints recall per defect type and subtype. An untouched control set (the same light editing,
nothing injected) and the whole corpus give findings per 1,000 words per category.

A defect is found when a finding with one of its expected codes (:data:`EXPECTED`) is on one
of its recorded lines. Generation is deterministic by ``--seed``; names and wording come from
one half of every pool (``--split dev`` or ``heldout``, see ``bench/mutations_data.py``).

usage: python bench/mutations.py [--seeds 1 2 3] [--n 40] [--split heldout] [--json FILE]
                                 [--show-misses K] [--show-fp K] [--corpus DIR] [--no-corpus]

lint-article is run with the Python of this process (``python -m lint``), once per batch
(the defect drafts, the fact-base drafts, the control drafts), never imported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

try:
    from bench.mutations_inject import Defect, Draft, Generator
except ImportError:  # run as a script: bench/ is on sys.path
    from mutations_inject import Defect, Draft, Generator  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

# The one table of which rules should find which defect: codes, or a category name meaning
# every rule of that category in ``lint-article --list-rules``. Keyed by type, then subtype
# ("*" for every subtype of the type).
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "quote-speaker": {"*": ("CS112",)},
    "post-holder": {"*": ("CS111",)},
    "figure-changed": {"*": ("CS113",)},
    "speaker-removed": {"*": ("AT101",)},
    "source-removed": {"*": ("AT102",)},
    "vague-sourcing": {"*": ("AT103", "AT104", "AT105", "ST106")},
    "name-variant": {"*": ("CS101",)},
    "spelling-mixed": {"*": ("CS102",)},
    "web-clutter": {"*": ("boilerplate",)},
    "fact-contradiction": {
        "wrong-title": ("FA102",),
        "wrong-title-minister": ("FA102",),
        "former-holder": ("FA103",),
        "figure-currency": ("FA104",),
        "figure-percent": ("FA104",),
        "figure-per-cent": ("FA104",),
        "figure-staff": ("FA104",),
        "event-date": ("FA105",),
        "avoided-name": ("FA101",),
    },
}
CROSS_DRAFT = ("quote-speaker", "post-holder", "figure-changed")
# rates are printed for these even when nothing was found (a zero is a result)
SHOWN_CATEGORIES = ("attribution", "boilerplate", "consistency", "readability", "style")


def expected_codes(dtype: str, subtype: str, categories: dict[str, list[str]]) -> tuple[str, ...]:
    """The codes that should find a defect, categories expanded to their rules' codes."""
    table = EXPECTED[dtype]
    names = table.get(subtype, table.get("*", ()))
    codes: list[str] = []
    for name in names:
        codes.extend(categories.get(name, [name]))
    return tuple(codes)


def load_articles(corpus: Path) -> list[tuple[str, list[str]]]:
    """Unique articles (byte-identical files once) as (relative path, paragraphs), sorted by path."""
    seen: set[str] = set()
    out = []
    for f in sorted(corpus.rglob("*.txt")):
        raw = f.read_bytes()
        h = hashlib.sha1(raw).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        text = raw.decode("utf-8", errors="replace")
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        out.append((str(f.relative_to(corpus)), paras))
    return out


def split_articles(articles: list[tuple[str, list[str]]], split: str) -> list[tuple[str, list[str]]]:
    """The articles of one split: by a hash of the path, so the halves never change."""
    want = 0 if split == "dev" else 1
    return [a for a in articles if hashlib.sha1(a[0].encode()).digest()[0] % 2 == want]


# -- running lint-article -------------------------------------------------------------------


def lint_command() -> list[str]:
    return [sys.executable, "-m", "lint", "--isolated", "--no-cache", "--format", "json"]


def list_rule_categories() -> dict[str, list[str]]:
    """Category -> rule codes, from ``lint-article --list-rules``."""
    out = subprocess.run([sys.executable, "-m", "lint", "--list-rules"], capture_output=True, text=True, check=True)
    cats: dict[str, list[str]] = defaultdict(list)
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and re.fullmatch(r"[A-Z]{2}\d{3}", parts[0]):
            cats[parts[2]].append(parts[0])
    return dict(cats)


def run_lint(folder: Path, facts: Path | None = None) -> list[dict[str, Any]]:
    """lint-article's JSON findings over ``folder``, paths relative to it."""
    cmd = lint_command()
    if facts is not None:
        cmd += ["--facts", str(facts)]
    out = subprocess.run([*cmd, "."], cwd=folder, capture_output=True, text=True)
    if out.returncode > 1:
        raise RuntimeError(f"lint-article failed ({out.returncode}): {out.stderr[-2000:]}")
    findings: list[dict[str, Any]] = json.loads(out.stdout)["findings"]
    for f in findings:
        f["path"] = os.path.normpath(f["path"])
    return findings


def write_drafts(folder: Path, drafts: list[Draft]) -> None:
    for d in drafts:
        dest = folder / d.path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(d.text, encoding="utf-8")


# -- scoring --------------------------------------------------------------------------------


def score(defects: list[Defect], findings: list[dict[str, Any]]) -> list[bool]:
    """For each defect, whether a finding with one of its codes is on one of its lines.

    For a cross-draft defect, a finding that points at other drafts (``related``) counts only
    if one of them is a draft of the defect's own group: another story in the batch does not
    find this story's conflict.
    """
    hits: dict[tuple[str, int, str], list[set[str]]] = defaultdict(list)
    for f in findings:
        hits[(f["path"], f["line"], f["rule"])].append({os.path.normpath(r["path"]) for r in f.get("related") or ()})
    found = []
    for d in defects:
        group = {p for p, _ in d.lines}
        cross = d.type in CROSS_DRAFT
        found.append(
            any(
                not cross or not related or related & group
                for p, ln in d.lines
                for c in d.codes
                for related in hits.get((p, ln, c), ())
            )
        )
    return found


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def rates(findings: list[dict[str, Any]], n_words: int) -> dict[str, dict[str, float]]:
    """Findings and findings per 1,000 words, per category."""
    by_cat = Counter(f["category"] for f in findings)
    for cat in SHOWN_CATEGORIES:
        by_cat.setdefault(cat, 0)
    return {c: {"findings": n, "per_1k_words": 1000 * n / max(n_words, 1)} for c, n in sorted(by_cat.items())}


def recall_table(defects: list[Defect], found: list[bool]) -> dict[str, Any]:
    """Per type: found, total, per subtype and per facet value the same."""
    table: dict[str, Any] = {}
    for d, ok in zip(defects, found, strict=True):
        t = table.setdefault(d.type, {"found": 0, "total": 0, "subtypes": {}, "facets": {}})
        cells = [t, t["subtypes"].setdefault(d.subtype, {"found": 0, "total": 0})]
        for key, value in d.facets.items():
            cells.append(t["facets"].setdefault(key, {}).setdefault(value, {"found": 0, "total": 0}))
        for cell in cells:
            cell["found"] += ok
            cell["total"] += 1
    return table


# -- one seed -------------------------------------------------------------------------------


def run_seed(
    articles: list[tuple[str, list[str]]], seed: int, n: int, split: str, categories: dict[str, list[str]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Generate, lint and score one seed; returns (results, material for --show-misses/--show-fp)."""
    gen = Generator(articles, seed=seed, split=split)
    bench = gen.build(n)
    for d in bench.defects:
        d.codes = expected_codes(d.type, d.subtype, categories)
    with tempfile.TemporaryDirectory(prefix="lint-article-mut-") as tmp:
        root = Path(tmp)
        batches: dict[str, list[Draft]] = {"facts": bench.fact_drafts, "control": bench.control}
        for draft in bench.drafts:
            batches.setdefault(f"defects-{draft.batch}", []).append(draft)
        for name, drafts in batches.items():
            write_drafts(root / name, drafts)
        facts_file = root / "facts.yaml"
        facts_file.write_text(bench.facts_yaml(), encoding="utf-8")
        found_defects = [f for name in sorted(batches) if name.startswith("defects-") for f in run_lint(root / name)]
        found_facts = run_lint(root / "facts", facts_file)
        found_control = run_lint(root / "control")
    findings = found_defects + found_facts
    found = score(bench.defects, findings)
    control_words = sum(words(d.text) for d in bench.control)
    fact_words = sum(words(d.text) for d in bench.fact_drafts)
    on_true = [
        f for f in found_facts if f["rule"].startswith("FA") and (f["path"], f["line"]) in set(bench.true_fact_lines)
    ]
    results = {
        "seed": seed,
        "split": split,
        "n": n,
        "recall": recall_table(bench.defects, found),
        "control": {
            "drafts": len(bench.control),
            "words": control_words,
            "categories": rates(found_control, control_words),
        },
        "facts_true_lines": {"lines": len(bench.true_fact_lines), "fa_findings": len(on_true), "words": fact_words},
        "reused_articles": gen.reused,
        "defects": [
            {"id": d.id, "type": d.type, "subtype": d.subtype, "facets": d.facets, "codes": list(d.codes)}
            | {"lines": [f"{p}:{ln}" for p, ln in d.lines], "text": [t for _, t in d.needles], "found": ok}
            for d, ok in zip(bench.defects, found, strict=True)
        ],
    }
    texts = {d.path: d.text for d in bench.drafts + bench.fact_drafts + bench.control}
    material = {"defects": bench.defects, "found": found, "findings": findings, "control": found_control}
    material["texts"] = texts
    return results, material


def corpus_rates(articles: list[tuple[str, list[str]]]) -> dict[str, Any]:
    """Findings per 1,000 words per category over every unique corpus article, no fact base."""
    with tempfile.TemporaryDirectory(prefix="lint-article-mut-corpus-") as tmp:
        drafts = [Draft(path, paras) for path, paras in articles]
        write_drafts(Path(tmp), drafts)
        found = run_lint(Path(tmp))
    n_words = sum(words(d.text) for d in drafts)
    return {"articles": len(drafts), "words": n_words, "categories": rates(found, n_words)}


# -- printing -------------------------------------------------------------------------------


def pct(found: int, total: int) -> str:
    return f"{100 * found / total:5.1f}%" if total else "    -"


def print_recall(recall: dict[str, Any]) -> None:
    print(f"{'defect type / subtype':<36} {'found':>6} {'total':>6} {'recall':>7}")
    for dtype in EXPECTED:
        if dtype not in recall:
            continue
        t = recall[dtype]
        mark = " (cross-draft)" if dtype in CROSS_DRAFT else ""
        print(f"{dtype + mark:<36} {t['found']:>6} {t['total']:>6} {pct(t['found'], t['total']):>7}")
        for sub, c in sorted(t["subtypes"].items()):
            print(f"  {sub:<34} {c['found']:>6} {c['total']:>6} {pct(c['found'], c['total']):>7}")
        for key, values in sorted(t["facets"].items()):
            cells = ", ".join(f"{v} {c['found']}/{c['total']}" for v, c in sorted(values.items()))
            print(f"  [by {key}] {cells}")
    facets: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for t in recall.values():
        for key, values in t["facets"].items():
            for value, c in values.items():
                facets[key][value][0] += c["found"]
                facets[key][value][1] += c["total"]
    for key, values in sorted(facets.items()):
        cells = ", ".join(f"{v} {f}/{n}" for v, (f, n) in sorted(values.items()))
        print(f"by {key} (all types): {cells}")


def print_rates(title: str, block: dict[str, Any]) -> None:
    print(f"{title}: {block.get('drafts', block.get('articles'))} drafts, {block['words']} words")
    for cat, r in block["categories"].items():
        print(f"  {cat:<13} {r['findings']:>6} findings {r['per_1k_words']:>8.3f} per 1,000 words")
    if not block["categories"]:
        print("  no findings")


def merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Pooled counts over several seeds (recall from summed counts, rates from summed words)."""
    recall: dict[str, Any] = {}
    for r in results:
        for dtype, t in r["recall"].items():
            m = recall.setdefault(dtype, {"found": 0, "total": 0, "subtypes": {}, "facets": {}})
            m["found"] += t["found"]
            m["total"] += t["total"]
            for sub, c in t["subtypes"].items():
                mc = m["subtypes"].setdefault(sub, {"found": 0, "total": 0})
                mc["found"] += c["found"]
                mc["total"] += c["total"]
            for key, values in t["facets"].items():
                for value, c in values.items():
                    mc = m["facets"].setdefault(key, {}).setdefault(value, {"found": 0, "total": 0})
                    mc["found"] += c["found"]
                    mc["total"] += c["total"]
    n_words = sum(r["control"]["words"] for r in results)
    cats: Counter[str] = Counter()
    for r in results:
        for cat, c in r["control"]["categories"].items():
            cats[cat] += c["findings"]
    control = {
        "drafts": sum(r["control"]["drafts"] for r in results),
        "words": n_words,
        "categories": {c: {"findings": k, "per_1k_words": 1000 * k / max(n_words, 1)} for c, k in sorted(cats.items())},
    }
    return {"seeds": [r["seed"] for r in results], "recall": recall, "control": control}


def markdown(results: list[dict[str, Any]], pooled: dict[str, Any], corpus: dict[str, Any] | None) -> str:
    """The recall table (each seed and pooled) and the rates table, as Markdown for the README."""
    seeds = [r["seed"] for r in results]
    head = " | ".join(f"seed {s}" for s in seeds)
    out = [f"| defect type / subtype | {head} | pooled | recall |", "|---|" + "---|" * (len(seeds) + 2)]

    def cell(block: dict[str, Any] | None) -> str:
        return f"{block['found']}/{block['total']}" if block else "-"

    for dtype in EXPECTED:
        if dtype not in pooled["recall"]:
            continue
        t = pooled["recall"][dtype]
        per = " | ".join(cell(r["recall"].get(dtype)) for r in results)
        name = f"**`{dtype}`**" + (" (cross-draft)" if dtype in CROSS_DRAFT else "")
        out.append(f"| {name} | {per} | {cell(t)} | **{pct(t['found'], t['total']).strip()}** |")
        for sub, c in sorted(t["subtypes"].items()):
            per = " | ".join(cell(r["recall"].get(dtype, {}).get("subtypes", {}).get(sub)) for r in results)
            out.append(f"| &nbsp;&nbsp;`{sub}` | {per} | {cell(c)} | {pct(c['found'], c['total']).strip()} |")
    out += ["", "| category | control set, findings per 1,000 words | whole corpus, findings per 1,000 words |"]
    out.append("|---|---|---|")
    cats = sorted(set(pooled["control"]["categories"]) | set((corpus or {}).get("categories", {})))
    for cat in cats:
        c = pooled["control"]["categories"].get(cat, {"findings": 0, "per_1k_words": 0.0})
        k = (corpus or {}).get("categories", {}).get(cat, {"findings": 0, "per_1k_words": 0.0})
        whole = f"{k['per_1k_words']:.3f} ({k['findings']})" if corpus else "-"
        out.append(f"| {cat} | {c['per_1k_words']:.3f} ({c['findings']}) | {whole} |")
    return "\n".join(out)


def show_misses(material: dict[str, Any], k: int, rng: random.Random) -> None:
    by_line: dict[tuple[str, int], list[str]] = defaultdict(list)
    for f in material["findings"]:
        by_line[(f["path"], f["line"])].append(f"{f['rule']} {f['message']}")
    misses: dict[tuple[str, str], list[Defect]] = defaultdict(list)
    for d, ok in zip(material["defects"], material["found"], strict=True):
        if not ok:
            misses[(d.type, d.subtype)].append(d)
    print(f"\nsample misses ({k} per subtype):")
    for key in sorted(misses):
        for d in rng.sample(misses[key], min(k, len(misses[key]))):
            print(f"- {d.type}/{d.subtype} {d.facets}")
            for (path, line), (_, needle) in zip(d.lines, d.needles, strict=True):
                print(f"    {path}:{line}: {needle[:160]}")
                for other in by_line.get((path, line), [])[:3]:
                    print(f"      got {other[:150]}")


def show_fp(material: dict[str, Any], k: int, rng: random.Random) -> None:
    control = material["control"]
    print(f"\nsample findings on the control set ({min(k, len(control))} of {len(control)}):")
    for f in rng.sample(control, min(k, len(control))):
        line = material["texts"][f["path"]].splitlines()[f["line"] - 1]
        col = f["column"] - 1
        print(f"- {f['path']}:{f['line']} {f['rule']} {f['message'][:120]}")
        print(f"    ...{line[max(0, col - 60) : col + 80]}...")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", type=int, nargs="+", help="several seeds: each table, then the pooled one")
    ap.add_argument("--n", type=int, default=40, help="articles (or draft groups) per defect type")
    ap.add_argument("--split", choices=("dev", "heldout"), default="heldout")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--show-misses", type=int, default=0, metavar="K")
    ap.add_argument("--show-fp", type=int, default=0, metavar="K")
    ap.add_argument("--no-corpus", action="store_true", help="skip the run over the whole corpus")
    ap.add_argument("--markdown", action="store_true", help="also print the tables as Markdown (for the README)")
    args = ap.parse_args(argv)
    articles = load_articles(args.corpus)
    pool = split_articles(articles, args.split)
    categories = list_rule_categories()
    seeds = args.seeds or [args.seed]
    results = []
    for seed in seeds:
        res, material = run_seed(pool, seed, args.n, args.split, categories)
        results.append(res)
        print(f"\n== seed {seed}, split {args.split}, {args.n} per type, {len(pool)} articles in the split ==")
        print_recall(res["recall"])
        print_rates("control set", res["control"])
        ft = res["facts_true_lines"]
        print(f"fact-base drafts: {ft['fa_findings']} FA findings on {ft['lines']} lines stating true facts")
        if res["reused_articles"]:
            print("note: one run used some articles twice (--n is large for the split)")
        if args.show_misses:
            show_misses(material, args.show_misses, random.Random(seed))
        if args.show_fp:
            show_fp(material, args.show_fp, random.Random(seed))
    out: dict[str, Any] = {"split": args.split, "n": args.n, "per_seed": results}
    if len(results) > 1:
        pooled = merge(results)
        out["pooled"] = pooled
        print(f"\n== pooled over seeds {' '.join(map(str, seeds))} ==")
        print_recall(pooled["recall"])
        print_rates("control set", pooled["control"])
    if not args.no_corpus:
        out["corpus"] = corpus_rates(articles)
        print()
        print_rates(f"whole corpus {args.corpus.name}, no fact base", out["corpus"])
    if args.markdown:
        print("\n" + markdown(results, out.get("pooled") or merge(results), out.get("corpus")))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
