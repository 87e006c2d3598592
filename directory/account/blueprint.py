"""The account blueprint and its guards: every page needs a login, and a
suspended account may only read its notice, export and delete."""

from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user, login_required

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.before_request
@login_required
def require_login():
    """Every page here belongs to the logged-in maker."""


# What a suspended maker may still do: read the notice on their account page,
# take their data away, or delete the account.
SUSPENDED_MAY = {"account.profile", "account.export", "account.delete_account"}


@bp.before_request
def suspended_read_only():
    """A suspended account sees its notice and changes nothing."""
    if not current_user.is_suspended:
        return None
    if request.endpoint not in SUSPENDED_MAY:
        if request.method != "GET":
            abort(403)
        return redirect(url_for("account.profile"))
    if request.method != "GET" and request.endpoint != "account.delete_account":
        abort(403)
    return None



def per_maker():
    """Rate limits on a maker's actions count per account, wherever the maker is."""
    return f"maker:{current_user.id}"
