"""The values a user gives a query, checked and parsed once for the command line and the web API.

Each parser takes the raw value and the name the user knows the parameter by (``--type`` on the
command line, ``type`` in a URL) and returns the parsed value, or raises :class:`BadParameter` with
one line naming the parameter and the problem. The CLI prints it and exits 2; the API answers 422
with it. Both therefore accept the same values: types as lists (``AGREE,AID``), quad classes by name
or number, dates as YYYY, YYYY-MM or YYYY-MM-DD, counts that are not negative, confidence
thresholds from 0 to 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dyads.query.filters import PERIODS, clean_text, plover_types, split_list
from dyads.store.confidence_threshold import ThresholdError, checked
from dyads.store.dedup import date_range
from dyads.store.ontology import QUAD_NAMES

ACTOR_KINDS = ("person", "country", "organization", "group")
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing
_DATE_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadParameter(ValueError):
    """A value the user gave that a query cannot use; the message names the parameter."""


def _shown(value: object) -> str:
    """A user's value in a message: quoted, control characters escaped, at most 50 characters."""
    text = str(value)
    return repr(text[:50] + ("…" if len(text) > 50 else ""))


def parse_types(values: str | Iterable[str] | None, name: str = "type") -> tuple[str, ...]:
    """PLOVER types from a comma-separated list or several lists ("AGREE,aid" → AGREE, AID)."""
    given = [values] if isinstance(values, str) else list(values or ())
    types = tuple(dict.fromkeys(t.upper() for value in given for t in split_list(value)))
    known = plover_types()
    for found in types:
        if found not in known:
            raise BadParameter(
                f"{name}: unknown PLOVER type {_shown(found)}; expected one of {', '.join(known)}"
            )
    return types


def parse_quad(value: str | int | None, name: str = "quad") -> int | None:
    """A quad class by number (1-4) or name (``material_conflict``, ``material conflict``)."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if text in QUAD_NAMES:
        return QUAD_NAMES[text]
    if text in {str(n) for n in QUAD_NAMES.values()}:
        return int(text)
    raise BadParameter(f"{name}: expected 1-4 or one of {', '.join(QUAD_NAMES)}, got {_shown(value)}")


def parse_date(value: str | None, name: str = "since") -> str | None:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, checked to exist (no month 13, no 30 February)."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    if not _DATE_SHAPE.match(text) or date_range(text) is None:
        raise BadParameter(f"{name}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {_shown(value)}")
    return text


def parse_count(value: int, name: str, maximum: int | None = None) -> int:
    """A number of rows (a limit, an offset, a minimum): not negative, and at most ``maximum``."""
    if value < 0:
        raise BadParameter(f"{name}: must not be negative, got {value}")
    if maximum is not None and value > maximum:
        raise BadParameter(f"{name}: at most {maximum:,}, got {value}")
    return value


def parse_confidence(value: str | float | None, name: str = "min_confidence") -> float | None:
    """A confidence threshold: a number from 0 to 1 (``0.2``, ``.35``, ``1``); None if not given."""
    if value is None or str(value).strip() == "":
        return None
    try:
        return checked(str(value).strip())
    except ThresholdError:
        raise BadParameter(f"{name}: expected a number from 0 to 1 (e.g. 0.2), got {_shown(value)}") from None


def parse_row_id(value: int, name: str) -> int:
    """A row id (an event's, an article's): from 1 to SQLite's largest integer."""
    if not 1 <= value <= MAX_ROW_ID:
        raise BadParameter(f"{name}: expected a row id from 1 to {MAX_ROW_ID}, got {value}")
    return value


def parse_period(value: str, name: str = "by") -> str:
    """A period of a series: day, week, month, quarter or year."""
    if value not in PERIODS:
        raise BadParameter(f"{name}: expected one of {', '.join(PERIODS)}, got {_shown(value)}")
    return value


def parse_kind(value: str | None, name: str = "kind") -> str | None:
    """An actor kind: person, country, organization or group."""
    if value is None or value.strip() == "":
        return None
    if value.strip().lower() not in ACTOR_KINDS:
        raise BadParameter(f"{name}: expected one of {', '.join(ACTOR_KINDS)}, got {_shown(value)}")
    return value.strip().lower()


def parse_text(value: str | None, name: str = "text") -> str | None:
    """Free text (words to search for, a name): control characters become spaces; None if blank,
    an error if only control characters were given (they are no words to search for)."""
    if value is None or value.strip() == "":
        return None
    text = clean_text(value).strip()
    if not text:
        raise BadParameter(f"{name}: no words to search for in {_shown(value)}")
    return text
