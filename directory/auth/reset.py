"""Resetting a forgotten password by a signed link sent by mail.

Asking for a link answers the same way whether or not the address has an
account. Choosing the new password ends every session of the account.
"""

from flask import flash, redirect, render_template, url_for

from ..extensions import limiter
from ..forms import NewPasswordForm, ResetRequestForm
from ..models import Maker, utcnow
from . import mail, tokens
from .blueprint import bp
from .confirmation import mail_limit


def send_reset(maker):
    link = url_for("auth.reset_password", token=tokens.make(maker, tokens.RESET_PASSWORD),
                   _external=True)
    mail.send(maker.email, "Choose a new password for Makers' Directory", "reset",
              maker=maker, link=link)


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(mail_limit, methods=["POST"])
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
    maker = tokens.check(token, tokens.RESET_PASSWORD)
    form = NewPasswordForm()
    if form.validate_on_submit():
        # The link came by mail, so the address is proven too.
        maker.email_confirmed_at = maker.email_confirmed_at or utcnow()
        maker.change_password(form.password.data)
        flash("Your password is changed, and you are logged out everywhere. "
              "Log in with the new password.", "success")
        return redirect(url_for("auth.login"), code=303)
    status = 422 if form.errors else 200
    return render_template("auth/reset_password.html", form=form, token=token), status
