"""Confirming an email address and resetting a forgotten password, by mail.

Both send a signed, time-limited link (directory/tokens.py). The links open a
page with a button: following a link never changes anything by itself (mail
scanners open links), the button's POST does. Asking for a reset answers the
same way whether or not the address has an account.
"""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from . import mail, tokens
from .extensions import db, limiter
from .forms import NewPasswordForm, ResetRequestForm
from .models import Maker, utcnow

bp = Blueprint("recovery", __name__)


def send_confirmation(maker):
    link = url_for("recovery.confirm_email", token=tokens.make(maker, tokens.CONFIRM_EMAIL),
                   _external=True)
    mail.send(maker.email, "Confirm your email for Makers' Directory", "confirm",
              maker=maker, link=link)


def send_reset(maker):
    link = url_for("recovery.reset_password", token=tokens.make(maker, tokens.RESET_PASSWORD),
                   _external=True)
    mail.send(maker.email, "Choose a new password for Makers' Directory", "reset",
              maker=maker, link=link)


def link_problem(problem):
    return render_template("auth/link_problem.html", expired=problem.expired), 400


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token):
    """Show the confirm button (GET); confirm the address (POST)."""
    try:
        maker = tokens.check(token, tokens.CONFIRM_EMAIL)
    except tokens.TokenProblem as problem:
        return link_problem(problem)
    if request.method == "GET":
        return render_template("auth/confirm.html", maker=maker, token=token)
    if maker.email_confirmed_at is None:
        Maker.update(email_confirmed_at=utcnow()).where(Maker.id == maker.id).execute()
    flash("Thank you: your email address is confirmed.", "success")
    mine = current_user.is_authenticated and current_user.id == maker.id
    return redirect(url_for("account.profile" if mine else "auth.login"), code=303)


def resend_limit():
    return current_app.config["MAIL_LIMIT"]


@bp.route("/account/confirm", methods=["POST"])
@login_required
@limiter.limit(resend_limit, key_func=lambda: f"mail:{current_user.id}")
def resend_confirmation():
    """Send the confirmation link again."""
    if current_user.email_confirmed_at is None:
        send_confirmation(current_user)
        flash("We have sent the link again. It works for three days.", "info")
    return redirect(url_for("account.profile"), code=303)


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(resend_limit, methods=["POST"])
def reset_request():
    """Ask for a reset link; the answer never says whether the address has an account."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        maker = Maker.by_email(form.email.data)
        if maker is not None and maker.password_hash != Maker.UNUSABLE_PASSWORD:
            send_reset(maker)
        flash("If an account uses that address, we have sent it a link to choose a new "
              "password. The link works for an hour.", "info")
        return redirect(url_for("auth.login"), code=303)
    status = 422 if form.errors else 200
    return render_template("auth/reset_request.html", form=form), status


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    """Choose a new password; every session of the account ends."""
    try:
        maker = tokens.check(token, tokens.RESET_PASSWORD)
    except tokens.TokenProblem as problem:
        return link_problem(problem)
    form = NewPasswordForm()
    if form.validate_on_submit():
        maker.set_password(form.password.data)
        maker.session_version += 1
        # The link came by mail, so the address is proven too.
        maker.email_confirmed_at = maker.email_confirmed_at or utcnow()
        with db.atomic():
            maker.save()
        flash("Your password is changed, and you are logged out everywhere. "
              "Log in with the new password.", "success")
        return redirect(url_for("auth.login"), code=303)
    status = 422 if form.errors else 200
    return render_template("auth/reset_password.html", form=form, token=token), status
