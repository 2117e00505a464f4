"""The ``dyads`` command line: thin commands over the library.

Exit codes: 0 ok, 1 some inputs failed (batch work), 2 usage or fatal error.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from dyads.contract import analysis_to_json, article_to_json
from dyads.knowledge import KnowledgeError
from dyads.model import Article, Options, ReadError

app = typer.Typer(
    name="dyads",
    help="Political event data from news text: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")]
KnowledgeOption = Annotated[
    list[str] | None,
    typer.Option("--knowledge", help="Folder of your own knowledge YAML files (repeatable)."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    typer.echo(f"dyads: error: {message}", err=True)
    return typer.Exit(code)


AllowPrivateOption = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow URLs on loopback and private networks (refused by default)."),
]


def _options(knowledge: list[str] | None = None, model: str = "md", allow_private: bool = False) -> Options:
    from dyads.config import load_options

    options = load_options(knowledge_dirs=tuple(knowledge or ()), model=model)
    return replace(options, allow_private=allow_private)


def _read(target: str, options: Options, published: str | None = None) -> Article:
    from dyads.read import read_input

    try:
        article = read_input(target, options)
    except ReadError as err:
        raise fail(str(err)) from None
    if published:
        article = replace(article, published=published)
    return article


def _check_format(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise fail(f"--format: expected text or json, got {fmt!r}")


@app.command()
def extract(
    target: Annotated[str, typer.Argument(help="A file (HTML, .html.gz, Markdown, text), a URL, or -.")],
    fmt: FormatOption = "text",
    allow_private: AllowPrivateOption = False,
) -> None:
    """Read an article and print its clean text and metadata (no language analysis).

    Example: dyads extract article.html.gz --format json
    """
    _check_format(fmt)
    article = _read(target, _options(allow_private=allow_private))
    if fmt == "json":
        typer.echo(json.dumps({"article": article_to_json(article)}, ensure_ascii=False, indent=2))
    else:
        from dyads.report import print_article

        print_article(article)


@app.command()
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
    model: Annotated[str, typer.Option(help="spaCy English pipeline: md or sm.")] = "md",
    allow_private: AllowPrivateOption = False,
) -> None:
    """Analyse an article: actors, events, quotes, times and places.

    Examples: dyads analyze article.md --format json;
    dyads analyze --jsonl articles.jsonl --out analyses.jsonl
    """
    options = _options(knowledge, model, allow_private)
    if jsonl is not None:
        if out is None:
            raise fail("--jsonl needs --out")
        raise typer.Exit(_analyze_batch(jsonl, out, options))
    if target is None:
        raise fail("give a file, a URL or -, or --jsonl IN --out OUT")
    _check_format(fmt)
    if published:
        _check_date(published)
    article = _read(target, options, published)
    if article.language != "en":
        typer.echo(
            f"dyads: warning: {target}: the text looks like '{article.language}', not English; analysing anyway",
            err=True,
        )
    from dyads.nlp.analyze import analyze_article

    analysis = analyze_article(article, options)
    if fmt == "json":
        typer.echo(json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=2))
    else:
        from dyads.report import print_analysis

        print_analysis(analysis)


def _check_date(value: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise fail(f"--published: not an ISO date: {value!r}") from None


def _analyze_batch(source: Path, out: Path, options: Options) -> int:
    """Analyse a JSONL batch; report and skip bad lines. Returns the exit code."""
    from dyads.nlp.analyze import analyze_articles
    from dyads.read.jsonl import iter_jsonl

    if not source.is_file():
        raise fail(f"{source}: no such file")
    failures = 0

    def good_articles(stream: object) -> object:
        nonlocal failures
        for item in iter_jsonl(stream, str(source)):  # type: ignore[arg-type]
            if isinstance(item, ReadError):
                failures += 1
                typer.echo(f"dyads: skipped {item}", err=True)
            else:
                yield item

    tmp = out.with_name(out.name + ".partial")
    with source.open("rb") as stream, tmp.open("w", encoding="utf-8") as sink:
        for analysis in analyze_articles(good_articles(stream), options):  # type: ignore[arg-type]
            sink.write(json.dumps(analysis_to_json(analysis), ensure_ascii=False) + "\n")
    # Write-then-rename: an interrupted batch never leaves a truncated OUT behind.
    tmp.replace(out)
    return 1 if failures else 0


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="SQLite file to fill.")] = Path("dyads.db"),
) -> None:
    """Analyse the bundled example articles and print the analysis of one.

    Example: dyads demo
    """
    from dyads.demo import run_demo

    raise typer.Exit(run_demo(db))


def _register_commands() -> None:
    """Commands defined in their own modules register on ``app`` when imported."""
    import dyads.cli_corpus
    import dyads.cli_serve  # noqa: F401


def main() -> None:
    _register_commands()
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("dyads: interrupted", err=True)
        sys.exit(130)
    except KnowledgeError as err:  # a user's knowledge file: bad input, not a bug
        typer.echo(f"dyads: {err}", err=True)
        sys.exit(2)
    except Exception as err:
        # A bug, not bad input: still one line for the user; DYADS_DEBUG=1 shows the traceback.
        if os.environ.get("DYADS_DEBUG"):
            raise
        first = str(err).splitlines()[0] if str(err) else ""
        typer.echo(
            f"dyads: internal error: {type(err).__name__}: {first} (DYADS_DEBUG=1 for details)", err=True
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
