"""A maker's event: a market, a show, an open studio, a workshop."""

from datetime import date, timedelta
from functools import cache
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..models import Event
from ..models.events import LONGEST_EVENT_DAYS
from .fields import strip, web_address

FARTHEST_DAYS = 2 * 365  # an event's dates are within two years of today


@cache
def time_zones():
    """Every IANA time zone name, sorted (the tzdata package guarantees the list)."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


class EventForm(FlaskForm):
    title = StringField("Title", filters=[strip],
                        validators=[DataRequired("Give the event a name."), Length(max=120)],
                        description="e.g. Hebden Makers' Fair")
    kind = SelectField("Kind", choices=[SelectChoice(key, label)
                                        for key, label in Event.KINDS.items()],
                       validate_choice=False)
    starts_on = DateField("First day", validators=[InputRequired("Give the first day.")])
    start_time = TimeField("Opens at (optional)", validators=[Optional()],
                           description="Leave both times empty for whole days.")
    ends_on = DateField("Last day (optional)", validators=[Optional()],
                        description="Leave empty for a one-day event.")
    end_time = TimeField("Closes at (optional)", validators=[Optional()])
    time_zone = SelectField("Time zone", validate_choice=False,
                            description="The time zone of the event's town.")
    venue = StringField("Venue", filters=[strip], validators=[Length(max=120)],
                        description="e.g. Hebden Bridge Town Hall, stall 14")
    town = StringField("Town", filters=[strip],
                       validators=[DataRequired("Say which town it is in."), Length(max=120)])
    link = StringField("Link (optional)", filters=[strip], validators=[Length(max=500)],
                       description="The event's own page, starting with https:// or http://")
    note = TextAreaField("Note (optional)", filters=[strip], validators=[Length(max=500)],
                         description="Plain text, e.g. “I'll have the new moon jars.”")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone.choices = [SelectChoice(name, name.replace("_", " "))
                                  for name in time_zones()]

    def validate_kind(self, field):
        if field.data not in Event.KINDS:
            raise ValidationError("Choose a kind from the list.")

    def validate_time_zone(self, field):
        if field.data not in time_zones():
            raise ValidationError("Choose a time zone from the list.")

    def validate_link(self, field):
        web_address(self, field)

    def validate_starts_on(self, field):
        if field.data and abs((field.data - date.today()).days) > FARTHEST_DAYS:
            raise ValidationError("Give a date within two years of today.")

    def validate_ends_on(self, field):
        if not (field.data and self.starts_on.data):
            return
        if field.data < self.starts_on.data:
            raise ValidationError("The last day is before the first day.")
        if abs((field.data - date.today()).days) > FARTHEST_DAYS:
            raise ValidationError("Give a date within two years of today.")
        if field.data - self.starts_on.data > timedelta(days=LONGEST_EVENT_DAYS):
            raise ValidationError(f"An event lasts at most {LONGEST_EVENT_DAYS} days: "
                                  "list a long exhibition by its opening days.")

    def validate(self, extra_validators=None):
        """The fields, then the two times together (an empty time skips its own checks)."""
        valid = super().validate(extra_validators)
        start, end = self.start_time.data, self.end_time.data
        if self.start_time.errors or self.end_time.errors:
            return valid
        if (start is None) != (end is None):
            self.end_time.errors = ["Give both times, or leave both empty for whole days."]
            return False
        last_day = self.ends_on.data or self.starts_on.data
        if start and end and last_day == self.starts_on.data and end <= start:
            self.end_time.errors = ["The event closes before it opens."]
            return False
        return valid

    def fields(self):
        """What the write path stores, from the checked form."""
        return {
            "title": self.title.data, "kind": self.kind.data,
            "starts_on": self.starts_on.data, "start_time": self.start_time.data,
            "ends_on": self.ends_on.data or self.starts_on.data, "end_time": self.end_time.data,
            "time_zone": self.time_zone.data, "venue": self.venue.data, "town": self.town.data,
            "link": self.link.data, "note": self.note.data,
        }
