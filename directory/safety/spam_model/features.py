"""What the model reads of an item: its normalised words, and the rules' hits.

The words are the normalised text (look-alikes, spaced letters and digit
swaps undone), with the addresses of the links the maker lists, every digit
read as 0. The rules' points, the normaliser's counts of tricks, the copied
share and the account's age become numbers on a scale of about 0 to 1, each
under a name that a moderator can read (PLAIN).
"""

import math
import re
from dataclasses import dataclass

from ..normalise import normalised
from ..spam import Verdict, Written, check_written

# Each numeric feature, what it says in plain words, and the value that counts as 1.
PLAIN = {
    "foreign_links": ("links to other sites", 4.0),
    "link_density": ("text that is mostly links", 1.5),
    "keyword_links": ("links whose words repeat their address", 2.0),
    "vocabulary": ("words from the spam word list", 4.0),
    "follower_numbers": ("numbers of followers or likes", 1.5),
    "advert": ("advert language: discount codes or prices", 1.0),
    "contact": ("a messaging-app or phone contact", 1.5),
    "email": ("an email address to write to", 0.5),
    "little_but_links": ("a profile that is little but links", 1.5),
    "copied": ("text already on the site from another maker", 3.0),
    "disguise": ("disguised words", 2.0),
    "folded": ("letters from another script", 3.0),
    "mixed_script": ("words mixing two scripts", 3.0),
    "spaced": ("spaced-out letters", 3.0),
    "digit_swaps": ("digits in place of letters", 3.0),
    "invisible": ("invisible characters", 10.0),
    "decorated": ("decorated or fullwidth letters", 20.0),
    "new_account": ("a brand-new account", 1.0),
    "is_profile": ("a profile rather than a story", 1.0),
}
NAMES = tuple(PLAIN)
# Raise when what a feature means changes (the text the n-grams read, a
# number's scale): model files made before are then refused (linear.PIPELINE).
VERSION = 2
# Every digit reads as 0 in the n-grams: a phone number's or a price's shape
# counts, its digits do not (else the model learns the numbers its writers
# happened to use).
DIGIT = re.compile(r"\d")


@dataclass
class Features:
    text: str  # for the n-grams
    numbers: dict  # {name: value}, each about 0..1
    sure: bool = False  # the rules hold it whatever the model says (Verdict.sure)
    rule_score: float = 0.0  # the rules' own score (they hold at spam.HOLD_AT)


def numbers_of(verdict):
    """The numeric features of a verdict of the rules."""
    values = {name: verdict.hits.get(name, 0.0) for name in NAMES}
    values.update({name: verdict.signals.get(name, 0) for name in
                   ("folded", "mixed_script", "spaced", "digit_swaps", "invisible", "decorated")})
    written = verdict.written
    values["copied"] = written.copy_score * 3.0 if written else 0.0
    # 1 on the first day, 0 after a week: the rules look only at new accounts.
    values["new_account"] = max(0.0, 1.0 - (written.account_days if written else 0.0) / 7)
    values["is_profile"] = 1.0 if written and written.kind == "profile" else 0.0
    return {name: min(math.log1p(values[name]) / math.log1p(PLAIN[name][1]), 2.0)
            for name in NAMES}


def of_verdict(verdict: Verdict):
    """The model's view of an item the rules have looked at."""
    written = verdict.written
    text = normalised("\n".join((written.text, *written.link_labels,
                                 *written.listed_urls))).text
    return Features(text=DIGIT.sub("0", text), numbers=numbers_of(verdict), sure=verdict.sure,
                    rule_score=verdict.score)


def of_written(written: Written):
    """The model's view of an item, the rules run first (training, evaluation)."""
    return of_verdict(check_written(written))
