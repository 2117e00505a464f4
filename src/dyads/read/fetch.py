"""Download one page over http(s), with the guards a server that fetches user-given URLs needs.

* only ``http`` and ``https`` (no ``file://``, ``ftp://``…);
* the host is resolved and *every* address checked: loopback, private,
  multicast, reserved and unspecified addresses are refused unless
  ``Options.allow_private``; link-local addresses and the other cloud metadata
  endpoints are refused always, ``allow_private`` or not: a local test server
  is a reason to allow private addresses, the cloud's credentials never are;
* redirects are followed by hand, at most ``MAX_REDIRECTS``, each new URL
  checked again as above;
* a timeout (``Options.fetch_timeout``, for each wait and for the whole body) and a size cap (``Options.max_bytes``,
  checked against Content-Length and again while reading).

The address check and the connection resolve the name separately, so a DNS
server that answers differently the second time is not caught; deployments
that face that threat should also filter egress at the network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from dyads.model import Options, ReadError

MAX_REDIRECTS = 5
USER_AGENT = "dyads/0.1 (+news event extraction)"


@dataclass(frozen=True)
class Download:
    url: str  # after redirects
    data: bytes
    content_type: str | None


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


# Cloud metadata services outside the link-local ranges: AWS over IPv6, Alibaba Cloud, Oracle Cloud.
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)


IP = ipaddress.IPv4Address | ipaddress.IPv6Address


def _ip(address: str) -> IP:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _never_fetched(ip: IP) -> str | None:
    """Why ``ip`` is refused even with ``allow_private``: where cloud metadata services answer."""
    if ip.is_link_local:
        return "link-local"
    return "cloud metadata" if ip in _METADATA_ADDRESSES else None


def _refused_address(ip: IP) -> str | None:
    """Why ``ip`` may not be fetched unless private addresses are allowed, or None when it is public."""
    for flag, why in (
        (ip.is_loopback, "loopback"),
        (ip.is_private, "private"),
        (ip.is_multicast, "multicast"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_reserved, "reserved"),
    ):
        if flag:
            return why
    return None if ip.is_global else "non-public"


def check_url(url: str, options: Options | None = None) -> None:
    """Raise ReadError unless ``url`` is http(s) and its host has only public addresses (private
    ones too when ``options.allow_private``; link-local and cloud metadata ones never)."""
    options = options or Options()
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise ReadError(url, f"not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ReadError(
            url, f"refused: only http and https URLs are read, not {parts.scheme or 'a bare path'}:"
        )
    host = parts.hostname
    if not host:
        raise ReadError(url, "not a valid URL (no host)")
    try:
        addresses = _resolve(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise ReadError(url, f"cannot resolve host {host!r} ({exc})") from None
    for address in addresses:
        ip = _ip(address)
        never = _never_fetched(ip)
        if never:
            raise ReadError(url, f"refused: {host} resolves to the {never} address {address}, never fetched")
        why = None if options.allow_private else _refused_address(ip)
        if why:
            raise ReadError(
                url,
                f"refused: {host} resolves to the {why} address {address} (pass --allow-private to allow it)",
            )


def fetch(url: str, options: Options | None = None) -> Download:
    """The body of ``url`` after at most MAX_REDIRECTS redirects; every failure is a ReadError."""
    # Imported here: httpx is slow to import and only URLs need it.
    import httpx

    options = options or Options()
    current = url
    try:
        with httpx.Client(
            follow_redirects=False, timeout=options.fetch_timeout, headers={"User-Agent": USER_AGENT}
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                check_url(current, options)
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise ReadError(url, f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise ReadError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                    return Download(
                        url=str(response.url),
                        data=_read_capped(response, url, options.max_bytes, options.fetch_timeout),
                        content_type=response.headers.get("content-type"),
                    )
    except httpx.TimeoutException:
        raise ReadError(url, f"timed out after {options.fetch_timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise ReadError(url, f"cannot fetch ({type(exc).__name__}: {exc or 'no detail'})") from None
    raise ReadError(url, f"more than {MAX_REDIRECTS} redirects")


def _read_capped(response: object, url: str, max_bytes: int, seconds: float) -> bytes:
    """The body, refused past ``max_bytes`` or past ``seconds`` in all.

    httpx's timeout bounds each wait for bytes; a server that sends a trickle never trips
    it, so the whole read has a deadline of its own.
    """
    deadline = time.monotonic() + seconds
    declared = response.headers.get("content-length")  # type: ignore[attr-defined]
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ReadError(url, f"response of {int(declared):,} bytes is over the {max_bytes:,}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise ReadError(url, f"response is over the {max_bytes:,}-byte limit")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise ReadError(url, f"download took longer than {seconds:g} s")
    return b"".join(chunks)
