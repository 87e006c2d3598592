"""`init-db` upgrades a database made by an earlier version without losing data."""

import sqlite3

import pytest

from directory import create_app
from directory.database.migrations import STEPS, current_version
from directory.extensions import db
from directory.models import Maker

# The schema as version 1 created it: makers without avatar and cover columns.
VERSION_1 = """
CREATE TABLE schema_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE maker (
    id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL, display_name VARCHAR(80) NOT NULL,
    slug VARCHAR(60) NOT NULL UNIQUE, tagline VARCHAR(140) NOT NULL,
    about_md TEXT NOT NULL, about_html TEXT NOT NULL, place VARCHAR(120) NOT NULL,
    place_key VARCHAR(80) NOT NULL, commissions INTEGER NOT NULL, role VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL
);
INSERT INTO maker VALUES (1, 'old@example.com', '!', 'Old Timer', 'old-timer', 'Still here',
    '', '', 'Leeds, UK', 'leeds-uk', 0, 'maker', 'active',
    '2026-01-01 10:00:00', '2026-01-01 10:00:00');
"""


def test_init_db_upgrades_a_version_1_database_keeping_its_makers(tmp_path, app_config):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(VERSION_1)
    app = create_app({**app_config, "DATABASE_URL": f"sqlite:///{path}"})
    runner = app.test_cli_runner()

    for _ in range(2):  # the upgrade, then a second run that changes nothing
        result = runner.invoke(args=["init-db"])
        assert result.exit_code == 0, result.output

    with app.app_context(), db.connection_context():
        columns = {column.name for column in db.get_columns("maker")}
        assert {"avatar", "cover"} <= columns
        assert current_version() == STEPS[-1][0]
        maker = Maker.get(Maker.slug == "old-timer")
        assert (maker.display_name, maker.place, maker.avatar) == ("Old Timer", "Leeds, UK", None)
        assert db.table_exists("story") and db.table_exists("photo")
        # 4: moderation. Makers from before email confirmation count as confirmed,
        # so the spam rules do not suddenly treat old accounts as new.
        assert {"moderation", "email_confirmed_at", "vouched_at"} <= columns
        assert maker.moderation == "visible" and maker.email_confirmed_at == maker.created_at
        for table in ("review", "report", "moderation_action", "text_print", "text_band"):
            assert db.table_exists(table), table
        assert Maker.visible_to().count() == 1  # still on the site


def test_a_new_database_starts_at_the_latest_version(app):
    with app.app_context(), db.connection_context():
        assert current_version() == STEPS[-1][0]


LOOKUP_INDEXES = {"maker": {"maker_avatar", "maker_cover"},
                  "moderation_action": {"moderation_action_subject_id"}}


def index_names(table):
    return {index.name for index in db.get_indexes(table)}


def test_an_upgraded_database_has_the_indexes_a_new_one_has(tmp_path, app_config, app):
    with app.app_context(), db.connection_context():
        fresh = {table: index_names(table) for table in LOOKUP_INDEXES}
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(VERSION_1)
    old = create_app({**app_config, "DATABASE_URL": f"sqlite:///{path}"})
    assert old.test_cli_runner().invoke(args=["init-db"]).exit_code == 0
    with old.app_context(), db.connection_context():
        for table, names in LOOKUP_INDEXES.items():
            assert names <= fresh[table], table  # named alike, so the schemas never drift
            assert names <= index_names(table), table


@pytest.mark.sqlite_only
def test_step_6_adds_the_lookup_indexes_without_rebuilding_search(app, make_maker):
    """A database at version 5 (as the last release left it) gains the
    indexes; the search index is not rebuilt for a step that only adds indexes."""
    ada = make_maker("Ada Potter")
    with app.app_context(), db.connection_context():
        for table, names in LOOKUP_INDEXES.items():
            for name in names:
                db.execute_sql(f"DROP INDEX {name}")
            assert not names & index_names(table)
        db.execute_sql("UPDATE schema_version SET version = 5")
        # A profile missing from the search index stays missing: no rebuild ran.
        db.execute_sql("DELETE FROM maker_index WHERE rowid = ?", (ada.id,))
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.connection_context():
        assert current_version() == STEPS[-1][0]
        for table, names in LOOKUP_INDEXES.items():
            assert names <= index_names(table), table
        assert db.execute_sql("SELECT COUNT(*) FROM maker_index").fetchone()[0] == 0
