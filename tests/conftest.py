"""Fixtures in the style of Flask's tutorial: a temp-file database per test,
a client, a CLI runner, and helpers to act as a maker or as htmx.

With TEST_DATABASE_URL set (`make test-postgres` sets it), every test runs
on that PostgreSQL database instead, emptied before each test; the tests
marked `sqlite_only` check SQLite's own behaviour and are skipped there.
"""

import functools
import logging
import os
from contextlib import contextmanager
from datetime import timedelta

import pytest
from werkzeug.security import generate_password_hash

from directory import create_app
from directory.content.sanitise import render_markdown
from directory.content.text import slugify
from directory.database.engine import make_database
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import Link, Maker, utcnow
from directory.safety.spam_model import store

PASSWORD = "correct horse battery"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = TEST_DATABASE_URL.startswith("postgres")
SQLITE_ONLY_REASON = ("checks SQLite's own behaviour (its files, locks, query plans or "
                      "backups); the same feature on PostgreSQL has its own test")


def pytest_configure(config):
    config.addinivalue_line("markers", f"sqlite_only: {SQLITE_ONLY_REASON}")


def pytest_sessionstart(session):
    """Train the default spam model once, before the first test (it takes
    seconds): the apps under test find its file, so no signup waits for it."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret"})
    store.ensure_default(app.config["SPAM_MODEL_FOLDER"])


def pytest_collection_modifyitems(config, items):
    if ON_POSTGRES:
        skip = pytest.mark.skip(reason=SQLITE_ONLY_REASON)
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


# Tests whose own steps change the schema (downgrades, then upgrades); the
# test after one of them starts from a new schema too.
SCHEMA_CHANGING = ("tests/test_migrations.py",)
_schema = {"ready": False}


def empty_postgres(url):
    """Empty the test database: its rows (TRUNCATE, fast) when its schema is
    the one init-db made, else every table, type and search configuration."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "")
    changing = current.startswith(SCHEMA_CHANGING)
    database = make_database(url)
    with database.connection_context():
        if _schema["ready"] and not changing:
            tables = [name for name in database.get_tables() if name != "schema_version"]
            if tables:
                names = ", ".join(f'"{name}"' for name in tables)
                database.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        else:
            database.execute_sql("DROP SCHEMA public CASCADE")
            database.execute_sql("CREATE SCHEMA public")
    database.close_all()
    _schema["ready"] = not changing


@functools.cache
def password_hash(password):
    """scrypt is slow on purpose; hash each test password once per run."""
    return generate_password_hash(password)


@pytest.fixture
def app_config(tmp_path):
    """Test settings; a test can change them before asking for `app`."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "OUTBOX_FOLDER": str(tmp_path / "outbox"),
        "FACETS_CACHE_SECONDS": 0,
        # Tests set rows up directly, not through the write path that keeps the
        # page cache fresh; the cache has tests of its own (test_page_cache.py).
        "PAGE_CACHE_SECONDS": 0,
        "WTF_CSRF_ENABLED": False,
        "MAKERS_PER_PAGE": 5,
        # Tests post forms at machine speed and many times over; the fill-time
        # check and the rate limits have tests of their own that switch them on.
        "MIN_FILL_SECONDS": 0,
        "RATELIMIT_ENABLED": False,
    }


@contextmanager
def running_app(config):
    """An app on a fresh SQLite file (never :memory:, which closing would wipe),
    or on the emptied PostgreSQL database when the tests run there."""
    if ON_POSTGRES and config["DATABASE_URL"].startswith("sqlite"):
        config = {**config, "DATABASE_URL": TEST_DATABASE_URL}
        empty_postgres(TEST_DATABASE_URL)
    app = create_app(config)
    with app.app_context():
        init_db()
    yield app
    if not db.is_closed():
        db.close()
    if hasattr(db.obj, "close_all"):
        db.obj.close_all()  # a pool per test would use up the server's connections


@pytest.fixture
def app(app_config):
    with running_app(app_config) as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_maker(app):
    """Create a maker straight in the database: make_maker("Ada Potter", crafts=[...])."""

    def make(name="Ada Potter", *, email=None, password=PASSWORD, crafts=(), place="",
             tagline="", about="", links=(), new=False, **fields):
        """An established maker (confirmed, a month old) unless new=True."""
        if not new:
            month_ago = utcnow() - timedelta(days=30)
            fields = {"created_at": month_ago, "email_confirmed_at": month_ago, **fields}
        with app.app_context(), db.connection_context():
            slug = Maker.unique_slug(slugify(name))
            maker = Maker(
                display_name=name,
                email=email or f"{slug}@example.com",
                slug=slug,
                tagline=tagline,
                about_md=about,
                about_html=render_markdown(about),
                **fields,
            )
            maker.set_place(place)
            maker.password_hash = password_hash(password)
            maker.save()
            maker.set_crafts(crafts)
            for position, (kind, url) in enumerate(links, start=1):
                Link.create(maker=maker, kind=kind, url=url, position=position)
            return maker

    return make


class Auth:
    """Log in and out through the real forms."""

    def __init__(self, client):
        self.client = client

    def login(self, email="ada-potter@example.com", password=PASSWORD, remember=False):
        data = {"email": email, "password": password}
        if remember:
            data["remember"] = "y"
        return self.client.post("/login", data=data)

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def owner(make_maker, auth):
    """A maker who is logged in on `client`."""
    maker = make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
    auth.login()
    return maker


def hx(client, method, url, **kwargs):
    """Send an htmx request and check that only a fragment came back."""
    headers = {"HX-Request": "true", **kwargs.pop("headers", {})}
    response = client.open(url, method=method.upper(), headers=headers, **kwargs)
    assert b"<html" not in response.data
    assert "HX-Request" in response.headers.get("Vary", "")
    return response


@pytest.fixture
def count_queries():
    """Count SQL statements run inside a `with count_queries() as queries:` block."""

    class Counter(logging.Handler):
        def __init__(self):
            super().__init__(logging.DEBUG)
            self.statements = []

        def emit(self, record):
            self.statements.append(record.getMessage())

        def __enter__(self):
            logger = logging.getLogger("peewee")
            self._level = logger.level
            logger.setLevel(logging.DEBUG)
            logger.addHandler(self)
            return self

        def __exit__(self, *exc):
            logger = logging.getLogger("peewee")
            logger.removeHandler(self)
            logger.setLevel(self._level)

        def __len__(self):
            return len(self.statements)

    return Counter
