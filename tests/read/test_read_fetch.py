"""URL reading: refusal rules without network, then real fetches from a local server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyads.model import Options, ReadError
from dyads.read import read_input
from dyads.read.fetch import MAX_REDIRECTS, check_url, fetch

ARTICLE = (
    "<html><head><title>Port Reopens</title></head><body><article><h1>Port Reopens</h1>"
    + "<p>The port authority reopened the harbour on Friday after a week-long strike by dock workers "
    "ended with an agreement on pay and working hours, officials said.</p>" * 3 + "</article></body></html>"
).encode()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://10.1.2.3/",
        "http://192.168.0.10/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_addresses_refused(url: str) -> None:
    with pytest.raises(ReadError, match="refused"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.test/a", "gopher://x.test/"])
def test_other_schemes_refused(url: str) -> None:
    with pytest.raises(ReadError, match="only http and https"):
        check_url(url, Options(allow_private=True))


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    # A name with one public and one private address is refused: the private one could be used.
    monkeypatch.setattr("dyads.read.fetch._resolve", lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(ReadError, match=r"private address 10\.0\.0\.7"):
        check_url("http://mixed.test/")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]  # type: ignore[index]  # an (host, port) pair for AF_INET
        if self.path == "/article":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif self.path == "/hop":
            self._redirect("/article")
        elif self.path.startswith("/loop"):
            n = int(self.path[5:] or 0)
            self._redirect(f"/loop{n + 1}")
        elif self.path.startswith("/chain"):
            n = int(self.path[6:])
            self._redirect(f"/chain{n - 1}" if n > 1 else "/article")
        elif self.path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif self.path == "/big":
            self._send(200, b"x" * 50_000, "text/plain")
        elif self.path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"z" * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client gave up, as it should
        elif self.path == "/absolute":
            self._redirect(f"http://127.0.0.1:{port}/article")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = Options(allow_private=True, fetch_timeout=5.0)


def test_local_server_refused_by_default(server: str) -> None:
    with pytest.raises(ReadError, match="loopback"):
        fetch(f"{server}/article")


def test_fetch_article_through_redirect(server: str) -> None:
    article = read_input(f"{server}/hop", LOCAL)
    assert "dock workers" in article.text
    assert article.url == f"{server}/article"
    assert article.source == f"{server}/hop"


def test_absolute_redirect(server: str) -> None:
    assert fetch(f"{server}/absolute", LOCAL).url == f"{server}/article"


def test_redirect_limit(server: str) -> None:
    with pytest.raises(ReadError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch(f"{server}/loop0", LOCAL)
    assert fetch(f"{server}/chain{MAX_REDIRECTS}", LOCAL).url == f"{server}/article"
    with pytest.raises(ReadError, match="redirects"):
        fetch(f"{server}/chain{MAX_REDIRECTS + 1}", LOCAL)


def test_redirect_target_rechecked(server: str) -> None:
    with pytest.raises(ReadError, match="only http and https"):
        fetch(f"{server}/to-file", LOCAL)


def test_size_cap(server: str) -> None:
    small = Options(allow_private=True, max_bytes=10_000)
    with pytest.raises(ReadError, match="limit"):
        fetch(f"{server}/big", small)
    with pytest.raises(ReadError, match="limit"):
        fetch(f"{server}/big-undeclared", small)


def test_http_error_and_unreachable(server: str) -> None:
    with pytest.raises(ReadError, match="HTTP 404"):
        fetch(f"{server}/missing", LOCAL)
    with pytest.raises(ReadError, match="cannot fetch"):
        fetch("http://127.0.0.1:1/", LOCAL)


def test_slow_body_has_a_deadline(server: str) -> None:
    with pytest.raises(ReadError, match="longer than"):
        fetch(f"{server}/trickle", Options(allow_private=True, fetch_timeout=0.5))


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
    ],
)
def test_metadata_addresses_refused_even_when_private_ones_are_allowed(url: str) -> None:
    with pytest.raises(ReadError, match="never fetched"):
        check_url(url, Options(allow_private=True))
