"""Reporting a profile or a story, and a moderator's reason for an action."""

from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..models import Report
from .fields import strip
from .human import HumanCheckForm


class ReportForm(HumanCheckForm):
    reason = RadioField(
        "What is wrong?",
        choices=[SelectChoice(value, label) for value, label in Report.REASONS.items()],
        validators=[DataRequired("Choose what is wrong.")],
    )
    note = TextAreaField(
        "Anything a moderator should know? (optional)",
        filters=[strip],
        validators=[Length(max=500, message="Please keep the note under 500 characters.")],
    )


class ActionForm(FlaskForm):
    reason = StringField(
        "Reason",
        filters=[strip],
        validators=[
            DataRequired("Give a short reason: it is shown in the public log."),
            Length(min=3, max=500, message="Use 3 to 500 characters."),
        ],
        description="Shown in the public moderation log and to the maker.",
    )
