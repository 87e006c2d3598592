"""Password rules: long enough, not absurdly long, and not a common password.

Hashing is werkzeug's scrypt (Maker.set_password). The common-password list
is the top 10,000 of a public frequency list, shipped in directory/safety/data/.
"""

from functools import cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 128  # checked as typed: no truncation anywhere
COMMON_LIST = Path(__file__).parent / "data" / "common_passwords.txt"


@cache
def common_passwords():
    lines = COMMON_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common(password):
    """True when the password (ignoring case) is on the common list."""
    return (password or "").casefold() in common_passwords()
