"""Forms, each validated on the server. Every POST carries a CSRF token."""

from .accounts import LoginForm, SignupForm
from .fields import PASSWORD_MAX, PASSWORD_MIN
from .profile import LinkForm, ProfileForm

__all__ = ["PASSWORD_MAX", "PASSWORD_MIN", "LinkForm", "LoginForm", "ProfileForm", "SignupForm"]
