"""The profile editor: name, address, tagline, about, crafts, place, photos."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..content import uploads
from ..content.images import ImageRejected
from ..forms import ProfileForm, ProfilePhotosForm
from ..models import Maker
from ..safety.notices import WORDING, notices_for, suspension_reason
from ..web.htmx import render
from ..writes.profiles import save_profile, set_profile_photos
from .blueprint import bp


@bp.route("", methods=["GET", "POST"])
def profile():
    """Edit the public profile: name, address, tagline, about, crafts, place."""
    maker = Maker.get_by_id(current_user.id)
    if maker.is_suspended:
        return render_template("account/suspended.html", maker=maker,
                               reason=suspension_reason(maker))
    form = profile_form(maker) if request.method == "GET" else ProfileForm(maker=maker)
    if form.validate_on_submit():
        maker.display_name = form.display_name.data
        maker.slug = form.slug.data
        maker.tagline = form.tagline.data
        maker.set_about(form.about.data)
        maker.set_place(form.place.data)
        maker.commissions = form.commissions.data
        save_profile(maker, crafts=form.crafts.data or [])
        if maker.is_held:
            flash(f"Your profile is saved. {WORDING['held'].detail}", "info")
        else:
            flash("Your profile is saved.", "success")
        return redirect(url_for(".profile"), code=303)
    return profile_page(maker, form=form)


def profile_form(maker):
    """The profile form filled from what the maker saved (about: as they typed it)."""
    form = ProfileForm(formdata=None, obj=maker, maker=maker)
    form.about.data = maker.about_md
    form.crafts.data = maker.crafts
    return form


def profile_page(maker, form=None, photos_form=None):
    """The editor page; 422 when a form on it has errors."""
    form = form or profile_form(maker)
    photos_form = photos_form or ProfilePhotosForm(formdata=None)
    status = 422 if form.errors or photos_form.errors else 200
    return render("account/profile.html", "account/_profile_form.html", status, form=form,
                  photos_form=photos_form, maker=maker, notices=notices_for(maker))


@bp.route("/photos", methods=["POST"])
def profile_photos():
    """Upload or remove the portrait (avatar) and the cover photo."""
    maker = Maker.get_by_id(current_user.id)
    form = ProfilePhotosForm()
    if not form.validate_on_submit():
        return profile_page(maker, photos_form=form)
    names = {}
    removing = request.form.get("remove")
    if removing in ("avatar", "cover"):
        names[removing] = None
    for field in (form.avatar, form.cover):
        if not (field.data and field.data.filename):
            continue
        try:
            names[field.name] = uploads.save_upload(field.data).name
        except ImageRejected as error:
            field.errors = [str(error)]
            uploads.remove(*(name for name in names.values() if name))  # nothing half-saved
            return profile_page(maker, photos_form=form)
    if names:
        set_profile_photos(maker, names)
    flash("Photo removed." if removing else "Your photos are saved.", "success")
    return redirect(url_for(".profile"), code=303)
