"""What a time expression is valued against: the article date, the tense, the last date.

``Context`` is shared by every value handler (``dates``, ``periods``, ``relative``,
``amounts``) and by ``find``, which builds one per expression; the helpers here read the
reference time ("the following day", "that week") out of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dyads.model import TimeType
from dyads.nlp.times.calendar import Tense, parse_iso

Normalised = tuple[str, TimeType]


@dataclass(frozen=True)
class Context:
    anchor: date | None  # the article date
    tense: Tense | None = None  # of the verb governing the expression
    reference: str | None = None  # value of the last date mentioned before
    before: str = ""  # a few characters of text before the expression
    after: str = ""  # and after it
    # the year of a date that anchors the same clause: "jailed last year after his arrest in
    # July" puts July in that year, not the one nearest the article date
    clause_year: int | None = None
    # the clause states a habit ("usually", "every day"): a clock time in it names no one day
    habitual: bool = False


def reference_day(ctx: Context) -> date | None:
    """The day under discussion: the last day mentioned, else the article date."""
    if ctx.reference and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.reference[:10]):
        return parse_iso(ctx.reference[:10])
    return ctx.anchor


def precise_enough(reference: str, code: str) -> bool:
    """Whether a reference value pins down a stretch of ``code`` granularity."""
    if re.fullmatch(r"\d{4}", reference):
        return code in ("Y", "DE", "CE")
    return bool(re.fullmatch(r"\d{4}-\d{2}", reference)) and code in ("M", "Q", "Y")


def quarter_reference(ctx: Context) -> bool:
    """Whether the last date mentioned is a quarter ("the third quarter … a year earlier")."""
    return bool(ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference))
