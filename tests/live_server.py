"""Shared by test_load.py and test_crash.py: the app served by a real gunicorn
on a temp SQLite file, a mail server that only listens, and a client that
talks to the server the way a browser does (a cookie jar, the CSRF token
from the form it was shown, redirects not followed, so a 303 can be seen).

Nothing here touches instance/: the database, the uploads and the log live
in the test's tmp_path, and mail goes to MailSink instead of instance/outbox.
"""

import os
import re
import signal
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import psycopg2

from tests.services import postgres_database
from tests.test_serving import GUNICORN, ROOT, free_port, run

FLASK = [sys.executable, "-m", "flask", "--app", "app"]
# Lines that must never appear in gunicorn's log: SQLite refusing a writer, an
# unhandled exception, a worker stuck long enough for the master to kill it.
ERROR_LINES = ("database is locked", "Traceback", "WORKER TIMEOUT")


# --- mail ------------------------------------------------------------------

class _SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: accept every message, keep the recipients."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost test mail sink")
        recipients, in_data = [], False
        for raw in self.rfile:
            line = raw.rstrip(b"\r\n")
            if in_data:
                if line == b".":
                    self.server.sink.received(recipients)
                    recipients, in_data = [], False
                    self.reply("250 accepted")
                continue
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 localhost")
            elif verb == b"RCPT":
                recipients.append(line.decode().partition("<")[2].rstrip(">"))
                self.reply("250 ok")
            elif verb == b"DATA":
                in_data = True
                self.reply("354 end with <CRLF>.<CRLF>")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            elif verb in (b"MAIL", b"RSET", b"NOOP"):
                self.reply("250 ok")
            else:
                self.reply("502 not implemented")


class _SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class MailSink:
    """An SMTP server on loopback for MAIL_SERVER; counts who was sent mail."""

    def __init__(self):
        self.recipients = []
        self._lock = threading.Lock()
        self._server = _SmtpServer(("127.0.0.1", 0), _SmtpSession)
        self._server.sink = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def received(self, recipients):
        with self._lock:
            self.recipients.extend(recipients)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# --- the server --------------------------------------------------------------

class LiveServer:
    """gunicorn serving app:app with production settings from the environment.

    It runs in its own process group (start_new_session), so kill() can take
    down the master and every worker at once, as a crash or an OOM kill would.
    stdout and stderr of every run are appended to one log file.
    """

    def __init__(self, tmp_path, mail_port, workers):
        self.db_path = tmp_path / "live.sqlite3"
        self.log_path = tmp_path / "gunicorn.log"
        self.control_socket = tmp_path / "gunicorn.ctl"  # not the shared ~/.gunicorn one
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        env = {k: v for k, v in os.environ.items() if k not in ("DIRECTORY_ENV", "FLASK_DEBUG")}
        env.update({
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "SECRET_KEY": "a-production-secret-for-the-live-tests",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(mail_port),
            "RATELIMIT_ENABLED": "false",  # many sign-ups and posts from one address
            "MIN_FILL_SECONDS": "0",  # clients fill forms at machine speed
        })
        self.env = env

    def flask(self, *args):
        result = run([*FLASK, *args], self.env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def start(self, seconds=30):
        """Start gunicorn and wait until /healthz answers."""
        with open(self.log_path, "a") as log:
            log.write(f"--- starting gunicorn at {time.time():.3f}\n")
            log.flush()
            self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
                [str(GUNICORN), "--workers", str(self.workers),
                 "--bind", f"127.0.0.1:{self.port}",
                 "--control-socket", str(self.control_socket), "app:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited at start:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                    if response.read() == b"ok\n":
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"gunicorn did not answer in {seconds} s:\n{self.log()}")

    def kill(self):
        """SIGKILL to gunicorn's whole process group: master and workers die at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._wait_for_group_gone()

    def stop(self):
        """Graceful shutdown (SIGTERM), SIGKILL if that takes too long; safe to repeat."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._wait_for_group_gone()
        self.process = None

    def _group_members(self):
        """Live (not zombie) processes in gunicorn's process group (Linux /proc)."""
        members = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue  # the process ended while we looked
            if int(fields[2]) == self.process.pid and fields[0] != "Z":
                members.append(int(stat.parent.name))
        return members

    def _wait_for_group_gone(self, seconds=10):
        """Workers outliving their master would keep the port and the database open."""
        deadline = time.monotonic() + seconds
        while self._group_members():
            if time.monotonic() > deadline:
                for pid in self._group_members():
                    os.kill(pid, signal.SIGKILL)
                break
            time.sleep(0.05)

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_errors(self, limit=3):
        """Each stretch of the log with one of ERROR_LINES, shortened to its log
        records, exception lines and the app's own frames; [] when there is none."""
        lines = self.log().splitlines()
        found, end = [], -1
        for i, line in enumerate(lines):
            if i <= end or not any(error in line for error in ERROR_LINES):
                continue
            start, end = max(i - 1, 0), i + 1
            while end < len(lines) and (lines[end][:1] in (" ", "\t", "")
                                        or not lines[end].startswith("[")):
                end += 1
            end = min(end, len(lines) - 1)  # the record after the traceback says what failed
            found.append("\n".join(
                line for line in lines[start:end + 1]
                if not line[:1].isspace() or str(ROOT / "directory") in line
            ))
        return found[:limit]


# --- either engine ------------------------------------------------------------

ENGINES = ["sqlite", "postgresql"]


@contextmanager
def on_engine(server, engine, name):
    """Point the server at a new PostgreSQL database `name` for the block, or
    leave it on its SQLite file."""
    if engine == "sqlite":
        yield
        return
    with postgres_database(name) as url:
        server.env["DATABASE_URL"] = url
        yield


def rows(server, sql):
    """The rows a read-only query gives on the server's database, either engine."""
    url = server.env["DATABASE_URL"]
    if url.startswith("sqlite"):
        db = sqlite3.connect(f"file:{server.db_path}?mode=ro", uri=True)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()
    with psycopg2.connect(url) as db, db.cursor() as cursor:
        cursor.execute(sql)
        found = cursor.fetchall()
    db.close()
    return found


def indexed_story_ids(server):
    """The ids of the stories in the search index, either engine."""
    if server.env["DATABASE_URL"].startswith("sqlite"):
        return {row[0] for row in rows(server, "SELECT rowid FROM story_index")}
    return {row[0] for row in rows(server, "SELECT id FROM story_search")}


def integrity_problems(server):
    """SQLite's integrity and foreign-key checks ([] when sound); PostgreSQL
    keeps both itself (WAL recovery, enforced foreign keys)."""
    if not server.env["DATABASE_URL"].startswith("sqlite"):
        return []
    problems = [row for row in rows(server, "PRAGMA integrity_check") if row != ("ok",)]
    return problems + rows(server, "PRAGMA foreign_key_check")


# --- a browser-like client ---------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Let a 3xx come back to the caller, who needs its status and Location."""

    def redirect_request(self, *args, **kwargs):
        return None


class _Inputs(HTMLParser):
    """name -> value of the <input>s of a page (hidden ones included)."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.values.setdefault(attrs["name"], attrs.get("value") or "")


def inputs_of(html):
    parser = _Inputs()
    parser.feed(html)
    return parser.values


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.location = headers.get("Location", "")
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """One visitor: its own cookies; every response's (status, method, path, seconds)
    recorded in `statuses`."""

    def __init__(self, base_url, timeout=30):
        self.base_url = base_url
        self.timeout = timeout
        self.statuses = []
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def request(self, path, fields=None):
        """GET path, or POST the form fields to it. Connection errors propagate."""
        data = urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base_url + path, data=data)  # noqa: S310 (loopback)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                result = Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            with error:
                result = Response(error.code, error.headers, error.read())
        seconds = round(time.monotonic() - started, 2)
        self.statuses.append((result.status, "POST" if data else "GET", path, seconds))
        return result

    def get(self, path):
        return self.request(path)

    def submit(self, form_path, fields, post_path=None):
        """GET the form, then POST it back with its hidden inputs (the CSRF token)."""
        page = self.get(form_path)
        assert page.status == 200, (form_path, page.status, page.text[:500])
        hidden = inputs_of(page.text)
        data = {name: hidden[name] for name in ("csrf_token", "started") if name in hidden}
        assert "csrf_token" in data, f"no csrf_token on {form_path}"
        return self.request(post_path or form_path, {**data, **fields})


STORY_EDIT = re.compile(r"/account/stories/(\d+)/edit$")


def signup(browser, email, name, password="a long load-test password"):  # noqa: S107 (a test account)
    """POST the signup form; the response (a 303 to /account acknowledges the account)."""
    return browser.submit("/signup", {
        "display_name": name, "email": email, "password": password, "website": "",
    })


def refusal(response):
    """The status, heading and error messages of a page that refused a form, for a report."""
    heading = re.search(r"<h1[^>]*>\s*([^<]{1,200}?)\s*<", response.text)
    errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>\s*([^<\s][^<]{0,200}?)\s*<',
                        response.text)
    return f"{response.status} {heading.group(1) if heading else ''!r} {errors}"


def save_story(browser, title, body, story_id=None, action="publish"):
    """New story (story_id None) or an edit; the story's id when acknowledged (303), else None."""
    path = f"/account/stories/{story_id}/edit" if story_id else "/account/stories/new"
    response = browser.submit(path, {"title": title, "body": body, "action": action})
    if response.status != 303:
        return None
    found = STORY_EDIT.search(response.location)
    assert found, response.location
    assert story_id is None or int(found.group(1)) == story_id
    return int(found.group(1))
