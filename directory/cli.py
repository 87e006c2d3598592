"""Operator commands: `flask --app app <command>`.

seed-demo and create-moderator live here; init-db in database/migrations.py,
backup and restore in database/backup.py, outbox in auth/mail.py.
"""

from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from .auth.mail import outbox_command
from .database.backup import backup_command, restore_command
from .database.copy import copy_db_command
from .database.migrations import init_db_command
from .dev import demo
from .dev.bulk import seed_bulk
from .extensions import db
from .models import Link, Maker, normalise_email, utcnow
from .safety import verification
from .safety.passwords import MIN_LENGTH, is_common
from .safety.spam_model.training import train_spam_command
from .web.navigation import public_url
from .writes.links import FAILURES_APART, record_check
from .writes.profiles import save_profile


def register(app):
    """Add the commands to `flask --app app ...`."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(create_moderator_command)
    app.cli.add_command(outbox_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(copy_db_command)
    app.cli.add_command(recheck_links_command)
    app.cli.add_command(train_spam_command)


@click.command("seed-demo")
@with_appcontext
@click.option("--force", is_flag=True, help="Add the demo makers even if makers exist.")
@click.option("--if-empty", is_flag=True, help="Quietly do nothing if makers exist.")
@click.option("--makers", "maker_count", type=click.IntRange(1, 1_000_000),
              help="Generate this many synthetic makers instead of the demo ones.")
@click.option("--stories", "story_count", type=click.IntRange(0, 10_000_000), default=0,
              help="With --makers: this many synthetic published stories.")
def seed_demo_command(force, if_empty, maker_count, story_count):
    """Fill an empty database with about 30 demo makers, their links and stories,
    or (--makers N --stories M) with many synthetic ones for trying it at scale."""
    with db.connection_context():
        existing = Maker.select().count()
        if existing and if_empty:
            return
        if existing and not force:
            raise click.ClickException(
                f"The database already has {existing} makers. "
                "Use --force to add the demo makers anyway."
            )
        if maker_count:
            makers, stories = seed_bulk(maker_count, story_count)
            click.echo(f"Added {makers} synthetic makers and {stories} stories.")
            return
        with db.atomic():
            makers, stories = demo.seed(demo.load("makers"), demo.load("stories"))
    click.echo(f"Added {makers} demo makers and {stories} stories.")


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
            if len(password) < MIN_LENGTH:
                raise click.ClickException(f"Use a password of at least {MIN_LENGTH} characters.")
            if is_common(password):
                raise click.ClickException("That password is too common. Choose another.")
            maker = Maker(email=email, display_name=email.split("@")[0],
                          role=Maker.ROLE_MODERATOR)
            maker.set_password(password)
            save_profile(maker)
        else:
            Maker.update(role=Maker.ROLE_MODERATOR).where(Maker.id == maker.id).execute()
    click.echo(f"{email} is now a moderator.")


@click.command("recheck-links")
@with_appcontext
def recheck_links_command():
    """Check again every verified link whose proof is older than LINK_RECHECK_DAYS.
    A link loses its badge after LINK_FAILURES_TO_DROP failed checks a day apart."""
    config = current_app.config
    if not config["SITE_URL"]:
        raise click.ClickException(
            "Set SITE_URL to the site's address (e.g. https://makers.example): the check "
            "looks for links back to the makers' profiles there.")
    now = utcnow()
    due = now - timedelta(days=config["LINK_RECHECK_DAYS"])
    # A link whose proof went missing is looked at again each day until it is
    # found or the badge goes, not only once every LINK_RECHECK_DAYS.
    retry = now - FAILURES_APART
    proven = failed = dropped = 0
    with db.connection_context(), current_app.test_request_context(base_url=config["SITE_URL"]):
        links = list(Link.select(Link, Maker).join(Maker)
                     .where(Link.verified_at.is_null(False)
                            & (Link.checked_at.is_null() | (Link.checked_at < due)
                               | ((Link.failures > 0) & (Link.failed_at <= retry)))))
        for link in links:
            profile = public_url("public.profile", slug=link.maker.slug)
            try:
                outcome = verification.check(link, profile)
            except Exception:  # noqa: BLE001 (one odd page must not stop the others)
                current_app.logger.exception("checking link %s failed", link.id)
                outcome = verification.Outcome(False, reason="The check itself failed.")
            record_check(link, outcome, config["LINK_FAILURES_TO_DROP"])
            proven += outcome.proven
            failed += not outcome.proven
            dropped += link.verified_at is None
    click.echo(f"Checked {len(links)} links: {proven} still proven, {failed} not found "
               f"({dropped} of them lost their badge).")
