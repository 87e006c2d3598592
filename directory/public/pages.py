"""Pages for visitors: the home page, browsing makers, a profile, a story,
search, what is coming up (events) and a page per place."""

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask import current_app as app
from flask_login import current_user

from ..content import search
from ..content.calendars import schema_org
from ..content.crafts import CRAFTS
from ..content.text import parse_id
from ..extensions import db
from ..models import Event, KindWord, Link, Maker, MakerCraft, Story, load_backrefs
from ..safety.notices import moderation_reason
from ..web.cache import cached
from ..web.htmx import render
from ..web.page_cache import depends_on_maker
from ..web.pagination import keyset_page, keyset_page_by

bp = Blueprint("public", __name__)

MAX_PAGE = 10_000


@bp.route("/")
def home():
    """Discover: a few makers to meet and the crafts to browse. "Show others"
    asks for ?meet=<id>, the next handful; htmx gets that handful alone."""
    makers, next_meet = Maker.to_meet(start=parse_id(request.args.get("meet")))
    return render(
        "public/home.html",
        "public/_makers_to_meet.html",
        makers=makers,
        next_meet=next_meet,
        stories=Story.recent(),
        craft_counts=craft_counts(),
    )


def page_arg():
    """The ?page= number: bad or negative input means the first page."""
    return min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)


def craft_counts(place=""):
    """{craft: makers} for the filters, at most a minute old."""
    return cached(("crafts", place), lambda: MakerCraft.counts(place=place))


def place_choices(craft=""):
    """(key, label, makers) of each place for the filters, at most a minute old."""
    return cached(("places", craft), lambda: Maker.place_choices(craft=craft))


def filter_args():
    """(craft, place) from the query string; an unknown craft means no filter."""
    craft = request.args.get("craft", "")
    return (craft if craft in CRAFTS else ""), request.args.get("place", "").strip()[:80]


def filter_params(craft, place):
    """The filters that are set, for the next page's URL."""
    return {key: value for key, value in (("craft", craft), ("place", place)) if value}


@bp.route("/makers")
def makers():
    """All makers, filterable by craft and place, a page at a time."""
    craft, place = filter_args()
    after = request.args.get("after", "")
    rows, next_after = keyset_page_by(Maker, Maker.browse, after, app.config["MAKERS_PER_PAGE"],
                                      craft=craft, place=place)
    return render(
        "public/makers.html",
        "public/_maker_results.html",
        makers=Maker.with_crafts(rows),
        craft=craft,
        place=place,
        after=after,
        next_url=(url_for(".makers", after=next_after, **filter_params(craft, place))
                  if next_after else None),
        craft_counts=craft_counts(place),
        places=place_choices(craft),
    )


@bp.route("/makers/<slug>")
def profile(slug):
    """A maker's profile: who they are, what they make, where to buy. Its
    maker (and a moderator) sees it even when visitors cannot, with a notice."""
    found = Maker.with_profile(Maker.visible_to(current_user).where(Maker.slug == slug))
    if not found:
        abort(404)
    maker = found[0]
    depends_on_maker(maker.id)
    is_owner = current_user.is_authenticated and current_user.id == maker.id
    after = request.args.get("after", "")
    stories, next_after = keyset_page_by(Story, Story.browse, after,
                                         app.config["STORIES_PER_PAGE"], maker=maker.id)
    events = list(Event.browse(maker=maker).limit(app.config["EVENTS_PER_PAGE"]))
    return render(
        "public/profile.html",
        "public/_story_list.html",
        maker=maker,
        is_owner=is_owner,
        events=events,
        events_ld=events_json_ld(events),
        kind_words=KindWord.shared_on(maker, app.config["KIND_WORDS_ON_PROFILE"]),
        # Only what the public sees can be reported (not by its own maker).
        can_report=maker.is_public and not is_owner,
        stories=Story.with_photos(stories),
        after=after,
        next_url=url_for(".profile", slug=slug, after=next_after) if next_after else None,
    )


def events_json_ld(events):
    """schema.org Event data for each event (its maker loaded), for the page's JSON-LD."""
    return [schema_org(event, event.maker.display_name,
                       url_for("public.profile", slug=event.maker.slug, _external=True))
            for event in events]


@bp.route("/events")
def events():
    """What is coming up across the directory, by craft and place, a page at a time."""
    craft, place = filter_args()
    after = request.args.get("after", "")
    rows, next_after = keyset_page(Event, Event.browse(craft=craft, place=place), after,
                                   app.config["EVENTS_PER_PAGE"])
    return render(
        "public/events.html",
        "public/_event_results.html",
        events=rows,
        events_ld=events_json_ld(rows),
        craft=craft,
        place=place,
        place_label=place_label(place),
        after=after,
        next_url=(url_for(".events", after=next_after, **filter_params(craft, place))
                  if next_after else None),
        craft_counts=craft_counts(place),
        places=place_choices(craft),
    )


def place_label(key):
    """How makers write the place with this key ("Leeds, UK"), or ""."""
    if not key:
        return ""
    return dict((k, label) for k, label, _ in place_choices()).get(key, "")


@bp.route("/places/<place>")
def place(place):
    """A place: its makers and what is coming up there."""
    label = place_label(place)
    if not label:
        abort(404)
    per_page = app.config["MAKERS_PER_PAGE"]
    makers, more_makers = keyset_page_by(Maker, Maker.browse, "", per_page, place=place)
    events, more_events = keyset_page(Event, Event.browse(place=place), "",
                                      app.config["EVENTS_PER_PAGE"])
    return render_template(
        "public/place.html",
        place=place,
        label=label,
        makers=Maker.with_crafts(makers),
        more_makers=more_makers is not None,
        events=events,
        events_ld=events_json_ld(events),
        more_events=more_events is not None,
    )


@bp.route("/stories/<id:story_id>")
def story(story_id):
    """One story: photos, the text, how it is made, and the maker's card."""
    found = Story.with_photos(Story.visible_to(current_user).where(Story.id == story_id))
    if not found:
        abort(404)
    story = found[0]
    depends_on_maker(story.maker_id)
    maker = load_backrefs([story.maker], MakerCraft.maker, Link.maker)[0]
    if current_user.is_authenticated and current_user.id == maker.id:
        # Its maker reports nothing, and is told why visitors may not see it.
        return render_template("public/story.html", story=story, maker=maker,
                               notice_reason=moderation_reason(maker, story))
    return render_template("public/story.html", story=story, maker=maker,
                           can_report=story.is_public)


@bp.route("/search")
def search_page():
    """Search makers and stories; htmx gets the results alone (active search)."""
    text = request.args.get("q", "").strip()[:200]
    craft, place = filter_args()
    page = page_arg()
    per_page = app.config["STORIES_PER_PAGE"]
    stories = search.find_stories(text, Story.browse(craft=craft, place=place),
                                  limit=per_page + 1, offset=(page - 1) * per_page)
    has_more = len(stories) > per_page
    makers = (search.find_makers(text, Maker.browse(craft=craft, place=place))
              if page == 1 else [])
    # The first page's fragment is every result; later pages only add stories;
    # the home page's box asks for a preview of the first few.
    if request.args.get("preview"):
        fragment = "public/_search_preview.html"
    elif page == 1:
        fragment = "public/_search_results.html"
    else:
        fragment = "public/_story_results.html"
    return render(
        "public/search.html",
        fragment,
        q=text,
        craft=craft,
        place=place,
        page=page,
        makers=Maker.with_crafts(makers),
        stories=Story.with_photos(stories[:per_page]),
        next_url=(url_for(".search_page", q=text, page=page + 1, **filter_params(craft, place))
                  if has_more else None),
        searched=bool(search.words(text)),
        craft_counts=craft_counts(),
        places=place_choices(),
    )


@bp.route("/healthz")
def healthz():
    """For load balancers and monitors: 200 when the database answers."""
    try:
        db.execute_sql("SELECT 1")
    except Exception:  # noqa: BLE001 (any database failure means unhealthy)
        abort(503)
    return Response("ok\n", mimetype="text/plain")


@bp.route("/robots.txt")
def robots():
    """Let search engines in, but not into accounts."""
    lines = [
        "User-agent: *", "Disallow: /account", "Disallow: /login", "Disallow: /signup",
        "Disallow: /search", f"Sitemap: {url_for('feeds.sitemap', _external=True)}", "",
    ]
    return Response("\n".join(lines), mimetype="text/plain")
