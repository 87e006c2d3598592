"""What every template can use: crafts, link kinds, photo URLs, the htmx file."""

from . import media
from .crafts import CRAFTS, craft_label
from .images import file_name
from .models import utcnow
from .reviews import ACTIONS

HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def init_app(app):
    """Register template globals."""
    app.jinja_env.globals.update(
        CRAFTS=CRAFTS,
        craft_label=craft_label,
        HTMX_FILE=HTMX_FILE,
        photo_url=media.url,
        photo_file=file_name,
        now_utc=utcnow,
        ACTION_LABELS={name: log_label for name, (_, log_label, _) in ACTIONS.items()},
    )
    app.jinja_env.filters["craft_label"] = craft_label
