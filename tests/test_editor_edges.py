"""Edges of the story editor and of the pages: stale actions, huge input,
out-of-range ids, htmx history restores, metadata hidden in JPEG comments."""

from io import BytesIO

import pytest
from PIL import Image

from directory.content.images import store_image
from directory.extensions import db
from directory.models import Story
from tests.conftest import hx
from tests.images import jpeg_bytes
from tests.test_stories import make_story


def story_of(app, story_id):
    with app.app_context(), db.connection_context():
        return Story.get_by_id(story_id)


def test_a_stale_save_draft_on_a_published_story_keeps_it_published_and_says_so(
        client, app, owner):
    story_id = make_story(app, owner, title="Kiln day")
    response = client.post(f"/account/stories/{story_id}/edit",
                           data={"title": "Kiln day, again", "body": "More words.",
                                 "action": "draft"}, follow_redirects=True)
    assert b"Changes saved." in response.data
    assert b"Draft saved" not in response.data
    story = story_of(app, story_id)
    assert story.is_published and story.title == "Kiln day, again"


def test_saving_a_published_story_with_an_empty_body_is_refused(client, app, owner):
    story_id = make_story(app, owner, title="Kiln day", body="The words.")
    response = client.post(f"/account/stories/{story_id}/edit",
                           data={"title": "Kiln day", "body": "  ", "action": "save"})
    assert response.status_code == 422
    assert b"Write the story before publishing it." in response.data
    assert story_of(app, story_id).body_md == "The words."


def test_a_missing_action_saves_without_changing_the_state(client, app, owner):
    response = client.post("/account/stories/new", data={"title": "Just a draft"})
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert Story.get().status == Story.DRAFT


def test_the_draft_button_comes_before_publish_so_enter_never_publishes(client, owner):
    page = client.get("/account/stories/new").data
    assert page.index(b'value="draft"') < page.index(b'value="publish"')


def test_a_huge_preview_is_cut_to_the_story_limit_not_rendered_whole(client, owner):
    body = "word " * 200_000  # a megabyte of text
    response = hx(client, "post", "/account/stories/preview", data={"title": "T", "body": body})
    assert response.status_code == 200
    assert response.data.count(b"word") <= 20_000 // 5 + 1


@pytest.mark.parametrize("url", [
    "/stories/99999999999999999999999999",
    "/account/stories/99999999999999999999999999/edit",
    "/account/links/99999999999999999999999999/edit",
])
def test_out_of_range_ids_are_not_found(client, owner, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/makers?page=99999999999999999999999",
                                 "/makers/ada-potter?page=99999999999999999999999",
                                 "/search?q=clay&page=99999999999999999999999"])
def test_huge_page_numbers_are_answered(client, owner, url):
    assert client.get(url).status_code == 200


def test_a_history_restore_gets_the_whole_page(client, owner):
    """htmx asks again for a pushed URL it no longer has; it needs the page."""
    response = client.get("/makers?craft=ceramics", headers={
        "HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert b"<html" in response.data
    assert "HX-Request" in response.headers["Vary"]


def test_a_comment_hidden_in_a_jpeg_is_not_stored(tmp_path):
    source = BytesIO()
    Image.open(BytesIO(jpeg_bytes())).save(source, "JPEG", comment=b"home: 12 Lark Lane")
    assert b"Lark Lane" in source.getvalue()
    stored = store_image(BytesIO(source.getvalue()), tmp_path, 10**7, 10**7)
    for size in ("display", "thumb"):
        data = (tmp_path / f"{stored.name}-{size}.jpg").read_bytes()
        assert b"Lark Lane" not in data
