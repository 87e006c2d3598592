"""How well a model holds spam and lets genuine posts through.

Every figure here is measured on items the model was not fitted on: folds
grouped by family (a family's near-copies never sit on both sides), one
family left out at a time, or the frozen held-out families.
"""

from dataclasses import dataclass, field

import numpy as np

from . import linear

MAX_GENUINE_HELD = 0.02


@dataclass
class Rates:
    spam_held: int = 0
    spam: int = 0
    genuine_held: int = 0
    genuine: int = 0
    families: dict = field(default_factory=dict)  # {family: (held, total)}

    @property
    def spam_rate(self):
        return self.spam_held / self.spam if self.spam else 0.0

    @property
    def genuine_rate(self):
        return self.genuine_held / self.genuine if self.genuine else 0.0

    def line(self):
        return (f"spam held {self.spam_held}/{self.spam} ({self.spam_rate:.1%}), "
                f"genuine held {self.genuine_held}/{self.genuine} ({self.genuine_rate:.1%})")


def rates(probabilities, labels, groups, hold_at, sure=None):
    """Who is held at `hold_at` (or by the rules alone, `sure`), overall and per family."""
    found = Rates()
    sure = sure if sure is not None else [False] * len(labels)
    for probability, label, group, certain in zip(probabilities, labels, groups, sure,
                                                  strict=True):
        held = certain or probability >= hold_at
        if label:
            found.spam += 1
            found.spam_held += held
        else:
            found.genuine += 1
            found.genuine_held += held
        family = "v1 corpus" if group.startswith("v1-") else group
        done, total = found.families.get(family, (0, 0))
        found.families[family] = (done + held, total + 1)
    return found


def threshold_for(probabilities, labels, sure=None, at_most=MAX_GENUINE_HELD):
    """The lowest threshold that holds at most `at_most` of the genuine items
    (counting those the rules hold alone, `sure`)."""
    labels = np.asarray(labels)
    sure = np.asarray(sure if sure is not None else [False] * len(labels), dtype=bool)
    genuine = np.sort(np.asarray(probabilities)[(labels == 0) & ~sure])[::-1]
    allowed = int(np.floor(at_most * (labels == 0).sum())) - int(((labels == 0) & sure).sum())
    if allowed < 0:
        return 1.0
    if allowed >= len(genuine):
        return 0.0
    return float(np.nextafter(genuine[allowed], 1.0))


def grouped_cv(examples, learner, strength=None):
    """Out-of-fold probabilities, folds grouped by family (GroupKFold, 5)."""
    probabilities = np.zeros(len(examples))
    groups = np.array(examples.groups)
    for train, test in linear.GroupKFold(n_splits=linear.FOLDS).split(
            groups, examples.y, groups):
        model = fit(examples, train, learner, strength)
        probabilities[test] = model.probabilities([examples.features[i] for i in test])
    return probabilities


def fit(examples, indices, learner, strength=None):
    chosen = list(indices)
    return linear.train([examples.features[i] for i in chosen],
                        examples.y[chosen], np.array(examples.weights)[chosen],
                        np.array(examples.groups)[chosen], learner=learner, strength=strength)


def leave_family_out(examples, family, learner, strength=None):
    """Train without one family, score it: how the model does on a kind of
    spam (or of maker) it has never seen."""
    keep = [i for i, group in enumerate(examples.groups) if group != family]
    left = [i for i, group in enumerate(examples.groups) if group == family]
    model = fit(examples, keep, learner, strength)
    return model.probabilities([examples.features[i] for i in left])


def score(model, examples, hold_at):
    """A model's rates on examples it was not fitted on."""
    probabilities = model.probabilities(examples.features) if len(examples) else []
    return rates(probabilities, examples.labels, examples.groups, hold_at, examples.sure)


def better_or_equal(new, current):
    """Is `new` (Rates) at least as good as `current`? It must hold no more
    genuine posts than the current model (or than 2%, if that is more), and
    at least as much spam."""
    allowed = max(current.genuine_rate, MAX_GENUINE_HELD)
    return new.genuine_rate <= allowed + 1e-9 and new.spam_rate >= current.spam_rate - 1e-9
