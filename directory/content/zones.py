"""A time zone to suggest for a maker's place ("Leeds, UK" -> Europe/London).

The town is looked for among the IANA zones' cities first (Hobart, Dublin,
Denver...), then the country among those that keep one zone. The maker can
always choose another: it is only the form's first answer.
"""

from functools import cache
from zoneinfo import available_timezones

from .text import slugify

COUNTRY_ZONES = {
    "uk": "Europe/London", "united-kingdom": "Europe/London", "england": "Europe/London",
    "scotland": "Europe/London", "wales": "Europe/London", "northern-ireland": "Europe/London",
    "ireland": "Europe/Dublin", "france": "Europe/Paris", "belgium": "Europe/Brussels",
    "netherlands": "Europe/Amsterdam", "germany": "Europe/Berlin", "poland": "Europe/Warsaw",
    "portugal": "Europe/Lisbon", "spain": "Europe/Madrid", "italy": "Europe/Rome",
    "finland": "Europe/Helsinki", "sweden": "Europe/Stockholm", "norway": "Europe/Oslo",
    "denmark": "Europe/Copenhagen", "austria": "Europe/Vienna", "switzerland": "Europe/Zurich",
    "czechia": "Europe/Prague", "greece": "Europe/Athens", "japan": "Asia/Tokyo",
    "new-zealand": "Pacific/Auckland", "nz": "Pacific/Auckland", "india": "Asia/Kolkata",
    "mexico": "America/Mexico_City", "usa": "America/New_York", "us": "America/New_York",
    "united-states": "America/New_York", "canada": "America/Toronto",
    "australia": "Australia/Sydney", "south-africa": "Africa/Johannesburg",
}
# Towns of countries with several zones that the zone names do not cover.
TOWN_ZONES = {
    "portland": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "san-francisco": "America/Los_Angeles", "oakland": "America/Los_Angeles",
    "austin": "America/Chicago", "minneapolis": "America/Chicago",
    "asheville": "America/New_York", "santa-fe": "America/Denver",
    "vancouver": "America/Vancouver", "calgary": "America/Edmonton",
    "oaxaca": "America/Mexico_City", "kyoto": "Asia/Tokyo", "melbourne": "Australia/Melbourne",
    "brisbane": "Australia/Brisbane", "perth": "Australia/Perth",
}
FALLBACK = "UTC"


@cache
def _cities():
    """{"hobart": "Australia/Hobart", ...} from the zone names."""
    cities = {}
    for name in available_timezones():
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            cities.setdefault(slugify(name.rsplit("/", 1)[1].replace("_", " ")), name)
    return cities


def zone_for_place(place):
    """The IANA zone to suggest for a place as a maker wrote it, else UTC."""
    parts = [slugify(part) for part in (place or "").split(",") if part.strip()]
    if not parts:
        return FALLBACK
    town, country = parts[0], parts[-1]
    return (TOWN_ZONES.get(town) or _cities().get(town) or COUNTRY_ZONES.get(country)
            or FALLBACK)
