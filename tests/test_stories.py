"""Stories: the editor at /account/stories (write, validate, preview, publish,
unpublish, delete), their photos, who may touch them, and how they show on the
story page, the profile, the home page and the Atom feeds."""

import io
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from markupsafe import escape
from PIL import Image

from directory.extensions import db
from directory.models import Photo, Story, utcnow
from tests.conftest import Auth, hx
from tests.html import Elements

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/feeds/stories.atom", "/makers/ada-potter/feed.atom", "/crafts/ceramics/feed.atom"]
PUBLIC_PLACES = ["/makers/ada-potter", "/", *FEEDS]
NEW = "/account/stories/new"
CARD = 'class="card story-card"'
LINK_REL = "nofollow ugc noopener"

STORY = {
    "title": "Throwing a moon jar",
    "body": "Two halves, **joined** when leather-hard.",
    "materials": "Stoneware clay",
    "techniques": "Wheel throwing, then *slow* drying",
    "time_taken": "Two weeks",
}


# --- helpers -----------------------------------------------------------------


def jpeg(size=(64, 48), colour=(180, 90, 40)):
    """A small JPEG, made in memory, as a browser would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    buffer.seek(0)
    return buffer


def form(action="draft", **fields):
    """The editor's fields (STORY, changed by `fields`) and the button pressed."""
    return {**STORY, **fields, "action": action}


def edit_url(story_id):
    return f"/account/stories/{story_id}/edit"


def story_id_from(response):
    """The id of the story a successful save redirected to."""
    location = response.headers.get("Location") or response.headers.get("HX-Redirect")
    match = re.fullmatch(r"/account/stories/(\d+)/edit", location or "")
    assert match, location
    return int(match.group(1))


def load(app, story_id):
    """The story row with its photos (in order), or None."""
    with app.app_context(), db.connection_context():
        story = Story.get_or_none(Story.id == story_id)
        if story is None:
            return None
        story.photo_rows = list(story.photos.order_by(Photo.position, Photo.id))
        return story


def snapshot(app):
    """Every story and photo as plain values, to see that nothing changed."""
    with app.app_context(), db.connection_context():
        stories = [
            (s.id, s.maker_id, s.title, s.body_md, s.body_html, s.materials, s.process_md,
             s.time_taken, s.status, s.published_at, s.updated_at)
            for s in Story.select().order_by(Story.id)
        ]
        photos = [
            (p.id, p.story_id, p.name, p.alt, p.position)
            for p in Photo.select().order_by(Photo.id)
        ]
        return stories, photos


def make_story(app, maker, *, title="A story", body="Some words about the work.",
               published=True, photos=0, published_at=None, **text):
    """A story straight in the database, with `photos` Photo rows."""
    with app.app_context(), db.connection_context():
        story = Story(maker=maker.id)
        story.set_text(title=title, body=body, **text)
        if published:
            story.publish()
            if published_at is not None:
                story.published_at = published_at
        story.save()
        add_photos(story.id, photos)
        return story.id


def add_photos(story_id, count):
    """`count` more Photo rows for a story (inside an app and connection context)."""
    start = Photo.select().where(Photo.story == story_id).count()
    for n in range(start + 1, start + count + 1):
        Photo.create(story=story_id, name=f"s{story_id}-photo{n}", alt=f"Photo {n}",
                     width=800, height=600, position=n)


def photo_ids(app, story_id):
    with app.app_context(), db.connection_context():
        query = Photo.select().where(Photo.story == story_id).order_by(Photo.position, Photo.id)
        return [photo.id for photo in query]


def parse_atom(data):
    """The root element of a feed this app wrote (trusted test data)."""
    return ET.fromstring(data)  # noqa: S314


def feed_titles(response):
    assert response.status_code == 200
    root = parse_atom(response.data)
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def appears(client, url, title):
    """True when a story of this title is listed at url (a page or a feed)."""
    response = client.get(url)
    assert response.status_code == 200
    if url.endswith(".atom"):
        return title in feed_titles(response)
    return str(escape(title)) in response.data.decode()


def flashed(client, url, message):
    return message.encode() in client.get(url).data


def thumbs(response):
    """The src of every story card's cover, in page order."""
    return [attrs["src"] for tag, attrs in Elements(response.data.decode()).found
            if tag == "img" and "story-thumb" in attrs.get("class", "")]


# --- the whole life of a story -------------------------------------------------


def test_story_life_cycle(client, app, owner, make_maker, tmp_path):
    visitor = app.test_client()
    make_maker("Bob Turner", crafts=["ceramics"])
    bob = app.test_client()
    Auth(bob).login(email="bob-turner@example.com")

    # A draft: saved, seen by its maker only.
    response = client.post(NEW, data=form("draft"))
    assert response.status_code == 303
    story_id = story_id_from(response)
    url, page = edit_url(story_id), f"/stories/{story_id}"
    assert response.headers["Location"] == url
    assert flashed(client, url, "Draft saved")
    story = load(app, story_id)
    assert (story.maker_id, story.status, story.published_at) == (owner.id, "draft", None)
    assert (story.title, story.body_md, story.materials, story.process_md, story.time_taken) == (
        STORY["title"], STORY["body"], STORY["materials"], STORY["techniques"],
        STORY["time_taken"])
    assert "<strong>joined</strong>" in story.body_html

    own_view = client.get(page)
    assert own_view.status_code == 200
    assert b"This is a draft" in own_view.data
    assert b'<meta name="robots" content="noindex">' in own_view.data
    assert visitor.get(page).status_code == 404
    assert bob.get(page).status_code == 404
    assert STORY["title"].encode() not in bob.get(page).data
    for place in PUBLIC_PLACES:
        assert not appears(visitor, place, STORY["title"]), place
        assert not appears(client, place, STORY["title"]), place

    # Published, with a photo: everywhere.
    response = client.post(url, data={**form("publish"), "photo": (jpeg(), "moon.jpg"),
                                      "photo_alt": "A moon jar drying"})
    assert response.status_code == 303
    assert response.headers["Location"] == url
    assert flashed(client, url, "Story published")
    story = load(app, story_id)
    assert story.status == "published"
    assert abs(story.published_at - utcnow()) < timedelta(minutes=1)
    first_published = story.published_at
    [photo] = story.photo_rows
    assert photo.alt == "A moon jar drying"
    uploads = Path(tmp_path / "uploads")
    assert (uploads / f"{photo.name}-display.jpg").is_file()
    assert (uploads / f"{photo.name}-thumb.jpg").is_file()

    public_view = visitor.get(page)
    assert public_view.status_code == 200
    assert b"This is a draft" not in public_view.data
    assert f"/media/{photo.name}-display.jpg".encode() in public_view.data
    assert bob.get(page).status_code == 200
    for place in PUBLIC_PLACES:
        assert appears(visitor, place, STORY["title"]), place
    assert not appears(visitor, "/crafts/glass/feed.atom", STORY["title"])

    # Saved again: still published, first publication date kept.
    new_title = "Throwing a bigger moon jar"
    response = client.post(url, data=form("save", title=new_title))
    assert response.status_code == 303
    assert flashed(client, url, "Changes saved.")
    story = load(app, story_id)
    assert (story.status, story.title) == ("published", new_title)
    assert story.published_at == first_published
    assert len(story.photo_rows) == 1
    for place in PUBLIC_PLACES:
        assert appears(visitor, place, new_title), place
        assert not appears(visitor, place, STORY["title"]), place

    # Unpublished: hidden again, but still the maker's.
    response = client.post(url, data=form("unpublish", title=new_title))
    assert response.status_code == 303
    assert flashed(client, url, "Story unpublished")
    story = load(app, story_id)
    assert (story.status, story.published_at) == ("draft", None)
    assert visitor.get(page).status_code == 404
    assert bob.get(page).status_code == 404
    assert b"This is a draft" in client.get(page).data
    for place in PUBLIC_PLACES:
        assert not appears(visitor, place, new_title), place

    # Deleted: asked first, then gone with its photo rows and files.
    question = client.get(f"/account/stories/{story_id}/delete")
    assert question.status_code == 200
    assert f"Delete “{new_title}”?".encode() in question.data
    assert b"1 photo will be gone" in question.data
    assert load(app, story_id) is not None
    response = client.post(f"/account/stories/{story_id}/delete")
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/stories"
    assert flashed(client, "/account/stories", "is deleted, with its photos")
    assert load(app, story_id) is None
    assert snapshot(app) == ([], [])
    assert not (uploads / f"{photo.name}-display.jpg").exists()
    assert not (uploads / f"{photo.name}-thumb.jpg").exists()
    assert client.get(page).status_code == 404
    assert client.get(url).status_code == 404


def test_account_stories_lists_drafts_and_published_with_badges(client, app, owner,
                                                                 make_maker):
    assert b"No stories yet" in client.get("/account/stories").data
    make_story(app, owner, title="Glaze tests", published=False)
    published_id = make_story(app, owner, title="Moon jar", photos=2)
    make_story(app, make_maker("Bob Turner"), title="Turned bowl")

    page = client.get("/account/stories")
    assert page.status_code == 200
    rows = page.data.decode().split('class="story-row card"')[1:]
    assert len(rows) == 2
    draft_row = next(row for row in rows if "Glaze tests" in row)
    published_row = next(row for row in rows if "Moon jar" in row)
    assert '<span class="badge">Draft</span>' in draft_row
    assert "Published</span>" not in draft_row
    assert '<span class="badge verified">Published</span>' in published_row
    assert "Draft</span>" not in published_row
    assert "2 photos" in published_row
    assert "0 photos" in draft_row
    assert f"/media/s{published_id}-photo1-thumb.jpg" in published_row
    assert b"Turned bowl" not in page.data
    assert b"No stories yet" not in page.data


def test_htmx_save_and_delete_navigate_with_hx_redirect(client, app, owner):
    headers = {"HX-Request": "true"}
    response = client.post(NEW, data=form("publish"), headers=headers)
    assert response.status_code == 204
    assert response.data == b""
    story_id = story_id_from(response)
    assert response.headers["HX-Redirect"] == edit_url(story_id)
    assert "Location" not in response.headers
    assert load(app, story_id).status == "published"

    response = client.post(edit_url(story_id), data=form("save", title="Renamed"),
                           headers=headers)
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == edit_url(story_id)
    assert load(app, story_id).title == "Renamed"

    response = client.post(f"/account/stories/{story_id}/delete", headers=headers)
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/account/stories"
    assert load(app, story_id) is None


def test_editor_shows_the_saved_story(client, app, owner):
    story_id = make_story(app, owner, title="Moon jar", body="Clay *first*",
                          materials="Porcelain", process="Coiling", time_taken="A day")
    page = client.get(edit_url(story_id))
    assert page.status_code == 200
    html = page.data.decode()
    assert 'value="Moon jar"' in html
    assert "Clay *first*</textarea>" in html
    assert 'value="Porcelain"' in html
    assert "Coiling</textarea>" in html
    assert 'value="A day"' in html
    assert 'value="unpublish"' in html  # a published story offers Unpublish, not Publish
    assert 'value="publish"' not in html


# --- validation ----------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "   \n\t "])
def test_publishing_without_a_body_is_refused(client, app, owner, body):
    response = client.post(NEW, data=form("publish", body=body))
    assert response.status_code == 422
    assert b"Write the story before publishing it." in response.data
    assert b'value="Throwing a moon jar"' in response.data
    assert b'value="Stoneware clay"' in response.data
    assert snapshot(app) == ([], [])


def test_a_draft_may_have_no_body_yet(client, app, owner):
    response = client.post(NEW, data=form("draft", body=""))
    assert response.status_code == 303
    story = load(app, story_id_from(response))
    assert (story.status, story.body_md) == ("draft", "")


def test_publishing_an_empty_draft_leaves_it_a_draft(client, app, owner):
    story_id = make_story(app, owner, title="Half done", body="", published=False)
    before = snapshot(app)
    response = client.post(edit_url(story_id), data=form("publish", title="Half done", body=""))
    assert response.status_code == 422
    assert b"Write the story before publishing it." in response.data
    assert snapshot(app) == before


@pytest.mark.parametrize("action", ["draft", "publish"])
@pytest.mark.parametrize("title", ["", "   "])
def test_a_title_is_required(client, app, owner, action, title):
    response = client.post(NEW, data=form(action, title=title))
    assert response.status_code == 422
    assert b"Give your story a title." in response.data
    assert b"Two halves, **joined** when leather-hard.</textarea>" in response.data
    assert snapshot(app) == ([], [])


TOO_LONG = [("title", 121, 120), ("materials", 301, 300), ("time_taken", 81, 80),
            ("techniques", 3001, 3000), ("body", 20_001, 20_000)]


@pytest.mark.parametrize("action", ["draft", "publish"])
@pytest.mark.parametrize("case", TOO_LONG, ids=[field for field, _, _ in TOO_LONG])
def test_over_long_fields_are_refused_and_kept(client, app, owner, action, case):
    field, length, limit = case
    typed = "w" * length
    response = client.post(NEW, data=form(action, **{field: typed}))
    assert response.status_code == 422
    html = response.data.decode()
    assert f"Field cannot be longer than {limit} characters." in html
    assert typed in html
    for other, value in STORY.items():
        if other != field:
            assert str(escape(value)) in html, other
    assert snapshot(app) == ([], [])


def test_over_long_fields_do_not_change_a_saved_story(client, app, owner):
    story_id = make_story(app, owner, title="Moon jar", photos=1)
    before = snapshot(app)
    typed = {field: "w" * length for field, length, _ in TOO_LONG}
    response = client.post(edit_url(story_id), data=form("save", **typed))
    assert response.status_code == 422
    html = response.data.decode()
    for field, _, limit in TOO_LONG:
        assert f"Field cannot be longer than {limit} characters." in html, field
        assert typed[field] in html
    assert snapshot(app) == before
    assert appears(app.test_client(), "/makers/ada-potter", "Moon jar")


@pytest.mark.parametrize("action", ["", "delete", "PUBLISH", "hack"])
def test_an_unknown_action_is_a_bad_request(client, app, owner, action):
    story_id = make_story(app, owner, title="Moon jar")
    before = snapshot(app)
    assert client.post(NEW, data=form(action)).status_code == 400
    assert client.post(edit_url(story_id), data=form(action)).status_code == 400
    assert snapshot(app) == before


def test_a_maker_cannot_add_a_photo_without_describing_it(client, app, owner):
    response = client.post(NEW, data={**form("publish"), "photo": (jpeg(), "moon.jpg"),
                                      "photo_alt": ""})
    assert response.status_code == 422
    assert b"Describe the photo for people who cannot see it." in response.data
    assert snapshot(app) == ([], [])


# --- preview -------------------------------------------------------------------


def test_preview_renders_markdown_and_saves_nothing(client, app, owner):
    response = client.post(NEW, data=form("preview", body="Some **bold** and *soft* words",
                                          techniques="1. wedge\n2. throw"))
    assert response.status_code == 200
    html = response.data.decode()
    assert '<article class="story preview">' in html
    assert "<strong>bold</strong>" in html
    assert "<em>soft</em>" in html
    assert "<li>wedge</li>" in html
    assert "<h3>Throwing a moon jar</h3>" in html
    assert 'value="Throwing a moon jar"' in html  # the form keeps what was typed
    assert "Some **bold** and *soft* words</textarea>" in html
    assert snapshot(app) == ([], [])


def test_preview_of_a_saved_story_changes_nothing(client, app, owner):
    story_id = make_story(app, owner, title="Moon jar", photos=1)
    before = snapshot(app)
    response = client.post(edit_url(story_id), data=form("preview", title="Not yet saved"))
    assert response.status_code == 200
    assert b"<h3>Not yet saved</h3>" in response.data
    assert snapshot(app) == before


def test_preview_fragment_for_htmx(client, app, owner):
    response = hx(client, "post", "/account/stories/preview",
                  data={"title": "Moon jar", "body": "A **bold** start", "materials": "Clay",
                        "techniques": "", "time_taken": ""})
    assert response.status_code == 200
    html = response.data.decode()
    assert '<article class="story preview">' in html
    assert "<strong>bold</strong>" in html
    assert "<dd>Clay</dd>" in html
    assert 'id="story-form"' not in html
    assert snapshot(app) == ([], [])


def test_empty_preview_fragment_invites_writing(client, app, owner):
    response = client.post("/account/stories/preview", data={"title": "", "body": ""},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"Your story will appear here" in response.data
    assert b"press Preview" not in response.data
    assert b"<article" not in response.data


# --- no script from a maker runs anywhere -------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '"><svg onload=alert(1)>',
]
SAFE_IMAGE_SOURCES = ("/media/", "/static/", "http://localhost/media/")


def assert_no_live_markup(html, where, site_page=True):
    """No element a payload could have made live: scripts, handlers, bad URLs."""
    for tag, attrs in Elements(html).found:
        handlers = [name for name in attrs if name.lower().startswith("on")]
        assert not handlers, (where, tag, attrs)
        assert tag not in ("svg", "math", "iframe", "object", "embed", "base"), (where, tag)
        if tag == "script":
            # the page's own scripts: files from /static/ and the JSON-LD block
            assert site_page, (where, attrs)
            assert (attrs.get("src") or "").startswith("/static/") or \
                attrs.get("type") == "application/ld+json", (where, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href", "poster"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (where, tag, attrs)
        if tag == "img":
            assert (attrs.get("src") or "").startswith(SAFE_IMAGE_SOURCES), (where, attrs)


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<p><img src=x onerror=alert(1)></p>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" DATA:text/html;base64,PHNjcmlwdD4=">x</a>',
    "<svg><a>x</a></svg>",
    '<img src="https://evil.example/x.png">',
])
def test_the_markup_check_catches_live_markup(html):
    """The check the tests below rely on would fail on a real injection."""
    with pytest.raises(AssertionError):
        assert_no_live_markup(f"<div>{html}</div>", "self-test", site_page=False)
    with pytest.raises(AssertionError):
        assert_no_live_markup(f"<!doctype html><body>{html}</body>", "self-test")


def assert_feed_is_inert(response, where, payload):
    """Titles and summaries are text; the HTML content has nothing live."""
    assert response.status_code == 200
    root = parse_atom(response.data)
    entries = root.findall(f"{ATOM}entry")
    assert entries, where
    for entry in entries:
        title = entry.find(f"{ATOM}title")
        assert title.get("type") in (None, "text"), where
        assert len(title) == 0, where  # no child elements: markup stayed text
        assert title.text == payload.strip(), where
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text" and len(summary) == 0, where
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html" and len(content) == 0, where
        assert_no_live_markup(content.text, where, site_page=False)
        images = [attrs for tag, attrs in Elements(content.text).found if tag == "img"]
        assert [img["alt"] for img in images] == [payload.strip()], where


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_in_every_field_stays_text_everywhere(client, app, owner, payload):
    fields = {"title": payload, "body": f"Intro\n\n{payload}\n\nEnd", "materials": payload,
              "techniques": payload, "time_taken": payload}
    response = client.post(NEW, data={**fields, "action": "publish",
                                      "photo": (jpeg(), "x.jpg"), "photo_alt": payload})
    assert response.status_code == 303, response.data[:2000]
    story_id = story_id_from(response)
    story = load(app, story_id)
    assert story.title == payload.strip()
    assert story.photo_rows[0].alt == payload.strip()

    visitor = app.test_client()
    escaped_title = str(escape(payload.strip()))
    pages = {
        "story": visitor.get(f"/stories/{story_id}"),
        "profile": visitor.get("/makers/ada-potter"),
        "home": visitor.get("/"),
        "own story": client.get(f"/stories/{story_id}"),
        "account list": client.get("/account/stories"),
        "editor": client.get(edit_url(story_id)),
        "preview": client.post(edit_url(story_id), data={**fields, "action": "preview"}),
    }
    for where, page in pages.items():
        assert page.status_code == 200, where
        html = page.data.decode()
        assert escaped_title in html, where  # shown, as text
        assert_no_live_markup(html, where)

    story_page = pages["story"].data.decode()
    alts = [attrs.get("alt") for tag, attrs in Elements(story_page).found
            if tag == "img" and attrs.get("src", "").startswith("/media/")]
    assert alts == [payload.strip()]
    fragment = client.post("/account/stories/preview", data=fields,
                           headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert escaped_title in fragment.data.decode()
    assert_no_live_markup(fragment.data.decode(), "preview fragment", site_page=False)
    for url in FEEDS:
        assert_feed_is_inert(visitor.get(url), url, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_in_a_new_photo_description_stays_text(client, app, owner, payload):
    story_id = make_story(app, owner, title="Moon jar", photos=1)
    [photo_id] = photo_ids(app, story_id)
    url = f"/account/stories/{story_id}/photos/{photo_id}"
    response = hx(client, "post", url, data={"alt": payload})
    assert response.status_code == 200
    assert_no_live_markup(response.data.decode(), "photos fragment", site_page=False)
    assert load(app, story_id).photo_rows[0].alt == payload.strip()
    for page in ("/makers/ada-potter", "/", f"/stories/{story_id}", edit_url(story_id)):
        assert_no_live_markup(client.get(page).data.decode(), page)
    for feed in FEEDS:
        root = parse_atom(client.get(feed).data)
        content = root.find(f"{ATOM}entry/{ATOM}content").text
        assert_no_live_markup(content, feed, site_page=False)
        alts = [attrs["alt"] for tag, attrs in Elements(content).found if tag == "img"]
        assert alts == [payload.strip()], feed


def test_links_in_stories_are_nofollow_and_images_are_dropped(client, app, owner):
    body = ("See [my shop](https://shop.example/ada) or https://ada-pots.co.uk/page.\n\n"
            "![img](https://evil.example/x.png)\n\n"
            '<a href="https://raw.example/">raw</a>')
    response = client.post(NEW, data=form("publish", body=body,
                                          techniques="Read [the guide](https://guide.example/)"))
    assert response.status_code == 303
    story_id = story_id_from(response)
    expected = {"https://shop.example/ada", "https://ada-pots.co.uk/page",
                "https://guide.example/"}

    def check(html, where):
        found = Elements(html).found
        links = {attrs["href"]: attrs.get("rel") for tag, attrs in found
                 if tag == "a" and attrs.get("href", "").startswith("https://")}
        assert set(links) >= expected, where
        for href in expected:
            assert links[href] == LINK_REL, (where, href)
        assert "https://raw.example/" not in links, where  # raw HTML is text, not a link
        assert not [attrs for tag, attrs in found
                    if tag == "img" and "evil.example" in attrs.get("src", "")], where

    check(client.get(f"/stories/{story_id}").data.decode(), "story page")
    check(client.post(NEW, data=form("preview", body=body,
                                     techniques="Read [the guide](https://guide.example/)")
                      ).data.decode(), "preview")
    root = parse_atom(client.get("/feeds/stories.atom").data)
    content = root.find(f"{ATOM}entry/{ATOM}content").text
    found = Elements(content).found
    assert {attrs["href"]: attrs["rel"] for tag, attrs in found if tag == "a"} == {
        "https://shop.example/ada": LINK_REL, "https://ada-pots.co.uk/page": LINK_REL}
    assert not [tag for tag, _ in found if tag == "img"]


# --- who may touch a story ------------------------------------------------------

# (method, path, data, the owner's status, the owner's redirect); {story} and
# {photo} are the owner's story and its first photo.
STORY_ACTIONS = [
    pytest.param(("GET", "/account/stories/{story}/edit", None, 200, None), id="edit-page"),
    pytest.param(("POST", "/account/stories/{story}/edit", form("save", title="Taken over"),
                  303, "/account/stories/{story}/edit"), id="edit"),
    pytest.param(("GET", "/account/stories/{story}/delete", None, 200, None), id="delete-page"),
    pytest.param(("POST", "/account/stories/{story}/delete", {}, 303, "/account/stories"),
                 id="delete"),
    pytest.param(("POST", "/account/stories/{story}/photos/{photo}", {"alt": "Taken over"},
                  303, "/account/stories/{story}/edit"), id="photo-alt"),
    pytest.param(("POST", "/account/stories/{story}/photos/{photo}/move",
                  {"direction": "down"}, 303, "/account/stories/{story}/edit"), id="photo-move"),
    pytest.param(("POST", "/account/stories/{story}/photos/{photo}/delete", {}, 303,
                  "/account/stories/{story}/edit"), id="photo-delete"),
]
@pytest.fixture
def ada_story(app, make_maker):
    """Ada (not logged in) with a published story of two photos: (maker, story, photo)."""
    ada = make_maker("Ada Potter", crafts=["ceramics"])
    story_id = make_story(app, ada, title="Ada's moon jar", photos=2)
    return ada, story_id, photo_ids(app, story_id)[0]


def fill(path, story_id, photo_id):
    return path.format(story=story_id, photo=photo_id)


# Anonymous visitors are sent to log in from every /account route:
# tests/test_route_matrix.py, built from the URL map.


@pytest.fixture
def bob(app, make_maker, auth, ada_story):
    """Another maker, logged in on `client`, with a story and photo of his own."""
    maker = make_maker("Bob Turner", crafts=["woodwork"])
    story_id = make_story(app, maker, title="Bob's bowl", photos=1)
    auth.login(email="bob-turner@example.com")
    return maker, story_id, photo_ids(app, story_id)[0]


@pytest.mark.usefixtures("bob")
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("action", STORY_ACTIONS)
def test_another_maker_cannot_touch_the_story(client, app, ada_story, action, htmx):
    method, path, data, _, _ = action
    _, story_id, photo_id = ada_story
    before = snapshot(app)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.open(fill(path, story_id, photo_id), method=method, data=data,
                           headers=headers)
    assert response.status_code == 404
    assert "HX-Redirect" not in response.headers
    assert str(escape("Ada's moon jar")).encode() not in response.data
    assert snapshot(app) == before


@pytest.mark.parametrize("action", [a for a in STORY_ACTIONS if "{photo}" in a.values[0][1]])
def test_another_makers_photo_is_not_found_under_ones_own_story(client, app, ada_story, bob,
                                                               action):
    method, path, data, _, _ = action
    _, _, ada_photo = ada_story
    _, bob_story, _ = bob
    before = snapshot(app)
    response = client.open(fill(path, bob_story, ada_photo), method=method, data=data)
    assert response.status_code == 404
    assert snapshot(app) == before


@pytest.mark.usefixtures("ada_story", "bob")
def test_another_makers_stories_are_not_in_ones_list(client):
    page = client.get("/account/stories")
    assert str(escape("Bob's bowl")).encode() in page.data
    assert str(escape("Ada's moon jar")).encode() not in page.data


@pytest.mark.parametrize("action", STORY_ACTIONS)
def test_the_owner_can_act_on_the_story(client, app, auth, ada_story, action):
    method, path, data, status, location = action
    _, story_id, photo_id = ada_story
    auth.login()
    before = snapshot(app)
    response = client.open(fill(path, story_id, photo_id), method=method, data=data)
    assert response.status_code == status
    if method == "POST":
        assert response.headers["Location"] == fill(location, story_id, photo_id)
        assert snapshot(app) != before
    else:
        assert str(escape("Ada's moon jar")).encode() in response.data
        assert snapshot(app) == before


# --- photos ----------------------------------------------------------------------


@pytest.fixture
def photographed(app, owner):
    """The owner's published story with three photos: (story id, photo ids in order)."""
    story_id = make_story(app, owner, title="Moon jar", photos=3)
    return story_id, photo_ids(app, story_id)


def photo_path(story_id, photo_id, suffix=""):
    return f"/account/stories/{story_id}/photos/{photo_id}{suffix}"


def alt_of(app, photo_id):
    with app.app_context(), db.connection_context():
        return Photo.get_by_id(photo_id).alt


def alt_input(html, photo_id):
    return next(attrs for tag, attrs in Elements(html).found
                if tag == "input" and attrs.get("id") == f"alt-{photo_id}")


def test_photo_description_is_saved(client, app, photographed):
    story_id, (first, *_) = photographed
    response = client.post(photo_path(story_id, first), data={"alt": "  Bowls drying  "})
    assert response.status_code == 303
    assert response.headers["Location"] == edit_url(story_id)
    assert alt_of(app, first) == "Bowls drying"
    editor = client.get(edit_url(story_id))
    assert b"Description saved." in editor.data
    assert alt_input(editor.data.decode(), first)["value"] == "Bowls drying"


@pytest.mark.parametrize("alt", ["", "   "])
def test_photo_description_is_required(client, app, photographed, alt):
    story_id, (first, *_) = photographed
    before = snapshot(app)
    response = client.post(photo_path(story_id, first), data={"alt": alt})
    assert response.status_code == 422
    assert b"<html" in response.data
    assert b"Describe the photo for people who cannot see it." in response.data
    field = alt_input(response.data.decode(), first)
    assert field.get("aria-invalid") == "true"
    assert snapshot(app) == before


def test_over_long_photo_description_is_refused_and_kept(client, app, photographed):
    story_id, (first, second, _) = photographed
    before = snapshot(app)
    typed = "d" * 301
    response = client.post(photo_path(story_id, second), data={"alt": typed})
    assert response.status_code == 422
    html = response.data.decode()
    assert "Field cannot be longer than 300 characters." in html
    assert alt_input(html, second)["value"] == typed
    assert alt_input(html, first)["value"] == "Photo 1"
    assert snapshot(app) == before


def test_photo_description_with_htmx_returns_the_photos_fragment(client, app, photographed):
    story_id, (first, *_) = photographed
    response = hx(client, "post", photo_path(story_id, first), data={"alt": "Bowls drying"})
    assert response.status_code == 200
    html = response.data.decode()
    assert html.lstrip().startswith('<section id="photos"')
    assert "Description saved." in html
    assert alt_input(html, first)["value"] == "Bowls drying"
    assert alt_of(app, first) == "Bowls drying"

    typed = "d" * 301
    response = hx(client, "post", photo_path(story_id, first), data={"alt": typed})
    assert response.status_code == 422
    html = response.data.decode()
    assert html.lstrip().startswith('<section id="photos"')
    assert "Field cannot be longer than 300 characters." in html
    assert alt_input(html, first)["value"] == typed
    assert alt_of(app, first) == "Bowls drying"

    response = hx(client, "post", photo_path(story_id, first), data={"alt": ""})
    assert response.status_code == 422
    assert b"Describe the photo for people who cannot see it." in response.data


def test_moving_photos_changes_their_order_and_the_cover(client, app, photographed):
    story_id, (p1, p2, p3) = photographed
    visitor = app.test_client()
    assert thumbs(visitor.get("/makers/ada-potter")) == [f"/media/s{story_id}-photo1-thumb.jpg"]

    response = client.post(photo_path(story_id, p3, "/move"), data={"direction": "up"})
    assert response.status_code == 303
    assert response.headers["Location"] == edit_url(story_id)
    assert photo_ids(app, story_id) == [p1, p3, p2]
    assert b"Photos reordered." in client.get(edit_url(story_id)).data

    assert client.post(photo_path(story_id, p1, "/move"),
                       data={"direction": "down"}).status_code == 303
    assert photo_ids(app, story_id) == [p3, p1, p2]
    cover = f"/media/s{story_id}-photo3-thumb.jpg"
    assert thumbs(visitor.get("/makers/ada-potter")) == [cover]
    assert thumbs(visitor.get("/")) == [cover]
    story_page = visitor.get(f"/stories/{story_id}").data.decode()
    assert story_page.index(f"s{story_id}-photo3-display") < story_page.index(
        f"s{story_id}-photo1-display") < story_page.index(f"s{story_id}-photo2-display")

    # At the ends nothing moves; a direction that is not up or down is refused.
    before = snapshot(app)
    assert client.post(photo_path(story_id, p3, "/move"),
                       data={"direction": "up"}).status_code == 303
    assert client.post(photo_path(story_id, p2, "/move"),
                       data={"direction": "down"}).status_code == 303
    assert client.post(photo_path(story_id, p1, "/move"),
                       data={"direction": "sideways"}).status_code == 400
    assert snapshot(app) == before


def test_moving_a_photo_with_htmx_returns_the_photos_fragment(client, app, photographed):
    story_id, (p1, p2, p3) = photographed
    response = hx(client, "post", photo_path(story_id, p2, "/move"), data={"direction": "up"})
    assert response.status_code == 200
    html = response.data.decode()
    assert html.lstrip().startswith('<section id="photos"')
    assert "Photos reordered." in html
    order = [int(n) for n in re.findall(r'id="photo-(\d+)"', html)]
    assert order == [p2, p1, p3] == photo_ids(app, story_id)


def test_removing_a_photo(client, app, photographed):
    story_id, (p1, p2, p3) = photographed
    response = client.post(photo_path(story_id, p1, "/delete"))
    assert response.status_code == 303
    assert response.headers["Location"] == edit_url(story_id)
    assert photo_ids(app, story_id) == [p2, p3]
    assert b"Photo removed." in client.get(edit_url(story_id)).data
    assert thumbs(app.test_client().get("/makers/ada-potter")) == [
        f"/media/s{story_id}-photo2-thumb.jpg"]

    response = hx(client, "post", photo_path(story_id, p3, "/delete"))
    assert response.status_code == 200
    html = response.data.decode()
    assert html.lstrip().startswith('<section id="photos"')
    assert [int(n) for n in re.findall(r'id="photo-(\d+)"', html)] == [p2]
    assert photo_ids(app, story_id) == [p2]
    assert client.post(photo_path(story_id, p3, "/delete")).status_code == 404


def test_removing_an_uploaded_photo_removes_its_files(client, app, owner, tmp_path):
    response = client.post(NEW, data={**form("publish"), "photo": (jpeg(), "moon.jpg"),
                                      "photo_alt": "A moon jar"})
    story_id = story_id_from(response)
    [photo] = load(app, story_id).photo_rows
    files = [tmp_path / "uploads" / f"{photo.name}-{size}.jpg" for size in ("display", "thumb")]
    assert all(path.is_file() for path in files)
    with client.get(f"/media/{photo.name}-thumb.jpg") as served:
        assert served.status_code == 200
    response = client.post(photo_path(story_id, photo.id, "/delete"))
    assert response.status_code == 303
    assert load(app, story_id).photo_rows == []
    assert not any(path.exists() for path in files)


# --- the profile's "More stories" ----------------------------------------------------


class TestLoadMore:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "STORIES_PER_PAGE": 3}

    @pytest.fixture
    def seven(self, app, make_maker):
        """Seven published stories by Ada, "Pot 7" the newest; a draft; Bob's story."""
        ada = make_maker("Ada Potter", crafts=["ceramics"])
        start = utcnow() - timedelta(days=30)
        for n in range(1, 8):
            make_story(app, ada, title=f"Pot {n}", photos=1,
                       published_at=start + timedelta(days=n))
        make_story(app, ada, title="Pot draft", published=False)
        make_story(app, make_maker("Bob Turner"), title="Bob bowl")
        return ada

    @staticmethod
    def titles(response):
        return re.findall(r'<h3><a href="/stories/\d+">(Pot \d)</a></h3>', response.data.decode())

    @staticmethod
    def more_link(response):
        match = re.search(r'<a class="button secondary" href="([^"]*)"[^>]*>More stories</a>',
                          response.data.decode())
        return match.group(1).replace("&amp;", "&") if match else None

    @staticmethod
    def cursor(app, title):
        """The cursor of the story of this title: "<published_at>-<id>"."""
        with app.app_context(), db.connection_context():
            story = Story.get(Story.title == title)
            return f"{story.published_at:%Y%m%d%H%M%S%f}-{story.id}"

    def test_first_page_shows_three_and_a_more_link(self, client, app, seven):
        response = client.get("/makers/ada-potter")
        assert response.status_code == 200
        assert self.titles(response) == ["Pot 7", "Pot 6", "Pot 5"]
        assert response.data.decode().count(CARD) == 3
        assert b'id="story-list"' in response.data
        url = urlsplit(self.more_link(response))
        assert url.path == "/makers/ada-potter"
        assert parse_qs(url.query) == {"after": [self.cursor(app, "Pot 5")]}

    def test_htmx_next_page_is_a_bare_append(self, client, app, seven):
        url = self.more_link(client.get("/makers/ada-potter"))
        response = hx(client, "get", url)
        assert response.status_code == 200
        assert b'id="story-list"' not in response.data
        assert b'class="profile"' not in response.data
        assert self.titles(response) == ["Pot 4", "Pot 3", "Pot 2"]
        url = urlsplit(self.more_link(response))
        assert url.path == "/makers/ada-potter"
        assert parse_qs(url.query) == {"after": [self.cursor(app, "Pot 2")]}

    def test_second_page_without_htmx_is_a_whole_page(self, client, seven):
        response = client.get(self.more_link(client.get("/makers/ada-potter")))
        assert response.status_code == 200
        assert b"<html" in response.data
        assert b'id="story-list"' in response.data
        assert b"<h1>Ada Potter</h1>" in response.data
        assert self.titles(response) == ["Pot 4", "Pot 3", "Pot 2"]

    @pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
    def test_last_page_has_one_and_no_more_link(self, client, seven, htmx):
        second = client.get(self.more_link(client.get("/makers/ada-potter")))
        url = self.more_link(second)
        response = hx(client, "get", url) if htmx else client.get(url)
        assert response.status_code == 200
        assert self.titles(response) == ["Pot 1"]
        assert self.more_link(response) is None
        assert b"More stories" not in response.data
        assert b"Pot draft" not in response.data
        assert b"Bob bowl" not in response.data
        assert b"No stories yet" not in response.data

    @pytest.mark.parametrize(
        "after",
        ["abc", "-3", "0", "1.5", "", "2026-x", "x" * 200, "9" * 200,
         "20260101000000000000", "20260101000000000000-x", "20261399000000000000-1",
         "20260101000000000000-9999999999999999999"],
        ids=["abc", "-3", "0", "1.5", "empty", "2026-x", "200-letters", "200-digits",
             "no-id", "letter-id", "no-such-date", "id-past-int64"],
    )
    @pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
    def test_bad_cursors_mean_the_first_page(self, client, seven, after, htmx):
        url = f"/makers/ada-potter?{urlencode({'after': after})}"
        response = hx(client, "get", url) if htmx else client.get(url)
        assert response.status_code == 200
        assert self.titles(response) == ["Pot 7", "Pot 6", "Pot 5"]
        assert self.more_link(response) == self.more_link(client.get("/makers/ada-potter"))

    def test_following_the_links_reaches_every_story_once(self, client, seven):
        seen, url = [], "/makers/ada-potter"
        while url:
            assert len(seen) <= 7, seen  # the links must come to an end
            response = hx(client, "get", url) if seen else client.get(url)
            seen += self.titles(response)
            url = self.more_link(response)
        assert seen == [f"Pot {n}" for n in range(7, 0, -1)]


# --- queries stay flat ------------------------------------------------------------


@pytest.mark.parametrize("url", ["/makers/ada-potter", "/", "story", *FEEDS])
def test_query_count_does_not_grow_with_stories(client, app, make_maker, count_queries, url):
    ada = make_maker("Ada Potter", crafts=["ceramics", "glass"], tagline="Pots",
                     links=[("website", "https://ada.example/")])
    first = make_story(app, ada, title="Story 1", photos=2)
    make_story(app, ada, title="Story 2", photos=2)
    url = f"/stories/{first}" if url == "story" else url
    with count_queries() as few:
        response = client.get(url)
    assert response.status_code == 200
    few_data = response.data

    for n in range(3, 9):
        make_story(app, ada, title=f"Story {n}", photos=2)
    with app.app_context(), db.connection_context():
        add_photos(first, 6)  # the first story now has eight photos
    with count_queries() as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(few) > 0
    assert len(many) == len(few), (few.statements, many.statements)

    # the second request really showed more
    if url.endswith(".atom"):
        assert len(feed_titles(response)) == 8
    elif url == "/":
        assert response.data.decode().count(CARD) == 6 > few_data.decode().count(CARD)
    elif url.startswith("/stories/"):
        assert response.data.count(b"-display.jpg") > few_data.count(b"-display.jpg")
    else:
        assert response.data.decode().count(CARD) == 8
        assert len(thumbs(response)) == 8
