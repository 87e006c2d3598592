"""Queries whose SQL is made once.

peewee makes a query's SQL by walking its expression tree and quoting every
column; for a row type of twenty columns that takes longer than SQLite takes
to run the query. The queries behind every page (the logged-in maker, the
newest stories, a profile's first page, a page's photos, links and crafts)
are the same SQL each time but for the ids or names they look up.
`rows(key, build, values)` makes that SQL once, with stand-in values no row
has, and then runs it with the real ones, reading the rows through the same
query's own row reader.
"""

from threading import Lock

from ..extensions import db

STAND_IN = -(2**62)  # stand-in integers count up from here; no row has such an id
_made = {}  # {(engine, key, types of the values): (query, sql, params with slots) or False}
_lock = Lock()


def rows(key, build, values=()):
    """The rows of `build(values)`: a select that uses each of the `values`
    (integers or strings) once, as it is, and nothing else that changes from
    one call to the next (any other value is made once and kept: never a
    time, say). `key` names the query; its SQL is made once per key and
    kinds of values. A build whose values do not each show up once among
    the parameters is simply made afresh every time."""
    values = list(values)
    kinds = tuple(int if isinstance(value, int) else str for value in values)
    made = _prepare((type(db.obj).__name__, key, kinds), build, kinds)
    if made is None:  # the values are not plain parameters of this query
        return list(build(values))
    query, sql, slots = made
    params = [values[slot] if isinstance(slot, _Slot) else slot for slot in slots]
    return list(query._get_cursor_wrapper(db.execute_sql(sql, params)))


class _Slot(int):
    """Where a real value goes among the parameters."""


def _stand_in(n, kind):
    # Spaces, capitals and NULs: any tidying of a value (strip, lower, a slug)
    # changes its stand-in, so a build that tidies is never reused by mistake.
    return STAND_IN + n if kind is int else f" \x00Stand-In {n}\x00 "


def _prepare(cache_key, build, kinds):
    made = _made.get(cache_key)
    if made is not None:
        return made or None
    stand_ins = [_stand_in(n, kind) for n, kind in enumerate(kinds)]
    where = {(type(value), value): n for n, value in enumerate(stand_ins)}
    query = build(stand_ins)
    sql, params = query.sql()
    slots = [_Slot(where[type(param), param]) if (type(param), param) in where else param
             for param in params]
    found = sorted(int(slot) for slot in slots if isinstance(slot, _Slot))
    made = (query, sql, slots) if found == list(range(len(kinds))) else False
    with _lock:
        _made[cache_key] = made
    return made or None
