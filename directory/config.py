"""Configuration: safe defaults, then environment variables, then test overrides."""

import os
import secrets
from pathlib import Path

# The spam model holds an item at this probability of spam (README, "Spam
# and moderation", says how it was chosen).
SPAM_HOLD_PROBABILITY = 0.8
MISSING_KEY_MESSAGE = (
    "SECRET_KEY is not set. In production, set it in the environment, e.g.\n"
    "  export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')\n"
    "For local development use `make run`, or set DIRECTORY_ENV=development."
)


def defaults(instance_path):
    """Settings that work out of the box on one machine."""
    return {
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / 'directory.sqlite3'}",
        # The connections each worker keeps (both engines), how long an idle
        # one lives, and how long a request waits for one when all are busy.
        "DB_POOL_SIZE": 8,
        "DB_POOL_STALE_SECONDS": 300,
        "DB_POOL_WAIT_SECONDS": 10,
        "MAKERS_PER_PAGE": 24,
        "STORIES_PER_PAGE": 9,
        "UPLOAD_FOLDER": str(Path(instance_path) / "uploads"),
        "MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
        # Mail: SMTP when MAIL_SERVER is set, else .eml files in the outbox folder.
        "MAIL_SERVER": None,
        "MAIL_DEFAULT_SENDER": "Makers' Directory <no-reply@localhost>",
        "OUTBOX_FOLDER": str(Path(instance_path) / "outbox"),
        "MAX_IMAGE_PIXELS": 40_000_000,
        "PHOTOS_PER_STORY": 8,
        "FACETS_CACHE_SECONDS": 60,
        # The anonymous page cache (directory/web/page_cache.py), per worker.
        "PAGE_CACHE_SECONDS": 60,  # the oldest page served from it; 0 turns it off
        "PAGE_CACHE_MAX_BYTES": 32 * 1024 * 1024,
        # Compression of text responses (flask-compress): brotli, else gzip.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_MIN_SIZE": 500,
        "COMPRESS_STREAMS": False,  # static files are compressed once (web/static_files.py)
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        # Form fields (not files) held in memory, and the number of parts.
        "MAX_FORM_MEMORY_SIZE": 1024 * 1024,
        "MAX_FORM_PARTS": 200,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # Moderation and the spam rules.
        "NEW_ACCOUNT_DAYS": 7,  # the rules check accounts younger than this, or unconfirmed
        "REPORTS_TO_HIDE": 3,  # reports from this many people hide an item until reviewed
        "MIN_FILL_SECONDS": 3,  # signup and report forms sent faster are refused
        "REVIEWS_PER_PAGE": 20,
        # The learned spam model (directory/safety/spam_model/): it holds an
        # item when its probability of spam reaches SPAM_HOLD_PROBABILITY;
        # SPAM_RULES_ONLY lets the hand-weighted rules decide alone.
        "SPAM_RULES_ONLY": False,
        "SPAM_HOLD_PROBABILITY": SPAM_HOLD_PROBABILITY,
        "SPAM_MODEL_FOLDER": str(Path(instance_path) / "spam-models"),
        "LOG_PER_PAGE": 50,
        # Rate limits (Flask-Limiter). Counters live in memory, per process,
        # or in Redis when REDIS_URL (or RATELIMIT_STORAGE_URI) is set; if
        # Redis goes away, each process counts on its own, with a warning in
        # the log, until it is back.
        "REDIS_URL": "",
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        "RATELIMIT_HEADERS_ENABLED": True,
        "SIGNUP_LIMIT": "5 per hour",
        "LOGIN_LIMIT": "10 per minute; 50 per hour",  # per address
        "LOGIN_ACCOUNT_LIMIT": "5 per minute; 20 per hour",  # per account tried
        "POSTING_LIMIT": "60 per hour",
        "REPORT_LIMIT": "10 per hour",
        "MAIL_LIMIT": "5 per hour",  # confirmation and reset mails asked for
        "KIND_WORD_LIMIT": "5 per hour",  # kind words sent from one address
        "KIND_WORD_MAKER_LIMIT": "30 per day",  # kind words sent to one maker
        # Kind words and events.
        "KIND_WORD_CODE_DAYS": 365,  # how long a customer code works
        "KIND_WORDS_ON_PROFILE": 20,
        "EVENTS_PER_PAGE": 20,
        # The CSRF token lives as long as the session, so a profile written
        # slowly is not refused on save.
        "WTF_CSRF_TIME_LIMIT": None,
        # Verified links (directory/safety/verification.py, content/fetch/).
        "SITE_URL": "",  # the site's address, for links built outside a request (cron)
        "LINK_RECHECK_DAYS": 7,  # recheck-links looks again at proofs older than this
        "LINK_FAILURES_TO_DROP": 3,  # failed checks, a day or more apart, that drop a badge
        "VERIFY_LIMIT": "10 per hour",  # checks a maker may ask for
        "FETCH_PORTS": [80, 443],
        "FETCH_ALLOW_HOSTS": [],  # hosts exempt from the address rule: for tests only
        "FETCH_USER_AGENT": "MakersDirectory-LinkCheck/1.0 (verifies makers' own links)",
    }


def from_environment(environ=os.environ):
    """Settings an operator sets with environment variables."""
    config = {}
    for name in ("DATABASE_URL", "SECRET_KEY", "UPLOAD_FOLDER", "OUTBOX_FOLDER",
                 "REDIS_URL", "RATELIMIT_STORAGE_URI", "SITE_URL", "VERIFY_LIMIT",
                 "SPAM_MODEL_FOLDER",
                 "MAIL_SERVER", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_DEFAULT_SENDER",
                 "SIGNUP_LIMIT", "LOGIN_LIMIT", "LOGIN_ACCOUNT_LIMIT", "POSTING_LIMIT",
                 "REPORT_LIMIT", "KIND_WORD_LIMIT", "KIND_WORD_MAKER_LIMIT"):
        if environ.get(name):
            config[name] = environ[name]
    for name in ("MAX_UPLOAD_BYTES", "MAX_IMAGE_PIXELS", "NEW_ACCOUNT_DAYS", "REPORTS_TO_HIDE",
                 "MIN_FILL_SECONDS", "MAIL_PORT", "LINK_RECHECK_DAYS", "LINK_FAILURES_TO_DROP",
                 "KIND_WORD_CODE_DAYS", "PAGE_CACHE_SECONDS", "PAGE_CACHE_MAX_BYTES",
                 "DB_POOL_SIZE", "DB_POOL_STALE_SECONDS", "DB_POOL_WAIT_SECONDS"):
        if environ.get(name, "").isdigit():
            config[name] = int(environ[name])
    if environ.get("SPAM_RULES_ONLY", "").lower() in ("1", "true", "yes"):
        config["SPAM_RULES_ONLY"] = True
    if environ.get("SPAM_HOLD_PROBABILITY"):
        config["SPAM_HOLD_PROBABILITY"] = probability(environ["SPAM_HOLD_PROBABILITY"])
    if environ.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes"):
        config["MAIL_USE_TLS"] = True
    if environ.get("FETCH_ALLOW_HOSTS"):
        # Lets the link checker reach these hosts whatever their address: for a
        # test server only. create_app warns when it is set outside development.
        config["FETCH_ALLOW_HOSTS"] = environ["FETCH_ALLOW_HOSTS"].replace(",", " ").split()
    if environ.get("RATELIMIT_ENABLED", "").lower() in ("0", "false", "no"):
        config["RATELIMIT_ENABLED"] = False
    if environ.get("SESSION_COOKIE_SECURE", "").lower() in ("1", "true", "yes"):
        config["SESSION_COOKIE_SECURE"] = True
        config["REMEMBER_COOKIE_SECURE"] = True
        config["PREFERRED_URL_SCHEME"] = "https"
    return config


def share_through_redis(app):
    """With REDIS_URL set, the rate-limit counters live there (unless
    RATELIMIT_STORAGE_URI names another store), so every host counts together."""
    if app.config["REDIS_URL"] and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]


def probability(text):
    """A number between 0 and 1, or a clear error at start-up."""
    value = float(text)
    if not 0.0 < value <= 1.0:
        raise ValueError(f"SPAM_HOLD_PROBABILITY must be above 0 and at most 1, not {text}")
    return value


def is_development(app, environ=os.environ):
    """Development is `flask run --debug`, DIRECTORY_ENV=development, or tests."""
    return app.debug or app.testing or environ.get("DIRECTORY_ENV") == "development"


def development_secret(instance_path):
    """A secret key generated once into instance/ and reused after that."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def warn_about_fetch_exemptions(app):
    """FETCH_ALLOW_HOSTS opens the link checker to private addresses: say so loudly."""
    if app.config["FETCH_ALLOW_HOSTS"] and not is_development(app):
        app.logger.warning("FETCH_ALLOW_HOSTS is set (%s): the link checker may fetch these "
                           "hosts at private addresses. Unset it in production.",
                           ", ".join(app.config["FETCH_ALLOW_HOSTS"]))


def ensure_secret_key(app):
    """Use SECRET_KEY if set; generate one in development; refuse otherwise."""
    if app.config.get("SECRET_KEY"):
        return
    if not is_development(app):
        raise RuntimeError(MISSING_KEY_MESSAGE)
    app.config["SECRET_KEY"] = development_secret(app.instance_path)
