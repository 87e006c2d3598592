"""Documents for machines: Atom feeds of published stories (everything, one
maker's, one craft's) and the sitemap for search engines."""

from flask import Blueprint, Response, abort, render_template, url_for

from ..content.crafts import CRAFTS, craft_label
from ..models import Maker, Story
from ..web.page_cache import depends_on_maker

bp = Blueprint("feeds", __name__)

FEED_LENGTH = 30


def atom(title, page_url, stories_query):
    """An Atom document of the newest stories in the query."""
    stories = Story.with_photos(stories_query.limit(FEED_LENGTH))
    updated = max((story.updated_at for story in stories), default=None)
    body = render_template(
        "feeds/atom.xml", title=title, page_url=page_url, stories=stories, updated=updated
    )
    return Response(body, mimetype="application/atom+xml")


@bp.route("/feeds/stories.atom")
def all_stories():
    """Every maker's newest published stories."""
    return atom("New stories from makers", url_for("public.home", _external=True),
                Story.browse())


@bp.route("/makers/<slug>/feed.atom")
def maker_stories(slug):
    """One maker's newest published stories."""
    maker = Maker.visible_to(None).where(Maker.slug == slug).first()
    if maker is None:
        abort(404)
    depends_on_maker(maker.id)
    return atom(f"Stories from {maker.display_name}",
                url_for("public.profile", slug=slug, _external=True), Story.browse(maker=maker))


@bp.route("/crafts/<craft>/feed.atom")
def craft_stories(craft):
    """Newest published stories by makers of one craft."""
    if craft not in CRAFTS:
        abort(404)
    return atom(f"{craft_label(craft)}: new stories from makers",
                url_for("public.makers", craft=craft, _external=True), Story.browse(craft=craft))


SITEMAP_LIMIT = 50_000  # the most URLs one sitemap file may list


@bp.route("/sitemap.xml")
def sitemap():
    """Every public profile and published story, for search engines."""
    makers = list(Maker.browse().select(Maker.slug, Maker.updated_at)
                  .limit(SITEMAP_LIMIT // 5))
    stories = list(Story.browse().select(Story.id, Story.updated_at)
                   .limit(SITEMAP_LIMIT - len(makers) - 2))
    body = render_template("feeds/sitemap.xml", makers=makers, stories=stories)
    return Response(body, mimetype="application/xml")
