"""What both engines' search share: the words of a query, the documents
indexed for a maker and a story, and the escaping of highlighted snippets."""

import re

from markupsafe import Markup, escape

from ..crafts import craft_label
from ..sanitise import plain_text

WORD = re.compile(r"[^\W_]+")  # letters and digits; everything else separates
MAX_WORDS = 8
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers no typed text can contain
MARK_START, MARK_END = Markup("<mark>"), Markup("</mark>")
# How a result is ranked: a title or a name counts far more than a mention.
MAKER_WEIGHTS = {"name": 10.0, "tagline": 4.0, "about": 1.0, "crafts": 4.0, "place": 3.0}
STORY_WEIGHTS = {"title": 10.0, "body": 1.0, "materials": 3.0, "process": 2.0}
CANDIDATES_PER_RESULT = 3  # ranked ids fetched per wanted result, before filtering


def words(query):
    """The words of what a visitor typed (at most MAX_WORDS), lower-cased."""
    return [word.lower() for word in WORD.findall(query or "")][:MAX_WORDS]


def highlight(snippet):
    """Escape a snippet, then turn the hit markers into <mark>."""
    return escape(snippet or "").replace(HIT_START, MARK_START).replace(HIT_END, MARK_END)


def with_snippets(rows):
    for row in rows:
        row.snippet = highlight(getattr(row, "snippet_text", ""))
    return rows


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


def ranked_page(within, ranked_ids, offset, limit):
    """(page of `within`'s rows in rank order, ids) from ranked candidate ids:
    `ranked_ids(n)` gives the best n ids (all when n is None), ranked inside the
    index alone, so a common word stays cheap: only the best few candidates are
    then checked for visibility, craft and place."""
    wanted = offset + limit
    window = wanted * CANDIDATES_PER_RESULT + 20
    ranked = ranked_ids(window)
    visible = ids_within(within, ranked)
    if len(visible) < wanted and len(ranked) == window:
        ranked = ranked_ids(None)  # filters hid most of the best: rank them all
        visible = ids_within(within, ranked)
    page_ids = [row_id for row_id in ranked if row_id in visible][offset:wanted]
    by_id = {row.id: row for row in within.where(within.model.id.in_(page_ids))}
    return [by_id[row_id] for row_id in page_ids], page_ids


def ids_within(within, ids):
    """The ids among these that the query `within` holds."""
    model = within.model
    return {row[0] for row in within.select(model.id).where(model.id.in_(ids)).order_by()
            .tuples()}
