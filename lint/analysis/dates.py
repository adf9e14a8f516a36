"""Calendar dates written in text ("17 March 2025", "March 17", "2025-03-17")."""

from __future__ import annotations

import datetime as _dt
import re

from lint.analysis.lexicon import MONTH_NUMBERS, MONTH_PATTERN
from lint.analysis.memo import lazy_pattern
from lint.record import Record


class DateMention(Record):
    """An explicit calendar date in text; ``has_year`` is False for "March 17"."""

    date: _dt.date
    start: int
    end: int
    has_year: bool


_DAY_DATES = lazy_pattern(
    rf"""
    \b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b
  | \b(?P<m1>{MONTH_PATTERN})[ \u00a0](?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?[ \u00a0](?P<y1>\d{{4}})\b)?
  | \b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<m2>{MONTH_PATTERN})(?:,?[ \u00a0](?P<y2>\d{{4}})\b)?
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
                mo = MONTH_NUMBERS[mon.lower().rstrip(".")]
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
