"""Forms, each validated on the server. Every POST carries a CSRF token.

May import: safety, models, content, extensions. Never the web layer or a blueprint.
"""

from .accounts import ChangePasswordForm, LoginForm, NewPasswordForm, ResetRequestForm, SignupForm
from .events import EventForm
from .fields import PASSWORD_MAX, PASSWORD_MIN
from .kind_words import BatchForm, KindWordForm
from .moderation import ActionForm, ReportForm
from .profile import LinkForm, ProfileForm
from .stories import PhotoForm, ProfilePhotosForm, StoryForm

__all__ = [
    "PASSWORD_MAX", "PASSWORD_MIN", "ActionForm", "BatchForm", "ChangePasswordForm", "EventForm",
    "KindWordForm", "NewPasswordForm",
    "ResetRequestForm", "LinkForm", "LoginForm", "PhotoForm",
    "ProfileForm", "ProfilePhotosForm", "ReportForm", "SignupForm", "StoryForm",
]
