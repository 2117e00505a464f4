"""Choose a reader by the input's name and content, and guard the edges (size, binary, encoding)."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import replace
from pathlib import Path

from dyads.model import Article, Options, ReadError
from dyads.read.decode import (
    binary_kind,
    decode,
    gunzip,
    is_gzip,
    kind_from_content,
    kind_from_media_type,
    kind_from_name,
)
from dyads.read.fetch import fetch
from dyads.read.html import read_html
from dyads.read.language import finish
from dyads.read.markdown import read_markdown, read_plain_text

_BATCH_KINDS = {
    "jsonl": "a JSONL batch holds many articles; use `dyads analyze --jsonl` or `dyads ingest`",
    "feed": "an RSS/Atom feed holds many articles; use `dyads ingest`",
    "warc": "a WARC archive holds many pages; use `dyads ingest`",
}


def read_bytes(data: bytes, source: str, options: Options | None = None) -> Article:
    """One article from the bytes of a file, a download or standard input.

    ``source`` names the input in errors and, by its suffix, may choose the reader.
    """
    return read_document(data, source, options)


def read_document(
    data: bytes,
    source: str,
    options: Options | None = None,
    *,
    content_type: str | None = None,
    url: str | None = None,
) -> Article:
    """``read_bytes`` with what a download adds: its media type and final URL."""
    options = options or Options()
    try:
        return _read_document(data, source, options, content_type, url)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(source, "document nested too deeply to read") from None
    except (ValueError, LookupError, UnicodeError) as exc:
        # Parsers reject some malformed inputs with these; the input is at fault, not the program.
        raise ReadError(source, f"unreadable document ({type(exc).__name__}: {exc})") from None


def _read_document(
    data: bytes, source: str, options: Options, content_type: str | None, url: str | None
) -> Article:
    if len(data) > options.max_bytes:
        raise ReadError(source, f"larger than the {options.max_bytes:,}-byte limit")
    if not data.strip():
        raise ReadError(source, "empty input")
    if is_gzip(data):
        data = gunzip(data, source, options.max_bytes)
        if not data.strip():
            raise ReadError(source, "empty input (after gzip)")
    binary = binary_kind(data)
    if binary:
        raise ReadError(source, f"not a text document: looks like {binary}")
    kind = kind_from_media_type(content_type) or kind_from_name(source) or kind_from_content(data)
    if kind in _BATCH_KINDS:
        raise ReadError(source, _BATCH_KINDS[kind])
    if kind == "html":
        article = read_html(decode(data, source, html=True), source, url)
    elif kind == "markdown":
        article = read_markdown(decode(data, source), source)
    else:
        article = read_plain_text(decode(data, source), source)
    if url and not article.url:
        article = replace(article, url=url)
    return finish(article, options)


def read_path(path: str, options: Options | None = None) -> Article:
    """One article from a file; the size is checked before the file is read."""
    options = options or Options()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(path, "broken symbolic link (its target does not exist)") from None
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(path, "not a regular file")
    if info.st_size > options.max_bytes:
        raise ReadError(path, f"file of {info.st_size:,} bytes is over the {options.max_bytes:,}-byte limit")
    if info.st_size == 0:
        raise ReadError(path, "empty file")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read ({exc.strerror})") from None
    return read_bytes(data, path, options)


def read_stdin(options: Options | None = None) -> Article:
    options = options or Options()
    # One byte past the limit tells an over-long input from one exactly at it, without reading it all.
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    return read_bytes(data, "<stdin>", options)


def read_input(target: str, options: Options | None = None) -> Article:
    """A path, an http(s) URL, or ``-`` for standard input."""
    options = options or Options()
    if target == "-":
        return read_stdin(options)
    if "://" in target:
        return read_url(target, options)
    return read_path(target, options)


def read_url(url: str, options: Options | None = None) -> Article:
    """One article downloaded from an http(s) URL; anything else is refused, never read as a path."""
    options = options or Options()
    download = fetch(url, options)
    return read_document(download.data, url, options, content_type=download.content_type, url=download.url)
