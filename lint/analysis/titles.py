"""Job titles and posts: finding them in text and comparing them.

:class:`TitleFinder` finds titles ("chief executive", "President and CEO", "managing
director", "deputy prime minister"), :func:`title_finder` with the fact base's own titles
added; :func:`title_parts` / :func:`title_key` / :func:`titles_compatible` compare titles with
the common equivalences built in (CEO = chief executive = chief executive officer; chair =
chairman...); :func:`is_exclusive_title` tells posts with one holder at a time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lint import recache
from lint.analysis.keywords import lower_same_length
from lint.analysis.lexicon import CLUB_WORDS, PORTFOLIOS
from lint.analysis.memo import lazy_pattern
from lint.facts import fold

if TYPE_CHECKING:
    from lint.facts import FactBase

_TITLE_CORE = r"""
    chief[ ](?:executive|financial|operating|technology|technical|marketing|digital|information|commercial|
                product|people|strategy|data|legal|sustainability|design|investment|risk|growth)(?:[ ]officer)?
  | chief[ ](?:economist|scientist|designer|engineer|strategist|analyst|minister)
  | (?-i:CEO|CFO|COO|CTO|CIO|CMO|CPO|CDO|CSO|MD|VP|EVP|SVP)
  | chair(?:man|woman|person)?(?:[ ]of[ ]the[ ](?:(?:supervisory|management|executive)[ ]board
                                                |board(?:[ ]of[ ](?:management|directors))?))?
  | president
  | managing[ ]director
  | general[ ]secretary
  | head[ ]coach | manager
  | general[ ]manager
  | country[ ]manager
  | director[ ]general
  | director
  | head(?:[ ]of[ ](?-i:[a-z]+(?:[ ](?:and|&)[ ][a-z]+)?))?
  | co-?founder | founder
  | spokes(?:man|woman|person)
  | (?:PORTFOLIO)[ ](?:minister|secretary)
  | prime[ ]minister | minister | secretary[- ]general | secretary | governor | mayor | chancellor
  | boss | chief
"""
_TITLE_CORE = _TITLE_CORE.replace("PORTFOLIO", "|".join(PORTFOLIOS))
_TITLE_PREFIX = (
    r"(?:(?:vice|deputy|executive|senior|assistant|associate|acting|interim|joint|global|regional|shadow)[ -]|co-)*"
)
_TITLE_ONE = rf"{_TITLE_PREFIX}(?:{_TITLE_CORE})"
_TITLE_RE_BUILTIN = rf"{_TITLE_ONE}(?:(?:[ ]and[ ]|[ ]?&[ ]?|,[ ])(?:{_TITLE_ONE}))*"
builtin_titles = lazy_pattern(rf"\b(?:{_TITLE_RE_BUILTIN})\b", re.I | re.X)
"""The pattern of the built-in titles (case-insensitive), compiled on first call."""

_TITLE_EQUIV = {
    "ceo": "chief executive officer",
    "chief executive": "chief executive officer",
    "chief exec": "chief executive officer",
    "cfo": "chief financial officer",
    "chief financial": "chief financial officer",
    "coo": "chief operating officer",
    "chief operating": "chief operating officer",
    "cto": "chief technology officer",
    "chief technical officer": "chief technology officer",
    "cio": "chief information officer",
    "cmo": "chief marketing officer",
    "cdo": "chief digital officer",
    "md": "managing director",
    "vp": "vice president",
    "evp": "executive vice president",
    "svp": "senior vice president",
    "chair": "chairman",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair of the board": "chairman of the board",
    "chairwoman of the board": "chairman of the board",
    "chairperson of the board": "chairman of the board",
    "chairman of the board of directors": "chairman of the board",
    "chairman of the management board": "chairman of the board of management",
    "chairman of the executive board": "chairman of the board of management",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "cofounder": "co-founder",
}
# A German-style management board's chairman is the chief executive.
_SAME_POST = {
    "chairman of the board of management": "chief executive officer",
}
VAGUE_TITLES = frozenset({"boss", "chief", "head", "leader", "executive", "founder", "co-founder"})
"""Informal titles: recognised, never contradicted."""
_NON_EXCLUSIVE_PREFIX = re.compile(
    r"^(?:vice|deputy|senior|assistant|associate|acting|interim|joint|executive vice|co|shadow)\b"
)
_EXCLUSIVE = frozenset(
    {
        "chief executive officer",
        "chief financial officer",
        "chief operating officer",
        "chief technology officer",
        "chairman",
        "chairman of the board",
        "chairman of the board of management",
        "chairman of the supervisory board",
        "president",
        "managing director",
        "prime minister",
        "chancellor",
        "governor",
        "mayor",
        "secretary-general",
        "director general",
        "general manager",
        "general secretary",
    }
)
_CLUB_POSTS = frozenset({"manager", "head coach"})
"""Posts with one holder at a sports club (a company has many managers)."""


def _norm_title(title: str) -> str:
    t = " ".join(fold(title).replace("-", " ").split())
    t = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", t)
    t = t.replace("co founder", "co-founder").replace("secretary general", "secretary-general")
    return t


def title_parts(title: str) -> frozenset[str]:
    """Canonical parts of a title: "President and CEO" -> {"president", "chief executive officer"}."""
    t = _norm_title(title)
    parts = re.split(r"\s+and\s+|\s*&\s*|\s*,\s*|\s*/\s*", t)
    out = set()
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out.add(_TITLE_EQUIV.get(p, p))
    return frozenset(out)


def title_key(title: str) -> str:
    """One canonical string for a title (sorted parts)."""
    return " and ".join(sorted(title_parts(title)))


def is_vague_title(title: str) -> bool:
    parts = title_parts(title)
    return not parts or all(p in VAGUE_TITLES or p.startswith("head of") for p in parts)


def is_exclusive_title(title: str, org: str | None = None) -> bool:
    """True when the post usually has one holder per organisation (CEO, chairman, general
    secretary...); a manager or head coach only at a sports club (``org`` ends with a word
    of :data:`lint.analysis.lexicon.CLUB_WORDS`: "Ashgrove United", "Corvid Rovers FC")."""
    parts = title_parts(title)
    club = org is not None and bool(org.split()) and org.split()[-1].casefold().strip(".") in CLUB_WORDS
    return bool(parts) and all(
        (p in _EXCLUSIVE or (club and p in _CLUB_POSTS)) and not _NON_EXCLUSIVE_PREFIX.match(p) for p in parts
    )


def titles_compatible(written: str, known: Iterable[str]) -> bool:
    """True when every part of the ``written`` title is a part of one of the ``known``
    titles (a role's title and its aliases): "chief executive" fits "President and CEO"."""
    w = title_parts(written)
    if not w:
        return True
    allowed: set[str] = set()
    for k in known:
        allowed |= title_parts(k)
    allowed |= {_SAME_POST[a] for a in allowed if a in _SAME_POST}
    for p in w:
        if p in allowed or _SAME_POST.get(p) in allowed:
            continue
        # "chairman" fits "chairman of the board of management" (a shorter form of the post)
        if any(a.startswith(p + " of ") for a in allowed):
            continue
        return False
    return True


_ACRONYMS = frozenset("ceo cfo coo cto cio cmo cpo cdo cso md vp evp svp".split())
_ACRONYM_WORD = re.compile(r"\b(?:" + "|".join(sorted(_ACRONYMS)) + r")\b", re.I)
_HEAD_OF_NAME = re.compile(r"\bhead of (?=[^\W\d_]*[A-Z])", re.I)


def _lowercase_pattern(body: str) -> str:
    """The title pattern for lower-cased text: case-sensitive parts made lower-case (the
    finder checks acronyms and "head of ..." against the original text)."""
    body = body.replace(
        "(?-i:CEO|CFO|COO|CTO|CIO|CMO|CPO|CDO|CSO|MD|VP|EVP|SVP)",
        "(?:ceo|cfo|coo|cto|cio|cmo|cpo|cdo|cso|md|vp|evp|svp)",
    )
    return body.replace("(?-i:[a-z]+", "(?:[a-z]+")


class TitleFinder:
    """Job titles in text, fast: one case-sensitive regex over the lower-cased text, gated
    by the letters a title can start with, then checked against the original (acronyms
    must be capitals: "Md" is not "MD"; "head of BMW" is "head", not a department)."""

    def __init__(self, extra_titles: Sequence[str] = ()) -> None:
        alts = "|".join(
            re.escape(fold(t)).replace(r"\ ", "[ ]") for t in sorted(extra_titles, key=lambda t: (-len(t), t))
        )
        core = _TITLE_CORE if not alts else f"{alts}|{_TITLE_CORE}"
        one = f"{_TITLE_PREFIX}(?:{core})"
        body = _lowercase_pattern(f"{one}(?:(?:[ ]and[ ]|[ ]?&[ ]?|,[ ])(?:{one}))*")
        firsts = (
            set("vdesaijgrcpmhfbo")
            | {p[0] for p in PORTFOLIOS}
            | {fold(t)[:1] for t in extra_titles if t[:1].isalpha()}
        )
        gate = "[" + "".join(sorted(firsts)) + "]"
        pattern = rf"\b(?={gate})(?:{body})\b"
        if not extra_titles:  # the built-in titles alone: installed code's pattern, kept between runs
            recache.mark(pattern, re.X)
        self.regex = re.compile(pattern, re.X)

    def spans(self, text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of each title in ``text[start:end]``; ``low`` is ``text.lower()``
        when the caller has it (same length as ``text``)."""
        end = len(text) if end is None else end
        if low is None or len(low) != len(text):
            low = lower_same_length(text)
        out = []
        for m in self.regex.finditer(low, start, end):
            s, e = m.start(), m.end()
            original = text[s:e]
            if any(not w.group(0).isupper() for w in _ACRONYM_WORD.finditer(original)):
                continue
            h = _HEAD_OF_NAME.search(original)
            if h is not None:  # "head of BMW": the organisation follows, the title is "head"
                e = s + h.start() + len("head")
            out.append((s, e))
        return out


_builtin_finder = functools.cache(TitleFinder)


def title_finder(facts: FactBase | None = None) -> TitleFinder:
    """The finder of the built-in titles and those of the fact base's roles."""
    if facts is None or not facts.roles:
        return _builtin_finder()

    def build() -> TitleFinder:
        extra = {" ".join(t.split()) for r in facts.roles for t in r.titles}
        return TitleFinder([t for t in extra if not builtin_titles().fullmatch(t)])

    return facts.cached("analysis.title_finder", build)
