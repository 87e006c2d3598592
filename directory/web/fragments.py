"""Story and maker cards, memoised by what they show.

A card is a pure function of the rows it is made from: the story with its
cover photo and its maker, or the maker with their crafts. So each process
keeps the HTML of the cards it made (a bounded LRU), under a digest of every
column of those rows. A card whose rows changed in any way has a new digest
and is made afresh; there is nothing to invalidate, and nothing a viewer
does can change a card, so the same card is right for everyone.

Pages are still made for every logged-in request, with every query; only
the card templates are skipped. A home page, a list of makers or a profile
is mostly cards, so this halves the cost of making one.
"""

import hashlib
from collections import OrderedDict
from threading import Lock

from flask import current_app, render_template
from markupsafe import Markup

MAX_CARDS = 4096  # about 600 bytes each: a few MB per process


class Cards:
    """A bounded, thread-safe LRU of card HTML by digest."""

    def __init__(self, max_cards=MAX_CARDS):
        self.max_cards = max_cards
        self._kept = OrderedDict()
        self._lock = Lock()

    def get(self, key, make):
        with self._lock:
            html = self._kept.get(key)
            if html is not None:
                self._kept.move_to_end(key)
                return html
        html = make()
        with self._lock:
            self._kept[key] = html
            while len(self._kept) > self.max_cards:
                self._kept.popitem(last=False)
        return html

    def __len__(self):
        return len(self._kept)


def digest(*rows):
    """A digest of every column value of the rows (peewee models, or None)."""
    values = repr([(type(row).__name__, sorted(row.__data__.items())) if row is not None else None
                   for row in rows])
    return hashlib.blake2b(values.encode(), digest_size=16).digest()


def story_card(story, show_maker=True):
    """A story's card: its cover, title, maker (unless `show_maker` is false), summary and date."""
    key = ("story", show_maker, digest(story, story.cover, story.maker if show_maker else None))
    return _cards().get(key, lambda: _made("_story_card.html", story=story,
                                           show_maker=show_maker))


def maker_card(maker):
    """A maker's card: portrait, name, tagline, place, commissions and crafts."""
    key = ("maker", tuple(maker.crafts), digest(maker))
    return _cards().get(key, lambda: _made("_maker_card.html", maker=maker))


def _made(template, **context):
    """A card's HTML, marked safe for the page that places it."""
    return Markup(render_template(template, **context))  # noqa: S704 (an autoescaped template's output)


def _cards():
    return current_app.extensions["cards"]


def init_app(app):
    app.extensions["cards"] = Cards()
    app.jinja_env.globals.update(story_card=story_card, maker_card=maker_card)
