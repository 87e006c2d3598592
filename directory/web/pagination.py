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
    return split_page(model, rows, per_page)


def split_page(model, rows, per_page):
    """(the page, the next page's cursor or None) from up to per_page + 1 rows."""
    return rows[:per_page], (model.cursor_of(rows[per_page - 1]) if len(rows) > per_page
                             else None)


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
    return split_page(model, prepared.rows(key, first_page, [values[name] for name in names]),
                      per_page)
