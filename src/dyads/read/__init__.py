"""Readers: bytes in any format a user has → Article (clean text + metadata).

Single articles: ``read_bytes`` (HTML, gzipped HTML, Markdown, text, chosen by
name and content), ``read_path`` and ``read_input`` (a path, an http(s) URL or
``-``). Batches: ``iter_jsonl``, ``iter_feed`` (RSS/Atom) and ``iter_warc``,
each yielding an Article or a ReadError per item. Every failure is a
``dyads.model.ReadError`` whose message names the input and the problem.
"""

from __future__ import annotations

# The batch readers load feedparser and warcio only when first used, so importing them here
# costs a single-article command nothing.
from dyads.read.dispatch import read_bytes, read_input, read_path
from dyads.read.feed import iter_feed
from dyads.read.jsonl import iter_jsonl
from dyads.read.warc import iter_warc

__all__ = ["iter_feed", "iter_jsonl", "iter_warc", "read_bytes", "read_input", "read_path"]
