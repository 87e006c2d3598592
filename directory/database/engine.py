"""The database engine: chosen by DATABASE_URL, taken from a pool per request.

SQLite (the default) runs in WAL mode with foreign keys on and a busy timeout,
and every transaction begins IMMEDIATE so concurrent writers queue instead of
failing with "database is locked". PostgreSQL works through the same models.
"""

from peewee import AutoField
from playhouse.db_url import connect

from ..extensions import db, is_sqlite

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -16000,
}


def make_database(url, pool=None):
    """A peewee database for the URL (sqlite:///path or postgresql://...).

    Connections come from a pool per worker (playhouse.pool), on both engines:
    a request reuses an open connection instead of paying for a new one (on
    SQLite, opening one and reading its schema cost about a third of a
    logged-in page). A connection goes back with any transaction rolled back.
    `pool` holds DB_POOL_SIZE, DB_POOL_STALE_SECONDS and DB_POOL_WAIT_SECONDS."""
    pool = pool or {}
    scheme, _, rest = url.partition("://")
    sizes = {"max_connections": pool.get("DB_POOL_SIZE", 8),
             "stale_timeout": pool.get("DB_POOL_STALE_SECONDS", 300),
             "timeout": pool.get("DB_POOL_WAIT_SECONDS", 10)}
    if scheme.startswith("sqlite"):
        # A pooled connection may serve a request on another thread than the one
        # that opened it (one thread at a time): sqlite3 must not refuse that.
        return connect(f"sqlite+pool://{rest}", pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                       check_same_thread=False, **sizes)
    return connect(f"{scheme.split('+')[0]}+pool://{rest}", **sizes)


def init_app(app):
    """Bind the database to the app. A request takes a connection with its
    first query (a page served from the page cache never does) and gives it
    back at its end."""
    db.initialize(make_database(app.config["DATABASE_URL"], app.config))

    @app.teardown_appcontext
    def _close(exc):
        if not db.is_closed():
            db.close()


def move_sequences_on(models):
    """After rows were inserted with their ids (a copy, bulk demo data): move
    each PostgreSQL id sequence past the largest id, so new rows get new ids.
    (SQLite needs nothing: its next id follows the largest.)"""
    if is_sqlite():
        return
    for model in models:
        key = model._meta.primary_key
        if isinstance(key, AutoField):
            table, column = model._meta.table_name, key.column_name
            sql = (f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "  # noqa: S608 (names from the models, never from input)
                   f"COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)")
            db.execute_sql(sql)
