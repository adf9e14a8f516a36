"""Tests of the boilerplate family: rules/boilerplate/ (structure) and rules/data/boilerplate.yaml
(phrases). Every draft here is written for the tests; the company and people are invented."""

from __future__ import annotations

import re

import pytest

import rules.boilerplate as bp
from lint.document import Document
from lint.fixes import apply_fixes
from lint.model import Finding
from lint.packs import PhraseRule, load_pack
from lint.rule import Rule, RunContext, validate_rule_class
from lint.testing import run_rule
from rules.boilerplate.lines import count_words, more_words_than
from tests.spans import check_examples

PACK_RULES: list[type[PhraseRule]] = load_pack(bp.PACK)
ALL_RULES: list[type[Rule]] = [*bp.RULES, *PACK_RULES]


def lint(text: str, path: str = "draft.txt") -> list[Finding]:
    doc = Document.from_text(path, text)
    found: list[Finding] = []
    for cls in ALL_RULES:
        found.extend(cls(RunContext()).check(doc))
    return sorted(found, key=Finding.sort_key)


def spans(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.span.line, f.span.end_line) for f in findings]


def squeeze(text: str) -> str:
    """Blank-line runs left where adjacent lines were removed by separate fixes, collapsed
    (lint.fixes applies each finding's removal on its own)."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def fix_all(text: str, path: str) -> str:
    """Apply safe fixes until nothing changes, as ``--fix`` does."""
    for _ in range(5):
        fixes = [f.fix for f in lint(text, path) if f.fix is not None and f.fix.safe]
        text, applied = apply_fixes(text, fixes)
        if not applied:
            return text
    raise AssertionError("fixes did not converge")


# -- a plain-text draft pasted from a web page, with every kind of clutter -----------------

TITLE = "Nordwind Motors picks Voltara software for its Chinese models"
LEAD = (
    "Nordwind Motors will use the Voltara operating system in cars it builds in China from next year, "
    "the carmaker said on"
)
QUOTE = '"Drivers in China expect their phones and their cars to work together," said Mia Lindqvist, who runs the unit.'
SECOND = "The first models with the new software will be built in Tianjin. Sales of the brand fell by 9% last year."

WEB_TXT = f"""Autos

{TITLE}

Published by Motor Daily Review

Posted on April 2, 2025

4 min read

· Last updated: April 3, 2025

Follow us on Google News
{TITLE}
Motor Daily Awards 2025 — Call for Entries

HAMBURG - {LEAD}

Nordwind.com
Nordwind.com
AutosEVsSoftware
Headquarters: Hamburg, Germany
Employees: 5001-10000
Founded: 1952

{LEAD} Tuesday.

{QUOTE}

Advertisement

Nordwind Weibo: Nordwind and Voltara sign software deal

{SECOND}

Key Takeaways
  • Nordwind will use Voltara software in China.
  • Production starts next year in Tianjin.

Frequently Asked Questions

What did Nordwind announce?
It will use Voltara software in its Chinese models.
When do the cars arrive?
Next year.

Related Posts
Nordwind unveils electric estate concept
Voltara opens research centre in Shenzhen

Tags: Nordwind, Voltara, China

More from Autos
"""

WEB_TXT_EXPECTED = [
    ("BP126", 1, 1),  # section label named again by "More from Autos"
    ("BP105", 5, 5),  # Published by
    ("BP105", 7, 7),  # Posted on <date>
    ("BP102", 9, 9),  # reading time
    ("BP105", 11, 11),  # Last updated
    ("BP101", 13, 13),  # follow prompt
    ("BP127", 14, 14),  # headline repeated
    ("BP108", 15, 15),  # promo banner
    ("BP128", 17, 17),  # truncated teaser
    ("BP124", 19, 20),  # lone domain, twice
    ("BP123", 21, 24),  # sidebar with the glued tag line above it
    ("BP103", 30, 30),  # advertisement
    ("BP129", 32, 32),  # embedded post caption
    ("BP121", 36, 38),  # key takeaways with items
    ("BP122", 40, 45),  # FAQ with questions and answers
    ("BP120", 47, 49),  # related posts with their headlines
    ("BP106", 51, 51),  # tags
    ("BP120", 53, 53),  # more from
]

WEB_TXT_CLEAN = f"""{TITLE}

{LEAD} Tuesday.

{QUOTE}

{SECOND}
"""


def test_every_kind_of_clutter_in_a_plain_text_draft_is_found_at_its_lines() -> None:
    assert spans(lint(WEB_TXT)) == WEB_TXT_EXPECTED


def test_findings_are_boilerplate_with_messages_that_quote_the_evidence() -> None:
    found = lint(WEB_TXT)
    assert {f.category for f in found} == {"boilerplate"}
    for f in found:
        assert f.message and not f.message.endswith(".")
        assert f.fix is not None and f.fix.safe
    by_line = {f.span.line: f.message for f in found}
    assert "'4 min read'" in by_line[9]
    assert "first at line 3" in by_line[14]
    assert "line 26" in by_line[17]  # where the full text is
    assert "Headquarters" in by_line[21] and "Founded" in by_line[21]
    assert "2 linked headlines" in by_line[47]


def test_finding_spans_cover_the_whole_clutter_block() -> None:
    found = {f.span.line: f for f in lint(WEB_TXT)}
    related = found[47]
    assert WEB_TXT[related.span.start : related.span.end] == (
        "Related Posts\nNordwind unveils electric estate concept\nVoltara opens research centre in Shenzhen"
    )
    bullet = found[11]  # the bullet dot is not clutter text but the line is removed whole
    assert WEB_TXT[bullet.span.start : bullet.span.end].endswith("Last updated: April 3, 2025")


def test_fix_removes_exactly_the_clutter_and_is_idempotent() -> None:
    fixed = fix_all(WEB_TXT, "draft.txt")
    assert squeeze(fixed) == WEB_TXT_CLEAN
    assert lint(fixed) == []
    again, applied = apply_fixes(fixed, [f.fix for f in lint(fixed) if f.fix])
    assert (again, applied) == (fixed, 0)


# -- Markdown -----------------------------------------------------------------------------

WEB_MD = f"""---
title: {TITLE}
date: 2025-04-02
---

# {TITLE}

By Team Motorwire April 2, 2025

Share this article

{LEAD} Tuesday.

## Why China is different

{QUOTE}

Story continues below advertisement

{SECOND}

## Related articles

- [Nordwind unveils electric estate concept](https://example.com/estate)
- [Voltara opens research centre in Shenzhen](https://example.com/shenzhen)

Tags: Nordwind, Voltara
"""

WEB_MD_CLEAN = f"""---
title: {TITLE}
date: 2025-04-02
---

# {TITLE}

{LEAD} Tuesday.

## Why China is different

{QUOTE}

{SECOND}
"""


def test_markdown_draft_clutter_is_found_and_real_headings_are_not() -> None:
    assert spans(lint(WEB_MD, "draft.md")) == [
        ("BP105", 8, 8),
        ("BP101", 10, 10),
        ("BP103", 18, 18),
        ("BP120", 22, 25),
        ("BP106", 27, 27),
    ]


def test_markdown_fix_keeps_front_matter_title_and_sections() -> None:
    fixed = fix_all(WEB_MD, "draft.md")
    assert squeeze(fixed) == WEB_MD_CLEAN
    assert lint(fixed, "draft.md") == []


def test_clutter_pasted_without_blank_lines_into_a_markdown_paragraph() -> None:
    text = (
        f"# {TITLE}\n\nBy Team Motorwire April 2, 2025\n4 min read\n{TITLE}\n\n{LEAD} Tuesday.\n"
        "Related Posts\nNordwind unveils electric estate concept\n"
    )
    assert spans(lint(text, "draft.md")) == [("BP131", 3, 3), ("BP131", 4, 4), ("BP127", 5, 5), ("BP120", 8, 9)]
    assert "(BP102)" in lint(text, "draft.md")[1].message
    assert squeeze(fix_all(text, "draft.md")) == f"# {TITLE}\n\n{LEAD} Tuesday.\n"


def test_front_matter_title_repeated_as_first_heading_is_the_title_not_a_repeat() -> None:
    text = f"---\ntitle: {TITLE}\n---\n\n# {TITLE}\n\n{LEAD} Tuesday.\n"
    assert lint(text, "draft.md") == []
    text = f"---\ntitle: {TITLE}\n---\n\n{LEAD} Tuesday.\n\n{TITLE}\n"
    assert spans(lint(text, "draft.md")) == [("BP127", 7, 7)]


# -- each structure on its own ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a link block with list items in Markdown
        (
            "The plant opens next year.\n\n### Most read\n\n- [Voltara hires 300](https://example.com/a)\n"
            "- [Tianjin plant expands](https://example.com/b)\n\nThe site employs 400 people today.\n",
            [("BP120", 3, 6)],
        ),
        # "Read more: <headline>" on one line, prose resumes after it
        (
            "The plant opens next year.\n\nREAD MORE: Voltara opens research centre in Shenzhen\n\n"
            "It will employ 400 people, the company said on Tuesday.\n",
            [("BP120", 3, 3)],
        ),
        # link labels stop before a real subheading followed by prose (plain text)
        (
            "Nordwind news\n\nThe plant opens next year, the company said on Tuesday morning.\n\nRead more\n\n"
            "Why it matters\n\nThe plant is the first of its kind in the region, analysts said.\n",
            [("BP120", 5, 5)],
        ),
        # FAQ in Markdown with question headings and paragraph answers
        (
            "The plant opens next year.\n\n## FAQ\n\n### When does it open?\n\nNext year.\n\n"
            "### Who runs it?\n\nMia Lindqvist.\n",
            [("BP122", 3, 11)],
        ),
        # TL;DR with items
        ("The plant opens next year.\n\nTL;DR\n- It opens next year.\n- It hires 400.\n", [("BP121", 3, 5)]),
        # breadcrumb
        ("Home > Autos > China\n\n# Plant opens\n\nThe plant opens next year.\n", [("BP126", 1, 1)]),
        # a date alone under the headline, and a relative time
        ("# Plant opens\n\n2 hours ago\n\nThe plant opens next year, the company said.\n", [("BP125", 3, 3)]),
        # photo credit in plain text
        ("Plant opens\nThe plant opens next year.\nPhoto credit: Example Images\n", [("BP129", 3, 3)]),
        # cookie banner, site chrome, wire credit
        ("The plant opens next year.\n\nWe use cookies to give you the best experience.\n", [("BP104", 3, 3)]),
        ("The plant opens next year.\n\nLeave a comment\n", [("BP107", 3, 3)]),
        ("The plant opens next year.\n\n(Reporting by Jane Roe; Editing by John Doe)\n", [("BP109", 3, 3)]),
        # a one-word site name repeated
        ("Motorwire\nMotorwire\nPlant opens\nThe plant opens next year.\n", [("BP124", 1, 2)]),
        # a social share row
        ("The plant opens next year.\n\nFacebook Twitter LinkedIn Email\n", [("BP101", 3, 3)]),
        # bylines: names in any script, with particles, roles and several writers
        ("# Plant opens\n\nBy Łucja Wąs\n\nThe plant opens next year, the company said.\n", [("BP132", 3, 3)]),
        (
            "# Plant opens\n\nBy Ayo Bello and Hoàng Thị Mai, Industry desk\n\nThe plant opens next year.\n",
            [("BP132", 3, 3)],
        ),
        ("# Plant opens\n\nReporting by Pieter van der Berg\n\nThe plant opens next year.\n", [("BP132", 3, 3)]),
        # a joined particle and run-together initials are parts of a name
        ("# Plant opens\n\nBy Samira el-Khoury and D.K. Mensah\n\nThe plant opens next year.\n", [("BP132", 3, 3)]),
        # an author box after the story, about someone the story never names
        (
            "# Plant opens\n\nThe plant opens next year, the company said on Tuesday.\n\n"
            "Siobhán Ní Bhriain is our motoring correspondent. She lives in Cork.\n",
            [("BP133", 5, 5)],
        ),
        (
            "# Plant opens\n\nThe plant opens next year, the company said on Tuesday.\n\n"
            "About the author: Kwame Mensah writes about factories and trade.\n",
            [("BP133", 5, 5)],
        ),
        (
            "# Plant opens\n\nThe plant opens next year, the company said on Tuesday.\n\n"
            "A.B. Chukwu has reported on the motor trade for a decade.\n",
            [("BP133", 5, 5)],
        ),
        # web prompts in wording of our own: a reading-time widget, an email prompt, skip links,
        # a comment prompt, a row of share buttons
        ("# Plant opens\n\nTime to listen: 7 min\n\nThe plant opens next year.\n", [("BP102", 3, 3)]),
        (
            "The plant opens next year.\n\nLiked this? Get the weekend digest in your inbox\n\nIt will hire 400.\n",
            [("BP101", 3, 3)],
        ),
        ("Jump to footer\n\n# Plant opens\n\nThe plant opens next year.\n", [("BP107", 1, 1)]),
        ("The plant opens next year.\n\nStart the discussion (12)\n", [("BP107", 3, 3)]),
        ("The plant opens next year.\n\nShare via Telegram  Share via Email  Print\n", [("BP101", 3, 3)]),
        # a teaser cut with an ellipsis
        (
            "# Plant\n\nNordwind Motors will use the Voltara system in cars it builds in China from…\n\n"
            "Nordwind Motors will use the Voltara system in cars it builds in China from next year.\n",
            [("BP128", 3, 3)],
        ),
    ],
)
def test_structures(text: str, expected: list[tuple[str, int, int]]) -> None:
    path = "draft.txt" if text.startswith(("Plant", "Motorwire", "Nordwind news")) else "draft.md"
    assert spans(lint(text, path)) == expected


# -- near misses: edited prose must stay clean ------------------------------------------------

NEAR_MISSES_TXT = """Nordwind Motors expands in China

Readers who want to read more about the deal can find the filing on the company website.

The advertisement campaign starts in May, the marketing chief said, and will run on Voltara.com too.

Note: all figures are in euros.

Lindqvist: We are ready for this.
Reporter: Are the suppliers ready?

"Share this article with your team," the memo told managers, according to two people who saw it.

Why it matters

The plant is the first of its kind in the region, analysts said on Tuesday morning.

Why it matters

A second plant would follow in 2027 if sales held up, the company said in a statement.

Sales rose. Sales rose again in the third quarter, helped by strong demand for the estate model.

Related risks

Suppliers warned that costs could rise if the new software needs more powerful chips.

By the end of the year

Henrik Aalto is the plant manager and has covered the night shift since June, Henrik Aalto said.

By Monday evening
"""


def test_near_misses_in_plain_text_are_not_flagged() -> None:
    assert lint(NEAR_MISSES_TXT) == []


def test_a_heading_that_reads_like_a_byline_is_not_one() -> None:
    text = "# Plant opens\n\n## By Popular Demand\n\nThe night shift returns in May, the company said.\n"
    assert lint(text, "draft.md") == []


NEAR_MISSES_MD = """# Nordwind Motors expands in China

The company posts updates at `https://example.com/share-this-article` and `Voltara.com`.

```text
Share this article
Advertisement
Related Posts
Location: Hamburg
Employees: 5000
```

## Key risks

Costs may rise.

## Timeline

The carmaker has been building up its Chinese business for more than a decade now.

### 3 March 2025

The site was chosen after a long search that took the company across three provinces.

### 19 March 2025

The first supplier contracts were signed with two battery makers and a software firm.

Readers can share this story, the editor said, as long as they credit the photographer.

![The new plant](plant.jpg)
Photo: Example Images

In Hungary, Nordwind Motors expands in China-style production, the union said of the
new shift model, which it called Related Posts in a leaflet.
"""


def test_near_misses_in_markdown_are_not_flagged() -> None:
    assert lint(NEAR_MISSES_MD, "draft.md") == []


def test_wrapped_prose_line_that_looks_like_a_date_is_not_flagged() -> None:
    text = (
        "# Plant opens\n\nThe company said in a statement that the first cars would leave the line on\n"
        "March 19, 2025\nand go on sale in the spring, with deliveries to dealers soon after.\n"
    )
    assert lint(text, "draft.md") == []


def test_date_lines_of_a_timeline_are_not_page_dates_but_a_date_at_the_foot_is() -> None:
    timeline = (
        "Nordwind in China\n\nThe carmaker has been building up its business in China for a decade.\n\n"
        "3 March 2025\nSite chosen.\n\n19 March 2025\nTalks with suppliers end.\n"
    )
    assert lint(timeline) == []
    footer = (
        "Plant opens\n\nThe carmaker will open its plant next year, the company said on Tuesday.\n\n19 March 2025\n"
    )
    assert spans(lint(footer)) == [("BP125", 5, 5)]


def test_lists_of_facts_that_are_not_company_profiles_are_not_flagged() -> None:
    match = (
        "Final preview\n\nVenue: City Stadium\nDate: 12 April\nKick-off: 15:00\n\n"
        "Both sides need a win to stay in the top four, their managers said on Friday.\n"
    )
    awards = (
        "Award winners\n\nBest film: The Long Road\nBest actor: Sam Reed\nBest actress: Ana Cruz\n\n"
        "The ceremony was held in London on Sunday night in front of 2,000 guests.\n"
    )
    assert lint(match) == [] and lint(awards) == []


def test_a_repeated_chrome_word_is_reported_once_per_line_by_its_phrase_rule() -> None:
    text = "Plant opens\nMenu\nMenu\nThe carmaker will open its plant next year, the company said.\n"
    assert spans(lint(text)) == [("BP107", 2, 2), ("BP107", 3, 3)]


def test_writers_own_list_under_a_real_heading_is_kept() -> None:
    text = (
        "# Plant opens\n\nThe carmaker will open its plant next year, the company said on Tuesday.\n\n"
        "## What we know\n\n- The plant is in Tianjin.\n- It will employ 400 people.\n"
    )
    assert lint(text, "draft.md") == []


def test_short_single_key_value_and_dialogue_are_not_a_sidebar() -> None:
    assert run_rule(bp.CompanySidebar, "Founded: 1952\n\nThe plant opens next year.\n", "d.txt") == []
    dialogue = "Host: Where is the plant?\nLindqvist: In Tianjin.\nHost: And the staff?\nLindqvist: 400.\n"
    assert run_rule(bp.CompanySidebar, dialogue, "d.txt") == []


def test_headline_shorter_than_four_words_may_repeat() -> None:
    text = "Plant opens\n\nThe plant opens next year, the company said.\n\nPlant opens\n"
    assert lint(text) == []


# -- rule definitions ---------------------------------------------------------------------------


def test_hooks_provide_rules_and_the_pack() -> None:
    assert bp.lint_article_rules() == list(bp.RULES)
    assert bp.lint_article_packs() == [bp.PACK]
    codes = [cls.code for cls in ALL_RULES]
    names = [cls.name for cls in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for cls in ALL_RULES:
        validate_rule_class(cls)
        assert re.fullmatch(r"BP1\d\d", cls.code)
        assert cls.category == "boilerplate"


@pytest.mark.parametrize("cls", ALL_RULES, ids=lambda c: c.code)
def test_rule_documentation_and_examples(cls: type[Rule]) -> None:
    doc = cls.documentation()
    assert "**Why**" in doc and "**Fix**" in doc
    assert cls.examples_bad and cls.examples_good
    for text in cls.examples_bad:
        assert run_rule(cls, text), f"{cls.code} misses {text!r}"
    for text in cls.examples_good:
        assert run_rule(cls, text) == [], f"{cls.code} flags {text!r}"


def test_long_draft_finds_the_block_at_its_end() -> None:
    para = "The plant opens next year and will employ 400 people, the company said on Tuesday.\n\n"
    text = "# Plant\n\n" + para * 3000 + "Related Posts\nVoltara hires staff\n"
    found = lint(text, "draft.md")
    assert spans(found) == [("BP120", 6003, 6004)]


def test_word_thresholds_count_no_further_than_needed() -> None:
    text = "one two three four five six seven"
    assert count_words(text) == 7 and count_words(text, 3) == 3
    assert more_words_than(text, 6) and not more_words_than(text, 7)


FLAGGED: dict[str, list[list[str]]] = {
    "BP120": [
        ["Related Posts\n\nCarmaker opens plant in Hungary\n\nNew battery factory hires 2,000 staff"],
        ["## You may also like\n\n- … plant](https://example.com/a)\n- [Battery maker expands](https://example.com/b)"],
        ["Read more: Carmaker opens plant in Hungary"],
    ],
    "BP121": [["## Key Takeaways\n\n- The plant opens next year.\n- It will employ 400."]],
    "BP122": [["## Frequently Asked Questions\n\n### When … How many jobs?\n\nAbout 400."]],
    "BP123": [["Location: Hamburg, Germany\nEmployees: 5001-10000\nFounded: 1952"]],
    "BP124": [["Motorwire.com"]],
    "BP125": [["March 19, 2025, 9:45 am"]],
    "BP126": [["Autos"], ["Home > News > Autos"]],
    "BP127": [["Carmaker picks Hungary for new plant"]],
    "BP128": [["The carmaker will build a new plant in Hungary to supply its electric models from"]],
    "BP129": [["Image credit: Example Motors"], ["Example Motors Weibo: New plant opens in Hungary"]],
    "BP130": [["Electric cars"]],
    "BP131": [["Posted on April 2, 2025", "4 min read"]],
    "BP132": [["By Marta Øvergård, Business reporter"], ["Words by Jo Li and Tomás de la Peña"]],
    "BP133": [
        ["Ines Duarte is our transport correspondent. She writes about rail and cities."],
        ["About the author: Lê Văn Minh covers industry from Hanoi."],
    ],
    "BP101": [["Share this article"], ["Follow us on Google News and LinkedIn"], ["Add as preferred source on Google"]],
    "BP102": [["5 min read"], ["Reading time: 4 minutes"]],
    "BP103": [["Advertisement"], ["Story continues below advertisement"]],
    "BP104": [["We use cookies to improve your experience on our site."], ["Accept all cookies"]],
    "BP105": [
        ["Posted on March 17, 2025"],
        ["By Team Motorwire March 3, 2025"],
        ["Last updated: 4 February 2025, 10:15 GMT"],
        ["Published by Weekly Motor Gazette"],
    ],
    "BP106": [["Tags: electric cars, China, software"], ["Filed under: Autos | Technology"]],
    "BP107": [["Back to top"], ["12 Comments"], ["© 2025 Example Media Ltd. All rights reserved."]],
    "BP108": [["Motor Industry Awards 2026 — Call for Entries"], ["Download our app for the latest motoring news"]],
    "BP109": [["(Reporting by Jane Doe; Editing by John Roe)"]],
}
"""The text each rule flags in each of its bad examples (structural rules, then the pack's)."""


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_each_bad_example_flags_the_stated_text(rule: type[Rule]) -> None:
    check_examples(rule, FLAGGED)
