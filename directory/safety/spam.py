"""The spam rules: does a new account's story or profile look like spam?

Several weak signals are added into a score, each with the reason it gives,
and an item is held for a moderator only when the score reaches HOLD_AT. No
single ordinary habit holds a genuine maker: linking to one's own shop costs
nothing, one link to a supplier or a gallery costs less than the threshold.

The reasons are kept on the review so a moderator sees why an item was held.
The rules read the text normalised (normalise.py): look-alike letters,
spaced-out letters and digit swaps undone; using such tricks is a rule of
its own. Each rule's points are also kept by name (`Verdict.hits`): they are
features of the learned model (spam_model/), which decides unless the site
runs on the rules only (SPAM_RULES_ONLY).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..content.text import WEB_ADDRESS
from ..models import utcnow
from . import fingerprints
from .normalise import normalised

HOLD_AT = 3.0
# A score the rules reach only on spam: it holds even when the model would
# publish (no genuine item of the training families scores this much).
SURE_AT = 6.0
COPY_SIMILARITY = 0.5
WORD = re.compile(r"\w+")
CONTACT = re.compile(
    r"\b(telegram|whats\s?app|wechat|signal me|kik|skype)\b|\+\d[\d\s-]{8,}\d", re.IGNORECASE
)

# Words and phrases spam uses and makers rarely do, with their weight. Matched
# on whole words of the folded text (punctuation and markup ignored), of the
# link addresses and of the link labels.
VOCABULARY = {
    # followers and engagement for sale
    "buy followers": 2, "real followers": 1, "active followers": 1, "instant followers": 2,
    "buy likes": 2, "followers fast": 2, "grow your instagram": 1.5,
    "boost your followers": 2, "engagement package": 1.5, "engagement group": 2,
    "engagement pod": 2, "explore page": 1, "smm panel": 2, "verified badge": 1,
    # money
    "crypto": 1, "bitcoin": 1, "btc": 1, "forex": 1.5, "airdrop": 2, "passive income": 1.5,
    "investment opportunity": 2, "guaranteed returns": 2, "guaranteed profit": 2,
    "guaranteed": 0.5, "profit": 1, "profits": 1, "withdraw": 1, "account manager": 1.5,
    "funds recovery": 2, "recover your funds": 2, "trading signals": 2, "cloud mining": 2,
    "payday loan": 2, "payday loans": 2, "quick loan": 1.5, "loans": 1, "financing": 0.5,
    "finance": 0.5, "insurance": 1, "mortgage": 1,
    "casino": 1.5, "betting": 1, "slots": 1, "slot": 1, "jackpot": 1, "bonus code": 1.5,
    "make money online": 2, "work from home": 1, "double your": 1.5,
    # pharma and health
    "viagra": 2, "cialis": 2, "pharmacy": 1, "no prescription": 2, "without prescription": 2,
    "weight loss": 1, "diet pills": 2, "keto": 1, "cbd": 1.5, "cbd oil": 1, "delta 8": 1,
    "pills": 1, "gummies": 0.5,
    # search-engine and marketing spam
    "seo": 1, "backlinks": 2, "backlink": 2, "guest post": 1.5, "link building": 2,
    "rank higher": 1.5, "page one of google": 1.5, "digital marketing agency": 1.5,
    "essay writing": 2, "essay writers": 2, "write my essay": 2, "dissertation": 1.5,
    "assignment": 1, "cheap": 0.5, "best price": 1, "best deals": 1,
    "click here": 1, "visit our website": 1, "limited time offer": 1, "order now": 1,
    "free shipping worldwide": 1, "closing down sale": 1, "everything must go": 1,
    # resellers posing as makers
    "replica": 2, "replicas": 2, "rolex": 1, "wholesale": 0.5, "dropshipping": 2,
    "dropship": 2, "factory direct": 1.5, "factory price": 1.5, "direct from factory": 1.5,
    "bulk order": 1, "oem": 1.5, "aliexpress": 1.5, "moq": 1.5, "outlet": 0.5,
    # services that are not crafts
    "plumber": 1, "plumbing": 1, "roofing": 1, "locksmith": 1, "escort": 2, "dating": 1,
}
MAX_VOCABULARY_POINTS = 4

# "5k followers", "12,000 real active followers", "500 likes": numbers for sale.
FOLLOWER_NUMBERS = re.compile(
    r"\b\d[\d,. ]*k?\s+(?:\w+\s+){0,2}(?:followers|likes|views|subscribers)\b")
# "Use code WEAVE20 for 20% off", "only $39": the language of an advert.
PROMOTION = re.compile(
    r"\b(?:use|with|enter) (?:my |the |promo |discount )?code\b|\b\d{1,2} ?% off\b"
    r"|\b(?:only|just|from)\s*[$€£]\s?\d", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
# Words a link's text shares with its address that say nothing about SEO.
PLAIN_WORDS = frozenset(
    "a an and at for from in my of on our the this to with shop store page site website "
    "here link collection collections blog post".split())


@dataclass
class Written:
    """What a maker wrote, as the rules and the model read it."""

    kind: str  # "story" or "profile"
    text: str  # everything written, title (or name) first
    listed_urls: list = field(default_factory=list)
    link_labels: list = field(default_factory=list)
    copy_score: float = 0.0  # the share of the text already on the site (another maker's)
    copy_of: str = ""  # what it was copied from
    account_days: float = 0.0  # the account's age when it was written


@dataclass
class Verdict:
    """The score of an item and the reasons behind it. The rules hold at
    HOLD_AT; when the model has scored the item (`probability`), it decides."""

    score: float = 0.0
    reasons: list = field(default_factory=list)
    hits: dict = field(default_factory=dict)  # {rule: points}, the model's features
    written: Written | None = None
    signals: dict = field(default_factory=dict)  # the normaliser's tricks counted
    probability: float | None = None
    hold_at: float = 1.0
    explanation: list = field(default_factory=list)  # the model's reasons, plain words

    def add(self, points, reason, rule="other"):
        if points > 0:
            self.score += points
            self.hits[rule] = self.hits.get(rule, 0) + points
            self.reasons.append(f"{reason} (+{points:g})")

    @property
    def sure(self):
        """Held whatever the model says: another maker's text (always a
        moderator's call), or a score the rules reach only on spam."""
        return bool(self.hits.get("copied")) or self.score >= SURE_AT

    @property
    def held(self):
        if self.sure:
            return True
        if self.probability is not None:
            return self.probability >= self.hold_at
        return self.score >= HOLD_AT


def host_of(url):
    """The host of a web address, lower-cased, without "www."."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        url = "http://" + url
    parts = split(url)
    host = (parts.hostname or "").lower() if parts else ""
    return host.removeprefix("www.")


def split(url):
    """urlsplit, or None for an address Python refuses to take apart."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def links_in(text):
    return [match.group(0).rstrip(".,;:!?*_") for match in WEB_ADDRESS.finditer(text or "")]


def is_own(host, own_hosts):
    """The maker's own site or a page under one of their listed hosts."""
    return any(host == own or host.endswith("." + own) for own in own_hosts)


def word_count(text):
    return len(WORD.findall(WEB_ADDRESS.sub(" ", text or "")))


def check_links(verdict, text, own_hosts):
    """Links to other people's sites, and text that is mostly links."""
    links = links_in(text)
    foreign = sorted({host_of(url) for url in links} - {""})
    foreign = [host for host in foreign if not is_own(host, own_hosts)]
    if foreign:
        shown = ", ".join(foreign[:4]) + ("…" if len(foreign) > 4 else "")
        points = min(1.0 + 0.75 * (len(foreign) - 1), 4.0)
        verdict.add(points, f"links to {len(foreign)} other site(s): {shown}", "foreign_links")
    words = word_count(text)
    if len(links) >= 2 and len(links) * 100 > 4 * max(words, 1):
        verdict.add(1.5, f"{len(links)} links in {words} words", "link_density")


def folded(text):
    """Lower-case words separated by single spaces (markup and punctuation gone)."""
    return " ".join(WORD.findall((text or "").casefold()))


def check_vocabulary(verdict, text):
    """Spam words, numbers of followers, advert language, contact details."""
    words = f" {folded(text)} "
    found = [phrase for phrase in VOCABULARY if f" {phrase} " in words]
    points = sum(VOCABULARY[phrase] for phrase in found)
    followers = FOLLOWER_NUMBERS.search(words)
    if followers:
        found.append("numbers of followers or likes")
    if found:
        # The follower numbers count under their own name, for the model.
        words_points = min(points, MAX_VOCABULARY_POINTS)
        total = min(points + 1.5 * bool(followers), MAX_VOCABULARY_POINTS)
        verdict.add(total, "spam vocabulary: " + ", ".join(found[:6]), "vocabulary")
        if followers:
            verdict.hits["vocabulary"] = words_points
            verdict.hits["follower_numbers"] = total - words_points
    if PROMOTION.search(text or ""):
        verdict.add(1.0, "advert language: discount codes or prices", "advert")
    if CONTACT.search(text or ""):
        verdict.add(1.5, "asks to be contacted on a messaging app or by phone", "contact")
    elif EMAIL.search(text or ""):
        verdict.add(0.5, "gives an email address to write to", "email")


def stems(text):
    return {word[:5] for word in WORD.findall((text or "").casefold())
            if word not in PLAIN_WORDS and len(word) > 2}


def check_keyword_anchors(verdict, text):
    """Links whose words repeat the address they point to ("cheap car insurance
    quotes" to /cheap-car-insurance): how search-engine spam links look."""
    keyword_links = 0
    for label, url in MARKDOWN_LINK.findall(text or ""):
        words = stems(label)
        parts = split(url if "://" in url else "http://" + url)
        path = parts.path if parts else url
        if len(words) >= 3 and len(words & stems(path.replace("-", " "))) >= 2:
            keyword_links += 1
    if keyword_links:
        verdict.add(min(keyword_links, 2) * 1.0,
                    f"{keyword_links} link(s) whose words repeat their address", "keyword_links")


# Tricks that hide words from the rules, as the normaliser counted them, with
# what each costs. Decorated letters (fullwidth, NFKC) cost nothing: Japanese
# makers type fullwidth characters every day.
TRICKS = {
    "folded": "letters from another script that look like Latin ones",
    "mixed_script": "words mixing letters of two scripts",
    "spaced": "spaced-out letters",
    "digit_swaps": "digits in place of letters",
    "invisible": "invisible characters inside words",
}
MAX_TRICK_POINTS = 2.0


def check_disguise(verdict, signals):
    """Text disguised so that word lists miss it."""
    found = [name for name in TRICKS if signals.get(name)]
    if found:
        verdict.add(min(len(found) * 1.0, MAX_TRICK_POINTS),
                    "disguised text: " + "; ".join(TRICKS[name] for name in found), "disguise")


def check_written(written):
    """The rules' verdict on what a maker wrote (Written), on normalised text."""
    verdict = Verdict(written=written)
    found = normalised(written.text)
    verdict.signals = found.signals
    text = found.text
    own_hosts = {host_of(url) for url in written.listed_urls} - {""}
    check_links(verdict, text, own_hosts)
    check_keyword_anchors(verdict, text)
    if written.kind == "profile":
        everything = "\n".join((text, *written.link_labels,
                                *(url.replace("-", " ").replace(".", " ")
                                  for url in written.listed_urls)))
        check_vocabulary(verdict, normalised(everything).text)
        words = word_count(text.partition("\n")[2])
        links = len(links_in(text)) + len(written.listed_urls)
        if links >= 4 and words < 8 * links:
            verdict.add(1.5, f"little but links: {links} links and {words} words",
                        "little_but_links")
    else:
        check_vocabulary(verdict, normalised(text + "\n" + "\n".join(written.listed_urls)).text)
    check_disguise(verdict, found.signals)
    if written.copy_score >= COPY_SIMILARITY:
        verdict.add(3.0, f"about {written.copy_score:.0%} of its text is already on the site "
                         f"({written.copy_of}, by another maker)", "copied")
    return verdict


def account_days(maker):
    """How many days old the account is (a float; 0 for a new one)."""
    created = getattr(maker, "created_at", None)
    if created is None:
        return 0.0
    return max((utcnow() - created).total_seconds() / 86400, 0.0)


def copied(text, maker, story=None):
    """(share, label of the original) of the text already on the site."""
    score, original = fingerprints.closest_copy(text, maker, story)
    return (score, original.subject) if original is not None else (0.0, "")


def written_story(story, maker, listed_urls):
    """A story as the rules read it."""
    score, original = copied(fingerprints.text_of_story(story), maker, story)
    return Written(kind="story", listed_urls=list(listed_urls),
                   text="\n".join((story.title, story.body_md, story.materials,
                                   story.process_md)),
                   copy_score=score, copy_of=original, account_days=account_days(maker))


def written_profile(maker, listed_urls, link_labels=()):
    """A profile (and its listed links) as the rules read it."""
    score, original = copied(fingerprints.text_of_profile(maker), maker)
    return Written(kind="profile", listed_urls=list(listed_urls),
                   link_labels=list(link_labels),
                   text="\n".join((maker.display_name, maker.tagline + "\n" + maker.about_md)),
                   copy_score=score, copy_of=original, account_days=account_days(maker))


def check_story(story, maker, listed_urls):
    """The verdict on a story by this maker, whose shops are `listed_urls`."""
    return check_written(written_story(story, maker, listed_urls))


def check_profile(maker, listed_urls, link_labels=()):
    """The verdict on a profile: its words, and the links it lists."""
    return check_written(written_profile(maker, listed_urls, link_labels))


def check_kind_word(kind_word):
    """The verdict on a visitor's kind word, by the rules alone (the model
    learned from stories and profiles): links, spam words, adverts, contact
    details, disguised text. (It links to nobody's shop, so every link counts.)"""
    found = normalised("\n".join((kind_word.author, kind_word.text)))
    verdict = Verdict(signals=found.signals)
    check_links(verdict, found.text, set())
    check_keyword_anchors(verdict, found.text)
    check_vocabulary(verdict, found.text)
    check_disguise(verdict, found.signals)
    return verdict
