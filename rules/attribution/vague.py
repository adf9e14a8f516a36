"""AT103-AT105: vague sourcing, worded in ``rules/data/attribution.yaml``, read in its paragraph.

The pack says which words are vague; this module adds what one sentence's words cannot see.
AT103 (``vague-attribution``) does not report an impersonal report when the copy names its
source right before it: earlier in the same sentence ("In a report by the Audit Office, the
scheme was said to be ...", "Mr Roe said it was thought that ...") or at the end of the
sentence before, in the same paragraph ("..., the retail consortium said. But sales were said
to be ..."). A source named there is the report's source; readers can check it.

Only impersonal forms are credited this way ("it is understood", "were said to be",
"reportedly"): "reports suggest" or "there are rumours that" name a vague source of their own,
whatever the sentence before says.

Invariant: the rules find exactly the pack's matches, less the impersonal ones
:func:`_source_named_before` credits; AT104 and AT105 are the pack's rules unchanged.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path
from typing import cast

from lint.analysis.names import NAME_RUN, UPPER
from lint.analysis.quotes import Attribution, find_speech_cues
from lint.analysis.spans import quote_spans
from lint.document import Block, Document
from lint.packs import PhraseRule, load_pack
from lint.rule import Rule

PACK = Path(__file__).parent.parent / "data" / "attribution.yaml"

_IN_CONTEXT = frozenset({"AT103"})
"""The pack rules whose matches a named source before them credits."""

# "a report by the Audit Office", "a study compiled by watchdog Clearwater", "according to Ada Lind":
# a publisher or a person named in the same sentence before the impersonal clause
_NAMED_SOURCE = re.compile(
    rf"(?:\b(?:report|reports|study|survey|statement|interview|article|investigation|inquiry|review|audit)"
    r"\s+(?:[a-z]+\s+)?(?:by|from|in|for|of)\s+(?:[a-z][\w-]*\s+){0,3}?|\b[Aa]ccording\s+to\s+(?:the\s+)?)"
    rf"[{UPPER}]"
)
# the impersonal forms a source named before can stand behind ("it is understood", "were said
# to be", "reportedly"); "reports suggest", "there are rumours that" name a vague source of their own
_IMPERSONAL = re.compile(r"(?i)^(?:it\s|reportedly$)|\s(?:said|reported|rumou?red|believed)\s+to\s")
_PRONOUNS = frozenset("he she they i we".split())
_LEADS = frozenset("the a an but and so yet however".split())


@cache
def vague_rules() -> tuple[type[Rule], ...]:
    """The pack's rules; those of :data:`_IN_CONTEXT` read the sentences before a match.
    Loaded once per process (the pack's derived patterns come from the installation folder)."""
    return tuple(_in_context(cls) if cls.code in _IN_CONTEXT else cls for cls in load_pack(PACK, installed=True))


def _in_context(base: type[PhraseRule]) -> type[Rule]:
    # keep what the loader derived for the base class (gate words, scanning pattern,
    # installed), so the subclass scans exactly as fast as the pack rule
    namespace = {k: base.__dict__[k] for k in ("gate", "led_source", "installed") if k in base.__dict__}

    def _accept(self: PhraseRule, doc: Document, block: Block, m: re.Match[str]) -> object:
        found = base._accept(self, doc, block, m)
        if found is None or (_IMPERSONAL.search(m.group(0)) and _source_named_before(doc, m.start())):
            return None
        return found

    namespace.update(_accept=_accept, __doc__=base.__doc__, __module__=__name__)
    return cast(type[Rule], type(base.__name__, (base,), namespace))


def _source_named_before(doc: Document, at: int) -> bool:
    """True when a source is named before ``at``: in its sentence (a report by or according to
    a named source, or a named speaker's verb of saying), or at the end of the sentence before
    it in the same paragraph ("..., the consortium said.", not the credit of a quotation)."""
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    prose = doc.prose
    if _NAMED_SOURCE.search(prose, sent.start, at):
        return True
    spans = quote_spans(doc)
    if any(_named(a) for a in find_speech_cues(prose, sent.start, at, spans)):
        return True
    sents = doc.sentences
    i = bisect.bisect_left(sents, sent.start, key=lambda s: s.start)
    if i == 0 or sents[i - 1].block != sent.block:
        return False
    prev = sents[i - 1]
    if spans.overlaps(prev.start, prev.end):
        return False  # a quotation's credit ('"...," said Ada Lind.') is not a report's source
    cues = find_speech_cues(prose, prev.start, prev.end, spans)
    if not cues:
        return False
    # the sentence before ends with its credit: "..., the consortium said." / "..., said Ada Lind."
    last = cues[-1]
    tail = prose[last.verb_start + len(last.verb) : prev.end].strip(" \t\r\n.!?")
    if not tail:
        return _named(last)
    return "," not in tail and NAME_RUN.fullmatch(tail) is not None and len(tail.split()) >= 2


def _named(cue: Attribution) -> bool:
    """A cue whose speaker is named ("Ada Lind", "the consortium's Mr Roe", "the BRC") or a
    personal pronoun; one capitalised word opening the speaker ("Analysts", "Reports") names
    nobody."""
    speaker = cue.speaker or ""
    if speaker.endswith(("'s", "’s")):
        return False  # "Mrs Roe's remarks": a noun, not a verb of saying
    if speaker.lower() in _PRONOUNS:
        return True
    for m in NAME_RUN.finditer(speaker):
        words = [w for w in m.group(0).split() if w.lower() not in _LEADS]
        if len(words) >= 2 or (words and m.start() > 0):
            return True
    return False
