"""The production path: gunicorn serves `app:app`, configured by environment."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from directory.extensions import db

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, process, seconds=20):
    """The body at url once the server answers; fails if the server died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                return response.read()
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"no answer from {url}")


@pytest.fixture
def production_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DIRECTORY_ENV", "FLASK_DEBUG")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'prod.sqlite3'}"
    env["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    env["OUTBOX_FOLDER"] = str(tmp_path / "outbox")
    env["SECRET_KEY"] = "a-production-secret-from-the-environment"
    return env


def run(args, env):
    return subprocess.run(  # noqa: S603 (our own commands, fixed arguments)
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_gunicorn_serves_the_app_with_two_workers(production_env):
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    assert run([*flask, "init-db"], production_env).returncode == 0
    assert run([*flask, "seed-demo"], production_env).returncode == 0
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [str(GUNICORN), "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:app"],
        cwd=ROOT, env=production_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz", server) == b"ok\n"
        home = wait_for(f"http://127.0.0.1:{port}/makers", server)
        assert home.count(b"maker-card") == 24  # a full first page of demo makers
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def test_production_start_without_secret_key_refuses_clearly(production_env):
    del production_env["SECRET_KEY"]
    result = run([sys.executable, "-c", "import app"], production_env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(app):
    with app.app_context(), db.connection_context():
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_gunicorns_production_settings_load(production_env):
    """gunicorn.conf.py is read by gunicorn itself and names sane settings."""
    result = run([str(GUNICORN), "--check-config", "--print-config", "app:app"],
                 production_env)
    assert result.returncode == 0, result.stderr
    printed = {key.strip(): value.strip() for key, value in
               (line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)}
    assert printed["bind"].strip() == "['127.0.0.1:8000']"
    assert printed["worker_class"].strip() == "sync"
    assert printed["timeout"].strip() == "30"
    assert int(printed["workers"]) >= 3
