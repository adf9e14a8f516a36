"""The fact base loader: schema, merging, strict errors, matchers, pickling."""

from __future__ import annotations

import datetime as dt
import pickle
import textwrap
from pathlib import Path

import pytest

from lint.errors import FactBaseError
from lint.facts import (
    Entity,
    FactBase,
    check_pattern_safety,
    format_value,
    load_factbase,
    parse_factbase,
    parse_value,
)

FULL = """\
version: 1
entities:
  - name: Orbis Motors
    type: organization
    aliases: [Orbis, Orbis Group]
  - name: Orbis Motors Asia
    type: organisation
    aliases: [Orbis Asia]
  - name: Mira Castell
    type: person
    aliases: [Mira Castell-Ruiz]
  - name: StarDeck OS
    type: product
    aliases: [StarDeck]
    avoid: [Stardeck OS, Star Deck]
roles:
  - person: Mira Castell
    title: President and CEO
    title_aliases: [boss]
    org: Orbis Motors Asia
    since: 2022-04-01
figures:
  - name: Orbis revenue in 2023
    entity: Orbis Motors
    keywords: [revenue]
    value: 12.5 billion
    unit: euros
    tolerance: 1%
    source: Orbis annual report 2023
events:
  - name: StarDeck launch
    date: 2024-05-02
    keywords: [launched]
    entity: Orbis Motors
claims:
  - pattern: 'StarDeck\\b[^.]*\\bopen source'
    message: StarDeck OS is proprietary.
sources: [Orbis Motors, Wire Service]
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)


def error_of(text: str, path: str = "facts.yaml") -> FactBaseError:
    with pytest.raises(FactBaseError) as info:
        parse_factbase(textwrap.dedent(text), path)
    return info.value


def test_full_schema_loads(tmp_path: Path) -> None:
    fb = load_factbase([write(tmp_path, "facts.yaml", FULL)])
    assert [e.name for e in fb.entities] == ["Orbis Motors", "Orbis Motors Asia", "Mira Castell", "StarDeck OS"]
    assert fb.entities[1].type == "organization"
    assert fb.entities[3].avoid == ("Stardeck OS", "Star Deck")
    role = fb.roles[0]
    assert role.since == dt.date(2022, 4, 1) and role.until is None
    assert role.title_aliases == ("boss",) and role.line == 17
    fig = fb.figures[0]
    assert fig.value == pytest.approx(12.5e9) and fig.unit == "EUR" and fig.tolerance == pytest.approx(0.01)
    assert fig.year == 2023 and fig.source == "Orbis annual report 2023"
    assert fb.events[0].date == dt.date(2024, 5, 2) and fb.events[0].entities == ("Orbis Motors",)
    assert fb.claims[0].message == "StarDeck OS is proprietary"  # trailing period dropped
    assert fb.sources == ("Orbis Motors", "Wire Service")


def test_entity_for_and_same_entity() -> None:
    fb = parse_factbase(FULL)
    assert fb.entity_for("orbis group").name == "Orbis Motors"  # type: ignore[union-attr]
    assert fb.entity_for("Star Deck").name == "StarDeck OS"  # type: ignore[union-attr]  # avoided form
    assert fb.entity_for("Nobody") is None
    assert fb.same_entity("Orbis", "Orbis  Motors")
    assert fb.same_entity("Mira Castell-Ruiz", "mira castell")
    assert not fb.same_entity("Orbis", "Orbis Asia")
    assert fb.same_entity("Unknown Co", "unknown co")  # same text is the same thing


def test_find_entities_longest_match_and_kinds() -> None:
    fb = parse_factbase(FULL)
    text = "Orbis Motors Asia said Orbis's Stardeck OS (now StarDeck OS, or STARDECK OS) beat Orbisx."
    got = [(text[m.start : m.end], m.entity.name, m.kind) for m in fb.find_entities(text)]
    assert got == [
        ("Orbis Motors Asia", "Orbis Motors Asia", "name"),
        ("Orbis", "Orbis Motors", "alias"),
        ("Stardeck OS", "StarDeck OS", "avoid"),
        ("StarDeck OS", "StarDeck OS", "name"),
        ("STARDECK OS", "StarDeck OS", "name"),  # capitals only: a headline, not a misspelling
    ]


def test_find_entities_offsets_survive_case_folding() -> None:
    fb = parse_factbase(FULL)
    text = "İİİ Orbis and ß Star Deck"
    found = fb.find_entities(text)
    assert [text[m.start : m.end] for m in found] == ["Orbis", "Star Deck"]


def test_roles_name_implicit_orgs() -> None:
    fb = parse_factbase(
        """\
        version: 1
        roles:
          - person: Ada Quill
            title: chair
            org: Quill Foundation
        """.replace("        ", "")
    )
    assert fb.entity_for("Ada Quill").type == "person"  # type: ignore[union-attr]
    assert fb.entity_for("Quill Foundation").type == "organization"  # type: ignore[union-attr]
    assert [r.title for r in fb.roles_of("ada quill")] == ["chair"]
    assert len(fb.roles_at("Quill Foundation")) == 1


def test_merge_two_files_and_duplicate_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "version: 1\nentities:\n  - name: Orbis\n    type: organization\n")
    b = write(tmp_path, "b.yaml", "version: 1\nsources: [Wire]\nentities:\n  - name: Lumen\n    aliases: [orbis]\n")
    c = write(tmp_path, "c.yaml", "version: 1\nsources: [wire, Other]\n")
    fb = load_factbase([a, c])
    assert fb.paths == (a, c) and [e.name for e in fb.entities] == ["Orbis"]
    with pytest.raises(FactBaseError) as info:
        load_factbase([a, b])
    assert "declared twice" in str(info.value) and "a.yaml:3" in str(info.value) and "b.yaml" in str(info.value)


def test_duplicate_figure_across_files(tmp_path: Path) -> None:
    fig = "version: 1\nfigures:\n  - name: Sales 2023\n    keywords: [sales]\n    value: 3\n"
    with pytest.raises(FactBaseError, match="figure 'Sales 2023' is declared twice"):
        load_factbase([write(tmp_path, "a.yaml", fig), write(tmp_path, "b.yaml", fig)])


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("entities:\n  - name: Orbis\n", "'Orbis' is declared twice"),
        ("roles:\n  - person: Ada Quill\n    title: chair\n", "role of 'Ada Quill' as 'chair' is declared twice"),
        ("figures:\n  - name: Sales\n    keywords: [sales]\n    value: 3\n", "figure 'Sales' is declared twice"),
        ("events:\n  - name: Launch\n    date: 2024-01-02\n    keywords: [launched]\n", "event 'Launch'"),
        ("claims:\n  - pattern: 'flat earth'\n    message: m\n", "claim pattern is declared twice"),
    ],
)
def test_every_section_refuses_an_entry_declared_in_two_files(tmp_path: Path, entry: str, message: str) -> None:
    a = write(tmp_path, "a.yaml", "version: 1\n" + entry)
    b = write(tmp_path, "b.yaml", "version: 1\nsources: [Wire]\n" + entry)
    with pytest.raises(FactBaseError) as info:
        load_factbase([a, b])
    err = info.value
    assert message in err.message and f"{a}:3" in err.message
    assert (err.path, err.line) == (b, 4)


def test_sources_repeated_across_files_are_kept_once_and_one_file_listed_twice_is_read_once(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", FULL)
    b = write(tmp_path, "b.yaml", "version: 1\nsources: [wire service, Desk]\n")
    fb = load_factbase([a, b, a])
    assert fb.sources == ("Orbis Motors", "Wire Service", "Desk")
    assert len(fb.figures) == 1 and [e.name for e in fb.entities].count("Orbis Motors") == 1


def test_figures_and_events_name_implicit_entities_matched_as_written() -> None:
    fb = parse_factbase(
        "version: 1\nfigures:\n  - name: Sales\n    entity: Kestrel Labs\n    keywords: [sales]\n    value: 3\n"
        "events:\n  - name: Launch\n    date: 2024-01-02\n    keywords: [launched]\n    entities: [Pell & Co]\n"
    )
    assert [(e.name, e.type, e.line) for e in fb.entities] == [("Kestrel Labs", "term", 3), ("Pell & Co", "term", 8)]
    text = "Kestrel Labs and Pell & Co."
    assert [text[m.start : m.end] for m in fb.find_entities(text)] == ["Kestrel Labs", "Pell & Co"]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("entities: []\n", "facts.yaml:1: version: is required"),
        ("version: 2\n", "version: expected 1, got 2"),
        ("version: 1\nentity: []\n", "facts.yaml:2: entity: unknown key"),
        ("version: 1\nentities:\n  - name: X\n    alias: [Y]\n", "entities[0].alias: unknown key"),
        (
            "version: 1\nentities:\n  - name: X\n    type: persn\n",
            "entities[0].type: expected one of person, organization, product, place, term, got 'persn'",
        ),
        ("version: 1\nentities: {name: X}\n", "expected a list"),
        ("version: 1\nentities:\n  - name: [X]\n", "expected text"),
        ("version: 1\nentities:\n  - name: X\n    avoid: [X]\n", "both accepted and avoided"),
        ("version: 1\nroles:\n  - person: X\n    title: CEO\n    since: 2023-13-01\n", "2023-13-01"),
        (
            "version: 1\nroles:\n  - person: X\n    title: CEO\n    since: last year\n",
            "roles[0].since: expected a date (YYYY-MM-DD), got 'last year'",
        ),
        ("version: 1\nroles:\n  - person: X\n    title: CEO\n    since: 2024-01-01\n    until: 2023-01-01\n", "before"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: lots\n", "cannot read"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 1e30\n", "absurdly large"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 99999 trillion\n", "absurdly large"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: .nan\n", "finite"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 5000\n    unit: '%'\n", "absurd"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 5\n    tolerance: half\n", "malformed"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 5\n    tolerance: 150%\n", "between"),
        ("version: 1\nfigures:\n  - name: F\n    keywords: [k]\n    value: 5\n    tolerance: 9\n", "larger than"),
        ("version: 1\nfigures:\n  - name: F\n    value: 5\n", "facts.yaml:3: figures[0].keywords: is required"),
        ("version: 1\nevents:\n  - name: E\n    keywords: [k]\n", "events[0].date: is required"),
        ("version: 1\nclaims:\n  - pattern: '(unclosed'\n    message: m\n", "invalid regular expression"),
        ("version: 1\nclaims:\n  - pattern: '(a+)+b'\n    message: m\n", "very slow"),
        ("version: 1\nclaims:\n  - pattern: 'x*'\n    message: m\n", "matches empty text"),
        ("version: 1\nclaims:\n  - pattern: 'abc'\n", "message: is required"),
        ("version: 1\nentities: [&a {name: X}, *a]\n", "aliases"),
        ("version: 1\nentities: [\n", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
        ("", "empty"),
    ],
)
def test_errors(text: str, expect: str) -> None:
    err = error_of(text)
    assert expect in str(err)
    assert err.path == "facts.yaml"


def test_error_points_at_line_and_suggests() -> None:
    err = error_of("version: 1\nentities:\n  - name: X\n    aliasse: [Y]\n")
    assert err.line == 4 and err.key == "entities[0].aliasse"
    assert err.hint == "did you mean 'aliases'?"
    assert str(err).startswith("facts.yaml:4: entities[0].aliasse: unknown key")


def test_role_naming_unknown_person_when_entities_given() -> None:
    err = error_of(
        "version: 1\nentities:\n  - name: Mira Castell\n    type: person\n"
        "roles:\n  - person: Mira Castel\n    title: CEO\n"
    )
    assert "unknown person 'Mira Castel'" in str(err) and err.line == 6
    assert err.hint == "did you mean 'Mira Castell'?"


def test_pattern_length_bound() -> None:
    err = error_of("version: 1\nclaims:\n  - pattern: '" + "a" * 500 + "'\n    message: m\n")
    assert "too long" in str(err)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+",
        r"(?:\w+\s?)*$",
        r"(a|aa)*c",
        r"(\w|\w\d)+x",
        r"(ab?)+",
        r"(?:x*){2,}",
        r"(a*)*",
        r"(.+)+z",
        r"(\s*\w+)+$",
    ],
)
def test_unsafe_patterns_rejected(pattern: str) -> None:
    assert check_pattern_safety(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [r"iDrive X\b[^.]*\bAndroid", r"(?:Mr|Ms) Smith", r"\b(?:foo|bar)+\b", r"a{2,5}b", r"colou?r", r"\d{4}-\d\d"],
)
def test_safe_patterns_accepted(pattern: str) -> None:
    assert check_pattern_safety(pattern) is None


def test_parse_value_and_format() -> None:
    assert parse_value("142.38 billion") == (pytest.approx(142.38e9), "", pytest.approx(0.01e9))
    assert parse_value("4,200 million")[0] == pytest.approx(4.2e9)
    assert parse_value("1.5 million euros")[1] == "euros"
    assert parse_value(37) == (37.0, "", 0.0)
    with pytest.raises(ValueError):
        parse_value("a lot")
    assert format_value(142.38e9, "EUR") == "142.38 billion EUR"
    assert format_value(37.0, "%") == "37%"
    assert format_value(1234.5) == "1,234.5"


def test_picklable_and_matchers_rebuilt() -> None:
    fb = parse_factbase(FULL)
    fb.find_entities("Orbis")  # builds the automaton
    clone = pickle.loads(pickle.dumps(fb))
    assert clone == fb
    assert [m.entity.name for m in clone.find_entities("Star Deck and Orbis")] == ["StarDeck OS", "Orbis Motors"]


def test_describe_summarises() -> None:
    text = parse_factbase(FULL).describe()
    assert "entities: 4 (2 organization, 1 person, 1 product)" in text
    assert "StarDeck OS: avoid 'Stardeck OS', 'Star Deck' (facts.yaml:12)" in text
    assert "Mira Castell: President and CEO of Orbis Motors Asia [2022-04-01 to now] (facts.yaml:17)" in text
    assert "Orbis revenue in 2023: 12.5 billion EUR; source Orbis annual report 2023" in text
    assert "StarDeck launch: 2024-05-02" in text and "sources: 2 (Orbis Motors, Wire Service)" in text


def test_known_sources_include_entity_aliases() -> None:
    fb = parse_factbase(FULL)
    assert fb.is_known_source("Orbis Group") and fb.is_known_source("wire service")
    assert not fb.is_known_source("Blog Daily")


def test_empty_factbase_matches_nothing() -> None:
    fb = FactBase()
    assert fb.find_entities("anything") == [] and fb.entity_for("x") is None
    assert "entities: 0" in fb.describe()


def test_automaton_finds_every_mention_in_a_long_text() -> None:
    ents = "\n".join(f"  - name: Name{i} Corp\n    aliases: [N{i}]" for i in range(400))
    fb = parse_factbase("version: 1\nentities:\n" + ents + "\n")
    text = ("Name17 Corp met N250 and others in a long sentence about nothing at all. " * 3000)[:200_000]
    found = fb.find_entities(text)
    names = [(text[m.start : m.end], m.entity.name) for m in found]
    assert len(names) == text.count("Name17 Corp") + text.count("N250 ") and isinstance(found[0].entity, Entity)
    assert set(names) == {("Name17 Corp", "Name17 Corp"), ("N250", "Name250 Corp")}


def test_case_variant_avoided_forms_match_exactly() -> None:
    fb = parse_factbase(
        "version: 1\nentities:\n  - name: BlackBerry\n    type: product\n    avoid: [Blackberry, Black Berry]\n"
    )
    text = "A blackberry pie, a Blackberry phone, a BLACKBERRY, a black berry and a BlackBerry."
    got = [(text[m.start : m.end], m.kind, m.exact) for m in fb.find_entities(text)]
    assert got == [
        ("blackberry", "name", False),
        ("Blackberry", "avoid", True),
        ("BLACKBERRY", "name", False),
        ("black berry", "avoid", False),
        ("BlackBerry", "name", True),
    ]


def test_fold_replaces_what_translate_replaced() -> None:
    from lint.facts.values import _TRANSLATE, fold

    text = "O’Neil‘s\u00a0plan\tgoes\nup\r—down ‐ ‑ ‒ – İstanbul STRASSE ß"
    low = text.lower()
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text) if len(low) != len(text) else low
    assert fold(text) == low.translate(_TRANSLATE)
    assert len(fold(text)) == len(text)
