"""Vale's regular expressions (Go's regexp2 dialect) as patterns Python's ``re`` runs.

:func:`translate` rewrites what has an exact equivalent (POSIX classes, .NET named groups,
``\\z``, a token's leading ``(?i)``) and raises :class:`Untranslatable` with the reason for
what has none (Unicode property classes, inline flags in the middle of a pattern). A
pattern :func:`translate` returns always compiles."""

from __future__ import annotations

import re

_POSIX = {
    "alpha": "a-zA-Z",
    "digit": "0-9",
    "alnum": "a-zA-Z0-9",
    "upper": "A-Z",
    "lower": "a-z",
    "space": r" \t\r\n\v\f",
    "punct": r"!-/:-@\[-`{-~",
    "word": r"\w",
    "xdigit": "0-9A-Fa-f",
}
_POSIX_RE = re.compile(r"\[:(\^?)([a-z]+):\]")
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?<([A-Za-z_]\w*)>")
_LEADING_FLAGS = re.compile(r"^\(\?([imsx]+)\)")
_INLINE_FLAGS = re.compile(r"(?<!\\)\(\?[imsxU-]+\)")


class Untranslatable(ValueError):
    """A pattern Python's ``re`` cannot run as Vale would; the message says why."""


def _posix(match: re.Match[str]) -> str:
    negated, name = match.group(1), match.group(2)
    if negated or name not in _POSIX:
        raise Untranslatable(f"POSIX class [:{negated}{name}:] has no equivalent")
    return _POSIX[name]


def scoped_flags(pattern: str) -> str:
    """A token that starts with inline flags (``(?i)word``) as a scoped group
    (``(?i:word)``), so that it can sit inside an alternation."""
    m = _LEADING_FLAGS.match(pattern)
    if m is None:
        return pattern
    return f"(?{m.group(1)}:{pattern[m.end() :]})"


def translate(pattern: str) -> str:
    """``pattern`` in Python's dialect, or :class:`Untranslatable`."""
    out = _POSIX_RE.sub(_posix, pattern)
    out = _NAMED_GROUP.sub(r"(?P<\1>", out)
    out = out.replace(r"\z", r"\Z")
    if re.search(r"(?<!\\)\\[pP]", out):
        raise Untranslatable("Unicode property classes (\\p{...}) are not supported by Python's re")
    if _INLINE_FLAGS.search(out):
        raise Untranslatable("inline flags in the middle of a pattern are not supported by Python's re")
    try:
        re.compile(out)
    except re.error as exc:
        raise Untranslatable(str(exc)) from None
    except RecursionError:
        raise Untranslatable("the pattern is nested too deeply") from None
    return out


def token(pattern: str) -> str:
    """One token of a rule (a ``tokens`` entry, a ``swap`` key, an exception), translated,
    with a leading ``(?i)`` scoped to the token."""
    return translate(scoped_flags(pattern))


def leading_lookbehind(pattern: str) -> tuple[str, bool, str] | None:
    """A pattern that starts with a look-behind, ``(?<!X)rest`` or ``(?<=X)rest``, as
    ``(X, negative, rest)``; None for any other pattern. Python's ``re`` needs a fixed
    width inside a look-behind, Vale's engine does not: a rule then matches ``rest`` and
    checks ``X`` against the text before each match (:func:`behind_holds`)."""
    if not pattern.startswith(("(?<!", "(?<=")):
        return None
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return pattern[4:i], pattern[3] == "!", pattern[i + 1 :]
    return None


def behind_holds(behind: re.Pattern[str], text: str, at: int) -> bool:
    """Whether ``behind`` matches text that ends exactly at ``at`` (a look-behind)."""
    return behind.search(text, 0, at) is not None
