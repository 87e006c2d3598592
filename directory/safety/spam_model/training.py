"""`flask train-spam`: retrain the model from the shipped corpus and this
site's moderator decisions, and install it only if it is no worse.

Both models, the new one and the one in use, are scored on the same items
that neither was trained on: the corpus's frozen held-out sets, and one
site label in five (chosen by the subject's key, so the same labels are held
back every time). The new model is installed when it holds at least as much
spam and no more genuine posts (or at most 2%); otherwise the current one
stays and the command fails, saying why.
"""

import hashlib

import click
from flask import current_app
from flask.cli import with_appcontext

from ...extensions import db
from ...models import SpamLabel
from . import corpus, evaluate, linear, store
from .examples import from_corpus, from_labels

HELD_BACK = 5  # one site label in five is kept for the evaluation


def held_back(label):
    digest = hashlib.sha256(label.subject.encode()).digest()
    return digest[0] % HELD_BACK == 0


def site_labels():
    """(for training, for evaluation): the newest decision on each subject."""
    labels = list(SpamLabel.latest())
    return ([label for label in labels if not held_back(label)],
            [label for label in labels if held_back(label)])


def retrain(learner=None, strength=None):
    """(new model, its rates, the current model's rates, labels used)."""
    with db.connection_context():
        training_labels, evaluation_labels = site_labels()
        train = from_corpus("train") + from_labels(training_labels)
        check = from_labels(evaluation_labels)
        for split in corpus.heldout_splits():
            check = from_corpus(split) + check
    model = linear.train(train.features, train.labels, train.weights, train.groups,
                         learner=learner, strength=strength,
                         meta={"made_from": "shipped corpus and site labels",
                               "site_labels": len(training_labels),
                               "corpus": store.corpus_digest()})
    hold_at = current_app.config["SPAM_HOLD_PROBABILITY"]
    current = store.load(current_app.config["SPAM_MODEL_FOLDER"])
    return (model, evaluate.score(model, check, hold_at), evaluate.score(current, check, hold_at),
            (len(training_labels), len(evaluation_labels)))


@click.command("train-spam")
@with_appcontext
@click.option("--learner", type=click.Choice(linear.LEARNERS),
              help=f"The learner (default {linear.DEFAULT_LEARNER}).")
@click.option("--strength", type=float,
              help="Regularisation of one learner: logistic regression's C, or naive "
                   "Bayes's alpha.")
@click.option("--force", is_flag=True, help="Install the new model even if it scores worse.")
def train_spam_command(learner, strength, force):
    """Retrain the spam model from the shipped corpus and the moderators'
    decisions; install it (a new numbered file in SPAM_MODEL_FOLDER) unless
    it scores worse than the model in use."""
    if strength is not None and (learner or linear.DEFAULT_LEARNER) == "blend":
        raise click.UsageError("--strength applies to one learner (--learner logistic or "
                               "complement); a blend uses each part's default strength.")
    model, new, current, (trained, kept) = retrain(learner, strength)
    click.echo(f"Trained on the corpus's training families and {trained} site label(s); "
               f"scored on its held-out families and {kept} held-back site label(s), "
               f"at SPAM_HOLD_PROBABILITY={current_app.config['SPAM_HOLD_PROBABILITY']}:")
    click.echo(f"  model in use: {current.line()}")
    click.echo(f"  new model:    {new.line()}")
    model.meta["evaluation"] = new.line()
    if not (force or evaluate.better_or_equal(new, current)):
        raise click.ClickException(
            "The new model scores worse than the one in use; it was not installed. "
            "(--force installs it anyway.)")
    path = store.install(model, current_app.config["SPAM_MODEL_FOLDER"])
    click.echo(f"Installed {path.name}.")
