"""Confirming an email address by a signed link sent by mail.

The link opens a page with a button: following a link never changes anything
by itself (mail scanners open links), the button's POST does. A link that
is expired, forged or used gets one page that says so (tokens.TokenProblem).
"""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..extensions import limiter
from ..models import Maker, utcnow
from . import mail, tokens
from .blueprint import bp


def send_confirmation(maker):
    link = url_for("auth.confirm_email", token=tokens.make(maker, tokens.CONFIRM_EMAIL),
                   _external=True)
    mail.send(maker.email, "Confirm your email for Makers' Directory", "confirm",
              maker=maker, link=link)


@bp.errorhandler(tokens.TokenProblem)
def link_problem(problem):
    """An expired, forged or already used link."""
    return render_template("auth/link_problem.html", expired=problem.expired), 400


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token):
    """Show the confirm button (GET); confirm the address (POST)."""
    maker = tokens.check(token, tokens.CONFIRM_EMAIL)
    if request.method == "GET":
        return render_template("auth/confirm.html", maker=maker, token=token)
    if maker.email_confirmed_at is None:
        Maker.update(email_confirmed_at=utcnow()).where(Maker.id == maker.id).execute()
    flash("Thank you: your email address is confirmed.", "success")
    mine = current_user.is_authenticated and current_user.id == maker.id
    return redirect(url_for("account.profile" if mine else "auth.login"), code=303)


def mail_limit():
    return current_app.config["MAIL_LIMIT"]


@bp.route("/account/confirm", methods=["POST"])
@login_required
@limiter.limit(mail_limit, key_func=lambda: f"mail:{current_user.id}")
def resend_confirmation():
    """Send the confirmation link again."""
    if current_user.email_confirmed_at is None:
        send_confirmation(current_user)
        flash("We have sent the link again. It works for three days.", "info")
    return redirect(url_for("account.profile"), code=303)
