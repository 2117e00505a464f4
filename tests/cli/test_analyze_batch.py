"""``dyads analyze --jsonl``: one record that breaks the analysis is reported and skipped, the
others are written, and no half-written output is left behind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.cli.analyze import analyze_batch
from dyads.model import Options

PARA = "Officials from Mali and Niger met in Bamako on Monday. France said it would support the talks. "


def write_batch(path: Path, big_chars: int) -> None:
    records = [
        {"id": "first", "text": PARA, "published": "2023-05-02"},
        {"id": "big", "text": PARA * (big_chars // len(PARA) + 1)},
        {"id": "last", "text": "Russia accused Ukraine of shelling Donetsk on Tuesday, officials said."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def test_a_record_over_the_models_limit_is_reported_and_the_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_batch(source, big_chars=2_100_000)
    # A cap above spaCy's own limit lets the long record reach the model, which refuses it (E088).
    code = analyze_batch(source, out, Options(max_chars=2_500_000))
    assert code == 1
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["article"]["id"] for d in docs] == ["first", "last"]
    assert all(d["events"] for d in docs)
    assert not (tmp_path / "out.jsonl.partial").exists()
    assert "skipped in.jsonl:2" in capsys.readouterr().err.replace(str(tmp_path) + "/", "")


@pytest.mark.slow
def test_a_record_of_two_million_characters_is_cut_to_the_cap_and_analysed(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_batch(source, big_chars=2_100_000)
    result = subprocess.run(
        [sys.executable, "-m", "dyads", "analyze", "--jsonl", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["article"]["id"] for d in docs] == ["first", "big", "last"]
    assert len(docs[1]["article"]["text"]) <= Options().max_chars
    assert any("truncated" in w for w in docs[1]["article"]["warnings"])
    assert "text truncated" in result.stderr
