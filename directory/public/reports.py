"""The report forms for a profile, a story or a kind word: for anyone, no account needed.
What a report does is decided in directory/safety/reports.py."""

import hashlib
import hmac

from flask import Blueprint, abort, current_app, request, url_for
from flask_login import current_user

from ..extensions import limiter
from ..forms import ReportForm
from ..models import KindWord, Maker, Story, subject_item
from ..safety import reports
from ..web.htmx import after_change, render

bp = Blueprint("reports", __name__)


def report_limit():
    return current_app.config["REPORT_LIMIT"]


def reporter_key():
    """"maker:<id>" for a logged-in reporter, else a keyed hash of the address."""
    if current_user.is_authenticated:
        return f"maker:{current_user.id}"
    secret = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(secret, (request.remote_addr or "").encode(), hashlib.sha256)
    return "addr:" + digest.hexdigest()[:32]


@bp.route("/stories/<id:story_id>/report", methods=["GET", "POST"])
@limiter.limit(report_limit, methods=["POST"])
def report_story(story_id):
    """Report a public story."""
    story = Story.visible_to(None).where(Story.id == story_id).first()
    if story is None:
        abort(404)
    return handle(story.maker, story, url_for("public.story", story_id=story.id))


@bp.route("/makers/<slug>/report", methods=["GET", "POST"])
@limiter.limit(report_limit, methods=["POST"])
def report_maker(slug):
    """Report a public profile."""
    maker = Maker.public_by_slug(slug)
    if maker is None:
        abort(404)
    return handle(maker, None, url_for("public.profile", slug=maker.slug))


@bp.route("/makers/<slug>/kind-words/<id:kind_word_id>/report", methods=["GET", "POST"])
@limiter.limit(report_limit, methods=["POST"])
def report_kind_word(slug, kind_word_id):
    """Report a kind word shown on a profile."""
    kind_word = KindWord.visible_to(None).where(
        (KindWord.id == kind_word_id) & (Maker.slug == slug)).first()
    if kind_word is None:
        abort(404)
    return handle(kind_word.maker, None, url_for("public.profile", slug=slug) + "#kind-words",
                  kind_word=kind_word)


def handle(maker, story, back_url, kind_word=None):
    """Show the form (GET) or take the report (POST)."""
    form = ReportForm()
    item = subject_item(maker, story, kind_word)
    context = {"form": form, "maker": maker, "story": story, "kind_word": kind_word,
               "item": item, "action_url": request.path, "back_url": back_url}
    if request.method == "POST" and form.validate_on_submit():
        if current_user.is_authenticated and current_user.id == maker.id:
            form.form_errors.append("This is your own: you cannot report it.")
        else:
            result = reports.report(maker, story, reporter_key(), form.reason.data,
                                    form.note.data or "", kind_word=kind_word)
            message = ("Thank you. Your report is updated." if result.merged
                       else "Thank you for telling us. A moderator will look at it.")
            return after_change(
                message, url_for("public.home") if result.hidden else back_url,
                lambda: render("public/report.html", "public/_report_thanks.html",
                               message=message, **context))
    status = 422 if form.errors or form.form_errors else 200
    return render("public/report.html", "public/_report_form.html", status, **context)
