"""Logging in and out, and which maker a session belongs to."""

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter, login_manager
from ..forms import LoginForm
from ..models import Maker, normalise_email
from ..web.navigation import safe_next
from .blueprint import bp

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id):
    """The logged-in maker for a session ("<id>:<session version>"), or None
    when the account is gone or its sessions were ended since."""
    maker_id, _, version = str(session_id).partition(":")
    try:
        maker = Maker.by_id(int(maker_id))
        return maker if maker is not None and maker.session_version == int(version) else None
    except ValueError:
        return None


def start_session(maker, remember=False):
    """Log in with a fresh session: nothing from before the login is kept."""
    session.clear()
    login_user(maker, remember=remember)


def login_limit():
    return current_app.config["LOGIN_LIMIT"]


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
