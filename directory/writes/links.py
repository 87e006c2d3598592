"""Writing a maker's shop and social links.

Links are part of what the spam rules read on a new account's profile, so
every change is checked again in the same transaction that makes it.
"""

import secrets
from datetime import timedelta

from ..extensions import db
from ..models import Generation, Link, LinkCheck, Maker, utcnow
from ..safety import decisions

# Failed checks count once a day: a site down for an afternoon is one failure.
# (23 hours, so that a daily cron job, starting a few seconds early, counts.)
FAILURES_APART = timedelta(hours=23)


def _checked(maker_id):
    """The profile's public pages changed; let the spam rules look at the
    profile again (its text is unchanged)."""
    Generation.changed(maker_id)
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
        link.verified_at, link.verified_by, link.failures, link.failed_at = None, "", 0, None
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


def record_check(link, outcome, failures_to_drop, now=None):
    """Keep a check's outcome: a proof renews the badge; a missing proof costs
    a verified link its badge only after `failures_to_drop` failed checks, each
    a day or more after the one before."""
    now = now or utcnow()
    with db.atomic():
        LinkCheck.create(link=link, checked_at=now, proven=outcome.proven,
                         method=outcome.method, reason=outcome.reason[:300])
        link.checked_at = now
        if outcome.proven:
            link.verified_at, link.verified_by = now, outcome.method
            link.failures, link.failed_at = 0, None
        elif link.verified_at is not None and (link.failed_at is None
                                               or now - link.failed_at >= FAILURES_APART):
            link.failures, link.failed_at = link.failures + 1, now
            if link.failures >= failures_to_drop:
                link.verified_at, link.verified_by = None, ""
                link.failures, link.failed_at = 0, None
        link.save(only=Link.VERIFICATION_COLUMNS)
        Generation.changed(link.maker_id)  # the badge may have come or gone
    return link


def new_code(link):
    """A new code for the link; the old one stops proving anything."""
    link.code_salt = secrets.token_hex(8)
    with db.atomic():
        link.save(only=("code_salt",))
    return link
