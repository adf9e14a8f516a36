"""Style rules: the phrase pack (cliches, hype, wordy phrases, weasel words, hedges), the
repeated "not just X; it's Y" framing and repeated sentences. Quotations stay silent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.errors import ConfigError
from lint.model import Finding
from lint.packs import PhraseRule, load_pack
from lint.plugins import build_registry, make_plugin_manager
from lint.rule import Rule, RunContext
from lint.testing import run_rule
from lint.text import WORD
from rules import style
from tests.spans import check_examples

PACK = {cls.code: cls for cls in load_pack(style.PACK)}


def apply(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    out = text
    for e in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def pack_findings(text: str, codes: tuple[str, ...] | None = None) -> list[Finding]:
    found: list[Finding] = []
    for code, cls in sorted(PACK.items()):
        if codes is None or code in codes:
            found.extend(run_rule(cls, text))
    return found


# A padded draft of our own, in the manner of machine-written promotional copy.
PADDED = """\
# Acme and Nimbus: a new era of smart kitchens

In a world where appliances talk to each other, Acme and Nimbus have signed a deal that could
change how we cook. The partnership is not just a contract; it's a shared vision.

Cooks want more than a fridge. The new app is not merely a remote control; it's a kitchen
assistant. It's a game-changer for busy families.

Sales fell by 8% last year. The deal is not just about technology; it's about survival.

The future is bright, but only time will tell whether buyers agree. The journey has just begun.
"""


# -- the pack ------------------------------------------------------------------------------


def test_pack_is_provided_by_the_plugin_and_registered() -> None:
    assert style.lint_article_packs() == [style.PACK] and style.PACK.exists()
    registry = build_registry(make_plugin_manager())
    for code in [*PACK, "ST110", "ST111"]:
        assert registry.rules[code].category == "style"
    assert all(issubclass(cls, PhraseRule) and cls.skip_quotes for cls in PACK.values())


def test_padded_draft_reports_cliches_hype_and_framing() -> None:
    found = pack_findings(PADDED)
    matched = {f.message.split("'")[1].lower() for f in found}
    assert {
        "a new era",
        "in a world where",
        "game-changer",
        "the future is bright",
        "only time will tell",
        "the journey has just begun",
    } <= matched
    framing = run_rule(style.ContrastFraming, PADDED)
    assert [f.line for f in framing] == [6, 9]
    assert "first at line 4" in framing[0].message and "2nd use of 3" in framing[0].message
    assert "'not merely a remote control; it's'" in framing[0].message
    assert framing[1].message.startswith("'not just about technology; it's'")
    assert framing[0].related[0].line == 4


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("At the end of the day, the vote was close.\n", "ST101"),
        ("The company is ready to take things to the next level.\n", "ST101"),
        ("In today’s fast-paced world, nobody reads manuals.\n", "ST101"),
        ("Firms in a rapidly evolving market must adapt.\n", "ST101"),
        ("Solid-state cells are the holy grail of battery research.\n", "ST102"),
        ("The update will unlock the full potential of the device.\n", "ST102"),
        ("It was cancelled owing to the fact that nobody came.\n", "ST103"),
        ("Each and every shop closed.\n", "ST103"),
        ("Needless to say, the plan failed.\n", "ST105"),
        ("It's worth noting that the data are old.\n", "ST105"),
        ("It could be argued that sleep matters.\n", "ST106"),
        ("Some would argue the price is too high.\n", "ST106"),
        ("The storm may possibly reach the coast.\n", "ST107"),
        ("To a certain extent, the plan worked.\n", "ST108"),
    ],
)
def test_pack_flags(text: str, code: str) -> None:
    assert [f.rule for f in pack_findings(text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        # plain quantifiers and near misses of the weasel list
        "Some shops closed early, many voters stayed at home and several roads flooded.\n",
        "Residents want some say in the plans and more say over the budget.\n",
        "Many think tanks published reports, and some think tanks did not.\n",
        "Our research has shown that the scheme works, the charity said.\n",
        "Analysts said the shares were cheap. Critics say the plan is late.\n",
        # ordinary uses of listed words
        "The Holy Grail of Arthurian legend inspired the film.\n",
        "The game changed after half-time, and the era of cheap credit ended.\n",
        "She could not possibly have known, and nobody could possibly blame her.\n",
        "The rest of the history department moved to the new building.\n",
        "He had the ability and the time, and the end of the result was near.\n",
        "Researchers at the cutting edge of physics met in Geneva.\n",
        # a heading is not a sentence but still plain
        "# Flood defences\n\nThe river rose quickly after the storm.\n",
    ],
)
def test_pack_stays_quiet_on_plain_copy(text: str) -> None:
    assert pack_findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Research has shown that sleep matters.\n",
        "Many people believe the tax is unfair.\n",
        "Experts say the market will cool.\n",
        "It is widely believed that the minister will resign.\n",
        "It has been suggested that the minister will resign.\n",
    ],
)
def test_unnamed_sources_are_reported_once_by_the_attribution_rules(text: str) -> None:
    """An unnamed group or an impersonal "it is believed" is an attribution problem: one
    finding, from the attribution family, not a second one from the style pack."""
    from lint.config import Config
    from lint.engine import Linter
    from lint.plugins import build_registry, make_plugin_manager

    linter = Linter(build_registry(make_plugin_manager()), Config(select=("ALL",)))
    found = [f for f in linter.check_draft(text, "d.md").findings if f.category in ("style", "attribution")]
    assert len(found) == 1 and found[0].category == "attribution", found


def test_pack_is_silent_inside_quotations() -> None:
    text = (
        'The chief executive said: "It is a game-changer, and only time will tell. At the end '
        'of the day, some would say we will utilise it." “Needless to say, it’s arguably a new era.”\n'
    )
    assert pack_findings(text) == []
    unquoted = text.replace('"', "").replace("“", "").replace("”", "")
    assert {f.rule for f in pack_findings(unquoted)} >= {"ST101", "ST102", "ST103", "ST105", "ST106", "ST108"}


def test_wordy_phrase_fix_is_safe_and_keeps_capitals() -> None:
    text = "Despite the fact that it rained, we utilised the pitch.\n"
    found = pack_findings(text, ("ST103",))
    assert [f.message for f in found] == [
        "'Despite the fact that' is wordy; use 'Although'",
        "'utilised' is wordy; use 'used'",
    ]
    assert all(f.fix is not None and f.fix.safe for f in found)
    assert apply(apply(text, found[1]), found[0]) == "Although it rained, we used the pitch.\n"


def test_buzzword_and_double_hedge_fixes() -> None:
    text = "The firm built a cutting-edge plant that could potentially double output.\n"
    (buzz,) = pack_findings(text, ("ST104",))
    assert buzz.fix is not None and not buzz.fix.safe  # "advanced" may not be what was meant
    assert apply(text, buzz) == "The firm built a advanced plant that could potentially double output.\n"
    (hedge,) = pack_findings(text, ("ST107",))
    assert hedge.fix is not None and hedge.fix.safe
    assert "could double output" in apply(text, hedge)


def test_phrases_match_across_line_breaks() -> None:
    assert [f.rule for f in pack_findings("The vote was close at the end\nof the day.\n")] == ["ST101"]


# -- contrast framing ----------------------------------------------------------------------


def test_framing_once_is_allowed() -> None:
    text = "The merger is not just a deal; it's a statement.\n\nPrices fell in May.\n"
    assert run_rule(style.ContrastFraming, text) == []


@pytest.mark.parametrize(
    "second",
    [
        "The app isn't just a tool, it's a companion.",
        "The app is not merely a tool: it is a companion.",
        "The app is more than just a tool; it is a companion.",
        "The app is not only a tool; it is about trust.",
        "The app is not simply a tool — they’re calling it a companion.",
        "The app is not just a tool. It is a companion.",
        "The app is never just a tool, it was always a companion.",
    ],
)
def test_framing_variants_count(second: str) -> None:
    text = f"The merger is not just a deal; it's a statement.\n\n{second}\n"
    (f,) = run_rule(style.ContrastFraming, text)
    assert f.line == 3 and "first at line 1" in f.message and "2nd use of 2" in f.message


@pytest.mark.parametrize(
    "second",
    [
        "The firm not only cut prices but also hired staff.",
        "It is not just expensive. Prices rose again in May.",
        "Not only did sales fall, profits did too.",
        "This was not just bad luck, the report said.",
        'She said: "It is not just a tool, it is a companion."',
    ],
)
def test_framing_near_misses(second: str) -> None:
    text = f"The merger is not just a deal; it's a statement.\n\n{second}\n"
    assert run_rule(style.ContrastFraming, text) == []


def test_framing_max_uses_option() -> None:
    text = "\n\n".join(f"Item {i} is not just a product; it's a promise." for i in range(4)) + "\n"
    assert len(run_rule(style.ContrastFraming, text)) == 3
    assert len(run_rule(style.ContrastFraming, text, options={"max_uses": 3})) == 1
    assert len(run_rule(style.ContrastFraming, text, options={"max_uses": 0})) == 4
    with pytest.raises(ConfigError):
        style.ContrastFraming(RunContext(options={"max_uses": "two"}))


def test_framing_ignores_headings_and_block_quotes() -> None:
    text = (
        "# Not just a phone, it's a camera\n\n"
        "> It is not just a phone; it is a camera.\n\n"
        "The phone is not just a phone; it's a camera.\n"
    )
    assert run_rule(style.ContrastFraming, text) == []


# -- repeated sentences --------------------------------------------------------------------

BRIDGE = "The new bridge will open to traffic in the spring of next year."


def test_repeated_sentence_names_first_line_and_offers_unsafe_fix() -> None:
    text = f"{BRIDGE} Work started in 2022.\n\nEngineers finished on Friday. {BRIDGE} Tolls will be low.\n"
    (f,) = run_rule(style.RepeatedSentence, text)
    assert f.line == 3 and f.message == "sentence repeated from line 1"
    assert f.related[0].line == 1
    assert f.fix is not None and not f.fix.safe
    assert apply(text, f) == (f"{BRIDGE} Work started in 2022.\n\nEngineers finished on Friday. Tolls will be low.\n")


def test_repeated_sentence_normalises_case_punctuation_and_markup() -> None:
    text = (
        "The minister’s plan will cost more than the council expected.\n\n"
        "*The minister's plan* will cost more than the council expected!\n\n"
        "THE MINISTER'S PLAN WILL COST MORE THAN THE COUNCIL EXPECTED\n"
    )
    found = run_rule(style.RepeatedSentence, text)
    assert [f.line for f in found] == [3, 5]
    assert all(f.fix is None for f in found)  # a whole paragraph: layout left to the writer


# Letters whose lower case is longer (İ), context-dependent (Σ), changes script block
# (the Kelvin sign) or is not a letter's, beside word punctuation and separators.
_ODD_TEXT = st.text(alphabet="aZ İΣσςΟΔKk’'-.&_:;,!? \nÉéǅ1", max_size=80)


@settings(max_examples=400, deadline=None)
@given(_ODD_TEXT)
def test_repeated_sentence_key_is_the_words_found_in_lower_case(text: str) -> None:
    """The key made from the words as written is the words found in the lower-cased prose."""
    doc = Document.from_text("d.txt", text)
    for words, s in zip(doc.sentence_words, doc.sentences, strict=True):
        expected = " ".join(WORD.findall(doc.prose_lower, s.start, s.end)).replace("’", "'")
        assert style._normalise(words, doc.prose_lower, s) == expected
        assert len(words) == len(WORD.findall(doc.prose_lower, s.start, s.end))


def test_repeated_sentence_ignores_short_headings_and_quotes() -> None:
    text = (
        "# The new bridge will open to traffic in the spring\n\n"
        "The new bridge will open to traffic in the spring.\n\n"
        "Prices rose again. Prices rose again.\n\n"
        '"We will never give up on this town and its people," she said.\n\n'
        '"We will never give up on this town and its people," he said.\n'
    )
    assert run_rule(style.RepeatedSentence, text) == []
    assert run_rule(style.RepeatedSentence, "Prices rose again. Prices rose again.\n", options={"min_words": 3})


def test_repeated_sentence_is_linear_on_a_long_draft() -> None:
    sentences = [f"Sentence {i} of this long draft says something new." for i in range(30000)]
    text = " ".join(sentences) + " " + sentences[123] + "\n"
    (f,) = run_rule(style.RepeatedSentence, text)
    assert f.message == "sentence repeated from line 1"


# -- documentation -------------------------------------------------------------------------


@pytest.mark.parametrize("rule", [*PACK.values(), style.ContrastFraming, style.RepeatedSentence], ids=str)
def test_rules_are_documented(rule: type[Rule]) -> None:
    doc = rule.documentation()
    for section in ("**What it finds**", "**Why**", "**Example**", "**Fix**"):
        assert section in doc, f"{rule.code} documentation lacks {section}"
    assert rule.examples_bad and rule.examples_good


def test_examples_do_not_trigger_other_style_rules_by_accident() -> None:
    # Each rule's good examples are plain copy for every other phrase rule too.
    for cls in PACK.values():
        for example in cls.examples_good:
            if '"' in example:
                continue
            others = [f for f in pack_findings(example) if f.rule != cls.code]
            assert others == [], f"{cls.code} good example trips {others}"


def test_finding_messages_have_no_trailing_period() -> None:
    doc_text = PADDED + "\nThe deal is not just a deal; it's a deal.\n"
    found = pack_findings(doc_text) + run_rule(style.ContrastFraming, doc_text)
    assert found and all(not f.message.endswith(".") for f in found)
    assert Document.from_text("x.md", doc_text).blocks  # the draft parses


FLAGGED: dict[str, list[list[str]]] = {
    "ST110": [["isn't just a tool, it's"], ["not just about hardware; it was"]],
    "ST111": [["The new bridge will open to traffic in the spring of next year."]],
    "ST101": [["Only time will tell"], ["In a world where"], ["The journey has only just begun"]],
    "ST102": [["game-changer"], ["a new era"], ["seamless driving experience"]],
    "ST103": [["due to the fact that"], ["utilise"]],
    "ST104": [["cutting-edge"], ["state-of-the-art"]],
    "ST105": [["In conclusion"], ["It is important to note that"]],
    "ST106": [["It could be argued"], ["Some would say"]],
    "ST107": [["could potentially"]],
    "ST108": [["arguably"]],
}
"""The text each rule flags in each of its bad examples."""


@pytest.mark.parametrize("rule", [style.ContrastFraming, style.RepeatedSentence, *PACK.values()], ids=lambda r: r.code)
def test_each_bad_example_flags_the_stated_text(rule: type[Rule]) -> None:
    check_examples(rule, FLAGGED)
