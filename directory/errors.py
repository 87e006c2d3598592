"""Friendly error pages, in the site's layout, with the right status code."""

from flask import render_template
from flask_wtf.csrf import CSRFError

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
    """The error page for an HTTP status code."""
    default_title, default_detail = MESSAGES[code]
    return (
        render_template("errors/error.html", code=code, title=title or default_title,
                        detail=detail or default_detail),
        code,
    )


def init_app(app):
    """Register a handler for each status code we explain."""
    for code in MESSAGES:
        app.register_error_handler(code, lambda error, code=code: render_error(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        """A form sent without a valid token, e.g. from another site or an old tab."""
        return render_error(
            400,
            "This form has expired",
            "For your safety, forms work only from this site and for a while. "
            "Please go back, reload the page and send it again.",
        )
