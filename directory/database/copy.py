"""`flask copy-db --to URL`: move a site to another database (SQLite to
PostgreSQL, typically) without losing a row.

The target gets the schema from the same migrations (`init-db`), then every
table's rows, parents before children, in batches, through the models (so
dates, booleans and text convert as each engine expects). PostgreSQL's id
sequences are moved past the copied ids, the search index is built again on
the target's own full-text search, and every table is counted on both sides.
Stop writes to the site while it runs (or copy a backup).
"""

import click
from flask import current_app
from flask.cli import with_appcontext
from peewee import sort_models

from ..content import search
from ..extensions import db
from ..models import MODELS, Maker, Story
from .engine import make_database, move_sequences_on
from .migrations import STEPS, current_version, init_db

BATCH = 1000


class CopyRefused(click.ClickException):
    pass


def rows_of(model, source):
    """Every row of the model in the source database, in batches, by primary key."""
    key = model._meta.primary_key
    last = None
    while True:
        with source.bind_ctx([model]):
            query = model.select().order_by(key).limit(BATCH)
            if last is not None:
                query = query.where(key > last)
            batch = list(query.tuples())
        if not batch:
            return
        yield batch
        last = batch[-1][model._meta.sorted_fields.index(key)]


def counts(database, models):
    with database.bind_ctx(models):
        return {model._meta.table_name: model.select().count() for model in models}


def copy_database(source, target):
    """Copy every row from source to target (both peewee databases); returns
    {table: (rows in source, rows in target)}. `db` points at the target meanwhile."""
    models = sort_models(MODELS)
    db.initialize(target)
    try:
        init_db()
        with db.connection_context():
            if Maker.select().exists():
                raise CopyRefused("The target database already holds makers: copy into an "
                                  "empty one.")
            with db.atomic():
                for model in models:
                    fields = model._meta.sorted_fields
                    for batch in rows_of(model, source):
                        model.insert_many(batch, fields=fields).execute()
                move_sequences_on(models)
                search.rebuild(Maker.with_crafts(Maker.select()), Story.select())
            after = counts(db.obj, models)
        before = counts(source, models)
    finally:
        db.initialize(source)
    return {table: (before[table], after[table]) for table in before}


@click.command("copy-db")
@click.option("--to", "target_url", required=True,
              help="The database to copy into, e.g. postgresql://user@host/db (empty).")
@with_appcontext
def copy_db_command(target_url):
    """Copy this site's database into another, rebuild its search, count every table."""
    source = db.obj
    with db.connection_context():
        if current_version() != STEPS[-1][0]:
            raise CopyRefused("Run `flask --app app init-db` first: the copy needs the "
                              "latest schema on both sides.")
    target = make_database(target_url, current_app.config)
    tables = copy_database(source, target)
    width = max(len(name) for name in tables)
    for name, (before, after) in tables.items():
        verdict = "ok" if before == after else "DIFFERENT"
        click.echo(f"{name:<{width}}  {before:>8}  {after:>8}  {verdict}")
    if any(before != after for before, after in tables.values()):
        raise click.ClickException("Some tables differ: the copy is not complete.")
    total = sum(before for before, _ in tables.values())
    click.echo(f"Copied {total:,} rows into {target_url.split('@')[-1]}; every table has the "
               "same count on both sides.")
