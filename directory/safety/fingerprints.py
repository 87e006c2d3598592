"""Near-duplicate text: has this story or profile been copied from another maker's?

Each text becomes a set of five-word shingles, summarised by a MinHash
signature (32 values) whose bands are stored in an indexed table. Texts that
share a band are candidates; their full signatures estimate how much of the
text they share (the Jaccard similarity of the shingle sets). Changing a word
or adding a sentence keeps a copy close; two stories about the same craft
in different words stay far apart.

Only texts that were on the site first count: a maker whose story someone
copied is never taken for the copier.
"""

import hashlib
import re
import unicodedata

from ..content.text import without_links
from ..extensions import db
from ..models import Maker, Story, TextBand, TextPrint, subject_key

SHINGLE_WORDS = 5
MIN_WORDS = 25  # shorter texts say too little to call a copy
HASHES = 32
ROWS_PER_BAND = 2
MERSENNE = (1 << 61) - 1
MAX_CANDIDATES = 50

# Fixed (a, b) pairs for the hash family h(x) = (a*x + b) mod p, so the
# signatures stored in the database stay comparable from one run to the next.
_PAIRS = [
    (int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % MERSENNE | 1,
     int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % MERSENNE)
    for i in range(HASHES)
]
WORD = re.compile(r"\w+")


def words(text):
    """The words of a text, folded: case, accents and web addresses ignored."""
    text = unicodedata.normalize("NFKD", without_links(text, " ").casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return WORD.findall(text)


def _hash(value):
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest())


def signature(text):
    """The MinHash signature of a text, or None when it is too short to judge."""
    found = words(text)
    if len(found) < MIN_WORDS:
        return None
    shingles = {
        _hash(" ".join(found[i:i + SHINGLE_WORDS]))
        for i in range(len(found) - SHINGLE_WORDS + 1)
    }
    return [min((a * x + b) % MERSENNE for x in shingles) for a, b in _PAIRS]


def band_keys(values):
    """One signed 63-bit key per band of the signature (fits BIGINT everywhere)."""
    keys = []
    for start in range(0, len(values), ROWS_PER_BAND):
        band = " ".join(map(str, values[start:start + ROWS_PER_BAND]))
        keys.append(_hash(f"{start}:{band}") >> 1)
    return keys


def similarity(one, other):
    """The share of equal values: an estimate of the texts' shared shingles."""
    return sum(a == b for a, b in zip(one, other, strict=True)) / len(one)


def text_of_story(story):
    return " ".join((story.title, story.body_md))


def text_of_profile(maker):
    return " ".join((maker.tagline, maker.about_md))


def remember(maker, story=None):
    """Store (or refresh) the fingerprint of a profile or a story. Inside the
    write's transaction. The row keeps its id, so its age on the site stays."""
    subject = subject_key(maker, story)
    values = signature(text_of_story(story) if story is not None else text_of_profile(maker))
    existing = TextPrint.get_or_none(TextPrint.subject == subject)
    if values is None:
        if existing is not None:
            existing.delete_instance()
        return
    text = " ".join(map(str, values))
    if existing is None:
        existing = TextPrint.create(subject=subject, maker=maker, story=story, signature=text)
    else:
        TextPrint.update(signature=text).where(TextPrint.id == existing.id).execute()
        TextBand.delete().where(TextBand.text_print == existing.id).execute()
    TextBand.insert_many(
        [{"text_print": existing.id, "key": key} for key in band_keys(values)]
    ).execute()


def closest_copy(text, maker, story=None):
    """(similarity, TextPrint) of the most similar earlier text by another
    maker, or (0.0, None)."""
    values = signature(text)
    if values is None:
        return 0.0, None
    own = TextPrint.get_or_none(TextPrint.subject == subject_key(maker, story))
    query = (
        TextPrint.select()
        .join(TextBand)
        .where(TextBand.key.in_(band_keys(values)) & (TextPrint.maker != maker.id))
        .distinct()
        .limit(MAX_CANDIDATES)
    )
    if own is not None:
        query = query.where(TextPrint.id < own.id)
    best, best_print = 0.0, None
    for candidate in query:
        score = similarity(values, [int(value) for value in candidate.signature.split()])
        if score > best:
            best, best_print = score, candidate
    return best, best_print


def rebuild():
    """Fingerprint every profile and story again, oldest first."""
    with db.atomic():
        TextBand.delete().execute()
        TextPrint.delete().execute()
        for maker in Maker.select().order_by(Maker.id):
            remember(maker)
        for story in Story.select().order_by(Story.id):
            remember(story.maker, story)
