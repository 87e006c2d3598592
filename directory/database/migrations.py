"""Schema versions and `flask init-db`. Each step upgrades an existing
database without losing data.

To change the schema: add the field to the model (so new databases get it
from create_tables) and append a step here that adds it to existing ones with
playhouse.migrate, e.g. ``migrate(migrator.add_column("maker", "x", field))``.
"""

import click
from flask import current_app
from flask.cli import with_appcontext
from peewee import IntegerField, Model
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

from ..content import search
from ..extensions import db, is_sqlite
from ..models import (
    MODELS,
    Generation,
    Link,
    LinkCheck,
    Maker,
    ModerationAction,
    Report,
    Review,
    SpamLabel,
    Story,
    TextBand,
    TextPrint,
)
from ..safety.spam_model import store
from ..writes.rebuild import rebuild_derived_data


class SchemaVersion(Model):
    """A single row holding the number of the last step applied."""

    version = IntegerField()

    class Meta:
        database = db
        table_name = "schema_version"


def migrator():
    """The playhouse.migrate migrator for the current engine."""
    return SqliteMigrator(db.obj) if is_sqlite() else PostgresqlMigrator(db.obj)


def add_missing_indexes(migrator, wanted):
    """Add each (table, columns) index the table lacks (tables made since
    the step was written have them already)."""
    operations = []
    for table, columns in wanted:
        existing = {tuple(index.columns) for index in db.get_indexes(table)}
        if columns not in existing:
            operations.append(migrator.add_index(table, columns, False))
    migrate(*operations)


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
    """3: full-text search (filled by the rebuild after the last step)."""
    search.create_tables()


def add_moderation(migrator):
    """4: moderation state on profiles and stories, reports, reviews, the log,
    and fingerprints of texts (filled by the rebuild after the last step)."""
    operations = []
    new_columns = ((Maker, ("moderation", "email_confirmed_at", "vouched_at")),
                   (Story, ("moderation",)))
    for model, names in new_columns:
        table = model._meta.table_name
        columns = {column.name for column in db.get_columns(table)}
        for name in names:
            if name not in columns:
                # add_column also creates the column's index (moderation has one).
                operations.append(migrator.add_column(table, name, model._meta.fields[name]))
    migrate(*operations)
    # Accounts made before there was email confirmation count as confirmed.
    Maker.update(email_confirmed_at=Maker.created_at).where(
        Maker.email_confirmed_at.is_null()).execute()
    db.create_tables([Review, Report, ModerationAction, TextPrint, TextBand], safe=True)


def add_session_version(migrator):
    """5: a session version per account, so logging out ends every session."""
    columns = {column.name for column in db.get_columns("maker")}
    if "session_version" not in columns:
        migrate(migrator.add_column("maker", "session_version",
                                    Maker._meta.fields["session_version"]))


def add_lookup_indexes(migrator):
    """6: indexes for finding a profile by its photos (the media route) and
    the log rows about one subject (the notices)."""
    wanted = [("maker", ("avatar",)), ("maker", ("cover",)),
              ("moderation_action", ("subject", "id"))]
    add_missing_indexes(migrator, wanted)


def add_link_verification(migrator):
    """7: how a link was proven, its code's salt, its checks."""
    columns = {column.name for column in db.get_columns("link")}
    migrate(*[migrator.add_column("link", name, Link._meta.fields[name])
              for name in Link.VERIFICATION_COLUMNS if name not in columns])
    db.create_tables([LinkCheck], safe=True)


def add_public_story_indexes(migrator):
    """8: public stories newest first without a sort, for all and for one maker."""
    wanted = [("status", "moderation", "published_at", "id"),
              ("maker_id", "status", "moderation", "published_at", "id")]
    existing = {tuple(index.columns) for index in db.get_indexes("story")}
    migrate(*[migrator.add_index("story", columns, False)
              for columns in wanted if columns not in existing])


def add_kind_words(migrator):
    """9: kind words can be reported and moderated (the review and the log name
    them), and a maker may ask to be told of new ones by email. (The tables of
    kind words, customer codes and events are new: `upgrade` creates them.)"""
    wanted = [(Review, "kind_word"), (ModerationAction, "kind_word"), (Maker, "kind_word_mail")]
    operations = []
    for model, name in wanted:
        table = model._meta.table_name
        field = model._meta.fields[name]
        if field.column_name not in {column.name for column in db.get_columns(table)}:
            operations.append(migrator.add_column(table, field.column_name, field))
    migrate(*operations)


def add_page_cache(migrator):
    """10: a page's photos, links and crafts in order without a sort, and the
    generation numbers the anonymous page cache checks."""
    wanted = [("photo", ("story_id", "position", "id")), ("link", ("maker_id", "position", "id")),
              ("maker_craft", ("maker_id", "id"))]
    add_missing_indexes(migrator, wanted)
    db.create_tables([Generation], safe=True)


def add_spam_model(migrator):
    """11: the spam model's probability and reasons on reviews, and moderators'
    decisions kept as labels to train it on."""
    columns = {column.name for column in db.get_columns("review")}
    migrate(*[migrator.add_column("review", name, Review._meta.fields[name])
              for name in ("spam_probability", "model_reasons") if name not in columns])
    db.create_tables([SpamLabel], safe=True)


# (version, function) pairs, in order. Version 1 is the first schema; a new
# database is created at the latest version by create_tables.
STEPS = [(2, add_profile_photos), (3, add_search_index), (4, add_moderation),
         (5, add_session_version), (6, add_lookup_indexes), (7, add_link_verification),
         (8, add_public_story_indexes), (9, add_kind_words), (10, add_page_cache),
         (11, add_spam_model)]
# The steps after which the search index and the fingerprints are rebuilt:
# the ones that add them. (A rebuild holds the write lock a while on a big site.)
REBUILD_AFTER = {add_search_index, add_moderation}


def current_version():
    """The schema version of the connected database (0 if it is new)."""
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else 0


def upgrade():
    """Bring the connected database to the latest version, in one transaction.

    Tables that do not exist yet are created as the models define them; the
    steps change the tables that do. Derived data is rebuilt after the steps
    that add it (REBUILD_AFTER).
    """
    with db.atomic():
        fresh = not SchemaVersion.table_exists()
        db.create_tables([SchemaVersion], safe=True)
        db.create_tables([model for model in MODELS if not model.table_exists()])
        search.create_tables()
        if fresh:
            latest = STEPS[-1][0] if STEPS else 1
            SchemaVersion.create(version=latest)
            return
        version = current_version()
        rebuild = False
        for step_version, step in STEPS:
            if step_version > version:
                step(migrator())
                version = step_version
                rebuild = rebuild or step in REBUILD_AFTER
        if rebuild:
            rebuild_derived_data()
        SchemaVersion.delete().execute()
        SchemaVersion.create(version=max(version, 1))


def init_db():
    """Create missing tables, then apply the schema migrations not yet applied."""
    with db.connection_context():
        upgrade()


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create or upgrade the database schema; safe to run again, keeps data."""
    init_db()
    click.echo(f"Database ready: {current_app.config['DATABASE_URL']}")
    # The default spam model, trained from the shipped corpus once (about
    # ten seconds), so that the first post does not wait for it.
    folder = current_app.config["SPAM_MODEL_FOLDER"]
    store.ensure_default(folder)
    click.echo(f"Spam model: {store.in_use(folder)[0]}")
