"""The public lists of stories cost the same at any size: SQLite walks an
index in their order (newest first) and stops at the page's end, with no sort
of every public story (`USE TEMP B-TREE FOR ORDER BY`) and no scan of the
story table. Checked with EXPLAIN QUERY PLAN on the statements the pages run."""

import ast
import datetime
import random

import pytest

from directory.dev.bulk import seed_bulk
from directory.extensions import db
from directory.models import Event, Maker, Story, utcnow

# Statements that may sort, and why that stays cheap: each sorts only the rows
# of one page (its photos, links, crafts), or runs at most once a minute (the
# counts beside the filters), or is a random pick of makers (to be replaced).
SMALL_SORTS = ('FROM "photo"', 'FROM "link"', 'FROM "maker_craft"', "RANDOM()",
               'GROUP BY "t1"."craft"', 'GROUP BY "t1"."place_key"')


@pytest.fixture
def many(app):
    """200 makers and 3,000 stories, and SQLite's statistics about them."""
    with app.app_context(), db.connection_context():
        seed_bulk(200, 3000)
        db.execute_sql("ANALYZE")
        return Maker.select().first().slug


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


@pytest.mark.parametrize("path", ["/", "/feeds/stories.atom", "/sitemap.xml",
                                  "/makers/{slug}", "/makers/{slug}/feed.atom"])
def test_story_lists_walk_an_index_in_order(client, app, many, count_queries, path):
    with count_queries() as queries:
        assert client.get(path.format(slug=many)).status_code == 200
    checked = 0
    for sql, plan in plans(app, queries.statements):
        if 'FROM "story"' not in sql or any(small in sql for small in SMALL_SORTS):
            continue
        checked += 1
        text = " / ".join(plan)
        assert "TEMP B-TREE" not in text, (sql, text)
        assert not any(line.startswith("SCAN") for line in plan), (sql, text)
        assert "story_" in text and "status_moderation_published_at_id" in text, text
    assert checked >= 1  # the page's story list was among what it ran


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
        assert client.get(f"/makers/{many}").status_code == 200
    found = [plan for sql, plan in plans(app, queries.statements) if 'FROM "kind_word"' in sql]
    assert found
    for plan in found:
        text = " / ".join(plan)
        assert "kindword_maker_id_approval_moderation_id" in text and "TEMP B-TREE" not in text
