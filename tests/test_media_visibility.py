"""Photos follow the pages' visibility rule: what a moderator removed, what the
spam rules hold, a suspended maker's work and a draft are not served to the
public, whoever has the address. Their maker and moderators still see them,
never from a shared cache. Public photos keep their year-long cache."""

import ast
import re
from io import BytesIO

import pytest

from directory.extensions import db
from directory.models import Maker, Photo, Story
from tests import images as make
from tests.conftest import PASSWORD
from tests.test_images import post_multipart

ONE_YEAR = 365 * 24 * 3600


def login(app, email):
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303
    return client


@pytest.fixture
def people(app, make_maker):
    """Ada (the maker, logged in), a moderator, another maker and a visitor."""
    ada = make_maker("Ada Potter")
    make_maker("Mo Derator", role="moderator")
    make_maker("Bea Weaver")
    return {
        "ada": login(app, ada.email),
        "moderator": login(app, "mo-derator@example.com"),
        "other maker": login(app, "bea-weaver@example.com"),
        "visitor": app.test_client(),
    }


def new_story(app, client, action="publish"):
    """Ada writes a story with one photo through the editor; (story id, photo URLs)."""
    response = post_multipart(client, "/account/stories/new", {
        "title": "Throwing a moon jar", "body": "Centring twelve kilos of porcelain.",
        "action": action, "photo": (BytesIO(make.jpeg_bytes()), "jar.jpg", "image/jpeg"),
        "photo_alt": "A moon jar on the wheel",
    })
    assert response.status_code == 303
    story_id = int(re.search(r"/stories/(\d+)/", response.headers["Location"]).group(1))
    with app.app_context(), db.connection_context():
        name = Photo.get(Photo.story == story_id).name
    return story_id, [f"/media/{name}-{size}.jpg" for size in ("display", "thumb")]


def portrait(app, client):
    """Ada uploads a portrait; its photo URLs."""
    response = post_multipart(client, "/account/photos", {
        "avatar": (BytesIO(make.jpeg_bytes()), "me.jpg", "image/jpeg"),
    })
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        name = Maker.get(Maker.slug == "ada-potter").avatar
    return [f"/media/{name}-{size}.jpg" for size in ("display", "thumb")]


def moderate(people, path, action):
    response = people["moderator"].post(f"/moderation/{path}/actions",
                                        data={"action": action, "reason": "Stolen photos"})
    assert response.status_code == 303


def fetch(client, url):
    """GET a file, read and closed."""
    with client.get(url) as response:
        response.get_data()
    return response


def assert_public(people, urls):
    """Everyone gets the photo, cacheable for a year."""
    for who, client in people.items():
        for url in urls:
            response = fetch(client, url)
            assert response.status_code == 200, (who, url)
            assert response.mimetype == "image/jpeg"
            cache = response.headers["Cache-Control"]
            assert "public" in cache and f"max-age={ONE_YEAR}" in cache, (who, cache)


def assert_private(people, urls, seen_by=("ada", "moderator")):
    """Only `seen_by` get the photo, and never from a shared cache."""
    for who, client in people.items():
        for url in urls:
            response = fetch(client, url)
            if who in seen_by:
                assert response.status_code == 200, (who, url)
                assert response.headers["Cache-Control"] == "private, no-store", who
            else:
                assert response.status_code == 404, (who, url)
                assert response.mimetype != "image/jpeg"


def test_a_public_storys_photos_are_public_and_cached(app, people):
    _, urls = new_story(app, people["ada"])
    assert_public(people, urls)


@pytest.mark.parametrize("action", ["remove", "hide"])
def test_a_moderated_storys_photos_are_not_served_to_the_public(app, people, action):
    story_id, urls = new_story(app, people["ada"])
    moderate(people, f"stories/{story_id}", action)
    assert_private(people, urls)


def test_a_restored_storys_photos_are_public_again(app, people):
    story_id, urls = new_story(app, people["ada"])
    moderate(people, f"stories/{story_id}", "remove")
    moderate(people, f"stories/{story_id}", "restore")
    assert_public(people, urls)


def test_a_held_storys_photos_wait_with_it(app, people):
    story_id, urls = new_story(app, people["ada"])
    with app.app_context(), db.connection_context():
        Story.update(moderation="held").where(Story.id == story_id).execute()
    assert_private(people, urls)


def test_a_drafts_photos_are_its_makers_alone(app, people):
    _, urls = new_story(app, people["ada"], action="draft")
    assert_private(people, urls, seen_by=("ada",))


def test_a_suspended_makers_photos_are_not_served(app, people):
    _, story_urls = new_story(app, people["ada"])
    portrait_urls = portrait(app, people["ada"])
    with app.app_context(), db.connection_context():
        ada_id = Maker.get(Maker.slug == "ada-potter").id
    moderate(people, f"makers/{ada_id}", "suspend")
    assert_private(people, story_urls + portrait_urls)


def test_a_removed_profiles_portrait_is_not_served(app, people):
    urls = portrait(app, people["ada"])
    assert_public(people, urls)
    with app.app_context(), db.connection_context():
        ada_id = Maker.get(Maker.slug == "ada-potter").id
    moderate(people, f"makers/{ada_id}", "remove")
    assert_private(people, urls)


@pytest.mark.parametrize("path", ["/media/unknown-display.jpg", "/media/x.png",
                                  "/media/..%2Fsecret_key", "/media/a-b-c-thumb.jpg"])
def test_unknown_files_are_not_found(people, path):
    for client in people.values():
        assert fetch(client, path).status_code == 404


@pytest.mark.sqlite_only
def test_finding_a_photos_owner_uses_indexes(app, people, count_queries):
    """Each lookup behind /media is an index search, never a scan of a table."""
    _, story_urls = new_story(app, people["ada"])
    urls = story_urls[:1] + portrait(app, people["ada"])[:1]
    with count_queries() as queries:
        for url in urls:
            assert fetch(people["visitor"], url).status_code == 200
    selects = [ast.literal_eval(message) for message in queries.statements
               if message.startswith("('SELECT")]
    assert len(selects) >= 3  # the photo's row; the portrait's: no photo, then the profile
    with app.app_context(), db.connection_context():
        for sql, params in selects:
            plan = " / ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}",
                                                                params))
            assert "SEARCH" in plan, plan
            assert "SCAN" not in plan, plan  # a scan reads the whole table, index or not


def test_a_public_photo_is_answered_without_the_session(app, people):
    """No cookie on a response every cache may keep, even for a visitor who
    has a session (as a form's CSRF token gives one)."""
    _, urls = new_story(app, people["ada"])
    visitor = people["visitor"]
    with visitor.session_transaction() as session:
        session["csrf_token"] = "a token from a form"
    for url in urls + portrait(app, people["ada"]):
        response = fetch(visitor, url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
