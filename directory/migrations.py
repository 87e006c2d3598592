"""Schema versions. Each step upgrades an existing database without losing data.

To change the schema: add the field to the model (so new databases get it
from create_tables) and append a step here that adds it to existing ones with
playhouse.migrate, e.g. ``migrate(migrator.add_column("maker", "x", field))``.
"""

from peewee import IntegerField, Model
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

from . import search
from .db import is_sqlite
from .extensions import db
from .models import MODELS, Maker


class SchemaVersion(Model):
    """A single row holding the number of the last step applied."""

    version = IntegerField()

    class Meta:
        database = db
        table_name = "schema_version"


def migrator():
    """The playhouse.migrate migrator for the current engine."""
    return SqliteMigrator(db.obj) if is_sqlite() else PostgresqlMigrator(db.obj)


def add_profile_photos(migrator):
    """2: makers get an avatar and a cover photo."""
    columns = {column.name for column in db.get_columns("maker")}
    operations = [
        migrator.add_column("maker", name, Maker._meta.fields[name])
        for name in ("avatar", "cover")
        if name not in columns
    ]
    migrate(*operations)


def add_search_index(migrator):
    """3: full-text search; index what is already there."""
    db.create_tables(search.INDEX_MODELS, safe=True)
    search.rebuild()


# (version, function) pairs, in order. Version 1 is the first schema; a new
# database is created at the latest version by create_tables.
STEPS = [(2, add_profile_photos), (3, add_search_index)]


def current_version():
    """The schema version of the connected database (0 if it is new)."""
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else 0


def upgrade():
    """Bring the connected database to the latest version, in one transaction."""
    with db.atomic():
        fresh = not SchemaVersion.table_exists()
        db.create_tables([SchemaVersion, *MODELS], safe=True)
        if is_sqlite():
            db.create_tables(search.INDEX_MODELS, safe=True)
        if fresh:
            latest = STEPS[-1][0] if STEPS else 1
            SchemaVersion.create(version=latest)
            return
        version = current_version()
        for step_version, step in STEPS:
            if step_version > version:
                step(migrator())
                version = step_version
        SchemaVersion.delete().execute()
        SchemaVersion.create(version=max(version, 1))
