"""Plain text → Article."""

from __future__ import annotations

import hashlib

from dyads.model import Article


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_text(text: str, source: str) -> Article:
    """Text taken as the article's own words: only line ends normalised and outer space stripped."""
    clean = text.replace("\r\n", "\n").strip()
    return Article(id=article_id(clean), text=clean, source=source)
