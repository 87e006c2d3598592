"""Moderation: the queue and the actions (moderators only), and the public log.

Every route of this blueprint sits behind one guard; the log is its own
blueprint because everyone may read it. What an action does is decided in
directory/safety/decisions.py.

May import: web, writes, safety, models, content, extensions. Never another blueprint.
"""

from . import actions, queue  # noqa: F401 (register the views)
from .blueprint import bp
from .log import bp as log_bp

__all__ = ["bp", "log_bp"]
