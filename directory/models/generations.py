"""Generation numbers: how many times the public pages of a scope have
changed. The anonymous page cache (directory/web/page_cache.py) keeps a page
with the numbers it was made under, and serves it only while they are the same.

Every write that can change a public page calls `Generation.changed(maker_id)`
inside its own transaction, so the new numbers become visible to every worker
(and host) at the same moment as the change itself.

Two scopes: "site" (the lists, search, feeds, the log: anything that shows
many makers) and one per maker ("maker:<id>": their profile, their stories,
their feed). A maker's edit changes both; it leaves other makers' pages cached.
"""

from peewee import CharField, IntegerField

from .base import BaseModel

SITE = "site"


def maker_scope(maker_id):
    return f"maker:{maker_id}"


class Generation(BaseModel):
    """One scope's generation number."""

    scope = CharField(max_length=40, primary_key=True)
    value = IntegerField(default=0)

    class Meta:
        table_name = "generation"

    @classmethod
    def bump(cls, *scopes):
        """Add one to each scope's number (a scope starts at 1)."""
        rows = [{"scope": scope, "value": 1} for scope in dict.fromkeys(scopes)]
        (cls.insert_many(rows)
         .on_conflict(conflict_target=[cls.scope], update={cls.value: cls.value + 1})
         .execute())

    @classmethod
    def changed(cls, maker_id=None):
        """Something public changed: the site's pages, and this maker's."""
        if maker_id is None:
            cls.bump(SITE)
        else:
            cls.bump(SITE, maker_scope(maker_id))

    @classmethod
    def current(cls, scopes):
        """{scope: number} for these scopes, 0 for one never changed. One
        lookup by primary key."""
        found = dict(cls.select(cls.scope, cls.value).where(cls.scope.in_(list(scopes))).tuples())
        return {scope: found.get(scope, 0) for scope in scopes}
