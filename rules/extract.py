"""Shared extractors: amounts and numbers, role mentions, entity and keyword matching.

Pure functions over text and documents; linear in the text size (one regex pass or one
automaton pass per sentence). Used by the facts, consistency and attribution families.

* :func:`parse_amounts` reads money, percentages, scaled counts and plain numbers, normalised
  to base units (``"$4.2bn"`` -> ``4.2e9 USD``), and tells years, dates, times, ages, ordinals
  and model names apart (:attr:`Amount.kind`, :func:`is_statistic_like`).
* :func:`find_role_mentions` finds "person holds title at organisation" in the forms news
  copy uses ("Sean Green, President of BMW China", "BMW chief executive Oliver Zipse"...).
* :func:`title_key` / :func:`titles_compatible` compare job titles with the common
  equivalences built in (CEO = chief executive = chief executive officer; chair = chairman...).
* :func:`keyword_regex` compiles a keyword list into one word-bounded regex.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lint.facts import CURRENCY_ALIASES, SCALES, fold, normalise_unit, singular
from lint.record import Record
from lint.text import CASEFOLD_ODDITIES

if TYPE_CHECKING:
    from lint.document import Document
    from lint.facts import FactBase


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(pattern, flags)``, compiled on its first call:
    a big pattern that not every draft needs costs nothing at import (a one-draft run
    starts faster). For patterns written in the code only, never built from a fact base,
    configuration or draft: they are kept in the installation folder (:mod:`lint.recache`)."""

    def compiled() -> re.Pattern[str]:
        from lint import recache

        recache.mark(pattern, flags)
        return re.compile(pattern, flags)

    return functools.cache(compiled)


# ======================================================================================
# Amounts


class Amount(Record):
    """A number found in text.

    ``value`` is in base units (``"€142.38 billion"`` -> ``1.4238e11``); ``unit`` is an ISO
    currency code, ``'%'``, ``'pp'`` (percentage points), a singular unit word
    (``'vehicle'``) or ``''``. ``kind`` is one of ``money``, ``percent``, ``pp``,
    ``quantity`` (scaled or with a unit word), ``number``, ``year``, ``date``, ``time``,
    ``age``, ``ordinal``, ``model`` (a number that names something: "Mate 60", "iX3").
    ``step`` is the resolution of the last written digit in base units ("142bn" -> 1e9), so
    a rounded figure can be compared fairly. ``hedge`` is ``about``, ``over`` or ``under``
    when the number is qualified ("nearly", "more than", "less than").
    """

    value: float
    unit: str
    start: int
    end: int
    raw: str
    kind: str = "number"
    step: float = 1.0
    scaled: bool = False
    hedge: str = ""


NON_STATISTIC_KINDS = frozenset({"year", "date", "time", "age", "ordinal", "model"})


def is_statistic_like(amount: Amount) -> bool:
    """True for numbers that report a measurement (money, percentages, scaled or large
    counts); False for years, dates, times, ages, ordinals, model names and small counts."""
    if amount.kind in NON_STATISTIC_KINDS:
        return False
    if amount.kind in ("money", "percent", "pp"):
        return True
    return amount.scaled or amount.value >= 1000


_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_ABBR["sept"] = 9
_MONTH_NUM = {m: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_NUM.update(_MONTH_ABBR)
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

_PRE_CURRENCY = (
    r"(?:US|HK|NT|AU|CA|A|C|S|R)\$|\$|€|£|¥|₹|₩"
    r"|\b(?:USD|EUR|GBP|CNY|JPY|CHF|HKD|INR|AUD|CAD|SGD|RMB|Rmb|rmb)\b"
)
_POST_CURRENCY = (
    r"USD|EUR|GBP|CNY|JPY|CHF|HKD|INR|AUD|CAD|SGD|RMB|US\s+dollars|euros?|dollars?|pounds\s+sterling|"
    r"pounds|sterling|yuan|yen|renminbi|rupees|Swiss\s+francs"
)
_AMOUNT = re.compile(
    rf"""
    (?P<pre>{_PRE_CURRENCY})?[ \u00a0]?
    (?<![\w.,/:])(?<![^\W\d_]-)(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,]\d)
    (?:
        [ \u00a0]?(?P<scale>trillion|billion|million|thousand|tn|trn|bn|mn|mln)\b
      | (?P<short>[mbk])\b(?![’'.]\w)
    )?
    (?:[ \u00a0]?(?P<pct>%|per[ \u00a0]?cent\b|percent\b|percentage[ \u00a0]points?\b|pct\b|pp\b))?
    (?:[ \u00a0](?P<post>{_POST_CURRENCY})\b)?
    """,
    re.X | re.I,
)
_DATE_SPANS = re.compile(
    rf"""
    \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b
  | \b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
  | \b{_MONTH_RE}[ \u00a0]\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \u00a0]\d{{4}}\b)?
  | \b\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?{_MONTH_RE}(?:,?[ \u00a0]\d{{4}}\b)?
  | \b{_MONTH_RE}[ \u00a0]\d{{4}}\b
    """,
    re.X,
)
_TIME_AFTER = re.compile(r"[:.]\d\d(?:\s?[ap]\.?m\.?)?\b|\s?[ap]\.?m\.?(?![a-z])|\s?(?:GMT|BST|UTC)\b", re.I)
_AGE_AFTER = re.compile(r"[- ]years?[- ]old\b|[- ]year-old\b|[- ]month-old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s$", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_GLUED_AFTER = re.compile(r"[A-Za-z]")
_MODEL_BEFORE = re.compile(r"\b([A-Z][\w\-]*)[ \u00a0]$")
_HEDGE_ABOUT = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|some|close\s+to|an\s+estimated|estimated|up\s+to|"
    r"circa|c\.|~)\s*$",
    re.I,
)
_HEDGE_OVER = re.compile(r"\b(?:more\s+than|over|above|at\s+least|exceeding|in\s+excess\s+of|upwards\s+of)\s*$", re.I)
_HEDGE_UNDER = re.compile(r"\b(?:less\s+than|under|below|fewer\s+than|at\s+most|no\s+more\s+than)\s*$", re.I)
_HEDGE_LAST_WORDS = frozenset(
    "about around roughly approximately nearly almost some to estimated circa than over above least exceeding of "
    "under below most".split()
)
"""The last word of each phrase of _HEDGE_ABOUT, _HEDGE_OVER and _HEDGE_UNDER (the others end
in "." or "~")."""


def _may_hedge(before: str) -> bool:
    """False when no hedge pattern can match ``before``: each match ends the text (but for
    white space) with one of _HEDGE_LAST_WORDS, "." or "~". Spares most numbers three
    regular expression searches."""
    tail = before.rstrip()
    if not tail:
        return False
    if tail[-1] in ".~" or any(c in tail for c in CASEFOLD_ODDITIES):
        return True
    i = len(tail)
    while i > 0 and tail[i - 1].isascii() and tail[i - 1].isalpha():
        i -= 1
    return tail[i:].lower() in _HEDGE_LAST_WORDS


_UNIT_WORDS = re.compile(r"[ \u00a0]([a-z][a-z\-]{0,20})\b(?![’'])")
_NOT_UNITS = frozenset(
    """a an the of in on at to for from by with and or but nor per than as is are was were be been
    this that these those it its their his her our your my we they he she you i
    which who whom whose what when where while if so yet also only just over under about around
    up down out into onto off more less most least times time ago last next said says""".split()
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*$")
_LEAD_WINDOW = 24

# Scanning text with _AMOUNT tries the whole pattern at every position, which is slow.
# Every match holds a number that starts a run of digits, and starts at most
# _AMOUNT_LEAD characters before it (a currency of up to three characters and a space),
# so trying the pattern only at those positions finds exactly the matches finditer finds.
_DIGIT_RUN = re.compile(r"\d+")
_AMOUNT_LEAD = 4
# Every _DATE_SPANS match holds a month's first three letters or a digit before - or /.
_DATE_GATE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d[-/]")


def _amount_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_AMOUNT.finditer(text, start, end)``, found faster."""
    match = _AMOUNT.match
    pos = start  # finditer goes on from the end of the last match
    for run in _DIGIT_RUN.finditer(text, start, end):
        digit = run.start()
        for p in range(max(pos, digit - _AMOUNT_LEAD), digit + 1):
            m = match(text, p, end)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = max(pos, digit + 1)


def sentence_amounts(doc: Document, start: int, end: int) -> list[Amount]:
    """``parse_amounts(doc.prose, start, end)``, worked out once per document and range:
    AT102, CS112 and FA104 all read the amounts of the same sentences. Returns a new list
    each call (the amounts themselves are shared; they are records, not changed)."""
    memo: dict[tuple[int, int], list[Amount]] | None = doc.memo.get("rules.extract.amounts")
    if memo is None:
        memo = doc.memo["rules.extract.amounts"] = {}
    got = memo.get((start, end))
    if got is None:
        got = memo[start, end] = parse_amounts(doc.prose, start, end)
    return list(got)


def parse_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every number in ``text[start:end]`` with its normalised value, unit and kind.

    Offsets are into ``text``. Handles "$4.2 billion", "4.2bn", "US$4,200 million",
    "€142.38 billion", "£600m", "37 percent", "37 per cent", "13.4%", "1.5 million",
    "Rmb 3bn", "2 percentage points"; ranges ("4-5%", "$3bn to $4bn") share their unit.
    """
    end = len(text) if end is None else end
    dates = (
        [(m.start(), m.end()) for m in _DATE_SPANS.finditer(text, start, end)]
        if _DATE_GATE.search(text, start, end)
        else []
    )
    di = 0
    out: list[Amount] = []
    for m in _amount_matches(text, start, end):
        ns, ne = m.start("num"), m.end("num")
        digits = m.group("num").replace(",", "")
        try:
            number = float(digits)
        except ValueError:  # pragma: no cover - the regex only admits digits
            continue
        step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else _integer_step(digits)
        pre, post = m.group("pre"), m.group("post")
        scale_word = (m.group("scale") or m.group("short") or "").lower()
        pct = (m.group("pct") or "").lower()
        currency = ""
        if pre:
            currency = _currency(pre)
        elif post:
            currency = _currency(post)
        # A bare short scale ("5m") is a scale only with a currency ("£600m") or glued to the digits.
        if m.group("short") and not currency and text[m.start("short") - 1 : m.start("short")].isspace():
            scale_word = ""
        scale = SCALES.get(scale_word, 1.0) if scale_word else 1.0
        while di < len(dates) and dates[di][1] <= ns:
            di += 1
        in_date = di < len(dates) and dates[di][0] <= ns and ne <= dates[di][1]
        a_end = m.end()
        if scale_word == "" and m.group("short"):
            a_end = m.end("num")
            if pct or post:
                a_end = m.end()
        a_start = m.start("pre") if pre else ns
        before = text[max(start, ns - _LEAD_WINDOW) : ns if not pre else m.start("pre")]
        after = text[ne : min(end, ne + 16)]
        kind = "number"
        unit = ""
        if in_date and not (currency or scale_word or pct):
            kind = "date"
        elif pct:
            kind, unit = ("pp", "pp") if "point" in pct or pct == "pp" else ("percent", "%")
        elif currency:
            kind, unit = "money", currency
        elif not scale_word and _TIME_AFTER.match(after):
            kind = "time"
        elif not scale_word and (_AGE_AFTER.match(after) or _AGE_BEFORE.search(before)):
            kind = "age"
        elif not scale_word and _ORDINAL_AFTER.match(after):
            kind = "ordinal"
        elif not scale_word and _GLUED_AFTER.match(after):
            kind = "model"
        elif (
            not scale_word
            and "." not in digits
            and len(digits) == 4
            and "," not in m.group("num")
            and 1800 <= number <= 2100
        ):
            kind = "year"
        elif not scale_word and _is_model_context(text, start, ns):
            kind = "model"
        if kind in ("number",) or (kind == "money" and False):
            word = _unit_word(text, a_end, end)
            if word:
                unit = normalise_unit(word)
                kind = "quantity"
            elif scale_word:
                kind = "quantity"
        hedge = ""
        if kind in ("money", "percent", "pp", "quantity", "number") and _may_hedge(before):
            if _HEDGE_ABOUT.search(before):
                hedge = "about"
            elif _HEDGE_OVER.search(before):
                hedge = "over"
            elif _HEDGE_UNDER.search(before):
                hedge = "under"
        out.append(
            Amount(
                value=number * scale,
                unit=unit,
                start=a_start,
                end=a_end,
                raw=text[a_start:a_end],
                kind=kind,
                step=step * scale,
                scaled=scale != 1.0,
                hedge=hedge,
            )
        )
    return _share_range_units(text, out)


_COUNT_NOUNS = frozenset(
    """people staff personnel police children men women cattle sheep fish data media crew
    unit vehicle car user customer employee worker job store shop plant factory model
    kilometre kilometer km mile metre meter kg tonne ton barrel litre liter dose vote seat
    passenger visitor subscriber share""".split()
)


def _unit_word(text: str, pos: int, end: int) -> str:
    """The noun a number counts: the plural among up to three lower-case words after it
    ("1.5 million pure electric vehicles" -> "vehicles"), else the first of them when it
    is a known count noun ("1 vehicle", "500 people"); '' when no noun follows."""
    words: list[str] = []
    while len(words) < 3:
        m = _UNIT_WORDS.match(text, pos, end)
        if not m or m.group(1) in _NOT_UNITS or m.group(1) in _MONTH_NUM:
            break
        words.append(m.group(1))
        pos = m.end()
    for w in words:
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "ous", "ics")):
            return w
    for w in words:
        if w in _COUNT_NOUNS or singular(w) in _COUNT_NOUNS:
            return w
    return ""


def _integer_step(digits: str) -> float:
    """Resolution of an integer: trailing zeros are not taken as significant ("140" -> 10)."""
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped:
        return 1.0
    return 10.0 ** min(zeros, max(0, len(digits) - 1))


def _currency(token: str) -> str:
    t = " ".join(token.split())
    if t.upper() in ("USD", "EUR", "GBP", "CNY", "JPY", "CHF", "HKD", "INR", "AUD", "CAD", "SGD"):
        return t.upper()
    return CURRENCY_ALIASES.get(t.lower(), CURRENCY_ALIASES.get(singular(t.lower()), ""))


def _is_model_context(text: str, start: int, ns: int) -> bool:
    """A number right after a capitalised word that does not start a sentence ("Mate 60")."""
    m = _MODEL_BEFORE.search(text, max(start, ns - 30), ns)
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in _MONTH_NUM or word.isupper() and len(word) <= 3 and word in ("US", "UK", "EU"):
        return False
    k = m.start(1) - 1
    while k >= start and text[k] in " \u00a0\"“'‘(":
        k -= 1
    if k < start or text[k] in ".!?\n:":
        return False  # sentence-initial capital: "Some 60 people"
    return True


def _share_range_units(text: str, amounts: list[Amount]) -> list[Amount]:
    """In "4-5%" or "$3 to $4bn" the first number takes the unit and scale of the second."""
    if len(amounts) < 2:
        return amounts
    out = list(amounts)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "number" or b.kind not in ("money", "percent", "pp", "quantity"):
            continue
        if a.unit or a.scaled or not _RANGE_JOIN.fullmatch(text[a.end : b.start]):
            continue
        scale = b.value / float(b.raw and _leading_number(b.raw) or 1) if b.scaled else 1.0
        out[i] = Amount(a.value * scale, b.unit, a.start, a.end, a.raw, b.kind, a.step * scale, b.scaled, a.hedge)
    return out


def _leading_number(raw: str) -> float:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", raw)
    return float(m.group(0).replace(",", "")) if m else 1.0


# -- dates ---------------------------------------------------------------------------------


class DateMention(Record):
    """An explicit calendar date in text; ``has_year`` is False for "March 17"."""

    date: _dt.date
    start: int
    end: int
    has_year: bool


_DAY_DATES = lazy_pattern(
    rf"""
    \b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b
  | \b(?P<m1>{_MONTH_RE})[ \u00a0](?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?[ \u00a0](?P<y1>\d{{4}})\b)?
  | \b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<m2>{_MONTH_RE})(?:,?[ \u00a0](?P<y2>\d{{4}})\b)?
    """,
    re.X,
)


def find_dates(text: str, start: int = 0, end: int | None = None, default_year: int | None = None) -> list[DateMention]:
    """Explicit day dates ("17 March 2025", "March 17", "2025-03-17"). A date without a year
    takes ``default_year`` (skipped when None). "May" is read as a month only before a day."""
    end = len(text) if end is None else end
    out: list[DateMention] = []
    for m in _DAY_DATES().finditer(text, start, end):
        try:
            if m.group("iy"):
                y, mo, d, has_year = int(m.group("iy")), int(m.group("im")), int(m.group("id")), True
            else:
                mon = m.group("m1") or m.group("m2")
                day = m.group("d1") or m.group("d2")
                yr = m.group("y1") or m.group("y2")
                mo = _MONTH_NUM[mon.lower().rstrip(".")]
                d = int(day)
                has_year = yr is not None
                if yr is None:
                    if default_year is None:
                        continue
                    y = default_year
                else:
                    y = int(yr)
            out.append(DateMention(_dt.date(y, mo, d), m.start(), m.end(), has_year))
        except (ValueError, KeyError):
            continue
    return out


# ======================================================================================
# Titles


_TITLE_CORE = r"""
    chief[ ](?:executive|financial|operating|technology|technical|marketing|digital|information|commercial|
                product|people|strategy|data|legal|sustainability|design|investment|risk|growth)(?:[ ]officer)?
  | chief[ ](?:economist|scientist|designer|engineer|strategist|analyst|minister)
  | (?-i:CEO|CFO|COO|CTO|CIO|CMO|CPO|CDO|CSO|MD|VP|EVP|SVP)
  | chair(?:man|woman|person)?(?:[ ]of[ ]the[ ](?:(?:supervisory|management|executive)[ ]board
                                                |board(?:[ ]of[ ](?:management|directors))?))?
  | president
  | managing[ ]director
  | general[ ]manager
  | country[ ]manager
  | director[ ]general
  | director
  | head(?:[ ]of[ ](?-i:[a-z]+(?:[ ](?:and|&)[ ][a-z]+)?))?
  | co-?founder | founder
  | spokes(?:man|woman|person)
  | prime[ ]minister | minister | secretary[- ]general | secretary | governor | mayor | chancellor
  | boss | chief
"""
_TITLE_PREFIX = (
    r"(?:(?:vice|deputy|executive|senior|assistant|associate|acting|interim|joint|global|regional|shadow)[ -]|co-)*"
)
_TITLE_ONE = rf"{_TITLE_PREFIX}(?:{_TITLE_CORE})"
_TITLE_RE_BUILTIN = rf"{_TITLE_ONE}(?:(?:[ ]and[ ]|[ ]?&[ ]?|,[ ])(?:{_TITLE_ONE}))*"
_TITLE_REGEX = lazy_pattern(rf"\b(?:{_TITLE_RE_BUILTIN})\b", re.I | re.X)
"""The built-in titles (as ``TITLE_REGEX``, compiled on first use)."""

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
    }
)


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


def is_exclusive_title(title: str) -> bool:
    """True when the post usually has one holder per organisation (CEO, chairman...)."""
    parts = title_parts(title)
    return bool(parts) and all(p in _EXCLUSIVE and not _NON_EXCLUSIVE_PREFIX.match(p) for p in parts)


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


# ======================================================================================
# Role mentions


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
_QUALIFIERS = frozenset(
    "former ex then late previous outgoing incoming new newly-appointed acting interim future departing retired "
    "onetime one-time erstwhile".split()
)
_FUNCTION_CAPS = frozenset(
    """the a an in on at by for from to of and but or so yet as if when while after before since
    during this that these those it its his her their our we they he she i you yesterday today tomorrow
    last next meanwhile however also then now there here what who why how where monday tuesday wednesday
    thursday friday saturday sunday according with without under over speaking""".split()
)
_ORG_WORDS = frozenset(
    """group inc ltd plc llc corp corporation company co ag gmbh se sa nv bank motors motor holdings
    university ministry council agency association institute foundation authority commission
    committee board fund partners capital technologies technology systems airlines airways
    automotive industries international china region""".split()
)
_PARTICLES = frozenset("van von de der den da di du le la bin ibn al el dos das del".split())
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+)$"
)
_MONTH_WORDS = frozenset(m.capitalize() for m in _MONTHS)


@dataclass(slots=True)
class _Chunk:
    sym: str  # P person (fact base) O org (fact base) C capitalised run T title , s f a h L x q
    start: int
    end: int
    text: str
    tokens: int = 1


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p))
    for name, p in (
        # Sean Green, (the) President and CEO of/at BMW China
        ("name-title-of-org", r"(?P<n>[PC]),h?(?P<q>q?)(?P<t>T)[fa]h?(?P<o>[OC])"),
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
        firsts = set("vdesaijgrcpmhfbo") | {fold(t)[:1] for t in extra_titles if t[:1].isalpha()}
        gate = "[" + "".join(sorted(firsts)) + "]"
        self.regex = re.compile(rf"\b(?={gate})(?:{body})\b", re.X)

    def spans(self, text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of each title in ``text[start:end]``; ``low`` is ``text.lower()``
        when the caller has it (same length as ``text``)."""
        end = len(text) if end is None else end
        if low is None or len(low) != len(text):
            low = _lower_same_length(text)
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


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


_builtin_finder = functools.cache(TitleFinder)


def __getattr__(name: str) -> Any:
    if name == "TITLE_REGEX":  # compiled on first use: only fact bases with roles need it
        return _TITLE_REGEX()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _title_finder(facts: FactBase | None) -> TitleFinder:
    if facts is None or not facts.roles:
        return _builtin_finder()

    def build() -> TitleFinder:
        extra = {" ".join(t.split()) for r in facts.roles for t in r.titles}
        return TitleFinder([t for t in extra if not _TITLE_REGEX().fullmatch(t)])

    return facts.cached("extract.title_finder", build)


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
            if word[:1].isupper() and not (sentence_start and low in _FUNCTION_CAPS) and low not in ("i",):
                if word.endswith(".") and not re.fullmatch(r"[A-Z]\.", word):
                    word = word[:-1]
                out.append(_Chunk("C", t.start(), t.start() + len(word), word))
            elif low == "of":
                out.append(_Chunk("f", t.start(), t.end(), word))
            elif low == "at":
                out.append(_Chunk("a", t.start(), t.end(), word))
            elif low == "the":
                out.append(_Chunk("h", t.start(), t.end(), word))
            elif low in _PARTICLES and out and out[-1].sym == "C":
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


def looks_like_person(name: str) -> bool:
    """Two to four capitalised name tokens (particles allowed), no organisation words."""
    toks = name.split()
    core = [t for t in toks if t.lower() not in _PARTICLES]
    if not 2 <= len(core) <= 4:
        return False
    for t in core:
        if not _NAME_TOKEN.match(t) or t.lower() in _ORG_WORDS or t in _MONTH_WORDS:
            return False
        if t.lower() in _FUNCTION_CAPS:
            return False
    return True


def looks_like_org(name: str) -> bool:
    toks = name.split()
    if not 1 <= len(toks) <= 7:
        return False
    if toks[0] in _MONTH_WORDS or toks[0].lower() in _FUNCTION_CAPS:
        return False
    return True


def find_role_mentions(doc: Document, facts: FactBase | None = None) -> list[RoleMention]:
    """Role mentions in every sentence of ``doc`` (prose only). Found once per draft and
    fact base (the facts and consistency rules share them); each call returns a new list."""
    got: tuple[FactBase | None, list[RoleMention]] | None = doc.memo.get("rules.extract.role_mentions")
    if got is None or got[0] is not facts:
        got = doc.memo["rules.extract.role_mentions"] = (facts, _find_role_mentions(doc, facts))
    return list(got[1])


def _find_role_mentions(doc: Document, facts: FactBase | None) -> list[RoleMention]:
    out: list[RoleMention] = []
    prose = doc.prose
    finder = _title_finder(facts)
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
    titles = _title_finder(facts).spans(text, start, end)
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


_NAME_FIRST_FORMS = frozenset({"name-title-of-org", "name-org-s-title", "name-org-title", "name-title"})
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
    """A run "BMW Group Greater China Sean Green": organisation, then a two-word name."""
    words = list(re.finditer(r"\S+", c.text))
    if c.sym != "C" or len(words) < 3:
        return None
    name_start = words[-2].start()
    name = c.text[name_start:]
    org = c.text[: words[-3].end()]
    if not looks_like_person(name) or not looks_like_org(org):
        return None
    if words[-3].group(0).lower() in _PARTICLES:
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


# ======================================================================================
# Keywords and entities


class KeywordIndex:
    """Many keyword lists searched in one pass: ``KeywordIndex({"revenue": [fig1, fig2]})``.

    :meth:`find` returns ``(start, end, values)`` for each keyword occurrence (word-bounded,
    a plural "s"/"es" allowed), so a rule looks its figures or events up by keyword instead
    of running one regex per entry per sentence. A lower-case keyword matches in any case;
    one written with a capital matches only as written ("Budget", the UK government's,
    is not "a budget"; "IPO" is not "ipo").
    """

    def __init__(self, table: dict[str, list[Any]]) -> None:
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
        self._pieces: frozenset[str] | None = frozenset(pieces) if all(pieces) and len(pieces) <= 32 else None

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
            low = _lower_same_length(text)
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


_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady baroness baron rev".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def name_parts(name: str) -> tuple[str, ...]:
    """A person's name without honorifics, suffixes and dots, folded:
    "Mr Alan Greenspan Jr." -> ("alan", "greenspan")."""
    toks = [t.strip(".,") for t in fold(name).replace("’", "'").split()]
    toks = [t for t in toks if t]
    while toks and toks[0] in _HONORIFICS:
        toks.pop(0)
    while toks and toks[-1] in _SUFFIXES:
        toks.pop()
    return tuple(toks)


def same_person(facts: FactBase | None, a: str, b: str) -> bool | None:
    """True when ``a`` and ``b`` name one person, False when they name two, None when it
    cannot be told: a surname alone ("Mr Green") matching the other's surname.

    Forms of one fact base entity are one person; otherwise first and last names are
    compared, middle names ignored and an initial matching a first name ("George W Bush" =
    "George Bush" = "G. Bush"; "Paul Green" != "Ruth Green").
    """
    if facts is not None and facts.same_entity(a, b):
        return True
    forms_a = _person_forms(facts, a)
    forms_b = _person_forms(facts, b)
    undecided = False
    for pa in forms_a:
        for pb in forms_b:
            if not pa or not pb:
                continue
            if len(pa) == 1 or len(pb) == 1:
                if pa[-1] == pb[-1]:
                    undecided = True
                continue
            if pa[-1] != pb[-1]:
                continue
            fa, fb = pa[0], pb[0]
            if fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)):
                return True
    return None if undecided else False


def _person_forms(facts: FactBase | None, name: str) -> list[tuple[str, ...]]:
    ent = facts.entity_for(name) if facts is not None else None
    if ent is None and facts is not None:
        ent = person_entity(facts, name)
    names = ent.forms if ent is not None else (name,)
    return [name_parts(n) for n in names]


def person_entity(facts: FactBase, name: str) -> Any:
    """The fact base person ``name`` refers to: any accepted form, or the same first and
    last name (honorifics and middle names aside). None when unknown or ambiguous."""
    ent = facts.entity_for(name)
    if ent is not None:
        return ent if ent.type == "person" else None
    parts = name_parts(name)
    if len(parts) < 2:
        return None
    table = facts.cached("extract.people_by_first_last", lambda: _people_by_first_last(facts))
    found = table.get((parts[0], parts[-1]))
    return found[0] if found and len(found) == 1 else None


def _people_by_first_last(facts: FactBase) -> dict[tuple[str, str], list[Any]]:
    table: dict[tuple[str, str], list[Any]] = {}
    for e in facts.entities:
        if e.type != "person":
            continue
        for f in e.forms:
            p = name_parts(f)
            if len(p) >= 2 and e not in table.setdefault((p[0], p[-1]), []):
                table[(p[0], p[-1])].append(e)
    return table


def entities_in(facts: FactBase, text: str, start: int = 0, end: int | None = None) -> list[Any]:
    """Fact base entity matches in ``text[start:end]`` (see ``FactBase.find_entities``)."""
    return facts.find_entities(text, start, end)
