"""The public moderation log: what was done, to what, why, when and by whom."""

from flask import Blueprint, current_app, request, url_for

from ..htmx import render
from ..models import ModerationAction
from ..routing import parse_id

bp = Blueprint("moderation_log", __name__)


@bp.route("/moderation/log")
def log():
    """Newest first, a page at a time (`?before=` the last id shown)."""
    before = parse_id(request.args.get("before", "")[:20])
    query = ModerationAction.newest()
    if before:
        query = query.where(ModerationAction.id < before)
    per_page = current_app.config["LOG_PER_PAGE"]
    rows = list(query.limit(per_page + 1))
    more = len(rows) > per_page
    rows = rows[:per_page]
    next_url = url_for(".log", before=rows[-1].id) if more else None
    return render("moderation/log.html", "moderation/_log_rows.html",
                  rows=rows, next_url=next_url, first_page=not before)
