"""What the page bench needs besides wrk: free ports, waiting for a server,
a logged-in maker's cookie, sample pages from the database, page weights."""

import multiprocessing
import os
import platform
import re
import socket
import sqlite3
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import psycopg2

from bench.wrk import ACCEPT_ENCODING

PASSWORD = "a long bench password"  # noqa: S105 (a throw-away account)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited at start (code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def machine():
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def workers():
    return int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))


def log_in(base_url):
    """Sign a new maker up through the real form; their session cookie."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base_url + "/signup").read().decode()  # noqa: S310 (loopback)
    fields = dict(re.findall(r'name="(csrf_token|started)"[^>]*value="([^"]*)"', form))
    fields.update({"display_name": "Bench Maker", "email": "bench@example.com",
                   "password": PASSWORD, "website": ""})
    opener.open(base_url + "/signup", urlencode(fields).encode()).read()  # noqa: S310
    cookies = {cookie.name: cookie.value for cookie in jar}
    assert "session" in cookies, "signing up gave no session"
    return f"session={cookies['session']}"


def connect(url, mode="ro"):
    """A DB-API connection and its parameter mark, for a database URL
    (SQLite read-only unless mode="rw")."""
    if url.startswith("sqlite:///"):
        return sqlite3.connect(f"file:{url[len('sqlite:///'):]}?mode={mode}", uri=True), "?"
    return psycopg2.connect(url), "%s"


def sample(url):
    """A public maker with a place and stories, one of their stories, a craft of theirs."""
    db, mark = connect(url)
    try:
        cursor = db.cursor()

        def one(sql, *params):
            cursor.execute(sql.replace("?", mark), params)
            return cursor.fetchone()

        slug, maker_id, place = one(
            "SELECT slug, id, place_key FROM maker WHERE place_key != '' AND status = 'active' "
            "AND moderation = 'visible' AND EXISTS (SELECT 1 FROM story WHERE maker_id = maker.id "
            "AND status = 'published') ORDER BY id LIMIT 1")
        story = one("SELECT id FROM story WHERE maker_id = ? AND status = 'published' "
                    "ORDER BY id LIMIT 1", maker_id)[0]
        craft = one("SELECT craft FROM maker_craft WHERE maker_id = ? LIMIT 1", maker_id)[0]
    finally:
        db.close()
    return {"slug": slug, "story": story, "craft": craft, "place": place}


def fill_sample_place(url, size=30):
    """Give `size` public makers, spread across the ids, the sample maker's
    place and craft, so "makers by craft and place" is a full page at every
    size: the scale run then compares pages of the same length as the
    directory grows, not a page of three cards with one of 24."""
    found = sample(url)
    db, mark = connect(url, mode="rw")
    try:
        cursor = db.cursor()

        def run(sql, *params):
            cursor.execute(sql.replace("?", mark), params)
            return cursor

        place = run("SELECT place FROM maker WHERE slug = ?", found["slug"]).fetchone()[0]
        ids = [row[0] for row in run(
            "SELECT id FROM maker WHERE status = 'active' AND moderation = 'visible' ORDER BY id")]
        for maker_id in ids[::max(len(ids) // size, 1)][:size]:
            run("UPDATE maker SET place = ?, place_key = ? WHERE id = ?", place, found["place"],
                maker_id)
            run("INSERT INTO maker_craft (maker_id, craft) SELECT ?, ? WHERE NOT EXISTS "
                "(SELECT 1 FROM maker_craft WHERE maker_id = ? AND craft = ?)",
                maker_id, found["craft"], maker_id, found["craft"])
        db.commit()
    finally:
        db.close()


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING,  # noqa: S310
                                                   **(headers or {})})
    with urllib.request.urlopen(request) as response:  # noqa: S310 (loopback)
        return response.read()


def first_visit_weight(base_url):
    """Bytes on the wire for the home page and the CSS, scripts and icons it links."""
    page = fetch(base_url + "/")
    html = fetch(base_url + "/", {"Accept-Encoding": "identity"}).decode()
    assets = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html))
    return len(page) + sum(len(fetch(base_url + asset.replace("&amp;", "&"))) for asset in assets)


def fragment_weight(base_url, path):
    return len(fetch(base_url + path, {"HX-Request": "true"}))
