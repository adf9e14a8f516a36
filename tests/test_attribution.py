"""Attribution rules: AT101 unattributed quotation, AT102 unsourced statistic and the
AT103-AT105 phrase pack. Every example sentence is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.facts import parse_factbase
from lint.packs import PhraseRule, load_pack
from lint.rule import Rule
from lint.testing import run_rule
from rules import attribution
from rules.attribution import UnattributedQuotation, UnsourcedStatistic

PACK_RULES: dict[str, type[PhraseRule]] = {r.code: r for r in load_pack(attribution.PACK)}
RULES: dict[str, type[Rule]] = {r.code: r for r in attribution.lint_article_rules()}


def at101(text: str, **kw: object) -> list[str]:
    return [f.message for f in run_rule(UnattributedQuotation, text, **kw)]  # type: ignore[arg-type]


def at102(text: str, path: str = "draft.md", facts: object = None) -> list[str]:
    return [f.message for f in run_rule(UnsourcedStatistic, text, path, facts=facts)]


def pack(code: str, text: str) -> list[str]:
    return [f.message for f in run_rule(PACK_RULES[code], text)]


# -- plugin ------------------------------------------------------------------------------


def test_plugin_provides_rules_and_the_pack_rules_read_in_context() -> None:
    rules = attribution.lint_article_rules()
    assert {r.code for r in rules} == {"AT101", "AT102", "AT103", "AT104", "AT105"}
    assert all(issubclass(r, Rule) and r.category == "attribution" for r in rules)
    assert Path(attribution.PACK).is_file()
    assert not hasattr(attribution.plugin, "lint_article_packs")  # the pack comes once, through the rules
    assert set(PACK_RULES) == {"AT103", "AT104", "AT105"}
    assert all(r.category == "attribution" for r in PACK_RULES.values())


# -- AT101 unattributed quotation -------------------------------------------------------


def test_quotation_paragraph_without_speaker_is_flagged() -> None:
    text = 'The ferry service stopped in March.\n\n"Nobody told the crews what would happen to their jobs."\n'
    found = run_rule(UnattributedQuotation, text)
    assert len(found) == 1
    f = found[0]
    assert f.rule == "AT101" and f.line == 3
    assert "Nobody told the crews" in f.message and not f.message.endswith(".")


def test_curly_quotation_opening_a_sentence_mid_paragraph_is_flagged() -> None:
    text = "Fuel prices rose again. “Nobody can plan a delivery route with numbers like these.”\n"
    assert len(at101(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        '"Nobody told the crews what would happen to their jobs," said Kai Moreno, a deckhand.\n',
        '"Nobody told the crews what would happen to their jobs," she said.\n',
        'Kai Moreno, a deckhand, said: "Nobody told the crews what would happen to their jobs."\n',
        'According to Kai Moreno, "nobody told the crews what would happen to their jobs".\n',
        '"Nobody told the crews what would happen to their jobs," the union said in a statement.\n',
        # speaker named in the next sentence
        '"Nobody told the crews what would happen to their jobs." Kai Moreno, a deckhand, told us this on the quay.\n',
        # speaker in the previous sentence of the paragraph
        'Kai Moreno said the crews were angry. "Nobody told us what would happen to our jobs."\n',
        # quotation paragraph after a paragraph that names the speaker
        "Kai Moreno, a deckhand for 20 years, told the BBC he had found out from the radio.\n\n"
        '"Nobody told the crews what would happen to their jobs."\n',
        # a colon introduces the quotation
        'The deckhand was blunt about it: "Nobody told the crews what would happen to their jobs."\n',
    ],
)
def test_attributed_quotations_pass(text: str) -> None:
    assert at101(text) == []


QUOTE = '"Nobody told the crews what would happen to their jobs."'


@pytest.mark.parametrize(
    "before",
    [
        "Harbour fans voted the ferry the best in the region at the Tidal awards.",  # "Tidal awards" is no person
        "The union put on a show of unity at the quay.",  # "a show" is a noun
        "Dock workers were involved in renewed reports of a strike.",  # a clause, then a noun
        "An employment tribunal dismissed the deckhands' claims.",  # an act, not words
        "The skipper went on to sail for another ten years.",  # "went on to" is not speech
        "As Harbour Board members gather on Friday, the vote looms.",  # "As Harbour" is no person
    ],
)
def test_quotation_after_a_sentence_that_names_no_speaker_is_flagged(before: str) -> None:
    text = f"{before}\n\n{QUOTE}\n"
    found = run_rule(UnattributedQuotation, text)
    assert len(found) == 1 and text[found[0].span.start : found[0].span.end] == QUOTE


@pytest.mark.parametrize(
    "before",
    [
        "Mr Moreno criticised the plan.",  # a titled name acts before its quotation
        "Kai Moreno criticised the plan.",
        "Kai Moreno works the night boat. Moreno dismissed the plan.",  # a surname used before
        'The plan was "unworkable," a union statement read.',
        "The minutes of the meeting show how close the vote was.",
    ],
)
def test_quotation_after_a_sentence_about_its_speaker_passes(before: str) -> None:
    assert at101(f"{before}\n\n{QUOTE}\n") == []


def test_multi_paragraph_quotation_attributed_once_at_the_start() -> None:
    text = (
        'The harbour master said: "We lost two boats in the storm and the pier is unsafe.\n\n'
        '"We will need at least a year to rebuild it, maybe more."\n\n'
        "Repairs start in May.\n"
    )
    assert at101(text) == []


def test_multi_paragraph_quotation_without_speaker_is_flagged_once() -> None:
    text = (
        "The storm hit on Tuesday.\n\n"
        '"We lost two boats in the storm and the pier is unsafe.\n\n'
        '"We will need at least a year to rebuild it, maybe more."\n'
    )
    found = run_rule(UnattributedQuotation, text)
    assert len(found) == 1 and found[0].line == 3


def test_run_of_quotation_paragraphs_after_an_attributed_one_passes() -> None:
    text = (
        '"We were ready for rain," said Ruth Ansel, who runs the campsite.\n\n'
        '"We were not ready for a river running through the middle of the field."\n\n'
        '"Half the tents were gone by morning."\n'
    )
    assert at101(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Users want their apps to simply "work" when they get in the car.\n',  # scare quote
        'Her first book, "The Salt Roads of the North", sold well.\n',  # title of a work
        'The report, titled "Why small ports still matter to the coast", is out.\n',
        'The party promised "a fairer deal for every worker in every region" in its leaflet.\n',  # partial
        '"Short and sweet."\n',  # below min_words
    ],
)
def test_not_speech_or_too_short_passes(text: str) -> None:
    assert at101(text) == []


def test_min_words_option() -> None:
    text = 'The gates stayed shut.\n\n"Go home now, everyone."\n'
    assert at101(text) == []
    assert len(at101(text, options={"min_words": 3})) == 1


def test_quotation_in_heading_is_not_checked() -> None:
    assert at101('# "We will be back next year without any doubt"\n\nThe fair closed.\n') == []


# -- AT102 unsourced statistic ----------------------------------------------------------


def test_unsourced_percentages_flagged_in_one_finding_per_sentence() -> None:
    text = "The group had a hard year. In 2024, its global deliveries fell by 6%, and net profit sank by 41%.\n"
    found = run_rule(UnsourcedStatistic, text)
    assert len(found) == 1
    f = found[0]
    assert "'6%'" in f.message and "'41%'" in f.message and "2024" not in f.message
    assert text[f.span.start : f.span.end].startswith("6%") and text[f.span.start : f.span.end].endswith("41%")


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("Orders for the heat pumps dropped 12.5% over the winter.", "12.5%"),
        ("Revenue at the bakery chain reached £48m in its first full year.", "£48m"),
        ("The scheme now has 2.3 million members across the country.", "2.3 million"),
        ("The region lost 14,000 factory jobs over the decade.", "14,000"),
        ("Visitor numbers to the museum doubled after the refit.", "doubled"),
        ("The port is now the third-largest in Europe by volume.", "third-largest"),
        ("One in five drivers on the road has no valid licence.", "One in five"),
    ],
)
def test_kinds_of_statistic_flagged(sentence: str, figure: str) -> None:
    messages = at102(f"A change nobody planned.\n\n{sentence}\n")
    assert len(messages) == 1 and figure in messages[0]


@pytest.mark.parametrize(
    "text",
    [
        # a source in the sentence
        "Orders for heat pumps dropped 12.5% over the winter, according to the installers' trade body.\n",
        "Orders for heat pumps dropped 12.5% over the winter, the installers' trade body said.\n",
        "Figures from the statistics office show orders for heat pumps dropped 12.5%.\n",
        "The bakery chain reported revenue of £48m for its first full year.\n",
        # a source in the previous sentence of the same paragraph
        "The installers' trade body said demand was weak. Orders for heat pumps dropped 12.5% over the winter.\n",
        # a source later in the paragraph
        "Orders for heat pumps dropped 12.5% over the winter. The trade body's chief, Ana Ruiz, called it a blip.\n"
        "She said the spring would be better.\n",
        # a link in the paragraph
        "Orders for heat pumps dropped 12.5% over the winter ([trade body](https://example.org/q4)).\n",
        # an agency credit
        "LISBON (Reuters) - Orders for heat pumps dropped 12.5% over the winter.\n",
        # numbers that are not statistics
        "The bakery opened in 2019 and its founder, aged 67, still bakes every morning.\n",
        "The shop opens at 9:30 am on 14 March and stays open for 12 hours.\n",
        "The new Lumo 3000 model replaces the Lumo 2500.\n",
        "The report runs to a 3,000-word summary.\n",
        # a number inside a quotation belongs to the speaker
        '"Orders dropped 12.5% and we expect worse," said Ana Ruiz, the trade body\'s chief.\n',
        # a vague attribution is AT103's finding, not this rule's
        "Orders for heat pumps reportedly dropped 12.5% over the winter.\n",
        # a question
        "Could orders for heat pumps really have dropped 12.5% over the winter?\n",
        # the price of a transaction and a market move
        "The brewer agreed to buy the chain for £48m.\n",
        "Shares in the brewer fell 4% in early trading.\n",
    ],
)
def test_sourced_or_not_a_statistic_passes(text: str) -> None:
    assert at102(text) == []


def test_reporting_verb_in_previous_sentence_does_not_source_a_different_claim() -> None:
    # "reported a decline" says the firm published results, not where the 6% comes from
    text = "The company reported a sharp decline in margins. In 2024, global deliveries fell by 6%.\n"
    assert len(at102(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russia's second-largest brewer changed hands.\n",  # a rank that describes, not a claim
        "All 12,000 tickets for the final sold out in an hour.\n",  # a count that describes
        "The pension fund owns 30% of the port.\n",  # a holding
        "The government has a 7% growth target for the year.\n",  # a goal someone set
        "I started on a paper round earning £25 a week.\n",  # a first-person account
        "She takes up the £90,000-a-year post in June.\n",  # a compound modifier
        "Ministers set a target of 1.5 million new homes.\n",  # a goal someone set
        "Entries must be no longer than 10,000 words.\n",  # a rule
        "The prize was chosen by more than 8,000 readers.\n",  # who took part"
    ],
)
def test_descriptions_and_accounts_are_not_findings(text: str) -> None:
    assert at102(text) == []


def test_headings_are_skipped() -> None:
    assert at102("# Deliveries fall 6% in a hard year\n\nThe company said deliveries fell.\n") == []


def test_list_item_takes_its_source_from_the_lead_in() -> None:
    sourced = "The trade body said in its winter update:\n\n- orders fell 12.5%\n- prices rose 3%\n"
    unsourced = "Some numbers to keep in mind:\n\n- orders fell 12.5%\n- prices rose 3%\n"
    assert at102(sourced) == []
    assert len(at102(unsourced)) == 2


def test_lede_sourced_by_the_paragraphs_that_follow() -> None:
    text = (
        "Heat Pump Orders Slide\n\n"
        "Orders for heat pumps dropped 12.5% over the winter.\n\n"
        "The installers' trade body said the fall was the first in four years.\n"
    )
    assert at102(text, "draft.txt") == []


def test_figures_continuing_a_sourced_paragraph_pass() -> None:
    text = (
        "Orders for heat pumps dropped 12.5% over the winter, according to the trade body.\n\n"
        "Installations in the north fell 9% while the south held steady at 2% growth.\n"
    )
    assert at102(text) == []


def test_subject_credited_elsewhere_in_the_draft_passes() -> None:
    text = (
        "Norvik Foods said on Tuesday it would close two plants.\n\n"
        "The weather was mild.\n\n"
        "Norvik Foods saw its sales slip 8% in the year.\n"
    )
    assert at102(text) == []


def test_fact_base_source_named_in_paragraph_passes_and_is_suggested_otherwise() -> None:
    facts = parse_factbase(
        "version: 1\n"
        "figures:\n"
        "  - name: heat pump orders change\n"
        "    keywords: [heat pump orders]\n"
        "    value: 12.5\n"
        '    unit: "%"\n'
        "    source: Heat Pump Installers Association\n"
        "sources: [Heat Pump Installers Association]\n"
    )
    credited = "Orders dropped 12.5% over the winter (Heat Pump Installers Association).\n"
    assert at102(credited, facts=facts) == []
    credited = "Data from the Heat Pump Installers Association is out. Orders dropped 12.5% in winter.\n"
    assert at102(credited, facts=facts) == []
    # naming the source as the subject of the claim is not crediting it
    mentioned = "A cold season.\n\nHeat Pump Installers Association members saw orders drop 12.5%.\n"
    assert len(at102(mentioned, facts=facts)) == 1
    messages = at102("A cold season.\n\nOrders for heat pumps dropped 12.5% over the winter.\n", facts=facts)
    assert len(messages) == 1
    assert "Heat Pump Installers Association" in messages[0] and "facts.yaml:" in messages[0]


def test_no_fact_base_no_suggestion() -> None:
    messages = at102("A cold season.\n\nOrders for heat pumps dropped 12.5% over the winter.\n")
    assert len(messages) == 1 and "fact base" not in messages[0]


# -- AT103-AT105 phrase pack ------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, match",
    [
        ("AT103", "It is reported that the mill will close in June.\n", "It is reported that"),
        ("AT103", "The chief executive reportedly plans to step down.\n", "reportedly"),
        ("AT103", "The singer is said to be furious about the leak.\n", "is said to be"),
        ("AT103", "The talks have stalled, according to media reports.\n", "according to media reports"),
        ("AT104", "Sources close to the board say the deal is off.\n", "Sources close to the board say"),
        ("AT104", "It is off, according to people familiar with the matter.\n", "people familiar with the matter"),
        ("AT104", "An insider said the vote was rigged.\n", "An insider said"),
        ("AT105", "Experts believe the market will recover next year.\n", "Experts believe"),
        ("AT105", "The plan is popular, but some say it goes too far.\n", "some say"),
        ("AT105", "Many analysts expect a rate cut in May.\n", "Many analysts expect"),
        ("AT105", "Analysts said the results were weak.\n", "Analysts said"),
    ],
)
def test_vague_attribution_flagged(code: str, text: str, match: str) -> None:
    messages = pack(code, text)
    assert len(messages) == 1 and f"'{match}'" in messages[0]
    assert not messages[0].endswith(".")


@pytest.mark.parametrize(
    "code, text",
    [
        ("AT103", "The Financial Times reported that the mill will close in June.\n"),
        ("AT103", '"It is said that he never slept," his sister told us.\n'),  # inside a quotation
        ("AT104", "The firm has not disclosed the sources of its funding.\n"),
        ("AT104", "The board chair, Jo Bloggs, said the deal is off.\n"),
        ("AT105", "Lena Park, an economist at Acme Bank, said the market will recover.\n"),
        ("AT105", "Acme Bank analysts said the results were weak.\n"),
        ("AT105", "A study by the Institute for Fiscal Studies found that incomes fell.\n"),
        ("AT105", "Many believers gathered outside the chapel.\n"),
    ],
)
def test_named_or_quoted_attribution_passes(code: str, text: str) -> None:
    assert pack(code, text) == []


# Classes of vague sourcing, in wording of our own: impersonal passive reporting, existential
# reports, a vague group before or after its clause, anonymous sources in any order.
@pytest.mark.parametrize(
    "code, text, match",
    [
        ("AT103", "It is thought the ferry will be sold.\n", "It is thought"),
        ("AT103", "It is now feared that the ferry will be sold.\n", "It is now feared that"),
        ("AT103", "It is being said that the ferry will be sold.\n", "It is being said that"),
        ("AT103", "It has emerged that the ferry will be sold.\n", "It has emerged that"),
        ("AT103", "There are persistent rumours that the ferry will be sold.\n", "There are persistent rumours that"),
        ("AT103", "There is growing speculation that the ferry will be sold.\n", "There is growing speculation that"),
        ("AT103", "Whispers are circulating that the ferry will be sold.\n", "Whispers are circulating that"),
        ("AT103", "Recent reports suggest the ferry will be sold.\n", "Recent reports suggest"),
        ("AT103", "The ferry will be sold, according to newspaper reports.\n", "according to newspaper reports"),
        ("AT103", "The ferry will be sold, according to some.\n", "according to some"),
        ("AT104", "According to one senior source, the ferry will be sold.\n", "According to one senior source"),
        ("AT104", "A clerk who did not want to be named said it is for sale.\n", "who did not want to be named"),
        ("AT104", "Those close to the owners say the ferry is for sale.\n", "Those close to the owners say"),
        ("AT105", "Shipping watchers reckon the ferry will be sold.\n", "watchers reckon"),
        ("AT105", "Some in the harbour fear the ferry will be sold.\n", "Some in the harbour fear"),
        ("AT105", "The ferry will be sold, sceptics insist.\n", "sceptics insist"),
        ("AT105", "The ferry will be sold within a year, economists say.\n", "economists say"),
        ("AT105", "The ferry will be sold, many worry.\n", "many worry"),
    ],
)
def test_vague_sourcing_classes_flagged(code: str, text: str, match: str) -> None:
    messages = pack(code, text)
    assert len(messages) == 1 and f"'{match}'" in messages[0], messages


@pytest.mark.parametrize(
    "code, text",
    [
        ("AT103", "It is thinner than the old hull, the yard said.\n"),
        ("AT103", "It is expected to sail in May.\n"),  # "it" is the ferry: a plan, not a report
        ("AT103", "According to reports from the Harbour Gazette, the ferry will be sold.\n"),
        ("AT103", "There are signs that demand is returning.\n"),
        ("AT103", "The port's annual reports say little about the ferry.\n"),
        ("AT104", "The yard's sources of steel are in Poland.\n"),
        ("AT105", "Bird watchers counted forty species on the island.\n"),
        ("AT105", "The ferry will be sold, Marta Øvergård said.\n"),
        # a named member of the group follows in the paragraph: the group is sourced
        (
            "AT105",
            'Analysts expect a sale. "The ferry is too old," said Tomás Ibáñez, an analyst at Nordhavn Bank.\n',
        ),
        ("AT105", "The ferry will be sold, analysts said, among them shipping analyst Chidi Okonkwo.\n"),
        # the clause is a named speaker's report
        ("AT103", "It is understood the ferry will be sold, Ines Duarte said.\n"),
        ("AT105", "Many fear the ferry will be sold, said Ngozi Eze, the harbour master.\n"),
        # a comparison with expectations, not a source
        ("AT105", "Fares rose faster than many analysts expected.\n"),
        ("AT105", "The sale was not as quick as some feared.\n"),
    ],
)
def test_sourced_or_unrelated_wording_passes(code: str, text: str) -> None:
    assert pack(code, text) == []


def test_pronoun_continues_a_sourced_sentence() -> None:
    text = "Acme Consulting is forecasting growth of 2% this year. It also expects rates to fall to 4%.\n"
    assert at102(text) == []
    text = "Acme Consulting is forecasting growth of 2% this year. Wages rose by 4% in the spring.\n"
    assert len(at102(text)) == 1


def test_company_results_in_a_story_that_credits_the_company() -> None:
    text = (
        "Norvik Foods had a better year than expected, the company said on Tuesday.\n\n"
        "Sales rose 2.8% to €14.9bn.\n\n"
        "The weather was mild.\n\n"
        "Quarterly losses at Northern Valley Freight totalled $345m.\n"
    )
    messages = at102(text)
    assert len(messages) == 1 and "$345m" in messages[0]  # another company's results are not credited
    text = (
        "NVF said it would cut costs.\n\nThe weather was mild.\n\n"
        "Quarterly losses at Northern Valley Freight totalled $345m.\n"
    )
    assert at102(text) == []  # the acronym the draft credits


def test_results_in_a_story_that_quotes_a_company_official() -> None:
    text = (
        '"It was a year of hard choices," said Mia Lund, chief executive of Norvik Foods.\n\n'
        "The weather was mild.\n\n"
        "Fourth-quarter turnover was €4.7bn, compared with €4.9bn a year ago.\n"
    )
    assert at102(text) == []
    unquoted = text.replace('"It was a year of hard choices," said Mia Lund, chief executive of Norvik Foods.', "x.")
    assert len(at102(unquoted)) == 1


def test_paragraph_that_says_who_did_the_counting() -> None:
    text = "The trust researched its own archives last year. About 4,000 letters were lost in the fire.\n"
    assert at102(text) == []


def test_a_named_document_or_poll_in_the_paragraph_sources_it() -> None:
    text = "The annual register shows the mayor earning £90,000 on the side. Her deputy earned £40,000.\n"
    assert at102(text) == []
    text = "A listener poll saw the old theme tune win with 41% of the votes.\n"
    assert at102(text) == []


# -- fast paths give exactly what the plain patterns give ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lint.analysis.spans import quote_spans  # noqa: E402
from lint.document import Document  # noqa: E402
from rules.attribution import cues  # noqa: E402

_FIGURE_WORDS = (
    "sales doubled Doubled tenfold ranked 3rd ranks No. 1 the is was third-largest second biggest most popular "
    'one in four Two in five 3 in 10 in every hundred ſales ı İ . , and 12% $4bn 2,000 " “ ”'
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_FIGURE_WORDS, "\n"]), max_size=20))
def test_figure_gates_never_hide_a_figure(words: list[str]) -> None:
    doc = Document.from_text("d.txt", " ".join(words) + "\n")
    quotes = quote_spans(doc)
    gates = cues._FigureGates(cues._gate_text(doc))
    for sent in doc.sentences:
        gated = cues._figures(doc.prose, sent.start, sent.end, quotes, gates.patterns(sent.start, sent.end))
        plain = cues._figures(doc.prose, sent.start, sent.end, quotes)
        assert [(f.start, f.end, f.raw) for f in gated] == [(f.start, f.end, f.raw) for f in plain]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["one", "two", "five", "tone", "in", "xin", "7", "0", " ", "  ", "\n", "."]), max_size=14)
)
def test_one_in_spans_cover_every_gate_match(parts: list[str]) -> None:
    low = "".join(parts)
    spans = cues._one_in_spans(low)
    for m in cues._ONE_IN_GATE.finditer(low):
        assert spans.overlaps(m.start(), m.end())


def test_a_figure_that_starts_a_title_is_not_a_statistic() -> None:
    assert run_rule(UnsourcedStatistic, "Her radio show 100% Vinyl grew fast after its launch.\n") == []
    found = run_rule(UnsourcedStatistic, "Fares rose 12% Monday as demand surged again.\n")
    assert [f.rule for f in found] == ["AT102"]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly a quarter of the bank's customers now pay by phone.\n",
        "Two-thirds of the town's homes have no broadband.\n",
        "More than half of all nurses work night shifts.\n",
    ],
)
def test_a_share_in_words_is_a_statistic(text: str) -> None:
    assert [f.rule for f in run_rule(UnsourcedStatistic, text)] == ["AT102"]


@pytest.mark.parametrize(
    "text",
    [
        "Profits rose in the first half of the year.\n",
        "The runner was a third of the way round the course.\n",
        "The bank raised rates by a quarter of a point.\n",
        "Shares in the firm lost a third of their value on Monday.\n",
        "Nearly a quarter of the bank's customers now pay by phone, the bank said.\n",
    ],
)
def test_shares_of_time_distance_and_markets_are_not_statistics(text: str) -> None:
    assert run_rule(UnsourcedStatistic, text) == []


def test_a_lede_may_take_its_source_from_the_third_paragraph_after_it() -> None:
    text = (
        "Harbour Bank is to cut 1,900 jobs as profits fall.\n\n"
        "The cuts will hit branches in the north first.\n\n"
        "Trading has been hard since the spring.\n\n"
        "The bank said the plan would save money within two years.\n"
    )
    assert run_rule(UnsourcedStatistic, text) == []
    too_far = text.replace("The bank said", "Staff expect") + "\nIt said little more.\n"
    assert [f.rule for f in run_rule(UnsourcedStatistic, too_far)] == ["AT102"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The central bank lifted borrowing costs to 4.5% in May.\n", False),
        ("The Bank of Ruritania held interest rates at 3.25% on Thursday.\n", False),
        ("Mortgage rates across the country rose to 6.1% in May.\n", True),
    ],
)
def test_a_rate_decision_is_public_record(text: str, flagged: bool) -> None:
    assert bool(run_rule(UnsourcedStatistic, text)) is flagged


# -- AT102: populations that spend, and races -------------------------------------------


def _stat_spans(text: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in run_rule(UnsourcedStatistic, text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Commuters spent ₩41bn on late-night taxis over the festival.\n", "₩41bn"),
        ("Holidaymakers spent €2.3bn in the resort towns last summer.\n", "€2.3bn"),
        ("Unpaid motorway tolls now add up to £18m a year.\n", "£18m"),
    ],
)
def test_money_a_population_spends_is_a_statistic(text: str, span: str) -> None:
    assert _stat_spans(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        # one party's transaction
        "Ødegaard Logistics paid £18m for the depot last week.\n",
        "His donations included €60,000 to a village school.\n",
        "These days that fare would cost €40 on the same route.\n",
        # a capitalised plural the draft writes as a name
        "Harrods spent £18m on the new hall. The hall was built by Harrods within a year.\n",
        # a race
        "Wanjiru Kamau won the 1500m at the indoor championships.\n",
        "Kamau ran the 800m final in Nairobi last night.\n",
    ],
)
def test_transactions_and_races_are_no_statistics(text: str) -> None:
    assert _stat_spans(text) == []


def test_a_market_metric_is_not_the_credited_company_s_own_result() -> None:
    lede = "Title\n\nThe Saint-Étienne carmaker will build vans, the firm's chief has told reporters.\n\n"
    # "spending on takeaway food" is a market's figure: someone measured it
    text = lede + "Spending on takeaway food fell 28.9 per cent in the first quarter.\n"
    assert _stat_spans(text) == ["28.9 per cent"]
    # "Spending rose 4%" in a story crediting the firm is the firm's own result
    assert _stat_spans(lede + "Spending rose 4% in the first quarter.\n") == []


SOURCED = (
    "Title\n\nExports of Chilean copper rose 4% in March, according to the Banco Central de Chile, and the "
    "deficit narrowed to $1.2bn.\n\n"
)


@pytest.mark.parametrize(
    "second",
    [
        "The deficit with Peru fell to $0.4bn from $0.6bn.\n",  # shares 'deficit'
        "It was the third monthly rise in copper exports.\n",  # refers back
        "The figures showed a 2% fall in wine shipments.\n",
    ],
)
def test_a_paragraph_that_goes_on_from_a_sourced_one_shares_its_source(second: str) -> None:
    assert _stat_spans(SOURCED + second) == []


def test_an_unrelated_paragraph_after_a_sourced_one_needs_its_own_source() -> None:
    text = SOURCED + "About 124,000 households in Łódź are behind on their water bills.\n"
    assert _stat_spans(text) == ["124,000"]


# -- vague sourcing read in its paragraph (AT103) -------------------------------------------


def vague(text: str) -> list[str]:
    return [f.message for f in run_rule(RULES["AT103"], text)]


@pytest.mark.parametrize(
    "text",
    [
        "In a study by the Søndergaard Institute, the scheme was said to be badly run.\n",
        "In a survey compiled by harbour watchdog Ørsted Watch in 2019, fees were said to be high.\n",
        "According to Ines Varga, it is thought that the dam will hold.\n",
        "Mr Okafor said it was understood that the ferry would stop.\n",
        "Trade was weak in March, the Harbour Traders' Guild said. But sales were said to be recovering.\n",
        "Prices fell in the spring, said Ana Gutiérrez. It is believed that they will rise again.\n",
    ],
)
def test_a_source_named_before_an_impersonal_report_credits_it(text: str) -> None:
    assert vague(text) == [], text


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("The ferry will stop in May. It is thought that the dam will hold.\n", "It is thought that"),
        ("Analysts said trade was weak. It is believed that sales will recover.\n", "It is believed that"),
        ("Ines Varga runs the port.\n\nThe scheme was said to be badly run.\n", "was said to be"),
        ("A report on the port is due. Fees were said to be high.\n", "were said to be"),
        ("Trade fell in March, Ms Ødegaard said. Reports suggest the ferry will stop.\n", "Reports suggest"),
        ("Mr Okafor said trade was weak, and he left. Reportedly the ferry will stop.\n", "Reportedly"),
    ],
)
def test_an_impersonal_report_with_no_source_before_it_is_still_flagged(text: str, match: str) -> None:
    got = vague(text)
    assert len(got) == 1 and f"'{match}'" in got[0], got


def test_narrative_motive_is_not_vague_sourcing() -> None:
    assert vague("The news was released early because it was thought the minister would speak first.\n") == []
    assert pack("AT103", "The ferry left early because it was thought a storm was coming.\n") == []


def test_trust_in_a_person_is_not_an_unnamed_authority() -> None:
    assert pack("AT105", "Many people believe you, Ada, and so do I.\n") == []
    assert pack("AT105", "Some believe him.\n") == []
    got = pack("AT105", "Many people believe the ferry will stop.\n")
    assert len(got) == 1 and "'Many people believe'" in got[0]
