"""The maker's own pages: profile, links and stories. All need a login."""

from flask import Blueprint
from flask_login import login_required

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.before_request
@login_required
def require_login():
    """Every page here belongs to the logged-in maker."""


from . import links, photos, profile, stories  # noqa: E402, F401 (register the views)
