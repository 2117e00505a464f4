"""Where time expressions are: a small set of compiled patterns over the raw text.

Each rule is one regular expression with named groups; ``scan`` returns every match
as a ``Candidate`` (rule name, span, groups), longest first where they overlap. What
a match *means* is decided in ``normalise``; whether a lexically ambiguous
match ("May", "fall", "1960") is a time at all is decided against the parse in
``parse``.

Every rule needs a digit, a month or weekday name, a unit of time, or one of a few
temporal adverbs, so that ordinary words never become dates ("We" is not Wednesday,
"60th" is not 2060).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dyads.knowledge.registry import words


def _numbered(lists: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """{word: number} from lists filed under the number their words name ("12": [dozen])."""
    return {word: float(key) if "." in key else int(key) for key, names in lists.items() for word in names}


def _coded(lists: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{word: code} from lists filed under the code their words give ("TH": [hour])."""
    return {word: code for code, names in lists.items() for word in names}


_CALENDAR = words("times_calendar")
_FULL_MONTHS = _CALENDAR["months"]
MONTHS = {
    **{name: number for number, name in enumerate(_FULL_MONTHS, 1)},
    # an abbreviation is the month whose name it starts: "sept" is September
    **{
        short: next(n for n, name in enumerate(_FULL_MONTHS, 1) if name.startswith(short))
        for short in _CALENDAR["month_abbreviations"]
    },
}
WEEKDAYS = {name: number for number, name in enumerate(_CALENDAR["weekdays"])}
NUMBER_WORDS = _numbered(words("times_number_words"))
ORDINALS = {word: int(number) for word, number in _numbered(words("times_ordinals")).items()}
# Unit words → TIMEX3 duration unit; "T" marks the clock units written after a "T".
UNITS = _coded(words("times_units"))
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Quantities with no definite number: "several years" is PXY.
VAGUE_QUANTITIES = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of")
_MODIFIERS = words("times_modifiers")


def _alt(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of the phrases, longest first, any run of spaces between words."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in phrases), key=len, reverse=True))


# Month names are matched capitalised only: "may", "march" and "august" in lower case are
# other words. Abbreviations need a following day or year (see the rules below).
_FULL_MONTH = "(?:" + "|".join(m.capitalize() for m in _FULL_MONTHS) + ")"
_ABBR_MONTH = r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH}|(?:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER))"
WEEKDAY = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9,.]?[0-9])"
DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a\s+single|a\s+couple\s+of|couple\s+of|a\s+dozen|dozen"
    r"|a\s+half|half\s+an?|(?:a\s+|one\s+)?hundred|an?)"
)
NUM = rf"(?:(?<![0-9][,.])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+\s+[1-3]/[2-4]\b|[0-9]+(?:\.[0-9]+)?)|{_NUM_WORD}|{_alt(VAGUE_QUANTITIES)})"
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
UNIT_ONE = r"(?:day|week|weekend|month|year|decade|century|quarter|hour|minute)"
_APPROX = _alt(_MODIFIERS["approximations"])
_EDGE = r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|close)\s+of)"
_PARTS = _alt(tuple(PARTS_OF_DAY))
_SEASON = _alt(tuple(SEASONS))
_ORD = _alt(tuple(ORDINALS))
_QUARTER_MODS = _alt(_MODIFIERS["quarter_modifiers"])


_DAYREF = rf"(?:{WEEKDAY}(?:,?\s+{MONTH}\s*{DAY})?|{MONTH}\s*{DAY}|(?i:yesterday|today|tomorrow))"
_DAY_BEFORE = rf"(?:(?P<dayref0>{_DAYREF})(?:,?\s+(?i:at))?\s+)?"
_DAY_AFTER = rf"(?:,?\s+(?:(?i:on)\s+)?(?P<dayref>{_DAYREF}))?"
# Years in words, as transcripts spell them: "nineteen ninety-six", "two thousand and one".
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPELLED_YEAR = (
    rf"(?:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[-\s]"
    rf"(?:hundred(?:\s+and)?(?:\s+(?:{_UNITS_WORDS}))?|(?:{_TENS_WORDS})(?:[-\s](?:{_UNITS_WORDS}))?|{_TEENS}"
    rf"|oh[-\s](?:{_UNITS_WORDS}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_UNITS_WORDS}))?)"
)


@dataclass(frozen=True)
class Candidate:
    """One pattern match: the rule that fired, its span and its named groups."""

    rule: str
    start: int
    end: int
    groups: dict[str, str]

    @property
    def length(self) -> int:
        return self.end - self.start


def _rule(pattern: str, flags: int = 0) -> re.Pattern[str]:
    # Every match starts a word. Saying so up front lets a pattern that opens with optional
    # groups fail at once inside words; one that opens with a word is fast as it is.
    if pattern.lstrip().startswith("(?:"):
        pattern = r"(?<!\w)(?=[\w'])" + pattern
    return re.compile(pattern, flags | re.VERBOSE)


# (?i:...) scopes case-insensitivity to the function words, keeping month and weekday
# names case-sensitive.
RULES: list[tuple[str, re.Pattern[str]]] = [
    # Thursday, April 6, 2000 · Sept 25 · 25 September 2020 · the 25th of September
    ("month_day", _rule(rf"""
        (?:(?P<weekday>{WEEKDAY}),?\s+)?
        (?:(?P<edge>(?i:early|late|mid))[-\s])?
        (?P<month>{MONTH})\s*(?P<day>{DAY})
        (?:(?:,\s*|\s+)(?P<year>{YEAR}))?\b""")),
    ("day_month", _rule(rf"""
        (?:(?P<weekday>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?
        (?P<day>{DAY})\s+(?:(?i:of)\s+)?(?P<month>{MONTH})
        (?:,?\s+(?P<year>{YEAR}))?\b""")),
    # 2020-09-25 · 2020-09-25T14:30:00Z
    ("iso_date", _rule(r"""\b(?P<year>(?:1[89]|20)[0-9]{2})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])
        (?:[T\s](?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?\b""")),
    ("slash_date", _rule(r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12][0-9]|0?[1-9])/(?P<year>(?:19|20)?[0-9]{2})\b")),
    # June 2019 · early November 1989 · the end of March 2020
    ("month_year", _rule(rf"""
        (?:(?P<edge>(?i:{_EDGE}))[-\s]+)?
        (?P<month>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})\b""")),
    # June · last December · early November · this September
    # January nineteen ninety-seven · the year two thousand · in nineteen eighty-four
    ("spelled_year", _rule(rf"""
        (?:(?P<month>{MONTH})\s+|(?P<lead>(?i:the\s+year|in|since|by|until|before|after|of))\s+)?
        \b(?P<spelled>(?i:{SPELLED_YEAR}))\b(?![-\s](?i:{_UNITS_WORDS}|hundred|thousand|million|percent))""")),
    ("month", _rule(rf"""
        (?:(?P<rel>(?i:last|next|this|past|coming|previous|that))\s+)?
        (?:(?P<edge>(?i:{_EDGE}))[-\s]+)?
        (?P<month>{_FULL_MONTH}|Sept\.)(?![\w-])
        (?:,?\s+(?:(?i:of)\s+)?(?P<yearrel>(?i:last|this|next))\s+(?i:year)\b)?""")),
    # the 1990s · the mid-1980s · the '90s
    ("decade", _rule(r"""
        (?:(?i:the)\s+)?(?:(?P<edge>(?i:early|mid|late))[-\s]?)?
        (?:(?P<decade>1[0-9]{2}|20[0-9])0'?s|'(?P<short>[0-9])0s|(?i:(?:nineteen[-\s])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b""")),
    ("century", _rule(rf"""
        (?:(?i:the)\s+)?(?:(?P<edge>(?i:early|mid|late))[-\s])?
        (?P<ordinal>{_ORD})[-\s](?i:century)\b""")),
    # in 1960 · fiscal 1989 · mid-2019 · the end of 2020 · FY2019
    ("year", _rule(rf"""
        (?:(?P<edge>(?i:{_EDGE}))[-\s]+|(?P<fiscal>(?i:fiscal\s+(?:year\s+)?|FY\s?)))?
        (?<![$£€#./0-9])\b(?P<year>{YEAR})(?!\s*(?:%|(?i:percent)))(?:-(?P<year2>[0-9]{{2}}))?\b""")),
    # the third quarter · third-quarter · the fiscal first quarter of 1990 · the latest quarter
    ("quarter", _rule(rf"""
        (?:(?P<det>(?i:the|this|that|its|a))\s+)?
        (?:(?P<year>{YEAR})(?:'s)?\s+|(?P<yearrel>(?i:this|last|next))\s+(?i:year's)\s+)?
        (?P<mods>(?:(?i:{_QUARTER_MODS})\s+)*)
        (?:(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+)?(?:(?i:fiscal)[-\s]+)?
        (?P<head>(?i:quarter|period))(?!s)\b(?!-\w)
        (?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?:(?P<year2>{YEAR})|(?P<yearrel2>(?i:this|last|next))\s+(?i:year)))?""")),
    ("half", _rule(rf"""
        (?:(?i:the)\s+)?(?P<ordinal>(?i:first|second|latter|last))[-\s](?i:half)\b
        (?:\s+(?i:of)\s+(?:(?P<year>{YEAR})|(?P<yearrel>(?i:this|last|next|the))\s+(?i:year)))?""")),
    # this summer · last fall · the summer of 2019 · winter 2020
    ("season", _rule(rf"""
        (?:(?P<det>(?i:this|last|next|early|late|the|that|past|coming))\s+)?
        (?P<season>(?i:{_SEASON}))\b(?!-)
        (?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?""")),
    # on the 25th (of the article's month, or the one the tense points to)
    ("ordinal_day", _rule(r"""\b(?P<lead>(?i:on|by|until|till|since|from|before|after))\s+(?i:the)\s+
        (?P<day>[1-9]|[12][0-9]|3[01])(?i:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$))""")),
    # the day before · the week after (standing alone: counted from the last date mentioned)
    ("around_reference", _rule(r"""\b(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after|earlier|later))
        (?=\s*(?:[,.;:)]|$))""")),
    # yesterday · early today · tomorrow morning · tonight · the day before yesterday
    ("deictic", _rule(rf"""
        (?:(?P<edge>(?i:early|late|earlier|later))\s+)?
        (?:(?P<before>(?i:the\s+day\s+(?:before|after)))\s+)?
        (?P<word>(?i:yesterday|today|tomorrow|tonight))(?!'s?\s+(?i:{UNIT}))
        (?:\s+(?P<part>(?i:{_PARTS})))?\b""")),
    # last night · this morning · this afternoon
    ("part_of_day", _rule(rf"""\b(?P<rel>(?i:last|this|that|the\s+same|the\s+next|the\s+following|the))\s+(?P<part>(?i:{_PARTS}))\b""")),
    # Tuesday · last Friday · Tuesday morning · late Wednesday
    ("weekday", _rule(rf"""
        (?:(?P<rel>(?i:last|next|this|coming|past|early|late|that|(?:the\s+)?previous|(?:the\s+)?following))\s+)?
        (?P<weekday>{WEEKDAY})(?!-)\b
        (?:\s+(?P<part>(?i:{_PARTS})))?""")),
    # 10 p.m. · 3:30 pm EST · noon Thursday · 5 p.m. EST, Nov. 9 · Friday at 9 a.m.
    ("clock", _rule(rf"""{_DAY_BEFORE}
        \b(?P<hour>[012]?[0-9])(?::(?P<minute>[0-5][0-9]))?\s*
        (?P<ampm>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?{_DAY_AFTER}""")),
    ("clock", _rule(rf"""{_DAY_BEFORE}\b(?P<hour>[012]?[0-9]):(?P<minute>[0-5][0-9])(?![0-9:])
        (?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?{_DAY_AFTER}""")),
    ("clock", _rule(rf"{_DAY_BEFORE}\b(?P<named>(?i:noon|midday|midnight))\b{_DAY_AFTER}")),
    # every year · each Thursday · every other week · twice a year · per month
    ("set", _rule(rf"""
        (?:(?P<times>(?i:once|twice|thrice|(?:[0-9]+|{_NUM_WORD})\s+times))\s+(?P<q>(?i:an?|per|every|each))
           |(?P<q2>(?i:every|each|per)))\s+
        (?:(?P<n>(?i:other)|[0-9]+|{_NUM_WORD})\s+)?
        (?P<unit>(?i:{UNIT})|{WEEKDAY}|{_FULL_MONTH})(?!-)\b
        (?:\s+(?P<part>(?i:{_PARTS})))?""")),
    ("set_adverb", _rule(r"""\b(?P<word>(?i:daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually|bimonthly))\b""")),
    # two years ago · a year earlier · three days later · 18 months before
    ("ago", _rule(rf"""
        (?:(?i:{_APPROX})\s+)?
        (?P<num>(?i:{NUM}))[-\s]+(?P<unit>(?i:{UNIT}))\s+
        (?:(?i:or\s+so)\s+)?(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|back|previously))(?!\s+(?:than|that))\b""")),
    ("year_ago", _rule(r"""\b(?P<word>(?i:year-earlier|year-ago|year-before|prior-year|year\s+earlier|year\s+ago))(?=[\s,.])""")),
    # the last two years · the next four weeks · the first nine months · three years · 18-month
    ("duration", _rule(rf"""
        (?:(?P<approx>(?i:{_APPROX}))\s+)?
        (?:(?P<det>(?i:the|a|an|its|their|his|her|this))\s+)?
        (?:(?P<rel>(?i:past|last|next|first|coming|previous|final|following|recent|latest|initial|full|entire|same|whole|subsequent))\s+)?
        (?P<num>(?i:{NUM}))(?:\s*(?P<range>(?i:to|or|-|and|and\s+a\s+half))\s*(?P<num2>(?i:{NUM}))?)?
        (?:\s+(?i:more|additional|extra|further|straight|consecutive|full))?
        (?P<sep>[-\s]+)(?P<unit>(?i:{UNIT}))(?![\w])(?:-(?i:long)\b|(?!-))
        (?!\s+(?i:old)\b)(?<!-(?i:quarters))""")),
    # for years · in recent months · the coming weeks · decades · the year
    ("bare_unit", _rule(r"""
        (?:(?P<lead>(?i:for|over|within|in|after|during|throughout|the\s+past|the\s+last|the\s+next|(?:in\s+)?(?:the\s+)?coming|in\s+recent|recent
          |the(?:\s+(?:full|fiscal|entire|whole|calendar))?))\s+)?
        (?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries|quarters|year|month|week|day|weekend))\b""")),
    # year-end · by year's end · the end of the year · the end of the month
    ("period_end", _rule(r"""
        (?:(?P<lead>(?i:by|at|around|since|before|until|after|through|till))\s+)?
        (?:(?i:the)\s+)?(?:(?P<ref>(?i:this|last|next))\s+)?
        (?:(?P<unit>(?i:year|month|week))(?:'s\s+|-|\s+)(?i:end)\b(?!-)|(?P<edge>(?i:end|beginning|start|middle|rest))\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<unit2>(?i:year|month|week))\b)""")),
    # last month · next week · this year · earlier this year · the following day · the same year
    ("relative", _rule(rf"""
        (?:(?P<edge>(?i:early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\s+of))[-\s]+)?
        (?:(?P<det>(?i:the|that))\s+)?
        (?P<rel>(?i:last|next|this|past|coming|previous|current|following|same|prior|preceding|that|latest))\s+
        (?:(?i:fiscal|calendar)\s+)?
        (?P<unit>(?i:{UNIT_ONE}))(?!-)\b""")),
    # now · currently · recently · in the past · in the future · soon
    ("vague", _rule(r"""
        \b(?P<word>(?i:right\s+now|now|nowadays|currently|presently|at\s+present|these\s+days|at\s+the\s+moment
        |current|recently|lately|in\s+the\s+past|the\s+past|formerly|in\s+recent\s+(?:years|months|weeks|decades)
        |recent|in\s+the\s+future|the\s+(?:near|short)[-\s]term|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|future|soon|shortly|in\s+the\s+coming\s+(?:days|weeks|months|years)))\b""")),
    ("holiday", _rule(r"""
        \b(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?
        |Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day)
        (?:\s+(?P<year>{YEAR}))?""".replace("{YEAR}", YEAR))),
]  # fmt: skip


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches, overlapping ones included, best first: longest, then earliest rule."""
    found: list[tuple[int, int, Candidate]] = []
    for order, (name, pattern) in enumerate(RULES):
        for match in pattern.finditer(text):
            start, end = match.span()
            # trailing whitespace or commas from optional groups are not part of the span
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            if end <= start:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append((-(end - start), order, Candidate(name, start, end, groups)))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    return [cand for _, _, cand in found]


def select(
    ranked: Iterable[Candidate], accept: Callable[[Candidate], bool] = lambda c: True
) -> list[Candidate]:
    """Non-overlapping candidates taken best first among those ``accept`` keeps, in text order."""
    taken: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken) and accept(cand):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def scan(text: str) -> list[Candidate]:
    """The best non-overlapping matches in text order (no check of what they mean)."""
    return select(candidates(text))


def spelled_year_value(words: str) -> int | None:
    """1996 for "nineteen ninety-six", 2001 for "two thousand and one"."""
    parts = [w for w in re.split(r"[-\s]+", words.lower()) if w not in ("and", "")]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (int(NUMBER_WORDS[rest[0]]) if rest else 0)
    if not parts or parts[0] not in NUMBER_WORDS:
        return None
    century = int(NUMBER_WORDS[parts[0]])
    rest = parts[1:]
    if (rest and rest[0] == "hundred") or (rest and rest[0] == "oh"):
        rest = rest[1:]
    total = sum(int(NUMBER_WORDS.get(w, 0)) for w in rest)
    return century * 100 + total


def number_value(words: str) -> float | None:
    """The number a numeral or number phrase names; None for vague ones ("several")."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    if not text:
        return None
    fraction = re.fullmatch(r"([0-9]+) ([0-9])/([0-9])", text)
    if fraction:  # "2 1/2"
        return int(fraction[1]) + int(fraction[2]) / int(fraction[3])
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = re.split(r"[-\s]", text)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None
