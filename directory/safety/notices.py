"""What a maker is told when the public cannot see their profile or a story.

WORDING is the one map from a reason (what `hidden_because()` on a profile
or a story gives) to the words a maker reads, on the story page, on their
profile, in their account and in the messages after a save.
"""

from typing import NamedTuple

from ..models import Moderated, ModerationAction, Story, subject_key


class Wording(NamedTuple):
    headline: str  # a notice's opening words, with their punctuation
    phrase: str  # the same inside a sentence
    detail: str  # what it means for the maker


WORDING = {
    "suspended": Wording("Your account is suspended:", "your account is suspended",
                         "nobody else can see your profile or stories."),
    "held": Wording("Waiting for review.", "waiting for review",
                    "It will appear once a moderator has looked at it: a new account's "
                    "post is checked first when it reads like the spam this directory "
                    "gets, links to other sites or repeats text already on the site."),
    "hidden": Wording("Hidden pending review.", "hidden pending review",
                      "Only you can see it until a moderator has looked at it."),
    "removed": Wording("Removed by a moderator.", "removed by a moderator",
                       "Only you can see it."),
    "draft": Wording("This is a draft:", "a draft", "only you can see it."),
    "profile": Wording("Your profile is not shown to visitors,", "your profile is not shown",
                       "so this story is not shown yet."),
}


# The log's action that puts an item in each state a moderator's reason explains.
# (The spam rules' hold writes no row: a held item has no moderator's reason.)
ACTION_OF_STATE = {Moderated.HIDDEN: "hide", Moderated.REMOVED: "remove"}


def reason_for(item, row):
    """The moderator's words for why the item is in its state now: the log
    row's reason when that row is what put it there, else ""."""
    if row is not None and ACTION_OF_STATE.get(item.moderation) == row.action:
        return row.reason
    return ""


def moderation_reason(maker, story=None):
    """The moderator's words for the state of this profile or story, or ""."""
    key = subject_key(maker, story)
    return reason_for(story if story is not None else maker,
                      ModerationAction.latest_for([key]).get(key))


def wording_for(item):
    """The Wording for why the public cannot see this profile or story, or None."""
    reason = item.hidden_because()
    return WORDING[reason] if reason else None


class Notice(NamedTuple):
    """Something of the maker's that the public cannot see, and why."""

    label: str
    wording: Wording
    reason: str  # the moderator's words, from the log
    story_id: int | None = None


def notices_for(maker):
    """The maker's profile and stories that moderation or the spam rules keep
    from the public, with the reason from the log, in two queries."""
    items = [] if maker.moderation == Moderated.VISIBLE else [(maker, None)]
    hidden_stories = (Story.select()
                      .where((Story.maker == maker) & (Story.moderation != Moderated.VISIBLE))
                      .order_by(Story.id.desc()))
    items += [(maker, story) for story in hidden_stories]
    keys = [subject_key(maker, story) for maker, story in items]
    latest = ModerationAction.latest_for(keys)
    notices = []
    for (_, story), key in zip(items, keys, strict=True):
        item = story if story is not None else maker
        notices.append(Notice(label=item.label, wording=WORDING[item.moderation],
                              reason=reason_for(item, latest.get(key)),
                              story_id=story.id if story is not None else None))
    return notices


def suspension_reason(maker):
    """The reason given when the maker's account was suspended."""
    row = (ModerationAction.select()
           .where((ModerationAction.subject == subject_key(maker))
                  & (ModerationAction.action == "suspend"))
           .order_by(ModerationAction.id.desc()).first())
    return row.reason if row else ""
