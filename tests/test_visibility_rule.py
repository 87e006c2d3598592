"""One rule of who sees what: each model's query scope `visible_to(viewer)` and
its check on one row `is_visible_to(viewer)` agree for every state and every
kind of viewer, and every reason a row is not public has a notice."""

import itertools
import re

import pytest
from flask_login import AnonymousUserMixin

from directory.extensions import db
from directory.models import Maker, Moderated, Story, utcnow
from directory.safety.notices import WORDING, wording_for
from tests.conftest import PASSWORD

MODERATION = [Moderated.VISIBLE, Moderated.HELD, Moderated.HIDDEN, Moderated.REMOVED]
MAKER_STATUS = [Maker.STATUS_ACTIVE, Maker.STATUS_SUSPENDED]
STORY_STATUS = [Story.DRAFT, Story.PUBLISHED]


@pytest.fixture
def world(app, make_maker):
    """A maker in every account state and profile state, each with a story in
    every state; and the viewers: a visitor, moderators, makers."""
    makers = []
    for n, (status, moderation) in enumerate(itertools.product(MAKER_STATUS, MODERATION)):
        maker = make_maker(f"Maker {n}", status=status, moderation=moderation)
        makers.append(maker)
    with app.app_context(), db.connection_context():
        for maker in makers:
            for status, moderation in itertools.product(STORY_STATUS, MODERATION):
                Story.create(maker=maker.id, title=f"{status} {moderation}", status=status,
                             moderation=moderation,
                             published_at=utcnow() if status == Story.PUBLISHED else None)
    moderator = make_maker("Mo Derator", role="moderator")
    suspended_moderator = make_maker("Sus Pended", role="moderator", status="suspended")
    return {
        "visitor": None,
        "anonymous user": AnonymousUserMixin(),
        "moderator": moderator,
        "suspended moderator": suspended_moderator,
        **{f"owner {n}": maker for n, maker in enumerate(makers)},
    }


def loaded(viewer):
    """The viewer as the login would load it (None stays a visitor)."""
    if viewer is None or not getattr(viewer, "id", None):
        return viewer
    return Maker.get_by_id(viewer.id)


@pytest.mark.parametrize("model", [Maker, Story])
def test_the_scope_and_the_check_on_one_row_agree(app, world, model):
    with app.app_context(), db.connection_context():
        every = list(model.select())
        for name, given in world.items():
            viewer = loaded(given)
            in_scope = {row.id for row in model.visible_to(viewer)}
            checked = {row.id for row in every if row.is_visible_to(viewer)}
            assert in_scope == checked, name


def test_the_public_sees_only_public_rows(app, world):
    with app.app_context(), db.connection_context():
        makers = list(Maker.visible_to(None))
        stories = list(Story.visible_to(None))
        assert makers and stories
        assert all(m.status == "active" and m.moderation == "visible" for m in makers)
        assert all(s.status == "published" and s.moderation == "visible"
                   and s.maker.status == "active" and s.maker.moderation == "visible"
                   for s in stories)
        # Exactly one maker of the eight, and exactly one of their eight stories.
        assert len({m.id for m in makers if m.display_name.startswith("Maker")}) == 1
        assert len(stories) == 1


def test_an_owner_sees_all_of_their_own_and_only_the_public_rest(app, world):
    with app.app_context(), db.connection_context():
        owner = Maker.get(Maker.display_name == "Maker 7")  # suspended and removed
        mine = [s for s in Story.visible_to(owner) if s.maker_id == owner.id]
        others = [s for s in Story.visible_to(owner) if s.maker_id != owner.id]
        assert len(mine) == 8  # drafts, held, hidden and removed included
        assert others and all(s.is_public for s in others)
        assert Maker.visible_to(owner).where(Maker.id == owner.id).exists()


def test_a_moderator_sees_every_published_story_and_no_ones_drafts(app, world):
    with app.app_context(), db.connection_context():
        moderator = Maker.get(Maker.display_name == "Mo Derator")
        seen = list(Story.visible_to(moderator))
        assert len(seen) == 8 * 4  # every maker's four published stories
        assert all(s.status == "published" for s in seen)
        assert Maker.visible_to(moderator).count() == Maker.select().count()
        suspended = Maker.get(Maker.display_name == "Sus Pended")
        assert {s.id for s in Story.visible_to(suspended)} == {
            s.id for s in Story.visible_to(None)}


def test_every_reason_a_row_is_hidden_has_a_notice(app, world):
    with app.app_context(), db.connection_context():
        reasons = set()
        for row in [*Maker.select(), *Story.select()]:
            reason = row.hidden_because()
            assert (reason is None) == row.is_public
            assert (wording_for(row) is None) == row.is_public
            if reason:
                reasons.add(reason)
        assert reasons == set(WORDING)


def login(app, email):
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 303
    return client


def test_a_moderator_sees_a_removed_storys_page_with_a_notice(app, make_maker):
    ada = make_maker("Ada Potter")
    make_maker("Mo Derator", role="moderator")
    with app.app_context(), db.connection_context():
        story = Story.create(maker=ada.id, title="Moon jar", status="published",
                             moderation="removed", published_at=utcnow())
    page = login(app, "mo-derator@example.com").get(f"/stories/{story.id}")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.get_data(as_text=True))
    assert "Visitors cannot see this story</strong> (removed)" in text
    assert "Report this story" not in text  # only what the public sees can be reported
    assert app.test_client().get(f"/stories/{story.id}").status_code == 404
    assert login(app, "ada-potter@example.com").get(f"/stories/{story.id}").status_code == 200


@pytest.fixture
def restored_story(app, make_maker):
    """Ada's story, hidden then restored by a moderator ("Checked with the maker")."""
    ada = make_maker("Ada Potter")
    make_maker("Mo Derator", role="moderator")
    with app.app_context(), db.connection_context():
        story = Story.create(maker=ada.id, title="Moon jar", status="published",
                             published_at=utcnow())
    mod = login(app, "mo-derator@example.com")
    for action in ("hide", "restore"):
        assert mod.post(f"/moderation/stories/{story.id}/actions",
                        data={"action": action, "reason": "Checked with the maker"}
                        ).status_code == 303
    return story.id


def test_a_draft_shows_no_reason_from_an_earlier_moderation(app, restored_story):
    with app.app_context(), db.connection_context():
        Story.update(status="draft").where(Story.id == restored_story).execute()
    page = login(app, "ada-potter@example.com").get(f"/stories/{restored_story}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "This is a draft:" in text
    assert "Reason given" not in text and "Checked with the maker" not in text


def test_a_held_story_shows_no_reason_from_an_earlier_restore(app, restored_story):
    """Then held by the spam rules (which write no log row): the maker reads
    "Waiting for review", without the restore's words as if they were the reason."""
    with app.app_context(), db.connection_context():
        Story.update(moderation="held").where(Story.id == restored_story).execute()
    ada_client = login(app, "ada-potter@example.com")
    for path in (f"/stories/{restored_story}", "/account/stories"):
        text = ada_client.get(path).get_data(as_text=True)
        assert "waiting for review" in text.lower(), path
        assert "Checked with the maker" not in text, path
