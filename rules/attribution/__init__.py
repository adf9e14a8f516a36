"""Attribution rules: who said it, and where a number comes from.

* AT101 ``unattributed-quotation`` (:mod:`.quotations`): direct speech with no speaker.
* AT102 ``unsourced-statistic`` (:mod:`.statistics`, with :mod:`.cues` and :mod:`.context`):
  a figure asserted as a finding with no source.
* AT103-AT105 vague or anonymous attribution (:mod:`.vague`): the phrase pack
  ``rules/data/attribution.yaml``, read in its paragraph.

Quotations and their speakers come from :mod:`lint.analysis.quotes`; numbers from
:func:`lint.analysis.amounts.parse_amounts`.
"""

from __future__ import annotations

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.attribution.quotations import UnattributedQuotation
from rules.attribution.statistics import UnsourcedStatistic
from rules.attribution.vague import PACK, vague_rules

__all__ = ["PACK", "UnattributedQuotation", "UnsourcedStatistic", "lint_article_rules", "plugin"]


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [UnattributedQuotation, UnsourcedStatistic, *vague_rules()]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
