"""The guarded fetcher (directory/content/fetch/) against a real HTTP server.

The server runs in a thread on 127.0.0.1 and records every connection and
every request it receives, so each refusal can be shown to have happened
before anything reached it. Nothing is mocked: the fetcher resolves, connects
and reads for real; the only network is loopback.

TLS is not served locally (create_default_context() would rightly reject a
self-signed certificate, and fetch_page takes no context to trust one), so the
https rules are tested through check_redirect, the function each hop passes.
"""

import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.content.fetch import (
    FetchRefused,
    Page,
    check_addresses,
    check_redirect,
    fetch_page,
    is_public_address,
)

PAGE_HTML = "<!doctype html><title>Shop</title><p>Café ceramics</p>".encode()
LINKS = ('<https://example.com/a>; rel="me"', '<https://example.com/b>; rel="author"')
TRICKLE_BYTES = 12
TRICKLE_PAUSE = 0.25


# --- the local server --------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    """Routes the tests need; every request is recorded before it is answered."""

    def log_message(self, format, *args):
        """Keep the test output quiet."""

    def do_GET(self):
        """Record the request, then answer by path."""
        self.server.record(self.path, self.headers)
        path, _, query = self.path.partition("?")
        route = ROUTES.get(path)
        if route is None and path.startswith("/r/"):
            route = _chain
        (route or _not_found)(self, parse_qs(query))

    def answer(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        """A complete answer with a Content-Length."""
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, status=302):
        """A redirect to `location`."""
        self.answer(status, headers=[("Location", location)])


def _page(handler, _query):
    """An HTML page with two Link headers."""
    handler.answer(200, PAGE_HTML, headers=[("Link", link) for link in LINKS])


def _sized(handler, query):
    """An HTML body of exactly ?n= bytes."""
    handler.answer(200, b"x" * int(query["n"][0]))


def _latin(handler, _query):
    """A page in ISO-8859-1."""
    handler.answer(200, "<p>Café</p>".encode("latin-1"), "text/html; charset=iso-8859-1")


def _xhtml(handler, _query):
    """A page served as XHTML."""
    handler.answer(200, PAGE_HTML, "application/xhtml+xml")


def _chain(handler, _query):
    """/r/N redirects to /r/N-1 (relative); /r/0 is the page."""
    left = int(handler.path.removeprefix("/r/"))
    if left == 0:
        _page(handler, _query)
    else:
        handler.redirect(f"/r/{left - 1}", status=(301, 302, 303, 307, 308)[left % 5])


def _to(handler, query):
    """Redirects to wherever ?to= says (PORT becomes the server's own port)."""
    handler.redirect(query["to"][0].replace("PORT", str(handler.server.server_port)))


def _to_localhost(handler, _query):
    """Redirects to this very server under the name localhost."""
    handler.redirect(f"http://localhost:{handler.server.server_port}/page")


def _json(handler, _query):
    """Not a web page."""
    handler.answer(200, b'{"shop": true}', "application/json")


def _untyped(handler, _query):
    """A body with no Content-Type at all."""
    handler.answer(200, PAGE_HTML, content_type=None)


def _forbidden(handler, _query):
    handler.answer(403, b"<p>Log in</p>")


def _unauthorized(handler, _query):
    handler.answer(401, b"<p>Log in</p>", headers=[("WWW-Authenticate", 'Basic realm="x"')])


def _broken(handler, _query):
    handler.answer(500, b"<p>Oops</p>")


def _not_found(handler, _query):
    handler.answer(404, b"<p>Not here</p>")


def _declared_large(handler, _query):
    """Declares a body far bigger than any test's max_bytes, then sends a little."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "50000000")
    handler.end_headers()
    _write_quietly(handler, [b"<p>" * 100])


def _endless(handler, _query):
    """HTML with no Content-Length that goes on until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    _write_quietly(handler, (b"<p>more</p>" * 1000 for _ in range(5000)))


def _trickle(handler, _query):
    """A page sent one byte at a time, each a little under the per-read timeout apart."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    _write_quietly(handler, _slowly([b"x"] * TRICKLE_BYTES, handler.server))


def _slow_headers(handler, _query):
    """A status line, then headers that trickle in a byte at a time."""
    handler.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Slow: ")
    _write_quietly(handler, _slowly([b"a"] * TRICKLE_BYTES, handler.server))


def _slowly(chunks, server):
    """Yield chunks with a pause before each, stopping early when the server stops."""
    for chunk in chunks:
        if server.stopping.wait(TRICKLE_PAUSE):
            return
        yield chunk


def _write_quietly(handler, chunks):
    """Write and flush each chunk; a client that hung up ends the answer."""
    try:
        for chunk in chunks:
            handler.wfile.write(chunk)
            handler.wfile.flush()
    except OSError:
        handler.close_connection = True


ROUTES = {
    "/page": _page,
    "/sized": _sized,
    "/latin": _latin,
    "/xhtml": _xhtml,
    "/to": _to,
    "/to-localhost": _to_localhost,
    "/json": _json,
    "/untyped": _untyped,
    "/forbidden": _forbidden,
    "/unauthorized": _unauthorized,
    "/broken": _broken,
    "/declared-large": _declared_large,
    "/endless": _endless,
    "/trickle": _trickle,
    "/slow-headers": _slow_headers,
}


class RecordingServer(ThreadingHTTPServer):
    """An HTTP server that remembers every connection and request it got."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections = 0
        self.requests = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()

    def verify_request(self, request, client_address):
        """Count the connection, whatever comes of it."""
        with self._lock:
            self.connections += 1
        return True

    def record(self, path, headers):
        """Remember a request's path and headers."""
        with self._lock:
            self.requests.append((path, headers))

    @property
    def paths(self):
        """The paths requested so far, in order."""
        with self._lock:
            return [path for path, _ in self.requests]

    @property
    def port(self):
        return self.server_port

    def url(self, path, host="127.0.0.1"):
        """A URL on this server."""
        return f"http://{host}:{self.port}{path}"


@pytest.fixture
def server():
    """A fresh recording server for each test, stopped afterwards."""
    httpd = RecordingServer()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    yield httpd
    httpd.stopping.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def local(server, **settings):
    """fetch_page's settings for reaching the local server by its IP."""
    return {"allow_hosts": {"127.0.0.1"}, "ports": {80, 443, server.port}, **settings}


def refused(url, **settings):
    """The FetchRefused that fetch_page raises for `url` (the test fails if it returns)."""
    with pytest.raises(FetchRefused) as caught:
        fetch_page(url, **settings)
    assert caught.value.reason.endswith(".")
    return caught.value


def assert_untouched(server):
    """The local server got no connection and no request."""
    assert server.connections == 0
    assert server.requests == []


# --- fetching from an allowed host -------------------------------------------


def test_a_page_is_fetched(server):
    page = fetch_page(server.url("/page"), **local(server))
    assert page.status == 200
    assert page.url == server.url("/page")
    assert page.body == PAGE_HTML
    assert "Café ceramics" in page.text
    assert page.header("link") == list(LINKS)
    assert page.header("CONTENT-TYPE") == ["text/html; charset=utf-8"]


def test_the_request_carries_exactly_the_documented_headers(server):
    fetch_page(server.url("/page"), **local(server, user_agent="TestAgent/2"))
    ((path, headers),) = server.requests
    assert path == "/page"
    assert headers["Host"] == f"127.0.0.1:{server.port}"
    assert headers["User-Agent"] == "TestAgent/2"
    assert headers["Accept"] == "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
    assert headers["Accept-Encoding"] == "identity"
    assert headers["Connection"] == "close"


def test_the_real_host_name_is_sent_when_a_name_is_allowed(server):
    url = server.url("/page", host="localhost")
    page = fetch_page(url, allow_hosts={"localhost"}, ports={server.port})
    assert page.url == url
    assert server.requests[0][1]["Host"] == f"localhost:{server.port}"


def test_the_query_is_sent_and_odd_characters_are_encoded(server):
    fetch_page(server.url("/sized?n=3&shop=caf\u00e9"), **local(server))
    assert server.paths == ["/sized?n=3&shop=caf%C3%A9"]


def test_xhtml_is_accepted(server):
    assert fetch_page(server.url("/xhtml"), **local(server)).body == PAGE_HTML


def test_text_uses_the_declared_charset(server):
    assert fetch_page(server.url("/latin"), **local(server)).text == "<p>Café</p>"


def test_text_falls_back_to_utf8_with_replacement():
    page = Page("http://x/", 200, [("Content-Type", "text/html")], "é".encode() + b"\xff")
    assert page.text == "é\ufffd"
    bogus = Page("http://x/", 200, [("content-type", "text/html; charset=nope")], b"ok\xff")
    assert bogus.text == "ok\ufffd"


def test_redirects_within_the_site_are_followed(server):
    page = fetch_page(server.url("/r/3"), **local(server))
    assert server.paths == ["/r/3", "/r/2", "/r/1", "/r/0"]
    assert page.url == server.url("/r/0")
    assert page.body == PAGE_HTML


def test_a_fourth_redirect_is_refused(server):
    error = refused(server.url("/r/4"), **local(server))
    assert error.kind == "too-many-redirects"
    assert server.paths == ["/r/4", "/r/3", "/r/2", "/r/1"]


def test_max_redirects_zero_follows_none(server):
    assert refused(server.url("/r/1"), **local(server, max_redirects=0)).kind == (
        "too-many-redirects"
    )
    assert server.paths == ["/r/1"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/json", "not-html"),
        ("/untyped", "not-html"),
        ("/forbidden", "login-wall"),
        ("/unauthorized", "login-wall"),
        ("/broken", "http-error"),
        ("/nowhere", "http-error"),
    ],
)
def test_answers_that_are_not_a_readable_page_are_refused(server, path, kind):
    assert refused(server.url(path), **local(server)).kind == kind
    assert server.paths == [path]


def test_login_wall_and_http_error_explain_themselves(server):
    assert refused(server.url("/forbidden"), **local(server)).reason == (
        "The page asks for a login, so the directory cannot read it."
    )
    assert "500" in refused(server.url("/broken"), **local(server)).reason


def test_a_body_of_exactly_max_bytes_is_read(server):
    page = fetch_page(server.url("/sized?n=5000"), **local(server, max_bytes=5000))
    assert page.body == b"x" * 5000


def test_a_body_one_byte_over_max_bytes_is_refused(server):
    error = refused(server.url("/sized?n=5001"), **local(server, max_bytes=5000))
    assert error.kind == "too-large"


def test_a_declared_length_over_the_cap_is_refused(server):
    assert refused(server.url("/declared-large"), **local(server)).kind == "too-large"


def test_an_endless_body_is_cut_off(server):
    started = time.monotonic()
    assert refused(server.url("/endless"), **local(server, max_bytes=10_000)).kind == "too-large"
    assert time.monotonic() - started < 2


def test_a_trickling_body_is_cut_off_by_the_overall_deadline(server):
    started = time.monotonic()
    error = refused(server.url("/trickle"), **local(server, read_timeout=1.0))
    elapsed = time.monotonic() - started
    assert error.kind == "timeout"
    # Each byte came well inside the per-read timeout; only the deadline stops it.
    assert TRICKLE_PAUSE < 1.0 < TRICKLE_BYTES * TRICKLE_PAUSE
    assert 0.9 < elapsed < 2.0


def test_trickling_headers_are_cut_off_too(server):
    started = time.monotonic()
    assert refused(server.url("/slow-headers"), **local(server, read_timeout=1.0)).kind == (
        "timeout"
    )
    assert time.monotonic() - started < 2.0


def test_a_closed_port_is_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = refused(f"http://127.0.0.1:{port}/", allow_hosts={"127.0.0.1"}, ports={port})
    assert error.kind == "unreachable"


def test_a_name_that_does_not_resolve_is_unreachable():
    assert refused("http://no-such-shop.invalid/").kind == "unreachable"


# --- loopback under every spelling, with nothing allowed ---------------------


LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "2130706433",
    "0177.0.0.1",
    "0x7f000001",
    "127.1",
    "[::ffff:127.0.0.1]",
    "[::]",
    "0.0.0.0",  # noqa: S104 (a URL host under test, nothing binds to it)
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_loopback_is_refused_however_it_is_spelt(server, host):
    error = refused(f"http://{host}:{server.port}/page", ports={server.port})
    assert error.kind == "forbidden-address"
    assert error.reason == (
        "That address points inside a private network, so the directory will not fetch it."
    )
    assert_untouched(server)


def test_an_allowed_name_does_not_allow_other_spellings(server):
    error = refused(f"http://2130706433:{server.port}/page", **local(server))
    assert error.kind == "forbidden-address"
    assert_untouched(server)


# --- the address rule --------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "192.168.1.1",
        "172.16.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "127.0.0.1",
        "0.0.0.0",  # noqa: S104 (an address under test, nothing binds to it)
        "255.255.255.255",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fec0::1",
        "fc00::1",
        "ff02::1",
        "64:ff9b::7f00:1",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
        "2002:a9fe:a9fe::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::7f00:1",
    ],
)
def test_addresses_that_are_not_global_unicast_are_refused(address):
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "2606:4700::1111",
        "::ffff:93.184.216.34",
        "64:ff9b::5db8:d822",
        "2002:5db8:d822::1",
    ],
)
def test_global_unicast_addresses_are_accepted(address):
    assert is_public_address(ipaddress.ip_address(address))


def _info(address, port=443):
    """One entry as socket.getaddrinfo gives it."""
    ip = ipaddress.ip_address(address)
    if ip.version == 4:
        return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
    return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))


def test_one_private_address_among_public_ones_refuses_the_host():
    infos = [_info("93.184.216.34"), _info("10.0.0.1"), _info("2606:4700::1111")]
    with pytest.raises(FetchRefused) as caught:
        check_addresses(infos)
    assert caught.value.kind == "forbidden-address"


def test_an_all_public_answer_gives_its_addresses_in_order():
    infos = [_info("2606:4700::1111"), _info("93.184.216.34"), _info("93.184.216.34", 80)]
    assert check_addresses(infos) == [
        ipaddress.ip_address("2606:4700::1111"),
        ipaddress.ip_address("93.184.216.34"),
    ]


def test_an_empty_answer_is_refused():
    with pytest.raises(FetchRefused):
        check_addresses([])


# --- redirects checked hop by hop --------------------------------------------


def test_a_redirect_to_loopback_under_another_name_is_refused(server):
    error = refused(server.url("/to-localhost"), **local(server))
    assert error.kind == "forbidden-address"
    assert server.paths == ["/to-localhost"]


@pytest.mark.parametrize(
    ("location", "kind"),
    [
        ("http://0x7f000001:PORT/page", "forbidden-address"),
        ("http://10.0.0.1/", "forbidden-address"),
        ("http://169.254.169.254/latest/meta-data/", "forbidden-address"),
        ("http://user:pw@127.0.0.1:PORT/page", "credentials"),
        ("http://127.0.0.1:1/page", "forbidden-port"),
        ("ftp://127.0.0.1/page", "bad-url"),
        ("javascript:alert(1)", "bad-url"),
    ],
)
def test_every_hop_is_checked_like_a_typed_address(server, location, kind):
    url = server.url("/to?to=" + location.replace("&", "%26"))
    assert refused(url, **local(server)).kind == kind
    assert server.paths == [urlsplit(url).path + "?" + urlsplit(url).query]


def test_a_redirect_to_another_site_is_refused(server):
    settings = local(server, allow_hosts={"127.0.0.1", "localhost"})
    error = refused(server.url("/to-localhost"), **settings)
    assert error.kind == "other-site"
    assert "localhost" in error.reason
    assert server.paths == ["/to-localhost"]


def test_a_redirect_to_the_same_site_by_absolute_url_is_followed(server):
    url = server.url("/to?to=http://127.0.0.1:PORT/page")
    page = fetch_page(url, **local(server))
    assert page.url == server.url("/page")
    assert server.paths[-1] == "/page"


def test_https_to_http_is_a_downgrade():
    with pytest.raises(FetchRefused) as caught:
        check_redirect("https://shop.example/a", "http://shop.example/b")
    assert caught.value.kind == "downgrade"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("http://shop.example/a", "https://shop.example/b"),
        ("https://shop.example/a", "https://www.shop.example/b"),
        ("https://www.shop.example/a", "https://SHOP.example/b"),
        ("https://shop.example/a", "https://shop.example:8443/b"),
    ],
)
def test_hops_within_a_site_pass(before, after):
    check_redirect(before, after)


@pytest.mark.parametrize(
    "after",
    ["https://other.example/", "https://cdn.shop.example/", "https://shop.example.evil/"],
)
def test_hops_to_another_host_are_other_sites(after):
    with pytest.raises(FetchRefused) as caught:
        check_redirect("https://shop.example/", after)
    assert caught.value.kind == "other-site"


# --- URLs refused before any connection --------------------------------------


def test_credentials_are_refused(server):
    error = refused(f"http://user:pw@127.0.0.1:{server.port}/page", **local(server))
    assert error.kind == "credentials"
    assert refused(server.url("/page", host="user@127.0.0.1"), **local(server)).kind == (
        "credentials"
    )
    assert_untouched(server)


def test_a_port_outside_the_list_is_refused(server):
    error = refused(server.url("/page"), allow_hosts={"127.0.0.1"})
    assert error.kind == "forbidden-port"
    assert str(server.port) in error.reason
    assert refused("https://example.com:8443/").kind == "forbidden-port"
    assert_untouched(server)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/",
        "http://",
        "http:///page",
        "shop.example",
        "http://shop example/",
        "http://shop.example/\r\nX-Injected: 1",
        "http://shop.example:99999/",
        "http://shop.example:port/",
        "http://[::1/",
        "http://shop..example/",
        "http://" + "a" * 2048 + ".example/",
    ],
)
def test_unusable_urls_are_bad(server, url):
    assert refused(url, **local(server)).kind == "bad-url"
    assert_untouched(server)
