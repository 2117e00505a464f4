"""Batch readers: JSONL, RSS/Atom feeds and WARC archives yield an Article or a ReadError per item."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyads.model import Article, Options, ReadError
from dyads.read import iter_feed, iter_jsonl, iter_warc

STORY = (
    "Negotiators from both sides met in Geneva on Tuesday to resume talks on the ceasefire, "
    "which collapsed last month after renewed fighting along the border."
)


def test_jsonl_text_exact_and_bad_lines_reported() -> None:
    raw_text = "  Line one.\r\n\n\nLine  two with  spaces.  "
    lines = [
        '{"id": "a", "text": ' + __import__("json").dumps(raw_text) + ', "published": "2020-01-02"}',
        "not json",
        '{"id": "c"}',
        "[1, 2]",
        "",
        '{"id": "e", "text": "Fine.", "authors": ["X Y"], "title": "T"}',
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"id": "\xff", "text": "x"}\n'
    items = list(iter_jsonl(io.BytesIO(data), "batch.jsonl"))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.id for a in articles] == ["a", "e"]
    assert articles[0].text == raw_text  # never cleaned: gold offsets must line up
    assert articles[0].published == "2020-01-02"
    assert articles[1].authors == ("X Y",)
    assert [e.source for e in errors] == ["batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:7"]
    assert "UTF-8" in str(errors[-1])
    assert all("\n" not in str(e) for e in errors)


RSS = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire Desk</title>
<item><title>Talks resume</title><link>https://wire.test/talks</link>
<pubDate>Tue, 03 Mar 2020 23:30:00 -0500</pubDate><author>desk@wire.test (Jane Roe)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>{STORY}</p><p>Both delegations said progress was made.</p>]]></content:encoded></item>
<item><title>Summary only</title><link>https://wire.test/summary</link>
<description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Nothing</title><link>https://wire.test/empty</link></item>
</channel></rss>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Atom story</title><link href="https://atom.test/1"/><id>urn:1</id>
<updated>2021-07-09T10:00:00Z</updated><author><name>Ada Writer</name></author>
<summary>{STORY}</summary></entry></feed>""".encode()


def test_rss_entries() -> None:
    items = list(iter_feed(RSS, "wire.rss"))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == f"{STORY}\n\nBoth delegations said progress was made."
    assert first.url == "https://wire.test/talks"
    assert first.authors == ("Jane Roe",)
    assert first.published == "2020-03-04"  # normalised to UTC
    assert first.outlet == "Wire Desk"
    assert second.text == STORY  # the summary when there is no full content
    assert isinstance(third, ReadError) and third.source == "wire.rss#3"


def test_atom_entry() -> None:
    (entry,) = list(iter_feed(ATOM, "atom.xml"))
    assert isinstance(entry, Article)
    assert (entry.title, entry.url, entry.published, entry.authors) == (
        "Atom story",
        "https://atom.test/1",
        "2021-07-09",
        ("Ada Writer",),
    )


def test_not_a_feed() -> None:
    (error,) = list(iter_feed(b"hello there", "junk.xml"))
    assert isinstance(error, ReadError) and "junk.xml" in str(error)


def _warc(pages: list[tuple[str, str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, status, body, media in pages:
        headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        )
        writer.write_record(
            writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        )
    return buffer.getvalue()


def _html(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{STORY}</p><p>{STORY}</p></article></body></html>"
    ).encode()


def test_warc_responses() -> None:
    data = _warc(
        [
            ("https://news.test/a", "200 OK", _html("First"), "text/html; charset=utf-8"),
            ("https://news.test/img.png", "200 OK", b"\x89PNG\r\n", "image/png"),
            ("https://news.test/moved", "301 Moved", b"", "text/html"),
            ("https://news.test/b", "200 OK", b"\x89PNG\r\n\x1a\n\x00\x00", "text/html"),
            ("https://news.test/c", "200 OK", gzip.decompress(gzip.compress(_html("Third"))), "text/html"),
        ]
    )
    items = list(iter_warc(io.BytesIO(data), "crawl.warc.gz"))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    first, bad, third = items
    assert isinstance(first, Article) and first.url == "https://news.test/a" and STORY in first.text
    assert isinstance(bad, ReadError) and "news.test/b" in bad.source and "PNG" in bad.problem
    assert isinstance(third, Article) and third.url == "https://news.test/c"


def test_warc_garbage() -> None:
    items = list(iter_warc(io.BytesIO(b"this is not an archive at all"), "junk.warc"))
    assert len(items) == 1 and isinstance(items[0], ReadError)


def test_jsonl_records_are_capped_and_labelled_like_files() -> None:
    french = (
        "Les ministres des affaires étrangères se sont réunis à Dakar pour discuter de la crise au Sahel."
    )
    long_text = (STORY + " ") * 40  # about 9,800 characters
    lines = [
        json.dumps({"id": "long", "text": long_text}),
        json.dumps({"text": long_text + "Unnamed."}),
        json.dumps({"id": "fr", "text": french}),
        json.dumps({"id": "short", "text": STORY}),
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    capped, unnamed, fr, short = list(iter_jsonl(io.BytesIO(data), "b.jsonl", Options(max_chars=2000)))
    assert isinstance(capped, Article) and isinstance(unnamed, Article)
    assert capped.id == "long"  # a given id is kept even when the text is cut
    assert len(capped.text) <= 2000 and long_text.startswith(capped.text)
    assert any("truncated" in w for w in capped.warnings)
    assert unnamed.id != "long" and len(unnamed.text) <= 2000
    assert isinstance(fr, Article) and fr.language == "fr" and fr.text == french
    assert isinstance(short, Article) and short.text == STORY and short.warnings == ()
