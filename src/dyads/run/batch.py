"""The work a worker does on one batch: read each input, skip what is stored, analyse the rest.

:func:`process_batch` is the one function every way of running sends to its workers — this process,
the local process pool (:mod:`dyads.run.worker_pool`) and a Dask cluster (:mod:`dyads.run.dask_runner`)
— so each stores the same content from the same input. It returns one :class:`Outcome` per input,
in order; the parent alone writes them (:mod:`dyads.run.writing`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from dyads.model import Analysis, Article, Options, ReadError
from dyads.read import read_path
from dyads.read.dispatch import read_url
from dyads.read.language import ANALYSED_LANGUAGES
from dyads.store import content_hash

Analyzer = Callable[[Iterable[Article], Options], Iterable[Analysis]]


@dataclass(frozen=True)
class WorkItem:
    """One unit of input: a file or URL for a worker to read, or an Article read already."""

    kind: Literal["path", "url", "article"]
    source: str
    article: Article | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str  # read | analyze | store
    problem: str


@dataclass(frozen=True)
class Outcome:
    source: str
    analysis: Analysis | None = None
    failure: Failure | None = None
    skipped: bool = False
    # Why an article stored is not analysed ("language fr: not analysed"): listed with the failures.
    unanalysed: str | None = None


@dataclass(frozen=True)
class BatchJob:
    """What every batch of a run is processed with; sent to the workers along with each batch."""

    options: Options
    analyzer: Analyzer
    # The store workers look into to skip what is stored already; None when they cannot see it
    # (a remote cluster, a Parquet sink): the writer then skips by content hash instead.
    db_path: str | None = None
    force: bool = False
    # The languages analysed; an article in another is kept with its text and metadata, marked and
    # unanalysed, rather than coded as English. None analyses every article whatever its language.
    languages: frozenset[str] | None = ANALYSED_LANGUAGES


def default_analyzer(articles: Iterable[Article], options: Options) -> Iterable[Analysis]:
    # Imported here: the language pipeline loads spaCy, which a parent that only writes never needs.
    from dyads.nlp.analyze import analyze_articles

    return analyze_articles(articles, options)


# Read-only connections by (process id, store path). A forked worker inherits its parent's entries
# and must neither use nor close them (see dyads.run.worker_pool); it opens its own, under its own pid.
_seen_connections: dict[tuple[int, str], sqlite3.Connection] = {}


def _already_stored(db_path: str, digest: str) -> bool:
    """Whether the store holds this content (a read-only look from a worker; WAL allows it)."""
    key = (os.getpid(), db_path)
    conn = _seen_connections.get(key)
    if conn is None:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        _seen_connections[key] = conn
    return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None


def forget_stored_checks() -> None:
    """Close this process's look-up connections: the next run may find a different file at the
    same path (a store deleted and made anew), which an open connection would not see."""
    for key in [k for k in _seen_connections if k[0] == os.getpid()]:
        _seen_connections.pop(key).close()


def _read_item(item: WorkItem, options: Options) -> Article:
    if item.article is not None:
        return item.article
    # A URL is only ever downloaded: a line of a URL list must not open a local file.
    return read_path(item.source, options) if item.kind == "path" else read_url(item.source, options)


def process_batch(items: list[WorkItem], job: BatchJob) -> list[Outcome]:
    """Read, skip what is stored, and analyse one batch; one Outcome per item, in order."""
    outcomes: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, Article]] = []
    for index, item in enumerate(items):
        try:
            article = _read_item(item, job.options)
        except ReadError as err:
            outcomes[index] = Outcome(item.source, failure=Failure(err.source, "read", err.problem))
            continue
        except Exception as err:  # a reader bug must not stop the run; record it against the input
            outcomes[index] = Outcome(item.source, failure=Failure(item.source, "read", describe(err)))
            continue
        if not job.force and job.db_path and _already_stored(job.db_path, content_hash(article)):
            outcomes[index] = Outcome(item.source, skipped=True)
        elif job.languages is not None and article.language not in job.languages:
            outcomes[index] = _unanalysed(article, f"language {article.language}: not analysed")
        else:
            todo.append((index, article))
    for index, result in _analyse(todo, job):
        outcomes[index] = result
    return [o for o in outcomes if o is not None]


def _analyse(todo: list[tuple[int, Article]], job: BatchJob) -> list[tuple[int, Outcome]]:
    if not todo:
        return []
    try:
        return _analyse_together(todo, job)
    except Exception as err:
        if len(todo) == 1:
            return [(todo[0][0], _analysis_failure(todo[0][1], err))]
    # One article broke the batch: analyse one by one so that only it fails.
    results = []
    for index, article in todo:
        try:
            results.extend(_analyse_together([(index, article)], job))
        except Exception as err:
            results.append((index, _analysis_failure(article, err)))
    return results


def _analyse_together(todo: list[tuple[int, Article]], job: BatchJob) -> list[tuple[int, Outcome]]:
    analyses = list(job.analyzer([a for _, a in todo], job.options))
    if len(analyses) != len(todo):
        raise RuntimeError(f"analyser returned {len(analyses)} analyses for {len(todo)} articles")
    return [(i, Outcome(a.source or a.id, analysis=r)) for (i, a), r in zip(todo, analyses, strict=True)]


def _unanalysed(article: Article, why: str) -> Outcome:
    marked = replace(article, warnings=(*article.warnings, why))
    return Outcome(article.source or article.id, analysis=Analysis(article=marked), unanalysed=why)


def _analysis_failure(article: Article, err: Exception) -> Outcome:
    source = article.source or article.id
    return Outcome(source, failure=Failure(source, "analyze", describe(err)))


def describe(err: BaseException) -> str:
    """An error in one line, as the failures table keeps it: its type and the first line of its message."""
    text = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {text}"[:300]
