"""Leaving a kind word (for anyone), and a maker's batch of customer codes."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange

from ..models.kind_words import AUTHOR_LENGTH, NOTE_LENGTH, TEXT_LENGTH
from .fields import clean, strip
from .human import HumanCheckForm

MAX_BATCH = 200
CODE_DID_NOT_WORK = ("That code did not work. Check it and send again, or clear it to send "
                     "your kind word without it.")


class KindWordForm(HumanCheckForm):
    author = StringField(
        "Your first name or initials",
        filters=[clean],
        validators=[DataRequired("Tell the maker who you are: a first name or initials will do."),
                    Length(max=AUTHOR_LENGTH,
                           message=f"Please keep it under {AUTHOR_LENGTH} characters.")],
    )
    text = TextAreaField(
        "Your kind word",
        filters=[strip],
        validators=[DataRequired("Write a few words for the maker."),
                    Length(max=TEXT_LENGTH,
                           message=f"Please keep it under {TEXT_LENGTH} characters.")],
        description="Plain text. What did you buy, or learn, and what do you love about it?",
    )
    code = StringField(
        "Customer code (optional)",
        filters=[strip],
        validators=[Length(max=20, message=CODE_DID_NOT_WORK)],
        description="From the card the maker gave you, like K7QXM-2PD1C.",
    )


class BatchForm(FlaskForm):
    size = IntegerField(
        "How many codes",
        validators=[DataRequired("Say how many codes to make, from 1 to 200."),
                    NumberRange(min=1, max=MAX_BATCH, message="Make 1 to 200 codes at a time.")],
        default=24,
    )
    note = StringField(
        "Note (optional)",
        filters=[strip],
        validators=[Length(max=NOTE_LENGTH,
                           message=f"Please keep the note under {NOTE_LENGTH} characters.")],
        description="Where you hand them out, e.g. Hebden Makers' Fair, May. "
                    "Kind words left with these codes say “met at” it.",
    )
