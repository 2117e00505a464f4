"""Publication dates written by people ("September 25, 2020", "25 Sept. 2020") → ISO dates.

A small parser of our own rather than dateparser: readers run once per page, and
dateparser's first call costs seconds of regex compilation across its locales.
Only full dates (day, month and year) are accepted: a bare year in a byline is
more often a copyright year than a publication date.
"""

from __future__ import annotations

import re
import time
from datetime import date

from dyads.knowledge.registry import words

_MONTH_WORDS = words("read_dates")
_MONTHS = {abbreviation: number for number, abbreviation in enumerate(_MONTH_WORDS["month_abbreviations"], 1)}

# "Sept", "Sept.", "September": the first three letters decide, the rest may be any tail of the name.
_MONTH = rf"(?P<month>(?:{'|'.join(_MONTHS)})[a-z]*\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

_PATTERNS = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # September 25, 2020
    re.compile(
        rf"\b{_WEEKDAY}{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE
    ),  # 25 September 2020
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),  # 2020-09-25
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),  # 25.09.2020
]

_FULL_MONTH_NAMES = frozenset(_MONTH_WORDS["month_names"])


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    word = token.rstrip(".").lower()
    # "mayor" or "marching" must not read as a month: the word is a month name or its abbreviation.
    if len(word) > 3 and word not in _FULL_MONTH_NAMES:
        return None
    return _MONTHS.get(word[:3])


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first full date written in ``text`` as (ISO date, span), or None."""
    best: tuple[str, tuple[int, int]] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            month = _month_number(match.group("month"))
            if month is None:
                continue
            try:
                value = date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                continue
            if best is None or match.start() < best[1][0]:
                best = (value.isoformat(), match.span())
            break
    return best


def parse_date(text: str) -> str | None:
    """ISO date of the first full date in ``text``, or None."""
    found = find_date(text)
    return found[0] if found else None


def iso_from_struct(value: time.struct_time | None) -> str | None:
    """ISO date of a parsed feed date (feedparser gives UTC ``struct_time``)."""
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except (ValueError, TypeError):
        return None


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a machine-written date or datetime string, else None."""
    if not value:
        return None
    match = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return parse_date(value)
