"""Text as the spam rules and the model read it, with the tricks undone.

Spam disguises its words so that word lists miss them: letters from another
script that look like Latin ones ("сrурtо" in Cyrillic), decorated letters
("𝐜𝐫𝐲𝐩𝐭𝐨", "ｃｒｙｐｔｏ"), zero-width characters inside words, spaced-out
letters ("c r y p t o") and digits for letters ("l1nk", "b1tc0in").
`normalised(text)` undoes them and counts each trick, because using one is a
signal of its own. The maker's text itself is never changed: this is only
what the rules look at.

Look-alike letters are folded to their Latin skeleton (Unicode's
confusables, from the confusable-homoglyphs package) only inside words that
mix scripts, or words made entirely of look-alikes within Latin text; a
Russian or Greek sentence written in its own script is left as it is.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from confusable_homoglyphs.categories import alias
from confusable_homoglyphs.confusables import confusables_data

from ..content.text import WEB_ADDRESS

# Characters that change how text reads without being seen: zero-width
# characters, joiners, bidirectional controls, the BOM, soft hyphens.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
                       "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]")
TOKEN = re.compile(r"\S+")
LETTERS = re.compile(r"[^\W\d_]+")
# Four or more single letters, each followed by the same separator:
# "c r y p t o", "C.R.Y.P.T.O", "c-r-y-p-t-o".
SPACED = re.compile(r"(?<!\w)((?:[^\W\d_]([ .\-_*·|])){3,}[^\W\d_])(?!\w)")
DIGIT_FOR_LETTER = str.maketrans("013457$", "oieasts")
SWAPPABLE = frozenset("013457$")
LETTERS_AND_DIGITS = re.compile(r"[\w$]+")


@dataclass
class Normalised:
    """The folded text and how many of each trick it used."""

    text: str
    raw: str
    invisible: int = 0  # zero-width and bidi characters removed
    decorated: int = 0  # characters NFKC changed (fullwidth, maths letters...)
    folded_words: int = 0  # words folded from look-alike letters
    mixed_script_words: int = 0  # words mixing letters of two scripts
    spaced_words: int = 0  # spaced-out words joined
    digit_swaps: int = 0  # words with digits for letters undone
    signals: dict = field(default_factory=dict)

    def __post_init__(self):
        self.signals = {
            "invisible": self.invisible, "decorated": self.decorated,
            "folded": self.folded_words, "mixed_script": self.mixed_script_words,
            "spaced": self.spaced_words, "digit_swaps": self.digit_swaps,
        }


@cache
def latin_lookalike(char):
    """The ASCII letter a character of another script passes for, or None."""
    for glyph in confusables_data.get(char, ()):
        candidate = glyph["c"]
        if len(candidate) == 1 and candidate.isascii() and candidate.isalpha():
            return candidate
    return None


@cache
def script_of(char):
    """The script of a letter ("LATIN", "CYRILLIC"...), or None for others."""
    if not char.isalpha():
        return None
    return alias(char)


def scripts_in(word):
    return {script for script in map(script_of, word) if script}


def fold_word(word, latin_text):
    """(the word's Latin skeleton, folded?, mixed?) for one word."""
    scripts = scripts_in(word)
    mixed = len(scripts) > 1 and "LATIN" in scripts
    foreign = [char for char in word if script_of(char) not in (None, "LATIN")]
    if not foreign:
        return word, False, False
    lookalikes = [latin_lookalike(char) for char in foreign]
    if not all(lookalikes) or not (mixed or latin_text):
        return word, False, mixed
    table = dict(zip(foreign, lookalikes, strict=True))
    return "".join(table.get(char, char) for char in word), True, mixed


def undo_digits(word):
    """"l1nk" -> "link", "b1tc0in" -> "bitcoin", "0nline" -> "online"; leaves
    numbers, units and ordinals ("5k", "20cm", "3rd", "cone6") alone."""
    if not any(char in SWAPPABLE for char in word):
        return word
    if word[0].isalpha():
        first = next(i for i, char in enumerate(word) if char in SWAPPABLE)
        if any(char.isalpha() for char in word[first:]) and sum(map(str.isalpha, word)) >= 2:
            return word.translate(DIGIT_FOR_LETTER)
    elif word[0] in SWAPPABLE and len(word) >= 4 and word[1:].isalpha() and word[1:].islower():
        return word.translate(DIGIT_FOR_LETTER)
    return word


def is_latin_text(text):
    """Is most of the text's lettering Latin?"""
    counts = {}
    for char in text[:4000]:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    return total > 0 and counts.get("LATIN", 0) >= 0.6 * total


def join_spaced(text):
    """(text with spaced-out words joined, how many)."""
    joined = 0

    def join(match):
        nonlocal joined
        joined += 1
        return match.group(1).replace(match.group(2), "")

    return SPACED.sub(join, text), joined


def normalised(raw):
    """The text the rules and the model read, and the tricks it used."""
    raw = raw or ""
    text = unicodedata.normalize("NFKC", raw)
    decorated = sum(unicodedata.normalize("NFKC", char) != char for char in raw)
    text, invisible = INVISIBLE.subn("", text)
    # Decorations stacked on Latin letters (strike-through, underline marks).
    kept = "".join(char for i, char in enumerate(text)
                   if not (unicodedata.combining(char) and i and text[i - 1].isascii()))
    decorated += len(text) - len(kept)
    text = kept
    text, spaced = join_spaced(text)
    latin_text = is_latin_text(text)
    counts = {"folded": 0, "mixed": 0, "digits": 0}
    links = {match.start(): match.end() for match in WEB_ADDRESS.finditer(text)}
    pieces, position = [], 0
    for match in TOKEN.finditer(text):
        pieces.append(text[position:match.start()])
        position = match.end()
        token = match.group(0)
        if match.start() in links:
            pieces.append(token)
            continue
        pieces.append(LETTERS_AND_DIGITS.sub(lambda word: fold(word.group(0), latin_text,
                                                                counts), token))
    pieces.append(text[position:])
    return Normalised(
        text="".join(pieces).casefold(), raw=raw, invisible=invisible, decorated=decorated,
        folded_words=counts["folded"], mixed_script_words=counts["mixed"],
        spaced_words=spaced, digit_swaps=counts["digits"],
    )


def fold(word, latin_text, counts):
    """One word folded: look-alikes to Latin, then digits to letters."""
    folded, was_folded, mixed = fold_word(word, latin_text)
    counts["folded"] += was_folded
    counts["mixed"] += mixed
    undone = undo_digits(folded)
    counts["digits"] += undone != folded
    return undone
