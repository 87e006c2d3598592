"""The one door every uploaded image comes through.

An upload is identified by Pillow (never by its name or declared type),
refused when too large in bytes or pixels, turned upright by its EXIF
orientation, and written anew as a display size and a thumbnail that carry
no metadata at all: no GPS, no camera serial. The author and copyright
fields are returned so the caller can keep them as data.
"""

import os
import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
SIZES = {"display": 1600, "thumb": 480}
QUALITY = 85


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message is for the user."""


@dataclass(frozen=True)
class StoredImage:
    """A stored upload: its name, the display size's dimensions, its credits."""

    name: str
    width: int
    height: int
    author: str
    copyright: str


def file_name(name, size):
    """The file on disk for an image name and size ("display" or "thumb")."""
    return f"{name}-{size}.jpg"


def number(value):
    """A limit for people: 40, 2.5 or 0.48, never a rounded-down 0."""
    if value >= 10:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def describe_bytes(count):
    """A byte limit in MB, or in KB when it is under one MB."""
    if count >= 1024 * 1024:
        return f"{number(count / (1024 * 1024))} MB"
    return f"{number(count / 1024)} KB"


def read_limited(stream, max_bytes):
    """The upload's bytes, refusing it as soon as it passes max_bytes."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImageRejected(
            f"That file is larger than {describe_bytes(max_bytes)}. Please choose a smaller one."
        )
    if not data:
        raise ImageRejected("That file is empty. Please choose a photo.")
    return data


def open_image(data, max_pixels):
    """A fully loaded Pillow image, or ImageRejected with a reason a person understands."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data))
            if image.format not in ACCEPTED_FORMATS:
                raise ImageRejected("Please upload a JPEG, PNG or WebP photo.")
            width, height = image.size
            if width * height > max_pixels:
                raise ImageRejected(
                    f"That image is {width}×{height} pixels; please keep it under "
                    f"{number(max_pixels / 1_000_000)} megapixels."
                )
            image.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRejected("That image is far too large in pixels.") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageRejected(
            "We could not read that file as a photo. Please upload a JPEG, PNG or WebP."
        ) from error
    return image


def credits(image):
    """(author, copyright) from EXIF, the fields that credit the maker."""
    exif = image.getexif()

    def text(tag):
        value = exif.get(tag, "")
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return str(value).replace("\x00", "").strip()[:200]

    return text(ExifTags.Base.Artist), text(ExifTags.Base.Copyright)


def flatten(image):
    """An RGB image; transparency is laid on white."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def store_image(stream, folder, max_bytes, max_pixels):
    """Check, clean and store an upload; returns a StoredImage or raises ImageRejected."""
    image = open_image(read_limited(stream, max_bytes), max_pixels)
    author, copyright_ = credits(image)
    upright = flatten(ImageOps.exif_transpose(image))
    upright.info.clear()  # nothing of the source's metadata (comments, XMP, ICC) is written
    name = secrets.token_urlsafe(16)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, dimensions = [], {}
    try:
        for size, longest in SIZES.items():
            copy = upright.copy()
            copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
            dimensions[size] = copy.size
            path = folder / file_name(name, size)
            temporary = path.with_suffix(".part")
            paths += [path, temporary]
            copy.save(temporary, "JPEG", quality=QUALITY, optimize=True, progressive=True)
            os.replace(temporary, path)
    except Exception:
        for path in paths:
            path.unlink(missing_ok=True)
        raise
    width, height = dimensions["display"]
    return StoredImage(name, width, height, author, copyright_)


def delete_image(folder, name):
    """Remove every stored size of an image; missing files are fine."""
    if not name:
        return
    for size in SIZES:
        (Path(folder) / file_name(name, size)).unlink(missing_ok=True)
