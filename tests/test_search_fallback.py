"""The LIKE search that stands in on engines without FTS5 (run here on SQLite,
calling it directly): every word must match, and % and _ are only text."""

from directory.content import search
from directory.extensions import db
from directory.models import Maker, Story
from tests.test_stories import make_story


def like_stories(text):
    return search.like_search(text, Story.browse(), search.STORY_TEXT, limit=10, offset=0,
                              snippet_from="summary")


def titles(stories):
    return sorted(story.title for story in stories)


def test_every_word_must_appear_somewhere(app, make_maker):
    ada = make_maker("Ada Potter", tagline="Stoneware mugs")
    make_story(app, ada, title="Wood ash glaze", body="Ash from the bakery.")
    make_story(app, ada, title="Trimming", body="Feet of bowls, glaze later.")
    make_story(app, ada, title="Not yet", body="A draft about glaze.", published=False)
    with app.app_context(), db.connection_context():
        assert titles(like_stories("glaze")) == [
            "Trimming", "Wood ash glaze"]
        assert titles(like_stories("GLAZE bakery")) == [
            "Wood ash glaze"]
        makers = search.like_search("stoneware", Maker.browse(), search.MAKER_TEXT, limit=5,
                                    offset=0, snippet_from="tagline")
        assert [m.display_name for m in makers] == ["Ada Potter"]


def test_percent_and_underscore_are_not_wildcards(app, make_maker):
    ada = make_maker("Ada Potter")
    make_story(app, ada, title="Half price", body="Everything 50% off this week.")
    make_story(app, ada, title="Plain", body="Nothing special here at all.")
    with app.app_context(), db.connection_context():
        # Wildcards never reach LIKE: they are not part of any word.
        assert search.words("50% a_l") == ["50", "a", "l"]
        assert search.like_all([Story.body_md], "% _") is None
        assert search.find_stories("%", Story.browse()) == []
        assert search.find_stories("_", Story.browse()) == []
        assert titles(like_stories("50%")) == ["Half price"]
        # And a word is matched as text by peewee's escaped LIKE.
        sql, params = db.get_sql_context().sql(Story.body_md.contains("a%b")).query()
        assert "ESCAPE" in sql and params[0] == "%a\\%b%"
