"""A moderator's actions: each needs a reason and writes one log row."""

from flask import abort, request
from flask_login import current_user

from ..forms import ActionForm
from ..safety.decisions import MODERATOR_ACTIONS, ActionRefused, apply_action
from ..web.htmx import after_change, fragment, render
from ..web.navigation import safe_next
from . import subjects
from .blueprint import bp


@bp.route("/stories/<id:story_id>/actions", methods=["POST"])
def story_action(story_id):
    """Act on a story."""
    return take_action(subjects.story_subject(story_id))


@bp.route("/kind-words/<id:kind_word_id>/actions", methods=["POST"])
def kind_word_action(kind_word_id):
    """Act on a kind word (its maker's account is not at stake)."""
    return take_action(subjects.kind_word_subject(kind_word_id))


@bp.route("/makers/<id:maker_id>/actions", methods=["POST"])
def maker_action(maker_id):
    """Act on a profile or its account."""
    return take_action(subjects.maker_subject(maker_id))


def take_action(subject):
    """Apply the chosen action; htmx gets the subject back, changed, in place."""
    action = request.form.get("action", "")
    if action not in MODERATOR_ACTIONS:
        abort(400)
    form = ActionForm()
    subject.form = form
    if not form.validate_on_submit():
        return show(subject, 422)
    try:
        apply_action(action, subject.maker, subject.story, current_user._get_current_object(),
                     form.reason.data, kind_word=subject.kind_word)
    except ActionRefused:
        form.reason.errors = ["Nothing changed: this item is no longer in a state where that "
                              "applies. Someone may have acted on it first."]
        return show(reload(subject), 409)
    done = f"{MODERATOR_ACTIONS[action].logged_as}: {subject.item.label}"
    return after_change(done, safe_next(request.form.get("back"), "moderation.queue"),
                        lambda: changed_in_place(subject, done))


def changed_in_place(subject, outcome):
    """The subject as it is now, saying what was done, for htmx to swap in."""
    changed = reload(subject)
    changed.outcome = outcome
    return fragment("moderation/_subject.html", subject=changed)


def reload(subject):
    """The subject as it is in the database now, keeping the form."""
    if subject.kind_word is not None:
        fresh = subjects.kind_word_subject(subject.kind_word.id)
    elif subject.story is not None:
        fresh = subjects.story_subject(subject.story.id)
    else:
        fresh = subjects.maker_subject(subject.maker.id)
    fresh.form = subject.form if subject.form.errors else ActionForm(formdata=None)
    return fresh


def show(subject, status):
    return render("moderation/subject.html", "moderation/_subject.html", status, subject=subject)
