"""``dyads extract`` and ``dyads analyze``: one article (or a JSONL batch) read and analysed, no store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO, Annotated

import typer

from dyads.cli.config import load_options
from dyads.cli.options import (
    AllowPrivateOption,
    FormatOption,
    KnowledgeOption,
    ModelOption,
    check_text_format,
    fail,
)
from dyads.cli.report import print_analysis, print_article
from dyads.contract import analysis_to_json, article_to_json
from dyads.model import Article, Options, ReadError
from dyads.read import read_input
from dyads.read.jsonl import iter_jsonl
from dyads.run.batch import BatchJob, WorkItem, default_analyzer, process_batch

_BATCH = 16  # records analysed together (nlp.pipe); one that fails is retried alone


def read_article(target: str, options: Options, published: str | None = None) -> Article:
    """The article at ``target``, dated ``published`` when given; a read error ends in one line."""
    try:
        article = read_input(target, options)
    except ReadError as err:
        raise fail(str(err)) from None
    if published:
        article = replace(article, published=published)
    return article


def extract(
    target: Annotated[str, typer.Argument(help="A file (HTML, .html.gz, Markdown, text), a URL, or -.")],
    fmt: FormatOption = "text",
    allow_private: AllowPrivateOption = False,
) -> None:
    """Read an article and print its clean text and metadata (no language analysis).

    Example: dyads extract article.html.gz --format json
    """
    check_text_format(fmt)
    article = read_article(target, load_options(allow_private=allow_private))
    if fmt == "json":
        typer.echo(json.dumps({"article": article_to_json(article)}, ensure_ascii=False, indent=2))
    else:
        print_article(article)


def analyze(
    target: Annotated[str | None, typer.Argument(help="A file, a URL, or - for standard input.")] = None,
    fmt: FormatOption = "text",
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the input lacks one.")
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Batch input: one JSON article a line.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Batch output file (with --jsonl).")] = None,
    knowledge: KnowledgeOption = None,
    model: ModelOption = "md",
    allow_private: AllowPrivateOption = False,
) -> None:
    """Analyse an article: actors, events, quotes, times and places.

    Examples: dyads analyze article.md --format json;
    dyads analyze --jsonl articles.jsonl --out analyses.jsonl
    """
    options = load_options(tuple(knowledge or ()), model, allow_private)
    if jsonl is not None:
        if out is None:
            raise fail("--jsonl needs --out")
        raise typer.Exit(analyze_batch(jsonl, out, options))
    if target is None:
        raise fail("give a file, a URL or -, or --jsonl IN --out OUT")
    check_text_format(fmt)
    if published:
        _check_date(published)
    article = read_article(target, options, published)
    if article.language != "en":
        typer.echo(
            f"dyads: warning: {target}: the text looks like '{article.language}', not English; analysing anyway",
            err=True,
        )
    # spaCy and its model load here, late: the commands that need no language analysis stay quick
    from dyads.nlp.analyze import analyze_article

    analysis = analyze_article(article, options)
    if fmt == "json":
        typer.echo(json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=2))
    else:
        print_analysis(analysis)


def _check_date(value: str) -> None:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise fail(f"--published: not an ISO date: {value!r}") from None


def analyze_batch(source: Path, out: Path, options: Options) -> int:
    """Analyse a JSONL batch; report and skip bad lines and records that fail. Returns the exit code.

    Records go through the ingest's batch step (:func:`dyads.run.batch.process_batch`): one record
    that breaks the analysis is reported and skipped, the rest are written. Every record is
    analysed whatever its language, as ``dyads analyze`` does one file (with a warning).
    """
    if not source.is_file():
        raise fail(f"{source}: no such file")
    job = BatchJob(options, default_analyzer, languages=None)
    failures = 0

    def batches(stream: IO[bytes]) -> Iterator[list[WorkItem]]:
        nonlocal failures
        batch: list[WorkItem] = []
        for item in iter_jsonl(stream, str(source), options):
            if isinstance(item, ReadError):
                failures += 1
                typer.echo(f"dyads: skipped {item}", err=True)
                continue
            for warning in item.warnings:
                typer.echo(f"dyads: warning: {item.source}: {warning}", err=True)
            batch.append(WorkItem("article", item.source or item.id, item))
            if len(batch) >= _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    tmp = out.with_name(out.name + ".partial")
    try:
        with source.open("rb") as stream, tmp.open("w", encoding="utf-8") as sink:
            for batch in batches(stream):
                for outcome in process_batch(batch, job):
                    if outcome.failure is not None:
                        failures += 1
                        typer.echo(
                            f"dyads: skipped {outcome.failure.source}: {outcome.failure.problem}", err=True
                        )
                    elif outcome.analysis is not None:
                        sink.write(json.dumps(analysis_to_json(outcome.analysis), ensure_ascii=False) + "\n")
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave a half-written batch behind
        raise
    # Write-then-rename: an interrupted batch never leaves a truncated OUT behind.
    tmp.replace(out)
    return 1 if failures else 0
