"""Direct speech and who said it.

:func:`find_quotations` returns the quotations of a draft that read as direct speech (not
scare quotes, not quoted titles), each with the speaker the copy gives it, found the way news
copy attributes speech:

* in the quotation's own sentence: ``"...," she said`` / ``"...," said Jo Bloggs`` /
  ``Jo Bloggs said: "..."`` / ``According to Jo Bloggs, "..."``;
* in the sentence before or after it, in the same paragraph;
* for a paragraph that opens with a quotation: the last sentence of the paragraph before
  (``He said the plan was sound.`` then ``"We will go ahead."``), including a chain of
  quotation paragraphs after an attributed one, and the first sentence of the next paragraph.

A quotation left open at the end of a paragraph continues into the next paragraph when that
one opens with a quote mark (multi-paragraph quotations); it comes back as one
:class:`Quotation` with one part per paragraph.

Offsets are offsets into ``doc.text`` (found in ``doc.prose``). Pure functions; no state.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.text import WORD

if TYPE_CHECKING:
    from lint.document import Document, Sentence

__all__ = [
    "Quotation",
    "Attribution",
    "find_quotations",
    "find_speech_cues",
    "SPEECH_VERB",
    "is_title_like",
]

_VERBS = r"""
said says say told tells added adds noted notes wrote writes asked asks stated states explained explains
emphasised emphasises emphasized emphasizes stressed stresses insisted insists argued argues claimed claims
warned warns admitted admits continued continues replied replies responded responds recalled recalls
observed observes remarked remarks commented comments declared declares acknowledged acknowledges
conceded concedes suggested suggests predicted predicts concluded concludes cautioned cautions urged urges
tweeted tweets quipped quips joked jokes exclaimed exclaims highlighted highlights underlined underlines
confirmed confirms maintained maintains agreed agrees countered counters announced announces revealed
reveals described describes recounted recounts shouted shouts whispered whispers pleaded pleads
boasted boasts complained complains mused muses reflected reflects summed sums insisted
""".split()
_PHRASAL = [r"pointed\s+out", r"points\s+out", r"went\s+on", r"goes\s+on", r"put\s+it", r"puts\s+it"]
_VERB_ALT = "|".join(sorted(set(_VERBS), key=len, reverse=True) + _PHRASAL)
SPEECH_VERB = re.compile(rf"(?<![\w'’-])(?:{_VERB_ALT})(?![\w'’-])")
"""A verb of saying (lower case, as used after a subject or before an inverted one)."""

_ACCORDING = re.compile(r"(?<![\w-])(?:[Aa]ccording\s+to|[Qq]uoting|[Qq]uoted\s+by)\s+")
_NOUN_CUE = re.compile(
    r"(?<![\w-])(?:(?:the\s+)?words\s+of|message\s+from|statement\s+(?:from|by)|remarks\s+(?:by|from)|"
    r"comments\s+(?:by|from)|in\s+the\s+words\s+of)\s+(?=[A-Z])",
    re.I,
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_PERSONAL = frozenset({"he", "she"})
_LEAD_WORDS = frozenset(
    "and but as while when where so then also later however yet because though although which who that".split()
)
_TRAIL_WORDS = frozenset(
    """also later then has had have had once previously recently earlier again simply just famously
    once repeatedly publicly privately separately would will could may might once""".split()
)
_NAMING = re.compile(
    r"(?<![\w-])(?:called|calls|call|dubbed|dubs|titled|entitled|named|names|so-called|known\s+as|term|terms|word|words|"
    r"phrase|slogan|headline|book|books|film|movie|song|single|album|series|show|novel|play|programme|program|"
    r"motto|hashtag|label|brand|campaign|nicknamed|branded|labelled|labeled|christened|coined|"
    r"marked|stamped|reading|read|signs?|banners?|placards?)\s*[:,]?\s*$",
    re.I,
)
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as is vs via de la le du von van".split())
_CAPWORD = re.compile(r"(?:[A-Z][\w’'.&-]*|[A-Z]\.)")
_NAME_RUN = re.compile(
    r"(?:(?:[A-Z][\w’'&.-]*|(?:de|van|von|bin|al|da|di|der|du|le|la)(?=[ \t]+[A-Z]))[ \t]+)*[A-Z][\w’'&.-]*(?<![’'])"
)
_STOP_TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady rev president chairman chairwoman chair chief ceo".split()
)
_ORG_WORDS = frozenset(
    """group inc ltd plc corp company bank ministry department council party union university
    association agency office news times post court commission committee board institute
    foundation society club league federation authority government parliament""".split()
)
_LEAD_CAPS = frozenset("the a an this that these those in on at for but and when if as".split())
_SENT_END = re.compile(r"[.!?]")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|(?<=[.!?])\s|\s-\s")
_AFTER_SPEAKER_END = re.compile(
    r"[,.;:!?()\[\]—–]|\s(?:in|on|at|who|when|where|during|after|before|last|this|yesterday|today|while|as|to|"
    r"from|adding|noting|saying|told|earlier|later)\s"
)
_OPEN_MARKS = '"“'
_CLOSE_MARKS = '"”'


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech cue: a verb of saying (or "according to") and its subject."""

    verb: str
    verb_start: int
    speaker: str | None  # the words as written ("Jo Bloggs", "she", "the company")
    speaker_start: int
    speaker_end: int


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation read as direct speech.

    ``start``/``end`` cover the quote marks (for a multi-paragraph quotation, from the first
    opening mark to the end of the last part); ``parts`` holds one ``(start, end)`` per
    paragraph. ``text`` is the quoted words without marks, white space normalised.

    ``speaker`` is who said it as best the draft tells: a full name when the draft gives one
    (a surname is expanded to the full name used earlier, a pronoun is resolved to the last
    named speaker before it), else the words as written ("the company", "a spokeswoman",
    "she"). ``speaker_start``/``speaker_end`` point at the words in the draft (-1 when there is
    no speaker). ``named`` is True when ``speaker`` is a proper name. ``how`` tells where the
    attribution was found: ``sentence`` (the quotation's own sentence), ``adjacent`` (the
    sentence before or after, or the next paragraph's first sentence), ``previous`` (the
    paragraph before, or an attributed quotation paragraph before), or None.
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
    """True when the quotation (with its attribution at most) fills its first paragraph."""

    @property
    def attributed(self) -> bool:
        return self.how is not None


# -- public API ------------------------------------------------------------------------


def find_quotations(doc: Document) -> list[Quotation]:
    """Direct-speech quotations of ``doc`` in document order, with their speakers."""
    raw = _raw_quotations(doc)
    if not raw:
        return []
    prose = doc.prose
    names = _NameIndex(doc)
    cue_cache: dict[int, list[Attribution]] = {}

    def cues(sent: Sentence) -> list[Attribution]:
        got = cue_cache.get(sent.start)
        if got is None:
            got = find_speech_cues(prose, sent.start, sent.end, doc)
            cue_cache[sent.start] = got
        return got

    out: list[Quotation] = []
    attributed_blocks: dict[int, Attribution] = {}
    for parts in raw:
        qs, qe = parts[0][0], parts[-1][1]
        first_block = _block_index(doc, qs)
        last_block = _block_index(doc, qe - 1)
        inner = " ".join(_inner(prose, s, e) for s, e in parts)
        inner = " ".join(inner.split())
        n_words = sum(1 for _ in WORD.finditer(inner))
        sent_first = doc.sentence_at(qs)
        sent_last = doc.sentence_at(qe - 1)
        if sent_first is None or sent_last is None:
            continue
        block = doc.blocks[first_block]
        before = prose[sent_first.start : qs]
        if not _is_speech(prose, doc, qs, qe, inner, n_words, before, block.start):
            continue
        whole = not prose[block.start : qs].strip() and (
            last_block > first_block or not prose[parts[0][1] : block.end].strip(" \t\r\n.,")
        )
        att, how = _attribute(
            doc, prose, parts, sent_first, sent_last, first_block, last_block, cues, attributed_blocks
        )
        if att is not None and how is not None:
            attributed_blocks[last_block] = att
            attributed_blocks.setdefault(first_block, att)
        speaker, named = (None, False)
        s_start = s_end = -1
        if att is not None and att.speaker:
            speaker, named = names.resolve(att.speaker, att.speaker_start)
            s_start, s_end = att.speaker_start, att.speaker_end
        if att is not None and att.speaker and named:
            names.note_speaker(speaker or att.speaker, att.speaker_start)
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
    return out


def find_speech_cues(prose: str, start: int, end: int, doc: Document | None = None) -> list[Attribution]:
    """Verbs of saying with a subject (or "according to X") in ``prose[start:end]``,
    outside quotations. Passive or subjectless uses ("it is said") are not cues."""
    out: list[Attribution] = []
    for m in SPEECH_VERB.finditer(prose, start, end):
        if doc is not None and doc.in_quote(m.start(), m.end()):
            continue
        att = _subject_before(prose, start, m.start(), m.group(0), doc) or _subject_after(
            prose, m.end(), end, m.group(0), m.start(), doc
        )
        if att is not None:
            out.append(att)
    for m in _ACCORDING.finditer(prose, start, end):
        if doc is not None and doc.in_quote(m.start(), m.end()):
            continue
        att = _phrase_after(prose, m.end(), end, "according to", m.start())
        if att is not None:
            out.append(att)
    for m in _NOUN_CUE.finditer(prose, start, end):
        if doc is not None and doc.in_quote(m.start(), m.end()):
            continue
        att = _phrase_after(prose, m.end(), end, " ".join(m.group(0).split()), m.start())
        if att is not None:
            out.append(att)
    out.sort(key=lambda a: a.verb_start)
    return out


def is_title_like(inner: str) -> bool:
    """Most words capitalised and no sentence punctuation: a title, a name, a slogan."""
    ws = [w.group(0) for w in WORD.finditer(inner)]
    if not ws:
        return True
    content = [w for w in ws if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    if caps * 10 < len(content) * 8:
        return False
    body = inner.rstrip(' .!?,"”')
    return not re.search(r"[.!?,;:]\s", body) and len(ws) <= 12


# -- quotation spans -------------------------------------------------------------------


def _raw_quotations(doc: Document) -> list[list[tuple[int, int]]]:
    """Quote spans grouped into quotations: an open quote at the end of a paragraph joins
    the quote that opens the next paragraph."""
    prose = doc.prose
    groups: list[list[tuple[int, int]]] = []
    pending: list[tuple[int, int]] | None = None
    for b in doc.blocks:
        spans = _block_quotes(doc, b.start, b.end)
        first = True
        for s, e in spans:
            opens_block = first and not prose[b.start : s].strip()
            first = False
            if pending is not None:
                if opens_block:
                    pending.append((s, e))
                    if _is_open(prose, s, e, b.end):
                        continue
                    groups.append(pending)
                    pending = None
                    continue
                groups.append(pending)
                pending = None
            if _is_open(prose, s, e, b.end) and b.kind != "heading":
                pending = [(s, e)]
            else:
                groups.append([(s, e)])
        if pending is not None and not spans:
            groups.append(pending)
            pending = None
        elif pending is not None and spans and pending[-1][1] < b.start:
            groups.append(pending)
            pending = None
    if pending is not None:
        groups.append(pending)
    return groups


def _block_quotes(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    starts = doc._quote_starts
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return list(doc.quotes[lo:hi])


def _is_open(prose: str, s: int, e: int, block_end: int) -> bool:
    """A quote that runs to the end of its block without a closing mark."""
    if e < block_end:
        return False
    last = prose[e - 1]
    if e - s < 2:
        return True
    opening = prose[s]
    if opening == "“":
        return last != "”"
    return last != '"'


def _inner(prose: str, s: int, e: int) -> str:
    t = prose[s:e]
    if t[:1] in _OPEN_MARKS:
        t = t[1:]
    if t[-1:] in _CLOSE_MARKS:
        t = t[:-1]
    return t.strip()


def _block_index(doc: Document, offset: int) -> int:
    sent = doc.sentence_at(offset)
    if sent is not None:
        return sent.block
    for b in doc.blocks:
        if b.start <= offset < b.end:
            return b.index
    return 0


def _is_speech(
    prose: str, doc: Document, qs: int, qe: int, inner: str, n_words: int, before: str, block_start: int
) -> bool:
    if n_words == 0:
        return False
    if _NAMING.search(prose[max(block_start, qs - 40) : qs]):
        return False
    if is_title_like(inner):
        return False
    return n_words >= 2


# -- attribution -----------------------------------------------------------------------


def _attribute(
    doc: Document,
    prose: str,
    parts: list[tuple[int, int]],
    sent_first: Sentence,
    sent_last: Sentence,
    first_block: int,
    last_block: int,
    cues: object,
    attributed_blocks: dict[int, Attribution],
) -> tuple[Attribution | None, str | None]:
    get = cues  # type: ignore[assignment]
    qs, qe = parts[0][0], parts[-1][1]
    # 1. The quotation's own sentence(s): the text around it, outside quote marks.
    around = [a for a in _cues_in(doc, prose, sent_first.start, qs) if a.verb_start < qs]
    if around:
        return around[-1], "sentence"
    after = [a for a in _cues_in(doc, prose, qe, sent_last.end) if a.verb_start >= qe]
    if after:
        return after[0], "sentence"
    sents = doc.sentences
    i_first = _sentence_index(doc, sent_first)
    i_last = _sentence_index(doc, sent_last)
    # 2. The sentence before, in the same paragraph.
    if i_first > 0 and sents[i_first - 1].block == first_block:
        got = get(sents[i_first - 1])  # type: ignore[operator]
        if got:
            return got[-1], "adjacent"
    # 3. The sentence after, in the same paragraph (or the next paragraph's first sentence
    #    when the quotation ends its paragraph).
    if i_last + 1 < len(sents):
        nxt = sents[i_last + 1]
        if nxt.block == last_block or (
            nxt.block == last_block + 1
            and not prose[qe : doc.blocks[last_block].end].strip(" \t\r\n.,")
            and not _starts_with_quote(prose, nxt.start)
        ):
            got = get(nxt)  # type: ignore[operator]
            if got and got[0].verb_start - nxt.start < 120:
                return got[0], "adjacent"
    # 4. A paragraph that opens with the quotation: the paragraph before.
    block = doc.blocks[first_block]
    if not prose[block.start : qs].strip() and first_block > 0:
        prev = first_block - 1
        if prev in attributed_blocks:
            return attributed_blocks[prev], "previous"
        if doc.blocks[prev].kind != "heading":
            prev_sents = doc.block_sentences(doc.blocks[prev])
            if prev_sents:
                last = prev_sents[-1]
                got = get(last)  # type: ignore[operator]
                if got:
                    return got[-1], "previous"
    return None, None


def _starts_with_quote(prose: str, offset: int) -> bool:
    return prose[offset : offset + 1] in _OPEN_MARKS


def _sentence_index(doc: Document, sent: Sentence) -> int:
    return bisect.bisect_left(doc._sentence_starts, sent.start)


def _cues_in(doc: Document, prose: str, start: int, end: int) -> list[Attribution]:
    if end <= start:
        return []
    return find_speech_cues(prose, start, end, doc)


def _subject_before(prose: str, lo: int, verb_start: int, verb: str, doc: Document | None) -> Attribution | None:
    """The subject of a verb of saying: the phrase between the clause start and the verb."""
    seg_start = lo
    seg = prose[lo:verb_start]
    # clause start: after the last quote mark, clause punctuation or sentence boundary
    cut = -1
    for m in _CLAUSE_BREAK.finditer(seg):
        cut = m.end()
    for mark in '"“”':
        k = seg.rfind(mark)
        if k + 1 > cut:
            cut = k + 1
    if cut > 0:
        seg_start = lo + cut
        seg = prose[seg_start:verb_start]
    phrase = seg.rstrip()
    if not phrase.strip():
        return None
    # "X, the firm's boss, said": drop the appositive; "..., X said" keeps the part after the comma
    pieces = [p for p in phrase.split(",")]
    stripped = [p.strip() for p in pieces]
    if len(pieces) >= 3 and not stripped[-1]:
        # "Name, title, said": the subject is the first piece
        cand_rel = 0
    else:
        cand_rel = len(pieces) - 1
        while cand_rel > 0 and not stripped[cand_rel]:
            cand_rel -= 1
    offset = seg_start + sum(len(p) + 1 for p in pieces[:cand_rel])
    cand = pieces[cand_rel]
    words = list(re.finditer(r"\S+", cand))
    if not words:
        return None
    # drop leading conjunctions, trailing auxiliaries/adverbs
    while words and words[0].group(0).lower() in _LEAD_WORDS:
        words.pop(0)
    while words and words[-1].group(0).lower().strip(",") in _TRAIL_WORDS:
        words.pop()
    if not words or len(words) > 9:
        return None
    s = offset + words[0].start()
    e = offset + words[-1].end()
    text = prose[s:e]
    if verb in ("say", "tell", "call", "put it"):
        # "they say" is fine, "to say" or "would say" are not statements of speech
        if text.lower() not in _PRONOUNS and not text[:1].isupper():
            return None
    if text.lower() in ("it",) and verb in ("says", "said"):
        # "it said" after an organisation is common ("the firm ... it said"); accept
        pass
    if not _plausible_subject(text):
        return None
    return Attribution(verb, verb_start, text, s, e)


def _plausible_subject(text: str) -> bool:
    low = text.lower()
    if low in _PRONOUNS:
        return True
    first = low.split()[0]
    if first in ("is", "was", "were", "are", "be", "been", "being", "to", "not", "never", "has", "had", "have"):
        return False
    if text.endswith(("is", "was", "were", "be", "been")):
        return False
    # a subject is a noun phrase: a name, or a determiner/possessive phrase, or a plural noun
    return bool(re.search(r"[A-Za-z]", text))


def _subject_after(
    prose: str, lo: int, hi: int, verb: str, verb_start: int, doc: Document | None
) -> Attribution | None:
    """Inverted attribution right after a quotation: '"...," said Jo Bloggs, the boss.'"""
    head = prose[max(0, verb_start - 4) : verb_start]
    if not re.search(r"[,\"”!?]\s*$", head):
        return None
    return _phrase_after(prose, lo, hi, verb, verb_start)


def _phrase_after(prose: str, lo: int, hi: int, verb: str, verb_start: int) -> Attribution | None:
    i = lo
    while i < hi and prose[i] in " \t\r\n":
        i += 1
    m = _AFTER_SPEAKER_END.search(prose, i, hi)
    stop = m.start() if m else hi
    text = prose[i:stop].rstrip()
    if not text or len(text.split()) > 9 or text[:1] in _OPEN_MARKS:
        return None
    if not (text[:1].isupper() or text.split()[0].lower() in ("the", "a", "an", "its", "his", "her", "their", "one")):
        if text.lower() not in _PRONOUNS:
            return None
    return Attribution(verb, verb_start, text, i, i + len(text))


# -- names -----------------------------------------------------------------------------


class _NameIndex:
    """Full names used in a draft, to expand surnames and resolve pronouns."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._full: dict[str, tuple[str, int]] | None = None
        self._speakers: list[tuple[int, str]] = []

    def _index(self) -> dict[str, tuple[str, int]]:
        if self._full is None:
            full: dict[str, tuple[str, int]] = {}
            for m in _NAME_RUN.finditer(self.doc.prose):
                words = m.group(0).split()
                while words and words[0].lower().rstrip(".") in _STOP_TITLES:
                    words.pop(0)
                if len(words) < 2 or len(words) > 4:
                    continue
                last = words[-1]
                name = " ".join(words)
                if last not in full or len(words) > len(full[last][0].split()):
                    full[last] = (name, m.start())
            self._full = full
        return self._full

    def _last_person_before(self, offset: int) -> str | None:
        """The last two-to-four-word name in the paragraph of ``offset`` or the one before."""
        sent = self.doc.sentence_at(offset)
        if sent is None:
            return None
        lo = self.doc.blocks[max(0, sent.block - 1)].start
        best = None
        for m in _NAME_RUN.finditer(self.doc.prose, lo, offset):
            words = m.group(0).split()
            while words and words[0].lower().rstrip(".") in _STOP_TITLES:
                words.pop(0)
            if 2 <= len(words) <= 3 and not any(w.lower() in _ORG_WORDS for w in words):
                if self._at_sentence_start(m.start()) and words[0].lower() in _LEAD_CAPS:
                    continue
                best = " ".join(words)
        return best

    def _at_sentence_start(self, offset: int) -> bool:
        sent = self.doc.sentence_at(offset)
        return sent is not None and sent.start == offset

    def note_speaker(self, name: str, offset: int) -> None:
        self._speakers.append((offset, name))

    def resolve(self, words: str, offset: int) -> tuple[str, bool]:
        low = words.lower()
        if low in _PRONOUNS:
            if low in _PERSONAL:
                for off, name in reversed(self._speakers):
                    if off < offset:
                        return name, True
                mention = self._last_person_before(offset)
                if mention is not None:
                    return mention, True
            return words, False
        run = _last_name_run(words)
        if run is None:
            return words, False
        parts = run.split()
        while parts and parts[0].lower().rstrip(".") in _STOP_TITLES:
            parts.pop(0)
        if not parts:
            return words, False
        if len(parts) == 1:
            got = self._index().get(parts[0])
            if got is not None and got[1] <= offset:
                return got[0], True
        if run != words and not _is_person_name(run, words):
            return words, False
        return " ".join(parts), True


def _last_name_run(text: str) -> str | None:
    runs = list(_NAME_RUN.finditer(text))
    if not runs:
        return None
    return runs[-1].group(0)


def _is_person_name(run: str, phrase: str) -> bool:
    """'chief executive Jo Bloggs' names Jo Bloggs; "BMW's chief executive" names nobody."""
    tail = phrase[phrase.rfind(run) + len(run) :].strip()
    return not tail and not run.endswith(("’s", "'s"))
