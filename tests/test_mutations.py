"""The mutation benchmark (bench/mutations.py): generation, recorded lines, control set, scoring.

Small articles written here stand in for the corpus; nothing is read from the shared data folder.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bench import mutations_data as D
from bench.mutations import (
    EXPECTED,
    expected_codes,
    list_rule_categories,
    run_lint,
    run_seed,
    score,
    split_articles,
    write_drafts,
)
from bench.mutations_inject import Defect, Draft, Generator, change_number, line_of, quiet_spots, strip_marks

TOWNS = ["Ashby", "Brompton", "Carrick", "Dunford", "Elmstead", "Fairlie", "Glenrow", "Hexley", "Ivybridge"]


def article(k: int) -> tuple[str, list[str]]:
    """A small news story of our own, with figures, a quotation and a named speaker."""
    town = TOWNS[k % len(TOWNS)]
    paras = [
        f"{town} bus depot to close",
        f"The bus depot in {town} will close next spring, the operator confirmed on Thursday.",
        f"About {120 + k} staff work at the site, which opened in 1962.",
        f"The operator said running costs had risen 14% in a year and that the move would save £{3 + k}m.",
        f'"This is a sad day for the town," said Rita Moss, who drives the number {k + 4} route.',
        f"Passenger numbers in {town} fell 6.5 per cent last year.",
        f"A public meeting on the plan will be held in {town} library next month.",
    ]
    return f"local/{k:03d}.txt", paras


ARTICLES = [article(k) for k in range(60)]


def build(seed: int, n: int = 9):
    return Generator(ARTICLES, seed=seed, split="heldout").build(n)


def test_generation_is_deterministic_by_seed() -> None:
    one, again, other = build(3), build(3), build(4)
    assert [(d.path, d.text) for d in one.drafts] == [(d.path, d.text) for d in again.drafts]
    assert [(d.id, d.subtype, d.lines) for d in one.defects] == [(d.id, d.subtype, d.lines) for d in again.defects]
    assert one.facts_yaml() == again.facts_yaml()
    assert [d.text for d in one.control] == [d.text for d in again.control]
    assert [d.text for d in one.drafts] != [d.text for d in other.drafts]


def test_every_defect_is_recorded_on_the_line_that_holds_its_text() -> None:
    bench = build(5)
    texts = {d.path: d.text for d in bench.drafts + bench.fact_drafts}
    assert {d.type for d in bench.defects} == set(EXPECTED)
    for defect in bench.defects:
        assert len(defect.lines) == len(defect.needles) >= 1
        for (path, line), (npath, needle) in zip(defect.lines, defect.needles, strict=True):
            assert path == npath
            assert needle in texts[path].splitlines()[line - 1], (defect.id, needle)


def test_injected_text_is_new_to_the_article() -> None:
    bench = build(6)
    originals = {path: "\n".join(paras) for path, paras in ARTICLES}
    sources = {d.path: d.source for d in bench.drafts + bench.fact_drafts}
    for defect in bench.defects:
        path, needle = defect.needles[-1]
        if defect.type in ("figure-changed", "quote-speaker", "post-holder"):
            path, needle = next((p, n) for p, n in defect.needles if p.endswith("b.txt"))
        assert needle not in originals[sources[path]], (defect.id, needle)


def test_cross_draft_defects_are_groups_of_two_or_three_drafts_with_one_conflict() -> None:
    bench = build(7)
    for defect in bench.defects:
        if defect.type not in ("quote-speaker", "post-holder", "figure-changed"):
            continue
        paths = [p for p, _ in defect.needles]
        assert 2 <= len(paths) <= 3 and paths[0].endswith("a.txt") and paths[1].endswith("b.txt")
        texts = {n for _, n in defect.needles}
        assert len(texts) == 2  # draft b says it one way, the others another


def test_control_set_is_untouched_apart_from_light_editing() -> None:
    bench = build(8)
    originals = dict(ARTICLES)
    assert bench.control
    for draft in bench.control:
        source = originals[draft.source]
        reworded = {e.split(":", 2)[2] for e in draft.edits if e.startswith("reword:")}
        assert draft.paras[0] == source[0]
        for para in draft.paras:
            assert para in source or para in reworded, (draft.path, para)
        assert len(draft.paras) >= len(source) - 2


def test_name_pools_and_templates_split_into_disjoint_halves() -> None:
    for firsts, lasts in D.NAME_CLASSES.values():
        assert not set(D.half(firsts, "dev")) & set(D.half(firsts, "heldout"))
        assert not set(D.half(lasts, "dev")) & set(D.half(lasts, "heldout"))
    dev = Generator(ARTICLES, seed=1, split="dev").build(9)
    held = build(1)
    dev_quotes = {n for d in dev.defects if d.type == "quote-speaker" for _, n in d.needles}
    held_quotes = {n for d in held.defects if d.type == "quote-speaker" for _, n in d.needles}
    assert not dev_quotes & held_quotes
    assert split_articles(ARTICLES, "dev") and split_articles(ARTICLES, "heldout")
    assert not {p for p, _ in split_articles(ARTICLES, "dev")} & {p for p, _ in split_articles(ARTICLES, "heldout")}


def test_helpers_change_numbers_and_drop_marks() -> None:
    for seed in range(20):
        rng = random.Random(seed)
        new = change_number("£4.2bn", rng)
        assert re.fullmatch(r"£\d+\.\dbn", new) and abs(float(new[1:-2]) - 4.2) >= 0.42  # beyond rounding
        assert re.fullmatch(r"\d{1,3}(,\d{3})* staff", change_number("1,200 staff", rng))
        assert change_number("37%", rng) != "37%"
    assert strip_marks("Łukasz Wójcik and Søren Kjærgaard") == "Lukasz Wojcik and Soren Kjaergaard"
    assert line_of("one\n\ntwo three\n", "three") == 3


def test_unattributed_quotations_go_where_nobody_is_quoted_nearby() -> None:
    paras = ["Head", "Plain one.", "Plain two.", '"Quoted," said Ann Lee.', "Plain three.", "Plain four."]
    assert quiet_spots(paras, appended=False) == [2, 5]  # before "Plain two", before "Plain four"
    assert quiet_spots(paras, appended=True) == [5]
    assert quiet_spots(["Head", "Plain.", "He told us.", "She added more."], appended=False) == []


def finding(path: str, line: int, rule: str, related: tuple[str, ...] = ()) -> dict:
    return {"path": path, "line": line, "rule": rule, "related": [{"path": p} for p in related]}


def test_scoring_counts_a_finding_on_the_right_line_only() -> None:
    defect = Defect("x/001", "web-clutter", "byline", {}, [("x/001.txt", "By Jo Lowe")], [("x/001.txt", 3)])
    defect.codes = ("BP105", "BP131")
    assert score([defect], [finding("x/001.txt", 3, "BP105")]) == [True]
    assert score([defect], [finding("x/001.txt", 4, "BP105")]) == [False]  # another line
    assert score([defect], [finding("x/002.txt", 3, "BP105")]) == [False]  # another draft
    assert score([defect], [finding("x/001.txt", 3, "ST101")]) == [False]  # another rule


def test_scoring_a_cross_draft_conflict_needs_a_draft_of_its_own_group() -> None:
    lines = [("q/001a.txt", 5), ("q/001b.txt", 7)]
    defect = Defect("q/001", "quote-speaker", "said-name", {}, [(p, "x") for p, _ in lines], lines, ("CS112",))
    assert score([defect], [finding("q/001b.txt", 7, "CS112", ("q/001a.txt",))]) == [True]
    assert score([defect], [finding("q/001a.txt", 5, "CS112", ("q/001b.txt",))]) == [True]
    assert score([defect], [finding("q/001b.txt", 7, "CS112", ("q/009a.txt",))]) == [False]
    assert score([defect], [finding("q/001b.txt", 8, "CS112", ("q/001a.txt",))]) == [False]


def test_expected_codes_come_from_one_table_with_categories_expanded() -> None:
    categories = {"boilerplate": ["BP101", "BP102"], "facts": ["FA101"]}
    assert expected_codes("web-clutter", "byline", categories) == ("BP101", "BP102")
    assert expected_codes("fact-contradiction", "former-holder", categories) == ("FA103",)
    assert expected_codes("quote-speaker", "told", categories) == ("CS112",)


def test_the_benchmark_lints_through_the_command_line(tmp_path: Path) -> None:
    paras = list(ARTICLES[0][1])
    paras.insert(1, "Share this story")
    drafts = [Draft("clutter.txt", paras), Draft("clean.txt", list(ARTICLES[1][1]))]
    write_drafts(tmp_path, drafts)
    findings = run_lint(tmp_path)
    defect = Defect("c", "web-clutter", "share-prompt", {}, [("clutter.txt", "Share this story")])
    defect.lines = [("clutter.txt", line_of(drafts[0].text, "Share this story"))]
    defect.codes = ("BP101",)
    assert defect.lines == [("clutter.txt", 3)]
    assert score([defect], findings) == [True]
    moved = Defect("c", "web-clutter", "share-prompt", {}, [], [("clutter.txt", 5)], ("BP101",))
    assert score([moved], findings) == [False]


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_fact_base_is_valid_for_the_command_line(tmp_path: Path, split: str) -> None:
    bench = Generator(ARTICLES, seed=2, split=split).build(9)
    facts = tmp_path / "facts.yaml"
    facts.write_text(bench.facts_yaml(), encoding="utf-8")
    write_drafts(tmp_path / "drafts", bench.fact_drafts)
    findings = run_lint(tmp_path / "drafts", facts)  # raises if the fact base is refused
    assert {f["path"] for f in findings} <= {d.path for d in bench.fact_drafts}


def test_one_seed_end_to_end_counts_every_defect_once() -> None:
    categories = list_rule_categories()
    assert "CS112" in categories["consistency"] and "BP101" in categories["boilerplate"]
    results, material = run_seed(ARTICLES, seed=1, n=9, split="heldout", categories=categories)
    assert {t: r["total"] for t, r in results["recall"].items()} == {t: 9 for t in EXPECTED}
    defects = results["defects"]
    assert len(defects) == 9 * len(EXPECTED)
    for dtype, r in results["recall"].items():
        assert r["found"] == sum(d["found"] for d in defects if d["type"] == dtype)
        assert sum(c["total"] for c in r["subtypes"].values()) == 9
    assert all(d["codes"] for d in defects)
    assert results["control"]["words"] > 0 and "boilerplate" in results["control"]["categories"]
    # the control set is linted: what it finds is what the rates count
    assert sum(c["findings"] for c in results["control"]["categories"].values()) == len(material["control"])
