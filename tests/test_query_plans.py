"""The public pages cost the same at any size: every statement they run uses
an index that matches its filter and its order, and stops at the page's end.
No sort of every public story or maker (`USE TEMP B-TREE`), and no scan of a
large table. Checked with EXPLAIN QUERY PLAN on every statement the pages
run, at 200 makers and 3,000 stories with SQLite's statistics gathered."""

import ast

import pytest
from peewee import fn

from directory.content.crafts import CRAFTS
from directory.dev.bulk import seed_bulk
from directory.extensions import db
from directory.models import Maker, Story

CRAFT = next(iter(CRAFTS))

# Statements that may sort or scan, and why that stays cheap. Each entry is
# (a piece of the SQL, a piece of the plan it may show, the reason).
JUSTIFIED = [
    ("MATCH ?", "TEMP B-TREE",
     "search ranks the matches of the words typed: no index can hold a rank that "
     "depends on the query, and the full-text index finds the matches"),
    ("GROUP BY", "",
     "the counts beside the filters, computed at most once a minute (web/cache.py)"),
    ('"t1"."id" IN (?', "TEMP B-TREE", "orders the rows of one page, found by their ids"),
    ('ORDER BY "t1"."id" DESC LIMIT ?', "SCAN t1",
     "walks the primary key newest first and stops at the page's end"),
]


@pytest.fixture
def many(app):
    """200 makers and 3,000 stories, and SQLite's statistics about them."""
    with app.app_context(), db.connection_context():
        seed_bulk(200, 3000)
        db.execute_sql("ANALYZE")
        maker = Maker.select().where(Maker.place_key != "").first()
        story = Story.select(Story.id).where(Story.maker == maker).first()
        return {"slug": maker.slug, "place": maker.place_key, "story": story.id,
                "craft": CRAFT}


PUBLIC_PAGES = [
    "/", "/?meet=100", "/makers", "/makers?craft={craft}", "/makers?place={place}",
    "/makers?craft={craft}&place={place}", "/makers?after=150", "/makers/{slug}",
    "/stories/{story}", "/search?q=clay", "/search?q=clay&craft={craft}&place={place}",
    "/search?q=clay&page=2", "/feeds/stories.atom", "/crafts/{craft}/feed.atom",
    "/makers/{slug}/feed.atom", "/sitemap.xml", "/moderation/log",
]


def plans(app, statements):
    """(sql, plan lines) of every SELECT captured."""
    found = []
    with app.app_context(), db.connection_context():
        for message in statements:
            if not message.startswith("('SELECT"):
                continue
            sql, params = ast.literal_eval(message)
            rows = db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            found.append((sql, [row[3] for row in rows]))
    return found


def costly(plan):
    """The plan's lines that sort or scan a whole table."""
    return [line for line in plan if "TEMP B-TREE" in line or line.startswith("SCAN")
            and "VIRTUAL TABLE" not in line]


def justified(sql, line):
    return any(piece in sql and shown in line for piece, shown, _ in JUSTIFIED)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_statement_uses_an_index_for_its_filter_and_order(client, app, many,
                                                                  count_queries, path):
    with count_queries() as queries:
        assert client.get(path.format(**many)).status_code == 200
    found = plans(app, queries.statements)
    assert found  # the page ran queries, and all were checked
    for sql, plan in found:
        unexplained = [line for line in costly(plan) if not justified(sql, line)]
        assert not unexplained, (sql, plan)


@pytest.mark.parametrize("path", ["/", "/feeds/stories.atom", "/sitemap.xml",
                                  "/makers/{slug}", "/makers/{slug}/feed.atom",
                                  "/crafts/{craft}/feed.atom"])
def test_story_lists_walk_the_public_story_index(client, app, many, count_queries, path):
    with count_queries() as queries:
        assert client.get(path.format(**many)).status_code == 200
    lists = [" / ".join(plan) for sql, plan in plans(app, queries.statements)
             if 'FROM "story"' in sql and "ORDER BY" in sql]
    assert lists
    assert all("status_moderation_published_at_id" in text for text in lists), lists


def test_the_newest_stories_stop_at_the_page(app, many):
    """The home page reads its six stories, not every public story."""
    with app.app_context(), db.connection_context():
        sql, params = Story.browse().limit(6).sql()
        plan = [row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert plan[0].startswith("SEARCH t1 USING INDEX story_status_moderation_published_at_id")


def test_a_sorting_statement_is_caught(app, many):
    """The check can fail: the old random pick of makers sorts the table."""
    with app.app_context(), db.connection_context():
        sql, params = Maker.select().order_by(fn.Random()).limit(6).sql()
        plan = [row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert [line for line in costly(plan) if not justified(sql, line)]
