"""The queue: reported items and items the spam rules held, oldest first."""

from flask import current_app, request, url_for

from ..models import Review
from ..web.htmx import render
from ..web.pagination import keyset_page
from . import subjects
from .blueprint import bp


@bp.route("")
def queue():
    """A page of open reviews; "Load more" appends the next page."""
    after = request.args.get("after", "")
    page, next_after = keyset_page(Review, Review.pending(), after,
                                   current_app.config["REVIEWS_PER_PAGE"])
    return render(
        "moderation/queue.html",
        "moderation/_queue_page.html",
        subjects=subjects.from_reviews(page),
        pending=Review.pending().count() if not after else None,
        next_url=url_for(".queue", after=next_after) if next_after else None,
    )


@bp.route("/stories/<id:story_id>")
def story(story_id):
    """One story with its reports, the rules' reasons and the actions."""
    return render("moderation/subject.html", "moderation/_subject.html",
                  subject=subjects.story_subject(story_id))


@bp.route("/makers/<id:maker_id>")
def maker(maker_id):
    """One profile (and account) with its reports and the actions."""
    return render("moderation/subject.html", "moderation/_subject.html",
                  subject=subjects.maker_subject(maker_id))


@bp.route("/kind-words/<id:kind_word_id>")
def kind_word(kind_word_id):
    """One kind word with its reports, the rules' reasons and the actions."""
    return render("moderation/subject.html", "moderation/_subject.html",
                  subject=subjects.kind_word_subject(kind_word_id))
