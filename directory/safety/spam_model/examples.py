"""Labelled examples for the model: the shipped corpus and this site's
moderator decisions, as features, labels, weights and families."""

import json
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .. import fingerprints
from ..spam import Written
from . import corpus
from .features import of_written

# How much one decision counts, by what the moderator did. A restore is a
# genuine post the rules (or reports) got wrong: the mistakes worth most.
DECISION_WEIGHTS = {"restore": 3.0, "dismiss": 2.0, "remove": 2.0, "hide": 1.5}
SPAM_DECISIONS = frozenset({"remove", "hide"})


@dataclass
class Examples:
    features: list = field(default_factory=list)
    labels: list = field(default_factory=list)  # 1 spam, 0 genuine
    weights: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # families; never split across folds
    ids: list = field(default_factory=list)

    def add(self, features, is_spam, weight, group, ident):
        self.features.append(features)
        self.labels.append(int(is_spam))
        self.weights.append(weight)
        self.groups.append(group)
        self.ids.append(ident)

    def __add__(self, other):
        return Examples(*(getattr(self, name) + getattr(other, name)
                          for name in ("features", "labels", "weights", "groups", "ids")))

    def __len__(self):
        return len(self.labels)

    def where(self, keep):
        """The examples whose group `keep(group)` accepts."""
        chosen = Examples()
        for i, group in enumerate(self.groups):
            if keep(group):
                chosen.add(self.features[i], self.labels[i], self.weights[i], group, self.ids[i])
        return chosen

    @property
    def sure(self):
        return [one.sure for one in self.features]

    @property
    def y(self):
        return np.array(self.labels, dtype=int)


@cache
def demo_signatures():
    """Fingerprints of the demo stories: the texts "already on the site" when
    the corpus was posted, so copies in the corpus score as they would."""
    stories = json.loads(corpus.DEMO_STORIES.read_text(encoding="utf-8"))
    found = [fingerprints.signature(story["title"] + " " + story["body"]) for story in stories]
    return [values for values in found if values]


def copy_score(item):
    values = fingerprints.signature(item.title + " " + item.body)
    if values is None:
        return 0.0
    return max((fingerprints.similarity(values, other) for other in demo_signatures()),
               default=0.0)


def written_item(item):
    """A corpus item as the rules read it."""
    text = item.title + "\n" + (item.tagline + "\n" + item.body if item.kind == "profile"
                                else item.body)
    score = copy_score(item) if item.kind == "story" else 0.0
    return Written(kind=item.kind, text=text, listed_urls=list(item.shop_links),
                   account_days=item.account_days, copy_score=score,
                   copy_of="a demo story" if score else "")


@cache
def _corpus_features():
    return {item.id: of_written(written_item(item)) for item in corpus.load()}


def from_corpus(split="train"):
    """The shipped corpus's examples of one split ("train", "heldout", "heldout-<n>")."""
    found, features = Examples(), _corpus_features()
    for item in corpus.load(split):
        found.add(features[item.id], item.is_spam, item.weight, item.family, item.id)
    return found


def from_labels(labels):
    """Examples from SpamLabel rows (the latest decision on each subject)."""
    found = Examples()
    for label in labels:
        written = Written(kind=label.kind, text=label.text,
                          listed_urls=label.listed_urls.split(), account_days=label.account_days,
                          copy_score=label.copy_score)
        found.add(of_written(written), label.action in SPAM_DECISIONS,
                  DECISION_WEIGHTS.get(label.action, 1.0), f"site-{label.subject}",
                  f"label-{label.id}")
    return found
