"""``PhraseRule``: the rule class every pack entry becomes, and how it finds matches.

A pack rule finds its matches one of three ways: with anchors, only where an anchor stands;
a whole-block rule by one ``fullmatch`` per block; any other rule by scanning the blocks its
gate lets through (:mod:`lint.packs.gate`). All three find the same matches as a plain scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from lint.document import Block, Document
from lint.model import Edit, Finding, Fix
from lint.packs.gate import _automaton, _by_anchors, _folds_into_ascii, _Gate, _gate_hits, _requirements
from lint.packs.patterns import _led
from lint.rule import Rule, RunContext

_KINDS = {"heading": {"heading"}, "paragraph": {"paragraph", "blockquote"}, "list": {"list_item"}}
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
        there: the same matches as scanning with ``pattern``."""
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
