"""Leaving a kind word on a maker's profile: for anyone, no account needed.

The form carries a CSRF token, so the profile does not hold it: with htmx the
form is fetched when its disclosure opens; without, the disclosure links to
this page, which is also where a stall card's QR code leads (with its code).
"""

from flask import Blueprint, abort, current_app, request, url_for

from ..auth import mail
from ..extensions import limiter
from ..forms import KindWordForm
from ..forms.kind_words import CODE_DID_NOT_WORK
from ..models import Maker
from ..safety import codes
from ..web.htmx import after_change, render
from ..web.navigation import public_url
from ..writes.kind_words import CodeRefused, leave_kind_word

bp = Blueprint("kind_words", __name__)

THANKS = ("Thank you! Your kind word is with {name} now: makers choose which kind words "
          "to share on their profile.")


def per_address_limit():
    return current_app.config["KIND_WORD_LIMIT"]


def per_maker_limit():
    return current_app.config["KIND_WORD_MAKER_LIMIT"]


def to_maker():
    """Kind words count against the maker they are left for, wherever they come from."""
    return "kind-words-for:" + str(request.view_args.get("slug", ""))


@bp.route("/makers/<slug>/kind-words/new", methods=["GET", "POST"])
@limiter.limit(per_address_limit, methods=["POST"])
@limiter.limit(per_maker_limit, key_func=to_maker, methods=["POST"])
def leave(slug):
    """Show the kind-word form (GET, `?code=` fills in a card's code), or take one (POST)."""
    maker = Maker.public_by_slug(slug)
    if maker is None:
        abort(404)
    form = KindWordForm()
    if request.method == "GET":
        form.code.data = codes.shown(request.args.get("code", "").strip()[:20])
    back_url = url_for("public.profile", slug=maker.slug)
    context = {"form": form, "maker": maker, "action_url": url_for(".leave", slug=maker.slug),
               "back_url": back_url}
    if request.method == "POST" and form.validate_on_submit():
        try:
            kind_word = leave_kind_word(maker, form.author.data, form.text.data,
                                        form.code.data or "")
        except CodeRefused:
            form.code.errors = [CODE_DID_NOT_WORK]
        else:
            if maker.kind_word_mail:
                tell_maker(maker, kind_word)
            message = THANKS.format(name=maker.display_name)
            return after_change(message, back_url, lambda: render(
                "public/kind_word.html", "public/_kind_word_thanks.html", message=message,
                **context))
    status = 422 if form.errors or form.form_errors else 200
    return render("public/kind_word.html", "public/_kind_word_form.html", status, **context)


def tell_maker(maker, kind_word):
    """A short email that a kind word waits (only for makers who asked for one)."""
    mail.send(maker.email, "A kind word is waiting for you", "kind_word",
              maker=maker, kind_word=kind_word,
              url=public_url("account.kind_words") or url_for("account.kind_words",
                                                              _external=True))
