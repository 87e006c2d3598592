"""Keyset pagination: a page of rows after a cursor, and the next page's cursor.

The model says how its list runs (`after(query, cursor)`, `cursor_of(row)`:
Story by publication time, the others by id), so rows that arrive meanwhile
never shift a page.
"""

from ..models import prepared

MAX_CURSOR = 40  # characters of a cursor read from the query string


def keyset_page(model, query, after, per_page):
    """(the rows after the cursor, the cursor for the next page or None), one query."""
    rows = list(model.after(query, (after or "")[:MAX_CURSOR]).limit(per_page + 1))
    more = len(rows) > per_page
    rows = rows[:per_page]
    return rows, (model.cursor_of(rows[-1]) if more else None)


def keyset_page_by(model, build, after, per_page, **values):
    """keyset_page of the query `build(**values)`. The first page, asked for
    far more than any other, runs SQL made once per set of values given
    (models/prepared.py); None and "" values are left to the build."""
    if after:
        return keyset_page(model, build(**values), after, per_page)
    names = sorted(name for name, value in values.items() if value not in (None, ""))

    def first_page(stand_ins):
        return build(**{**values, **dict(zip(names, stand_ins, strict=True))}).limit(per_page + 1)

    key = (build.__qualname__, per_page, tuple(names))
    rows = prepared.rows(key, first_page, [values[name] for name in names])
    more = len(rows) > per_page
    rows = rows[:per_page]
    return rows, (model.cursor_of(rows[-1]) if more else None)
