"""Generate a corpus of malformed inputs, the kind the web hands analysts.

Run as a script (``python tests/malformed_inputs.py FOLDER``) or import :func:`make_malformed`.
Every file is one input, except the JSONL batch, whose every non-blank line is one input.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dyads.read.names import printable_name

GOOD_HTML = (
    "<html><head><title>Talks resume</title></head><body><article><p>Delegations from Sudan and "
    "South Sudan met in Juba on Tuesday to discuss oil transit fees, officials said.</p><p>The talks "
    "ended without an agreement but both sides promised to meet again next month.</p></article></body></html>"
)
GOOD_TEXT = (
    "Delegations from Kenya and Ethiopia met in Nairobi on Monday to discuss the border, and both "
    "governments said the talks would resume next month."
)
NON_ENGLISH = [
    "Les ministres des affaires étrangères se sont réunis à Dakar pour discuter de la crise au Sahel.",
    "Die Regierung kündigte am Montag neue Sanktionen gegen mehrere Unternehmen an.",
    "El presidente anunció un acuerdo de alto el fuego con los grupos armados del norte.",
    "O governo anunciou novas medidas económicas depois das eleições de domingo.",
    "Il governo ha firmato un accordo di cooperazione con i paesi vicini.",
    "Rząd ogłosił nowe sankcje wobec kilku przedsiębiorstw w poniedziałek.",
    "De regering kondigde maandag nieuwe sancties aan tegen verschillende bedrijven.",
    "Hükümet pazartesi günü birkaç şirkete yeni yaptırımlar açıkladı.",
    "Правительство объявило в понедельник новые санкции против нескольких компаний.",
    "الحكومة أعلنت يوم الاثنين عقوبات جديدة على عدة شركات.",
]
BINARY_HEADERS = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01",
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
}


def _jsonl_lines(rng: random.Random) -> list[str]:
    lines = []
    for i in range(15):
        lines.append(json.dumps({"id": f"ok-{i}", "text": f"Kenya and Ethiopia signed a border accord, round {i}.",
                                 "published": "2021-05-04"}))  # fmt: skip
    bad: list[str] = [
        "{not json", "[1, 2, 3]", '"just a string"', "42", "null", '{"id": "x"}', '{"text": 17}',
        '{"text": ""}', '{"text": "   "}', '{"text": ["a", "b"]}', '{"text": "ok", "published": 20200101}',
        '{"text": "ok", "published": ["2020"]}', '{"id": "t", "text": "Truncated', "{}", '{"text": null}',
        '{"text": {"nested": true}}', "\x00\x00\x00", "{'single': 'quotes'}", '{"text": "a",}', "true",
    ]  # fmt: skip
    lines.extend(bad)
    lines.extend(
        json.dumps({"id": f"junk-{i}", "text": rng.choice([1, None, [], {}, False])}) for i in range(5)
    )
    rng.shuffle(lines)
    return lines


def make_malformed(folder: Path, seed: int = 7, giant_mb: int = 50) -> tuple[list[Path], int]:
    """Write the corpus; return the files and the number of inputs (files + JSONL lines)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        files.append(path)

    packed = gzip.compress(GOOD_HTML.encode("utf-8") * 4)
    for i in range(12):  # truncated gzip, cut at different points
        put(f"truncated-{i:02d}.html.gz", packed[: max(2, len(packed) * (i + 1) // 14)])
    for i in range(12):  # invalid UTF-8
        body = bytearray(f"Officials met in Nairobi on day {i}. ".encode() * 5)
        for _ in range(3):
            body.insert(rng.randrange(len(body)), rng.choice([0xC3, 0xFF, 0xFE, 0x80, 0xED]))
        put(f"bad-utf8-{i:02d}.{rng.choice(['txt', 'md'])}", bytes(body))
    for i in range(12):  # mixed encodings in one page, with and without a charset
        meta = '<meta charset="utf-8">' if i % 2 else ""
        page = f"<html><head>{meta}<title>Café</title></head><body><p>".encode()
        page += "Le président a parlé à la presse à Abidjan. ".encode("latin-1") * 3
        page += "The minister’s statement — in English — followed. ".encode() * 3 + b"</p></body></html>"
        put(f"mixed-encoding-{i:02d}.html", page)
    for i in range(12):  # NUL bytes
        put(f"nul-{i:02d}.{['txt', 'html', 'md'][i % 3]}", b"Troops\x00 moved\x00 north." * (i + 1))
    for i in range(6):  # deeply nested tags
        depth = 2000 * (i + 1)
        put(
            f"nested-{i:02d}.html",
            (b"<div>" * depth) + b"Rebels seized the town of Kidal." + (b"</div>" * depth),
        )
    for i in range(12):  # empty bodies, empty files, whitespace
        put(f"empty-{i:02d}.{['html', 'txt', 'md', 'html.gz'][i % 4]}",
            [b"", b"   \n\t  ", b"<html><body></body></html>", gzip.compress(b"")][i % 4])  # fmt: skip
    for i, text in enumerate(NON_ENGLISH):  # non-English, plain and as HTML
        put(f"foreign-{i:02d}.txt", text.encode("utf-8"))
        put(f"foreign-{i:02d}.html", f"<html><body><article><p>{text}</p></article></body></html>".encode())
    for i in range(15):  # PDFs and images renamed .html
        kind = list(BINARY_HEADERS)[i % len(BINARY_HEADERS)]
        put(f"renamed-{kind}-{i:02d}.html", BINARY_HEADERS[kind] + rng.randbytes(2000))
    for i in range(40):  # random bytes under every extension
        ext = ["html", "txt", "md", "html.gz", "htm", "markdown", "rss", "xml", "warc", "jsonl"][i % 10]
        put(f"random-{i:02d}.{ext}", rng.randbytes(rng.randrange(1, 5000)))
    for i in range(10):  # pages with scripts and styles only
        put(f"script-only-{i:02d}.html",
            b"<html><head><script>var a = 1;</script><style>p{}</style></head><body><script>x()</script></body></html>")  # fmt: skip
    for i in range(6):  # broken feeds and WARC
        put(f"broken-feed-{i:02d}.rss", b"<?xml version='1.0'?><rss><channel><item><title>Cut" * (i + 1))
        put(f"broken-{i:02d}.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[: 20 + i])
    for i in range(5):  # UTF-16 with a BOM
        put(f"utf16-{i:02d}.txt", "Police dispersed protesters in Lagos.".encode("utf-16"))
    for i in range(4):  # one-line text and HTML that are long but under the size cap
        put(
            f"long-line-{i:02d}.{['txt', 'html'][i % 2]}",
            b"The army shelled positions near the river. " * 6_000,
        )
    put("giant.html", b"<html><body><p>" + b"x" * (giant_mb * 1024 * 1024) + b"</p></body></html>")
    lines = _jsonl_lines(rng)
    put("batch.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    inputs = len(files) - 1 + len(lines)
    return files, inputs


@dataclass
class Tally:
    """What a run over a hostile corpus must do with each input, by the name it is stored under."""

    stored: set[str] = field(default_factory=set)  # read and analysed
    unanalysed: set[str] = field(default_factory=set)  # stored with its text, not analysed (language)
    reported: set[str] = field(default_factory=set)  # listed in the failures, nothing stored


def make_hostile(folder: Path, long_chars: int = 250_000) -> Tally:
    """A small corpus of good and bad inputs side by side, each with its expected fate.

    Odd names (not UTF-8, a newline, a right-to-left override), paths that fail to read even for
    root (a broken link, a named pipe, a link looping back up), NUL bytes, a JSONL record over the
    character cap, text in other languages, gzip whole and cut short, binary files under a text name.
    """
    tally = Tally()
    folder.mkdir(parents=True, exist_ok=True)

    def put(name: str | bytes, data: bytes, fate: set[str]) -> Path:
        raw = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(raw, "wb") as handle:
            handle.write(data)
        fate.add(printable_name(os.fsdecode(raw)))
        return Path(os.fsdecode(raw))

    for i in range(4):
        put(f"report-{i}.{['txt', 'md'][i % 2]}", f"{GOOD_TEXT} Report {i}.".encode(), tally.stored)
    put("page.html", GOOD_HTML.encode(), tally.stored)
    put("page-packed.html.gz", gzip.compress(GOOD_HTML.replace("Juba", "Malakal").encode()), tally.stored)
    put(b"caf\xe9-report.txt", f"{GOOD_TEXT} Latin-1 name.".encode(), tally.stored)
    put("two\nlines.txt", f"{GOOD_TEXT} A newline in the name.".encode(), tally.stored)
    put("rtl\u202etxt.exe.txt", f"{GOOD_TEXT} An override in the name.".encode(), tally.stored)
    put("foreign-fr.txt", NON_ENGLISH[0].encode(), tally.unanalysed)
    put("foreign-de.html", f"<html><body><p>{NON_ENGLISH[1]} {NON_ENGLISH[1]}</p></body></html>".encode(),
        tally.unanalysed)  # fmt: skip

    put("nul.txt", b"Troops\x00 moved\x00 north." * 4, tally.reported)
    put("nul.html", b"<html><body><p>Troops\x00 moved north.</p></body></html>", tally.reported)
    packed = gzip.compress(GOOD_HTML.encode() * 4)
    put("cut.html.gz", packed[: len(packed) // 2], tally.reported)
    put("cut.txt.gz", gzip.compress(GOOD_TEXT.encode() * 40)[:60], tally.reported)
    put("empty.md", b"", tally.reported)
    put("renamed-pdf.html", BINARY_HEADERS["pdf"] + bytes(range(256)), tally.reported)
    gone = folder / "gone.txt"
    gone.symlink_to(folder / "no-such-file.txt")
    tally.reported.add(str(gone))
    pipe = folder / "pipe.md"
    os.mkfifo(pipe)
    tally.reported.add(str(pipe))
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder)  # walked once, not for ever

    batch = folder / "batch.jsonl"
    records = [
        json.dumps({"id": "j-ok", "text": f"{GOOD_TEXT} From a batch.", "published": "2021-05-04"}),
        json.dumps({"id": "j-long", "text": (GOOD_TEXT + " ") * (long_chars // len(GOOD_TEXT) + 1)}),
        json.dumps({"id": "j-es", "text": NON_ENGLISH[2]}),
        "{not json",
        '{"id": "j-no-text"}',
        "\x00\x00\x00",
    ]
    batch.write_text("\n".join(records) + "\n", encoding="utf-8")
    tally.stored.update({f"{batch}:1", f"{batch}:2"})
    tally.unanalysed.add(f"{batch}:3")
    tally.reported.update({f"{batch}:4", f"{batch}:5", f"{batch}:6"})
    return tally


if __name__ == "__main__":
    made, count = make_malformed(Path(sys.argv[1]))
    print(f"{len(made)} files, {count} inputs in {sys.argv[1]}")
