"""What every template can use: crafts, photo URLs, the htmx file, the
moderation log's words for actions, and the notice for what is not public."""

from flask import url_for

from ..content.crafts import CRAFTS, craft_label
from ..content.images import file_name
from ..models import utcnow
from ..safety.decisions import MODERATOR_ACTIONS
from ..safety.notices import wording_for

HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def photo_url(name, size="display", **options):
    """The URL of a stored image in one size."""
    return url_for("media.photo", filename=file_name(name, size), **options)


def machine_time(moment):
    """A stored UTC time as a <time datetime> value: whole seconds and a Z,
    as HTML allows ("2026-11-24T23:47:31Z")."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def days_ago(moment, now=None):
    """How long ago a stored UTC time was, in days: "today", "yesterday", "3 days ago"."""
    days = ((now or utcnow()).date() - moment.date()).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def init_app(app):
    """Register template globals."""
    app.jinja_env.globals.update(
        CRAFTS=CRAFTS,
        craft_label=craft_label,
        HTMX_FILE=HTMX_FILE,
        photo_url=photo_url,
        now_utc=utcnow,
        ACTION_LABELS={name: action.logged_as for name, action in MODERATOR_ACTIONS.items()},
        hidden_notice=wording_for,
    )
    app.jinja_env.filters["craft_label"] = craft_label
    app.jinja_env.filters["machine_time"] = machine_time
    app.jinja_env.filters["days_ago"] = days_ago
