"""The precision review's sampler (bench/precision_sample.py): a fixed-seed draw per family
and per rule, judgement keys that do not depend on where the corpus lives, and precision
counted from the judgements of the sampled findings only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.precision_sample import key, main, precision, sample


def _finding(path: str, line: int, rule: str, category: str, column: int = 1) -> dict[str, object]:
    return {"path": path, "line": line, "column": column, "rule": rule, "category": category, "message": "m"}


def _findings(root: Path) -> list[dict[str, object]]:
    out = []
    for i in range(30):
        out.append(_finding(str(root / f"a{i:02}.txt"), 1, "AT105", "attribution"))
        out.append(_finding(str(root / f"c{i:02}.txt"), 3, "CS101" if i % 3 else "CS110", "consistency"))
    out.append(_finding(str(root / "s.txt"), 2, "ST101", "style"))
    return out


def test_sample_is_fixed_by_seed_and_capped_per_family(tmp_path: Path) -> None:
    found = _findings(tmp_path)
    one = sample(found, tmp_path, seed=1, per_family=5, rules={"CS101": 8})
    assert {k: len(v) for k, v in one.items()} == {"attribution": 5, "consistency": 5, "rule CS101": 8, "style": 1}
    assert all(f["rule"] == "CS101" for f in one["rule CS101"])
    # the same findings in another order give the same draw; another seed another draw
    again = sample(list(reversed(found)), tmp_path, seed=1, per_family=5, rules={"CS101": 8})
    assert again == one
    other = sample(found, tmp_path, seed=2, per_family=5, rules={"CS101": 8})
    assert [key(f, tmp_path) for f in other["attribution"]] != [key(f, tmp_path) for f in one["attribution"]]


def test_a_larger_sample_keeps_the_smaller_one(tmp_path: Path) -> None:
    found = _findings(tmp_path)
    small = sample(found, tmp_path, seed=1, per_family=5)
    large = sample(found, tmp_path, seed=1, per_family=12)
    for label, picked in small.items():
        assert all(f in large[label] for f in picked)
    assert len(large["attribution"]) == 12


def test_key_is_relative_to_the_corpus(tmp_path: Path) -> None:
    f = _finding(str(tmp_path / "politics" / "001.txt"), 7, "CS101", "consistency", column=12)
    assert key(f, tmp_path) == "politics/001.txt:7:12:CS101"


def test_precision_counts_judged_findings_of_the_sample_only(tmp_path: Path) -> None:
    groups = sample(_findings(tmp_path), tmp_path, seed=3, per_family=4)
    keys = [key(f, tmp_path) for f in groups["attribution"]]
    judgements = {keys[0]: {"verdict": "wrong"}, keys[1]: {"verdict": "right"}, keys[2]: {"verdict": "right"}}
    judgements["elsewhere.txt:1:1:AT105"] = {"verdict": "wrong"}  # not sampled: not counted
    table = precision(groups, judgements, tmp_path)
    assert table["attribution"] == (2, 3, 4)
    assert table["style"] == (0, 0, 1)


def test_main_reads_a_report_and_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = _findings(tmp_path)
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"findings": found}), encoding="utf-8")
    groups = sample(found, tmp_path, seed=1, per_family=2)
    judged = {key(f, tmp_path): {"verdict": "right"} for fs in groups.values() for f in fs}
    judgements = tmp_path / "judged.json"
    judgements.write_text(json.dumps(judged), encoding="utf-8")
    args = ["--findings", str(report), "--corpus", str(tmp_path), "--per-family", "2", "--judgements", str(judgements)]
    assert main([*args, "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| attribution | 30 | 2 | 2 | 100% |" in out
    assert "not judged yet" not in out
