"""lint.analysis: amounts, dates, titles, keywords and role mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from lint.analysis.amounts import is_statistic_like, parse_amounts, sentence_amounts
from lint.analysis.dates import find_dates
from lint.analysis.keywords import KeywordIndex, keyword_regex
from lint.analysis.names import looks_like_person, name_words, person_entity, same_person
from lint.analysis.roles import find_role_mentions
from lint.analysis.titles import builtin_titles, is_exclusive_title, is_vague_title, title_key, titles_compatible
from lint.document import Document
from lint.facts import parse_factbase

# -- amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("$4.2 billion", 4.2e9, "USD", "money"),
        ("US$4,200 million", 4.2e9, "USD", "money"),
        ("€142.38 billion", 142.38e9, "EUR", "money"),
        ("£600m", 600e6, "GBP", "money"),
        ("Rmb 3bn", 3e9, "CNY", "money"),
        ("¥500 billion", 500e9, "JPY", "money"),
        ("HK$12bn", 12e9, "HKD", "money"),
        ("12 billion euros", 12e9, "EUR", "money"),
        ("3.5 million US dollars", 3.5e6, "USD", "money"),
        ("70 yuan", 70.0, "CNY", "money"),
        ("37 percent", 37.0, "%", "percent"),
        ("37 per cent", 37.0, "%", "percent"),
        ("13.4%", 13.4, "%", "percent"),
        ("2 percentage points", 2.0, "pp", "pp"),
        ("1.5 million", 1.5e6, "", "quantity"),
        ("4.2bn", 4.2e9, "", "quantity"),
        ("2.5 million electric vehicles", 2.5e6, "vehicle", "quantity"),
        ("460 local suppliers", 460.0, "supplier", "quantity"),
    ],
)
def test_amount_normalisation(text: str, value: float, unit: str, kind: str) -> None:
    found = parse_amounts(f"They said {text} then.")
    assert len(found) == 1, found
    a = found[0]
    assert a.value == pytest.approx(value) and a.unit == unit and a.kind == kind
    assert f"They said {text} then."[a.start : a.end] == a.raw and a.raw.startswith(text.split()[0][:2])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It happened in 2024 again.", "year"),
        ("It happened on March 17 again.", "date"),
        ("It happened on 17 March 2025 again.", "date"),
        ("It happened at 10:30 again.", "time"),
        ("It happened at 9am again.", "time"),
        ("A man aged 45 came.", "age"),
        ("A 45-year-old came.", "age"),
        ("The 21st century came.", "ordinal"),
        ("The Huawei Mate 60 came.", "model"),
        ("The new 5G network came.", "model"),
    ],
)
def test_non_statistics(text: str, kind: str) -> None:
    found = [a for a in parse_amounts(text) if a.kind == kind]
    assert found, parse_amounts(text)
    assert not any(is_statistic_like(a) for a in found)


def test_model_names_glued_to_letters_are_not_numbers() -> None:
    assert parse_amounts("The iX3 and the X5 and COVID-19.") == []


def test_statistic_like() -> None:
    got = {a.raw: is_statistic_like(a) for a in parse_amounts("Some 3 people paid $5 for 12% of 4,500 shares in 2023.")}
    assert got == {"3": False, "$5": True, "12%": True, "4,500": True, "2023": False}


def test_sentence_start_number_is_not_a_model() -> None:
    (a,) = parse_amounts("Yesterday. Some 60 people came.")[-1:]
    assert a.kind == "quantity" and a.unit == "people"


def test_ranges_share_unit() -> None:
    got = [(a.value, a.unit) for a in parse_amounts("between 4-5% and $3 to $4bn")]
    assert got == [(4.0, "%"), (5.0, "%"), (3.0, "USD"), (4e9, "USD")]
    got = [(a.value, a.unit) for a in parse_amounts("from 3 to 4 billion euros")]
    assert got == [(3e9, "EUR"), (4e9, "EUR")]


def test_hedges_and_steps() -> None:
    a, b, c, d = parse_amounts("about €140bn, more than 500 cars, under 3%, and €142.38 billion")
    assert (a.hedge, b.hedge, c.hedge, d.hedge) == ("about", "over", "under", "")
    assert a.step == pytest.approx(10e9)  # "140": the trailing zero is not significant
    assert d.step == pytest.approx(0.01e9)


def test_offsets_with_start_and_end() -> None:
    text = "Ignore 5% here. Count €3bn here. Ignore 7% too."
    s = text.index("Count")
    (a,) = parse_amounts(text, s, text.index(" Ignore 7"))
    assert a.raw == "€3bn" and text[a.start : a.end] == "€3bn"


def test_amounts_of_a_long_text() -> None:
    text = "Revenue rose 4.5% to $12.3bn in 2023, while 1,200 staff left. " * 4000
    found = parse_amounts(text)
    assert len(found) == 4 * 4000
    assert [a.raw for a in found[-4:]] == ["4.5%", "$12.3bn", "2023", "1,200"]


# -- dates ---------------------------------------------------------------------------------


def test_find_dates() -> None:
    text = "On March 17, 2025 and 18 March and 2025-03-19 and May 4th; in May 2024 nothing."
    got = [(d.date, d.has_year) for d in find_dates(text, default_year=2024)]
    assert got == [
        (dt.date(2025, 3, 17), True),
        (dt.date(2024, 3, 18), False),
        (dt.date(2025, 3, 19), True),
        (dt.date(2024, 5, 4), False),
    ]
    assert [d.date for d in find_dates("On March 17 only.")] == []  # no year to give it
    assert find_dates("On February 30, 2024 nothing.") == []


# -- titles --------------------------------------------------------------------------------


def test_title_equivalences() -> None:
    assert title_key("CEO") == title_key("chief executive") == title_key("Chief Executive Officer")
    assert title_key("chair") == title_key("Chairwoman") == "chairman"
    assert title_key("President & CEO") == title_key("president and chief executive")
    assert titles_compatible("chief executive", ["President and CEO"])
    assert titles_compatible("president", ["President and CEO"])
    assert titles_compatible("chairman", ["Chairman of the Board of Management"])
    assert titles_compatible("CEO", ["Chairman of the Board of Management"])
    assert not titles_compatible("chairman", ["President and CEO"])
    assert not titles_compatible("vice president", ["President and CEO"])
    assert not titles_compatible("chairman of the supervisory board", ["Chairman of the Board of Management"])
    assert titles_compatible("spokesman", ["spokeswoman"])


def test_title_classes() -> None:
    assert is_vague_title("boss") and is_vague_title("head of design") and not is_vague_title("CEO")
    assert is_exclusive_title("chief executive") and is_exclusive_title("President and CEO")
    assert not is_exclusive_title("vice president") and not is_exclusive_title("director")


def test_looks_like_person() -> None:
    assert looks_like_person("Sean Green") and looks_like_person("Ursula von der Leyen")
    assert looks_like_person("J. Smith Jones")
    assert not looks_like_person("Green") and not looks_like_person("BMW Group")
    assert not looks_like_person("March Madness") and not looks_like_person("The Board")


def test_keyword_regex() -> None:
    rx = keyword_regex(["revenue", "net profit"])
    assert [m.group(0) for m in rx.finditer("Revenues and net  profit, not pre-revenue or revenueless")] == [
        "Revenues",
        "net  profit",
    ]


# -- role mentions ------------------------------------------------------------------------

FACTS = parse_factbase(
    """\
version: 1
entities:
  - name: Mira Castell
    type: person
    aliases: [Castell Mira]
  - name: Orbis Motors Asia
    type: organization
    aliases: [Orbis Asia]
  - name: Orbis Motors
    type: organization
    aliases: [Orbis]
roles:
  - person: Mira Castell
    title: President and CEO
    org: Orbis Motors Asia
"""
)


def mentions(text: str, facts: object = FACTS) -> list[tuple[str, str, str | None, str]]:
    doc = Document.from_text("d.md", text + "\n")
    return [(m.person, m.title, m.org, m.form) for m in find_role_mentions(doc, facts)]  # type: ignore[arg-type]


@pytest.mark.parametrize("facts", [FACTS, None], ids=["facts", "no-facts"])
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Mira Castell, President and CEO of Orbis Asia, spoke.", ("Mira Castell", "President and CEO", "Orbis Asia")),
        ("Mira Castell, Orbis Asia's president, spoke.", ("Mira Castell", "president", "Orbis Asia")),
        ("Orbis Asia chief executive Mira Castell spoke.", ("Mira Castell", "chief executive", "Orbis Asia")),
        ("Orbis Asia’s chief executive, Mira Castell, spoke.", ("Mira Castell", "chief executive", "Orbis Asia")),
        ("The chairman of Orbis Asia, Mira Castell, spoke.", ("Mira Castell", "chairman", "Orbis Asia")),
        ("The Orbis Asia president, Mira Castell, spoke.", ("Mira Castell", "president", "Orbis Asia")),
        ("Mira Castell, the chairwoman of Orbis Asia, spoke.", ("Mira Castell", "chairwoman", "Orbis Asia")),
        ("Mira Castell, chief executive at Orbis Asia, spoke.", ("Mira Castell", "chief executive", "Orbis Asia")),
        ("Mira Castell, Orbis Asia CEO, spoke.", ("Mira Castell", "CEO", "Orbis Asia")),
        ("Orbis Asia, led by CEO Mira Castell, grew.", ("Mira Castell", "CEO", "Orbis Asia")),
        ("The group is led by CEO Mira Castell now.", ("Mira Castell", "CEO", None)),
        ("Meanwhile chief executive Mira Castell spoke.", ("Mira Castell", "chief executive", None)),
    ],
)
def test_role_forms(text: str, expect: tuple[str, str, str | None], facts: object) -> None:
    got = [m[:3] for m in mentions(text, facts)]
    assert got == [expect]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "Karim al-Haddadi, who is chief operating officer of Quayle Energy, spoke.",
            ("Karim al-Haddadi", "chief operating officer", "Quayle Energy", "name-who-is-title-of-org"),
        ),
        (
            "The Tarn Valley Dockers' Union general secretary, Rhian D'Souza, spoke.",
            ("Rhian D'Souza", "general secretary", "Tarn Valley Dockers' Union", "org-title-name"),
        ),
        (
            "Head coach of Fenwick Albion Phạm Văn Khải spoke.",
            ("Phạm Văn Khải", "Head coach", "Fenwick Albion", "title-of-orgname"),
        ),
        (
            "Chief executive of Quayle Energy Inés de la Vega spoke.",
            ("Inés de la Vega", "Chief executive", "Quayle Energy", "title-of-orgname"),
        ),
        (
            "Reserve Bank of Tarn governor K.T. Marlowe spoke.",
            ("K.T. Marlowe", "governor", "Reserve Bank of Tarn", "org-title-name"),
        ),
        ("Fenwick Albion manager Bo Lind spoke.", ("Bo Lind", "manager", "Fenwick Albion", "org-title-name")),
        (
            "General secretary of the Guild of Tarn Pilots Ada B. Quayle spoke.",
            ("Ada B. Quayle", "General secretary", "Guild of Tarn Pilots", "title-of-orgname"),
        ),
        (
            "Manager of Corby Rovers K.T. Marlowe spoke.",
            ("K.T. Marlowe", "Manager", "Corby Rovers", "title-of-orgname"),
        ),
        (
            "Tarnia's transport minister, Bo Lind, spoke.",
            ("Bo Lind", "transport minister", "Tarnia", "org-title-name"),
        ),
        (
            "Bo Lind, Tarnia's finance minister, spoke.",
            ("Bo Lind", "finance minister", "Tarnia", "name-org-s-title"),
        ),
    ],
)
def test_role_forms_with_names_of_any_shape(text: str, expect: tuple[str, str, str, str]) -> None:
    assert mentions(text, None) == [expect]


def test_who_was_is_no_present_post() -> None:
    assert mentions("Bo Lind, who was chief executive of Quayle Energy, spoke.", None) == []


def test_title_of_org_name_needs_fact_base_or_splits_the_run() -> None:
    text = "President of Orbis Motors Asia Mira Castell spoke."
    assert mentions(text)[0][:3] == ("Mira Castell", "President", "Orbis Motors Asia")
    assert mentions(text, None)[0][:3] == ("Mira Castell", "President", "Orbis Motors Asia")


def test_role_mention_offsets_and_qualifier() -> None:
    doc = Document.from_text("d.md", "Former Orbis Asia boss Mira Castell spoke.\n")
    (m,) = find_role_mentions(doc, FACTS)
    assert doc.text[m.person_start : m.person_end] == "Mira Castell"
    assert doc.text[m.title_start : m.title_end] == "boss"
    assert doc.text[m.org_start : m.org_end] == "Orbis Asia"
    assert m.qualifier == "former" and m.known_person


def test_no_mention_without_a_person() -> None:
    assert mentions("The chief executive of Orbis Asia spoke.") == []
    assert mentions("Green, the Orbis Asia president, spoke.") == []  # a surname alone is not enough
    assert mentions("Orbis Asia chief executive said prices rise.") == []


def test_role_mentions_of_two_people_in_one_sentence() -> None:
    got = mentions("Mira Castell, CEO of Orbis Asia, met Tom Reyes, chairman of Lumen Bank.")
    assert [m[:3] for m in got] == [
        ("Mira Castell", "CEO", "Orbis Asia"),
        ("Tom Reyes", "chairman", "Lumen Bank"),
    ]


def test_code_is_not_searched() -> None:
    assert mentions("Use `Mira Castell, CEO of Orbis Asia` as a sample.") == []


def test_two_office_holders_joined_by_and_are_not_one_title() -> None:
    got = mentions("Both the prime minister and Chancellor Ada Quill want action.", None)
    assert [m[:3] for m in got] == [("Ada Quill", "Chancellor", None)]
    got = mentions("The Orbis president and chief executive, Mira Castell, spoke.", None)
    assert [m[:3] for m in got] == [("Mira Castell", "president and chief executive", "Orbis")]


def test_title_closing_a_clause_is_not_an_apposition() -> None:
    assert mentions("He will serve again as Orbis president, Tom Reyes has said.", None) == []
    assert mentions("He met the Orbis president, Tom Reyes.", None)[0][:3] == ("Tom Reyes", "president", "Orbis")


def test_same_person() -> None:
    assert name_words("Mr Alan Greenspan Jr.") == ("alan", "greenspan")
    assert same_person("George W Bush", "George Bush", unknown=None) is True
    assert same_person("G. Bush", "George Bush", unknown=None) is True
    assert same_person("Paul Green", "Ruth Green", unknown=None) is False
    assert same_person("Mr Green", "Ruth Green", unknown=None) is None  # cannot tell
    assert same_person("Dr Okafor", "Ruth Green", unknown=None) is False
    assert same_person("Castell Mira", "Mira Castell", unknown=None, facts=FACTS) is True  # an alias
    assert person_entity(FACTS, "Ms Mira J. Castell").name == "Mira Castell"
    assert person_entity(FACTS, "Orbis Asia") is None


def test_co_and_shadow_titles_are_not_exclusive() -> None:
    got = mentions("The co-chairman of Orbis Asia, Tom Reyes, spoke.", None)
    assert [m[:3] for m in got] == [("Tom Reyes", "co-chairman", "Orbis Asia")]
    assert not is_exclusive_title("co-chairman") and not is_exclusive_title("shadow chancellor")
    assert not titles_compatible("co-chairman", ["chairman"])


def test_keyword_index_case_rules() -> None:
    idx = KeywordIndex({"revenue": ["R"], "Budget": ["B"], "IPO": ["I"]})
    text = "Revenues rose; the Budget and a budget; an IPO, not ipo; REVENUE."
    got = [(text[s:e], v) for s, e, v in idx.find(text)]
    assert got == [("Revenues", ["R"]), ("Budget", ["B"]), ("IPO", ["I"]), ("REVENUE", ["R"])]


def test_month_name_does_not_take_the_full_stop() -> None:
    (d,) = find_dates("The vote is on 16 March. Then more.", default_year=2005)
    assert d.date == dt.date(2005, 3, 16) and "The vote is on 16 March. Then"[d.start : d.end] == "16 March"
    (d,) = find_dates("Due on Jan. 5, 2005 at noon.")
    assert d.date == dt.date(2005, 1, 5)


# -- fast paths give exactly what the plain patterns give ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lint.analysis.amounts import AMOUNT_PATTERN, HEDGE_PATTERNS, amount_matches, hedge_before  # noqa: E402

_NUMBERISH = st.lists(
    st.sampled_from(list("0123456789 ,.-%$€£kmbKMB\u00a0/:") + ["US$", "USD ", "bn", " million", " per cent"]),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH, st.integers(0, 40), st.integers(0, 40))
def test_amount_scan_finds_what_finditer_finds(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    fast = [(m.span(), m.groupdict()) for m in amount_matches(text, start, end)]
    plain = [(m.span(), m.groupdict()) for m in AMOUNT_PATTERN.finditer(text, start, end)]
    assert fast == plain


_HEDGE_WORDS = (
    "about around roughly nearly some close to an estimated up circa c. ~ more than over above at least "
    "exceeding in excess of upwards less under below fewer most no x ABOUT Over ſome ı İ 5 , -"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_HEDGE_WORDS, " ", "\n", "\t", "\u00a0"]), max_size=8))
def test_hedge_precheck_never_hides_a_hedge(parts: list[str]) -> None:
    before = " ".join(parts)
    plain = next((hedge for hedge, rx in HEDGE_PATTERNS.items() if rx.search(before)), "")
    assert hedge_before(before) == plain


_KEYWORD_TEXT = (
    "net profit|net-profit|net\nprofit|sales|Sales|o’brien|o'brien|IPO|ipo|revenue|revenues|the|x|.| ".split("|")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_KEYWORD_TEXT), max_size=12))
def test_keyword_index_gate_changes_nothing(parts: list[str]) -> None:
    table: dict[str, list[object]] = {"net profit": [1], "sales": [2], "O'Brien": [3], "IPO": [4], "revenue": [5]}
    text = " ".join(parts)
    assert KeywordIndex(table).find(text) == KeywordIndex(table, gate=False).find(text)


def test_role_mentions_are_found_once_per_draft() -> None:
    doc = Document.from_text("d.md", "Acme chief executive Jo Bloggs said so.\n")
    first = find_role_mentions(doc)
    again = find_role_mentions(doc)
    assert first == again and first is not again and first


def test_builtin_titles_pattern() -> None:
    assert builtin_titles().fullmatch("chief executive") is not None
    assert builtin_titles().fullmatch("chief cook") is None


def test_sentence_amounts_are_parse_amounts_worked_out_once() -> None:
    doc = Document.from_text("d.txt", "Sales rose 4% to $3bn in 2024. Profit fell by a third.\n")
    s = doc.sentences[0]
    first = sentence_amounts(doc, s.start, s.end)
    assert first == parse_amounts(doc.prose, s.start, s.end)
    assert [a.raw for a in first] == ["4%", "$3bn", "2024"]
    first.clear()  # a caller's list is its own
    again = sentence_amounts(doc, s.start, s.end)
    assert [a.raw for a in again] == ["4%", "$3bn", "2024"]
    assert again[0] is sentence_amounts(doc, s.start, s.end)[0]  # parsed once


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Łukasz Wójcik, chief executive of Crane Holdings, spoke.", "Łukasz Wójcik"),
        ("Crane Holdings chief executive Ana María Gutiérrez spoke.", "Ana María Gutiérrez"),
        ("Ángel Núñez, the Crane Holdings chairman, left.", "Ángel Núñez"),
        ("Crane Holdings CEO Al Jones spoke.", "Al Jones"),
    ],
)
def test_post_holders_with_diacritics_and_short_first_names(text: str, person: str) -> None:
    got = mentions(text, None)
    assert [(m[0], m[2]) for m in got] == [(person, "Crane Holdings")]
