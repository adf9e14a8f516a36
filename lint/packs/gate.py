"""How a pack rule avoids scanning drafts: anchors (the words every match starts with,
found by one Aho-Corasick pass) and gates (words a block must hold for a match, found by one
pass shared by all gated rules). Invariant: an anchor or gate never changes the matches a
plain scan finds, only where the scan runs."""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import Any

from lint.document import Document
from lint.packs.patterns import _GROUPS, _REPEATS, _group_items
from lint.recache import Item, parse
from lint.text import CASEFOLD_ODDITIES

_AUTOMATA: dict[frozenset[str], Any] = {}
"""Compiled anchor automata, shared by rules with the same anchors (a compiled table)."""


def _automaton(words: frozenset[str]) -> Any:
    found = _AUTOMATA.get(words)
    if found is None:
        import ahocorasick

        found = ahocorasick.Automaton()
        for w in words:
            found.add_word(w, w)
        found.make_automaton()
        _AUTOMATA[words] = found
    return found


_LEADING_WORD = re.compile(r"[A-Za-z0-9]+")
_COMMON_WORDS = frozenset(
    """the and for are was has had not but its his her all one any can this that with from have they
    their there some many most more other people said will""".split()
)
_LEADING_GROUP = re.compile(r"\(\?:((?:[^()\\]|\\.)*)\)(\?)?")
_LEADING_SPACE = re.compile(r"(?:\\s[*+]?|\\s\{\d*,?\d*\}| )")


def _split_top(pattern: str) -> list[str] | None:
    """Split a regular expression on its top-level ``|`` (None when unbalanced)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    parts.append(pattern[start:])
    return parts


def _anchors(alternative: str, literal: bool = False, depth: int = 0) -> set[str] | None:
    """Lower-case word-start prefixes that every match of ``alternative`` begins with, or
    None when that cannot be told from the pattern (the rule then scans every position).

    Matching verifies each candidate with the full pattern, so an anchor only has to be a
    prefix of every possible match, not a whole word."""
    if depth > 4:
        return None
    branches = [alternative] if literal else _split_top(alternative)
    if not branches:
        return None
    out: set[str] = set()
    for branch in branches:
        found = _branch_anchors(branch, literal, depth)
        if found is None:
            return None
        out |= found
    return out


def _branch_anchors(branch: str, literal: bool, depth: int) -> set[str] | None:
    m = _LEADING_WORD.match(branch)
    if m is not None:
        word = m.group(0)
        if not literal and branch[m.end() : m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]  # the last character is optional
        return {word.lower()} if word else None
    g = _LEADING_GROUP.match(branch)
    if g is None:
        return None
    inner = _anchors(g.group(1), False, depth + 1)
    if inner is None:
        return None
    if g.group(2):  # an optional leading group: a match may also start after it
        rest = branch[g.end() :]
        sp = _LEADING_SPACE.match(rest)
        more = _anchors(rest[sp.end() :] if sp else rest, False, depth + 1)
        if more is None:
            return None
        inner |= more
    return inner


def _by_anchors(whole: bool, anchors: frozenset[str] | None, anchored_source: str | None) -> bool:
    """A rule matches only where its anchors stand (:meth:`PhraseRule._check_anchored`); any
    other rule goes through a gate (:meth:`PhraseRule._gate`)."""
    return not whole and anchors is not None and anchored_source is not None


class _Gate:
    """What a rule's matches need, as :func:`_requirements` gives it: for each alternative,
    words of which the block must hold at least one each (a conjunction of disjunctions)."""

    __slots__ = ("needs", "words", "by_first")

    def __init__(self, needs: tuple[tuple[frozenset[str], ...], ...]) -> None:
        self.needs = needs
        self.words = frozenset(w for alternative in needs for group in alternative for w in group)
        by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for alternative in needs:
            for w in alternative[0]:
                by_first.setdefault(w, []).append(alternative)
        self.by_first = {w: tuple(alts) for w, alts in by_first.items()}
        """The alternatives whose first group holds each word: only those can be met."""
        if not self.words <= _GATE_WORDS[0]:
            _GATE_WORDS[0] |= self.words

    def blocks(self, hits: _Hits) -> set[int]:
        """Starts of the blocks that hold, for some alternative, a word of each group."""
        out: set[int] = set()
        firsts = hits.ends.keys() & self.by_first.keys()
        if not firsts:
            return out  # most rules, in most drafts
        present = hits.ends.keys()
        get = hits.starts
        tried: set[int] = set()
        for w in firsts:
            for alternative in self.by_first[w]:
                if id(alternative) in tried:
                    continue
                tried.add(id(alternative))
                found: set[int] | None = None
                for group in alternative:
                    here = set().union(*map(get, present & group))
                    found = here if found is None else found & here
                    if not found:
                        break
                if found:
                    out |= found
        return out


class _Hits:
    """Where a draft holds gate words: the end offsets of each word's matches, from one
    pass shared by all gated rules, and the blocks they lie in, worked out only for the
    words some rule's gate asks about (most rules find none of their first words)."""

    __slots__ = ("_doc", "ends", "_starts")

    def __init__(self, doc: Document, ends: dict[str, list[int]]) -> None:
        self._doc = weakref.ref(doc)  # the document keeps this in its memo: no cycle
        self.ends = ends
        self._starts: dict[str, set[int]] = {}

    def starts(self, word: str) -> set[int]:
        """Starts of the blocks that hold a whole match of ``word``."""
        got = self._starts.get(word)
        if got is None:
            got = self._starts[word] = set()
            doc = self._doc()
            if doc is not None:
                size = len(word) - 1
                for end in self.ends[word]:
                    block = doc.block_at(end)
                    if block is not None and block.start <= end - size:
                        got.add(block.start)
        return got


_GATE_WORDS: list[frozenset[str]] = [frozenset()]
"""Every gate word of the rules built so far: one automaton finds them all in a draft."""


def _gate_hits(doc: Document, gate: _Gate) -> _Hits:
    """Where the draft holds each gate word, from one pass over the draft shared by all
    gated rules (pyahocorasick reads the whole string on every call, so a call per block
    would be quadratic in the draft's length)."""
    memo = doc.memo
    got: tuple[frozenset[str], _Hits] | None = memo.get("packs.gate_hits")
    words = _GATE_WORDS[0]
    if got is not None and (got[0] is words or gate.words <= got[0]):
        return got[1]
    ends: dict[str, list[int]] = {}
    get = ends.get
    for end, word in _automaton(words).iter(doc.prose_lower):
        at = get(word)
        if at is None:
            ends[word] = [end]
        else:
            at.append(end)
    hits = _Hits(doc, ends)
    memo["packs.gate_hits"] = (words, hits)
    return hits


def _folds_into_ascii(doc: Document) -> bool:
    """Whether the draft holds a letter that the gate's lower-casing would not match as
    the regular expression matches it; such a draft is scanned in full."""
    memo = doc.memo
    found = memo.get("packs.odd_folds")
    if found is None:
        prose = doc.prose
        found = memo["packs.odd_folds"] = not prose.isascii() and any(c in prose for c in CASEFOLD_ODDITIES)
    return bool(found)


_MAX_GROUPS = 3
"""Word groups kept per alternative: the most selective; more cost more than they save."""


def _requirements(
    phrases: Sequence[str], patterns: Sequence[str], flags: int
) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """For each alternative, groups of lower-case words such that every match of it holds
    a word of each group; None when some alternative has no group. A phrase gives one
    group per word; a regular expression one per literal run it cannot match without and
    one per alternation whose every branch has such a run (:func:`_required_all`). Words
    under 3 characters are useless as a filter and count as none, very common words count
    only when nothing else does, and only ASCII words are used, whose case folding
    :func:`_folds_into_ascii` covers."""
    out: list[tuple[frozenset[str], ...]] = []
    for phrase in phrases:
        kept = _keep_groups([frozenset({w}) for w in phrase.lower().split()])
        if kept is None:
            return None
        out.append(kept)
    for source in patterns:
        try:
            parsed = parse(source, flags)
        except re.error:
            return None
        kept = _keep_groups(_required_all(parsed))
        if kept is None:
            return None
        out.append(kept)
    return tuple(out)


def _keep_groups(groups: list[frozenset[str]]) -> tuple[frozenset[str], ...] | None:
    usable = [g for g in dict.fromkeys(groups) if g and all(len(w) >= 3 and w.isascii() for w in g)]
    if not usable:
        return None
    usable.sort(key=lambda g: min(map(_selectivity, g)), reverse=True)
    # A draft holds a common word, or three letters ("end" in "spend"), almost anywhere, and
    # finding each occurrence costs: such a group is used only when it is all there is.
    strong = [g for g in usable if all(len(w) > 3 and w not in _COMMON_WORDS for w in g)]
    if len(strong) >= 2:
        return tuple(strong[:_MAX_GROUPS])
    # Short words narrow it down together: "end" and "day" for "at the end of the day".
    weak = [g for g in usable if g not in strong and g.isdisjoint(_COMMON_WORDS)]
    return tuple((strong + weak)[:2]) if strong or weak else tuple(usable[:1])


def _required_all(items: tuple[Item, ...]) -> list[frozenset[str]]:
    """For a parsed sequence: word groups of which every match holds a word each."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, ("", None)]:
        if op == "LITERAL":
            run.append(chr(av))
            continue
        if op == "IN" and all(o == "LITERAL" for o, _ in av):
            letters = {chr(c).lower() for _, c in av}
            if len(letters) == 1:  # [Ss]: one letter in either case
                run.append(letters.pop())
                continue
        if run:
            out.append(frozenset({"".join(run).lower()}))
            run = []
        if op in _GROUPS:
            out.extend(_required_all(_group_items(op, av)))
        elif op == "BRANCH":
            branches = [_required_in(b) for b in av]
            if all(branches):
                out.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required_all(av[2]))
    return out


def _selectivity(word: str) -> tuple[int, bool]:
    """How well a word filters: longer is rarer, and a very common word least of all."""
    return len(word), word not in _COMMON_WORDS


def _required_in(items: tuple[Item, ...]) -> frozenset[str] | None:
    """For a parsed sequence: the one group of :func:`_required_all` that filters best (the
    first whose shortest word is longest); None if none is usable."""
    best: frozenset[str] | None = None
    for words in _required_all(items):
        if not words or any(len(w) < 3 or not w.isascii() for w in words):
            continue  # beyond ASCII, case folding has more exceptions than CASEFOLD_ODDITIES
        if best is None or min(map(_selectivity, words)) > min(map(_selectivity, best)):
            best = words
    return best
