"""The URLs the fetcher accepts, and the redirects it follows."""

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .page import FetchRefused

DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 2048
# A host name as sent on the wire, after IDNA: letters, digits, '-', '_', '.'.
_HOST_NAME = re.compile(r"[a-z0-9_.-]+")
# Characters a URL may not carry unencoded: controls, space and DEL.
_URL_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# Everything printable in a request target stays; the rest is %-encoded.
_TARGET_SAFE = "!#$%&'()*+,/:;=?@[]~"

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


