"""What moderation does to the data: holding, reports, moderator actions.

Views call these inside their own request; every function that writes runs
in one transaction, so an action and its log row land together or not at all.
"""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from peewee import IntegrityError

from . import fingerprints, spam
from .extensions import db
from .models import (
    Link,
    Maker,
    Moderated,
    ModerationAction,
    Report,
    Review,
    Story,
    subject_key,
    utcnow,
)

RULES_NAME = "Spam rules"
COMMUNITY_NAME = "Community reports"


def trusted_after():
    return timedelta(days=current_app.config["NEW_ACCOUNT_DAYS"])


def is_checked(maker):
    """The spam rules look at what new, unvouched accounts publish."""
    return maker.vouched_at is None and maker.is_new(trusted_after())


def set_state(item, state):
    """Change only the moderation column of a profile or story."""
    type(item).update(moderation=state).where(type(item).id == item.id).execute()
    item.moderation = state


def open_review(maker, story=None):
    """The subject's open review, opened now if there is none."""
    subject = subject_key(maker, story)
    review = Review.open_for(subject)
    if review is None:
        try:
            with db.atomic():
                review = Review.create(subject=subject, maker=maker, story=story)
        except IntegrityError:  # opened by a concurrent request a moment ago
            review = Review.open_for(subject)
    return review


# --- the spam rules, after each write ----------------------------------------

def content_saved(maker, story=None, text_changed=True):
    """After a profile or story is written (inside that transaction): refresh
    its fingerprint (when its text changed) and let the spam rules hold it or
    let it go."""
    verdict = None
    if is_checked(maker) and (story is None or story.is_published):
        links = list(Link.for_maker(maker))
        urls = [link.url for link in links]
        if story is not None:
            verdict = spam.check_story(story, maker, urls)
        else:
            verdict = spam.check_profile(maker, urls, [link.label for link in links])
    if text_changed:
        fingerprints.remember(maker, story)
    apply_verdict(maker, story, verdict)
    return verdict


def apply_verdict(maker, story, verdict):
    item = story if story is not None else maker
    if verdict is not None and verdict.held:
        if item.moderation in (Moderated.VISIBLE, Moderated.HELD):
            set_state(item, Moderated.HELD)
            review = open_review(maker, story)
            review.held_score = round(verdict.score, 2)
            review.held_reasons = "\n".join(verdict.reasons)
            review.save()
    elif verdict is not None and item.moderation == Moderated.HELD:
        # Edited into something clean. (Unchecked saves never release: once an
        # account comes of age, what was held still waits for a moderator.)
        set_state(item, Moderated.VISIBLE)
        review = Review.open_for(subject_key(maker, story))
        if review is not None and not review.reporters:
            review.close()


# --- reports -----------------------------------------------------------------

@dataclass
class ReportResult:
    merged: bool
    hidden: bool


def report(maker, story, reporter, reason, note=""):
    """Record a report; a reporter's repeat joins their first one. Enough
    different reporters hide the item until a moderator looks."""
    item = story if story is not None else maker
    with db.atomic():
        review = open_review(maker, story)
        existing = Report.get_or_none((Report.review == review) & (Report.reporter == reporter))
        if existing is not None:
            existing.reason, existing.note, existing.updated_at = reason, note, utcnow()
            existing.save()
        else:
            Report.create(review=review, reporter=reporter, reason=reason, note=note)
            review.reporters = Report.select().where(Report.review == review).count()
            review.save()
        hidden = (review.reporters >= current_app.config["REPORTS_TO_HIDE"]
                  and item.moderation == Moderated.VISIBLE)
        if hidden:
            set_state(item, Moderated.HIDDEN)
            ModerationAction.record(
                "hide", maker, story, moderator_name=COMMUNITY_NAME,
                reason=f"Reported by {review.reporters} different people; "
                       "hidden until a moderator looks.")
    return ReportResult(merged=existing is not None, hidden=hidden)


# --- moderator actions -------------------------------------------------------

ACTIONS = {
    # name: (button, what the log says, applies to the maker's account)
    "dismiss": ("Dismiss reports / approve", "Reports dismissed, item approved", False),
    "hide": ("Hide", "Hidden", False),
    "remove": ("Remove", "Removed", False),
    "restore": ("Restore", "Restored", False),
    "suspend": ("Suspend account", "Account suspended", True),
    "reinstate": ("Reinstate account", "Account reinstated", True),
}


def available_actions(maker, story, review):
    """The actions that would change something for this subject, in order."""
    item = story if story is not None else maker
    state = item.moderation
    possible = {
        "dismiss": review is not None,
        "hide": state in (Moderated.VISIBLE, Moderated.HELD),
        "remove": state != Moderated.REMOVED,
        "restore": state != Moderated.VISIBLE,
        "suspend": maker.status == Maker.STATUS_ACTIVE and not maker.is_moderator,
        "reinstate": maker.status == Maker.STATUS_SUSPENDED,
    }
    return [name for name in ACTIONS if possible[name]]


class ActionRefused(Exception):
    """The action would change nothing (someone else acted first)."""


def act(action, maker, story, moderator, reason):
    """Apply a moderator's action and write its one log row, in one transaction."""
    with db.atomic():
        review = Review.open_for(subject_key(maker, story))
        if action not in available_actions(maker, story, review):
            raise ActionRefused(action)
        item = story if story is not None else maker
        if action in ("dismiss", "restore"):
            if item.moderation == Moderated.HELD:
                Maker.update(vouched_at=utcnow()).where(Maker.id == maker.id).execute()
            if action == "restore" or item.moderation in (Moderated.HELD, Moderated.HIDDEN):
                set_state(item, Moderated.VISIBLE)
        elif action == "hide":
            set_state(item, Moderated.HIDDEN)
        elif action == "remove":
            set_state(item, Moderated.REMOVED)
        else:
            maker.status = (Maker.STATUS_SUSPENDED if action == "suspend"
                            else Maker.STATUS_ACTIVE)
            Maker.update(status=maker.status).where(Maker.id == maker.id).execute()
        if review is not None:
            review.close()
        account_wide = ACTIONS[action][2]
        return ModerationAction.record(action, maker, None if account_wide else story,
                                       reason, moderator=moderator)


# --- what the affected maker is told -----------------------------------------

@dataclass
class Notice:
    """Something of the maker's that the public cannot see, and why."""

    label: str
    state: str
    reason: str
    url: str | None = None


def notices_for(maker):
    """The maker's profile and stories that are held, hidden or removed,
    with the reason from the log, in three queries."""
    items = [] if maker.moderation == Moderated.VISIBLE else [(maker, None)]
    hidden_stories = (Story.select()
                      .where((Story.maker == maker) & (Story.moderation != Moderated.VISIBLE))
                      .order_by(Story.id.desc()))
    items += [(maker, story) for story in hidden_stories]
    keys = [subject_key(maker, story) for maker, story in items]
    latest = ModerationAction.latest_for([*keys, subject_key(maker)])
    notices = []
    for (_, story), key in zip(items, keys, strict=True):
        item = story if story is not None else maker
        action = latest.get(key)
        notices.append(Notice(label=item.label, state=item.moderation,
                              reason=action.reason if action else "",
                              url=f"/stories/{story.id}" if story is not None else None))
    return notices


def suspension_reason(maker):
    """The reason given when the maker's account was suspended."""
    row = (ModerationAction.select()
           .where((ModerationAction.subject == subject_key(maker))
                  & (ModerationAction.action == "suspend"))
           .order_by(ModerationAction.id.desc()).first())
    return row.reason if row else ""
