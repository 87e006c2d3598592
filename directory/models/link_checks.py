"""The checks of a link's proof: each time the directory looked, and what it found."""

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField

from .base import BaseModel, utcnow
from .makers import Link


class LinkCheck(BaseModel):
    """One check of one link: proven or not, how, and why not."""

    link = ForeignKeyField(Link, backref="checks", on_delete="CASCADE")
    checked_at = DateTimeField(default=utcnow)
    proven = BooleanField()
    method = CharField(max_length=10, default="")  # how it was proven: "rel-me" or "code"
    reason = CharField(max_length=300, default="")  # why not, in words for the maker

    class Meta:
        table_name = "link_check"
        indexes = ((("link", "id"), False),)

    @classmethod
    def latest(cls, link_ids, per_link=3):
        """{link id: its newest checks, newest first}."""
        by_link = {}
        if link_ids:
            query = cls.select().where(cls.link.in_(list(link_ids))).order_by(cls.id.desc())
            for check in query:
                rows = by_link.setdefault(check.link_id, [])
                if len(rows) < per_link:
                    rows.append(check)
        return by_link
