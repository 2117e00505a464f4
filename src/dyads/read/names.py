"""Names of inputs as one line of printable text, fit to store and to show.

A file name on Linux is bytes: Python hands a name that is not UTF-8 over with each bad byte as a
lone surrogate (``'caf\\udce9.txt'``), which SQLite, JSON and Parquet all refuse to encode. A name
may also hold a newline, which would split a failure line in two, or a right-to-left override,
which would make a printed ``txt.exe`` read as ``exe.txt``. The file itself is still opened by its
real name; only the name recorded and printed is made printable here.
"""

from __future__ import annotations

import re

# Control characters, the directional marks and overrides (which reorder what follows them on
# screen), the line and paragraph separators, and the lone surrogates of undecodable bytes.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, smuggled by os.fsdecode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_name(name: str) -> str:
    """``name`` with every character that cannot be stored or would mislead on screen escaped."""
    return _UNPRINTABLE.sub(_escape, name)
