"""What moderation does to content: the spam rules' hold after a write, and
moderators' actions, each with its one row in the public log.

Every function that writes runs in one transaction, so an action and its log
row land together or not at all.
"""

from datetime import timedelta
from typing import NamedTuple

from flask import current_app
from peewee import IntegrityError

from ..extensions import db
from ..models import (
    Generation,
    Link,
    Maker,
    Moderated,
    ModerationAction,
    Review,
    SpamLabel,
    subject_item,
    subject_key,
    utcnow,
)
from . import fingerprints, spam
from .spam_model.judge import judge


def trusted_after():
    return timedelta(days=current_app.config["NEW_ACCOUNT_DAYS"])


def is_checked(maker):
    """The spam rules look at what new, unvouched accounts publish."""
    return maker.vouched_at is None and maker.is_new(trusted_after())


def set_state(item, state, only_from=None):
    """Change only the moderation column of a profile or story; with
    `only_from`, only while the row (as stored, not as loaded) is in one of
    those states. True when it changed; `item.moderation` is the stored state after."""
    model = type(item)
    query = model.update(moderation=state).where(model.id == item.id)
    if only_from is not None:
        query = query.where(model.moderation.in_(list(only_from)))
    changed = query.execute() > 0
    if changed:
        Generation.changed(item.id if isinstance(item, Maker) else item.maker_id)
    item.moderation = (state if changed else
                       model.select(model.moderation).where(model.id == item.id).scalar())
    return changed


def open_review(maker, story=None, kind_word=None):
    """The subject's open review, opened now if there is none."""
    subject = subject_key(maker, story, kind_word)
    review = Review.open_for(subject)
    if review is None:
        try:
            with db.atomic():
                review = Review.create(subject=subject, maker=maker, story=story,
                                       kind_word=kind_word)
        except IntegrityError:  # opened by a concurrent request a moment ago
            review = Review.open_for(subject)
    return review


# --- the spam rules, after each write ----------------------------------------

def check_written(maker, story=None, text_changed=True):
    """After a profile or story is written (inside that transaction): refresh
    its fingerprint (when its text changed) and let the spam rules hold it or
    let it go. Called by the write path (directory/writes/) only."""
    verdict = None
    if is_checked(maker) and (story is None or story.is_published):
        links = list(Link.for_maker(maker))
        urls = [link.url for link in links]
        if story is not None:
            verdict = spam.check_story(story, maker, urls)
        else:
            verdict = spam.check_profile(maker, urls, [link.label for link in links])
        judge(verdict)
    if text_changed:
        fingerprints.remember(maker, story)
    apply_verdict(maker, story, verdict)
    return verdict


def check_kind_word(kind_word):
    """After a visitor leaves a kind word (inside that transaction): the spam
    rules read every one, whoever the maker, since anyone may write one."""
    verdict = spam.check_kind_word(kind_word)
    apply_verdict(kind_word.maker, None, verdict, kind_word=kind_word)
    return verdict


def apply_verdict(maker, story, verdict, kind_word=None):
    # The states are checked as stored, so a moderator's action taken since the
    # item was loaded is never undone by its maker's save.
    item = subject_item(maker, story, kind_word)
    if verdict is not None and verdict.held:
        if set_state(item, Moderated.HELD, only_from=(Moderated.VISIBLE, Moderated.HELD)):
            review = open_review(maker, story, kind_word)
            review.held_score = round(verdict.score, 2)
            review.held_reasons = "\n".join(verdict.reasons)
            review.spam_probability = (round(verdict.probability, 3)
                                       if verdict.probability is not None else None)
            review.model_reasons = "\n".join(verdict.explanation)
            review.save()
    elif verdict is not None and set_state(item, Moderated.VISIBLE,
                                           only_from=(Moderated.HELD,)):
        # Edited into something clean. (Unchecked saves never release: once an
        # account comes of age, what was held still waits for a moderator.)
        review = Review.open_for(subject_key(maker, story, kind_word))
        if review is not None and not review.reporters:
            review.close()


# --- moderator actions -------------------------------------------------------

class ModeratorAction(NamedTuple):
    """One thing a moderator can do to a profile or a story."""

    button: str  # what the button says
    logged_as: str  # what the public log says
    account_wide: bool  # applies to the maker's account, not only this item


MODERATOR_ACTIONS = {
    "dismiss": ModeratorAction("Dismiss reports / approve", "Reports dismissed, item approved",
                               account_wide=False),
    "hide": ModeratorAction("Hide", "Hidden", account_wide=False),
    "remove": ModeratorAction("Remove", "Removed", account_wide=False),
    "restore": ModeratorAction("Restore", "Restored", account_wide=False),
    "suspend": ModeratorAction("Suspend account", "Account suspended", account_wide=True),
    "reinstate": ModeratorAction("Reinstate account", "Account reinstated", account_wide=True),
}


def available_actions(maker, story, review, kind_word=None):
    """The actions that would change something for this subject, in order. (A
    kind word is a visitor's, so its maker's account is not at stake.)"""
    item = subject_item(maker, story, kind_word)
    state = item.moderation
    about_account = kind_word is None
    possible = {
        "dismiss": review is not None,
        "hide": state in (Moderated.VISIBLE, Moderated.HELD),
        "remove": state != Moderated.REMOVED,
        "restore": state != Moderated.VISIBLE,
        "suspend": (about_account and maker.status == Maker.STATUS_ACTIVE
                    and not maker.is_moderator),
        "reinstate": about_account and maker.status == Maker.STATUS_SUSPENDED,
    }
    return [name for name in MODERATOR_ACTIONS if possible[name]]


class ActionRefused(Exception):
    """The action would change nothing (someone else acted first)."""


def apply_action(action, maker, story, moderator, reason, *, kind_word=None):
    """Apply a moderator's action and write its one log row, in one transaction."""
    with db.atomic():
        review = Review.open_for(subject_key(maker, story, kind_word))
        if action not in available_actions(maker, story, review, kind_word):
            raise ActionRefused(action)
        item = subject_item(maker, story, kind_word)
        if action in ("dismiss", "restore"):
            if item.moderation == Moderated.HELD and kind_word is None:
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
            Generation.changed(maker.id)
        if action in SpamLabel.DECISIONS and kind_word is None:
            keep_label(action, maker, story, moderator, review)
        if review is not None:
            review.close()
        account_wide = MODERATOR_ACTIONS[action].account_wide
        return ModerationAction.record(action, maker, None if account_wide else story,
                                       reason, moderator=moderator,
                                       kind_word=None if account_wide else kind_word)


def keep_label(action, maker, story, moderator, review):
    """Keep a moderator's decision, with the text it judged, as a label for
    the spam model (inside the action's transaction)."""
    links = list(Link.for_maker(maker))
    urls = [link.url for link in links]
    written = (spam.written_story(story, maker, urls) if story is not None
               else spam.written_profile(maker, urls, [link.label for link in links]))
    return SpamLabel.create(
        subject=subject_key(maker, story), maker=maker, story=story, kind=written.kind,
        action=action, text=written.text, listed_urls="\n".join(urls),
        account_days=round(written.account_days, 2), copy_score=round(written.copy_score, 3),
        probability=review.spam_probability if review is not None else None,
        moderator=moderator)
