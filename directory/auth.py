"""Sign up, log in, log out."""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user

from . import reviews, search
from .extensions import db, limiter, login_manager
from .forms import LoginForm, SignupForm
from .models import Maker, normalise_email
from .recovery import send_confirmation
from .text import slugify

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id):
    """The logged-in maker for a session ("<id>:<session version>"), or None
    when the account is gone or its sessions were ended since."""
    maker_id, _, version = str(session_id).partition(":")
    try:
        maker = Maker.get_or_none(Maker.id == int(maker_id))
        return maker if maker is not None and maker.session_version == int(version) else None
    except ValueError:
        return None


def start_session(maker, remember=False):
    """Log in with a fresh session: nothing from before the login is kept."""
    session.clear()
    login_user(maker, remember=remember)


def safe_next(target, default="account.profile"):
    """Where to go after login: a path on this site, never another site."""
    if target and any(ord(char) < 32 or ord(char) == 127 for char in target):
        return url_for(default)  # a control character could split the Location header
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for(default)


def signup_limit():
    return current_app.config["SIGNUP_LIMIT"]


def login_limit():
    return current_app.config["LOGIN_LIMIT"]


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(signup_limit, methods=["POST"])
def signup():
    """Create a maker account and log the new maker in."""
    if current_user.is_authenticated:
        return redirect(url_for("account.profile"))
    form = SignupForm()
    if form.validate_on_submit():
        maker = Maker(email=normalise_email(form.email.data),
                      display_name=form.display_name.data)
        # Hashing is slow on purpose: do it before taking the write lock.
        maker.set_password(form.password.data)
        with db.atomic():
            maker.slug = Maker.unique_slug(slugify(form.display_name.data))
            maker.save()
            search.index_maker(maker)
            reviews.content_saved(maker)
        start_session(maker)
        send_confirmation(maker)
        flash("Welcome! Your profile is live. Tell visitors what you make. We have sent "
              "you a link to confirm your email address.", "success")
        return redirect(url_for("account.profile"), code=303)
    return render_template("auth/signup.html", form=form), 422 if form.errors else 200


def login_account_limit():
    return current_app.config["LOGIN_ACCOUNT_LIMIT"]


def account_tried():
    """Login attempts also count per account, from wherever they come."""
    return "login:" + normalise_email(request.form.get("email", ""))[:254]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
@limiter.limit(login_account_limit, key_func=account_tried, methods=["POST"])
def login():
    """Log a maker in; the same message whether the email or the password is wrong."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    if form.validate_on_submit():
        maker = Maker.by_email(form.email.data)
        if Maker.password_matches(maker, form.password.data):
            start_session(maker, remember=form.remember.data)
            flash(f"Welcome back, {maker.display_name}.", "success")
            return redirect(safe_next(request.args.get("next")), code=303)
        form.password.errors.append("That email and password do not match an account.")
    status = 422 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out everywhere (a POST, so another site cannot log you out with a link).

    Ending the account's sessions also voids every remember-me cookie, so a
    stolen cookie stops working when the maker logs out.
    """
    current_user.end_sessions()
    logout_user()
    flash("You are logged out. See you soon.", "info")
    return redirect(url_for("public.home"), code=303)
