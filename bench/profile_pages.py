"""Where each public page's time goes, with pyinstrument, in process.

    make profile                       # 100,000 stories
    BENCH_STORIES=10000 make profile

It seeds a throw-away database, then renders each page PROFILE_RUNS times
for a logged-in maker (so the page cache never answers: this is the cost of
making the page) and once more for a visitor from the cache, and writes one
text profile per page to bench/profiles/.
"""

import os
import tempfile
from pathlib import Path

from pyinstrument import Profiler

from bench.client import sample
from directory import create_app
from directory.database.migrations import init_db
from directory.extensions import db
from directory.models import Maker

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("PROFILE_RUNS", "50"))


def build(folder, stories):
    app = create_app({"SECRET_KEY": "profile", "DATABASE_URL": f"sqlite:///{folder}/p.sqlite3",
                      "UPLOAD_FOLDER": f"{folder}/uploads", "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False})
    with app.app_context():
        init_db()
    result = app.test_cli_runner().invoke(
        args=["seed-demo", "--makers", str(stories // 10), "--stories", str(stories)])
    assert result.exit_code == 0, result.output
    return app


def logged_in(app):
    """A test client logged in as a maker with a usable password."""
    client = app.test_client()
    with app.app_context(), db.connection_context():
        maker = Maker.select().where(Maker.status == Maker.STATUS_ACTIVE).first()
        maker.set_password("a long profile password")
        maker.save(only=("password_hash",))
        email = maker.email
    client.post("/login", data={"email": email, "password": "a long profile password"})
    return client


def main():
    stories = int(os.environ.get("BENCH_STORIES", "100000"))
    out = ROOT / "bench" / "profiles"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = build(folder, stories)
        found = sample(f"sqlite:///{folder}/p.sqlite3")
        paths = {"home": "/", "makers": "/makers", "profile": f"/makers/{found['slug']}",
                 "story": f"/stories/{found['story']}", "search": "/search?q=quillwork",
                 "feed": "/feeds/stories.atom",
                 "makers-by-craft": f"/makers?craft={found['craft']}&place={found['place']}"}
        client, visitor = logged_in(app), app.test_client()
        for name, path in paths.items():
            for who, browser in (("logged-in", client), ("cached", visitor)):
                browser.get(path)  # warm: templates compiled, the cache filled
                profiler = Profiler(interval=0.0005)
                profiler.start()
                for _ in range(RUNS):
                    assert browser.get(path).status_code == 200, path
                profiler.stop()
                text = profiler.output_text(unicode=True, color=False)
                (out / f"{name}-{who}.txt").write_text(
                    f"{path} at {stories:,} stories, {RUNS} requests, {who}\n{text}")
                per_request = profiler.last_session.duration / RUNS * 1000
                print(f"{name:16} {who:10} {per_request:6.2f} ms per request")
    print(f"Profiles written to {out}")


if __name__ == "__main__":
    main()
