"""Amounts and numbers: money, percentages, scaled counts and plain numbers.

:func:`parse_amounts` reads every number in a text, normalised to base units (``"$4.2bn"``
-> ``4.2e9 USD``), and tells years, dates, times, ages, ordinals and model names apart
(:attr:`Amount.kind`, :func:`is_statistic_like`); :func:`sentence_amounts` is the same for
one range of a document, computed once per document and range. Linear in the text size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.analysis.lexicon import MONTH_NUMBERS, MONTH_PATTERN
from lint.analysis.memo import per_document
from lint.facts import CURRENCY_ALIASES, SCALES, measure, normalise_unit, singular
from lint.record import Record
from lint.text import CASEFOLD_ODDITIES

if TYPE_CHECKING:
    from lint.document import Document


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


_PRE_CURRENCY = (
    r"(?:US|HK|NT|AU|CA|A|C|S|R)\$|\$|€|£|¥|₹|₩"
    r"|\b(?:USD|EUR|GBP|CNY|JPY|CHF|HKD|INR|AUD|CAD|SGD|RMB|Rmb|rmb)\b"
)
_POST_CURRENCY = (
    r"USD|EUR|GBP|CNY|JPY|CHF|HKD|INR|AUD|CAD|SGD|RMB|US\s+dollars|euros?|dollars?|pounds\s+sterling|"
    r"pounds|sterling|yuan|yen|renminbi|rupees|Swiss\s+francs"
)
AMOUNT_PATTERN = re.compile(
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
  | \b{MONTH_PATTERN}[ \u00a0]\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \u00a0]\d{{4}}\b)?
  | \b\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?{MONTH_PATTERN}(?:,?[ \u00a0]\d{{4}}\b)?
  | \b{MONTH_PATTERN}[ \u00a0]\d{{4}}\b
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
HEDGE_PATTERNS: dict[str, re.Pattern[str]] = {"about": _HEDGE_ABOUT, "over": _HEDGE_OVER, "under": _HEDGE_UNDER}
"""What the words right before a number say of it, tried in this order ("nearly 40%"
is about 40%, "more than 40%" over it, "less than 40%" under it)."""
_HEDGE_LAST_WORDS = frozenset(
    "about around roughly approximately nearly almost some to estimated circa than over above least exceeding of "
    "under below most".split()
)
"""The last word of each phrase of _HEDGE_ABOUT, _HEDGE_OVER and _HEDGE_UNDER (the others end
in "." or "~")."""


def hedge_before(before: str) -> str:
    """The first key of :data:`HEDGE_PATTERNS` whose pattern ends ``before`` (the text right
    before a number), or ''."""
    if not _may_hedge(before):
        return ""
    return next((hedge for hedge, pattern in HEDGE_PATTERNS.items() if pattern.search(before)), "")


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

# Scanning text with AMOUNT_PATTERN tries the whole pattern at every position, which is slow.
# Every match holds a number that starts a run of digits, and starts at most
# _AMOUNT_LEAD characters before it (a currency of up to three characters and a space),
# so trying the pattern only at those positions finds exactly the matches finditer finds.
_DIGIT_RUN = re.compile(r"\d+")
_AMOUNT_LEAD = 4
# Every _DATE_SPANS match holds a month's first three letters or a digit before - or /.
_DATE_GATE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d[-/]")


def amount_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``AMOUNT_PATTERN.finditer(text, start, end)``, found by trying the
    pattern only a few characters before each run of digits."""
    match = AMOUNT_PATTERN.match
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
    memo = _amounts_by_range(doc)
    got = memo.get((start, end))
    if got is None:
        got = memo[start, end] = parse_amounts(doc.prose, start, end)
    return list(got)


@per_document
def _amounts_by_range(doc: Document) -> dict[tuple[int, int], list[Amount]]:
    """The amounts of each range of ``doc`` asked for so far (filled by sentence_amounts)."""
    return {}


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
    for m in amount_matches(text, start, end):
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
        elif not scale_word and _GLUED_AFTER.match(after) and not _MEASURE_SYMBOL.match(text, ne, end):
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
        if kind == "number" and m.group("short") == "m" and scale_word and _is_race(text, start, a_start, a_end, end):
            kind, scale_word, scale = "model", "", 1.0  # "the 800m": a race's name, not 800 million
        factor = 1.0
        if kind == "number":
            symbol = _MEASURE_SYMBOL.match(text, a_end, end)
            word = symbol.group(1) if symbol else _unit_word(text, a_end, end)
            if symbol:
                a_end = symbol.end()
            if word:
                unit = normalise_unit(word)
                factor = (measure(word) or ("", 1.0))[1]
                kind = "quantity"
            elif scale_word:
                kind = "quantity"
        hedge = hedge_before(before) if kind in ("money", "percent", "pp", "quantity", "number") else ""
        out.append(
            Amount(
                value=number * scale * factor,
                unit=unit,
                start=a_start,
                end=a_end,
                raw=text[a_start:a_end],
                kind=kind,
                step=step * scale * factor,
                scaled=scale != 1.0,
                hedge=hedge,
            )
        )
    return _share_range_units(text, out)


_MEASURE_SYMBOL = re.compile(r"[ \u00a0]?((?:[kmgt]?wh?|km|kg)|[kKMGT]W[hH]?)\b(?![’'.-]\w)", re.I)
"""A unit symbol right after a number, in any case ("520 MW", "0.52gw", "3.1 GWh", "42 km")."""
_RACE_WORDS = frozenset(
    "hurdles freestyle backstroke breaststroke butterfly medley relay race final finals heat heats title "
    "record sprint steeplechase champion run runner runners gold silver bronze medal world".split()
)
_RACE_DISTANCES = frozenset({60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})
_WORD_AFTER = re.compile(r"[ \u00a0-]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]+$")


def _is_race(text: str, start: int, a_start: int, a_end: int, end: int) -> bool:
    """A number glued to "m" without a currency that names a race ("the 800m", "1500m
    freestyle"): a race distance after "the" or a possessive, or before a race word; never
    one that counts a noun ("100m people")."""
    digits = text[a_start:a_end].rstrip("mM").replace(",", "")
    if not digits.isdigit() or int(digits) not in _RACE_DISTANCES:
        return False
    after = _WORD_AFTER.match(text, a_end, end)
    if after and after.group(1) in _RACE_WORDS:
        return True
    if _unit_word(text, a_end, end):
        return False
    before = _WORD_BEFORE.search(text, max(start, a_start - 12), a_start)
    return before is not None and before.group(1).lower() in ("the", "his", "her", "their", "its", "indoor", "outdoor")


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
        if not m or m.group(1) in _NOT_UNITS or m.group(1) in MONTH_NUMBERS:
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
    if word.lower().rstrip(".") in MONTH_NUMBERS or word.isupper() and len(word) <= 3 and word in ("US", "UK", "EU"):
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
