"""Forms of one term and how two of them differ (case, hyphen or space, diacritics, dots):
what CS101 and CS110 compare."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lint.analysis.lexicon import TITLE_SMALL_WORDS
from lint.analysis.names import strip_marks
from lint.record import Record
from rules.consistency.words import (
    _DIACRITIC_WORDS,
    _HYPHEN_MEANING,
    _MAX_CONTEXTS,
    _PARTICLES,
    _STOP,
    _is_all_caps,
    _is_mixed,
    _is_title,
    _Occ,
)

# --------------------------------------------------------------------------------------
# What the comparison knows of a form


@dataclass
class FormInfo:
    """What the comparison of two forms needs to know about one form, summed over its
    occurrences (in one draft, or in several). Small and picklable (corpus records)."""

    form: str
    count: int = 0
    case_count: int = 0  # occurrences usable as case evidence
    case_mid: int = 0  # ... and not opening a sentence
    proper: bool = False
    lower: bool = False  # an occurrence usable as case evidence with no capital at all
    first_proper: bool = False
    next_kinds: set[str] = field(default_factory=set)
    contexts: set[tuple[str, str]] = field(default_factory=set)

    def add(self, occ: _Occ) -> None:
        self.count += 1
        self.next_kinds.add(occ.next_kind)
        if len(self.contexts) < _MAX_CONTEXTS:
            self.contexts.add(occ.context)
        if occ.case_ok:
            self.case_count += 1
            if not occ.initial:
                self.case_mid += 1
            self.proper |= occ.proper
            self.first_proper |= occ.first_proper
            if not any(c.isupper() for c in occ.form):
                self.lower = True

    def merge(self, other: FormInfo) -> None:
        self.count += other.count
        self.case_count += other.case_count
        self.case_mid += other.case_mid
        self.proper |= other.proper
        self.lower |= other.lower
        self.first_proper |= other.first_proper
        self.next_kinds |= other.next_kinds
        for c in other.contexts:
            if len(self.contexts) >= _MAX_CONTEXTS * 4:
                break
            self.contexts.add(c)


class Variance(Record):
    """How two forms of one key differ, and which occurrences count as evidence."""

    kind: str  # "separator" | "diacritics" | "case"
    case_initial_only: bool = False  # case kind: the forms differ only in their first letter
    weak: bool = False
    """One word in capitals beside title case ("NEXT"/"Next"): a longer name that contains
    it ("HarmonyOS NEXT") makes the better report; never reported across drafts."""
    name: bool = False
    """The difference is inside a name (capitalised words either side of the separator, or
    inner capitals), as opposed to an ordinary word ("grid-scale")."""
    uses: str = ""
    """A hyphen against a space in ordinary words, compared in one use only: "attr" (before
    a word: a compound modifier, "a fourth-quarter charge") or "other" (before a function
    word or punctuation: a noun phrase, "in the fourth quarter."); "" compares every use."""


# --------------------------------------------------------------------------------------
# Comparing two forms of one key


def _shape(form: str) -> tuple[str, dict[int, str]]:
    """Letters of ``form`` and its separators by letter position ("grid-scale" -> {4: "-"})."""
    letters: list[str] = []
    bounds: dict[int, str] = {}
    for ch in form:
        if ch in " -":
            bounds[len(letters)] = ch
        else:
            letters.append(ch)
    return "".join(letters), bounds


def _piece_range(bounds: dict[int, str], pos: int, length: int) -> tuple[int, int]:
    """Letter range of the two words either side of boundary ``pos``."""
    cuts = sorted(bounds)
    left = max([c for c in cuts if c < pos], default=0)
    right = min([c for c in cuts if c > pos], default=length)
    return left, right


def _contexts_match(a: FormInfo, b: FormInfo, strict: bool = True) -> bool:
    """Both forms are used as the same name: the same name words around them ("Delta Air
    Lines" is not "American Airlines"). Loose: an empty side matches anything."""
    if a.contexts & b.contexts:
        return True
    if strict:
        return False
    return any(
        (pa == pb or not pa or not pb) and (na == nb or not na or not nb)
        for pa, na in a.contexts
        for pb, nb in b.contexts
    )


def compare_forms(a: FormInfo, b: FormInfo, *, across: bool = False) -> Variance | None:
    """How ``a`` and ``b`` (same key) differ, or None when the difference is legitimate or
    not proven (the conditions are listed in :class:`TermForms`). ``across``: the forms come
    from different drafts (name contexts must match exactly)."""
    if "." in a.form or "." in b.form:
        return _dotted_variance(a, b, across)
    la, ba = _shape(a.form)
    lb, bb = _shape(b.form)
    plain_a, plain_b = strip_marks(la), strip_marks(lb)
    if len(la) != len(lb) or len(plain_a) != len(plain_b):
        # A letter a keyboard writes as two ("Kjærgaard"/"Kjaergaard"): diacritics only,
        # with the same separators and the same case.
        if ba == bb and plain_a == plain_b:
            return _diacritics_variance(a, b, plain_a, [], across)
        return None
    case_pos = [i for i, (x, y) in enumerate(zip(plain_a, plain_b, strict=True)) if x != y]
    sep_diffs = [(p, ba.get(p), bb.get(p)) for p in sorted(set(ba) | set(bb)) if ba.get(p) != bb.get(p)]
    if sep_diffs:
        return _separator_variance(a, b, la, lb, ba, bb, sep_diffs, case_pos, across)
    if la.lower() != lb.lower():  # diacritics
        return _diacritics_variance(a, b, plain_a, case_pos, across)
    if not case_pos:
        return None
    return _case_variance(a, b, case_pos)


def _diacritics_variance(
    a: FormInfo, b: FormInfo, plain: str, case_pos: list[int], across: bool = False
) -> Variance | None:
    """ "Tomás"/"Tomas", "Kjærgaard"/"Kjaergaard": the same letters once marks are dropped
    (``plain``), differing at most in the case of the first letter (``case_pos``)."""
    if case_pos and case_pos != [0]:
        return None
    proper = a.proper or b.proper
    if proper and not _contexts_match(a, b, strict=across):
        return None
    if not proper and plain.lower() in _DIACRITIC_WORDS:
        return None
    return Variance("diacritics", name=proper)


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _dotted_variance(a: FormInfo, b: FormInfo, across: bool) -> Variance | None:
    """ "U.S." beside "US": the same capitals, with and without full stops."""
    if a.form.replace(".", "") != b.form.replace(".", ""):
        return None
    words_a, words_b = a.form.split(), b.form.split()
    if len(words_a) != len(words_b):
        return None
    for x, y in zip(words_a, words_b, strict=True):
        if x != y and not ((_DOTTED.match(x) and _is_all_caps(y)) or (_DOTTED.match(y) and _is_all_caps(x))):
            return None
    if not _contexts_match(a, b, strict=across):
        return None
    return Variance("separator", name=True)


def _separator_variance(
    a: FormInfo,
    b: FormInfo,
    la: str,
    lb: str,
    ba: dict[int, str],
    bb: dict[int, str],
    sep_diffs: list[tuple[int, str | None, str | None]],
    case_pos: list[int],
    across: bool,
) -> Variance | None:
    if a.proper != b.proper and (a.lower or b.lower):
        return None  # a name beside the ordinary word ("Economic Co-operation" / "cooperation")
    names = set()
    uses: set[str] = set()
    for pos, x, y in sep_diffs:
        holder_letters, holder_bounds = (la, ba) if x is not None else (lb, bb)
        lo, hi = _piece_range(holder_bounds, pos, len(holder_letters))
        left, right = holder_letters[lo:pos], holder_letters[pos:hi]
        if not any(c.isalpha() for c in left) or not any(c.isalpha() for c in right):
            return None
        is_name = left[:1].isupper() and right[:1].isupper()
        names.add(is_name)
        if is_name:
            # Same capitals in both ("TimeWarner"/"Time Warner"); "Castaway"/"Cast Away",
            # "Southwest"/"South West", "UNAIDS"/"UN aids" are different names or words.
            if la[lo:hi] != lb[lo:hi] or not (a.proper and b.proper):
                return None
            continue
        ok = _ordinary_separator_ok(a, b, left, right, {x, y}, la if x is None else lb)
        if ok is None:
            return None
        uses.add(ok)
    if len(names) != 1:
        return None
    is_name = names.pop()
    if is_name:
        # The same name words around both (an empty side matches): "Delta Air Lines" is not
        # "American Airlines", but "MyBMW App" is "My BMW app".
        if not _contexts_match(a, b, strict=False):
            return None
    elif case_pos and case_pos != [0]:
        return None
    return Variance("separator", name=is_name, uses=uses.pop() if len(uses) == 1 else "")


def use_of(next_kind: str) -> str:
    """How an ordinary compound is used, from what follows it: "attr" before a word (a
    compound modifier: "a fourth-quarter charge", "first-time buyers"), "other" before a
    function word, a verb that follows noun phrases or punctuation (a noun phrase: "in
    the fourth quarter.", "the second half of"), "" when a comma, "and" or a word in -ed
    ("the mass market slowed", "a mass-market branded phone") leaves it open."""
    if next_kind in ("word", "cap"):
        return "attr"
    return "" if next_kind in ("ambiguous", "verb") else "other"


def _ordinary_separator_ok(
    a: FormInfo, b: FormInfo, left: str, right: str, kinds: set[str | None], closed: str
) -> str | None:
    """None when the two spellings of an ordinary word are not one word written two ways;
    else the use in which they are compared (:attr:`Variance.uses`)."""
    low_left, low_right = left.lower(), right.lower()
    if kinds == {" ", "-"}:
        if low_right in _PARTICLES:
            return None  # "sell off" (verb) beside "sell-off" (noun)
        # "a long-term plan" and "in the long term" are both right: compare like with like,
        # in the uses both forms have.
        shared = {use_of(k) for k in a.next_kinds} & {use_of(k) for k in b.next_kinds}
        shared.discard("")
        if not shared:
            return None
        return shared.pop() if len(shared) == 1 else ""
    if kinds == {"-", None}:
        return None if strip_marks(closed).lower() in _HYPHEN_MEANING else ""
    # an open form beside a closed one: "a part"/"apart", "set up"/"setup" are two things
    if low_left in _STOP or low_right in _STOP or low_right in _PARTICLES:
        return None
    return "" if len(left) >= 2 and len(right) >= 2 else None


def _case_variance(a: FormInfo, b: FormInfo, case_pos: list[int]) -> Variance | None:
    initial_only = case_pos == [0]
    if initial_only:
        if not (a.case_mid and b.case_mid):
            return None
    elif not (a.case_count and b.case_count):
        return None
    words_a = a.form.replace("-", " ").split()
    words_b = b.form.replace("-", " ").split()
    if len(words_a) != len(words_b):
        return None
    differing = [k for k, (x, y) in enumerate(zip(words_a, words_b, strict=True)) if x != y]
    if not _contexts_match(a, b):
        return None
    if len(words_a) == 1:
        x, y = words_a[0], words_b[0]
        if _is_mixed(x) or _is_mixed(y):
            return Variance("case", initial_only, name=True)
        letters = sum(1 for c in x if c.isalpha())
        if letters >= 3 and ((_is_all_caps(x) and _is_title(y)) or (_is_all_caps(y) and _is_title(x))):
            # Standalone in both ("HUAWEI HiCar" is a product name, not a spelling of "Huawei").
            if a.case_mid and b.case_mid and ("", "") in a.contexts and ("", "") in b.contexts:
                return Variance("case", initial_only, weak=True, name=True)
        return None
    # Several words, anchored on a name in both: "Atacama Desert" / "Atacama desert".
    if not (words_a[0][:1].isupper() and words_b[0][:1].isupper() and a.first_proper and b.first_proper):
        return None
    if 0 in differing and words_a[0][1:] == words_b[0][1:]:
        return None
    for k in differing:
        x, y = words_a[k], words_b[k]
        if x.lower() in TITLE_SMALL_WORDS:
            return None
        if _is_mixed(x) or _is_mixed(y) or _is_all_caps(x) or _is_all_caps(y):
            continue
        # Title case against lower case: the capitalised form must end a name somewhere,
        # not only modify the next word ("German Economy minister" is a title).
        titled = a if x[:1].isupper() else b
        if k == len(words_a) - 1 and not (titled.next_kinds - {"word", "verb"}):
            return None
    return Variance("case", False, name=True)


def _evidence_count(info: FormInfo, v: Variance) -> int:
    if v.kind != "case":
        return info.count
    return info.case_mid if v.case_initial_only else info.case_count


def _is_evidence(occ: _Occ, v: Variance) -> bool:
    if v.uses:
        return use_of(occ.next_kind) == v.uses
    if v.kind != "case":
        return True
    return occ.case_ok and not (v.case_initial_only and occ.initial)


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _recase(text: str, replacement: str) -> str:
    if text[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_NO_CONTEXT = ("", "")


def _sub_pairs(a: str, b: str) -> Iterator[tuple[str, str]]:
    """Pairs of shorter forms (in the order of ``a``, ``b``) left when identical first or last
    words are dropped from both."""
    wa, wb = a.split(" "), b.split(" ")
    todo = [(wa, wb)]
    while todo:
        x, y = todo.pop()
        trims = []
        if x[0] == y[0]:
            trims.append((x[1:], y[1:]))
        if x[-1] == y[-1]:
            trims.append((x[:-1], y[:-1]))
        for nx, ny in trims:
            if nx and ny:
                yield " ".join(nx), " ".join(ny)
                todo.append((nx, ny))


def known_to_facts(facts: Any, minor: str, major: str) -> bool:
    """True when the fact base settles the minority form (so a consistency report would be
    wrong or a duplicate): it is an accepted form of the entity (its name or an alias,
    exactly), or a form the fact base flags as avoided (the facts rules report it, with
    the right name)."""
    if facts is None:
        return False
    ent = facts.entity_for(minor) or facts.entity_for(major)
    if ent is None:
        return False
    norm = " ".join(minor.split())
    return norm in {" ".join(f.split()) for f in (*ent.forms, *ent.avoid)}
