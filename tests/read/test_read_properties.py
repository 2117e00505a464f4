"""Any bytes at all give an Article or a ReadError: never another exception."""

from __future__ import annotations

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.model import Article, Options, ReadError
from dyads.read import iter_feed, iter_jsonl, iter_warc, read_bytes

NAMES = st.sampled_from(["in.html", "in.html.gz", "in.md", "in.txt", "in", "<stdin>", "in.htm"])
MARKUP = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<html>", "<body>", "<h1>", "</h1>", "# ", "**", "*", "[a](b)", "---", "\n\n",
         "By Jane Roe", "Tags: x", "March 3, 2021", "<meta charset='koi8-r'>", "&amp;", "<!--", "\x00",
         "Note to readers: share", "Copyright © 2020", "word ", "Another sentence here. ", "é", "\ufeff"]
    ),
    max_size=60,
).map("".join)  # fmt: skip
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = Options(max_chars=2_000, max_bytes=50_000)


def _read(data: bytes, name: str) -> None:
    try:
        article = read_bytes(data, name, SMALL)
    except ReadError as err:
        assert "\n" not in str(err) and str(err).startswith(name)
        return
    assert isinstance(article, Article) and article.text.strip()
    assert len(article.text) <= SMALL.max_chars


@SETTINGS
@given(st.binary(max_size=3000), NAMES)
def test_any_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@SETTINGS
@given(MARKUP, NAMES, st.sampled_from(["utf-8", "latin-1", "utf-16"]), st.booleans())
def test_markup_like_bytes(text: str, name: str, encoding: str, compress: bool) -> None:
    data = text.encode(encoding, errors="replace")
    _read(gzip.compress(data) if compress else data, name)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_batch_readers_never_raise(data: bytes) -> None:
    for reader in (lambda: iter_feed(data, "f"), lambda: iter_warc(io.BytesIO(data), "w"),
                   lambda: iter_jsonl(io.BytesIO(data), "j")):  # fmt: skip
        for item in reader():
            assert isinstance(item, Article | ReadError)
