"""Signing up and logging in."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..models import Maker
from .fields import display_name_field, new_password_field, strip
from .human import HumanCheckForm


class SignupForm(HumanCheckForm):
    display_name = display_name_field("Your name, or your studio's")
    email = EmailField(
        "Email",
        filters=[strip],
        validators=[
            DataRequired("Enter your email address."),
            Length(max=254),
            # Mail servers cannot all deliver to non-ASCII mailbox names.
            Email("That does not look like an email address.", allow_smtputf8=False),
        ],
        description="Private: never shown on the site.",
    )
    password = new_password_field()

    def validate_email(self, field):
        if Maker.email_taken(field.data):
            raise ValidationError("An account with this email already exists. Log in instead?")


class LoginForm(FlaskForm):
    email = EmailField(
        "Email", filters=[strip], validators=[DataRequired("Enter your email address.")]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me logged in on this device")


class ResetRequestForm(FlaskForm):
    email = EmailField(
        "Email", filters=[strip], validators=[DataRequired("Enter your email address.")]
    )


class NewPasswordForm(FlaskForm):
    password = new_password_field("New password")
    confirm = PasswordField(
        "New password, again",
        validators=[DataRequired("Type the new password again."),
                    EqualTo("password", "The two passwords are not the same.")],
    )


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(
        "Current password", validators=[DataRequired("Enter your current password.")]
    )
