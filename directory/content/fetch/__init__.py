"""The one way the server fetches a URL that a user gave it.

Makers' shop links are checked by fetching them, which turns the server into
something a stranger can point at any address. `fetch_page` is the only door,
and it promises:

* Only http:// and https:// URLs, only on the ports in `ports` (80 and 443 by
  default), never with a user name or password in them.
* The host is resolved here, once, with `socket.getaddrinfo`, and the fetch is
  refused if ANY address it resolves to is not global unicast: loopback,
  private, link-local, site-local, shared (CGNAT, 100.64.0.0/10), multicast,
  reserved or unspecified. IPv4 carried inside IPv6 (IPv4-mapped ::ffff:0:0/96,
  NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by the IPv4 address it carries.
  Odd numeric hosts (2130706433, 0177.0.0.1, 0x7f000001, 127.1) are judged
  after the resolver has turned them into an address, so they get no way round.
* The socket is opened to the exact address that was checked and handed to
  http.client, so a second DNS answer can never swap in another address
  (no DNS rebinding). The real host name goes in Host and in TLS's SNI, and
  https certificates are verified as usual.
* Redirects are followed here, at most `max_redirects`, and each hop is checked
  as if the maker had typed it (scheme, port, credentials, addresses), then
  against the hop before it: https may not fall back to http, and a redirect
  may not leave the site (the same host, ignoring case and a leading "www.").
* Every read waits at most `read_timeout`, and the whole answer (status line,
  headers and body) must arrive within `read_timeout` of sending the request,
  so a server that trickles a byte a second is cut off. At most `max_bytes` of
  body are read, whether or not the server declared a Content-Length.
* Only HTML (text/html, application/xhtml+xml) with a 2xx status is returned.

Every refusal is a `FetchRefused` whose `reason` is one sentence a maker can
read and whose `kind` is a short code for the program.

Hosts in `allow_hosts` (lowercase names or literal IPs) skip the address check
and nothing else; the app passes its FETCH_ALLOW_HOSTS setting (empty unless
configured), and the tests use it to reach a server on 127.0.0.1.

Not covered: `getaddrinfo` has no timeout of its own, so a slow DNS server
can hold a fetch for as long as the system resolver's settings allow.
"""

import http.client
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from .addresses import FORBIDDEN_ADDRESS, check_addresses, is_public_address, resolve
from .connection import CHUNK, _connect, _DeadlineSocket, _PinnedConnection, _secure
from .page import FetchRefused, Page
from .urls import check_redirect, parse_url

__all__ = ["FORBIDDEN_ADDRESS", "FetchRefused", "Page", "check_addresses", "check_redirect",
           "fetch_page", "is_public_address", "parse_url", "resolve"]

DEFAULT_USER_AGENT = "MakersDirectory-LinkCheck/1.0"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})

# --- one request -------------------------------------------------------------


@dataclass(frozen=True)
class _Limits:
    """The settings of one fetch_page call."""

    allow_hosts: frozenset
    ports: frozenset
    user_agent: str
    connect_timeout: float
    read_timeout: float
    max_bytes: int
    finish_by: float  # time.monotonic() by which the whole fetch, every hop, is over

    def left(self, most):
        """Seconds for the next step: at most `most`, never past finish_by."""
        remaining = self.finish_by - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the fetch's time is up")
        return min(most, remaining)


def _open_socket(target, addresses, limits):
    """Connect to one of the checked addresses and, for https, start TLS."""
    sock = _connect(addresses, target.port, limits.left(limits.connect_timeout))
    if target.scheme == "https":
        sock = _secure(sock, target.host, limits.left(limits.connect_timeout))
    return sock


def _send(connection, target, user_agent):
    """Send the GET with exactly the headers the directory uses."""
    connection.putrequest("GET", target.target, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", target.host_header)
    connection.putheader("User-Agent", user_agent)
    connection.putheader("Accept", ACCEPT)
    connection.putheader("Accept-Encoding", "identity")
    connection.putheader("Connection", "close")
    connection.endheaders()


def _judge_status(response):
    """Refuse an answer that is not a usable 2xx HTML page (redirects are handled before)."""
    status = response.status
    if status in (401, 403):
        raise FetchRefused(
            "login-wall", "The page asks for a login, so the directory cannot read it."
        )
    if not 200 <= status < 300:
        raise FetchRefused("http-error", f"The site answered with an error (status {status}).")
    content_type = response.msg.get_content_type()
    if response.getheader("Content-Type") is None or content_type not in HTML_TYPES:
        shown = content_type if response.getheader("Content-Type") else "no content type"
        raise FetchRefused("not-html", f"That address returns {shown} rather than a web page.")


def _too_large():
    """The refusal for a body over max_bytes."""
    return FetchRefused("too-large", "The page is larger than the directory will read.")


def _read_body(response, max_bytes):
    """At most max_bytes of body, refused as soon as the answer is known to be longer."""
    declared = response.getheader("Content-Length", "")
    if declared.strip().isascii() and declared.strip().isdigit() and int(declared) > max_bytes:
        raise _too_large()
    chunks, size = [], 0
    while True:
        chunk = response.read1(min(CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large()


def _exchange(connection, target, limits):
    """Send the request and read the answer: (status, headers, body or None, location)."""
    _send(connection, target, limits.user_agent)
    response = connection.getresponse()
    try:
        headers = response.getheaders()
        if response.status in REDIRECTS:
            return response.status, headers, None, response.getheader("Location")
        _judge_status(response)
        return response.status, headers, _read_body(response, limits.max_bytes), None
    finally:
        response.close()


def _fetch_once(target, addresses, limits):
    """One request to one checked target; network failures become refusals."""
    try:
        sock = _open_socket(target, addresses, limits)
        deadline = time.monotonic() + limits.left(limits.read_timeout)
        wrapped = _DeadlineSocket(sock, limits.read_timeout, deadline)
        try:
            return _exchange(_PinnedConnection(target, wrapped), target, limits)
        finally:
            wrapped.close()
    except TimeoutError:
        raise FetchRefused("timeout", "The site took too long to answer.") from None
    except ssl.SSLCertVerificationError:
        raise FetchRefused(
            "unreachable", "The site's security certificate could not be verified."
        ) from None
    except (OSError, http.client.HTTPException):
        raise FetchRefused(
            "unreachable", "The site could not be reached, or did not answer like a web site."
        ) from None


# --- the door ----------------------------------------------------------------


def _check_url(url, limits):
    """Every check a URL must pass before a connection: return the target and its addresses."""
    target = parse_url(url, limits.ports)
    return target, resolve(target, limits.allow_hosts)


def _next_hop(current, location, limits):
    """The target a redirect points to, checked on its own and then against `current`."""
    if not location:
        raise FetchRefused("http-error", "The site redirects without saying where to.")
    try:
        following_url = urljoin(current.url, location.strip())
    except ValueError:  # an address Python cannot take apart
        raise FetchRefused("http-error", "The site redirects to an address that makes no "
                                         "sense.") from None
    following, addresses = _check_url(following_url, limits)
    check_redirect(current.url, following.url)
    return following, addresses


def fetch_page(
    url,
    *,
    allow_hosts=frozenset(),
    ports=frozenset({80, 443}),
    user_agent=DEFAULT_USER_AGENT,
    connect_timeout=5.0,
    read_timeout=10.0,
    max_bytes=1_000_000,
    max_redirects=3,
) -> Page:
    """Fetch the HTML page at `url` under the rules in this module's docstring.

    Returns a `Page`; raises `FetchRefused` for anything it will not or cannot do.
    """
    # One fetch, redirects and all, takes at most one connect and one read time.
    limits = _Limits(
        frozenset(allow_hosts), frozenset(ports), user_agent,
        connect_timeout, read_timeout, max_bytes,
        time.monotonic() + connect_timeout + read_timeout,
    )
    target, addresses = _check_url(url.strip() if isinstance(url, str) else url, limits)
    for hop in range(max_redirects + 1):
        status, headers, body, location = _fetch_once(target, addresses, limits)
        if body is not None:
            return Page(target.url, status, headers, body)
        if hop == max_redirects:
            break
        target, addresses = _next_hop(target, location, limits)
    raise FetchRefused("too-many-redirects", "The page redirects too many times.")

