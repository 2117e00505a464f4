"""WARC archives (crawlers, Common Crawl News) → one Article per HTML page.

Only ``response`` records with a 2xx status and an HTML media type are pages;
requests, metadata, redirects and images are skipped without a report. A page
that cannot be read, or an archive that breaks off, is reported as a ReadError
and the rest is still read where possible.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from dyads.model import Article, Options, ReadError
from dyads.read.decode import binary_kind, decode
from dyads.read.html import read_html
from dyads.read.language import finish


def _is_html_page(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None:
        return False
    status = http.get_statuscode() or ""
    media = (http.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ("html" in media or not media)


def _peek(stream: IO[bytes], size: int) -> tuple[IO[bytes], bytes]:
    """The first bytes of ``stream`` without consuming them (wrapping streams that cannot seek)."""
    if stream.seekable():
        start = stream.tell()
        head = stream.read(size)
        stream.seek(start)
        return stream, head
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type,type-var]
    return buffered, buffered.peek(size)[:size]


def iter_warc(
    stream: IO[bytes], source: str, options: Options | None = None
) -> Iterator[Article | ReadError]:
    """An Article for each HTML response record, a ReadError for each page that fails."""
    # Imported here: warcio is slow to import and only WARC archives need it.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    options = options or Options()
    stream, head = _peek(stream, 5)
    if not (head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b")):
        yield ReadError(source, "not a WARC archive (it does not start with a WARC record)")
        return
    number = 0
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or not _is_html_page(record):
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{number}" + (f" ({url})" if url else "")
            try:
                data = record.content_stream().read(options.max_bytes + 1)
                if len(data) > options.max_bytes:
                    raise ReadError(name, f"page larger than the {options.max_bytes:,}-byte limit")
                binary = binary_kind(data)
                if binary:
                    raise ReadError(name, f"not a text document: looks like {binary}")
                article = read_html(decode(data, name, html=True), name, url)
                yield finish(article, options)
            except ReadError as err:
                yield err
            except (ValueError, LookupError, UnicodeError) as exc:
                yield ReadError(name, f"unreadable page ({type(exc).__name__}: {exc})")
    except ArchiveLoadFailed as exc:
        yield ReadError(source, f"not a readable WARC archive ({exc})")
        return
    except (OSError, EOFError, ValueError) as exc:
        # A truncated .warc.gz ends in a decompression error after the good records.
        yield ReadError(source, f"archive breaks off after {number} pages ({type(exc).__name__}: {exc})")
        return
    if records == 0:
        yield ReadError(source, "not a WARC archive (no records found)")
