"""One URL, two renderings: the whole page, or for htmx only the fragment.

htmx-flask gives us ``request.htmx`` for detection; response headers are set
here (its own ``make_response`` rejects valid swap values).
"""

from flask import flash, make_response, redirect, render_template, request


def render(page_template, fragment_template, status=200, **context):
    """Render the page, or the fragment alone for an htmx request.

    The page template includes the fragment, so both paths share the markup.
    ``Vary: HX-Request`` keeps caches from mixing the two. When htmx restores
    history it missed in its cache, it needs the whole page.
    """
    partial = request.htmx and not request.htmx.history_restore_request
    template = fragment_template if partial else page_template
    return fragment(template, status, **context)


def fragment(template, status=200, **context):
    """Render a template that depends on HX-Request, with `Vary: HX-Request`."""
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def redirect_after_post(url):
    """After a successful POST: 303 for a browser, HX-Redirect for htmx.

    htmx would follow a 303 inside its request and swap the whole next page
    into the target; HX-Redirect makes it navigate instead.
    """
    if request.htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, code=303)


def after_change(message, url, fragment_response, category="success"):
    """After a change: htmx gets the changed part of the page back in place
    (`fragment_response()`, which shows the message itself); a plain form
    gets the message flashed (as `category`) and a 303 to `url`."""
    if request.htmx:
        return fragment_response()
    flash(message, category)
    return redirect_after_post(url)
