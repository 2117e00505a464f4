"""JSONL batches: one ``{"id", "text", "published", …}`` object a line; text taken exactly as given.

A record goes through the same last steps as a file (:func:`dyads.read.language.finish`): its
language is named and a text over ``Options.max_chars`` is cut there with a warning, since a record
of millions of characters would take gigabytes to analyse, or be refused by spaCy outright. Short
of that limit the text is kept exactly, so offsets into it line up; a given id is kept even when
the text is cut.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import IO

from dyads.model import Article, Options, ReadError
from dyads.read.language import finish
from dyads.read.text import article_id


def article_from_record(record: object, source: str, options: Options | None = None) -> Article:
    if not isinstance(record, dict):
        raise ReadError(source, "line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ReadError(source, "missing or non-string 'text'")
    if not text.strip():
        raise ReadError(source, "empty 'text'")
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise ReadError(source, "'published' must be a string or null")
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    raw_id = record.get("id")
    article = Article(
        id=str(raw_id) if raw_id is not None else article_id(text),
        text=text,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        authors=tuple(str(a) for a in authors) if isinstance(authors, list | tuple) else (),
        published=published,
        outlet=record.get("outlet") if isinstance(record.get("outlet"), str) else None,
        source=source,
    )
    finished = finish(article, options)
    return finished if raw_id is None else replace(finished, id=article.id)


def iter_jsonl(stream: IO[bytes], name: str, options: Options | None = None) -> Iterator[Article | ReadError]:
    """Yield an Article for each good line and a ReadError for each bad one; never stop early."""
    for number, raw in enumerate(stream, start=1):
        source = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield ReadError(source, "line is not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield ReadError(source, f"invalid JSON ({exc.msg})")
            continue
        try:
            yield article_from_record(record, source, options)
        except ReadError as err:
            yield err
