"""Documents for machines: Atom feeds of published stories (everything, one
maker's, one craft's), iCalendar feeds of events (everything, one maker's,
one place's) and the sitemap for search engines."""

from datetime import timedelta

from flask import Blueprint, Response, abort, render_template, url_for

from ..content.calendars import calendar
from ..content.crafts import CRAFTS, craft_label
from ..models import Event, Maker, Story, utcnow
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


def feed_maker(slug):
    """The public maker a feed is of (404 otherwise); the feed is kept in the
    page cache until that maker changes."""
    maker = Maker.public_by_slug(slug)
    if maker is None:
        abort(404)
    depends_on_maker(maker.id)
    return maker


@bp.route("/makers/<slug>/feed.atom")
def maker_stories(slug):
    """One maker's newest published stories."""
    maker = feed_maker(slug)
    return atom(f"Stories from {maker.display_name}",
                url_for("public.profile", slug=slug, _external=True), Story.browse(maker=maker))


@bp.route("/crafts/<craft>/feed.atom")
def craft_stories(craft):
    """Newest published stories by makers of one craft."""
    if craft not in CRAFTS:
        abort(404)
    return atom(f"{craft_label(craft)}: new stories from makers",
                url_for("public.makers", craft=craft, _external=True), Story.browse(craft=craft))


# A calendar keeps events a month after they end, so a cancellation or a
# late change still reaches the programs that subscribed.
CALENDAR_KEEPS = timedelta(days=30)
CALENDAR_LENGTH = 200


def ics(name, **filters):
    """An iCalendar document of the events `Event.browse(**filters)` finds."""
    events = Event.browse(now=utcnow() - CALENDAR_KEEPS, **filters).limit(CALENDAR_LENGTH)
    body = calendar(
        name, events,
        url_of=lambda event: url_for("public.profile", slug=event.maker.slug, _external=True),
        organizer_of=lambda event: event.maker.display_name)
    return Response(body, mimetype="text/calendar")


@bp.route("/events.ics")
def all_events():
    """Every maker's markets, shows, open studios and workshops."""
    return ics("Makers' Directory: markets, shows and workshops")


@bp.route("/makers/<slug>/events.ics")
def maker_events(slug):
    """One maker's events."""
    maker = feed_maker(slug)
    return ics(f"{maker.display_name}: where to meet them", maker=maker)


@bp.route("/places/<place>/events.ics")
def place_events(place):
    """The events of the makers of one place."""
    maker = Maker.visible_to(None).where(Maker.place_key == place).first()
    if maker is None:
        abort(404)
    return ics(f"Makers of {maker.place}: markets, shows and workshops", place=place)


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
