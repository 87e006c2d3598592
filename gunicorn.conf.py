"""gunicorn's settings for production: `gunicorn app:app` reads this file.

Each setting can be changed on the command line (`--workers 8`) or through
the environment variables named below.
"""

import multiprocessing
import os

# Where to listen: behind a reverse proxy (nginx, Caddy) on the same machine.
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers: each request has a worker to itself, and SQLite's writers
# queue on its lock. Two per core and one more keeps the cores busy while
# some workers wait on the database or the network.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer than this is a bug or an attack: the worker is
# replaced. Link checks take at most 15 s, so 30 leaves room.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20  # on a restart, requests under way get this long to finish
keepalive = 5  # seconds an idle connection from the proxy is kept open
