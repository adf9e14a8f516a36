"""Keywords and fact base entities found in text, many lists in one pass."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.facts import fold
from lint.text import lower_same_length

if TYPE_CHECKING:
    from lint.facts import FactBase


class KeywordIndex:
    """Many keyword lists searched in one pass: ``KeywordIndex({"revenue": [fig1, fig2]})``.

    :meth:`find` returns ``(start, end, values)`` for each keyword occurrence (word-bounded,
    a plural "s"/"es" allowed), so a rule looks its figures or events up by keyword instead
    of running one regex per entry per sentence. A lower-case keyword matches in any case;
    one written with a capital matches only as written ("Budget", the UK government's,
    is not "a budget"; "IPO" is not "ipo").
    """

    def __init__(self, table: dict[str, list[Any]], *, gate: bool = True) -> None:
        """``gate=False`` makes :meth:`may_match` always True (the same matches, found
        without first looking for the keywords' longest pieces)."""
        self._values: dict[str, list[tuple[str | None, list[Any]]]] = {}
        for k, vals in table.items():
            written = " ".join(k.split())
            key = fold(written)
            if key:
                exact = written if written != written.lower() else None
                self._values.setdefault(key, []).append((exact, list(vals)))
        self.regex = _lower_keyword_regex(list(self._values)) if self._values else None
        # A gate: every match holds, as written, the longest piece of its keyword between
        # spaces, apostrophes and hyphens (which the pattern lets vary). None: no gate.
        pieces = [max(re.split(r"[ '\-]", k), key=len) for k in self._values]
        gated = gate and all(pieces) and len(pieces) <= 32
        self._pieces: frozenset[str] | None = frozenset(pieces) if gated else None

    def may_match(self, low: str, start: int = 0, end: int | None = None) -> bool:
        """False when no keyword can occur in ``low[start:end]`` (``low``: the text
        lower-cased, same length), found without scanning for the keywords."""
        if self.regex is None:
            return False
        if self._pieces is None:
            return True
        segment = low[start:end]
        return any(p in segment for p in self._pieces)

    def find(
        self, text: str, start: int = 0, end: int | None = None, low: str | None = None
    ) -> list[tuple[int, int, list[Any]]]:
        """Keyword occurrences in ``text[start:end]``; ``low`` is ``text`` lower-cased (same
        length) when the caller has it."""
        if self.regex is None:
            return []
        end = len(text) if end is None else end
        if low is None or len(low) != len(text):
            low = lower_same_length(text)
        out: list[tuple[int, int, list[Any]]] = []
        if not self.may_match(low, start, end):
            return out
        for m in self.regex.finditer(low, start, end):
            key = " ".join(fold(m.group(0)).split())
            written = " ".join(text[m.start() : m.end()].replace("’", "'").split())
            vals: list[Any] = []
            for suffix in ("", "es", "s"):
                if suffix and not key.endswith(suffix):
                    continue
                base = key[: len(key) - len(suffix)]
                for exact, entries in self._values.get(base, ()):
                    if exact is None or written[: len(written) - len(suffix)] == exact.replace("’", "'"):
                        vals.extend(entries)
                if vals:
                    break
            if vals:
                out.append((m.start(), m.end(), vals))
        return out


def _lower_keyword_regex(keywords: Sequence[str]) -> re.Pattern[str]:
    """Like :func:`keyword_regex` for lower-cased text: case-sensitive, hence faster."""

    def pattern(k: str) -> str:
        out = []
        for ch in k:
            if ch == " ":
                out.append(r"\s+")
            elif ch == "'":
                out.append("['’]")
            elif ch == "-":
                out.append("[-‐‑‒–]")
            else:
                out.append(re.escape(ch))
        return "".join(out)

    alts = sorted({pattern(k) for k in keywords if k.strip()}, key=lambda a: (-len(a), a))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?:s|es)?(?![\w-])")


def keyword_regex(keywords: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive, word-bounded regex for ``keywords`` (a plural "s" allowed)."""
    alts = sorted(
        {re.escape(" ".join(k.split())).replace(r"\ ", r"\s+") for k in keywords if k.strip()},
        key=lambda a: (len(a), a),
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(reversed(alts)) + r")(?:s|es)?(?![\w-])", re.I)


def entities_in(facts: FactBase, text: str, start: int = 0, end: int | None = None) -> list[Any]:
    """Fact base entity matches in ``text[start:end]`` (see ``FactBase.find_entities``)."""
    return facts.find_entities(text, start, end)
