"""The learned model: a linear model over character and word n-grams of the
normalised text and the rules' hits, with calibrated probabilities.

The only module that imports scikit-learn (an import-linter contract says
so). Three learners are available: logistic regression ("logistic"),
complement naive Bayes ("complement"), and their blend ("blend": the mean
of their calibrated log-odds, itself a linear model). All end as one weight
per feature and a bias, so a model is saved as plain arrays (numpy's .npz,
loaded with allow_pickle=False: no code runs when a model file is opened),
with the pipeline it was made for (PIPELINE). Scores
become probabilities by Platt scaling fitted on out-of-fold scores, folds
grouped by family.
"""

import hashlib
import json
import warnings
from functools import cached_property

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.naive_bayes import ComplementNB

from .features import NAMES, PLAIN, VERSION

CHAR = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2, "sublinear_tf": True,
        "max_features": 60000, "dtype": np.float64}
WORD = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True,
        "token_pattern": r"(?u)\b\w+\b", "max_features": 30000, "dtype": np.float64}
LEARNERS = ("logistic", "complement", "blend")
PARTS = ("complement", "logistic")  # what "blend" averages
# How much each block of features counts: character n-grams, word n-grams,
# and the rules' numbers. At full weight the rules' numbers drowned the words:
# a maker who gives a WhatsApp number for orders, or quotes a scam to warn
# others, scored as spam. Grouped cross-validation and the validation sets
# both improved as their weight fell to a tenth (README, "Spam and
# moderation"); a tenth, not nothing, so that the rules still count.
BLOCKS = (1.0, 1.0, 0.1)
FOLDS = 5
# What a model's weights mean: the features' version, names, n-grams and
# blocks. A model file made under another pipeline is refused.
PIPELINE = hashlib.sha256(repr((VERSION, NAMES, CHAR, WORD, BLOCKS)).encode()).hexdigest()[:16]


class TrainingWarning(RuntimeError):
    """The learner did not settle (scikit-learn's ConvergenceWarning)."""


def vectoriser(params, terms=None, idf=None):
    if terms is None:
        return TfidfVectorizer(**params)
    made = TfidfVectorizer(**params, vocabulary={term: i for i, term in enumerate(terms)})
    made.idf_ = idf
    return made


class LinearModel:
    """Weights over [char n-grams | word n-grams | numeric features]."""

    def __init__(self, char, word, weights, bias, platt, *, meta):
        self.char, self.word = char, word
        self.weights, self.bias = np.asarray(weights, dtype=np.float64), float(bias)
        self.platt = tuple(float(value) for value in platt)
        self.meta = meta
        self.sizes = (len(char.vocabulary_), len(word.vocabulary_))

    # --- scoring -------------------------------------------------------------

    def matrix(self, features):
        return assemble(self.char, self.word, features)

    def probabilities(self, features):
        return platt(self.matrix(features) @ self.weights + self.bias, *self.platt)

    def probability(self, one):
        return float(self.probabilities([one])[0])

    def explain(self, one, top=4):
        """The features that pushed this item towards spam most, in plain words,
        strongest first: [(phrase, contribution)]."""
        row = self.matrix([one]).tocsr()
        contributions = row.data * self.weights[row.indices]
        chars, words, groups = [], [], {}
        n_char, n_word = self.sizes
        char_terms, word_terms = self.terms
        for index, value in sorted(zip(row.indices, contributions, strict=True),
                                   key=lambda pair: -pair[1]):
            if value <= 0.05:
                break
            if index < n_char:
                term = char_terms[index].strip()
                if readable(term) and all(term not in seen for seen, _ in chars):
                    chars.append((term, value))
            elif index < n_char + n_word:
                if readable(word_terms[index - n_char]):
                    words.append((word_terms[index - n_char], value))
            else:
                groups[PLAIN[NAMES[index - n_char - n_word]][0]] = value
        if words:
            shown = ", ".join(f"‘{term}’" for term, _ in words[:3])
            groups[f"words like {shown}"] = sum(value for _, value in words[:3])
        if chars:
            shown = ", ".join(f"‘{term}’" for term, _ in chars[:3])
            groups[f"spellings like {shown}"] = sum(value for _, value in chars[:3])
        return sorted(groups.items(), key=lambda pair: -pair[1])[:top]

    @cached_property
    def terms(self):
        """The n-grams by index (char, word), built once per model."""
        return self.char.get_feature_names_out(), self.word.get_feature_names_out()

    # --- files ---------------------------------------------------------------

    def save(self, path):
        np.savez_compressed(
            path, char_terms=np.array(self.char.get_feature_names_out(), dtype=str),
            char_idf=self.char.idf_, word_terms=np.array(self.word.get_feature_names_out(),
                                                         dtype=str),
            word_idf=self.word.idf_, weights=self.weights, bias=np.array(self.bias),
            platt=np.array(self.platt), pipeline=np.array(PIPELINE),
            meta=np.array(json.dumps(self.meta)))

    @classmethod
    def load(cls, path):
        with np.load(path, allow_pickle=False) as data:
            if "pipeline" not in data or str(data["pipeline"]) != PIPELINE:
                raise ValueError(f"{path} was made for other features; train it again")
            return cls(vectoriser(CHAR, data["char_terms"].tolist(), data["char_idf"]),
                       vectoriser(WORD, data["word_terms"].tolist(), data["word_idf"]),
                       data["weights"], data["bias"], data["platt"],
                       meta=json.loads(str(data["meta"])))


def readable(term):
    """Worth showing a moderator: an n-gram with a letter and no digit in it
    ("000 0000", "whatsapp 0" or "$" says little to a person, every digit
    being read as 0, though it counts in the score)."""
    return (any(character.isalpha() for character in term)
            and not any(character.isdigit() for character in term))


def assemble(char, word, features):
    texts = [one.text for one in features]
    numbers = np.array([[one.numbers[name] for name in NAMES] for one in features])
    return sparse.hstack([char.transform(texts) * BLOCKS[0], word.transform(texts) * BLOCKS[1],
                          sparse.csr_matrix(numbers) * BLOCKS[2]]).tocsr()


def platt(scores, a, b):
    return 1.0 / (1.0 + np.exp(-(a * np.asarray(scores) + b)))


def fit_weights(matrix, labels, weights, learner, strength):
    """(weights, bias) of one learner fitted on a matrix; ConvergenceWarning
    is turned into TrainingWarning, never ignored."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        if learner == "logistic":
            model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
            model.fit(matrix, labels, sample_weight=weights)
            found = model.coef_[0], model.intercept_[0]
        else:
            model = ComplementNB(alpha=strength)
            balance = np.where(labels == 1, 1.0 / max(labels.sum(), 1),
                               1.0 / max((1 - labels).sum(), 1)) * len(labels) / 2
            model.fit(matrix, labels, sample_weight=weights * balance)
            log_prob = model.feature_log_prob_
            found = log_prob[1] - log_prob[0], 0.0
    problems = [str(warning.message) for warning in caught
                if issubclass(warning.category, ConvergenceWarning)]
    if problems:
        raise TrainingWarning("; ".join(problems))
    return found


def out_of_fold(matrix, labels, weights, groups, *, learner, strength):
    """Each item's score from a model that never saw its family."""
    scores = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=FOLDS).split(matrix, labels, groups):
        w, b = fit_weights(matrix[train], labels[train], weights[train], learner, strength)
        scores[test] = matrix[test] @ w + b
    return scores


def fit_platt(scores, labels):
    """(a, b) so that 1 / (1 + exp(-(a s + b))) is a calibrated probability."""
    model = LogisticRegression(C=1e4, max_iter=1000)
    model.fit(np.asarray(scores).reshape(-1, 1), labels)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def calibrated(matrix, labels, weights, groups, *, learner, strength):
    """(weights, bias, out-of-fold scores) of one learner, scaled so that its
    scores are log-odds (Platt scaling fitted on the out-of-fold scores)."""
    oof = out_of_fold(matrix, labels, weights, groups, learner=learner, strength=strength)
    w, b = fit_weights(matrix, labels, weights, learner, strength)
    a, c = fit_platt(oof, labels)
    return a * w, a * b + c, a * oof + c


def fit_learner(matrix, labels, weights, groups, *, learner, strength):
    """(weights, bias, out-of-fold scores) of a learner; a blend is the mean of
    its parts' calibrated log-odds, so it is linear in the features too."""
    if learner != "blend":
        return calibrated(matrix, labels, weights, groups, learner=learner, strength=strength)
    parts = [calibrated(matrix, labels, weights, groups, learner=part,
                        strength=DEFAULT_STRENGTH[part])
             for part in PARTS]
    return tuple(sum(values) / len(parts) for values in zip(*parts, strict=True))


def train(features, labels, weights, groups, *, learner=None, strength=None, meta=None):
    """A LinearModel fitted on `features` (Features), labels (1 spam, 0 genuine),
    sample weights and families (groups). A blend takes no strength: each
    part uses its own default."""
    learner = learner or DEFAULT_LEARNER
    if learner not in LEARNERS:
        raise ValueError(f"unknown learner {learner!r}; one of {LEARNERS}")
    if learner == "blend" and strength is not None:
        raise ValueError("a blend takes no strength: each of its parts uses its default")
    strength = strength if strength is not None else DEFAULT_STRENGTH.get(learner)
    labels, weights = np.asarray(labels, dtype=int), np.asarray(weights, dtype=float)
    texts = [one.text for one in features]
    char, word = TfidfVectorizer(**CHAR).fit(texts), TfidfVectorizer(**WORD).fit(texts)
    matrix = assemble(char, word, features)
    w, b, oof = fit_learner(matrix, labels, weights, groups, learner=learner, strength=strength)
    strengths = ({part: DEFAULT_STRENGTH[part] for part in PARTS} if learner == "blend"
                 else strength)
    meta = {**(meta or {}), "learner": learner, "strength": strengths}
    return LinearModel(char, word, w, b, fit_platt(oof, labels), meta=meta)


# Chosen by grouped cross-validation on the training families and the
# validation sets (README, "Spam and moderation").
DEFAULT_LEARNER = "blend"
DEFAULT_STRENGTH = {"logistic": 30.0, "complement": 0.1}
