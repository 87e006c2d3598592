"""The anonymous page cache in process: what a hit costs, what is kept and
for whom, scopes, compression and validators. (Freshness under two gunicorn
workers: test_page_cache_live.py.)"""

import gzip
import re
from datetime import date, timedelta

import brotli
import pytest

from directory.database import generations
from directory.extensions import db
from directory.models import Generation, KindWord
from directory.web.page_cache import Page, PageStore
from tests.conftest import hx


@pytest.fixture
def app_config(app_config):
    return {**app_config, "PAGE_CACHE_SECONDS": 60}


@pytest.fixture
def makers(make_maker):
    make_maker("Ada Potter", crafts=["ceramics"], tagline="Porcelain cups")
    make_maker("Bea Weaver", crafts=["weaving"], tagline="Rugs")


PAGES = ["/", "/makers", "/makers/ada-potter", "/search?q=porcelain", "/feeds/stories.atom",
         "/moderation/log", "/sitemap.xml", "/robots.txt"]


@pytest.mark.parametrize("path", PAGES)
def test_a_second_visitor_gets_the_kept_page_for_one_lookup(client, app, makers,
                                                           count_queries, path):
    first = client.get(path)
    assert first.status_code == 200 and "X-Cache" not in first.headers
    with count_queries() as queries:
        second = client.get(path)
    assert second.headers["X-Cache"] == "hit"
    assert second.data == first.data
    assert "Set-Cookie" not in second.headers
    assert second.headers["X-Request-ID"] != first.headers["X-Request-ID"]
    assert len(queries) == 0  # the request's connection was never used
    lookup = generations.LOOKUP.format("?")
    with app.app_context(), db.connection_context():
        plan = [row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {lookup}", ["site"])]
    assert plan == ["SEARCH generation USING INDEX sqlite_autoindex_generation_1 (scope=?)"]


def test_the_key_holds_the_query_htmx_and_encoding(client, makers):
    client.get("/makers?craft=ceramics&place=")
    assert client.get("/makers?place=&craft=ceramics").headers.get("X-Cache") == "hit"
    assert "X-Cache" not in client.get("/makers?craft=weaving").headers
    assert "X-Cache" not in hx(client, "get", "/makers?craft=ceramics").headers
    fragment = hx(client, "get", "/makers?craft=ceramics")
    assert fragment.headers["X-Cache"] == "hit" and b"<html" not in fragment.data
    assert "X-Cache" not in client.get("/makers?craft=ceramics",
                                       headers={"Accept-Encoding": "br"}).headers


def test_compressed_pages_decode_to_the_same_bytes(client, makers):
    plain = client.get("/makers").data
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        for _ in range(2):  # made, then kept
            response = client.get("/makers", headers={"Accept-Encoding": encoding})
            assert response.headers["Content-Encoding"] == encoding
            assert "Accept-Encoding" in response.headers["Vary"]
            assert decode(response.data) == plain


def test_a_repeated_conditional_get_is_a_304_from_the_cache(client, makers):
    first = client.get("/", headers={"Accept-Encoding": "br"})
    assert first.headers["ETag"].endswith(':br"')
    again = client.get("/", headers={"Accept-Encoding": "br",
                                     "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["X-Cache"] == "hit"


def test_a_makers_edit_leaves_other_makers_pages_kept(client, auth, makers):
    for path in ("/makers/ada-potter", "/makers/bea-weaver", "/makers"):
        client.get(path)
    visitor = client.application.test_client()
    auth.login()
    response = client.post("/account", data={
        "display_name": "Ada Potter", "slug": "ada-potter", "tagline": "Moon jars now",
        "about": "", "crafts": ["ceramics"], "place": ""})
    assert response.status_code == 303
    assert visitor.get("/makers/bea-weaver").headers.get("X-Cache") == "hit"
    ada = visitor.get("/makers/ada-potter")
    assert "X-Cache" not in ada.headers and b"Moon jars now" in ada.data
    makers_page = visitor.get("/makers")
    assert "X-Cache" not in makers_page.headers and b"Moon jars now" in makers_page.data


def test_a_logged_in_maker_is_never_served_or_stored(client, auth, makers):
    visitor = client.application.test_client()
    visitor.get("/")
    auth.login()
    for _ in range(2):
        mine = client.get("/")
        assert "X-Cache" not in mine.headers
        assert b"Log out" in mine.data
        assert mine.headers["Cache-Control"] == "private, no-cache"
    kept = visitor.get("/")
    assert kept.headers["X-Cache"] == "hit" and b"Log out" not in kept.data


def test_a_page_made_while_a_write_lands_is_not_kept(app, client, makers):
    @app.after_request
    def a_write_lands(response):
        with db.atomic():
            Generation.changed()
        return response

    client.get("/makers")
    assert "X-Cache" not in client.get("/makers").headers


def test_pages_that_are_not_public_or_not_200_are_not_kept(client, makers):
    for path in ("/login", "/signup", "/no-such-page", "/makers/nobody"):
        client.get(path)
        assert "X-Cache" not in client.get(path).headers, path


def test_vary_cookie_only_where_the_page_depends_on_who_asks(client, makers):
    assert "Cookie" in client.get("/makers").headers["Vary"]
    for path in ("/feeds/stories.atom", "/sitemap.xml", "/robots.txt", "/static/css/site.css"):
        response = client.get(path)
        response.close()  # a static file is sent from an open file
        vary = response.headers.get("Vary", "")
        assert "Cookie" not in vary, (path, vary)


def test_static_text_is_compressed_once_and_decodes_the_same(client):
    href = re.search(r'href="(/static/css/site\.css\?v=\w+)"', client.get("/").text).group(1)
    plain = client.get(href)
    compressed = client.get(href, headers={"Accept-Encoding": "gzip, br"})
    assert compressed.headers["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.data) == plain.data
    assert "immutable" in compressed.headers["Cache-Control"]
    assert compressed.headers["ETag"] != plain.headers["ETag"]
    plain.close()
    compressed.close()


def test_the_store_is_bounded_least_recently_used_first():
    store = PageStore(max_bytes=3 * (1000 + 1024))
    for key in "abc":
        store.put(key, Page(b"x" * 1000, 200, [], {}, 0.0))
    store.get("a")  # used: b is now the oldest
    store.put("d", Page(b"x" * 1000, 200, [], {}, 0.0))
    assert store.get("b") is None
    assert all(store.get(key) is not None for key in "acd")
    assert store.size <= store.max_bytes
    store.put("huge", Page(b"x" * 10_000, 200, [], {}, 0.0))
    assert store.get("huge") is None


def test_pages_older_than_the_limit_are_made_again(app, client, makers):
    client.get("/makers")
    app.config["PAGE_CACHE_SECONDS"] = 0.000001
    assert "X-Cache" not in client.get("/makers").headers


def test_events_and_shared_kind_words_show_at_once(client, auth, makers):
    visitor = client.application.test_client()
    for path in ("/events", "/makers/ada-potter", "/makers/ada-potter/events.ics"):
        visitor.get(path)
        assert visitor.get(path).headers["X-Cache"] == "hit"
    auth.login()
    response = client.post("/account/events", data={
        "title": "Hebden Makers' Fair", "kind": "market", "starts_on": "2099-01-01",
        "start_time": "", "ends_on": "", "end_time": "", "time_zone": "Europe/London",
        "venue": "Town Hall", "town": "Hebden Bridge", "link": "", "note": ""})
    assert response.status_code == 422  # too far ahead: refused, nothing changed
    assert visitor.get("/events").headers.get("X-Cache") == "hit"
    response = client.post("/account/events", data={
        "title": "Hebden Makers' Fair", "kind": "market",
        "starts_on": (date.today() + timedelta(days=10)).isoformat(), "start_time": "",
        "ends_on": "", "end_time": "", "time_zone": "Europe/London", "venue": "Town Hall",
        "town": "Hebden Bridge", "link": "", "note": ""})
    assert response.status_code == 303
    for path in ("/events", "/makers/ada-potter", "/makers/ada-potter/events.ics"):
        page = visitor.get(path)
        assert "X-Cache" not in page.headers and b"Hebden Makers" in page.data, path

    customer = client.application.test_client()  # given a flash message, so a session
    customer.post("/makers/ada-potter/kind-words/new",
                  data={"author": "Jo", "text": "The jug pours beautifully.", "code": ""})
    with client.application.app_context(), db.connection_context():
        word = KindWord.get()
    waiting = visitor.get("/makers/ada-potter")
    assert waiting.headers["X-Cache"] == "hit" and b"The jug pours" not in waiting.data
    client.post(f"/account/kind-words/{word.id}/decide", data={"choice": "share"})
    assert b"The jug pours" in visitor.get("/makers/ada-potter").data


def test_a_first_visit_is_light(client, makers):
    """The home page with its CSS, scripts and icons, compressed, under 60 KB;
    an htmx fragment under 10 KB."""
    accept = {"Accept-Encoding": "gzip, br"}
    page = client.get("/", headers=accept)
    total = len(page.data)
    for asset in set(re.findall(r'(?:href|src)="(/static/[^"]+)"', client.get("/").text)):
        response = client.get(asset.replace("&amp;", "&"), headers=accept)
        assert response.status_code == 200
        total += len(response.data)
        response.close()
    assert total < 60 * 1024, total
    fragment = hx(client, "get", "/search?q=porcelain", headers=accept)
    assert len(fragment.data) < 10 * 1024
