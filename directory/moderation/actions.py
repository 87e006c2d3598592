"""A moderator's actions: each needs a reason and writes one log row."""

from flask import abort, flash, request
from flask_login import current_user

from .. import reviews
from ..auth import safe_next
from ..forms import ActionForm
from ..htmx import fragment, redirect_after_post, render
from . import bp, subjects


@bp.route("/stories/<id:story_id>/actions", methods=["POST"])
def story_action(story_id):
    return act(subjects.story_subject(story_id))


@bp.route("/makers/<id:maker_id>/actions", methods=["POST"])
def maker_action(maker_id):
    return act(subjects.maker_subject(maker_id))


def act(subject):
    """Apply the chosen action; htmx gets the subject back, changed, in place."""
    action = request.form.get("action", "")
    if action not in reviews.ACTIONS:
        abort(400)
    form = ActionForm()
    subject.form = form
    if not form.validate_on_submit():
        return show(subject, 422)
    try:
        reviews.act(action, subject.maker, subject.story, current_user._get_current_object(),
                    form.reason.data)
    except reviews.ActionRefused:
        form.reason.errors = ["Nothing changed: this item is no longer in a state where that "
                              "applies. Someone may have acted on it first."]
        return show(reload(subject), 409)
    done = f"{reviews.ACTIONS[action][1]}: {subject.item.label}"
    if request.htmx:
        changed = reload(subject)
        changed.outcome = done
        return fragment("moderation/_subject.html", subject=changed)
    flash(done, "success")
    return redirect_after_post(safe_next(request.form.get("back"), "moderation.queue"))


def reload(subject):
    """The subject as it is in the database now, keeping the form."""
    fresh = (subjects.story_subject(subject.story.id) if subject.story is not None
             else subjects.maker_subject(subject.maker.id))
    fresh.form = subject.form if subject.form.errors else ActionForm(formdata=None)
    return fresh


def show(subject, status):
    return render("moderation/subject.html", "moderation/_subject.html", status, subject=subject)
