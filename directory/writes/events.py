"""Writing a maker's events: add, edit, cancel.

The UTC moments used for listing are computed here from what the maker gave,
in the event's own time zone. A change of time or place bumps the event's
SEQUENCE, so calendar programs that subscribed know it changed.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

from ..extensions import db
from ..models import Event, Generation, utcnow


def _moments(event):
    zone = ZoneInfo(event.time_zone)
    event.starts_utc = event.local_start(zone).astimezone(UTC).replace(tzinfo=None)
    event.ends_utc = event.local_end(zone).astimezone(UTC).replace(tzinfo=None)


def save_event(maker, event, fields):
    """Create (event None) or change an event from the editor's `fields`."""
    new = event is None
    event = event or Event(maker=maker)
    before = None if new else tuple(getattr(event, name) for name in Event.TIME_AND_PLACE)
    for name, value in fields.items():
        setattr(event, name, value)
    if before is not None and before != tuple(getattr(event, n) for n in Event.TIME_AND_PLACE):
        event.sequence += 1
    _moments(event)
    event.updated_at = utcnow()
    with db.atomic():
        event.save(only=None if new else Event.EDITOR_COLUMNS)
        Generation.changed(event.maker_id)
    return event


def cancel_event(event, cancelled=True):
    """Cancel an event (it stays in calendars, marked cancelled), or put it back on."""
    status = Event.CANCELLED if cancelled else Event.CONFIRMED
    if event.status == status:
        return event
    event.status, event.sequence, event.updated_at = status, event.sequence + 1, utcnow()
    with db.atomic():
        event.save(only=("status", "sequence", "updated_at"))
        Generation.changed(event.maker_id)
    return event
