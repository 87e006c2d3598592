"""Stored photos: saving an upload through the image pipeline, serving, removing."""

import re
from io import BytesIO

from flask import Blueprint, abort, current_app, send_from_directory, url_for
from werkzeug.datastructures import FileStorage

from . import images

bp = Blueprint("media", __name__)

ONE_YEAR = 365 * 24 * 3600
FILE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}-(display|thumb)\.jpg$")


def save_upload(file_storage):
    """Run an uploaded file through the image pipeline; ImageRejected if it is refused."""
    config = current_app.config
    return images.store_image(
        file_storage.stream,
        config["UPLOAD_FOLDER"],
        max_bytes=config["MAX_UPLOAD_BYTES"],
        max_pixels=config["MAX_IMAGE_PIXELS"],
    )


def save_upload_bytes(data):
    """Run image bytes made on the server (demo photos) through the same pipeline."""
    return save_upload(FileStorage(BytesIO(data)))


def remove(*names):
    """Delete the files of stored images (after the rows are gone)."""
    for name in names:
        images.delete_image(current_app.config["UPLOAD_FOLDER"], name)


def url(name, size="display"):
    """The URL of a stored image in one size."""
    return url_for("media.photo", filename=images.file_name(name, size))


@bp.route("/media/<filename>")
def photo(filename):
    """A stored photo. Names are random and never reused, so cache for a year."""
    if not FILE_NAME.match(filename):
        abort(404)
    return send_from_directory(
        current_app.config["UPLOAD_FOLDER"], filename, mimetype="image/jpeg", max_age=ONE_YEAR
    )
