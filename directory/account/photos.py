"""A story's photos: describe, reorder and remove them in place."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from .. import media
from ..forms import PhotoForm
from ..models import Photo, Story
from . import bp
from .stories import editor


def own_photo(story_id, photo_id):
    """A photo of one of the current maker's stories, or 404."""
    photo = (
        Photo.select(Photo, Story).join(Story)
        .where((Photo.id == photo_id) & (Story.id == story_id)
               & (Story.maker == current_user.id))
        .first()
    )
    if photo is None:
        abort(404)
    return photo


def photos_done(story, message, status=200, failed=None):
    """htmx gets the refreshed photo list; a plain form goes back to the editor."""
    if request.htmx or status != 200:
        story = Story.with_photos([Story.get_by_id(story.id)])[0]
        return editor(story, status=status, part="account/_photos.html", notice=message,
                      failed=failed)
    flash(message, "success")
    return redirect(url_for(".edit_story", story_id=story.id), code=303)


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>", methods=["POST"])
def update_photo(story_id, photo_id):
    """Change a photo's description (alt text)."""
    photo = own_photo(story_id, photo_id)
    form = PhotoForm()
    if not form.validate_on_submit():
        return photos_done(photo.story, None, status=422, failed=(photo.id, form))
    photo.alt = form.alt.data
    photo.save()
    return photos_done(photo.story, "Description saved.")


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>/move", methods=["POST"])
def move_photo(story_id, photo_id):
    """Move a photo one place earlier or later; the first one is the cover."""
    photo = own_photo(story_id, photo_id)
    step = {"up": -1, "down": 1}.get(request.form.get("direction"))
    if step is None:
        abort(400)
    photo.move(step)
    return photos_done(photo.story, "Photos reordered.")


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>/delete", methods=["POST"])
def delete_photo(story_id, photo_id):
    """Remove a photo from the story, and its files from the disk."""
    photo = own_photo(story_id, photo_id)
    photo.delete_instance()
    media.remove(photo.name)
    return photos_done(photo.story, "Photo removed.")
