"""Forms, each validated on the server. Every POST carries a CSRF token.

May import: safety, models, content, extensions. Never the web layer or a blueprint.
"""

from .accounts import ChangePasswordForm, LoginForm, NewPasswordForm, ResetRequestForm, SignupForm
from .fields import PASSWORD_MAX, PASSWORD_MIN
from .moderation import ActionForm, ReportForm
from .profile import LinkForm, ProfileForm
from .stories import PhotoForm, ProfilePhotosForm, StoryForm

__all__ = [
    "PASSWORD_MAX", "PASSWORD_MIN", "ActionForm", "ChangePasswordForm", "NewPasswordForm",
    "ResetRequestForm", "LinkForm", "LoginForm", "PhotoForm",
    "ProfileForm", "ProfilePhotosForm", "ReportForm", "SignupForm", "StoryForm",
]
