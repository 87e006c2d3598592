"""Who you are: sign up (signup), log in and out (sessions), confirm an email
address (confirmation), reset a forgotten password (reset), the signed links
they send (tokens) and the mail that carries them (mail).

May import: web, writes, safety, models, content, extensions. Never another blueprint.
"""

from . import confirmation, reset, sessions, signup  # noqa: F401 (register the views)
from .blueprint import bp

__all__ = ["bp"]
