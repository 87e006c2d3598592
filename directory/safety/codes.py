"""Customer codes: one-time codes a maker hands to real customers, so a kind
word left with one shows as "from a customer".

A code is ten Crockford base32 characters (50 bits), shown `XXXXX-XXXXX`,
derived with the site's secret key from its batch's random salt and its number
on the sheet: the maker can print the cards again, and the database holds only
the salt and a keyed hash of each code (`digest`). It is read leniently, as a
link's code is: case, hyphens and spaces do not matter; I and L read as 1, O as 0.
"""

import hashlib
import hmac
import secrets

from flask import current_app

from .verification import CODE_LENGTH, CROCKFORD, normalise_code


def _key():
    return current_app.config["SECRET_KEY"].encode()


def new_salt():
    return secrets.token_hex(16)


def code_of(batch_salt, number):
    """The code at `number` (from 1) of the batch with this salt, as printed: "XXXXX-XXXXX"."""
    message = f"customer-code:{batch_salt}:{number}".encode()
    value = int.from_bytes(hmac.new(_key(), message, hashlib.sha256).digest()[:8]) >> 14
    characters = "".join(CROCKFORD[(value >> (5 * n)) & 31] for n in range(CODE_LENGTH))
    return f"{characters[:5]}-{characters[5:]}"


def canonical(text):
    """The ten characters a typed code stands for, or None when it cannot be a code."""
    code = normalise_code(text)
    if len(code) != CODE_LENGTH or any(char not in CROCKFORD for char in code):
        return None
    return code


def digest(text):
    """The keyed hash the database keeps of a code, or None when it cannot be a code."""
    code = canonical(text)
    if code is None:
        return None
    return hmac.new(_key(), f"customer-code-digest:{code}".encode(), hashlib.sha256).hexdigest()


def shown(text):
    """A typed code as it is printed ("k7qx m2pdi" -> "K7QXM-2PD1"), or the text itself."""
    code = canonical(text)
    return f"{code[:5]}-{code[5:]}" if code else text
