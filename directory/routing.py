"""URL converters."""

from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**63 - 1  # the largest integer SQLite and PostgreSQL keys hold


class IdConverter(IntegerConverter):
    """<id:story_id>: a row id; a number out of range is a 404, not a database error."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=LARGEST_ID)


def parse_id(text):
    """A row id from text, or None: ASCII digits, 1 up to LARGEST_ID."""
    text = str(text or "")
    if text.isascii() and text.isdigit() and 0 < int(text) <= LARGEST_ID:
        return int(text)
    return None


def init_app(app):
    app.url_map.converters["id"] = IdConverter
