"""URLs on loopback are refused unless the user says --allow-private; then they are read."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture()
def local_site(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "report.txt").write_text(
        "Talks in Accra\n\nGhana and Togo agreed to share border patrols, officials said.\n", encoding="utf-8"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/report.txt"
    server.shutdown()


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyads", "extract", *args], capture_output=True, text=True, timeout=120
    )


def test_loopback_url_refused_by_default(local_site: str) -> None:
    result = extract(local_site)
    assert result.returncode == 2
    assert (
        result.stderr.count("\n") == 1 and local_site in result.stderr and "--allow-private" in result.stderr
    )


def test_loopback_url_read_with_allow_private(local_site: str) -> None:
    result = extract(local_site, "--allow-private", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Ghana and Togo agreed" in result.stdout
