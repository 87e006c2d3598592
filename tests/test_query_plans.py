"""The public pages cost the same at any size: every statement they run uses
an index that matches its filter and its order, and stops at the page's end.
No sort of every public story or maker (`USE TEMP B-TREE`), and no scan of a
large table. Checked with EXPLAIN QUERY PLAN on every statement the pages
run, at 200 makers and 3,000 stories with SQLite's statistics gathered."""

import ast
import datetime
import random

import pytest
from peewee import fn

from directory.content.crafts import CRAFTS
from directory.dev.bulk import seed_bulk
from directory.extensions import db
from directory.models import Event, Maker, Story, utcnow

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
            try:
                sql, params = ast.literal_eval(message)
            except ValueError:  # parameters that are times, printed as datetime.datetime(...)
                sql, params = eval(message, {"__builtins__": {}, "datetime": datetime})  # noqa: S307 (our own log lines)
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


@pytest.fixture
def events(app, many):
    """3,000 events over two years around today, spread over the makers, and statistics."""
    rng = random.Random(16)  # noqa: S311 (test data, not secrets)
    with app.app_context(), db.connection_context():
        makers = [row[0] for row in Maker.select(Maker.id).tuples()]
        now = utcnow()
        rows = []
        for n in range(3000):
            start = now + datetime.timedelta(days=rng.randint(-700, 300), hours=rng.randint(0, 23))
            rows.append({"maker": rng.choice(makers), "uid": f"{n:032x}", "title": f"Fair {n}",
                         "kind": "market", "starts_on": start.date(), "ends_on": start.date(),
                         "time_zone": "UTC", "town": "Town", "starts_utc": start,
                         "ends_utc": start + datetime.timedelta(hours=8)})
        for first in range(0, len(rows), 500):
            Event.insert_many(rows[first:first + 500]).execute()
        maker = Maker.select().where(Maker.place_key != "").first()
        db.execute_sql("ANALYZE")
        return maker.slug, maker.place_key


@pytest.mark.parametrize("path", ["/events", "/events?place={place}", "/events?craft=ceramics",
                                  "/places/{place}", "/makers/{slug}", "/events.ics",
                                  "/makers/{slug}/events.ics", "/places/{place}/events.ics"])
def test_event_lists_walk_an_index_in_order(client, app, events, count_queries, path):
    slug, place = events
    with count_queries() as queries:
        assert client.get(path.format(slug=slug, place=place)).status_code == 200
    checked = 0
    for sql, plan in plans(app, queries.statements):
        if 'FROM "event"' not in sql:
            continue
        checked += 1
        text = " / ".join(plan)
        assert "TEMP B-TREE" not in text, (sql, text)
        assert not any(line.startswith("SCAN") for line in plan), (sql, text)
        assert "event_starts_utc_id" in text or "event_maker_id_starts_utc_id" in text, text
    assert checked >= 1


def test_a_profiles_kind_words_come_off_their_index(client, app, many, count_queries):
    with count_queries() as queries:
        assert client.get(f"/makers/{many['slug']}").status_code == 200
    found = [plan for sql, plan in plans(app, queries.statements) if 'FROM "kind_word"' in sql]
    assert found
    for plan in found:
        text = " / ".join(plan)
        assert "kindword_maker_id_approval_moderation_id" in text and "TEMP B-TREE" not in text


def test_a_sorting_statement_is_caught(app, many):
    """The check can fail: the old random pick of makers sorts the table."""
    with app.app_context(), db.connection_context():
        sql, params = Maker.select().order_by(fn.Random()).limit(6).sql()
        plan = [row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert [line for line in costly(plan) if not justified(sql, line)]
