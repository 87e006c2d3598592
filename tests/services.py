"""Real PostgreSQL and Redis servers for the tests, each started on a free
loopback port in a temporary folder and removed afterwards, also when the
tests fail. Debian's packages provide them (the Makefile installs them).

    python -m tests.services pytest ...   # run a command with both running:
                                          # TEST_DATABASE_URL and TEST_REDIS_URL set

PostgreSQL refuses to run as root, so when the tests run as root the cluster
is made and started as the `postgres` user (runuser), in a folder it owns.
"""

# ruff: noqa: S603 (Debian's own PostgreSQL and Redis programs, with fixed arguments)

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import psycopg2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make test-postgres` installs it")
    return found[-1]


def as_postgres(command):
    """Run as the postgres user when we are root (initdb and postgres refuse root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} in {seconds} s")


@contextmanager
def postgres_cluster():
    """A throw-away cluster; yields the URL of a database `directory` in it."""
    folder = Path(tempfile.mkdtemp(prefix="directory-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run(as_postgres([postgres_bin("initdb"), "-D", str(data), "-U", "directory",
                                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                   check=True, capture_output=True)
    options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run(as_postgres([postgres_bin("pg_ctl"), "-D", str(data), "-o", options,
                                "-l", str(folder / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    try:
        wait_for(port)
        subprocess.run(as_postgres([postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(port),
                                    "-U", "directory", "directory"]), check=True)
        yield f"postgresql://directory@127.0.0.1:{port}/directory"
    finally:
        subprocess.run(as_postgres([postgres_bin("pg_ctl"), "-D", str(data), "-m", "immediate",
                                    "stop"]), check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis_server():
    """A Redis with no persistence; yields its URL."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        raise RuntimeError("Redis is not installed: `make test-postgres` installs it")
    folder = Path(tempfile.mkdtemp(prefix="directory-redis-"))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (Debian's redis-server, fixed arguments)
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def main(command):
    with postgres_cluster() as database_url, redis_server() as redis_url:
        env = {**os.environ, "TEST_DATABASE_URL": database_url, "TEST_REDIS_URL": redis_url}
        return subprocess.run(command, env=env, check=False).returncode  # noqa: S603



@contextmanager
def postgres_database(name):
    """A new, empty database `name` on the tests' PostgreSQL server (the one
    TEST_DATABASE_URL names, else a cluster started for the occasion)."""
    given = os.environ.get("TEST_DATABASE_URL", "")
    with (nullcontext(given) if given.startswith("postgres") else postgres_cluster()) as url:
        try:
            yield fresh_database(url, name)
        finally:
            as_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_database(url, name):
    """Drop and create the database `name` on the server `url` points at; its URL."""
    as_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return f"{url.rpartition('/')[0]}/{name}"


def as_admin(url, *statements):
    """Run statements outside a transaction (as CREATE and DROP DATABASE need)."""
    admin = psycopg2.connect(url)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        admin.close()


@contextmanager
def redis_url():
    """The tests' Redis (TEST_REDIS_URL), else one started for the occasion."""
    given = os.environ.get("TEST_REDIS_URL", "")
    with (nullcontext(given) if given else redis_server()) as url:
        yield url


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
