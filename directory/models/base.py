"""What every model shares: the database, timestamps, loading related rows."""

import operator
from collections import defaultdict
from datetime import UTC, datetime
from functools import partial, reduce

from peewee import Model, fn

from ..content.text import parse_id
from ..extensions import db
from . import prepared


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
    """What moderation and the spam rules can do to a profile or a story, and
    the rule of who may see one.

    Nothing is destroyed: held, hidden and removed items are kept, out of
    public view, until a moderator restores them or their maker deletes them.

    PUBLIC_WHEN is the rule, written once: the public sees a row when every
    one of these columns has its value. `public_condition()` is that rule in
    SQL, `hidden_because()` the same rule on one loaded row; each model's
    `visible_to(viewer)` and `is_visible_to(viewer)` add the owner's and the
    moderators' view to it.
    """

    VISIBLE = "visible"
    HELD = "held"  # the spam rules want a moderator to look first
    HIDDEN = "hidden"  # reported by several people, or hidden by a moderator
    REMOVED = "removed"  # a moderator found it breaks the rules

    PUBLIC_WHEN = {"moderation": VISIBLE}

    @classmethod
    def public_condition(cls):
        """The SQL condition for rows the public may see."""
        return reduce(operator.and_, [getattr(cls, name) == value
                                      for name, value in cls.PUBLIC_WHEN.items()])

    def hidden_because(self):
        """What keeps this row from the public (the value of the first column
        that breaks the rule: "suspended", "held", "draft"...), or None."""
        for name, value in self.PUBLIC_WHEN.items():
            if getattr(self, name) != value:
                return getattr(self, name)
        return None

    @classmethod
    def seen_by(cls, query, owner, viewer):
        """`query` limited to the rows this viewer may see: every one for an
        active moderator; else the public ones, and those `owner` (a column)
        says are the viewer's."""
        if moderates(viewer):
            return query
        condition = cls.public_condition()
        if viewer_id(viewer) is not None:
            condition |= owner == viewer_id(viewer)
        return query.where(condition)

    @property
    def is_public(self):
        return self.hidden_because() is None

    @property
    def is_held(self):
        return self.moderation == self.HELD


def viewer_id(viewer):
    """The id of a logged-in viewer, or None for a visitor."""
    return viewer.id if getattr(viewer, "is_authenticated", False) else None


def moderates(viewer):
    """True when the viewer is an active moderator."""
    return viewer_id(viewer) is not None and viewer.can_moderate


class KeysetById:
    """Keyset pagination by id: the rows after `cursor`, the last id shown.

    Rows that arrive meanwhile never shift the pages, so nothing is skipped
    or shown twice. NEWEST_FIRST says which way the list runs.
    """

    NEWEST_FIRST = True

    @classmethod
    def after(cls, query, cursor):
        last_id = parse_id(cursor)
        if not last_id:
            return query
        return query.where(cls.id < last_id if cls.NEWEST_FIRST else cls.id > last_id)

    @staticmethod
    def cursor_of(row):
        return str(row.id)


def load_backrefs(instances, *foreign_keys):
    """Fill each instance's backref (e.g. maker.links) with one query per key.

    Unlike peewee's prefetch, the instances are fetched once, so a query
    ordered by RANDOM() or LIMITed is not run again with a different result.
    Rows come owner by owner, each owner's in its order, straight off an index
    on (owner, order...) with no sort.
    """
    ids = [instance.id for instance in instances]
    for foreign_key in foreign_keys:
        by_owner = defaultdict(list)
        if ids:
            key = ("backrefs", foreign_key.model.__name__, foreign_key.name)
            for row in prepared.rows(key, partial(_backrefs_of, foreign_key), ids):
                by_owner[getattr(row, foreign_key.name + "_id")].append(row)
        for instance in instances:
            setattr(instance, foreign_key.backref, by_owner[instance.id])
    return instances


def _backrefs_of(foreign_key, ids):
    query = foreign_key.model.select().where(foreign_key.in_(ids))
    return query.order_by(foreign_key, *foreign_key.model.default_order())


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
