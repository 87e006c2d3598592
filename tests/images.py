"""Test images made in memory with Pillow, so no binary fixtures are committed.

Every helper returns the bytes of a file as a browser would upload it.
"""

import functools
import struct
import zlib
from io import BytesIO

from PIL import ExifTags, Image

RED = (220, 30, 30)
BLUE = (30, 60, 200)
WHITE = (255, 255, 255)

ARTIST = "Ada Potter"
COPYRIGHT = "(c) 2024 Ada Potter Studio"
SERIAL = "SN-0042-1337"
# Somewhere in Bristol; the point of the test is that it disappears.
LATITUDE = ((51, 1), (27, 1), (1234, 100))
LONGITUDE = ((2, 1), (35, 1), (4321, 100))


def encode(image, format_, **params):
    buffer = BytesIO()
    image.save(buffer, format_, **params)
    return buffer.getvalue()


def jpeg_bytes(size=(640, 480), color=BLUE, exif=None, quality=90):
    """A plain JPEG; `exif` is an Image.Exif to embed, if any."""
    image = Image.new("RGB", size, color)
    params = {"quality": quality}
    if exif is not None:
        params["exif"] = exif.tobytes()
    return encode(image, "JPEG", **params)


def marked_image(size=(300, 200)):
    """A blue image whose top-left quadrant is red, to see which way up it is."""
    width, height = size
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    return image


def revealing_exif(orientation=6):
    """EXIF that must never leave the server: GPS, a camera serial; plus credits."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = ARTIST
    exif[ExifTags.Base.Copyright] = COPYRIGHT
    exif[ExifTags.Base.Make] = "ExampleCam"
    exif[ExifTags.Base.Model] = "X100"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = tuple(n / d for n, d in LATITUDE)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = tuple(n / d for n, d in LONGITUDE)
    return exif


def exif_gps_jpeg(size=(300, 200)):
    """A 300×200 JPEG, red top-left, stored sideways (Orientation 6), with GPS,
    a camera serial, Artist and Copyright. Shown upright it is 200×300 with the
    red quadrant at the top right."""
    return encode(marked_image(size), "JPEG", quality=95, exif=revealing_exif().tobytes())


def png_bytes(size=(320, 240), transparent=True):
    """An RGBA PNG: a red opaque square on a fully transparent background."""
    image = Image.new("RGBA", size, (0, 0, 0, 0) if transparent else (*BLUE, 255))
    width, height = size
    image.paste((*RED, 255), (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    return encode(image, "PNG")


def webp_bytes(size=(320, 240), color=BLUE):
    return encode(Image.new("RGB", size, color), "WEBP", quality=90)


def gif_bytes(size=(64, 64)):
    return encode(Image.new("P", size, 3), "GIF")


def truncated_jpeg():
    """The first half of a real JPEG: it identifies as JPEG, but cannot be decoded."""
    # Noise compresses badly, so the cut falls well inside the scan data.
    noisy = Image.effect_noise((800, 600), 64).convert("RGB")
    data = encode(noisy, "JPEG", quality=90)
    return data[: len(data) // 2]


def text_as_jpeg():
    """A text file, to be uploaded with a .jpg name and an image/jpeg type."""
    return b"Dear diary, this is not a photo at all.\n" * 20


def svg_bytes():
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        b'<script>alert(document.cookie)</script>'
        b'<rect width="100" height="100" fill="red"/></svg>\n'
    )


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


@functools.cache
def bomb_png(width=20000, height=20000):
    """A real, valid 1-bit PNG of width×height black pixels (400 megapixels by
    default), only a few tens of kilobytes on disk: a decompression bomb."""
    row = b"\x00" + bytes((width + 7) // 8)  # filter type 0, then packed bits
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def pixel(image, xy):
    return image.convert("RGB").getpixel(xy)


def near(actual, expected, tolerance=40):
    """True when two RGB colours are alike (JPEG is lossy)."""
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))
