"""Consistency rules: one thing written or stated two ways, in one draft or across the drafts
of a run. They need no fact base; with one, names the fact base calls aliases of one entity
are not conflicts.

Per draft:

* CS101 ``term-forms`` (:mod:`.terms`): one name or term written in two forms (case, hyphen
  or space, diacritics).
* CS102 ``spelling-variety`` (:mod:`.spelling`): American and British spellings mixed (and
  ``-ize``/``-ise``).

Across drafts (corpus phase; records are small and grouped by key, never compared pairwise):

* CS110 ``term-forms-across-drafts`` (:mod:`.across`): one name written in different forms in
  different drafts.
* CS111 ``role-holder-conflict`` (:mod:`.roles`): two people given the same title at the same
  organisation.
* CS112 ``quote-speaker-conflict`` (:mod:`.quotes`): one quotation attributed to different
  speakers.
* CS113 ``figure-conflict`` (:mod:`.figures`): one figure reported with different values.

:mod:`.words` holds the words of a draft that CS101, CS110, CS113 and CS102 share.
"""

from __future__ import annotations

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.consistency.across import TermFormsAcrossDrafts
from rules.consistency.figures import FigureConflict
from rules.consistency.quotes import QuoteSpeakerConflict
from rules.consistency.roles import RoleHolderConflict
from rules.consistency.spelling import SpellingVariety, spelling_table
from rules.consistency.terms import TermForms

__all__ = [
    "FigureConflict",
    "QuoteSpeakerConflict",
    "RoleHolderConflict",
    "SpellingVariety",
    "TermForms",
    "TermFormsAcrossDrafts",
    "lint_article_rules",
    "plugin",
    "spelling_table",
]


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [
        TermForms,
        SpellingVariety,
        TermFormsAcrossDrafts,
        RoleHolderConflict,
        QuoteSpeakerConflict,
        FigureConflict,
    ]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
