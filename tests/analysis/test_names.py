"""lint.analysis.names: one model of a person's or an organisation's name (names made up for
these tests)."""

from __future__ import annotations

import pytest

from lint.analysis.names import NAME_RUN, ORG_RUN, looks_like_person, name_words, org_key, same_person


@pytest.mark.parametrize(
    "name",
    [
        "Tomás Reyes",
        "Łukasz Wójcik",
        "Ana María Gutiérrez",
        "Søren Kjærgaard",
        "Jo Smith",
        "Ngozi Eze-Okafor",
        "Ursula von der Leyen",
        "Sean O'Hara",
        "Ada McAdam",
        "Zoë Brontë",
        "Al Jones",  # a short first name, not the particle "al"
        "Li Wei",
        "Rhian D'Souza",  # an apostrophe after any capital, not only "O'"
        "Karim al-Haddadi",  # a lower-case prefix joined by a hyphen
        "Honoré d'Aubigny",
        "K.T. Marlowe",  # initials run together
        "R. S. Marlowe",
        "Phạm Văn Khải",
        "Sofia de los Ríos",
        "Nadia della Valle",
    ],
)
def test_names_in_any_cased_script_look_like_people(name: str) -> None:
    assert looks_like_person(name)


@pytest.mark.parametrize(
    "name",
    [
        "Orbis Motors",
        "Hale University",
        "Crane Holdings",
        "Last March",
        "Ada",
        "Quayle Energy",
        "K.T",
        "pre-Budget Talks",
    ],
)
def test_organisations_and_single_words_are_not_people(name: str) -> None:
    assert not looks_like_person(name)


def test_name_runs_start_with_any_script_capital_and_hold_particles() -> None:
    text = "On Friday Łukasz Wójcik met Ursula von der Leyen and Tomás Reyes."
    assert [m.group(0) for m in NAME_RUN.finditer(text)] == [
        "On Friday Łukasz Wójcik",
        "Ursula von der Leyen",
        "Tomás Reyes.",
    ]


def test_name_runs_hold_prefixed_words_and_initials() -> None:
    text = "Later Karim al-Haddadi met K.T. Marlowe and Honoré d'Aubigny, not the pre-Budget team."
    assert [m.group(0) for m in NAME_RUN.finditer(text)] == [
        "Later Karim al-Haddadi",
        "K.T. Marlowe",
        "Honoré d'Aubigny",
        "Budget",
    ]


def test_organisation_runs_join_of_and_ampersands() -> None:
    text = "The Bank of England and Crane & Sons agreed."
    assert [m.group(0) for m in ORG_RUN.finditer(text)] == ["The Bank of England", "Crane & Sons"]


def test_name_words_drop_honorifics_suffixes_and_diacritics() -> None:
    assert name_words("Mr Alan Greenspan Jr.") == ("alan", "greenspan")
    assert name_words("Dame Zoë Brontë") == ("zoe", "bronte")
    assert name_words("Dr J. Núñez") == ("j", "nunez")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("George W Bush", "George Bush", True),
        ("G. Bush", "George Bush", True),
        ("Gao Xiang", "Xiang Gao", True),  # the same words in another order
        ("José Núñez", "Jose Nunez", True),  # diacritics dropped
        ("María Gutiérrez", "Ana María Gutiérrez", True),
        ("Paul Green", "Ruth Green", False),  # two first names: two people
        ("Tim Dixon", "Tim Dickson", False),
        ("Dr Okafor", "Ruth Green", False),
        ("Mr Green", "Paul Green", None),  # a surname alone: cannot tell
    ],
)
def test_same_person(a: str, b: str, same: bool | None) -> None:
    assert same_person(a, b, unknown=None) is same
    assert same_person(name_words(b), name_words(a), unknown=None) is same  # words, either order


def test_cannot_tell_follows_the_callers_policy() -> None:
    assert same_person("Mr Dixon", "Tim Dixon", unknown=True) is True
    assert same_person("Mr Dixon", "Tim Dixon", unknown=False) is False


def test_org_key() -> None:
    assert org_key("BMW Group Region China’s") == org_key("BMW Group Greater China") == "bmw china"
    assert org_key("BMW AG") == org_key("the BMW Group") == "bmw"
    assert org_key("BMW China") != org_key("BMW Group")
