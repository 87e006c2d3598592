"""Forms that create something are handled once, however often they are sent.

A create form carries a random key; the first request that uses the key
records it with the address of what it made, in the same transaction. A
second request with the same key (a double-click without JavaScript, a
resent form) finds that address and goes there instead of making a copy.
"""

from peewee import CharField, DateTimeField

from .base import BaseModel, utcnow


class Submission(BaseModel):
    key = CharField(max_length=100, unique=True)
    url = CharField(max_length=300)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "submission"

    @classmethod
    def url_for(cls, key):
        """Where the first request with this key went, or None."""
        row = cls.get_or_none(cls.key == key)
        return row.url if row else None
