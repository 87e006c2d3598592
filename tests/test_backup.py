"""`flask backup` copies the database while it is being written, checks the
copy, and `flask restore` puts it back."""

import sqlite3

import pytest

from directory.extensions import db
from directory.models import Maker, Story

# VACUUM INTO and the SQLite file; PostgreSQL is backed up with pg_dump.
pytestmark = pytest.mark.sqlite_only


def rows(path, table):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        connection.close()


def test_backup_is_consistent_while_a_writer_holds_a_transaction(app, runner, make_maker,
                                                                 tmp_path):
    make_maker("Ada Potter")
    live = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    writer = sqlite3.connect(live, isolation_level=None, timeout=5)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE maker SET tagline = 'half-written'")
    try:
        result = runner.invoke(args=["backup", str(tmp_path / "copy.db")])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == 0, result.output
    assert "Integrity check ok" in result.output and "1 maker" in result.output
    connection = sqlite3.connect(tmp_path / "copy.db")
    assert connection.execute("SELECT tagline FROM maker").fetchone()[0] == ""
    connection.close()


def test_backup_refuses_to_overwrite_a_file(runner, tmp_path):
    target = tmp_path / "copy.db"
    target.write_text("keep me")
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code != 0
    assert "exists already" in result.output
    assert target.read_text() == "keep me"


def test_restore_brings_back_what_was_backed_up(app, runner, make_maker, tmp_path):
    make_maker("Ada Potter")
    assert runner.invoke(args=["backup", str(tmp_path / "copy.db")]).exit_code == 0
    make_maker("Bea Weaver")  # after the backup: gone after the restore
    result = runner.invoke(args=["restore", str(tmp_path / "copy.db"), "--yes"])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.connection_context():
        assert [maker.display_name for maker in Maker.select()] == ["Ada Potter"]
        assert Story.select().count() == 0


def test_restore_refuses_a_file_that_is_not_a_backup(app, runner, make_maker, tmp_path):
    make_maker("Ada Potter")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0
    assert "failed its integrity check" in result.output
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 1


def test_restore_asks_before_replacing(app, runner, make_maker, tmp_path):
    make_maker("Ada Potter")
    runner.invoke(args=["backup", str(tmp_path / "copy.db")])
    make_maker("Bea Weaver")
    result = runner.invoke(args=["restore", str(tmp_path / "copy.db")], input="n\n")
    assert result.exit_code != 0
    with app.app_context(), db.connection_context():
        assert Maker.select().count() == 2
    assert rows(tmp_path / "copy.db", "maker") == 1
