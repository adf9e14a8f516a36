"""Phrase packs: rules written as YAML data.

A pack is a YAML file with ``version: 1`` and a list of ``rules``. Each entry becomes a
:class:`PhraseRule` subclass. The keys follow Vale's simple rule kinds where they overlap
(``extends: existence | substitution``, ``tokens``, ``swap``, ``ignorecase``, ``nonword``,
``scope``, ``level``), so that Vale styles can be read later::

    version: 1
    rules:
      - code: ST101
        name: cliche
        extends: existence          # existence: flag the phrase; substitution: suggest swap
        category: style
        level: warning              # error | warning | info (Vale's "suggestion" = info)
        message: "'{match}' is a cliche"
        description: What it finds and why (shown by --explain).
        phrases: [at the end of the day]      # literal phrases (white space is flexible)
        tokens: ['game[- ]changer']           # regular-expression fragments, as in Vale
        swap: {utilise: use}                  # substitution: phrase -> replacement
        ignorecase: true
        nonword: false              # true: do not add word boundaries around tokens
        scope: text                 # text | block | heading | paragraph | list | sentence
        whole: false                # true: the match must be the whole block
        quotes: skip                # skip (default) | include: matches inside quotations
        fix: none                   # none | replace (substitution) | remove-block
        fix_safe: true
        examples: {bad: ["..."], good: ["..."]}

``message`` may use ``{match}`` and ``{replacement}`` (Vale's ``%s`` also works).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from lint.document import Block, Document
from lint.errors import PackError
from lint.model import CATEGORIES, Edit, Finding, Fix, Severity
from lint.rule import CODE_RE, NAME_RE, Rule, RunContext
from lint.text import CASEFOLD_ODDITIES
from lint.yamlload import LineMap, load

try:  # the parser alone validates a pattern at half the cost of compiling it
    import re._parser as _re_parser  # type: ignore[import-not-found]
except ImportError:  # Python 3.10
    import sre_parse as _re_parser  # type: ignore[no-redef]

_ENTRY_KEYS = frozenset(
    """code name extends category level severity message description phrases tokens swap
    ignorecase nonword scope whole quotes fix fix_safe examples enabled""".split()
)
_SCOPES = frozenset({"text", "block", "heading", "paragraph", "list", "sentence"})
_KINDS = {"heading": {"heading"}, "paragraph": {"paragraph", "blockquote"}, "list": {"list_item"}}
_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "suggestion": Severity.INFO}
_TRIM = " \t\r\n.:;,!?-–—|•·*#>\"'“”‘’()[]"


class _CompiledOnce:
    """A class attribute holding a regular expression compiled from another attribute on
    first use, once per rule class: loading a pack compiles nothing, and each rule compiles
    only the pattern its matching path needs (start-up time of a one-draft run)."""

    def __init__(self, source_attr: str, lead: bool = False) -> None:
        self.source_attr = source_attr
        self.lead = lead  # scan with the first-character lookahead (:func:`_led`)
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_compiled_{name}"

    def __get__(self, obj: object, owner: type) -> Any:
        compiled = owner.__dict__.get(self.slot)
        if compiled is None:
            source = getattr(owner, self.source_attr, None)
            if source is None:
                return None
            flags = getattr(owner, "flags", 0)
            if self.lead:  # found when the pack was derived for the cache folder, or now
                source = owner.__dict__.get("led_source") or _led(source, flags)
            compiled = re.compile(source, flags)
            if owner.__dict__.get("installed"):  # a pack that came with an installed package
                from lint import recache

                recache.mark(source, flags)
            setattr(owner, self.slot, compiled)
        return compiled


class PhraseRule(Rule):
    """Base of rules defined in YAML packs."""

    pattern_source: ClassVar[str] = ""
    anchored_source: ClassVar[str | None] = None
    flags: ClassVar[int] = 0
    pattern: ClassVar[re.Pattern[str]] = _CompiledOnce("pattern_source", lead=True)  # type: ignore[assignment]
    swap: ClassVar[Mapping[str, str]] = {}
    scope: ClassVar[str] = "text"
    whole: ClassVar[bool] = False
    skip_quotes: ClassVar[bool] = True
    fix_kind: ClassVar[str] = "none"
    fix_safe: ClassVar[bool] = True
    message_template: ClassVar[str] = ""
    description: ClassVar[str] = ""
    installed: ClassVar[bool] = False
    """From a pack a plugin provides (lint-article's own included), not one a configuration
    names: its patterns may be kept in the installation folder (:mod:`lint.recache`)."""

    gate_phrases: ClassVar[tuple[str, ...]] = ()
    gate_patterns: ClassVar[tuple[str, ...]] = ()
    """The alternatives, for :meth:`_gate`: literal phrases, and regular expressions."""

    _gate_now: _Gate | None = None
    """This rule's gate (:meth:`_gate`), or None: a scan of every block, or anchors."""

    anchors: ClassVar[frozenset[str] | None] = None
    """Lower-case words every match starts with; None when some alternative has none."""
    anchored: ClassVar[re.Pattern[str] | None] = _CompiledOnce("anchored_source")  # type: ignore[assignment]
    """The alternatives without the leading boundary check, for ``match`` at an anchor."""

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        # the gate's words join the one automaton of all gated rules before any draft
        self._gate_now = None if _by_anchors(self.whole, self.anchors, self.anchored_source) else self._gate()

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.whole:
            yield from self._check_whole(doc)
            return
        if _by_anchors(self.whole, self.anchors, self.anchored_source):
            yield from self._check_anchored(doc)
            return
        kinds = _KINDS.get(self.scope)
        for block in self._candidate_blocks(doc):
            if kinds is None or block.kind in kinds:
                for m in self.pattern.finditer(doc.prose, block.start, block.end):
                    f = self._accept(doc, block, m)
                    if f is not None:
                        yield f

    @classmethod
    def _gate(cls) -> _Gate | None:
        """The words a match needs (:func:`_requirements`), or None when some alternative
        needs none. Scanning a block with the whole pattern costs about as much whatever the
        block says; a block without the words is skipped unscanned, with the same matches.
        Built on first use, once per class."""
        if "_gate_cache" not in cls.__dict__:
            if "gate" in cls.__dict__:  # found when the pack was loaded
                needs = cls.__dict__["gate"]
            else:
                needs = _requirements(cls.gate_phrases, cls.gate_patterns, cls.flags)
            setattr(cls, "_gate_cache", _Gate(needs) if needs else None)  # noqa: B010 - per class
        return cls.__dict__["_gate_cache"]  # type: ignore[no-any-return]

    def _candidate_blocks(self, doc: Document) -> Sequence[Block]:
        """The blocks that may hold a match, in order: those that hold the gate's words
        (the others cannot match), or all of them when the rule has no gate."""
        gate = self._gate_now
        if gate is None or _folds_into_ascii(doc):
            return doc.blocks
        starts = gate.blocks(_gate_hits(doc, gate))
        if not starts:
            return ()
        block_at = doc.block_at
        return [b for b in map(block_at, sorted(starts)) if b is not None]

    def _check_whole(self, doc: Document) -> Iterable[Finding]:
        """A whole-block rule matches the block's text between its leading and trailing
        punctuation in full: one ``fullmatch`` per block instead of a scan, and any
        alternative that covers the block wins (not only the first one that matches)."""
        prose = doc.prose
        kinds = _KINDS.get(self.scope)
        for block in self._candidate_blocks(doc):
            if kinds is not None and block.kind not in kinds:
                continue
            start, end = block.start, block.end
            while start < end and prose[start] in _TRIM:
                start += 1
            while end > start and prose[end - 1] in _TRIM:
                end -= 1
            m = self.pattern.fullmatch(prose, start, end)
            if m is None and end < block.end:
                m = self.pattern.fullmatch(prose, start, block.end)  # the match may end in punctuation
            if m is not None:
                f = self._accept(doc, block, m)
                if f is not None:
                    yield f

    def _check_anchored(self, doc: Document) -> Iterable[Finding]:
        """Find anchor words with one Aho-Corasick pass, then match the full pattern only
        there: the same matches as scanning with ``pattern``, an order of magnitude faster."""
        assert self.anchored is not None
        prose = doc.prose
        kinds = _KINDS.get(self.scope)
        automaton = _automaton(self.anchors or frozenset())
        last_end = -1
        for end, word in automaton.iter(doc.prose_lower):
            start = end - len(word) + 1
            if start < last_end or (start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in "_-")):
                continue
            block = doc.block_at(start)
            if block is None or (kinds is not None and block.kind not in kinds):
                continue
            m = self.anchored.match(prose, start, block.end)
            if m is None:
                continue
            f = self._accept(doc, block, m)
            if f is not None:
                last_end = m.end()
                yield f

    def _accept(self, doc: Document, block: Block, m: re.Match[str]) -> Finding | None:
        if m.end() == m.start():
            return None
        if self.whole and not _is_whole(doc.prose, block, m.start(), m.end()):
            return None
        if self.skip_quotes and doc.in_quote(m.start(), m.end()):
            return None
        return self._finding(doc, block, m)

    def _finding(self, doc: Document, block: Block, m: re.Match[str]) -> Finding:
        matched = m.group(0)
        replacement = self._replacement(matched)
        message = self.message_template.format(match=" ".join(matched.split()), replacement=replacement or "")
        fix = None
        if self.fix_kind == "replace" and replacement is not None:
            fix = Fix((Edit(m.start(), m.end(), replacement),), f"replace with '{replacement}'", self.fix_safe)
        elif self.fix_kind == "remove-block":
            fix = remove_block_fix(doc, block, self.fix_safe)
        if self.fix_kind == "remove-block":
            return self.finding(doc, block.start, block.end, message, fix=fix)
        return self.finding(doc, m.start(), m.end(), message, fix=fix)

    def _replacement(self, matched: str) -> str | None:
        if not self.swap:
            return None
        key = " ".join(matched.split())
        for bad, good in self.swap.items():
            if re.fullmatch(bad, key, re.I if self.pattern.flags & re.I else 0):
                return _match_case(key, good)
        return None

    @classmethod
    def documentation(cls) -> str:
        return cls.description.strip() or cls.summary()

    @classmethod
    def summary(cls) -> str:
        text = cls.description.strip()
        return text.splitlines()[0] if text else cls.message_template


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


def _parses(source: str, flags: int) -> bool:
    if (str, source, flags) in getattr(re, "_cache", {}):
        return True  # compiled already (or loaded by lint.recache): valid
    try:
        _re_parser.parse(source, flags)
    except re.error:
        return False
    return True


def _flexible_spaces(token: str) -> str:
    """Let a literal space in a token match any run of white space (a phrase broken across
    lines in hard-wrapped text), outside character classes and escapes."""
    if " " not in token:
        return token
    out: list[str] = []
    i, in_class = 0, False
    depth, behind = 0, -1  # inside a look-behind (fixed width), spaces stay literal
    while i < len(token):
        c = token[i]
        if c == "\\" and i + 1 < len(token):
            out.append(token[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
            if behind < 0 and token.startswith(("(?<=", "(?<!"), i):
                behind = depth
        elif c == ")":
            if depth == behind:
                behind = -1
            depth -= 1
        elif c == " " and behind < 0:
            out.append(r"\s+")
            while i + 1 < len(token) and token[i + 1] == " ":
                i += 1
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


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


_REPEATS = tuple(
    getattr(_re_parser, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_re_parser, name)
)
_GROUPS = tuple(getattr(_re_parser, name) for name in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_re_parser, name))


_ZERO_WIDTH = (_re_parser.AT, _re_parser.ASSERT, _re_parser.ASSERT_NOT)
_CATEGORY_CLASS = {
    _re_parser.CATEGORY_DIGIT: r"\d",
    _re_parser.CATEGORY_NOT_DIGIT: r"\D",
    _re_parser.CATEGORY_SPACE: r"\s",
    _re_parser.CATEGORY_NOT_SPACE: r"\S",
    _re_parser.CATEGORY_WORD: r"\w",
    _re_parser.CATEGORY_NOT_WORD: r"\W",
}


_BEHIND = r"(?<![\w-])"
_LEAD_PREFIX = _BEHIND + "(?:"
_LEAD_SUFFIX = r")(?![\w-])"


def _led(source: str, flags: int) -> str:
    """A word-bounded pack pattern with the class of its first characters looked ahead
    for right after the look-behind (:func:`_first_class`); other patterns as they are.
    Worked out when a rule first scans (a one-draft run scans with few rules) or when the
    pack is derived for the cache folder, not for every rule at every start."""
    if not (source.startswith(_LEAD_PREFIX) and source.endswith(_LEAD_SUFFIX)):
        return source
    body = source[len(_LEAD_PREFIX) : -len(_LEAD_SUFFIX)]
    first = _first_class(body, flags)
    return source if first is None else f"{_BEHIND}(?={first})(?:{body}{_LEAD_SUFFIX}"


def _first_class(source: str, flags: int) -> str | None:
    """A character class holding the first character of every match of ``source``, or None
    when that cannot be told (a dot, a negated class, inline flags, a pattern that may match
    the empty string). Compiled under the same flags, ``(?=class)`` before the pattern
    changes no match; it lets the scan turn away from most word starts with one test
    instead of trying every alternative (AT103 scans the corpus 40% faster)."""
    try:
        parsed = _re_parser.parse(source, flags)
    except re.error:
        return None
    got = _seq_first(list(parsed))
    if got is None or got[1] or not got[0]:
        return None
    return "[" + "".join(sorted(got[0])) + "]"


def _seq_first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(class items that may open a match of the parsed sequence, whether it may match
    empty), or None when unknown."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        got = _item_first(op, av)
        if got is None:
            return None
        out |= got[0]
        if not got[1]:
            return out, False
    return out, True


def _item_first(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is _re_parser.LITERAL:
        return {_class_char(av)}, False
    if op is _re_parser.IN:
        items: set[str] = set()
        for o, a in av:
            if o is _re_parser.LITERAL:
                items.add(_class_char(a))
            elif o is _re_parser.RANGE:
                items.add(f"{_class_char(a[0])}-{_class_char(a[1])}")
            elif o is _re_parser.CATEGORY and a in _CATEGORY_CLASS:
                items.add(_CATEGORY_CLASS[a])
            else:
                return None  # a negated class, or something this reader does not know
        return items, False
    if op in _GROUPS:
        if op is _re_parser.SUBPATTERN and (av[1] or av[2]):
            return None  # inline flags: the class would not be read as the group is
        return _seq_first(list(_group_items(op, av)))
    if op is _re_parser.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            got = _seq_first(list(branch))
            if got is None:
                return None
            out |= got[0]
            empty = empty or got[1]
        return out, empty
    if op in _REPEATS:
        got = _seq_first(list(av[2]))
        if got is None:
            return None
        return got[0], got[1] or av[0] == 0
    return None


def _class_char(code: int) -> str:
    return re.escape(chr(code))


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
            parsed = _re_parser.parse(source, flags)
        except re.error:
            return None
        kept = _keep_groups(_required_all(list(parsed)))
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


def _required_all(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """For a parsed sequence: word groups of which every match holds a word each."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _re_parser.LITERAL:
            run.append(chr(av))
            continue
        if op is _re_parser.IN and all(o is _re_parser.LITERAL for o, _ in av):
            letters = {chr(c).lower() for _, c in av}
            if len(letters) == 1:  # [Ss]: one letter in either case
                run.append(letters.pop())
                continue
        if run:
            out.append(frozenset({"".join(run).lower()}))
            run = []
        if op in _GROUPS:
            out.extend(_required_all(list(_group_items(op, av))))
        elif op is _re_parser.BRANCH:
            branches = [_required_in(list(b)) for b in av[1]]
            if all(branches):
                out.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required_all(list(av[2])))
    return out


def _group_items(op: Any, av: Any) -> Any:
    """The parsed contents of a group: ``(group, add_flags, del_flags, pattern)`` for a
    capturing or non-capturing group, the pattern itself for an atomic one."""
    return av[-1] if op is _re_parser.SUBPATTERN else av


def _selectivity(word: str) -> tuple[int, bool]:
    """How well a word filters: longer is rarer, and a very common word least of all."""
    return len(word), word not in _COMMON_WORDS


def _required_in(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """For a parsed sequence: the one group of :func:`_required_all` that filters best (the
    first whose shortest word is longest); None if none is usable."""
    best: frozenset[str] | None = None
    for words in _required_all(items):
        if not words or any(len(w) < 3 or not w.isascii() for w in words):
            continue  # beyond ASCII, case folding has more exceptions than CASEFOLD_ODDITIES
        if best is None or min(map(_selectivity, words)) > min(map(_selectivity, best)):
            best = words
    return best


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _is_whole(prose: str, block: Block, start: int, end: int) -> bool:
    before = prose[block.start : start].strip(_TRIM)
    after = prose[end : block.end].strip(_TRIM)
    return not before and not after


def remove_block_fix(doc: Document, block: Block, safe: bool = True, last_line: int | None = None) -> Fix:
    """A fix that deletes the whole lines of ``block`` (through ``last_line`` if given),
    and one blank line after them when blank lines surround the removed text."""
    last = last_line or block.last_line
    start = doc.line_start(block.first_line)
    end = doc.line_start(last + 1) if last < doc.line_count else len(doc.text)
    if last < doc.line_count:
        prev_blank = block.first_line == 1 or not doc.line_text(block.first_line - 1).strip()
        if prev_blank and last + 1 <= doc.line_count and not doc.line_text(last + 1).strip():
            end = doc.line_start(last + 2) if last + 1 < doc.line_count else len(doc.text)
    return Fix((Edit(start, end, ""),), "remove the lines", safe)


def load_pack(path: Path, cache_dir: Path | None = None, installed: bool = False) -> list[type[PhraseRule]]:
    """Read a pack file into rule classes; raise :class:`PackError` naming file, line, key.

    What the file's rules derive to (validated, patterns assembled, gate words found) is
    kept by :func:`lint.cache.derived` in ``cache_dir``, and for an ``installed`` pack (one a
    plugin provides, not one a configuration names) in the installation folder: a one-draft
    run then reads it back instead of parsing YAML and regular expressions."""
    shown = str(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read phrase pack: {exc}", path=shown) from None
    from lint.cache import derived, keeps_derived

    if cache_dir is None and not (installed and keeps_derived(installed=True)):
        specs = _derive(text, shown, False)
    else:
        specs = derived(
            "pack",
            f"{shown}\0".encode("utf-8", "surrogateescape") + raw,
            lambda: _derive(text, shown, True),
            __file__,
            cache_dir,
            installed=installed,
        )
    return [_make_class(spec, installed) for spec in specs]


def _derive(text: str, shown: str, kept: bool) -> list[dict[str, Any]]:
    """The class attributes of the pack's rules; ``kept``: the result is stored for later runs."""
    data, lines = load(text, shown, PackError)
    if not isinstance(data, dict):
        raise PackError("a pack must be a mapping with 'version: 1' and 'rules:'", path=shown, line=1)
    unknown = set(data) - {"version", "rules", "description"}
    if unknown:
        key = sorted(map(str, unknown))[0]
        raise PackError("unknown key", path=shown, line=lines.line(key), key=key, hint="expected version, rules")
    if data.get("version") != 1:
        raise PackError("expected 'version: 1'", path=shown, line=lines.line("version"), key="version")
    entries = data.get("rules")
    if not isinstance(entries, list):
        raise PackError("expected a list of rules", path=shown, line=lines.line("rules"), key="rules")
    specs = [_build(entry, i, shown, lines) for i, entry in enumerate(entries)]
    if kept:  # find the gate and the lead now, not on first use in every later run
        for spec in specs:
            if not _by_anchors(spec["whole"], spec["anchors"], spec["anchored_source"]):
                spec["gate"] = _requirements(spec["gate_phrases"], spec["gate_patterns"], spec["flags"])
            spec["led_source"] = _led(spec["pattern_source"], spec["flags"])
    return specs


def _make_class(spec: dict[str, Any], installed: bool = False) -> type[PhraseRule]:
    cls_name = "".join(part.capitalize() for part in spec["name"].split("-"))
    return type(cls_name, (PhraseRule,), {**spec, "installed": installed})


def _build(entry: Any, i: int, path: str, lines: LineMap) -> dict[str, Any]:
    """The class attributes of entry ``i``, validated."""

    def fail(msg: str, key: str | None = None, hint: str | None = None) -> PackError:
        keypath = ("rules", i, key) if key else ("rules", i)
        where = f"rules[{i}]" + (f".{key}" if key else "")
        return PackError(msg, path=path, line=lines.line(*keypath), key=where, hint=hint)

    if not isinstance(entry, dict):
        raise fail("each rule must be a mapping")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        key = sorted(map(str, unknown))[0]
        raise fail("unknown key", key, hint="expected one of: " + ", ".join(sorted(_ENTRY_KEYS)))

    def string(key: str, required: bool = False, default: str = "") -> str:
        v = entry.get(key, default)
        if required and not v:
            raise fail("missing required key", key)
        if not isinstance(v, str):
            raise fail(f"expected a string, got {type(v).__name__}", key)
        return v

    def flag(key: str, default: bool) -> bool:
        v = entry.get(key, default)
        if not isinstance(v, bool):
            raise fail("expected true or false", key)
        return v

    def str_list(key: str) -> list[str]:
        v = entry.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise fail("expected a list of non-empty strings", key)
        return v

    code = string("code", True)
    if not CODE_RE.match(code):
        raise fail(f"code {code!r} must be a letter prefix and 3 digits, e.g. 'ST101'", "code")
    name = string("name", True)
    if not NAME_RE.match(name):
        raise fail(f"name {name!r} must be kebab-case", "name")
    extends = string("extends", default="existence")
    if extends not in ("existence", "substitution"):
        raise fail(f"unsupported kind {extends!r}", "extends", hint="existence or substitution")
    category = string("category", True)
    if category not in CATEGORIES:
        raise fail(f"unknown category {category!r}", "category", hint=", ".join(CATEGORIES))
    level_key = "level" if "level" in entry else "severity"
    level = string(level_key, default="warning").lower()
    if level not in _LEVELS:
        raise fail(f"unknown level {level!r}", level_key, hint="error, warning or info")
    message = string("message", True).replace("%s", "{match}")
    try:
        message.format(match="x", replacement="y")
    except (KeyError, IndexError, ValueError) as exc:
        raise fail(f"bad placeholder in message: {exc}", "message", hint="use {match} and {replacement}") from None
    scope = string("scope", default="text")
    if scope not in _SCOPES:
        raise fail(f"unknown scope {scope!r}", "scope", hint=", ".join(sorted(_SCOPES)))
    quotes = string("quotes", default="skip")
    if quotes not in ("skip", "include"):
        raise fail("expected skip or include", "quotes")
    fix_kind = string("fix", default="none")
    if fix_kind not in ("none", "replace", "remove-block"):
        raise fail(f"unknown fix {fix_kind!r}", "fix", hint="none, replace or remove-block")
    ignorecase = flag("ignorecase", True)
    nonword = flag("nonword", False)
    phrases = str_list("phrases")
    tokens = str_list("tokens")
    swap = entry.get("swap", {})
    if not isinstance(swap, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in swap.items()):
        raise fail("expected a mapping of phrase: replacement", "swap")
    if extends == "substitution" and not swap:
        raise fail("a substitution needs 'swap'", "swap")
    if fix_kind == "replace" and not swap:
        raise fail("'fix: replace' needs 'swap'", "fix")
    alternatives = [r"\s+".join(map(re.escape, p.split())) for p in phrases] + tokens + list(swap)
    if not alternatives:
        raise fail("a rule needs phrases, tokens or swap", "phrases")
    flags = re.IGNORECASE if ignorecase else 0
    # Longest alternatives first so that "read more articles" wins over "read more".
    alternatives.sort(key=len, reverse=True)
    body = "|".join(f"(?:{_flexible_spaces(a)})" for a in alternatives)
    source = body if nonword else rf"{_LEAD_PREFIX}{body}{_LEAD_SUFFIX}"
    if not _parses(source, flags):  # name the culprit; parsing alone is cheaper than compiling
        for alt in tokens + list(swap):
            try:
                re.compile(alt)
            except re.error as exc:
                raise fail(f"invalid regular expression {alt!r}: {exc}", "tokens") from None
    n_literal = len(phrases)
    leading = [p.split()[0] for p in phrases] + tokens + list(swap)
    anchor_sets = [_anchors(a, i < n_literal) for i, a in enumerate(leading)]
    anchors = None
    if not nonword and all(a is not None for a in anchor_sets):
        anchors = frozenset(w for a in anchor_sets if a for w in a)
        if any(len(w) <= 2 or w in _COMMON_WORDS for w in anchors):
            anchors = None  # hits on every "it" or "the" cost more than a plain scan
    anchored_source = rf"(?:{body})(?![\w-])" if anchors else None
    examples = entry.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise fail("expected a mapping with 'bad' and 'good' lists", "examples")
    for k in ("bad", "good"):
        v = examples.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise fail("expected a list of strings", f"examples.{k}")
    description = string("description")
    attrs: dict[str, Any] = {
        "__doc__": description,
        "code": code,
        "name": name,
        "category": category,
        "severity": _LEVELS[level],
        "fixable": fix_kind != "none",
        "enabled_by_default": flag("enabled", True),
        "pattern_source": source,
        "anchored_source": anchored_source,
        "flags": flags,
        "anchors": anchors,
        "gate_phrases": tuple(phrases),
        "gate_patterns": tuple(_flexible_spaces(a) for a in tokens + list(swap)),
        "swap": dict(swap),
        "scope": scope,
        "whole": flag("whole", False),
        "skip_quotes": quotes == "skip",
        "fix_kind": fix_kind,
        "fix_safe": flag("fix_safe", True),
        "message_template": message,
        "description": description,
        "examples_bad": tuple(examples.get("bad", [])),
        "examples_good": tuple(examples.get("good", [])),
        "source": f"{path}:{lines.line('rules', i) or 1}",
    }
    return attrs


def pack_rules(paths: Sequence[Path], cache_dir: Path | None = None, installed: bool = False) -> list[type[Rule]]:
    out: list[type[Rule]] = []
    for p in paths:
        out.extend(load_pack(Path(p), cache_dir, installed))
    return out
