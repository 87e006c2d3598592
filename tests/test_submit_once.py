"""A new story's form makes one story, however often it is sent (a
double-click without JavaScript, a form sent again after Back)."""

import re

from directory.extensions import db
from directory.models import Story, Submission


def once_key(client):
    page = client.get("/account/stories/new").data.decode()
    return re.search(r'name="once" type="hidden" value="([0-9a-f]{32})"', page).group(1)


def test_the_same_form_sent_twice_makes_one_story(client, app, owner):
    key = once_key(client)
    data = {"action": "draft", "title": "Glaze tests", "body": "Twelve tiles.", "once": key}
    first = client.post("/account/stories/new", data=data)
    second = client.post("/account/stories/new", data=data)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context(), db.connection_context():
        assert Story.select().count() == 1
    assert "already saved" in client.get(second.headers["Location"]).data.decode()


def test_two_forms_make_two_stories(client, app, owner):
    for title in ("First", "Second"):
        client.post("/account/stories/new", data={"action": "draft", "title": title,
                                                   "once": once_key(client)})
    with app.app_context(), db.connection_context():
        assert sorted(story.title for story in Story.select()) == ["First", "Second"]


def test_another_maker_cannot_reuse_a_key(client, app, owner, make_maker, auth):
    key = once_key(client)
    client.post("/account/stories/new", data={"action": "draft", "title": "Ada's",
                                               "once": key})
    auth.logout()
    make_maker("Bea Weaver")
    auth.login("bea-weaver@example.com")
    response = client.post("/account/stories/new", data={"action": "draft", "title": "Bea's",
                                                          "once": key})
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert sorted(story.title for story in Story.select()) == ["Ada's", "Bea's"]
        assert Submission.select().count() == 2


def test_a_refused_form_records_nothing(client, app, owner):
    key = once_key(client)
    response = client.post("/account/stories/new", data={"action": "draft", "title": "",
                                                          "once": key})
    assert response.status_code == 422
    assert key in response.data.decode()  # the same form, the same key
    with app.app_context(), db.connection_context():
        assert Submission.select().count() == 0
