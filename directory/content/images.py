"""The one door every uploaded image comes through.

An upload is identified by Pillow (never by its name or declared type),
refused when too large in bytes or pixels, turned upright by its EXIF
orientation, and written anew as a display size and a thumbnail that carry
no metadata at all: no GPS, no camera serial. The author and copyright
fields are returned so the caller can keep them as data.

Demo photos are drawn here too (sample_photo), so Pillow has one door.
"""

import colorsys
import os
import random
import re
import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFilter, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
SIZES = {"display": 1600, "thumb": 480}
QUALITY = 85
FILE_NAME = re.compile(r"^([A-Za-z0-9_-]{1,40})-(display|thumb)\.jpg$")


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


def name_of(filename):
    """The image name in a stored file's name ("abc-thumb.jpg" -> "abc"), or None."""
    match = FILE_NAME.match(filename or "")
    return match.group(1) if match else None


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


# --- demo photos --------------------------------------------------------------

SAMPLE_SIZE = (960, 720)


def rgb(hue, saturation, value):
    """An (r, g, b) colour from a hue in degrees and saturation/value in 0..1."""
    r, g, b = colorsys.hsv_to_rgb(hue / 360, saturation, value)
    return int(r * 255), int(g * 255), int(b * 255)


def sample_photo(hue, seed):
    """JPEG bytes of a soft, abstract "studio photo" in the given hue, for demo data."""
    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    width, height = SAMPLE_SIZE
    image = Image.new("RGB", SAMPLE_SIZE, rgb(hue, 0.18, 0.93))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 0.62, width, height), fill=rgb(hue + 20, 0.25, 0.72))
    for _ in range(rng.randint(3, 6)):
        x = rng.uniform(0.1, 0.9) * width
        y = rng.uniform(0.45, 0.75) * height
        w = rng.uniform(0.12, 0.28) * width
        h = w * rng.uniform(0.5, 0.9)
        shade = rgb(hue + rng.uniform(-15, 15), rng.uniform(0.35, 0.7), rng.uniform(0.45, 0.85))
        draw.ellipse((x - w / 2, y - h / 2, x + w / 2, y + h / 2), fill=shade)
        draw.ellipse((x - w / 2.6, y - h / 2.2, x + w / 2.6, y - h / 6),
                     fill=rgb(hue, 0.2, 0.95))
    image = image.filter(ImageFilter.BoxBlur(2))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
