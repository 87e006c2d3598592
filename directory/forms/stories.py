"""Writing a story, and describing its photos."""

import secrets

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..content.images import describe_bytes
from .fields import strip

# The longest each text field may be, in characters.
LIMITS = {"title": 120, "body": 20_000, "materials": 300, "techniques": 3000, "time_taken": 80}

ALT_HINT = (
    "For people who cannot see the photo: say what it shows, "
    "e.g. “Raw clay bowls drying on a wooden shelf”."
)


def alt_field(label="Describe the photo", required=False):
    validators = [Length(max=300)]
    if required:
        validators.insert(0, DataRequired("Describe the photo for people who cannot see it."))
    return StringField(label, filters=[strip], validators=validators, description=ALT_HINT)


class StoryForm(FlaskForm):
    # A new story's form is saved once, however often it is sent (models/submissions.py).
    once = HiddenField(default=lambda: secrets.token_hex(16))
    title = StringField(
        "Title",
        filters=[strip],
        validators=[DataRequired("Give your story a title."), Length(max=LIMITS["title"])],
    )
    body = TextAreaField(
        "The story",
        validators=[Length(max=LIMITS["body"])],
        description="How it is made, in your words. Markdown: **bold**, *italic*, "
        "[links](https://...), lists. No HTML.",
    )
    materials = StringField(
        "Materials",
        filters=[strip],
        validators=[Length(max=LIMITS["materials"])],
        description="Optional, e.g. recycled sterling silver, Welsh slate",
    )
    techniques = TextAreaField(
        "Techniques and process",
        validators=[Length(max=LIMITS["techniques"])],
        description="Optional: the steps, tools and techniques. Markdown works here too.",
    )
    time_taken = StringField(
        "Time it took",
        filters=[strip],
        validators=[Length(max=LIMITS["time_taken"])],
        description="Optional, e.g. three weeks, with two firings",
    )
    photo = FileField(
        "Add a photo",
        description="JPEG, PNG or WebP, up to 10 MB. Location data is removed.",
    )
    photo_alt = alt_field()

    def __init__(self, *args, photo_count=0, photo_limit=8, max_bytes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_count, self.photo_limit = photo_count, photo_limit
        if max_bytes:
            self.photo.description = (
                f"JPEG, PNG or WebP, up to {describe_bytes(max_bytes)}. Location data is removed."
            )

    @property
    def has_photo(self):
        return bool(self.photo.data and getattr(self.photo.data, "filename", ""))

    def validate_photo(self, field):
        if self.has_photo and self.photo_count >= self.photo_limit:
            raise ValidationError(
                f"A story can have up to {self.photo_limit} photos. Remove one to add another."
            )

    def validate_photo_alt(self, field):
        if self.has_photo and not field.data:
            raise ValidationError("Describe the photo for people who cannot see it.")

    def check_publishable(self):
        """A published story needs a body; say so next to it. True if fine."""
        if not (self.body.data or "").strip():
            self.body.errors = [*self.body.errors, "Write the story before publishing it."]
            return False
        return True


class PhotoForm(FlaskForm):
    alt = alt_field("Description", required=True)


class ProfilePhotosForm(FlaskForm):
    avatar = FileField("Portrait or logo", description="Square works best. JPEG, PNG or WebP.")
    cover = FileField("Cover photo", description="A wide photo of your work or studio.")
