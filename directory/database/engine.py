"""The database engine: chosen by DATABASE_URL, opened and closed per request.

SQLite (the default) runs in WAL mode with foreign keys on and a busy timeout,
and every transaction begins IMMEDIATE so concurrent writers queue instead of
failing with "database is locked". PostgreSQL works through the same models.
"""

from playhouse.db_url import connect

from ..extensions import db

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -16000,
}


def make_database(url):
    """A peewee database for the URL (sqlite:///path or postgresql://...)."""
    if url.startswith("sqlite"):
        return connect(url, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
    return connect(url)


def init_app(app):
    """Bind the database to the app. A request opens it with its first query
    (a page served from the page cache never does) and closes it at its end."""
    db.initialize(make_database(app.config["DATABASE_URL"]))

    @app.teardown_appcontext
    def _close(exc):
        if not db.is_closed():
            db.close()
