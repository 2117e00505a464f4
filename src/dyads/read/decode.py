"""From raw bytes to text: gzip, binary refusal, character encodings, and what kind of document it is.

Encodings: a byte order mark wins, then UTF-8. HTML may also declare its charset
(``<meta charset>``) or, failing that, be guessed by charset detection, since web
pages in legacy encodings are common and say so. Markdown and plain text must be
UTF-8 (or carry a BOM): a guess there would silently garble names, so the reader
refuses with an error that says how to fix the file.
"""

from __future__ import annotations

import codecs
import re
import zlib

from dyads.model import ReadError

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"\x00\x00\x00", "a binary file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing truncated or corrupt streams and outputs over ``max_bytes``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ReadError(source, f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise ReadError(source, f"gzip content larger than the {max_bytes:,}-byte limit")
    if not inflater.eof:
        raise ReadError(source, "truncated gzip data (the file ends before the compressed stream does)")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def binary_kind(data: bytes) -> str | None:
    """What binary file ``data`` looks like (e.g. "a PDF document"), or None when it may be text."""
    if _bom_encoding(data) in ("utf-16", "utf-32"):
        return None
    head = data[:_SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "a binary file (it has NUL bytes)"
    return None


def decode(data: bytes, source: str, html: bool = False) -> str:
    """The text of ``data``: BOM, then UTF-8, then (HTML only) the declared or detected charset."""
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise ReadError(
                source, f"not valid {bom.upper()} despite its byte order mark (byte {exc.start})"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if html:
        declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                return data.decode(name, errors="replace")
            except LookupError:
                pass  # an unknown charset name: fall through to detection
        guessed = _detect(data)
        if guessed is not None:
            return guessed
    raise ReadError(
        source,
        f"not valid UTF-8 (first bad byte at offset {first_bad}); save the file as UTF-8",
    )


def _detect(data: bytes) -> str | None:
    # Imported here: charset_normalizer is slow to import and only an undeclared encoding needs it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return data.decode(best.encoding, errors="replace")


# ---------------------------------------------------------------- document kinds

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
_TEXT_SUFFIXES = (".txt", ".text")
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:div|p|article|span|script|a\s|table|br)\b", re.I)
_MARKDOWN_HINTS = re.compile(r"^#{1,6}\s+\S|\]\([^)]*\)|^\s*[-*]\s+\S|\*\*\S|^={3,}\s*$", re.M)


def kind_from_name(name: str) -> str | None:
    """ "html", "markdown", "text", "jsonl", "feed" or "warc" by the file name's suffix."""
    lower = name.lower().split("?", 1)[0]
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(_HTML_SUFFIXES):
        return "html"
    if lower.endswith(_MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(_TEXT_SUFFIXES):
        return "text"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith((".rss", ".atom")):
        return "feed"
    if lower.endswith(".warc"):
        return "warc"
    return None


def kind_from_content(head: bytes) -> str:
    """A document kind from the first bytes when the name says nothing."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = head[:4096].decode("utf-8", errors="replace")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<?xml") and re.search(r"<(?:rss|feed|rdf:RDF)\b", text):
        return "feed"
    if _HTML_START.match(stripped) or len(_HTML_TAGS.findall(text)) >= 3:
        return "html"
    if _MARKDOWN_HINTS.search(text):
        return "markdown"
    return "text"


def kind_from_media_type(content_type: str | None) -> str | None:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if media in ("application/rss+xml", "application/atom+xml"):
        return "feed"
    return None
