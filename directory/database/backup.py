"""`flask backup PATH` and `flask restore PATH`: a consistent copy of the
SQLite database, taken while the site serves, checked before it is trusted.

The copy is made with ``VACUUM INTO``, which reads one snapshot of the
database (WAL readers never block the writer, nor the writer them). Photos
live as files under UPLOAD_FOLDER: copy that folder beside the database
(e.g. ``rsync -a instance/uploads/ backup/uploads/``); names never change, so
repeated copies only add new files.
"""

import sqlite3
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db, is_sqlite

COUNTED = ("maker", "link", "story", "photo", "report", "moderation_action")


def check_copy(path):
    """(integrity result, {table: rows}) of a database file."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608 (table names are ours)
                  for table in COUNTED if table in tables}
    except sqlite3.DatabaseError as error:  # not a database at all
        return str(error), {}
    finally:
        connection.close()
    if integrity == "ok" and "maker" not in counts:
        return "not a database of this site", counts
    return integrity, counts


def describe(counts):
    return ", ".join(f"{rows} {table}" for table, rows in counts.items())


def require_sqlite():
    if not is_sqlite():
        raise click.ClickException(
            "backup and restore work on SQLite. On PostgreSQL use pg_dump and pg_restore.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path):
    """Copy the database to PATH while the site serves, then check the copy."""
    require_sqlite()
    if path.exists():
        raise click.ClickException(f"{path} exists already. Choose a new file name.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with db.connection_context():
        db.execute_sql("VACUUM INTO ?", (str(path),))
    integrity, counts = check_copy(path)
    if integrity != "ok":
        raise click.ClickException(f"The copy at {path} failed its integrity check: {integrity}")
    click.echo(f"Backed up to {path} ({path.stat().st_size:,} bytes): {describe(counts)}. "
               "Integrity check ok.")
    click.echo(f"Photos are files: copy {current_app.config['UPLOAD_FOLDER']} too.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(path, yes):
    """Replace the database with the backup at PATH (stop the site first)."""
    require_sqlite()
    integrity, counts = check_copy(path)
    if integrity != "ok":
        raise click.ClickException(f"{path} failed its integrity check: {integrity}")
    if not yes:
        click.confirm(f"Replace the current database with {path} ({describe(counts)})?",
                      abort=True)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with db.connection_context():
            source.backup(db.connection())
    finally:
        source.close()
    click.echo(f"Restored from {path}: {describe(counts)}. Run `flask --app app init-db` "
               "if the backup comes from an older version.")
