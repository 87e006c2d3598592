"""Where to meet a maker: markets, shows, open studios and workshops.

Dates and times are kept as the maker gave them, in the event's own time
zone (an IANA name); `starts_utc` and `ends_utc` are the same moments in UTC,
computed on write, for listing what is coming up in order.
"""

import uuid
from datetime import datetime, timedelta

from peewee import (
    SQL,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    NodeList,
    TimeField,
)

from .base import BaseModel, utcnow
from .makers import Maker

# How long ago an event may have started and still be on: the listings read
# events that started since then, so they never walk the whole history.
LONGEST_EVENT_DAYS = 92


class Event(BaseModel):
    """One event on a maker's calendar. Cancelled events stay, marked so."""

    KINDS = {
        "market": "Market",
        "show": "Show or fair",
        "open-studio": "Open studio",
        "workshop": "Workshop or class",
    }
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    # What, when changed, changes a calendar entry people may have planned by.
    TIME_AND_PLACE = ("starts_on", "start_time", "ends_on", "end_time", "time_zone", "venue",
                      "town")
    EDITOR_COLUMNS = ("title", "kind", *TIME_AND_PLACE, "link", "note", "starts_utc",
                      "ends_utc", "sequence", "updated_at")

    maker = ForeignKeyField(Maker, backref="events", on_delete="CASCADE")
    uid = CharField(max_length=80, unique=True, default=lambda: uuid.uuid4().hex)
    title = CharField(max_length=120)
    kind = CharField(max_length=20)
    starts_on = DateField()
    start_time = TimeField(null=True)
    ends_on = DateField()
    end_time = TimeField(null=True)
    time_zone = CharField(max_length=64)
    venue = CharField(max_length=120, default="")
    town = CharField(max_length=120, default="")
    link = CharField(max_length=500, default="")
    note = CharField(max_length=500, default="")
    status = CharField(max_length=20, default=CONFIRMED)
    sequence = IntegerField(default=0)  # iCalendar's SEQUENCE: bumped when time or place change
    starts_utc = DateTimeField()
    ends_utc = DateTimeField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "event"
        # Coming up across the directory, and on one maker's profile, in order.
        indexes = ((("starts_utc", "id"), False), (("maker", "starts_utc", "id"), False))

    @property
    def kind_label(self):
        return self.KINDS.get(self.kind, self.kind)

    @property
    def is_cancelled(self):
        return self.status == self.CANCELLED

    @property
    def timed(self):
        return self.start_time is not None

    def local_start(self, zone):
        """The start as an aware datetime in `zone` (a ZoneInfo), midnight for a whole day."""
        return datetime.combine(self.starts_on, self.start_time or datetime.min.time(), zone)

    def local_end(self, zone):
        """The end as an aware datetime: the end time, or the midnight after the last day."""
        if self.end_time is not None:
            return datetime.combine(self.ends_on, self.end_time, zone)
        return datetime.combine(self.ends_on + timedelta(days=1), datetime.min.time(), zone)

    # --- listing --------------------------------------------------------
    @classmethod
    def upcoming(cls, now=None):
        """Events of public profiles not yet over, soonest first, with their makers."""
        now = now or utcnow()
        # The join reads "+maker_id" (SQLite's way to say: no index for this
        # term), so the events are walked in start order off their index and
        # the walk stops at the page's end, rather than every maker's events
        # gathered and sorted. One maker's events still use (maker, starts_utc).
        unindexed_maker = NodeList((SQL("+"), cls.maker), glue="")
        return (cls.select(cls, Maker)
                .join(Maker, on=(unindexed_maker == Maker.id), attr="maker")
                .where(Maker.public_condition()
                       & (cls.starts_utc >= now - timedelta(days=LONGEST_EVENT_DAYS))
                       & (cls.ends_utc > now))
                .order_by(cls.starts_utc, cls.id))

    @classmethod
    def browse(cls, craft=None, place=None, maker=None, now=None):
        """Upcoming events, of makers of one craft and one place, or of one maker."""
        query = Maker.in_craft_and_place(cls.upcoming(now), craft, place)
        if maker is not None:
            query = query.where(cls.maker == maker)
        return query

    @classmethod
    def feed_of(cls, query, limit=200):
        """A calendar's events: recent and coming ones, cancelled ones included."""
        return query.limit(limit)

    @classmethod
    def all_by(cls, maker):
        """The maker's own events, newest start first, past ones included."""
        return cls.select().where(cls.maker == maker).order_by(cls.starts_utc.desc(), cls.id.desc())

    # Keyset pagination in start order: "<starts_utc>-<id>".
    CURSOR_FORMAT = "%Y%m%d%H%M%S%f"

    @classmethod
    def cursor_of(cls, event):
        return f"{event.starts_utc.strftime(cls.CURSOR_FORMAT)}-{event.id}"

    @classmethod
    def after(cls, query, cursor):
        """The events after `cursor` in start order; a malformed cursor means the first page."""
        stamp, _, event_id = str(cursor or "").partition("-")
        try:
            starts = datetime.strptime(stamp, cls.CURSOR_FORMAT)
            event_id = int(event_id) if event_id.isascii() and event_id.isdigit() else None
        except ValueError:
            return query
        if event_id is None or event_id > 2**63 - 1:
            return query
        return query.where((cls.starts_utc > starts)
                           | ((cls.starts_utc == starts) & (cls.id > event_id)))
