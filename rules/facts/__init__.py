"""Facts: what the draft says that the editors' fact base contradicts (category ``facts``).

Every rule here needs a fact base (``--facts FILE``; see :mod:`lint.facts`) and yields
nothing without one. They never guess beyond it: a name, title, number or date is flagged
only when the fact base holds the matching entry and the draft says something else.

* FA101 ``avoided-name`` (:mod:`.names`): a known-wrong form of a name ("Harmony OS" for
  HarmonyOS NEXT);
* FA102 ``wrong-title`` (:mod:`.roles`): a person given a title at an organisation that the
  fact base gives differently;
* FA103 ``post-holder`` (:mod:`.roles`): someone named as holding a post that someone else
  held on the draft's date (typically a former chief executive named as the current one);
* FA104 ``figure-mismatch`` (:mod:`.figures`): a number that differs from a known figure;
* FA105 ``event-date`` (:mod:`.events`): an event dated differently from the fact base;
* FA106 ``false-claim`` (:mod:`.claims`): a statement the fact base lists as false.

:mod:`.common` holds what they share.
"""

from __future__ import annotations

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.facts.claims import FalseClaim
from rules.facts.events import EventDate
from rules.facts.figures import FigureMismatch
from rules.facts.names import AvoidedName
from rules.facts.roles import PostHolder, WrongTitle

__all__ = [
    "FACT_RULES",
    "AvoidedName",
    "EventDate",
    "FalseClaim",
    "FigureMismatch",
    "PostHolder",
    "WrongTitle",
    "lint_article_rules",
    "plugin",
]

FACT_RULES: tuple[type[Rule], ...] = (AvoidedName, WrongTitle, PostHolder, FigureMismatch, EventDate, FalseClaim)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return list(FACT_RULES)


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
