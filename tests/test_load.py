"""Many people at once: 32 browsers against gunicorn with 4 workers, on one
SQLite file and on PostgreSQL.

Each browser signs up, then reads pages, searches, publishes stories and edits
its own, as fast as the server answers, for 10 to 20 seconds on loopback.
Nothing may fail with a 5xx or "database is locked", and every write the
server acknowledged (a 303) must be in the database afterwards: SQLite's
writers queue (BEGIN IMMEDIATE, busy timeout) instead of failing or losing work.
"""

import html
import random
import threading
import time

import pytest

from tests.live_server import (
    Browser,
    LiveServer,
    MailSink,
    indexed_story_ids,
    integrity_problems,
    on_engine,
    refusal,
    rows,
    save_story,
    signup,
)

CLIENTS = 32
WORKERS = 4
MIN_SECONDS, MAX_SECONDS = 10, 20  # traffic stops after MIN once enough was done; MAX at most
# Enough work for the test to mean something, and little enough that a busy
# machine (2 cores, other tests running) reaches it within MAX_SECONDS.
MIN_SIGNUPS, MIN_STORY_WRITES = CLIENTS, 2 * CLIENTS
SEARCH_WORDS = ["glaze", "silver", "quilt", "chair", "stitch", "ash", "mug", "rings", "wool"]



class Visitor:
    """One person in a browser, doing a mix chosen by their own seeded dice."""

    def __init__(self, number, base_url, demo_slugs, demo_story_ids):
        self.number = number
        self.browser = Browser(base_url)
        self.rng = random.Random(number)  # noqa: S311 (a mix of actions, not secrets)
        self.demo_slugs, self.demo_story_ids = demo_slugs, demo_story_ids
        self.email = f"load-maker-{number}@example.com"
        self.signed_up = False
        self.titles = {}  # story id -> the latest title the server acknowledged
        self.story_writes = 0
        self.reads = 0
        self.problems = []  # what went wrong in this thread (exceptions, stale reads)
        self.writes = 0

    def run(self, stop):
        try:
            response = signup(self.browser, self.email, f"Load Maker {self.number}")
            self.signed_up = response.status == 303 and response.location.endswith("/account")
            if not self.signed_up:
                self.problems.append(f"{self.email}: signup refused after "
                                     f"{self.browser.statuses[-1][3]} s: {refusal(response)}")
                return
            while not stop.is_set():
                self.step()
        except Exception as error:  # noqa: BLE001 (reported by the test, with the client)
            self.problems.append(f"{self.email}: {type(error).__name__}: {error}")

    def step(self):
        choice = self.rng.choices(
            ["page", "search", "own story", "new story", "edit"], weights=[25, 10, 5, 30, 30]
        )[0]
        if choice == "page":
            path = self.rng.choice([
                "/", "/makers", f"/makers/{self.rng.choice(self.demo_slugs)}",
                f"/stories/{self.rng.choice(self.demo_story_ids)}",
            ])
            self.read(path)
        elif choice == "search":
            self.read(f"/search?q={self.rng.choice(SEARCH_WORDS)}")
        elif choice == "own story" and self.titles:
            # Read your own write: the page shows the latest acknowledged title,
            # whichever worker answers.
            story_id = self.rng.choice(sorted(self.titles))
            page = self.read(f"/stories/{story_id}")
            if html.escape(self.titles[story_id]) not in page:
                self.problems.append(f"/stories/{story_id} does not show "
                                     f"{self.titles[story_id]!r}")
        elif choice == "edit" and self.titles:
            story_id = self.rng.choice(sorted(self.titles))
            self.write(story_id, action=self.rng.choice(["publish", "draft"]))
        else:
            self.write(None, action=self.rng.choice(["publish", "publish", "draft"]))

    def read(self, path):
        response = self.browser.get(path)
        self.reads += 1
        if response.status != 200:
            self.problems.append(f"GET {path}: {response.status}")
        return response.text

    def write(self, story_id, action):
        self.writes += 1
        title = f"Load story {self.number}.{self.writes} {self.rng.choice(SEARCH_WORDS)}"
        body = (f"Notes from bench {self.number}, entry {self.writes}: "
                f"{self.rng.choice(SEARCH_WORDS)} and {self.rng.choice(SEARCH_WORDS)} today.")
        saved = save_story(self.browser, title, body, story_id=story_id, action=action)
        if saved is None:
            self.problems.append(f"story {story_id or 'new'} not saved: "
                                 f"{self.browser.statuses[-1]}")
        else:
            self.titles[saved] = title
            self.story_writes += 1


@pytest.mark.parametrize("engine", [pytest.param("sqlite", marks=pytest.mark.sqlite_only),
                                    "postgresql"])
def test_concurrent_reads_signups_and_story_writes_lose_nothing(tmp_path, engine):
    with MailSink() as mail:
        server = LiveServer(tmp_path, mail.port, workers=WORKERS)
        with on_engine(server, engine, "load_test"):
            load_and_check(server, mail)


def load_and_check(server, mail):
    """32 browsers for 10 to 20 s, then every acknowledged write read back."""
    server.flask("init-db")
    server.flask("seed-demo")
    slugs = [row[0] for row in rows(server, "SELECT slug FROM maker ORDER BY id")]
    story_ids = [row[0] for row in rows(server, "SELECT id FROM story ORDER BY id")]
    assert slugs and story_ids

    visitors = [Visitor(n, server.url, slugs, story_ids) for n in range(CLIENTS)]
    stop = threading.Event()
    threads = [threading.Thread(target=v.run, args=(stop,)) for v in visitors]
    enough_after = None
    try:
        server.start()
        started, cpu = time.monotonic(), time.process_time()
        for thread in threads:
            thread.start()
        while True:
            time.sleep(0.2)
            elapsed = time.monotonic() - started
            enough = (sum(v.signed_up for v in visitors) >= MIN_SIGNUPS
                      and sum(v.story_writes for v in visitors) >= MIN_STORY_WRITES)
            if enough and enough_after is None:
                enough_after = elapsed
            if elapsed >= MAX_SECONDS or (elapsed >= MIN_SECONDS and enough):
                break
    finally:
        stop.set()
        for thread in threads:
            if thread.ident is not None:
                thread.join(timeout=60)
        server.stop()
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    mailed = set(mail.recipients)

    statuses = [s for v in visitors for s in v.browser.statuses]
    summary = (f"{len(statuses)} requests in {seconds:.1f} s ({cpu:.1f} s CPU in the clients), "
               f"{sum(v.signed_up for v in visitors)} signups, "
               f"{sum(v.story_writes for v in visitors)} story writes acknowledged; "
               f"the minimum of work was done after {enough_after or 0:.1f} s")
    print(summary)

    # No server errors (status, method, path, seconds), and nothing in the log
    # that says the database refused a writer or a request failed.
    server_errors = [s for s in statuses if s[0] >= 500]
    assert not server_errors, (server_errors[:10], server.log_errors(), summary)
    assert not server.log_errors(), server.log_errors()

    # Every client ran to the end: no exception, no refused form, no stale read.
    assert not any(thread.is_alive() for thread in threads)
    problems = [p for v in visitors for p in v.problems]
    assert not problems, problems[:10]

    # Enough work happened for the test to mean something.
    acknowledged = {v.email for v in visitors if v.signed_up}
    titles = {story_id: title for v in visitors for story_id, title in v.titles.items()}
    assert len(acknowledged) >= MIN_SIGNUPS, summary
    assert sum(v.story_writes for v in visitors) >= MIN_STORY_WRITES, summary
    assert sum(v.reads for v in visitors) >= CLIENTS, summary

    # Every acknowledged write is in the database, as last acknowledged, by its
    # author, and in the search index (written in the same transaction).
    assert integrity_problems(server) == []
    emails = {row[0] for row in rows(server, "SELECT email FROM maker")}
    stored = {story_id: (title, email) for story_id, title, email in rows(
        server, "SELECT story.id, story.title, maker.email FROM story "
                "JOIN maker ON maker.id = story.maker_id")}
    indexed = indexed_story_ids(server)
    assert acknowledged <= emails, sorted(acknowledged - emails)
    expected = {story_id: (title, v.email) for v in visitors
                for story_id, title in v.titles.items()}
    wrong = {i: (want, stored.get(i)) for i, want in expected.items() if stored.get(i) != want}
    assert not wrong, wrong
    assert set(titles) <= indexed, sorted(set(titles) - indexed)
    # Each new account was sent its confirmation mail.
    assert acknowledged <= mailed, sorted(acknowledged - mailed)
