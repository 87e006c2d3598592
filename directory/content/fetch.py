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
import io
import ipaddress
import re
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit

DEFAULT_USER_AGENT = "MakersDirectory-LinkCheck/1.0"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 2048
CHUNK = 16384

# IPv6 ranges whose last 32 bits are an IPv4 address that decides where the
# packets really go. (6to4 keeps its IPv4 in bits 16-48; see _embedded_ipv4.)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIXTOFOUR = ipaddress.IPv6Network("2002::/16")
# A host name as sent on the wire, after IDNA: letters, digits, '-', '_', '.'.
_HOST_NAME = re.compile(r"[a-z0-9_.-]+")
# Characters a URL may not carry unencoded: controls, space and DEL.
_URL_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# Everything printable in a request target stays; the rest is %-encoded.
_TARGET_SAFE = "!#$%&'()*+,/:;=?@[]~"

FORBIDDEN_ADDRESS = (
    "That address points inside a private network, so the directory will not fetch it."
)


class FetchRefused(Exception):
    """The page could not be fetched.

    `reason` is one sentence for the maker, `kind` a short code for the program.
    """

    def __init__(self, kind, reason):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason

    def __repr__(self):
        return f"FetchRefused({self.kind!r}, {self.reason!r})"


@dataclass(frozen=True)
class Page:
    """A fetched HTML page."""

    url: str  # the final URL after redirects
    status: int
    headers: list  # [(name, value)] as received, repeated headers kept
    body: bytes

    def header(self, name) -> list[str]:
        """All values of the header `name`, matched case-insensitively, in order."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @property
    def text(self) -> str:
        """The body decoded with the charset from Content-Type, else UTF-8 (errors replaced)."""
        message = Message()
        for value in self.header("content-type")[:1]:
            message["Content-Type"] = value
        charset = message.get_content_charset() or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


# --- addresses ---------------------------------------------------------------


def _embedded_ipv4(ip):
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), else None."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _SIXTOFOUR:
        return ip.sixtofour
    return None


def is_public_address(ip):
    """True only for a global unicast address (IPv4 inside IPv6 judged as IPv4).

    `is_global` alone is not enough on Python 3.11: it calls multicast and
    site-local addresses global, and it does not look inside NAT64 or 6to4.
    """
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return is_public_address(embedded)
    if not ip.is_global:
        return False
    special = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return not (special or (ip.version == 6 and ip.is_site_local))


def _address_of(info):
    """The address of one getaddrinfo entry, without any IPv6 zone (%eth0)."""
    text = str(info[4][0]).partition("%")[0]
    return ipaddress.ip_address(text)


def check_addresses(infos):
    """Judge every address in a getaddrinfo answer; return them, or refuse if any is not public.

    One bad address is enough to refuse, since the answer could be ordered
    differently next time.
    """
    addresses = _addresses(infos)
    if not addresses or not all(is_public_address(ip) for ip in addresses):
        raise FetchRefused("forbidden-address", FORBIDDEN_ADDRESS)
    return addresses


def _addresses(infos):
    """The distinct addresses of a getaddrinfo answer, in the resolver's order."""
    addresses = []
    for info in infos:
        ip = _address_of(info)
        if ip not in addresses:
            addresses.append(ip)
    return addresses


# --- URLs --------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    """A URL that passed the checks that need no network."""

    url: str
    scheme: str
    host: str  # lowercase, IDNA-encoded, no brackets
    port: int
    target: str  # path and query, as sent in the request line

    @property
    def host_header(self):
        """The Host header: the real name, the port only when it is not the scheme's."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == DEFAULT_PORTS[self.scheme]:
            return host
        return f"{host}:{self.port}"


def _bad_url(reason="That does not look like a web address starting with http:// or https://."):
    """The refusal for a URL that cannot be used at all."""
    return FetchRefused("bad-url", reason)


def _split(url):
    """urlsplit, with its ValueError (bad port, bad brackets) turned into a refusal."""
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH or _URL_CONTROL.search(url):
        raise _bad_url()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _bad_url("That web address has a port or host that cannot be understood.") from None
    return parts, port


def _wire_host(hostname):
    """The host as it goes on the wire: a literal IP as is, a name IDNA-encoded."""
    try:
        return str(ipaddress.ip_address(hostname))
    except ValueError:
        pass
    try:
        ascii_host = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _bad_url("That web address has a site name that could not be understood.") from None
    if not _HOST_NAME.fullmatch(ascii_host):
        raise _bad_url("That web address has a site name that could not be understood.")
    return ascii_host


def _request_target(parts):
    """Path and query for the request line, with anything unusual %-encoded."""
    target = parts.path or "/"
    if parts.query:
        target = f"{target}?{parts.query}"
    return quote(target, safe=_TARGET_SAFE)


def parse_url(url, ports):
    """Check what can be checked without the network: scheme, credentials, host, port."""
    parts, port = _split(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise _bad_url()
    if "@" in parts.netloc:
        raise FetchRefused(
            "credentials",
            "That address contains a user name or password; please give the page's plain address.",
        )
    port = DEFAULT_PORTS[parts.scheme] if port is None else port
    if port not in ports:
        raise FetchRefused(
            "forbidden-port",
            f"That address uses port {port}, and the directory only fetches pages "
            "on the usual web ports.",
        )
    host = _wire_host(parts.hostname)
    return _Target(url, parts.scheme, host, port, _request_target(parts))


def _site(host):
    """A host as a site: lowercase, without a leading 'www.' or a trailing dot."""
    return host.lower().rstrip(".").removeprefix("www.")


def check_redirect(previous, following):
    """Refuse a hop that falls back from https to http or that leaves the site.

    Takes the two URLs; both must already have passed `parse_url`.
    """
    before, after = urlsplit(previous), urlsplit(following)
    if before.scheme == "https" and after.scheme == "http":
        raise FetchRefused(
            "downgrade",
            "The secure (https) page redirects to an insecure (http) address, "
            "so the directory will not follow it.",
        )
    if _site(before.hostname or "") != _site(after.hostname or ""):
        raise FetchRefused(
            "other-site",
            f"The page redirects to another site ({after.hostname}), "
            "so the directory cannot check it.",
        )


# --- resolving and connecting ------------------------------------------------


def _normal_host(host):
    """A host for comparing with allow_hosts: lowercase, a literal IP in one spelling."""
    host = host.strip().lower().strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def resolve(target, allow_hosts):
    """The addresses to connect to; checked unless the host is in allow_hosts."""
    try:
        infos = socket.getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (OSError, UnicodeError):
        raise FetchRefused(
            "unreachable", "The site's name could not be found; please check the address."
        ) from None
    if target.host in {_normal_host(host) for host in allow_hosts}:
        return _addresses(infos)
    return check_addresses(infos)


def _connect(addresses, port, timeout):
    """A socket connected to the first address that answers, all within `timeout`."""
    deadline = time.monotonic() + timeout
    for ip in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            return socket.create_connection((str(ip), port), timeout=remaining)
        except OSError:
            continue
    if time.monotonic() >= deadline:
        raise TimeoutError("connect")
    raise ConnectionError("no address answered")


def _secure(sock, host, timeout):
    """Wrap a connected socket in verified TLS for `host` (the socket is closed on failure)."""
    sock.settimeout(timeout)
    try:
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise


class _DeadlineReader(io.RawIOBase):
    """The raw stream under http.client's buffered reader; every read goes to the owner."""

    def __init__(self, owner):
        super().__init__()
        self._owner = owner

    def readable(self):
        """This is a reader."""
        return True

    def readinto(self, buffer):
        """One bounded recv into `buffer`."""
        return self._owner.recv_into(buffer)

    def close(self):
        """Let the owner close the socket once http.client is done with both."""
        if not self.closed:
            self._owner.reader_closed()
        super().close()


class _DeadlineSocket:
    """What http.client sees as its socket: every send and recv is bounded by the
    per-read timeout and by the deadline for the whole answer.

    Like a real socket with a file made from it, the real socket is closed only
    when both the connection and the response are closed: http.client closes
    the connection before handing over a response that ends at the close.
    """

    def __init__(self, sock, read_timeout, deadline):
        self._sock = sock
        self._read_timeout = read_timeout
        self._deadline = deadline
        self._readers = 0
        self._closed = False

    def _arm(self):
        """Set the timeout for the next operation, or raise if the deadline has passed."""
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the deadline for the answer has passed")
        self._sock.settimeout(min(self._read_timeout, remaining))

    def sendall(self, data):
        """Send (part of) the request."""
        self._arm()
        self._sock.sendall(data)

    def recv_into(self, buffer):
        """One recv, never waiting past the per-read timeout or the deadline."""
        self._arm()
        return self._sock.recv_into(buffer)

    def makefile(self, mode="rb", **_kwargs):
        """The buffered reader http.client parses the answer from."""
        if mode != "rb":
            raise ValueError(f"only 'rb' is supported, not {mode!r}")
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self), CHUNK)

    def reader_closed(self):
        """A file from makefile was closed."""
        self._readers -= 1
        self._close_if_done()

    def close(self):
        """The connection is done with the socket."""
        self._closed = True
        self._close_if_done()

    def _close_if_done(self):
        """Close the real socket once nobody can read from it any more."""
        if self._closed and self._readers <= 0:
            self._sock.close()


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection over a socket opened here, to an address checked here."""

    def __init__(self, target, sock):
        super().__init__(target.host, target.port)
        self._pinned = sock

    def connect(self):
        """Use the socket we were given; never look the host up again."""
        if self._pinned is None:
            raise http.client.NotConnected("the pinned socket is used up")
        self.sock, self._pinned = self._pinned, None

    def close(self):
        """Close the connection, and the socket if it was never used."""
        super().close()
        if self._pinned is not None:
            self._pinned.close()
            self._pinned = None


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


def _open_socket(target, addresses, limits):
    """Connect to one of the checked addresses and, for https, start TLS."""
    sock = _connect(addresses, target.port, limits.connect_timeout)
    if target.scheme == "https":
        sock = _secure(sock, target.host, limits.connect_timeout)
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
    if declared.strip().isdigit() and int(declared) > max_bytes:
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
        deadline = time.monotonic() + limits.read_timeout
        connection = _PinnedConnection(target, _DeadlineSocket(sock, limits.read_timeout, deadline))
        try:
            return _exchange(connection, target, limits)
        finally:
            connection.close()
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
    following, addresses = _check_url(urljoin(current.url, location.strip()), limits)
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
    limits = _Limits(
        frozenset(allow_hosts), frozenset(ports), user_agent,
        connect_timeout, read_timeout, max_bytes,
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
