"""`init-db` upgrades a database made by an earlier version without losing data."""

import sqlite3

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
