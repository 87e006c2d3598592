"""The generation numbers, read on every anonymous request at the cost of
one statement: on SQLite, through a connection each worker process keeps
open for this alone. A page served from the cache then never opens the
request's own connection (and never runs its PRAGMAs).

The numbers are written by the write path, in its transactions, through
the model (models/generations.py); this only reads them.
"""

import os
import sqlite3
import threading

from ..extensions import db, is_sqlite
from ..models import Generation

LOOKUP = 'SELECT "scope", "value" FROM "generation" WHERE "scope" IN ({})'

_local = threading.local()


def _reader():
    """This process's (and thread's) read-only connection to the database file."""
    path = db.obj.database
    held = getattr(_local, "held", None)
    if held is not None and held[:2] == (os.getpid(), path):
        return held[2]
    if held is not None and held[0] == os.getpid():
        held[2].close()
    connection = sqlite3.connect(path, check_same_thread=True)
    connection.execute("PRAGMA query_only = 1")
    _local.held = (os.getpid(), path, connection)
    return connection


def current(scopes):
    """{scope: number} for these scopes (0 for a scope never changed)."""
    scopes = list(scopes)
    if not is_sqlite():
        was_closed = db.is_closed()
        try:
            return Generation.current(scopes)
        finally:
            if was_closed:  # opened for this alone (a kept page): back to the pool
                db.close()
    rows = _reader().execute(LOOKUP.format(", ".join("?" * len(scopes))), scopes)
    found = dict(rows.fetchall())
    return {scope: found.get(scope, 0) for scope in scopes}
