"""Choose a reader by the input's name and content. Placeholder: plain text only."""

from __future__ import annotations

import sys
from pathlib import Path

from dyads.model import Article, Options, ReadError
from dyads.read.text import read_text


def read_bytes(data: bytes, source: str, options: Options | None = None) -> Article:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(source, f"not valid UTF-8 (byte {exc.start})") from None
    article = read_text(text, source)
    if not article.text:
        raise ReadError(source, "no article text")
    return article


def read_path(path: str, options: Options | None = None) -> Article:
    p = Path(path)
    if not p.exists():
        raise ReadError(path, "no such file")
    return read_bytes(p.read_bytes(), path, options)


def read_input(target: str, options: Options | None = None) -> Article:
    """A path, a URL or ``-`` for standard input."""
    if target == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", options)
    return read_path(target, options)
