"""The maker's own pages: profile and photos (profile), links, stories and
their photos (stories, photos), password, and their data: export and delete
(data). All need a login.

May import: auth (to keep a session after a password change), web, writes,
safety, models, content, extensions.
"""

from . import data, links, password, photos, profile, stories  # noqa: F401 (register the views)
from .blueprint import bp

__all__ = ["bp"]
