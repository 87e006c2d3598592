"""The maker's events: markets, shows, open studios and workshops; add, edit, cancel."""

from flask import abort, current_app, flash, render_template, request, url_for
from flask_login import current_user

from ..content.zones import zone_for_place
from ..extensions import limiter
from ..forms import EventForm
from ..models import Event, utcnow
from ..web.htmx import redirect_after_post
from ..writes import events as writes
from .blueprint import bp, per_maker


def own_event(event_id):
    """The current maker's event, or 404: another maker's is not found here."""
    event = Event.get_or_none((Event.id == event_id) & (Event.maker == current_user.id))
    if event is None:
        abort(404)
    return event


def posting_limit():
    return current_app.config["POSTING_LIMIT"]


@bp.route("/events", methods=["GET", "POST"])
@limiter.limit(posting_limit, key_func=per_maker, methods=["POST"])
def events():
    """The maker's events, coming and past, and a form to add one."""
    if request.method == "POST":
        form = EventForm()
        if form.validate_on_submit():
            event = writes.save_event(current_user.id, None, form.fields())
            flash(f"“{event.title}” is on your profile and in your calendar feed.", "success")
            return redirect_after_post(url_for(".events"))
    else:
        form = EventForm(formdata=None, time_zone=zone_for_place(current_user.place),
                         kind="market")
    mine = list(Event.all_by(current_user.id))
    now = utcnow()
    return render_template(
        "account/events.html", form=form,
        upcoming=[event for event in reversed(mine) if event.ends_utc > now],
        past=[event for event in mine if event.ends_utc <= now][:20],
    ), 422 if form.errors else 200


@bp.route("/events/<id:event_id>/edit", methods=["GET", "POST"])
@limiter.limit(posting_limit, key_func=per_maker, methods=["POST"])
def edit_event(event_id):
    """Change an event; calendars that follow it see the change."""
    event = own_event(event_id)
    form = EventForm(obj=event) if request.method == "GET" else EventForm()
    if request.method == "POST" and form.validate_on_submit():
        writes.save_event(current_user.id, event, form.fields())
        flash(f"“{event.title}” is saved.", "success")
        return redirect_after_post(url_for(".events"))
    return render_template("account/event_edit.html", form=form, event=event), (
        422 if form.errors else 200)


@bp.route("/events/<id:event_id>/cancel", methods=["POST"])
def cancel_event(event_id):
    """Cancel an event (it stays, marked cancelled), or put a cancelled one back on."""
    event = own_event(event_id)
    restore = request.form.get("restore") == "yes"
    writes.cancel_event(event, cancelled=not restore)
    flash(f"“{event.title}” is on again." if restore else
          f"“{event.title}” is cancelled. Visitors and calendars see it marked so.", "success")
    return redirect_after_post(url_for(".events"))
