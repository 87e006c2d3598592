"""URL converters."""

from werkzeug.routing import IntegerConverter

from ..content.text import LARGEST_ID


class IdConverter(IntegerConverter):
    """<id:story_id>: a row id; a number out of range is a 404, not a database error."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=LARGEST_ID)


def init_app(app):
    app.url_map.converters["id"] = IdConverter
