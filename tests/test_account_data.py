"""A maker's data: the export zip, and deleting the account with everything in it."""

import io
import json
import zipfile
from pathlib import Path

from directory.extensions import db
from directory.models import (
    Link,
    Maker,
    ModerationAction,
    Photo,
    Report,
    Review,
    Story,
    TextPrint,
)
from tests.conftest import PASSWORD
from tests.images import exif_gps_jpeg

BODY = ("Every mug starts as a pound of reclaimed stoneware, wedged on the bench by the "
        "window, thrown in one sitting and trimmed the next morning when it is leather hard.")


def write_story(client, title="Mugs for the market", photo=True):
    """A published story with one photo, through the real editor."""
    data = {"action": "publish", "title": title, "body": BODY, "materials": "Stoneware"}
    if photo:
        data["photo"] = (io.BytesIO(exif_gps_jpeg()), "mug.jpg")
        data["photo_alt"] = "Three blue mugs drying on a shelf"
    response = client.post("/account/stories/new", data=data,
                           content_type="multipart/form-data")
    assert response.status_code == 303, response.data[:400]


def uploads(app):
    return sorted(path.name for path in Path(app.config["UPLOAD_FOLDER"]).glob("*.jpg"))


def test_export_holds_everything_the_maker_wrote_and_their_photos(client, app, owner):
    client.post("/account/links", data={"kind": "website", "url": "https://ada.example/",
                                        "label": "My shop"})
    write_story(client)
    client.post("/account/stories/new", data={"action": "draft", "title": "Half an idea",
                                              "body": "Not yet."})
    response = client.get("/account/export")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    data = json.loads(archive.read("maker.json"))
    assert data["profile"]["display_name"] == "Ada Potter"
    assert data["profile"]["email"] == "ada-potter@example.com"  # theirs, so it is in
    assert data["links"] == [{"kind": "website", "url": "https://ada.example/",
                              "label": "My shop"}]
    titles = {story["title"]: story for story in data["stories"]}
    assert set(titles) == {"Mugs for the market", "Half an idea"}
    assert titles["Half an idea"]["status"] == "draft"
    photo = titles["Mugs for the market"]["photos"][0]
    assert photo["alt"] == "Three blue mugs drying on a shelf"
    image = archive.read(photo["file"])
    assert image.startswith(b"\xff\xd8")  # a JPEG, as stored (no GPS: it never was kept)
    assert b"GPS" not in image


def test_export_is_only_the_makers_own(client, app, owner, make_maker):
    make_maker("Bea Weaver")
    write_story(client, photo=False)
    data = json.loads(zipfile.ZipFile(io.BytesIO(client.get("/account/export").data))
                      .read("maker.json"))
    assert "Bea Weaver" not in json.dumps(data)


def test_export_needs_a_login(client):
    response = client.get("/account/export")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_deleting_the_account_asks_for_the_password(client, app, owner):
    page = client.get("/account/delete")
    assert page.status_code == 200
    assert b"Your password, to confirm" in page.data
    response = client.post("/account/delete", data={"password": "not my password"})
    assert response.status_code == 422
    assert b"Nothing was deleted" in response.data
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 1


def test_a_get_never_deletes(client, app, owner):
    client.get("/account/delete?password=" + PASSWORD)
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 1


def test_deleting_removes_profile_stories_photos_links_and_files(client, app, owner,
                                                                make_maker):
    client.post("/account/links", data={"kind": "website", "url": "https://ada.example/"})
    write_story(client)
    assert uploads(app)  # the photo's two sizes
    bea = make_maker("Bea Weaver")
    with app.app_context(), db.connection_context():
        story = Story.get()
        mod = Maker.create(email="mod@example.com", password_hash="!", display_name="Mo",
                           slug="mo", role="moderator")
        ModerationAction.record("hide", story.maker, story, "Checking", moderator=mod)
        ModerationAction.record("suspend", story.maker, None, "Checking", moderator=mod)
    client.post(f"/stories/{story.id}/report", data={"reason": "spam"},
                environ_base={"REMOTE_ADDR": "10.0.0.9"})

    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 303
    assert client.get("/account").status_code == 302  # logged out
    assert client.get("/makers/ada-potter").status_code == 404
    assert client.get(f"/stories/{story.id}").status_code == 404
    assert uploads(app) == []
    with app.app_context(), db.connection_context():
        assert [maker.id for maker in Maker.select()] == [bea.id, mod.id]
        for model in (Story, Photo, Link, Review, Report, TextPrint):
            assert model.select().count() == 0, model.__name__
        labels = {row.subject_label for row in ModerationAction.select()}
        assert labels == {"A deleted account", "A story from a deleted account"}
    log = client.get("/moderation/log").data.decode()
    assert "Ada Potter" not in log and "Mugs for the market" not in log
    assert client.get("/search?q=mugs").data.count(b"Mugs for the market") == 0


def test_a_suspended_maker_can_export_and_delete(client, app, owner):
    write_story(client, photo=False)
    with app.app_context(), db.connection_context():
        Maker.update(status=Maker.STATUS_SUSPENDED).execute()
    assert client.get("/account/export").status_code == 200
    assert client.get("/account/links").status_code == 302  # everything else: the notice
    assert client.post("/account/stories/new", data={"title": "x"}).status_code == 403
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 303
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 0
