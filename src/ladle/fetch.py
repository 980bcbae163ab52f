"""Reading a recipe page from an http(s) URL, without letting the URL reach where it should not.

:func:`fetch_html` fetches one HTML page and returns its text (:class:`Fetched`). It is careful
because a URL is input from whoever wrote the page, the link or the recipe list:

* Only plain ``http:`` and ``https:`` URLs with a host are read; other schemes (``file:``,
  ``ftp:``, ``data:``, ``javascript:`` …), user names or passwords in the URL, bad ports and
  malformed hosts are refused (:func:`check_url`).
* Every address a host stands for must be public: loopback, private (RFC 1918, IPv6 ULA),
  link-local (169.254.169.254, the cloud metadata service, among them), multicast,
  unspecified, reserved, documentation and carrier-grade NAT (100.64.0.0/10) addresses are
  refused, also when written as IPv4-mapped, NAT64 or 6to4 IPv6 addresses or as numeric
  tricks (``http://2130706433/``, ``http://0x7f.1/``, ``http://127.1/``), which are read the
  way browsers and ``inet_aton`` read them (:func:`address_kind`). ``allow_private=True``
  (``--allow-private`` on the command line) lifts this for a home server.
* Redirects are followed by hand, at most :data:`MAX_REDIRECTS`, and every hop is checked
  like the first URL before anything is sent to it.
* DNS is asked once per hop (:func:`socket.getaddrinfo`); the hop is refused if *any* answer
  is forbidden, and the connection goes to the addresses that were checked, never to a second
  answer: httpx's connection pool is given a network backend that dials only the pinned
  addresses of the one host being fetched. The URL is not rewritten, so the ``Host`` header,
  TLS SNI and certificate checking all use the host name. This defeats DNS rebinding.
* Every socket operation has ``timeout`` (connect, TLS handshake, each read and write) and
  all of them together must finish within ``deadline``, so a server dripping one byte at a
  time cannot hold ladle.
* The body is capped while it streams (compressed size and decompressed size, gzip and
  deflate only), whatever Content-Length says; only HTML (``text/html``,
  ``application/xhtml+xml``) is accepted.
* The text is decoded by the BOM, the Content-Type charset, a ``<meta charset>`` near the
  start, else UTF-8, always with replacement characters: decoding never fails.

Every refusal and network failure is a :class:`~ladle.errors.LadleError` whose ``where`` is
the URL as given.

Residual risks: DNS resolution itself is bounded by the system resolver's timeouts, not by
``deadline``; pinning relies on httpx's transport keeping its httpcore pool in ``_pool``
(as in httpx 0.27 and 0.28; a test fails if that changes); environment proxies and
``.netrc`` are ignored on purpose, so ladle cannot read pages through a proxy.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import http
import ipaddress
import re
import socket
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import httpcore
import httpx

from ladle.errors import EmptySource, SourceError, SourceNotFound, SourceTooLarge

__all__ = ["MAX_BYTES", "MAX_REDIRECTS", "Fetched", "address_kind", "check_url", "fetch_html"]

MAX_BYTES = 10 * 1024 * 1024  # 10 MB: the largest recipe blogs are a few hundred kB
MAX_REDIRECTS = 5
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

try:
    _VERSION = metadata.version("ladle")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    _VERSION = "0"
HEADERS = {
    "User-Agent": f"ladle/{_VERSION} (+recipe importer)",
    "Accept": "text/html, application/xhtml+xml;q=0.9",
    "Accept-Encoding": "gzip, deflate",
}

_PRIVATE_HINT = "give --allow-private to read from your own network"
_MAX_URL = 8192
_HOST_NAME = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?")
_NUMBER = re.compile(r"0x[0-9a-f]*|[0-9]+")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_WINDOWS_1252 = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

_V4, _V6 = ipaddress.IPv4Network, ipaddress.IPv6Network
# Checked in order; the first network that holds the address names its kind.
_FORBIDDEN: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = (
    (_V4("0.0.0.0/8"), "unspecified"),
    (_V4("10.0.0.0/8"), "private"),
    (_V4("100.64.0.0/10"), "carrier-grade NAT"),
    (_V4("127.0.0.0/8"), "loopback"),
    (_V4("169.254.0.0/16"), "link-local"),
    (_V4("172.16.0.0/12"), "private"),
    (_V4("192.0.0.0/24"), "reserved"),
    (_V4("192.0.2.0/24"), "reserved"),  # documentation, like the next two
    (_V4("198.51.100.0/24"), "reserved"),
    (_V4("203.0.113.0/24"), "reserved"),
    (_V4("192.88.99.0/24"), "reserved"),  # old 6to4 relays
    (_V4("192.168.0.0/16"), "private"),
    (_V4("198.18.0.0/15"), "reserved"),  # benchmarking
    (_V4("224.0.0.0/4"), "multicast"),
    (_V4("240.0.0.0/4"), "reserved"),  # and the broadcast address
    (_V6("::/128"), "unspecified"),
    (_V6("::1/128"), "loopback"),
    (_V6("64:ff9b:1::/48"), "private"),  # local-use NAT64
    (_V6("::/8"), "reserved"),  # IPv4-compatible and other old forms
    (_V6("100::/64"), "reserved"),  # discard
    (_V6("2001::/23"), "reserved"),  # protocol assignments, Teredo
    (_V6("2001:db8::/32"), "reserved"),  # documentation
    (_V6("3fff::/20"), "reserved"),  # documentation
    (_V6("fc00::/7"), "private"),  # unique local addresses
    (_V6("fe80::/10"), "link-local"),
    (_V6("fec0::/10"), "private"),  # old site-local
    (_V6("ff00::/8"), "multicast"),
)
_NAT64 = _V6("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its text, the URL it was finally read from, its type and encoding."""

    text: str
    url: str  # after redirects
    content_type: str  # the media type, lowercase: "text/html" or "application/xhtml+xml"
    encoding: str  # the codec the text was decoded with


def address_kind(address: str) -> str | None:
    """Why an IP address may not be fetched (``"loopback"``, ``"private"`` …), None if public.

    IPv6 addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by it.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError as exc:
        raise SourceError(f"not an IP address: {address[:80]!r}") from exc
    return _kind(ip)


def _kind(ip: IPAddress) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is None and ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return _kind(inner)
    for network, kind in _FORBIDDEN:
        if ip in network:
            return kind
    return None if ip.is_global else "reserved"


def check_url(url: str, *, allow_private: bool = False) -> str:
    """Refuse a URL ladle will not fetch; return it normalised. No DNS is asked.

    Refused: schemes other than http and https, credentials, malformed URLs and, unless
    ``allow_private``, hosts written as a forbidden IP address (in any numeric form).
    """
    where = url.strip()
    parsed = _parse(url, where=where)
    literal = _literal_address(parsed, where=where)
    if literal is not None and not allow_private:
        _check_addresses(parsed, [literal], frozenset(), where=where, hop=None)
    return str(parsed)


def _parse(url: str, *, where: str, redirect: bool = False) -> httpx.URL:
    """A plain absolute http(s) URL without credentials, or a refusal."""
    text = url.strip()
    via = _via(text[:200]) if redirect else ""
    bad = f"{via}not a valid web address"
    if len(text) > _MAX_URL:
        raise SourceError(f"{bad} (longer than {_MAX_URL} characters)", where=where)
    try:
        parsed = httpx.URL(text)
        scheme, host, port, userinfo = parsed.scheme, parsed.raw_host, parsed.port, parsed.userinfo
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError) as exc:
        raise SourceError(f"{bad} ({exc})", where=where, hint="check the address") from exc
    if scheme not in {"http", "https"}:
        if scheme:
            what = f"{via}only http and https addresses can be read, not {scheme}:"
        else:
            what = f"{via}not a web address (no http:// or https:// in front)"
        raise SourceError(what, where=where, hint="give a web page's address, or a file's path")
    if userinfo:
        raise SourceError(
            f"{via}refusing an address with a user name or password in it",
            where=where,
            hint="remove the user:password@ part; ladle reads public pages only",
        )
    name = host.decode("ascii", "replace")
    valid = bool(name) and (":" in name or _HOST_NAME.fullmatch(name) is not None)
    if not valid or ("%" in name):
        raise SourceError(f"{bad} (bad host {name!r})", where=where, hint="check the address")
    if port is not None and not 0 < port < 65536:
        raise SourceError(f"{bad} (bad port {port})", where=where, hint="check the address")
    return parsed


def _literal_address(parsed: httpx.URL, *, where: str) -> IPAddress | None:
    """The address a host written as a number stands for, read as browsers read it."""
    host = parsed.raw_host.decode("ascii")
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError as exc:  # httpx has checked it already
            raise SourceError(f"not a valid web address ({exc})", where=where) from exc
    labels = host.split(".")
    if len(labels) > 1 and not labels[-1]:
        labels.pop()
    if not _NUMBER.fullmatch(labels[-1]):
        return None  # a name, for DNS
    value = 0
    for index, label in enumerate(labels):
        number = _number(label)
        last = index == len(labels) - 1
        limit = 256 ** (5 - len(labels)) if last else 256
        if number is None or len(labels) > 4 or number >= limit:
            raise SourceError(
                f"not a valid web address (bad IP address {host!r})",
                where=where,
                hint="check the address",
            )
        value = value * 256 + number if not last else value * limit + number
    return ipaddress.IPv4Address(value)


def _number(label: str) -> int | None:
    if label.startswith("0x"):
        digits = label[2:]
        return int(digits or "0", 16) if re.fullmatch(r"[0-9a-f]*", digits) else None
    if not label.isdigit() or not label.isascii():
        return None
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8) if re.fullmatch(r"[0-7]+", label) else None
    return int(label)


def _check_addresses(
    parsed: httpx.URL,
    addresses: Iterable[IPAddress],
    public: frozenset[IPAddress],
    *,
    where: str,
    hop: str | None,
) -> None:
    for ip in addresses:
        kind = None if ip in public else _kind(ip)
        if kind is not None:
            literal = parsed.host == str(ip) or ":" in parsed.host  # as written in the URL
            shown = parsed.host if literal else f"{parsed.host} is {ip}"
            if kind != "private":
                shown = f"{shown}, {kind}"
            raise SourceError(
                f"{_via(hop)}refusing a private address ({shown})", where=where, hint=_PRIVATE_HINT
            )


def _via(hop: str | None) -> str:
    """How a message about a redirect's target begins."""
    return f"it redirects to {hop}; " if hop else ""


def _resolve(parsed: httpx.URL, *, where: str, hop: str | None) -> list[IPAddress]:
    """The addresses of a URL's host: its literal address, else what DNS answers, in order."""
    literal = _literal_address(parsed, where=where)
    if literal is not None:
        return [literal]
    host = parsed.raw_host.decode("ascii")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    missing = SourceNotFound(
        f"{_via(hop)}cannot find the host {parsed.host}", where=where, hint="check the address"
    )
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise missing from exc
    found: list[IPAddress] = []
    for answer in answers:
        with contextlib.suppress(ValueError):
            ip = ipaddress.ip_address(str(answer[4][0]).split("%", 1)[0])
            if ip not in found:
                found.append(ip)
    if not found:
        raise missing
    return found


class _Pinned(httpcore.NetworkBackend):
    """A network backend that dials only the checked addresses of one host, before a deadline."""

    def __init__(self, ends: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._ends = ends
        self._host = ""
        self._addresses: tuple[str, ...] = ()
        self.out_of_time = False  # a timeout was shortened to meet the deadline

    def pin(self, host: str, addresses: Sequence[IPAddress]) -> None:
        self._host, self._addresses = host, tuple(str(ip) for ip in addresses)

    def clamp(self, timeout: float | None, error: type[httpcore.TimeoutException]) -> float:
        left = self._ends - time.monotonic()
        if timeout is None or left < timeout:
            self.out_of_time = True
            if left <= 0:
                raise error("out of time")
            return left
        return timeout

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if host != self._host or not self._addresses:
            raise httpcore.ConnectError(f"{host} was not checked")
        failure = httpcore.ConnectError("no address")
        for address in self._addresses:
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    self.clamp(timeout, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _Stream(stream, self)
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("ladle does not fetch over unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self._ends - time.monotonic())))


class _Stream(httpcore.NetworkStream):
    """A connection whose every operation ends before the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: _Pinned) -> None:
        self._inner, self._backend = inner, backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        limit = self._backend.clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, limit), self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Certificates verified against certifi's roots; made once, it takes a while to load."""
    return httpx.create_ssl_context(trust_env=False)


class _Transport(httpx.HTTPTransport):
    """httpx's own transport (its error mapping, its streams) over a pool that connects
    through :class:`_Pinned`: the one place that touches an httpx internal, ``_pool``."""

    def __init__(self, backend: _Pinned) -> None:
        context = _ssl_context()
        super().__init__(verify=context, trust_env=False)
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=1,
            max_keepalive_connections=0,  # a connection never outlives its hop and its pin
            network_backend=backend,
        )


def fetch_html(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    deadline: float = 30.0,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    _public: frozenset[str] = frozenset(),
) -> Fetched:
    """Fetch one HTML page from an http(s) URL, safely (see the module's docstring).

    ``timeout`` bounds each connect, read and write; ``deadline`` the whole fetch, redirects
    included. ``_public`` is for tests only: addresses to treat as public although they are
    not, so that a local test server can stand for a public site.
    """
    where = url.strip()
    current = _parse(url, where=where)
    public = frozenset(ipaddress.ip_address(address) for address in _public)
    backend = _Pinned(time.monotonic() + deadline)
    timeouts = {"timeout": httpx.Timeout(timeout).as_dict()}
    hop: str | None = None
    # The transport on its own, not an httpx.Client: no redirects, cookies, auth or proxies
    # happen behind ladle's back.
    with _Transport(backend) as transport:
        for _ in range(max_redirects + 1):
            addresses = _resolve(current, where=where, hop=hop)
            if not allow_private:
                _check_addresses(current, addresses, public, where=where, hop=hop)
            backend.pin(current.raw_host.decode("ascii"), addresses)
            request = httpx.Request("GET", current, headers=HEADERS, extensions=timeouts)
            with _network_errors(where, hop, backend, timeout, deadline):
                response = transport.handle_request(request)
                with contextlib.closing(response):
                    response.request = request
                    if response.status_code in _REDIRECTS:
                        hop = _next_hop(current, response, where, hop)
                        current = _parse(hop, where=where, redirect=True)
                        continue
                    return _page(response, str(current), where, hop, max_bytes)
    raise SourceError(
        f"more than {max_redirects} redirects",
        where=where,
        hint="open the address in a browser and give ladle the address it ends on",
    )


def _next_hop(current: httpx.URL, response: httpx.Response, where: str, hop: str | None) -> str:
    """The absolute URL a redirect points to, not yet checked."""
    location = response.headers.get("location", "").strip()
    if not location:
        raise SourceError(
            f"{_via(hop)}the server answered {_status(response)} but said nowhere to go",
            where=where,
            hint="open the address in a browser and give ladle the address it ends on",
        )
    try:
        return str(current.join(location).copy_with(fragment=None))
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError) as exc:
        raise SourceError(
            f"{_via(location[:200])}not a valid web address ({exc})",
            where=where,
            hint="the site is broken; try again later",
        ) from exc


@contextlib.contextmanager
def _network_errors(
    where: str, hop: str | None, backend: _Pinned, timeout: float, deadline: float
) -> Iterator[None]:
    """Turns httpx's failures into the one-line errors ladle prints."""
    try:
        yield
    except httpx.TimeoutException as exc:
        what = (
            f"the page did not arrive within {deadline:g} s"
            if backend.out_of_time
            else f"no answer within {timeout:g} s"
        )
        raise SourceError(
            _via(hop) + what, where=where, hint="the site is slow or down; try again later"
        ) from exc
    except httpx.HTTPError as exc:
        causes = list(_causes(exc))
        if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
            what, hint = "the server refused the connection", "check the address and the port"
        elif any(isinstance(cause, ssl.SSLCertVerificationError) for cause in causes):
            what = "the site's certificate cannot be trusted"
            hint = "check the address; ladle reads https pages only with a valid certificate"
        elif isinstance(exc, httpx.ConnectError):
            what, hint = f"cannot connect ({exc})", "check the address, or try again later"
        else:
            what, hint = f"the connection broke off ({exc})", "try again later"
        raise SourceError(_via(hop) + what, where=where, hint=hint) from exc


def _causes(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _status(response: httpx.Response) -> str:
    try:
        phrase = http.HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = response.reason_phrase
    return f"{response.status_code} {phrase}".strip()


def _page(
    response: httpx.Response, final: str, where: str, hop: str | None, max_bytes: int
) -> Fetched:
    at = _via(hop)
    code = response.status_code
    if not 200 <= code < 300:
        error = SourceNotFound if code in {404, 410} else SourceError
        hint = {
            401: "the page needs a login: save it from your browser and give the file",
            403: "the site refuses ladle: save the page from your browser and give the file",
        }.get(code, "try again later" if code >= 500 else "check the address")
        raise error(f"{at}the server answered {_status(response)}", where=where, hint=hint)
    media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in HTML_TYPES:
        raise SourceError(
            f"{at}not a web page: the server sent {media or 'something without a type'}",
            where=where,
            hint="give the address of an HTML page, or download the file and give its path",
        )
    body = _read(response, where, max_bytes)
    text, encoding = _decode(body, response.charset_encoding)
    if not text.strip():
        raise EmptySource(f"{at}the page is empty", where=where, hint="check the address")
    return Fetched(text, final, media, encoding)


def _too_large(where: str, max_bytes: int) -> SourceTooLarge:
    limit = f"{max_bytes // 1_048_576} MB" if max_bytes % 1_048_576 == 0 else f"{max_bytes} bytes"
    return SourceTooLarge(
        f"the page is over the {limit} limit",
        where=where,
        hint="save the page from your browser and give its file",
    )


def _read(response: httpx.Response, where: str, max_bytes: int) -> bytes:
    """The body, decompressed, refused as soon as either its raw or its real size is too big."""
    length = response.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(where, max_bytes)
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if coding not in {"identity", "", "gzip", "x-gzip", "deflate"}:
        raise SourceError(
            f"the server compressed the page as {coding[:40]!r}, which ladle does not read",
            where=where,
        )
    inflater = None if coding in {"identity", ""} else _Inflater(coding == "deflate")
    body = bytearray()
    received = 0
    for chunk in response.iter_raw():
        received += len(chunk)
        room = max_bytes - len(body)
        data = chunk if inflater is None else inflater.feed(chunk, room, where)
        if received > max_bytes or data is None or len(data) > room:
            raise _too_large(where, max_bytes)
        body += data
    if (inflater is not None and not inflater.complete) or (
        inflater is None and length.isdigit() and received < int(length)
    ):
        raise SourceError(
            "the page was cut short (the server stopped sending it)",
            where=where,
            hint="try again, or save the page from your browser and give the file",
        )
    return bytes(body)


class _Inflater:
    """gzip or deflate, never more than the room left (a small bomb cannot fill memory)."""

    def __init__(self, deflate: bool) -> None:
        self._deflate = deflate
        self._started = False
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | (0 if deflate else 16))

    def feed(self, chunk: bytes, room: int, where: str) -> bytes | None:
        """Up to ``room`` bytes more of the page, or None when there would be more."""
        try:
            try:
                data = self._inflater.decompress(chunk, room + 1)
            except zlib.error:
                if not self._deflate or self._started:
                    raise
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # deflate without header
                data = self._inflater.decompress(chunk, room + 1)
        except zlib.error as exc:
            raise SourceError(
                "the server sent damaged compressed data", where=where, hint="try again later"
            ) from exc
        self._started = True
        return None if self._inflater.unconsumed_tail or len(data) > room else data

    @property
    def complete(self) -> bool:
        """Whether the compressed stream came to its end (a cut-short body does not)."""
        return bool(self._inflater.eof)


def _decode(body: bytes, declared: str | None) -> tuple[str, str]:
    """Text by BOM, declared charset, ``<meta charset>``, else UTF-8 (a byte it cannot read
    replaced); a label that does not fit the bytes (UTF-16 declared over UTF-8, UTF-8 over
    Windows-1252) is passed over; never an error."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(name, "replace"), name
    meta = _META_CHARSET.search(body[:4096])
    labels = [declared, meta.group(1).decode("ascii") if meta else None]
    for number, label in enumerate(labels):
        codec = _codec(label, in_meta=number == 1)
        if codec is None or (codec.startswith(("utf-16", "utf-32")) and b"\x00" not in body[:1024]):
            continue  # a wide charset over bytes with no zero byte: the header is wrong
        try:
            return body.decode(codec), codec  # the label must fit the bytes
        except (LookupError, UnicodeError, ValueError, TypeError):
            continue
    return body.decode("utf-8", "replace"), "utf-8"


def _codec(label: str | None, *, in_meta: bool) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252:
        return "cp1252"  # as browsers do
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):
        return None
    if in_meta and name.startswith("utf-16"):
        return "utf-8"  # a meta tag readable as ASCII cannot be in UTF-16
    return name
