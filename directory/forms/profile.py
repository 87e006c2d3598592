"""The maker's profile and links."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..content.crafts import CRAFTS
from ..content.slugs import is_reserved
from ..content.text import slugify
from ..models import Link, Maker
from .fields import CheckboxListField, display_name_field, strip, web_address


class ProfileForm(FlaskForm):
    display_name = display_name_field("Display name")
    slug = StringField(
        "Profile address",
        filters=[strip, lambda v: v.lower() if isinstance(v, str) else v],
        validators=[DataRequired("Choose the address of your profile."), Length(max=60)],
        description="Lower-case letters, digits and hyphens: /makers/your-address",
    )
    tagline = StringField(
        "Tagline",
        filters=[strip],
        validators=[Length(max=140)],
        description="One line about what you make, up to 140 characters.",
    )
    about = TextAreaField(
        "About you",
        validators=[Length(max=5000)],
        description="Markdown: **bold**, *italic*, [links](https://...), lists. No HTML.",
    )
    crafts = CheckboxListField(
        "Crafts",
        choices=[SelectChoice(slug, label) for slug, label in CRAFTS.items()],
        validate_choice=False,
        validators=[Optional()],
    )
    place = StringField(
        "Place",
        filters=[strip],
        validators=[Length(max=120)],
        description="Town and country, e.g. Bristol, UK",
    )
    commissions = BooleanField("I am taking commissions")

    def __init__(self, *args, maker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.maker = maker

    def validate_slug(self, field):
        if slugify(field.data) != field.data:
            raise ValidationError("Use only lower-case letters, digits and single hyphens.")
        if is_reserved(field.data):
            raise ValidationError("That address is reserved for the site. Choose another.")
        if Maker.slug_taken(field.data, exclude_id=self.maker.id if self.maker else None):
            raise ValidationError("Another maker already has that address.")

    def validate_crafts(self, field):
        unknown = [slug for slug in field.data or [] if slug not in CRAFTS]
        if unknown:
            raise ValidationError("Choose crafts from the list.")


class LinkForm(FlaskForm):
    kind = SelectField(
        "Kind",
        choices=[SelectChoice(kind, label) for kind, label in Link.KINDS.items()],
        validate_choice=False,
    )
    url = URLField(
        "Address (URL)",
        filters=[strip],
        validators=[DataRequired("Enter the address of the page."), Length(max=500)],
        description="Starting with https:// or http://",
    )
    label = StringField(
        "Label",
        filters=[strip],
        validators=[Length(max=80)],
        description="Optional, e.g. My Etsy shop",
    )

    def validate_kind(self, field):
        if field.data not in Link.KINDS:
            raise ValidationError("Choose a kind from the list.")

    def validate_url(self, field):
        web_address(self, field)
