"""Safety and prefiltering of the regular expressions a fact base's claims hold.

``check_pattern_safety`` refuses patterns that could backtrack catastrophically;
``required_literal`` finds a literal every match contains, so a rule can skip drafts that
cannot match. Both read the parse tree :func:`lint.recache.parse` gives."""

from __future__ import annotations

import re

from lint.recache import Item, parse

MAX_PATTERN_LENGTH = 400


def check_pattern_safety(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack catastrophically (None when it looks safe).

    Rejected shapes: a repeated group that itself holds an unbounded repeat (``(a+)+``,
    ``(\\w*\\s?)*``), and a repeated alternation whose branches can start alike
    (``(a|ab)*``, ``(\\w|\\d)+``).
    """
    tree = parse(pattern)
    return _unsafe(tree, inside_repeat=False)


_REPEATS = {"MAX_REPEAT", "MIN_REPEAT"}


def _unsafe(items: tuple[Item, ...], inside_repeat: bool) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            _lo, hi, sub = av
            unbounded = hi is None or hi > 50
            if unbounded and (inside_repeat or _can_vary(sub)):
                return "nested quantifiers (a repeated group holds a repeat)"
            if unbounded and _overlapping_branches(sub):
                return "a repeated alternation whose branches overlap"
            why = _unsafe(sub, inside_repeat or hi is None or hi > 1)
            if why:
                return why
        elif op == "SUBPATTERN":
            why = _unsafe(av[-1], inside_repeat)
            if why:
                return why
        elif op == "BRANCH":
            for branch in av:
                why = _unsafe(branch, inside_repeat)
                if why:
                    return why
        elif op in ("ASSERT", "ASSERT_NOT"):
            why = _unsafe(av[1], inside_repeat)
            if why:
                return why
        elif op in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed"
    return None


def _can_vary(sub: tuple[Item, ...]) -> bool:
    """True when ``sub`` can match strings of several lengths: it holds an optional part, a
    bounded repeat or an alternation with an empty branch (``(aa?)*`` is exponential)."""
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, inner = av
            if hi != lo or _can_vary(inner):
                return True
        elif op == "SUBPATTERN":
            if _can_vary(av[-1]):
                return True
        elif op == "BRANCH":
            if any(not branch or _can_vary(branch) for branch in av):
                return True
    return False


def required_literal(pattern: str) -> str:
    """The longest run of literal characters every match of ``pattern`` contains (top level
    only; '' when there is none). Lets a rule skip texts that cannot match."""
    try:
        tree = parse(pattern)
    except re.error:
        return ""
    best = ""
    run: list[str] = []
    for op, av in tree:
        if op == "LITERAL":
            run.append(chr(av))
            continue
        if op == "AT":
            continue  # \b and anchors take no characters: "\bApple\b" keeps "Apple"
        if len(run) > len(best):
            best = "".join(run)
        run = []
    if len(run) > len(best):
        best = "".join(run)
    return best


def _first_literals(sub: tuple[Item, ...]) -> set[int] | None:
    """Code points a sequence can start with, or None when it is not a plain literal."""
    for op, av in sub:
        if op == "LITERAL":
            return {av}
        if op == "SUBPATTERN":
            return _first_literals(av[-1])
        if op == "AT":
            continue
        return None
    return set()


def _overlapping_branches(sub: tuple[Item, ...]) -> bool:
    for op, av in sub:
        if op == "SUBPATTERN":
            return _overlapping_branches(av[-1])
        if op == "BRANCH":
            seen: set[int] = set()
            unknown = 0
            for branch in av:
                first = _first_literals(branch)
                if first is None or not first:
                    unknown += 1
                    continue
                if first & seen:
                    return True
                seen |= first
            return unknown > 1 or (unknown == 1 and bool(seen))
        return False
    return False
