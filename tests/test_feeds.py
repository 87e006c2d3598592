"""The Atom feeds of published stories: everything, one maker's, one craft's."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from directory.extensions import db
from directory.models import Maker, Photo, Story, utcnow
from tests.html import Elements

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
BASE = "http://localhost"


def parse_atom(data):
    """The root element of a feed this app wrote (trusted test data)."""
    return ET.fromstring(data)  # noqa: S314


def stamp(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_story(app, maker, *, title, body="Words about the work.", published=True,
               days_ago=1, photos=0):
    """A story in the database; published `days_ago` days ago, with Photo rows."""
    with app.app_context(), db.connection_context():
        story = Story(maker=maker.id)
        story.set_text(title=title, body=body)
        if published:
            story.publish()
            story.published_at = utcnow() - timedelta(days=days_ago)
        story.save()
        for n in range(1, photos + 1):
            Photo.create(story=story, name=f"s{story.id}-photo{n}", alt=f"{title}, photo {n}",
                         width=800, height=600, position=n)
        return story.id


def load(app, story_id):
    with app.app_context(), db.connection_context():
        return Story.get_by_id(story_id)


def fetch(client, url):
    """A feed's response, checked to be Atom, and its root element."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/atom+xml"
    assert response.mimetype_params.get("charset") == "utf-8"
    root = parse_atom(response.data)
    assert root.tag == f"{ATOM}feed"
    return response, root


def text(element, path):
    found = element.find(f"{ATOM}{path}")
    assert found is not None, path
    return found.text or ""


def links(element):
    return {link.get("rel"): link for link in element.findall(f"{ATOM}link")}


def entry_titles(root):
    return [text(entry, "title") for entry in root.findall(f"{ATOM}entry")]


def entry_by_title(root, title):
    return next(entry for entry in root.findall(f"{ATOM}entry") if text(entry, "title") == title)


def assert_valid_feed(root, url, title, page_url):
    """The feed-level elements every Atom reader needs."""
    assert text(root, "title") == title
    assert text(root, "id") == BASE + url
    assert RFC3339_UTC.fullmatch(text(root, "updated"))
    datetime.strptime(text(root, "updated"), "%Y-%m-%dT%H:%M:%SZ")  # a real date
    feed_links = links(root)
    assert feed_links["self"].get("href") == BASE + url
    assert feed_links["self"].get("type") == "application/atom+xml"
    assert feed_links["alternate"].get("href") == page_url


@pytest.fixture
def world(app, make_maker):
    """Ada (ceramics) with two published stories and a draft, Carol (glass) with one,
    and a suspended potter with one. Returns the story ids by title."""
    ada = make_maker("Ada Potter", crafts=["ceramics"])
    carol = make_maker("Carol Glass", crafts=["glass"])
    dan = make_maker("Dan Hidden", crafts=["ceramics"], status="suspended")
    return {
        "Moon jar": make_story(
            app, ada, title="Moon jar", days_ago=3, photos=2,
            body="Thrown in **two** halves, see [the shop](https://ada.example/)."),
        "Glaze tests": make_story(app, ada, title="Glaze tests", days_ago=1),
        "Half done": make_story(app, ada, title="Half done", published=False, photos=1),
        "Blown vase": make_story(app, carol, title="Blown vase", days_ago=2),
        "Hidden pot": make_story(app, dan, title="Hidden pot", days_ago=0),
    }


AUTHORS = {
    "Moon jar": ("Ada Potter", "ada-potter"),
    "Glaze tests": ("Ada Potter", "ada-potter"),
    "Blown vase": ("Carol Glass", "carol-glass"),
}

FEEDS = [
    pytest.param(("/feeds/stories.atom", "New stories from makers", f"{BASE}/",
                  ["Glaze tests", "Blown vase", "Moon jar"]), id="all"),
    pytest.param(("/makers/ada-potter/feed.atom", "Stories from Ada Potter",
                  f"{BASE}/makers/ada-potter", ["Glaze tests", "Moon jar"]), id="maker"),
    pytest.param(("/crafts/ceramics/feed.atom", "Ceramics: new stories from makers",
                  f"{BASE}/makers?craft=ceramics", ["Glaze tests", "Moon jar"]), id="craft"),
    pytest.param(("/crafts/glass/feed.atom", "Glass: new stories from makers",
                  f"{BASE}/makers?craft=glass", ["Blown vase"]), id="other-craft"),
]


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_is_atom_with_the_right_stories_newest_first(client, world, feed):
    url, title, page_url, titles = feed
    _, root = fetch(client, url)
    assert_valid_feed(root, url, title, page_url)
    assert entry_titles(root) == titles  # no drafts, nothing by a suspended maker


@pytest.mark.parametrize("feed", FEEDS)
def test_every_entry_has_what_readers_need(client, app, world, feed):
    url, _, _, titles = feed
    _, root = fetch(client, url)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(titles)
    ids = []
    for entry in entries:
        story = load(app, world[text(entry, "title")])
        story_url = f"{BASE}/stories/{story.id}"
        entry_links = links(entry)
        assert entry_links["alternate"].get("href") == story_url
        assert entry_links["alternate"].get("href").startswith(f"{BASE}/stories/")
        assert text(entry, "id") == story_url
        ids.append(story_url)
        assert text(entry, "published") == stamp(story.published_at)
        assert text(entry, "updated") == stamp(story.updated_at)
        for name in ("published", "updated"):
            assert RFC3339_UTC.fullmatch(text(entry, name)), name
        maker_name, slug = AUTHORS[story.title]
        assert text(entry, "author/" + ATOM + "name") == maker_name
        assert text(entry, "author/" + ATOM + "uri") == f"{BASE}/makers/{slug}"
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text"
        assert summary.text == story.summary != ""
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        assert len(content) == 0  # HTML as escaped text, not XML children
    assert len(set(ids)) == len(ids)
    newest = max(load(app, world[name]).updated_at for name in titles)
    assert text(root, "updated") == stamp(newest)


def test_content_has_the_cover_photo_as_an_absolute_image(client, app, world):
    _, root = fetch(client, "/feeds/stories.atom")
    content = entry_by_title(root, "Moon jar").find(f"{ATOM}content").text
    images = [attrs for tag, attrs in Elements(content).found if tag == "img"]
    moon = world["Moon jar"]
    assert [img["src"] for img in images] == [f"{BASE}/media/s{moon}-photo1-display.jpg"]
    assert images[0]["alt"] == "Moon jar, photo 1"
    assert "<strong>two</strong>" in content
    anchors = [attrs for tag, attrs in Elements(content).found if tag == "a"]
    assert anchors == [{"href": "https://ada.example/", "rel": "nofollow ugc noopener"}]

    without = entry_by_title(root, "Glaze tests").find(f"{ATOM}content").text
    assert "<img" not in without
    assert "Words about the work." in without

    # The cover is the first photo in the maker's order.
    with app.app_context(), db.connection_context():
        Photo.update(position=9).where(Photo.name == f"s{moon}-photo1").execute()
    _, root = fetch(client, "/makers/ada-potter/feed.atom")
    content = entry_by_title(root, "Moon jar").find(f"{ATOM}content").text
    assert [attrs["src"] for tag, attrs in Elements(content).found if tag == "img"] == [
        f"{BASE}/media/s{moon}-photo2-display.jpg"]


def test_feed_titles_and_names_are_escaped_text(client, app, make_maker):
    maker = make_maker("Smith & Daughters <Glass>", crafts=["glass"])
    make_story(app, maker, title="Fish & chips <b>plates</b>", body="Bowls & <i>plates</i>")
    url = f"/makers/{maker.slug}/feed.atom"
    _, root = fetch(client, url)
    assert text(root, "title") == "Stories from Smith & Daughters <Glass>"
    [entry] = root.findall(f"{ATOM}entry")
    title = entry.find(f"{ATOM}title")
    assert title.text == "Fish & chips <b>plates</b>"
    assert len(title) == 0
    assert text(entry, "author/" + ATOM + "name") == "Smith & Daughters <Glass>"
    content = entry.find(f"{ATOM}content").text
    assert not [tag for tag, _ in Elements(content).found if tag in ("b", "i", "script")]


def test_a_feed_holds_the_newest_thirty(client, app, make_maker):
    ada = make_maker("Ada Potter", crafts=["ceramics"])
    for n in range(1, 32):
        make_story(app, ada, title=f"Pot {n}", days_ago=40 - n)
    _, root = fetch(client, "/makers/ada-potter/feed.atom")
    assert entry_titles(root) == [f"Pot {n}" for n in range(31, 1, -1)]


def test_a_story_leaves_the_feeds_when_unpublished(client, app, world):
    with app.app_context(), db.connection_context():
        story = Story.get_by_id(world["Glaze tests"])
        story.unpublish()
        story.save()
    for url in ("/feeds/stories.atom", "/makers/ada-potter/feed.atom",
                "/crafts/ceramics/feed.atom"):
        _, root = fetch(client, url)
        assert "Glaze tests" not in entry_titles(root), url
        assert "Moon jar" in entry_titles(root), url


@pytest.mark.parametrize(
    "url",
    [
        "/makers/nobody-here/feed.atom",
        "/makers/dan-hidden/feed.atom",  # suspended
        "/crafts/unknown/feed.atom",
        "/crafts/Ceramics/feed.atom",
    ],
)
def test_unknown_or_hidden_feeds_are_not_found(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"Hidden pot" not in response.data


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/feeds/stories.atom", "New stories from makers"),
        ("/makers/ada-potter/feed.atom", "Stories from Ada Potter"),
        ("/crafts/ceramics/feed.atom", "Ceramics: new stories from makers"),
    ],
)
def test_an_empty_feed_is_still_valid_atom(client, make_maker, url, title):
    make_maker("Ada Potter", crafts=["ceramics"])
    _, root = fetch(client, url)
    assert_valid_feed(root, url, title, links(root)["alternate"].get("href"))
    assert root.findall(f"{ATOM}entry") == []


def advertised(html):
    return [attrs for tag, attrs in Elements(html).found
            if tag == "link" and attrs.get("rel") == "alternate"
            and attrs.get("type") == "application/atom+xml"]


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/feeds/stories.atom"),
        ("/makers/ada-potter", "/makers/ada-potter/feed.atom"),
        ("story", "/makers/ada-potter/feed.atom"),
    ],
)
def test_pages_advertise_their_feed(client, world, page, feed):
    page = f"/stories/{world['Moon jar']}" if page == "story" else page
    response = client.get(page)
    assert response.status_code == 200
    found = advertised(response.data.decode())
    assert [attrs["href"] for attrs in found] == [feed]
    assert found[0].get("title")
    _, root = fetch(client, feed)
    assert root.findall(f"{ATOM}entry")


def test_a_suspended_makers_stories_leave_every_feed(client, app, world):
    with app.app_context(), db.connection_context():
        Maker.update(status=Maker.STATUS_ACTIVE).where(Maker.slug == "dan-hidden").execute()
    _, root = fetch(client, "/makers/dan-hidden/feed.atom")
    assert entry_titles(root) == ["Hidden pot"]
    assert entry_titles(fetch(client, "/feeds/stories.atom")[1])[0] == "Hidden pot"

    with app.app_context(), db.connection_context():
        Maker.update(status="suspended").where(Maker.slug == "dan-hidden").execute()
    assert client.get("/makers/dan-hidden/feed.atom").status_code == 404
    for url in ("/feeds/stories.atom", "/crafts/ceramics/feed.atom"):
        assert "Hidden pot" not in entry_titles(fetch(client, url)[1]), url
