"""What visitors see: the pages (pages), the Atom feeds and the sitemap
(feeds), the stored photos (media), and the report forms (reports).

What the public may see is decided by the models' `visible_to`, never here.
May import: web, writes, safety, models, content, extensions. Never another blueprint.
"""

from .feeds import bp as feeds_bp
from .media import bp as media_bp
from .pages import bp as pages_bp
from .reports import bp as reports_bp

BLUEPRINTS = (pages_bp, feeds_bp, media_bp, reports_bp)
