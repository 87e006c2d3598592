"""Keyset pagination: a page of rows after a cursor, and the next page's cursor.

The model says how its list runs (`after(query, cursor)`, `cursor_of(row)`:
Story by publication time, the others by id), so rows that arrive meanwhile
never shift a page.
"""

MAX_CURSOR = 40  # characters of a cursor read from the query string


def keyset_page(model, query, after, per_page):
    """(the rows after the cursor, the cursor for the next page or None), one query."""
    rows = list(model.after(query, (after or "")[:MAX_CURSOR]).limit(per_page + 1))
    more = len(rows) > per_page
    rows = rows[:per_page]
    return rows, (model.cursor_of(rows[-1]) if more else None)
