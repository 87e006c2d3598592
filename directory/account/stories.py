"""The maker's stories: list, write, preview, publish, unpublish, delete."""

from flask import abort, current_app, flash, render_template, request, url_for
from flask_login import current_user
from peewee import IntegrityError

from .. import media, reviews, search
from ..extensions import db, limiter
from ..forms import StoryForm
from ..forms.stories import LIMITS
from ..htmx import fragment, redirect_after_post, render
from ..images import ImageRejected
from ..models import Photo, Story, Submission
from . import bp

ACTIONS = {"draft", "publish", "save", "unpublish"}  # and "preview", which saves nothing


def message_for(action, story):
    """What to tell the maker after a save, from what happened to the story."""
    if story.is_published and story.is_held:
        return ("Story saved. It will appear once a moderator has looked at it: new accounts' "
                "stories with links to other sites or repeated text are checked first.")
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
        "account/stories.html", stories=Story.with_photos(Story.all_by(current_user.id)),
        notices=reviews.notices_for(current_user),
    )


def posting_limit():
    return current_app.config["POSTING_LIMIT"]


def per_maker():
    """Rate limits on writing count per account, wherever the maker is."""
    return f"maker:{current_user.id}"


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
    if action not in ACTIONS:
        abort(400)
    valid = form.validate_on_submit()
    if valid and will_be_published(story, action):
        valid = form.check_publishable()
    if not valid:
        return editor(story, form, status=422)
    stored = None
    if form.has_photo:
        try:
            stored = media.save_upload(form.photo.data)
        except ImageRejected as error:
            form.photo.errors = [str(error)]
            return editor(story, form, status=422)
    return store(story, form, action, stored)


def store(story, form, action, stored):
    """Save, then go to the editor; a new story's form already saved goes to
    the story it made. A new photo's files go if the database refuses."""
    key = f"story:{current_user.id}:{form.once.data}" if story is None and form.once.data else None
    try:
        story = save(story, form, action, stored, key)
    except Exception as error:
        if stored:
            media.remove(stored.name)  # no stray file when the database refuses
        url = Submission.url_for(key) if key else None
        if url is None or not isinstance(error, AlreadySaved | IntegrityError):
            raise
        flash("That story was already saved: here it is.", "info")
        return redirect_after_post(url)
    flash(message_for(action, story), "success")
    return redirect_after_post(url_for(".edit_story", story_id=story.id))


class AlreadySaved(Exception):
    """This new-story form was saved before (a double-click, a resent form)."""


def save(story, form, action, stored, key=None):
    """Write the story (and a new photo's row) in one transaction. A new story
    records its form's key with it, so the same form never makes two."""
    with db.atomic():
        if key and Submission.url_for(key):
            raise AlreadySaved(key)
        story = story or Story(maker=current_user.id)
        story.set_text(**text_of(form))
        if action == "publish":
            story.publish()
        elif action == "unpublish":
            story.unpublish()
        story.save()
        search.index_story(story)
        reviews.content_saved(current_user._get_current_object(), story)
        if key:
            Submission.create(key=key, url=url_for(".edit_story", story_id=story.id))
        if stored:
            Photo.create(
                story=story, name=stored.name, alt=form.photo_alt.data,
                position=Photo.next_position(story), width=stored.width, height=stored.height,
                author=stored.author, copyright=stored.copyright,
            )
    return story


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
    names = [photo.name for photo in story.photos]
    with db.atomic():
        Photo.delete().where(Photo.story == story).execute()
        search.remove_story(story.id)
        story.delete_instance()
    media.remove(*names)
    flash(f"“{story.title}” is deleted, with its photos.", "success")
    return redirect_after_post(url_for(".stories"))
