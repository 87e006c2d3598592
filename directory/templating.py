"""What every template can use: crafts, link kinds, the htmx file name."""

from .crafts import CRAFTS, craft_label
from .models import Link

HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def init_app(app):
    """Register template globals."""
    app.jinja_env.globals.update(
        CRAFTS=CRAFTS,
        LINK_KINDS=Link.KINDS,
        craft_label=craft_label,
        HTMX_FILE=HTMX_FILE,
    )
    app.jinja_env.filters["craft_label"] = craft_label
