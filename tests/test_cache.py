"""Filter counts may be a minute old, so pages need not count every maker."""

from directory.web import cache
from tests.conftest import hx


def test_counts_are_reused_within_the_time_and_counted_again_after(app, client, make_maker,
                                                                   count_queries):
    app.config["FACETS_CACHE_SECONDS"] = 60
    cache.clear()
    make_maker("Ada Potter", crafts=["ceramics"], place="Leeds, UK")
    first = client.get("/makers")
    assert b"Ceramics (1)" in first.data
    make_maker("Ben Potter", crafts=["ceramics"], place="Leeds, UK")
    with count_queries() as cached_queries:
        again = hx(client, "get", "/makers")
    assert b"Ben Potter" in again.data  # the list itself is never stale
    cache.clear()
    with count_queries() as fresh_queries:
        fresh = client.get("/makers")
    assert b"Ceramics (2)" in fresh.data
    assert len(cached_queries) < len(fresh_queries)
    cache.clear()


def test_the_cache_stays_bounded(app):
    app.config["FACETS_CACHE_SECONDS"] = 60
    cache.clear()
    with app.test_request_context():
        for n in range(cache.MAX_ENTRIES + 10):
            cache.cached(("places", f"town-{n}"), lambda n=n: n)
    assert len(cache._store) <= cache.MAX_ENTRIES
    cache.clear()
