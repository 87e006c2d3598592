"""Stored photos on disk: saving an upload through the image pipeline, and
removing files once their rows are gone. Who may see a photo is decided by
the media route (directory/public/media.py), with the pages' visibility rule.
"""

from io import BytesIO
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage

from . import images


def folder():
    return current_app.config["UPLOAD_FOLDER"]


def save_upload(file_storage):
    """Run an uploaded file through the image pipeline; ImageRejected if it is refused."""
    config = current_app.config
    return images.store_image(
        file_storage.stream,
        folder(),
        max_bytes=config["MAX_UPLOAD_BYTES"],
        max_pixels=config["MAX_IMAGE_PIXELS"],
    )


def save_upload_bytes(data):
    """Run image bytes made on the server (demo photos) through the same pipeline."""
    return save_upload(FileStorage(BytesIO(data)))


def path_of(name, size="display"):
    """The file of a stored image in one size."""
    return Path(folder()) / images.file_name(name, size)


def remove(*names):
    """Delete the files of stored images (after the rows are gone)."""
    for name in names:
        images.delete_image(folder(), name)
