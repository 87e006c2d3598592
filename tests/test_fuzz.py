"""Fuzz tests: hostile input in any form field, query parameter or path segment
never gets a server error (5xx) back.

Every route under test is described by a Route: its path segment, query
parameters and form fields, each with plausible values (that pass validation)
and hostile ones. A test is run once per field: that field gets hostile values
(left out, sent once or sent twice) while the rest of the request stays
plausible, so that the hostile value reaches the code behind validation; a last
run ("*") makes every field hostile at once.

Hostile values (VALUE) are huge strings, empty and whitespace, control
characters and NUL, lone surrogates (sent as the invalid UTF-8 they become on
the wire), bytes that are not UTF-8 (percent-encoded, and unescaped in bodies),
percent escapes such as %00 and %ff written straight into the query string
or body, bidi overrides, zero-width
characters, emoji, HTML and script, SQL fragments, FTS5 syntax, huge and
negative numbers, plus values aimed at one kind of field (URLs, redirect
targets, emails, ids). Query strings, paths and bodies are built byte by byte
and handed to the app as a WSGI server would, so nothing is cleaned up on the
way in.

The app runs with PROPAGATE_EXCEPTIONS off, as in production: an exception in
a view comes back as the real 500 page, and the exception is caught through
Flask's got_request_exception signal so that a failure shows the request and
the traceback. Runs are derandomized, on a fixed database: seeded once per run
(`seeded`), copied for each test and put back after every request, so every
example starts from the same data and CI sees the same examples every time.
"""

import os
import shutil
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote_from_bytes, unquote_to_bytes

import jinja2
import pytest
from flask import got_request_exception
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer

from directory.auth import tokens
from directory.content import search
from directory.content.crafts import CRAFTS
from directory.content.sanitise import render_markdown
from directory.content.text import slugify
from directory.extensions import db
from directory.models import Link, Maker, Photo, Report, Story, utcnow
from directory.safety import decisions, reports
from tests.conftest import PASSWORD, password_hash, running_app
from tests.images import jpeg_bytes

# Each example starts from one seeded SQLite file, copied.
pytestmark = pytest.mark.sqlite_only

SECRET = "test-secret"
BASE_TIME = datetime(2024, 5, 1, 12, 0, 0, 123456)
WORD = "zanzibarite"
VALID_TOKEN = "<a valid token>"  # replaced by a fresh real token when sent


def fuzz(max_examples):
    """Settings for one fuzz test: reproducible, no deadline (requests vary a lot).

    No shrinking: a failure stops the test at once, as fast as a pass, and its
    message shows the exact request and the traceback. (Shrinking a failing
    request took 10-15 s per test, minutes for the file.)
    """
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- hostile values ------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """Bytes written into a query string or body exactly as they are, unescaped."""

    data: bytes


HOSTILE = [
    "", " ", "   ", "\t\n\r\x0b\x0c", "\u00a0\u2003\u3000", "\r\n\r\n",
    # control characters and NUL
    "\x00", "a\x00b", "\x00" * 64, "\x01\x02\x03\x07\x08\x1b[31mred\x1b[0m\x7f", "\x85\x9f",
    # lone surrogates (invalid UTF-8 on the wire)
    "\ud800", "\udfff", "a\udc80b", "\ud83d", "\udbff\udfff\ud800",
    # bidi overrides, zero-width and other invisible characters
    "\u202eevil\u202c", "\u202dx\u202e", "\u2066\u2067\u2068\u2069", "\u200b", "\u200c\u200d",
    "\ufeff", "\u2060\u00ad\u034f\u180e", "Ada\u202e\u200b Potter",
    # emoji and other unusual text
    "😀", "👩🏽‍🎨🧶🏺", "🏳️‍🌈", "Ａｄａ", "ﷺ", "ǅ", "ß", "İ", "e\u0301\u0301\u0301", "𝔄𝔡𝔞",
    "\uffff", "\U0010ffff", "\ufffd",
    # HTML, script, template syntax
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>",
    "javascript:alert(1)", "<a href='javascript:alert(1)'>x</a>", '<div hx-get="/x">',
    "{{ 7*7 }}", "{% raw %}", "${7*7}", "&amp;&lt;&#0;&#x110000;&#xd800;", "<!--", "]]>",
    # SQL
    "' OR 1=1 --", "'; DROP TABLE maker; --", '" OR ""="', "1; SELECT * FROM maker",
    "%", "_", "%_%", "\\", "\\'", "' UNION SELECT password_hash FROM maker --",
    # FTS5 query syntax
    '"', '""', '"a', "*", "a*", "* *", "NEAR(", "NEAR(a b, 2)", "AND OR NOT", "a AND",
    "NOT", "OR", "^a", "title:x", "{title body}:x", "(", ")", "a OR (b", "-a", "+a",
    '"moon" * NEAR("jar"', "a\x00*",
    # numbers
    "0", "-1", "-0", "+1", "1.5", "1e309", "-1e309", "NaN", "inf", "0x10", "01", "1_000",
    "٣", "１", "²", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "9" * 5000,
    # markdown
    "# h1\n\n* a\n* b", "[x](javascript:alert(1))", "![x](http://evil.example/x.png)",
    "```\ncode\n```", "> " * 200 + "deep", "*" * 500, "[" * 300 + "]" * 300,
]
BAD_BYTES = [  # not UTF-8: sent percent-encoded, so they arrive as these bytes
    b"\xff\xfe", b"\xfe\xff", b"\x80", b"a\xffb", b"\xc0\x80", b"\xc3", b"\xed\xa0\x80",
    b"\xed\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xef\xbb\xbf", b"\x00\xff",
]
RAW = [  # written into the query string or body as they are
    Raw(b"%00"), Raw(b"%ff"), Raw(b"%fe%ff"), Raw(b"%"), Raw(b"%2"), Raw(b"%zz"),
    Raw(b"%ed%a0%80"), Raw(b"%c0%80"), Raw(b"%e2%80%ae"), Raw(b"+"), Raw(b"&&"), Raw(b"=="),
    Raw(b"%26"), Raw(b"%3D"), Raw(b";"), Raw(b"#frag"), Raw(b"\x00"), Raw(b"\x7f"),
    Raw(b" "), Raw(b"a%00b"), Raw(b"%0d%0a"), Raw(b"%25%30%30"),
]

# Values aimed at one kind of field.
NASTY_TARGETS = [  # where to go next (?next=, back=)
    "/\nSet-Cookie: a=b", "/a\rb", "/\r\nLocation: https://evil.example", "/%0d%0a", "/\x00",
    "//evil.example", "/\\evil.example", "///evil.example", "/\t/evil.example",
    "https://evil.example/", "javascript:alert(1)", "/\u202e", "/" + "a" * 10_000, "/?a=\n",
]
# Web addresses with odd hosts, in text the way people write them. Many hosts hold
# a character that NFKC turns into a URL delimiter (＃ ／ ？ ＠ ： ℀ ﹖ ...), a
# known trick against URL parsers; others are brackets, NUL, IDNA and sizes.
ODD_HOSTS = [
    "a\uff03b.example", "a\uff0fb.example", "a\uff1fb.example", "a\uff20b.example",
    "a\uff1ab.example", "exa\u2100mple.com", "a\u2101b.example", "a\ufe56b.example",
    "a\ufe5fb.example", "a\ufe6bb.example", "[x", "[::1", "[v1.x]", "[::1]:99999", "\x00",
    "ü.example", "xn--.example", "a" * 300 + ".example", "", ".", "a:b@c:d@e",
]
URL_IN_TEXT = ["{}", "see {} today", "[my cheap rug shop]({})", "<{}>", "**{}**", "({})"]
NASTY_URLS = st.builds(
    lambda context, scheme, host, rest: context.format(scheme + host + rest),
    st.sampled_from(URL_IN_TEXT),
    st.sampled_from(["https://", "http://", "www.", "HTTP://", "//", "mailto:", "javascript:"]),
    st.sampled_from(ODD_HOSTS),
    st.sampled_from(["", "/", "/cheap-rug-shop", "?q=1", "#top", ":80/"]),
)
NASTY_EMAILS = [
    "用户@例子.广告", "ü@ü.de", "a@ß.example", "a@xn--bcher-kva.example", "a" * 65 + "@example.com",
    "a@" + "b" * 64 + ".com", "a@" + "b." * 130 + "com", "\u202ea@example.com",
    "a@exam\u200bple.com", "a@localhost", "a@[IPv6:::1]", "Ａ@example.com", "a@example.com\n",
    "a+\x00@example.com", "a@", "@b.c", "a..b@c.d", '"a b"@c.d', "ADA-POTTER@EXAMPLE.COM",
]
NASTY_NUMBERS = ["0", "-1", "1.5", "9223372036854775808", "9" * 5000, "٣", "1e9", " 2", "2 "]
ODD_IDS = ["0", "-1", "+1", "1.0", "1e3", "01", "0x1", "٣", "１", "²", " 1", "1 ", "1\x00",
           "9223372036854775807", "9223372036854775808", "9" * 5000, "", "abc", "%", "1;2",
           "1/2", str(2**64), str(-(2**63))]


def branch(strategy):
    """The strategy as one branch of an enclosing st.one_of, which would otherwise
    flatten a nested one_of (even a mapped one) into its own branches, and so weigh
    it by their count. A composite strategy shows no branches."""
    return st.composite(lambda draw: draw(strategy))()


ANY_CHAR = st.characters(exclude_categories=())  # controls and lone surrogates too
UNITS = ["a", "a ", "😀", "\x00", "<b>", "' OR 1=1 -- ", "\u202e", "NEAR(", "*", '"',
         "[x](http://[y) ", "\ud800", "https://spam.example ", "word "]
HUGE = st.builds(  # 10,000 to 20,000 characters
    lambda unit, size: (unit * (size // len(unit) + 1))[:size],
    st.one_of(st.sampled_from(UNITS), st.text(ANY_CHAR, min_size=1, max_size=8)),
    st.integers(10_000, 20_000),
)
NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]),
).map(str)
VALUE = branch(st.one_of(
    st.sampled_from(HOSTILE),
    st.text(ANY_CHAR, max_size=40),
    st.lists(st.sampled_from(HOSTILE) | st.text(ANY_CHAR, max_size=6), min_size=2, max_size=4)
    .map("".join),
    HUGE,
    NUMBERS,
    st.sampled_from(BAD_BYTES),
    st.binary(max_size=24),
    st.sampled_from(RAW),
))


@dataclass(frozen=True)
class Field:
    """How to fill one field (or path segment): plausibly, or with hostile values."""

    plausible: st.SearchStrategy
    hostile: st.SearchStrategy


def values(*plausible, nasty=()):
    """A field with these plausible values. Hostile: the nasty values aimed at
    this field (a list or a strategy), alone or after a plausible value, or
    anything in VALUE."""
    hostile = [VALUE]
    if isinstance(nasty, st.SearchStrategy) or nasty:
        nasty = nasty if isinstance(nasty, st.SearchStrategy) else st.sampled_from(nasty)
        hostile.insert(0, branch(nasty))
        if plausible:
            hostile.insert(1, st.builds(lambda a, b: a + " " + b, st.sampled_from(plausible),
                                        nasty))
    return Field(st.sampled_from(plausible) if plausible else VALUE, st.one_of(*hostile))


HTMX = st.sampled_from([
    {}, {"HX-Request": "true"}, {"HX-Request": "true", "HX-History-Restore-Request": "true"},
    {"HX-Request": "\x00"},
])
BODIES = st.sampled_from(["urlencoded", "multipart"])


def started_stamp(age):
    """A form's start time as the server signs it, `age` seconds ago."""
    return URLSafeSerializer(SECRET, salt="form-started").dumps(time.time() - age)


STARTED = Field(  # hostile: too fresh, too old, from the future, forged, anything
    st.builds(started_stamp, st.just(30)),
    st.one_of(st.sampled_from([0, 3 * 24 * 3600, -3600]).map(started_stamp),
              st.sampled_from(["e30.abc", "MTIz.x", "1234567890.0", "null"]), VALUE),
)


# --- requests, byte for byte ------------------------------------------------------------


def as_bytes(value):
    """The bytes of a value on the wire (a lone surrogate becomes invalid UTF-8)."""
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return bytes(value)


def escaped(value):
    """A value percent-encoded for a query string or form body (Raw goes as is)."""
    if isinstance(value, Raw):
        return value.data
    return quote_from_bytes(as_bytes(value), safe="").encode("ascii")


def urlencoded(pairs):
    return b"&".join(escaped(name) + b"=" + escaped(value) for name, value in pairs)


BOUNDARY = "fuzz-7d3c1a9e0b"


def multipart(pairs, files):
    """A multipart/form-data body; names are escaped as browsers do, values are not."""
    def name_of(value):
        return as_bytes(value).replace(b'"', b"%22").replace(b"\r", b"%0D").replace(b"\n", b"%0A")

    parts = [b'Content-Disposition: form-data; name="' + name_of(name) + b'"\r\n\r\n'
             + as_bytes(value) for name, value in pairs]
    parts += [b'Content-Disposition: form-data; name="' + name_of(name) + b'"; filename="'
              + name_of(filename) + b'"\r\nContent-Type: ' + content_type.encode() + b"\r\n\r\n"
              + data for name, filename, data, content_type in files]
    boundary = BOUNDARY.encode()
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    return body + b"--" + boundary + b"--\r\n", f"multipart/form-data; boundary={BOUNDARY}"


def path(template, *segments):
    """A path with each {} replaced by a segment's bytes (Raw escapes decoded)."""
    pieces = template.encode().split(b"{}")
    out = pieces[0]
    for segment, piece in zip(segments, pieces[1:], strict=True):
        raw = unquote_to_bytes(segment.data) if isinstance(segment, Raw) else as_bytes(segment)
        out += raw + piece
    return out


def short(value, limit=200):
    text = repr(value)
    size = len(value.data if isinstance(value, Raw) else value)
    return text if len(text) <= limit else f"{text[:limit]}... ({size:,} long)"


@dataclass
class Sent:
    """One request, kept so that a failure can say exactly what was sent."""

    method: str
    path: bytes
    query: list = field(default_factory=list)
    form: list | None = None
    body: str = "urlencoded"
    files: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)

    def __str__(self):
        lines = [f"{self.method} {short(self.path)}"]
        lines += [f"  query {short(name)} = {short(value)}" for name, value in self.query]
        if self.form is not None:
            lines.append(f"  body ({self.body}):")
            lines += [f"    {short(name)} = {short(value)}" for name, value in self.form]
            lines += [f"    file {short(name)}: {short(filename)}, {len(data)} bytes"
                      for name, filename, data, _ in self.files]
        lines += [f"  header {name}: {short(value)}" for name, value in self.headers.items()]
        return "\n".join(lines)


def assert_no_server_error(response, sent, exceptions=()):
    """Fail with the request and the traceback when the answer is a 5xx."""
    if response.status_code < 500 and not exceptions:
        return
    detail = ""
    if exceptions:
        detail = "\n" + "".join(traceback.format_exception(exceptions[-1])[-8:])
    raise AssertionError(f"{response.status_code} for:\n{sent}{detail}")


class Fuzzer:
    """Sends requests to the app as raw as WSGI allows, and checks the answers.

    After each request the database goes back to the seeded copy, so that every
    example starts from the same data and a failing one fails again when
    Hypothesis replays it (a signup that saved the account, then failed, would
    otherwise find the address taken).
    """

    def __init__(self, database, seed):
        self.database, self.seed = database, seed
        self.exceptions = []

    def record(self, sender, exception, **extra):
        self.exceptions.append(exception)

    def restore(self):
        """Copy the seeded database back (no connection is open between requests)."""
        for leftover in (f"{self.database}-wal", f"{self.database}-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
        shutil.copyfile(self.seed, self.database)

    def send(self, client, sent):
        if sent.form is None:
            data, content_type = None, None
        elif sent.body == "multipart":
            data, content_type = multipart(sent.form, sent.files)
        else:
            data, content_type = urlencoded(sent.form), "application/x-www-form-urlencoded"
        environ = {  # what a WSGI server hands the app: the raw bytes, decoded as latin-1
            "PATH_INFO": sent.path.decode("latin-1"),
            "QUERY_STRING": urlencoded(sent.query).decode("latin-1"),
        }
        self.exceptions.clear()
        try:
            with warnings.catch_warnings():
                # Werkzeug's multipart parser gives up on a part header that is not
                # UTF-8 (the form comes out empty) and drops, unclosed, the files of
                # the parts before it. Not the app's doing, and no 5xx; left alone,
                # the ResourceWarning would fail the test under filterwarnings=error.
                warnings.filterwarnings("ignore", "Unclosed file <tempfile.SpooledTemporaryFile",
                                        ResourceWarning)
                response = client.open(
                    quote_from_bytes(sent.path, safe="/"), method=sent.method, data=data,
                    content_type=content_type, headers=sent.headers, environ_overrides=environ,
                )
        finally:
            self.restore()
        assert_no_server_error(response, sent, self.exceptions)
        return response


EVERYTHING = "*"  # the target that makes every field hostile at once


@dataclass
class Route:
    """The requests one route takes: a path (with at most one {} segment),
    query parameters and form fields (form=None: no body)."""

    method: str
    template: str
    segment: Field | None = None
    query: dict = field(default_factory=dict)
    form: dict | None = None
    files: Field | None = None
    headers: st.SearchStrategy = HTMX

    def targets(self):
        """What can be made hostile: "path", each field by name, and EVERYTHING."""
        names = ["path"] if self.segment else []
        names += [*self.query, *(self.form or {})] + (["files"] if self.files else [])
        return [*names, EVERYTHING]

    def requests(self, target):
        return st.builds(
            Sent, st.just(self.method),
            self._path(target in ("path", EVERYTHING)),
            query=fields(self.query, target),
            form=fields(self.form, target) if self.form is not None else st.none(),
            body=BODIES if self.form is not None else st.just("urlencoded"),
            files=self._files(target in ("files", EVERYTHING)),
            headers=self.headers,
        )

    def _path(self, hostile):
        if self.segment is None:
            return st.just(self.template.encode())
        segments = self.segment.hostile if hostile else self.segment.plausible
        return st.builds(path, st.just(self.template), segments)

    def _files(self, hostile):
        if self.files is None:
            return st.just([])
        return self.files.hostile if hostile else self.files.plausible


@st.composite
def fields(draw, spec, target):
    """(name, value) pairs: plausible values, but hostile ones for the target
    field (or all of them): left out, sent once or sent twice. With every field
    hostile, a stray field with a hostile name may come along too."""
    pairs = []
    for name, how in spec.items():
        if target in (name, EVERYTHING):
            count = draw(st.sampled_from([1, 1, 0, 2]))
            pairs += [(name, draw(how.hostile)) for _ in range(count)]
        else:
            pairs.append((name, draw(how.plausible)))
    if target == EVERYTHING and spec:
        pairs += draw(st.lists(st.tuples(VALUE, VALUE), max_size=1))
    return pairs


# --- a fixed little world, seeded once ---------------------------------------------------


@dataclass
class World:
    """What the seeded database holds (ids are the same in every copy)."""

    ada: int  # a listed maker with links, eleven published stories (1-11) and a draft
    newcomer: int  # new and unconfirmed (the spam rules read all it saves); story 14
    moderator: int
    emails: dict
    sessions: dict = field(default_factory=dict)  # maker id: session cookie, logged in


def add_maker(name, *, new=False, crafts=(), links=(), about="", place="", **fields):
    """A maker (confirmed and a month old unless new=True), in the search index."""
    slug = Maker.unique_slug(slugify(name))
    if not new:
        month_ago = utcnow() - timedelta(days=30)
        fields = {"created_at": month_ago, "email_confirmed_at": month_ago, **fields}
    maker = Maker(display_name=name, email=f"{slug}@example.com", slug=slug, about_md=about,
                  about_html=render_markdown(about), **fields)
    maker.set_place(place)
    maker.password_hash = password_hash(PASSWORD)
    maker.save()
    maker.set_crafts(crafts)
    for position, (kind, url) in enumerate(links, start=1):
        Link.create(maker=maker, kind=kind, url=url, position=position)
    search.index_maker(Maker.get_by_id(maker.id))
    return maker


def add_story(maker, title, body, hours=None):
    """A story; published `hours` after BASE_TIME unless hours is None (a draft)."""
    story = Story(maker=maker.id)
    story.set_text(title=title, body=body, materials="stoneware", process="1. throw\n2. fire",
                   time_taken="a week")
    if hours is not None:
        story.publish()
        story.published_at = BASE_TIME + timedelta(hours=hours)
    story.save()
    search.index_story(story)
    return story


def seed():
    """Makers to page through, stories to search, reports in the queue, rows
    in the moderation log."""
    ada = add_maker("Ada Potter", crafts=["ceramics"], tagline=f"Moon jars in {WORD} glazes",
                    about="**Wood-fired** stoneware", place="Bristol, UK",
                    links=[("website", "https://ada.example"), ("social", "https://ada.social")])
    others = [add_maker(f"Maker {n}", crafts=[list(CRAFTS)[n % 3]], tagline="Small batches",
                        place="Leeds, UK") for n in range(1, 7)]
    newcomer = add_maker("Nell Newcomer", new=True, links=[("website", "https://nell.example")])
    moderator = add_maker("Mo Derator", role="moderator")
    stories = [add_story(ada, f"Moon jar {n}", f"Glazed with {WORD} ash, firing {n}.", hours=n)
               for n in range(11)]  # ids 1-11
    add_story(ada, "Unfinished", "Not yet.")  # 12, a draft
    hidden = add_story(others[0], "Copied bowls", f"Bowls {WORD}.", hours=20)  # 13
    rugs = add_story(newcomer, "Rugs", "Woven from local wool.")  # 14, photos 1 and 2
    for position in (1, 2):
        Photo.create(story=rugs, name=f"rug{position}", alt="A rug", position=position,
                     width=8, height=8)
    for story in stories[:2]:
        reports.report(ada, story, "addr:one", "spam", "Looks copied")
    reports.report(ada, None, "addr:two", "fake")
    for action in ("hide", "restore", "hide"):
        decisions.apply_action(action, hidden.maker, Story.get_by_id(hidden.id), moderator,
                               "Checked it")
    makers = [ada, newcomer, moderator]
    return World(ada=ada.id, newcomer=newcomer.id, moderator=moderator.id,
                 emails={maker.id: maker.email for maker in makers})


def story_cursor(story_id):
    """The keyset cursor of one of Ada's published stories (ids 1-11)."""
    published = BASE_TIME + timedelta(hours=story_id - 1)
    return f"{published.strftime(Story.CURSOR_FORMAT)}-{story_id}"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The seeded database file, made once, and what it holds. Each maker logs in
    once through the real form here (scrypt is slow on purpose); the tests' clients
    reuse the session cookie, which the same SECRET_KEY signs in every app."""
    folder = tmp_path_factory.mktemp("fuzz-seed")
    config = {"TESTING": True, "SECRET_KEY": SECRET, "WTF_CSRF_ENABLED": False,
              "RATELIMIT_ENABLED": False, "DATABASE_URL": f"sqlite:///{folder / 'seed.sqlite3'}",
              "UPLOAD_FOLDER": str(folder / "uploads"), "OUTBOX_FOLDER": str(folder / "outbox")}
    with running_app(config) as app:
        with app.app_context(), db.connection_context():
            world = seed()
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the one file
        for maker_id, email in world.emails.items():
            client = app.test_client()
            response = client.post("/login", data={"email": email, "password": PASSWORD})
            assert response.status_code == 303
            world.sessions[maker_id] = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    return folder / "seed.sqlite3", world


@pytest.fixture
def app_config(app_config, seeded):
    """A copy of the seeded database, in memory-backed /dev/shm where there is one
    (the fuzz tests commit hundreds of times; on a disk each commit waits for it).
    Real 500 pages, not re-raised exceptions; the fill-time check on; short pages
    so that every "more" link is reached."""
    shm = "/dev/shm"  # noqa: S108 (mkdtemp below makes a private folder in it)
    folder = tempfile.mkdtemp(prefix="fuzz-", dir=shm if os.access(shm, os.W_OK) else None)
    shutil.copy(seeded[0], folder)
    yield {**app_config, "SECRET_KEY": SECRET, "PROPAGATE_EXCEPTIONS": False,
           "DATABASE_URL": f"sqlite:///{folder}/{seeded[0].name}",
           "MIN_FILL_SECONDS": 1, "LOG_PER_PAGE": 2, "REVIEWS_PER_PAGE": 2}
    shutil.rmtree(folder, ignore_errors=True)


class SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates, kept for every app of the run: each test has an app of
    its own, and compiling the templates again cost a fifth of a second a test."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


BYTECODE = SharedBytecode()


@pytest.fixture
def app(app):
    app.jinja_env.bytecode_cache = BYTECODE
    return app


@pytest.fixture
def world(seeded):
    return seeded[1]


@pytest.fixture
def fuzzer(app, seeded):
    fuzzer = Fuzzer(app.config["DATABASE_URL"].removeprefix("sqlite:///"), seeded[0])
    got_request_exception.connect(fuzzer.record, app, weak=False)
    yield fuzzer
    got_request_exception.disconnect(fuzzer.record, app)


def logged_in(app, world, maker_id):
    """A client with this maker logged in (the session from `seeded`)."""
    client = app.test_client()
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], world.sessions[maker_id])
    response = client.get("/account")
    assert response.status_code == 200, "the session should be logged in"
    return client


@pytest.fixture
def visitor(app):
    return app.test_client()


@pytest.fixture
def ada_client(app, world):
    return logged_in(app, world, world.ada)


@pytest.fixture
def newcomer_client(app, world):
    return logged_in(app, world, world.newcomer)


@pytest.fixture
def moderator_client(app, world):
    return logged_in(app, world, world.moderator)


# --- public pages -------------------------------------------------------------------

CRAFT = values("", *list(CRAFTS)[:4], nasty=["CERAMICS", "ceramics ", "ceramics\x00"])
PLACE = values("bristol-uk", "leeds-uk", "Bristol, UK", "", nasty=["bristol-uk" * 20, "-"])
SLUG = values("ada-potter", "maker-1", "nell-newcomer", "mo-derator",
              nasty=["Ada-Potter", "ada-potter/", "ada-potter\x00", "..", "admin", "-"])
STORY_ID = values("1", "11", "12", "13", "14", nasty=ODD_IDS)

SEARCH = Route("GET", "/search", query={
    "q": values("moon", "moon jar", WORD, "Moon jars", "zanz", "bristol"),
    "craft": CRAFT, "place": PLACE, "page": values("1", "2", "3", nasty=NASTY_NUMBERS),
})


@pytest.mark.parametrize("target", SEARCH.targets())
@fuzz(10)
@given(data=st.data())
def test_search(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(SEARCH.requests(target)))


MAKERS = Route("GET", "/makers", query={
    "craft": CRAFT, "place": PLACE, "after": values("2", "5", "8", "1", "", nasty=NASTY_NUMBERS),
})


@pytest.mark.parametrize("target", MAKERS.targets())
@fuzz(10)
@given(data=st.data())
def test_makers(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(MAKERS.requests(target)))


PROFILE = Route("GET", "/makers/{}", segment=SLUG, query={"after": values(
    story_cursor(11), story_cursor(3), "", nasty=[
        "20240501120000123456-0", "99999999999999999999-1", "-", "20240230120000000000-3",
        "20240501120000123456-9223372036854775808", "2024-1", "000000000000000000000-1"])})


@pytest.mark.parametrize("target", PROFILE.targets())
@fuzz(12)
@given(data=st.data())
def test_profile_page(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(PROFILE.requests(target)))


STORY = Route("GET", "/stories/{}", segment=STORY_ID, query={"after": values("")})


@pytest.mark.parametrize("target", STORY.targets())
@fuzz(12)
@given(data=st.data())
def test_story_page(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(STORY.requests(target)))


PAGES_WITH_A_SEGMENT = {
    "/makers/{}/feed.atom": SLUG, "/makers/{}/report": SLUG, "/stories/{}/report": STORY_ID,
    "/crafts/{}/feed.atom": values("ceramics", nasty=["CERAMICS", "..", "ceramics.atom"]),
    "/media/{}": values("s1-photo1-display.jpg", nasty=["../seed.sqlite3", "a-display.jpg\x00"]),
    "/reset/{}": values("x"), "/confirm/{}": values("x"),
    "/moderation/stories/{}": STORY_ID, "/account/links/{}/edit": STORY_ID,
}


@pytest.mark.parametrize("template", PAGES_WITH_A_SEGMENT)
@fuzz(6)
@given(data=st.data())
def test_other_pages_with_odd_segments(fuzzer, visitor, template, data):
    route = Route("GET", template, segment=PAGES_WITH_A_SEGMENT[template])
    fuzzer.send(visitor, data.draw(route.requests("path")))


LOG = Route("GET", "/moderation/log", query={
    "before": values("1", "2", "3", "4", "", nasty=NASTY_NUMBERS)})


@pytest.mark.parametrize("target", LOG.targets())
@fuzz(12)
@given(data=st.data())
def test_moderation_log(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(LOG.requests(target)))


QUEUE = Route("GET", "/moderation", query={
    "after": values("1", "2", "3", "", nasty=NASTY_NUMBERS)})


@pytest.mark.parametrize("target", QUEUE.targets())
@fuzz(12)
@given(data=st.data())
def test_moderation_queue(fuzzer, moderator_client, target, data):
    fuzzer.send(moderator_client, data.draw(QUEUE.requests(target)))


NEXT = values("/account/links", "/makers?craft=ceramics", "", nasty=NASTY_TARGETS)
LOGIN_PAGE = Route("GET", "/login", query={"next": NEXT})


@pytest.mark.parametrize("target", LOGIN_PAGE.targets())
@fuzz(12)
@given(data=st.data())
def test_login_page_next_when_logged_in(fuzzer, ada_client, target, data):
    """A maker who is logged in already is sent on to ?next=."""
    fuzzer.send(ada_client, data.draw(LOGIN_PAGE.requests(target)))


# --- signing up, logging in, recovering an account ---------------------------------------

NEW_PASSWORD = values("another long passphrase", PASSWORD,
                      nasty=["password", "short", " " * 12, "\x00" * 12])
SIGNUP = Route("POST", "/signup", form={
    "display_name": values("Bea Weaver", nasty=["Site Admin", "M0derat0r", "\u202e"]),
    "email": Field(  # plausible: an address not taken yet
        st.integers(1, 10**9).map(lambda n: f"bea.weaver+{n}@example.com"),
        values("bea@example.com", nasty=NASTY_EMAILS).hostile),
    "password": NEW_PASSWORD, "website": values(""), "started": STARTED,
})


@pytest.mark.parametrize("target", SIGNUP.targets())
@fuzz(8)
@given(data=st.data())
def test_signup(fuzzer, app, target, data):
    fuzzer.send(app.test_client(), data.draw(SIGNUP.requests(target)))  # a signup logs in


LOGIN = Route("POST", "/login", query={"next": NEXT}, form={
    "email": values("ada-potter@example.com", nasty=["nobody@example.com", *NASTY_EMAILS]),
    "password": values(PASSWORD, nasty=["wrong password", PASSWORD + "\x00"]),
    "remember": values("y", ""),
})


@pytest.mark.parametrize("target", LOGIN.targets())
@fuzz(6)
@given(data=st.data())
def test_login(fuzzer, app, target, data):
    fuzzer.send(app.test_client(), data.draw(LOGIN.requests(target)))  # a login sticks


RESET_REQUEST = Route("POST", "/reset", form={
    "email": values("ada-potter@example.com", "nobody@example.com", nasty=NASTY_EMAILS)})


@pytest.mark.parametrize("target", RESET_REQUEST.targets())
@fuzz(12)
@given(data=st.data())
def test_reset_request(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(RESET_REQUEST.requests(target)))


def junk_tokens(purpose):
    """A valid token, or tokens of the right shape that are not right, or anything."""
    signed = URLSafeSerializer(SECRET, salt=purpose)
    return values(VALID_TOKEN, nasty=[
        "a.b.c", "...", ".", "eyJ.YWJj.ZGVm", signed.dumps([1, "x"]), signed.dumps("x"),
        "WzEsImFiYyJd.ZmF1eA.c2ln", "W10.ZmF1eA.c2ln", ".eJwLyEnMS1XIL8pJUQQAGZ8EPQ.a.b",
        VALID_TOKEN + "x", "x" + VALID_TOKEN,
    ])


def with_token(app, maker_id, purpose, sent):
    """The request with a fresh valid token wherever it has VALID_TOKEN."""
    with app.app_context(), db.connection_context():
        token = tokens.make(Maker.get_by_id(maker_id), purpose)
    sent.path = sent.path.replace(VALID_TOKEN.encode(), token.encode())
    return sent


@st.composite
def same_password_twice(draw, route, target):
    """The route's requests, where confirm repeats the password unless it is the target."""
    sent = draw(route.requests(target))
    if target not in ("confirm", EVERYTHING):
        typed = [value for name, value in sent.form if name == "password"][:1]
        sent.form = [(name, typed[0] if name == "confirm" and typed else value)
                     for name, value in sent.form]
    return sent


RESET = Route("POST", "/reset/{}", segment=junk_tokens(tokens.RESET_PASSWORD),
              form={"password": NEW_PASSWORD, "confirm": values("x")})


@pytest.mark.parametrize("target", RESET.targets())
@fuzz(8)
@given(data=st.data())
def test_reset_password(fuzzer, app, world, target, data):
    sent = data.draw(same_password_twice(RESET, target))
    fuzzer.send(app.test_client(), with_token(app, world.newcomer, tokens.RESET_PASSWORD, sent))


@pytest.mark.parametrize("method", ["GET", "POST"])
@fuzz(12)
@given(data=st.data())
def test_confirm_email(fuzzer, app, world, method, data):
    route = Route(method, "/confirm/{}", segment=junk_tokens(tokens.CONFIRM_EMAIL), form={})
    sent = data.draw(st.one_of(route.requests("path"), route.requests("nothing")))
    fuzzer.send(app.test_client(), with_token(app, world.newcomer, tokens.CONFIRM_EMAIL, sent))


# --- reports ------------------------------------------------------------------------

REPORT_FORM = {
    "reason": values(*Report.REASONS, nasty=["SPAM", "spam ", "", "reason"]),
    "note": values("Looks copied from a shop", ""), "website": values(""), "started": STARTED,
}
REPORT_STORY = Route("POST", "/stories/{}/report", segment=values("11", nasty=ODD_IDS),
                     form=REPORT_FORM)
REPORT_MAKER = Route("POST", "/makers/{}/report", segment=SLUG, form=REPORT_FORM)


@pytest.mark.parametrize("target", REPORT_STORY.targets())
@fuzz(6)
@given(data=st.data())
def test_report_story(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(REPORT_STORY.requests(target)))


@pytest.mark.parametrize("target", REPORT_MAKER.targets())
@fuzz(6)
@given(data=st.data())
def test_report_maker(fuzzer, visitor, target, data):
    fuzzer.send(visitor, data.draw(REPORT_MAKER.requests(target)))


# --- the maker's own pages (as a new account, so the spam rules read everything) --------

WITH_LINKS = values("I weave **rugs** from local wool, see https://nell.example/rugs",
                    "[my rug shop here](https://nell.example/my-rug-shop-here)", "",
                    nasty=NASTY_URLS)
PROFILE_FORM = Route("POST", "/account", form={
    "display_name": values("Nell Newcomer", nasty=["Nell the Moderator", "Makers Directory"]),
    "slug": values("nell-newcomer", "nell", nasty=["ada-potter", "admin", "Nell", "nell--x"]),
    "tagline": values("Rugs from local wool", "", nasty=NASTY_URLS),
    "about": WITH_LINKS,
    "place": values("Hebden Bridge, UK", "", nasty=[",,,", " , ", "a" * 121]),
    "crafts": values(*list(CRAFTS)[:4], nasty=["not-a-craft", ""]),
    "commissions": values("y", "false", ""),
})


@pytest.mark.parametrize("target", PROFILE_FORM.targets())
@fuzz(10)
@given(data=st.data())
def test_profile_form(fuzzer, newcomer_client, target, data):
    fuzzer.send(newcomer_client, data.draw(PROFILE_FORM.requests(target)))


LINK_FORM = {
    "kind": values(*Link.KINDS, nasty=["Website", "", "kind"]),
    "url": values("https://nell.example/shop", "http://[::1]/", "https://shop.example/a-b",
                  nasty=NASTY_URLS),
    "label": values("My shop", "", nasty=NASTY_URLS),
}
ADD_LINK = Route("POST", "/account/links", form=LINK_FORM)
# Editing the newcomer's link (id 3); the edit form's fields are prefixed.
EDIT_LINK = Route("POST", "/account/links/{}", segment=values("3", nasty=["1", *ODD_IDS]),
                  form={f"edit-{name}": how for name, how in LINK_FORM.items()})


@pytest.mark.parametrize("target", ADD_LINK.targets())
@fuzz(10)
@given(data=st.data())
def test_add_link(fuzzer, newcomer_client, target, data):
    fuzzer.send(newcomer_client, data.draw(ADD_LINK.requests(target)))


@pytest.mark.parametrize("target", EDIT_LINK.targets())
@fuzz(8)
@given(data=st.data())
def test_edit_link(fuzzer, newcomer_client, target, data):
    fuzzer.send(newcomer_client, data.draw(EDIT_LINK.requests(target)))


STORY_FORM = {
    "title": values("First rug off the loom", nasty=["", "https://a\uff03b.example"]),
    "body": WITH_LINKS,
    "materials": values("Local wool", "", nasty=NASTY_URLS),
    "techniques": values("1. card\n2. spin\n3. weave", "", nasty=NASTY_URLS),
    "time_taken": values("Three weeks", ""),
    "action": values("publish", nasty=["save", "draft", "unpublish", "preview", "PUBLISH", ""]),
    "photo_alt": values("A striped rug on a loom"),
}
PHOTO = Field(  # only sent in multipart bodies
    st.just([("photo", "rug.jpg", jpeg_bytes(size=(8, 8)), "image/jpeg")]),
    st.tuples(values("rug.jpg", nasty=["", "../../x.jpg", "a\x00.jpg", "\u202egpj.exe"]).hostile,
              st.sampled_from([b"", b"\xff\xd8\xff\xe0 not really", b"GIF89a", b"\x00" * 100]))
    .map(lambda pair: [("photo", pair[0], pair[1], "image/jpeg")]),
)
NEW_STORY = Route("POST", "/account/stories/new", form=STORY_FORM, files=PHOTO)


@pytest.mark.parametrize("target", NEW_STORY.targets())
@fuzz(10)
@given(data=st.data())
def test_new_story(fuzzer, newcomer_client, target, data):
    sent = data.draw(NEW_STORY.requests(target))
    if sent.body != "multipart":
        sent.files = []
    fuzzer.send(newcomer_client, sent)


PREVIEW = Route("POST", "/account/stories/preview", form=STORY_FORM,
                headers=st.just({"HX-Request": "true"}))


@pytest.mark.parametrize("target", PREVIEW.targets())
@fuzz(6)
@given(data=st.data())
def test_story_preview(fuzzer, newcomer_client, target, data):
    fuzzer.send(newcomer_client, data.draw(PREVIEW.requests(target)))


PASSWORD_FORM = Route("POST", "/account/password", form={
    "current": values(PASSWORD, nasty=["not it", PASSWORD.upper()]),
    "password": NEW_PASSWORD, "confirm": values("x"),
})


@pytest.mark.parametrize("target", PASSWORD_FORM.targets())
@fuzz(6)
@given(data=st.data())
def test_change_password(fuzzer, ada_client, target, data):
    fuzzer.send(ada_client, data.draw(same_password_twice(PASSWORD_FORM, target)))


EDIT_STORY = Route("POST", "/account/stories/{}/edit", segment=values("14", nasty=["1", *ODD_IDS]),
                   form=STORY_FORM, files=PHOTO)


@pytest.mark.parametrize("target", EDIT_STORY.targets())
@fuzz(6)
@given(data=st.data())
def test_edit_story(fuzzer, newcomer_client, target, data):
    sent = data.draw(EDIT_STORY.requests(target))
    if sent.body != "multipart":
        sent.files = []
    fuzzer.send(newcomer_client, sent)


PHOTO_ALT = Route("POST", "/account/stories/14/photos/{}", segment=values("1", nasty=ODD_IDS),
                  form={"alt": values("A striped rug on a loom", nasty=["", "a" * 301])})


@pytest.mark.parametrize("target", PHOTO_ALT.targets())
@fuzz(8)
@given(data=st.data())
def test_photo_description(fuzzer, newcomer_client, target, data):
    fuzzer.send(newcomer_client, data.draw(PHOTO_ALT.requests(target)))


IMAGE = st.sampled_from([jpeg_bytes(size=(8, 8)), b"", b"\xff\xd8\xff\xe0 not really",
                         b"GIF89a", b"\x00" * 100, b"<svg onload=alert(1)>"])
FILE_NAME = values("me.jpg", nasty=["", "../../x.jpg", "a\x00.jpg", "\u202egpj.exe"]).hostile
PROFILE_PHOTOS = Route("POST", "/account/photos", form={
    "remove": values("", "avatar", "cover", nasty=["both", "Avatar", "password_hash"]),
}, files=Field(
    st.just([("avatar", "me.jpg", jpeg_bytes(size=(8, 8)), "image/jpeg")]),
    st.lists(st.tuples(st.sampled_from(["avatar", "cover"]), FILE_NAME, IMAGE,
                       st.sampled_from(["image/jpeg", "image/png", "text/html", ""])),
             max_size=3)))


@pytest.mark.parametrize("target", PROFILE_PHOTOS.targets())
@fuzz(8)
@given(data=st.data())
def test_profile_photos(fuzzer, newcomer_client, target, data):
    sent = data.draw(PROFILE_PHOTOS.requests(target))
    sent.body = "multipart"  # the only way files come
    fuzzer.send(newcomer_client, sent)


MOVES = {
    "/account/links/{}/move": values("3", nasty=["1", *ODD_IDS]),
    "/account/stories/14/photos/{}/move": values("1", "2", nasty=ODD_IDS),
}


@pytest.mark.parametrize("template", MOVES)
@pytest.mark.parametrize("target", ["path", "direction", EVERYTHING])
@fuzz(6)
@given(data=st.data())
def test_move_up_or_down(fuzzer, newcomer_client, template, target, data):
    route = Route("POST", template, segment=MOVES[template],
                  form={"direction": values("up", "down", nasty=["UP", "left", "", "-1"])})
    fuzzer.send(newcomer_client, data.draw(route.requests(target)))


DELETE_ACCOUNT = Route("POST", "/account/delete", form={"password": values("not my password")})


@pytest.mark.parametrize("target", DELETE_ACCOUNT.targets())
@fuzz(8)
@given(data=st.data())
def test_delete_account_password(fuzzer, newcomer_client, target, data):
    """Wrong passwords only: the right one would log the client out for good."""
    sent = data.draw(DELETE_ACCOUNT.requests(target))
    sent.form = [(name, value) for name, value in sent.form if value != PASSWORD]
    fuzzer.send(newcomer_client, sent)


# --- moderators' actions ----------------------------------------------------------------

STORY_ACTION = Route("POST", "/moderation/stories/{}/actions",
                     segment=values("1", "2", "11", "13", nasty=ODD_IDS), form={
                         "action": values(*decisions.MODERATOR_ACTIONS,
                                          nasty=["HIDE", "", "delete"]),
                         "reason": values("Copied from another maker's shop", nasty=["ok"]),
                         "back": values("/moderation", "/moderation?after=1", nasty=NASTY_TARGETS),
                     })


@pytest.mark.parametrize("target", STORY_ACTION.targets())
@fuzz(10)
@given(data=st.data())
def test_moderation_story_action(fuzzer, moderator_client, target, data):
    fuzzer.send(moderator_client, data.draw(STORY_ACTION.requests(target)))


MAKER_ACTION = Route("POST", "/moderation/makers/{}/actions",
                     segment=values("1", "8", "9", nasty=ODD_IDS), form=STORY_ACTION.form)


@pytest.mark.parametrize("target", MAKER_ACTION.targets())
@fuzz(6)
@given(data=st.data())
def test_moderation_maker_action(fuzzer, moderator_client, target, data):
    fuzzer.send(moderator_client, data.draw(MAKER_ACTION.requests(target)))


# --- bytes that are not UTF-8, unescaped ------------------------------------------------
# (Only in bodies: in a query string, gunicorn answers 400 itself and the Werkzeug
# dev server escapes them, so the app never sees them there.)

RAW_HIGH_BYTES = [b"\xff", b"\xff\xfe", b"\xc0\x80", b"\xed\xa0\x80", b"a\x80b"]


@pytest.mark.parametrize("route", [b"/login", b"/signup", b"/reset", b"/makers/ada-potter/report"])
@pytest.mark.parametrize("body", ["urlencoded", "multipart"])
def test_raw_non_utf8_bytes_in_a_form_body(fuzzer, visitor, route, body):
    for raw in RAW_HIGH_BYTES:
        form = [(Raw(raw), Raw(raw)), ("email", Raw(raw)), ("reason", Raw(raw))]
        fuzzer.send(visitor, Sent("POST", route, form=form, body=body))


@pytest.mark.parametrize("body", ["urlencoded", "multipart"])
def test_a_form_over_the_size_limit(fuzzer, newcomer_client, body):
    """A field over MAX_FORM_MEMORY_SIZE (1 MiB): refused, never a 5xx."""
    form = [("title", "a" * 1_100_000), ("body", "b"), ("action", "draft")]
    sent = Sent("POST", b"/account/stories/new", form=form, body=body)
    assert fuzzer.send(newcomer_client, sent).status_code in (413, 422)


def test_the_fuzzer_sends_bytes_as_they_are(fuzzer, visitor):
    """The request really carries invalid UTF-8, raw escapes and repeated fields."""
    sent = Sent("GET", b"/search", query=[("q", "\ud800"), ("q", b"\xff"), ("page", Raw(b"%00"))])
    assert urlencoded(sent.query) == b"q=%ED%A0%80&q=%FF&page=%00"
    assert fuzzer.send(visitor, sent).status_code == 200
    body, _ = multipart([("a", b"\xff\x00")], [])
    assert b"\r\n\r\n\xff\x00\r\n" in body
    assert path("/makers/{}", "\u202e") == b"/makers/\xe2\x80\xae"


def test_every_route_has_every_field_targeted():
    """Each field is a target of its own, and EVERYTHING comes last."""
    assert PROFILE_FORM.targets() == [*PROFILE_FORM.form, EVERYTHING]
    assert STORY_ACTION.targets() == ["path", "action", "reason", "back", EVERYTHING]
    assert LOGIN.targets() == ["next", "email", "password", "remember", EVERYTHING]
