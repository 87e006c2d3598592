"""Small text helpers: slugs and place names."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def slugify(text, max_length=60):
    """Lower-case ASCII words joined by hyphens: "Élise's Pots" -> "elise-s-pots"."""
    ascii_text = (
        unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    )
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def tidy_place(place):
    """The place as the maker typed it, with spacing around commas made regular."""
    parts = [_SPACES.sub(" ", part).strip() for part in (place or "").split(",")]
    return ", ".join(part for part in parts if part)


def place_key(place):
    """A grouping key for a place, so "Bristol, UK" and " bristol ,uk" match."""
    return slugify(tidy_place(place), max_length=80)
