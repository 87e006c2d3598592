"""A story's photos: describe, reorder and remove them in place."""

from flask import abort, request, url_for
from flask_login import current_user

from ..forms import PhotoForm
from ..models import Photo, Story
from ..web.htmx import after_change
from ..writes import stories as writes
from .blueprint import bp
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


def photo_list(story, message=None, status=200, failed=None):
    """The story's refreshed photo list (the editor page, or the list alone for htmx)."""
    story = Story.with_photos([Story.get_by_id(story.id)])[0]
    return editor(story, status=status, part="account/_photos.html", notice=message,
                  failed=failed)


def photos_done(story, message):
    """htmx gets the refreshed photo list; a plain form goes back to the editor."""
    return after_change(message, url_for(".edit_story", story_id=story.id),
                        lambda: photo_list(story, message))


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>", methods=["POST"])
def update_photo(story_id, photo_id):
    """Change a photo's description (alt text)."""
    photo = own_photo(story_id, photo_id)
    form = PhotoForm()
    if not form.validate_on_submit():
        return photo_list(photo.story, status=422, failed=(photo.id, form))
    writes.describe_photo(photo, form.alt.data)
    return photos_done(photo.story, "Description saved.")


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>/move", methods=["POST"])
def move_photo(story_id, photo_id):
    """Move a photo one place earlier or later; the first one is the cover."""
    photo = own_photo(story_id, photo_id)
    step = {"up": -1, "down": 1}.get(request.form.get("direction"))
    if step is None:
        abort(400)
    writes.move_photo(photo, step)
    return photos_done(photo.story, "Photos reordered.")


@bp.route("/stories/<id:story_id>/photos/<id:photo_id>/delete", methods=["POST"])
def delete_photo(story_id, photo_id):
    """Remove a photo from the story, and its files from the disk."""
    photo = own_photo(story_id, photo_id)
    writes.delete_photo(photo)
    return photos_done(photo.story, "Photo removed.")
