"""The public moderation log: what was done, to what, why, when and by whom."""

from flask import Blueprint, current_app, request, url_for

from ..content.text import parse_id
from ..models import ModerationAction
from ..web.htmx import render
from ..web.pagination import keyset_page

bp = Blueprint("moderation_log", __name__)


@bp.route("/moderation/log")
def log():
    """Newest first, a page at a time (`?before=` the last id shown)."""
    before = request.args.get("before", "")
    rows, next_before = keyset_page(ModerationAction, ModerationAction.newest(), before,
                                    current_app.config["LOG_PER_PAGE"])
    next_url = url_for(".log", before=next_before) if next_before else None
    return render("moderation/log.html", "moderation/_log_rows.html",
                  rows=rows, next_url=next_url, first_page=parse_id(before) is None)
