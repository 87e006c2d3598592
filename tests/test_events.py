"""Events: the maker's editor and its bad input, the public lists, the
iCalendar feeds parsed back with `icalendar`, and the JSON-LD."""

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from directory.models import Event, Maker, utcnow
from tests.conftest import hx, running_app

LONDON = ZoneInfo("Europe/London")


def day(offset):
    return (date.today() + timedelta(days=offset)).isoformat()


def fields(**changes):
    data = {"title": "Hebden Makers' Fair", "kind": "market", "starts_on": day(10),
            "start_time": "", "ends_on": "", "end_time": "", "time_zone": "Europe/London",
            "venue": "Town Hall", "town": "Hebden Bridge", "link": "", "note": ""}
    return {**data, **changes}


def add(client, **changes):
    response = client.post("/account/events", data=fields(**changes))
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    return latest()


def latest():
    return Event.select().order_by(Event.id.desc()).first()


@pytest.fixture
def in_db(app):
    """Queries in the test open the database on their own (requests close it after them)."""
    with app.app_context():
        yield


def feed(client, path="/makers/ada-potter/events.ics"):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(response.data)


def vevents(calendar):
    return [component for component in calendar.walk("VEVENT")]


def dst_change(year):
    """The day the UK's clocks go forward in March of `year`."""
    moment = datetime(year, 3, 31, 12, tzinfo=LONDON)
    while moment.utcoffset() != timedelta(0):
        moment -= timedelta(days=1)
    return moment.date() + timedelta(days=1)


# --- the editor -------------------------------------------------------------

def test_the_time_zone_defaults_from_the_makers_place(owner, client):
    page = client.get("/account/events").get_data(as_text=True)
    assert '<option selected value="Europe/London">' in page or \
        re.search(r'<option[^>]*selected[^>]*value="Europe/London"', page)


@pytest.mark.parametrize("case", [
    ({"starts_on": day(10), "ends_on": day(9)}, "ends_on", "before the first day"),
    ({"starts_on": day(800)}, "starts_on", "within two years"),
    ({"starts_on": day(-800)}, "starts_on", "within two years"),
    ({"ends_on": day(760)}, "ends_on", "within two years"),
    ({"time_zone": "Mars/Olympus_Mons"}, "time_zone", "time zone from the list"),
    ({"link": "javascript:alert(1)"}, "link", "https://"),
    ({"link": "ftp://files.example/x"}, "link", "https://"),
    ({"starts_on": "next tuesday"}, "starts_on", "Not a valid date"),
    ({"start_time": "10:00"}, "end_time", "both times"),
    ({"start_time": "16:00", "end_time": "10:00"}, "end_time", "closes before it opens"),
    ({"title": ""}, "title", "Give the event a name"),
    ({"kind": "rave"}, "kind", "kind from the list"),
    ({"town": ""}, "town", "which town"),
])
def test_bad_input_gets_field_errors_and_saves_nothing(owner, client, in_db, case):
    changes, field, message = case
    response = client.post("/account/events", data=fields(**changes))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    error = re.search(rf'id="{field}-error">([^<]*)<', body)
    assert error and message in error.group(1), (field, body[:200])
    assert "Hebden Bridge" in body or changes.get("town") == ""  # input kept
    assert Event.select().count() == 0


def test_only_the_owner_edits_or_cancels(owner, client, make_maker, auth, in_db):
    event = add(client)
    make_maker("Bea Weaver")
    auth.logout()
    auth.login("bea-weaver@example.com")
    assert client.get(f"/account/events/{event.id}/edit").status_code == 404
    assert client.post(f"/account/events/{event.id}/edit",
                       data=fields(title="Stolen")).status_code == 404
    assert client.post(f"/account/events/{event.id}/cancel").status_code == 404
    assert Event.get_by_id(event.id).title == "Hebden Makers' Fair"
    assert Event.get_by_id(event.id).status == Event.CONFIRMED


# --- the feeds --------------------------------------------------------------

def test_local_times_across_a_daylight_saving_change(app, owner, client, in_db):
    change = dst_change(date.today().year + 1)
    before, after = change - timedelta(days=1), change
    for first in (before, after):
        add(client, title=f"Fair {first}", starts_on=first.isoformat(), start_time="10:00",
            end_time="16:00")
    calendar = feed(client)
    assert str(calendar["X-WR-CALNAME"]).startswith("Ada Potter")
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=12)
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/London"]
    starts = {}
    for item in vevents(calendar):
        start = item["DTSTART"]
        assert start.params["TZID"] == "Europe/London"
        starts[start.dt.date()] = start.dt
    assert starts[before].hour == starts[after].hour == 10
    assert starts[before].utcoffset() == timedelta(0)
    assert starts[after].utcoffset() == timedelta(hours=1)
    # Stored in UTC for the lists: an hour apart across the change.
    rows = {event.starts_on: event.starts_utc for event in Event.select()}
    assert rows[before].hour == 10 and rows[after].hour == 9


def test_uids_stay_and_sequence_bumps_on_time_or_place(app, owner, client, in_db):
    event = add(client, start_time="10:00", end_time="16:00")
    [item] = vevents(feed(client))
    uid = str(item["UID"])
    assert int(item["SEQUENCE"]) == 0 and item["DTSTAMP"]
    edit = f"/account/events/{event.id}/edit"
    assert client.post(edit, data=fields(start_time="10:00", end_time="16:00",
                                         title="Renamed fair")).status_code == 303
    [item] = vevents(feed(client))
    assert (str(item["UID"]), int(item["SEQUENCE"])) == (uid, 0)  # a new name only
    assert client.post(edit, data=fields(start_time="11:00", end_time="16:00",
                                         title="Renamed fair")).status_code == 303
    [item] = vevents(feed(client))
    assert (str(item["UID"]), int(item["SEQUENCE"])) == (uid, 1)
    assert item["DTSTART"].dt.hour == 11
    assert client.post(edit, data=fields(start_time="11:00", end_time="16:00", title="R",
                                         venue="The Old Mill")).status_code == 303
    [item] = vevents(feed(client))
    assert int(item["SEQUENCE"]) == 2 and "The Old Mill" in str(item["LOCATION"])


def test_cancelled_events_stay_in_feeds_marked_cancelled(app, owner, client, in_db):
    event = add(client)
    assert client.post(f"/account/events/{event.id}/cancel").status_code == 303
    [item] = vevents(feed(client))
    assert str(item["STATUS"]) == "CANCELLED" and int(item["SEQUENCE"]) == 1
    page = app.test_client().get("/makers/ada-potter").get_data(as_text=True)
    assert "Cancelled" in page
    assert client.post(f"/account/events/{event.id}/cancel",
                       data={"restore": "yes"}).status_code == 303
    [item] = vevents(feed(client))
    assert str(item["STATUS"]) == "CONFIRMED" and int(item["SEQUENCE"]) == 2


def test_whole_days_are_dates_and_past_events_drop_off_the_profile(app, owner, client, in_db):
    add(client, title="Open studio weekend", kind="open-studio", starts_on=day(3),
        ends_on=day(4))
    add(client, title="Last week's market", starts_on=day(-7))
    [item] = [i for i in vevents(feed(client)) if "Open studio" in str(i["SUMMARY"])]
    assert item["DTSTART"].dt == date.today() + timedelta(days=3)
    assert item["DTEND"].dt == date.today() + timedelta(days=5)  # exclusive
    visitor = app.test_client()
    page = visitor.get("/makers/ada-potter").get_data(as_text=True)
    assert "Open studio weekend" in page and "Last week" not in page
    # The calendar keeps it a while, so a change still reaches subscribers.
    assert any("Last week" in str(i["SUMMARY"]) for i in vevents(feed(client)))


def test_place_and_all_events_feeds(app, owner, client, make_maker, in_db):
    add(client)
    other = make_maker("Bea Weaver", place="Leeds, UK")
    Event.create(maker=other, title="Leeds market", kind="market", starts_on=date.today(),
                 ends_on=date.today(), time_zone="Europe/London", town="Leeds",
                 starts_utc=utcnow(), ends_utc=utcnow() + timedelta(hours=5))
    bristol = feed(client, "/places/bristol-uk/events.ics")
    assert [str(i["SUMMARY"]) for i in vevents(bristol)] == ["Hebden Makers' Fair (Ada Potter)"]
    assert "Bristol" in str(bristol["X-WR-CALNAME"])
    assert len(vevents(feed(client, "/events.ics"))) == 2
    assert client.get("/places/nowhere/events.ics").status_code == 404
    assert client.get("/makers/nobody/events.ics").status_code == 404


def test_hidden_makers_events_are_nowhere(app, owner, client, in_db):
    add(client)
    Maker.update(status=Maker.STATUS_SUSPENDED).execute()
    visitor = app.test_client()
    assert "Hebden" not in visitor.get("/events").get_data(as_text=True)
    assert vevents(feed(visitor, "/events.ics")) == []
    assert visitor.get("/makers/ada-potter/events.ics").status_code == 404


# --- pages ------------------------------------------------------------------

def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in found]


def test_profile_and_lists_carry_event_json_ld(app, owner, client, in_db):
    add(client, start_time="10:00", end_time="16:00", starts_on=day(12))
    visitor = app.test_client()
    for path in ("/makers/ada-potter", "/events", "/places/bristol-uk"):
        page = visitor.get(path).get_data(as_text=True)
        events = [item for block in json_ld(page)
                  for item in (block if isinstance(block, list) else [block])
                  if item.get("@type") == "Event"]
        assert len(events) == 1, path
        event = events[0]
        assert event["name"] == "Hebden Makers' Fair"
        start = datetime.fromisoformat(event["startDate"])
        assert start.utcoffset() is not None and start.hour == 10
        assert event["location"]["address"] == "Hebden Bridge"
        assert event["organizer"]["name"] == "Ada Potter"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert "text/calendar" in page  # a calendar link wherever events are listed


def test_events_page_filters_and_pages_by_keyset(app_config, make_maker):
    with running_app({**app_config, "EVENTS_PER_PAGE": 3}) as app, app.app_context():
        ada = make_maker("Ada Potter", crafts=["ceramics"], place="Bristol, UK")
        bea = make_maker("Bea Weaver", crafts=["weaving"], place="Leeds, UK")
        for n in range(7):
            start = utcnow() + timedelta(days=n + 1)
            Event.create(maker=ada if n % 2 else bea, title=f"Event {n}", kind="market",
                         starts_on=start.date(), ends_on=start.date(), time_zone="UTC",
                         town="Town", starts_utc=start, ends_utc=start + timedelta(hours=6))
        client = app.test_client()
        seen, url = [], "/events"
        while url:
            page = client.get(url).get_data(as_text=True)
            seen += re.findall(r">(Event \d)<", page)
            found = re.search(r'<a class="button secondary" href="([^"]+)"', page)
            url = found.group(1).replace("&amp;", "&") if found else None
        assert seen == [f"Event {n}" for n in range(7)]
        more = hx(client, "get", "/events?after=" + Event.cursor_of(
            Event.get(Event.title == "Event 2")))
        assert re.findall(r">(Event \d)<", more.get_data(as_text=True)) == [
            "Event 3", "Event 4", "Event 5"]
        weaving = client.get("/events?craft=weaving").get_data(as_text=True)
        assert re.findall(r">(Event \d)<", weaving) == ["Event 0", "Event 2", "Event 4"]
        bristol = client.get("/events?place=bristol-uk").get_data(as_text=True)
        assert re.findall(r">(Event \d)<", bristol) == ["Event 1", "Event 3", "Event 5"]
        assert 'href="/places/bristol-uk/events.ics"' in bristol
        assert client.get("/events?after=garbage").status_code == 200
        empty = client.get("/events?place=nowhere").get_data(as_text=True)
        assert "Nothing coming up" in empty


def test_a_place_page_lists_its_makers_and_events(app, owner, client, make_maker, in_db):
    add(client)
    make_maker("Bea Weaver", place="Leeds, UK")
    page = app.test_client().get("/places/bristol-uk").get_data(as_text=True)
    assert "Makers in Bristol, UK" in page and "Ada Potter" in page
    assert "Hebden Makers&#39; Fair" in page and "Bea Weaver" not in page
    assert app.test_client().get("/places/atlantis").status_code == 404
