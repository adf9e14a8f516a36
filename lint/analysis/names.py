"""Names of people and organisations: one model of a name, for every rule family.

* A **name word** is a capitalised word in any cased script ("Tomás", "Łukasz", "Ngozi",
  "O'Neill", "Kilroy-Silk", "McAdam"), or an initial ("J."); :data:`UPPER` and
  :data:`LOWER` are the regex classes of capital and small letters of the Latin, Greek and
  Cyrillic scripts (with Vietnamese), so a name starting with "Ł" or "Ö" is a name.
* A **name run** (:data:`NAME_RUN`) is name words joined by spaces, with the particles of
  :data:`lint.analysis.lexicon.NAME_PARTICLES` inside ("Ursula von der Leyen"). An
  **organisation run** (:data:`ORG_RUN`) also joins words with "of" and "&" ("Bank of
  England", "Marks & Spencer") and admits words such as "eBay".
* :func:`name_words` is the form names are compared in: folded words, without honorifics
  ("Mr", "Dr") or suffixes ("Jr"); :func:`same_person` compares two names, with the policy
  for "cannot tell" ("Mr Green" beside "Paul Green") given by the caller.
* :func:`looks_like_person`, :func:`looks_like_org` and :func:`org_key` tell what a run of
  capitalised words names, and :func:`person_entity` which fact base person it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.analysis.lexicon import (
    BODY_NOUNS,
    FUNCTION_CAPS,
    GROUP_WORDS,
    HONORIFICS,
    LEGAL_FORMS,
    MONTHS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    ORG_WORDS,
)
from lint.facts import fold

if TYPE_CHECKING:
    from lint.facts import FactBase

__all__ = [
    "LOWER",
    "NAME_RUN",
    "ORG_RUN",
    "UPPER",
    "is_name_word",
    "looks_like_org",
    "looks_like_person",
    "name_words",
    "org_key",
    "person_entity",
    "same_person",
    "strip_honorifics",
    "strip_marks",
]

_CASED_BLOCKS = ((0x41, 0x530), (0x1E00, 0x2000), (0x2C60, 0x2C80), (0xA720, 0xA800))
"""Latin (with its extensions and Vietnamese), Greek and Cyrillic: the scripts with case."""


def _letter_class(test: Any) -> str:
    """The characters of _CASED_BLOCKS that pass ``test``, as the inside of a regex class
    of ranges (deterministic: the same pattern text every run)."""
    out: list[str] = []
    for lo, hi in _CASED_BLOCKS:
        first = -1
        for code in range(lo, hi + 1):
            if code < hi and test(chr(code)):
                if first < 0:
                    first = code
            elif first >= 0:
                last = code - 1
                out.append(
                    re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
                )
                first = -1
    return "".join(out)


UPPER = _letter_class(str.isupper)
"""The capital letters of the cased scripts, for use inside a regex class: ``f"[{UPPER}]"``."""
LOWER = _letter_class(str.islower)
"""The small letters of the cased scripts, for use inside a regex class."""

_PARTICLE_ALTS = "|".join(NAME_PARTICLES)
_PREFIX_ALTS = "|".join(NAME_PREFIXES)
_PARTICLE_FIRSTS = "".join(sorted({p[0] for p in (*NAME_PARTICLES, *NAME_PREFIXES)}))
NAME_WORD = rf"(?:[{UPPER}]|(?:{_PREFIX_ALTS})[-'’][{UPPER}])[\w’'&.-]*"
"""A capitalised word (a regex fragment): a capital, then letters, digits, apostrophes,
hyphens, dots and ampersands; or a lower-case prefix joined to a capital ("al-Rashid",
"d'Estaing")."""
NAME_RUN = re.compile(
    # The lookahead changes no match (each starts with a capital, a particle or a prefix)
    # but spares the scan most positions.
    rf"(?=[{UPPER}{_PARTICLE_FIRSTS}])"
    rf"(?:(?:{NAME_WORD}|(?:{_PARTICLE_ALTS})(?=(?:[ \t]+(?:{_PARTICLE_ALTS}))?[ \t]+[{UPPER}]))[ \t]+)*"
    rf"{NAME_WORD}(?<![’'])"
)
"""Capitalised words joined by spaces or tabs (never a line break), particles inside."""
_ORG_WORD = rf"(?:[{UPPER}]|[{LOWER}]{{1,2}}[{UPPER}])[\w&’'.-]*"
ORG_RUN = re.compile(rf"{_ORG_WORD}(?:\s+(?:of\s+|&\s+)?{_ORG_WORD})*")
"""Capitalised words joined by white space, "of" or "&" ("Bank of England", "eBay UK")."""

_CAP_PART = rf"[{UPPER}][{LOWER}]+"
_NAME_TOKEN = re.compile(
    rf"(?:{_CAP_PART}(?:[-'’][{UPPER}]?[{LOWER}]+)*"  # "Tomás", "Anne-Marie", "Al-Amin"
    rf"|(?:[{UPPER}]\.)+"  # initials: "J.", "P.J."
    rf"|Ma?c{_CAP_PART}"  # "McAdam", "MacLeod"
    rf"|[{UPPER}]['’]{_CAP_PART}"  # "O'Neill", "D'Arcy", "N'Golo"
    rf"|(?:{_PREFIX_ALTS})[-'’]{_CAP_PART}(?:-{_CAP_PART})*)"  # "al-Rashid", "d'Estaing"
)
_MONTH_WORDS = frozenset(m.capitalize() for m in MONTHS)


def is_name_word(token: str) -> bool:
    """A word written as a part of a person's name: "Tomás", "Łukasz", "O'Neill", "D'Arcy",
    "al-Rashid", "J.", "P.J."."""
    return _NAME_TOKEN.fullmatch(token) is not None


def looks_like_person(name: str) -> bool:
    """Two to four name words (particles aside), none of them an organisation word, a
    month or a function word: "Jo Smith", "Ana María Gutiérrez", "Ursula von der Leyen"."""
    toks = name.split()
    core = [t for t in toks if t not in NAME_PARTICLES]  # "al", "van"; but "Al" is a first name
    if not 2 <= len(core) <= 4:
        return False
    for t in core:
        low = t.lower()
        if not is_name_word(t) or low in ORG_WORDS or t in _MONTH_WORDS or low in FUNCTION_CAPS:
            return False
    return True


def looks_like_org(name: str) -> bool:
    """One to seven words that do not open with a month or a function word."""
    toks = name.split()
    if not 1 <= len(toks) <= 7:
        return False
    return toks[0] not in _MONTH_WORDS and toks[0].lower() not in FUNCTION_CAPS


def is_body_noun(word: str) -> bool:
    """A word that names a kind of body, not one body ("committee", "ministry")."""
    return word.lower() in BODY_NOUNS


_ORG_KEY_DROPS = LEGAL_FORMS | GROUP_WORDS | frozenset({"the"})
_ORG_REGION = frozenset("region regional greater mainland area division unit operations".split())
_ORG_KEY_WORD = re.compile(r"[^\W_]+(?:[&.-][^\W_]+)*")


def org_key(name: str) -> str:
    """A loose key for an organisation: folded, no legal form or group word, no region
    qualifier, no possessive ("BMW Group Region China's" -> "bmw china"). The key keeps every
    word that names a different unit ("BMW China" is not "BMW")."""
    base = strip_marks(name).replace("’", "'").split("'")[0]
    kept = [w.casefold() for w in _ORG_KEY_WORD.findall(base)]
    return " ".join(w for w in kept if w not in _ORG_KEY_DROPS and w not in _ORG_REGION)


_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe"}
    | {"Œ": "Oe", "ß": "ss"}
)
"""Letters with no decomposition, as a keyboard without them writes them ("Łukasz" ->
"Lukasz", "Kjærgaard" -> "Kjaergaard")."""


def strip_marks(text: str) -> str:
    """``text`` without diacritics ("Tomás" -> "Tomas", "Søren" -> "Soren", "Kjærgaard" ->
    "Kjaergaard"). Letters with no decomposition are written as a keyboard without them
    writes them (:data:`_PLAIN_LETTERS`), so the result may be longer than ``text``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_honorifics(words: Sequence[str]) -> list[str]:
    """``words`` without the honorifics that open them ("Mr", "Dr.", "Dame")."""
    out = list(words)
    while out and out[0].lower().rstrip(".") in HONORIFICS:
        out.pop(0)
    return out


def name_words(name: str) -> tuple[str, ...]:
    """A person's name as it is compared: folded words without diacritics, honorifics,
    suffixes and dots: "Mr Alan Greenspan Jr." -> ("alan", "greenspan"); "Dr J. Núñez" ->
    ("j", "nunez")."""
    toks = [t.strip(".,") for t in fold(strip_marks(name)).replace("’", "'").split()]
    toks = [t for t in toks if t]
    while toks and toks[0] in HONORIFICS:
        toks.pop(0)
    while toks and toks[-1] in NAME_SUFFIXES:
        toks.pop()
    return tuple(toks)


def same_person(
    a: str | Sequence[str],
    b: str | Sequence[str],
    *,
    unknown: bool | None,
    facts: FactBase | None = None,
) -> bool | None:
    """Whether ``a`` and ``b`` name one person: True, False, or ``unknown`` when it cannot
    be told. Names are strings or :func:`name_words` tuples.

    One person: forms of one fact base entity; the same first and last name, middle names
    aside and an initial matching a first name ("George W Bush" = "George Bush" = "G. Bush");
    the same words in another order ("Gao Xiang" = "Xiang Gao"); one full name's words among
    the other's, with the same surname ("María Gutiérrez" in "Ana María Gutiérrez"). Two people: different
    surnames, or different first names ("Paul Green" and "Ruth Green"). Cannot tell: a
    surname alone beside a full name with that surname ("Mr Green" and "Paul Green"), or a
    name with no words. Rules that must not report what they cannot prove pass
    ``unknown=True`` when grouping mentions of one person and ``unknown=False`` when a
    conflict needs two people for sure.
    """
    if facts is not None and isinstance(a, str) and isinstance(b, str) and facts.same_entity(a, b):
        return True
    undecided = False
    for pa in _person_forms(facts, a):
        for pb in _person_forms(facts, b):
            if not pa or not pb:
                undecided = True
                continue
            if len(pa) == 1 or len(pb) == 1:
                if pa[-1] == pb[-1] or (len(pa) == 1 and pa[0] in pb) or (len(pb) == 1 and pb[0] in pa):
                    undecided = True
                continue
            if sorted(pa) == sorted(pb):
                return True
            if pa[-1] != pb[-1]:
                continue
            fa, fb = pa[0], pb[0]
            if set(pa) <= set(pb) or set(pb) <= set(pa):
                return True  # "Maria Gutierrez" in "Ana Maria Gutierrez"
            if fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)):
                return True
    return unknown if undecided else False


def _person_forms(facts: FactBase | None, name: str | Sequence[str]) -> list[tuple[str, ...]]:
    if not isinstance(name, str):
        return [tuple(name)]
    ent = facts.entity_for(name) if facts is not None else None
    if ent is None and facts is not None:
        ent = person_entity(facts, name)
    names = ent.forms if ent is not None else (name,)
    return [name_words(n) for n in names]


def person_entity(facts: FactBase, name: str) -> Any:
    """The fact base person ``name`` refers to: any accepted form, or the same first and
    last name (honorifics and middle names aside). None when unknown or ambiguous."""
    ent = facts.entity_for(name)
    if ent is not None:
        return ent if ent.type == "person" else None
    parts = name_words(name)
    if len(parts) < 2:
        return None
    table = facts.cached("analysis.people_by_first_last", lambda: _people_by_first_last(facts))
    found = table.get((parts[0], parts[-1]))
    return found[0] if found and len(found) == 1 else None


def _people_by_first_last(facts: FactBase) -> dict[tuple[str, str], list[Any]]:
    table: dict[tuple[str, str], list[Any]] = {}
    for e in facts.entities:
        if e.type != "person":
            continue
        for f in e.forms:
            p = name_words(f)
            if len(p) >= 2 and e not in table.setdefault((p[0], p[-1]), []):
                table[(p[0], p[-1])].append(e)
    return table
