"""The anonymous page cache under a real gunicorn with two workers: each
change shows on the next anonymous request to every page it touches, served
by either worker, and a logged-in maker never receives a kept page.

Before each change the visitor reads every page often enough that both
workers hold a copy (each read after the first is served from the cache:
the X-Cache header says so); after it, every read must show the change.
"""

import re

import pytest

from tests.live_server import Browser, LiveServer, MailSink, save_story, signup

READS = 8  # per page, before and after a change: both workers answer some
PASSWORD = "a long live-test password"  # noqa: S105 (a test account)


def read_all(visitor, paths):
    """Every path READS times; {path: [bodies]} and how many came from a cache."""
    bodies, hits = {}, 0
    for path in paths:
        for _ in range(READS):
            response = visitor.request(path)
            assert response.status == 200, (path, response.status)
            bodies.setdefault(path, []).append(response.text)
            hits += response.headers.get("X-Cache") == "hit"
    return bodies, hits


def everywhere(bodies, text):
    return all(text in body for pages in bodies.values() for body in pages)


def nowhere(bodies, text):
    return not any(text in body for pages in bodies.values() for body in pages)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("live-cache")
    with MailSink() as mail:
        server = LiveServer(tmp_path, mail.port, workers=2)
        server.flask("init-db")
        server.flask("create-moderator", "mo@example.com", "--password", PASSWORD)
        server.start()
        try:
            yield server
        finally:
            server.stop()
            assert server.log_errors() == []


@pytest.fixture(scope="module")
def ada(site):
    browser = Browser(site.url)
    assert signup(browser, "ada@example.com", "Ada Potter", PASSWORD).status == 303
    return browser


@pytest.fixture(scope="module")
def moderator(site):
    browser = Browser(site.url)
    response = browser.submit("/login", {"email": "mo@example.com", "password": PASSWORD})
    assert response.status == 303
    return browser


def moderate(moderator, path, action):
    response = moderator.submit(path, {"action": action, "reason": "Checking the cache"},
                                post_path=f"{path}/actions")
    assert response.status == 303, response.text[:300]


def test_every_change_shows_at_once_on_both_workers(site, ada, moderator):
    visitor = Browser(site.url)
    story_id = save_story(ada, "Throwing a moon jar", "Centring twelve kilos of porcelain.")
    assert story_id
    pages = ["/", "/makers/ada-potter", f"/stories/{story_id}", "/feeds/stories.atom",
             "/makers/ada-potter/feed.atom", "/search?q=moon"]
    bodies, hits = read_all(visitor, pages)
    assert everywhere(bodies, "Throwing a moon jar")
    assert hits >= len(pages) * (READS - 2)  # the rest came from the two workers' caches

    # An edit: every page that shows the title shows the new one.
    assert save_story(ada, "Throwing a full moon jar", "Centring twelve kilos.", story_id)
    bodies, _ = read_all(visitor, pages)
    assert everywhere(bodies, "Throwing a full moon jar")

    # A profile change: the profile and the story's maker card.
    response = ada.submit("/account", {"display_name": "Ada Potter", "slug": "ada-potter",
                                       "tagline": "Porcelain by the sea", "about": "",
                                       "place": "Bristol, UK", "crafts": "ceramics"})
    assert response.status == 303, response.text[:300]
    bodies, _ = read_all(visitor, ["/makers/ada-potter", f"/stories/{story_id}"])
    assert everywhere(bodies, "Porcelain by the sea")

    # A link: on the profile at once.
    response = ada.submit("/account/links", {"kind": "website", "url": "https://ada.example/",
                                             "label": "My shop"})
    assert response.status == 303, response.text[:300]
    bodies, _ = read_all(visitor, ["/makers/ada-potter"])
    assert everywhere(bodies, "https://ada.example/")

    # Unpublish, then publish again.
    assert save_story(ada, "Throwing a full moon jar", "Centring twelve kilos.", story_id,
                      action="unpublish")
    feeds = ["/", "/makers/ada-potter", "/feeds/stories.atom", "/search?q=moon"]
    bodies, _ = read_all(visitor, feeds)
    assert nowhere(bodies, "Throwing a full moon jar")
    assert visitor.request(f"/stories/{story_id}").status == 404
    assert save_story(ada, "Throwing a full moon jar", "Centring twelve kilos.", story_id)
    bodies, _ = read_all(visitor, feeds)
    assert everywhere(bodies, "Throwing a full moon jar")

    # A moderator hides it, then restores it; the public log shows both.
    moderate(moderator, f"/moderation/stories/{story_id}", "hide")
    bodies, _ = read_all(visitor, feeds)
    assert nowhere(bodies, "Throwing a full moon jar")
    log, _ = read_all(visitor, ["/moderation/log"])
    assert everywhere(log, "Checking the cache")
    moderate(moderator, f"/moderation/stories/{story_id}", "restore")
    bodies, _ = read_all(visitor, feeds)
    assert everywhere(bodies, "Throwing a full moon jar")

    # A suspension takes the profile and every story away.
    maker_id = re.search(r"/moderation/makers/(\d+)",
                         moderator.get(f"/moderation/stories/{story_id}").text).group(1)
    moderate(moderator, f"/moderation/makers/{maker_id}", "suspend")
    bodies, _ = read_all(visitor, ["/", "/feeds/stories.atom", "/search?q=moon"])
    assert nowhere(bodies, "Throwing a full moon jar")
    assert visitor.request("/makers/ada-potter").status == 404
    moderate(moderator, f"/moderation/makers/{maker_id}", "reinstate")
    bodies, _ = read_all(visitor, feeds)
    assert everywhere(bodies, "Throwing a full moon jar")

    # Deleting the story, then the account.
    response = ada.submit(f"/account/stories/{story_id}/delete", {})
    assert response.status == 303, response.text[:300]
    bodies, _ = read_all(visitor, feeds)
    assert nowhere(bodies, "Throwing a full moon jar")
    read_all(visitor, ["/makers"])
    response = ada.submit("/account/delete", {"password": PASSWORD})
    assert response.status == 303, response.text[:300]
    bodies, _ = read_all(visitor, ["/", "/makers"])
    assert nowhere(bodies, "Ada Potter")
    assert visitor.request("/makers/ada-potter").status == 404


def test_a_logged_in_maker_never_gets_a_kept_page(site):
    bea = Browser(site.url)
    assert signup(bea, "bea@example.com", "Bea Weaver", PASSWORD).status == 303
    visitor = Browser(site.url)
    read_all(visitor, ["/", "/makers/bea-weaver"])  # the anonymous copies are kept
    for path in ("/", "/makers/bea-weaver"):
        for _ in range(READS):
            response = bea.request(path)
            assert response.status == 200
            assert "X-Cache" not in response.headers
            assert response.headers["Cache-Control"].startswith("private")
            assert "Log out" in response.text  # made for Bea: her own menu
    # And what Bea was sent was not kept for the visitor.
    bodies, _ = read_all(visitor, ["/", "/makers/bea-weaver"])
    assert nowhere(bodies, "Log out")
