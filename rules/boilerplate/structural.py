"""The structural boilerplate rules, BP120-BP133: one rule per kind of region that
:func:`rules.boilerplate.analysis.analyse` finds. Every finding spans whole lines and
offers a safe fix deleting exactly those lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from lint.document import Block, Document
from lint.model import Finding, Severity
from lint.packs import remove_block_fix
from lint.rule import Rule
from rules.boilerplate.analysis import analyse
from rules.boilerplate.lines import Region

# -- rules --------------------------------------------------------------------------------


class _StructuralRule(Rule):
    category = "boilerplate"
    severity = Severity.WARNING
    fixable = True
    kind: ClassVar[str] = ""

    def check(self, doc: Document) -> Iterable[Finding]:
        for region in analyse(doc):
            if region.kind == self.kind:
                yield self._finding(doc, region)

    def _finding(self, doc: Document, r: Region) -> Finding:
        start, end = doc.line_start(r.first), doc.line_end(r.last)
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        block = Block(-1, "paragraph", start, end, r.first, r.last)
        fix = remove_block_fix(doc, block, True, last_line=r.last)
        return self.finding(doc, start, end, r.message, fix=fix)


class RelatedLinks(_StructuralRule):
    """Flags "Related posts", "More from ...", "Read more" blocks with their linked headlines.

    **What it finds**: a line that is the label of a web page's link block ("Related Post",
    "Related Articles", "More from Autos", "Explore more articles in the Autos category",
    "You may also like", "Most read", "Read more: <headline>") together with the headline lines
    that follow it (short, title-like lines, without a full stop, or list items). The finding
    spans the label and all its headlines.

    **Why**: the links pointed at other articles of the site the text was copied from; without
    the links they are stray headlines that would be published as text.

    **Example**::

        Related Posts
        Carmaker opens plant in Hungary
        New battery factory hires 2,000 staff

    **Fix**: removing the lines is safe; running prose after the block is never included.
    """

    code = "BP120"
    name = "related-links"
    kind = "related-links"
    examples_bad = (
        "The plant opens next year.\n\nRelated Posts\n\nCarmaker opens plant in Hungary\n\n"
        "New battery factory hires 2,000 staff\n",
        "The plant opens next year.\n\n## You may also like\n\n- [Carmaker opens plant](https://example.com/a)\n"
        "- [Battery maker expands](https://example.com/b)\n",
        "The plant opens next year.\n\nRead more: Carmaker opens plant in Hungary\n\nThe site will employ 400.\n",
    )
    examples_good = (
        "Analysts expect the firm to read more into the data before it decides on a second plant.\n",
        "# New plant\n\nThe plant opens next year.\n\n## Related risks\n\nSuppliers warned that costs could rise.\n",
    )


class SeoSummary(_StructuralRule):
    """Flags SEO summary blocks: "Key Takeaways", "TL;DR", "In this article" and their items.

    **What it finds**: a "Key Takeaways" (or "TL;DR", "AI summary", "Table of contents", "In
    this article") line and the list items or short lines that follow it.

    **Why**: the page generated these summaries and menus; they repeat the article and would be
    published twice.

    **Example**::

        Key Takeaways
        - The plant opens next year.
        - It will employ 400 people.

    **Fix**: removing the lines is safe.
    """

    code = "BP121"
    name = "seo-summary"
    kind = "seo-summary"
    examples_bad = (
        "The plant opens next year.\n\n## Key Takeaways\n\n- The plant opens next year.\n- It will employ 400.\n",
    )
    examples_good = ("The main takeaways from the meeting were that costs will rise and hiring will slow.\n",)


class FaqBlock(_StructuralRule):
    """Flags "Frequently Asked Questions" blocks with their questions and answers.

    **What it finds**: a "Frequently Asked Questions" / "FAQ" / "People also ask" line and the
    question lines (ending in "?") and short answers that follow it.

    **Why**: search-engine FAQ blocks are generated around the article; they repeat it in
    question form and are not part of the story.

    **Example**::

        Frequently Asked Questions
        When does the plant open?
        The plant opens next year.

    **Fix**: removing the lines is safe.
    """

    code = "BP122"
    name = "faq-block"
    kind = "faq-block"
    examples_bad = (
        "The plant opens next year.\n\n## Frequently Asked Questions\n\n### When does it open?\n\n"
        "It opens next year.\n\n### How many jobs?\n\nAbout 400.\n",
    )
    examples_good = ("The company published a list of frequently asked questions for suppliers on Monday.\n",)


class CompanySidebar(_StructuralRule):
    """Flags company information sidebars: runs of ``Key: value`` lines.

    **What it finds**: two or more consecutive short ``Key: value`` lines, at least two of them
    with a company-profile key (Location, Headquarters, Employees, Founded date, Industry,
    Website, Revenue, CEO...), plus stray one-word lines glued to the run. The run is the
    finding.

    **Why**: the source page showed a profile box next to the article; copied into a draft it
    is a list of facts out of context, often stale.

    **Example**::

        Location: Hamburg, Germany
        Employees: 5001-10000
        Founded date: 1952

    **Fix**: removing the lines is safe. A single "Note: ..." line or quoted dialogue
    ("Smith: We will see.") is not a sidebar.
    """

    code = "BP123"
    name = "company-sidebar"
    kind = "company-sidebar"
    examples_bad = ("Location: Hamburg, Germany\nEmployees: 5001-10000\nFounded: 1952\n\nThe plant opens next year.\n",)
    examples_good = (
        "Note: figures are in euros.\n\nThe plant opens next year.\n",
        "Host: Where will the plant be?\n\nChief executive: In Hungary, next to the old one.\n",
    )


class SiteName(_StructuralRule):
    """Flags a lone site or domain name on a line ("Example.com"), or a site name repeated.

    **What it finds**: a block that is only a domain name, or a one-word line (a site or brand
    name) repeated on the following line(s).

    **Why**: the page's logo, source label or watermark text came along with the article.

    **Example**: two lines "Motorwire.com" under the headline.

    **Fix**: removing the lines is safe. Domains in running prose are never flagged.
    """

    code = "BP124"
    name = "site-name"
    kind = "site-name"
    examples_bad = ("# Plant opens\n\nMotorwire.com\n\nThe plant opens next year.\n",)
    examples_good = ("The company sells its cars through Motorwire.com and its own shops.\n",)


class PageDate(_StructuralRule):
    """Flags a date (and time) alone on a line above or below the article.

    **What it finds**: a line that is only a date, with an optional weekday and time ("March
    19, 2025, 9:45 am", "2 hours ago"), placed before the first paragraph or after the last.
    Dates between paragraphs (a timeline's section headings) are left alone.

    **Why**: the page printed its publication time; the draft's date belongs in front matter.

    **Example**: "March 19, 2025, 9:45 am" under the headline.

    **Fix**: removing the line is safe.
    """

    code = "BP125"
    name = "page-date"
    kind = "page-date"
    examples_bad = (
        "# Plant opens\n\nMarch 19, 2025, 9:45 am\n\nThe carmaker said the plant would open next year and hire 400.\n",
    )
    examples_good = (
        "# Timeline\n\nThe carmaker said the plant would open next year and hire 400 people.\n\n## 3 March 2025\n\n"
        "The site was chosen after a long search.\n\nThe first cars will be built in the spring of next year.\n",
    )


class SectionLabel(_StructuralRule):
    """Flags a site section label or breadcrumb above the headline ("Autos", "Home > News").

    **What it finds**: a short line at the top that names a section of the source site: a name
    that a "More from <section>" line of the draft also names, a common section word (News,
    Headlines, Business...) alone above the headline, or a breadcrumb trail.

    **Why**: it is the site's navigation, not the article's headline or kicker.

    **Example**: "Headlines" on the first line, with "More from Headlines" at the end.

    **Fix**: removing the line is safe.
    """

    code = "BP126"
    name = "section-label"
    kind = "section-label"
    examples_bad = (
        "Autos\n\n# Plant opens\n\nThe plant opens next year.\n\nMore from Autos\n",
        "Home > News > Autos\n\n# Plant opens\n\nThe plant opens next year.\n",
    )
    examples_good = ("# Autos\n\nThe car market grew by 4% last year, the industry body said on Monday.\n",)


class RepeatedHeadline(_StructuralRule):
    """Flags the headline repeated as a standalone block later in the draft.

    **What it finds**: a block whose whole text is the title (front-matter ``title``, the
    first heading, or the first line of a plain-text draft) or another heading of the
    header, appearing again further down. Titles shorter than four words are ignored.

    **Why**: web pages print the headline twice (page title and article title, or a share
    card); the copy is noise.

    **Example**: the headline on line 1 and again on line 9.

    **Fix**: removing the repeated lines is safe; the first occurrence stays.
    """

    code = "BP127"
    name = "repeated-headline"
    kind = "repeated-headline"
    examples_bad = (
        "# Carmaker picks Hungary for new plant\n\nCarmaker picks Hungary for new plant\n\nIt opens soon.\n",
    )
    examples_good = (
        "# Carmaker picks Hungary for new plant\n\nThe carmaker picks Hungary for new plant sites, it said.\n",
    )


class TruncatedTeaser(_StructuralRule):
    """Flags a teaser paragraph cut off mid-sentence whose full text follows later.

    **What it finds**: a paragraph of twelve words or more that stops in the middle of a
    sentence (no final punctuation, or an ellipsis), when its last eight words reappear,
    followed by more words, in a later paragraph.

    **Why**: listing pages show the first characters of a story as a teaser; copied with the
    story, the lead is there twice, once broken.

    **Example**: "BERLIN - The carmaker will build a plant in Hungary to supply its new
    electric models from" followed later by the full sentence.

    **Fix**: removing the teaser is safe: the complete text stays.
    """

    code = "BP128"
    name = "truncated-teaser"
    kind = "truncated-teaser"
    examples_bad = (
        "The carmaker will build a new plant in Hungary to supply its electric models from\n\n"
        "The carmaker will build a new plant in Hungary to supply its electric models from 2027, it said.\n",
    )
    examples_good = (
        "The carmaker will build a new plant in Hungary to supply its electric models from 2027, it said.\n\n"
        "The plant in Hungary will supply its electric models from 2027 onwards.\n",
    )


class MediaCaption(_StructuralRule):
    """Flags image captions, photo credits and embedded-post captions whose media is gone.

    **What it finds**: a line that is only a photo credit ("Photo: Jane Doe", "Image source,
    Getty Images", "Reuters/Getty Images") or the caption of an embedded social post ("Example
    Motors Weibo: New plant opens"), with no image right above it.

    **Why**: the image or post did not survive the copy; its caption reads as a stray line.

    **Example**: "Image credit: Example Motors" between two paragraphs of a plain-text draft.

    **Fix**: removing the line is safe. Captions under a Markdown image are left alone.
    """

    code = "BP129"
    name = "media-caption"
    kind = "media-caption"
    examples_bad = (
        "The plant opens next year.\n\nImage credit: Example Motors\n\nIt will employ 400.\n",
        "The plant opens next year.\n\nExample Motors Weibo: New plant opens in Hungary\n\nIt will employ 400.\n",
    )
    examples_good = (
        "The plant opens next year.\n\n![The new plant](plant.jpg)\nPhoto: Example Motors\n\nIt will employ 400.\n",
        "The chief executive wrote on X: the plant opens next year.\n",
    )


class RepeatedLine(_StructuralRule):
    """Flags a short line repeated on the next line(s).

    **What it finds**: a short line (six words or fewer, not a sentence) immediately repeated,
    typically a site name or a button label copied twice. The copies are the finding.

    **Why**: a double paste or a page element rendered twice.

    **Example**: "Electric cars" twice in a row.

    **Fix**: removing the copies is safe; the first line stays.
    """

    code = "BP130"
    name = "repeated-line"
    kind = "repeated-line"
    examples_bad = ("The plant opens next year.\n\nElectric cars\n\nElectric cars\n\nIt will employ 400.\n",)
    examples_good = ("# Plan\n\nElectric cars sell well.\n\nElectric cars sell well in Norway too.\n",)


class PastedClutterLine(_StructuralRule):
    """Flags a line of web clutter pasted inside a longer paragraph.

    **What it finds**: a line that one of the phrase rules BP101-BP109 would flag ("Share this
    article", "5 min read", "Posted on March 17, 2025"...) when it sits inside a Markdown
    paragraph of several lines, because it was pasted without a blank line around it. The
    phrase rules only match whole blocks; this rule covers the lines of longer blocks. The
    message names the phrase rule.

    **Why**: the same as the phrase rule's; in Markdown such a line is also run into the
    paragraph when rendered.

    **Example**::

        # Plant opens
        By Team Motorwire April 2, 2025
        4 min read

    **Fix**: removing the line is safe; the rest of the paragraph stays.
    """

    code = "BP131"
    name = "pasted-clutter-line"
    kind = "pasted-line"
    examples_bad = ("# Plant opens\n\nPosted on April 2, 2025\n4 min read\n\nThe plant opens next year.\n",)
    examples_good = ("The plant opens next year.\nIt will employ 400 people.\n\n4 min read\n",)


class Byline(_StructuralRule):
    """Flags a line that only credits the writers: "By Name", "By Name, Role", "Words by Name".

    **What it finds**: a line alone that is "By" (or "Words by", "Reporting by") followed by
    one or more person names (capitalised name words in any script, particles inside, joined
    by "and" or commas) and at most a short role ("Technology reporter"). A dated byline is
    page metadata (BP105).

    **Why**: the page printed its writer's credit; a draft's author belongs in its front
    matter, and a copied credit names someone else's reporter.

    **Example**: "By Ngozi Okafor, Business reporter" under the headline.

    **Fix**: removing the line is safe.
    """

    code = "BP132"
    name = "byline"
    kind = "byline"
    examples_bad = (
        "# Plant opens\n\nBy Marta Øvergård, Business reporter\n\nThe carmaker said the plant would open next year.\n",
        "# Plant opens\n\nWords by Jo Li and Tomás de la Peña\n\nThe carmaker said the plant would open next year.\n",
    )
    examples_good = (
        "# Plant opens\n\nBy March the carmaker will have hired 400 people for the plant.\n",
        "# Plant opens\n\nBy the numbers\n\nThe carmaker said the plant would open next year.\n",
    )


class AuthorBio(_StructuralRule):
    """Flags an author box at the end of a draft: "About the author: ...", "Name is our ...".

    **What it finds**: one of the last two paragraphs when it opens "About the author:" or
    "About Name:", or opens with a person's name and a verb ("is", "has", "covers", "writes")
    and speaks of the trade ("correspondent", "reporter", "writes about", "has covered")
    about someone the story itself never mentions.

    **Why**: the page's author box describes the writer of the copied page; it is not part of
    the story, and it would be published as text.

    **Example**: "Ines Duarte is our transport correspondent. She writes about rail and
    cities." after the last paragraph.

    **Fix**: removing the paragraph is safe.
    """

    code = "BP133"
    name = "author-bio"
    kind = "author-bio"
    examples_bad = (
        "# Plant opens\n\nThe carmaker said the plant would open next year and hire 400 people.\n\n"
        "Ines Duarte is our transport correspondent. She writes about rail and cities.\n",
        "# Plant opens\n\nThe carmaker said the plant would open next year and hire 400 people.\n\n"
        "About the author: Lê Văn Minh covers industry from Hanoi.\n",
    )
    examples_good = (
        "# Plant opens\n\nInes Duarte, the plant manager, said it would hire 400 people next year.\n\n"
        "Ines Duarte is a former editor of the works newsletter and has covered the site for years.\n",
    )


RULES: tuple[type[Rule], ...] = (
    RelatedLinks,
    SeoSummary,
    FaqBlock,
    CompanySidebar,
    SiteName,
    PageDate,
    SectionLabel,
    RepeatedHeadline,
    TruncatedTeaser,
    MediaCaption,
    RepeatedLine,
    PastedClutterLine,
    Byline,
    AuthorBio,
)
