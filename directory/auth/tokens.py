"""Signed, time-limited links for confirming an email and resetting a password.

A token names the account and carries a digest of what it is about (the email
to confirm, the current password hash), so a link stops working once used:
confirming changes nothing it could be replayed for, and a reset changes the
password hash it was bound to. Any earlier reset link dies the same way.
"""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..models import Maker

CONFIRM_EMAIL = "confirm-email"
RESET_PASSWORD = "reset-password"  # noqa: S105 (a salt name, not a password)
MAX_AGE = {CONFIRM_EMAIL: 3 * 24 * 3600, RESET_PASSWORD: 3600}


def _serializer(purpose):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _binding(maker, purpose):
    what = maker.email if purpose == CONFIRM_EMAIL else maker.password_hash
    return hashlib.sha256(f"{purpose}:{what}".encode()).hexdigest()[:20]


def make(maker, purpose):
    return _serializer(purpose).dumps([maker.id, _binding(maker, purpose)])


class TokenProblem(Exception):
    """The link is expired, tampered with, or already used."""

    def __init__(self, expired):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def check(token, purpose):
    """The maker a valid token is for; TokenProblem otherwise."""
    try:
        maker_id, binding = _serializer(purpose).loads(token, max_age=MAX_AGE[purpose])
    except SignatureExpired as error:
        raise TokenProblem(expired=True) from error
    except (BadSignature, ValueError, TypeError) as error:
        raise TokenProblem(expired=False) from error
    maker = Maker.get_or_none(Maker.id == maker_id) if isinstance(maker_id, int) else None
    if maker is None or binding != _binding(maker, purpose):
        raise TokenProblem(expired=False)
    return maker
