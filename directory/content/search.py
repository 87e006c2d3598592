"""Full-text search of makers and stories, behind a small interface; the
only module that reads or writes the index.

    index_maker(maker), index_story(story), remove_story(story_id),
    remove_maker(maker_id, story_ids), rebuild(makers, stories), add_many(...),
    find_makers(text, within), find_stories(text, within)

It knows no model: `within` is the caller's query of what may be found (the
visible makers or stories, already filtered by craft and place, in browsing
order), so who may see what is decided once, on the models.

On SQLite it is FTS5 (unicode61 with diacritics removed, prefix indexes,
bm25 ranking, highlighted snippets); on another engine a plain LIKE search
stands in until that engine brings its own full-text search. Indexing runs
inside the caller's transaction, so the index never disagrees with the data.
What a visitor types is never passed as query syntax: it is split into words,
each quoted, so operators and stray quotes are searched as text.
"""

import re

from markupsafe import Markup, escape
from peewee import SQL, fn
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from ..extensions import db, is_sqlite
from .crafts import craft_label
from .sanitise import plain_text

WORD = re.compile(r"[^\W_]+")  # letters and digits; everything else separates
MAX_WORDS = 8
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers no typed text can contain
MARK_START, MARK_END = Markup("<mark>"), Markup("</mark>")
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

# Column weights for bm25: a title or name counts far more than a mention.
MAKER_WEIGHTS = (10.0, 4.0, 1.0, 4.0, 3.0)
STORY_WEIGHTS = (10.0, 1.0, 3.0, 2.0)


def words(query):
    """The words of what a visitor typed (at most MAX_WORDS), lower-cased."""
    return [word.lower() for word in WORD.findall(query or "")][:MAX_WORDS]


def match_expression(query):
    """An FTS5 query in which every word is a quoted prefix: "embroid"* "silver"*."""
    return " ".join('"{}"*'.format(word.replace('"', '""')) for word in words(query))


def highlight(snippet):
    """Escape a snippet, then turn the hit markers into <mark>."""
    return escape(snippet or "").replace(HIT_START, MARK_START).replace(HIT_END, MARK_END)


# --- keeping the index in step ---------------------------------------------

def maker_document(maker):
    return {
        "name": maker.display_name,
        "tagline": maker.tagline,
        "about": plain_text(maker.about_html),
        "crafts": " ".join(craft_label(craft) for craft in maker.crafts),
        "place": maker.place,
    }


def story_document(story):
    return {
        "title": story.title,
        "body": plain_text(story.body_html),
        "materials": story.materials,
        "process": plain_text(story.process_html),
    }


def index_maker(maker):
    """Add or refresh a maker in the index (call inside the write's transaction)."""
    if is_sqlite():
        MakerIndex.replace(rowid=maker.id, **maker_document(maker)).execute()


def index_story(story):
    """Add or refresh a story in the index."""
    if is_sqlite():
        StoryIndex.replace(rowid=story.id, **story_document(story)).execute()


def remove_story(story_id):
    if is_sqlite():
        StoryIndex.delete().where(StoryIndex.rowid == story_id).execute()


def remove_maker(maker_id, story_ids):
    """Remove a maker and their stories (by id) from the index."""
    if is_sqlite():
        StoryIndex.delete().where(StoryIndex.rowid.in_(list(story_ids))).execute()
        MakerIndex.delete().where(MakerIndex.rowid == maker_id).execute()


def add_many(makers=(), stories=()):
    """Index many new rows at once: dicts of an "id" and the document's fields
    (as maker_document and story_document give them)."""
    if not is_sqlite():
        return
    for model, documents in ((MakerIndex, makers), (StoryIndex, stories)):
        rows = [{"rowid": document["id"],
                 **{key: value for key, value in document.items() if key != "id"}}
                for document in documents]
        for start in range(0, len(rows), 500):
            model.insert_many(rows[start:start + 500]).execute()


def create_tables():
    """Create the index's tables where the engine has them (init-db)."""
    if is_sqlite():
        db.create_tables(INDEX_MODELS, safe=True)


def rebuild(makers, stories):
    """Index these makers (crafts loaded) and stories again, from empty."""
    if not is_sqlite():
        return
    with db.atomic():
        MakerIndex.delete().execute()
        StoryIndex.delete().execute()
        for maker in makers:
            index_maker(maker)
        for story in stories:
            index_story(story)


# --- searching -------------------------------------------------------------

def find_makers(text, within, limit=6):
    """Makers of the query `within` matching the text, best first, each with a `.snippet`."""
    match = match_expression(text)
    if not match:
        return []
    if not is_sqlite():
        return like_search(text, within, MAKER_TEXT, limit=limit, offset=0,
                           snippet_from="tagline")
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


def find_stories(text, within, limit=10, offset=0):
    """Stories of the query `within` matching the text, best first, each with a `.snippet`."""
    match = match_expression(text)
    if not match:
        return []
    if not is_sqlite():
        return like_search(text, within, STORY_TEXT, limit=limit, offset=offset,
                           snippet_from="summary")
    wanted = offset + limit
    window = wanted * CANDIDATES_PER_RESULT + 20
    ranked = ranked_story_ids(match, window)
    visible = ids_within(within, ranked)
    if len(visible) < wanted and len(ranked) == window:
        ranked = ranked_story_ids(match, None)  # filters hid most of the best: rank them all
        visible = ids_within(within, ranked)
    page_ids = [story_id for story_id in ranked if story_id in visible][offset:wanted]
    by_id = {story.id: story for story in within.where(within.model.id.in_(page_ids))}
    snippets = story_snippets(match, page_ids)
    page = [by_id[story_id] for story_id in page_ids]
    for story in page:
        story.snippet_text = snippets.get(story.id, "")
    return with_snippets(page)


CANDIDATES_PER_RESULT = 3


def ranked_story_ids(match, limit):
    """Ids of the best matches, ranked inside the index alone.

    Ranking in FTS5 before joining keeps a common word cheap: only the best
    few candidates are then checked for visibility, craft and place.
    """
    sql = ("SELECT rowid FROM story_index WHERE story_index MATCH ? "
           "ORDER BY bm25(story_index, ?, ?, ?, ?), rowid")
    params = [match, *STORY_WEIGHTS]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in db.execute_sql(sql, params)]


def ids_within(within, ids):
    """The ids among these that the query `within` holds."""
    model = within.model
    return {row[0] for row in within.select(model.id).where(model.id.in_(ids)).order_by()
            .tuples()}


def story_snippets(match, story_ids):
    """{id: snippet with hit markers} for a page of stories."""
    if not story_ids:
        return {}
    snippet = fn.snippet(SQL("story_index"), -1, HIT_START, HIT_END, "…", 16)
    query = (
        StoryIndex.select(StoryIndex.rowid, snippet)
        .where(SQL("story_index MATCH ?", [match]) & StoryIndex.rowid.in_(story_ids))
    )
    return dict(query.tuples())


def with_snippets(rows):
    for row in rows:
        row.snippet = highlight(getattr(row, "snippet_text", ""))
    return rows


# --- the stand-in for engines without FTS5 ----------------------------------

# The columns the LIKE search reads, as the models name them.
MAKER_TEXT = ("display_name", "tagline", "about_md", "place")
STORY_TEXT = ("title", "body_md", "materials", "process_md")


def like_all(columns, text):
    """Every word appears in at least one of the columns (peewee escapes % and _)."""
    condition = None
    for word in words(text):
        any_column = None
        for column in columns:
            term = column.contains(word)
            any_column = term if any_column is None else (any_column | term)
        condition = any_column if condition is None else (condition & any_column)
    return condition


def like_search(text, within, names, *, limit, offset, snippet_from):
    """Rows of `within`, in its own order, whose columns hold every word."""
    columns = [getattr(within.model, name) for name in names]
    rows = list(within.where(like_all(columns, text)).limit(limit).offset(offset))
    for row in rows:
        row.snippet = escape(getattr(row, snippet_from))
    return rows
