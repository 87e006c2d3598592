"""Pages for visitors: the home page, browsing makers, a maker's profile."""

from flask import Blueprint, Response, abort, request, url_for
from flask import current_app as app
from flask_login import current_user

from .crafts import CRAFTS
from .extensions import db
from .htmx import render
from .models import Maker, MakerCraft

bp = Blueprint("public", __name__)


@bp.route("/")
def home():
    """Discover: a few makers to meet and the crafts to browse."""
    return render(
        "public/home.html",
        "public/_makers_to_meet.html",
        makers=Maker.to_meet(),
        craft_counts=MakerCraft.counts(),
    )


def page_arg():
    """The ?page= number: bad or negative input means the first page."""
    return max(request.args.get("page", 1, type=int), 1)


@bp.route("/makers")
def makers():
    """All makers, filterable by craft and place, a page at a time."""
    craft = request.args.get("craft", "")
    craft = craft if craft in CRAFTS else ""
    place = request.args.get("place", "").strip()[:80]
    page = page_arg()
    per_page = app.config["MAKERS_PER_PAGE"]
    rows = Maker.with_crafts(
        Maker.browse(craft=craft, place=place).paginate(page, per_page).limit(per_page + 1)
    )
    has_more = len(rows) > per_page
    filters = {key: value for key, value in (("craft", craft), ("place", place)) if value}
    return render(
        "public/makers.html",
        "public/_maker_results.html",
        makers=rows[:per_page],
        craft=craft,
        place=place,
        page=page,
        next_url=url_for(".makers", page=page + 1, **filters) if has_more else None,
        craft_counts=MakerCraft.counts(place=place),
        places=Maker.place_choices(craft=craft),
    )


@bp.route("/makers/<slug>")
def profile(slug):
    """A maker's public profile: who they are, what they make, where to buy."""
    found = Maker.with_profile(Maker.listed().where(Maker.slug == slug))
    if not found:
        abort(404)
    maker = found[0]
    is_owner = current_user.is_authenticated and current_user.id == maker.id
    return render("public/profile.html", "public/_profile.html", maker=maker, is_owner=is_owner)


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
    lines = ["User-agent: *", "Disallow: /account", "Disallow: /login", "Disallow: /signup", ""]
    return Response("\n".join(lines), mimetype="text/plain")
