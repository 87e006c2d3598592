"""What visitors see: the pages (pages), the Atom feeds, the calendars and
the sitemap (feeds), the stored photos (media), the report forms (reports),
and the form to leave a kind word (kind_words).

What the public may see is decided by the models' `visible_to`, never here.
May import: auth (to send a maker mail), web, writes, safety, models, content,
extensions. Never another blueprint.
"""

from .feeds import bp as feeds_bp
from .kind_words import bp as kind_words_bp
from .media import bp as media_bp
from .pages import bp as pages_bp
from .reports import bp as reports_bp

BLUEPRINTS = (pages_bp, feeds_bp, media_bp, reports_bp, kind_words_bp)
