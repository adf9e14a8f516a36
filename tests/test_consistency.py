"""Consistency rules CS101-CS113, run through lint.testing on drafts written for these tests."""

from __future__ import annotations

import pickle

import pytest

from lint.facts import parse_factbase
from lint.model import Finding, Severity
from lint.testing import run_corpus, run_rule
from rules.consistency import (
    FigureConflict,
    QuoteSpeakerConflict,
    RoleHolderConflict,
    SpellingVariety,
    TermForms,
    TermFormsAcrossDrafts,
    spelling_table,
)
from rules.consistency.figures import _METRICS


def _messages(found: list[Finding]) -> list[str]:
    return [f.message for f in found]


def _flagged(found: list[Finding], text: str) -> list[str]:
    """The flagged words, read back from the draft."""
    return [text[f.span.start : f.span.end] for f in found]


# -- CS101 term-forms ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged", "other"),
    [
        # hyphen against space (both compound modifiers)
        (
            "Utilities buy grid-scale batteries. Grid-scale storage is cheap.\n\nA grid scale battery burned.\n",
            "grid scale",
            "grid-scale",
        ),
        # hyphen against closed
        ("Send an e-mail to the desk. Staff read every e-mail. One email went astray.\n", "email", "e-mail"),
        # a name closed up and spaced
        ("Shares in TimeWarner rose. TimeWarner said more. Analysts like Time Warner.\n", "Time Warner", "TimeWarner"),
        # diacritics
        ("Tomás Ruiz runs the plant. Workers say Tomas Ruiz is strict.\n", "Tomas", "Tomás"),
        # case of a multi-word name
        ("The Atacama Desert is dry. Miners work in the Atacama desert.\n", "Atacama desert", "Atacama Desert"),
        # inner capitals
        ("Buyers queue for the iPhone. The Iphone costs more this year.\n", "Iphone", "iPhone"),
        # capitals against title case, standalone
        ("The NASA budget grew. Critics say Nasa spends too much.\n", "Nasa", "NASA"),
        # brand styling in a longer name: the report names the longer form
        (
            "Cars get HarmonyOS NEXT. Phones get HarmonyOS NEXT too. Dealers sell HarmonyOS Next units.\n",
            "HarmonyOS Next",
            "HarmonyOS NEXT",
        ),
        # full stops in an abbreviation
        ("The US economy grew. US firms agree. The U.S. dollar fell.\n", "U.S.", "US"),
        # an open and a closed spelling of an ordinary word
        ("Prices rose 5 percent. Wages rose 3 percent. Rents rose 2 per cent.\n", "per cent", "percent"),
        # a separated name and a closed-up one with a trailing word
        (
            "Users of the MyBMW App grew. The MyBMW App is free. Some use the My BMW app daily.\n",
            "My BMW",
            "MyBMW",
        ),
    ],
)
def test_term_forms_flags_the_minority_form(text: str, flagged: str, other: str) -> None:
    found = run_rule(TermForms, text)
    assert _flagged(found, text) == [flagged]
    f = found[0]
    assert f"'{other}'" in f.message and "on line" in f.message
    assert f.related and f.related[0].path == "draft.md"
    assert f.severity is Severity.WARNING
    assert not f.message.endswith(".")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # letters with no decomposition, as a keyboard without them writes them
        ("Halvor Kjærgaard chairs the board. Critics say Kjærgaard moved fast.\n\nHe met Kjaergaard.\n", "Kjaergaard"),
        ("Agnieszka Łoś spoke first. Later Łoś left.\n\nOthers thanked Agnieszka Los.\n", "Los"),
        ("Signe Mørk opened the plant. Staff like Mørk.\n\nCustomers wrote to Signe Mork.\n", "Mork"),
        ("The Straße café reopened. Fans of the Straße menu came back.\n\nThe Strasse menu is long.\n", "Strasse"),
    ],
)
def test_term_forms_diacritics_of_letters_without_decomposition(text: str, flagged: str) -> None:
    found = run_rule(TermForms, text)
    spans = _flagged(found, text)
    assert len(spans) == 1 and spans[0].endswith(flagged)
    assert text.count(spans[0]) == 1  # the variant, not the majority form


@pytest.mark.parametrize(
    "text",
    [
        # two different names once the marks are gone
        "Signe Mørk opened the plant. Staff like Mørk.\n\nCustomers wrote to Signe Mark.\n",
        "Ørsted builds wind farms. Ørsted grew.\n\nThe Orstad plant closed.\n",
        # a plain word that the accented one turns into
        "His résumé was long. The résumé impressed them.\n\nTalks will resume.\n",
    ],
)
def test_term_forms_diacritics_near_misses(text: str) -> None:
    assert run_rule(TermForms, text) == []


@pytest.mark.parametrize(
    ("text", "flagged", "other"),
    [
        # compound modifiers: only the uses before a word are compared, and on a tie the
        # hyphenated modifier is the house form
        (
            "Net income rose in the second half. The second half was strong.\n\n"
            "Second half sales rose. A second-half rally followed.\n",
            "Second half",
            "second-half",
        ),
        (
            "The mass market is crowded. Growth in the mass market slowed.\n\n"
            "Its mass-market phones sell well. A new mass-market tablet and mass market laptops follow.\n",
            "mass market",
            "mass-market",
        ),
        # noun phrases: open is the house form on a tie
        (
            "Sales fell in the three months to May.\n\nIn the three-months to June, sales rose.\n",
            "three-months",
            "three months",
        ),
    ],
)
def test_term_forms_compound_modifier_compares_like_uses(text: str, flagged: str, other: str) -> None:
    found = run_rule(TermForms, text)
    assert _flagged(found, text) == [flagged]
    assert f"'{other}'" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # the open noun phrase beside the hyphenated modifier: both right
        "Kane scored early in the second half. A second-half goal sealed it.\n",
        "Rivals fight for the mass market. Its mass-market phone costs less.\n",
        "She learned the Spanish language at school. A Spanish-language paper hired her.\n",
        "The study was paid for by the council. Paid-for results fill the page.\n",
        "Talks lasted the whole first week, and a first-week deal looks unlikely.\n",
    ],
)
def test_term_forms_compound_modifier_near_misses(text: str) -> None:
    assert run_rule(TermForms, text) == []


def test_term_forms_names_the_line_and_count_of_the_other_form() -> None:
    text = "Our e-mail policy.\n\nSend e-mail early.\n\nNo e-mail at night.\n\nAn email came.\n"
    [f] = run_rule(TermForms, text)
    assert f.message == "'email' is written 'e-mail' on line 1 (3 times in this draft)"
    assert f.related[0].line == 1
    assert f.line == 7


def test_term_forms_tie_reports_the_later_form() -> None:
    text = "The firm read a think-tank report.\n\nA think tank report disagreed.\n"
    [f] = run_rule(TermForms, text)
    assert text[f.span.start : f.span.end] == "think tank"
    assert f.line == 3


def test_term_forms_every_minority_occurrence_is_reported_with_an_unsafe_fix() -> None:
    text = (
        "Healthcare costs rose. Healthcare staff struck. Voters want healthcare reform.\n\n"
        "Spending on health care fell. The health care bill passed.\n"
    )
    found = run_rule(TermForms, text)
    assert _flagged(found, text) == ["health care", "health care"]
    fix = found[0].fix
    assert fix is not None and not fix.safe
    assert fix.edits[0].replacement == "healthcare"


def test_term_forms_fix_keeps_a_sentence_capital() -> None:
    text = (
        "Grid-scale batteries help.\n\nThey power grid-scale projects.\n\n"
        "We saw grid-scale plans.\n\nGrid scale plans grow.\n"
    )
    [f] = run_rule(TermForms, text)
    assert f.fix is not None and f.fix.edits[0].replacement == "Grid-scale"


def test_term_forms_quotation_counts_as_the_drafts_spelling() -> None:
    text = 'Staff read every e-mail. "I never send e-mail," she said. "But email is faster," he said.\n'
    assert _flagged(run_rule(TermForms, text), text) == ["email"]


@pytest.mark.parametrize(
    "text",
    [
        # sentence capitals, headings, title case
        "# The Atacama Desert Project\n\nMines in the Atacama desert use little water.\n",
        "Desert plants are rare. The Atacama desert is dry.\n",
        "# Why China Needs A New Approach\n\nThe firm needs a new approach in China.\n",
        'She starred in "Gone With The Wind Again" and said the wind was strong.\n',
        "BMW TO BUILD A NEW PLANT\n\nThe new plant will open soon.\n",
        "Carmaker Signs Up to the Harmony Ecosystem for Its Chinese Models\n\nIt joins the Harmony ecosystem.\n",
        "Features:\n\n- Full HarmonyOS Ecosystem\n- Digital Key\n\nIt joins the HarmonyOS ecosystem.\n",
        "**About the Atacama Desert**\n\nMines in the Atacama desert use little water.\n",
        # one ordinary word in two cases
        "Apple sells phones. She ate an apple at lunch.\n",
        "May was warm. Prices may rise.\n",
        "Labour won the seat. Labour costs rose. The labour market is tight.\n",
        "The US economy grew. It helps us all.\n",
        # a compound modifier and a phrase; a noun and a phrasal verb
        "The long-term plan is clear. In the long term, costs will fall.\n",
        "A well-known writer came. The writer is well known in Spain.\n",
        "Investors sell off shares. The sell-off lasted a week.\n",
        "They set up a fund. The setup took a week.\n",
        # different words, not spellings
        "He will resign on Friday. The club wants to re-sign the striker.\n",
        "The panel met every day. Everyday life goes on.\n",
        "It is a part of the plan. They live apart.\n",
        "He updated his resume. Talks will resume.\n",
        # a name beside the ordinary word
        "The Organisation for Economic Co-operation and Development met. Trade needs cooperation.\n",
        # different names that share a word
        "Delta Air Lines cut fares. American Airlines did too.\n",
        # a product name in capitals beside the company name
        "HUAWEI HiCar links phones. Huawei sells phones. Huawei grew.\n",
        # a title, not a name ("Economy minister")
        "German Economy minister Jo Berg spoke. The German economy grew.\n",
        # a title before a name, a title as a noun
        "US President Jo Smith spoke. The US president said little.\n",
        # a campaign group's name beside the ordinary phrase
        "Stop Stansted Expansion protested. The Stansted expansion needs a runway.\n",
        # day names are capitalised by rule, not names
        "The Saturday-night stay is gone. He left on Saturday night.\n",
    ],
)
def test_term_forms_near_misses(text: str) -> None:
    assert run_rule(TermForms, text) == []


def test_term_forms_longer_ngram_never_contradicts_a_shorter_one() -> None:
    text = "The U.S. economy grew. The US economy is large. US firms agree.\n"
    found = run_rule(TermForms, text)
    assert _flagged(found, text) == ["U.S."]
    assert "'US'" in found[0].message


def test_term_forms_reports_one_finding_per_place() -> None:
    text = "Harmony OS users wait. HarmonyOS users upgrade. HarmonyOS users cheer.\n"
    found = run_rule(TermForms, text)
    assert _flagged(found, text) == ["Harmony OS"]


def test_term_forms_ignores_code_and_urls() -> None:
    text = (
        "Send e-mail today. Write to us by e-mail.\n\n```\nemail = True\n```\n\n"
        "See https://example.com/email for more.\n"
    )
    assert run_rule(TermForms, text) == []


def test_term_forms_plain_text_heading_is_not_case_evidence() -> None:
    text = "Atacama Desert Mines Expand\n\nMines in the Atacama desert use little water.\n"
    assert run_rule(TermForms, text, path="draft.txt") == []


def test_term_forms_on_a_long_draft() -> None:
    para = "The grid-scale battery maker Voltaro said its Atacama Desert plant will open in May. "
    text = (para * 40 + "\n\n") * 25  # about 14,000 words, one form of each term
    assert run_rule(TermForms, text) == []
    text += "Shares in VolTaro rose.\n"
    assert _flagged(run_rule(TermForms, text), text) == ["VolTaro"]


# -- CS102 spelling-variety ------------------------------------------------------------


def test_spelling_table_has_both_axes_and_no_ambiguous_words() -> None:
    table = spelling_table()
    assert table["colour"].variety == "UK" and table["colour"].counterpart == "color"
    assert table["centered"].counterpart == "centred"
    assert table["organise"].axis == "ize" and table["organizations"].counterpart == "organisations"
    assert table["programme"].variety == "UK"
    for word in ("program", "license", "practice", "meter", "tire", "check", "analyses", "size", "advertise"):
        assert word not in table, word


def test_spelling_variety_reports_the_minority_naming_the_majority() -> None:
    text = "The colour of the new centre pleased the council.\n\nIts color scheme won praise.\n"
    [f] = run_rule(SpellingVariety, text)
    assert text[f.span.start : f.span.end] == "color"
    assert f.message == "'color' is American spelling; the draft uses British spelling ('colour' on line 1)"
    assert f.related[0].line == 1
    assert f.fix is not None and f.fix.edits[0].replacement == "colour" and f.fix.safe


def test_spelling_variety_reports_british_words_in_an_american_draft() -> None:
    text = "The theater traveled to a new center. Its favorite show was canceled. The colour was odd.\n"
    [f] = run_rule(SpellingVariety, text)
    assert text[f.span.start : f.span.end] == "colour"
    assert "British spelling" in f.message and "American" in f.message


def test_spelling_variety_tie_reports_the_later_variety_and_keeps_the_fix_unsafe() -> None:
    text = "The colour was odd.\n\nThe color was odder.\n"
    [f] = run_rule(SpellingVariety, text)
    assert f.line == 3
    assert f.fix is not None and not f.fix.safe


def test_spelling_variety_ize_axis_is_separate() -> None:
    text = "The centre will organise talks. Staff realized the hall was small and will organise buses.\n"
    [f] = run_rule(SpellingVariety, text)
    assert text[f.span.start : f.span.end] == "realized"
    assert "-ize" in f.message and "'organise'" in f.message
    assert f.fix is not None and f.fix.edits[0].replacement == "realised"


def test_spelling_variety_fix_keeps_capitals() -> None:
    text = "The colour is new. The centre is open. Color matters, they said.\n"
    [f] = run_rule(SpellingVariety, text)
    assert f.fix is not None and f.fix.edits[0].replacement == "Colour"


@pytest.mark.parametrize(
    "text",
    [
        "The colour of the centre was fine.\n",
        "The color of the center was fine.\n",
        # Oxford spelling: -ize with British spelling
        "The centre organized a talk on colour and realized a profit.\n",
        # names and titles
        "Veterans met at Pearl Harbor. The harbour in Dover was busy.\n",
        "The World Health Organization praised the colour of the labels.\n",
        "Labor Party leaders met in the centre of Sydney.\n",
        "# Color Theory For Beginners\n\nThe colour wheel helps.\n",
        'She read "The Color Of Water" in the centre of town.\n',
        "Center for Policy Studies staff said the colour was wrong.\n",
        "Labor leaders met in Sydney. The colour of the campaign was red.\n",
        # words that are ordinary in both varieties
        "The new program for the theatre is ready. Officials license the venue, and practice helps.\n",
        "The analyses of the centre were long.\n",
    ],
)
def test_spelling_variety_near_misses(text: str) -> None:
    assert run_rule(SpellingVariety, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # -ise verbs are British evidence: American spelling never writes them
        (
            "The council will organise a meeting. Staff realised it was late.\n\nThe new sports center opens soon.\n",
            "center",
        ),
        ("Managers apologised twice. The union criticised the plan.\n\nDrivers traveled for hours.\n", "traveled"),
    ],
)
def test_spelling_variety_ise_verbs_are_british_evidence(text: str, flagged: str) -> None:
    found = run_rule(SpellingVariety, text)
    assert _flagged(found, text) == [flagged]
    assert "British" in found[0].message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # British writes the noun "licence" and the verb "practise": after a determiner or a
        # possessive "license" is the American noun, after "to" or a modal "practice" the verb
        ("The defence rested. Critics took offence.\n\nThe club lost its license in May.\n", "license"),
        ("The defence rested. Critics took offence.\n\nThe ferry company's licenses expired.\n", "licenses"),
        ("The centre and the theatre reopened.\n\nNurses will practice new drills there.\n", "practice"),
    ],
)
def test_spelling_variety_reads_noun_and_verb_spellings_from_the_word_before(text: str, flagged: str) -> None:
    found = run_rule(SpellingVariety, text)
    assert _flagged(found, text) == [flagged]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement in ("licence", "licences", "practise")


@pytest.mark.parametrize(
    "text",
    [
        # the British verb "license" and noun "practice" beside British spelling
        "The council will license the centre. The practice of colour coding is common.\n",
        "Shops license staff in the theatre. Good practice helps the defence.\n",
    ],
)
def test_spelling_variety_noun_and_verb_near_misses(text: str) -> None:
    assert run_rule(SpellingVariety, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a tie between -ize and -ise: British spelling elsewhere makes -ize the odd one out,
        # wherever it stands
        ("Voters realized what was at stake.\n\nThe council will organise a meeting in the centre.\n", "realized"),
        ("The council will organise a meeting in the centre.\n\nVoters realized what was at stake.\n", "realized"),
        # ... and American spelling makes -ise the odd one out
        ("The theater will organize a show.\n\nIts color is odd, and staff realise it.\n", "realise"),
    ],
)
def test_spelling_variety_ize_tie_follows_the_drafts_spelling(text: str, flagged: str) -> None:
    found = run_rule(SpellingVariety, text)
    assert _flagged(found, text) == [flagged]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # one marker each: the draft's habits (per cent, day before month) settle the tie,
        # wherever the slip stands
        ("Fares rose 4 per cent.\n\nThe harbour reopened. Its color is new.\n", "color"),
        ("The color is new.\n\nThe harbour reopened on 3 May, and walkers headed towards it.\n", "color"),
        # ... and American habits (percent, month before day) settle it the other way
        ("The harbour reopened on May 3, 2024.\n\nIts color is new. Fares rose 4 percent.\n", "harbour"),
        # a courtesy title with or without a full stop
        ("Its color is new, Mr Okafor said.\n\nMr Okafor runs the harbour.\n", "color"),
        ("Mr. Okafor runs the harbour.\n\nIts color is new, Dr. Lee said.\n", "harbour"),
    ],
)
def test_spelling_variety_tie_follows_the_drafts_habits(text: str, flagged: str) -> None:
    found = run_rule(SpellingVariety, text)
    assert _flagged(found, text) == [flagged]


def test_spelling_variety_habits_alone_are_never_reported() -> None:
    text = "Fares rose 4 percent on 3 May. Walkers headed toward the harbour and the centre.\n"
    assert run_rule(SpellingVariety, text) == []


def test_spelling_variety_ise_verb_is_reported_on_its_own_axis_only() -> None:
    # an American draft with one -ise verb: reported once, as -ise against -ize
    text = "The labor union will organize a vote. The center is busy.\n\nStaff realise it is late.\n"
    found = run_rule(SpellingVariety, text)
    assert _flagged(found, text) == ["realise"]
    assert "-ize" in found[0].message
    # Oxford spelling (-ize) with British words stays quiet
    assert run_rule(SpellingVariety, "The centre will organize a talk on colour.\n") == []


def test_spelling_variety_counts_quoted_speech() -> None:
    text = 'The colour is new. "We love the color," she said. The centre agreed.\n'
    assert _flagged(run_rule(SpellingVariety, text), text) == ["color"]


def test_spelling_variety_configured_variety_reports_without_mixing() -> None:
    text = "The colour of the centre was fine.\n"
    found = run_rule(SpellingVariety, text, options={"variety": "us"})
    assert _flagged(found, text) == ["colour", "centre"]
    assert "configured variety is us" in found[0].message
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "color"
    assert run_rule(SpellingVariety, "The colour was organized.\n", options={"variety": "oxford"}) == []
    [f] = run_rule(SpellingVariety, "The colour was organized.\n", options={"variety": "uk"})
    assert f.fix is not None and f.fix.edits[0].replacement == "organised"


# -- CS110 term-forms-across-drafts ----------------------------------------------------


def test_across_drafts_reports_the_minority_naming_file_and_line() -> None:
    drafts = {
        "a.md": "Huawei ships HarmonyOS NEXT this spring.\n",
        "b.md": "Intro.\n\nCarmakers adopt HarmonyOS NEXT for their apps.\n",
        "c.md": "Drivers will see HarmonyOS Next in new cars.\n",
    }
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "c.md" and f.line == 1
    assert f.message == "'HarmonyOS Next' is written 'HarmonyOS NEXT' in 2 other drafts (a.md:1)"
    assert f.related[0].path == "a.md" and f.related[0].line == 1
    assert "Drivers will see" in f.context


def test_across_drafts_letters_without_decomposition() -> None:
    drafts = {
        "a.md": "Mayor Halvor Kjærgaard opened the bridge.\n",
        "b.md": "Intro.\n\nThe bridge was Halvor Kjærgaard's idea.\n",
        "c.md": "Critics of Halvor Kjaergaard want a tunnel.\n",
    }
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "c.md" and f.message.startswith("'Kjaergaard' is written 'Kjærgaard' in 2 other drafts")


def test_across_drafts_separator_and_case_in_one_name() -> None:
    drafts = {
        "a.md": "Fans of the MyBMW App can unlock cars.\n",
        "b.md": "The MyBMW App has new maps.\n",
        "c.md": "Users of the My BMW app want more.\n",
    }
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "c.md" and "'My BMW' is written 'MyBMW'" in f.message


def test_across_drafts_tie_reports_the_form_first_seen_later() -> None:
    drafts = {"a.md": "Analysts rate JPMorgan highly.\n", "b.md": "Analysts rate JP Morgan highly.\n"}
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "b.md" and "in another draft (a.md:1)" in f.message


@pytest.mark.parametrize(
    "drafts",
    [
        # ordinary words: house style, not one entity
        {"a.md": "The grid-scale market grew.\n", "b.md": "The grid scale market grew.\n"},
        {"a.md": "Send us an e-mail.\n", "b.md": "Send us an email.\n"},
        # title case against lower case of a trailing word
        {"a.md": "The BMW Group grew.\n", "b.md": "The BMW group grew.\n"},
        # one word in capitals against title case: often two different words
        {"a.md": "The WHO warned of flu.\n", "b.md": "Fans of The Who cheered.\n"},
        # different names sharing a word
        {"a.md": "Delta Air Lines cut fares.\n", "b.md": "American Airlines cut fares.\n"},
        {"a.md": "The show by Seth MacFarlane aired.\n", "b.md": "The board chair Ian Macfarlane spoke.\n"},
        # different names that close up into one word
        {"a.md": "Flights to South West England grew.\n", "b.md": "Southwest flights grew.\n"},
        # the same form everywhere
        {"a.md": "HarmonyOS NEXT ships.\n", "b.md": "Cars run HarmonyOS NEXT.\n"},
    ],
)
def test_across_drafts_near_misses(drafts: dict[str, str]) -> None:
    assert run_corpus(TermFormsAcrossDrafts, drafts) == []


def test_across_drafts_leaves_a_draft_that_uses_both_forms_to_cs101() -> None:
    drafts = {
        "a.md": "Drivers get HarmonyOS NEXT.\n",
        "b.md": "Phones get HarmonyOS NEXT.\n",
        "c.md": "Cars get HarmonyOS NEXT. Some get HarmonyOS Next.\n",
    }
    assert run_corpus(TermFormsAcrossDrafts, drafts) == []
    assert len(run_rule(TermForms, drafts["c.md"])) == 1


def test_across_drafts_shorter_name_carries_the_report() -> None:
    drafts = {
        "a.md": "Vice-President Dick Moll spoke.\n",
        "b.md": "Vice-President Ann Lee spoke.\n",
        "c.md": "Vice President Dick Moll spoke.\n",
    }
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "c.md" and "'Vice President' is written 'Vice-President'" in f.message


def test_across_drafts_accepted_forms_in_the_fact_base_are_not_reported() -> None:
    facts = parse_factbase(
        "version: 1\nentities:\n  - name: HarmonyOS NEXT\n    type: product\n    aliases: [HarmonyOS Next]\n"
    )
    drafts = {
        "a.md": "Huawei ships HarmonyOS NEXT.\n",
        "b.md": "Cars adopt HarmonyOS NEXT.\n",
        "c.md": "Drivers see HarmonyOS Next.\n",
    }
    assert run_corpus(TermFormsAcrossDrafts, drafts, facts=facts) == []
    assert len(run_corpus(TermFormsAcrossDrafts, drafts)) == 1


def test_across_drafts_records_are_small_and_picklable() -> None:
    from lint.document import Document

    text = "Huawei ships HarmonyOS NEXT to Time Warner and the Atacama Desert Mining Company. " * 50
    rec = TermFormsAcrossDrafts().record(Document.from_text("a.md", text))
    assert rec is not None
    assert len(pickle.dumps(rec)) < 20_000


def test_across_drafts_scales_to_many_drafts() -> None:
    drafts = {
        f"d{i:04}.md": f"Firm{i} Holdings hired Jo Smith{i}. HarmonyOS NEXT ships to Region{i % 7}.\n"
        for i in range(1500)
    }
    drafts["z.md"] = "Some write HarmonyOS Next.\n"
    found = run_corpus(TermFormsAcrossDrafts, drafts)
    assert [f.path for f in found] == ["z.md"]


# -- CS111 role-holder-conflict --------------------------------------------------------


def test_role_conflict_two_names_for_one_post() -> None:
    drafts = {
        "a.md": "Jo Smith, chief executive of Orbis Motors, opened the plant.\n",
        "b.md": "Staff met Jo Smith, Orbis Motors' CEO, at the plant.\n",
        "c.md": "The plant was opened by Orbis Motors chief executive Alan Jones.\n",
    }
    [f] = run_corpus(RoleHolderConflict, drafts)
    assert f.path == "c.md" and f.severity is Severity.WARNING
    assert f.message.startswith("'Alan Jones' is chief executive of Orbis Motors here, but a.md:1 and 1 other draft")
    assert "names 'Jo Smith'" in f.message
    assert f.related[0].path == "a.md" and f.related[0].line == 1
    assert drafts["c.md"][f.span.start : f.span.end] == "Alan Jones"


def test_role_conflict_short_first_names() -> None:
    drafts = {
        "a.md": "Jo Smith, chief executive of Orbis Motors, opened the plant.\n",
        "b.md": "The plant was opened by Orbis Motors CEO Al Jones.\n",
    }
    [f] = run_corpus(RoleHolderConflict, drafts)
    assert f.path == "b.md" and drafts["b.md"][f.span.start : f.span.end] == "Al Jones"


@pytest.mark.parametrize(
    ("line", "other"),
    [
        ("{name}, who is general secretary of the Tarn Dockers' Union, spoke.", "Rhian D'Souza"),
        ("Head coach of Fenwick Albion {name} spoke.", "Phạm Văn Khải"),
        ("The Fenwick Albion manager, {name}, spoke.", "K.T. Marlowe"),
        ("{name}, Quayle Energy's chief operating officer, spoke.", "Karim al-Haddadi"),
        ("The managing director of Quayle Energy, {name}, spoke.", "Inés de la Vega"),
    ],
)
def test_role_conflict_posts_in_every_order_and_names_of_any_shape(line: str, other: str) -> None:
    drafts = {"a.md": line.format(name="Bo Lind") + "\n", "b.md": "Intro.\n\n" + line.format(name=other) + "\n"}
    [f] = run_corpus(RoleHolderConflict, drafts)
    assert f.path == "b.md" and drafts["b.md"][f.span.start : f.span.end] == other


@pytest.mark.parametrize(
    "line",
    [
        "Quayle Energy manager {name} spoke.",  # a company has many managers
        "Fenwick Albion assistant manager {name} spoke.",
        "{name}, who was chief executive of Quayle Energy, spoke.",
    ],
)
def test_role_conflict_posts_with_many_holders_are_not_conflicts(line: str) -> None:
    drafts = {"a.md": "Quayle Energy chief executive Ada Quayle left.\n", "b.md": line.format(name="Bo Lind") + "\n"}
    drafts["c.md"] = line.format(name="Rhian D'Souza") + "\n"
    assert run_corpus(RoleHolderConflict, drafts) == []


def test_role_conflict_org_names_with_region_variants_are_one_org() -> None:
    drafts = {
        "a.md": "Mira Castell, Orbis Group Region Asia's President and CEO, spoke.\n",
        "b.md": "Jonas Brandt, President and CEO of Orbis Group Greater Asia, spoke.\n",
    }
    found = run_corpus(RoleHolderConflict, drafts)
    assert len(found) == 1 and found[0].path == "b.md"
    assert "'Mira Castell'" in found[0].message


def test_role_conflict_aliases_in_the_fact_base_are_information() -> None:
    facts = parse_factbase(
        "version: 1\nentities:\n  - name: Jonas Brandt\n    type: person\n    aliases: [Brandt Jonas, Mira Castell]\n"
    )
    drafts = {
        "a.md": "Mira Castell, Orbis Group Region Asia's President and CEO, spoke.\n",
        "b.md": "Jonas Brandt, President and CEO of Orbis Group Greater Asia, spoke.\n",
    }
    [f] = run_corpus(RoleHolderConflict, drafts, facts=facts)
    assert f.severity is Severity.INFO and f.path == "a.md"
    assert (
        f.message
        == "'Mira Castell' is called 'Jonas Brandt' in b.md:1; the fact base name is 'Jonas Brandt' (facts.yaml:3)"
    )


def test_role_conflict_points_at_a_likely_misspelling() -> None:
    drafts = {
        "a.md": "Lumen Bank chairman Peter Jamieson said little.\n",
        "b.md": "Lumen Bank chairman Peter Jameson said little.\n",
    }
    [f] = run_corpus(RoleHolderConflict, drafts)
    assert f.message.endswith("one of the names is misspelt?")


@pytest.mark.parametrize(
    "drafts",
    [
        # one person, written two ways
        {"a.md": "Jo Smith, chief executive of Orbis Motors, spoke.\n", "b.md": "Orbis Motors CEO Mr Smith spoke.\n"},
        {"a.md": "Gao Wei, chairman of Lumen Bank, spoke.\n", "b.md": "Wei Gao, chairman of Lumen Bank, spoke.\n"},
        # former holders, posts with many holders, different units, a body that is not named
        {
            "a.md": "Jo Smith, chief executive of Orbis Motors, spoke.\n",
            "b.md": "Alan Jones, former chief executive of Orbis Motors, spoke.\n",
        },
        {
            "a.md": "Jo Smith, a director of Orbis Motors, spoke.\n",
            "b.md": "Alan Jones, a director of Orbis Motors, spoke.\n",
        },
        {
            "a.md": "Jo Smith, chief executive of Orbis Motors, spoke.\n",
            "b.md": "Alan Jones, chief executive of Orbis Motors China, spoke.\n",
        },
        {"a.md": "Committee chairman Jo Smith spoke.\n", "b.md": "Committee chairman Alan Jones spoke.\n"},
    ],
)
def test_role_conflict_near_misses(drafts: dict[str, str]) -> None:
    assert run_corpus(RoleHolderConflict, drafts) == []


def test_role_conflict_dated_drafts_far_apart_are_not_compared() -> None:
    drafts = {
        "a.md": "---\ndate: 2023-01-10\n---\nJo Smith, chief executive of Orbis Motors, spoke.\n",
        "b.md": "---\ndate: 2024-06-01\n---\nAlan Jones, chief executive of Orbis Motors, spoke.\n",
    }
    assert run_corpus(RoleHolderConflict, drafts) == []
    assert len(run_corpus(RoleHolderConflict, drafts, options={"max_days": 1000})) == 1


# -- CS112 quote-speaker-conflict ------------------------------------------------------


def test_quote_conflict_same_words_two_speakers() -> None:
    drafts = {
        "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
        "b.md": 'Intro.\n\nAlan Jones said: "We will open ten new stores in the north next year."\n',
    }
    [f] = run_corpus(QuoteSpeakerConflict, drafts)
    assert f.path == "b.md" and f.line == 3
    assert f.message == (
        "quotation 'we will open ten new stores...' is given to 'Alan Jones' here but to 'Jo Smith' in a.md:1"
    )
    assert f.related[0].path == "a.md"


@pytest.mark.parametrize("speaker", ["Tomás Reyes", "Łukasz Wójcik", "Zoë Brontë"])
def test_quote_conflict_speakers_with_diacritics(speaker: str) -> None:
    said = '"We will open the second depot in the valley before the spring floods," said '
    drafts = {"a.md": f"{said}{speaker}.\n", "b.md": f"{said}Daniel Okafor.\n"}
    [f] = run_corpus(QuoteSpeakerConflict, drafts)
    assert f.path == "b.md" and f"to '{speaker}' in a.md:1" in f.message


@pytest.mark.parametrize(
    "speaker", ["K.T. Marlowe", "Karim al-Haddadi", "Rhian D'Souza", "Inés de la Vega", "Sofia de los Ríos"]
)
def test_quote_conflict_speakers_with_initials_prefixes_and_apostrophes(speaker: str) -> None:
    said = '"We will open the second depot in the valley before the spring floods," '
    drafts = {"a.md": f"{said}{speaker} said.\n", "b.md": f"{said}said Daniel Okafor.\n"}
    [f] = run_corpus(QuoteSpeakerConflict, drafts)
    assert f.path == "b.md" and f"to '{speaker}' in a.md:1" in f.message
    assert drafts["b.md"][f.span.start : f.span.start + 1] == '"'


def test_quote_conflict_a_shortened_quotation_still_matches() -> None:
    drafts = {
        "a.md": '"Our plan is to double sales in Asia by the end of the decade, and we will," said Jo Smith.\n',
        "b.md": '"Our plan is to double sales in Asia by the end of the decade," said Alan Jones.\n',
    }
    assert len(run_corpus(QuoteSpeakerConflict, drafts)) == 1


def test_quote_conflict_alias_is_information() -> None:
    facts = parse_factbase("version: 1\nentities:\n  - name: Jo Smith\n    type: person\n    aliases: [Alan Jones]\n")
    drafts = {
        "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
        "b.md": '"We will open ten new stores in the north next year," said Alan Jones.\n',
    }
    [f] = run_corpus(QuoteSpeakerConflict, drafts, facts=facts)
    assert f.severity is Severity.INFO


@pytest.mark.parametrize(
    "drafts",
    [
        # one person, two ways of naming
        {
            "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
            "b.md": '"We will open ten new stores in the north next year," said Ms Smith.\n',
        },
        # too short to be evidence
        {"a.md": '"It was a great day," said Jo Smith.\n', "b.md": '"It was a great day," said Alan Jones.\n'},
        # a slogan quoted by two people
        {
            "a.md": 'Jo Smith said the campaign slogan would be "Vote for a fairer deal on rent and jobs now".\n',
            "b.md": 'Alan Jones said the campaign slogan was "Vote for a fairer deal on rent and jobs now".\n',
        },
        # a party, not a person, before the name
        {
            "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
            "b.md": 'Green Party chairman Jo Smith said: "We will open ten new stores in the north next year."\n',
        },
        # different words
        {
            "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
            "b.md": '"We will close five old depots in the south within two years," said Alan Jones.\n',
        },
    ],
)
def test_quote_conflict_near_misses(drafts: dict[str, str]) -> None:
    assert run_corpus(QuoteSpeakerConflict, drafts) == []


# -- CS113 figure-conflict -------------------------------------------------------------


def test_figure_conflict_same_metric_year_and_unit() -> None:
    drafts = {
        "a.md": "Orbis Motors reported revenue of €42.5 billion for 2024.\n",
        "b.md": "Orbis Motors' revenue was €42.5bn in 2024, it said.\n",
        "c.md": "Title\n\nFor 2024, Orbis Motors posted revenue of €45.2 billion.\n",
    }
    [f] = run_corpus(FigureConflict, drafts)
    assert f.path == "c.md" and f.line == 3
    assert drafts["c.md"][f.span.start : f.span.end] == "€45.2 billion"
    assert f.message == "Orbis Motors revenue for 2024 is €45.2 billion here but €42.5 billion in a.md:1"
    assert f.related[0].path == "a.md"


@pytest.mark.parametrize(
    "second",
    [
        "Sales at Orbis Motors rose to 2.1 million cars in 2024.\n",
        "Orbis Motors revenue rose 5% to €42.4bn in 2024.\n",
        "Orbis Motors booked €42bn in revenue in 2024.\n",
        "Orbis Motors revenue was about €41 billion in 2024.\n",
        "Orbis Motors made revenue of more than €40 billion in 2024.\n",
    ],
)
def test_figure_conflict_agreeing_or_rounded_figures(second: str) -> None:
    drafts = {"a.md": "Orbis Motors reported revenue of €42.38 billion for 2024.\n", "b.md": second}
    assert run_corpus(FigureConflict, drafts) == []


@pytest.mark.parametrize(
    "second",
    [
        # another year, period, unit, metric or qualifier
        "Orbis Motors reported revenue of €45.2 billion for 2023.\n",
        "Orbis Motors reported revenue of €11.2 billion for the fourth quarter of 2024.\n",
        "Orbis Motors reported revenue of $45.2 billion for 2024.\n",
        "Orbis Motors reported net profit of €4.1 billion for 2024.\n",
        "Orbis Motors reported global sales of €45.2 billion for 2024.\n",
        # another organisation
        "Lumen Bank reported revenue of €45.2 billion for 2024.\n",
        # forecasts, comparisons and ranges are not the figure
        "Orbis Motors expects revenue of €45.2 billion for 2024.\n",
        "Orbis Motors revenue rose to €48 billion, up from €45.2 billion in 2024.\n",
        "Orbis Motors put revenue at €44bn to €46bn for 2024.\n",
        # no organisation, or two
        "The firm reported revenue of €45.2 billion for 2024.\n",
        "Lumen Bank and Orbis Motors reported revenue of €45.2 billion for 2024.\n",
    ],
)
def test_figure_conflict_near_misses(second: str) -> None:
    drafts = {"a.md": "Orbis Motors reported revenue of €42.5 billion for 2024.\n", "b.md": second}
    assert run_corpus(FigureConflict, drafts) == []


def _conflicts(drafts: dict[str, str]) -> list[tuple[str, str]]:
    return [(f.path, drafts[f.path][f.span.start : f.span.end]) for f in run_corpus(FigureConflict, drafts)]


@pytest.mark.parametrize(
    ("first", "second", "span"),
    [
        # any unit or currency, any script in the words around the figure
        (
            "Sales at Kløvermark Bryggeri rose 37% in the three months to June.\n",
            "Sales at Kløvermark Bryggeri rose 31% in the three months to June.\n",
            "31%",
        ),
        (
            "The bridge will cost the city £4.2bn, the council's planners said on Monday.\n",
            "The bridge will cost the city £4.8bn - the council's planners said on Monday.\n",
            "£4.8bn",
        ),
        (
            "Tanvir Ahmed's bakery chain employed 800 staff across its twelve shops.\n",
            "tanvir ahmed's bakery chain employed 650 staff across its twelve shops\n",
            "650",
        ),
        (
            "Turnout in the Nørrebro ward was 8.5 per cent higher than at the last vote.\n",
            "Turnout in the Nørrebro ward was 9.5 per cent higher than at the last vote.\n",
            "9.5 per cent",
        ),
        # a round number is as exact as any other in a copy of the statement
        (
            "Shares in Quillfield Foods closed 10% lower on Thursday afternoon.\n",
            "Shares in Quillfield Foods closed 14% lower on Thursday afternoon.\n",
            "14%",
        ),
        # an article or "that" added or dropped is the same statement
        (
            "Officials said that the Ngozi Adeyemi bridge cost 40m naira to repair.\n",
            "Officials said the Ngozi Adeyemi bridge cost 52m naira to repair.\n",
            "52m",
        ),
        # the second figure of the sentence is the one that changed
        (
            "Of the 1,200 riders who started, 340 finished the route before dark.\n",
            "Of the 1,200 riders who started, 430 finished the route before dark.\n",
            "430",
        ),
    ],
)
def test_figure_conflict_same_statement_with_another_figure(first: str, second: str, span: str) -> None:
    assert _conflicts({"a.md": first, "b.md": second}) == [("b.md", span)]


def test_figure_conflict_same_statement_the_odd_draft_out_is_reported() -> None:
    drafts = {
        "a.md": "Intro.\n\nThe ferry line carried 2.4 million passengers last year, its owners said.\n",
        "b.md": "The ferry line carried 2.9 million passengers last year, its owners said.\n",
        "c.md": "The ferry line carried 2.4 million passengers last year, its owners said.\n",
    }
    [f] = run_corpus(FigureConflict, drafts)
    assert (f.path, f.line) == ("b.md", 1)
    assert f.message == "2.9 million here but 2.4 million in the same statement in a.md:3"
    assert f.related[0].path == "a.md" and f.related[0].line == 3


@pytest.mark.parametrize(
    "second",
    [
        # the same figure written another way, or rounded
        "The bridge will cost the city £4,200m, the council's planners said on Monday.\n",
        "The bridge will cost the city £4.23bn, the council's planners said on Monday.\n",
        # another statement: another year, another unit, other words
        "The bridge will cost the city $4.8bn, the council's planners said on Monday.\n",
        "The tunnel will cost the city £4.8bn, the council's planners said on Monday.\n",
        "The bridge will cost the city £4.8bn, the council's planners said in 2023.\n",
        # the figure in a heading
        "# The bridge will cost the city £4.8bn, the council's planners said on Monday\n",
    ],
)
def test_figure_conflict_same_statement_near_misses(second: str) -> None:
    first = "The bridge will cost the city £4.2bn, the council's planners said on Monday.\n"
    assert _conflicts({"a.md": first, "b.md": second}) == []


def test_figure_conflict_short_or_ambiguous_statements_are_left_alone() -> None:
    # five words besides the figure: too few to be sure it is one statement
    assert _conflicts({"a.md": "Shares rose 3% on Friday.\n", "b.md": "Shares rose 5% on Friday.\n"}) == []
    # one draft makes the statement twice with two figures: which one is it?
    twice = "Prices at the Vila Nova market rose 4% in spring. Prices at the Vila Nova market rose 6% in spring.\n"
    once = "Prices at the Vila Nova market rose 9% in spring.\n"
    assert _conflicts({"a.md": twice, "b.md": once}) == []
    # the same draft twice is no conflict
    assert _conflicts({"a.md": once, "b.md": once}) == []


# -- with a fact base ------------------------------------------------------------------

FACTS = parse_factbase(
    """\
version: 1
entities:
  - name: StarDeck OS
    type: product
    aliases: [StarDeck]
    avoid: [Stardeck OS, Star Deck OS]
"""
)


def test_fact_base_settles_forms_in_a_draft() -> None:
    avoided = "Cars run StarDeck OS. Phones run StarDeck OS. Some run Stardeck OS.\n"
    assert len(run_rule(TermForms, avoided)) == 1
    assert run_rule(TermForms, avoided, facts=FACTS) == []  # the facts rules name the right form


def test_fact_base_settles_forms_across_drafts() -> None:
    drafts = {
        "a.md": "Cars run Star Deck OS.\n",
        "b.md": "Phones run Star Deck OS.\n",
        "c.md": "Watches run StarDeck OS.\n",
    }
    assert [f.path for f in run_corpus(TermFormsAcrossDrafts, drafts)] == ["c.md"]
    assert run_corpus(TermFormsAcrossDrafts, drafts, facts=FACTS) == []


def test_figure_conflict_group_name_is_not_a_qualifier() -> None:
    drafts = {
        "a.md": "Orbis Group reported revenue of €42.5 billion for 2024.\n",
        "b.md": "Money is no problem. Orbis Group, whose revenue reached €24.5 billion in 2024, can wait.\n",
    }
    [f] = run_corpus(FigureConflict, drafts)
    assert f.path == "b.md" and "€42.5 billion in a.md:1" in f.message


def test_figure_conflict_defers_to_the_fact_base() -> None:
    facts = parse_factbase(
        "version: 1\nentities:\n  - name: Orbis Motors\n    type: organization\n"
        "figures:\n  - name: Orbis Motors revenue in 2024\n    entity: Orbis Motors\n"
        "    keywords: [revenue]\n    value: 42.5 billion\n    unit: EUR\n"
    )
    drafts = {
        "a.md": "Orbis Motors reported revenue of €42.5 billion for 2024.\n",
        "b.md": "For 2024, Orbis Motors posted revenue of €45.2 billion.\n",
    }
    assert len(run_corpus(FigureConflict, drafts)) == 1
    assert run_corpus(FigureConflict, drafts, facts=facts) == []


def test_role_conflict_defers_to_a_known_post_but_keeps_alias_information() -> None:
    facts = parse_factbase(
        "version: 1\nentities:\n  - name: Jo Smith\n    type: person\n    aliases: [Smith Jo, Joanna Smythe]\n"
        "roles:\n  - person: Jo Smith\n    title: chief executive\n    org: Orbis Motors\n"
    )
    conflict = {
        "a.md": "Jo Smith, chief executive of Orbis Motors, opened the plant.\n",
        "b.md": "The plant was opened by Orbis Motors chief executive Alan Jones.\n",
    }
    assert len(run_corpus(RoleHolderConflict, conflict)) == 1
    assert run_corpus(RoleHolderConflict, conflict, facts=facts) == []
    mixed = {
        "a.md": conflict["a.md"],
        "b.md": "The plant was opened by Orbis Motors chief executive Joanna Smythe.\n",
    }
    [f] = run_corpus(RoleHolderConflict, mixed, facts=facts)
    assert f.severity is Severity.INFO


def test_role_conflict_skips_sentences_about_earlier_years() -> None:
    drafts = {
        "a.md": "---\ndate: 2025-03-01\n---\nJo Smith, chief executive of Orbis Motors, spoke.\n",
        "b.md": "---\ndate: 2025-03-02\n---\nIn 2009, Alan Jones, chief executive of Orbis Motors, spoke.\n",
    }
    assert run_corpus(RoleHolderConflict, drafts) == []
    drafts["b.md"] = drafts["b.md"].replace("In 2009, ", "In 2025, ")
    assert len(run_corpus(RoleHolderConflict, drafts)) == 1


# -- shortcuts the rules take must not change what they find ----------------------------


@pytest.mark.parametrize("metric", sorted(_METRICS))
def test_figure_conflict_every_metric_passes_the_sentence_gate(metric: str) -> None:
    drafts = {
        "a.md": f"Orbis Motors reported {metric} of €42.5 billion for 2024.\n",
        "b.md": f"Orbis Motors reported {metric} of €42.5 billion for 2024, it said.\n",
        "c.md": f"Orbis Motors reported {metric.upper()} of €45.2 billion for 2024.\n",
    }
    [f] = run_corpus(FigureConflict, drafts)
    assert f.path == "c.md"


def test_across_drafts_place_spans_a_line_break_and_keeps_its_context() -> None:
    drafts = {
        "a.md": "Shares in TimeWarner rose on Monday.\n",
        "b.md": "Analysts expect TimeWarner to cut jobs.\n",
        "c.md": "Intro.\n\nAnalysts said on Friday that the board of Time\n"
        "Warner will cut many jobs in the coming year.\n",
    }
    [f] = run_corpus(TermFormsAcrossDrafts, drafts)
    assert f.path == "c.md"
    assert (f.span.line, f.span.column, f.span.end_line, f.span.end_column) == (3, 43, 4, 7)
    assert drafts["c.md"][f.span.start : f.span.end] == "Time\nWarner"
    assert f.context == "on Friday that the board of Time Warner will cut many jobs in the"
    assert f.message == "'Time Warner' is written 'TimeWarner' in 2 other drafts (a.md:1)"


def test_spelling_variety_finds_markers_inside_compounds_and_possessives() -> None:
    text = "The color scheme and the color wheel were colour-coded, and the colour's depth varied.\n"
    assert _flagged(run_rule(SpellingVariety, text), text) == ["colour", "colour"]


def test_term_forms_case_only_variants_of_plain_words_are_not_compared() -> None:
    # "Analysts said" opening a sentence and "analysts said" elsewhere differ in case only,
    # and never in a way that is reported; inner capitals still are ("iPhone"/"Iphone").
    text = "Analysts said costs rose. Some analysts said more.\n\nThe iPhone sold. The Iphone did not.\n"
    assert _flagged(run_rule(TermForms, text), text) == ["Iphone"]


def test_one_per_place_equals_the_plain_pairwise_rule() -> None:
    """_one_per_place finds nested spans by binary search; it must keep exactly what the
    plain rule keeps: drop a span holding a strong span, and a weak span inside one."""
    import random

    from rules.consistency.terms import _one_per_place

    def plain(cands: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
        out, seen = [], set()
        for c in sorted(cands, key=lambda c: c[:3]):
            owner, s, e, weak = c
            if (owner, s, e) in seen:
                continue
            others = [x for x in cands if x[0] == owner and (x[1], x[2]) != (s, e) and not x[3]]
            if any(s <= x0 and x1 <= e for _, x0, x1, _ in others):
                continue
            if weak and any(x0 <= s and e <= x1 for _, x0, x1, _ in others):
                continue
            seen.add((owner, s, e))
            out.append(c)
        return out

    rng = random.Random(5)
    for _ in range(300):
        cands = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randint(0, 40)
            cands.append((rng.randint(0, 1), s, s + rng.randint(1, 12), rng.random() < 0.3))
        assert _one_per_place(cands, lambda c: c) == plain(cands)
