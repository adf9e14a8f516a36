"""Boilerplate: web-page clutter left in a draft copied from a browser (category ``boilerplate``).

Two halves:

* phrase rules (``rules/data/boilerplate.yaml``, BP101-BP119): single lines such as "Share this
  article", "5 min read", "Advertisement", "Posted on March 17, 2025", each matched as a whole
  block;
* structural rules (:mod:`rules.boilerplate.structural`, BP120-BP199): clutter recognised by its
  shape, such as a "Related posts" heading *with* the headline lines under it, a run of
  ``Key: value`` sidebar lines, a headline repeated in the body, a teaser cut off mid-sentence
  and repeated in full, a bare "By Name" byline or an author box after the story.

The structural rules share one linear pass over the draft
(:func:`rules.boilerplate.analysis.analyse`, cached on the document), which works line by
line on ``doc.prose`` (:mod:`rules.boilerplate.lines`) so that Markdown markers, URLs and
code are never seen. Every finding spans whole lines and offers a safe fix that deletes exactly
those lines and nothing else, so applying the fixes again once they are applied changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.boilerplate.analysis import analyse
from rules.boilerplate.lines import PACK, Region
from rules.boilerplate.structural import (
    RULES,
    AuthorBio,
    Byline,
    CompanySidebar,
    FaqBlock,
    MediaCaption,
    PageDate,
    PastedClutterLine,
    RelatedLinks,
    RepeatedHeadline,
    RepeatedLine,
    SectionLabel,
    SeoSummary,
    SiteName,
    TruncatedTeaser,
)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return list(RULES)


@hookimpl
def lint_article_packs() -> list[Path]:
    return [PACK]


plugin = HookImpls(lint_article_rules=lint_article_rules, lint_article_packs=lint_article_packs)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""

__all__ = [
    "PACK",
    "RULES",
    "AuthorBio",
    "Byline",
    "CompanySidebar",
    "FaqBlock",
    "MediaCaption",
    "PageDate",
    "PastedClutterLine",
    "Region",
    "RelatedLinks",
    "RepeatedHeadline",
    "RepeatedLine",
    "SectionLabel",
    "SeoSummary",
    "SiteName",
    "TruncatedTeaser",
    "analyse",
    "lint_article_packs",
    "lint_article_rules",
    "plugin",
]
