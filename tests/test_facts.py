"""Facts rules FA101-FA106, run through lint.testing with small fact bases of their own."""

from __future__ import annotations

import datetime as dt
import inspect
import pickle

import pytest

from lint.facts import FactBase, parse_factbase
from lint.model import Finding, Severity
from lint.rule import Rule, RunContext
from lint.testing import run_rule
from rules.facts import (
    FACT_RULES,
    AvoidedName,
    EventDate,
    FalseClaim,
    FigureMismatch,
    PostHolder,
    WrongTitle,
)

FACTS = parse_factbase(
    """\
version: 1
entities:
  - name: StarDeck OS
    type: product
    aliases: [StarDeck]
    avoid: [Stardeck OS, Star Deck, StarDeck Os]
  - name: Orbis Motors
    type: organization
    aliases: [Orbis, Orbis Group]
  - name: Orbis Motors Asia
    type: organization
    aliases: [Orbis Asia, Orbis Motors Greater Asia]
  - name: Lumen Bank
    type: organization
  - name: Mira Castell
    type: person
    aliases: [Castell Mira]
  - name: Jonas Brandt
    type: person
  - name: Ruth Green
    type: person
  - name: Paul Green
    type: person
roles:
  - person: Mira Castell
    title: President and CEO
    title_aliases: [managing director]
    org: Orbis Motors Asia
    since: 2023-11-01
  - person: Jonas Brandt
    title: chief executive
    org: Orbis Motors Asia
    since: 2016-01-01
    until: 2023-10-31
  - person: Ruth Green
    title: Chairman of the Board of Management
    org: Orbis Motors
    since: 2019-08-16
  - person: Paul Green
    title: chief financial officer
    org: Orbis Motors
figures:
  - name: Orbis revenue in 2023
    entity: Orbis Motors
    keywords: [revenue, turnover]
    value: 12.5 billion
    unit: EUR
    source: Orbis annual report 2023
  - name: Orbis deliveries in 2023
    entity: Orbis Motors
    keywords: [deliveries, delivered]
    value: 2.55 million
    unit: vehicles
    tolerance: 20000
  - name: Orbis market share in 2023
    entity: Orbis Motors
    keywords: [market share]
    value: 7.5
    unit: '%'
events:
  - name: StarDeck launch
    date: 2024-05-02
    keywords: [launched, unveiled]
    entities: [Orbis Motors]
  - name: Lumen Bank merger
    date: 2024-09-30
    keywords: [merger]
claims:
  - pattern: 'StarDeck\\b[^.]*\\b(?:is|was)\\s+(?:built|based)\\s+on\\s+Linux'
    message: StarDeck OS is built on its own kernel, not Linux.
  - pattern: 'orbis\\b[^.]*\\bbankrupt'
    ignorecase: true
    message: Orbis Motors has never filed for bankruptcy
"""
)

DAY = dt.date(2025, 3, 20)


def run(rule: type[Rule], text: str, facts: FactBase | None = FACTS, day: dt.date = DAY) -> list[Finding]:
    return run_rule(rule, text, context=RunContext(facts=facts, today=day))


def messages(rule: type[Rule], text: str, **kw: object) -> list[str]:
    return [f.message for f in run(rule, text, **kw)]  # type: ignore[arg-type]


# -- conventions ---------------------------------------------------------------------------


@pytest.mark.parametrize("rule", FACT_RULES, ids=lambda r: r.code)
def test_examples_behave_with_their_example_facts(rule: type[Rule]) -> None:
    facts = parse_factbase(inspect.cleandoc(rule.example_facts) + "\n")  # type: ignore[attr-defined]
    for text in rule.examples_bad:
        assert run_rule(rule, text, facts=facts), f"{rule.code} should flag {text!r}"
    for text in rule.examples_good:
        assert not run_rule(rule, text, facts=facts), f"{rule.code} should not flag {text!r}"


@pytest.mark.parametrize("rule", FACT_RULES, ids=lambda r: r.code)
def test_no_fact_base_no_findings(rule: type[Rule]) -> None:
    for text in rule.examples_bad:
        assert run_rule(rule, text) == []


@pytest.mark.parametrize("rule", FACT_RULES, ids=lambda r: r.code)
def test_rule_metadata(rule: type[Rule]) -> None:
    assert rule.category == "facts" and rule.code.startswith("FA1")
    doc = rule.documentation()
    for part in ("**Why**", "**Example**", "**Fix**"):
        assert part in doc, (rule.code, part)


def test_messages_have_no_trailing_period_and_cite_the_fact_base() -> None:
    found = run(FalseClaim, "StarDeck is based on Linux, says a blog.\n")
    assert found[0].message == "StarDeck OS is built on its own kernel, not Linux (facts.yaml:69)"


def test_rules_work_with_an_unpickled_fact_base() -> None:
    clone = pickle.loads(pickle.dumps(FACTS))
    assert messages(AvoidedName, "We tried Star Deck.\n", facts=clone) == [
        "'Star Deck' should be 'StarDeck OS' (facts.yaml:3)"
    ]


# -- FA101 avoided names -------------------------------------------------------------------


def test_avoided_form_flagged_with_safe_fix() -> None:
    (f,) = run(AvoidedName, "The car runs Star Deck now.\n")
    assert f.severity == Severity.ERROR and f.fix is not None and f.fix.safe
    assert f.fix.edits[0].replacement == "StarDeck OS"
    assert (f.span.line, f.span.column) == (1, 14)
    assert f.related[0].line == 3


def test_avoided_form_any_case_and_capitals() -> None:
    found = run(AvoidedName, "# STAR DECK ARRIVES\n\nWe saw star deck and StarDeck OS and STARDECK OS.\n")
    assert [(f.message, f.fix.edits[0].replacement) for f in found if f.fix] == [
        ("'STAR DECK' should be 'STARDECK OS' (facts.yaml:3)", "STARDECK OS"),
        ("'star deck' should be 'StarDeck OS' (facts.yaml:3)", "StarDeck OS"),
    ]


def test_avoided_form_differing_only_in_case_from_the_name() -> None:
    assert messages(AvoidedName, "StarDeck Os is new; StarDeck OS is not.\n") == [
        "'StarDeck Os' should be 'StarDeck OS' (facts.yaml:3)"
    ]


def test_alias_and_canonical_never_flagged() -> None:
    assert run(AvoidedName, "StarDeck, or StarDeck OS, runs in every Orbis Group car.\n") == []


def test_avoided_form_in_quote_is_flagged_with_unsafe_fix() -> None:
    (f,) = run(AvoidedName, 'She said: "Star Deck is our future."\n')
    assert f.fix is not None and not f.fix.safe


def test_avoided_form_in_code_url_or_longer_word_not_flagged() -> None:
    text = "Run `star deck` or see https://example.com/star-deck and Star Decker and Star Deck-like.\n"
    assert [f.message for f in run(AvoidedName, text)] == ["'Star Deck' should be 'StarDeck OS' (facts.yaml:3)"]


# -- FA102 / FA103 roles -------------------------------------------------------------------

ROLE_FORMS = [
    "Mira Castell, chairman of Orbis Asia, spoke.",
    "Mira Castell, Orbis Asia's chairman, spoke.",
    "Orbis Asia chairman Mira Castell spoke.",
    "Orbis Asia's chairman, Mira Castell, spoke.",
    "Chairman of Orbis Motors Greater Asia Mira Castell spoke.",
    "The Orbis Asia chairman, Mira Castell, spoke.",
    "Orbis Asia, led by chairman Mira Castell, grew.",
    "Mira Castell, the chairman of Orbis Asia, spoke.",
    "Mira Castell, Orbis Asia chairman, spoke.",
    "Mira Castell, who is chairman of Orbis Asia, spoke.",
    "The chairman of Orbis Asia, Mira Castell, spoke.",
]


@pytest.mark.parametrize("text", ROLE_FORMS)
def test_wrong_title_in_every_form(text: str) -> None:
    found = run(WrongTitle, text + "\n")
    written = "Chairman" if text.startswith("Chairman") else "chairman"
    assert [f.message for f in found] == [
        f"Mira Castell is President and CEO of Orbis Motors Asia since 2023-11-01, not '{written}' (facts.yaml:25)"
    ]
    assert found[0].span.start == text.lower().index("chairman")


MINISTERS = parse_factbase(
    """\
version: 1
entities:
  - {name: Bo Lind, type: person}
  - {name: Tarnia, type: organization}
roles:
  - {person: Bo Lind, title: health minister, org: Tarnia}
"""
)


@pytest.mark.parametrize(
    "text",
    [
        "Tarnia's transport minister, Bo Lind, spoke.",
        "Bo Lind, Tarnia's transport minister, spoke.",
        "Tarnia transport minister Bo Lind spoke.",
    ],
)
def test_portfolio_ministers_are_titles(text: str) -> None:
    found = run_rule(WrongTitle, text + "\n", facts=MINISTERS)
    assert [f.message for f in found] == [
        "Bo Lind is health minister of Tarnia, not 'transport minister' (facts.yaml:6)"
    ]
    assert text[found[0].span.start : found[0].span.end] == "transport minister"
    assert run_rule(WrongTitle, text.replace("transport", "health") + "\n", facts=MINISTERS) == []


@pytest.mark.parametrize("text", ROLE_FORMS)
def test_right_title_in_every_form(text: str) -> None:
    for title in ("president", "chief executive", "CEO", "President and CEO", "managing director"):
        fixed = text.replace("chairman", title).replace("Chairman", title)
        assert run(WrongTitle, fixed + "\n") == [], fixed
        assert run(PostHolder, fixed + "\n") == [], fixed


@pytest.mark.parametrize("text", ROLE_FORMS)
def test_former_holder_named_as_current_in_every_form(text: str) -> None:
    fixed = text.replace("chairman", "chief executive").replace("Chairman", "Chief executive")
    fixed = fixed.replace("Mira Castell", "Jonas Brandt")
    assert messages(PostHolder, fixed + "\n") == [
        "Jonas Brandt was chief executive of Orbis Motors Asia until 2023-10-31; "
        "Mira Castell holds the post since 2023-11-01 (facts.yaml:25)"
    ]


def test_unknown_person_named_in_an_exclusive_post() -> None:
    (f,) = run(PostHolder, "Orbis Asia CEO Tom Reyes spoke.\n")
    assert (
        f.message
        == "Mira Castell is President and CEO of Orbis Motors Asia since 2023-11-01, not Tom Reyes (facts.yaml:25)"
    )
    assert f.related[0].line == 25


def test_post_holder_uses_draft_date_from_front_matter() -> None:
    text = "---\ndate: 2021-06-01\n---\nOrbis Asia chief executive Jonas Brandt spoke.\n"
    assert run(PostHolder, text) == []
    text = "---\ndate: 2021-06-01\n---\nOrbis Asia chief executive Mira Castell spoke.\n"
    assert messages(PostHolder, text) == [
        "Mira Castell became President and CEO of Orbis Motors Asia only on 2023-11-01; "
        "Jonas Brandt holds the post since 2016-01-01 (facts.yaml:30)"
    ]


def test_post_holder_uses_today_without_a_date() -> None:
    text = "Orbis Asia chief executive Jonas Brandt spoke.\n"
    assert run(PostHolder, text, day=dt.date(2020, 1, 1)) == []
    assert run(PostHolder, text, day=dt.date(2025, 1, 1))


def test_aliases_of_people_orgs_and_titles_are_accepted() -> None:
    for text in (
        "Castell Mira, managing director of Orbis Motors Greater Asia, spoke.",
        "Orbis Motors Asia president Castell Mira spoke.",
        "Ruth Green, chief executive of Orbis Group, spoke.",
        "Orbis chairman Ruth Green spoke.",
    ):
        assert run(WrongTitle, text + "\n") == [], text
        assert run(PostHolder, text + "\n") == [], text


def test_alias_with_wrong_title_is_flagged_under_the_canonical_name() -> None:
    assert messages(WrongTitle, "Castell Mira, Orbis Asia chairman, spoke.\n") == [
        "Mira Castell is President and CEO of Orbis Motors Asia since 2023-11-01, not 'chairman' (facts.yaml:25)"
    ]


def test_quoted_title_not_flagged() -> None:
    assert run(WrongTitle, '"Orbis Asia chairman Mira Castell is tough," a rival said.\n') == []
    assert run(PostHolder, '"Our CEO Jonas Brandt," he said of Orbis Asia.\n') == []


def test_title_in_headline_not_flagged() -> None:
    assert run(WrongTitle, "# Orbis Asia Chairman Mira Castell Opens Plant\n\nText.\n") == []
    assert run(PostHolder, "# Orbis Asia CEO Jonas Brandt Opens Plant\n\nText.\n") == []


def test_two_people_with_the_same_surname() -> None:
    # Ruth Green chairs Orbis Motors; Paul Green is its finance chief. Neither is the other.
    assert run(WrongTitle, "Paul Green, chief financial officer of Orbis, spoke.\n") == []
    assert run(PostHolder, "Orbis chief executive Ruth Green and CFO Paul Green spoke.\n") == []
    assert messages(WrongTitle, "Paul Green, chairman of Orbis, spoke.\n") == [
        "Paul Green is chief financial officer of Orbis Motors, not 'chairman' (facts.yaml:39)"
    ]
    # A third Green the fact base does not know, in a post it has no holder for, is left alone.
    assert run(PostHolder, "Orbis head of design Emma Green spoke.\n") == []
    assert run(PostHolder, "Emma Green, a vice president of Orbis, spoke.\n") == []


def test_surname_alone_is_not_resolved() -> None:
    assert run(WrongTitle, "Green, the Orbis chairman, spoke.\n") == []
    assert run(PostHolder, "Orbis Asia chief executive Mr Castell spoke.\n") == []
    assert run(PostHolder, "Orbis Asia chief executive Mr Reyes spoke.\n") == []


def test_middle_names_and_honorifics_are_the_same_person() -> None:
    assert run(PostHolder, "Orbis Asia chief executive Mira J. Castell spoke.\n") == []
    assert run(PostHolder, "Orbis Asia chief executive Ms Mira Castell spoke.\n") == []
    assert run(WrongTitle, "Ms Mira Castell, chairman of Orbis Asia, spoke.\n")


def test_qualified_and_historical_mentions_skipped() -> None:
    for text in (
        "Former Orbis Asia chief executive Jonas Brandt spoke.",
        "Jonas Brandt, the former chief executive of Orbis Asia, spoke.",
        "Orbis Asia's then-CEO Jonas Brandt spoke.",
        "In 2019, Orbis Asia chief executive Jonas Brandt spoke.",
        "Orbis Asia interim CEO Tom Reyes spoke.",
        "Tom Reyes succeeded Orbis Asia chief executive Jonas Brandt.",
    ):
        assert run(PostHolder, text + "\n") == [], text


def test_vague_titles_and_unknown_orgs_never_flagged() -> None:
    for text in (
        "Orbis Asia boss Jonas Brandt spoke.",
        "Mira Castell, chairman of Lumen Bank, spoke.",
        "Mira Castell, chairman of Acme Widgets, spoke.",
        "Tom Reyes, chairman of Lumen Bank, spoke.",
    ):
        assert run(WrongTitle, text + "\n") == [], text
        assert run(PostHolder, text + "\n") == [], text


# -- FA104 figures -------------------------------------------------------------------------


def fig(text: str, day: dt.date = dt.date(2024, 3, 1)) -> list[str]:
    return messages(FigureMismatch, text + "\n", day=day)


def test_figure_mismatch_message() -> None:
    assert fig("Orbis revenue reached €13.1 billion in 2023.") == [
        "'€13.1 billion' contradicts Orbis revenue in 2023: 12.5 billion EUR per Orbis annual report 2023 "
        "(facts.yaml:43)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Orbis revenue reached €12.5 billion in 2023.",
        "Orbis revenue reached €12.52bn in 2023.",
        "Orbis revenue reached €13bn in 2023.",  # rounded to the nearest billion: 12.5 -> 13 is fair
        "Orbis revenue reached about €12.8 billion in 2023.",
        "Orbis revenue topped €12 billion in 2023.",
        "Orbis revenue was more than €12 billion in 2023.",
        "Orbis revenue was 12,500 million euros in 2023.",
        "Orbis delivered 2.56 million vehicles in 2023.",
        "Orbis turnover of €12.5bn in 2023 beat the €11.2bn of 2022.",
    ],
)
def test_figure_consistent(text: str) -> None:
    assert fig(text) == [], text


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Orbis revenue was 14 billion euros last year.", "14 billion euros"),
        ("Orbis Group's turnover hit €11.9bn in 2023.", "€11.9bn"),
        ("Orbis delivered 2.3 million vehicles in 2023.", "2.3 million"),
        ("Orbis market share rose to 8.5% in 2023.", "8.5%"),
        ("Orbis revenue was more than €13 billion in 2023.", "€13 billion"),
        ("Orbis Motors had a strong year. Its revenue reached €15bn in 2023.", "€15bn"),
        ("In 2023, Orbis made €10.2 billion in revenue.", "€10.2 billion"),
    ],
)
def test_figure_contradicted(text: str, raw: str) -> None:
    found = run(FigureMismatch, text + "\n", day=dt.date(2024, 3, 1))
    assert [f.message.split("'")[1] for f in found] == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "Orbis revenue reached €11 billion in 2022.",  # another year
        "Orbis revenue reached $14 billion in 2023.",  # another currency
        "Orbis revenue rose by €1.5 billion in 2023.",  # a change
        "Orbis revenue rose to €12.5bn in 2023, up from €11bn.",
        "Orbis expects revenue of €14 billion in 2023.",  # a forecast
        "Orbis revenue in the first quarter of 2023 was €3 billion.",  # a part of the year
        "Orbis revenue in China was €3 billion in 2023.",  # a segment
        "Lumen Bank revenue was €3 billion in 2023.",  # another organisation
        "Orbis revenue grew while profit fell to €1.1 billion in 2023.",  # another metric
        "Revenue at a rival reached €9 billion in 2023.",  # the entity is not named
        "Orbis revenue reached 14 billion in 2023.",  # no currency: not comparable
        "Orbis revenue from services grew to €2 billion in 2023.",  # a part of the figure
        "Orbis sold a plant for €3 billion to cover a revenue gap in 2023.",  # the amount is a price
        "Analysts are forecasting Orbis revenue of €15 billion for 2023.",
        "Orbis revenue was €11.2bn in 2022 and €12.5bn in 2023.",  # each year its own number
    ],
)
def test_figure_near_misses(text: str) -> None:
    assert fig(text) == []


def test_figure_without_year_in_the_year_after() -> None:
    assert fig("Orbis revenue reached €11 billion.", day=dt.date(2024, 2, 1))
    assert fig("Orbis revenue reached €11 billion.", day=dt.date(2025, 2, 1)) == []


def test_several_years_each_number_is_read_with_its_year() -> None:
    assert [m.split("'")[1] for m in fig("Orbis revenue was €11.2bn in 2022 and €14bn in 2023.")] == ["€14bn"]


def test_undeclared_figure_entity_is_matched_as_written() -> None:
    facts = parse_factbase(
        "version: 1\nfigures:\n  - name: Lumo sales in 2023\n    entity: Lumo Labs\n    keywords: [sales]\n"
        "    value: 40 million\n    unit: euros\n"
    )
    assert facts.entity_for("Lumo Labs") is not None
    text = "Lumo Labs sales were €45m in 2023.\n"
    assert messages(FigureMismatch, text, facts=facts, day=dt.date(2024, 2, 1)) == [
        "'€45m' contradicts Lumo sales in 2023: 40 million EUR (facts.yaml:3)"
    ]
    assert messages(FigureMismatch, "Lumo sales were €45m in 2023.\n", facts=facts, day=dt.date(2024, 2, 1)) == []


def test_anaphor_needs_the_entity_in_the_previous_sentence() -> None:
    assert fig("Lumen Bank had a strong year. Its revenue reached €15bn in 2023.") == []


# -- FA105 event dates ---------------------------------------------------------------------


def ev(text: str, day: dt.date = dt.date(2024, 5, 10)) -> list[str]:
    return messages(EventDate, text + "\n", day=day)


def test_event_date_contradicted() -> None:
    assert ev("Orbis launched StarDeck on May 3.") == [
        "'May 3' contradicts StarDeck launch: 2024-05-02 (facts.yaml:61)"
    ]
    assert ev("On 1 May 2024 Orbis Group unveiled StarDeck.") == [
        "'1 May 2024' contradicts StarDeck launch: 2024-05-02 (facts.yaml:61)"
    ]
    assert ev("Orbis had big news. It launched StarDeck on 2024-05-04.") == [
        "'2024-05-04' contradicts StarDeck launch: 2024-05-02 (facts.yaml:61)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Orbis launched StarDeck on May 2.",
        "Orbis launched StarDeck on May 2, 2024, not May 3 as planned.",
        "Orbis launched StarDeck and will ship it by June 30.",
        "A rival launched its own system on May 3.",
        "Orbis launched StarDeck on Thursday.",
        "Orbis says sales began on June 5 and have been strong, a year after it launched StarDeck.",
    ],
)
def test_event_date_near_misses(text: str) -> None:
    assert ev(text) == []


def test_event_without_year_in_another_year_compares_month_and_day() -> None:
    assert ev("Orbis launched StarDeck on May 2.", day=dt.date(2025, 1, 10)) == []
    assert ev("Orbis launched StarDeck on May 9.", day=dt.date(2025, 1, 10))


def test_event_without_entities_uses_name_words() -> None:
    assert ev("The Lumen Bank merger closed on October 1, 2024.", day=dt.date(2024, 10, 5)) == [
        "'October 1, 2024' contradicts Lumen Bank merger: 2024-09-30 (facts.yaml:65)"
    ]
    assert ev("The merger of two rivals closed on October 1, 2024.", day=dt.date(2024, 10, 5)) == []


# -- FA106 claims --------------------------------------------------------------------------


def test_false_claim_flagged_at_the_match() -> None:
    text = "Critics note that StarDeck is based on Linux after all.\n"
    (f,) = run(FalseClaim, text)
    assert text[f.span.start : f.span.end] == "StarDeck is based on Linux"
    assert f.severity == Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "StarDeck is not based on Linux.",
        '"StarDeck is based on Linux," a blogger wrote.',
        "StarDeck runs its own kernel. Android is based on Linux.",
        "`StarDeck is based on Linux` is a string.",
    ],
)
def test_false_claim_near_misses(text: str) -> None:
    assert run(FalseClaim, text + "\n") == []


def test_ignorecase_claim() -> None:
    assert messages(FalseClaim, "ORBIS is bankrupt, a post said.\n") == [
        "Orbis Motors has never filed for bankruptcy (facts.yaml:71)"
    ]


# -- scale ---------------------------------------------------------------------------------


def test_long_drafts_give_one_finding_per_repetition() -> None:
    para = (
        "Orbis Asia chief executive Mira Castell said Orbis revenue reached €12.5 billion in 2023, "
        "and Orbis launched StarDeck on May 2. The Star Deck team, led by Tom Reyes, grew 5%.\n\n"
    )
    for n in (100, 400):
        total = sum(len(run(r, para * n)) for r in FACT_RULES)
        assert total == n  # one avoided name per paragraph, nothing else


def test_mentions_after_a_departure_word_are_history() -> None:
    assert run(PostHolder, "The row led to the resignation of Orbis Asia chief executive Tom Reyes.\n") == []
    assert run(PostHolder, "Orbis Asia co-chairman Tom Reyes spoke.\n") == []


def test_one_giant_sentence_gives_every_finding() -> None:
    chunk = "Orbis Asia chief executive Tom Reyes said Star Deck sold well while "
    for n in (300, 1200):
        total = sum(len(run(r, chunk * n + "\n")) for r in FACT_RULES)
        assert total == 2 * n  # each repetition: a wrong post holder and an avoided name


# -- percentages, changes and late dates ---------------------------------------------------

GROWTH = parse_factbase(
    """\
version: 1
entities:
  - name: Kestrel Ávila Foods
    type: organization
    aliases: [Kestrel Ávila]
figures:
  - name: Kestrel Ávila turnover growth in 2024
    entity: Kestrel Ávila Foods
    keywords: [turnover]
    value: 6.5
    unit: "%"
  - name: Kestrel Ávila share of the bakery market in 2024
    entity: Kestrel Ávila Foods
    keywords: [market]
    value: 42
    unit: per cent
events:
  - name: Kestrel Ávila oven unveiled
    date: 2024-09-18
    keywords: [unveiled]
    entities: [Kestrel Ávila Foods]
"""
)


def growth(text: str) -> list[str]:
    return [m.split("'")[1] for m in messages(FigureMismatch, text + "\n", facts=GROWTH, day=dt.date(2025, 2, 1))]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        # a percentage written "per cent" is a percentage ("per" does not make it a rate per unit)
        ("Kestrel Ávila said its turnover grew 8.5 per cent in 2024.", "8.5 per cent"),
        ("Kestrel Ávila ended 2024 with 38 per cent of the market.", "38 per cent"),
        # a figure that is a change is stated by change words
        ("Kestrel Ávila's turnover was up 8.5% in 2024.", "8.5%"),
        ("In 2024 Kestrel Ávila Foods grew its turnover by 8.5 per cent.", "8.5 per cent"),
        # "turnover at <the entity>" names whose turnover it is, not a part of it
        ("Turnover at Kestrel Ávila Foods rose 8.5 per cent in 2024.", "8.5 per cent"),
    ],
)
def test_percent_figures_in_every_form(text: str, raw: str) -> None:
    assert growth(text) == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Ávila said its turnover grew 6.5 per cent in 2024.",
        "Turnover at Kestrel Ávila Foods rose 6.5% in 2024.",
        "Kestrel Ávila held 42 per cent of the market in 2024.",
        # a part of the turnover, and a share that changed by some points, are other figures
        "Turnover at Kestrel Ávila's cafés rose 8.5 per cent in 2024.",
        "Kestrel Ávila's share of the market rose by 3 per cent to 42 per cent in 2024.",
    ],
)
def test_percent_figures_near_misses(text: str) -> None:
    assert growth(text) == []


def late(text: str) -> list[str]:
    return [m.split("'")[1] for m in messages(EventDate, text + "\n", facts=GROWTH, day=dt.date(2024, 10, 1))]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Kestrel Ávila Foods unveiled the oven at a press event in Porto on September 25.", "September 25"),
        (
            "Kestrel Ávila first unveiled the Brasa oven, a stone-floor model, in Ōsaka on Tuesday 17 September.",
            "17 September",
        ),
        (
            "The Brasa oven was unveiled by Kestrel Ávila at a trade fair in Lyon on 20 September 2024.",
            "20 September 2024",
        ),
    ],
)
def test_event_date_later_in_the_clause(text: str, raw: str) -> None:
    assert late(text) == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Ávila Foods unveiled the oven at a press event in Porto on September 18.",
        # a date of another clause, or one that looks ahead
        "Kestrel Ávila unveiled the oven at a press event in Porto, which opens again on September 25.",
        "Kestrel Ávila unveiled the oven in Porto and will ship the first ones to bakers on October 2.",
        "Kestrel Ávila unveiled the oven to bakers at a trade fair and said it was due on sale on October 2.",
        # too far from the keyword
        "Kestrel Ávila unveiled the oven that its engineers in Porto, Lyon, Ōsaka and Seville had spent"
        " four long years building on September 25.",
    ],
)
def test_event_date_later_in_the_clause_near_misses(text: str) -> None:
    assert late(text) == []
