"""The maker's own pages: profile and photos (profile), links, stories and
their photos (stories, photos), kind words and customer codes (kind_words),
events (events), password, and their data: export and delete (data). All
need a login.

May import: auth (to keep a session after a password change), web, writes,
safety, models, content, extensions.
"""

from . import (  # noqa: F401 (register the views)
    data,
    events,
    kind_words,
    links,
    password,
    photos,
    profile,
    stories,
)
from .blueprint import bp

__all__ = ["bp"]
