"""Function phrases: time words that join clauses ("as soon as", "as long as") or tie one
event to another ("soon after", "shortly before") name no time.

``in_function_phrase(text, start, end)`` says whether the candidate at ``start:end`` lies
inside such a phrase; the phrases come from ``lexicons/times_function_phrases.yaml``.
"""

from __future__ import annotations

import re

from dyads.knowledge.registry import words

_LEXICON = words("times_function_phrases")


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


_PHRASE = re.compile(
    rf"\b(?:{_alternation(_LEXICON['links'])})\b(?!\s+(?:{_alternation(_LEXICON['still_times_before'])})\b)",
    re.IGNORECASE,
)


def in_function_phrase(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies within a clause-joining phrase such as "as soon as"."""
    window_start = max(0, start - 20)
    for match in _PHRASE.finditer(text, window_start, min(len(text), end + 20)):
        if match.start() <= start and end <= match.end():
            return True
    return False
