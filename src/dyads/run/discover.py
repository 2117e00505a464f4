"""Finding the inputs of a run: files, folders, globs, containers of many articles, URL lists.

:func:`discover` streams, in order, one :class:`~dyads.run.batch.WorkItem` per input (or a
:class:`~dyads.run.batch.Failure` for an input that cannot be found or opened). The containers —
JSONL batches, RSS/Atom feeds, WARC archives — are read here, in the parent, one record at a time,
so they cost memory for one record, not the whole file; single files and URLs are left for the
workers to read. :func:`estimate_total` counts ahead, when that is cheap, for the progress bar.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dyads.model import Article, Options, ReadError
from dyads.read.decode import kind_from_content, kind_from_name
from dyads.read.feed import iter_feed
from dyads.read.jsonl import iter_jsonl
from dyads.read.warc import iter_warc
from dyads.run.batch import Failure, WorkItem

_GLOB_CHARS = set("*?[")
_COUNT_LINES_UP_TO = 256_000_000  # bytes of JSONL counted ahead for the progress bar
_DOCUMENT_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text", ".jsonl", ".ndjson",
    ".rss", ".atom", ".xml", ".warc",
)  # fmt: skip


def discover(
    targets: Sequence[str], urls: Sequence[str] = (), options: Options | None = None
) -> Iterator[WorkItem | Failure]:
    """The work items of some targets (files, folders, globs) and URL-list files, streamed in order."""
    options = options or Options()
    for target in targets:
        path = Path(target)
        try:
            # Under a folder this process may not enter, even asking whether a path exists fails.
            exists = path.exists()
        except OSError as err:
            yield Failure(target, "read", f"cannot read ({err.strerror or err})")
            continue
        if not exists and _GLOB_CHARS & set(target):
            matches = sorted(glob.glob(target, recursive=True))
            if not matches:
                yield Failure(target, "read", "no file matches this pattern")
            for match in matches:
                yield from _path_items(Path(match), options)
        elif exists:
            yield from _path_items(path, options)
        elif path.is_symlink():
            yield Failure(target, "read", "broken symbolic link (its target does not exist)")
        else:
            yield Failure(target, "read", "no such file or folder")
    for listing in urls:
        try:
            lines = Path(listing).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            yield Failure(listing, "read", f"cannot read the URL list ({err})")
            continue
        for number, line in enumerate(lines, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if _is_web_url(url):
                yield WorkItem("url", url)
            else:
                yield Failure(f"{listing}:{number}", "read", f"not an http(s) URL: {url[:200]!r}")


def _is_web_url(line: str) -> bool:
    try:
        parts = urlsplit(line)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def estimate_total(targets: Sequence[str]) -> int | None:
    """How many articles the targets hold, when that is cheap to know (files and plain JSONL)."""
    try:
        return _count_ahead(targets)
    except OSError:
        return None  # an unreadable path: the run itself reports it


def _count_ahead(targets: Sequence[str]) -> int | None:
    total = 0
    for item in targets:
        path = Path(item)
        if path.is_dir():
            files, unreadable = _folder_files(path)
            if unreadable:
                return None
        else:
            files = [path] if path.is_file() else []
        if not files:
            return None
        for f in files:
            name = f.name.lower()
            if name.endswith((".jsonl", ".ndjson")):
                if f.stat().st_size > _COUNT_LINES_UP_TO:
                    return None  # not worth a second pass over a huge batch just for the bar
                with f.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            elif name.endswith((".rss", ".atom", ".xml", ".warc", ".warc.gz", ".jsonl.gz")):
                return None
            else:
                total += 1
    return total


def _path_items(path: Path, options: Options) -> Iterator[WorkItem | Failure]:
    try:
        is_dir = path.is_dir()
    except OSError as err:  # a folder that can be listed but not entered
        yield Failure(str(path), "read", f"cannot read ({err.strerror or err})")
        return
    if is_dir:
        files, unreadable = _folder_files(path)
        yield from unreadable
        yield from (item for f in files for item in _path_items(f, options))
        return
    try:
        kind = _container_kind(path)
    except OSError as err:
        yield Failure(str(path), "read", f"cannot read ({err.strerror or err})")
        return
    if kind:
        yield from _container_items(path, kind, options)
    else:
        yield WorkItem("path", str(path))


def _folder_files(folder: Path) -> tuple[list[Path], list[Failure]]:
    """The documents under ``folder``, sorted, and a Failure for each folder that cannot be listed.

    Every entry named like a document is an input, whatever it is: a broken link, a pipe or a
    file that cannot be opened is then reported by the reader rather than silently left out.
    Linked folders are followed, each at most once (a link to a parent would loop for ever).
    """
    files: list[Path] = []
    unreadable: list[Failure] = []

    def cannot_list(err: OSError) -> None:
        unreadable.append(
            Failure(err.filename or str(folder), "read", f"cannot list this folder ({err.strerror})")
        )

    seen: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(folder, onerror=cannot_list, followlinks=True):
        try:
            info = os.stat(root)
        except OSError as err:
            cannot_list(err)
            dirs.clear()
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs.clear()
            continue
        seen.add((info.st_dev, info.st_ino))
        for name in names:
            if not name.startswith(".") and name.lower().removesuffix(".gz").endswith(_DOCUMENT_SUFFIXES):
                files.append(Path(root, name))
    return sorted(files), unreadable


def _container_kind(path: Path) -> str | None:
    """jsonl, feed or warc when the file holds many articles; None for a single document."""
    kind = kind_from_name(path.name)
    if kind in ("jsonl", "feed", "warc"):
        return kind
    if kind is None:
        try:
            with _open(path) as stream:
                sniffed = kind_from_content(stream.read(4096))
        except (EOFError, zlib.error, gzip.BadGzipFile):
            # A broken gzip stream: leave it to the single-document reader, which says how it is broken.
            return None
        if sniffed in ("feed", "warc"):
            return sniffed
    return None


def _open(path: Path) -> Any:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else path.open("rb")


def _container_items(path: Path, kind: str, options: Options) -> Iterator[WorkItem | Failure]:
    source = str(path)
    try:
        if kind == "jsonl":
            with _open(path) as stream:
                yield from _records(iter_jsonl(stream, source, options), source)
        elif kind == "feed":
            with _open(path) as stream:
                data = stream.read()
            yield from _records(iter_feed(data, source, options), source)
        else:
            with path.open("rb") as stream:  # warcio reads gzipped archives itself
                yield from _records(iter_warc(stream, source, options), source)
    except ImportError:  # the feed and WARC readers load feedparser and warcio when first used
        yield Failure(source, "read", f"no {kind} reader in this dyads")
    except ReadError as err:
        yield Failure(err.source, "read", err.problem)
    except (OSError, EOFError, ValueError) as err:
        yield Failure(source, "read", f"cannot read ({type(err).__name__}: {err})")


def _records(records: Iterable[Article | ReadError], source: str) -> Iterator[WorkItem | Failure]:
    empty = True
    for record in records:
        empty = False
        if isinstance(record, ReadError):
            yield Failure(record.source, "read", record.problem)
        else:
            yield WorkItem("article", record.source or source, record)
    if empty:
        # A batch file that yields nothing (a truncated archive, an empty feed) is still an input
        # the user gave: report it rather than let it vanish.
        yield Failure(source, "read", "no records found in this file")
