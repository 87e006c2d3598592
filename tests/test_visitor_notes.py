"""What a new visitor met: a search box from the first page, shop links near
the top, deleting a story from its editor, a picture when a profile is shared,
and machine-readable times HTML accepts."""

import re
from datetime import datetime
from html import unescape

import pytest

from directory.extensions import db
from directory.models import Maker
from directory.web.templating import machine_time
from directory.writes.stories import save_story
from tests.conftest import hx
from tests.test_stories import add_photos

HEADER_SEARCH = re.compile(
    r'<form class="header-search" method="get" action="/search" role="search"'
    r' aria-label="Search the directory">.*?</form>', re.S)
SHOPS = [("website", "https://ada.example/"), ("marketplace", "https://shop.example/ada"),
         ("social", "https://social.example/@ada"), ("newsletter", "https://letters.example/")]


@pytest.fixture
def ada(make_maker):
    return make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK",
                      tagline="Moon jars", about="I throw porcelain. " * 40, links=SHOPS)


def write_story(app, maker, title, body="Porcelain, thrown and trimmed."):
    """A published story through the write path (so it is in the search index)."""
    with app.app_context(), db.connection_context():
        story = save_story(Maker.get_by_id(maker.id), None, {"title": title, "body": body},
                           "publish")
        add_photos(story.id, 1)
        return story.id


@pytest.fixture
def story(app, ada):
    return write_story(app, ada, "Throwing a moon jar")


# --- 1. search from the first page ------------------------------------------------


def test_the_home_page_has_a_labelled_search_box(client, ada, story):
    html = client.get("/").get_data(as_text=True)
    form = re.search(r'<form class="search-form home-search".*?</form>', html, re.S).group(0)
    assert 'method="get" action="/search"' in form
    assert 'hx-get="/search"' in form and '"preview": "1"' in form
    assert re.search(r'<label for="home-q">[^<]+</label>', form)
    assert re.search(r'<input type="search" id="home-q" name="q"', form)


@pytest.mark.parametrize("path", ["/", "/makers", "/makers/ada-potter", "/login", "/signup",
                                  "/moderation/log", "/no-such-page"])
def test_every_page_but_search_has_a_search_box_in_its_header(client, ada, story, path):
    html = client.get(path).get_data(as_text=True)
    form = HEADER_SEARCH.search(html).group(0)
    assert '<label for="header-q" class="visually-hidden">' in form
    assert 'id="header-q" name="q"' in form


def test_story_and_account_pages_have_it_too(client, auth, ada, story):
    assert HEADER_SEARCH.search(client.get(f"/stories/{story}").get_data(as_text=True))
    auth.login()
    assert HEADER_SEARCH.search(client.get("/account").get_data(as_text=True))


def test_the_search_page_has_only_its_own_box(client, ada, story):
    html = client.get("/search?q=moon").get_data(as_text=True)
    assert not HEADER_SEARCH.search(html)
    assert 'id="header-q"' not in html and 'id="q"' in html


def test_typing_on_the_home_page_previews_the_first_results(client, app, ada, story):
    for n in range(4):
        write_story(app, ada, f"Moon jar number {n}")
    response = hx(client, "get", "/search?q=moon&preview=1")
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="home-search-results"')
    assert len(re.findall(r'href="/stories/\d+"', html)) == 3  # the first few of five
    assert "Ada Potter" in html
    assert 'href="/search?q=moon">See all results for “moon”</a>' in unescape(html)


def test_a_preview_of_nothing_says_what_to_do_next(client, ada):
    html = unescape(hx(client, "get", "/search?q=zzzz&preview=1").get_data(as_text=True))
    assert "Nothing found for “zzzz”" in html and 'href="/makers"' in html


def test_without_javascript_the_home_search_is_the_search_page(client, ada, story):
    response = client.get("/search?q=moon&preview=1")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" in html and 'id="search-results"' in html
    assert "Throwing a moon jar" in html


# --- 2. machine-readable times ----------------------------------------------------


def test_machine_times_have_whole_seconds():
    assert machine_time(datetime(2026, 11, 24, 23, 47, 31, 159916)) == "2026-11-24T23:47:31Z"


@pytest.mark.parametrize("path", ["/", "/makers/ada-potter", "/stories/{story}"])
def test_no_page_prints_a_fraction_of_a_second(client, ada, story, path):
    html = client.get(path.format(story=story)).get_data(as_text=True)
    times = re.findall(r'<time datetime="([^"]+)"', html)
    assert times
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value) for value in times)


# --- 3. shop links within reach --------------------------------------------------------


def shop_row(html):
    return re.search(r'<nav class="shop-row".*?</nav>', html, re.S).group(0)


def test_a_profile_shows_its_first_shops_before_the_about_text(client, ada, story):
    html = client.get("/makers/ada-potter").get_data(as_text=True)
    row = shop_row(html)
    assert html.index(row) < html.index('id="about-heading"')
    assert re.findall(r'<a href="([^"]+)" rel="nofollow ugc noopener" target="_blank">',
                      row) == [url for _, url in SHOPS[:3]]
    assert 'href="#where-heading">All shops and pages</a>' in row
    assert 'id="where-heading"' in html


def test_a_story_shows_its_makers_first_shops_before_the_photos(client, ada, story):
    html = client.get(f"/stories/{story}").get_data(as_text=True)
    row = shop_row(html)
    assert html.index(row) < html.index('class="photos"')
    assert "https://ada.example/" in row
    assert 'href="#buy-from"' in row and 'id="buy-from"' in html


def test_a_maker_without_links_has_no_shop_row(client, make_maker):
    make_maker("Bea Weaver")
    assert 'class="shop-row"' not in client.get("/makers/bea-weaver").get_data(as_text=True)


# --- 4. deleting from the editor -----------------------------------------------------


def test_the_editor_offers_to_delete_the_story(client, auth, ada, story):
    auth.login()
    html = client.get(f"/account/stories/{story}/edit").get_data(as_text=True)
    link = re.search(r'<a class="danger"[^>]*>Delete this story…</a>', html, re.S).group(0)
    assert f'href="/account/stories/{story}/delete"' in link
    assert f'hx-post="/account/stories/{story}/delete"' in link
    assert "hx-confirm=" in link
    assert client.get(f"/account/stories/{story}/delete").status_code == 200
    assert "Delete this story" not in client.get("/account/stories/new").get_data(as_text=True)


# --- 5. a picture when a profile is shared ------------------------------------------


@pytest.mark.parametrize("case", [
    ({"cover": "cov", "avatar": "ava"}, "cov", "A photo of the work of Ada Potter"),
    ({"avatar": "ava"}, "ava", "The portrait or logo of Ada Potter"),
    ({}, None, None),
])
def test_a_profile_has_a_preview_picture(client, app, ada, case):
    photos, picture, alt = case
    if photos:
        with app.app_context(), db.connection_context():
            Maker.update(**photos).where(Maker.id == ada.id).execute()
    html = client.get("/makers/ada-potter").get_data(as_text=True)
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    image_alt = re.search(r'<meta property="og:image:alt" content="([^"]+)">', html)
    if picture is None:
        assert image is None and image_alt is None
    else:
        assert image.group(1) == f"http://localhost/media/{picture}-display.jpg"
        assert image_alt.group(1) == alt
