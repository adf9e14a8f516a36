"""Attribution rules: who said it, and where a number comes from.

* AT101 ``unattributed-quotation`` (:mod:`.quotations`): direct speech with no speaker.
* AT102 ``unsourced-statistic`` (:mod:`.statistics`, with :mod:`.cues` and :mod:`.context`):
  a figure asserted as a finding with no source.
* AT103.. vague or anonymous attribution: a phrase pack, ``rules/data/attribution.yaml``.

Quotations and their speakers come from :mod:`lint.analysis.quotes`; numbers from
:func:`lint.analysis.amounts.parse_amounts`.
"""

from __future__ import annotations

from pathlib import Path

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.attribution.quotations import UnattributedQuotation
from rules.attribution.statistics import UnsourcedStatistic

__all__ = ["PACK", "UnattributedQuotation", "UnsourcedStatistic", "lint_article_packs", "lint_article_rules", "plugin"]

PACK = Path(__file__).parent.parent / "data" / "attribution.yaml"


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [UnattributedQuotation, UnsourcedStatistic]


@hookimpl
def lint_article_packs() -> list[Path]:
    return [PACK] if PACK.exists() else []


plugin = HookImpls(lint_article_rules=lint_article_rules, lint_article_packs=lint_article_packs)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
