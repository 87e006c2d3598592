"""A maker whose profile visitors cannot see still sees it, with a notice saying why."""

import pytest

from directory.extensions import db
from directory.models import Maker


@pytest.mark.parametrize(("change", "notice"), [
    ({"moderation": "held"}, "waiting for review"),
    ({"moderation": "removed"}, "removed by a moderator"),
    ({"status": "suspended"}, "your account is suspended"),
])
def test_the_owner_sees_a_hidden_profile_with_a_notice(client, app, owner, change, notice):
    with app.app_context(), db.connection_context():
        Maker.update(**change).where(Maker.id == owner.id).execute()
    page = client.get("/makers/ada-potter")
    assert page.status_code == 200
    assert "Visitors cannot see your profile just now" in page.data.decode()
    assert notice in page.data.decode()
    client.post("/logout")
    assert client.get("/makers/ada-potter").status_code == 404


def test_a_public_profile_has_no_notice(client, owner):
    response = client.get("/makers/ada-potter")
    assert response.status_code == 200
    page = response.data.decode()
    assert "<h1>Ada Potter</h1>" in page  # the profile itself...
    assert "Edit your profile" in page  # ...as its owner sees it...
    assert 'class="flash flash-info notice"' not in page  # ...with no notice
    assert "Visitors cannot see your profile" not in page


def test_another_maker_still_gets_404(client, app, make_maker, auth):
    make_maker("Bea Weaver", moderation="held")
    make_maker("Ada Potter")
    auth.login()
    assert client.get("/makers/bea-weaver").status_code == 404
