"""Sending mail: through SMTP when MAIL_SERVER is set, else into instance/outbox/.

With no mail server (development, tests, `make run`) every message is written
as an .eml file that `flask --app app outbox` lists, so the confirmation and
reset flows work on any machine.
"""

import itertools
import secrets
import smtplib
import time
from email import message_from_bytes, policy
from pathlib import Path

import click
from flask import current_app, render_template
from flask.cli import with_appcontext
from flask_mail import Message

from ..extensions import mail

_sequence = itertools.count()


def outbox_path():
    return Path(current_app.config["OUTBOX_FOLDER"])


def send(to, subject, template, **context):
    """Send a plain-text mail rendered from templates/mail/<template>.txt.

    A mail that cannot be built or delivered is logged, never a failed page:
    the account it is about is saved, and the maker can ask for it again.
    Returns the .eml file's path when written to the outbox, else None.
    """
    try:
        message = Message(
            subject=subject,
            recipients=[to],
            body=render_template(f"mail/{template}.txt", **context),
            sender=current_app.config["MAIL_DEFAULT_SENDER"],
        )
        if current_app.config.get("MAIL_SERVER"):
            mail.send(message)
            return None
        return write_to_outbox(message.as_bytes())
    except (smtplib.SMTPException, OSError, UnicodeError, ValueError) as error:
        current_app.logger.warning("mail %r to a maker was not sent: %r", subject, error)
        return None


def write_to_outbox(data):
    folder = outbox_path()
    folder.mkdir(parents=True, exist_ok=True)
    # Names sort in the order mails were written: the time to the nanosecond,
    # then a counter for mails written within the same nanosecond.
    path = folder / f"{time.time_ns():020d}-{next(_sequence):08d}-{secrets.token_hex(4)}.eml"
    path.write_bytes(data)
    return path


def read(path):
    """An .eml file as an email.message.EmailMessage."""
    return message_from_bytes(Path(path).read_bytes(), policy=policy.default)


def outbox():
    """The messages in the outbox, oldest first."""
    folder = outbox_path()
    return sorted(folder.glob("*.eml")) if folder.exists() else []


@click.command("outbox")
@click.option("--last", is_flag=True, help="Print the newest message in full.")
@with_appcontext
def outbox_command(last):
    """List the mails written to instance/outbox/ (when no MAIL_SERVER is set)."""
    paths = outbox()
    if not paths:
        click.echo("The outbox is empty.")
        return
    if last:
        message = read(paths[-1])
        click.echo(f"To: {message['To']}\nSubject: {message['Subject']}\n")
        click.echo(message.get_body(preferencelist=("plain",)).get_content())
        return
    for path in paths:
        message = read(path)
        click.echo(f"{path.name}  {message['To']}  {message['Subject']}")
