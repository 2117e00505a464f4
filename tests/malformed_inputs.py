"""Generate a corpus of malformed inputs, the kind the web hands analysts.

Run as a script (``python tests/malformed_inputs.py FOLDER``) or import :func:`make_malformed`.
Every file is one input, except the JSONL batch, whose every non-blank line is one input.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

GOOD_HTML = (
    "<html><head><title>Talks resume</title></head><body><article><p>Delegations from Sudan and "
    "South Sudan met in Juba on Tuesday to discuss oil transit fees, officials said.</p><p>The talks "
    "ended without an agreement but both sides promised to meet again next month.</p></article></body></html>"
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


if __name__ == "__main__":
    made, count = make_malformed(Path(sys.argv[1]))
    print(f"{len(made)} files, {count} inputs in {sys.argv[1]}")
