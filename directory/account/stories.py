"""The maker's stories: list, write, preview, publish, unpublish, delete."""

from flask import abort, current_app, flash, render_template, request, url_for
from flask_login import current_user
from peewee import IntegrityError

from ..content import uploads
from ..content.images import ImageRejected
from ..extensions import limiter
from ..forms import StoryForm
from ..forms.stories import LIMITS
from ..models import Story, Submission
from ..safety.notices import WORDING, notices_for
from ..web.htmx import fragment, redirect_after_post, render
from ..writes.stories import AlreadySaved, save_story
from ..writes.stories import delete_story as delete_story_and_photos
from .blueprint import bp, per_maker

# The editor's buttons that save; "preview" saves nothing.
SAVE_ACTIONS = {"draft", "publish", "save", "unpublish"}


def message_for(action, story):
    """What to tell the maker after a save, from what happened to the story."""
    if story.is_published and story.is_held:
        return f"Story saved. {WORDING['held'].detail}"
    if action == "publish":
        return "Story published. It is on your profile now."
    if action == "unpublish":
        return "Story unpublished. Only you can see it now."
    if story.is_published:
        return "Changes saved."
    return "Draft saved. Only you can see it."


def will_be_published(story, action):
    """Whether the story is public after this action (saving keeps the state)."""
    if action in ("publish", "unpublish"):
        return action == "publish"
    return story is not None and story.is_published


def own_story(story_id):
    """The current maker's story, or 404: another maker's story is not found here."""
    story = Story.get_or_none((Story.id == story_id) & (Story.maker == current_user.id))
    if story is None:
        abort(404)
    return story


@bp.route("/stories")
def stories():
    """All of the maker's stories, drafts included."""
    return render_template(
        "account/stories.html", stories=Story.with_photos(Story.all_by(current_user)),
        notices=notices_for(current_user),
    )


def posting_limit():
    return current_app.config["POSTING_LIMIT"]


@bp.route("/stories/new", methods=["GET", "POST"])
@limiter.limit(posting_limit, key_func=per_maker, methods=["POST"])
def new_story():
    """Write a new story; it starts as a draft unless published straight away."""
    return edit(None)


@bp.route("/stories/<id:story_id>/edit", methods=["GET", "POST"])
@limiter.limit(posting_limit, key_func=per_maker, methods=["POST"])
def edit_story(story_id):
    """Edit a story, add a photo, publish or unpublish it."""
    return edit(own_story(story_id))


def story_form(story, **kwargs):
    """The editor form, knowing how many photos the story already has."""
    return StoryForm(
        photo_count=len(story.photos) if story else 0,
        photo_limit=current_app.config["PHOTOS_PER_STORY"],
        max_bytes=current_app.config["MAX_UPLOAD_BYTES"],
        **kwargs,
    )


def edit(story):
    """Show the editor (GET), preview (action=preview) or save (any other action)."""
    if story is not None:
        story = Story.with_photos([story])[0]
    if request.method == "GET":
        return editor(story)
    form = story_form(story)
    action = request.form.get("action", "save")
    if action == "preview":
        return editor(story, form, preview=preview_of(form))
    if action not in SAVE_ACTIONS:
        abort(400)
    valid = form.validate_on_submit()
    if valid and will_be_published(story, action):
        valid = form.check_publishable()
    if not valid:
        return editor(story, form, status=422)
    stored = None
    if form.has_photo:
        try:
            stored = uploads.save_upload(form.photo.data)
        except ImageRejected as error:
            form.photo.errors = [str(error)]
            return editor(story, form, status=422)
    return store(story, form, action, stored)


def store(story, form, action, stored):
    """Save, then go to the editor; a new story's form already saved goes to
    the story it made. A new photo's files go if the database refuses."""
    key = f"story:{current_user.id}:{form.once.data}" if story is None and form.once.data else None
    once = (key, lambda saved: url_for(".edit_story", story_id=saved.id)) if key else None
    try:
        story = save_story(current_user._get_current_object(), story, text_of(form), action,
                           photo=stored, photo_alt=form.photo_alt.data, once=once)
    except Exception as error:
        if stored:
            uploads.remove(stored.name)  # no stray file when the database refuses
        url = Submission.url_for(key) if key else None
        if url is None or not isinstance(error, AlreadySaved | IntegrityError):
            raise
        flash("That story was already saved: here it is.", "info")
        return redirect_after_post(url)
    flash(message_for(action, story), "success")
    return redirect_after_post(url_for(".edit_story", story_id=story.id))


def text_of(form, cut=False):
    """The story's text fields from the form, as Story.set_text takes them.

    With cut=True each is shortened to its limit (for a preview of unchecked input).
    """
    def value(name):
        text = getattr(form, name).data or ""
        return text[: LIMITS[name]] if cut else text

    return {
        "title": value("title"),
        "body": value("body"),
        "materials": value("materials"),
        "process": value("techniques"),
        "time_taken": value("time_taken"),
    }


def story_fields(story):
    """The form's data for an existing story (what the maker typed), or None."""
    if story is None:
        return None
    return {
        "title": story.title, "body": story.body_md, "materials": story.materials,
        "techniques": story.process_md, "time_taken": story.time_taken,
    }


def preview_of(form):
    """An unsaved story rendered from the form, for the preview.

    Each field is cut to its length limit first: a preview never renders more
    than a saved story could hold, however much is sent.
    """
    story = Story(maker=current_user.id)
    story.set_text(**text_of(form, cut=True))
    return story


def editor(story, form=None, status=200, preview=None, part="account/_story_form.html",
           **context):
    """The editor page, or for htmx the fragment (by default the form) that swaps itself."""
    if form is None:
        form = story_form(story, formdata=None, data=story_fields(story))
    return render(
        "account/story_edit.html", part, status,
        story=story, form=form, preview=preview, **context,
    )


@bp.route("/stories/preview", methods=["POST"])
def preview_story():
    """The rendered preview of whatever is in the editor (htmx, as the maker types)."""
    form = story_form(None)
    return fragment("account/_story_preview.html", preview=preview_of(form))


@bp.route("/stories/<id:story_id>/delete", methods=["GET", "POST"])
def delete_story(story_id):
    """Ask (GET), then delete the story and its photos for good (POST)."""
    story = own_story(story_id)
    if request.method == "GET":
        return render_template("account/story_delete.html", story=story)
    delete_story_and_photos(story)
    flash(f"“{story.title}” is deleted, with its photos.", "success")
    return redirect_after_post(url_for(".stories"))
