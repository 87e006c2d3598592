"""The links editor: add, edit in place, reorder and remove shop and social
links, and prove that each is really the maker's."""

from flask import abort, current_app, request, url_for
from flask_login import current_user

from ..extensions import limiter
from ..forms import LinkForm
from ..models import Link, LinkCheck
from ..safety import verification
from ..web.htmx import after_change, render
from ..web.navigation import public_url
from ..writes import links as writes
from .blueprint import bp, per_maker


def own_link(link_id):
    """The current maker's link, or 404: another maker's link is not found here."""
    link = Link.get_or_none((Link.id == link_id) & (Link.maker == current_user.id))
    if link is None:
        abort(404)
    return link


def links_editor(status=200, add_form=None, editing=None, edit_form=None, notice=None,  # noqa: PLR0917 (each is a part of the editor)
                 notice_category="success"):
    """The links page, or for htmx just the editor that swaps itself."""
    links = list(Link.for_maker(current_user.id))
    return render(
        "account/links.html",
        "account/_links_editor.html",
        status,
        links=links,
        add_form=add_form or LinkForm(formdata=None),
        editing=editing,
        edit_form=edit_form,
        notice=notice,
        notice_category=notice_category,
        codes={link.id: verification.CODE_PREFIX + verification.link_code(link)
               for link in links},
        checks=LinkCheck.latest([link.id for link in links]),
        profile_url=public_url("public.profile", slug=current_user.slug),
    )


def links_done(message, category="success"):
    """After a change: htmx gets the fresh editor, a plain form a redirect."""
    return after_change(message, url_for(".links"),
                        lambda: links_editor(notice=message, notice_category=category), category)


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


def verify_limit():
    return current_app.config["VERIFY_LIMIT"]


@bp.route("/links/<id:link_id>/verify", methods=["POST"])
@limiter.limit(verify_limit, key_func=per_maker)
def verify_link(link_id):
    """Look at the link's page now for a rel="me" link back, or the link's code."""
    link = own_link(link_id)
    profile = public_url("public.profile", slug=current_user.slug)
    if profile is None:
        return links_done("Links cannot be verified until the site's operator sets SITE_URL, "
                          "the directory's own address.", "error")
    outcome = verification.check(link, profile)
    writes.record_check(link, outcome, current_app.config["LINK_FAILURES_TO_DROP"])
    if outcome.proven:
        how = "a link back to your profile" if outcome.method == "rel-me" else "your code"
        return links_done(f"Verified: {link.title} shows {how}.")
    return links_done(f"Not verified: {outcome.reason}", "error")


@bp.route("/links/<id:link_id>/code", methods=["POST"])
def new_link_code(link_id):
    """Make a new code for the link; the old one no longer proves anything."""
    link = writes.new_code(own_link(link_id))
    return links_done(f"Your new code for {link.title} is "
                      f"{verification.CODE_PREFIX}{verification.link_code(link)}.")
