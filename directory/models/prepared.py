"""Queries whose SQL is made once.

peewee makes a query's SQL by walking its expression tree and quoting every
column; for a row type of twenty columns that takes longer than SQLite takes
to run the query. The queries behind every page (the logged-in maker; a
page's photos, links and crafts by owner) are the same SQL each time but for
the ids they look up. `rows(key, build, ids)` makes that SQL once per key and
number of ids, with stand-in ids no row has, and then runs it with the real
ones, reading the rows through the same query's own row reader.
"""

from threading import Lock

from ..extensions import db

STAND_IN = -(2**62)  # stand-in ids count up from here; no row has such an id
_made = {}  # {(engine, key, number of ids): (query, sql, params with slots)}
_lock = Lock()


def rows(key, build, ids):
    """The rows of `build(ids)`: a select that uses each of the integer `ids`
    once, as it is, and nothing else derived from them (any other value is
    made once with the stand-ins and kept). `key` names the query: its SQL is
    made once per key and number of ids. A build whose ids do not each show
    up once among the parameters is simply made afresh every time."""
    ids = [int(one) for one in ids]
    made = _prepare((type(db.obj).__name__, key, len(ids)), build, len(ids))
    if made is None:  # the ids are not plain parameters of this query
        return list(build(ids))
    query, sql, slots = made
    params = [ids[slot] if isinstance(slot, _Slot) else slot for slot in slots]
    return list(query._get_cursor_wrapper(db.execute_sql(sql, params)))


def _stands_in(param, count):
    return isinstance(param, int) and STAND_IN <= param < STAND_IN + count


class _Slot(int):
    """Where a real id goes among the parameters."""


def _prepare(cache_key, build, count):
    made = _made.get(cache_key)
    if made is not None:
        return made or None
    stand_ins = [STAND_IN + n for n in range(count)]
    query = build(stand_ins)
    sql, params = query.sql()
    slots = [_Slot(param - STAND_IN) if _stands_in(param, count) else param for param in params]
    found = sorted(int(slot) for slot in slots if isinstance(slot, _Slot))
    made = (query, sql, slots) if found == list(range(count)) else False
    with _lock:
        _made[cache_key] = made
    return made or None
