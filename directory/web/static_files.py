"""Static files under names that change with their content: every
`url_for("static", ...)` gets `?v=<hash of the file>`, and a request that asks
for the current hash is served `immutable` for a year. A new stylesheet or
script gets a new address, so no browser keeps an old one.

Text files (CSS, JavaScript, SVG) are sent with brotli or gzip, compressed
once per version of the file and kept in memory: they are few and small.
"""

import gzip
import hashlib
from functools import cache
from pathlib import Path

import brotli
from flask import request

COMPRESSED_TYPES = ("text/css", "text/javascript", "application/javascript", "image/svg+xml")
ENCODERS = {"br": lambda data: brotli.compress(data, quality=11),
            "gzip": lambda data: gzip.compress(data, 9, mtime=0)}

ONE_YEAR = 365 * 24 * 3600


@cache
def _fingerprint(path, modified, size):
    """The first 12 hex digits of a file's SHA-256, cached per version of the
    file (its modification time and size)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


@cache
def _compressed(path, modified, size, encoding):
    """A file's bytes compressed, cached per version of the file."""
    return ENCODERS[encoding](Path(path).read_bytes())


def compress_static(app, response):
    """Send a text file compressed, when the browser accepts it."""
    encoding = request.accept_encodings.best_match(list(ENCODERS))
    response.vary.add("Accept-Encoding")
    if encoding is None or response.mimetype not in COMPRESSED_TYPES:
        return response
    path = Path(app.static_folder) / request.view_args["filename"]
    status = path.stat()
    body = _compressed(str(path), status.st_mtime_ns, status.st_size, encoding)
    response.close()  # the file it was going to stream
    response.direct_passthrough = False
    response.set_data(body)
    response.headers["Content-Encoding"] = encoding
    etag, weak = response.get_etag()
    if etag:
        response.set_etag(f"{etag}:{encoding}", weak=weak)
    return response


def fingerprint(app, filename):
    """The fingerprint of a file under the static folder, or None if it is not there."""
    path = Path(app.static_folder) / filename
    try:
        status = path.stat()
        return _fingerprint(str(path), status.st_mtime_ns, status.st_size)
    except OSError:
        return None


def init_app(app):
    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            version = fingerprint(app, values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def cache_fingerprinted(response):
        if (request.endpoint == "static" and response.status_code == 200
                and request.args.get("v")
                and request.args["v"] == fingerprint(app, request.view_args["filename"])):
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.public = True
            response.cache_control.no_cache = None
            response.cache_control.immutable = True
        if request.endpoint == "static" and response.status_code == 200:
            response = compress_static(app, response)
        return response
