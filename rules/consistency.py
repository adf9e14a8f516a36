"""Consistency rules: one thing written or stated two ways, in one draft or across the drafts
of a run. They need no fact base; with one, names the fact base calls aliases of one entity
are not conflicts.

Per draft:

* CS101 ``term-forms``: one name or term written in two forms (case, hyphen or space,
  diacritics).
* CS102 ``spelling-variety``: American and British spellings mixed (and ``-ize``/``-ise``).

Across drafts (corpus phase; records are small and grouped by key, never compared pairwise):

* CS110 ``term-forms-across-drafts``: one name written in different forms in different drafts.
* CS111 ``role-holder-conflict``: two people given the same title at the same organisation.
* CS112 ``quote-speaker-conflict``: one quotation attributed to different speakers.
* CS113 ``figure-conflict``: one figure reported with different values.
"""

from __future__ import annotations

import functools
import marshal
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, combinations, compress, count, filterfalse, repeat
from operator import attrgetter, itemgetter, ne, sub
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from lint.analysis.amounts import sentence_amounts
from lint.analysis.lexicon import BODY_NOUNS, CALENDAR_WORDS, HONORIFICS, TITLE_SMALL_WORDS
from lint.analysis.memo import per_document
from lint.analysis.names import ORG_RUN, looks_like_person, name_words, org_key, same_person, strip_marks
from lint.analysis.quotes import find_quotations, is_title_like
from lint.analysis.roles import find_role_mentions
from lint.analysis.spans import SpanSet
from lint.analysis.titles import is_exclusive_title, title_parts
from lint.document import Document
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Edit, Finding, Fix, Related, Severity, Span
from lint.record import Record
from lint.rule import Rule

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
_MATCH_END = re.Match.end
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
    next_kind: str  # "cap" | "word" | "other" | "ambiguous": what follows
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
    return ("other" if low in _STOP or low in _AFTER_NOUN else "word"), ""


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
    offsets = list(accumulate(map(len, chunks)))
    tokens = f" {_SEP} ".join(chunks[1::2]).split()
    tokens.append(_SEP)
    run_first = (0, *compress(count(1), map(_SEP.__eq__, tokens[:-1])))
    cache = _WORD_CACHE
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
        cache[_SEP] = _NO_WORD
    try:
        words = list(map(cache.__getitem__, tokens))
    except KeyError:  # new words
        for t in set(tokens).difference(cache):
            cache[t] = _word(t)
        words = list(map(cache.__getitem__, tokens))
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
            end = run_first[sentence_runs[k + 1]] if k + 1 < len(kept) else len(tokens)
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
        tuple(offsets[0::2][:runs]),
        tuple(offsets[1::2][:runs]),
        tuple(chain.from_iterable(map(repeat, range(len(kept)), sentence_sizes))),
        tuple(sentence_runs),
        tuple(sentence_start),
        tuple(sentence_end),
        bytes(sentence_case),
        bytes(sentence_titled),
        titles,
    )


@per_document
def _title_quotes(doc: Document) -> SpanSet:
    """Quotations that read as titles ("Born In The USA"): their capitals are title case."""
    spans = []
    for s, e in doc.quotes:
        inner = doc.prose[s + 1 : e - 1] if e - s >= 2 else ""
        if is_title_like(inner):
            spans.append((s, e))
    return SpanSet(spans)


def _is_initial(prose: str, sent_start: int, pos: int) -> bool:
    j = pos - 1
    while j >= sent_start and prose[j] in _OPENERS:
        j -= 1
    return j < sent_start or prose[j] in _INITIAL_AFTER


# --------------------------------------------------------------------------------------
# Term occurrences


def _term_groups(doc: Document) -> dict[str, dict[str, list[_Occ]]]:
    """Occurrences by key and form of the draft's one-, two- and three-word n-grams (within
    runs), keeping only keys written in two or more forms that :func:`compare_forms` may
    tell apart (:func:`_reportable`).

    Most n-grams have one form, so the keys written two ways are found from the words'
    facts alone (n-grams whose first or last word is a lower-case function word wherever it
    stands are left out: no key can use them); only the occurrences of those keys are
    then looked at closely."""
    ws = _words(doc)
    words = ws.words
    vocabulary = ws.distinct_words()
    ones = list(compress(vocabulary, map(_ONE, vocabulary)))  # single words that are terms
    one_keys = list(map(_KEY, ones))
    seen: dict[str, int] = dict.fromkeys(one_keys, 1)  # key -> its first longer n-gram (1: a single word)
    # keys written as two single words, one of them marked (two unmarked ones differ in case
    # only, and never in a way compare_forms reports)
    marked = set(map(_KEY, filter(_MARKED, ones)))
    shared = list(compress(ones, map(marked.__contains__, one_keys)))
    multi = {k for k, n in Counter(map(_KEY, shared)).items() if n > 1}  # keys written two ways
    longer: dict[str, list[int]] = {}  # key -> its longer n-grams (4 * first token + words), once seen twice

    def again(key: str, first: int, ref: int, n: int) -> None:
        refs = longer.get(key)
        if refs is None:
            refs = longer[key] = [] if first == 1 else [first]
        refs.append(ref)
        i = ref >> 2
        if first == 1 or first & 3 != n or words[first >> 2 : (first >> 2) + n] != words[i : i + n]:
            multi.add(key)

    setdefault = seen.setdefault
    for i, a, b, c in compress(zip(count(), words, words[1:], [*words[2:], _NO_WORD]), map(_EDGE, words)):
        if b.edge:
            key = a.key + b.key
            if len(key) >= _MIN_KEY:
                ref = 4 * i + 2
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 2)
            if c.edge:  # three words with letters: _MIN_KEY letters or more
                key += c.key
                ref = 4 * i + 3
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 3)
        elif b.real and c.edge:
            key = a.key + b.key + c.key
            if len(key) >= _MIN_KEY:
                ref = 4 * i + 3
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 3)
    if not multi:
        return {}
    # The forms of each such key: keep the keys whose forms compare_forms may tell apart.
    forms_of: dict[str, set[str]] = defaultdict(set)
    for w in compress(ones, map(multi.__contains__, one_keys)):
        forms_of[w.key].add(w.text)
    refs_of: dict[str, list[int]] = {}
    for key in multi:
        refs = longer.get(key)
        if refs is None:
            first = seen[key]
            refs = [] if first == 1 else [first]
        refs_of[key] = refs
        for ref in refs:
            forms_of[key].add(" ".join(w.text for w in words[ref >> 2 : (ref >> 2) + (ref & 3)]))
    kept = {key for key in multi if any(_reportable(x, y) for x, y in combinations(forms_of[key], 2))}
    if not kept:
        return {}
    singles = set(map(id, compress(ones, map(kept.__contains__, one_keys))))
    candidates = [4 * j + 1 for j in compress(count(), map(singles.__contains__, map(id, words)))] if singles else []
    for key in kept:
        candidates.extend(refs_of[key])
    candidates.sort()
    # Group the occurrences by key and form (refs and sentence starts only), merge the
    # sentence-opening capitals, and look closely at the keys still written two ways.
    by_key: dict[str, dict[str, list[int]]] = {}
    initial: dict[int, bool] = {}
    runs: dict[int, int] = {}
    for ref in candidates:
        i, n = divmod(ref, 4)
        r = ws.run_of(i)
        last = i + n - 1
        if n > 1 and (ws.plain_stop(i, r) or ws.plain_stop(last, r)):
            continue
        mine = words[i : last + 1]
        by_key.setdefault("".join(w.key for w in mine), {}).setdefault(" ".join(w.text for w in mine), []).append(ref)
        initial[ref] = ws.initial(i, r)
        runs[ref] = r
    out: dict[str, dict[str, list[_Occ]]] = {}
    for key, forms in by_key.items():
        if len(forms) > 1:
            forms = _merge_initial_capitals(forms, initial.__getitem__, int)
        if len(forms) > 1:
            out[key] = {
                form: [occ for ref in group if (occ := ws.occurrence(ref // 4, ref % 4, runs[ref])) is not None]
                for form, group in forms.items()
            }
    return out


def _reportable(a: str, b: str) -> bool:
    """Whether :func:`compare_forms` may report forms ``a`` and ``b`` of one key at all: two
    forms that differ only in case never are, unless inner capitals or capitals beside title
    case are involved (one word), or both start with a capital (several words). "The"/"the"
    and "Analysts said"/"analysts said" are never compared."""
    if a.lower() != b.lower() or "." in a or "." in b:
        return True  # separators, diacritics, full stops
    if " " in a or "-" in a:
        return a[:1].isupper() and b[:1].isupper()
    return _is_mixed(a) or _is_mixed(b) or (_is_all_caps(a) and _is_title(b)) or (_is_all_caps(b) and _is_title(a))


_NameOcc = tuple[int, int, bool, bool, bool, str, tuple[str, str], int]
"""A CS110 name occurrence, lean: first token, words, initial, case_ok, first_proper,
next_kind, context (the fields of :class:`_Occ`; proper is always true, stops false), and
the run."""


def _name_forms(ws: _Words) -> tuple[dict[str, _NameOcc | list[_NameOcc]], dict[str, list[str]]]:
    """Every n-gram that CS110 records: its occurrences by form, in document order (a form
    written once: the occurrence alone), and the forms of each key written in two or more
    forms. Such an n-gram has every word capitalised or with inner capitals ("Time Warner",
    "HarmonyOS NEXT", "U.S."), some word a name, no lower-case function word inside. The
    same tests as :meth:`_Words.occurrence`, with each word's facts worked out once per
    stretch of such words."""
    words, run_first = ws.words, ws.run_first
    out: dict[str, _NameOcc | list[_NameOcc]] = {}  # a form seen once: the occurrence alone
    first_form: dict[str, str] = {}  # key -> its first form
    forms_of: dict[str, list[str]] = {}  # key -> its forms, when two or more
    caps = list(compress(count(), map(_CAPISH, words)))
    if not caps:
        return out, forms_of
    after_caps = list(map((1).__add__, caps))
    firsts = [caps[0], *compress(caps[1:], map(ne, caps[1:], after_caps))]
    lasts = [*compress(caps, map(ne, after_caps, caps[1:])), caps[-1]]

    def add(key: str, form: str, occ: _NameOcc) -> None:
        group = out.get(form)
        if group is not None:
            if isinstance(group, list):
                group.append(occ)
            else:
                out[form] = [group, occ]
            return
        out[form] = occ
        other = first_form.setdefault(key, form)
        if other != form:
            forms_of.setdefault(key, [other]).append(form)

    for first, last in zip(firsts, lasts, strict=True):  # stretches of such words (within a run)
        if first == last:  # one word (often a sentence's first): its neighbours are no names
            w = words[first]
            if not (w.one and w.name_mid):
                continue
            r = -1
            initial1 = False
            if not words[first - 1].real or not first:
                r = ws.run_of(first)
                initial1 = ws.run_initial(r)
            elif words[first - 1].text[-1] == ".":
                r = ws.run_of(first)
                initial1 = ws.initial(first, r)
            if initial1 and not w.name_initial:
                continue  # a capital the sentence start explains
            if r < 0:
                r = ws.run_of(first)
            if words[first + 1].real:
                kind, next_name = _after_word(words[first + 1], False)
            else:
                kind, next_name = _after_run(ws, r), ""
            context = ("", next_name) if next_name else _NO_CONTEXT
            add(w.key, w.text, (first, 1, initial1, ws.case_ok(first, r), True, kind, context, r))
            continue
        r = ws.run_of(first)
        rf = run_first[r]
        sentence = ws.run_sentence[r]
        # the stretch and the word either side of it in the run (name contexts)
        lo = first - 1 if first > rf else first
        hi = last + 1 if words[last + 1].real else last
        near = words[lo : hi + 1]
        # only a run's first word, or a word after "U.S.", may open a sentence
        initial = [(j == rf or words[j - 1].text[-1] == ".") and ws.initial(j, r) for j in range(lo, hi + 1)]
        names = [w.name_mid and (w.name_initial or not x) for w, x in zip(near, initial, strict=True)]
        stops = [w.stop and not x for w, x in zip(near, names, strict=True)]
        cases = [ws.case_ok(j, r) for j in range(lo, hi + 1)] if ws.sentence_titled[sentence] else None
        case_ok = bool(ws.sentence_case[sentence])
        # what follows an n-gram ending at each word of the stretch
        afters = [_after_word(near[b + 1], names[b + 1]) for b in range(first - lo, last - lo + (hi > last))]
        if hi == last:
            afters.append((_after_run(ws, r), ""))
        for i in range(first, last + 1):
            wi = words[i]
            if not wi.alpha:
                continue
            a = i - lo
            prev_name = ""
            if a and names[a - 1]:
                prev_name = near[a - 1].fold
                if prev_name.rstrip(".") in HONORIFICS:
                    prev_name = ""  # "Mr Kilroy-Silk" and "Robert Kilroy Silk" are one name
            first_name, stop_first = names[a], stops[a]
            for b in range(a, min(a + _MAX_N, last - lo + 1)):
                if b == a:
                    if not (wi.one and first_name):
                        continue
                    key, form = wi.key, wi.text
                else:
                    wj = near[b]
                    if not wj.alpha or stop_first or stops[b]:
                        continue
                    if b == a + 1:
                        if not (first_name or names[b]):
                            continue
                        key = wi.key + wj.key
                        if len(key) < _MIN_KEY:
                            continue
                        form = f"{wi.text} {wj.text}"
                    else:
                        mid = near[a + 1]
                        if stops[a + 1] or not (first_name or names[a + 1] or names[b]):
                            continue
                        key = wi.key + mid.key + wj.key
                        form = f"{wi.text} {mid.text} {wj.text}"
                kind, next_name = afters[b - first + lo]
                add(
                    key,
                    form,
                    (
                        i,
                        b - a + 1,
                        initial[a],
                        case_ok if cases is None else all(cases[a : b + 1]),
                        first_name,
                        kind,
                        (prev_name, next_name) if prev_name or next_name else _NO_CONTEXT,
                        r,
                    ),
                )
    return out, forms_of


def _after_run(ws: _Words, r: int) -> str:
    """What follows the end of run ``r`` in its sentence: "ambiguous" for a comma, slash,
    dash or ampersand ("Enron, WorldCom"), else "other"."""
    rest = ws.prose[ws.run_end[r] : ws.sentence_end[ws.run_sentence[r]]].lstrip()
    return "ambiguous" if rest[:1] and rest[0] in _AMBIGUOUS_AFTER else "other"


_T = TypeVar("_T")


def _merge_initial_capitals(
    forms: dict[str, list[_T]], initial: Callable[[_T], bool], order: Callable[[_T], int]
) -> dict[str, list[_T]]:
    """ "Healthcare" opening a sentence is the "healthcare" of the rest of the draft.
    ``initial(o)``: the occurrence opens a sentence; ``order(o)``: its place in the draft."""
    merged = dict(forms)
    for form, occs in forms.items():
        lowered = form[:1].lower() + form[1:]
        if lowered != form and lowered in merged and all(map(initial, occs)):
            merged[lowered] = sorted(merged[lowered] + occs, key=order)
            del merged[form]
    return merged


# --------------------------------------------------------------------------------------
# What the comparison knows of a form


@dataclass
class FormInfo:
    """What the comparison of two forms needs to know about one form, summed over its
    occurrences (in one draft, or in several). Small and picklable (corpus records)."""

    form: str
    count: int = 0
    case_count: int = 0  # occurrences usable as case evidence
    case_mid: int = 0  # ... and not opening a sentence
    proper: bool = False
    lower: bool = False  # an occurrence usable as case evidence with no capital at all
    first_proper: bool = False
    next_kinds: set[str] = field(default_factory=set)
    contexts: set[tuple[str, str]] = field(default_factory=set)

    def add(self, occ: _Occ) -> None:
        self.count += 1
        self.next_kinds.add(occ.next_kind)
        if len(self.contexts) < _MAX_CONTEXTS:
            self.contexts.add(occ.context)
        if occ.case_ok:
            self.case_count += 1
            if not occ.initial:
                self.case_mid += 1
            self.proper |= occ.proper
            self.first_proper |= occ.first_proper
            if not any(c.isupper() for c in occ.form):
                self.lower = True

    def merge(self, other: FormInfo) -> None:
        self.count += other.count
        self.case_count += other.case_count
        self.case_mid += other.case_mid
        self.proper |= other.proper
        self.lower |= other.lower
        self.first_proper |= other.first_proper
        self.next_kinds |= other.next_kinds
        for c in other.contexts:
            if len(self.contexts) >= _MAX_CONTEXTS * 4:
                break
            self.contexts.add(c)


class Variance(Record):
    """How two forms of one key differ, and which occurrences count as evidence."""

    kind: str  # "separator" | "diacritics" | "case"
    case_initial_only: bool = False  # case kind: the forms differ only in their first letter
    weak: bool = False
    """One word in capitals beside title case ("NEXT"/"Next"): a longer name that contains
    it ("HarmonyOS NEXT") makes the better report; never reported across drafts."""
    name: bool = False
    """The difference is inside a name (capitalised words either side of the separator, or
    inner capitals), as opposed to an ordinary word ("grid-scale")."""


# --------------------------------------------------------------------------------------
# Comparing two forms of one key


def _shape(form: str) -> tuple[str, dict[int, str]]:
    """Letters of ``form`` and its separators by letter position ("grid-scale" -> {4: "-"})."""
    letters: list[str] = []
    bounds: dict[int, str] = {}
    for ch in form:
        if ch in " -":
            bounds[len(letters)] = ch
        else:
            letters.append(ch)
    return "".join(letters), bounds


def _piece_range(bounds: dict[int, str], pos: int, length: int) -> tuple[int, int]:
    """Letter range of the two words either side of boundary ``pos``."""
    cuts = sorted(bounds)
    left = max([c for c in cuts if c < pos], default=0)
    right = min([c for c in cuts if c > pos], default=length)
    return left, right


def _contexts_match(a: FormInfo, b: FormInfo, strict: bool = True) -> bool:
    """Both forms are used as the same name: the same name words around them ("Delta Air
    Lines" is not "American Airlines"). Loose: an empty side matches anything."""
    if a.contexts & b.contexts:
        return True
    if strict:
        return False
    return any(
        (pa == pb or not pa or not pb) and (na == nb or not na or not nb)
        for pa, na in a.contexts
        for pb, nb in b.contexts
    )


def compare_forms(a: FormInfo, b: FormInfo, *, across: bool = False) -> Variance | None:
    """How ``a`` and ``b`` (same key) differ, or None when the difference is legitimate or
    not proven (the conditions are listed in :class:`TermForms`). ``across``: the forms come
    from different drafts (name contexts must match exactly)."""
    if "." in a.form or "." in b.form:
        return _dotted_variance(a, b, across)
    la, ba = _shape(a.form)
    lb, bb = _shape(b.form)
    plain_a, plain_b = strip_marks(la), strip_marks(lb)
    if len(la) != len(lb) or len(plain_a) != len(plain_b):
        return None
    case_pos = [i for i, (x, y) in enumerate(zip(plain_a, plain_b, strict=True)) if x != y]
    sep_diffs = [(p, ba.get(p), bb.get(p)) for p in sorted(set(ba) | set(bb)) if ba.get(p) != bb.get(p)]
    if sep_diffs:
        return _separator_variance(a, b, la, lb, ba, bb, sep_diffs, case_pos, across)
    if la.lower() != lb.lower():  # diacritics
        if case_pos and case_pos != [0]:
            return None
        proper = a.proper or b.proper
        if proper and not _contexts_match(a, b, strict=across):
            return None
        if not proper and plain_a.lower() in _DIACRITIC_WORDS:
            return None
        return Variance("diacritics", name=proper)
    if not case_pos:
        return None
    return _case_variance(a, b, case_pos)


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _dotted_variance(a: FormInfo, b: FormInfo, across: bool) -> Variance | None:
    """ "U.S." beside "US": the same capitals, with and without full stops."""
    if a.form.replace(".", "") != b.form.replace(".", ""):
        return None
    words_a, words_b = a.form.split(), b.form.split()
    if len(words_a) != len(words_b):
        return None
    for x, y in zip(words_a, words_b, strict=True):
        if x != y and not ((_DOTTED.match(x) and _is_all_caps(y)) or (_DOTTED.match(y) and _is_all_caps(x))):
            return None
    if not _contexts_match(a, b, strict=across):
        return None
    return Variance("separator", name=True)


def _separator_variance(
    a: FormInfo,
    b: FormInfo,
    la: str,
    lb: str,
    ba: dict[int, str],
    bb: dict[int, str],
    sep_diffs: list[tuple[int, str | None, str | None]],
    case_pos: list[int],
    across: bool,
) -> Variance | None:
    if a.proper != b.proper and (a.lower or b.lower):
        return None  # a name beside the ordinary word ("Economic Co-operation" / "cooperation")
    names = set()
    for pos, x, y in sep_diffs:
        holder_letters, holder_bounds = (la, ba) if x is not None else (lb, bb)
        lo, hi = _piece_range(holder_bounds, pos, len(holder_letters))
        left, right = holder_letters[lo:pos], holder_letters[pos:hi]
        if not any(c.isalpha() for c in left) or not any(c.isalpha() for c in right):
            return None
        is_name = left[:1].isupper() and right[:1].isupper()
        names.add(is_name)
        if is_name:
            # Same capitals in both ("TimeWarner"/"Time Warner"); "Castaway"/"Cast Away",
            # "Southwest"/"South West", "UNAIDS"/"UN aids" are different names or words.
            if la[lo:hi] != lb[lo:hi] or not (a.proper and b.proper):
                return None
            continue
        if not _ordinary_separator_ok(a, b, left, right, {x, y}, la if x is None else lb):
            return None
    if len(names) != 1:
        return None
    is_name = names.pop()
    if is_name:
        # The same name words around both (an empty side matches): "Delta Air Lines" is not
        # "American Airlines", but "MyBMW App" is "My BMW app".
        if not _contexts_match(a, b, strict=False):
            return None
    elif case_pos and case_pos != [0]:
        return None
    return Variance("separator", name=is_name)


def _ordinary_separator_ok(
    a: FormInfo, b: FormInfo, left: str, right: str, kinds: set[str | None], closed: str
) -> bool:
    low_left, low_right = left.lower(), right.lower()
    if kinds == {" ", "-"}:
        if low_right in _PARTICLES:
            return False  # "sell off" (verb) beside "sell-off" (noun)

        # "a long-term plan" and "in the long term" are both right: compare like with like.
        def classes(f: FormInfo) -> set[str]:
            return {"attr" if k in ("word", "cap") else "other" for k in f.next_kinds if k != "ambiguous"}

        return bool(classes(a) & classes(b))
    if kinds == {"-", None}:
        return strip_marks(closed).lower() not in _HYPHEN_MEANING
    # an open form beside a closed one: "a part"/"apart", "set up"/"setup" are two things
    if low_left in _STOP or low_right in _STOP or low_right in _PARTICLES:
        return False
    return len(left) >= 2 and len(right) >= 2


def _case_variance(a: FormInfo, b: FormInfo, case_pos: list[int]) -> Variance | None:
    initial_only = case_pos == [0]
    if initial_only:
        if not (a.case_mid and b.case_mid):
            return None
    elif not (a.case_count and b.case_count):
        return None
    words_a = a.form.replace("-", " ").split()
    words_b = b.form.replace("-", " ").split()
    if len(words_a) != len(words_b):
        return None
    differing = [k for k, (x, y) in enumerate(zip(words_a, words_b, strict=True)) if x != y]
    if not _contexts_match(a, b):
        return None
    if len(words_a) == 1:
        x, y = words_a[0], words_b[0]
        if _is_mixed(x) or _is_mixed(y):
            return Variance("case", initial_only, name=True)
        letters = sum(1 for c in x if c.isalpha())
        if letters >= 3 and ((_is_all_caps(x) and _is_title(y)) or (_is_all_caps(y) and _is_title(x))):
            # Standalone in both ("HUAWEI HiCar" is a product name, not a spelling of "Huawei").
            if a.case_mid and b.case_mid and ("", "") in a.contexts and ("", "") in b.contexts:
                return Variance("case", initial_only, weak=True, name=True)
        return None
    # Several words, anchored on a name in both: "Atacama Desert" / "Atacama desert".
    if not (words_a[0][:1].isupper() and words_b[0][:1].isupper() and a.first_proper and b.first_proper):
        return None
    if 0 in differing and words_a[0][1:] == words_b[0][1:]:
        return None
    for k in differing:
        x, y = words_a[k], words_b[k]
        if x.lower() in TITLE_SMALL_WORDS:
            return None
        if _is_mixed(x) or _is_mixed(y) or _is_all_caps(x) or _is_all_caps(y):
            continue
        # Title case against lower case: the capitalised form must end a name somewhere,
        # not only modify the next word ("German Economy minister" is a title).
        titled = a if x[:1].isupper() else b
        if k == len(words_a) - 1 and not (titled.next_kinds - {"word"}):
            return None
    return Variance("case", False, name=True)


def _evidence_count(info: FormInfo, v: Variance) -> int:
    if v.kind != "case":
        return info.count
    return info.case_mid if v.case_initial_only else info.case_count


def _is_evidence(occ: _Occ, v: Variance) -> bool:
    if v.kind != "case":
        return True
    return occ.case_ok and not (v.case_initial_only and occ.initial)


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _recase(text: str, replacement: str) -> str:
    if text[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# --------------------------------------------------------------------------------------
# CS101


class TermForms(Rule):
    """One name or term written in two forms in the same draft.

    **What it finds**: a word or a name of up to three words that the draft writes two ways:
    with a hyphen, a space or closed up ("grid-scale"/"grid scale", "e-mail"/"email",
    "TimeWarner"/"Time Warner", "per cent"/"percent"), with and without full stops
    ("U.S."/"US"), with and without diacritics ("Tomás"/"Tomas"), or with a different case
    ("HarmonyOS NEXT"/"HarmonyOS Next", "Atacama Desert"/"Atacama desert"). The less common
    form is reported (on a tie, the one that comes later), naming the other form and its
    line. Of a short and a long report at one place the short one is kept ("Harmony OS",
    not "Harmony OS users"), unless the long one names the thing ("HarmonyOS Next", not
    "Next").

    **Why**: readers take two spellings for two things, and a draft that cannot make up its
    mind about a name looks unedited.

    **Example**: "The grid-scale batteries ... Two grid scale batteries ..." is reported at
    "grid scale": it is written "grid-scale" on line 1.

    **Fix**: pick one form (the fact base, if it names the entity, says which) and use it
    everywhere. The suggested replacement (the majority form) is not applied by ``--fix``.

    **Not reported** (precision first):

    * capitals that sentence position or title case explains: the first word of a sentence,
      headings, all-capital lines, quoted titles;
    * case differences of a single ordinary word ("Apple"/"apple", "May"/"may",
      "Labour"/"labour", "US"/"us"): a one-word case variant must involve inner capitals
      ("HarmonyOS", "iPhone") or all capitals beside title case ("NASA"/"Nasa");
    * case differences of several words unless the first word is a name in both forms and
      the differing word is not a small word ("of", "the"...), and both forms are used the
      same way ("US President George Bush" beside "the US president said" is house style);
    * "a long-term plan" beside "in the long term" or "the fourth quarter rose", "sell-off"
      beside "sell off" (a compound modifier and a phrase; a noun and a phrasal verb); "re-sign" beside "resign";
      "a part"/"apart", "every day"/"everyday" and other open forms with a function word;
    * a name beside the ordinary word ("Co-operation" in an organisation's name beside
      "cooperation"): separator variants are compared between two names or two ordinary
      words only;
    * two names that share words but not their neighbours ("Delta Air Lines"/"American
      Airlines", "Stop Stansted Expansion"/"the Stansted expansion"), or that close up
      into another word ("South West"/"Southwest", "Cast Away"/"Castaway": a closed-up
      name must keep its capitals, as in "TimeWarner");
    * title case in list items and labels ("- Full HarmonyOS Ecosystem");
    * different words that share a prefix ("co-operate" beside "coordinate"): only two
      spellings of one word are compared, never a house rule for a prefix.

    Quotations count: the spelling inside a quotation is the publication's, not the
    speaker's, so "e-mail" in a quote and "email" in the copy are reported.

    With a fact base, a form it settles is left to it: an accepted form (name or alias) is
    not reported, and an avoided form is reported by the facts rules with the right name.
    """

    code = "CS101"
    name = "term-forms"
    category = "consistency"
    severity = Severity.WARNING
    fixable = True
    examples_bad = (
        "Utilities are buying grid-scale batteries this year.\n\n"
        "The cost of grid scale storage has fallen, and grid-scale projects are growing.\n",
        "The phone runs HarmonyOS NEXT. Buyers of the car get HarmonyOS NEXT apps, "
        "and HarmonyOS Next updates arrive monthly.\n",
        "Tomás Ruiz runs the plant. Engineers say Tomas Ruiz expects more orders.\n",
        "The Atacama Desert is dry. Few plants grow in the Atacama desert.\n",
        "Fourth quarter profits rose. A fourth-quarter charge hurt the bank.\n",
    )
    examples_good = (
        "# The Atacama Desert Project\n\nMines in the Atacama desert use little water.\n",
        "The long-term plan is clear. In the long term, costs will fall.\n",
        "Profits in the fourth quarter rose. A fourth-quarter charge hurt the bank.\n",
        "Apple sells phones. She ate an apple at lunch.\n",
        "Investors sell off shares. The sell-off lasted a week.\n",
        "May was warm. Prices may rise.\n",
        "He will resign on Friday. The club wants to re-sign the striker.\n",
        "US President Jo Smith spoke. The US president said little.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        groups = _term_groups(doc)
        if not groups:
            return
        verdicts: list[tuple[str, str, int, Variance, dict[str, list[_Occ]]]] = []
        for forms in groups.values():
            infos = {}
            for form, occs in forms.items():
                info = FormInfo(form)
                for o in occs:
                    info.add(o)
                infos[form] = info
            ranked = sorted(forms, key=lambda f: (-infos[f].count, forms[f][0].at))
            top = ranked[0]
            for other in ranked[1:]:
                v = compare_forms(infos[top], infos[other])
                if v is None:
                    continue
                n_top = _evidence_count(infos[top], v)
                n_other = _evidence_count(infos[other], v)
                if n_top == 0 or n_other == 0:
                    continue
                first_top = next(o for o in forms[top] if _is_evidence(o, v)).at
                first_other = next(o for o in forms[other] if _is_evidence(o, v)).at
                if n_other > n_top or (n_other == n_top and first_top > first_other):
                    minor, major, n_major = top, other, n_other
                else:
                    minor, major, n_major = other, top, n_top
                if known_to_facts(self.context.facts, minor, major):
                    continue
                verdicts.append((minor, major, n_major, v, forms))
        # A longer n-gram must not point the other way from a shorter one inside it: "US
        # economy"/"U.S. economy" on a tie, when "U.S." is the minority form on its own.
        directed = {(minor, major) for minor, major, _, v, _ in verdicts if not v.weak}
        ws = _words(doc)
        candidates: list[tuple[_Occ, str, str, int, Related, bool]] = []
        for minor, major, n_major, v, forms in verdicts:
            if any((sub_major, sub_minor) in directed for sub_minor, sub_major in _sub_pairs(minor, major)):
                continue
            ref = next(o for o in forms[major] if _is_evidence(o, v))
            line = doc.position(ws.span(ref.at, ref.size)[0])[0]
            related = Related(doc.path, line, f"written '{major}'")
            for o in forms[minor]:
                if _is_evidence(o, v):
                    candidates.append((o, minor, major, n_major, related, v.weak or bool(o.context[0])))
        settled = _settled_spans(self.context.facts, doc) if candidates else []
        if settled:
            spans = [ws.span(c[0].at, c[0].size) for c in candidates]
            candidates = [
                c
                for c, (cs, ce) in zip(candidates, spans, strict=True)
                if not any(s < ce and cs < e for s, e in settled)
            ]
        # Nesting and order of n-grams are those of their first and last tokens.
        for o, minor, major, n_major, related, _ in _one_per_place(
            candidates, lambda c: (None, c[0].at, c[0].at + c[0].size - 1, c[5])
        ):
            start, end = ws.span(o.at, o.size)
            msg = f"'{minor}' is written '{major}' on line {related.line}"
            if n_major > 1:
                msg += f" ({_times(n_major)} in this draft)"
            fix = None
            if doc.text[start:end] == doc.prose[start:end]:
                repl = _recase(doc.text[start:end], major) if o.initial else major
                fix = Fix((Edit(start, end, repl),), f"write '{major}'", safe=False)
            yield self.finding(doc, start, end, msg, fix=fix, related=[related])


def _settled_spans(facts: Any, doc: Document) -> list[tuple[int, int]]:
    """Places where the fact base settles the form: an avoided form (the facts rules report
    it) or an accepted form written exactly."""
    if facts is None:
        return []
    return [(m.start, m.end) for m in facts.find_entities(doc.prose) if m.kind == "avoid" or m.exact]


def _one_per_place(candidates: list[Any], where: Any) -> list[Any]:
    """One finding per place. ``where(c)`` gives ``(owner, start, end, weak)``. Of two nested
    candidates the inner one is kept ("Harmony OS" rather than "Harmony OS users"), unless
    it is weak ("Next" inside "HarmonyOS Next", or "Way group" that starts inside the name
    "Middle Way group"): then the shortest outer one is."""
    items = sorted(((where(c), c) for c in candidates), key=lambda x: x[0][:3])
    # Per owner, the spans of its strong candidates by start, and the longest of them: the
    # spans nested in or around one candidate are found by binary search, not by a scan of
    # all candidates (which grew with the square of a long draft's findings).
    strong: dict[Any, list[tuple[int, int]]] = defaultdict(list)
    for (owner, s, e, weak), _ in items:
        if not weak:
            strong[owner].append((s, e))
    longest = {owner: max(e - s for s, e in spans) for owner, spans in strong.items()}
    out = []
    seen: set[Any] = set()
    for (owner, s, e, weak), c in items:
        if (owner, s, e) in seen:
            continue
        spans = strong.get(owner, [])
        if any(x1 <= e and (x0, x1) != (s, e) for x0, x1 in _starting_in(spans, s, e)):
            continue  # a strong span inside this one
        if weak and spans:
            around = _starting_in(spans, s - longest[owner], s)
            if any(e <= x1 and (x0, x1) != (s, e) for x0, x1 in around):
                continue  # a weak span inside a strong one
        seen.add((owner, s, e))
        out.append(c)
    return out


def _starting_in(spans: list[tuple[int, int]], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The spans of sorted ``spans`` that start in ``[lo, hi]``."""
    i = bisect_left(spans, (lo, -1))
    while i < len(spans) and spans[i][0] <= hi:
        yield spans[i]
        i += 1


# --------------------------------------------------------------------------------------
# CS110


class _Place(Record):
    span: Span
    context: str  # a few words around the occurrence, for the report
    initial: bool
    case_ok: bool


class _FormRecord(Record):
    key: str
    info: FormInfo
    places: tuple[_Place, ...]  # the first occurrence, and the first usable as case evidence


class TermFormsAcrossDrafts(Rule):
    """One name written in different forms in different drafts of the run.

    **What it finds**: a name (a word with capitals that sentence position does not explain,
    or a run of up to three such words) that one draft writes differently from the others,
    with the same tests as ``term-forms`` (CS101): hyphen, space or closed ("Harmony OS"/
    "HarmonyOS"), case ("HarmonyOS Next"/"HarmonyOS NEXT"), diacritics ("Tomas"/"Tomás").
    Each draft votes with the form it uses most; the drafts with the less common form are
    reported (on a tie, the form first seen in the later file), naming a draft with the
    other form and its line.

    **Why**: drafts published side by side should spell a product or a person the same way.

    **Example**: three drafts write "HarmonyOS NEXT" and one writes "HarmonyOS Next": the
    fourth is reported, naming the first draft and line.

    **Fix**: use the form of the other drafts (or the fact base's name).

    **Not reported**: ordinary words (house style across independent drafts is the business
    of a style rule, not a consistency one); a draft that itself uses both forms (CS101
    reports it); case differences of a trailing ordinary word ("BMW Group"/"BMW group")
    unless inner or all capitals are involved, because independent stories differ there
    by house style far more often than by mistake; one word in capitals beside title case
    ("WHO"/"Who", "AIDS"/"Aids"), often two different words; a minority form the fact base
    settles (an accepted form is right; an avoided form is reported by the facts rules).

    **Scale**: each draft records its names as small tuples (form, counts, one or two
    places: offsets and the sentence text around them) and its line offsets; the corpus
    phase groups them by a letters-only key, so it is linear in the number of drafts.
    """

    code = "CS110"
    name = "term-forms-across-drafts"
    category = "consistency"
    severity = Severity.WARNING
    # A single draft cannot show a difference between drafts: the flagged examples are
    # ``examples_corpus``; a single draft, whatever it says, is never flagged.
    examples_bad = ()
    examples_good = ("The phone runs HarmonyOS Next, and HarmonyOS Next apps are on sale.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Huawei ships HarmonyOS NEXT this spring.\n",
            "b.md": "Carmakers adopt HarmonyOS NEXT for their apps.\n",
            "c.md": "Drivers will see HarmonyOS Next in new cars.\n",
        },
        {
            "a.md": "Shares in Time Warner rose on Monday.\n",
            "b.md": "Analysts expect TimeWarner to cut jobs.\n",
            "c.md": "The board of Time Warner met on Friday.\n",
        },
    )

    def record(self, doc: Document) -> _NameRecords | None:
        ws = _words(doc)
        occs_of, forms_of = _name_forms(ws)
        for forms in forms_of.values():
            groups = {f: g if isinstance(g := occs_of[f], list) else [g] for f in forms}
            merged = _merge_initial_capitals(groups, _INITIAL_OF, _AT_OF)
            for f in forms:
                if f in merged:
                    occs_of[f] = merged[f]
                else:
                    del occs_of[f]  # merged into the form in lower case
        out: list[tuple[Any, ...]] = []
        for form, occs in occs_of.items():
            rec = _name_record(ws, form, occs)
            if rec is not None:
                out.append(rec)
        if not out:
            return None
        lines = (0, *map(_MATCH_END, _NEWLINE.finditer(doc.text)))
        votes = array("q", [x for t in out for x in (t[1], t[7])]).tobytes()
        names = tuple(t[0] for t in out)
        keys = tuple(map(_key, names))
        return _NameRecords(lines, names, keys, votes, marshal.dumps([t[1:] for t in out]))

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        # Group the drafts' names by key, for the keys that can be voted for in two forms: in
        # two drafts or more, and written in two forms or more (most names are written one way
        # everywhere: "BBC"). Only the records of keys voted for in two forms are unpacked.
        forms = Counter(
            key for key, _ in set(chain.from_iterable(zip(r.keys, r.names, strict=True) for _, r in records))
        )
        in_drafts = Counter(chain.from_iterable(set(recs.keys) for _, recs in records))
        is_shared = {key for key, n in in_drafts.items() if n > 1 and forms[key] > 1}.__contains__
        by_key: dict[str, dict[str, list[int]]] = {}  # key -> path -> indices of its names there
        draft_recs: dict[str, _NameRecords] = {}
        for path, recs in records:
            draft_recs[path] = recs
            keys = recs.keys
            for i in compress(count(), map(is_shared, keys)):
                key = keys[i]
                per_path = by_key.get(key)
                if per_path is None:
                    by_key[key] = {path: [i]}
                elif path in per_path:
                    per_path[path].append(i)
                else:
                    per_path[path] = [i]
        facts = self.context.facts
        found: list[tuple[str, Span, str, Related, str, bool]] = []
        accepted: set[frozenset[str]] = set()
        groups = []
        unpacked: dict[str, list[tuple[Any, ...]]] = {}
        votes_of: dict[str, array[int]] = {}
        for key, per_path in by_key.items():
            # Each draft votes with its most used form (on a tie, the one it uses first).
            packed_votes: dict[str, list[tuple[str, int]]] = {}
            for path, idx in per_path.items():
                recs = draft_recs[path]
                best = idx[0]
                if len(idx) > 1:
                    tally = votes_of.get(path)
                    if tally is None:
                        tally = votes_of[path] = array("q", recs.votes)
                    best = max(idx, key=lambda i, v=tally: (v[2 * i], -v[2 * i + 1]))  # type: ignore[misc]
                packed_votes.setdefault(recs.names[best], []).append((path, best))
            if len(packed_votes) > 1:
                votes_by_form: dict[str, list[tuple[str, _FormRecord]]] = {}
                for f, ds in packed_votes.items():
                    voted = []
                    for path, i in ds:
                        rows = unpacked.get(path)
                        if rows is None:
                            rows = unpacked[path] = marshal.loads(draft_recs[path].packed)
                        voted.append((path, _decode((f, *rows[i]), key, draft_recs[path].lines)))
                    votes_by_form[f] = voted
                named = {path: [draft_recs[path].names[i] for i in idx] for path, idx in per_path.items()}
                groups.append((max(len(f.split()) for f in votes_by_form), named, votes_by_form))
        # Shortest names first: a longer n-gram is not reported when a shorter one inside it
        # carries the same difference ("Vice President" inside "Vice President Dick").
        groups.sort(key=lambda g: g[0])
        for _, names_in, votes in groups:
            merged: dict[str, FormInfo] = {}
            for form, drafts in votes.items():
                info = FormInfo(form)
                for _, r in drafts:
                    info.merge(r.info)
                merged[form] = info
            ranked = sorted(votes, key=lambda f: (-len(votes[f]), votes[f][0][0]))
            top = ranked[0]
            for other in ranked[1:]:
                v = compare_forms(merged[top], merged[other], across=True)
                if v is None or not _corpus_worthy(top, other, v):
                    continue
                if any(frozenset(pair) in accepted for pair in _sub_pairs(top, other)):
                    continue
                accepted.add(frozenset((top, other)))
                major, minor = top, other
                if len(votes[other]) == len(votes[top]) and votes[other][0][0] < votes[top][0][0]:
                    major, minor = other, top
                if known_to_facts(facts, minor, major):
                    continue
                ref_path, ref = votes[major][0]
                ref_place = _record_place(ref, v)
                if ref_place is None:
                    continue
                ref_span = ref_place.span
                n_major = len(votes[major])
                related = Related(ref_path, ref_span.line, f"written '{major}'")
                for path, r in votes[minor]:
                    if major in names_in[path]:
                        continue  # the draft uses both: CS101 reports it
                    place = _record_place(r, v)
                    if place is None:
                        continue
                    others = "another draft" if n_major == 1 else f"{n_major} other drafts"
                    msg = f"'{minor}' is written '{major}' in {others} ({Path(ref_path).name}:{ref_span.line})"
                    found.append((path, place.span, msg, related, place.context, v.weak))
        for path, span, msg, related, context, _ in _one_per_place(found, lambda f: (f[0], f[1].start, f[1].end, f[5])):
            yield self.finding_at(path, span, msg, related=[related], context=context)


def _sub_pairs(a: str, b: str) -> Iterator[tuple[str, str]]:
    """Pairs of shorter forms (in the order of ``a``, ``b``) left when identical first or last
    words are dropped from both."""
    wa, wb = a.split(" "), b.split(" ")
    todo = [(wa, wb)]
    while todo:
        x, y = todo.pop()
        trims = []
        if x[0] == y[0]:
            trims.append((x[1:], y[1:]))
        if x[-1] == y[-1]:
            trims.append((x[:-1], y[:-1]))
        for nx, ny in trims:
            if nx and ny:
                yield " ".join(nx), " ".join(ny)
                todo.append((nx, ny))


_KIND_LETTERS = {"cap": "c", "word": "w", "other": "o", "ambiguous": "a"}
_LETTER_KINDS = {v: k for k, v in _KIND_LETTERS.items()}


class _NameRecords(Record):
    """CS110's record of a draft: the offsets of its lines (the spans of the few places
    reported are worked out in the corpus phase) and its names, in columns: the forms; their
    keys (the corpus phase groups by them); each form's count and first offset (its vote,
    as 64-bit integers); the rest of each packed tuple (:func:`_decode`, without the form)
    as one ``marshal`` string, unpacked only for the few drafts whose names are voted for
    in two forms. Thousands of drafts' records cross from the worker processes and are held
    at once: a few objects a draft instead of a tuple a name (pickled in half the time,
    unpickled in a third)."""

    lines: tuple[int, ...]
    names: tuple[str, ...]
    keys: tuple[str, ...]  # each name's key (:func:`_key`), worked out here in the worker processes
    votes: bytes
    packed: bytes


def _decode(t: tuple[Any, ...], key: str, lines: Sequence[int]) -> _FormRecord:
    """A record packed as plain tuples (a draft has dozens of names, and thousands of drafts'
    records are held at once; one flat tuple per form): ``(form, count, case_count, case_mid,
    flags, kinds, contexts, *place, *place)``: flags ``proper | lower << 1 | first_proper <<
    2``, kinds the sorted letters of :data:`_KIND_LETTERS`, one or two places of four fields
    (:func:`_packed_place`). The key is not recorded: it is the form's :func:`_key`.
    ``lines``: the draft's line offsets."""
    form, count, case_count, case_mid, flags, kinds, contexts = t[:7]
    info = FormInfo(
        form,
        count,
        case_count,
        case_mid,
        proper=bool(flags & 1),
        lower=bool(flags & 2),
        first_proper=bool(flags & 4),
        next_kinds={_LETTER_KINDS[k] for k in kinds},
        contexts=set(contexts),
    )
    places = tuple(_unpack_place(t[k : k + 4], lines) for k in range(7, len(t), 4))
    return _FormRecord(key, info, places)


def _unpack_place(p: tuple[Any, ...], lines: Sequence[int]) -> _Place:
    start, end, window, flags = p
    line = bisect_right(lines, start)
    end_line = bisect_right(lines, end)
    span = Span(start, end, line, start - lines[line - 1] + 1, end_line, end - lines[end_line - 1] + 1)
    # the context: the window without a word cut at either end, in single spaces
    w0 = start - (flags >> 4)
    s, e = start - w0, end - w0
    a, b = 0, len(window)
    if flags & 4:
        space = window.find(" ", 0, s)
        a = space + 1 if space >= 0 else s
    if flags & 8:
        space = window.rfind(" ", e, b)
        b = space if space >= 0 else e
    return _Place(span, " ".join(window[a:b].split()), bool(flags & 1), bool(flags & 2))


_NO_CONTEXT = ("", "")
_NO_CONTEXTS = (_NO_CONTEXT,)
_AT_OF = itemgetter(0)
_INITIAL_OF = itemgetter(2)


def _name_record(ws: _Words, form: str, occs: _NameOcc | list[_NameOcc]) -> tuple[Any, ...] | None:
    """The packed record (:func:`_decode`) of a name form written at ``occs``: what
    :class:`FormInfo` sums over them, and the places of the first occurrence and of the
    first usable as case evidence. None when no occurrence is case evidence (FormInfo.proper:
    every occurrence is a name). A name form always holds a capital (FormInfo.lower)."""
    if not isinstance(occs, list):  # written once
        if not occs[3]:
            return None
        flags = 1 | int(occs[4]) << 2
        one = _NO_CONTEXTS if occs[6] is _NO_CONTEXT else (occs[6],)
        return (form, 1, 1, int(not occs[2]), flags, _KIND_LETTERS[occs[5]], one, *_packed_place(ws, occs))
    first = occs[0]
    case = [o for o in occs if o[3]]
    if not case:
        return None
    contexts: set[tuple[str, str]] = set()
    for o in occs:
        if len(contexts) < _MAX_CONTEXTS:
            contexts.add(o[6])
    flags = 1 | int(any(o[4] for o in case)) << 2
    kinds = "".join(sorted({_KIND_LETTERS[o[5]] for o in occs}))
    chosen = [first]
    if not (first[3] and not first[2]):
        pick = next((o for o in case if not o[2]), None) or case[0]
        if pick is not first:
            chosen.append(pick)
    head = (form, len(occs), len(case), sum(1 for o in case if not o[2]), flags, kinds, tuple(contexts))
    if len(chosen) == 1:
        return (*head, *_packed_place(ws, first))
    return (*head, *_packed_place(ws, first), *_packed_place(ws, chosen[1]))


def _packed_place(ws: _Words, occ: _NameOcc, width: int = 30) -> tuple[Any, ...]:
    """A :class:`_Place` of a name occurrence, packed: ``(start, end, window, flags)``. The
    window is the sentence's text ``width`` characters either side of the occurrence (records
    stay small); the context is made of it without a word cut at either end
    (:func:`_unpack_place`). Flags: ``initial | case_ok << 1 | cut left << 2 | cut right
    << 3 | (start - window start) << 4``."""
    at, size, r = occ[0], occ[1], occ[7]
    starts = ws.starts.get(r)
    if starts is None:
        ws.start_of(at, r)
        starts = ws.starts[r]
    first = ws.run_first[r]
    start = starts[at - first]
    last = at + size - 1
    end = starts[last - first] + len(ws.words[last].text)
    sentence = ws.run_sentence[r]
    lo, hi = ws.sentence_start[sentence], ws.sentence_end[sentence]
    a, b = max(lo, start - width), min(hi, end + width)
    flags = occ[2] | occ[3] << 1 | (a > lo) << 2 | (b < hi) << 3 | (start - a) << 4
    return start, end, ws.prose[a:b], flags


def _record_place(r: _FormRecord, v: Variance) -> _Place | None:
    if v.kind != "case":
        return r.places[0]
    for p in r.places:
        if p.case_ok and not (v.case_initial_only and p.initial):
            return p
    return None


def _corpus_worthy(a: str, b: str, v: Variance) -> bool:
    """Across independent drafts only names count, and a case difference only when inner or
    all capitals are involved (brand styling: "HarmonyOS Next"/"HarmonyOS NEXT"); title case
    against lower case ("BMW Group"/"BMW group") is house style, and one word in capitals
    against title case ("WHO"/"Who") is more often two different words."""
    if not v.name or v.weak:
        return False
    if v.kind != "case":
        return True
    for x, y in zip(a.replace("-", " ").split(), b.replace("-", " ").split(), strict=False):
        if x == y:
            continue
        if not (_is_mixed(x) or _is_mixed(y) or _is_all_caps(x) or _is_all_caps(y)):
            return False
    return True


def known_to_facts(facts: Any, minor: str, major: str) -> bool:
    """True when the fact base settles the minority form (so a consistency report would be
    wrong or a duplicate): it is an accepted form of the entity (its name or an alias,
    exactly), or a form the fact base flags as avoided (the facts rules report it, with
    the right name)."""
    if facts is None:
        return False
    ent = facts.entity_for(minor) or facts.entity_for(major)
    if ent is None:
        return False
    norm = " ".join(minor.split())
    return norm in {" ".join(f.split()) for f in (*ent.forms, *ent.avoid)}


# --------------------------------------------------------------------------------------
# CS111

_SAME_POST_PARTS = {
    "chairman of the board": "chairman",
    "chairman of the board of management": "chief executive officer",
}


class _RoleRecord(Record):
    org_key: str
    post: str  # one exclusive part of the title ("chief executive officer")
    person: str
    person_words: tuple[str, ...]
    title: str  # as written
    org: str  # as written
    span: Span  # the person's name
    context: str
    date: Any  # datetime.date | None


class RoleHolderConflict(Rule):
    """Two drafts name different people as holder of the same post at the same organisation.

    **What it finds**: one draft names Sean Green as the chief executive of BMW Group Region
    China, another gives that post at BMW Group Greater China to Gao Xiang. Posts are
    compared part by part after normalisation (CEO = chief executive = chief executive
    officer; chair = chairman), and only posts with one holder at a time (chief executive,
    president, chairman, managing director, prime minister, mayor...; not minister,
    director, spokesman, vice-president). Organisations are compared by a loose key that
    drops the legal form and group words ("Group", "AG", "Inc") and region qualifiers
    ("Region", "Greater"), but keeps every other word: "BMW Group Region China" and "BMW
    Group Greater China" are one organisation, "BMW Group" and "BMW China" are two. The
    people named in fewer drafts are reported (on a tie, the later file), naming the other
    draft and line.

    **Why**: one of the drafts is wrong, or the post changed hands and one draft is stale;
    either way the drafts cannot all be published as they are.

    **Example**: draft A names "Jo Smith, chief executive of Orbis Motors", draft B
    "Orbis Motors CEO Al Jones": B (or A) is reported.

    **Fix**: check who holds the post (the fact base ``roles`` section, if any, says) and
    correct the wrong draft.

    **Not reported**: the same person written two ways ("Mr Dixon"/"Tim Dixon", "Gao
    Xiang"/"Xiang Gao"); former, acting, outgoing or incoming holders, and mentions in a
    sentence that names an earlier year ("US president in the 1980s"); a title without an
    organisation or with a generic one ("Committee chairman"); drafts whose front-matter
    dates are more than ``max_days`` apart (a post can change hands). When the fact base
    says the two names are one person (an alias), the mixed naming is reported as
    information instead, naming the fact base entry. When the fact base says who holds the
    post, a conflict is left to the facts rules, which check every draft against it.
    """

    code = "CS111"
    name = "role-holder-conflict"
    category = "consistency"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {"max_days": 90}
    examples_bad = ()
    examples_good = ("Jo Smith, chief executive of Orbis Motors, spoke. Orbis Motors CEO Alan Jones left.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Jo Smith, chief executive of Orbis Motors, opened the plant.\n",
            "b.md": "The plant was opened by Orbis Motors chief executive Alan Jones.\n",
        },
    )

    def record(self, doc: Document) -> list[_RoleRecord] | None:
        facts = self.context.facts
        out = []
        this_year = (doc.date or self.context.today).year
        for m in find_role_mentions(doc, facts):
            if m.qualifier or not m.org or _has_qualifier(m.title):
                continue
            sent = doc.sentence_at(m.start)
            if sent is not None and _mentions_the_past(doc.prose[sent.start : sent.end], this_year):
                continue  # "Ronald Reagan, US president in the 1980s": not the holder today
            words = name_words(m.person)
            if len(words) < 2 and not (facts is not None and facts.entity_for(m.person) is not None):
                continue  # a surname alone ("Mr Dixon") cannot contradict anyone
            key = self._org_key(m.org)
            if not key or all(w in BODY_NOUNS for w in key.split()):
                continue
            context = " ".join(doc.prose[sent.start : sent.end].split())[:200] if sent else m.person
            for part in sorted(title_parts(m.title)):
                post = _SAME_POST_PARTS.get(part, part)
                if not is_exclusive_title(post):
                    continue
                out.append(
                    _RoleRecord(
                        key,
                        post,
                        m.person,
                        words,
                        m.title,
                        m.org,
                        doc.span(m.person_start, m.person_end),
                        context,
                        doc.date,
                    )
                )
        return out or None

    def _org_key(self, org: str) -> str:
        facts = self.context.facts
        if facts is not None:
            ent = facts.entity_for(org)
            if ent is not None:
                return org_key(ent.name)
        return org_key(org)

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        by_post: dict[tuple[str, str], list[tuple[str, _RoleRecord]]] = defaultdict(list)
        for path, recs in records:
            for r in recs:
                by_post[(r.org_key, r.post)].append((path, r))
        reported: set[tuple[str, int, str]] = set()
        facts = self.context.facts
        for mentions in by_post.values():
            if len({p for p, _ in mentions}) < 2:
                continue
            people = _cluster_people(mentions)
            if facts is not None:
                people = _merge_aliases(facts, people)
                for cluster in people:
                    for f in self._mixed_naming(cluster):
                        if (f.path, f.span.start, "") not in reported:  # once, not once per title part
                            reported.add((f.path, f.span.start, ""))
                            yield f
            if len(people) < 2:
                continue
            ranked = sorted(people, key=lambda ms: (-len({p for p, _ in ms}), ms[0][0]))
            major = ranked[0]
            ref_path, ref = major[0]
            for minor in ranked[1:]:
                for path, r in minor:
                    if path == ref_path:
                        continue  # two holders in one draft is a matter for the facts rules
                    if not self._same_period(r, ref):
                        continue
                    if (path, r.span.start, ref.person) in reported:
                        continue
                    reported.add((path, r.span.start, ref.person))
                    finding = self._finding(path, r, ref_path, ref, len({p for p, _ in major}))
                    if finding is not None:
                        yield finding

    def _same_period(self, a: _RoleRecord, b: _RoleRecord) -> bool:
        if a.date is None or b.date is None:
            return True
        return abs((a.date - b.date).days) <= int(self.options.get("max_days", 90))

    def _fact_base_knows(self, key: str, post: str) -> bool:
        """The fact base says who holds the post: the facts rules check every draft."""
        facts = self.context.facts
        if facts is None:
            return False
        for role in getattr(facts, "roles", ()):
            if role.org is None or self._org_key(role.org) != key:
                continue
            parts = {_SAME_POST_PARTS.get(p, p) for t in role.titles for p in title_parts(t)}
            if post in parts:
                return True
        return False

    def _mixed_naming(self, cluster: list[tuple[str, _RoleRecord]]) -> Iterator[Finding]:
        """One person (by the fact base) named differently in different drafts: information,
        at every mention that does not use the fact base's name."""
        facts = self.context.facts
        ent = next((e for _, r in cluster if (e := facts.entity_for(r.person)) is not None), None)
        if ent is None:
            return
        canonical = name_words(ent.name)
        forms = {r.person_words for _, r in cluster}
        if len(forms) < 2:
            return
        for path, r in cluster:
            if r.person_words == canonical:
                continue
            others = [
                (p, x)
                for p, x in cluster
                if p != path and not same_person(x.person_words, r.person_words, unknown=True)
            ]
            if not others:
                continue
            ref_path, ref = next(((p, x) for p, x in others if x.person_words == canonical), others[0])
            where = f"{Path(ref_path).name}:{ref.span.line}"
            entry = f" ({ent.where})" if getattr(ent, "where", "") else ""
            msg = f"'{r.person}' is called '{ref.person}' in {where}; the fact base name is '{ent.name}'{entry}"
            related = [Related(ref_path, ref.span.line, f"'{ref.person}', {ref.title} of {ref.org}")]
            yield self.finding_at(path, r.span, msg, severity=Severity.INFO, related=related, context=r.context)

    def _finding(self, path: str, r: _RoleRecord, ref_path: str, ref: _RoleRecord, n: int) -> Finding | None:
        where = f"{Path(ref_path).name}:{ref.span.line}"
        post = f"{r.title} of {r.org}"
        if self._fact_base_knows(r.org_key, r.post):
            return None
        others = "" if n == 1 else f" and {n - 1} other draft{'s' if n > 2 else ''}"
        msg = f"'{r.person}' is {post} here, but {where}{others} names '{ref.person}' ({ref.title} of {ref.org})"
        if _looks_misspelt(r.person_words, ref.person_words):
            msg += ": one of the names is misspelt?"
        related = [Related(ref_path, ref.span.line, f"'{ref.person}', {ref.title} of {ref.org}")]
        return self.finding_at(path, r.span, msg, related=related, context=r.context)


def _looks_misspelt(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same first name, surnames one or two letters apart ("Wagoner"/"Waggoner")."""
    import difflib

    if len(a) < 2 or len(b) < 2 or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a[-1], b[-1]).ratio() >= 0.8


_YEAR_MENTION = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:s|['’]s)?\b")


def _mentions_the_past(sentence: str, this_year: int) -> bool:
    """The sentence names a year (or decade) before last year: it may be about a past holder."""
    return any(int(y) < this_year - 1 for y in _YEAR_MENTION.findall(sentence))


def _has_qualifier(title: str) -> bool:
    return bool(re.search(r"\b(?:former|ex|late|outgoing|incoming|acting|interim|then|new)\b", title, re.I))


def _merge_aliases(facts: Any, people: list[list[tuple[str, _RoleRecord]]]) -> list[list[tuple[str, _RoleRecord]]]:
    """Join the clusters whose people the fact base calls one entity (aliases)."""
    merged: list[list[tuple[str, _RoleRecord]]] = []
    for cluster in people:
        for m in merged:
            if facts.same_entity(m[0][1].person, cluster[0][1].person):
                m.extend(cluster)
                break
        else:
            merged.append(list(cluster))
    return merged


def _cluster_people(mentions: list[tuple[str, _RoleRecord]]) -> list[list[tuple[str, _RoleRecord]]]:
    """Group the mentions of one post by person (names that may be one person together)."""
    clusters: list[list[tuple[str, _RoleRecord]]] = []
    for path, r in mentions:
        for c in clusters:
            if any(same_person(r.person_words, x.person_words, unknown=True) for _, x in c):
                c.append((path, r))
                break
        else:
            clusters.append([(path, r)])
    return clusters


# --------------------------------------------------------------------------------------
# CS112

_QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SHINGLE = 4
_MIN_QUOTE_WORDS = 8
_MAX_BUCKET = 60


_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_TITLE_NOUNS = frozenset(
    """chairman chairwoman chair leader spokesman spokeswoman spokesperson chief boss president
    secretary minister director head member mp candidate official officials executive manager
    founder analyst economist adviser advisor spokespeople""".split()
)
_SLOGAN = re.compile(r"\b(?:slogans?|mottos?|headlines?|catchphrases?|banners?|posters?|placards?|campaign)\b", re.I)


def _clean_speaker(speaker: str) -> str | None:
    """The person's name in a speaker phrase ("Labour's Paul Flynn" -> "Paul Flynn"), or None
    when it does not read as a person's name (an organisation, a title, a parse slip)."""
    tokens = speaker.split()
    for i, t in enumerate(tokens):
        if t.endswith(("'s", "’s")):
            tokens = tokens[i + 1 :]
            break
    while tokens and (tokens[0].lower() in HONORIFICS or tokens[0].lower().rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
    name = " ".join(tokens)
    return name if looks_like_person(name) else None


def quote_words(text: str) -> tuple[str, ...]:
    """A quotation as lower-case words without punctuation or diacritics (for comparing)."""
    return tuple(w.replace("’", "'") for w in _QUOTE_WORD.findall(strip_marks(text).casefold()))


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class _QuoteRecord(Record):
    words: tuple[str, ...]
    speaker: str
    speaker_words: tuple[str, ...]
    span: Span  # the quotation
    context: str


class QuoteSpeakerConflict(Rule):
    """One quotation attributed to different people in different drafts.

    **What it finds**: the same words of direct speech (at least eight words; the same after
    ignoring case, punctuation and diacritics, or one draft quoting most of the other's
    quotation) given to two different named speakers. Quotations are matched through shared
    runs of four words, so the check scales to thousands of drafts. The speaker named in
    fewer drafts is reported (on a tie, the later file), naming the other draft and line.

    **Why**: a quotation put in the wrong mouth is one of the most damaging errors a
    publication can make.

    **Example**: draft A: "We will open ten stores next year in the north," said Jo Smith.
    Draft B: the same sentence, said Alan Jones. B is reported.

    **Fix**: check the source and correct the attribution.

    **Not reported**: the same person named two ways ("Mr Smith"/"Jo Smith"); quotations
    without a named speaker ("a spokesman said"), or whose speaker is only inferred (from
    "he said", or from a neighbouring sentence), or named as an organisation ("Lib Dem
    chairman ..." read as said by "Lib Dem"); slogans and headlines, which many people
    quote; short phrases that many people say. When the fact base says the two names are
    one person, the mixed naming is reported as information.
    """

    code = "CS112"
    name = "quote-speaker-conflict"
    category = "consistency"
    severity = Severity.WARNING
    examples_bad = ()
    examples_good = (
        '"We will open ten stores in the north next year," said Jo Smith. '
        '"We will open ten stores in the north next year," Ms Smith repeated.\n',
    )
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
            "b.md": 'Alan Jones said: "We will open ten new stores in the north next year."\n',
        },
    )

    def record(self, doc: Document) -> list[_QuoteRecord] | None:
        out = []
        for q in find_quotations(doc):
            if not q.named or not q.speaker or q.how != "sentence" or q.speaker_start < 0:
                continue
            # The name must be written in the quotation's sentence, not resolved from "he".
            written = doc.text[q.speaker_start : q.speaker_end]
            speaker = _clean_speaker(q.speaker)
            if speaker is None or not set(name_words(written)) & set(name_words(speaker)):
                continue
            after = _WORD_AFTER.match(doc.prose, q.speaker_end)
            if after and after.group(1).lower() in _TITLE_NOUNS:
                continue  # "Lib Dem chairman Matthew Taylor": the "speaker" is the party
            sent = doc.sentence_at(q.start)
            if sent is not None and _SLOGAN.search(doc.prose, sent.start, q.start):
                continue  # a slogan or headline is quoted by many people
            words = quote_words(q.text)
            if len(words) < _MIN_QUOTE_WORDS:
                continue
            context = " ".join(doc.prose[sent.start : sent.end].split())[:200] if sent else q.text[:200]
            out.append(_QuoteRecord(words[:200], q.speaker, name_words(q.speaker), doc.span(q.start, q.end), context))
        return out or None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        quotes: list[tuple[str, _QuoteRecord]] = [(path, r) for path, recs in records for r in recs]
        shingles = [_shingles(r.words) for _, r in quotes]
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, sh in enumerate(shingles):
            for x in sh:
                index[x].append(i)
        parent = list(range(len(quotes)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, sh in enumerate(shingles):
            shared: dict[int, int] = defaultdict(int)
            for x in sh:
                bucket = index[x]
                if len(bucket) > _MAX_BUCKET:
                    continue  # a stock phrase, not evidence
                for j in bucket:
                    if j > i:
                        shared[j] += 1
            for j, n in shared.items():
                if n >= 0.8 * min(len(sh), len(shingles[j])):
                    parent[root(j)] = root(i)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(quotes)):
            clusters[root(i)].append(i)
        for members in clusters.values():
            if len({quotes[i][0] for i in members}) < 2:
                continue
            yield from self._conflicts([quotes[i] for i in members])

    def _conflicts(self, members: list[tuple[str, _QuoteRecord]]) -> Iterator[Finding]:
        people: list[list[tuple[str, _QuoteRecord]]] = []
        for path, r in members:
            for c in people:
                if any(same_person(r.speaker_words, x.speaker_words, unknown=True) for _, x in c):
                    c.append((path, r))
                    break
            else:
                people.append([(path, r)])
        if len(people) < 2:
            return
        ranked = sorted(people, key=lambda c: (-len({p for p, _ in c}), c[0][0]))
        ref_path, ref = ranked[0][0]
        facts = self.context.facts
        for group in ranked[1:]:
            for path, r in group:
                if path == ref_path:
                    continue
                where = f"{Path(ref_path).name}:{ref.span.line}"
                snippet = " ".join(r.words[:6])
                related = [Related(ref_path, ref.span.line, f"said by '{ref.speaker}'")]
                if facts is not None and facts.same_entity(r.speaker, ref.speaker):
                    msg = f"'{r.speaker}' is called '{ref.speaker}' for the same quotation in {where}"
                    yield self.finding_at(path, r.span, msg, severity=Severity.INFO, related=related, context=r.context)
                    continue
                msg = f"quotation '{snippet}...' is given to '{r.speaker}' here but to '{ref.speaker}' in {where}"
                yield self.finding_at(path, r.span, msg, related=related, context=r.context)


# --------------------------------------------------------------------------------------
# CS113

_METRICS: Mapping[str, str] = {
    "revenue": "revenue",
    "revenues": "revenue",
    "turnover": "revenue",
    "sales": "sales",
    "profit": "profit",
    "profits": "profit",
    "earnings": "profit",
    "net income": "net profit",
    "net profit": "net profit",
    "net profits": "net profit",
    "net earnings": "net profit",
    "operating profit": "operating profit",
    "operating profits": "operating profit",
    "operating income": "operating profit",
    "pre-tax profit": "pre-tax profit",
    "pre-tax profits": "pre-tax profit",
    "pretax profit": "pre-tax profit",
    "profit before tax": "pre-tax profit",
    "loss": "loss",
    "losses": "loss",
    "net loss": "net loss",
    "deliveries": "deliveries",
    "shipments": "shipments",
    "dividend": "dividend",
    "debt": "debt",
    "debts": "debt",
    "market value": "market value",
    "market capitalisation": "market value",
    "market capitalization": "market value",
    "workforce": "workforce",
    "headcount": "workforce",
}
_METRIC_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in _METRICS), key=len, reverse=True)) + r")(?![\w-])",
    re.I,
)


_METRIC_HINTS = (
    "revenue",
    "turnover",
    "sales",
    "profit",
    "earnings",
    "income",
    "loss",
    "deliveries",
    "shipments",
    "dividend",
    "debt",
    "market",
    "workforce",
    "headcount",
)
"""Every metric holds one of these words: a sentence without one (in any case) names no
metric (a test checks that every metric holds one)."""
_CASE_ODD = ("\u0130", "\u0131", "\u017f")
"""Letters that match "i" or "s" when case is ignored, but whose lower case is no ASCII letter."""


def _metric_hints(doc: Document) -> list[int] | None:
    """Sorted offsets of the metric words (:data:`_METRIC_HINTS`) in the draft: a sentence
    holding none of them holds no metric. None when that cannot be told this way."""
    prose = doc.prose
    if any(c in prose for c in _CASE_ODD):
        return None
    low = doc.prose_lower
    found = []
    for hint in _METRIC_HINTS:
        i = low.find(hint)
        while i >= 0:
            found.append(i)
            i = low.find(hint, i + 1)
    found.sort()
    return found


_METRIC_QUALIFIERS = frozenset(
    """annual quarterly global worldwide domestic overseas international retail online advertising ad
    underlying gross core group half-year first-half second-half""".split()
)
"""Words before a metric that make it another figure ("global sales" is not "US sales")."""
_LINK_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:(?:for|in)\s+(?:the\s+)?(?:\d{4}|year|quarter|period|first\s+half|second\s+half)\s+)?"
    r"(?:of|at|to|was|were|is|are|reached|totall?ed|hit|stood\s+at|amounted\s+to|came\s+to|came\s+in\s+at|"
    r"(?:\w+ly\s+)?(?:rose|fell|grew|increased|decreased|dropped|jumped|climbed|slipped|declined|surged|"
    r"slumped|soared|plunged|plummeted|edged\s+up|edged\s+down|was\s+up|was\s+down)"
    r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent))?\s+to)"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|over|under|less\s+than|"
    r"just\s+over|just\s+under))?\s*$",
    re.I,
)
_LINK_BEFORE = re.compile(r"^\s+(?:in|of)\s+(?:(?:annual|net|total|global|quarterly|operating)\s+)*$", re.I)
_PERIOD = re.compile(
    r"\b(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter|(q[1-4])|(first|second)\s+half|(h[12])|"
    r"(three|six|nine)\s+months)\b",
    re.I,
)
_PERIOD_NAMES = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "final": "fourth",
    "q1": "first",
    "q2": "second",
    "q3": "third",
    "q4": "fourth",
    "h1": "first",
    "h2": "second",
}
_COMPARISON_YEAR = re.compile(
    r"\b(?:from|than|since|versus|vs|compared\s+(?:with|to)|against|over|on|before|after|until|by)\s+"
    r"(?:(?:its|the|their|his|her|a)\s+)?(?:\d{4}|\d{4}['’]s)\b",
    re.I,
)
"""A second year in the sentence ("up 27% from its 2003 performance"): which year a figure
belongs to is then unclear."""
_FORECAST = re.compile(
    r"\b(?:forecasts?|forecast(?:ing|ed)|expects?|expected|expecting|estimates?|estimated|predicts?|predicted|"
    r"targets?|targeted|aims?|aiming|plans?|planned|projects?|projected|guidance|outlook|could|would|might|may|"
    r"should|will|hopes?|wants?)\b",
    re.I,
)
"""Forecasts and targets are not the figure ("expects 2025 revenue of...")."""
_COMPARISON_AMOUNT = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|versus)\s+(?:about\s+|around\s+)?(?:[$€£¥]|[A-Z]{1,3}\$)?\s*\d"
)
_PREPOSITIONS = frozenset("in at for from to with by of on into across within outside against".split())
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|and)\s*(?:[$€£¥]|[A-Z]{1,3}\$)?\s*\d")
_SENTENCE_ADVERBS = frozenset(
    """however meanwhile recently separately overall earlier later last this next that these those
    analysts shares investors officials executives experts economists""".split()
)


class _FigureRecord(Record):
    key: tuple[str, str, int, str, str, str]  # entity, metric, year, period, unit, qualifier
    entity: str  # as written
    metric: str  # as written
    value: float
    step: float
    hedge: str
    raw: str
    span: Span
    context: str


class FigureConflict(Rule):
    """One figure reported with different values in different drafts.

    **What it finds**: the same metric of the same organisation for the same year (and
    quarter or half, when one is named) and in the same unit given different values:
    "BMW ... revenue of €142.38 billion" for 2024 in one draft and "revenue of €124.38
    billion" for 2024 in another. The value named in fewer drafts is reported (on a tie,
    the later file), naming the other draft and line.

    **Why**: one of the figures is a typo or comes from another source; readers comparing
    the articles will notice.

    **Example**: draft A: "Orbis Motors reported revenue of €42.5 billion for 2024";
    draft B: "Orbis Motors' revenue was €45.2 billion in 2024". B (or A) is reported.

    **Fix**: check the source (the fact base ``figures`` section, if any) and correct the
    wrong draft.

    **Conservative on purpose**: a figure counts only when its sentence names exactly one
    year and one organisation before the metric (a name mid-sentence, or one the draft also
    writes mid-sentence, or one the fact base knows), and the number follows the metric
    directly ("revenue of", "revenue rose 5% to", "€3bn in revenue"). Growth rates, shares and
    other percentages, figures in other currencies or units, qualified metrics ("global
    sales" beside "sales in China", "net" beside "operating" profit) are different figures.
    Rounding is allowed for: "€142bn" and "€142.38 billion" agree, and so do "about €140bn"
    and "€142.38bn" (5%). A figure the fact base holds is left to the facts rules, which
    check every draft against it.
    """

    code = "CS113"
    name = "figure-conflict"
    category = "consistency"
    severity = Severity.WARNING
    examples_bad = ()
    examples_good = ("Orbis Motors reported revenue of €42.5 billion for 2024, up from €40.1 billion.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Orbis Motors reported revenue of €42.5 billion for 2024.\n",
            "b.md": "For 2024, Orbis Motors posted revenue of €45.2 billion.\n",
        },
    )

    def record(self, doc: Document) -> list[_FigureRecord] | None:
        prose = doc.prose
        hints = _metric_hints(doc)
        if hints is not None and not hints:
            return None  # no metric anywhere
        named = functools.cache(lambda: self._mid_sentence_names(doc))
        out = []
        for sent in doc.sentences:
            s, e = sent.start, sent.end
            if hints is not None:
                h = bisect_left(hints, s)
                if h == len(hints) or hints[h] >= e:
                    continue  # no metric word in the sentence
            if doc.blocks[sent.block].kind == "heading" or not _METRIC_RE.search(prose, s, e):
                continue
            amounts = sentence_amounts(doc, s, e)
            years = {int(a.value) for a in amounts if a.kind == "year"}
            if len(years) != 1 or _COMPARISON_YEAR.search(prose, s, e) or _FORECAST.search(prose, s, e):
                continue
            year = years.pop()
            comparison = _COMPARISON_AMOUNT.search(prose, s, e)
            if comparison and any(a.kind == "year" and a.start > comparison.start() for a in amounts):
                continue  # "up 8% from 9.2bn euros in 2003": the year is the other figure's
            period_m = _PERIOD.search(prose, s, e)
            period = "year"
            if period_m:
                word = next(g for g in period_m.groups() if g).lower()
                period = _PERIOD_NAMES.get(word, word) + (" months" if period_m.group(5) else "")
                if period_m.group(1) or period_m.group(2):
                    period += " quarter"
                elif period_m.group(3) or period_m.group(4):
                    period += " half"
            values = [a for a in amounts if a.kind in ("money", "quantity") and a.unit]
            for m in _METRIC_RE.finditer(prose, s, e):
                amount = _bound_amount(prose, m, values)
                if amount is None:
                    continue
                entity = self._entity(doc, prose, s, m.start(), named)
                if entity is None:
                    continue
                metric = _METRICS[" ".join(m.group(1).lower().split())]
                qualifier = _qualifier(prose, s, m.start())
                key = (self._entity_key(entity), metric, year, period, amount.unit, qualifier)
                context = " ".join(prose[s:e].split())[:200]
                out.append(
                    _FigureRecord(
                        key,
                        entity,
                        m.group(1),
                        amount.value,
                        amount.step,
                        amount.hedge,
                        " ".join(amount.raw.split()),
                        doc.span(amount.start, amount.end),
                        context,
                    )
                )
        return out or None

    @staticmethod
    def _mid_sentence_names(doc: Document) -> set[str]:
        """Capitalised words the draft writes mid-sentence: names, not sentence openers."""
        ws = _words(doc)
        out: set[str] = set()
        for j in compress(count(), map(_NAME_MID, ws.words)):
            r = ws.run_of(j)
            if ws.name_like(j, r) and ws.case_ok(j, r):
                out.add(ws.words[j].text)
        return out

    def _entity(
        self, doc: Document, prose: str, s: int, metric_start: int, named: Callable[[], set[str]]
    ) -> str | None:
        """The one organisation named before the metric in its sentence, or None (``named()``:
        the draft's mid-sentence names)."""
        facts = self.context.facts
        runs = []
        for m in ORG_RUN.finditer(prose, s, metric_start):
            words = m.group(0).replace("’s", "").replace("'s", "").split()
            words = [w for w in words if w.lower() not in CALENDAR_WORDS]
            if not words:
                continue
            first = words[0]
            initial = _is_initial(prose, s, m.start())
            if initial and len(words) == 1 and first not in named() and not _is_all_caps(first):
                if facts is None or facts.entity_for(first) is None:
                    continue  # "Recently", "Analysts": a sentence opener, not a name
            if first.lower() in _SENTENCE_ADVERBS or (first.lower() in _STOP and len(words) == 1):
                continue
            before = re.findall(r"[\w-]+", prose[max(s, m.start() - 20) : m.start()])
            if before and before[-1].lower() in _PREPOSITIONS:
                continue  # "the market in Germany": a place or a part, not the subject
            if first.lower() in _STOP:
                words = words[1:]
            if words:
                runs.append(" ".join(words))
        keys = {self._entity_key(r) for r in runs}
        if len(keys) != 1:
            return None
        return runs[-1]

    def _entity_key(self, name: str) -> str:
        facts = self.context.facts
        if facts is not None:
            ent = facts.entity_for(name)
            if ent is not None:
                return org_key(ent.name)
        return org_key(name)

    def _fact_base_knows(self, key: tuple[str, str, int, str, str, str]) -> bool:
        """The fact base has this figure: the facts rules check every draft against it."""
        facts = self.context.facts
        if facts is None:
            return False
        for fig in getattr(facts, "figures", ()):
            entity, metrics, year, unit = _figure_key_of(facts, fig)
            if entity == key[0] and key[1] in metrics and year in (None, key[2]) and unit in ("", key[4]):
                return True
        return False

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        by_key: dict[tuple[Any, ...], list[tuple[str, _FigureRecord]]] = defaultdict(list)
        for path, recs in records:
            for r in recs:
                by_key[r.key].append((path, r))
        for key, mentions in by_key.items():
            if len({p for p, _ in mentions}) < 2 or self._fact_base_knows(key):
                continue
            clusters: list[list[tuple[str, _FigureRecord]]] = []
            for path, r in mentions:
                for c in clusters:
                    if all(_values_agree(r, x) for _, x in c):
                        c.append((path, r))
                        break
                else:
                    clusters.append([(path, r)])
            if len(clusters) < 2:
                continue
            ranked = sorted(clusters, key=lambda c: (-len({p for p, _ in c}), c[0][0]))
            ref_path, ref = ranked[0][0]
            for group in ranked[1:]:
                for path, r in group:
                    if path == ref_path or any(_values_agree(r, x) for _, x in ranked[0]):
                        continue
                    year = r.key[2]
                    period = "" if r.key[3] == "year" else f" ({r.key[3]})"
                    where = f"{Path(ref_path).name}:{ref.span.line}"
                    msg = f"{r.entity} {r.metric} for {year}{period} is {r.raw} here but {ref.raw} in {where}"
                    related = [Related(ref_path, ref.span.line, f"{ref.entity} {ref.metric}: {ref.raw}")]
                    yield self.finding_at(path, r.span, msg, related=related, context=r.context)


def _figure_key_of(facts: Any, fig: Any) -> tuple[str, set[str], int | None, str]:
    """(entity key, metrics, year, unit) of a fact base figure, in this rule's terms."""
    ent = facts.entity_for(fig.entity) if fig.entity else None
    entity = org_key(ent.name if ent is not None else (fig.entity or ""))
    metrics = {_METRICS[k.lower()] for k in fig.keywords if k.lower() in _METRICS}
    return entity, metrics, fig.year, fig.unit


def _bound_amount(prose: str, m: re.Match[str], values: Sequence[Any]) -> Any | None:
    """The amount the metric at ``m`` states: right after it ("revenue of €3bn", "revenue
    rose 5% to €3bn") or right before it ("€3bn in revenue")."""
    after = [a for a in values if a.start >= m.end()]
    found = None
    if after and _LINK_AFTER.match(prose[m.end() : after[0].start]):
        found = after[0]
    else:
        before = [a for a in values if a.end <= m.start()]
        if before and _LINK_BEFORE.match(prose[before[-1].end : m.start()]):
            found = before[-1]
    if found is not None and _RANGE_AFTER.match(prose, found.end):
        return None  # a range ("$4.2bn to $4.35bn") is not one figure
    return found


def _qualifier(prose: str, s: int, metric_start: int) -> str:
    """Lower-case words right before the metric that make it another figure."""
    words = re.findall(r"[\w-]+", prose[max(s, metric_start - 40) : metric_start])
    kept: list[str] = []
    for w in reversed(words):
        if w != w.lower() or w not in _METRIC_QUALIFIERS:
            break  # only the words right before it, in lower case ("BMW Group revenue" is no qualifier)
        kept.insert(0, w)
    return " ".join(kept)


def _values_agree(a: _FigureRecord, b: _FigureRecord) -> bool:
    """Two statements of one figure agree when they differ by no more than rounding (half the
    coarser step), 0.5%, or 5% when either is hedged ("about", "nearly")."""
    big = max(abs(a.value), abs(b.value))
    tolerance = max(a.step, b.step) / 2 + big * (0.05 if (a.hedge or b.hedge) else 0.005)
    if a.hedge == "over" or b.hedge == "over":
        low = a if a.hedge == "over" else b
        other = b if low is a else a
        if other.value >= low.value:
            return True
    if a.hedge == "under" or b.hedge == "under":
        high = a if a.hedge == "under" else b
        other = b if high is a else a
        if other.value <= high.value:
            return True
    return abs(a.value - b.value) <= tolerance * (1 + 1e-9)


# --------------------------------------------------------------------------------------
# CS102


class _Spelling(Record):
    variety: str  # "US" | "UK" on the us-uk axis; "ize" | "ise" on the ize axis
    axis: str  # "us-uk" | "ize"
    counterpart: str
    name_prone: bool = False  # capitalised, more often a name than a word ("Labor")


@functools.lru_cache(maxsize=1)
def spelling_table() -> Mapping[str, _Spelling]:
    """Every marker word (lower case) -> its variety and counterpart. Read once per process."""
    from lint.cache import derived

    raw = (Path(__file__).with_name("data") / "spelling.yaml").read_bytes()
    # Kept as plain tuples (a pickle of 3,000 records rebuilds each through Python; plain
    # tuples load in C) and made records on lookup: a draft looks up a handful.
    plain = derived(
        "spelling", raw, lambda: {k: tuple(v) for k, v in _spelling_from(raw).items()}, __file__, installed=True
    )
    return _SpellingTable(plain)


class _SpellingTable(Mapping[str, _Spelling]):
    """The spelling table over plain tuples; ``keys()`` is the dict's own (set operations)."""

    def __init__(self, plain: dict[str, tuple[Any, ...]]) -> None:
        self._plain = plain

    def __getitem__(self, word: str) -> _Spelling:
        return _Spelling._make(self._plain[word])

    def __contains__(self, word: object) -> bool:
        return word in self._plain

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain)

    def __len__(self) -> int:
        return len(self._plain)

    def keys(self) -> KeysView[str]:
        return self._plain.keys()


def _spelling_from(raw: bytes) -> dict[str, _Spelling]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the same data, faster
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    table: dict[str, _Spelling] = {}

    def forms(entry: Sequence[Any]) -> Iterator[tuple[str, str]]:
        a, b, suffixes = entry
        yield a, b
        for suf in suffixes or ():
            yield a + suf, b + suf

    for entry in data.get("pairs", ()):
        for us, uk in forms(entry):
            table[us] = _Spelling("US", "us-uk", uk)
            table[uk] = _Spelling("UK", "us-uk", us)
    for entry in data.get("uk_only", ()):
        for uk, us in forms(entry):
            table.setdefault(uk, _Spelling("UK", "us-uk", us))
    for entry in data.get("us_only", ()):
        for us, uk in forms(entry):
            table.setdefault(us, _Spelling("US", "us-uk", uk))
    prone = frozenset(str(w).lower() for w in data.get("name_prone", ()))
    for word in prone:
        if word in table:
            table[word] = _Spelling(table[word].variety, table[word].axis, table[word].counterpart, name_prone=True)
    endings = ("", "s", "d", "r", "rs")
    for stem in data.get("ize_stems", ()):
        for end in endings:
            table.setdefault(f"{stem}ize{end}", _Spelling("ize", "ize", f"{stem}ise{end}"))
            table.setdefault(f"{stem}ise{end}", _Spelling("ise", "ize", f"{stem}ize{end}"))
        for a, b in (("izing", "ising"), ("ization", "isation"), ("izations", "isations")):
            table.setdefault(stem + a, _Spelling("ize", "ize", stem + b))
            table.setdefault(stem + b, _Spelling("ise", "ize", stem + a))
    return table


_SPELL_WORD = re.compile(r"(?<![\w'’])[A-Za-z]+(?!\w)")
_LOOKAHEAD_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_VARIETY_NAMES = {"US": "American", "UK": "British", "ize": "-ize", "ise": "-ise"}


_WORD_PARTS = re.compile(r"[-\u2010\u2011'’.]")


def _marker_words(doc: Document) -> set[str]:
    """The marker words (lower case) the draft may hold: every marker is a token of the draft
    or a part of one between hyphens, apostrophes or full stops (``_markers`` says which are
    markers)."""
    table = spelling_table()
    vocabulary = list(map(_TEXT, _words(doc).distinct_words()))
    found = table.keys() & map(str.lower, vocabulary)
    for token in filterfalse(str.isalpha, vocabulary):
        for part in _WORD_PARTS.split(token):
            low = part.lower()
            if low in table:
                found.add(low)
    return found


def _may_report(words: set[str], preferred: tuple[str, str] | None) -> bool:
    """Markers among ``words`` could be reported: both varieties of an axis, or (with a
    configured variety) one that is not wanted."""
    table = spelling_table()
    seen: dict[str, set[str]] = defaultdict(set)
    for w in words:
        sp = table[w]
        seen[sp.axis].add(sp.variety)
    for axis, varieties in seen.items():
        if preferred is None:
            if len(varieties) > 1:
                return True
        elif varieties - {preferred[0] if axis == "us-uk" else preferred[1]}:
            return True
    return False


class _Marker(Record):
    start: int
    end: int
    word: str
    spelling: _Spelling


class SpellingVariety(Rule):
    """American and British spellings mixed in one draft.

    **What it finds**: words whose spelling belongs to one variety ("color", "center",
    "traveled", "defense", "analyze") in a draft that mostly uses the other ("colour",
    "centre", "travelled", "defence", "analyse"); and, on a separate axis, ``-ize`` verbs
    mixed with ``-ise`` verbs ("organize" beside "realise"). The minority variety's words are
    reported, naming a word of the majority and its line (on a tie, the variety that
    appears later is reported).

    **Why**: one draft, one spelling. ``-ize`` with British spelling is Oxford style and is
    not reported; mixing ``-ize`` and ``-ise`` is.

    **Example**: "The colour of the new centre ... the color scheme" reports "color".

    **Fix**: the counterpart spelling of the majority variety (applied by ``--fix``).

    **Not reported**: words that are ordinary in both varieties ("program", "license",
    "practice", "meter", "tire", "check"); capitalised words that are names or in titles
    ("Pearl Harbor", "World Health Organization", "Labor Party", a capitalised word in a
    heading or a quoted title). Quoted speech counts: its spelling is the publication's.

    **Options**: ``variety``: ``auto`` (the majority wins, default), ``us``, ``uk`` or
    ``oxford`` (British with ``-ize``) to report every word of the other variety even when
    the draft does not mix them.
    """

    code = "CS102"
    name = "spelling-variety"
    category = "consistency"
    severity = Severity.WARNING
    fixable = True
    default_options: ClassVar[Mapping[str, Any]] = {"variety": "auto"}
    examples_bad = (
        "The colour of the new centre was chosen by the council. Its color scheme won praise.\n",
        "The firm will organise the event. Staff realized the venue was too small, "
        "so they will also organise transport.\n",
    )
    examples_good = (
        "The color of the new center was chosen by the council. Its color scheme won praise.\n",
        "The centre organized a talk on colour and realized a profit.\n",
        "Veterans met at Pearl Harbor. The harbour in Dover was busy, and the World Health "
        "Organization praised the colour of the labels.\n",
        "The new program for the theatre is ready.\n",
    )

    def _markers(self, doc: Document) -> list[_Marker]:
        table = spelling_table()
        prose = doc.prose
        titles = _title_quotes(doc)
        out = []
        for sent in doc.sentences:
            s_start, s_end = sent.start, sent.end
            heading = doc.blocks[sent.block].kind == "heading"
            caps = not any(c.islower() for c in prose[s_start:s_end])
            for m in _SPELL_WORD.finditer(prose, s_start, s_end):
                word = m.group(0)
                low = word.lower()
                sp = table.get(low)
                if sp is None:
                    continue
                if word != low:
                    if heading or caps or not _is_title(word) or sp.name_prone:
                        continue
                    if not _is_initial(prose, s_start, m.start()):
                        continue  # a name: "Pearl Harbor", "Labor Party"
                    following = [w.group(0) for w in _LOOKAHEAD_WORD.finditer(prose, m.end(), min(s_end, m.end() + 60))]
                    if any(w[:1].isupper() for w in following[:3]):
                        continue  # "Center for Strategic Studies said..."
                if titles.holds(m.start()):
                    continue
                out.append(_Marker(m.start(), m.end(), word, sp))
        return out

    def check(self, doc: Document) -> Iterable[Finding]:
        wanted = str(self.options.get("variety", "auto")).lower()
        preferred = {
            "us": ("US", "ize"),
            "american": ("US", "ize"),
            "uk": ("UK", "ise"),
            "british": ("UK", "ise"),
            "oxford": ("UK", "ize"),
        }.get(wanted)
        if not _may_report(_marker_words(doc), preferred):
            return
        markers = self._markers(doc)
        if not markers:
            return
        for axis in ("us-uk", "ize"):
            group = [m for m in markers if m.spelling.axis == axis]
            if not group:
                continue
            by_variety: dict[str, list[_Marker]] = defaultdict(list)
            for m in group:
                by_variety[m.spelling.variety].append(m)
            if preferred is not None:
                keep = preferred[0] if axis == "us-uk" else preferred[1]
                bad = [v for v in by_variety if v != keep]
                if not bad:
                    continue
                minority = bad[0]
                majority_markers = by_variety.get(keep, [])
            else:
                if len(by_variety) < 2:
                    continue
                v1, v2 = sorted(by_variety, key=lambda v: (-len(by_variety[v]), by_variety[v][0].start))
                minority = v2
                majority_markers = by_variety[v1]
            for m in by_variety[minority]:
                yield self._report(doc, m, majority_markers, preferred is not None)

    def _report(self, doc: Document, m: _Marker, majority: list[_Marker], forced: bool) -> Finding:
        sp = m.spelling
        name = _VARIETY_NAMES[sp.variety]
        related: list[Related] = []
        if majority:
            ref = majority[0]
            line = doc.position(ref.start)[0]
            other = _VARIETY_NAMES[ref.spelling.variety]
            if sp.axis == "ize":
                msg = f"'{m.word}' is {name} spelling; the draft uses {other} ('{ref.word}' on line {line})"
            else:
                msg = f"'{m.word}' is {name} spelling; the draft uses {other} spelling ('{ref.word}' on line {line})"
            related.append(Related(doc.path, line, f"'{ref.word}'"))
        else:
            msg = f"'{m.word}' is {name} spelling; the configured variety is {self.options.get('variety')}"
        repl = _recase(m.word, sp.counterpart)
        fix = Fix((Edit(m.start, m.end, repl),), f"write '{repl}'", safe=True)
        if not forced and len(majority) < 2:
            fix = Fix(fix.edits, fix.description, safe=False)  # one word against one: no clear majority
        return self.finding(doc, m.start, m.end, msg, fix=fix, related=related)


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
