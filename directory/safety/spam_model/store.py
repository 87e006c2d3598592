"""Model files: the installed model, the default one, and installing a new one.

Files live in SPAM_MODEL_FOLDER (instance/spam-models/ by default):

- `spam-model-v<N>.npz`: the models `flask train-spam` made, numbered;
- `current`: the name of the installed one (replaced atomically);
- `default-<digest>.npz`: the model trained from the shipped corpus alone,
  made the first time it is needed (by `init-db`, which `make run` calls),
  and again whenever the corpus or the code that makes features and models
  changes (the digest says which). Training is deterministic: every machine
  gets the same model.

Each process keeps the model it loaded until the file named in `current`
changes, so installing a model needs no restart.
"""

import hashlib
import logging
import os
import re
import threading
from functools import cache
from pathlib import Path

from .. import fingerprints, normalise, spam
from . import corpus, linear
from .examples import from_corpus

CURRENT = "current"
VERSIONED = re.compile(r"^spam-model-v(\d+)\.npz$")
_lock = threading.Lock()
_loaded = {}  # {path: (mtime, model, or the ValueError that refused it)}
_warned = set()  # installed files refused, said once per process
log = logging.getLogger(__name__)


# The code that reads the corpus, turns an item into features and features
# into a model: this package, the rules, the normaliser and the fingerprints.
MODEL_CODE = (*sorted(Path(__file__).parent.glob("*.py")),
              *(Path(module.__file__) for module in (spam, normalise, fingerprints)))


@cache
def corpus_digest():
    """What the default model is made from: the corpus files and the code that
    makes it (MODEL_CODE), read once per process (neither changes while it
    runs). Any change to either retrains the default model."""
    digest = hashlib.sha256()
    for path in (*sorted(corpus.FAMILIES.glob("*.txt")), corpus.FIRST_CORPUS,
                 corpus.DEMO_STORIES, *sorted(corpus.WRITTEN.glob("*.json")), *MODEL_CODE):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train_default(meta=None):
    """The default model: fitted on the training part of the shipped corpus."""
    examples = from_corpus("train")
    return linear.train(examples.features, examples.labels, examples.weights, examples.groups,
                        meta={"made_from": "shipped corpus (training families)",
                              "corpus": corpus_digest(), **(meta or {})})


def default_path(folder):
    return Path(folder) / f"default-{corpus_digest()}.npz"


@cache
def _default_for(digest):
    """The default model, trained once per process and corpus."""
    return train_default()


def ensure_default(folder):
    """The default model's file, trained and written if it is missing; the
    default models of earlier corpora and code are removed then (a process
    still running an earlier version writes its own again if it needs it)."""
    path = default_path(folder)
    if not path.exists():
        Path(folder).mkdir(parents=True, exist_ok=True)
        write(_default_for(corpus_digest()), path)
        for earlier in Path(folder).glob("default-*.npz"):
            if earlier != path:
                earlier.unlink(missing_ok=True)
    return path


def write(model, path):
    """Write a model file whole or not at all."""
    temporary = Path(f"{path}.{os.getpid()}.tmp.npz")
    model.save(temporary)
    os.replace(temporary, path)


def installed_path(folder):
    """The installed model's file, or None (then the default model serves)."""
    pointer = Path(folder) / CURRENT
    if not pointer.exists():
        return None
    name = pointer.read_text().strip()
    path = Path(folder) / name
    return path if VERSIONED.match(name) and path.exists() else None


def _read(path):
    """A model file, read again only when it changes; ValueError if it was
    made for other features."""
    mtime = path.stat().st_mtime_ns
    cached = _loaded.get(str(path))
    if cached is None or cached[0] != mtime:
        try:
            cached = (mtime, linear.LinearModel.load(path))
        except ValueError as error:
            cached = (mtime, error)
        _loaded[str(path)] = cached
    if isinstance(cached[1], ValueError):
        raise cached[1]
    return cached[1]


def in_use(folder):
    """(path, model) to score with: the installed model, else the default one.
    An installed model made for other features (by an earlier version, before
    an upgrade) is passed over, with a warning, until `train-spam` runs again."""
    with _lock:
        installed = installed_path(folder)
        if installed is not None:
            try:
                return installed, _read(installed)
            except ValueError as error:
                if str(installed) not in _warned:
                    _warned.add(str(installed))
                    log.warning("%s; the default spam model serves until `flask train-spam` "
                                "installs a new one", error)
        path = ensure_default(folder)
        return path, _read(path)


def load(folder):
    """The model to score with, cached per process (in_use)."""
    return in_use(folder)[1]


def next_version(folder):
    versions = [int(match.group(1)) for match in
                (VERSIONED.match(path.name) for path in Path(folder).glob("spam-model-v*.npz"))
                if match]
    return max(versions, default=0) + 1


def install(model, folder):
    """Write the model as the next version and make it the current one."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    version = next_version(folder)
    path = folder / f"spam-model-v{version}.npz"
    model.meta["version"] = version
    write(model, path)
    pointer = folder / f"{CURRENT}.{os.getpid()}.tmp"
    pointer.write_text(path.name + "\n")
    os.replace(pointer, folder / CURRENT)
    return path
