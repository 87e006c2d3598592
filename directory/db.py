"""The database: chosen by DATABASE_URL, opened per request, created by `init-db`.

SQLite (the default) runs in WAL mode with foreign keys on and a busy timeout,
and every transaction begins IMMEDIATE so concurrent writers queue instead of
failing with "database is locked". PostgreSQL works through the same models.
"""

import click
from flask import current_app
from flask.cli import with_appcontext
from peewee import SqliteDatabase
from playhouse.db_url import connect

from .extensions import db

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


def is_sqlite():
    """True when the app runs on SQLite."""
    return isinstance(db.obj, SqliteDatabase)


def init_app(app):
    """Bind the database to the app, open it per request, add the CLI command."""
    db.initialize(make_database(app.config["DATABASE_URL"]))

    @app.before_request
    def _connect():
        db.connect(reuse_if_open=True)

    @app.teardown_appcontext
    def _close(exc):
        if not db.is_closed():
            db.close()

    app.cli.add_command(init_db_command)


def init_db():
    """Create missing tables, then apply the schema migrations not yet applied."""
    from . import migrations  # noqa: PLC0415 (migrations imports the models)

    with db.connection_context():
        migrations.upgrade()


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create or upgrade the database schema; safe to run again, keeps data."""
    init_db()
    click.echo(f"Database ready: {current_app.config['DATABASE_URL']}")
