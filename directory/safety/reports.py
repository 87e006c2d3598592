"""Visitors' reports: how one is recorded, and when enough of them hide an item.

A reporter is known only by a keyed hash of their address (or their account),
enough to merge their repeat reports and count different people, never
enough to tell who they are.
"""

from dataclasses import dataclass

from flask import current_app

from ..extensions import db
from ..models import Moderated, ModerationAction, Report, subject_item, utcnow
from .decisions import open_review, set_state

COMMUNITY_NAME = "Community reports"


@dataclass
class ReportResult:
    merged: bool
    hidden: bool


def report(maker, story, reporter, reason, note="", *, kind_word=None):
    """Record a report; a reporter's repeat joins their first one. Enough
    different reporters hide the item until a moderator looks."""
    item = subject_item(maker, story, kind_word)
    with db.atomic():
        review = open_review(maker, story, kind_word)
        existing = Report.get_or_none((Report.review == review) & (Report.reporter == reporter))
        if existing is not None:
            existing.reason, existing.note, existing.updated_at = reason, note, utcnow()
            existing.save()
        else:
            Report.create(review=review, reporter=reporter, reason=reason, note=note)
            review.reporters = Report.select().where(Report.review == review).count()
            review.save()
        hidden = (review.reporters >= current_app.config["REPORTS_TO_HIDE"]
                  and set_state(item, Moderated.HIDDEN, only_from=(Moderated.VISIBLE,)))
        if hidden:
            ModerationAction.record(
                "hide", maker, story, moderator_name=COMMUNITY_NAME, kind_word=kind_word,
                reason=f"Reported by {review.reporters} different people; "
                       "hidden until a moderator looks.")
    return ReportResult(merged=existing is not None, hidden=hidden)
