"""Numbers, units and text folding shared by the fact base and the rules that read drafts:
currency codes and words, scale words, ``fold`` (case-insensitive matching that keeps
offsets), ``parse_value`` and ``format_value``.

Invariants: :func:`fold` returns a string of the same length as its argument; every
currency word maps to an ISO code in :data:`CURRENCY_CODES`."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

MAX_ABS_VALUE = 1e16  # ten quadrillion: larger than any money or count an article reports

# Currency symbols and words -> ISO code. Shared with rules.extract (which imports these).
CURRENCY_CODES: frozenset[str] = frozenset(
    "USD EUR GBP CNY JPY CHF HKD AUD CAD SGD INR KRW TWD BRL RUB SEK NOK DKK ZAR MXN NZD TRY AED SAR".split()
)
CURRENCY_ALIASES: Mapping[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "jpy": "JPY",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
    "nt$": "TWD",
    "r$": "BRL",
    "₹": "INR",
    "rupees": "INR",
    "₩": "KRW",
    "won": "KRW",
    "chf": "CHF",
    "swiss francs": "CHF",
}
SCALES: Mapping[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
PERCENT_WORDS = ("%", "percent", "per cent", "pct")


_TRANSLATE = {ord("’"): "'", ord("‘"): "'", ord("\u00a0"): " ", ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
_TRANSLATE.update({ord(c): "-" for c in "‐‑‒–"})
_REPLACEMENTS = tuple((chr(c), to) for c, to in _TRANSLATE.items())


def fold(text: str) -> str:
    """Lower-case ``text`` for matching without changing its length (offsets stay valid):
    curly apostrophes become straight, any white space a space, dashes a hyphen."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # _TRANSLATE as one str.replace per character present (no replacement makes a
    # character that another one replaces, so the order does not matter).
    for ch, to in _REPLACEMENTS:
        if ch in low:
            low = low.replace(ch, to)
    return low


def format_value(value: float, unit: str = "") -> str:
    """``1.4238e11, 'EUR'`` -> ``'142.38 billion EUR'``; ``37.0, '%'`` -> ``'37%'``."""
    if unit == "%":
        return f"{_trim(value)}%"
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            text = f"{_trim(value / scale)} {word}"
            break
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def _trim(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


_NUMBER = re.compile(r"^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([a-zA-Z ]*?)\s*$")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")


def parse_value(text: Any) -> tuple[float, str, float]:
    """Parse a fact base number: ``142.38 billion``, ``4,200 million``, ``37``, ``1.2e9``.

    Returns ``(value, trailing unit text, step)`` where ``step`` is the resolution of the
    last written digit. Raises ValueError when it is not a number.
    """
    if isinstance(text, bool):
        raise ValueError("expected a number")
    if isinstance(text, (int, float)):
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        return value, "", 0.0
    if not isinstance(text, str):
        raise ValueError("expected a number")
    s = text.strip()
    try:
        value = float(s)
        if not math.isfinite(value):
            raise ValueError("expected a finite number")
        return value, "", 0.0
    except ValueError:
        pass
    m = _NUMBER.match(s)
    if not m:
        raise ValueError(f"cannot read {text!r} as a number")
    digits = m.group(1).replace(",", "")
    value = float(digits)
    rest = m.group(2).strip().lower()
    step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
    if rest:
        scale_word, _, unit = rest.partition(" ")
        if scale_word in SCALES and scale_word not in ("m", "b", "k"):
            value *= SCALES[scale_word]
            step *= SCALES[scale_word]
            rest = unit.strip()
        elif rest in SCALES:
            value *= SCALES[rest]
            step *= SCALES[rest]
            rest = ""
    return value, rest, step


def normalise_unit(unit: str) -> str:
    """``'€'``, ``'euros'``, ``'eur'`` -> ``'EUR'``; ``'percent'`` -> ``'%'``; unit words are
    lower-cased and singular (``'Vehicles'`` -> ``'vehicle'``)."""
    u = " ".join(unit.split())
    low = u.lower()
    if not u:
        return ""
    if u.upper() in CURRENCY_CODES:
        return u.upper()
    if low in CURRENCY_ALIASES:
        return CURRENCY_ALIASES[low]
    if low in PERCENT_WORDS:
        return "%"
    if low in ("percentage point", "percentage points", "pp", "ppt", "points"):
        return "pp"
    return singular(low)


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
