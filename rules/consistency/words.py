"""The words of a draft, shared by the consistency rules: word lists and :class:`_Words`,
built once per document."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count, repeat
from operator import attrgetter, sub

from lint.analysis.lexicon import CALENDAR_WORDS, HONORIFICS, TITLE_SMALL_WORDS
from lint.analysis.memo import per_document
from lint.analysis.names import strip_marks
from lint.analysis.quotes import is_title_like
from lint.analysis.spans import SpanSet, quote_spans
from lint.document import Document
from lint.record import Record

# --------------------------------------------------------------------------------------
# Word lists

_STOP = frozenset(
    """a an the this that these those my your his her its our their some any every each no all both
    either neither other another such what which who whom whose whatever whichever
    i you he she it we they me him us them one
    in on at to for of by with from into onto upon over under about above below across after before
    behind between beyond during except inside outside near off out through throughout toward towards
    until unto up down within without along alongside among amid around against beside besides via
    than as like
    and or but nor so yet if then else because though although while whereas when where why how whether
    be is are was were been being am do does did done have has had having can could may might must
    shall should will would not never also just only even still ever here there now once
    more most less least much many few several
    back away ahead apart aside together forward""".split()
)
"""Function words: a lower-case open compound made of one of these ("a part", "may be", "every
day", "set up") is not a spelling of the closed word ("apart", "maybe", "everyday", "setup")."""

_AFTER_NOUN = frozenset(
    """alone ago earlier later itself instead too however though overall
    rose fell grew jumped dropped climbed slipped slumped surged soared declined increased
    decreased doubled halved said says showed shows saw sees came comes began begins ended ends
    remained remains proved proves helped helps""".split()
)
"""Words that follow a noun phrase rather than a noun it modifies: "in the fourth quarter
alone" and "profits in the fourth quarter rose" use "fourth quarter" as a noun, like "in the
fourth quarter." does, not as the modifier "a fourth-quarter charge"."""

_PARTICLES = frozenset(
    "up down out off in on over back away through by about around along ahead apart aside together forward".split()
)
"""Second parts of phrasal verbs: "sell off" (verb) beside "sell-off" (noun) is correct."""

_HYPHEN_MEANING = frozenset(
    """resign resigned resigning recover recovered recovering recovery recreate recreated recreation
    reform reformed reforming repress repressed resent resented reserve reserved release released
    releasing recount recounted remark remarked retreat retreated recollect recollection resolve
    resolved react reacted represent represented representing resort resorted redress refuse refused
    relay relayed coop unionised unionized recede receded recover""".split()
)
"""Closed words whose hyphenated form is a different word ("re-sign" is not "resign")."""

_DIACRITIC_WORDS = frozenset(
    "resume resumes expose exposes rose roses pate pates lame mate mates sake ole pique saki abbe".split()
)
"""Plain words that the accented spelling of another word turns into ("résumé"/"resume")."""

_OPENERS = "\"“‘'([{*_—–-•·‐‑ \t\r\n"
_INITIAL_AFTER = ":;.!?…"
_AMBIGUOUS_AFTER = ",/–—-&"
_COORD = frozenset({"and", "or", "nor"})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_MIN_KEY = 3
_MAX_N = 3
_MAX_CONTEXTS = 8


def _key(form: str) -> str:
    """The grouping key of a form: letters only, no case, no diacritics, no hyphens or spaces."""
    return strip_marks(form).casefold().replace(" ", "").replace("-", "").replace(".", "")


def _has_upper_after_first(token: str) -> bool:
    return any(c.isupper() for c in token[1:])


def _is_mixed(token: str) -> bool:
    """Inner capitals: "HarmonyOS", "iPhone", "eBay", "WorldCom" (not "Huawei", "NASA", "PCs")."""
    letters = [c for c in token if c.isalpha()]
    if not letters or _PLURAL_ACRONYM.match(token):
        return False
    uppers = [c.isupper() for c in letters]
    if all(uppers) or not any(uppers):
        return False
    return not (uppers[0] and not any(uppers[1:]))


def _is_all_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_title(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not any(c.isupper() for c in letters[1:])


# --------------------------------------------------------------------------------------
# The words of a draft, shared by the rules of this module through ``doc.memo``

_WORD_PATTERN = r"[^\W_]++(?:(?:[-\u2010\u2011]|['’](?=[A-Z]))[^\W_]++)*+"
_DOTTED_PATTERN = r"(?:[A-Z]\.){2,}(?!\w)"
_LONG_PATTERN = r"[^\W_]{3}|[^\W_]{1,2}(?:[-\u2010\u2011][^\W_]|['’][A-Z])"
_FIRST_TOKEN_PATTERN = (
    rf"(?<![^\W_])(?:(?=[A-Z]\.){_DOTTED_PATTERN}|(?<!['’]){_WORD_PATTERN}|(?={_LONG_PATTERN}){_WORD_PATTERN})"
)
_NEXT_TOKEN_PATTERN = rf"(?:(?=[A-Z]\.){_DOTTED_PATTERN}|{_WORD_PATTERN})"  # after white space
_RUN = re.compile(rf"({_FIRST_TOKEN_PATTERN}(?:\s++{_NEXT_TOKEN_PATTERN})*+)")
"""A run of word tokens separated by white space only (``split`` yields the runs between
the gaps). A token is a dotted abbreviation ("U.S."), a word with inner hyphens, or a name
with an inner apostrophe ("O'Connor"); one or two letters right after an apostrophe (the
"s" of a possessive, the "t" of "don't") are no token, and part of the gap. An n-gram never
crosses the end of a run."""
_SEP = "\x00"
"""Ends every run among the tokens (as :data:`_NO_WORD` in :attr:`_Words.words`)."""
_NON_SPACE = re.compile(r"\S+")
_NEWLINE = re.compile("\n")
_MATCH_START = re.Match.start
_APOSTROPHES = ("'", "’")
_SENTENCE_END = (".", "!", "?", ":", ";")


class _Word(Record):
    """What the term rules ask of a token, wherever it is written (one per distinct text)."""

    text: str  # hyphens normalised to "-"
    key: str  # _key(text): the key of an n-gram is its words' keys joined
    real: bool  # a token (not _SEP)
    alpha: bool  # holds a letter
    one: bool  # an n-gram on its own: a letter, and _MIN_KEY letters, or capitals or full stops ("US", "U.S.")
    edge: bool  # may open or close a longer n-gram: a letter, and no lower-case function word mid-sentence
    capish: bool  # a word of a name across drafts: a capital first, or inner capitals ("iPhone")
    stop: bool  # a function word (_STOP), in any case
    name_mid: bool  # a name where it does not open a sentence: a capital, not a month or day name
    name_initial: bool  # a name even opening a sentence: ... and a capital after the first letter
    content: bool  # counts in the title-case test: a letter, not a small word
    untitled: bool  # ... and neither a capital nor a digit first
    marked: bool  # a hyphen, a full stop, a letter outside ASCII or a capital after the first letter:
    # two spellings of one word that compare_forms may report involve such a word (_reportable)
    fold: str  # casefold(), for name contexts


_NO_WORD = _Word(_SEP, _SEP, False, False, False, False, False, False, False, False, False, False, False, "")
_WORD_CACHE: dict[str, _Word] = {_SEP: _NO_WORD}
"""Word facts by token text, shared by every draft (they do not depend on the draft);
emptied when it holds _WORD_CACHE_MAX texts, so memory stays flat over many drafts."""
_WORD_CACHE_MAX = 200_000
_RUNS_PER_BATCH = 4096
_EDGE = attrgetter("edge")
_ONE = attrgetter("one")
_MARKED = attrgetter("marked")
_KEY = attrgetter("key")
_TEXT = attrgetter("text")
_UNTITLED = attrgetter("untitled")
_CONTENT = attrgetter("content")
_CAPISH = attrgetter("capish")
_NAME_MID = attrgetter("name_mid")


def _word(token: str) -> _Word:
    """The facts of a token text (cached in _WORD_CACHE)."""
    if token.isascii():
        text = token
        low = fold = token.lower()  # casefold() of ASCII
        key = low.replace("-", "").replace(".", "")  # _key
        alpha = not token.isdigit() and any(map(str.isalpha, token))
    else:
        text = token.replace("\u2010", "-").replace("\u2011", "-")
        low = text.lower()
        fold = text.casefold()
        key = _key(text)
        alpha = any(map(str.isalpha, text))
    stop = low in _STOP
    content = alpha and low not in TITLE_SMALL_WORDS
    if text.islower():  # no capital anywhere: no name, no inner capitals
        return _Word(
            text,
            key,
            True,
            alpha,
            alpha and (len(key) >= _MIN_KEY or "." in text),
            alpha and not stop,
            False,
            stop,
            False,
            False,
            content,
            content and not text[:1].isdigit(),
            "-" in text or "." in text or not text.isascii(),
            fold,
        )
    cap = text[:1].isupper()
    name_mid = cap and low not in CALENDAR_WORDS
    return _Word(
        text,
        key,
        True,
        alpha,
        alpha and (len(key) >= _MIN_KEY or "." in text or _is_all_caps(text)),
        alpha and not (stop and not name_mid),
        cap or _is_mixed(text),
        stop,
        name_mid,
        name_mid and _has_upper_after_first(text),
        content,
        content and not (cap or text[:1].isdigit()),
        "-" in text or "." in text or not text.isascii() or _has_upper_after_first(text),
        fold,
    )


class _Occ(Record):
    """One occurrence of an n-gram (one to three words joined by spaces or hyphens)."""

    form: str  # separators normalised to one space / "-"
    at: int  # index of its first word in _Words.words (document order; _Words.span gives offsets)
    size: int  # words
    initial: bool  # the first word opens a sentence (its first capital proves nothing)
    case_ok: bool  # every word's case is evidence
    proper: bool  # some word is a name (capital not explained by position)
    first_proper: bool  # the first word is
    stops: bool  # a lower-case function word inside ("Enron and WorldCom")
    next_kind: str  # "cap" | "word" | "verb" (a word in -ed) | "other" | "ambiguous": what follows
    context: tuple[str, str]  # name words right before and after ("" when none)


@dataclass(slots=True, eq=False)
class _Words:
    """The word tokens of a draft's prose, run by run, sentence by sentence: built once per
    document (:func:`_words`) for CS101, CS110, CS113 and CS102. Per token, only what does
    not depend on its place is known up front (:class:`_Word`); offsets, sentence starts
    and case evidence are worked out for the few tokens a rule looks at."""

    prose: str
    words: list[_Word]  # the facts of each token, each run followed by _NO_WORD
    run_first: Sequence[int]  # per run: its first token
    run_start: Sequence[int]  # ... its offsets
    run_end: Sequence[int]
    run_sentence: Sequence[int]  # ... its sentence (index into sentence_start...)
    sentence_runs: Sequence[int]  # per sentence holding a token: its first run
    sentence_start: Sequence[int]
    sentence_end: Sequence[int]
    sentence_case: bytes  # its capitals are case evidence (not a heading, a capitals line, title case)
    sentence_titled: bytes  # it overlaps a quoted title
    titles: SpanSet
    starts: dict[int, Sequence[int]] = field(default_factory=dict)  # run -> offsets of its tokens (lazy)
    initials: dict[int, bool] = field(default_factory=dict)  # run -> its first token opens a sentence (lazy)
    vocabulary: list[_Word] | None = None  # the distinct words (lazy: distinct_words())

    def distinct_words(self) -> list[_Word]:
        """Each distinct token text's facts, once (with _NO_WORD)."""
        if self.vocabulary is None:
            self.vocabulary = list(dict(zip(map(id, self.words), self.words, strict=True)).values())
        return self.vocabulary

    def run_of(self, j: int) -> int:
        return bisect_right(self.run_first, j) - 1

    def run_initial(self, r: int) -> bool:
        """The first token of run ``r`` opens a sentence: only openers (quotes, brackets,
        dashes, white space) between it and the sentence start, a colon or full stop..."""
        got = self.initials.get(r)
        if got is None:
            k = self.run_sentence[r]
            first_run = r == self.sentence_runs[k]
            prev_end = self.sentence_start[k] if first_run else self.run_end[r - 1]
            gap = self.prose[prev_end : self.run_start[r]].rstrip(_OPENERS)
            if gap:
                got = gap[-1] in _INITIAL_AFTER
            else:  # after the previous run's last character ("U.S. Army")
                got = first_run or self.prose[prev_end - 1] in _INITIAL_AFTER
            self.initials[r] = got
        return got

    def start_of(self, j: int, r: int) -> int:
        """Offset of token ``j`` (in run ``r``)."""
        starts = self.starts.get(r)
        if starts is None:  # only white space between the tokens of a run
            starts = self.starts[r] = tuple(
                map(_MATCH_START, _NON_SPACE.finditer(self.prose, self.run_start[r], self.run_end[r]))
            )
        return starts[j - self.run_first[r]]

    def span(self, index: int, size: int) -> tuple[int, int]:
        """Offsets of the n-gram of ``size`` tokens from token ``index``."""
        r = self.run_of(index)
        last = index + size - 1
        return self.start_of(index, r), self.start_of(last, r) + len(self.words[last].text)

    def initial(self, j: int, r: int) -> bool:
        """Token ``j`` opens a sentence (or follows a colon, an opening quote...)."""
        if j == self.run_first[r]:
            return self.run_initial(r)
        prev = self.words[j - 1].text
        if not prev.endswith("."):  # white space after a word: not initial
            return False
        # after "U.S.": initial, unless the white space is not an opener (a no-break space)
        gap = self.prose[self.start_of(j - 1, r) + len(prev) : self.start_of(j, r)]
        return not gap.rstrip(_OPENERS)

    def name_like(self, j: int, r: int) -> bool:
        """A capital that sentence position does not explain (month and day names excluded)."""
        w = self.words[j]
        return w.name_mid and (w.name_initial or not self.initial(j, r))

    def plain_stop(self, j: int, r: int) -> bool:
        """A lower-case function word (a capitalised one may be part of a name: "My BMW")."""
        return self.words[j].stop and not self.name_like(j, r)

    def case_ok(self, j: int, r: int) -> bool:
        """The token's case is evidence: not in a heading, capitals line, title-case line or
        quoted title."""
        k = self.run_sentence[r]
        if not self.sentence_case[k]:
            return False
        if self.sentence_titled[k]:
            st = self.start_of(j, r)
            return not self.titles.holds(st)
        return True

    def occurrence(self, i: int, n: int, r: int) -> _Occ | None:
        """The n-gram of ``n`` tokens from token ``i`` (in run ``r``), or None when it is no
        term: a longer n-gram must end in a letter and neither open nor close with a
        lower-case function word; short keys collide by chance ("US"/"U.S." are kept)."""
        words = self.words
        last = i + n - 1
        first_w, last_w = words[i], words[last]
        if not first_w.alpha:
            return None
        if n == 1:
            if not first_w.one:
                return None
        elif not last_w.alpha or self.plain_stop(i, r) or self.plain_stop(last, r):
            return None
        elif n == 2:
            if len(first_w.key) + len(last_w.key) < _MIN_KEY:
                return None
        elif len(first_w.key) + len(words[i + 1].key) + len(last_w.key) < _MIN_KEY:
            return None
        names = [self.name_like(j, r) for j in range(i, last + 1)]
        prev_name = ""
        if i > 0 and words[i - 1].real and self.name_like(i - 1, r):
            prev_name = words[i - 1].fold
            if prev_name.rstrip(".") in HONORIFICS:
                prev_name = ""  # "Mr Kilroy-Silk" and "Robert Kilroy Silk" are one name
        if words[last + 1].real:
            kind, next_name = _after_word(words[last + 1], self.name_like(last + 1, r))
        else:
            kind, next_name = _after_run(self, r), ""
        return _Occ(
            form=" ".join(w.text for w in words[i : last + 1]),
            at=i,
            size=n,
            initial=self.initial(i, r),
            case_ok=all(self.case_ok(j, r) for j in range(i, last + 1)),
            proper=any(names),
            first_proper=names[0],
            stops=n == 3 and self.plain_stop(i + 1, r),
            next_kind=kind,
            context=(prev_name, next_name),
        )


def _after_word(nxt: _Word, name_like: bool) -> tuple[str, str]:
    """(kind, name) of the word right after an n-gram (white space between)."""
    w = nxt.text
    if w[:1].isupper() or w[:1].isdigit():
        return "cap", (nxt.fold if (name_like or w[:1].isdigit()) else "")
    low = w.lower()
    if low in _COORD:
        return "ambiguous", ""
    if low in _STOP or low in _AFTER_NOUN:
        return "other", ""
    if len(low) >= 5 and low.endswith("ed") and not low.endswith("eed"):
        # most often a verb after a noun phrase ("the mass market slowed"), sometimes a
        # modifier before a noun ("a high-profile televised debate"): no evidence of either use
        return "verb", ""
    return "word", ""


@per_document
def _words(doc: Document) -> _Words:
    prose = doc.prose
    split = _RUN.split
    # The prose as gap, run, gap, run, ..., gap (text outside sentences joins the gaps), so
    # that the offsets of the runs add up.
    chunks = [""]
    sentence_runs: list[int] = []
    sentence_start: list[int] = []
    sentence_end: list[int] = []
    kept = []
    runs = pos = 0
    for sent in doc.sentences:
        s, e = sent.start, sent.end
        if s and prose[s - 1] in _APOSTROPHES:  # a token right after an apostrophe may be short
            parts = split(prose[s - 1 : e])
            parts[0] = parts[0][1:]
        else:
            parts = split(prose[s:e])
        if len(parts) == 1:
            continue
        kept.append(sent)
        sentence_runs.append(runs)
        sentence_start.append(s)
        sentence_end.append(e)
        runs += len(parts) >> 1
        chunks[-1] += prose[pos:s] + parts[0]
        chunks.extend(parts[1:])
        pos = e
    offsets = array("q", accumulate(map(len, chunks)))
    run_texts = chunks[1::2]
    del chunks
    cache = _WORD_CACHE
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
        cache[_SEP] = _NO_WORD
    # Token texts are split a batch of runs at a time, so that a draft's words are held as
    # one reference each to the shared _Word, never as one string each.
    words: list[_Word] = []
    run_first = array("q")
    for b in range(0, len(run_texts), _RUNS_PER_BATCH):
        tokens = f" {_SEP} ".join(run_texts[b : b + _RUNS_PER_BATCH]).split()
        tokens.append(_SEP)
        base = len(words)
        run_first.append(base)
        run_first.extend(compress(count(base + 1), map(_SEP.__eq__, tokens[:-1])))
        try:
            words.extend(map(cache.__getitem__, tokens))
        except KeyError:  # new words
            for t in set(tokens).difference(cache):
                cache[t] = _word(t)
            del words[base:]
            words.extend(map(cache.__getitem__, tokens))
    del run_texts
    if not run_first:
        words.append(_NO_WORD)  # no run: the one separator, as an empty batch would give
        run_first.append(0)
    tokens_count = len(words)
    titles = _title_quotes(doc)
    blocks = doc.blocks
    lower_blocks: dict[int, bool] = {}
    sentence_case = bytearray()
    sentence_titled = bytearray()
    for k, sent in enumerate(kept):
        s, e = sent.start, sent.end
        text = prose[s:e]
        block = blocks[sent.block]
        no_case = block.kind == "heading" or not any(map(str.islower, text))
        if not no_case:
            lower = lower_blocks.get(block.index)
            if lower is None:
                lower = lower_blocks[block.index] = any(map(str.islower, prose[block.start : block.end]))
            no_case = not lower
        if not no_case:
            first = run_first[sentence_runs[k]]
            end = run_first[sentence_runs[k + 1]] if k + 1 < len(kept) else tokens_count
            mine = words[first:end]
            if not any(map(_UNTITLED, mine)):
                # a headline run into the text, or a title-case label (a list item or a line
                # without a full stop): "Fast Wireless Charging"
                short = block.kind == "list_item" or not text.rstrip(" \"”’')").endswith(_SENTENCE_END)
                no_case = sum(map(_CONTENT, mine)) >= (2 if short else 4)
        sentence_case.append(not no_case)
        sentence_titled.append(titles.overlaps(s, e))
    sentence_sizes = map(sub, [*sentence_runs[1:], runs], sentence_runs)
    return _Words(
        prose,
        words,
        run_first,
        offsets[0::2][:runs],
        offsets[1::2][:runs],
        array("q", chain.from_iterable(map(repeat, range(len(kept)), sentence_sizes))),
        array("q", sentence_runs),
        array("q", sentence_start),
        array("q", sentence_end),
        bytes(sentence_case),
        bytes(sentence_titled),
        titles,
    )


@per_document
def _title_quotes(doc: Document) -> SpanSet:
    """Quotations that read as titles ("Born In The USA"): their capitals are title case."""
    spans = []
    for s, e in quote_spans(doc).spans:
        inner = doc.prose[s + 1 : e - 1] if e - s >= 2 else ""
        if is_title_like(inner):
            spans.append((s, e))
    return SpanSet(spans)


def _is_initial(prose: str, sent_start: int, pos: int) -> bool:
    j = pos - 1
    while j >= sent_start and prose[j] in _OPENERS:
        j -= 1
    return j < sent_start or prose[j] in _INITIAL_AFTER


def _after_run(ws: _Words, r: int) -> str:
    """What follows the end of run ``r`` in its sentence: "ambiguous" for a comma, slash,
    dash or ampersand ("Enron, WorldCom"), else "other"."""
    rest = ws.prose[ws.run_end[r] : ws.sentence_end[ws.run_sentence[r]]].lstrip()
    return "ambiguous" if rest[:1] and rest[0] in _AMBIGUOUS_AFTER else "other"
