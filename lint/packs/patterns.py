"""Reading pack patterns: where spaces may stretch and which characters a match can start
with. Works on the parse tree :func:`lint.recache.parse`
gives; nothing here changes what a pattern matches."""

from __future__ import annotations

import re
from typing import Any

from lint.recache import Item, parse

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_GROUPS = ("SUBPATTERN", "ATOMIC_GROUP")


def _group_items(op: str, av: Any) -> tuple[Item, ...]:
    """The parsed contents of a group: ``(group, add_flags, del_flags, pattern)`` for a
    capturing or non-capturing group, the pattern itself for an atomic one."""
    return av[-1] if op == "SUBPATTERN" else av  # type: ignore[no-any-return]


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
            j = i
            while j + 1 < len(token) and token[j + 1] == " ":
                j += 1
            if j + 1 < len(token) and token[j + 1] in "*+?{":
                # the quantifier repeats the last space alone: "a {2,}" -> "a\s{2,}"
                out.append(r"\s+\s" if j > i else r"\s")
            else:
                out.append(r"\s+")
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_CATEGORY_CLASS = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
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
    instead of trying every alternative."""
    try:
        parsed = parse(source, flags)
    except re.error:
        return None
    got = _seq_first(parsed)
    if got is None or got[1] or not got[0]:
        return None
    return "[" + "".join(sorted(got[0])) + "]"


def _seq_first(items: tuple[Item, ...]) -> tuple[set[str], bool] | None:
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


def _item_first(op: str, av: Any) -> tuple[set[str], bool] | None:
    if op == "LITERAL":
        return {_class_char(av)}, False
    if op == "IN":
        items: set[str] = set()
        for o, a in av:
            if o == "LITERAL":
                items.add(_class_char(a))
            elif o == "RANGE":
                items.add(f"{_class_char(a[0])}-{_class_char(a[1])}")
            elif o == "CATEGORY" and a in _CATEGORY_CLASS:
                items.add(_CATEGORY_CLASS[a])
            else:
                return None  # a negated class, or something this reader does not know
        return items, False
    if op in _GROUPS:
        if op == "SUBPATTERN" and (av[1] or av[2]):
            return None  # inline flags: the class would not be read as the group is
        return _seq_first(_group_items(op, av))
    if op == "BRANCH":
        out: set[str] = set()
        empty = False
        for branch in av:
            got = _seq_first(branch)
            if got is None:
                return None
            out |= got[0]
            empty = empty or got[1]
        return out, empty
    if op in _REPEATS:
        got = _seq_first(av[2])
        if got is None:
            return None
        return got[0], got[1] or av[0] == 0
    return None


def _class_char(code: int) -> str:
    return re.escape(chr(code))
