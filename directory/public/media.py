"""Stored photos, served by the same visibility rule as the pages.

A photo belongs to a story (Photo) or is a profile's portrait or cover. It
is served when its story or profile is visible to the viewer: to everyone
when public, with a year-long cache (names are random and never reused);
to its maker and to moderators otherwise, with `private, no-store`, so no
shared cache keeps a photo a moderator removed.
"""

from flask import Blueprint, abort, current_app, send_from_directory
from flask_login import current_user

from ..content.images import name_of
from ..models import Maker, Photo, Story

bp = Blueprint("media", __name__)

ONE_YEAR = 365 * 24 * 3600


def owner_of(name):
    """The story or the profile a stored image belongs to, or None, with just
    the columns the visibility rule reads."""
    photo = (Photo.select(Photo.id, Story.id, Story.maker, Story.status, Story.moderation,
                          Maker.id, Maker.status, Maker.moderation)
             .join(Story).join(Maker).where(Photo.name == name).first())
    if photo is not None:
        return photo.story
    return (Maker.select(Maker.id, Maker.status, Maker.moderation)
            .where((Maker.avatar == name) | (Maker.cover == name)).first())


@bp.route("/media/<filename>")
def photo(filename):
    """A stored photo, if its story or profile is visible to the viewer."""
    name = name_of(filename)
    item = owner_of(name) if name else None
    # A public photo is answered without looking at the session, so its
    # response carries no cookie and any cache may keep it.
    public = item is not None and item.is_public
    if not public and (item is None or not item.is_visible_to(current_user)):
        abort(404)
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], filename,
                                   mimetype="image/jpeg", max_age=ONE_YEAR if public else 0)
    if not public:
        response.headers["Cache-Control"] = "private, no-store"
    return response
