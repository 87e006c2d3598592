"""Full-text search on SQLite: FTS5 tables beside the data (unicode61 with
diacritics removed, prefix indexes, bm25 ranking, highlighted snippets).

Every word a visitor typed is a quoted prefix: "embroid"* "silver"*, so
operators and stray quotes are searched as text.
"""

from peewee import SQL, fn
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from ...extensions import db
from . import common
from .common import (
    HIT_END,
    HIT_START,
    maker_document,
    story_document,
    with_snippets,
    words,
)

TOKENIZE = "unicode61 remove_diacritics 2"


class MakerIndex(FTS5Model):
    rowid = RowIDField()
    name = SearchField()
    tagline = SearchField()
    about = SearchField()
    crafts = SearchField()
    place = SearchField()

    class Meta:
        database = db
        table_name = "maker_index"
        options = {"tokenize": TOKENIZE, "prefix": "2 3 4"}


class StoryIndex(FTS5Model):
    rowid = RowIDField()
    title = SearchField()
    body = SearchField()
    materials = SearchField()
    process = SearchField()

    class Meta:
        database = db
        table_name = "story_index"
        options = {"tokenize": TOKENIZE, "prefix": "2 3 4"}


INDEX_MODELS = [MakerIndex, StoryIndex]

MAKER_WEIGHTS = tuple(common.MAKER_WEIGHTS.values())  # in the index's column order
STORY_WEIGHTS = tuple(common.STORY_WEIGHTS.values())


def match_expression(query):
    """An FTS5 query in which every word is a quoted prefix: "embroid"* "silver"*."""
    return " ".join('"{}"*'.format(word.replace('"', '""')) for word in words(query))


# --- keeping the index in step ---------------------------------------------

def index_maker(maker):
    """Add or refresh a maker in the index (call inside the write's transaction)."""
    MakerIndex.replace(rowid=maker.id, **maker_document(maker)).execute()


def index_story(story):
    """Add or refresh a story in the index."""
    StoryIndex.replace(rowid=story.id, **story_document(story)).execute()


def remove_story(story_id):
    StoryIndex.delete().where(StoryIndex.rowid == story_id).execute()


def remove_maker(maker_id, story_ids):
    """Remove a maker and their stories (by id) from the index."""
    StoryIndex.delete().where(StoryIndex.rowid.in_(list(story_ids))).execute()
    MakerIndex.delete().where(MakerIndex.rowid == maker_id).execute()


def add_many(makers=(), stories=()):
    """Index many new rows at once: dicts of an "id" and the document's fields
    (as maker_document and story_document give them)."""
    for model, documents in ((MakerIndex, makers), (StoryIndex, stories)):
        rows = [{"rowid": document["id"],
                 **{key: value for key, value in document.items() if key != "id"}}
                for document in documents]
        for start in range(0, len(rows), 500):
            model.insert_many(rows[start:start + 500]).execute()


def create_tables():
    """Create the index's tables where the engine has them (init-db)."""
    db.create_tables(INDEX_MODELS, safe=True)


def clear():
    """Empty the index (rebuild fills it again)."""
    MakerIndex.delete().execute()
    StoryIndex.delete().execute()


def counts():
    return MakerIndex.select().count(), StoryIndex.select().count()


# --- searching -------------------------------------------------------------

def find_makers(text, within, limit=6):
    """Makers of the query `within` matching the text, best first, each with a `.snippet`."""
    match = match_expression(text)
    if not match:
        return []
    maker = within.model
    rank = fn.bm25(SQL("maker_index"), *MAKER_WEIGHTS)
    snippet = fn.snippet(SQL("maker_index"), -1, HIT_START, HIT_END, "…", 12)
    query = (
        within
        .select_extend(snippet.alias("snippet_text"))
        .join(MakerIndex, on=(MakerIndex.rowid == maker.id))
        .where(SQL("maker_index MATCH ?", [match]))
        .order_by(rank, maker.id)
        .limit(limit)
    )
    return with_snippets(list(query))


def ranked_story_ids(text, limit):
    """Ids of the best matches, ranked inside the index alone.

    Ranking in FTS5 before joining keeps a common word cheap: only the best
    few candidates are then checked for visibility, craft and place.
    """
    sql = ("SELECT rowid FROM story_index WHERE story_index MATCH ? "
           "ORDER BY bm25(story_index, ?, ?, ?, ?), rowid")
    params = [match_expression(text), *STORY_WEIGHTS]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in db.execute_sql(sql, params)]


def story_snippets(text, story_ids):
    """{id: snippet with hit markers} for a page of stories."""
    match = match_expression(text)
    snippet = fn.snippet(SQL("story_index"), -1, HIT_START, HIT_END, "…", 16)
    query = (
        StoryIndex.select(StoryIndex.rowid, snippet)
        .where(SQL("story_index MATCH ?", [match]) & StoryIndex.rowid.in_(story_ids))
    )
    return dict(query.tuples())
