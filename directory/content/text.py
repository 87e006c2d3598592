"""Small text helpers: names, slugs, places, web addresses and row ids in text."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")

# Characters that change how text looks or reads without being visible:
# bidirectional overrides and isolates, zero-width characters, the BOM.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad\u034f\u180e]"
)
# Letters from other scripts that look like Latin ones (Cyrillic, Greek), and
# digits that pass for letters, for comparing names only.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝ" "АВЕКМНОРСТХІЈЅ" "αεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ" "013457$@",
    "aeopcyxijsdqw" "abekmhopctxijs" "aeikvoptuxabehikmnoptyxz" "oieastsa",
)
STAFF_WORDS = frozenset({"moderator", "moderators", "moderation", "admin", "admins",
                         "administrator", "administrators", "staff", "official", "officials"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A web address in running text: "https://..." or "www....", up to a space,
# bracket or quote. The spam rules, the fingerprints and the log all use it.
WEB_ADDRESS = re.compile(r"""(?:https?://|www\.)[^\s<>()\[\]"']+""", re.IGNORECASE)
LARGEST_ID = 2**63 - 1  # the largest integer SQLite and PostgreSQL keys hold


def clean_name(text):
    """A name as shown: NFKC-normalised, without invisible or control
    characters, single spaces. "Ａｄａ\u202e" -> "Ada"."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _INVISIBLE.sub("", text)
    text = "".join(char for char in text if unicodedata.category(char)[0] != "C")
    return _SPACES.sub(" ", text).strip()


def name_skeleton(text):
    """What a name looks like, for spotting look-alikes: "Mоderatоr" (with
    Cyrillic o's) and "M0derator" both give "moderator"; "SiteModerator"
    gives "site moderator"."""
    text = _CAMEL.sub(" ", clean_name(text)).casefold().translate(_LOOKALIKES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z]+", text))


def poses_as_staff(name):
    """True when a name reads as the site's own staff: "Site Moderator",
    "Admin", "The M0derators", "Makers Directory" are."""
    skeleton = name_skeleton(name)
    return bool(STAFF_WORDS & set(skeleton.split())) or "makers directory" in skeleton


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


_WHOLE_ADDRESS = re.compile(WEB_ADDRESS.pattern + r"\S*", re.IGNORECASE)


def without_links(text, placeholder="[link]"):
    """Text with every web address, up to the next space, replaced by the placeholder."""
    return _WHOLE_ADDRESS.sub(placeholder, text or "")


def parse_id(text):
    """A row id from text, or None: ASCII digits, 1 up to LARGEST_ID."""
    text = str(text or "")
    if (len(text) <= len(str(LARGEST_ID)) and text.isascii() and text.isdigit()
            and 0 < int(text) <= LARGEST_ID):
        return int(text)
    return None
