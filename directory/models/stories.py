"""Stories: behind-the-scenes posts of how a maker's work is made, with photos."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..content.sanitise import plain_text, render_markdown
from ..content.text import parse_id
from . import prepared
from .base import BaseModel, Moderated, Reorderable, load_backrefs, moderates, utcnow, viewer_id
from .makers import Maker

SUMMARY_LENGTH = 240


class Story(Moderated, BaseModel):
    """A post with a Markdown body and optional "how it is made" fields.

    What the maker typed is kept (``*_md``) beside the cleaned HTML that
    templates print, rendered on write.
    """

    DRAFT = "draft"
    PUBLISHED = "published"

    maker = ForeignKeyField(Maker, backref="stories", on_delete="CASCADE")
    title = CharField(max_length=120)
    body_md = TextField(default="")
    body_html = TextField(default="")
    summary = CharField(max_length=SUMMARY_LENGTH + 1, default="")
    materials = CharField(max_length=300, default="")
    process_md = TextField(default="")
    process_html = TextField(default="")
    time_taken = CharField(max_length=80, default="")
    status = CharField(max_length=20, default=DRAFT, index=True)
    moderation = CharField(max_length=20, default=Moderated.VISIBLE, index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    published_at = DateTimeField(null=True, index=True)

    class Meta:
        table_name = "story"
        # Public lists run newest first straight off these, with no sort: all
        # public stories (home, feeds, sitemap) and one maker's (the profile).
        indexes = (
            (("status", "moderation", "published_at", "id"), False),
            (("maker", "status", "moderation", "published_at", "id"), False),
        )

    # The public sees a published story that moderation left visible, by a
    # maker whose profile the public sees (Maker.PUBLIC_WHEN).
    PUBLIC_WHEN = {"moderation": Moderated.VISIBLE, "status": PUBLISHED}
    # What the editor writes. Saving a loaded story writes these alone, so a
    # moderator's action taken meanwhile is never undone.
    EDITOR_COLUMNS = ("title", "body_md", "body_html", "summary", "materials", "process_md",
                      "process_html", "time_taken", "status", "published_at", "updated_at")

    @property
    def is_published(self):
        return self.status == self.PUBLISHED

    @property
    def has_details(self):
        """True when any "how it is made" field is filled in."""
        return bool(self.materials or self.process_html or self.time_taken)

    @property
    def cover(self):
        """The first photo, or None."""
        photos = self.ordered_photos
        return photos[0] if photos else None

    @property
    def ordered_photos(self):
        return sorted(self.photos, key=lambda photo: (photo.position, photo.id))

    def set_text(self, title, body, materials="", process="", time_taken=""):
        """Store what the maker typed and its cleaned rendering."""
        self.title = title
        self.body_md = body
        self.body_html = render_markdown(body)
        self.summary = shorten(plain_text(self.body_html), SUMMARY_LENGTH)
        self.materials = materials
        self.process_md = process
        self.process_html = render_markdown(process)
        self.time_taken = time_taken
        self.updated_at = utcnow()

    def publish(self):
        if not self.is_published:
            self.status = self.PUBLISHED
            self.published_at = utcnow()

    def unpublish(self):
        self.status = self.DRAFT
        self.published_at = None

    # --- who sees what --------------------------------------------------
    @classmethod
    def public_condition(cls):
        return super().public_condition() & Maker.public_condition()

    def hidden_because(self):
        """What keeps this story from the public: "suspended" (its maker's
        account), its own state ("held", "hidden", "removed", "draft"),
        "profile" (its maker's profile is not public), or None."""
        maker = self.maker.hidden_because()
        if maker == Maker.STATUS_SUSPENDED:
            return maker
        return super().hidden_because() or ("profile" if maker else None)

    @classmethod
    def visible_to(cls, viewer=None):
        """The stories this viewer may read, with their makers: the public
        ones; a maker also all of their own, drafts included; an active
        moderator every published one. Lists, feeds and search ask for a
        visitor's view, visible_to(None), so they are the same for all."""
        condition = cls.public_condition()
        if moderates(viewer):
            condition |= cls.status == cls.PUBLISHED
        if viewer_id(viewer) is not None:
            condition |= cls.maker == viewer_id(viewer)
        return cls.select(cls, Maker).join(Maker).where(condition)

    def is_visible_to(self, viewer=None):
        """The same rule as visible_to, on this one story."""
        return (self.is_public or (moderates(viewer) and self.is_published)
                or self.maker_id == viewer_id(viewer))

    @property
    def label(self):
        """What the moderation log calls this story."""
        return self.title

    @classmethod
    def newest_first(cls, query):
        return query.order_by(cls.published_at.desc(), cls.id.desc())

    CURSOR_FORMAT = "%Y%m%d%H%M%S%f"

    @classmethod
    def cursor_of(cls, story):
        """Where a newest-first list stopped: "<published_at>-<id>"."""
        return f"{story.published_at.strftime(cls.CURSOR_FORMAT)}-{story.id}"

    @classmethod
    def after(cls, query, cursor):
        """Keyset pagination of a newest-first query: the stories after `cursor`.

        New stories arriving at the top never shift later pages, so nothing is
        skipped or shown twice. A malformed cursor means the first page.
        """
        stamp, _, story_id = str(cursor or "").partition("-")
        story_id = parse_id(story_id)
        try:
            published_at = datetime.strptime(stamp, cls.CURSOR_FORMAT)
        except ValueError:
            return query
        if story_id is None:
            return query
        return query.where(
            (cls.published_at < published_at)
            | ((cls.published_at == published_at) & (cls.id < story_id))
        )

    @classmethod
    def browse(cls, craft=None, place=None, maker=None):
        """Public stories, newest first: all, or by makers of one craft and
        one place, or by one maker."""
        query = Maker.in_craft_and_place(cls.visible_to(None), craft, place, cls.maker)
        if maker is not None:
            query = query.where(cls.maker == maker)
        return cls.newest_first(query)

    @classmethod
    def recent(cls, limit=6):
        """The newest public stories, with makers and photos loaded (the home
        page and every feed ask: its SQL is made once, models/prepared.py)."""
        return cls.with_photos(prepared.rows(("recent stories", limit),
                                             lambda _: cls.browse().limit(limit)))

    @classmethod
    def all_by(cls, maker):
        """All of a maker's own stories, drafts included, for their account."""
        query = cls.visible_to(maker).where(cls.maker == maker.id)
        return query.order_by(cls.updated_at.desc(), cls.id.desc())

    @classmethod
    def with_photos(cls, query):
        """Run the query with each story's photos loaded in one more query."""
        return load_backrefs(list(query), Photo.story)


class Photo(Reorderable, BaseModel):
    """One of up to eight photos of a story, stored as cleaned JPEG files."""

    ORDERED_WITHIN = "story"

    story = ForeignKeyField(Story, backref="photos", on_delete="CASCADE")
    name = CharField(max_length=40, unique=True)
    alt = CharField(max_length=300)
    position = IntegerField(default=0)
    width = IntegerField()
    height = IntegerField()
    author = CharField(max_length=200, default="")
    copyright = CharField(max_length=200, default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "photo"
        indexes = ((("story", "position", "id"), False),)  # a story's photos, in order



def shorten(text, length):
    """Text cut at a word boundary, with an ellipsis when it was longer."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
