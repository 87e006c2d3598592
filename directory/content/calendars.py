"""iCalendar (RFC 5545) feeds of events, made with the `icalendar` package:
the only module that imports it.

Each event keeps its UID for ever, says when the feed was made (DTSTAMP) and
last changed, carries the SEQUENCE its write path bumps when time or place
change, and STATUS:CANCELLED once cancelled. Timed events are written in
their own zone (TZID) with its VTIMEZONE, so calendar programs show the right
local time on either side of a daylight-saving change; whole days are DATE values.
"""

import uuid
from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

import icalendar

PRODUCT_ID = "-//Makers' Directory//Find me at//EN"
REFRESH = timedelta(hours=12)


def calendar(name, events, url_of, organizer_of):
    """The iCalendar text of `events` (rows of directory.models.Event, each
    with its maker loaded): `url_of(event)` is the page to link,
    `organizer_of(event)` the maker's name."""
    feed = icalendar.Calendar()
    feed.add("prodid", PRODUCT_ID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", icalendar.vDuration(REFRESH))
    events = list(events)
    for event in events:
        feed.add_component(entry(event, url_of(event), organizer_of(event)))
    if events:
        # The zones' rules over the years the events span, not since 1970.
        first = min(event.starts_on for event in events)
        last = max(event.ends_on for event in events)
        feed.add_missing_timezones(first_date=date(first.year - 1, 1, 1),
                                   last_date=date(last.year + 2, 1, 1))
    return feed.to_ical()


def entry(event, url, organizer):
    """One VEVENT. Its UID is the random UUID the event got when it was made
    (RFC 7986 recommends one): whatever the site's address, it never changes."""
    item = icalendar.Event()
    item.add("uid", str(uuid.UUID(event.uid)))
    item.add("dtstamp", event.updated_at.replace(tzinfo=UTC))
    item.add("last-modified", event.updated_at.replace(tzinfo=UTC))
    item.add("created", event.created_at.replace(tzinfo=UTC))
    item.add("sequence", event.sequence)
    item.add("summary", f"{event.title} ({organizer})")
    if event.timed:
        zone = ZoneInfo(event.time_zone)
        item.add("dtstart", event.local_start(zone))
        item.add("dtend", event.local_end(zone))
    else:
        item.add("dtstart", event.starts_on)
        item.add("dtend", event.ends_on + timedelta(days=1))  # DTEND of a DATE is exclusive
    item.add("location", ", ".join(part for part in (event.venue, event.town) if part))
    description = [event.note] if event.note else []
    if event.link:
        description.append(event.link)
    description.append(url)
    item.add("description", "\n\n".join(description))
    item.add("url", event.link or url)
    item.add("categories", [event.kind_label])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("transp", "TRANSPARENT")
    return item


def schema_org(event, organizer, organizer_url):
    """The event as schema.org JSON-LD (a dict): start and end with their UTC
    offset when timed, dates otherwise; where; who; whether it is still on."""
    if event.timed:
        zone = ZoneInfo(event.time_zone)
        start = event.local_start(zone).isoformat()
        end = event.local_end(zone).isoformat()
    else:
        start, end = event.starts_on.isoformat(), event.ends_on.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/" + ("EventCancelled" if event.is_cancelled
                                                else "EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": event.venue or event.town,
                     "address": event.town},
        "organizer": {"@type": "Person", "name": organizer, "url": organizer_url},
    }
    if event.note:
        data["description"] = event.note
    if event.link:
        data["url"] = event.link
    return data
