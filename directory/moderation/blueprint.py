"""The moderation blueprint and its one guard, before every route."""

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

