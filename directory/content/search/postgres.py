"""Full-text search on PostgreSQL: a `tsvector` per maker and per story in
tables beside the data, with GIN indexes.

- The text search configuration `directory_search` is `simple` (no
  stemming: makers write in many languages) with `unaccent` first, so "cafe"
  finds "café", as FTS5's remove_diacritics does on SQLite.
- Every word typed is a prefix (`'embroid':* & 'silver':*`); the words come
  from `common.words`, letters and digits only, so nothing typed is syntax.
- Columns carry weights A to D (a name or title A, a mention D), and
  `ts_rank` ranks with the same proportions as bm25's column weights.
- Snippets come from `ts_headline` with the same hit markers, escaped by
  `common.highlight`.
"""

from peewee import SQL, Field, IntegerField, Model, NodeList, TextField, fn

from ...extensions import db
from .common import (
    HIT_END,
    HIT_START,
    MAKER_WEIGHTS,
    STORY_WEIGHTS,
    maker_document,
    story_document,
    with_snippets,
    words,
)

CONFIG = "directory_search"
# ts_rank's weights for the classes {D, C, B, A}.
CLASS_WEIGHTS = "{0.1, 0.25, 0.4, 1.0}"


def weight_class(weight):
    """The class a column weight falls in: 10 is A, 4 is B, 2 and 3 are C, 1 is D."""
    return "A" if weight >= 10 else "B" if weight >= 4 else "C" if weight >= 2 else "D"


class TSVectorField(Field):
    field_type = "TSVECTOR"


class MakerSearch(Model):
    id = IntegerField(primary_key=True)
    document = TSVectorField()
    name = TextField(default="")
    tagline = TextField(default="")
    about = TextField(default="")
    crafts = TextField(default="")
    place = TextField(default="")

    class Meta:
        database = db
        table_name = "maker_search"


class StorySearch(Model):
    id = IntegerField(primary_key=True)
    document = TSVectorField()
    title = TextField(default="")
    body = TextField(default="")
    materials = TextField(default="")
    process = TextField(default="")

    class Meta:
        database = db
        table_name = "story_search"


WEIGHTS = {MakerSearch: MAKER_WEIGHTS, StorySearch: STORY_WEIGHTS}
# ts_headline's parser takes "<b>" in text for markup and drops it: the text
# kept for snippets has its angle brackets masked as letters the parser keeps
# (U+01C2, U+01C0, rare outside Khoisan languages), unmasked in the snippet.
MASK = str.maketrans({"<": "\u01c2", ">": "\u01c0"})
UNMASK = str.maketrans({"\u01c2": "<", "\u01c0": ">"})


def document_sql(model, row):
    """The weighted tsvector of a row's columns, as SQL."""
    parts = [fn.setweight(fn.to_tsvector(CONFIG, row[name] or ""), weight_class(weight))
             for name, weight in WEIGHTS[model].items()]
    return NodeList(parts, glue=" || ", parens=True)


def put(model, row_id, row):
    """Insert or replace one row of the index."""
    masked = {name: (value or "").translate(MASK) for name, value in row.items()}
    values = {"id": row_id, **masked, "document": document_sql(model, row)}
    update = {getattr(model, name): value for name, value in values.items() if name != "id"}
    model.insert(**values).on_conflict(conflict_target=[model.id], update=update).execute()


# --- keeping the index in step ---------------------------------------------

def index_maker(maker):
    put(MakerSearch, maker.id, maker_document(maker))


def index_story(story):
    put(StorySearch, story.id, story_document(story))


def remove_story(story_id):
    StorySearch.delete().where(StorySearch.id == story_id).execute()


def remove_maker(maker_id, story_ids):
    StorySearch.delete().where(StorySearch.id.in_(list(story_ids))).execute()
    MakerSearch.delete().where(MakerSearch.id == maker_id).execute()


def add_many(makers=(), stories=()):
    """Index many new rows, 500 to a statement."""
    for model, documents in ((MakerSearch, makers), (StorySearch, stories)):
        rows = []
        for document in documents:
            row = {k: v for k, v in document.items() if k != "id"}
            masked = {name: (value or "").translate(MASK) for name, value in row.items()}
            rows.append({"id": document["id"], **masked, "document": document_sql(model, row)})
        for start in range(0, len(rows), 500):
            model.insert_many(rows[start:start + 500]).execute()


def create_tables():
    """The configuration, the tables and their GIN indexes (init-db; idempotent)."""
    db.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    exists = db.execute_sql("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", (CONFIG,)).fetchone()
    if not exists:
        db.execute_sql(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)")
        db.execute_sql(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
                       "hword, hword_part, word WITH unaccent, simple")
    db.create_tables([MakerSearch, StorySearch], safe=True)
    for model in (MakerSearch, StorySearch):
        table = model._meta.table_name
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {table}_document ON {table} "
                       "USING GIN (document)")


def clear():
    """Empty the index (rebuild fills it again)."""
    MakerSearch.delete().execute()
    StorySearch.delete().execute()


def counts():
    return MakerSearch.select().count(), StorySearch.select().count()


# --- searching -------------------------------------------------------------

def tsquery(text):
    """Every word a prefix, all required; None when nothing searchable was typed."""
    found = words(text)
    if not found:
        return None
    expression = " & ".join("'{}':*".format(word.replace("'", "''")) for word in found)
    return fn.to_tsquery(CONFIG, expression)


def matches(model, query):
    return NodeList((model.document, SQL("@@"), query))


def rank(model, query):
    return fn.ts_rank(SQL(f"'{CLASS_WEIGHTS}'"), model.document, query)


def headline(columns, query, words_shown):
    options = (f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={words_shown}, "
               f"MinWords={max(words_shown // 2, 3)}, MaxFragments=1, ShortWord=0")
    text = fn.concat_ws(" … ", *columns)
    return fn.ts_headline(CONFIG, text, query, options)


def find_makers(text, within, limit=6):
    """Makers of the query `within` matching the text, best first, each with a `.snippet`."""
    query = tsquery(text)
    if query is None:
        return []
    maker = within.model
    # As FTS5's snippet picks the column with the best match, the headline
    # reads them all; the fragment around the words found is the snippet.
    snippet = headline([MakerSearch.name, MakerSearch.tagline, MakerSearch.about,
                        MakerSearch.crafts, MakerSearch.place], query, 12)
    rows = (
        within
        .select_extend(snippet.alias("snippet_text"))
        .join(MakerSearch, on=(MakerSearch.id == maker.id))
        .where(matches(MakerSearch, query))
        .order_by(rank(MakerSearch, query).desc(), maker.id)
        .limit(limit)
    )
    found = list(rows)
    for row in found:
        row.snippet_text = (row.snippet_text or "").translate(UNMASK)
    return with_snippets(found)


def ranked_story_ids(text, limit):
    """Ids of the best matches, ranked inside the index alone."""
    query = tsquery(text)
    rows = (StorySearch.select(StorySearch.id).where(matches(StorySearch, query))
            .order_by(rank(StorySearch, query).desc(), StorySearch.id))
    if limit is not None:
        rows = rows.limit(limit)
    return [row[0] for row in rows.tuples()]


def story_snippets(text, story_ids):
    """{id: snippet with hit markers} for a page of stories."""
    query = tsquery(text)
    snippet = headline([StorySearch.title, StorySearch.body, StorySearch.materials,
                        StorySearch.process], query, 16)
    rows = StorySearch.select(StorySearch.id, snippet).where(StorySearch.id.in_(story_ids))
    return {row_id: (text or "").translate(UNMASK) for row_id, text in rows.tuples()}
