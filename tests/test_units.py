"""Units of measurement (issue 20): symbols and words in any case, scales, and a fact base
unit that is no unit. Through the command line, as an editor runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.analysis.amounts import parse_amounts
from tests.conftest import RunCli

FACTS = """\
version: 1
entities:
  - name: Saltmarsh Énergie
    type: organization
figures:
  - name: Saltmarsh tidal array capacity
    entity: Saltmarsh Énergie
    keywords: [capacity]
    value: 480
    unit: {unit}
"""
DATED = "---\ndate: 2025-06-01\n---\n"


def _story(tmp_path: Path, unit: str, sentence: str) -> tuple[Path, Path]:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.format(unit=unit), encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DATED + sentence + "\n", encoding="utf-8")
    return facts, draft


@pytest.mark.parametrize("unit", ["MW", "mw", "Mw", "megawatts", "MEGAWATTS"])
@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Saltmarsh Énergie said its tidal array capacity is 520 MW.", "520 MW"),
        ("Saltmarsh Énergie said its tidal array capacity is 0.52 GW.", "0.52 GW"),
        ("Saltmarsh Énergie said its tidal array capacity is 0.52gw.", "0.52gw"),
        ("Saltmarsh Énergie said its tidal array capacity is 520,000 kW.", "520,000 kW"),
        ("Saltmarsh Énergie said the array has a capacity of 520 megawatts.", "520"),
    ],
)
def test_a_figure_in_another_unit_or_scale_is_checked(
    tmp_path: Path, run_cli: RunCli, unit: str, sentence: str, span: str
) -> None:
    facts, draft = _story(tmp_path, unit, sentence)
    r = run_cli("--no-cache", "--isolated", "--facts", str(facts), "--select", "FA104", "-f", "text", str(draft))
    assert r.returncode == 1, r.stdout + r.stderr
    col = sentence.index(span) + 1
    assert f"draft.md:4:{col}: FA104" in r.stdout
    assert "contradicts Saltmarsh tidal array capacity: 480 MW" in r.stdout


@pytest.mark.parametrize(
    "sentence",
    [
        "Saltmarsh Énergie said its tidal array capacity is 480 MW.",
        "Saltmarsh Énergie said its tidal array capacity is 0.48 GW.",
        "Saltmarsh Énergie said its tidal array capacity is 480MW.",
        "Saltmarsh Énergie said the array has a capacity of 480 megawatts.",
        # energy is not power: 520 MWh is another quantity
        "Saltmarsh Énergie said its tidal array capacity is 520 MWh.",
    ],
)
def test_the_same_figure_in_any_unit_passes(tmp_path: Path, run_cli: RunCli, sentence: str) -> None:
    facts, draft = _story(tmp_path, "MW", sentence)
    r = run_cli("--no-cache", "--isolated", "--facts", str(facts), "--select", "FA104", "-f", "text", str(draft))
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize(("unit", "near"), [("MWW", "MW"), ("Kwhh", "kWh"), ("USDD", "USD"), ("megawats", "megawatts")])
def test_an_unknown_unit_is_an_error_with_a_did_you_mean(tmp_path: Path, run_cli: RunCli, unit: str, near: str) -> None:
    facts, _ = _story(tmp_path, unit, "")
    r = run_cli("--check-facts", str(facts), plugin=False)
    assert r.returncode == 2
    assert f"figures[0].unit: unknown unit '{unit}'" in r.stderr
    assert f"did you mean '{near}'?" in r.stderr


@pytest.mark.parametrize("unit", ["vehicles", "Staff", "GWh", "tonnes", "km", "EUR", "€", "per cent"])
def test_known_units_and_counted_nouns_load(tmp_path: Path, run_cli: RunCli, unit: str) -> None:
    facts, _ = _story(tmp_path, unit, "")
    r = run_cli("--check-facts", str(facts), plugin=False)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She won the 800m in record time.", "model"),
        ("He swam the 1500m freestyle twice.", "model"),
        ("The album sold 100m copies.", "quantity"),
        ("Revenue reached £800m last year.", "money"),
    ],
)
def test_a_race_distance_is_no_amount_of_money(text: str, kind: str) -> None:
    [a] = parse_amounts(text)
    assert a.kind == kind


def test_a_race_distance_is_no_unsourced_statistic(tmp_path: Path, run_cli: RunCli) -> None:
    draft = tmp_path / "race.md"
    draft.write_text("Amara Okonkwo-Diallo won the 1500m at the indoor championships.\n", encoding="utf-8")
    r = run_cli("--no-cache", "--isolated", "--select", "AT102", "-f", "text", str(draft), plugin=False)
    assert r.returncode == 0, r.stdout
    money = tmp_path / "money.md"
    money.write_text("Amara Okonkwo-Diallo's club lost £1500m at the indoor championships.\n", encoding="utf-8")
    r = run_cli("--no-cache", "--isolated", "--select", "AT102", "-f", "text", str(money), plugin=False)
    assert "AT102" in r.stdout


COVERAGE_FACTS = """\
version: 1
entities:
  - name: Nguyễn Thị Lan Holdings
    type: organization
    aliases: [Lan Holdings]
figures:
  - name: Lan Holdings solar capacity
    entity: Nguyễn Thị Lan Holdings
    keywords: [capacity]
    value: 1.2
    unit: GW
  - name: Lan Holdings staff in 2024
    entity: Nguyễn Thị Lan Holdings
    keywords: [employed]
    value: 900
    unit: staff
events:
  - name: Lan Holdings share listing
    date: 2024-04-03
    keywords: [listed]
    entities: [Nguyễn Thị Lan Holdings]
"""


def test_check_facts_with_drafts_names_the_entries_no_sentence_could_check(tmp_path: Path, run_cli: RunCli) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(COVERAGE_FACTS, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(
        DATED + "Lan Holdings said its solar capacity is 1,200 MW, the most in the region.\n", encoding="utf-8"
    )
    (drafts / "b.md").write_text(
        DATED + "Lan Holdings listed its shares on April 3, 2024.\n\nIts staff are mostly engineers.\n",
        encoding="utf-8",
    )
    r = run_cli("--check-facts", str(facts), str(drafts), plugin=False)
    assert r.returncode == 0, r.stderr
    assert "checked against 2 drafts: 2 of 3 figures and events" in r.stdout
    never = r.stdout.split("no sentence of the drafts could be checked against:\n")[1]
    assert never.strip() == "Lan Holdings staff in 2024 (facts.yaml:12)"
    # a wrong figure is still checked (and found by FA104 in an ordinary run), not "never checked"
    (drafts / "c.md").write_text(DATED + "In 2024 Lan Holdings employed 1,400 staff.\n", encoding="utf-8")
    r = run_cli("--check-facts", str(facts), str(drafts), plugin=False)
    assert "checked against 3 drafts: 3 of 3 figures and events" in r.stdout
    assert "could be checked against" not in r.stdout
    # without drafts, only the summary
    r = run_cli("--check-facts", str(facts), plugin=False)
    assert r.returncode == 0 and "checked against" not in r.stdout
