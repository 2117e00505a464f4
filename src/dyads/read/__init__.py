"""Readers: bytes in any format a user has → Article (clean text + metadata).

Single articles: ``read_bytes`` (HTML, gzipped HTML, Markdown, text, chosen by
name and content), ``read_path`` and ``read_input`` (a path, an http(s) URL or
``-``). Batches: ``iter_jsonl``, ``iter_feed`` (RSS/Atom) and ``iter_warc``,
each yielding an Article or a ReadError per item. Every failure is a
``dyads.model.ReadError`` whose message names the input and the problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.read.dispatch import read_bytes, read_input, read_path

if TYPE_CHECKING:
    from dyads.read.feed import iter_feed
    from dyads.read.jsonl import iter_jsonl
    from dyads.read.warc import iter_warc

__all__ = ["iter_feed", "iter_jsonl", "iter_warc", "read_bytes", "read_input", "read_path"]


def __getattr__(name: str) -> Any:
    # Batch readers import feedparser/warcio; single-article commands need not pay for them.
    if name == "iter_feed":
        from dyads.read.feed import iter_feed

        return iter_feed
    if name == "iter_warc":
        from dyads.read.warc import iter_warc

        return iter_warc
    if name == "iter_jsonl":
        from dyads.read.jsonl import iter_jsonl

        return iter_jsonl
    raise AttributeError(name)
