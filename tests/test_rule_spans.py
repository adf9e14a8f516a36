"""Every built-in rule's examples state the text they flag, and no rule goes without.

The attribution, consistency, facts and grammar spans are stated here; boilerplate, style and
readability state theirs beside their own tests. All go through :mod:`tests.spans`, and
``test_every_rule_states_its_spans`` runs over the real registry (pack rules included), so a
new rule whose examples do not say what they flag fails the suite.
"""

from __future__ import annotations

from typing import Any

import pytest

from lint.rule import Rule, RunContext
from tests.fake_languagetool import FakeLanguageTool
from tests.spans import CorpusTable, Table, check_corpus_examples, check_examples
from tests.test_boilerplate import FLAGGED as BOILERPLATE
from tests.test_readability import FLAGGED as READABILITY
from tests.test_rule_docs import BUILTIN, RULES
from tests.test_style import FLAGGED as STYLE

FLAGGED: dict[str, list[list[str]]] = {
    # attribution: the quotation with its marks, the figures, the phrase that hides the source
    "AT101": [
        ['"We will reopen it as soon as the new line is ready, probably before winter."'],
        ["“Nobody can plan a delivery route with numbers like these.”"],
        ['"We will reopen it as soon as the new line is ready, probably before winter."'],
    ],
    "AT102": [["13%"], ["37% to €2.1bn"]],
    "AT103": [["It is reported that"], ["reportedly"]],
    "AT104": [["Sources close to the board say"], ["people familiar with the matter"]],
    "AT105": [["Experts believe"], ["some say"], ["Studies show"]],
    # consistency within a draft: the minority form, or the word of the other spelling
    "CS101": [["grid scale"], ["HarmonyOS Next"], ["Tomas"], ["Atacama desert"], ["Fourth quarter"]],
    "CS102": [["color"], ["realized"]],
    # facts: the wrong form, title, holder, figure or date, or the false claim
    "FA101": [["Harmony OS"], ["HarmonyOS Next"]],
    "FA102": [["chairman"], ["vice president"]],
    "FA103": [["Jonas Brandt"], ["Tom Reyes"]],
    "FA104": [["€13.5 billion"], ["11 billion euros"]],
    "FA105": [["May 3"], ["3 May 2024"]],
    "FA106": [["iDrive X, which runs on Android Automotive"]],
    # grammar: the word LanguageTool (here the fake server) reports
    "GR101": [["recieve"]],
}
"""The text each rule flags in each of its bad examples."""

ACROSS: dict[str, list[list[tuple[str, str]]]] = {
    "CS110": [[("c.md", "HarmonyOS Next")], [("b.md", "TimeWarner")]],
    "CS111": [[("b.md", "Alan Jones")]],
    "CS112": [[("b.md", '"We will open ten new stores in the north next year."')]],
    "CS113": [[("b.md", "€45.2 billion")], [("b.md", "31%")]],
}
"""Cross-draft rules: in each example group of drafts, the draft flagged and the text there."""

TABLES: list[Table] = [BOILERPLATE, STYLE, READABILITY, FLAGGED]
CORPUS_TABLES: list[CorpusTable] = [ACROSS]
BY_CODE = {r.code: r for r in BUILTIN}
SERVICE_SETTINGS = {"languagetool_timeout": 5.0}


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_every_rule_states_its_spans(rule: type[Rule]) -> None:
    """A built-in rule with bad examples is in one span table; one with cross-draft examples
    in one cross-draft table (the checks then hold it to one entry per example)."""
    if rule.examples_bad:
        owners = [t for t in TABLES if rule.code in t]
        assert len(owners) == 1, f"{rule.code}: state the text each bad example flags in one span table"
    if getattr(rule, "examples_corpus", ()):
        owners_across = [t for t in CORPUS_TABLES if rule.code in t]
        assert len(owners_across) == 1, f"{rule.code}: state the text each cross-draft example flags"


def test_tables_name_only_registered_rules_with_such_examples() -> None:
    registered = {r.code: r for r in RULES}
    for table in TABLES:
        for code in table:
            assert code in registered and registered[code].examples_bad, f"{code} is stale in a span table"
    for table in CORPUS_TABLES:
        for code in table:
            assert getattr(registered.get(code), "examples_corpus", ()), f"{code} is stale in a cross-draft table"


def _no_service(code: str) -> bool:
    return not getattr(BY_CODE[code], "examples_need_service", False)


@pytest.mark.parametrize("code", [c for c in FLAGGED if _no_service(c)])
def test_each_bad_example_flags_the_stated_text(code: str) -> None:
    check_examples(BY_CODE[code], FLAGGED)


@pytest.mark.parametrize("code", list(ACROSS))
def test_each_cross_draft_example_flags_the_stated_text(code: str) -> None:
    check_corpus_examples(BY_CODE[code], ACROSS)


@pytest.mark.parametrize("code", [c for c in FLAGGED if not _no_service(c)])
def test_service_examples_flag_the_stated_text_against_a_fake_languagetool(code: str) -> None:
    with FakeLanguageTool() as lt:
        settings: dict[str, Any] = {**SERVICE_SETTINGS, "languagetool": lt.url}
        check_examples(BY_CODE[code], FLAGGED, RunContext(settings=settings))
