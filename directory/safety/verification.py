"""Proving that a link really is the maker's.

Either the page at the link's address links back to the maker's profile with
`rel="me"` (on an `<a>` or a `<link>`, or in an HTTP `Link:` header), the
convention of IndieWeb and Mastodon; or it shows the link's code, for places
where a maker can write text but not links. The page is fetched only through
the guarded fetcher (directory/content/fetch/).

A code is `XXXXX-XXXXX`, ten Crockford base32 characters (50 bits), derived
from the maker, the link, its address and a random salt with the site's
secret key: the database holds the salt, never the code; a new salt, or a
new address, makes a new code. A code found in the page's own address (a
search page that repeats what it was asked) proves nothing.
A code is read leniently: case, hyphens and spaces do not matter; I and L
read as 1, O as 0.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from flask import current_app

from ..content.fetch import FetchRefused, fetch_page

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PREFIX = "makers-dir:"
CODE_LENGTH = 10
LENIENT = str.maketrans({"I": "1", "L": "1", "O": "0"})
CODE_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{5}[-\s]?[0-9A-Za-z]{5}(?![0-9A-Za-z])")
LINK_HEADER = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")
REL_PARAMETER = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,]+))""", re.IGNORECASE)
LITTLE_TEXT = 200  # characters of visible text under which a page with scripts is "built by JS"

NOT_FOUND = ("Neither a rel=\"me\" link back to your profile nor this link's code was found "
             "on the page.")
BUILT_BY_SCRIPT = ("The page is built by JavaScript, which the directory cannot read. Put the "
                   "code in text the page shows without JavaScript, such as a bio or an "
                   "announcement.")


def link_code(link):
    """The link's code, as the maker copies it: "XXXXX-XXXXX"."""
    secret = current_app.config["SECRET_KEY"].encode()
    message = f"link-code:{link.maker_id}:{link.id}:{link.url}:{link.code_salt}".encode()
    number = int.from_bytes(hmac.new(secret, message, hashlib.sha256).digest()[:8]) >> 14
    characters = "".join(CROCKFORD[(number >> (5 * n)) & 31] for n in range(CODE_LENGTH))
    return f"{characters[:5]}-{characters[5:]}"


def normalise_code(text):
    """A code as typed or found, read leniently: "k7qx-m2pdi" and "K7QXM2PD1" match."""
    return re.sub(r"[-\s]", "", text or "").upper().translate(LENIENT)


class PageReader(HTMLParser):
    """The rel="me" targets, the visible text and whether the page runs scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets, self.text, self.scripts = [], [], 0
        self._hidden = 0  # inside <script>, <style> or <template>

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("a", "link") and "me" in (attributes.get("rel") or "").lower().split():
            self.targets.append(attributes.get("href") or "")
        if tag in ("script", "style", "template"):
            self._hidden += 1
            self.scripts += tag == "script"

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def header_targets(values):
    """The addresses of `Link:` header values whose rel includes "me"."""
    targets = []
    for value in values:
        for target, parameters in LINK_HEADER.findall(value):
            rel = REL_PARAMETER.search(parameters)
            words = next((group for group in rel.groups() if group), "") if rel else ""
            if "me" in words.lower().split():
                targets.append(target)
    return targets


def same_page(one, other):
    """Two addresses of one page: the scheme, the host's case, a default port
    and a trailing slash do not matter."""
    def key(url):
        parts = urlsplit(url.strip())
        port = parts.port if parts.port not in (None, 80, 443) else None
        return ((parts.hostname or "").lower(), port, parts.path.rstrip("/"), parts.query)

    try:
        return key(one) == key(other)
    except ValueError:  # an address Python cannot take apart proves nothing
        return False


@dataclass(frozen=True)
class Outcome:
    """What one check found: proven (and how), or the reason it was not."""

    proven: bool
    method: str = ""  # "rel-me" or "code"
    reason: str = ""


def absolute(base, href):
    """href made absolute against base, or None when Python cannot take it apart."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def read(page):
    """The page read: its rel="me" targets (absolute), its text, its scripts."""
    reader = PageReader()
    try:
        reader.feed(page.text)
        reader.close()
    except (AssertionError, ValueError):  # markup Python's parser gives up on
        pass
    hrefs = reader.targets + header_targets(page.header("Link"))
    targets = [url for url in (absolute(page.url, href) for href in hrefs) if url]
    return targets, " ".join(reader.text), reader.scripts


def decoded(url):
    """A URL with its %-escapes undone, however many times they were applied."""
    for _ in range(5):
        url, before = unquote(url), url
        if url == before:
            break
    return url


def shows_code(text, code, addresses):
    """True when the page's text shows the code, and none of its addresses does
    (a page that repeats its query would otherwise show any code it is asked)."""
    wanted = normalise_code(code)
    if any(wanted in normalise_code(decoded(address)) for address in addresses):
        return False
    return any(normalise_code(found) == wanted for found in CODE_CANDIDATE.findall(text))


def examine(page, profile_url, code, asked_url=""):
    """The outcome of a fetched page (asked for at `asked_url`): a rel="me" link
    back, else the code."""
    targets, text, scripts = read(page)
    if any(same_page(target, profile_url) for target in targets):
        return Outcome(True, "rel-me")
    if shows_code(text, code, (page.url, asked_url)):
        return Outcome(True, "code")
    visible = len("".join(text.split()))
    if scripts and visible < LITTLE_TEXT:
        return Outcome(False, reason=BUILT_BY_SCRIPT)
    if targets:
        return Outcome(False, reason=f"The page's rel=\"me\" link goes to {targets[0][:120]}, "
                                     f"not to your profile ({profile_url}), and this link's "
                                     "code is not on the page.")
    return Outcome(False, reason=NOT_FOUND)


def check(link, profile_url):
    """Fetch the link's page and look for its proof."""
    config = current_app.config
    try:
        page = fetch_page(link.url, allow_hosts=frozenset(config["FETCH_ALLOW_HOSTS"]),
                          ports=frozenset(config["FETCH_PORTS"]),
                          user_agent=config["FETCH_USER_AGENT"])
    except FetchRefused as refused:
        return Outcome(False, reason=refused.reason)
    return examine(page, profile_url, link_code(link), link.url)
