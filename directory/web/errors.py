"""Friendly error pages, in the site's layout (or as a fragment for htmx),
with the right status code; every request has an id that errors are logged
with and the 500 page shows, so a report can be matched to the log."""

import re
import secrets

from flask import abort, current_app, g, make_response, request
from flask_wtf.csrf import CSRFError

from .htmx import render

REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

MESSAGES = {
    400: ("Something in that request was not right",
          "Please go back, reload the page and try again."),
    403: ("That is not yours to change",
          "You can only change your own profile, links and stories."),
    404: ("We could not find that page",
          "It may have moved, or the address may be mistyped. Try browsing makers instead."),
    405: ("That action is not available here", "Please use the buttons and forms on the site."),
    413: ("That upload is too large", "Please choose a smaller file and try again."),
    429: ("Slow down a little",
          "That was a lot of requests in a short time. Please wait a few minutes and try again."),
    503: ("The directory is resting", "Please try again in a moment."),
    500: ("Something went wrong on our side",
          "It is not your fault. Please try again in a moment."),
}


def render_error(code, title=None, detail=None):
    """The error page for an HTTP status code (the fragment alone for htmx)."""
    default_title, default_detail = MESSAGES[code]
    return render("errors/error.html", "errors/_error.html", code,
                  code=code, title=title or default_title, detail=detail or default_detail,
                  request_id=g.get("request_id", ""))


def request_id(headers=None):
    """The id a proxy gave the request (X-Request-ID), if sane, else a new one."""
    given = (headers if headers is not None else request.headers).get("X-Request-ID", "")
    return given if REQUEST_ID.fullmatch(given) else secrets.token_hex(8)


def method_not_allowed(error):
    """The 405 page, with the Allow header HTTP asks for."""
    response = make_response(render_error(405))
    if getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def server_error(error):
    """Log what went wrong with the request id; the visitor sees the id, not the trace."""
    original = getattr(error, "original_exception", None) or error
    current_app.logger.error("request %s %s %s failed: %r", g.get("request_id", "-"),
                             request.method, request.path, original)
    return render_error(500)


def init_app(app):
    """Register a handler for each status code we explain."""

    @app.before_request
    def tag_request():
        g.request_id = request_id()

    @app.after_request
    def send_request_id(response):
        if g.get("request_id"):
            response.headers["X-Request-ID"] = g.request_id
        return response

    for code in MESSAGES:
        if code not in (405, 500):
            app.register_error_handler(code, lambda error, code=code: render_error(code))
    app.register_error_handler(405, method_not_allowed)
    app.register_error_handler(500, server_error)

    @app.before_request
    def limit_plain_forms():
        """MAX_FORM_PARTS and MAX_FORM_MEMORY_SIZE cover multipart forms; the
        same limits apply to ordinary (url-encoded) forms here."""
        if request.mimetype != "application/x-www-form-urlencoded":
            return
        if (request.content_length or 0) > app.config["MAX_FORM_MEMORY_SIZE"]:
            abort(413)
        if sum(len(values) for _, values in request.form.lists()) > app.config["MAX_FORM_PARTS"]:
            abort(413)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        """A form sent without a valid token, e.g. from another site or an old tab."""
        return render_error(
            400,
            "This form has expired",
            "For your safety, forms work only from this site and for a while. "
            "Please go back, reload the page and send it again.",
        )
