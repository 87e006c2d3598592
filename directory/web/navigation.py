"""Where to send someone next, only ever a page of this site; and a page's
address as the world knows it."""

from urllib.parse import urlsplit

from flask import current_app, url_for

from ..config import is_development


def safe_next(target, default="account.profile"):
    """A path on this site to go to (after login, after an action), never another site."""
    if target and any(ord(char) < 32 or ord(char) == 127 for char in target):
        return url_for(default)  # a control character could split the Location header
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for(default)


def public_url(endpoint, **values):
    """The absolute address of a public page under SITE_URL, so that no
    request's Host header decides it; in development, without SITE_URL, under
    the request's own address; otherwise None (the site's address is unknown)."""
    site = current_app.config["SITE_URL"]
    if site:
        return site.rstrip("/") + url_for(endpoint, **values)
    if is_development(current_app):
        return url_for(endpoint, _external=True, **values)
    return None
