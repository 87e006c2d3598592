"""Fields and filters the forms share."""

from urllib.parse import urlsplit

from wtforms import PasswordField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..content.text import clean_name, poses_as_staff
from ..safety.passwords import MAX_LENGTH, MIN_LENGTH, is_common

PASSWORD_MIN = MIN_LENGTH
PASSWORD_MAX = MAX_LENGTH


def strip(value):
    """Field filter: drop surrounding spaces; a field left out of the request is ""."""
    return value.strip() if isinstance(value, str) else ""


def clean(value):
    """Field filter for names: see text.clean_name (None stays None)."""
    return clean_name(value) if isinstance(value, str) else value


def not_staff(form, field):
    """Only the site's moderators may use names that read as staff."""
    maker = getattr(form, "maker", None)
    if field.data and poses_as_staff(field.data) and not (maker and maker.is_moderator):
        raise ValidationError("That name reads like one of the site's own staff. "
                              "Please choose another.")


def web_address(form, field):
    """An http(s) address with a host (an empty field is left to other validators)."""
    if not field.data:
        return
    try:
        parts = urlsplit(field.data)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok:
        raise ValidationError("Use a web address starting with https:// or http://")


def display_name_field(label):
    """The maker's public name, required, as on the signup and profile forms."""
    return StringField(
        label,
        filters=[clean],
        validators=[DataRequired("Tell visitors who you are."), Length(max=80), not_staff],
    )


class CheckboxListField(SelectMultipleField):
    """Several choices shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def not_common(form, field):
    """Refuse passwords that appear in lists of leaked passwords."""
    if field.data and is_common(field.data):
        raise ValidationError("That password is one of the most common ones, so it is easy "
                              "to guess. Please choose another.")


def new_password_field(label="Password"):
    """A new password: long enough, not too long, not a common one."""
    return PasswordField(
        label,
        validators=[
            DataRequired("Choose a password."),
            Length(min=PASSWORD_MIN, max=PASSWORD_MAX,
                   message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters."),
            not_common,
        ],
        description=f"At least {PASSWORD_MIN} characters. A few unrelated words work well.",
    )
