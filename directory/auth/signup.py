"""Signing up: a new maker account, logged in straight away."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from ..extensions import limiter
from ..forms import SignupForm
from ..models import Maker, normalise_email
from ..writes.profiles import save_profile
from .blueprint import bp
from .confirmation import send_confirmation
from .sessions import start_session


def signup_limit():
    return current_app.config["SIGNUP_LIMIT"]


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
        save_profile(maker)
        start_session(maker)
        send_confirmation(maker)
        flash("Welcome! Your profile is live. Tell visitors what you make. We have sent "
              "you a link to confirm your email address.", "success")
        return redirect(url_for("account.profile"), code=303)
    return render_template("auth/signup.html", form=form), 422 if form.errors else 200
