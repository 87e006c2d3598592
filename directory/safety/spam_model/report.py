"""`make spam-report`: how the spam model does on spam and makers it never saw.

1. Grouped cross-validation on the training families (5 folds by family),
   for each learner: the share of spam held when at most 2% of genuine posts
   are held. (How the default, linear.DEFAULT_LEARNER, was chosen, on these
   figures and the validation sets: README.)
2. For the default learner, per family, at the configured threshold.
3. Leave one family out: each spam family of the training part in turn is
   left out of training and scored.
4. The frozen held-out families: scored by the model trained on the whole
   training part (the shipped default model), at the configured threshold,
   beside the rules alone.
5. Each written held-out set (data/spam/written/heldout-<n>.json): items
   each written whole by someone who had seen neither the corpus nor the
   model, scored the same way. These and 4 are the figures the README quotes.

Run: `.venv/bin/python -m directory.safety.spam_model.report` (about eleven
minutes on two cores).
"""

import sys
import time

from ...config import SPAM_HOLD_PROBABILITY
from ..spam import HOLD_AT
from . import corpus, evaluate, linear
from .examples import from_corpus
from .store import train_default


def families(found, prefix=""):
    for family, (held, total) in sorted(found.families.items()):
        if family.startswith(prefix):
            print(f"    {family:28s} {held:3d}/{total:<3d} ({held / total:.0%})")


def compare_learners(train):
    print("1. Grouped 5-fold cross-validation on the training families")
    for learner in linear.LEARNERS:
        started = time.monotonic()
        probabilities = evaluate.grouped_cv(train, learner)
        threshold = evaluate.threshold_for(probabilities, train.labels, train.sure)
        found = evaluate.rates(probabilities, train.labels, train.groups, threshold, train.sure)
        print(f"  {learner:10s} at most 2% genuine (threshold {threshold:.3f}): "
              f"{found.line()}  [{time.monotonic() - started:.0f} s]")
        if learner == linear.DEFAULT_LEARNER:
            chosen = probabilities
    return chosen


def per_family(train, probabilities):
    found = evaluate.rates(probabilities, train.labels, train.groups, SPAM_HOLD_PROBABILITY,
                           train.sure)
    print(f"\n2. {linear.DEFAULT_LEARNER}, out of fold, at the configured threshold "
          f"{SPAM_HOLD_PROBABILITY}: {found.line()}")
    families(found)


def leave_one_out(train):
    print(f"\n3. Leave one spam family out ({linear.DEFAULT_LEARNER}, threshold "
          f"{SPAM_HOLD_PROBABILITY})")
    spam_families = sorted({group for group, label in zip(train.groups, train.labels,
                                                          strict=True)
                            if label and not group.startswith("v1-")})
    held = total = 0
    for family in spam_families:
        probabilities = evaluate.leave_family_out(train, family, linear.DEFAULT_LEARNER)
        sure = [one.sure for one, group in zip(train.features, train.groups, strict=True)
                if group == family]
        count = int(sum(p >= SPAM_HOLD_PROBABILITY or s
                        for p, s in zip(probabilities, sure, strict=True)))
        held, total = held + count, total + len(probabilities)
        print(f"    {family:28s} {count:3d}/{len(probabilities):<3d}")
    print(f"  overall: {held}/{total} ({held / total:.1%}) of spam from a family never seen")


def held_out(heldout, model, title):
    print(f"\n{title}")
    found = evaluate.score(model, heldout, SPAM_HOLD_PROBABILITY)
    print(f"  model + sure rules, threshold {SPAM_HOLD_PROBABILITY}: {found.line()}")
    families(found)
    probabilities = model.probabilities(heldout.features)
    threshold = evaluate.threshold_for(probabilities, heldout.labels, heldout.sure)
    best = evaluate.rates(probabilities, heldout.labels, heldout.groups, threshold, heldout.sure)
    print(f"  (for reference, with the threshold set on these very items to hold at most 2% "
          f"genuine, {threshold:.3f}: {best.line()})")
    rules = rules_alone(heldout)
    print(f"  the rules alone (SPAM_RULES_ONLY, score {HOLD_AT:g} holds): {rules.line()}")
    families(rules)
    return found


def rules_alone(examples):
    """The rules' own verdicts (score >= HOLD_AT), kept on the features."""
    return evaluate.rates([1.0 if one.rule_score >= HOLD_AT else 0.0
                           for one in examples.features],
                          examples.labels, examples.groups, 0.5)


def main():
    train, heldout = from_corpus("train"), from_corpus("heldout")
    print(f"Training part: {sum(train.labels)} spam and {len(train) - sum(train.labels)} "
          f"genuine items in {len(set(train.groups))} families (the first corpus counts each "
          f"of its items as a family); held-out part: {sum(heldout.labels)} spam and "
          f"{len(heldout) - sum(heldout.labels)} genuine in {len(set(heldout.groups))} "
          "families.\n")
    probabilities = compare_learners(train)
    per_family(train, probabilities)
    leave_one_out(train)
    model = train_default()
    held_out(heldout, model, "4. Frozen held-out families, never trained or tuned on")
    for number, split in enumerate(corpus.heldout_splits()[1:], start=5):
        written = from_corpus(split)
        held_out(written, model, f"{number}. Held-out set {split} ({corpus.WRITTEN.name}/"
                                 f"{split}.json), written whole by someone who had seen neither "
                                 f"corpus nor model: {sum(written.labels)} spam, "
                                 f"{len(written) - sum(written.labels)} genuine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
