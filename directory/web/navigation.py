"""Where to send someone next: only ever a page of this site."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target, default="account.profile"):
    """A path on this site to go to (after login, after an action), never another site."""
    if target and any(ord(char) < 32 or ord(char) == 127 for char in target):
        return url_for(default)  # a control character could split the Location header
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for(default)
