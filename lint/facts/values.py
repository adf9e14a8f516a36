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


def _measures() -> dict[str, tuple[str, float]]:
    """Unit symbols and words of measurement -> (base unit, factor to it), keys folded."""
    out: dict[str, tuple[str, float]] = {}
    prefixes = {"": 1.0, "kilo": 1e3, "mega": 1e6, "giga": 1e9, "tera": 1e12}
    symbols = {"": "", "kilo": "k", "mega": "m", "giga": "g", "tera": "t"}
    for prefix, factor in prefixes.items():
        sym = symbols[prefix]
        out[sym + "w"] = ("W", factor)
        out[sym + "wh"] = ("Wh", factor)
        for plural in ("", "s"):
            out[f"{prefix}watt{plural}"] = ("W", factor)
            for sep in ("-", " ", ""):
                out[f"{prefix}watt{sep}hour{plural}"] = ("Wh", factor)
    for plural in ("", "s"):
        out["metre" + plural] = ("m", 1.0)  # not "meters": a draft counts smart meters too
        for spelling in ("metre", "meter"):
            out["kilo" + spelling + plural] = ("m", 1e3)
        for spelling in ("gram", "gramme"):
            out["kilo" + spelling + plural] = ("kg", 1.0)
        out["tonne" + plural] = ("kg", 1e3)
        out["metric ton" + plural] = ("kg", 1e3)
    out.update({"m": ("m", 1.0), "km": ("m", 1e3), "kg": ("kg", 1.0), "t": ("kg", 1e3)})
    return out


MEASURE_UNITS: Mapping[str, tuple[str, float]] = _measures()
"""Units of measurement in any case, symbols and words, with their scales: folded symbol or
word -> (base unit, factor). ``MW``, ``mw``, ``megawatts`` -> ``('W', 1e6)``; ``GWh`` ->
``('Wh', 1e9)``; ``km`` -> ``('m', 1e3)``; ``tonnes`` -> ``('kg', 1e3)``. Base units are
``W``, ``Wh``, ``m`` and ``kg``."""
_DISPLAY_PREFIXES: Mapping[str, tuple[tuple[float, str], ...]] = {
    "W": ((1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW"), (1.0, "W")),
    "Wh": ((1e12, "TWh"), (1e9, "GWh"), (1e6, "MWh"), (1e3, "kWh"), (1.0, "Wh")),
    "m": ((1e3, "km"), (1.0, "m")),
    "kg": ((1e3, "tonnes"), (1.0, "kg")),
}


def measure(unit: str) -> tuple[str, float] | None:
    """``'MW'`` -> ``('W', 1e6)``: the base unit and factor of a unit of measurement written
    in any case, or None when it is none (a currency, a percentage, a counted noun)."""
    return MEASURE_UNITS.get(" ".join(unit.split()).lower())


def unknown_unit(unit: str) -> str | None:
    """For a fact base ``unit`` that is no known unit but looks like a misspelt one, the
    known unit it is closest to ('' when none is close); None when ``unit`` is known or a
    counted noun (lower-case words such as ``vehicles`` or ``staff``)."""
    u = " ".join(unit.split())
    low = u.lower()
    if not u or measure(u) or u.upper() in CURRENCY_CODES or low in CURRENCY_ALIASES:
        return None
    if low in PERCENT_WORDS or normalise_unit(u) == "pp":
        return None
    import difflib

    symbols = sorted(
        {*CURRENCY_CODES, "W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "m", "km", "kg", "t"}
    )
    words = sorted(k for k in MEASURE_UNITS if len(k) > 3) + sorted(k for k in CURRENCY_ALIASES if k.isalpha())
    wordy = u.replace(" ", "").replace("-", "").isalpha() and (u[1:] == low[1:] and len(u) > 3 or u == low)
    if wordy:  # a counted noun ("vehicles", "Staff"), unless it is a unit misspelt
        near = difflib.get_close_matches(low, words + [w.lower() for w in symbols if len(w) > 1], n=1, cutoff=0.85)
        return _symbol(near[0], symbols) if near else None
    near = difflib.get_close_matches(u, symbols, n=1, cutoff=0.5) or difflib.get_close_matches(
        low, [w.lower() for w in symbols] + words, n=1
    )
    return _symbol(near[0], symbols) if near else ""


def _symbol(near: str, symbols: list[str]) -> str:
    """A symbol as written (``'kWh'`` for ``'kwh'``)."""
    return next((s for s in symbols if s.lower() == near), near)


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
    """``1.4238e11, 'EUR'`` -> ``'142.38 billion EUR'``; ``37.0, '%'`` -> ``'37%'``;
    ``4.8e8, 'W'`` -> ``'480 MW'``."""
    if unit == "%":
        return f"{_trim(value)}%"
    if unit in _DISPLAY_PREFIXES:
        factor, symbol = next(((f, s) for f, s in _DISPLAY_PREFIXES[unit] if abs(value) >= f), (1.0, unit))
        return f"{_trim(value / factor)} {symbol}"
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
    """``'€'``, ``'euros'``, ``'eur'`` -> ``'EUR'``; ``'percent'`` -> ``'%'``; a unit of
    measurement its base unit (``'MW'`` -> ``'W'``, see :func:`measure` for the factor);
    other unit words are lower-cased and singular (``'Vehicles'`` -> ``'vehicle'``)."""
    u = " ".join(unit.split())
    low = u.lower()
    if not u:
        return ""
    known = MEASURE_UNITS.get(low)
    if known is not None:
        return known[0]
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
