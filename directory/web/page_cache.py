"""The anonymous page cache: a visitor without a session gets a page made
for someone before them, answered in front of Flask (KeptPages, a WSGI
middleware): no routing, view, template or session, and no query but one.

In the spirit of Discourse's anonymous cache:
- Only GET and HEAD, only without a session or remember-me cookie, and only
  the public pages listed in CACHED_ENDPOINTS. Logged-in people always get a
  page made for them.
- The key is the path, the sorted query string, `HX-Request` and
  `Accept-Encoding` (a page is kept compressed, as it was sent).
- A page is kept with the generation numbers it was made under
  (models/generations.py): the site's, or one maker's for that maker's pages.
  Every write that changes a public page bumps them in its own transaction,
  so each worker, on its next request, finds its copy out of date. One
  lookup by primary key per request reads them (database/generations.py).
- A page made while a write landed is not kept (the site's number moved
  between the start of the request and its end).
- Each worker keeps at most PAGE_CACHE_MAX_BYTES of pages, least recently
  used first out, and none older than PAGE_CACHE_SECONDS (0 turns it off).
"""

import time
from collections import OrderedDict
from threading import Lock
from typing import NamedTuple

from flask import current_app, g, request, request_finished
from werkzeug.wrappers import Request, Response

from ..database import generations
from ..models.generations import SITE, maker_scope
from .errors import request_id
from .validators import has_session

CACHED_ENDPOINTS = frozenset({
    "public.home", "public.makers", "public.profile", "public.story", "public.search_page",
    "public.robots", "public.events", "public.place", "feeds.all_stories",
    "feeds.maker_stories", "feeds.craft_stories", "feeds.all_events", "feeds.maker_events",
    "feeds.place_events", "feeds.sitemap", "moderation_log.log",
})
# Headers that belong to one response, never to a copy.
NOT_KEPT = {"set-cookie", "x-request-id", "date", "x-cache", "retry-after"}
ENTRY_OVERHEAD = 1024  # bytes a kept page costs besides its body


class Page(NamedTuple):
    body: bytes
    status: int
    headers: list
    generations: dict
    made_at: float

    @property
    def size(self):
        return len(self.body) + ENTRY_OVERHEAD


class PageStore:
    """Pages by key, bounded in bytes, the least recently used dropped first."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.size = 0
        self.lock = Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        if page.size > self.max_bytes:
            return
        with self.lock:
            old = self.pages.pop(key, None)
            if old is not None:
                self.size -= old.size
            self.pages[key] = page
            self.size += page.size
            while self.size > self.max_bytes:
                _, dropped = self.pages.popitem(last=False)
                self.size -= dropped.size

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size = 0


def depends_on_maker(maker_id):
    """For a view whose page shows one maker's things alone (their profile,
    a story, their feed): keep it until that maker changes, not the site."""
    g.page_scopes = {maker_scope(maker_id)}


def cache_key(incoming):
    """The key of a request (a werkzeug or Flask request)."""
    query = tuple(sorted(incoming.args.items(multi=True)))
    return (incoming.path, query, incoming.headers.get("HX-Request", ""),
            incoming.headers.get("Accept-Encoding", "")[:200])


def kept_response(app, environ):
    """The kept page for this request, if there is one, its generations are
    current, and the request has no session; else None. Runs before Flask
    (KeptPages): a hit costs no routing, no session and no after-request work.
    A page is only ever kept from a request to a CACHED_ENDPOINTS page, so a
    key found here is one of those pages."""
    seconds = app.config["PAGE_CACHE_SECONDS"]
    if seconds <= 0 or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    incoming = Request(environ)
    if has_session(app, incoming.cookies):
        return None
    page = app.extensions["page_cache"].get(cache_key(incoming))
    if page is None or time.monotonic() - page.made_at >= seconds:
        return None
    current = generations.current(page.generations)
    if any(current[scope] != value for scope, value in page.generations.items()):
        return None
    response = Response(page.body, status=page.status, headers=page.headers)
    response.headers["X-Cache"] = "hit"
    response.headers["X-Request-ID"] = request_id(incoming.headers)
    return response.make_conditional(incoming)


class KeptPages:
    """WSGI middleware in front of the app: kept pages are answered here."""

    def __init__(self, app):
        self.app = app
        self.wsgi_app = app.wsgi_app

    def __call__(self, environ, start_response):
        response = kept_response(self.app, environ)
        if response is None:
            return self.wsgi_app(environ, start_response)
        return response(environ, start_response)


def is_cacheable(app):
    return (app.config["PAGE_CACHE_SECONDS"] > 0 and request.method in ("GET", "HEAD")
            and request.endpoint in CACHED_ENDPOINTS and not has_session(app, request.cookies))


def note_generation():
    """Before a cacheable page is made: its key, and the site's generation
    now (a page made while a write lands is not kept)."""
    if is_cacheable(current_app):
        g.page_key = cache_key(request)
        g.page_site_generation = generations.current({SITE})[SITE]


def keep_page(app, response, **extra):
    """After a page was made for an anonymous visitor: keep it, unless it
    says it is private, sets a cookie, or a write landed while it was made."""
    key = g.get("page_key")
    if key is None or response.status_code != 200:
        return
    if (response.is_streamed or "Set-Cookie" in response.headers
            or response.cache_control.private or response.cache_control.no_store):
        return
    scopes = g.get("page_scopes", {SITE})
    current = generations.current({SITE, *scopes})
    if current[SITE] != g.page_site_generation:
        return
    headers = [(name, value) for name, value in response.headers.items()
               if name.lower() not in NOT_KEPT]
    app.extensions["page_cache"].put(key, Page(
        response.get_data(), response.status_code, headers,
        {scope: current[scope] for scope in scopes}, time.monotonic()))


def init_app(app):
    """Serve kept pages before any view runs; keep new ones once sent.
    Register after the database connects and the request gets its id."""
    app.extensions["page_cache"] = PageStore(app.config["PAGE_CACHE_MAX_BYTES"])
    app.before_request(note_generation)
    app.wsgi_app = KeptPages(app)
    request_finished.connect(keep_page, app)
