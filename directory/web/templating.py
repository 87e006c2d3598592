"""What every template can use: crafts, photo URLs, the htmx file, the
moderation log's words for actions, and the notice for what is not public."""

from zoneinfo import ZoneInfo

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


def event_when(event):
    """When an event is, in its own words: "Sat 14 Mar 2026, 10:00–16:00" or
    "Sat 14 – Sun 15 Mar 2026", with the zone for a timed one."""
    first, last = event.starts_on, event.ends_on
    day = "%a %-d %b %Y"
    if last == first:
        dates = first.strftime(day)
    elif (last.year, last.month) == (first.year, first.month):
        dates = f"{first.strftime('%a %-d')} – {last.strftime(day)}"
    else:
        dates = f"{first.strftime(day)} – {last.strftime(day)}"
    if not event.timed:
        return dates
    times = f"{event.start_time.strftime('%H:%M')}–{event.end_time.strftime('%H:%M')}"
    return f"{dates}, {times} ({event.time_zone.replace('_', ' ')})"


def event_start(event):
    """An event's start as a <time datetime> value: a date, or a time with its offset."""
    if not event.timed:
        return event.starts_on.isoformat()
    return event.local_start(ZoneInfo(event.time_zone)).isoformat(timespec="minutes")


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
    app.jinja_env.filters["event_when"] = event_when
    app.jinja_env.filters["event_start"] = event_start
