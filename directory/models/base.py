"""What every model shares: the database, timestamps, loading related rows."""

from collections import defaultdict
from datetime import UTC, datetime

from peewee import Model, fn

from ..extensions import db


def utcnow():
    """The current time in UTC, naive, as every timestamp is stored."""
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = db

    @classmethod
    def default_order(cls):
        """The order rows are listed in when loaded as someone's backref."""
        return (cls.id,)


class Moderated:
    """What moderation and the spam rules can do to a profile or a story.

    Nothing is destroyed: held, hidden and removed items are kept, out of
    public view, until a moderator restores them or their maker deletes them.
    """

    VISIBLE = "visible"
    HELD = "held"  # the spam rules want a moderator to look first
    HIDDEN = "hidden"  # reported by several people, or hidden by a moderator
    REMOVED = "removed"  # a moderator found it breaks the rules

    @property
    def is_held(self):
        return self.moderation == self.HELD


def load_backrefs(instances, *foreign_keys):
    """Fill each instance's backref (e.g. maker.links) with one query per key.

    Unlike peewee's prefetch, the instances are fetched once, so a query
    ordered by RANDOM() or LIMITed is not run again with a different result.
    """
    ids = [instance.id for instance in instances]
    for foreign_key in foreign_keys:
        by_owner = defaultdict(list)
        if ids:
            query = foreign_key.model.select().where(foreign_key.in_(ids))
            for row in query.order_by(*foreign_key.model.default_order()):
                by_owner[getattr(row, foreign_key.name + "_id")].append(row)
        for instance in instances:
            setattr(instance, foreign_key.backref, by_owner[instance.id])
    return instances


class Reorderable:
    """A row with a `position` among its siblings: a maker's links, a story's photos.

    ORDERED_WITHIN names the foreign key the siblings share ("maker", "story").
    """

    ORDERED_WITHIN = None

    @classmethod
    def default_order(cls):
        return (cls.position, cls.id)

    @classmethod
    def ordered_within(cls, owner):
        """The rows that belong to owner, in their order."""
        field = getattr(cls, cls.ORDERED_WITHIN)
        return cls.select().where(field == owner).order_by(*cls.default_order())

    @classmethod
    def next_position(cls, owner):
        """The position after owner's last row."""
        field = getattr(cls, cls.ORDERED_WITHIN)
        last = cls.select(fn.MAX(cls.position)).where(field == owner).scalar()
        return (last or 0) + 1

    def siblings(self):
        """This row and the others it is ordered among, in order."""
        return self.ordered_within(getattr(self, self.ORDERED_WITHIN + "_id"))

    def move(self, step):
        """Swap with the neighbour above (step -1) or below (+1); False at an end."""
        rows = list(self.siblings())
        index = next(i for i, row in enumerate(rows) if row.id == self.id)
        other = index + step
        if not 0 <= other < len(rows):
            return False
        rows[index], rows[other] = rows[other], rows[index]
        model = type(self)
        with db.atomic():
            for position, row in enumerate(rows, start=1):
                if row.position != position:
                    model.update(position=position).where(model.id == row.id).execute()
        return True
