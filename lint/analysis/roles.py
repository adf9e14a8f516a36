"""Role mentions: "person holds title at organisation" in the forms news copy uses.

:func:`find_role_mentions` finds them in a document ("Sean Green, President of BMW China",
"BMW chief executive Oliver Zipse", "Orbis Motors, led by chief executive Jo Smith", "Jo
Smith, who is chairman of Orbis"...). A sentence holding a title is cut into chunks (fact
base people and organisations, titles, runs of capitalised words, commas, "of", "the"...),
one symbol each, and the forms are patterns over those symbols. A run of capitalised words
holds the particles and prefixes of names ("Sofia de los Ríos", "Karim al-Haddadi") and a
plural possessive inside an organisation's name ("the Tarn Dockers' Union").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.analysis.lexicon import (
    CLUB_WORDS,
    FUNCTION_CAPS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    ORG_WORDS,
    REGION_WORDS,
)
from lint.analysis.memo import per_document_and_facts
from lint.analysis.names import UPPER, looks_like_org, looks_like_person
from lint.analysis.titles import title_finder
from lint.record import Record

if TYPE_CHECKING:
    from lint.document import Document
    from lint.facts import FactBase


class RoleMention(Record):
    """A person named with a title (and usually an organisation) in one sentence.

    ``person``/``title``/``org`` are the text as written (``org`` None when not named);
    ``start``/``end`` cover the whole mention. ``qualifier`` is "former", "acting", "new"...
    when one precedes the title; ``form`` names the pattern that matched.
    """

    person: str
    title: str
    org: str | None
    start: int
    end: int
    person_start: int
    person_end: int
    title_start: int = -1
    title_end: int = -1
    org_start: int = -1
    org_end: int = -1
    qualifier: str = ""
    form: str = ""
    known_person: bool = False


_TOKEN = re.compile(
    r"(?P<poss>['’]s?(?![\w]))|(?P<comma>,)|"
    r"(?P<word>[^\W\d_](?:[\w\-&]|['’](?!s?(?!\w))|\.(?=[^\W\d_]))*\.?)|(?P<other>\S)"
)
_PREFIXED = re.compile(rf"(?:{'|'.join(NAME_PREFIXES)})[-'’][{UPPER}]")
"""A lower-case word that is part of a name ("al-Rashid", "d'Estaing")."""
_INITIALS = re.compile(rf"(?:[{UPPER}]\.)+")
_QUALIFIERS = frozenset(
    "former ex then late previous outgoing incoming new newly-appointed acting interim future departing retired "
    "onetime one-time erstwhile".split()
)


@dataclass(slots=True)
class _Chunk:
    sym: str  # P person (fact base) O org (fact base) C capitalised run T title , s f a h L w x q
    start: int
    end: int
    text: str
    tokens: int = 1


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p))
    for name, p in (
        # Sean Green, (the) President and CEO of/at BMW China
        ("name-title-of-org", r"(?P<n>[PC]),h?(?P<q>q?)(?P<t>T)[fa]h?(?P<o>[OC])"),
        # Sean Green, who is (the) President of BMW China
        ("name-who-is-title-of-org", r"(?P<n>[PC]),wh?(?P<q>q?)(?P<t>T)[fa]h?(?P<o>[OC])"),
        # Sean Green, BMW China's President and CEO
        ("name-org-s-title", r"(?P<n>[PC]),h?(?P<o>[OC])s(?P<q>q?)(?P<t>T)"),
        # Sean Green, BMW China CEO
        ("name-org-title", r"(?P<n>[PC]),h?(?P<o>[OC])(?P<q>q?)(?P<t>T)(?![fa])"),
        # (the) BMW China('s) (former) chief executive(,) Sean Green
        ("org-title-name", r"(?P<o>[OC])s?(?P<q>q?)(?P<t>T),?(?P<n>[PC])"),
        # President of BMW China(,) Sean Green
        ("title-of-org-name", r"(?P<q>q?)(?P<t>T)[fa]h?(?P<o>[OC]),?(?P<n>[PC])"),
        # BMW China, led by President and CEO Sean Green
        ("led-by", r"(?P<o>[OC]),?L(?P<q>q?)(?P<t>T),?(?P<n>[PC])"),
        # President of BMW Group Greater China Sean Green, without a fact base: one capitalised run
        ("title-of-orgname", r"(?P<q>q?)(?P<t>T)[fa]h?(?P<o>C)(?P<n>)(?![,PC])"),
        # led by chief executive Sean Green (no organisation)
        ("led-by-no-org", r"L(?P<q>q?)(?P<t>T),?(?P<n>[PC])"),
        # chief executive Sean Green (no organisation)
        ("title-name", r"(?P<q>q?)(?P<t>T),?(?P<n>[PC])"),
        # Sean Green, (the) chief executive (no organisation)
        ("name-title", r"(?P<n>[PC]),h?(?P<q>q?)(?P<t>T)"),
    )
)


def _chunks(text: str, s: int, e: int, facts: FactBase | None, titles: Sequence[tuple[int, int]]) -> list[_Chunk]:
    fixed: list[_Chunk] = []
    if facts is not None:
        for m in facts.find_entities(text, s, e):
            if m.entity.type == "person":
                fixed.append(_Chunk("P", m.start, m.end, text[m.start : m.end]))
            elif m.entity.type == "organization":
                fixed.append(_Chunk("O", m.start, m.end, text[m.start : m.end]))
    occupied = sorted((c.start, c.end) for c in fixed)
    oi = 0
    for ts, te in titles:
        while oi < len(occupied) and occupied[oi][1] <= ts:
            oi += 1
        if oi < len(occupied) and occupied[oi][0] < te:
            continue
        fixed.append(_Chunk("T", ts, te, text[ts:te]))
    fixed.sort(key=lambda c: c.start)
    out: list[_Chunk] = []
    pos = s
    first_word = True
    for c in [*fixed, None]:
        gap_end = c.start if c is not None else e
        first_word = _tokenise_gap(text, pos, gap_end, out, first_word and pos == s)
        if c is not None:
            out.append(c)
            pos = c.end
            first_word = False
    return _merge_caps(text, out)


def _tokenise_gap(text: str, s: int, e: int, out: list[_Chunk], sentence_start: bool) -> bool:
    tokens = list(_TOKEN.finditer(text, s, e))
    i = 0
    while i < len(tokens):
        t = tokens[i]
        kind = t.lastgroup
        word = t.group(0)
        if kind == "poss":
            out.append(_Chunk("s", t.start(), t.end(), word))
        elif kind == "comma":
            out.append(_Chunk(",", t.start(), t.end(), word))
        elif kind == "word":
            low = word.lower().rstrip(".")
            if low == "who" and i + 1 < len(tokens) and tokens[i + 1].group(0).lower() == "is":
                out.append(_Chunk("w", t.start(), tokens[i + 1].end(), text[t.start() : tokens[i + 1].end()]))
                i += 2
                sentence_start = False
                continue
            if low == "led" and i + 1 < len(tokens) and tokens[i + 1].group(0).lower() == "by":
                out.append(_Chunk("L", t.start(), tokens[i + 1].end(), text[t.start() : tokens[i + 1].end()]))
                i += 2
                sentence_start = False
                continue
            if low in _QUALIFIERS or low.startswith("ex-"):
                if word[:1].islower() or (sentence_start and low != "new"):
                    out.append(_Chunk("q", t.start(), t.end(), word))
                    sentence_start = False
                    i += 1
                    continue
            if (
                (word[:1].isupper() or _PREFIXED.match(word))
                and not (sentence_start and low in FUNCTION_CAPS)
                and low != "i"
            ):
                if word.endswith(".") and not _INITIALS.fullmatch(word):
                    word = word[:-1]
                out.append(_Chunk("C", t.start(), t.start() + len(word), word))
            elif low == "of":
                out.append(_Chunk("f", t.start(), t.end(), word))
            elif low == "at":
                out.append(_Chunk("a", t.start(), t.end(), word))
            elif low == "the":
                out.append(_Chunk("h", t.start(), t.end(), word))
            elif low in NAME_PARTICLES and out and out[-1].sym in ("C", "p"):
                out.append(_Chunk("p", t.start(), t.end(), word))
            else:
                out.append(_Chunk("x", t.start(), t.end(), word))
        else:
            out.append(_Chunk("x", t.start(), t.end(), t.group(0)))
        sentence_start = False
        i += 1
    return sentence_start


def _merge_caps(text: str, chunks: list[_Chunk]) -> list[_Chunk]:
    """Join adjacent capitalised words into runs ("Bank of England", "Jean van der Berg")."""
    out: list[_Chunk] = []
    i = 0
    n = len(chunks)
    while i < n:
        c = chunks[i]
        if c.sym != "C":
            if c.sym == "p":
                c = _Chunk("x", c.start, c.end, c.text)
            out.append(c)
            i += 1
            continue
        start, end, count = c.start, c.end, 1
        j = i + 1
        while j < n:
            d = chunks[j]
            if d.sym == "C" and _only_space(text, end, d.start):
                end, count, j = d.end, count + 1, j + 1
                continue
            # a plural possessive inside a name: "the Cobaltmoor Workers' Union"
            if (
                d.sym == "s"
                and d.text in ("'", "’")
                and d.start == end
                and text[end - 1 : end] == "s"
                and j + 1 < n
                and chunks[j + 1].sym == "C"
                and _only_space(text, d.end, chunks[j + 1].start)
            ):
                end, count, j = chunks[j + 1].end, count + 1, j + 2
                continue
            # "of"/particles inside a name or organisation: "Bank of England", "Ursula von der Leyen"
            k = j
            while k < n and chunks[k].sym in ("f", "p") and _only_space(text, chunks[k - 1].end, chunks[k].start):
                k += 1
            if k > j and k < n and chunks[k].sym == "C" and _only_space(text, chunks[k - 1].end, chunks[k].start):
                if not (chunks[j].sym == "f" and out and out[-1].sym == "T"):
                    end, count, j = chunks[k].end, count + 1, k + 1
                    continue
            break
        out.append(_Chunk("C", start, end, text[start:end], count))
        i = j
    return out


def _only_space(text: str, a: int, b: int) -> bool:
    return a <= b and (a == b or text[a:b].isspace()) and "\n" not in text[a:b]


def find_role_mentions(doc: Document, facts: FactBase | None = None) -> list[RoleMention]:
    """Role mentions in every sentence of ``doc`` (prose only). Found once per draft and
    fact base (the facts and consistency rules share them); each call returns a new list."""
    return list(_role_mentions(doc, facts))


@per_document_and_facts
def _role_mentions(doc: Document, facts: FactBase | None) -> list[RoleMention]:
    out: list[RoleMention] = []
    prose = doc.prose
    finder = title_finder(facts)
    low = doc.prose_lower
    for block in doc.blocks:
        # One title search per block; only sentences holding a title are chunked.
        current = None
        titles: list[tuple[int, int]] = []
        for ts, te in finder.spans(prose, block.start, block.end, low):
            sent = doc.sentence_at(ts)
            if sent is None:
                continue
            if current is not None and sent.start != current.start:
                if titles:
                    out.extend(_mentions(prose, current.start, current.end, facts, titles))
                titles = []
            current = sent
            if te <= sent.end:
                titles.append((ts, te))
        if current is not None and titles:
            out.extend(_mentions(prose, current.start, current.end, facts, titles))
    return out


def role_mentions_in(
    text: str,
    start: int,
    end: int,
    facts: FactBase | None = None,
) -> list[RoleMention]:
    """Role mentions in ``text[start:end]`` (normally one sentence)."""
    titles = title_finder(facts).spans(text, start, end)
    return _mentions(text, start, end, facts, titles) if titles else []


def _mentions(
    text: str, start: int, end: int, facts: FactBase | None, titles: Sequence[tuple[int, int]]
) -> list[RoleMention]:
    chunks = _chunks(text, start, end, facts, titles)
    if not any(c.sym == "T" for c in chunks):
        return []
    syms = "".join(c.sym for c in chunks)
    found: list[RoleMention] = []
    used_people: set[int] = set()
    for form, rx in _PATTERNS:
        for m in _overlapping(rx, syms):
            ni = m.start("n")
            if form == "title-of-orgname":
                ni = m.start("o")
                split = _split_org_name(chunks[ni])
                if split is None or ni in used_people:
                    continue
                (o_start, o_end, org), (p_start, p_end, p_text) = split
            elif ni in used_people:
                continue
            else:
                if ni > 0 and chunks[ni - 1].sym == "," and form not in _NAME_FIRST_FORMS:
                    # "Orbis's chief executive, Mira Castell, said": an apposition closes
                    # with a comma; "...as US President, Tony Blair said" is no mention.
                    after = chunks[ni + 1] if ni + 1 < len(chunks) else None
                    if after is not None and not (after.sym == "," or after.text in _CLOSERS):
                        continue
                person = _person_part(chunks, ni, m, form)
                if person is None:
                    continue
                p_start, p_end, p_text = person
                org = None
                o_start = o_end = -1
            if form != "title-of-orgname" and "o" in rx.groupindex and m.group("o"):
                oc = chunks[m.start("o")]
                org_span = _org_part(chunks, m.start("o"), form)
                if org_span is None:
                    continue
                o_start, o_end, org = org_span
                if oc.sym == "C" and not looks_like_org(org):
                    continue
            tc = _last_public_office(chunks[m.start("t")], form)
            qual = chunks[m.start("q")].text.lower() if m.group("q") else ""
            if not qual:
                qual = _qualifier_before(chunks, m.start())
            first = chunks[m.start()]
            last = chunks[m.end() - 1]
            s0 = min(first.start, p_start)
            if first.sym == "h" or first.sym == ",":
                s0 = chunks[m.start() + 1].start
            found.append(
                RoleMention(
                    person=p_text,
                    title=tc.text,
                    org=org,
                    start=s0 if first.sym != "C" or o_start < 0 else min(o_start, p_start),
                    end=max(last.end, p_end),
                    person_start=p_start,
                    person_end=p_end,
                    title_start=tc.start,
                    title_end=tc.end,
                    org_start=o_start,
                    org_end=o_end,
                    qualifier=qual,
                    form=form,
                    known_person=chunks[ni].sym == "P",
                )
            )
            used_people.add(ni)
    found.sort(key=lambda r: r.start)
    return found


def _overlapping(rx: re.Pattern[str], syms: str) -> Iterable[re.Match[str]]:
    pos = 0
    while pos < len(syms):
        m = rx.search(syms, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def _person_part(chunks: Sequence[_Chunk], ni: int, m: re.Match[str], form: str) -> tuple[int, int, str] | None:
    c = chunks[ni]
    if c.sym == "P":
        return c.start, c.end, c.text
    words = c.text.split()
    if looks_like_person(c.text):
        return c.start, c.end, c.text
    # "...President of BMW China Sean Green": the run ends with the name (title-of-org-name
    # without a fact base), or a headline word follows the name ("Sean Green Says").
    if form in ("org-title-name", "title-name", "led-by", "led-by-no-org", "title-of-org-name") and len(words) > 2:
        head = " ".join(words[:2])
        if looks_like_person(head):
            s = c.start
            return s, s + len(head), head
    return None


_NAME_FIRST_FORMS = frozenset(
    {"name-title-of-org", "name-who-is-title-of-org", "name-org-s-title", "name-org-title", "name-title"}
)
_CLOSERS = frozenset(".;:)!?\"”’'—–-")
_PUBLIC_OFFICES = re.compile(r"\b(?:prime minister|minister|chancellor|secretary|governor|mayor)\b", re.I)
_JOINED = re.compile(r"\s+and\s+|\s*&\s*|,\s+", re.I)


def _last_public_office(c: _Chunk, form: str) -> _Chunk:
    """ "the prime minister and Chancellor Gordon Brown" names two people: when a joined
    title holds a public office, keep only the part next to the name (the last one before
    a name, the first one after it). Company titles join ("President and CEO")."""
    parts = list(_JOINED.finditer(c.text))
    if not parts or not _PUBLIC_OFFICES.search(c.text):
        return c
    pieces = [p for p in _JOINED.split(c.text) if p]
    if len(pieces) < 2:
        return c
    if form in _NAME_FIRST_FORMS:
        first = parts[0]
        return _Chunk("T", c.start, c.start + first.start(), c.text[: first.start()])
    last = parts[-1]
    return _Chunk("T", c.start + last.end(), c.end, c.text[last.end() :])


def _split_org_name(c: _Chunk) -> tuple[tuple[int, int, str], tuple[int, int, str]] | None:
    """A run "BMW Group Greater China Sean Green": organisation, then a person's name. The
    name starts after the last organisation or region word ("Motors", "City", "Asia") when what
    follows it reads as a name ("Valmont Energy Nguyễn Thị Lan"); else it is the last two
    words, with the particles or middle initials and the given name before them ("Elena del
    Rio", "Ada B. Quayle")."""
    words = list(re.finditer(r"\S+", c.text))
    if c.sym != "C" or len(words) < 3:
        return None
    first = len(words) - 2
    for k in range(len(words) - 3, 0, -1):
        low = words[k].group(0).casefold()
        if low in ORG_WORDS or low in CLUB_WORDS or low in REGION_WORDS:
            if looks_like_person(c.text[words[k + 1].start() :]):
                first = k + 1
            break
    else:
        # particles and middle initials belong to the name, with the given name before them
        while first > 1 and (words[first].group(0) in NAME_PARTICLES or _INITIALS.fullmatch(words[first].group(0))):
            first -= 1
    if words[first].group(0) in NAME_PARTICLES or words[first - 1].group(0) in NAME_PARTICLES:
        return None
    name_start = words[first].start()
    name = c.text[name_start:]
    org = c.text[: words[first - 1].end()]
    if not looks_like_person(name) or not looks_like_org(org):
        return None
    return (c.start, c.start + len(org), org), (c.start + name_start, c.end, name)


def _org_part(chunks: Sequence[_Chunk], oi: int, form: str) -> tuple[int, int, str] | None:
    c = chunks[oi]
    return c.start, c.end, c.text


def _qualifier_before(chunks: Sequence[_Chunk], i: int) -> str:
    k = i - 1
    while k >= 0 and chunks[k].sym in ("h",):
        k -= 1
    if k >= 0 and chunks[k].sym == "q":
        return chunks[k].text.lower()
    return ""
