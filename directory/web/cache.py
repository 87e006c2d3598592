"""A small in-process cache for numbers that may be a minute old: how many
makers practise each craft, or live in each place. Counting them on every
page would make every page cost more as the directory grows.

Each worker process keeps its own copy; FACETS_CACHE_SECONDS = 0 turns it off.
"""

import time

from flask import current_app

MAX_ENTRIES = 512  # the keys come from the query string: keep them bounded

_store = {}


def cached(key, compute):
    """compute(), or its value from less than FACETS_CACHE_SECONDS ago."""
    seconds = current_app.config["FACETS_CACHE_SECONDS"]
    if seconds <= 0:
        return compute()
    key = (current_app.config["DATABASE_URL"], *key)
    now = time.monotonic()
    hit = _store.get(key)
    if hit is not None and now - hit[0] < seconds:
        return hit[1]
    if len(_store) >= MAX_ENTRIES:
        _store.clear()
    value = compute()
    _store[key] = (now, value)
    return value


def clear():
    _store.clear()
