"""Changing the password: every other session and remember-me cookie ends."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth.sessions import start_session
from ..forms import ChangePasswordForm
from ..models import Maker
from .blueprint import bp


@bp.route("/password", methods=["GET", "POST"])
def password():
    """Change the password, knowing the current one."""
    maker = Maker.get_by_id(current_user.id)
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not maker.check_password(form.current.data):
            form.current.errors.append("That is not your current password.")
        else:
            maker.change_password(form.password.data)
            start_session(maker)  # this device stays logged in, with a new session
            flash("Your password is changed. You are logged out on every other device.",
                  "success")
            return redirect(url_for(".profile"), code=303)
    status = 422 if form.errors else 200
    return render_template("account/password.html", form=form), status
