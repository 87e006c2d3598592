"""Reports from visitors, items waiting for a moderator, and the public log.

A profile, a story or a kind word is a moderation *subject*, named by a key
such as ``story:12``, ``maker:5`` or ``kind:3`` and tied to its maker (and
story or kind word) by foreign
keys, so deleting an account takes its reports and reviews with it. The log
keeps its rows: they name the subject by a label copied when the action was
taken.
"""

from peewee import (
    SQL,
    BigIntegerField,
    CharField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from ..content.text import without_links
from .base import BaseModel, KeysetById, utcnow
from .generations import Generation
from .kind_words import KindWord
from .makers import Maker
from .stories import Story


def subject_key(maker, story=None, kind_word=None):
    """``story:<id>`` for a story, ``kind:<id>`` for a kind word, ``maker:<id>`` for a profile."""
    if kind_word is not None:
        return f"kind:{kind_word.id}"
    return f"story:{story.id}" if story is not None else f"maker:{maker.id}"


def subject_item(maker, story=None, kind_word=None):
    """The row a subject is about: the kind word, else the story, else the profile."""
    if kind_word is not None:
        return kind_word
    return story if story is not None else maker


class Review(KeysetById, BaseModel):
    """A subject waiting for a moderator: reported, or held by the spam rules.

    At most one review per subject is open; reports made while it is open
    join it. Closing it (any moderator action) lets later reports open a new one.
    """

    subject = CharField(max_length=30)
    maker = ForeignKeyField(Maker, backref="reviews", on_delete="CASCADE")
    story = ForeignKeyField(Story, backref="reviews", null=True, on_delete="CASCADE")
    kind_word = ForeignKeyField(KindWord, backref="reviews", null=True, on_delete="CASCADE")
    opened_at = DateTimeField(default=utcnow)
    closed_at = DateTimeField(null=True)
    reporters = IntegerField(default=0)
    held_score = FloatField(null=True)
    held_reasons = TextField(default="")  # one reason per line, as the rules gave them
    spam_probability = FloatField(null=True)  # the model's, when it held the item
    model_reasons = TextField(default="")  # the model's strongest features, one per line

    NEWEST_FIRST = False  # the queue runs oldest first

    class Meta:
        table_name = "review"
        indexes = ((("closed_at", "id"), False),)

    @property
    def reasons(self):
        return [line for line in self.held_reasons.splitlines() if line]

    @property
    def model_explanation(self):
        return [line for line in self.model_reasons.splitlines() if line]

    @property
    def was_held(self):
        return self.held_score is not None

    @classmethod
    def open_for(cls, subject):
        return cls.get_or_none((cls.subject == subject) & cls.closed_at.is_null())

    @classmethod
    def pending(cls):
        """Open reviews, oldest first."""
        return cls.select().where(cls.closed_at.is_null()).order_by(cls.id)

    def close(self):
        self.closed_at = utcnow()
        self.save()


# The partial index keeps "one open review per subject" true on both engines,
# even when two reports arrive at once.
Review.add_index(
    Review.index(Review.subject, unique=True, where=SQL("closed_at IS NULL"),
                 name="review_one_open_per_subject")
)


class Report(BaseModel):
    """One reporter's report of one subject, within one review."""

    REASONS = {
        "spam": "Spam or advertising",
        "fake": "Fake profile or scam",
        "stolen": "Stolen work or photos",
        "offensive": "Offensive or abusive",
        "other": "Something else",
    }

    review = ForeignKeyField(Review, backref="reports", on_delete="CASCADE")
    reporter = CharField(max_length=80)  # a keyed hash of the address, or maker:<id>
    reason = CharField(max_length=20)
    note = CharField(max_length=500, default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "report"
        indexes = ((("review", "reporter"), True),)

    @property
    def reason_label(self):
        return self.REASONS.get(self.reason, self.reason)


class ModerationAction(KeysetById, BaseModel):
    """One row of the public moderation log. Rows are added, never changed.

    The subject's label is copied (with any web address blanked), so the log
    reads the same after the subject is deleted, and never repeats spam links.
    """

    action = CharField(max_length=20)
    subject = CharField(max_length=30)
    subject_label = CharField(max_length=160)
    maker = ForeignKeyField(Maker, null=True, on_delete="SET NULL", backref="moderation_notes")
    story = ForeignKeyField(Story, null=True, on_delete="SET NULL")
    kind_word = ForeignKeyField(KindWord, null=True, on_delete="SET NULL")
    moderator = ForeignKeyField(Maker, null=True, on_delete="SET NULL",
                                backref="moderation_actions")
    moderator_name = CharField(max_length=80)
    reason = CharField(max_length=500)
    created_at = DateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "moderation_action"

    def save(self, *args, **kwargs):
        if self.id is not None:
            raise TypeError("The moderation log is append-only.")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise TypeError("The moderation log is append-only.")

    @classmethod
    def record(cls, action, subject_maker, subject_story, reason, *, moderator=None,
               moderator_name=None, kind_word=None):
        """Append one row to the log (which the public reads)."""
        target = subject_item(subject_maker, subject_story, kind_word)
        Generation.changed(subject_maker.id)
        return cls.create(
            action=action,
            subject=subject_key(subject_maker, subject_story, kind_word),
            subject_label=without_links(target.label)[:160],
            maker=subject_maker,
            story=subject_story,
            kind_word=kind_word,
            moderator=moderator,
            moderator_name=moderator_name or moderator.display_name,
            reason=reason,
        )

    @classmethod
    def forget_maker(cls, maker):
        """Before an account is deleted: its rows stay, naming nobody. (The one
        change the log allows, for the maker's sake.)"""
        cls.update(subject_label="A deleted account").where(
            (cls.maker == maker) & cls.subject.startswith("maker:")).execute()
        cls.update(subject_label="A story from a deleted account").where(
            (cls.maker == maker) & cls.subject.startswith("story:")).execute()
        cls.update(subject_label="A kind word to a deleted account").where(
            (cls.maker == maker) & cls.subject.startswith("kind:")).execute()
        cls.update(moderator_name="A former moderator").where(cls.moderator == maker).execute()

    @property
    def subject_kind(self):
        """What the log calls the kind of thing acted on."""
        return {"story": "Story", "kind": "Kind word"}.get(self.subject.partition(":")[0],
                                                          "Profile")

    @classmethod
    def newest(cls):
        return cls.select().order_by(cls.id.desc())

    @classmethod
    def latest_for(cls, subjects):
        """{subject key: its newest log row} for some subjects, one query."""
        if not subjects:
            return {}
        newest = (cls.select(fn.MAX(cls.id)).where(cls.subject.in_(list(subjects)))
                  .group_by(cls.subject))
        return {row.subject: row for row in cls.select().where(cls.id.in_(newest))}


# A subject's newest rows (the notices), named as the migration that adds it names it.
ModerationAction.add_index(
    ModerationAction.index(ModerationAction.subject, ModerationAction.id,
                           name="moderation_action_subject_id")
)


class TextPrint(BaseModel):
    """A fingerprint of a profile's or story's text, to spot text copied from
    elsewhere on the site (directory/safety/fingerprints.py)."""

    subject = CharField(max_length=30, unique=True)
    maker = ForeignKeyField(Maker, on_delete="CASCADE")
    story = ForeignKeyField(Story, null=True, on_delete="CASCADE")
    signature = TextField()  # the MinHash values, space-separated

    class Meta:
        table_name = "text_print"


class TextBand(BaseModel):
    """One band of a fingerprint: texts sharing a band are compared in full."""

    text_print = ForeignKeyField(TextPrint, backref="bands", on_delete="CASCADE")
    key = BigIntegerField(index=True)

    class Meta:
        table_name = "text_band"


class SpamLabel(BaseModel):
    """A moderator's decision on a held or reported item, kept with the text it
    judged, to train the spam model on (`flask train-spam`). Rows are added;
    the newest row about a subject is its label. Deleting the account deletes
    its rows: they hold the maker's words."""

    DECISIONS = ("dismiss", "hide", "remove", "restore")

    subject = CharField(max_length=30, index=True)
    maker = ForeignKeyField(Maker, on_delete="CASCADE", backref="spam_labels")
    story = ForeignKeyField(Story, null=True, on_delete="CASCADE")
    kind = CharField(max_length=10)  # "story" or "profile"
    action = CharField(max_length=20)  # what the moderator did: one of DECISIONS
    text = TextField()  # what was judged, as the spam rules read it
    listed_urls = TextField(default="")  # the maker's listed links, one per line
    account_days = FloatField(default=0.0)
    copy_score = FloatField(default=0.0)
    probability = FloatField(null=True)  # the model's, when the item was held
    moderator = ForeignKeyField(Maker, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "spam_label"

    @classmethod
    def latest(cls):
        """The newest label of each subject, oldest subject first."""
        newest = cls.select(fn.MAX(cls.id)).group_by(cls.subject)
        return cls.select().where(cls.id.in_(newest)).order_by(cls.id)
