"""Static files under names that change with their content: every
`url_for("static", ...)` gets `?v=<hash of the file>`, and a request that asks
for the current hash is served `immutable` for a year. A new stylesheet or
script gets a new address, so no browser keeps an old one."""

import hashlib
from functools import cache
from pathlib import Path

from flask import request

ONE_YEAR = 365 * 24 * 3600


@cache
def _fingerprint(path, modified, size):
    """The first 12 hex digits of a file's SHA-256, cached per version of the
    file (its modification time and size)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


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
        return response
