"""Makers (the accounts and their public profiles), their crafts and links.

Query helpers live on the model that owns them, so views never repeat a query.
"""

import random
import secrets
from functools import cache
from urllib.parse import urlsplit

from flask_login import UserMixin
from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)
from werkzeug.security import check_password_hash, generate_password_hash

from ..content.crafts import CRAFTS, craft_label
from ..content.sanitise import render_markdown
from ..content.slugs import is_reserved
from ..content.text import place_key, tidy_place
from ..extensions import db
from . import prepared
from .base import (
    BaseModel,
    KeysetById,
    Moderated,
    Reorderable,
    load_backrefs,
    moderates,
    utcnow,
    viewer_id,
)


class Maker(UserMixin, Moderated, KeysetById, BaseModel):
    """A maker's account and public profile. The email is private, always."""

    ROLE_MAKER = "maker"
    ROLE_MODERATOR = "moderator"
    STATUS_ACTIVE = "active"
    STATUS_SUSPENDED = "suspended"
    UNUSABLE_PASSWORD = "!"  # noqa: S105 (matches no password: no hash looks like it)

    email = CharField(max_length=254, unique=True)
    password_hash = CharField(max_length=255)
    display_name = CharField(max_length=80)
    slug = CharField(max_length=60, unique=True)
    tagline = CharField(max_length=140, default="")
    about_md = TextField(default="")
    about_html = TextField(default="")
    place = CharField(max_length=120, default="")
    place_key = CharField(max_length=80, default="", index=True)
    commissions = BooleanField(default=False)
    # Stored image names (directory/content/images.py), indexed for the media route.
    avatar = CharField(max_length=40, null=True, index=True)
    cover = CharField(max_length=40, null=True, index=True)
    role = CharField(max_length=20, default=ROLE_MAKER)
    status = CharField(max_length=20, default=STATUS_ACTIVE, index=True)
    moderation = CharField(max_length=20, default=Moderated.VISIBLE, index=True)
    email_confirmed_at = DateTimeField(null=True)
    vouched_at = DateTimeField(null=True)  # a moderator approved something of theirs
    # Part of every session and remember-me cookie; changing it ends them all.
    session_version = IntegerField(default=1)
    # Whether a new kind word is also told by email (the account page always says).
    kind_word_mail = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "maker"

    # The public sees a profile of an active account that moderation left visible.
    PUBLIC_WHEN = {"status": STATUS_ACTIVE, "moderation": Moderated.VISIBLE}
    # What the maker's profile editor writes. Saving a loaded profile writes
    # these alone, so a moderator's action taken meanwhile is never undone.
    PROFILE_COLUMNS = ("display_name", "slug", "tagline", "about_md", "about_html", "place",
                       "place_key", "commissions", "updated_at")

    # --- accounts -------------------------------------------------------
    def set_password(self, password):
        """Store a salted scrypt hash of the password, never the password."""
        self.password_hash = generate_password_hash(password)

    def set_unusable_password(self):
        """An account nobody can log in to (demo makers)."""
        self.password_hash = self.UNUSABLE_PASSWORD

    def check_password(self, password):
        """True when the password matches the stored hash. An account nobody
        can log in to costs the same work as a wrong password."""
        if self.password_hash == self.UNUSABLE_PASSWORD:
            check_password_hash(_dummy_hash(), password)
            return False
        return check_password_hash(self.password_hash, password)

    def get_id(self):
        """What Flask-Login stores in the session: the id and the session version."""
        return f"{self.id}:{self.session_version}"

    def change_password(self, password):
        """Set a new password and end every session and remember-me cookie.
        (Hashing is slow on purpose: it happens before the write lock.)"""
        self.set_password(password)
        self.session_version += 1
        with db.atomic():
            self.save(only=("password_hash", "session_version", "email_confirmed_at"))

    def end_sessions(self):
        """Log this account out everywhere (every session, every remember-me cookie)."""
        self.session_version += 1
        type(self).update(session_version=self.session_version).where(
            type(self).id == self.id).execute()

    @property
    def is_moderator(self):
        return self.role == self.ROLE_MODERATOR

    @property
    def is_suspended(self):
        return self.status == self.STATUS_SUSPENDED

    @property
    def can_moderate(self):
        """A moderator whose own account is in good standing."""
        return self.is_moderator and not self.is_suspended

    def is_new(self, trusted_after):
        """True while the spam rules look twice at what this maker publishes:
        until the email is confirmed and the account is older than `trusted_after`."""
        if self.is_moderator:
            return False
        return self.email_confirmed_at is None or self.created_at > utcnow() - trusted_after

    @property
    def label(self):
        """What the moderation log calls this profile."""
        return self.display_name

    @classmethod
    def password_matches(cls, maker, password):
        """Check a login; an unknown account costs the same work as a wrong
        password, so timing does not tell which emails have accounts."""
        if maker is None:
            check_password_hash(_dummy_hash(), password)
            return False
        return maker.check_password(password)

    @classmethod
    def by_email(cls, email):
        """The maker with this email (case-insensitive), or None."""
        return cls.get_or_none(cls.email == normalise_email(email))

    @classmethod
    def email_taken(cls, email, exclude_id=None):
        """True when another account already uses this email."""
        query = cls.select().where(cls.email == normalise_email(email))
        if exclude_id is not None:
            query = query.where(cls.id != exclude_id)
        return query.exists()

    @classmethod
    def slug_taken(cls, slug, exclude_id=None):
        """True when another maker already has this profile address."""
        query = cls.select().where(cls.slug == slug)
        if exclude_id is not None:
            query = query.where(cls.id != exclude_id)
        return query.exists()

    @classmethod
    def unique_slug(cls, base):
        """The first free slug of base, base-2, base-3..., avoiding reserved words."""
        base = base or "maker"
        candidate, n = base, 1
        while is_reserved(candidate) or cls.slug_taken(candidate):
            n += 1
            candidate = f"{base[:55]}-{n}"
        return candidate

    # --- profile --------------------------------------------------------
    def set_about(self, text):
        """Keep the about text as typed, and its cleaned rendering."""
        self.about_md = text or ""
        self.about_html = render_markdown(self.about_md)

    def set_place(self, place):
        """Keep the place as typed (tidied) and a key that groups spellings."""
        self.place = tidy_place(place)
        self.place_key = place_key(self.place)

    @property
    def crafts(self):
        """The maker's craft slugs, in the curated order."""
        chosen = {row.craft for row in self.craft_rows}
        return [slug for slug in CRAFTS if slug in chosen]

    def set_crafts(self, slugs):
        """Replace the maker's crafts; call inside a transaction."""
        MakerCraft.delete().where(MakerCraft.maker == self).execute()
        rows = [{"maker": self.id, "craft": slug} for slug in dict.fromkeys(slugs)]
        if rows:
            MakerCraft.insert_many(rows).execute()

    @property
    def ordered_links(self):
        """The maker's links in the order the maker chose."""
        return sorted(self.links, key=lambda link: (link.position, link.id))

    # --- visibility and browsing ----------------------------------------
    @classmethod
    def visible_to(cls, viewer=None):
        """The profiles this viewer may see: the public ones; a maker also
        their own; an active moderator every one. Lists, feeds and search ask
        for a visitor's view, visible_to(None), so they are the same for all."""
        return cls.seen_by(cls.select(), cls.id, viewer)

    @classmethod
    def by_id(cls, maker_id):
        """The maker with this id, or None: the logged-in maker, asked for by
        every request of theirs, so its SQL is made once (models/prepared.py)."""
        found = prepared.rows("maker-by-id", cls._by_id, [maker_id])
        return found[0] if found else None

    @classmethod
    def _by_id(cls, ids):
        return cls.select().where(cls.id == ids[0]).limit(1)

    @classmethod
    def public_by_slug(cls, slug):
        """The public profile at this address, or None."""
        return cls.visible_to(None).where(cls.slug == slug).first()

    def is_visible_to(self, viewer=None):
        """The same rule as visible_to, on this one profile."""
        return self.is_public or self.id == viewer_id(viewer) or moderates(viewer)

    @classmethod
    def in_craft_and_place(cls, query, craft=None, place=None, maker_column=None):
        """Limit a query over makers (or rows that belong to makers, such as
        stories: `maker_column`) to one craft and one place.

        The craft is checked row by row (EXISTS on maker_craft's (maker,
        craft) index) while the query's own index drives, newest first: the
        primary key, a place's makers, or the stories' newest-first index.
        A craft is common (one of a few), so the walk fills a page quickly and
        stops; gathering every maker of the craft first would cost more as
        the directory grows.
        """
        if craft:
            owner = cls.id if maker_column is None else maker_column
            query = query.where(fn.EXISTS(
                MakerCraft.select(MakerCraft.id)
                .where((MakerCraft.maker == owner) & (MakerCraft.craft == craft))))
        if place:
            query = query.where(cls.place_key == place)
        return query

    @classmethod
    def browse(cls, craft=None, place=None):
        """Public profiles, optionally of one craft and one place, newest first."""
        return cls.in_craft_and_place(cls.visible_to(None), craft, place).order_by(cls.id.desc())

    @classmethod
    def with_crafts(cls, query):
        """Run the query with every maker's crafts loaded in one more query."""
        return load_backrefs(list(query), MakerCraft.maker)

    @classmethod
    def with_profile(cls, query):
        """Run the query with crafts and links loaded, a fixed number of queries."""
        return load_backrefs(list(query), MakerCraft.maker, Link.maker)

    @classmethod
    def to_meet(cls, start=None, count=6):
        """(makers, next start): `count` public makers with a tagline, in
        signup order from id `start` on, wrapping round to the first. Without
        a start the window begins at a random id, so the home page shows
        different makers each time it is made; "Show others" asks for the
        next window. Each query walks the primary key from a point, never
        sorting or scanning the whole table (no ORDER BY RANDOM())."""
        if start is None:
            start = random.randint(1, max(cls.select(fn.MAX(cls.id)).scalar() or 1, 1))  # noqa: S311
        def window(values):  # up to `count` makers from values[0] on
            return (cls.visible_to(None).where((cls.tagline != "") & (cls.id >= values[0]))
                    .order_by(cls.id).limit(count))

        makers = prepared.rows(("makers to meet", count), window, [start])
        # Wrap round to the first makers (asked every time, so a page always
        # runs the same number of queries).
        first = prepared.rows(("makers to meet", count), window, [1])
        makers += [maker for maker in first if maker.id < start][:count - len(makers)]
        next_start = makers[-1].id + 1 if makers else None
        return cls.with_crafts(makers), next_start

    @classmethod
    def place_choices(cls, craft=None):
        """(key, label, count) for each place among public profiles."""
        query = cls.browse(craft=craft).order_by()
        rows = (
            query.select(
                cls.place_key, fn.MIN(cls.place).alias("label"), fn.COUNT(cls.id).alias("n")
            )
            .where(cls.place_key != "")
            .group_by(cls.place_key)
            .order_by(fn.MIN(cls.place))
            .dicts()
        )
        return [(row["place_key"], row["label"], row["n"]) for row in rows]


class MakerCraft(BaseModel):
    """One craft a maker practises."""

    maker = ForeignKeyField(Maker, backref="craft_rows", on_delete="CASCADE")
    craft = CharField(max_length=40, index=True)

    class Meta:
        table_name = "maker_craft"
        indexes = ((("maker", "craft"), True),
                   (("maker", "id"), False))  # a maker's crafts, in the order chosen

    @property
    def label(self):
        return craft_label(self.craft)

    @classmethod
    def counts(cls, place=None):
        """{craft slug: number of public profiles} for the crafts in use."""
        query = (
            cls.select(cls.craft, fn.COUNT(cls.id).alias("n"))
            .join(Maker)
            .where(Maker.public_condition())
            .group_by(cls.craft)
        )
        if place:
            query = query.where(Maker.place_key == place)
        return {row["craft"]: row["n"] for row in query.dicts()}


class Link(Reorderable, BaseModel):
    """A place outside the directory where the maker sells or shows work."""

    ORDERED_WITHIN = "maker"

    KINDS = {
        "website": "Own website",
        "marketplace": "Marketplace",
        "gallery": "Gallery",
        "workshop": "Workshop or class",
        "newsletter": "Newsletter",
        "social": "Social",
    }

    maker = ForeignKeyField(Maker, backref="links", on_delete="CASCADE")
    kind = CharField(max_length=20)
    url = CharField(max_length=500)
    label = CharField(max_length=80, default="")
    position = IntegerField(default=0)
    # Verification (directory/safety/verification.py): when the proof was last
    # found, how, the salt its code is derived from, the last check of any
    # outcome, and the failed checks (a day or more apart) since the last proof.
    verified_at = DateTimeField(null=True)
    verified_by = CharField(max_length=10, default="")  # "rel-me" or "code"
    code_salt = CharField(max_length=32, default="")
    checked_at = DateTimeField(null=True, index=True)
    failures = IntegerField(default=0)
    failed_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "link"
        indexes = ((("maker", "position", "id"), False),)  # a maker's links, in order

    VERIFICATION_COLUMNS = ("verified_at", "verified_by", "code_salt", "checked_at", "failures",
                            "failed_at")

    @property
    def kind_label(self):
        return self.KINDS.get(self.kind, self.kind)

    @property
    def rel(self):
        """Unverified links get no endorsement from the directory."""
        return "me noopener" if self.verified_at else "nofollow ugc noopener"

    @property
    def title(self):
        """What the link is called on the profile: its label, else its host."""
        return self.label or urlsplit(self.url).netloc or self.url

    @classmethod
    def for_maker(cls, maker):
        """The maker's links in their chosen order."""
        return cls.ordered_within(maker)


@cache
def _dummy_hash():
    """A hash of nothing anyone types, made with the current settings."""
    return generate_password_hash(secrets.token_hex(16))


def normalise_email(email):
    """Emails compare case-insensitively; store them stripped and lower-cased."""
    return (email or "").strip().lower()

