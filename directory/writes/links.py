"""Writing a maker's shop and social links.

Links are part of what the spam rules read on a new account's profile, so
every change is checked again in the same transaction that makes it.
"""

from ..extensions import db
from ..models import Link, Maker
from ..safety import decisions


def _checked(maker_id):
    """Let the spam rules look at the profile again (its text is unchanged)."""
    decisions.check_written(Maker.get_by_id(maker_id), text_changed=False)


def add_link(maker, kind, url, label=""):
    """Add a link at the end of the maker's list."""
    with db.atomic():
        link = Link.create(maker=maker, kind=kind, url=url, label=label,
                           position=Link.next_position(maker))
        _checked(link.maker_id)
    return link


def update_link(link, kind, url, label=""):
    """Change a link; a new address has to be verified again."""
    if url != link.url:
        link.verified_at = None
    link.kind, link.url, link.label = kind, url, label
    with db.atomic():
        link.save()
        _checked(link.maker_id)
    return link


def move_link(link, step):
    """Move a link one place up (-1) or down (+1); False at an end."""
    with db.atomic():
        moved = link.move(step)
        _checked(link.maker_id)
    return moved


def delete_link(link):
    with db.atomic():
        link.delete_instance()
        _checked(link.maker_id)
