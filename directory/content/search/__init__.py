"""Full-text search of makers and stories, behind a small interface; the
only package that reads or writes the index.

    index_maker(maker), index_story(story), remove_story(story_id),
    remove_maker(maker_id, story_ids), rebuild(makers, stories), add_many(...),
    create_tables(), find_makers(text, within), find_stories(text, within)

It knows no model: `within` is the caller's query of what may be found (the
visible makers or stories, already filtered by craft and place, in browsing
order), so who may see what is decided once, on the models.

Each engine brings its own full-text search: FTS5 on SQLite (fts5.py), a
tsvector with GIN indexes on PostgreSQL (postgres.py). Both find words by
prefix, ignore accents, rank a name or a title above a mention, and mark the
words found in an escaped snippet. Indexing runs inside the caller's
transaction, so the index never disagrees with the data. What a visitor
types is never passed as query syntax: it is split into words.
"""

from ...extensions import db, is_sqlite
from . import fts5, postgres
from .common import highlight, ranked_page, with_snippets, words

__all__ = ["add_many", "counts", "create_tables", "find_makers", "find_stories", "highlight",
           "index_maker", "index_story", "rebuild", "remove_maker", "remove_story", "words"]


def engine():
    """The search module for the database in use."""
    return fts5 if is_sqlite() else postgres


def index_maker(maker):
    """Add or refresh a maker in the index (call inside the write's transaction)."""
    engine().index_maker(maker)


def index_story(story):
    """Add or refresh a story in the index."""
    engine().index_story(story)


def remove_story(story_id):
    engine().remove_story(story_id)


def remove_maker(maker_id, story_ids):
    """Remove a maker and their stories (by id) from the index."""
    engine().remove_maker(maker_id, story_ids)


def add_many(makers=(), stories=()):
    """Index many new rows at once: dicts of an "id" and the document's fields
    (as common.maker_document and common.story_document give them)."""
    engine().add_many(makers, stories)


def create_tables():
    """Create the index's tables (init-db)."""
    engine().create_tables()


def rebuild(makers, stories):
    """Index these makers (crafts loaded) and stories again, from empty."""
    with db.atomic():
        engine().clear()
        for maker in makers:
            index_maker(maker)
        for story in stories:
            index_story(story)


def counts():
    """(makers, stories) in the index."""
    return engine().counts()


def find_makers(text, within, limit=6):
    """Makers of the query `within` matching the text, best first, each with a `.snippet`."""
    return engine().find_makers(text, within, limit)


def find_stories(text, within, limit=10, offset=0):
    """Stories of the query `within` matching the text, best first, each with a
    `.snippet`: the engine ranks its matches inside its own index, then the
    best few are checked against `within` (common.ranked_page)."""
    if not words(text):
        return []
    search = engine()
    page, page_ids = ranked_page(within, lambda n: search.ranked_story_ids(text, n),
                                 offset, limit)
    snippets = search.story_snippets(text, page_ids) if page_ids else {}
    for story in page:
        story.snippet_text = snippets.get(story.id, "")
    return with_snippets(page)
