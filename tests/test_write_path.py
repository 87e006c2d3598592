"""One write path: a profile, a story or a link is saved, indexed, fingerprinted
and looked at by the spam rules in one transaction. If any step fails, nothing
of the change is left behind (no link without its spam check, no story without
its index row)."""

import pytest

from directory.content import search
from directory.extensions import db
from directory.models import Link, Maker, Story, TextPrint
from directory.safety import spam
from directory.writes.profiles import save_profile, set_profile_photos
from directory.writes.stories import save_story

STORY = {"title": "Throwing a moon jar", "body": "Centring twelve kilos of porcelain."}


class RulesDown(RuntimeError):
    """A failure injected into the spam rules, as a crash mid-write would be."""


@pytest.fixture
def rules_down(monkeypatch):
    def fail(*args, **kwargs):
        raise RulesDown

    monkeypatch.setattr(spam, "check_profile", fail)
    monkeypatch.setattr(spam, "check_story", fail)


@pytest.fixture
def newcomer(make_maker, auth):
    """A new account (the spam rules look at its writes), logged in, with one link."""
    maker = make_maker("Ada Potter", new=True, links=[("website", "https://ada.example/")])
    auth.login()
    return maker


def state(app):
    with app.app_context(), db.connection_context():
        maker = Maker.get(Maker.slug == "ada-potter")
        return ([(link.kind, link.url, link.position) for link in Link.for_maker(maker)],
                [story.title for story in Story.select()],
                (maker.display_name, maker.tagline, maker.about_md),
                TextPrint.select().count(),
                search.counts()[1])


def link_id(app):
    with app.app_context(), db.connection_context():
        return Link.select().first().id


@pytest.mark.parametrize("change", [
    ("/account/links", {"kind": "social", "url": "https://social.example/@ada"}),
    ("/account/links/{link}", {"edit-kind": "gallery", "edit-url": "https://gallery.example/"}),
    ("/account/links/{link}/delete", {}),
])
def test_a_link_change_and_its_spam_check_land_together(client, app, newcomer, rules_down,
                                                         change):
    path, data = change
    before = state(app)
    with pytest.raises(RulesDown):
        client.post(path.format(link=link_id(app)), data=data)
    assert state(app) == before


def test_a_profile_and_its_spam_check_land_together(client, app, newcomer, rules_down):
    before = state(app)
    with pytest.raises(RulesDown):
        client.post("/account", data={
            "display_name": "Ada Renamed", "slug": "ada-potter", "tagline": "Moon jars",
            "about": "I throw porcelain moon jars in a small studio by the river, " * 5,
            "place": "Bristol, UK"})
    assert state(app) == before


def test_a_story_and_its_spam_check_land_together(client, app, newcomer, rules_down):
    before = state(app)
    with pytest.raises(RulesDown):
        client.post("/account/stories/new", data={
            "title": "Throwing a moon jar", "body": "Centring twelve kilos of porcelain.",
            "action": "publish"})
    assert state(app) == before


def test_without_the_failure_each_write_lands_whole(client, app, newcomer):
    assert client.post("/account/links", data={
        "kind": "social", "url": "https://social.example/@ada"}).status_code == 303
    assert client.post("/account/stories/new", data={
        "title": "Throwing a moon jar", "body": "Centring twelve kilos of porcelain, " * 10,
        "action": "publish"}).status_code == 303
    links, stories, _, prints, indexed = state(app)
    assert len(links) == 2
    assert stories == ["Throwing a moon jar"]
    assert prints == 1  # the story's fingerprint (the profile is too short to have one)
    assert indexed == 1


def test_a_save_never_undoes_a_moderators_action_taken_meanwhile(app, make_maker):
    """The maker's editor loaded the profile and the story before a moderator
    acted; saving them writes the maker's own columns only."""
    ada = make_maker("Ada Potter")
    with app.app_context(), db.connection_context():
        story = save_story(Maker.get_by_id(ada.id), None, STORY, "publish")
        stale_maker, stale_story = Maker.get_by_id(ada.id), Story.get_by_id(story.id)
        Maker.update(status="suspended", moderation="hidden").where(
            Maker.id == ada.id).execute()
        Story.update(moderation="removed").where(Story.id == story.id).execute()
        stale_maker.tagline = "Moon jars"
        save_profile(stale_maker)
        save_story(stale_maker, stale_story, {**STORY, "title": "Moon jars, again"})
        stale_maker.change_password("another long pass phrase")
        set_profile_photos(stale_maker, {"avatar": None})
        maker, story = Maker.get_by_id(ada.id), Story.get_by_id(story.id)
        assert (maker.tagline, story.title) == ("Moon jars", "Moon jars, again")
        assert (maker.status, maker.moderation, story.moderation) == (
            "suspended", "hidden", "removed")


@pytest.mark.parametrize(("loaded_as", "moderator_made", "held"), [
    ("held", "hidden", False),  # a clean save does not release what a moderator hid
    ("visible", "removed", True),  # a spammy save does not turn "removed" into "held"
])
def test_the_spam_rules_act_on_the_state_as_stored(app, make_maker, loaded_as, moderator_made,
                                                   held):
    ada = make_maker("Ada Potter", new=True)
    text = ({**STORY, "body": "Buy followers and likes fast: https://a.example "
                              "https://b.example https://c.example"} if held else STORY)
    with app.app_context(), db.connection_context():
        maker = Maker.get_by_id(ada.id)
        story = save_story(maker, None, STORY, "publish")
        Story.update(moderation=loaded_as).where(Story.id == story.id).execute()
        stale = Story.get_by_id(story.id)
        Story.update(moderation=moderator_made).where(Story.id == story.id).execute()
        assert spam.check_story(Story(**{**STORY, "body_md": text["body"]}), maker,
                                []).held is held
        save_story(maker, stale, text)
        assert Story.get_by_id(story.id).moderation == moderator_made
