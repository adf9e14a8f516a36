"""Quotations and their speakers: direct speech and who said it.

:func:`find_quotations` returns the quotations of a draft that read as direct speech (not
scare quotes, not quoted titles), each with the speaker the copy gives it, found the way news
copy attributes speech:

* in the quotation's own sentence: ``"...," she said`` / ``"...," said Jo Bloggs`` /
  ``Jo Bloggs said: "..."`` / ``According to Jo Bloggs, "..."``;
* in the sentence before or after it, in the same paragraph;
* for a paragraph that opens with a quotation: the last sentence of the paragraph before
  (``He said the plan was sound.`` then ``"We will go ahead."``), including a chain of
  quotation paragraphs after an attributed one, and the first sentence of the next paragraph.

Quote marks are paired once, by :func:`lint.analysis.spans.quotation_groups`; a quotation
spanning paragraphs comes back as one :class:`Quotation` with one part per paragraph.

Offsets are offsets into ``doc.text`` (found in ``doc.prose``). Pure functions; no state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from lint.analysis.introducers import answer_label, credits_back, introduced_speaker, strip_titles
from lint.analysis.lexicon import (
    ACT_VERBS,
    HONORIFICS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TITLE_SMALL_WORDS,
)
from lint.analysis.memo import per_document
from lint.analysis.names import NAME_RUN, UPPER, looks_like_person
from lint.analysis.spans import OPEN_MARKS, SpanSet, inner_text, quotation_groups
from lint.record import Record
from lint.text import CASEFOLD_ODDITIES, WORD

if TYPE_CHECKING:
    from lint.document import Document, Sentence

__all__ = [
    "Attribution",
    "Quotation",
    "SPEECH_VERB",
    "find_quotations",
    "find_speech_cues",
    "is_title_like",
]

_PHRASAL = [p.replace(" ", r"\s+") for p in SPEECH_PHRASES]


def _by_first_letter(alternatives: Sequence[str]) -> str:
    """The alternation of ``alternatives`` (case-sensitive, each starting with a literal
    lower-case letter) with those that share their first letter grouped behind it:
    "a(?:cknowledged|dded)|s(?:aid|ays)". It matches what the plain alternation matches.
    Alternatives with different first letters never match at the same place, and within a
    group the order stays. The scan tries a group per letter at a word start instead of
    every alternative: SPEECH_VERB scans the corpus twice as fast."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        assert alt[:1].isascii() and alt[:1].islower(), alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_VERB_LIST = [*sorted(set(SPEECH_VERBS), key=lambda w: (-len(w), w)), *_PHRASAL]
SPEECH_VERB = re.compile(rf"(?<![\w'’-])(?:{_by_first_letter(_VERB_LIST)})(?![\w'’-])")
"""A verb of saying (lower case, as used after a subject or before an inverted one)."""
_PARTICIPLE = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(SPEECH_PARTICIPLES)})(?=(?:\s+[\w'’-]+){0, 4}\s*(?:that\b|:|,?\s*[\"“]))"
)

# The f-string turns "{0, 4}" into the literal text "(0, 4)": the pattern needs "0, 4" in
# the text after the participle, so it practically never matches. Kept as it is (changing
# it would change what is attributed); _PARTICIPLE_NEEDS lets the scan be skipped.
_PARTICIPLE_NEEDS = "0, 4"

_ACCORDING = re.compile(r"(?<![\w-])(?:[Aa]ccording\s+to|[Qq]uoting|[Qq]uoted\s+by|[Ii]n\s+the\s+words\s+of)\s+")
_NOUN_CUE = re.compile(
    r"(?<![\w-])(?:(?:the\s+)?words\s+of|message\s+from|statement\s+(?:from|by)|remarks\s+(?:by|from)|"
    r"comments\s+(?:by|from))\s+(?=[A-Z])",
    re.I,
)
# Gates: every match of _ACCORDING holds one of these (case as written), every match of
# _NOUN_CUE one of those in lower case.
_ACCORDING_WORDS = ("ccording", "uot", "words")
_NOUN_CUE_WORDS = ("words", "message", "statement", "remarks", "comments")
_LEAD_WORDS = frozenset(
    "and but as while when where so then also later however yet because though although which who that".split()
)
_TRAIL_WORDS = frozenset(
    """also later then has had have once previously recently earlier again simply just famously
    repeatedly publicly privately separately would will could may might""".split()
)
_NAMING = re.compile(
    r"(?<![\w-])(?:called|calls|call|dubbed|dubs|titled|entitled|named|names|so-called|known\s+as|term|terms|"
    r"word|words|phrase|slogan|headline|book|books|film|movie|song|single|album|series|show|novel|play|"
    r"programme|program|motto|hashtag|label|brand|campaign|nicknamed|branded|labelled|labeled|christened|"
    r"coined|marked|stamped|reading|read|signs?|banners?|placards?|as)\s*[:,]?\s*$",
    re.I,
)
_NAMING_LAST_WORDS = frozenset(
    """called calls call dubbed dubs titled entitled named names as term terms word words phrase slogan headline
    book books film movie song single album series show novel play programme program motto hashtag label brand
    campaign nicknamed branded labelled labeled christened coined marked stamped reading read sign signs banner
    banners placard placards""".split()
)
"""The last word of each phrase of _NAMING."""
"""Words before a name that are not part of it."""
_LEAD_CAPS = frozenset("the a an this that these those in on at for but and when if as".split())
# A sentence's end breaks a clause; an initial's full stop does not ("R. S. Marlowe said").
_CLAUSE_BREAK = re.compile(rf"[;:()\[\]—–]|(?<=[.!?])(?<!\b[{UPPER}]\.)\s|\s-\s")
_CLAUSE_BREAK_NO_DASH = re.compile(rf"[;:]|(?<=[.!?])(?<!\b[{UPPER}]\.)\s")
_TRAILING_AUX = re.compile(
    r"(?:[\s,]+(?:also|later|then|has|had|have|once|previously|recently|earlier|again|simply|just|famously|"
    r"repeatedly|publicly|privately|separately|would|will|could|may|might|has\s+also|had\s+also))+\s*$",
)
_AUX_WORDS = frozenset(
    """also later then has had have once previously recently earlier again simply just famously repeatedly publicly
    privately separately would will could may might""".split()
)
"""The last word of each phrase of _TRAILING_AUX (which is case-sensitive)."""


def _ends_with_aux(prose: str, lo: int, hi: int) -> bool:
    """False when _TRAILING_AUX cannot match in ``prose[lo:hi]``: each match ends it (but
    for white space) with one of _AUX_WORDS after a space or comma."""
    j = hi
    while j > lo and prose[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and prose[i - 1].isascii() and prose[i - 1].isalpha():
        i -= 1
    return prose[i:j] in _AUX_WORDS


_NON_SPACE = re.compile(r"\S+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_SENTENCE_PUNCT = re.compile(r"[.!?,;:]\s")
_INVERSION_HEAD = re.compile(r"[,\"”!?]\s*$")
_HONORIFIC_ALTS = "|".join(sorted((h.capitalize() for h in HONORIFICS), key=lambda h: (-len(h), h)))
_NAME_ONLY = re.compile(
    rf"[ \t]*((?:{_HONORIFIC_ALTS})\.?\s+[{UPPER}][\w’'-]+|[{UPPER}][\w’'-]+\s+[{UPPER}][\w’'-]+)\s*[.!]?\s*$"
)
_AFTER_SPEAKER_END = re.compile(
    # a full stop ends the speaker's name, but not an initial's ("said P.J. Reid.")
    rf"[,;:!?()\[\]—–\"“”]|(?<!\b[{UPPER}])\.|\s-\s|"
    r"\s(?:in|on|at|who|which|that|when|where|during|after|before|last|this|yesterday|"
    r"today|while|as|to|adding|noting|saying|told|earlier|later|but|because|if|with)\s"
)
_DETERMINERS = frozenset("the a an its his her their our one another some".split())
_NOT_SUBJECT_START = frozenset("is was were are be been being to not never has had have would will".split())
_NOUN_USE = re.compile(r"\s+(?:is|was|are|were|has|have|had|became|becomes|remains|remained|will|would|can)\b")
_WORDY = re.compile(r"[^\W_]")
_PERSONAL_WORD = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he|I)(?![\w'’-])")


class Attribution(Record):
    """A speech cue: a verb of saying (or "according to") and its subject."""

    verb: str
    verb_start: int
    speaker: str | None  # the words as written ("Jo Bloggs", "she", "the company")
    speaker_start: int
    speaker_end: int


class Quotation(Record):
    """A quotation read as direct speech.

    ``start``/``end`` cover the quote marks (for a multi-paragraph quotation, from the first
    opening mark to the end of the last part); ``parts`` holds one ``(start, end)`` per
    paragraph. ``text`` is the quoted words without marks, white space normalised.

    ``speaker`` is who said it as best the draft tells: a full name when the draft gives one
    (a surname is expanded to the full name used earlier, a pronoun is resolved to the last
    named speaker before it), else the words as written ("the company", "a spokeswoman",
    "she"); None when no attribution was found. ``speaker_start``/``speaker_end`` point at the
    words in the draft (-1 when there are none). ``named`` is True when ``speaker`` is a
    proper name. ``how`` tells where the attribution was found: ``sentence`` (the quotation's
    own sentence), ``adjacent`` (the sentence before or after, or the next paragraph's first
    sentence), ``previous`` (the paragraph before, or an attributed quotation just before),
    or None.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int
    speaker_end: int
    verb: str | None
    how: str | None
    named: bool
    block: int
    last_block: int
    parts: tuple[tuple[int, int], ...]
    words: int
    whole_paragraph: bool
    """True when the quotation opens its paragraph and nothing but punctuation follows it."""

    @property
    def attributed(self) -> bool:
        return self.how is not None


# -- public API ------------------------------------------------------------------------


def find_quotations(doc: Document) -> list[Quotation]:
    """Direct-speech quotations of ``doc`` in document order, with their speakers.
    Computed once per document (AT101 and the consistency rules share it); each call
    returns a new list."""
    return list(_quotations(doc))


@per_document
def _quotations(doc: Document) -> tuple[Quotation, ...]:
    raw = quotation_groups(doc)
    if not raw:
        return ()
    prose = doc.prose
    spans = SpanSet(span for group in raw for span in group)
    names = _NameIndex(doc)
    cue_cache: dict[tuple[int, int], list[Attribution]] = {}

    def cues(start: int, end: int) -> list[Attribution]:
        key = (start, end)
        got = cue_cache.get(key)
        if got is None:
            got = find_speech_cues(prose, start, end, spans) if end > start else []
            cue_cache[key] = got
        return got

    out: list[Quotation] = []
    attributed_blocks: dict[int, Attribution] = {}
    last_end = -1
    last_att: Attribution | None = None
    for parts in raw:
        qs, qe = parts[0][0], parts[-1][1]
        sent_first = doc.sentence_at(qs)
        sent_last = doc.sentence_at(max(qs, qe - 1))
        if sent_first is None or sent_last is None:
            continue
        first_block, last_block = sent_first.block, sent_last.block
        block = doc.blocks[first_block]
        if block.kind == "heading":
            continue
        inner = " ".join(" ".join(inner_text(prose, s, e).split()) for s, e in parts)
        n_words = len(WORD.findall(inner))
        if not _is_speech(prose, qs, qe, inner, n_words, block.start):
            continue
        last = doc.blocks[last_block]
        whole = not prose[block.start : qs].strip() and not prose[parts[-1][1] : last.end].strip(" \t\r\n.,")
        chained = last_att if last_att is not None and not _WORDY.search(prose, last_end, qs) else None
        att, how = _attribute(doc, prose, parts, sent_first, sent_last, cues, attributed_blocks, chained, names)
        if att is not None:
            attributed_blocks[last_block] = att
        last_end, last_att = qe, att
        speaker: str | None = None
        named = False
        s_start = s_end = -1
        if att is not None and att.speaker:
            speaker, named = names.resolve(att.speaker, att.speaker_start)
            s_start, s_end = att.speaker_start, att.speaker_end
            if named:
                names.note_speaker(speaker, att.speaker_start)
        out.append(
            Quotation(
                start=qs,
                end=qe,
                text=inner,
                speaker=speaker,
                speaker_start=s_start,
                speaker_end=s_end,
                verb=att.verb if att else None,
                how=how,
                named=named,
                block=first_block,
                last_block=last_block,
                parts=tuple(parts),
                words=n_words,
                whole_paragraph=whole,
            )
        )
    return tuple(out)


def find_speech_cues(
    prose: str, start: int, end: int, quotes: SpanSet | None = None, verbs: Collection[str] | None = None
) -> list[Attribution]:
    """Verbs of saying with a subject (or "according to X") in ``prose[start:end]``,
    outside quotations. Passive or subjectless uses ("it is said") are not cues.

    ``verbs``, when given, keeps only the cues whose verb (white space normalised, as in
    "pointed out" or "according to") is one of them; the others are not analysed at all."""
    out: list[Attribution] = []
    for m in SPEECH_VERB.finditer(prose, start, end):
        verb = m.group(0)
        if verbs is not None and " ".join(verb.split()) not in verbs:
            continue
        if quotes is not None and quotes.inside(m.start(), m.end()):
            continue
        att = _inverted_name(prose, m.end(), end, verb, m.start())
        att = (
            att
            or _subject_before(prose, start, m.start(), verb)
            or _subject_after(prose, m.end(), end, verb, m.start())
        )
        if att is not None:
            out.append(att)
    if prose.find(_PARTICIPLE_NEEDS, start, end) >= 0:
        for m in _PARTICIPLE.finditer(prose, start, end):
            if verbs is not None and m.group(0) not in verbs:
                continue
            if quotes is not None and quotes.inside(m.start(), m.end()):
                continue
            subject = _first_name(prose, start, m.start())
            if subject is not None:
                out.append(Attribution(m.group(0), m.start(), prose[subject[0] : subject[1]], subject[0], subject[1]))
            else:
                out.append(Attribution(m.group(0), m.start(), None, -1, -1))
    for pat in _phrase_cue_patterns(prose, start, end):
        for m in pat.finditer(prose, start, end):
            verb = " ".join(m.group(0).split()).lower()
            if verbs is not None and verb not in verbs:
                continue
            if quotes is not None and quotes.inside(m.start(), m.end()):
                continue
            att = _phrase_after(prose, m.end(), end, verb, m.start())
            if att is not None:
                out.append(att)
    out.sort(key=lambda a: a.verb_start)
    return out


def _phrase_cue_patterns(prose: str, start: int, end: int) -> tuple[re.Pattern[str], ...]:
    """Those of _ACCORDING and _NOUN_CUE that can match in ``prose[start:end]``: each
    match holds one of the words of its gate (in lower case for the case-insensitive
    _NOUN_CUE, unless the text holds one of the letters re.IGNORECASE equates with "i" or
    "s" although their lower case differs)."""
    according = any(prose.find(w, start, end) >= 0 for w in _ACCORDING_WORDS)
    segment = prose[start:end]
    low = segment.lower()
    noun = any(w in low for w in _NOUN_CUE_WORDS) or any(c in segment for c in CASEFOLD_ODDITIES)
    if according and noun:
        return (_ACCORDING, _NOUN_CUE)
    if according:
        return (_ACCORDING,)
    return (_NOUN_CUE,) if noun else ()


_TITLE_WORDS = 12
_TITLE_SCAN = 200


def is_title_like(inner: str) -> bool:
    """Most words capitalised and no sentence punctuation: a title, a name, a slogan."""
    # Most quotations are too long for a title: their first 200 characters already hold
    # more than 12 words (the words found there are at most those of the whole text).
    ws: list[str] = WORD.findall(inner, 0, _TITLE_SCAN)
    if len(ws) > _TITLE_WORDS:
        return False  # too long for a title, whatever its case (most quotations)
    if len(inner) > _TITLE_SCAN:
        ws = WORD.findall(inner)
        if len(ws) > _TITLE_WORDS:
            return False
    if not ws:
        return True
    content = [w for w in ws if w.lower() not in TITLE_SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    if caps * 10 < len(content) * 8:
        return False
    body = inner.rstrip(' .!?,"”')
    return not _SENTENCE_PUNCT.search(body)


def _is_speech(prose: str, qs: int, qe: int, inner: str, n_words: int, block_start: int) -> bool:
    if n_words < 2:
        return False
    if _NOUN_USE.match(prose, qe) and not inner.rstrip().endswith((",", ".", "!", "?")):
        return False  # '"Taking responsibility" is this year's slogan': a name, not speech
    before = prose[max(block_start, qs - 40) : qs]
    if _may_name(before) and _NAMING.search(before):
        return False
    # n_words counts the words is_title_like counts: over 12, no title, and no need to look
    return n_words > _TITLE_WORDS or not is_title_like(inner)


def _may_name(before: str) -> bool:
    """False when _NAMING cannot match ``before``: each match ends the text (but for white
    space and one colon or comma) with one of _NAMING_LAST_WORDS. Spares most quotations
    the search."""
    tail = before.rstrip()
    if tail[-1:] in (":", ","):
        tail = tail[:-1].rstrip()
    if any(c in tail for c in CASEFOLD_ODDITIES):
        return True
    i = len(tail)
    while i > 0 and tail[i - 1].isascii() and tail[i - 1].isalpha():
        i -= 1
    return tail[i:].lower() in _NAMING_LAST_WORDS


# -- attribution -----------------------------------------------------------------------


def _attribute(
    doc: Document,
    prose: str,
    parts: Sequence[tuple[int, int]],
    sent_first: Sentence,
    sent_last: Sentence,
    cues: Callable[[int, int], list[Attribution]],
    attributed_blocks: dict[int, Attribution],
    chained: Attribution | None = None,
    names: _NameIndex | None = None,
) -> tuple[Attribution | None, str | None]:
    qs, qe = parts[0][0], parts[-1][1]
    first_block, last_block = sent_first.block, sent_last.block
    # 1. The quotation's own sentence(s), outside the quote marks.
    around = cues(sent_first.start, qs)
    if around:
        return around[-1], "sentence"
    after = cues(qe, sent_last.end) if qe < sent_last.end else []
    if after:
        return after[0], "sentence"
    intro = _colon_intro(prose, sent_first.start, qs)
    if intro is not None:
        return intro, "sentence"
    if _name_only_after(prose, qe, sent_last.end):
        # '"...," Mr Bloggs.' - the verb is missing but the speaker is named
        return _phrase_after(prose, qe, sent_last.end, "", qe), "sentence"
    sents = doc.sentences
    i_first = _sentence_index(doc, sent_first)
    i_last = _sentence_index(doc, sent_last)
    # 2. The sentence before, in the same paragraph.
    if i_first > 0 and sents[i_first - 1].block == first_block:
        prev = sents[i_first - 1]
        got = _elsewhere(prose, cues(prev.start, prev.end)) or _implicit(prose, prev.start, prev.end, names)
        if got:
            return got[-1], "adjacent"
    # 3. The sentence after, in the same paragraph, or the next paragraph's first sentence
    #    when the quotation fills its paragraph.
    if i_last + 1 < len(sents):
        nxt = sents[i_last + 1]
        ends_block = not prose[qe : doc.blocks[last_block].end].strip(" \t\r\n.,")
        if nxt.block == last_block or (
            nxt.block == last_block + 1 and ends_block and prose[nxt.start] not in OPEN_MARKS
        ):
            got = [a for a in _elsewhere(prose, cues(nxt.start, nxt.end)) if a.verb_start - nxt.start < 120]
            if got and credits_back(prose, got[0].verb, got[0].verb_start, got[0].speaker, got[0].speaker_end, nxt.end):
                return got[0], "adjacent"
    # 4. A run of quotations with nothing between them: one speaker.
    if chained is not None:
        return chained, "previous"
    # 5. A speaker named earlier in the same paragraph (up to three sentences back).
    k = i_first - 2
    while k >= 0 and k >= i_first - 4 and sents[k].block == first_block:
        got = _elsewhere(prose, cues(sents[k].start, sents[k].end))
        if got:
            return got[-1], "paragraph"
        k -= 1
    block = doc.blocks[first_block]
    # 6. An interview's answer: a paragraph that opens with an answer label ("A:", "Ada Lind:",
    #    or the bare colon a stripped label leaves) speaks for the person it answers as.
    label = answer_label(prose, block.start, qs, names)
    if label is not None:
        who, who_start, who_end, colon = label
        return Attribution(":", colon, who, who_start, who_end), "previous"
    # 7. A paragraph that opens with the quotation: the paragraph before.
    if not prose[block.start : qs].strip() and first_block > 0:
        prev_i = first_block - 1
        if prev_i in attributed_blocks:
            return attributed_blocks[prev_i], "previous"
        prev_block = doc.blocks[prev_i]
        if prev_block.kind != "heading":
            prev_sents = doc.block_sentences(prev_block)
            if prev_sents:
                last = prev_sents[-1]
                got = _elsewhere(prose, cues(last.start, last.end)) or _implicit(prose, last.start, last.end, names)
                if got:
                    return got[-1], "previous"
    return None, None


def _sentence_index(doc: Document, sent: Sentence) -> int:
    """Index of ``sent`` in ``doc.sentences`` (sentences are in document order)."""
    return bisect.bisect_left(doc.sentences, sent.start, key=lambda s: s.start)


def _colon_intro(prose: str, lo: int, qs: int) -> Attribution | None:
    """'He criticised the plan: "..."': a clause with a subject, then a colon, then the quote."""
    head = prose[lo:qs].rstrip()
    if not head.endswith(":") or not _WORDY.search(head):
        return None
    for m in _PERSONAL_WORD.finditer(prose, lo, qs):
        return Attribution(":", qs - 1, m.group(0), m.start(), m.end())
    name = _first_name(prose, lo, qs)
    if name is not None:
        return Attribution(":", qs - 1, prose[name[0] : name[1]], name[0], name[1])
    return Attribution(":", qs - 1, None, -1, -1)


_NOUN_BEFORE = frozenset(
    """a an the this that these those its his her their our my your some any no such renewed new further fresh
    recent latest current earlier previous several many""".split()
)
"""Words before a verb of saying that make it a noun ("put on a show", "renewed reports")."""
_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had will would can could should may might must believes believed
    after before amid despite following among during over against""".split()
)
"""Words that show a "subject" is a clause or a phrase, not who spoke."""


def _elsewhere(prose: str, cues: list[Attribution]) -> list[Attribution]:
    """The cues of a sentence beside a quotation that can say who spoke it: a verb of
    saying used as a verb ("a show", "renewed reports", "the crews' claims" are nouns; "went on to" is not
    speech), with a subject that is a speaker, not a clause ("... were involved in some
    arson attacks"); a verb that reports an act ("the tribunal dismissed") only with a
    person's name, a pronoun or a colon."""
    out = []
    for a in cues:
        words = (a.speaker or "").split()
        if not words or words[-1].lower() in _NOUN_BEFORE or any(w.lower() in _CLAUSE_WORDS for w in words):
            continue
        if a.speaker_end <= a.verb_start and words[-1].endswith(("'", "’", "'s", "’s")):
            continue  # "the deckhands' claims", "Moreno's remarks": a noun after a possessive
        if a.verb in ("went on", "goes on") and prose.startswith(" to ", a.verb_start + len(a.verb)):
            continue
        if a.verb in ACT_VERBS and a.speaker is not None:
            low = a.speaker.lower()
            if low not in SUBJECT_PRONOUNS and not looks_like_person(" ".join(strip_titles(words))):
                continue
        out.append(a)
    return out


def _implicit(prose: str, lo: int, hi: int, names: _NameIndex | None = None) -> list[Attribution]:
    """A sentence that sets up a person as speaking or holding a view right before a
    quotation ("Jo Bloggs criticised the plan.", "She was confident."): the quotation is theirs
    (:func:`lint.analysis.introducers.introduced_speaker`). A sentence that only mentions a
    person ("In 1983 he took the seat.") credits nobody."""
    subj = introduced_speaker(prose, lo, hi, names)
    if subj is None:
        return []
    return [Attribution("", subj[0], prose[subj[0] : subj[1]], subj[0], subj[1])]


def _name_only_after(prose: str, lo: int, hi: int) -> bool:
    m = _NAME_ONLY.match(prose[lo:hi])
    return m is not None and prose[lo - 2 : lo].strip()[:1] in (",", "")


def _subject_before(prose: str, lo: int, verb_start: int, verb: str, _dashes: bool = True) -> Attribution | None:
    """The subject of a verb of saying: the phrase between the clause start and the verb."""
    seg = prose[lo:verb_start]
    cut = 0
    for m in (_CLAUSE_BREAK if _dashes else _CLAUSE_BREAK_NO_DASH).finditer(seg):
        cut = m.end()
    for mark in '"“”':
        k = seg.rfind(mark)
        if k + 1 > cut:
            cut = k + 1
    seg_start = lo + cut
    tail = _TRAILING_AUX.search(prose, seg_start, verb_start) if _ends_with_aux(prose, seg_start, verb_start) else None
    seg_end = tail.start() if tail else verb_start
    seg = prose[seg_start:seg_end]
    if not seg.strip(" \t\r\n,"):
        if _dashes and cut and seg_start - lo < 200:
            # a dash or bracket clause right before the verb: "Jo Bloggs - then the boss - said"
            back = max(prose.rfind(m, lo, seg_start) for m in '"“”')
            return _subject_before(prose, max(lo, back + 1), verb_start, verb, _dashes=False)
        return None
    # "X, the firm's boss, said": the subject is X; "..., X said": the subject is X
    pieces = seg.split(",")
    stripped = [p.strip() for p in pieces]
    if len(pieces) >= 3 and not stripped[-1]:
        # "Jo Bloggs, the boss, said" or "The boss, Jo Bloggs, said": take the name
        k = next((i for i, p in enumerate(stripped[:-1]) if _is_name(p)), 0)
    else:
        k = len(pieces) - 1
        while k > 0 and not stripped[k]:
            k -= 1
    offset = seg_start + sum(len(p) + 1 for p in pieces[:k])
    words = list(_NON_SPACE.finditer(pieces[k]))
    while words and words[0].group(0).lower() in _LEAD_WORDS:
        words.pop(0)
    while words and words[-1].group(0) in _TRAIL_WORDS:
        words.pop()
    if not words or len(words) > 14:
        return None
    s = offset + words[0].start()
    e = offset + words[-1].end()
    text = prose[s:e]
    low = text.lower()
    first = low.split()[0]
    if first in _NOT_SUBJECT_START or low.endswith((" is", " was", " were", " be", " been")):
        return None
    if (
        verb in ("say", "tell", "ask", "put it", "show")
        and low not in SUBJECT_PRONOUNS
        and not text[:1].isupper()
        and (first not in _DETERMINERS)
    ):
        # "to say", "would say" are not statements of speech; "they say" and "Critics say" are
        return None
    if not _ASCII_LETTER.search(text):
        return None
    return Attribution(verb, verb_start, text, s, e)


def _is_name(text: str) -> bool:
    m = NAME_RUN.fullmatch(text)
    return m is not None and text.split()[0].lower() not in _LEAD_CAPS


def _subject_after(prose: str, lo: int, hi: int, verb: str, verb_start: int) -> Attribution | None:
    """Inverted attribution right after a quotation: '"...," said Jo Bloggs, the boss.'"""
    head = prose[max(0, verb_start - 4) : verb_start]
    if not _INVERSION_HEAD.search(head):
        return None
    return _phrase_after(prose, lo, hi, verb, verb_start)


def _inverted_name(prose: str, lo: int, hi: int, verb: str, verb_start: int) -> Attribution | None:
    """'..., said Mr Roe.' / '..., says Ada Lind, the mayor.': after a comma, a verb of saying
    and a capitalised name are the credit, whatever clause stands before the comma."""
    if not prose.startswith(", ", verb_start - 2) or not prose[lo + 1 : lo + 2].isupper():
        return None
    att = _subject_after(prose, lo, hi, verb, verb_start)
    if att is None or att.speaker is None or NAME_RUN.fullmatch(att.speaker) is None:
        return None  # "Jo Roe, an economist, said January's figures were ...": not inverted
    nxt = prose[att.speaker_end : att.speaker_end + 1]
    return att if nxt in ("", ".", ",", ";", "!", "?") or att.speaker_end >= hi else None


def _phrase_after(prose: str, lo: int, hi: int, verb: str, verb_start: int) -> Attribution | None:
    i = lo
    while i < hi and prose[i] in " \t\r\n":
        i += 1
    m = _AFTER_SPEAKER_END.search(prose, i, hi)
    stop = m.start() if m else hi
    text = prose[i:stop].rstrip()
    if not text:
        return None
    words = list(_NON_SPACE.finditer(text))
    if len(words) > 9:
        text = text[: words[8].end()]
    first = text.split()[0].lower()
    if first in _NOT_SUBJECT_START or first in ("that", "this", "it", "nothing", "so", "there", "what", "how"):
        return None
    return Attribution(verb, verb_start, text, i, i + len(text))


def _first_name(prose: str, lo: int, hi: int) -> tuple[int, int] | None:
    for m in NAME_RUN.finditer(prose, lo, hi):
        words = m.group(0).split()
        if m.start() == lo and len(words) == 1 and words[0].lower() in _LEAD_CAPS:
            continue
        return m.start(), m.end()
    return None


# -- names -----------------------------------------------------------------------------


class _NameIndex:
    """Full names used in a draft, to expand surnames, resolve pronouns and tell a surname
    from any capitalised word."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._full: dict[str, tuple[str, int]] | None = None
        self._speakers: list[tuple[int, str]] = []

    def full_name(self, surname: str) -> tuple[str, int] | None:
        """The full name (two to four words, titles stripped) that ends with ``surname`` in
        the draft, and where: the first of those with the most words."""
        if self._full is None:
            self._full = self._full_names()
        return self._full.get(surname)

    def _full_names(self) -> dict[str, tuple[str, int]]:
        """:meth:`full_name` of every surname, from one scan of the draft (a scan per surname
        grew with the square of a long draft's length)."""
        best: dict[str, tuple[str, int]] = {}
        for m in NAME_RUN.finditer(self.doc.prose):
            run = m.group(0)
            if " " not in run and "\t" not in run:
                continue  # one word (runs are joined by spaces and tabs): no full name
            words = strip_titles(run.split())
            if not 2 <= len(words) <= 4:
                continue
            got = best.get(words[-1])
            if got is None or len(words) > got[0].count(" ") + 1:
                best[words[-1]] = (" ".join(words), m.start())
        return best

    def _last_person_before(self, offset: int) -> str | None:
        """The last two-to-three-word name in the paragraph of ``offset`` or the one before."""
        sent = self.doc.sentence_at(offset)
        if sent is None:
            return None
        lo = self.doc.blocks[max(0, sent.block - 1)].start
        best = None
        for m in NAME_RUN.finditer(self.doc.prose, lo, offset):
            words = strip_titles(m.group(0).split())
            if 2 <= len(words) <= 3 and not any(w.lower() in ORG_WORDS for w in words):
                if words[0].lower() in _LEAD_CAPS:
                    continue
                best = " ".join(words)
        return best

    def note_speaker(self, name: str, offset: int) -> None:
        self._speakers.append((offset, name))

    def resolve(self, words: str, offset: int) -> tuple[str, bool]:
        low = words.lower()
        if low in SUBJECT_PRONOUNS:
            if low in PERSONAL_PRONOUNS:
                for off, name in reversed(self._speakers):
                    if off < offset:
                        return name, True
                mention = self._last_person_before(offset)
                if mention is not None:
                    return mention, True
            return words, False
        runs = list(NAME_RUN.finditer(words))
        if not runs:
            return words, False
        run = runs[-1].group(0)
        # "BMW's chief executive" names nobody; "chief executive Jo Bloggs" names Jo Bloggs
        if words[runs[-1].end() :].strip() or run.endswith(("’s", "'s")):
            return words, False
        parts = strip_titles(run.split())
        if not parts:
            return words, False
        if len(parts) == 1:
            got = self.full_name(parts[0])
            if got is not None and got[1] <= offset:
                return got[0], True
        return " ".join(parts), True
