"""CS102 ``spelling-variety``: American and British spellings mixed (and ``-ize``/``-ise``)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from itertools import filterfalse
from pathlib import Path
from typing import Any, ClassVar

from lint.analysis.lexicon import MONTHS
from lint.document import Document
from lint.model import Edit, Finding, Fix, Related, Severity
from lint.record import Record
from lint.rule import Rule
from rules.consistency.forms import _recase
from rules.consistency.words import _TEXT, _is_initial, _is_title, _title_quotes, _words

# --------------------------------------------------------------------------------------
# CS102


class _Spelling(Record):
    variety: str  # "US" | "UK" on the us-uk axis; "ize" | "ise" on the ize axis
    axis: str  # "us-uk" | "ize"
    counterpart: str
    name_prone: bool = False  # capitalised, more often a name than a word ("Labor")


@functools.lru_cache(maxsize=1)
def spelling_table() -> Mapping[str, _Spelling]:
    """Every marker word (lower case) -> its variety and counterpart. Read once per process."""
    from lint.cache import derived

    raw = (Path(__file__).parent.parent / "data" / "spelling.yaml").read_bytes()
    # Kept as plain tuples (a pickle of 3,000 records rebuilds each through Python; plain
    # tuples load in C) and made records on lookup: a draft looks up a handful.
    plain = derived(
        "spelling", raw, lambda: {k: tuple(v) for k, v in _spelling_from(raw).items()}, __file__, installed=True
    )
    return _SpellingTable(plain)


class _SpellingTable(Mapping[str, _Spelling]):
    """The spelling table over plain tuples; ``keys()`` is the dict's own (set operations)."""

    def __init__(self, plain: dict[str, tuple[Any, ...]]) -> None:
        self._plain = plain

    def __getitem__(self, word: str) -> _Spelling:
        return _Spelling._make(self._plain[word])

    def __contains__(self, word: object) -> bool:
        return word in self._plain

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain)

    def __len__(self) -> int:
        return len(self._plain)

    def keys(self) -> KeysView[str]:
        return self._plain.keys()


def _spelling_from(raw: bytes) -> dict[str, _Spelling]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the same data, faster
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    table: dict[str, _Spelling] = {}

    def forms(entry: Sequence[Any]) -> Iterator[tuple[str, str]]:
        a, b, suffixes = entry
        yield a, b
        for suf in suffixes or ():
            yield a + suf, b + suf

    for entry in data.get("pairs", ()):
        for us, uk in forms(entry):
            table[us] = _Spelling("US", "us-uk", uk)
            table[uk] = _Spelling("UK", "us-uk", us)
    for entry in data.get("uk_only", ()):
        for uk, us in forms(entry):
            table.setdefault(uk, _Spelling("UK", "us-uk", us))
    for entry in data.get("us_only", ()):
        for us, uk in forms(entry):
            table.setdefault(us, _Spelling("US", "us-uk", uk))
    for variety, words in (data.get("house") or {}).items():
        for word in words:
            table[f"house:{word}"] = _Spelling(str(variety), "house", "")  # a lean, never a marker
    for us, uk, use in data.get("by_use", ()):
        table[f"{use}:{us}"] = _Spelling("US", "us-uk", uk)  # no word holds a colon: never a marker alone
    prone = frozenset(str(w).lower() for w in data.get("name_prone", ()))
    for word in prone:
        if word in table:
            table[word] = _Spelling(table[word].variety, table[word].axis, table[word].counterpart, name_prone=True)
    endings = ("", "s", "d", "r", "rs")
    for stem in data.get("ize_stems", ()):
        for end in endings:
            table.setdefault(f"{stem}ize{end}", _Spelling("ize", "ize", f"{stem}ise{end}"))
            table.setdefault(f"{stem}ise{end}", _Spelling("ise", "ize", f"{stem}ize{end}"))
        for a, b in (("izing", "ising"), ("ization", "isation"), ("izations", "isations")):
            table.setdefault(stem + a, _Spelling("ize", "ize", stem + b))
            table.setdefault(stem + b, _Spelling("ise", "ize", stem + a))
    return table


_SPELL_WORD = re.compile(r"(?<![\w'’])[A-Za-z]+(?!\w)")
_LOOKAHEAD_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_MONTH = "|".join(m.capitalize() for m in MONTHS)
_DATE_ORDER = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH})\b|(?:{_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?, \d{{4}})"
)
"""A date with the day first ("8 December", British) or the month first and a comma before
the year ("December 8, 2004", American): a lean, as :func:`_house_lean` reads it."""


@functools.lru_cache(maxsize=1)
def _house_pattern() -> re.Pattern[str]:
    words = sorted((k.partition(":")[2] for k in spelling_table() if k.startswith("house:")), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE)


_TITLE_STOP = re.compile(r"\b(?:Mrs|Mr|Ms|Dr)(\.?) (?=[A-Z])")
"""A courtesy title before a name, without a full stop ("Mr Blair", British) or with one
("Mr. Blair", American): a lean, as :func:`_house_lean` reads it."""


def _house_lean(prose: str) -> str:
    """The variety the draft's habits lean to ("UK", "US" or ""): its house forms
    (spelling.yaml ``house``), the order of day and month in its dates and the full stop
    after "Mr" or "Dr"."""
    table = spelling_table()
    votes = {"UK": 0, "US": 0}
    for m in _house_pattern().finditer(prose):
        votes[table["house:" + m.group(0).lower()].variety] += 1
    for m in _DATE_ORDER.finditer(prose):
        votes["UK" if m.group(0)[:1].isdigit() else "US"] += 1
    for m in _TITLE_STOP.finditer(prose):
        votes["US" if m.group(1) else "UK"] += 1
    if votes["UK"] == votes["US"]:
        return ""
    return "UK" if votes["UK"] > votes["US"] else "US"


_ISE_TIE = {"UK": "ize", "US": "ise"}
"""On a tie between -ize and -ise, the form reported given the draft's us-uk majority."""
_VARIETY_NAMES = {"US": "American", "UK": "British", "ize": "-ize", "ise": "-ise"}


_WORD_PARTS = re.compile(r"[-\u2010\u2011'’.]")


_USE_BEFORE = {
    "noun": frozenset("a an the its his her their our my your this that no any every each driving".split()),
    "verb": frozenset("to will would can could may might must should shall cannot".split()),
}
"""The words right before a by_use word (spelling.yaml) that show it is the noun or the verb."""
_POSSESSIVE = re.compile(r"['’]s?$")
_PREV_WORD = re.compile(r"([A-Za-z]+(?:['’]s?)?)\s+$")


@functools.lru_cache(maxsize=1)
def _by_use_words() -> frozenset[str]:
    """The words of spelling.yaml ``by_use`` ("license", "practice")."""
    return frozenset(k.partition(":")[2] for k in spelling_table() if k.split(":", 1)[0] in _USE_BEFORE)


def _use_key(prose: str, start: int, low: str) -> str | None:
    """The table key of a by_use word at ``start`` ("noun:license"), from the word before it:
    a determiner or a possessive ("the club's") makes it a noun, "to" or a modal a verb."""
    m = _PREV_WORD.search(prose, max(0, start - 40), start)
    if m is None:
        return None
    prev = m.group(1).lower()
    if _POSSESSIVE.search(prev):
        return f"noun:{low}"
    for use, before in _USE_BEFORE.items():
        if prev in before:
            return f"{use}:{low}"
    return None


def _marker_words(doc: Document) -> set[str]:
    """The marker words (lower case) the draft may hold: every marker is a token of the draft
    or a part of one between hyphens, apostrophes or full stops (``_markers`` says which are
    markers); a by_use word counts as the use that would make it a marker ("noun:license")."""
    table = spelling_table()
    vocabulary = list(map(_TEXT, _words(doc).distinct_words()))
    lowered = set(map(str.lower, vocabulary))
    found = table.keys() & lowered
    for w in _by_use_words() & lowered:
        found.update(k for use in _USE_BEFORE if (k := f"{use}:{w}") in table)
    for token in filterfalse(str.isalpha, vocabulary):
        for part in _WORD_PARTS.split(token):
            low = part.lower()
            if low in table:
                found.add(low)
    return found


def _may_report(words: set[str], preferred: tuple[str, str] | None) -> bool:
    """Markers among ``words`` could be reported: both varieties of an axis, or (with a
    configured variety) one that is not wanted."""
    table = spelling_table()
    seen: dict[str, set[str]] = defaultdict(set)
    for w in words:
        sp = table[w]
        seen[sp.axis].add(sp.variety)
        if sp.variety == "ise":
            seen["us-uk"].add("UK")  # an -ise verb is British evidence too (_evidence)
    for axis, varieties in seen.items():
        if preferred is None:
            if len(varieties) > 1:
                return True
        elif varieties - {preferred[0] if axis == "us-uk" else preferred[1]}:
            return True
    return False


class _Marker(Record):
    start: int
    end: int
    word: str
    spelling: _Spelling


def _evidence(markers: list[_Marker]) -> list[_Marker]:
    """The markers that tell British from American spelling: those of the us-uk axis, and
    the -ise verbs ("organise", "realised"), which American spelling never uses (-ize is
    American and Oxford British, so it proves nothing). An -ise verb counts towards a
    British majority but is reported on the -ize/-ise axis only."""
    out = []
    for m in markers:
        sp = m.spelling
        if sp.axis == "us-uk":
            out.append(m)
        elif sp.variety == "ise":
            out.append(m._replace(spelling=sp._replace(variety="UK")))
    return out


class SpellingVariety(Rule):
    """American and British spellings mixed in one draft.

    **What it finds**: words whose spelling belongs to one variety ("color", "center",
    "traveled", "defense", "analyze") in a draft that mostly uses the other ("colour",
    "centre", "travelled", "defence", "analyse"); and, on a separate axis, ``-ize`` verbs
    mixed with ``-ise`` verbs ("organize" beside "realise"). The minority variety's words are
    reported, naming a word of the majority and its line (on a tie, the variety that
    appears later is reported).

    **Why**: one draft, one spelling. ``-ize`` with British spelling is Oxford style and is
    not reported; mixing ``-ize`` and ``-ise`` is.

    **Example**: "The colour of the new centre ... the color scheme" reports "color".

    **Fix**: the counterpart spelling of the majority variety (applied by ``--fix``).

    **Not reported**: words that are ordinary in both varieties ("program", "license",
    "practice", "meter", "tire", "check"); capitalised words that are names or in titles
    ("Pearl Harbor", "World Health Organization", "Labor Party", a capitalised word in a
    heading or a quoted title). Quoted speech counts: its spelling is the publication's.

    **Options**: ``variety``: ``auto`` (the majority wins, default), ``us``, ``uk`` or
    ``oxford`` (British with ``-ize``) to report every word of the other variety even when
    the draft does not mix them.
    """

    code = "CS102"
    name = "spelling-variety"
    category = "consistency"
    severity = Severity.WARNING
    fixable = True
    default_options: ClassVar[Mapping[str, Any]] = {"variety": "auto"}
    examples_bad = (
        "The colour of the new centre was chosen by the council. Its color scheme won praise.\n",
        "The firm will organise the event. Staff realized the venue was too small, "
        "so they will also organise transport.\n",
    )
    examples_good = (
        "The color of the new center was chosen by the council. Its color scheme won praise.\n",
        "The centre organized a talk on colour and realized a profit.\n",
        "Veterans met at Pearl Harbor. The harbour in Dover was busy, and the World Health "
        "Organization praised the colour of the labels.\n",
        "The new program for the theatre is ready.\n",
    )

    def _markers(self, doc: Document, found: set[str]) -> list[_Marker]:
        """The markers of the draft; ``found``: :func:`_marker_words`."""
        table = spelling_table()
        by_use = {k.partition(":")[2] for k in found if ":" in k}
        prose = doc.prose
        titles = _title_quotes(doc)
        out = []
        for sent in doc.sentences:
            s_start, s_end = sent.start, sent.end
            heading = doc.blocks[sent.block].kind == "heading"
            caps = not any(c.islower() for c in prose[s_start:s_end])
            for m in _SPELL_WORD.finditer(prose, s_start, s_end):
                word = m.group(0)
                low = word.lower()
                sp = table.get(low)
                if sp is None:
                    if low not in by_use:
                        continue
                    use = _use_key(prose, m.start(), low)
                    sp = table.get(use) if use else None
                    if sp is None:
                        continue
                if word != low:
                    if heading or caps or not _is_title(word) or sp.name_prone:
                        continue
                    if not _is_initial(prose, s_start, m.start()):
                        continue  # a name: "Pearl Harbor", "Labor Party"
                    following = [w.group(0) for w in _LOOKAHEAD_WORD.finditer(prose, m.end(), min(s_end, m.end() + 60))]
                    if any(w[:1].isupper() for w in following[:3]):
                        continue  # "Center for Strategic Studies said..."
                if titles.holds(m.start()):
                    continue
                out.append(_Marker(m.start(), m.end(), word, sp))
        return out

    def check(self, doc: Document) -> Iterable[Finding]:
        wanted = str(self.options.get("variety", "auto")).lower()
        preferred = {
            "us": ("US", "ize"),
            "american": ("US", "ize"),
            "uk": ("UK", "ise"),
            "british": ("UK", "ise"),
            "oxford": ("UK", "ize"),
        }.get(wanted)
        found = _marker_words(doc)
        if not _may_report(found, preferred):
            return
        markers = self._markers(doc, found)
        if not markers:
            return
        house = ""  # the us-uk majority, when one variety has more markers
        for axis in ("us-uk", "ize"):
            group = _evidence(markers) if axis == "us-uk" else [m for m in markers if m.spelling.axis == axis]
            if not group:
                continue
            by_variety: dict[str, list[_Marker]] = defaultdict(list)
            for m in group:
                by_variety[m.spelling.variety].append(m)
            if axis == "us-uk":
                counts = sorted((len(ms), v) for v, ms in by_variety.items())
                if len(counts) == 1 or counts[-1][0] > counts[-2][0]:
                    house = counts[-1][1]
            if preferred is not None:
                keep = preferred[0] if axis == "us-uk" else preferred[1]
                bad = [v for v in by_variety if v != keep]
                if not bad:
                    continue
                minority = bad[0]
                majority_markers = by_variety.get(keep, [])
            else:
                if len(by_variety) < 2:
                    continue
                v1, v2 = sorted(by_variety, key=lambda v: (-len(by_variety[v]), by_variety[v][0].start))
                if axis == "us-uk" and len(by_variety[v1]) == len(by_variety[v2]):
                    # A tie: the draft's other habits say which variety slipped in.
                    lean = _house_lean(doc.prose)
                    if lean in by_variety:
                        v1, v2 = lean, ("US" if lean == "UK" else "UK")
                        house = lean
                if axis == "ize" and len(by_variety[v1]) == len(by_variety[v2]) and house in _ISE_TIE:
                    # A tie between -ize and -ise: American spelling never writes -ise, and
                    # most British house styles do, so the draft's spelling decides.
                    v2 = _ISE_TIE[house]
                    v1 = "ise" if v2 == "ize" else "ize"
                minority = v2
                majority_markers = by_variety[v1]
            for m in by_variety[minority]:
                if m.spelling.axis == axis:  # an -ise verb is reported on its own axis only
                    yield self._report(doc, m, majority_markers, preferred is not None)

    def _report(self, doc: Document, m: _Marker, majority: list[_Marker], forced: bool) -> Finding:
        sp = m.spelling
        name = _VARIETY_NAMES[sp.variety]
        related: list[Related] = []
        if majority:
            ref = majority[0]
            line = doc.position(ref.start)[0]
            other = _VARIETY_NAMES[ref.spelling.variety]
            if sp.axis == "ize":
                msg = f"'{m.word}' is {name} spelling; the draft uses {other} ('{ref.word}' on line {line})"
            else:
                msg = f"'{m.word}' is {name} spelling; the draft uses {other} spelling ('{ref.word}' on line {line})"
            related.append(Related(doc.path, line, f"'{ref.word}'"))
        else:
            msg = f"'{m.word}' is {name} spelling; the configured variety is {self.options.get('variety')}"
        repl = _recase(m.word, sp.counterpart)
        fix = Fix((Edit(m.start, m.end, repl),), f"write '{repl}'", safe=True)
        if not forced and len(majority) < 2:
            fix = Fix(fix.edits, fix.description, safe=False)  # one word against one: no clear majority
        return self.finding(doc, m.start, m.end, msg, fix=fix, related=related)
