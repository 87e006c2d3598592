"""The model's word on a write: a probability, a hold, and why.

Called by the write path after the rules (safety/decisions.py). With
SPAM_RULES_ONLY set, or when no model can be loaded, the rules decide
alone, as they did before there was a model.
"""

from flask import current_app

from . import features, store

EXPLAINED = 4  # reasons shown to moderators


def rules_only():
    return bool(current_app.config["SPAM_RULES_ONLY"])


def judge(verdict):
    """Let the model score a verdict of the rules (in place). Returns it."""
    if verdict is None or rules_only():
        return verdict
    try:
        model = store.load(current_app.config["SPAM_MODEL_FOLDER"])
    except (OSError, ValueError, KeyError) as error:
        current_app.logger.error("Spam model unavailable, the rules decide alone: %s", error)
        return verdict
    seen = features.of_verdict(verdict)
    verdict.probability = model.probability(seen)
    verdict.hold_at = current_app.config["SPAM_HOLD_PROBABILITY"]
    if verdict.held:
        verdict.explanation = [phrase for phrase, _ in model.explain(seen, top=EXPLAINED)]
    return verdict
