"""Pages and feeds answer a repeated request with 304 and no body, say who
may keep a copy, and never let a copy outlive a change."""

import pytest

from tests.conftest import hx
from tests.test_stories import make_story

PAGES = ["/", "/makers", "/makers/ada-potter", "/search?q=jar", "/feeds/stories.atom",
         "/sitemap.xml", "/robots.txt", "/moderation/log"]


@pytest.fixture
def ada(app, make_maker):
    maker = make_maker("Ada Potter", crafts=["ceramics"], tagline="Moon jars")
    make_story(app, maker, title="A moon jar")
    return maker


@pytest.mark.parametrize("path", PAGES)
def test_a_repeated_request_gets_304_without_a_body(client, ada, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag


def test_the_fragment_and_the_page_have_their_own_tags(client, ada):
    page = client.get("/makers")
    fragment = hx(client, "get", "/makers")
    assert page.headers["ETag"] != fragment.headers["ETag"]
    assert "HX-Request" in fragment.headers["Vary"]
    stale = hx(client, "get", "/makers", headers={"If-None-Match": page.headers["ETag"]})
    assert stale.status_code == 200


def test_a_change_shows_at_once(client, app, ada):
    etag = client.get("/").headers["ETag"]
    make_story(app, ada, title="A second moon jar")
    response = client.get("/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert b"A second moon jar" in response.data


def test_a_logged_in_makers_pages_are_theirs_alone(client, auth, ada):
    auth.login()
    for path in ("/", "/account", "/makers/ada-potter"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "private, no-cache", path
        assert "ETag" in response.headers


def test_a_post_or_an_error_carries_no_tag(client, auth, ada):
    assert "ETag" not in client.get("/no-such-page").headers
    auth.login()
    response = client.post("/account/links", data={"kind": "website",
                                                   "url": "https://ada.example/"})
    assert response.status_code == 303
    assert "ETag" not in response.headers
