"""Operator commands: seed-demo and create-moderator (init-db lives in db.py)."""

import click
from flask.cli import with_appcontext

from .extensions import db
from .forms import PASSWORD_MIN
from .models import Link, Maker, normalise_email
from .sanitise import render_markdown
from .text import slugify


def register(app):
    """Add the commands to `flask --app app ...`."""
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(create_moderator_command)


def create_demo_maker(entry):
    """Create one demo maker with crafts and links from a demo_data entry."""
    slug = Maker.unique_slug(slugify(entry["display_name"]))
    maker = Maker(
        email=f"{slug}@demo.example",
        display_name=entry["display_name"],
        slug=slug,
        tagline=entry["tagline"],
        about_md=entry["about"],
        about_html=render_markdown(entry["about"]),
        commissions=entry["commissions"],
    )
    maker.set_place(entry["place"])
    maker.set_unusable_password()
    maker.save()
    maker.set_crafts(entry["crafts"])
    for position, (kind, url, label) in enumerate(entry["links"], start=1):
        Link.create(maker=maker, kind=kind, url=url, label=label, position=position)
    return maker


@click.command("seed-demo")
@with_appcontext
@click.option("--force", is_flag=True, help="Add the demo makers even if makers exist.")
@click.option("--if-empty", is_flag=True, help="Quietly do nothing if makers exist.")
def seed_demo_command(force, if_empty):
    """Fill an empty database with about 30 demo makers and their links."""
    from .demo_data import MAKERS  # noqa: PLC0415 (only this command needs it)

    with db.connection_context():
        existing = Maker.select().count()
        if existing and if_empty:
            return
        if existing and not force:
            raise click.ClickException(
                f"The database already has {existing} makers. "
                "Use --force to add the demo makers anyway."
            )
        added = 0
        with db.atomic():
            for entry in MAKERS:
                if not Maker.select().where(Maker.display_name == entry["display_name"]).exists():
                    create_demo_maker(entry)
                    added += 1
    click.echo(f"Added {added} demo makers.")


@click.command("create-moderator")
@with_appcontext
@click.argument("email")
@click.option("--password", help="Password for a new account (prompted if needed).")
def create_moderator_command(email, password):
    """Make the account with EMAIL a moderator, creating it if needed."""
    email = normalise_email(email)
    with db.connection_context():
        maker = Maker.by_email(email)
        if maker is None:
            if not password:
                password = click.prompt("Password for the new account", hide_input=True,
                                        confirmation_prompt=True)
            if len(password) < PASSWORD_MIN:
                raise click.ClickException(f"Use a password of at least {PASSWORD_MIN} characters.")
            name = email.split("@")[0]
            maker = Maker(email=email, display_name=name,
                          slug=Maker.unique_slug(slugify(name)))
            maker.set_password(password)
        maker.role = Maker.ROLE_MODERATOR
        with db.atomic():
            maker.save()
    click.echo(f"{email} is now a moderator.")
