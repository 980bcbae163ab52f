"""Fetching recipe pages from URLs: the address checks without a network, then a real server.

The server runs in a thread on 127.0.0.1. Every local address is private, so the tests that
should succeed pass ``allow_private=True``, and the tests of a public site redirecting inward
name 127.0.0.1 in ``_public``, the fetcher's test-only list of addresses to treat as public.
Host names other than localhost come from a fake ``socket.getaddrinfo`` (monkeypatched).
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ladle.errors import EmptySource, LadleError, SourceError, SourceNotFound, SourceTooLarge
from ladle.fetch import _decode, address_kind, check_url, fetch_html

RECIPE = """<!doctype html>
<html><head><title>Crème brûlée</title></head>
<body><h1>Crème brûlée</h1><ul><li>500 ml crème fraîche</li><li>6 egg yolks</li></ul>
<p>Bake at 150°C for 40 minutes.</p></body></html>
"""
WINDOWS_1252 = "<html><body><p>Crème brûlée – 300°F</p></body></html>"
CHUNK = b"<p>" + b"x" * 65_533
LOCAL = "127.0.0.1"

# -- the address check, no network ---------------------------------------------------------

FORBIDDEN = {
    "127.0.0.1": "loopback",
    "127.255.255.254": "loopback",
    "10.0.0.1": "private",
    "10.255.255.255": "private",
    "172.16.0.1": "private",
    "172.31.255.255": "private",
    "192.168.1.1": "private",
    "169.254.169.254": "link-local",
    "169.254.0.1": "link-local",
    "100.64.0.1": "carrier-grade NAT",
    "100.127.255.255": "carrier-grade NAT",
    "0.0.0.0": "unspecified",
    "0.1.2.3": "unspecified",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "240.0.0.1": "reserved",
    "255.255.255.255": "reserved",
    "192.0.2.10": "reserved",
    "198.51.100.7": "reserved",
    "203.0.113.200": "reserved",
    "198.18.0.1": "reserved",
    "192.0.0.8": "reserved",
    "::1": "loopback",
    "::": "unspecified",
    "fc00::1": "private",
    "fd12:3456:789a::1": "private",
    "fe80::1": "link-local",
    "fe80::1%eth0": "link-local",
    "fec0::1": "private",
    "ff02::1": "multicast",
    "ff05::1:3": "multicast",
    "::ffff:127.0.0.1": "loopback",
    "::ffff:7f00:1": "loopback",
    "::ffff:10.1.2.3": "private",
    "::ffff:169.254.169.254": "link-local",
    "::ffff:100.64.0.1": "carrier-grade NAT",
    "::127.0.0.1": "reserved",
    "64:ff9b::a00:1": "private",
    "64:ff9b::7f00:1": "loopback",
    "64:ff9b:1::1": "private",
    "2002:7f00:1::1": "loopback",
    "2002:c0a8:101::1": "private",
    "2001:db8::1": "reserved",
    "2001::1": "reserved",
    "100::1": "reserved",
}
PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.167.255.255",
    "169.255.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
]


@pytest.mark.parametrize(("address", "kind"), FORBIDDEN.items())
def test_forbidden_addresses_are_named(address: str, kind: str) -> None:
    assert address_kind(address) == kind


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert address_kind(address) is None


@pytest.mark.parametrize("text", ["", "localhost", "1.2.3", "::g", "300.1.1.1"])
def test_address_kind_refuses_what_is_not_an_address(text: str) -> None:
    with pytest.raises(SourceError, match="not an IP address"):
        address_kind(text)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.1/x", "127.0.0.1, loopback"),
        ("http://2130706433/", "2130706433 is 127.0.0.1, loopback"),
        ("http://0x7f.1/", "0x7f.1 is 127.0.0.1, loopback"),
        ("http://0x7f000001/", "is 127.0.0.1, loopback"),
        ("http://017700000001/", "is 127.0.0.1, loopback"),
        ("http://0177.1/", "is 127.0.0.1, loopback"),
        ("http://127.1/", "127.1 is 127.0.0.1, loopback"),
        ("http://127.0.0.1./", "is 127.0.0.1, loopback"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1, loopback"),
        ("http://[::ffff:7f00:1]/", "::ffff:7f00:1, loopback"),
        ("http://[0:0:0:0:0:ffff:127.0.0.1]/", "loopback"),
        ("http://[::1]:8080/", "::1, loopback"),
        ("http://0/", "0 is 0.0.0.0, unspecified"),
        ("http://0x/", "0x is 0.0.0.0, unspecified"),
        ("http://[::]/", "::, unspecified"),
        ("http://0.0.0.0:8000/", "0.0.0.0, unspecified"),
        ("http://10.0.0.1/admin", "(10.0.0.1)"),
        ("http://0xa.0.0.1/", "is 10.0.0.1)"),
        ("http://192.168.0.1/", "(192.168.0.1)"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254, link-local"),
        ("http://2852039166/", "is 169.254.169.254, link-local"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://[fd00::1]/", "(fd00::1)"),
        ("http://[fe80::1]/", "fe80::1, link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("https://[64:ff9b::a9fe:a9fe]/", "link-local"),
    ],
)
def test_private_addresses_in_urls_are_refused_without_dns(url: str, shown: str) -> None:
    with pytest.raises(SourceError) as caught:
        check_url(url)
    error = caught.value
    assert error.where == url
    assert error.what.startswith("refusing a private address (")
    assert shown in error.what
    assert error.hint is not None and "--allow-private" in error.hint
    assert "--allow-private to read from your own network" in str(error)
    check_url(url, allow_private=True)  # a home server may be asked for


def test_the_message_for_a_private_address() -> None:
    with pytest.raises(SourceError) as caught:
        check_url("http://192.168.1.20/x")
    assert str(caught.value) == (
        "http://192.168.1.20/x: refusing a private address (192.168.1.20) "
        "(give --allow-private to read from your own network)"
    )


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "ftp://example.com/recipe.html",
        "data:text/html,<h1>hi</h1>",
        "javascript:alert(1)",
        "gopher://127.0.0.1:70/_",
        "ws://example.com/",
        "mailto:cook@example.com",
        "jar:http://example.com/x.jar!/",
    ],
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match="only http and https addresses can be read, not"):
        check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["example.com/recipe", "//example.com/recipe", "", "   "])
def test_addresses_without_a_scheme_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match=r"no http:// or https:// in front"):
        check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://user:pass@example.com/",
        "https://user@example.com/",
        "https://:secret@example.com/",
        "http://example.com\\@127.0.0.1/",
        "http://example.com%2f@127.0.0.1/",
    ],
)
def test_credentials_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match="user name or password"):
        check_url(url, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "http:///recipe",
        "http:example.com",
        "http://[::1/",
        "http://example.com:99999/",
        "http://example.com:0/",
        "http://example.com:port/",
        "http://exa mple.com/",
        "http://a..b/",
        "http://%31%32%37.0.0.1/",
        "http://[fe80::1%25eth0]/",
        "http://1.2.3.4.5/",
        "http://256.1/",
        "http://999.1.1.1/",
        "http://0177.0.0.1/",
        "http://08.0.0.1/",
        "http://0xg.1/",
        "http://recipes.123/",
        "http://a\x00b/",
        "http://exa\nmple.com/",
        "http://" + "a" * 9000 + ".com/",
    ],
)
def test_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match="not a valid web address"):
        check_url(url, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/recipes/pork-belly",
        "HTTP://Example.COM:8080/a?b=c#method",
        "https://bücher.de/rezept",
        "http://8.8.8.8/",
        "http://134744072/",
        "https://[2606:4700:4700::1111]/",
        "  https://example.com/  ",
    ],
)
def test_public_urls_pass(url: str) -> None:
    assert check_url(url).startswith(("http://", "https://"))


@given(st.text())
def test_the_url_check_raises_only_ladle_errors(text: str) -> None:
    for allow in (False, True):
        with contextlib.suppress(LadleError):
            check_url(text, allow_private=allow)


@given(
    st.sampled_from(["http://", "https://", "HTTP://", "file://", "http:", "//", ""]),
    st.text(st.characters(codec="ascii"), max_size=12),
    st.sampled_from(["", "@", ":80", ":", "[", "]", "%", ".", "\\", "0x", "::"]),
    st.text(max_size=12),
)
def test_url_shaped_strings_raise_only_ladle_errors(
    scheme: str, host: str, joint: str, rest: str
) -> None:
    with contextlib.suppress(LadleError):
        check_url(scheme + host + joint + rest)


@given(st.text())
def test_the_address_check_raises_only_ladle_errors(text: str) -> None:
    with contextlib.suppress(LadleError):
        assert address_kind(text) in {None, *FORBIDDEN.values()}


@given(st.lists(st.integers(0, 255), min_size=1, max_size=4), st.data())
def test_numeric_hosts_are_read_as_the_c_library_reads_them(
    parts: list[int], data: st.DataObject
) -> None:
    """``inet_aton`` is what ``getaddrinfo`` falls back on: the check must agree with it."""
    head, last = parts[:-1], parts[-1] * data.draw(st.integers(1, 256 ** (5 - len(parts)) - 1))
    last %= 256 ** (5 - len(parts))
    written = [_spell(n, data.draw(st.sampled_from("dox"))) for n in [*head, last]]
    host = ".".join(written)
    expected = ipaddress.IPv4Address(socket.inet_aton(host))
    try:
        check_url(f"http://{host}/")
    except SourceError as error:
        if "not a valid web address" in error.what:
            assert "." in host  # httpx refuses dotted quads with leading zeros: refused is safe
        else:
            shown = (f"{expected}, ", f"({expected})", f" is {expected})")
            assert any(words in error.what for words in shown), error.what
    else:
        assert address_kind(str(expected)) is None


def _spell(number: int, base: str) -> str:
    return {"d": str(number), "o": f"0{number:o}", "x": f"0x{number:x}"}[base]


@given(st.binary(max_size=300), st.one_of(st.none(), st.text(max_size=20)))
def test_decoding_never_fails(body: bytes, charset: str | None) -> None:
    text, codec = _decode(body, charset)
    assert isinstance(text, str) and codec


def test_decoding_follows_bom_header_meta_then_utf8() -> None:
    page = WINDOWS_1252.encode("cp1252")
    assert _decode(page, "windows-1252") == (WINDOWS_1252, "cp1252")
    assert _decode(page, "ISO-8859-1")[0] == WINDOWS_1252  # as browsers read it
    meta = b'<meta charset="windows-1252">' + page
    assert _decode(meta, None)[0].endswith(WINDOWS_1252)
    assert _decode(meta, "no-such-charset")[0].endswith(WINDOWS_1252)
    assert _decode(meta, "rot13")[0].endswith(WINDOWS_1252)  # not a text encoding
    assert _decode(page, None)[1] == "utf-8"
    assert "\ufffd" in _decode(page, None)[0]
    assert _decode(codecs_bom("utf-16-le") + "Crème".encode("utf-16-le"), "latin-1")[0] == "Crème"
    assert _decode(b'<meta charset="utf-16">ok', None) == ('<meta charset="utf-16">ok', "utf-8")


def codecs_bom(codec: str) -> bytes:
    return "\ufeff".encode(codec)


# -- a real server ------------------------------------------------------------------------


@dataclass
class Site:
    """The test server and what it saw."""

    port: int
    stop: threading.Event
    sent: dict[str, int] = field(default_factory=dict)
    headers: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str, host: str = LOCAL) -> str:
        return f"http://{host}:{self.port}{path}"


def _gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * (8 * 1024 * 1024), compresslevel=9, mtime=0)


class Handler(http.server.BaseHTTPRequestHandler):
    site: Site
    bomb = _gzip_bomb()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def reply(
        self, status: int, body: bytes = b"", kind: str | None = "text/html", **extra: str
    ) -> None:
        self.send_response(status)
        if kind is not None:
            self.send_header("Content-Type", kind)
        for name, value in extra.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in extra:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.site.headers.append(dict(self.headers.items()))
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        route, _, arg = parts.path.strip("/").partition("/")
        _route(self, route, arg, query)

    def stream(self, name: str, header: str | None, chunked: bool = False) -> None:
        """Send HTML without end until the client hangs up (or the test ends)."""
        if chunked:
            self.protocol_version = "HTTP/1.1"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if header is not None:
            self.send_header("Content-Length", header)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
        self.end_headers()
        sent = 0
        try:
            while not self.site.stop.is_set() and sent < 1 << 30:
                data = b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK) if chunked else CHUNK
                self.wfile.write(data)
                sent += len(CHUNK)
        finally:
            self.site.sent[name] = sent


def _route(handler: Handler, name: str, arg: str, query: dict[str, str]) -> None:
    site, reply = handler.site, handler.reply
    if name == "recipe":
        reply(200, RECIPE.encode(), "text/html; charset=utf-8")
    elif name == "xhtml":
        reply(200, RECIPE.encode(), "application/xhtml+xml")
    elif name == "echo":
        lines = [f"{key}: {value}" for key, value in handler.headers.items()]
        reply(200, ("<pre>" + "\n".join(lines) + "</pre>").encode(), "text/html")
    elif name == "redirect":
        hops = int(arg)
        if hops == 0:
            reply(200, RECIPE.encode(), "text/html; charset=utf-8")
            return
        status = [301, 302, 303, 307, 308][hops % 5]
        target = f"/redirect/{hops - 1}" if hops % 2 else site.url(f"/redirect/{hops - 1}")
        reply(status, b"", Location=target)
    elif name == "loop":
        reply(302, b"", Location="/loop")
    elif name == "go":
        reply(302, b"", Location=query["to"])
    elif name == "no-location":
        reply(302, b"")
    elif name == "status":
        reply(int(arg), b"<h1>nope</h1>")
    elif name == "type":
        reply(200, b"%PDF-1.7 or \x89PNG\r\n", query.get("is"))
    elif name == "bytes":
        codec = query["codec"]
        body = WINDOWS_1252.encode(codec)
        if "meta" in query:
            body = f'<meta http-equiv="Content-Type" content="text/html; charset={codec}">'.encode()
            body += WINDOWS_1252.encode(codec)
        reply(200, body, query.get("type", "text/html"))
    elif name == "empty":
        reply(200, b" \n ", "text/html")
    elif name == "huge":
        handler.stream(arg, query.get("length"), chunked=arg == "chunked")
    elif name == "encoded":
        data = {
            "gzip": gzip.compress(RECIPE.encode(), mtime=0),
            "deflate": zlib.compress(RECIPE.encode()),
            "raw-deflate": zlib.compress(RECIPE.encode(), wbits=-15),
            "bomb": Handler.bomb,
            "damaged": b"\x1f\x8b\x08\x00garbage" * 20,
            "br": b"\x8b\x03\x80hello\x03",
        }[arg]
        coding = {"bomb": "gzip", "damaged": "gzip", "raw-deflate": "deflate"}.get(arg, arg)
        reply(200, data, "text/html; charset=utf-8", Content_Encoding=coding)
    elif name == "slow":
        site.stop.wait(float(query.get("wait", "3")))
        reply(200, RECIPE.encode())
    elif name == "drip":
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        while not site.stop.wait(0.05):
            handler.wfile.write(b"<")
    else:
        reply(404, b"<h1>Not here</h1>")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins every handler: no thread outlives the tests

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client hung up on purpose; nothing to report


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    stop = threading.Event()
    server = Server((LOCAL, 0), Handler)
    Handler.site = Site(server.server_address[1], stop)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Handler.site
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[list[str]]]:
    """Fake DNS: name -> the answers for each successive question; other names as usual."""
    answers: dict[str, list[list[str]]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host in answers:
            if not answers[host]:
                raise socket.gaierror(socket.EAI_NONAME, "asked twice")
            addresses = answers[host].pop(0)
            if not addresses:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            result = []
            for address in addresses:
                family = socket.AF_INET6 if ":" in address else socket.AF_INET
                end = (address, port, 0, 0) if ":" in address else (address, port)
                result.append((family, socket.SOCK_STREAM, 6, "", end))
            return result
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def refusal(call: Callable[[], object]) -> LadleError:
    with pytest.raises(LadleError) as caught:
        call()
    return caught.value


def test_a_recipe_page_is_fetched(site: Site) -> None:
    page = fetch_html(site.url("/recipe"), allow_private=True)
    assert page.text == RECIPE
    assert page.url == site.url("/recipe")
    assert (page.content_type, page.encoding) == ("text/html", "utf-8")


def test_xhtml_is_a_web_page_too(site: Site) -> None:
    assert fetch_html(site.url("/xhtml"), allow_private=True).content_type == (
        "application/xhtml+xml"
    )


def test_ladle_introduces_itself(site: Site) -> None:
    fetch_html(site.url("/echo"), allow_private=True)
    sent = site.headers[-1]
    assert sent["User-Agent"].startswith("ladle/")
    assert sent["User-Agent"].endswith(" (+recipe importer)")
    assert sent["Accept"].startswith("text/html")
    assert sent["Host"] == f"{LOCAL}:{site.port}"
    assert sent["Accept-Encoding"] == "gzip, deflate"  # no brotli: its bombs are unbounded
    assert "Cookie" not in sent and "Authorization" not in sent


def test_without_allow_private_the_local_server_is_refused(site: Site) -> None:
    for host in (LOCAL, "localhost"):
        url = site.url("/recipe", host)
        error = refusal(partial(fetch_html, url))
        assert isinstance(error, SourceError) and error.where == url
        assert "refusing a private address" in error.what and "loopback" in error.what
        assert error.hint and "--allow-private" in error.hint


@pytest.mark.parametrize("hops", [1, 2, 3, 4, 5])
def test_redirects_are_followed(site: Site, hops: int) -> None:
    page = fetch_html(site.url(f"/redirect/{hops}"), allow_private=True)
    assert page.text == RECIPE
    assert page.url == site.url("/redirect/0")


def test_redirects_public_to_public_are_followed(site: Site) -> None:
    page = fetch_html(site.url("/redirect/3"), _public=frozenset({LOCAL}))
    assert page.url == site.url("/redirect/0")


@pytest.mark.parametrize(("path", "limit"), [("/redirect/6", 5), ("/loop", 5), ("/redirect/2", 1)])
def test_too_many_redirects_are_refused(site: Site, path: str, limit: int) -> None:
    url = site.url(path)
    error = refusal(lambda: fetch_html(url, allow_private=True, max_redirects=limit))
    assert error.what == f"more than {limit} redirects" and error.where == url


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("http://169.254.169.254/latest/meta-data/", "(169.254.169.254, link-local)"),
        ("http://10.0.0.1/", "(10.0.0.1)"),
        ("http://127.0.0.2:{port}/recipe", "(127.0.0.2, loopback)"),
        ("http://0x7f.0.0.2:{port}/recipe", "(0x7f.0.0.2 is 127.0.0.2, loopback)"),
        ("http://[::ffff:127.0.0.1]:{port}/recipe", "(::ffff:127.0.0.1, loopback)"),
    ],
)
def test_a_public_page_redirecting_to_a_private_address_is_refused(
    site: Site, target: str, shown: str
) -> None:
    hop = target.format(port=site.port)
    url = site.url("/go?to=" + quote(hop, safe=""))
    error = refusal(lambda: fetch_html(url, _public=frozenset({LOCAL})))
    assert isinstance(error, SourceError)
    assert error.where == url
    assert error.what.startswith(f"it redirects to {hop}; refusing a private address")
    assert shown in error.what
    assert error.hint and "--allow-private" in error.hint


def test_a_redirect_to_a_name_for_a_private_address_is_refused(
    site: Site, dns: dict[str, list[list[str]]]
) -> None:
    dns["intranet.test"] = [["192.168.1.10"]]
    url = site.url("/go?to=" + quote("http://intranet.test/", safe=""))
    error = refusal(lambda: fetch_html(url, _public=frozenset({LOCAL})))
    assert "refusing a private address (intranet.test is 192.168.1.10)" in error.what


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ftp://example.com/recipe", "only http and https addresses can be read, not ftp:"),
        ("file:///etc/passwd", "not file:"),
        ("http://cook:secret@{host}/recipe", "user name or password"),
        ("http://[::1/", "not a valid web address"),
    ],
)
def test_redirects_to_what_is_not_a_web_page_are_refused(
    site: Site, target: str, message: str
) -> None:
    hop = target.format(host=f"{LOCAL}:{site.port}")
    url = site.url("/go?to=" + quote(hop, safe=""))
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert message in error.what and error.where == url


def test_a_redirect_nowhere_is_refused(site: Site) -> None:
    error = refusal(lambda: fetch_html(site.url("/no-location"), allow_private=True))
    assert "302 Found but said nowhere to go" in error.what


def test_dns_is_asked_once_per_hop_and_the_answer_is_used(
    site: Site, dns: dict[str, list[list[str]]]
) -> None:
    """DNS rebinding: a second question would get no answer; the checked address is dialled."""
    dns["recipes.test"] = [[LOCAL]]
    page = fetch_html(f"http://recipes.test:{site.port}/echo", _public=frozenset({LOCAL}))
    assert f"Host: recipes.test:{site.port}" in page.text
    assert dns["recipes.test"] == []


def test_each_hop_is_resolved_and_pinned(site: Site, dns: dict[str, list[list[str]]]) -> None:
    dns["one.test"] = [[LOCAL]]
    dns["two.test"] = [[LOCAL]]
    hop = f"http://two.test:{site.port}/echo"
    url = f"http://one.test:{site.port}/go?to=" + quote(hop, safe="")
    page = fetch_html(url, _public=frozenset({LOCAL}))
    assert page.url == hop and f"Host: two.test:{site.port}" in page.text
    assert dns == {"one.test": [], "two.test": []}


def test_a_host_with_any_private_answer_is_refused(dns: dict[str, list[list[str]]]) -> None:
    dns["mixed.test"] = [["93.184.216.34", "10.0.0.7"]]
    error = refusal(lambda: fetch_html("http://mixed.test/recipe"))
    assert "refusing a private address (mixed.test is 10.0.0.7)" in error.what


def test_an_unknown_host_is_not_found(dns: dict[str, list[list[str]]]) -> None:
    dns["nowhere.test"] = [[]]
    error = refusal(lambda: fetch_html("https://nowhere.test/recipe"))
    assert isinstance(error, SourceNotFound)
    assert str(error) == (
        "https://nowhere.test/recipe: cannot find the host nowhere.test (check the address)"
    )


def test_a_refused_connection(site: Site) -> None:
    with socket.socket() as probe:
        probe.bind((LOCAL, 0))
        port = probe.getsockname()[1]
    url = f"http://{LOCAL}:{port}/recipe"
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert isinstance(error, SourceError) and error.where == url
    assert error.what == "the server refused the connection"


@pytest.mark.parametrize(
    ("code", "text", "kind"),
    [
        (404, "the server answered 404 Not Found", SourceNotFound),
        (410, "the server answered 410 Gone", SourceNotFound),
        (403, "the server answered 403 Forbidden", SourceError),
        (500, "the server answered 500 Internal Server Error", SourceError),
        (503, "the server answered 503 Service Unavailable", SourceError),
        (418, "the server answered 418 I'm a Teapot", SourceError),
    ],
)
def test_http_errors(site: Site, code: int, text: str, kind: type[LadleError]) -> None:
    url = site.url(f"/status/{code}")
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert type(error) is kind and error.what == text and error.where == url


def test_a_missing_page_says_404(site: Site) -> None:
    url = site.url("/no/such/page")
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert str(error) == f"{url}: the server answered 404 Not Found (check the address)"


def test_an_error_after_a_redirect_names_the_hop(site: Site) -> None:
    hop = site.url("/status/404")
    url = site.url("/go?to=" + quote(hop, safe=""))
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert error.what == f"it redirects to {hop}; the server answered 404 Not Found"


def test_an_empty_page(site: Site) -> None:
    error = refusal(lambda: fetch_html(site.url("/empty"), allow_private=True))
    assert isinstance(error, EmptySource) and error.what == "the page is empty"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        ("application/pdf", "application/pdf"),
        ("image/png", "image/png"),
        ("text/plain; charset=utf-8", "text/plain"),
        ("application/json", "application/json"),
        (None, "something without a type"),
    ],
)
def test_what_is_not_html_is_refused(site: Site, kind: str | None, shown: str) -> None:
    url = site.url("/type" + (f"?is={quote(kind)}" if kind else ""))
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert error.what == f"not a web page: the server sent {shown}"


def test_a_huge_page_with_its_length_is_refused_before_reading(site: Site) -> None:
    url = site.url(f"/huge/announced?length={11 * 1024 * 1024}")
    error = refusal(lambda: fetch_html(url, allow_private=True))
    assert isinstance(error, SourceTooLarge)
    assert str(error) == (
        f"{url}: the page is over the 10 MB limit "
        "(save the page from your browser and give its file)"
    )


@pytest.mark.parametrize("framing", ["close", "chunked"])
def test_a_huge_page_is_cut_off_while_streaming(site: Site, framing: str) -> None:
    """No Content-Length (the end is when the server hangs up), or a chunked body."""
    url = site.url(f"/huge/{framing}")
    started = time.monotonic()
    error = refusal(lambda: fetch_html(url, allow_private=True, max_bytes=1_000_000))
    assert isinstance(error, SourceTooLarge)
    assert error.what == "the page is over the 1000000 bytes limit"
    assert time.monotonic() - started < 5
    while framing not in site.sent and time.monotonic() - started < 5:
        time.sleep(0.01)
    assert site.sent[framing] < 50_000_000  # the server was hung up on, not read to the end


def test_a_content_length_is_all_that_is_read(site: Site) -> None:
    page = fetch_html(site.url("/huge/lying?length=1000"), allow_private=True)
    assert len(page.text) == 1000  # the server sends more; h11 reads what it promised


def test_the_default_cap_is_10_mb(site: Site) -> None:
    error = refusal(lambda: fetch_html(site.url("/huge/endless"), allow_private=True))
    assert isinstance(error, SourceTooLarge) and "over the 10 MB limit" in error.what


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_pages_are_read(site: Site, coding: str) -> None:
    assert fetch_html(site.url(f"/encoded/{coding}"), allow_private=True).text == RECIPE


def test_a_compression_bomb_is_cut_off(site: Site) -> None:
    url = site.url("/encoded/bomb")
    error = refusal(lambda: fetch_html(url, allow_private=True, max_bytes=1_000_000))
    assert isinstance(error, SourceTooLarge)


@pytest.mark.parametrize(
    ("coding", "message"),
    [("damaged", "damaged compressed data"), ("br", "compressed the page as 'br'")],
)
def test_unreadable_compression_is_refused(site: Site, coding: str, message: str) -> None:
    error = refusal(lambda: fetch_html(site.url(f"/encoded/{coding}"), allow_private=True))
    assert message in error.what


@pytest.mark.parametrize(
    ("query", "encoding"),
    [
        ("codec=windows-1252&type=text/html;+charset%3Dwindows-1252", "cp1252"),
        ("codec=cp1252&type=text/html;+charset%3D%22ISO-8859-1%22", "cp1252"),
        ("codec=cp1252&meta=1", "cp1252"),
        ("codec=utf-8&type=text/html;+charset%3Drot13", "utf-8"),
        ("codec=utf-8&type=text/html;+charset%3Dno-such", "utf-8"),
        ("codec=utf-8", "utf-8"),
        ("codec=utf-16", "utf-16"),
    ],
)
def test_pages_are_decoded_by_their_charset(site: Site, query: str, encoding: str) -> None:
    page = fetch_html(site.url(f"/bytes?{query}"), allow_private=True)
    assert page.text.endswith(WINDOWS_1252)
    assert page.encoding == encoding


def test_undeclared_bytes_are_replaced_not_refused(site: Site) -> None:
    page = fetch_html(site.url("/bytes?codec=cp1252"), allow_private=True)
    assert page.encoding == "utf-8" and "\ufffd" in page.text and "300" in page.text


def test_a_server_that_does_not_answer(site: Site) -> None:
    url = site.url("/slow")
    started = time.monotonic()
    error = refusal(lambda: fetch_html(url, allow_private=True, timeout=0.3))
    assert time.monotonic() - started < 2
    assert (
        str(error) == f"{url}: no answer within 0.3 s (the site is slow or down; try again later)"
    )


def test_a_slow_drip_is_cut_off_at_the_deadline(site: Site) -> None:
    url = site.url("/drip")
    started = time.monotonic()
    error = refusal(lambda: fetch_html(url, allow_private=True, timeout=1, deadline=0.5))
    assert time.monotonic() - started < 1.5
    assert error.what == "the page did not arrive within 0.5 s"


def test_the_deadline_covers_redirects(site: Site) -> None:
    hop = site.url("/slow?wait=3")
    url = site.url("/go?to=" + quote(hop, safe=""))
    error = refusal(lambda: fetch_html(url, allow_private=True, timeout=2, deadline=0.4))
    assert error.what == f"it redirects to {hop}; the page did not arrive within 0.4 s"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: cannot make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", "/CN=recipes.test", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_uses_the_host_name_and_checks_the_certificate(
    certificate: tuple[Path, Path], dns: dict[str, list[list[str]]]
) -> None:
    """SNI carries the name although the connection goes to the pinned address."""
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    context.sni_callback = lambda _sock, name, _context: names.append(name)
    with socket.create_server((LOCAL, 0)) as listener:
        port = listener.getsockname()[1]

        def serve() -> None:
            connection, _ = listener.accept()
            with (
                connection,
                contextlib.suppress(OSError),  # the client hangs up: good
                context.wrap_socket(connection, server_side=True) as tls,
            ):
                tls.recv(1)

        thread = threading.Thread(target=serve)
        thread.start()
        dns["recipes.test"] = [[LOCAL]]
        url = f"https://recipes.test:{port}/recipe"
        try:
            error = refusal(lambda: fetch_html(url, _public=frozenset({LOCAL}), timeout=5))
        finally:
            thread.join(timeout=10)
    assert error.what == "the site's certificate cannot be trusted"
    assert names == ["recipes.test"]
