"""`flask copy-db --to postgresql://...` moves a seeded SQLite site (stories,
photos' records, links, reports, the moderation log) into an empty PostgreSQL
database: every table has the same count on both sides, and search finds the
same things there, through PostgreSQL's own full-text search."""

import pytest

from directory import create_app
from directory.content import search
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import MODELS, Maker, ModerationAction, Report, Story
from directory.safety import decisions, reports
from tests.services import postgres_database

pytestmark = pytest.mark.sqlite_only  # the source is a SQLite site, whatever the suite runs on

WORDS = ["porcelain", "indigo", "silver", "walnut", "linen"]


def site_app(tmp_path):
    """The app of the SQLite site. (The database handle is process-wide: each
    app made binds it, so the site's app is made again after the copy's.)"""
    return create_app({"TESTING": True, "SECRET_KEY": "copy", "WTF_CSRF_ENABLED": False,
                       "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
                       "UPLOAD_FOLDER": str(tmp_path / "uploads")})


def target_app(url):
    return create_app({"TESTING": True, "SECRET_KEY": "copy", "DATABASE_URL": url})


@pytest.fixture
def site(tmp_path):
    """A SQLite site with the demo makers, a report, a moderator's action and bulk stories."""
    app = site_app(tmp_path)
    with app.app_context():
        init_db()
        runner = app.test_cli_runner()
        assert runner.invoke(args=["seed-demo"]).exit_code == 0
        assert runner.invoke(args=["seed-demo", "--force", "--makers", "20",
                                   "--stories", "200"]).exit_code == 0
        with db.connection_context():
            story = Story.select().where(Story.status == Story.PUBLISHED).first()
            reporter = Maker.select().where(Maker.id != story.maker_id).first()
            reports.report(story.maker, story, reporter, "spam", "Looks copied.")
            moderator = Maker.select().order_by(Maker.id.desc()).first()
            decisions.apply_action("hide", story.maker, story, moderator, "Checking")
    yield app
    with app.app_context():
        db.close()


def search_results(app):
    with app.app_context(), db.connection_context():
        return {word: sorted(story.id for story in search.find_stories(
                    word, Story.browse(), limit=50)) for word in WORDS}


def table_counts(app):
    with app.app_context(), db.connection_context():
        return {model._meta.table_name: model.select().count() for model in MODELS}


def test_a_sqlite_site_moves_to_postgresql_without_losing_a_row(site, tmp_path):
    before = table_counts(site)
    assert before["photo"] and before["link"] and before["report"] and before["moderation_action"]
    found_before = search_results(site)
    assert any(found_before.values())
    with postgres_database("copy_target") as target_url:
        with site.app_context():
            result = site.test_cli_runner().invoke(args=["copy-db", "--to", target_url])
        assert result.exit_code == 0, result.output
        assert "DIFFERENT" not in result.output and "every table" in result.output
        copy = target_app(target_url)
        assert table_counts(copy) == before
        assert search_results(copy) == found_before
        with copy.app_context(), db.connection_context():
            assert Report.select().count() == 1
            assert ModerationAction.select().where(ModerationAction.action == "hide").exists()
            maker = Maker.create(email="new@example.com", password_hash="!",
                                 display_name="New", slug="new-maker")
            assert maker.id > max(before["maker"], 1)  # ids go on after the copied ones
        db.obj.close_all()


def test_a_copy_into_a_site_in_use_is_refused(site, tmp_path):
    with postgres_database("copy_target_refused") as target_url:
        copy = target_app(target_url)
        with copy.app_context():
            init_db()
            with db.connection_context():
                Maker.create(email="x@example.com", password_hash="!", display_name="X",
                             slug="x")
            db.obj.close_all()
        site = site_app(tmp_path)
        with site.app_context():
            result = site.test_cli_runner().invoke(args=["copy-db", "--to", target_url])
        assert result.exit_code != 0 and "already holds makers" in result.output
        copy = target_app(target_url)
        assert table_counts(copy)["story"] == 0
        db.obj.close_all()
