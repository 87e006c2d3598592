"""The spam rules: does a new account's story or profile look like spam?

Several weak signals are added into a score, each with the reason it gives,
and an item is held for a moderator only when the score reaches HOLD_AT. No
single ordinary habit holds a genuine maker: linking to one's own shop costs
nothing, one link to a supplier or a gallery costs less than the threshold.

The reasons are kept on the review so a moderator sees why an item was held.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..content.text import WEB_ADDRESS
from . import fingerprints

HOLD_AT = 3.0
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
class Verdict:
    """The score of an item and the reasons behind it."""

    score: float = 0.0
    reasons: list = field(default_factory=list)

    def add(self, points, reason):
        if points > 0:
            self.score += points
            self.reasons.append(f"{reason} (+{points:g})")

    @property
    def held(self):
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
        verdict.add(points, f"links to {len(foreign)} other site(s): {shown}")
    words = word_count(text)
    if len(links) >= 2 and len(links) * 100 > 4 * max(words, 1):
        verdict.add(1.5, f"{len(links)} links in {words} words")


def folded(text):
    """Lower-case words separated by single spaces (markup and punctuation gone)."""
    return " ".join(WORD.findall((text or "").casefold()))


def check_vocabulary(verdict, text):
    """Spam words, numbers of followers, advert language, contact details."""
    words = f" {folded(text)} "
    found = [phrase for phrase in VOCABULARY if f" {phrase} " in words]
    points = sum(VOCABULARY[phrase] for phrase in found)
    if FOLLOWER_NUMBERS.search(words):
        found.append("numbers of followers or likes")
        points += 1.5
    if found:
        verdict.add(min(points, MAX_VOCABULARY_POINTS), "spam vocabulary: " + ", ".join(found[:6]))
    if PROMOTION.search(text or ""):
        verdict.add(1.0, "advert language: discount codes or prices")
    if CONTACT.search(text or ""):
        verdict.add(1.5, "asks to be contacted on a messaging app or by phone")
    elif EMAIL.search(text or ""):
        verdict.add(0.5, "gives an email address to write to")


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
                    f"{keyword_links} link(s) whose words repeat their address")


def check_copy(verdict, text, maker, story=None):
    score, original = fingerprints.closest_copy(text, maker, story)
    if original is not None and score >= COPY_SIMILARITY:
        verdict.add(3.0, f"about {score:.0%} of its text is already on the site "
                         f"({original.subject}, by another maker)")


def check_story(story, maker, listed_urls):
    """The verdict on a story by this maker, whose shops are `listed_urls`."""
    verdict = Verdict()
    own_hosts = {host_of(url) for url in listed_urls} - {""}
    text = "\n".join((story.title, story.body_md, story.materials, story.process_md))
    check_links(verdict, text, own_hosts)
    check_keyword_anchors(verdict, text)
    check_vocabulary(verdict, text + "\n" + "\n".join(listed_urls))
    check_copy(verdict, fingerprints.text_of_story(story), maker, story)
    return verdict


def check_profile(maker, listed_urls, link_labels=()):
    """The verdict on a profile: its words, and the links it lists."""
    verdict = Verdict()
    own_hosts = {host_of(url) for url in listed_urls} - {""}
    text = "\n".join((maker.display_name, maker.tagline, maker.about_md))
    check_links(verdict, text, own_hosts)
    check_keyword_anchors(verdict, text)
    everything = "\n".join((text, *link_labels, *(url.replace("-", " ").replace(".", " ")
                                                    for url in listed_urls)))
    check_vocabulary(verdict, everything)
    words = word_count(maker.tagline + " " + maker.about_md)
    links = len(links_in(text)) + len(listed_urls)
    if links >= 4 and words < 8 * links:
        verdict.add(1.5, f"little but links: {links} links and {words} words")
    check_copy(verdict, fingerprints.text_of_profile(maker), maker)
    return verdict


def check_kind_word(kind_word):
    """The verdict on a visitor's kind word: links, spam words, adverts,
    contact details. (It links to nobody's shop, so every link counts.)"""
    verdict = Verdict()
    text = "\n".join((kind_word.author, kind_word.text))
    check_links(verdict, text, set())
    check_keyword_anchors(verdict, text)
    check_vocabulary(verdict, text)
    return verdict
