"""Hyphenation points as pyphen computes them (Liang's algorithm over a hunspell ``hyph_*.dic``
pattern file), with the patterns parsed lazily.

textstat 0.7.8 counts the syllables of a word the CMU dictionary lacks as the number of
pyphen's hyphenation points plus one. ``pyphen.Pyphen(lang="en_US")`` parses all 11,000
patterns of its file up front. Here the file is only split into ``letters -> pattern line`` (the letters
are the line with its digits removed, done for the whole file in one pass), and a pattern's
digits are read the first time a word contains its letters. The points are the ones pyphen
gives; ``tests/test_readability.py`` compares the two over tens of thousands of words.

Pattern files that use hunspell features this reader does not parse (``^^hh`` escapes,
non-standard hyphenation with ``/``, numbers of two digits) are refused with ``None`` from
:func:`load`, and the caller falls back to pyphen itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# pyphen skips these lines of a pattern file (see its ``ignored``).
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_ZERO_ONLY = re.compile(r"^[^1-9\n]*$", re.M)
_UNSUPPORTED = re.compile(r"\^\^|/|\d\d")
_NONZERO = re.compile(r"[1-9]")


class Hyphenator:
    """``positions(word)`` equal to ``pyphen.Pyphen(filename=path, left=2, right=2).positions``."""

    def __init__(self, lines: list[str], left: int = 2, right: int = 2) -> None:
        self.left, self.right = left, right
        text = "\n".join(lines)
        # The letters of each line: its digits removed, for the whole file at once (in UTF-8 a
        # digit's byte never occurs inside another character).
        keys = text.encode().translate(None, b"0123456789").decode().split("\n")
        patterns = dict(zip(keys, lines, strict=True))  # later lines win, as in pyphen's dict
        if _ZERO_ONLY.search(text):
            # pyphen skips a line whose values are all zero, so such a line must not replace
            # an earlier line with the same letters here either (rare: none in en_US).
            patterns = {k: ln for k, ln in zip(keys, lines, strict=True) if _NONZERO.search(ln)}
        self._lines = patterns
        self._values: dict[str, tuple[int, ...]] = {}

    def _pattern(self, key: str) -> tuple[int, ...]:
        """The value before each letter of a pattern and after its last one."""
        got = self._values.get(key)
        if got is None:
            values: list[int] = []
            pending = 0
            for ch in self._lines[key]:
                if "0" <= ch <= "9":
                    pending = ord(ch) - 48
                else:
                    values.append(pending)
                    pending = 0
            values.append(pending)
            got = self._values[key] = tuple(values)
        return got

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_automaton", None)  # rebuilt on first use
        return state

    def _matcher(self) -> Any:
        """An Aho-Corasick automaton of every pattern's letters, built on first use: one pass
        over a word finds each pattern it holds."""
        if "_automaton" not in self.__dict__:
            import ahocorasick

            automaton = None
            keys = [key for key in self._lines if key]  # a line of digits alone has no letters to match
            if keys:
                automaton = ahocorasick.Automaton()
                for key in keys:
                    automaton.add_word(key, key)
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def positions(self, word: str) -> list[int]:
        """Offsets in ``word`` where it may be hyphenated."""
        pointed = f".{word.lower()}."
        size = len(pointed)
        refs = [0] * (size + 1)
        pattern = self._pattern
        matcher = self._matcher()
        if matcher is not None:
            for last, key in matcher.iter(pointed):  # every pattern, at every place...
                first = last - len(key) + 1
                if first == size - 1:
                    continue  # ... but the closing dot on its own, which pyphen never looks up
                for k, v in enumerate(pattern(key), first):
                    if v > refs[k]:
                        refs[k] = v
        right = len(word) - self.right
        return [i - 1 for i, r in enumerate(refs) if r % 2 and self.left <= i - 1 <= right]


def load(path: Path) -> Hyphenator | None:
    """The hyphenator for a hunspell pattern file, or None when it uses features not read here
    (kept between runs with the installation, see :func:`lint.cache.derived`)."""
    from lint.cache import derived

    data = path.read_bytes()
    return derived("hyphenation", data, lambda: _read(data), __file__, installed=True)  # pyphen's file


def _read(data: bytes) -> Hyphenator | None:
    first, _, body = data.partition(b"\n")
    encoding = first.decode().strip()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = [ln for ln in map(str.strip, body.decode(encoding).split("\n")) if ln and not ln.startswith(_IGNORED)]
    if _UNSUPPORTED.search("\n".join(lines)):
        return None
    return Hyphenator(lines)


def pyphen_dictionary(lang: str = "en_US") -> Path | None:
    """Where pyphen keeps ``hyph_<lang>.dic``, found without importing pyphen (its import
    lists every dictionary it ships)."""
    import importlib.util

    spec = importlib.util.find_spec("pyphen")
    folders = (spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "dictionaries" / f"hyph_{lang}.dic"
        if path.is_file():
            return path
    return None
