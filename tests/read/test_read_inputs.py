"""Choosing a reader, and bad input: one-line errors naming the input, exit code 2, no traceback."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.model import Options, ReadError
from dyads.read import read_bytes, read_path
from dyads.read.decode import decode, kind_from_content
from dyads.read.language import detect_language, truncate

TEXT = (
    "The foreign minister arrived in Nairobi on Monday for two days of talks on regional security.\n\n"
    "Officials said the visit would focus on the conflict in the east and on trade."
)
GERMAN = (
    "Die Regierung hat am Montag neue Gespräche mit den Nachbarländern angekündigt. "
    "Der Außenminister sagte, man wolle die Zusammenarbeit in der Region weiter vertiefen."
)
DYADS = [sys.executable, "-m", "dyads"]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [*DYADS, *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_plain_text_paragraphs() -> None:
    article = read_bytes(("  " + TEXT.replace("\n\n", "\n\n\n") + "\n").encode(), "note.txt")
    assert article.text == TEXT
    assert article.language == "en"
    assert article.warnings == ()


def test_kind_sniffing() -> None:
    assert kind_from_content(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert kind_from_content(b"# Title\n\nSome [link](http://x.test).") == "markdown"
    assert kind_from_content(b"Just words.") == "text"
    assert kind_from_content(b'<?xml version="1.0"?><rss version="2.0"></rss>') == "feed"


def test_non_english_is_labelled() -> None:
    article = read_bytes(GERMAN.encode(), "de.txt")
    assert article.language == "de"
    assert any("not English" in w for w in article.warnings)
    assert detect_language("Too short") is None


def test_truncation_with_warning() -> None:
    long_text = ("The council met again today and agreed to continue the talks next week. " * 400).strip()
    article = read_bytes(long_text.encode(), "long.txt", Options(max_chars=5000))
    assert len(article.text) <= 5000
    assert article.text.endswith(".")
    assert any("truncated" in w for w in article.warnings)
    assert truncate("abc", 10) == "abc"


def test_encodings() -> None:
    assert decode("Zürich".encode("utf-16"), "x.txt") == "Zürich"
    assert decode(b"\xef\xbb\xbfZ\xc3\xbcrich", "x.txt") == "Zürich"
    with pytest.raises(ReadError, match="not valid UTF-8"):
        decode("Zürich".encode("latin-1"), "x.txt")


@pytest.mark.parametrize(
    ("data", "name", "problem"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n ", "blank.md", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "paper.html", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image.html", "PNG"),
        (b"abc\x00def\x00ghi", "nul.txt", "NUL"),
        (
            gzip.compress(b"<html><body><p>" + b"word " * 200 + b"</p></body></html>")[:-12],
            "cut.html.gz",
            "truncated gzip",
        ),
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "bad.html.gz", "gzip"),
        ("caf\u00e9 talks".encode("latin-1"), "latin.txt", "UTF-8"),
        (b'{"id": 1, "text": "x"}\n', "batch.jsonl", "JSONL"),
    ],
)
def test_bad_bytes(data: bytes, name: str, problem: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and problem in message and "\n" not in message


def test_size_cap_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # a sparse 100 MB file: refused by its size, never read
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(ReadError, match="over the"):
        read_path(str(huge))


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_path(str(tmp_path / "nope.html"))
    with pytest.raises(ReadError, match="directory"):
        read_path(str(tmp_path))


def test_cli_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "photo.html"
    fake.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    no_article = tmp_path / "menu.html"
    no_article.write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Caf\u00e9\n\nTalks resumed.".encode("latin-1"))
    cases = [
        (str(tmp_path / "missing.md"), "no such file"),
        (str(tmp_path), "directory"),
        (str(empty), "empty"),
        (str(fake), "JPEG"),
        (str(no_article), "no article text"),
        (str(latin), "UTF-8"),
        ("http://127.0.0.1:1/", "refused"),
        ("file:///etc/passwd", "only http and https"),
    ]
    for target, problem in cases:
        result = run_cli("extract", target, "--format", "json")
        assert result.returncode == 2, (target, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert target in lines[0] and problem in lines[0], lines[0]


def test_cli_reads_stdin() -> None:
    result = run_cli("extract", "-", "--format", "json", stdin=TEXT.encode())
    assert result.returncode == 0, result.stderr
    assert '"language": "en"' in result.stdout


SEED = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "corpus"
    / "seed"
    / "mali-opens-its-doors-to-russia.md"
)


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")
def test_cli_extract_seed_json() -> None:
    result = run_cli("extract", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert article["title"] == "Mali Opens Its Doors to Russia"
    assert article["authors"] == ["Kester Kenn Klomegah"]
    assert (article["published"], article["outlet"], article["language"]) == (
        "2020-09-25",
        "Global Research",
        "en",
    )
    assert article["text"].startswith("With strict pressure")
    assert "Note to readers" not in article["text"]


def test_plain_text_headline_and_dateline() -> None:
    page = "Talks Resume in Geneva\nThe Daily Ledger, March 3, 2021\n\n" + TEXT + "\n\nShare this article\n"
    article = read_bytes(page.encode(), "story.txt")
    assert (article.title, article.outlet, article.published) == (
        "Talks Resume in Geneva",
        "The Daily Ledger",
        "2021-03-03",
    )
    assert article.text == TEXT


def test_hard_wrapped_text_is_not_taken_for_a_headline() -> None:
    wrapped = "The foreign minister arrived in Nairobi on Monday\nfor two days of talks on regional security.\n\nMore talks follow."
    article = read_bytes(wrapped.encode(), "wrapped.txt")
    assert article.title is None
    assert article.text.startswith("The foreign minister arrived in Nairobi on Monday for two days")
