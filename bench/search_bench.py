"""Search at scale: median and p99 latency of the search queries and of the
/search page, for a rare word, a common word and a prefix.

    make bench            # 10,000 makers and 100,000 stories (a few minutes)
    BENCH_STORIES=20000 make bench

It builds throw-away SQLite databases under a temporary folder with
`seed-demo --makers N --stories M`, then times, on one core:
- the query alone: search.find_makers + search.find_stories (first page);
- the whole page: GET /search?q=... through the app (rendering included);
- the page for the rare word at 1,000 stories, to show it stays flat.
"""

import os
import statistics
import tempfile
import time

from directory import create_app
from directory.content import search
from directory.content.search import fts5
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import Maker, Story

QUERIES = {"rare word": "quillwork", "common word": "linen", "prefix": "embroid"}
RUNS = int(os.environ.get("BENCH_RUNS", "60"))


def build(folder, makers, stories):
    """An app on a new database holding that many synthetic makers and stories."""
    app = create_app({
        "TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
        "DATABASE_URL": f"sqlite:///{folder}/bench-{stories}.sqlite3",
        "UPLOAD_FOLDER": f"{folder}/uploads",
    })
    with app.app_context():
        init_db()
    started = time.perf_counter()
    result = app.test_cli_runner().invoke(
        args=["seed-demo", "--makers", str(makers), "--stories", str(stories)])
    assert result.exit_code == 0, result.output
    print(f"  seeded {makers:,} makers and {stories:,} stories "
          f"in {time.perf_counter() - started:.1f} s")
    return app


def timed(action, runs=RUNS):
    """(median, p99) in milliseconds of `runs` calls after two warm-ups."""
    for _ in range(2):
        action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def matches(word):
    """How many published stories contain the word (a prefix for the prefix query)."""
    match = fts5.match_expression(word)
    return fts5.StoryIndex.select().where(fts5.SQL("story_index MATCH ?", [match])).count()


def measure(app, label):
    client = app.test_client()
    rows = []
    with app.app_context(), db.connection_context():
        total = Story.select().count()
        for kind, word in QUERIES.items():
            found = matches(word)
            query = timed(lambda w=word: (search.find_makers(w, Maker.browse()),
                                          search.find_stories(w, Story.browse())))
            page = timed(lambda w=word: client.get("/search", query_string={"q": w}))
            rows.append((label, kind, word, found, total, query, page))
    return rows


def main():
    makers = int(os.environ.get("BENCH_MAKERS", "10000"))
    stories = int(os.environ.get("BENCH_STORIES", "100000"))
    with tempfile.TemporaryDirectory() as folder:
        print("Building the databases:")
        # One database at a time: the app's database handle is process-wide.
        rows = measure(build(folder, max(makers // 100, 10), max(stories // 100, 100)), "small")
        rows += measure(build(folder, makers, stories), "large")
    print()
    print("| data | query | word | stories matching | query median / p99 (ms) "
          "| page median / p99 (ms) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, kind, word, found, total, query, page in rows:
        print(f"| {total:,} stories ({label}) | {kind} | `{word}` | {found:,} "
              f"({found / total:.1%}) | {query[0]:.1f} / {query[1]:.1f} "
              f"| {page[0]:.1f} / {page[1]:.1f} |")
    small_rare = next(r for r in rows if r[0] == "small" and r[1] == "rare word")[6][0]
    large_rare = next(r for r in rows if r[0] == "large" and r[1] == "rare word")[6][0]
    print(f"\nRare-word page, large over small: {large_rare / small_rare:.2f}x")


if __name__ == "__main__":
    main()
