"""Fields and filters the forms share."""

from wtforms import SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

PASSWORD_MIN = 10
PASSWORD_MAX = 128


def strip(value):
    """Field filter: drop surrounding spaces (None stays None)."""
    return value.strip() if isinstance(value, str) else value


def display_name_field(label):
    """The maker's public name, required, as on the signup and profile forms."""
    return StringField(
        label,
        filters=[strip],
        validators=[DataRequired("Tell visitors who you are."), Length(max=80)],
    )


class CheckboxListField(SelectMultipleField):
    """Several choices shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
