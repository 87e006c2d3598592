"""The links editor: add, edit in place, reorder and remove shop and social links."""

from flask import abort, request, url_for
from flask_login import current_user

from ..forms import LinkForm
from ..models import Link
from ..web.htmx import after_change, render
from ..writes import links as writes
from .blueprint import bp


def own_link(link_id):
    """The current maker's link, or 404: another maker's link is not found here."""
    link = Link.get_or_none((Link.id == link_id) & (Link.maker == current_user.id))
    if link is None:
        abort(404)
    return link


def links_editor(status=200, add_form=None, editing=None, edit_form=None, notice=None):
    """The links page, or for htmx just the editor that swaps itself."""
    return render(
        "account/links.html",
        "account/_links_editor.html",
        status,
        links=list(Link.for_maker(current_user.id)),
        add_form=add_form or LinkForm(formdata=None),
        editing=editing,
        edit_form=edit_form,
        notice=notice,
    )


def links_done(message):
    """After a change: htmx gets the fresh editor, a plain form a redirect."""
    return after_change(message, url_for(".links"), lambda: links_editor(notice=message))


@bp.route("/links", methods=["GET", "POST"])
def links():
    """List the maker's shop and social links, and add one."""
    form = LinkForm()
    if request.method == "POST":
        if form.validate_on_submit():
            writes.add_link(current_user.id, form.kind.data, form.url.data, form.label.data)
            return links_done("Link added.")
        return links_editor(422, add_form=form)
    return links_editor()


@bp.route("/links/<id:link_id>/edit")
def edit_link(link_id):
    """Show one link as an edit form, in place of its row."""
    link = own_link(link_id)
    return links_editor(editing=link.id, edit_form=LinkForm(obj=link, prefix="edit"))


@bp.route("/links/<id:link_id>", methods=["POST"])
def update_link(link_id):
    """Save an edited link."""
    link = own_link(link_id)
    form = LinkForm(prefix="edit")
    if not form.validate_on_submit():
        return links_editor(422, editing=link.id, edit_form=form)
    writes.update_link(link, form.kind.data, form.url.data, form.label.data)
    return links_done("Link saved.")


@bp.route("/links/<id:link_id>/move", methods=["POST"])
def move_link(link_id):
    """Move a link one place up or down the list."""
    link = own_link(link_id)
    step = {"up": -1, "down": 1}.get(request.form.get("direction"))
    if step is None:
        abort(400)
    writes.move_link(link, step)
    return links_done("Links reordered.")


@bp.route("/links/<id:link_id>/delete", methods=["POST"])
def delete_link(link_id):
    """Remove a link from the profile."""
    writes.delete_link(own_link(link_id))
    return links_done("Link removed.")
