"""Moderation: the queue and the actions (moderators only), and the public log.

Every route of this blueprint sits behind one guard; the log is its own
blueprint because everyone may read it. What an action does is decided in
directory/safety/decisions.py.

May import: web, writes, safety, models, content, extensions. Never another blueprint.
"""

from flask import Blueprint, abort
from flask_login import current_user

from ..extensions import login_manager

bp = Blueprint("moderation", __name__, url_prefix="/moderation")


@bp.before_request
def moderators_only():
    """Anonymous visitors are sent to log in; makers who are not moderators get 403."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.can_moderate:
        abort(403)
    return None


from . import actions, queue  # noqa: E402, F401 (register the views)
from .log import bp as log_bp  # noqa: E402

__all__ = ["bp", "log_bp"]
