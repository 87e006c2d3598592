"""Shared extension objects, created once and bound to the app in the factory."""

from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mail import Mail
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx
from peewee import DatabaseProxy, SqliteDatabase

# The engine behind it is chosen by DATABASE_URL (directory/database/engine.py).
db = DatabaseProxy()
login_manager = LoginManager()
htmx = Htmx()
csrf = CSRFProtect()
mail = Mail()
compress = Compress()
# Storage and switches come from the app config (RATELIMIT_STORAGE_URI...).
limiter = Limiter(get_remote_address)


def is_sqlite():
    """True when the database behind `db` is SQLite."""
    return isinstance(db.obj, SqliteDatabase)
