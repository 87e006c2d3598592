"""Kind words from customers, and the one-time codes that prove a customer wrote one.

A maker makes a *batch* of customer codes (to hand out at a market, or in a
parcel). Each code is derived from the batch's random salt and its number with
the site's secret key (directory/safety/codes.py): the database keeps the salt
and a keyed hash of each code, never a code, so the maker can print the
cards again while a copy of the database alone tells nobody a code.

A kind word waits for its maker's approval, and moderation can hold, hide or
remove it like any other text on the site: one rule, PUBLIC_WHEN, decides who
sees it.
"""

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from . import prepared
from .base import BaseModel, KeysetById, Moderated, moderates, utcnow, viewer_id
from .makers import Maker

AUTHOR_LENGTH = 40
TEXT_LENGTH = 1000
NOTE_LENGTH = 120


class CodeBatch(KeysetById, BaseModel):
    """Some one-time codes made at once, with the maker's note ("Hebden Makers' Fair, May")."""

    maker = ForeignKeyField(Maker, backref="code_batches", on_delete="CASCADE")
    note = CharField(max_length=NOTE_LENGTH, default="")
    size = IntegerField()
    salt = CharField(max_length=32)  # the codes are derived from it with the site's key
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    revoked_at = DateTimeField(null=True)

    class Meta:
        table_name = "code_batch"
        indexes = ((("maker", "id"), False),)

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def is_expired(self, now=None):
        return self.expires_at <= (now or utcnow())

    def usable(self, now=None):
        """True while its unused codes can still be used."""
        return not self.is_revoked and not self.is_expired(now)

    @classmethod
    def of(cls, maker):
        """The maker's batches, newest first."""
        return cls.select().where(cls.maker == maker).order_by(cls.id.desc())

    @classmethod
    def used_counts(cls, batch_ids):
        """{batch id: codes used}, for the maker's own page."""
        if not batch_ids:
            return {}
        rows = (CustomerCode.select(CustomerCode.batch, fn.COUNT(CustomerCode.id))
                .where(CustomerCode.batch.in_(list(batch_ids))
                       & CustomerCode.used_at.is_null(False))
                .group_by(CustomerCode.batch).tuples())
        return dict(rows)


class CustomerCode(BaseModel):
    """One code of a batch, known by a keyed hash; used once, atomically."""

    batch = ForeignKeyField(CodeBatch, backref="codes", on_delete="CASCADE")
    maker = ForeignKeyField(Maker, on_delete="CASCADE")  # the batch's, for the one-step use
    number = IntegerField()  # its place on the sheet, from 1
    digest = CharField(max_length=64, unique=True)
    used_at = DateTimeField(null=True)

    class Meta:
        table_name = "customer_code"
        indexes = ((("batch", "number"), True),)


class KindWord(Moderated, KeysetById, BaseModel):
    """A visitor's kind word on a maker's profile, shown once the maker approves it."""

    WAITING = "waiting"  # for the maker's approval
    APPROVED = "approved"  # the maker shares it
    PRIVATE = "private"  # the maker keeps it to themselves

    maker = ForeignKeyField(Maker, backref="kind_words", on_delete="CASCADE")
    author = CharField(max_length=AUTHOR_LENGTH)  # a first name or initials
    text = TextField()  # plain text, escaped wherever it is printed
    from_customer = BooleanField(default=False)  # left with a valid code
    met_at = CharField(max_length=NOTE_LENGTH, default="")  # the code's batch note
    batch = ForeignKeyField(CodeBatch, null=True, on_delete="SET NULL")
    approval = CharField(max_length=20, default=WAITING)
    moderation = CharField(max_length=20, default=Moderated.VISIBLE)
    created_at = DateTimeField(default=utcnow)
    decided_at = DateTimeField(null=True)

    class Meta:
        table_name = "kind_word"
        # A profile's shared kind words, newest first, straight off this index.
        indexes = ((("maker", "approval", "moderation", "id"), False),)

    # The public sees a kind word its maker approved, that moderation left
    # visible, on a profile the public sees (Maker.PUBLIC_WHEN).
    PUBLIC_WHEN = {"moderation": Moderated.VISIBLE, "approval": APPROVED}

    @classmethod
    def public_condition(cls):
        return super().public_condition() & Maker.public_condition()

    def hidden_because(self):
        """What keeps it from the public: its maker's account or profile, its
        moderation state, or its approval ("waiting", "private"); or None."""
        return self.maker.hidden_because() or super().hidden_because()

    @classmethod
    def visible_to(cls, viewer=None):
        """The kind words this viewer may read, with their makers: the public
        ones; a maker also every one left for them; an active moderator all."""
        return cls.seen_by(cls.select(cls, Maker).join(Maker), cls.maker, viewer)

    def is_visible_to(self, viewer=None):
        """The same rule as visible_to, on this one kind word."""
        return self.is_public or self.maker_id == viewer_id(viewer) or moderates(viewer)

    @classmethod
    def shared_on(cls, maker, limit=20):
        """The kind words a profile shows: approved and public, newest first
        (its SQL made once, models/prepared.py)."""
        def newest(values):
            return (cls.visible_to(None).where(cls.maker == values[0])
                    .order_by(cls.id.desc()).limit(limit))
        return prepared.rows(("kind words shared", limit), newest, [maker.id])

    @classmethod
    def left_for(cls, maker, approval):
        """The maker's own kind words in one approval state, newest first."""
        return (cls.select().where((cls.maker == maker) & (cls.approval == approval))
                .order_by(cls.id.desc()))

    @property
    def label(self):
        """What the moderation log calls it (the log blanks any web address)."""
        excerpt = " ".join(self.text.split())
        excerpt = excerpt if len(excerpt) <= 60 else excerpt[:60].rstrip() + "…"
        return f"{self.author}: “{excerpt}”"
