"""HTTP the way browsers and caches expect, on every page and feed: an ETag
(so a repeated request costs a 304 and no body), and a Cache-Control that
says who may keep a copy: any cache, for a visitor with no session (the page
is the same for all of them), the visitor's own browser only otherwise.
Either way a copy is checked again before use ("no-cache"), so a change
shows at once."""

from flask import request
from flask.sessions import SecureCookieSessionInterface

REVALIDATED = ("text/html", "application/atom+xml", "application/xml", "text/plain",
               "text/calendar")


def has_session(app, cookies):
    """True when these cookies hold a session or a remember-me cookie."""
    names = (app.config["SESSION_COOKIE_NAME"], app.config.get("REMEMBER_COOKIE_NAME",
                                                               "remember_token"))
    return any(name in cookies for name in names)


# Responses that are the same whoever asks: no `Vary: Cookie` on them, so a
# shared cache keeps one copy. (Pages keep it: their header says who is
# logged in, so a copy made for a visitor must not reach a logged-in maker.)
SAME_FOR_EVERYONE = frozenset({
    "static", "media.photo", "feeds.all_stories", "feeds.maker_stories", "feeds.craft_stories",
    "feeds.all_events", "feeds.maker_events", "feeds.place_events", "feeds.sitemap",
    "public.robots", "public.healthz",
})


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, which add `Vary: Cookie` whenever the
    session was read (Flask-Login reads it on every response), without it
    where the response is the same whoever asks."""

    def save_session(self, app, session, response):
        super().save_session(app, session, response)
        if (request.endpoint in SAME_FOR_EVERYONE and not session.modified
                and not response.cache_control.private):
            response.vary.discard("cookie")  # lower case: werkzeug matches it so


def init_app(app):
    app.session_interface = SessionInterface()

    @app.after_request
    def add_validators(response):
        if (request.method not in ("GET", "HEAD") or response.status_code != 200
                or response.direct_passthrough or response.mimetype not in REVALIDATED):
            return response
        if "Cache-Control" not in response.headers:
            private = has_session(app, request.cookies)
            response.headers["Cache-Control"] = ("private, no-cache" if private
                                                 else "public, no-cache")
        response.add_etag()
        return response.make_conditional(request)
