"""Forms that robots tend to fail: signup, report, and later kind words.

Two quiet checks, invisible to people: a honeypot field that sighted users
never see and screen readers are told to skip, and a minimum time between
showing the form and sending it (MIN_FILL_SECONDS). A failed check gets one
calm, generic message, so nobody learns which check it was.
"""

import time

from flask import current_app
from flask_wtf import FlaskForm
from itsdangerous import BadSignature, URLSafeSerializer
from wtforms import HiddenField, StringField

MAX_FORM_AGE = 24 * 3600
NOT_ACCEPTED = ("Sorry, we could not accept that just now. "
                "Please check the form and send it again.")


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="form-started")


class HumanCheckForm(FlaskForm):
    """A FlaskForm with the honeypot and the fill-time check."""

    # Named like a field robots love to fill; hidden off-screen by the stylesheet.
    website = StringField("Leave this field empty")
    started = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_submitted():
            self.restart_clock()

    def restart_clock(self):
        """Show the form again with a fresh start time."""
        self.started.data = _serializer().dumps(time.time())

    def seconds_taken(self):
        """Seconds since the form was shown, or None when the stamp is missing or forged."""
        try:
            started = float(_serializer().loads(self.started.data or ""))
        except (BadSignature, TypeError, ValueError):
            return None
        return time.time() - started

    def looks_human(self):
        if self.website.data:
            return False
        minimum = current_app.config["MIN_FILL_SECONDS"]
        if not minimum:
            return True
        taken = self.seconds_taken()
        # A start time older than a day is refused too, so one stamp cannot be
        # reused for ever; a person who left the tab open just sends it again.
        return taken is not None and minimum <= taken <= MAX_FORM_AGE

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.looks_human():
            self.form_errors.append(NOT_ACCEPTED)
            self.website.data = ""
            self.restart_clock()
            return False
        return valid
