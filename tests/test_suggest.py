"""``lint-article suggest-facts``: a fact base proposed from drafts, tested through the command.

The drafts under ``tests/data/suggest`` are a story of our own (an offshore wind farm) with
three drafts that disagree on a name's spelling, a post holder, a figure and a date, and
``reference.yaml`` is the fact base an editor would write for it. The suggestions are
measured against it: coverage of its entities, roles and figures, and the share of
suggested entries it does not hold (noise an editor would delete)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.facts import FactBase, load_factbase
from tests.conftest import RunCli

DATA = Path(__file__).parent / "data" / "suggest"
DRAFTS = sorted(str(p) for p in DATA.glob("*.md"))


def suggest(tmp_path: Path, *extra: str) -> tuple[str, FactBase]:
    out = tmp_path / "suggested.yaml"
    assert main(["suggest-facts", *DRAFTS, "-o", str(out), *extra]) == 0
    return out.read_text(encoding="utf-8"), load_factbase([out])


def test_suggestions_cover_the_reference_with_little_noise(tmp_path: Path) -> None:
    _, got = suggest(tmp_path)
    ref = load_factbase([DATA / "reference.yaml"])
    found = [e for e in ref.entities if got.entity_for(e.name) is not None]
    assert len(found) / len(ref.entities) >= 0.8
    for e in ref.entities:  # the type and the wrong forms, where it was found
        mine = got.entity_for(e.name)
        if mine is not None:
            assert mine.name == e.name and mine.type == e.type
            assert set(e.avoid) <= set(mine.avoid)
    roles = [
        r for r in ref.roles if any(g.person == r.person and g.org == r.org and g.title == r.title for g in got.roles)
    ]
    assert len(roles) / len(ref.roles) >= 0.8
    figures = [
        f
        for f in ref.figures
        if any(g.entity == f.entity and g.value == f.value and g.unit == f.unit for g in got.figures)
    ]
    assert len(figures) / len(ref.figures) >= 0.6
    suggested = [*got.entities, *got.roles, *got.figures, *got.events]
    noise = [e for e in got.entities if ref.entity_for(e.name) is None]
    noise += [r for r in got.roles if not ref.roles_of(r.person)]
    assert len(noise) / len(suggested) < 0.2, noise


def test_a_misspelt_diacritic_case_and_hyphen_form_are_avoided(tmp_path: Path) -> None:
    _, got = suggest(tmp_path)
    assert got.entity_for("Ingrid Søndergaard").avoid == ("Ingrid Sondergaard",)  # type: ignore[union-attr]
    assert got.entity_for("Tomás Ferreira-Lund").avoid == ("Tomás Ferreira Lund",)  # type: ignore[union-attr]
    assert got.entity_for("Nordvind Energi").avoid == ("NordVind Energi",)  # type: ignore[union-attr]
    assert "Nordvind" in got.entity_for("Nordvind Energi").aliases  # type: ignore[union-attr]


def test_disagreements_are_marked_at_the_top_with_both_sides(tmp_path: Path) -> None:
    text, got = suggest(tmp_path)
    head = text[: text.index("version: 1")]
    checks = [line for line in head.splitlines() if line.startswith("# CHECK:")]
    assert any("€4.2 billion (2x)" in c and "€4.6 billion (1x)" in c for c in checks)
    assert any("2026-03-02 (2x)" in c and "2026-03-04 (1x)" in c for c in checks)
    assert any("Marta Kowalczyk (2x)" in c and "Piotr Zieliński (1x)" in c for c in checks)
    assert len(checks) == 3
    # the majority is the entry; the other holder of the post is listed, commented out
    assert [r.person for r in got.roles if r.title == "chair"] == ["Marta Kowalczyk"]
    assert "  # - person: Piotr Zieliński" in text


def test_every_entry_carries_its_evidence(tmp_path: Path) -> None:
    text, _ = suggest(tmp_path)
    heads = [line for line in text.splitlines() if line.startswith("  - ")]
    assert heads
    for line in heads:
        assert "mention" in line.split("#", 1)[1] and ".md:" in line, line
    assert "3 mentions in 3 drafts" in next(line for line in heads if "Baltic Grid Authority" in line)


def test_used_as_is_the_facts_rules_report_the_minority(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "facts.yaml"
    done = run_cli("suggest-facts", *DRAFTS, "-o", str(out), plugin=False)
    assert done.returncode == 0, done.stderr
    check = run_cli("--check-facts", str(out), plugin=False)
    assert check.returncode == 0, check.stdout + check.stderr
    lint = run_cli("--no-cache", "--facts", str(out), "--select", "FA", "--format", "json", *DRAFTS, plugin=False)
    findings = json.loads(lint.stdout)["findings"]
    got = {(f["rule"], Path(f["path"]).name, f["line"]) for f in findings}
    assert got == {
        ("FA101", "friday.md", 6),  # NordVind Energi
        ("FA101", "tuesday.md", 8),  # Ingrid Sondergaard
        ("FA101", "tuesday.md", 12),  # Tomás Ferreira Lund
        ("FA103", "friday.md", 13),  # Piotr Zieliński as chair
        ("FA104", "friday.md", 11),  # €4.6 billion
        ("FA105", "friday.md", 9),  # 4 March
    }


def test_with_an_existing_fact_base_only_what_is_new_or_contradicts_it(tmp_path: Path) -> None:
    known = tmp_path / "known.yaml"
    known.write_text(
        "version: 1\n"
        "entities:\n"
        "  - name: Nordvind Energi\n    type: organization\n    aliases: [Nordvind]\n    avoid: [NordVind Energi]\n"
        "  - name: Marta Kowalczyk\n    type: person\n"
        "roles:\n"
        "  - person: Marta Kowalczyk\n    title: chair\n    org: Baltic Grid Authority\n"
        "figures:\n"
        "  - name: Nordvind revenue\n    entity: Nordvind Energi\n    keywords: [revenue]\n"
        "    value: 4.6 billion\n    unit: EUR\n",
        encoding="utf-8",
    )
    text, got = suggest(tmp_path, "--facts", str(known))
    assert "- name: Nordvind Energi    #" not in text and "- name: Marta Kowalczyk    #" not in text
    assert "- name: Ingrid Søndergaard" in text  # new
    assert not any(r.person == "Marta Kowalczyk" for r in got.roles)
    assert [f.value for f in got.figures if f.entity == "Nordvind Energi" and "revenue" in f.keywords] == [4.2e9]


def test_a_missing_draft_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest-facts", str(tmp_path / "nowhere.md")]) == 2
    assert "nowhere.md" in capsys.readouterr().err


def test_a_folder_is_searched_and_the_result_goes_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text(
            "Oskar Lindqvist, chief executive of Tallow Freight, said the ships were late.\n", encoding="utf-8"
        )
    assert main(["suggest-facts", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "  - person: Oskar Lindqvist    # 2 mentions in 2 drafts" in text
    assert "    org: Tallow Freight" in text


def test_output_loads_when_two_entities_claim_one_form(tmp_path: Path) -> None:
    """ "Halden" is the surname of two people and a town: one owner each form, so it loads."""
    drafts = []
    for i, text in enumerate(
        (
            "Rufus Halden, chief executive of Orrin Mills, spoke first. Halden said prices would rise.\n"
            "Greta Halden, chair of Orrin Mills, disagreed. Halden said prices would hold.\n",
            "Rufus Halden, chief executive of Orrin Mills, opened a plant in Halden.\n"
            "Greta Halden, chair of Orrin Mills, was there. Workers in Halden cheered.\n",
        )
    ):
        path = tmp_path / f"d{i}.md"
        path.write_text(text, encoding="utf-8")
        drafts.append(str(path))
    out = tmp_path / "facts.yaml"
    assert main(["suggest-facts", *drafts, "-o", str(out)]) == 0
    got = load_factbase([out])  # raises on a form declared twice
    assert {r.person for r in got.roles} == {"Rufus Halden", "Greta Halden"}
    owners = [e.name for e in got.entities if "Halden" in e.forms]
    assert len(owners) <= 1


def test_an_earlier_value_is_no_disagreement_and_a_speaking_company_stays_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(
            "Wenna Quarries said sales rose. Hollis Brandt, chief executive of Wenna Quarries, was pleased.\n"
            "Wenna Quarries reported sales of £52 million in 2025, up from £47 million.\n",
            encoding="utf-8",
        )
    assert main(["suggest-facts", str(tmp_path / "a.md"), str(tmp_path / "b.md")]) == 0
    text = capsys.readouterr().out
    assert "# CHECK:" not in text  # £47 million is the year before, not another value
    assert "  - name: Wenna Quarries    # 6 mentions in 2 drafts" in text
    assert "    type: organization" in text.split("Wenna Quarries    #", 1)[1].splitlines()[1]
    assert '    value: "52 million"' in text
