"""Signing up and logging in."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from ..models import Maker
from .fields import PASSWORD_MAX, PASSWORD_MIN, display_name_field, not_common, strip
from .human import HumanCheckForm


class SignupForm(HumanCheckForm):
    display_name = display_name_field("Your name, or your studio's")
    email = EmailField(
        "Email",
        filters=[strip],
        validators=[
            DataRequired("Enter your email address."),
            Length(max=254),
            Email("That does not look like an email address."),
        ],
        description="Private: never shown on the site.",
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Choose a password."),
            Length(
                min=PASSWORD_MIN,
                max=PASSWORD_MAX,
                message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters.",
            ),
            not_common,
        ],
        description=f"At least {PASSWORD_MIN} characters.",
    )

    def validate_email(self, field):
        if Maker.email_taken(field.data):
            raise ValidationError("An account with this email already exists. Log in instead?")


class LoginForm(FlaskForm):
    email = EmailField(
        "Email", filters=[strip], validators=[DataRequired("Enter your email address.")]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me logged in on this device")
