"""AT101 ``unattributed-quotation``: direct speech with no speaker."""

from __future__ import annotations

from collections.abc import Iterable

from lint.analysis.quotes import find_quotations
from lint.document import Document
from lint.model import Finding, Severity
from lint.rule import Rule
from rules.attribution.context import _snippet

# -- rules --------------------------------------------------------------------------------


class UnattributedQuotation(Rule):
    """Flags direct speech that nobody is credited with.

    **What it finds**: a quotation in double quotes (straight or curly), of at least
    ``min_words`` words (default 5), that opens its sentence or follows a colon, with no
    speaker: no "said", "told", "added", "according to" and the like with a name, a pronoun or
    an organisation in its own sentence, the sentence before or the sentence after, and no
    speaker in the paragraph before when the quotation opens its paragraph. Beside the
    quotation, a verb of saying must be used as a verb ("put on a show" names no speaker), a
    verb of acting ("dismissed", "agreed") needs a person or a pronoun as subject, and a
    sentence before the quotation credits a person only when it sets them up as a speaker (they
    speak, think or take a stance: "She defended the plan", "He was confident"); one that only
    mentions them ("In 2004 she opened a shop") credits nobody. A quotation that
    runs over several paragraphs counts once; a run of quotation paragraphs after an attributed
    one belongs to the same speaker. Scare quotes, quoted titles ("The Long Road Home") and
    short quoted terms are not speech.

    **Why**: a reader cannot weigh a quotation without knowing whose words they are; an
    unattributed quotation also cannot be checked with the person quoted.

    **Example**: a paragraph that is only `"We expect a record year."`, after a paragraph
    that names nobody.

    **Fix**: name the speaker in the same or the adjacent sentence (`"We expect a record
    year," said Jo Bloggs, the firm's finance chief.`), or turn the quotation into reported
    speech credited to its source.
    """

    code = "AT101"
    name = "unattributed-quotation"
    category = "attribution"
    severity = Severity.WARNING
    default_options = {"min_words": 5}
    examples_bad = (
        "The factory in Leeds has been closed since June.\n\n"
        '"We will reopen it as soon as the new line is ready, probably before winter."\n',
        "Prices at the pump rose again. “Nobody can plan a delivery route with numbers like these.”\n",
        "In 2004, she opened a second bakery in Leeds.\n\n"
        '"We will reopen it as soon as the new line is ready, probably before winter."\n',
    )
    examples_good = (
        '"We will reopen it as soon as the new line is ready," said Jo Bloggs, the plant manager.\n',
        "Jo Bloggs runs the plant. She said the fire was the worst in its history.\n\n"
        '"We will reopen it as soon as the new line is ready."\n',
        'Jo Bloggs defended the closure of the plant.\n\n"We will reopen it as soon as the new line is ready."\n',
        'Her second novel, "The Long Road Home", comes out in May.\n',
        'The firm called the offer "disappointing".\n',
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.options.get("min_words", 5))
        prose = doc.prose
        for q in find_quotations(doc):
            if q.attributed or q.words < min_words:
                continue
            sent = doc.sentence_at(q.start)
            if sent is None:
                continue
            lead = prose[sent.start : q.start].strip()
            if lead and not lead.endswith(":"):
                continue  # a quoted fragment inside a sentence: partial quote, not a statement
            first_end = q.parts[0][1]
            snippet = _snippet(q.text)
            yield self.finding(
                doc,
                q.start,
                first_end,
                f'quotation without a speaker: “{snippet}” (no "said", "told" or "according to" with a name nearby)',
            )
